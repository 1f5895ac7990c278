// The Overview tab on the fixture workspace of tests/support/overviewfixture.h:
// every chart's bars and the table's cells are the fixture's counts, a click
// filters the article list to exactly the articles behind the bar, the list's
// filters change the charts, and `rasid-cli overview` writes the same counts.
// With RASID_SCREENSHOT_OVERVIEW / RASID_SCREENSHOT_OVERVIEW_AR set to a .png
// path the tab is saved there (docs/).

#include "articlelistpanel.h"
#include "itemmodels/articlelistmodel.h"
#include "mainwindow.h"
#include "overviewcharts.h"
#include "overviewfixture.h"
#include "overviewtablemodel.h"
#include "overviewwidget.h"
#include "settingkeys.h"
#include "store/workspace.h"
#include "testsettings.h"
#include "workspacesession.h"

#include "csvreader.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using namespace Rasid;
namespace Fixture = Rasid::OverviewFixture;

namespace {

using Counts = QMap<QPair<QString, QString>, int>;

QAbstractBarSeries *barsOf(QChartView *view)
{
    for (QAbstractSeries *series : view->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            return bars;
        }
    }
    return nullptr;
}

// What a chart draws: (category, set value) -> bar height, bars of 0 left out.
Counts chartCounts(QChartView *view)
{
    Counts counts;
    QAbstractBarSeries *bars = barsOf(view);
    const QStringList categories = bars->property("categories").toStringList();
    for (QBarSet *set : bars->barSets()) {
        for (int k = 0; k < set->count(); ++k) {
            if (set->at(k) > 0) {
                counts.insert({categories.at(k), set->property("value").toString()}, int(set->at(k)));
            }
        }
    }
    return counts;
}

// The fixture's counts as a chart shows them: no undated month, the top bars only.
Counts expectedChart(OverviewChart which, OverviewScope scope, const std::function<bool(int)> &keep)
{
    const OverviewAggregate aggregate = OverviewCharts::aggregateOf(which);
    Counts counts = Fixture::expectedCounts(aggregate, scope, keep);
    if (which == OverviewChart::Months) {
        for (auto it = counts.begin(); it != counts.end();) {
            it = it.key().first.isEmpty() ? counts.erase(it) : std::next(it);
        }
    }
    return counts;
}

QSet<qint64> listedIds(ArticleListModel *model)
{
    while (model->canFetchMore({})) {
        model->fetchMore({});
    }
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        ids.insert(model->articleIdAt(row));
    }
    return ids;
}

} // namespace

class OverviewTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tableModelPassesTheTester();
    void chartsCountWhatTheFixtureHolds_data();
    void chartsCountWhatTheFixtureHolds();
    void clickFiltersTheListToItsArticles();
    void listFiltersChangeTheCharts();
    void editRefreshesTheOverview();
    void commandLineWritesTheSameCounts();
    void screenshot_data();
    void screenshot();

private:
    bool openWindow(MainWindow &window);
    QTemporaryDir m_dir;
    QString m_path;
    QVector<qint64> m_ids;
};

void OverviewTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"overview_test"_s, m_dir.filePath(u"settings"_s));
    QSettings settings;
    Settings::AnalystName.setValue(settings, u"analyst"_s);
    m_path = m_dir.filePath(u"overview.rasid"_s);
    Workspace workspace;
    QVERIFY(workspace.open(m_path));
    m_ids = Fixture::write(workspace);
    QCOMPARE(m_ids.size(), Fixture::articles().size());
}

bool OverviewTest::openWindow(MainWindow &window)
{
    window.resize(1500, 1000);
    window.show();
    QSignalSpy refreshed(window.overview(), &OverviewWidget::refreshed);
    if (!window.openWorkspace(m_path)) {
        return false;
    }
    return refreshed.wait(10000);
}

void OverviewTest::tableModelPassesTheTester()
{
    Workspace workspace;
    QVERIFY(workspace.open(m_path, Workspace::Mode::ReadOnly));
    OverviewData data;
    QString error;
    QVERIFY(readOverview(workspace, {}, OverviewScope::ConfirmedAndSuggested, &data, &error));
    OverviewTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setData(data);
    model.setData(OverviewData());
    model.setData(data);
    const Counts expected = Fixture::expectedCounts(OverviewAggregate::CountryByAttack,
                                                    OverviewScope::ConfirmedAndSuggested, [](int) { return true; });
    Counts cells;
    for (int row = 0; row < model.rowCount(); ++row) {
        int total = 0;
        for (int column = 0; column + 1 < model.columnCount(); ++column) {
            const int n = model.index(row, column).data(Qt::UserRole).toInt();
            if (n > 0) {
                cells.insert({model.countryAt(row), model.attackAt(column)}, n);
            }
            total += n;
        }
        QVERIFY(model.isTotalColumn(model.columnCount() - 1));
        QCOMPARE(model.index(row, model.columnCount() - 1).data(Qt::UserRole).toInt(), total);
    }
    QCOMPARE(cells, expected);
}

