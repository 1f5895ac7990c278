#include "articleview.h"
#include "importcontroller.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/roles.h"
#include "mainwindow.h"
#include "settingkeys.h"
#include "store/workspace.h"
#include "testfiles.h"
#include "testsettings.h"
#include "workspacecheck.h"
#include "workspacesession.h"

#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Rasid;

/*
 * The window stays responsive and says what went wrong when the folder it
 * opens is hostile: every bad file is listed in the import-problems view with
 * its name and reason, the event loop never stalls while the import runs, a
 * read-only folder gets its workspace elsewhere with a message, and a damaged
 * workspace is refused with a message and left as it was.
 */

namespace {

// Set in the copy of this test that runs as an unprivileged user.
constexpr const char *kUnprivileged = "RASID_TEST_UNPRIVILEGED";

const QString kArticle = u"تعرضت وزارة الصحة في الأردن لهجوم إلكتروني أدى إلى تسريب بيانات نحو 300 ألف مريض.\n\n"
                         "وأكدت الوزارة أن فرقها الفنية تعمل على احتواء الحادث."_s;

QString article(int n)
{
    return u"خبر رقم %1 عن هجوم إلكتروني\n\n"_s.arg(n) + kArticle + u"\n\nتفاصيل إضافية رقم %1."_s.arg(n);
}

using TestFiles::readAll;
using TestFiles::writeFile;

// Reads through a read-only connection of its own: what is really in the file.
using WorkspaceCheck::firstValueIn;

// The longest time the event loop went without running a 10 ms timer.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.elapsed();
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

// The visible message boxes of a window whose text holds `needle`.
QMessageBox *messageBox(QWidget *window, const QString &needle)
{
    for (QMessageBox *box : window->findChildren<QMessageBox *>()) {
        if (box->isVisible() && box->text().contains(needle)) {
            return box;
        }
    }
    return nullptr;
}

} // namespace

class HostileGuiTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void hostileFolderImportsWithoutStallingAndListsEveryProblem();
    void readOnlyFolderGetsItsWorkspaceElsewhereWithAMessage_data();
    void readOnlyFolderGetsItsWorkspaceElsewhereWithAMessage();
    void workspaceInAReadOnlyFolderIsRefusedWithAMessage();
    void damagedWorkspaceIsRefusedWithAMessageAndLeftAlone();

private:
    // Runs `function` of this test again in a child as user nobody when this
    // process is root; the child's output goes to *output.
    enum class Child { NotNeeded, Passed, Failed, Unavailable };
    Child runUnprivileged(const char *function, QString *output);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_dir; // outlives the window, which holds a workspace in it
};

void HostileGuiTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"hostilegui_test"_s, m_settingsDir.path());
}

