#include "incidentpanel.h"

#include "actionregistry.h"
#include "fieldform.h"
#include "noteedit.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/roles.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

IncidentPanel::IncidentPanel(ActionRegistry *actions, QWidget *parent)
    : QWidget(parent)
    , m_view(new QTreeView(this))
    , m_form(new FieldForm(this))
    , m_title(new QLabel(this))
    , m_fieldsTitle(new QLabel(this))
    , m_note(new NoteEdit(this))
{
    setObjectName(u"incidentPanel"_s);
    m_view->setObjectName(u"incidentList"_s);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection); // several for merging
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->header()->setStretchLastSection(false);

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(u"incidentToolbar"_s);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const QStringList ids = {u"addIncident"_s,    u"splitIncident"_s,   u"mergeIncidents"_s, u"deleteIncident"_s,
                             u"rejectIncident"_s, u"confirmIncident"_s, u"markNoIncident"_s};
    for (const QString &id : ids) {
        if (QAction *action = actions->action(id)) {
            toolbar->addAction(action);
            m_view->addAction(action);
        }
    }

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_fieldsTitle->setFont(titleFont);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The form follows the panel's width; only long forms scroll, vertically.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_title);
    topLayout->addWidget(toolbar);
    topLayout->addWidget(m_view);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_fieldsTitle);
    bottomLayout->addWidget(scroll);
    m_note->setObjectName(u"incidentNote"_s);
    bottomLayout->addWidget(m_note);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"incidentSplitter"_s);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    retranslate();
}

void IncidentPanel::setModels(QAbstractItemModel *incidents, IncidentFieldModel *fields)
{
    m_incidents = incidents;
    m_view->setModel(incidents);
    m_form->setModel(fields);
    if (incidents) {
        m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        if (incidents->columnCount() > IncidentVictimColumn) {
            m_view->header()->setSectionResizeMode(IncidentVictimColumn, QHeaderView::Stretch);
        }
        connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                &IncidentPanel::onCurrentChanged);
        connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &IncidentPanel::selectionChanged);
        // After a reset (another article, an undo) keep the same incident when it is still there.
        connect(incidents, &QAbstractItemModel::modelReset, this, [this] { ensureSelection(m_currentId); });
        connect(incidents, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first) {
                    // A new incident (add, split) becomes the current one.
                    const QModelIndex index = m_incidents->index(first, 0);
                    m_view->setCurrentIndex(index);
                });
        connect(incidents, &QAbstractItemModel::rowsRemoved, this, [this] { ensureSelection(m_currentId); });
    }
    ensureSelection();
}

qint64 IncidentPanel::currentIncidentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(IncidentIdRole).toLongLong() : 0;
}

QVector<qint64> IncidentPanel::selectedIncidentIds() const
{
    QVector<qint64> ids;
    if (!m_view->selectionModel()) {
        return ids;
    }
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        ids.append(index.data(IncidentIdRole).toLongLong());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool IncidentPanel::moveIncident(int delta)
{
    if (!m_incidents || m_incidents->rowCount() == 0) {
        return false;
    }
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + delta : 0;
    if (row < 0 || row >= m_incidents->rowCount()) {
        return false;
    }
    m_view->selectionModel()->setCurrentIndex(m_incidents->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

bool IncidentPanel::selectNextUndecided()
{
    if (!m_incidents) {
        return false;
    }
    const int count = m_incidents->rowCount();
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    // After the current one first, then from the top: the article's order.
    for (int step = 1; step <= count; ++step) {
        const int row = (current + step) % count;
        const QModelIndex index = m_incidents->index(row, 0);
        if (row != current && index.data(ReviewStatusRole).toString() == u"suggested") {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                                 | QItemSelectionModel::Rows);
            return true;
        }
    }
    return false;
}

void IncidentPanel::focusIncidents()
{
    if (m_incidents && !m_view->currentIndex().isValid()) {
        ensureSelection();
    }
    m_view->setFocus(Qt::ShortcutFocusReason);
    m_form->showCurrentField();
}

bool IncidentPanel::selectIncident(qint64 incidentId)
{
    if (!m_incidents) {
        return false;
    }
    for (int row = 0; row < m_incidents->rowCount(); ++row) {
        const QModelIndex index = m_incidents->index(row, 0);
        if (index.data(IncidentIdRole).toLongLong() == incidentId) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                                 | QItemSelectionModel::Rows);
            return true;
        }
    }
    return false;
}

void IncidentPanel::ensureSelection(qint64 preferredId)
{
    if (!m_incidents) {
        return;
    }
    if (preferredId > 0 && selectIncident(preferredId)) {
        onCurrentChanged();
        return;
    }
    if (m_incidents->rowCount() > 0) {
        m_view->selectionModel()->setCurrentIndex(m_incidents->index(0, 0), QItemSelectionModel::ClearAndSelect
                                                                                 | QItemSelectionModel::Rows);
    }
    onCurrentChanged();
}

void IncidentPanel::onCurrentChanged()
{
    const qint64 id = currentIncidentId();
    if (id != m_currentId) {
        m_currentId = id;
        emit currentIncidentChanged(id);
    }
    retranslate();
}

void IncidentPanel::retranslate()
{
    m_note->setPlaceholderText(tr("Your note on this incident (exported with it)"));
    const int count = m_incidents ? m_incidents->rowCount() : 0;
    m_title->setText(tr("Incidents (%L1)").arg(count));
    const QModelIndex current = m_view->currentIndex();
    m_fieldsTitle->setText(current.isValid()
                               ? tr("Incident %1").arg(current.siblingAtColumn(IncidentOrdinalColumn).data().toString())
                               : tr("No incident selected"));
}

void IncidentPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
}

} // namespace Rasid
