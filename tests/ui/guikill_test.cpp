// kill -9 during a GUI edit loses no confirmed edit (DESIGN.md §8). The test
// runs the main window in a child process (this binary, started again with
// --child): the child opens the workspace, confirms a field with Return and
// then the whole incident with Ctrl+Return, as an analyst does, and reports
// each edit on stdout once the window has made it. The parent kills the child
// with SIGKILL right after a report, reopens the workspace and checks that
// every reported edit is there and that the file is sound.

#include "fieldform.h"
#include "incidentpanel.h"
#include "itemmodels/incidentfieldmodel.h"
#include "mainwindow.h"
#include "seedincident.h"
#include "settingkeys.h"
#include "store/importer.h"
#include "store/workspace.h"
#include "testsettings.h"
#include "workspacecheck.h"
#include "workspacesession.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString kArticle = u"تسريب بيانات مشتركي شركة الاتصالات الوطنية\n\n"
                         "أعلنت شركة الاتصالات الوطنية في الأردن أن مجموعة تطلق على نفسها اسم ميغا باس اخترقت أحد "
                         "خوادمها، وقالت إن نحو مليون سجل قد سرب.\n"_s;

void report(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);
}

void setUpSettings(const QString &settingsDir)
{
    Rasid::TestSettings::isolate(u"guikill_test"_s, settingsDir);
    QSettings settings;
    Settings::AnalystName.setValue(settings, u"Huda"_s);
}

// The child: the window, two edits through the keyboard, then it waits to be killed.
int runChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    setUpSettings(arguments.value(3));
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openWorkspace(arguments.value(2))) {
        report(u"error: cannot open the workspace"_s);
        return 1;
    }
    const qint64 article = window.session()->articleIdForPath(u"breach.txt"_s);
    const qint64 incident = seedIncident(&window, article);
    if (incident == 0 || !QTest::qWaitForWindowActive(&window)) {
        report(u"error: no incident to review"_s);
        return 1;
    }
    FieldForm *form = window.incidentPanel()->form();
    const int victim = window.session()->fields()->rowForField(u"victim"_s);
    form->setCurrentRow(victim);
    QTest::qWait(50);
    QTest::keyClick(form->editor(victim), Qt::Key_Return);
    report(u"confirmed field victim of %1"_s.arg(incident));
    QTest::keyClick(&window, Qt::Key_Return, Qt::ControlModifier);
    report(u"confirmed incident %1"_s.arg(incident));
    return app.exec(); // until the kill
}

} // namespace

class GuiKillTest : public QObject
{
    Q_OBJECT
private slots:
    void killedWindowKeepsEveryConfirmedEdit_data();
    void killedWindowKeepsEveryConfirmedEdit();
};

void GuiKillTest::killedWindowKeepsEveryConfirmedEdit_data()
{
    QTest::addColumn<int>("reportsBeforeKill");
    QTest::newRow("killed after the field") << 1;
    QTest::newRow("killed after the incident") << 2;
}

void GuiKillTest::killedWindowKeepsEveryConfirmedEdit()
{
    QFETCH(int, reportsBeforeKill);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"corpus"_s);
    const QString workspacePath = dir.filePath(u"corpus.rasid"_s);
    QVERIFY(QDir().mkpath(folder));
    QFile file(QDir(folder).filePath(u"breach.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kArticle.toUtf8());
    file.close();
    {
        Workspace workspace;
        QVERIFY2(workspace.open(workspacePath), qPrintable(workspace.lastError()));
        Importer importer;
        ImportOptions options;
        options.folder = folder;
        const ImportSummary summary = importer.run(workspace, options);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    }

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {u"--child"_s, workspacePath, dir.filePath(u"settings"_s)});
    QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
    QStringList reports;
    while (reports.size() < reportsBeforeKill) {
        if (!child.canReadLine()) {
            QVERIFY2(child.state() == QProcess::Running, "the window ended before its edits");
            QVERIFY2(child.waitForReadyRead(60000), "the window reported nothing for a minute");
            continue;
        }
        const QString line = QString::fromUtf8(child.readLine()).trimmed();
        QVERIFY2(!line.startsWith(u"error"_s), qPrintable(line));
        reports << line;
    }
    child.kill(); // SIGKILL: no close, no checkpoint, no unlock
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    Workspace workspace;
    QVERIFY2(workspace.open(workspacePath), qPrintable(workspace.lastError()));
    const QStringList broken = WorkspaceCheck::damage(workspace);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    const qint64 incident = reports.first().section(u' ', -1).toLongLong();
    QVERIFY(incident > 0);
    const QString fields =
        WorkspaceCheck::firstValue(workspace, u"SELECT fields FROM incidents WHERE id = ?"_s, {incident}).toString();
    QString victimOrigin;
    for (const IncidentField &field : unpackFields(fields)) {
        if (field.name == u"victim") {
            victimOrigin = field.origin;
        }
    }
    QCOMPARE(victimOrigin, u"confirmed"_s);
    const QString status =
        WorkspaceCheck::firstValue(workspace, u"SELECT review_status FROM incidents WHERE id = ?"_s, {incident}).toString();
    QCOMPARE(status, reportsBeforeKill >= 2 ? u"confirmed"_s : u"suggested"_s);
    QVERIFY(WorkspaceCheck::firstInt(workspace, u"SELECT count(*) FROM audit WHERE analyst = 'Huda'"_s) >= reportsBeforeKill);
    qInfo("%s, killed: the workspace holds it", qPrintable(reports.last()));
}

int main(int argc, char **argv)
{
    if (argc >= 2 && qstrcmp(argv[1], "--child") == 0) {
        return runChild(argc, argv);
    }
    QApplication app(argc, argv);
    GuiKillTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "guikill_test.moc"