void HostileGuiTest::init()
{
    QSettings settings;
    settings.clear();
    Settings::AnalystName.setValue(settings, u"سارة"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void HostileGuiTest::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

HostileGuiTest::Child HostileGuiTest::runUnprivileged(const char *function, QString *output)
{
    if (::geteuid() != 0 || qEnvironmentVariableIsSet(kUnprivileged)) {
        return Child::NotNeeded; // permissions bind this process: test here
    }
    // Root ignores permission bits, so a chmod 0555 folder stays writable to it.
    const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
    QTemporaryDir home;
    if (setpriv.isEmpty() || ::chown(QFile::encodeName(home.path()).constData(), 65534, 65534) != 0) {
        return Child::Unavailable;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kUnprivileged), u"1"_s);
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_RUNTIME_DIR"_s, home.path());
    environment.insert(u"TMPDIR"_s, u"/tmp"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    // One row of a data-driven test runs as that row alone.
    const QString tag = QString::fromUtf8(QTest::currentDataTag());
    const QString name = QString::fromLatin1(function);
    child.start(setpriv, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                          QCoreApplication::applicationFilePath(), tag.isEmpty() ? name : name + u':' + tag});
    const bool done = child.waitForFinished(180000);
    if (!done) {
        child.kill();
        child.waitForFinished();
    }
    *output = QString::fromUtf8(child.readAll());
    const bool passed = done && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0
        && output->contains(u"PASS   : HostileGuiTest::%1(%2)"_s.arg(name, tag));
    return passed ? Child::Passed : Child::Failed;
}

// Runs the calling test function as user nobody when this process is root, and
// returns from it with the child's result.
#define RUN_UNPRIVILEGED(function)                                                                  \
    do {                                                                                            \
        QString childOutput;                                                                        \
        switch (runUnprivileged(function, &childOutput)) {                                          \
        case Child::Unavailable:                                                                    \
            QSKIP("running as root without setpriv: no folder can be read-only to this process"); \
        case Child::Failed:                                                                         \
            QFAIL(qPrintable(childOutput));                                                         \
        case Child::Passed:                                                                         \
            return;                                                                                 \
        case Child::NotNeeded:                                                                      \
            break;                                                                                  \
        }                                                                                           \
    } while (false)

void HostileGuiTest::hostileFolderImportsWithoutStallingAndListsEveryProblem()
{
    constexpr int EmptyFiles = 100000;
    const QString folder = m_dir->filePath(u"corpus"_s);
    // Readable articles, some with names an analyst's tools choke on.
    const QStringList goodNames = {u"a.txt"_s, u"خبر عاجل \"مقتبس\".txt"_s, u"سطر\nجديد.md"_s, u"=cmd.txt"_s};
    for (int i = 0; i < goodNames.size(); ++i) {
        QVERIFY(writeFile(folder + u'/' + goodNames.at(i), article(i).toUtf8()));
    }
    // A megabyte on one line, HTML nested 100,000 deep, a page full of scripts.
    QVERIFY(writeFile(folder + u"/long.txt"_s, u"كلمة عادية في سطر طويل "_s.toUtf8().repeated(24000)));
    QVERIFY(writeFile(folder + u"/deep.html"_s,
                      "<html><body>" + QByteArray("<div>").repeated(100000) + "نص عميق"));
    QVERIFY(writeFile(folder + u"/hostile.html"_s,
                      u"<html><head><script>fetch('http://evil.example/')</script></head><body>"
                      u"<img src=http://evil.example/x.png onerror=alert(1)><iframe src=http://evil.example/>"
                      u"</iframe><p onclick=alert(2)>%1</p></body></html>"_s.arg(article(9))
                          .toUtf8()));
    // Markup in a text file is text: shown as written, never rendered or loaded.
    const QString markup =
        u"<img src=\"http://evil.example/x.png\"> <b>عريض</b> <a href=\"javascript:alert(1)\">رابط</a>"_s;
    QVERIFY(writeFile(folder + u"/markup.txt"_s, (article(30) + u"\n\n"_s + markup + u"\n"_s).toUtf8()));
    // JSON lines with a broken line among good ones.
    QVERIFY(writeFile(folder + u"/feed.jsonl"_s,
                      u"{\"title\": \"أول\", \"text\": \"%1\"}\n{\"title\": مكسور\n"
                      u"{\"title\": \"ثالث\", \"text\": \"%2\"}\n"_s
                          .arg(article(20).replace(u"\n"_s, u"\\n"_s), article(21).replace(u"\n"_s, u"\\n"_s))
                          .toUtf8()));
    // What cannot be read: each must be listed with the reason.
    QVERIFY(writeFile(folder + u"/binary.txt"_s, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18)));
    {
        QFile huge(folder + u"/huge.txt"_s);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(200LL * 1024 * 1024)); // sparse
    }
    QVERIFY(QFile::link(folder + u"/loop.txt"_s, folder + u"/loop.txt"_s));
    QVERIFY(QDir().mkpath(folder + u"/sub"_s));
    QVERIFY(QFile::link(folder, folder + u"/sub/again"_s)); // a folder loop
    QCOMPARE(::mkfifo(QFile::encodeName(folder + u"/pipe.txt"_s).constData(), 0644), 0);
    const QByteArray rawName = QFile::encodeName(folder) + "/bad-\xff\xfe-name.txt";
    const int fd = ::open(rawName.constData(), O_CREAT | O_WRONLY, 0644);
    QVERIFY(fd >= 0);
    ::close(fd);
    const auto removeRaw = qScopeGuard([&rawName] { ::unlink(rawName.constData()); });
    const QString emptyWeird = u"empty/فارغ \"مقتبس\"\nسطر.txt"_s;
    QVERIFY(writeFile(folder + u'/' + emptyWeird, QByteArray()));
    QElapsedTimer clock;
    clock.start();
    const QByteArray emptyBase = QFile::encodeName(folder) + "/empty/e";
    for (int i = 0; i < EmptyFiles; ++i) {
        const int empty = ::open((emptyBase + QByteArray::number(i) + ".txt").constData(), O_CREAT | O_WRONLY, 0644);
        QVERIFY(empty >= 0);
        ::close(empty);
    }
    qInfo("folder written in %lld ms", qint64(clock.restart()));

    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    qint64 longestStall = 0;
    {
        const StallMeter meter;
        QVERIFY(m_window->openFolder(folder));
        const qint64 openMs = clock.restart();
        QVERIFY(m_window->importController()->isRunning());
        QVERIFY(finished.wait(240000));
        QTest::qWait(300); // what the window does when the import ends counts too
        longestStall = meter.longestMs();
        qInfo("openFolder returned in %lld ms; the import took %lld ms; longest event-loop stall %lld ms", openMs,
              qint64(clock.elapsed()), longestStall);
        QVERIFY2(openMs < 250, qPrintable(QString::number(openMs)));
    }
    QVERIFY2(longestStall < 250, qPrintable(QString::number(longestStall)));

    const QString workspace = m_window->session()->path();
    for (const QString &name : goodNames) {
        QCOMPARE(firstValueIn(workspace, u"SELECT count(*) FROM articles WHERE path = ?"_s, {name}).toInt(), 1);
    }
    QCOMPARE(firstValueIn(workspace, u"SELECT count(*) FROM articles WHERE path = 'deep.html' AND text LIKE '%نص عميق%'"_s)
                 .toInt(),
             1);
    QCOMPARE(firstValueIn(workspace, u"SELECT count(*) FROM articles WHERE path = 'hostile.html' "
                                        "AND text NOT LIKE '%alert%' AND text NOT LIKE '%evil%'"_s)
                 .toInt(),
             1);
    QCOMPARE(firstValueIn(workspace, u"SELECT count(*) FROM articles WHERE path LIKE 'feed.jsonl#%'"_s).toInt(), 2);
    QVERIFY(firstValueIn(workspace, u"SELECT length(text) FROM articles WHERE path = 'long.txt'"_s).toInt() > 100000);

    QVERIFY(m_window->showArticle(m_window->session()->articleIdForPath(u"markup.txt"_s)));
    QTRY_VERIFY(m_window->articleView()->toPlainText().contains(markup));

    // The status bar offers the problems; the view lists each file with its reason.
    auto *button = m_window->findChild<QToolButton *>(u"problemsButton"_s);
    QVERIFY(button);
    QTRY_VERIFY(button->isVisible());
    constexpr int Problems = EmptyFiles + 7;
    QVERIFY2(button->text().contains(QString::number(Problems)), qPrintable(button->text()));
    // The view reads its rows when it opens: an analyst's click, measured apart.
    clock.restart();
    button->click();
    qInfo("the problems view opened with %d rows in %lld ms", Problems, qint64(clock.elapsed()));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    auto *dialog = m_window->findChild<QDialog *>(u"problemsDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *table = dialog->findChild<QTableView *>();
    QVERIFY(table);
    const QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), Problems);
    QHash<QString, QString> reasonOf;
    for (int row = 0; row < model->rowCount(); ++row) {
        reasonOf.insert(model->index(row, ProblemPathColumn).data(ProblemPathRole).toString(),
                        model->index(row, ProblemReasonColumn).data().toString());
    }
    const QVector<std::pair<QString, QString>> expected = {
        {u"binary.txt"_s, u"binary"_s},
        {u"huge.txt"_s, u"too large"_s},
        {u"loop.txt"_s, u"link"_s},
        {u"pipe.txt"_s, u"not a regular file"_s},
        {u"feed.jsonl"_s, u"line 2: not valid JSON"_s},
        {u"bad-\uFFFD\uFFFD-name.txt"_s, u"not valid UTF-8"_s},
        {emptyWeird, u"empty"_s},
        {u"empty/e0.txt"_s, u"empty"_s},
        {u"empty/e%1.txt"_s.arg(EmptyFiles - 1), u"empty"_s},
    };
    for (const auto &[path, reason] : expected) {
        QVERIFY2(reasonOf.contains(path), qPrintable(path));
        QVERIFY2(reasonOf.value(path).contains(reason), qPrintable(path + u": "_s + reasonOf.value(path)));
    }
    // RASID_SCREENSHOT=<file.png> saves the view, to look at.
    if (const QString out = qEnvironmentVariable("RASID_SCREENSHOT"); !out.isEmpty()) {
        dialog->resize(900, 500);
        table->sortByColumn(ProblemPathColumn, Qt::DescendingOrder);
        QVERIFY(dialog->grab().toImage().save(out));
    }
    // A line break in a name shows as a visible symbol, not as a cut-off cell.
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, ProblemPathColumn);
        if (index.data(ProblemPathRole).toString() == emptyWeird) {
            const auto *delegate = static_cast<QStyledItemDelegate *>(table->itemDelegate());
            const QString shown = delegate->displayText(index.data(), QLocale());
            QCOMPARE(shown, QString(emptyWeird).replace(u'\n', QChar(0x2424)));
        }
    }
}