void OverviewTest::chartsCountWhatTheFixtureHolds_data()
{
    QTest::addColumn<int>("scope");
    QTest::newRow("confirmed (the default)") << int(OverviewScope::Confirmed);
    QTest::newRow("suggested") << int(OverviewScope::Suggested);
    QTest::newRow("both") << int(OverviewScope::ConfirmedAndSuggested);
}

void OverviewTest::chartsCountWhatTheFixtureHolds()
{
    QFETCH(int, scope);
    MainWindow window;
    QVERIFY(openWindow(window));
    OverviewWidget *overview = window.overview();
    QCOMPARE(overview->scope(), OverviewScope::Confirmed);
    if (OverviewScope(scope) != overview->scope()) {
        QSignalSpy refreshed(overview, &OverviewWidget::refreshed);
        overview->scopeCombo()->setCurrentIndex(overview->scopeCombo()->findData(scope));
        emit overview->scopeCombo()->activated(overview->scopeCombo()->currentIndex());
        QVERIFY(refreshed.wait(10000));
    }
    const auto all = [](int) { return true; };
    for (int k = 0; k < OverviewChartCount; ++k) {
        const auto which = OverviewChart(k);
        QCOMPARE(chartCounts(overview->chartView(which)), expectedChart(which, OverviewScope(scope), all));
    }
    const int incidents = Fixture::counted(OverviewAggregate::Countries, OverviewScope(scope), all).size();
    QCOMPARE(overview->data().incidents, incidents);
    // The label says which incidents are counted.
    const QString word = scope == int(OverviewScope::Confirmed)   ? u"confirmed"_s
        : scope == int(OverviewScope::Suggested) ? u"suggested"_s
                                                 : u"confirmed and suggested"_s;
    QVERIFY2(overview->scopeLabel()->text().contains(word), qPrintable(overview->scopeLabel()->text()));
    QVERIFY(overview->scopeLabel()->text().contains(QString::number(incidents)));
}

void OverviewTest::clickFiltersTheListToItsArticles()
{
    MainWindow window;
    QVERIFY(openWindow(window));
    window.showOverview();
    QCOMPARE(window.centerTabs()->currentWidget(), window.overview());
    OverviewWidget *overview = window.overview();
    ArticleListModel *list = window.session()->articles();
    const auto all = [](int) { return true; };
    auto expectedIds = [this](const QSet<int> &indexes) {
        QSet<qint64> ids;
        for (int index : indexes) {
            ids.insert(m_ids.at(index));
        }
        return ids;
    };
    // Every bar of every chart, clicked, lists exactly the articles behind it.
    for (int k = 0; k < OverviewChartCount; ++k) {
        const auto which = OverviewChart(k);
        QAbstractBarSeries *bars = barsOf(overview->chartView(which));
        const QStringList categories = bars->property("categories").toStringList();
        for (QBarSet *set : bars->barSets()) {
            for (int c = 0; c < set->count(); ++c) {
                if (set->at(c) <= 0) {
                    continue;
                }
                emit bars->clicked(c, set);
                const QSet<int> indexes =
                    Fixture::expectedArticles(OverviewCharts::aggregateOf(which), overview->scope(), all,
                                              categories.at(c), set->property("value").toString());
                QVERIFY(!indexes.isEmpty());
                QCOMPARE(listedIds(list), expectedIds(indexes));
                QVERIFY(window.articleList()->drillDownLabel()->isVisible());
            }
        }
    }
    // A cell of the table, clicked with the mouse.
    QTableView *table = overview->table();
    OverviewTableModel *model = overview->tableModel();
    QVERIFY(model->rowCount() > 0);
    const QModelIndex cell = model->index(0, 0);
    table->scrollTo(cell);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(cell).center());
    QCOMPARE(listedIds(list), expectedIds(Fixture::expectedArticles(OverviewAggregate::CountryByAttack,
                                                                    overview->scope(), all, model->countryAt(0),
                                                                    model->attackAt(0))));
    // The bar above the list clears it.
    auto *clear = window.articleList()->findChild<QWidget *>(u"clearDrillDown"_s);
    QVERIFY(clear);
    QMetaObject::invokeMethod(clear, "click");
    QCOMPARE(listedIds(list).size(), 6); // the listed articles: no duplicate, no missing file
    QVERIFY(!window.articleList()->drillDownLabel()->isVisible());
}

void OverviewTest::listFiltersChangeTheCharts()
{
    MainWindow window;
    QVERIFY(openWindow(window));
    OverviewWidget *overview = window.overview();
    QSignalSpy refreshed(overview, &OverviewWidget::refreshed);
    // The list's country filter, as the analyst picks it.
    QComboBox *country = window.articleList()->countryCombo();
    const int tunisia = country->findData(u"TN"_s);
    QVERIFY(tunisia > 0);
    country->setCurrentIndex(tunisia);
    emit country->activated(tunisia);
    QVERIFY(refreshed.wait(10000));
    const auto keep = [](int article) {
        for (const Fixture::Incident &incident : Fixture::incidents()) {
            if (incident.article == article && incident.status != u"rejected"_s && incident.country == u"TN"_s) {
                return true;
            }
        }
        return false;
    };
    for (int k = 0; k < OverviewChartCount; ++k) {
        const auto which = OverviewChart(k);
        QCOMPARE(chartCounts(overview->chartView(which)), expectedChart(which, OverviewScope::Confirmed, keep));
    }
    QVERIFY(chartCounts(overview->chartView(OverviewChart::Countries))
            != expectedChart(OverviewChart::Countries, OverviewScope::Confirmed, [](int) { return true; }));
}

