// The export from the window: it runs off the GUI thread with a progress
// dialog, the window keeps processing events meanwhile, and Cancel stops it
// and leaves no file (nor a temporary one) behind.

#include "actionregistry.h"
#include "exportdialog.h"
#include "exportrunner.h"
#include "extract/incident.h"
#include "mainwindow.h"
#include "settingkeys.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"
#include "testsettings.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// Enough incidents that every export takes seconds in a debug build.
constexpr int kArticles = 15000;

bool buildWorkspace(const QString &path)
{
    Workspace workspace;
    if (!workspace.open(path) || !workspace.beginTransaction()) {
        return false;
    }
    QSqlDatabase db = workspace.database();
    QSqlQuery file(db);
    file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
    QSqlQuery article(db);
    article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, outlet, published, source_url, text) "
                    "VALUES (?, ?, ?, ?, 'هسبريس', '2024-05-01', 'https://news.example.org/a', 'نص المقال')"_s);
    for (int a = 0; a < kArticles; ++a) {
        const QString name = u"big/%1.txt"_s.arg(a, 5, 10, QLatin1Char('0'));
        file.addBindValue(name);
        if (!file.exec()) {
            return false;
        }
        for (const QVariant &value : {file.lastInsertId(), QVariant(name), QVariant(name),
                                      QVariant(u"اختراق رقم %1"_s.arg(a))}) {
            article.addBindValue(value);
        }
        if (!article.exec()) {
            return false;
        }
        QVector<ProposedIncident> incidents;
        for (int k = 0; k < 2; ++k) {
            ProposedIncident incident;
            incident.confidence = 0.6;
            incident.set(u"victim"_s, u"مؤسسة رقم %1"_s.arg((2 * a + k) % 3000), 0.7);
            incident.set(u"victim_country"_s, u"MA"_s, 0.8);
            incident.set(u"attack_type"_s, u"data_breach"_s, 0.6);
            incident.set(u"actor"_s, u"مجموعة %1"_s.arg(a % 200), 0.5);
            incident.set(u"evidence"_s, u"اخترقت مجموعة بيانات المؤسسة."_s, 0.6);
            incidents.append(incident);
        }
        if (!storeProposedIncidents(db, article.lastInsertId().toLongLong(), incidents)) {
            return false;
        }
    }
    return workspace.commit();
}

} // namespace

class ExportRunnerTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cancelStopsTheExportAndLeavesNoFile_data();
    void cancelStopsTheExportAndLeavesNoFile();
    void finishedExportShowsItsProgressToTheEnd();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_settingsDir;
    QString m_workspace;
};

void ExportRunnerTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"exportrunner_test"_s, m_settingsDir.path());
    QSettings settings;
    settings.clear();
    Settings::AnalystName.setValue(settings, u"سارة"_s);
    QVERIFY(m_dir.isValid());
    m_workspace = m_dir.filePath(u"big.rasid"_s);
    QVERIFY(buildWorkspace(m_workspace));
}

void ExportRunnerTest::cancelStopsTheExportAndLeavesNoFile_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("CSV") << ExportFormat::Csv;
    QTest::newRow("STIX") << ExportFormat::Stix;
    QTest::newRow("MISP") << ExportFormat::Misp;
}

