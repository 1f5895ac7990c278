#include "reviewactions.h"

#include "actionregistry.h"
#include "articlepane.h"
#include "articleview.h"
#include "extract/selection.h"
#include "fieldform.h"
#include "incidentpanel.h"
#include "itemmodels/entitymodel.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/incidentlistmodel.h"
#include "mainwindow.h"
#include "mainwindow_p.h"
#include "menustyle.h"
#include "store/reviewstore.h"
#include "store/undocommands.h"
#include "workspacesession.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

// The selection without the spaces and punctuation an analyst's drag picks up at its edges.
QPair<int, int> trimmedSpan(const QString &text, int start, int end)
{
    auto isEdge = [](QChar c) {
        return c.isSpace() || (c.isPunct() && c != u'%' && c != u'(' && c != u')') || c == QChar::ParagraphSeparator;
    };
    while (start < end && isEdge(text.at(start))) {
        ++start;
    }
    while (end > start && isEdge(text.at(end - 1))) {
        --end;
    }
    return {start, end};
}

// A drag that starts or ends inside a word takes the whole word: a value is
// never half a name (ركة الاتصالات for شركة الاتصالات). What the drag left of
// the word before it is kept out when it is a clitic (و، ب، ال، لل ...), so
// شركة selected in بشركة stays شركة.
QPair<int, int> wholeWords(const QString &text, int start, int end)
{
    static const QStringList clitics = {u"وبال"_s, u"وكال"_s, u"ولل"_s, u"وال"_s, u"فال"_s, u"بال"_s, u"كال"_s,
                                        u"لل"_s,   u"ال"_s,   u"وب"_s,  u"ول"_s,  u"وك"_s,  u"فب"_s,  u"فل"_s,
                                        u"و"_s,    u"ف"_s,    u"ب"_s,   u"ك"_s,   u"ل"_s};
    auto inWord = [](QChar c) { return c.isLetterOrNumber() || c.isMark(); };
    if (end <= start) {
        return {start, end};
    }
    int wordStart = start;
    while (wordStart > 0 && inWord(text.at(wordStart - 1)) && inWord(text.at(wordStart))) {
        --wordStart;
    }
    if (wordStart < start && !clitics.contains(text.mid(wordStart, start - wordStart))) {
        start = wordStart;
    }
    while (end < text.size() && inWord(text.at(end)) && inWord(text.at(end - 1))) {
        ++end;
    }
    return {start, end};
}

// A count written only in words (نصف مليون، مليونين، ثلاثة آلاف) is a round
// figure, not an exact one, even without نحو or حوالي before it.
QString recordsQualifier(QStringView phrase, const QString &qualifier)
{
    if (qualifier != u"exact") {
        return qualifier;
    }
    const bool digits = std::any_of(phrase.begin(), phrase.end(), [](QChar c) { return c.isDigit(); });
    return digits ? qualifier : u"approx"_s;
}

} // namespace

ReviewActions::ReviewActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
}

WorkspaceSession *ReviewActions::session() const
{
    return m_window->session();
}

// ---- incidents ---------------------------------------------------------------------------

void ReviewActions::confirmField()
{
    if (!session() || m_window->incidentPanel()->currentIncidentId() == 0) {
        return;
    }
    FieldForm *form = m_window->incidentPanel()->form();
    // Enter after typing stores the typed value (a correction).
    if (form->commitCurrent()) {
        return;
    }
    IncidentFieldModel *fields = session()->fields();
    int row = form->currentRow();
    if (row < 0) {
        row = 0;
    }
    const bool editorHadFocus = form->isAncestorOf(QApplication::focusWidget());
    if (!fields->confirmField(row)) {
        return;
    }
    // Move on to the next field still only suggested, so that Enter, Enter ... walks the form.
    for (int next = row + 1; next < fields->rowCount(); ++next) {
        if (fields->index(next, FieldValueColumn).data(FieldOriginRole).toString() == u"suggested") {
            form->setCurrentRow(next, editorHadFocus);
            return;
        }
    }
}

void ReviewActions::confirmIncident()
{
    const qint64 id = m_window->incidentPanel()->currentIncidentId();
    if (session() && id != 0) {
        m_window->incidentPanel()->form()->commitCurrent();
        session()->undoStack()->push(new ConfirmIncident(session()->store(), id));
        // On to the next incident still to decide, so that Ctrl+Enter walks the article.
        if (!m_window->incidentPanel()->selectNextUndecided()) {
            m_window->showMessage(tr("Every incident of this article is decided."), 4000);
        }
    }
}

void ReviewActions::rejectIncident()
{
    const qint64 id = m_window->incidentPanel()->currentIncidentId();
    if (session() && id != 0) {
        session()->undoStack()->push(new RejectIncident(session()->store(), id));
    }
}

