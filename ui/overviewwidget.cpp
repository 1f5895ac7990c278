#include "overviewwidget.h"

#include "overviewtablemodel.h"
#include "store/workspace.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Rasid {

Q_LOGGING_CATEGORY(lcOverview, "rasid.overview")

struct OverviewWidget::Result
{
    quint64 generation = 0;
    OverviewData data;
    QString error;
};

namespace {

constexpr QSize ChartFileSize(900, 560);

QString scopeText(OverviewScope scope, int incidents)
{
    switch (scope) {
    case OverviewScope::Confirmed:
        return OverviewWidget::tr("Showing %n confirmed incident(s)", nullptr, incidents);
    case OverviewScope::Suggested:
        return OverviewWidget::tr("Showing %n suggested incident(s), not yet reviewed", nullptr, incidents);
    case OverviewScope::ConfirmedAndSuggested:
        break;
    }
    return OverviewWidget::tr("Showing %n confirmed and suggested incident(s)", nullptr, incidents);
}

// "Tunisia · DDoS": what a drill-down shows of the articles behind it.
QString describe(const IncidentCondition &condition)
{
    QStringList parts;
    for (auto it = condition.values.cbegin(); it != condition.values.cend(); ++it) {
        parts.append(OverviewCharts::valueLabel(it.key(), it.value()));
    }
    return parts.join(u" · "_s);
}

} // namespace

OverviewWidget::OverviewWidget(QWidget *parent)
    : QWidget(parent)
    , m_timer(new QTimer(this))
    , m_scopeCombo(new QComboBox(this))
    , m_scopeLabel(new QLabel(this))
    , m_tableTitle(new QLabel(this))
    , m_saveButton(new QPushButton(this))
    , m_table(new QTableView(this))
    , m_model(new OverviewTableModel(this))
{
    setObjectName(u"overview"_s);
    m_scopeCombo->setObjectName(u"overviewScope"_s);
    m_scopeLabel->setObjectName(u"overviewScopeLabel"_s);
    m_timer->setSingleShot(true);
    m_timer->setInterval(RefreshDelayMs);
    connect(m_timer, &QTimer::timeout, this, &OverviewWidget::reload);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_scopeCombo);
    bar->addWidget(m_scopeLabel, 1);
    bar->addWidget(m_saveButton);
    connect(m_scopeCombo, &QComboBox::activated, this,
            [this](int index) { setScope(OverviewScope(m_scopeCombo->itemData(index).toInt())); });
    connect(m_saveButton, &QPushButton::clicked, this, &OverviewWidget::chooseFolderAndSave);

    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    for (int k = 0; k < OverviewChartCount; ++k) {
        auto *view = new QChartView(content);
        view->setObjectName(u"chart_"_s + OverviewCharts::fileName(OverviewChart(k)));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(k == 0 ? 300 : 260);
        m_views.at(size_t(k)) = view;
        // The months span the whole width; the others go two by two.
        if (k == 0) {
            grid->addWidget(view, 0, 0, 1, 2);
        } else {
            grid->addWidget(view, 1 + (k - 1) / 2, (k - 1) % 2);
        }
    }
    m_table->setModel(m_model);
    m_table->setObjectName(u"overviewTable"_s);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(220);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (m_model->count(index.row(), index.column()) > 0) {
            const IncidentCondition condition = m_model->conditionAt(index);
            emit drillDown(condition, describe(condition));
        }
    });
    const int tableRow = 1 + (OverviewChartCount - 1 + 1) / 2;
    grid->addWidget(m_tableTitle, tableRow, 0, 1, 2);
    grid->addWidget(m_table, tableRow + 1, 0, 1, 2);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);
    retranslate();
    rebuildCharts();
}

OverviewWidget::~OverviewWidget() = default;

void OverviewWidget::setWorkspacePath(const QString &path)
{
    m_path = path;
    ++m_generation; // what a read of the previous workspace brings is dropped
    if (path.isEmpty()) {
        m_data = OverviewData();
        m_data.scope = m_scope;
        rebuildCharts();
        return;
    }
    reload();
}

void OverviewWidget::setFilter(const ArticleFilter &filter)
{
    const ArticleFilter own = filter.withoutIncidentCondition();
    if (own != m_filter) {
        m_filter = own;
        reload();
    }
}

void OverviewWidget::setScope(OverviewScope scope)
{
    m_scopeCombo->setCurrentIndex(m_scopeCombo->findData(int(scope)));
    if (scope != m_scope) {
        m_scope = scope;
        reload();
    }
}

void OverviewWidget::setEntityStyle(const EntityStyle &style)
{
    m_style = style;
    m_model->setColor(style.color(EntityType::Attack));
    rebuildCharts();
}

