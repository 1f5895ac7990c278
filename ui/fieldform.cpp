#include "fieldform.h"

#include "fielddelegate.h"
#include "icons.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/roles.h"

#include <QApplication>
#include <QGridLayout>
#include <QLabel>
#include <QPoint>
#include <QStyleOptionViewItem>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Rasid {

FieldForm::FieldForm(QWidget *parent)
    : QWidget(parent)
    , m_delegate(new FieldDelegate(this))
    , m_grid(new QGridLayout(this))
{
    setObjectName(u"fieldForm"_s);
    m_grid->setContentsMargins(4, 4, 4, 4);
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(3);
    m_grid->setColumnStretch(2, 1);
    connect(m_delegate, &FieldDelegate::commitData, this, &FieldForm::commitEditor);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { focusChanged(now); });
}

void FieldForm::setModel(IncidentFieldModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            // The model has no rows while no incident is selected: build the
            // editors when the rows come, refresh them in place otherwise.
            if (m_model->rowCount() != m_rows.size()) {
                rebuild();
            } else {
                refreshRows(0, int(m_rows.size()) - 1);
            }
        });
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    refreshRows(topLeft.row(), bottomRight.row());
                });
        connect(model, &QAbstractItemModel::layoutChanged, this, &FieldForm::rebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &FieldForm::rebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &FieldForm::rebuild);
    }
    rebuild();
}

void FieldForm::rebuild()
{
    for (const Row &row : std::as_const(m_rows)) {
        delete row.origin;
        delete row.label;
        delete row.editor;
        delete row.confidence;
        delete row.evidence;
    }
    m_rows.clear();
    if (!m_model) {
        return;
    }
    if (m_current >= m_model->rowCount()) {
        m_current = -1;
    }
    const int count = m_model->rowCount();
    m_rows.resize(count);
    QStyleOptionViewItem option;
    for (int r = 0; r < count; ++r) {
        const QModelIndex value = m_model->index(r, FieldValueColumn);
        Row &row = m_rows[r];
        row.origin = new QLabel(this);
        row.origin->setFixedSize(18, 18);
        row.label = new QLabel(this);
        row.label->setTextFormat(Qt::PlainText);
        row.editor = m_delegate->createEditor(this, option, value);
        row.label->setBuddy(row.editor);
        row.confidence = new QLabel(this);
        row.confidence->setTextFormat(Qt::PlainText);
        row.confidence->setMinimumWidth(row.confidence->fontMetrics().horizontalAdvance(u"100%"_s) + 4);
        row.confidence->setAlignment(Qt::AlignTrailing | Qt::AlignVCenter);
        row.evidence = new QToolButton(this);
        row.evidence->setObjectName(u"evidence-"_s + value.data(FieldNameRole).toString());
        row.evidence->setIcon(rasidIcon(u"evidence"_s));
        row.evidence->setAutoRaise(true);
        row.evidence->setFocusPolicy(Qt::NoFocus);
        connect(row.evidence, &QToolButton::clicked, this, [this, r] { showEvidence(r); });
        m_grid->addWidget(row.origin, r, 0);
        m_grid->addWidget(row.label, r, 1);
        m_grid->addWidget(row.editor, r, 2);
        m_grid->addWidget(row.confidence, r, 3);
        m_grid->addWidget(row.evidence, r, 4);
    }
    m_grid->setRowStretch(count, 1);
    refreshRows(0, count - 1);
    setEnabled(m_model->incidentId() != 0);
    if (m_model->incidentId() != 0) {
        showCurrentField();
    }
}

void FieldForm::refreshRows(int first, int last)
{
    for (int r = std::max(0, first); r <= last && r < m_rows.size(); ++r) {
        refreshRow(r);
    }
    setEnabled(m_model && m_model->incidentId() != 0);
}

