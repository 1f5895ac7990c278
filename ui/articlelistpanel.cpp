#include "articlelistpanel.h"

#include "countries.h"
#include "iconproxymodel.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/roles.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

ArticleListPanel::ArticleListPanel(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new IconProxyModel(this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_state(new QComboBox(this))
    , m_country(new QComboBox(this))
    , m_attack(new QComboBox(this))
    , m_reviewed(new QLabel(this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(u"articleListPanel"_s);
    m_table->setObjectName(u"articleTable"_s);
    m_search->setObjectName(u"articleSearch"_s);
    m_state->setObjectName(u"stateFilter"_s);
    m_country->setObjectName(u"countryFilter"_s);
    m_attack->setObjectName(u"attackFilter"_s);
    m_reviewed->setObjectName(u"reviewedCount"_s);
    m_reviewed->setTextFormat(Qt::PlainText);

    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows for the bulk actions; the current row is the article shown.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);

    m_search->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_state, 1);
    filters->addWidget(m_country, 1);
    filters->addWidget(m_attack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    // The overview's drill-down, shown while it filters the list.
    m_drillDownBar = new QWidget(this);
    m_drillDown = new QLabel(m_drillDownBar);
    m_drillDown->setObjectName(u"drillDown"_s);
    m_drillDown->setTextFormat(Qt::PlainText);
    auto *clearDrillDown = new QToolButton(m_drillDownBar);
    clearDrillDown->setObjectName(u"clearDrillDown"_s);
    clearDrillDown->setText(u"×"_s);
    clearDrillDown->setAutoRaise(true);
    connect(clearDrillDown, &QToolButton::clicked, this, [this] { setIncidentCondition({}, {}); });
    auto *drillLayout = new QHBoxLayout(m_drillDownBar);
    drillLayout->setContentsMargins(0, 0, 0, 0);
    drillLayout->addWidget(m_drillDown, 1);
    drillLayout->addWidget(clearDrillDown);
    m_drillDownBar->hide();
    layout->addWidget(m_drillDownBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_reviewed);

    retranslate();
    connect(m_search, &QLineEdit::textEdited, this, &ArticleListPanel::scheduleFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &ArticleListPanel::applyFilterNow);
    // The clear button changes the text without textEdited.
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) {
            scheduleFilter();
        }
    });
    connect(m_searchTimer, &QTimer::timeout, this, &ArticleListPanel::applyFilterNow);
    for (QComboBox *combo : {m_state, m_country, m_attack}) {
        connect(combo, &QComboBox::activated, this, &ArticleListPanel::applyFilterNow);
    }
    m_table->viewport()->installEventFilter(this);
    // A column the analyst widens or narrows gives or takes the title's width.
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section) {
        if (section != ArticleTitleColumn) {
            fitTitleColumn();
        }
    });
}

void ArticleListPanel::setModel(ArticleListModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    m_proxy->setSourceModel(model);
    m_currentId = 0;
    if (model) {
        // Fixed widths for the short columns and the rest for the title, computed
        // here rather than by ResizeToContents / Stretch: those re-measure on
        // every state change and leave the title what the others do not take.
        auto *header = m_table->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setStretchLastSection(false);
        const QFontMetrics metrics = m_table->fontMetrics();
        int stateWidth = metrics.horizontalAdvance(model->headerData(ArticleStateColumn, Qt::Horizontal).toString());
        for (const QString &code : {u"new"_s, u"in_review"_s, u"reviewed"_s}) {
            stateWidth = std::max(stateWidth, metrics.horizontalAdvance(reviewStateLabel(code)));
        }
        header->resizeSection(ArticleStateColumn, stateWidth + 16 + 3 * metrics.averageCharWidth());
        header->resizeSection(ArticleOutletColumn, 90);
        header->resizeSection(ArticleDateColumn, dateColumnWidth());
        header->resizeSection(ArticleCountryColumn, 50);
        header->resizeSection(ArticleAttackColumn, 90);
        header->resizeSection(ArticleIncidentsColumn,
                              metrics.horizontalAdvance(
                                  model->headerData(ArticleIncidentsColumn, Qt::Horizontal).toString())
                                  + 24);
        fitTitleColumn();
        connect(model, &ArticleListModel::countsChanged, this, &ArticleListPanel::updateCounts);
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            // Keep the analyst on the same article across re-sorts, filters and
            // refreshes. Under a text search, only look in the first page:
            // finding the article deeper would cost a full-text query per
            // keystroke. An article the list no longer shows stays on screen.
            if (m_currentId != 0) {
                const int row = m_model->filter().searchText().trimmed().isEmpty()
                    ? m_model->loadArticle(m_currentId)
                    : m_model->rowForArticle(m_currentId);
                const QSignalBlocker blocker(m_table->selectionModel());
                if (row >= 0) {
                    selectRow(row);
                } else {
                    m_table->selectionModel()->clear();
                }
            }
            updateCounts();
        });
        connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) {
                    const qint64 id = current.isValid() ? m_model->articleIdAt(current.row()) : 0;
                    if (id != m_currentId) {
                        m_currentId = id;
                        emit currentArticleChanged(id);
                    }
                });
    }
    updateCounts();
}