void HostileGuiTest::readOnlyFolderGetsItsWorkspaceElsewhereWithAMessage_data()
{
    QTest::addColumn<bool>("folderReadOnly");
    QTest::newRow("read-only folder") << true;
    QTest::newRow("read-only workspace in a writable folder") << false;
}

void HostileGuiTest::readOnlyFolderGetsItsWorkspaceElsewhereWithAMessage()
{
    RUN_UNPRIVILEGED("readOnlyFolderGetsItsWorkspaceElsewhereWithAMessage");
    QFETCH(bool, folderReadOnly);
    const QString folder = m_dir->filePath(u"مجلد للقراءة فقط"_s);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(writeFile(folder + u"/a%1.txt"_s.arg(i), article(i).toUtf8()));
    }
    const auto readOnly = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const QString inFolder = MainWindow::workspacePathForFolder(folder);
    QVERIFY(inFolder.startsWith(folder));
    if (folderReadOnly) {
        QVERIFY(QFile::setPermissions(folder, readOnly | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther));
    } else {
        // A workspace left by a colleague, or copied from a read-only medium.
        {
            Workspace ws;
            QVERIFY(ws.open(inFolder));
        }
        QVERIFY(QFile::setPermissions(inFolder, readOnly));
    }
    const auto writable = qScopeGuard([&folder] {
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });
    {
        // The check proves something only if the file really cannot be written.
        QFile probe(folderReadOnly ? folder + u"/probe"_s : inFolder);
        QVERIFY2(!probe.open(QIODevice::WriteOnly | QIODevice::Append), "this user can still write there");
    }
    const QStringList before = QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    const QByteArray existing = readAll(inFolder);

    QSignalSpy finished(m_window.get(), &MainWindow::importFinished);
    QVERIFY(m_window->openFolder(folder));
    QVERIFY(finished.wait(60000));
    const QString path = m_window->session()->path();
    QVERIFY2(!path.startsWith(folder), qPrintable(path));
    QVERIFY2(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)), qPrintable(path));
    QMessageBox *box = messageBox(m_window.get(), u"read-only"_s);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(folder)), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(path)), qPrintable(box->text()));
    QCOMPARE(firstValueIn(path, u"SELECT count(*) FROM articles"_s).toInt(), 3);
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
    QCOMPARE(readAll(inFolder), existing);
}

