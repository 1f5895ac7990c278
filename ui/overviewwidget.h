#pragma once

#include "entitystyle.h"
#include "overviewcharts.h"
#include "store/articlefilter.h"
#include "store/overviewqueries.h"

#include <QWidget>

#include <array>

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace Rasid {

class OverviewTableModel;

/*
 * The Overview tab: the charts of the incidents the article list's filters
 * let through (OverviewCharts) and the country × attack-type table. The
 * aggregates are read on a worker thread with its own read-only connection;
 * a refresh while one runs is queued, and an older result never replaces a
 * newer one. A click on a bar or a cell asks for the articles behind it
 * (drillDown), which the window applies to the article list.
 */
class OverviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewWidget)
public:
    // How long refresh() waits for more edits before it reads.
    static constexpr int RefreshDelayMs = 300;

    explicit OverviewWidget(QWidget *parent = nullptr);
    ~OverviewWidget() override;

    // The workspace to read (empty: none, the overview is cleared).
    void setWorkspacePath(const QString &path);
    // The article list's filter; its incident condition (a drill-down) is ignored.
    void setFilter(const ArticleFilter &filter);
    ArticleFilter filter() const { return m_filter; }
    void setScope(OverviewScope scope);
    OverviewScope scope() const { return m_scope; }
    void setEntityStyle(const EntityStyle &style);

    // Reads again after RefreshDelayMs (after an edit); reload() reads now.
    void refresh();
    void reload();
    bool isLoading() const { return m_running; }

    const OverviewData &data() const { return m_data; }
    QChartView *chartView(OverviewChart which) const { return m_views.at(size_t(which)); }
    QTableView *table() const { return m_table; }
    OverviewTableModel *tableModel() const { return m_model; }
    QComboBox *scopeCombo() const { return m_scopeCombo; }
    QLabel *scopeLabel() const { return m_scopeLabel; }

    // Each chart as <folder>/<name>.png and .svg.
    bool saveCharts(const QString &folder, QString *error);

signals:
    void drillDown(const Rasid::Store::IncidentCondition &condition, const QString &description);
    // New aggregates are on screen.
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Result;
    void start();
    void finished(const Result &result);
    void rebuildCharts();
    void connectChart(OverviewChart which);
    void retranslate();
    void chooseFolderAndSave();

    QString m_path;
    ArticleFilter m_filter;
    OverviewScope m_scope = OverviewScope::Confirmed;
    EntityStyle m_style;
    OverviewData m_data;
    bool m_running = false;
    bool m_pending = false;
    quint64 m_generation = 0;
    QTimer *m_timer = nullptr;
    QComboBox *m_scopeCombo = nullptr;
    QLabel *m_scopeLabel = nullptr;
    QLabel *m_tableTitle = nullptr;
    QPushButton *m_saveButton = nullptr;
    std::array<QChartView *, OverviewChartCount> m_views{};
    QTableView *m_table = nullptr;
    OverviewTableModel *m_model = nullptr;
};

} // namespace Rasid