void OverviewWidget::refresh()
{
    m_timer->start();
}

void OverviewWidget::reload()
{
    m_timer->stop();
    if (m_path.isEmpty()) {
        return;
    }
    ++m_generation;
    if (m_running) {
        m_pending = true; // read again once the running read is done
        return;
    }
    start();
}

void OverviewWidget::start()
{
    m_running = true;
    m_pending = false;
    const QString path = m_path;
    const ArticleFilter filter = m_filter;
    const OverviewScope scope = m_scope;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher] {
        const Result result = watcher->result();
        watcher->deleteLater();
        finished(result);
    });
    // Its own read-only connection: the GUI thread's one stays free for edits.
    watcher->setFuture(QtConcurrent::run([path, filter, scope, generation] {
        Result result;
        result.generation = generation;
        Workspace workspace;
        if (!workspace.open(path, Workspace::Mode::ReadOnly)) {
            result.error = workspace.lastError();
        } else {
            readOverview(workspace, filter, scope, &result.data, &result.error);
        }
        return result;
    }));
}

void OverviewWidget::finished(const Result &result)
{
    m_running = false;
    if (m_pending) {
        start();
        return;
    }
    if (result.generation != m_generation) {
        return;
    }
    if (!result.error.isEmpty()) {
        qCWarning(lcOverview) << "cannot read the overview:" << result.error;
    }
    m_data = result.data;
    rebuildCharts();
    emit refreshed();
}

void OverviewWidget::rebuildCharts()
{
    for (int k = 0; k < OverviewChartCount; ++k) {
        QChartView *view = m_views.at(size_t(k));
        QChart *old = view->chart();
        view->setChart(OverviewCharts::create(OverviewChart(k), m_data, m_style, layoutDirection()));
        delete old;
        connectChart(OverviewChart(k));
    }
    m_model->setData(m_data);
    m_scopeLabel->setText(scopeText(m_data.scope, m_data.incidents));
}

void OverviewWidget::connectChart(OverviewChart which)
{
    const auto seriesList = chartView(which)->chart()->series();
    for (QAbstractSeries *series : seriesList) {
        auto *bars = qobject_cast<QAbstractBarSeries *>(series);
        if (!bars) {
            continue;
        }
        connect(bars, &QAbstractBarSeries::clicked, this, [this, bars](int index, QBarSet *set) {
            const QStringList categories = bars->property("categories").toStringList();
            if (index < 0 || index >= categories.size() || set->at(index) <= 0) {
                return;
            }
            IncidentCondition condition =
                m_data.conditionFor(IncidentDimension(bars->property("categoryDimension").toInt()),
                                    categories.at(index));
            const QVariant setDimension = bars->property("setDimension");
            if (setDimension.isValid()) {
                condition.values.insert(IncidentDimension(setDimension.toInt()), set->property("value").toString());
            }
            emit drillDown(condition, describe(condition));
        });
    }
}

bool OverviewWidget::saveCharts(const QString &folder, QString *error)
{
    QDir().mkpath(folder);
    for (int k = 0; k < OverviewChartCount; ++k) {
        if (!OverviewCharts::save(OverviewChart(k), m_data, m_style, layoutDirection(),
                                  QDir(folder).filePath(OverviewCharts::fileName(OverviewChart(k))), ChartFileSize,
                                  error)) {
            return false;
        }
    }
    return true;
}

void OverviewWidget::chooseFolderAndSave()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Save the Charts in a Folder"));
    if (folder.isEmpty()) {
        return;
    }
    QString error;
    if (!saveCharts(folder, &error)) {
        QMessageBox::warning(this, tr("Cannot Save the Charts"), error);
    }
}

void OverviewWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuildCharts();
    } else if (event->type() == QEvent::LayoutDirectionChange) {
        rebuildCharts();
    }
    QWidget::changeEvent(event);
}

void OverviewWidget::retranslate()
{
    m_scopeCombo->clear();
    m_scopeCombo->addItem(tr("Confirmed incidents"), int(OverviewScope::Confirmed));
    m_scopeCombo->addItem(tr("Suggested incidents"), int(OverviewScope::Suggested));
    m_scopeCombo->addItem(tr("Confirmed and suggested"), int(OverviewScope::ConfirmedAndSuggested));
    m_scopeCombo->setCurrentIndex(m_scopeCombo->findData(int(m_scope)));
    m_scopeCombo->setToolTip(tr("Which incidents the overview counts"));
    m_saveButton->setText(tr("Save Charts…"));
    m_saveButton->setToolTip(tr("Save each chart as PNG and SVG"));
    m_tableTitle->setText(tr("Victim countries by attack type"));
}

} // namespace Rasid