void ExportRunnerTest::cancelStopsTheExportAndLeavesNoFile()
{
    QFETCH(ExportFormat, format);
    MainWindow window;
    window.show();
    QVERIFY(window.openWorkspace(m_workspace));
    const QString folder = m_dir.filePath(u"out-%1"_s.arg(int(format)));
    QVERIFY(QDir().mkpath(folder));
    const QString out = QDir(folder).filePath(u"incidents."_s + exportFormatSuffix(format));

    window.actions()->action(u"export"_s)->trigger();
    auto *dialog = window.findChild<ExportDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    ExportRequest request;
    request.format = format;
    request.options.status = StatusFilter::All;
    request.outputPath = out;
    dialog->setRequest(request);

    // The GUI thread's own clock: a 10 ms timer that only fires while the
    // window's event loop runs.
    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(10);
    connect(&heartbeat, &QTimer::timeout, this, [&ticks] { ++ticks; });
    heartbeat.start();
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    QElapsedTimer clock;
    clock.start();
    dialog->accept();

    auto *runner = window.findChild<ExportRunner *>();
    QVERIFY(runner);
    QSignalSpy progressed(runner, &ExportRunner::progressed);
    const QPointer<QProgressDialog> progress = runner->progressDialog(); // goes with the runner
    QVERIFY(progress);
    QCOMPARE(progress->windowModality(), Qt::NonModal);
    // Progress is seen: the dialog shows a count of incidents part of the way.
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible() && progress->maximum() == 2 * kArticles && progress->value() > 0,
                             20000);
    QVERIFY(finished.isEmpty());
    QVERIFY(progress->value() < progress->maximum());
    QVERIFY(progressed.size() >= 1);
    QVERIFY(progress->labelText().contains(QLocale().toString(2 * kArticles)));
    // The event loop ran all along: the heartbeat ticked, and an event posted
    // now is handled while the export still runs. (No rate is asserted: on a
    // loaded machine the GUI thread may get little CPU, but it is never blocked.)
    const qint64 elapsed = clock.elapsed();
    QVERIFY2(ticks >= 2, qPrintable(u"%1 ticks in %2 ms"_s.arg(ticks).arg(elapsed)));
    bool posted = false;
    QTimer::singleShot(0, this, [&posted] { posted = true; });
    QTRY_VERIFY_WITH_TIMEOUT(posted, 5000);
    QVERIFY(finished.isEmpty());
    qInfo("%d heartbeat ticks of 10 ms in the %lld ms before Cancel", ticks, elapsed);

    auto *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(finished.at(0).at(1).toString().contains(u"cancelled"_s), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!progress || !progress->isVisible());
    QVERIFY(!QFileInfo::exists(out));
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    // No error box: a cancellation is not a failure.
    for (const QMessageBox *box : window.findChildren<QMessageBox *>()) {
        QVERIFY(!box->isVisible());
    }
}

void ExportRunnerTest::finishedExportShowsItsProgressToTheEnd()
{
    // A small export through the runner itself: it ends written, with the last report at the total.
    QTemporaryDir dir;
    const QString small = dir.filePath(u"small.rasid"_s);
    {
        Workspace workspace;
        QVERIFY(workspace.open(small));
        QSqlDatabase db = workspace.database();
        QSqlQuery file(db);
        QVERIFY(file.exec(u"INSERT INTO files(path, status) VALUES ('s.txt', 'imported')"_s));
        QSqlQuery article(db);
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, text) VALUES (?, 's.txt', 'h', 'نص')"_s);
        article.addBindValue(file.lastInsertId());
        QVERIFY(article.exec());
        ProposedIncident incident;
        incident.set(u"victim"_s, u"وزارة"_s, 0.5);
        QVERIFY(storeProposedIncidents(db, article.lastInsertId().toLongLong(), {incident, incident, incident}));
    }
    QWidget window;
    ExportRequest request;
    request.format = ExportFormat::JsonLines;
    request.outputPath = dir.filePath(u"small.jsonl"_s);
    auto *runner = new ExportRunner(small, request, &window);
    QSignalSpy progressed(runner, &ExportRunner::progressed);
    QSignalSpy finished(runner, &ExportRunner::finished);
    runner->start();
    QVERIFY(finished.wait(20000));
    const auto result = finished.at(0).at(0).value<ExportResult>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.cancelled);
    QCOMPARE(result.rows, 3);
    QVERIFY(!progressed.isEmpty());
    QCOMPARE(progressed.last().at(0).toLongLong(), 3);
    QCOMPARE(progressed.last().at(1).toLongLong(), 3);
    QVERIFY(QFileInfo::exists(request.outputPath));
}

QTEST_MAIN(ExportRunnerTest)
#include "exportrunner_test.moc"