void ReviewActions::addIncident()
{
    if (session() && m_window->currentArticleId() != 0) {
        auto *command = new AddIncident(session()->store(), m_window->currentArticleId());
        session()->undoStack()->push(command);
        if (command->incidentId() != 0) {
            m_window->incidentPanel()->selectIncident(command->incidentId());
        }
    }
}

qint64 ReviewActions::ensureIncident()
{
    qint64 id = m_window->incidentPanel()->currentIncidentId();
    if (id == 0 && session() && m_window->currentArticleId() != 0) {
        auto *command = new AddIncident(session()->store(), m_window->currentArticleId());
        session()->undoStack()->push(command);
        id = command->incidentId();
        if (id != 0) {
            m_window->incidentPanel()->selectIncident(id);
            session()->fields()->setIncident(id);
        }
    }
    return id;
}

void ReviewActions::splitIncident()
{
    const qint64 id = m_window->incidentPanel()->currentIncidentId();
    if (session() && id != 0) {
        auto *command = new SplitIncident(session()->store(), id);
        session()->undoStack()->push(command);
        if (command->newIncidentId() != 0) {
            m_window->incidentPanel()->selectIncident(command->newIncidentId());
        }
    }
}

void ReviewActions::mergeIncidents()
{
    QVector<qint64> ids = m_window->incidentPanel()->selectedIncidentIds();
    if (!session() || ids.size() < 2) {
        return;
    }
    // Into the current incident when it is one of them, else into the first.
    qint64 into = m_window->incidentPanel()->currentIncidentId();
    if (!ids.contains(into)) {
        into = ids.constFirst();
    }
    ids.removeAll(into);
    session()->undoStack()->push(new MergeIncidents(session()->store(), into, ids));
    m_window->incidentPanel()->selectIncident(into);
}

void ReviewActions::deleteIncident()
{
    const qint64 id = m_window->incidentPanel()->currentIncidentId();
    if (session() && id != 0) {
        session()->undoStack()->push(new DeleteIncident(session()->store(), id));
    }
}

void ReviewActions::markNoIncident()
{
    if (session() && m_window->currentArticleId() != 0) {
        session()->undoStack()->push(new MarkNoIncident(session()->store(), m_window->currentArticleId()));
    }
}

void ReviewActions::assignSelection(const QString &field)
{
    if (!session() || m_window->currentArticleId() == 0) {
        return;
    }
    ArticleView *view = m_window->articlePane()->view();
    const QString text = view->toPlainText();
    const auto [trimmedStart, trimmedEnd] =
        trimmedSpan(text, view->selectionStartOffset(), view->selectionEndOffset());
    const auto [start, end] = wholeWords(text, trimmedStart, trimmedEnd);
    if (end <= start) {
        m_window->showMessage(tr("Select the words in the article first."), 4000);
        return;
    }
    const QString phrase = text.mid(start, end - start);
    const QVector<EvidenceSpan> evidence = {{start, end}};

    // What the phrase means for the field, as the model reads it; the field model normalises it further.
    const std::optional<FieldValue> read = fieldValueFromPhrase(field, phrase);
    if (!read) {
        QString message;
        if (field == u"records_affected") {
            message = tr("No number found in “%1”.");
        } else if (field == u"incident_date") {
            message = tr("No date found in “%1”.");
        } else if (field == u"victim_country" || field == u"actor_country") {
            message = tr("No country found in “%1”.");
        } else {
            message = tr("No attack type found in “%1”.");
        }
        m_window->showMessage(message.arg(phrase), 5000);
        return;
    }
    const QString &value = read->value;
    const QString qualifier = field == u"records_affected" ? recordsQualifier(phrase, read->qualifier) : read->qualifier;

    QUndoStack *stack = session()->undoStack();
    stack->beginMacro(tr("Assign “%1” to %2").arg(phrase.left(40), fieldLabel(field)));
    bool ok = ensureIncident() != 0;
    IncidentFieldModel *fields = session()->fields();
    ok = ok && fields->assignSpan(field, value, evidence);
    if (ok && !qualifier.isEmpty()) {
        ok = fields->assignSpan(u"records_qualifier"_s, qualifier, evidence);
    }
    stack->endMacro();
    if (ok) {
        const int row = fields->rowForField(field);
        m_window->incidentPanel()->form()->setCurrentRow(row, false);
        const QString stored = fields->index(row, FieldValueColumn).data(Qt::EditRole).toString();
        m_window->showMessage(tr("%1: %2").arg(fieldLabel(field), fieldValueLabel(field, stored)), 4000);
    } else {
        m_window->showMessage(tr("“%1” cannot be stored as %2.").arg(phrase, fieldLabel(field)), 6000);
    }
}

// ---- entities ----------------------------------------------------------------------------