int ArticleListPanel::minimumTitleWidth() const
{
    return std::max(12 * m_table->fontMetrics().averageCharWidth(), m_table->viewport()->width() * 2 / 5);
}

int ArticleListPanel::dateColumnWidth() const
{
    // The widest ISO date (yyyy-MM-dd) in the view's font, whatever its digits'
    // widths, with the cell's margins on both sides as the style draws them;
    // never narrower than the header with its sort arrow.
    const QFontMetrics metrics = m_table->fontMetrics();
    int digit = 0;
    for (char16_t d = u'0'; d <= u'9'; ++d) {
        digit = std::max(digit, metrics.horizontalAdvance(QChar(d)));
    }
    const int text = std::max(8 * digit + 2 * metrics.horizontalAdvance(u'-'),
                              metrics.boundingRect(u"0000-00-00"_s).width());
    const int margin = m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 1;
    const int cell = text + 2 * margin + metrics.averageCharWidth();
    return std::max(cell, m_table->horizontalHeader()->sectionSizeHint(ArticleDateColumn));
}

void ArticleListPanel::fitTitleColumn()
{
    if (!m_model || m_fitting) {
        return;
    }
    m_fitting = true;
    QHeaderView *header = m_table->horizontalHeader();
    int others = 0;
    for (int section = 0; section < header->count(); ++section) {
        if (section != ArticleTitleColumn && !header->isSectionHidden(section)) {
            others += header->sectionSize(section);
        }
    }
    // The title takes what the other columns leave, but never less than its
    // minimum: a narrow list scrolls sideways rather than hide the titles.
    const int width = std::max(minimumTitleWidth(), m_table->viewport()->width() - others);
    if (header->sectionSize(ArticleTitleColumn) != width) {
        header->resizeSection(ArticleTitleColumn, width);
    }
    m_fitting = false;
}

bool ArticleListPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize) {
        fitTitleColumn();
    }
    return QWidget::eventFilter(watched, event);
}

void ArticleListPanel::setCountries(const QStringList &isoCodes)
{
    if (isoCodes == m_countries) {
        return;
    }
    m_countries = isoCodes;
    fillCombos();
}

qint64 ArticleListPanel::currentArticleId() const
{
    return m_currentId;
}

QVector<qint64> ArticleListPanel::selectedArticleIds() const
{
    QVector<qint64> ids;
    if (!m_model || !m_table->selectionModel()) {
        return ids;
    }
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows)) {
        if (const qint64 id = m_model->articleIdAt(index.row()); id != 0) {
            ids.append(id);
        }
    }
    return ids;
}

int ArticleListPanel::currentRow() const
{
    // The shown article's row, or -1 when the list does not show it.
    return m_model && m_currentId != 0 ? m_model->rowForArticle(m_currentId) : -1;
}