void HostileGuiTest::workspaceInAReadOnlyFolderIsRefusedWithAMessage()
{
    RUN_UNPRIVILEGED("workspaceInAReadOnlyFolderIsRefusedWithAMessage");
    const QString folder = m_dir->filePath(u"share"_s);
    const QString path = folder + u"/corpus.rasid"_s;
    QVERIFY(QDir().mkpath(folder));
    {
        Workspace ws;
        QVERIFY(ws.open(path));
    }
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    const auto writable = qScopeGuard([&folder] {
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    });
    const QByteArray original = readAll(path);
    QVERIFY(!m_window->openWorkspace(path));
    QMessageBox *box = messageBox(m_window.get(), u"read-only"_s);
    QVERIFY2(box, "no message says the folder is read-only");
    QVERIFY(!box->text().contains(u"another Rasid process"_s));
    QCOMPARE(readAll(path), original);
}

void HostileGuiTest::damagedWorkspaceIsRefusedWithAMessageAndLeftAlone()
{
    const QString path = m_dir->filePath(u"corpus.rasid"_s);
    {
        Workspace ws;
        QVERIFY(ws.open(path));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(16));
    file.write(QByteArray(84, '\x5a'));
    file.close();
    const QByteArray original = readAll(path);
    QVERIFY(!m_window->openWorkspace(path));
    QVERIFY(!m_window->session());
    QMessageBox *box = messageBox(m_window.get(), u"damaged"_s);
    QVERIFY(box);
    QVERIFY(box->text().contains(u"left untouched"_s));
    QCOMPARE(readAll(path), original);
}

QTEST_MAIN(HostileGuiTest)
#include "hostilegui_test.moc"