void ReviewActions::markEntity(const QString &type)
{
    if (!session() || m_window->currentArticleId() == 0) {
        return;
    }
    ArticleView *view = m_window->articlePane()->view();
    const QString text = view->toPlainText();
    const auto [start, end] = trimmedSpan(text, view->selectionStartOffset(), view->selectionEndOffset());
    if (end <= start) {
        return;
    }
    const QString surface = text.mid(start, end - start);
    EntityType entityType;
    QString value;
    if (entityTypeFromName(type, &entityType)) {
        value = recognisedValue(surface, entityType);
    }
    EntityModel *entities = session()->entities();
    if (!entities->addEntity(start, end, type, value)) {
        return;
    }
    offerApplyToCorpus(surface, type, value);
}

void ReviewActions::changeEntityType(qint64 entityId, const QString &type)
{
    EntityModel *entities = session()->entities();
    const int row = entities->rowForEntity(entityId);
    if (row < 0) {
        return;
    }
    if (!entities->setData(entities->index(row, EntityTypeColumn), type, Qt::EditRole)) {
        return;
    }
    const EntityRecord entity = session()->store()->entity(entityId);
    offerApplyToCorpus(entity.text, type, entity.value);
}

void ReviewActions::removeEntity(qint64 entityId)
{
    EntityModel *entities = session()->entities();
    const int row = entities->rowForEntity(entityId);
    if (row >= 0) {
        entities->removeEntity(row);
    }
}

void ReviewActions::offerApplyToCorpus(const QString &surface, const QString &type, const QString &value)
{
    if (surface.isEmpty()) {
        return;
    }
    // Teach once: the same words everywhere in the corpus, clitic forms included.
    m_window->articlePane()->offer(tr("Mark every “%1” in the corpus as %2 (also with و ف ب ل ال attached) and remember it for "
                     "later imports?")
                      .arg(surface, entityTypeLabel(type)),
                  tr("Apply to All Occurrences"), [this, surface, type, value] {
                      if (!session()) {
                          return;
                      }
                      auto *command = new ApplyEntityToCorpus(session()->store(), surface, type, value);
                      session()->undoStack()->push(command);
                      m_window->showMessage(tr("%n occurrence(s) marked in the corpus.", nullptr, command->count()), 6000);
                  });
}

void ReviewActions::showArticleContextMenu(const QPoint &pos)
{
    std::unique_ptr<QMenu> menu(createArticleContextMenu(pos));
    menu->exec(m_window->articlePane()->view()->viewport()->mapToGlobal(pos));
}

QMenu *ReviewActions::createArticleContextMenu(const QPoint &pos)
{
    ArticleView *view = m_window->articlePane()->view();
    auto *menuPointer = new QMenu(m_window);
    QMenu &menu = *menuPointer;
    QAction *copy = menu.addAction(tr("&Copy"), view, &QTextEdit::copy);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(view->textCursor().hasSelection());
    menu.addSeparator();
    QMenu *assign = menu.addMenu(tr("&Assign Selection To"));
    for (const auto &entry : assignActions()) {
        assign->addAction(m_window->actions()->action(entry.first));
    }
    assign->setEnabled(view->textCursor().hasSelection() && session());
    QMenu *mark = menu.addMenu(tr("&Mark Selection as Entity"));
    for (EntityType type : allEntityTypes()) {
        mark->addAction(m_window->actions()->action(u"markAs."_s + entityTypeName(type)));
    }
    mark->setEnabled(view->textCursor().hasSelection() && session());

    // The entity under the pointer: change its type, remove it, teach it.
    const int position = view->cursorForPosition(pos).position();
    const int index = view->entityAt(position);
    if (session() && index >= 0) {
        const ArticleView::Span span = view->spans().at(index);
        const QString surface = view->toPlainText().mid(span.start, span.end - span.start);
        const qint64 entityId = span.id;
        menu.addSeparator();
        QMenu *change = menu.addMenu(tr("Change Type of “%1”").arg(surface));
        change->setObjectName(u"changeEntityType"_s);
        for (EntityType type : allEntityTypes()) {
            const QString name = entityTypeName(type);
            QAction *action = change->addAction(entityTypeLabel(name), this,
                                                [this, entityId, name] { changeEntityType(entityId, name); });
            action->setObjectName(u"changeTo."_s + name);
            action->setCheckable(true);
            action->setChecked(type == span.type);
        }
        menu.addAction(tr("Remove Entity “%1”").arg(surface), this, [this, entityId] { removeEntity(entityId); });
        menu.addAction(tr("Apply “%1” to All Occurrences").arg(surface), this, [this, entityId] {
            EntityModel *entities = session()->entities();
            const int row = entities->rowForEntity(entityId);
            if (row >= 0) {
                const int count = entities->applyToCorpus(row);
                m_window->showMessage(tr("%n occurrence(s) marked in the corpus.", nullptr, std::max(0, count)), 6000);
            }
        });
    }
    if (QStyle *style = m_window->menuStyle()) {
        menu.setStyle(style);
        for (QMenu *sub : menu.findChildren<QMenu *>()) {
            sub->setStyle(style);
        }
    }
    return menuPointer;
}

} // namespace Rasid