// An analyst's decision reaches the overview after the refresh delay, read off
// the GUI thread.
void OverviewTest::editRefreshesTheOverview()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"edit.rasid"_s);
    QVERIFY(QFile::copy(m_path, path));
    MainWindow window;
    window.show();
    QSignalSpy refreshed(window.overview(), &OverviewWidget::refreshed);
    QVERIFY(window.openWorkspace(path));
    QVERIFY(refreshed.wait(10000));
    const int before = window.overview()->data().incidents;
    // Confirm the suggested incident of the airport article (index 2, first of its two).
    ReviewStore *store = window.session()->store();
    const QVector<IncidentRecord> incidents = store->incidents(m_ids.at(2));
    QVERIFY(!incidents.isEmpty());
    QVERIFY(store->confirmIncident(incidents.first().id));
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(window.overview()->data().incidents, before + 1);
}

void OverviewTest::commandLineWritesTheSameCounts()
{
    QTemporaryDir out;
    QProcess cli;
    cli.start(QStringLiteral(RASID_CLI_PATH), {u"overview"_s, m_path, u"--out"_s, out.path(), u"--status"_s, u"all"_s});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    Workspace workspace;
    QVERIFY(workspace.open(m_path, Workspace::Mode::ReadOnly));
    OverviewData data;
    QString error;
    QVERIFY(readOverview(workspace, {}, OverviewScope::ConfirmedAndSuggested, &data, &error));
    for (int k = 0; k < OverviewAggregateCount; ++k) {
        const auto which = OverviewAggregate(k);
        QFile file(QDir(out.path()).filePath(aggregateName(which) + u".csv"_s));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QVector<QStringList> rows = TestCsv::parseCsv(QString::fromUtf8(file.readAll()));
        QCOMPARE(rows.size(), data.aggregate(which).size() + 1);
        const int countColumn = hasSecondDimension(which) ? 2 : 1;
        for (int r = 0; r < data.aggregate(which).size(); ++r) {
            const OverviewRow &row = data.aggregate(which).at(r);
            QCOMPARE(rows.at(r + 1).at(0), row.first);
            QCOMPARE(rows.at(r + 1).at(countColumn).toInt(), row.count);
        }
    }
    for (int k = 0; k < OverviewChartCount; ++k) {
        const QString base = QDir(out.path()).filePath(OverviewCharts::fileName(OverviewChart(k)));
        QImage png(base + u".png"_s);
        QCOMPARE(png.size(), QSize(900, 560));
        QFile svg(base + u".svg"_s);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
    }
}

void OverviewTest::screenshot_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("outputVariable");
    QTest::newRow("English") << u"en"_s << u"RASID_SCREENSHOT_OVERVIEW"_s;
    QTest::newRow("Arabic, right to left") << u"ar"_s << u"RASID_SCREENSHOT_OVERVIEW_AR"_s;
}

void OverviewTest::screenshot()
{
    QFETCH(QString, language);
    QFETCH(QString, outputVariable);
    QTranslator translator;
    const QLocale locale(language);
    QLocale::setDefault(locale);
    if (language == u"ar") {
        QVERIFY(translator.load(locale, u"rasid"_s, u"_"_s, u":/i18n"_s));
        QCoreApplication::installTranslator(&translator);
    }
    QGuiApplication::setLayoutDirection(locale.textDirection());
    auto restore = qScopeGuard([&translator] {
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::English));
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    });
    MainWindow window;
    QVERIFY(openWindow(window));
    window.resize(1600, 1000);
    window.findChild<QSplitter *>(u"mainSplitter"_s)->setSizes({330, 900, 370});
    window.showOverview();
    OverviewWidget *overview = window.overview();
    QSignalSpy refreshed(overview, &OverviewWidget::refreshed);
    overview->setScope(OverviewScope::ConfirmedAndSuggested);
    QVERIFY(refreshed.wait(10000));
    QTest::qWait(50);
    if (language == u"ar") {
        QCOMPARE(overview->layoutDirection(), Qt::RightToLeft);
        QCOMPARE(window.centerTabs()->tabText(1), u"نظرة عامة"_s);
        // The country names sit on the right of their bars.
        auto *axis = overview->chartView(OverviewChart::Countries)->chart()->axes(Qt::Vertical).constFirst();
        QCOMPARE(axis->alignment(), Qt::AlignRight);
        QVERIFY(OverviewCharts::valueLabel(IncidentDimension::Country, u"TN"_s).contains(u"تونس"_s));
    }
    const QImage image = window.grab().toImage();
    const QString out = qEnvironmentVariable(qPrintable(outputVariable));
    if (!out.isEmpty()) {
        QVERIFY(image.save(out));
    }
}

QTEST_MAIN(OverviewTest)
#include "overview_test.moc"