bool ArticleListPanel::selectRow(int row)
{
    if (!m_model || row < 0) {
        return false;
    }
    while (row >= m_model->rowCount() && m_model->canFetchMore({})) {
        m_model->fetchMore({});
    }
    if (row >= m_model->rowCount()) {
        return false;
    }
    const QModelIndex index = m_proxy->index(row, ArticleTitleColumn);
    m_table->selectionModel()->setCurrentIndex(index,
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

bool ArticleListPanel::selectArticle(qint64 articleId)
{
    if (!m_model) {
        return false;
    }
    const int row = m_model->loadArticle(articleId);
    return row >= 0 && selectRow(row);
}

void ArticleListPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void ArticleListPanel::scheduleFilter()
{
    m_searchTimer->start();
}

void ArticleListPanel::applyFilterNow()
{
    m_searchTimer->stop();
    if (!m_model) {
        return;
    }
    ArticleFilter filter;
    const QString state = m_state->currentData().toString();
    if (state == u"open") {
        filter.setReviewStates({u"new"_s, u"in_review"_s});
    } else if (!state.isEmpty()) {
        filter.setReviewStates({state});
    }
    filter.setCountry(m_country->currentData().toString());
    filter.setAttackType(m_attack->currentData().toString());
    filter.setSearchText(m_search->text());
    filter.setIncidentCondition(m_condition);
    if (filter != m_model->filter()) {
        m_model->setFilter(filter);
    }
}

void ArticleListPanel::clearFilters()
{
    m_search->clear();
    for (QComboBox *combo : {m_state, m_country, m_attack}) {
        combo->setCurrentIndex(0);
    }
    m_condition = {};
    m_drillDownBar->hide();
    applyFilterNow();
}

void ArticleListPanel::setIncidentCondition(const IncidentCondition &condition, const QString &description)
{
    m_condition = condition;
    m_drillDown->setText(tr("From the overview: %1").arg(description));
    m_drillDownBar->setVisible(!condition.isEmpty());
    applyFilterNow();
}

void ArticleListPanel::updateCounts()
{
    if (!m_model) {
        m_reviewed->clear();
        return;
    }
    const QLocale locale;
    QString text = tr("%1 / %2 reviewed")
                       .arg(locale.toString(m_model->reviewedCount()), locale.toString(m_model->totalCount()));
    if (!m_model->filter().isEmpty()) {
        text += u"  ·  "_s + tr("%1 shown").arg(locale.toString(m_model->matchingCount()));
    }
    m_reviewed->setText(text);
}

void ArticleListPanel::fillCombos()
{
    const QString state = m_state->currentData().toString();
    const QString country = m_country->currentData().toString();
    const QString attack = m_attack->currentData().toString();
    const QSignalBlocker b1(m_state);
    const QSignalBlocker b2(m_country);
    const QSignalBlocker b3(m_attack);

    m_state->clear();
    m_state->addItem(tr("Any review state"), QString());
    m_state->addItem(tr("Not reviewed yet"), u"open"_s);
    for (const QString &code : {u"new"_s, u"in_review"_s, u"reviewed"_s}) {
        m_state->addItem(reviewStateLabel(code), code);
    }
    m_state->setCurrentIndex(std::max(0, m_state->findData(state)));

    m_country->clear();
    m_country->addItem(tr("Any country"), QString());
    for (const QString &code : std::as_const(m_countries)) {
        m_country->addItem(countryChoiceLabel(code), code);
    }
    m_country->setCurrentIndex(std::max(0, m_country->findData(country)));

    m_attack->clear();
    m_attack->addItem(tr("Any attack type"), QString());
    for (const QString &code : allowedFieldValues(u"attack_type"_s)) {
        if (!code.isEmpty()) {
            m_attack->addItem(fieldValueLabel(u"attack_type"_s, code), code);
        }
    }
    m_attack->setCurrentIndex(std::max(0, m_attack->findData(attack)));
}

void ArticleListPanel::retranslate()
{
    m_search->setPlaceholderText(tr("Search the articles (Arabic-aware)"));
    m_state->setToolTip(tr("Filter by review state"));
    m_country->setToolTip(tr("Filter by victim country"));
    m_attack->setToolTip(tr("Filter by attack type"));
    fillCombos();
    updateCounts();
}

void ArticleListPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    // A new font (the application's, or another size) re-measures the date.
    if (event->type() == QEvent::FontChange && m_model) {
        m_table->horizontalHeader()->resizeSection(ArticleDateColumn, dateColumnWidth());
        fitTitleColumn();
    }
}

} // namespace Rasid