void FieldForm::refreshRow(int r)
{
    Row &row = m_rows[r];
    const QModelIndex value = m_model->index(r, FieldValueColumn);
    const QString origin = value.data(FieldOriginRole).toString();
    const double confidence = value.data(FieldConfidenceRole).toDouble();
    const QVariantList spans = value.data(EvidenceSpansRole).toList();

    m_refreshing = true;
    m_delegate->setEditorData(row.editor, value);
    m_refreshing = false;

    row.label->setText(fieldLabel(value.data(FieldNameRole).toString()));
    row.origin->setPixmap(rasidIcon(origin.isEmpty() ? u"origin-empty"_s : u"origin-"_s + origin).pixmap(16, 16));
    const QString originTip = origin.isEmpty() ? tr("Not set") : originLabel(origin);
    row.origin->setToolTip(originTip);
    // A decided field's label carries its origin colour, so the state reads at a glance.
    if (origin == u"confirmed" || origin == u"corrected") {
        QPalette palette;
        palette.setColor(QPalette::WindowText, originColor(origin).darker(115));
        row.label->setPalette(palette);
    } else {
        row.label->setPalette(QPalette());
    }
    QFont font = row.label->font();
    font.setBold(r == m_current);
    row.label->setFont(font);
    // The current field stands out, also when the focus is in the incident list
    // or the article: it is the one Enter confirms.
    row.label->setAutoFillBackground(r == m_current);
    if (r == m_current) {
        QPalette palette = row.label->palette();
        palette.setColor(QPalette::Window, palette.color(QPalette::Highlight).lighter(185));
        row.label->setPalette(palette);
    }
    row.label->setProperty("current", r == m_current);
    row.label->setToolTip(originTip);
    // A corrected value is the analyst's own: it has no extraction confidence.
    const bool extracted = !origin.isEmpty() && origin != u"corrected";
    const QString percent = QLocale().toString(confidence * 100, 'f', 0) + u'%';
    row.confidence->setText(extracted ? percent : QString());
    row.confidence->setToolTip(extracted ? tr("Extraction confidence") : QString());
    const bool look = value.data(FieldNeedsLookRole).toBool();
    row.confidence->setProperty("needsLook", look);
    if (look) {
        QPalette palette;
        palette.setColor(QPalette::WindowText, QColor(0xb3, 0x5c, 0x00));
        row.confidence->setPalette(palette);
        row.confidence->setToolTip(tr("Suggested «%1» at %2, below the %3 you set: not filled in. "
                                      "Confirm to accept it, or type the right value.")
                                       .arg(value.data(Qt::DisplayRole).toString(), percent,
                                            QLocale().toString(m_model->lookBelow() * 100, 'f', 0) + u'%'));
    } else {
        row.confidence->setPalette(QPalette());
    }
    row.evidence->setEnabled(!spans.isEmpty());
    const QString evidence = m_model->index(r, FieldEvidenceColumn).data().toString();
    row.evidence->setToolTip(spans.isEmpty() ? tr("No evidence in the article")
                                             : tr("Show in the article: %1").arg(evidence));
    row.nextSpan = 0;
}

QWidget *FieldForm::editor(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).editor : nullptr;
}

QToolButton *FieldForm::evidenceButton(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).evidence : nullptr;
}

QLabel *FieldForm::originIcon(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).origin : nullptr;
}

int FieldForm::rowOfWidget(const QWidget *widget) const
{
    for (int r = 0; r < m_rows.size(); ++r) {
        const QWidget *editor = m_rows.at(r).editor;
        if (widget && (widget == editor || editor->isAncestorOf(widget))) {
            return r;
        }
    }
    return -1;
}

void FieldForm::setCurrentRow(int row, bool focusEditor)
{
    if (row < 0 || row >= m_rows.size()) {
        return;
    }
    const int previous = m_current;
    m_current = row;
    if (focusEditor) {
        m_rows.at(row).editor->setFocus(Qt::ShortcutFocusReason);
    }
    if (previous != row) {
        if (previous >= 0 && previous < m_rows.size()) {
            refreshRow(previous);
        }
        refreshRow(row);
        emit currentRowChanged(row);
    }
}

void FieldForm::focusChanged(QWidget *now)
{
    const int row = rowOfWidget(now);
    if (row >= 0 && row != m_current) {
        setCurrentRow(row, false);
    }
}

bool FieldForm::isDirty(int row) const
{
    if (!m_model || row < 0 || row >= m_rows.size()) {
        return false;
    }
    return !FieldDelegate::showsValue(m_rows.at(row).editor,
                                      FieldDelegate::shownValue(m_model->index(row, FieldValueColumn)));
}

bool FieldForm::commitCurrent()
{
    if (!isDirty(m_current)) {
        return false;
    }
    commitEditor(m_rows.at(m_current).editor);
    return true;
}

void FieldForm::showCurrentField()
{
    if (!m_model || m_rows.isEmpty() || (m_current >= 0 && m_current < m_rows.size())) {
        return;
    }
    int row = 0;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_model->index(r, FieldValueColumn).data(FieldOriginRole).toString() == u"suggested") {
            row = r;
            break;
        }
    }
    setCurrentRow(row, false);
}

bool FieldForm::isMarkedCurrent(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).label->property("current").toBool();
}

void FieldForm::revertCurrent()
{
    if (isDirty(m_current)) {
        refreshRow(m_current);
    }
}

void FieldForm::commitEditor(QWidget *editor)
{
    const int row = rowOfWidget(editor);
    if (m_refreshing || !m_model || row < 0 || !isDirty(row)) {
        return;
    }
    const QModelIndex value = m_model->index(row, FieldValueColumn);
    // Choosing or typing the very suggestion of a field that needed a look
    // accepts it, as confirming does.
    if (value.data(FieldNeedsLookRole).toBool()
        && FieldDelegate::showsValue(editor, value.data(Qt::EditRole).toString())) {
        m_model->confirmField(row);
        return;
    }
    m_delegate->setModelData(editor, m_model, value);
    // A refused value (the model could not normalise it) is put back as stored.
    if (isDirty(row)) {
        refreshRow(row);
    }
}

void FieldForm::showEvidence(int r)
{
    const QVariantList spans = m_model->index(r, FieldValueColumn).data(EvidenceSpansRole).toList();
    if (spans.isEmpty()) {
        return;
    }
    Row &row = m_rows[r];
    const QPoint span = spans.at(row.nextSpan % spans.size()).toPoint();
    row.nextSpan = (row.nextSpan + 1) % int(spans.size());
    setCurrentRow(r, false);
    emit evidenceActivated(span.x(), span.y());
}

} // namespace Rasid
