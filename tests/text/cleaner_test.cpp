#include "text/cleaner.h"
#include "text/decoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

Q_DECLARE_METATYPE(Rasid::RawArticle)

namespace {

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

RawArticle rawFromFile(const QString &path)
{
    const ReadResult result = readArticle(SourceKind::Text, readBytes(path));
    return result.articles.value(0);
}

// tests/data/cleaning/<case>.expected: "key: value" lines for title, outlet,
// published and url, a "---" line, then the exact cleaned text.
struct Expected
{
    QString title, outlet, published, url, text;
};

Expected readExpected(const QString &path)
{
    Expected e;
    const QString all = QString::fromUtf8(readBytes(path));
    const qsizetype split = all.indexOf(u"\n---\n"_s);
    for (QStringView line : QStringView(all).first(split).split(u'\n')) {
        const qsizetype colon = line.indexOf(u':');
        const QString key = line.first(colon).toString();
        const QString value = line.sliced(colon + 1).trimmed().toString();
        if (key == u"title"_s) {
            e.title = value;
        } else if (key == u"outlet"_s) {
            e.outlet = value;
        } else if (key == u"published"_s) {
            e.published = value;
        } else if (key == u"url"_s) {
            e.url = value;
        }
    }
    e.text = all.sliced(split + 5);
    if (e.text.endsWith(u'\n')) {
        e.text.chop(1);
    }
    return e;
}

QString seedsDir()
{
    return QStringLiteral(RASID_SHARED_DIR "/seeds");
}

QString seedPath(const QString &prefix)
{
    const QStringList files = QDir(seedsDir()).entryList({prefix + u"_*.txt"_s}, QDir::Files);
    return files.isEmpty() ? QString() : seedsDir() + u'/' + files.first();
}

QStringList rawLines(const RawArticle &raw)
{
    QStringList lines;
    for (const QString &line : raw.body.split(u'\n')) {
        if (!line.trimmed().isEmpty()) {
            lines.append(line.trimmed());
        }
    }
    return lines;
}

bool isBlankChar(QChar c)
{
    return c.isSpace() || c.category() == QChar::Other_Format;
}

// The cleaned text is its slices of the source and the separators between
// them (see TextSlice), and every visible character of the body it does not
// keep is in `removed`, exactly as the body holds it.
void verifySlices(const RawArticle &raw, const CleanedArticle &cleaned)
{
    QString body = raw.body;
    normalizeLineEndings(body);
    QVector<bool> covered(body.size(), false);
    qsizetype at = 0;
    for (qsizetype i = 0; i < cleaned.slices.size(); ++i) {
        const TextSlice &slice = cleaned.slices.at(i);
        const QString &source = slice.fromTitle ? raw.title : body;
        QVERIFY(slice.length > 0);
        QVERIFY(slice.sourceStart >= 0 && slice.sourceStart + slice.length <= source.size());
        QCOMPARE(cleaned.text.mid(slice.textStart, slice.length), source.mid(slice.sourceStart, slice.length));
        const QString separator = cleaned.text.mid(at, slice.textStart - at);
        QVERIFY(slice.textStart >= at);
        if (i == 0) {
            QCOMPARE(separator, QString());
        } else if (separator == u" ") {
            // One space stands for a run of blanks between two slices of one source.
            const TextSlice &before = cleaned.slices.at(i - 1);
            QCOMPARE(before.fromTitle, slice.fromTitle);
            const qsizetype gapStart = before.sourceStart + before.length;
            QVERIFY(slice.sourceStart > gapStart);
            const QString gap = source.mid(gapStart, slice.sourceStart - gapStart);
            QVERIFY2(std::all_of(gap.cbegin(), gap.cend(), isBlankChar), qPrintable(gap));
            QVERIFY(gap != u" ");
        } else {
            QCOMPARE(separator, u"\n\n"_s);
        }
        if (!slice.fromTitle) {
            std::fill(covered.begin() + slice.sourceStart, covered.begin() + slice.sourceStart + slice.length, true);
        }
        at = slice.textStart + slice.length;
    }
    QCOMPARE(at, cleaned.text.size());
    qsizetype previous = 0;
    for (const RemovedText &removed : cleaned.removed) {
        QVERIFY2(isRemovedReason(removed.reason), qPrintable(removed.reason));
        QVERIFY(removed.start >= previous);
        previous = removed.start;
        QCOMPARE(removed.text, body.mid(removed.start, removed.length));
        QVERIFY(!std::all_of(removed.text.cbegin(), removed.text.cend(), isBlankChar));
        std::fill(covered.begin() + removed.start, covered.begin() + removed.start + removed.length, true);
    }
    for (qsizetype i = 0; i < body.size(); ++i) {
        QVERIFY2(covered.at(i) || isBlankChar(body.at(i)),
                 qPrintable(u"left out without a record at %1: %2"_s.arg(i).arg(body.mid(i, 40))));
    }
}

RawArticle jsonLine(const QByteArray &line)
{
    return readArticle(SourceKind::JsonLines, line).articles.value(0);
}

} // namespace

class CleanerTest : public QObject
{
    Q_OBJECT
private slots:
    void cleansEachKindOfNoise_data();
    void cleansEachKindOfNoise();
    void keepsKeptWordsVerbatim_data();
    void keepsKeptWordsVerbatim();
    void keepsUntouchedSlicesOfTheSource_data();
    void keepsUntouchedSlicesOfTheSource();
    void keepsLeadingSignsAsTheyAre_data();
    void keepsLeadingSignsAsTheyAre();
    void recordsWhatItLeavesOut();
    void usesMetadataTheFileStates();
    void joinsHardWrappedParagraphs();
    void parsesPublishedDates_data();
    void parsesPublishedDates();

    void seedMetadataMatchesGold_data();
    void seedMetadataMatchesGold();
    void seedBodyPastedTwiceAppearsOnce();
    void seedReadAlsoBlockIsGone();
    void seedMastheadAndTitleRepeatsAreGone();
    void seedDateLineAndTitleAppearOnce();
};

void CleanerTest::cleansEachKindOfNoise_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QDir dir(QStringLiteral(RASID_TEST_DATA_DIR "/cleaning"));
    const QStringList inputs = dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    QVERIFY(inputs.size() >= 10);
    for (const QString &name : inputs) {
        const QString stem = name.chopped(4);
        QTest::newRow(qPrintable(stem)) << dir.filePath(name) << dir.filePath(stem + u".expected"_s);
    }
}

void CleanerTest::cleansEachKindOfNoise()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const CleanedArticle cleaned = cleanArticle(rawFromFile(input));
    if (qEnvironmentVariableIsSet("RASID_UPDATE_EXPECTED")) {
        QFile file(expected);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write((u"title: %1\noutlet: %2\npublished: %3\nurl: %4\n---\n%5\n"_s.arg(
                        cleaned.title, cleaned.outlet, cleaned.published, cleaned.sourceUrl, cleaned.text))
                       .toUtf8());
    }
    const Expected e = readExpected(expected);
    QCOMPARE(cleaned.title, e.title);
    QCOMPARE(cleaned.outlet, e.outlet);
    QCOMPARE(cleaned.published, e.published);
    QCOMPARE(cleaned.sourceUrl, e.url);
    QCOMPARE(cleaned.text, e.text);
}

void CleanerTest::keepsKeptWordsVerbatim_data()
{
    QTest::addColumn<QString>("input");
    const QDir fixtures(QStringLiteral(RASID_TEST_DATA_DIR "/cleaning"));
    for (const QString &name : fixtures.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(name)) << fixtures.filePath(name);
    }
    const QDir seeds(seedsDir());
    for (const QString &name : seeds.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(u"seed "_s + name)) << seeds.filePath(name);
    }
}

void CleanerTest::keepsKeptWordsVerbatim()
{
    // Entity offsets point into the cleaned text: every paragraph must be the
    // article's own words, unchanged.
    QFETCH(QString, input);
    const RawArticle raw = rawFromFile(input);
    const CleanedArticle cleaned = cleanArticle(raw);
    QVERIFY(!cleaned.text.isEmpty());
    QVERIFY(!cleaned.text.contains(u'\r'));
    QVERIFY(!cleaned.text.contains(u"\n\n\n"_s));
    QCOMPARE(cleaned.text, cleaned.text.trimmed());
    for (const QString &paragraph : cleaned.text.split(u"\n\n"_s)) {
        QVERIFY2(raw.body.contains(paragraph), qPrintable(paragraph));
    }
}

void CleanerTest::keepsUntouchedSlicesOfTheSource_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<RawArticle>("raw");
    const QDir fixtures(QStringLiteral(RASID_TEST_DATA_DIR "/cleaning"));
    const QStringList names = fixtures.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    QVERIFY(names.size() >= 10);
    for (const QString &name : names) {
        QTest::newRow(qPrintable(name)) << fixtures.filePath(name) << RawArticle();
    }
    const QDir seeds(seedsDir());
    for (const QString &name : seeds.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(u"seed "_s + name)) << seeds.filePath(name) << RawArticle();
    }
    RawArticle wrapped;
    wrapped.title = u"  تعطل   موقع\tالجامعة\n بعد هجوم  "_s;
    wrapped.body = u"أعلنت الجامعة أن موقعها الإلكتروني تعطل مساء الخميس  \n"
                   u"  بعد هجوم حجب خدمة استمر نحو ثلاث ساعات، وأن خدمات\n"
                   u"التسجيل عادت إلى العمل صباح الجمعة دون خسائر في البيانات\n"
                   u"حسب ما قال مدير مركز المعلوماتية في تصريح للصحافة.\n\n"
                   u"وأضاف المدير أن الجامعة ستراجع عقدها مع مزود الاستضافة\n"
                   u"وأن التحقيق في مصدر الهجوم ما زال جاريا لدى الجهات المختصة\n"
                   u"ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.\n\nاقرأ أيضا\nخبر آخر\n"_s;
    QTest::newRow("hard-wrapped, blanks in the title") << QString() << wrapped;
    RawArticle doubled;
    const QString paragraph = u"تعرضت شبكة المستشفى الجامعي لهجوم ببرنامج فدية عطل أنظمة المواعيد والسجلات الطبية، "
                              u"وقالت الإدارة إن فرقها تعمل على استعادة الخدمات تدريجيا."_s;
    doubled.body = u"< هجوم على المستشفى الجامعي\n\n"_s + paragraph + u"  "_s + paragraph + u"\r\n\r\n"_s + paragraph;
    QTest::newRow("marks, a doubled line, a repeat, CRLF") << QString() << doubled;
    QTest::newRow("JSON line with a formula title")
        << QString()
        << jsonLine("{\"title\": \"=HYPERLINK(\\\"http://x.invalid\\\",\\\"y\\\")\", \"text\": "
                    "\"=HYPERLINK(\\\"http://x.invalid\\\",\\\"y\\\")\\n\\n-  \\u0628\\u0646\\u062f\\n@\\u062d\\u0633\\u0627\\u0628\"}");
}

void CleanerTest::keepsUntouchedSlicesOfTheSource()
{
    QFETCH(QString, path);
    QFETCH(RawArticle, raw);
    if (!path.isEmpty()) {
        // A text file's body is the decoded text (after a front matter, if any).
        const QByteArray bytes = readBytes(path);
        raw = readArticle(SourceKind::Text, bytes).articles.value(0);
        QVERIFY(decodeText(bytes).text.endsWith(raw.body));
    }
    const CleanedArticle cleaned = cleanArticle(raw);
    QVERIFY(!cleaned.text.isEmpty());
    verifySlices(raw, cleaned);
}

void CleanerTest::keepsLeadingSignsAsTheyAre_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("equals") << u"=HYPERLINK(\"http://x.invalid\",\"y\")"_s;
    QTest::newRow("minus") << u"- وزارة الداخلية تنفي الاختراق"_s;
    QTest::newRow("at") << u"@CERT_MA يحذر من حملة تصيد"_s;
    QTest::newRow("plus") << u"+212 رقم الطوارئ الإلكترونية"_s;
    QTest::newRow("dash") << u"— قال المتحدث إن الخدمة عادت"_s;
}

void CleanerTest::keepsLeadingSignsAsTheyAre()
{
    QFETCH(QString, line);
    const QString body = u"أعلنت الهيئة الوطنية أن هجوما إلكترونيا استهدف بوابة الخدمات الحكومية صباح الاثنين، وأن الفرق "
                         u"التقنية تعمل على احتواء آثاره.\n\n"_s;
    // As the title a file states, as its first line, and as a later line.
    RawArticle titled;
    titled.title = line;
    titled.body = body;
    const CleanedArticle fromMetadata = cleanArticle(titled);
    QCOMPARE(fromMetadata.title, line);
    QVERIFY(fromMetadata.text.startsWith(line + u"\n\n"_s));
    verifySlices(titled, fromMetadata);

    RawArticle first;
    first.body = line + u"\n\n"_s + body;
    const CleanedArticle fromText = cleanArticle(first);
    QVERIFY2(fromText.text.startsWith(line), qPrintable(fromText.text));
    verifySlices(first, fromText);

    RawArticle later;
    later.body = body + line + u"\n"_s;
    const CleanedArticle inside = cleanArticle(later);
    QVERIFY2(inside.text.contains(u"\n\n"_s + line), qPrintable(inside.text));
    verifySlices(later, inside);
}

void CleanerTest::recordsWhatItLeavesOut()
{
    RawArticle raw;
    raw.body = u"< اختراق بوابة البريد\n"
               u"رئيس التحرير\nفلان الفلاني\n"
               u"تعرضت بوابة البريد الوطني لهجوم إلكتروني أدى إلى تعطل خدمات تتبع الطرود لساعات، وفق بيان للشركة.\n"
               u"اقرأ أيضا\nعنوان خبر آخر...\n"_s;
    const CleanedArticle cleaned = cleanArticle(raw);
    verifySlices(raw, cleaned);
    QCOMPARE(cleaned.title, u"اختراق بوابة البريد"_s);
    QStringList reasons;
    for (const RemovedText &removed : cleaned.removed) {
        reasons.append(removed.reason + u": "_s + removed.text.trimmed());
    }
    QCOMPARE(reasons, (QStringList{u"marks: <"_s, u"masthead: رئيس التحرير"_s, u"masthead: فلان الفلاني"_s,
                                   u"read-also: اقرأ أيضا"_s, u"read-also: عنوان خبر آخر..."_s}));
}

void CleanerTest::usesMetadataTheFileStates()
{
    RawArticle raw;
    raw.title = u"  هجوم يعطل خدمات البريد  "_s;
    raw.outlet = u"الموقع"_s;
    raw.published = u"2024-04-20T09:30:00+02:00"_s;
    raw.sourceUrl = u"https://example.org/a"_s;
    raw.body = u"هجوم يعطل خدمات البريد\n\nتعطلت خدمات البريد صباح اليوم بعد هجوم إلكتروني، وفق بيان رسمي.\n\nالموقع\n"_s;
    const CleanedArticle cleaned = cleanArticle(raw);
    QCOMPARE(cleaned.title, u"هجوم يعطل خدمات البريد"_s);
    QCOMPARE(cleaned.outlet, u"الموقع"_s);
    QCOMPARE(cleaned.published, u"2024-04-20"_s);
    QCOMPARE(cleaned.sourceUrl, u"https://example.org/a"_s);
    QCOMPARE(cleaned.text,
             u"هجوم يعطل خدمات البريد\n\nتعطلت خدمات البريد صباح اليوم بعد هجوم إلكتروني، وفق بيان رسمي."_s);

    // A text that is only a headline keeps it.
    RawArticle tiny;
    tiny.body = u"اختراق موقع وزارة الصحة"_s;
    const CleanedArticle onlyTitle = cleanArticle(tiny);
    QCOMPARE(onlyTitle.title, u"اختراق موقع وزارة الصحة"_s);
    QCOMPARE(onlyTitle.text, u"اختراق موقع وزارة الصحة"_s);
}

void CleanerTest::joinsHardWrappedParagraphs()
{
    RawArticle raw;
    raw.body = u"تعطل موقع الجامعة بعد هجوم\n\n"
               u"أعلنت الجامعة أن موقعها الإلكتروني تعطل مساء الخميس\n"
               u"بعد هجوم حجب خدمة استمر نحو ثلاث ساعات، وأن خدمات\n"
               u"التسجيل عادت إلى العمل صباح الجمعة دون خسائر في البيانات\n"
               u"حسب ما قال مدير مركز المعلوماتية في تصريح للصحافة.\n\n"
               u"وأضاف المدير أن الجامعة ستراجع عقدها مع مزود الاستضافة\n"
               u"وأن التحقيق في مصدر الهجوم ما زال جاريا لدى الجهات المختصة\n"
               u"ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.\n"_s;
    const CleanedArticle cleaned = cleanArticle(raw);
    QCOMPARE(cleaned.title, u"تعطل موقع الجامعة بعد هجوم"_s);
    const QStringList paragraphs = cleaned.text.split(u"\n\n"_s);
    QCOMPARE(paragraphs.size(), 3);
    QCOMPARE(paragraphs[0], cleaned.title);
    QVERIFY(paragraphs[1].startsWith(u"أعلنت الجامعة أن موقعها الإلكتروني تعطل مساء الخميس بعد هجوم"_s));
    QVERIFY(paragraphs[2].endsWith(u"الجهات المختصة ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن."_s));
}

void CleanerTest::parsesPublishedDates_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("iso");

    QTest::newRow("weekday - day month year") << u"السبت - 20 أبريل 2024"_s << u"2024-04-20"_s;
    QTest::newRow("dd/mm/yyyy") << u"20/04/2024"_s << u"2024-04-20"_s;
    QTest::newRow("yyyy-mm-dd") << u"2024-04-20"_s << u"2024-04-20"_s;
    QTest::newRow("dd.mm.yyyy") << u"5.1.2025"_s << u"2025-01-05"_s;
    QTest::newRow("ISO date-time") << u"2024-04-20T09:30:00+02:00"_s << u"2024-04-20"_s;
    QTest::newRow("RFC 822") << u"Sat, 20 Apr 2024 10:00:00 GMT"_s << u"2024-04-20"_s;
    QTest::newRow("English month first") << u"April 20, 2024"_s << u"2024-04-20"_s;
    QTest::newRow("Arabic-Indic digits") << u"٢٠/٠٤/٢٠٢٤"_s << u"2024-04-20"_s;
    QTest::newRow("Levant month") << u"الأحد 3 كانون الثاني 2021"_s << u"2021-01-03"_s;
    QTest::newRow("Levant and Egyptian names") << u"20 نيسان/أبريل 2024"_s << u"2024-04-20"_s;
    QTest::newRow("Maghreb month") << u"الجمعة 12 جويلية 2019"_s << u"2019-07-12"_s;
    QTest::newRow("Moroccan month") << u"14 غشت 2023"_s << u"2023-08-14"_s;
    QTest::newRow("Egyptian spelling") << u"1 يونيه 2022"_s << u"2022-06-01"_s;
    QTest::newRow("label and time") << u"نشر في: الخميس 7 مارس 2024 - 10:45 ص"_s << u"2024-03-07"_s;
    QTest::newRow("updated, time zone") << u"آخر تحديث: 07/03/2024 10:45 بتوقيت مكة"_s << u"2024-03-07"_s;
    QTest::newRow("with Hijri date") << u"الأربعاء 10 أبريل 2024 - 1 شوال 1445 هـ"_s << u"2024-04-10"_s;
    QTest::newRow("month and year") << u"أيار 2023"_s << u"2023-05"_s;
    QTest::newRow("harakat and tatweel") << u"الثُّلاثاء 2 يـنـايـر 2024"_s << u"2024-01-02"_s;
    QTest::newRow("French") << u"le 3 février 2023"_s << u"2023-02-03"_s;
    QTest::newRow("US order falls back") << u"04/20/2024"_s << u"2024-04-20"_s;

    QTest::newRow("sentence with a date") << u"وقع الهجوم في 20 أبريل 2024 على الموقع"_s << QString();
    QTest::newRow("year alone") << u"2024"_s << QString();
    QTest::newRow("impossible day") << u"31/02/2024"_s << QString();
    QTest::newRow("two-digit year") << u"20/04/24"_s << QString();
    QTest::newRow("count with noun") << u"20 ألف حساب"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void CleanerTest::parsesPublishedDates()
{
    QFETCH(QString, line);
    QFETCH(QString, iso);
    QCOMPARE(parsePublishedDate(line), iso);
}

// The seed articles in ../shared/seeds and their hand-coded gold, when present.

void CleanerTest::seedMetadataMatchesGold_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("outlet");
    QTest::addColumn<QString>("published");
    const QByteArray gold = readBytes(QStringLiteral(RASID_SHARED_DIR "/gold/seeds.json"));
    if (gold.isEmpty()) {
        QSKIP("no shared gold (../shared/gold/seeds.json)");
    }
    for (const QJsonValue &v : QJsonDocument::fromJson(gold).object().value(u"articles"_s).toArray()) {
        const QJsonObject a = v.toObject();
        const QString file = a.value(u"file"_s).toString();
        QTest::newRow(qPrintable(file)) << seedsDir() + u'/' + file << a.value(u"title"_s).toString()
                                        << a.value(u"outlet"_s).toString() << a.value(u"published"_s).toString();
    }
}

void CleanerTest::seedMetadataMatchesGold()
{
    QFETCH(QString, path);
    QFETCH(QString, title);
    QFETCH(QString, outlet);
    QFETCH(QString, published);
    const CleanedArticle cleaned = cleanArticle(rawFromFile(path));
    QCOMPARE(cleaned.title, title);
    QCOMPARE(cleaned.outlet, outlet);
    QCOMPARE(cleaned.published, published);
}

void CleanerTest::seedBodyPastedTwiceAppearsOnce()
{
    const QString path = seedPath(u"004"_s);
    if (path.isEmpty()) {
        QSKIP("no shared seeds");
    }
    const RawArticle raw = rawFromFile(path);
    const CleanedArticle cleaned = cleanArticle(raw);
    const QStringList lines = rawLines(raw);
    int repeated = 0;
    for (const QString &line : lines) {
        if (line.size() >= 100) {
            QVERIFY2(cleaned.text.count(line) <= 1, qPrintable(line));
            if (lines.count(line) > 1 && !line.contains(u"https://"_s)) {
                QCOMPARE(cleaned.text.count(line), 1);
                ++repeated;
            }
        }
    }
    QVERIFY(repeated > 0);                        // the seed does repeat its body
    QVERIFY(!cleaned.text.contains(u"https://"_s)); // the advert paragraph is gone
}

void CleanerTest::seedReadAlsoBlockIsGone()
{
    const QString path = seedPath(u"003"_s);
    if (path.isEmpty()) {
        QSKIP("no shared seeds");
    }
    const RawArticle raw = rawFromFile(path);
    const CleanedArticle cleaned = cleanArticle(raw);
    const QStringList lines = rawLines(raw);
    const auto marker = std::find_if(lines.begin(), lines.end(),
                                     [](const QString &l) { return l.startsWith(u"اقرأ أيضا"_s); });
    QVERIFY(marker != lines.end());
    QVERIFY(marker != lines.begin());
    for (auto it = marker; it != lines.end(); ++it) {
        QVERIFY2(!cleaned.text.contains(*it), qPrintable(*it));
    }
    QVERIFY(cleaned.text.endsWith(*(marker - 1)));
}

void CleanerTest::seedMastheadAndTitleRepeatsAreGone()
{
    const QString path = seedPath(u"000"_s);
    if (path.isEmpty()) {
        QSKIP("no shared seeds");
    }
    const RawArticle raw = rawFromFile(path);
    const CleanedArticle cleaned = cleanArticle(raw);
    QVERIFY(!cleaned.title.isEmpty());
    QVERIFY(!cleaned.title.startsWith(u'<'));
    QCOMPARE(cleaned.text.count(cleaned.title), 1); // the title opens the text, once
    QVERIFY(cleaned.text.startsWith(cleaned.title));
    QCOMPARE(cleaned.outlet, u"النبأ"_s);
    QVERIFY(!cleaned.text.contains(u"رئيس التحرير"_s));
    const QStringList lines = rawLines(raw);
    const qsizetype role = lines.indexOf(u"رئيس التحرير"_s);
    QVERIFY(role >= 0 && role + 1 < lines.size());
    QVERIFY(!cleaned.text.contains(lines[role + 1])); // the editor's name
    // Truncated repeats of the title are gone too: a paragraph follows the title.
    QVERIFY(cleaned.text.section(u"\n\n"_s, 1, 1).size() > cleaned.title.size());
}

void CleanerTest::seedDateLineAndTitleAppearOnce()
{
    const QString path = seedPath(u"002"_s);
    if (path.isEmpty()) {
        QSKIP("no shared seeds");
    }
    const RawArticle raw = rawFromFile(path);
    const CleanedArticle cleaned = cleanArticle(raw);
    QCOMPARE(cleaned.published, u"2024-04-20"_s);
    QCOMPARE(cleaned.text.count(rawLines(raw).first()), 1); // the repeated date line, once
    QVERIFY(!cleaned.title.isEmpty());
    QCOMPARE(cleaned.text.count(cleaned.title), 1);
    QVERIFY(!cleaned.text.contains(u"(أرشيفية)"_s)); // the photo caption
}

QTEST_GUILESS_MAIN(CleanerTest)
#include "cleaner_test.moc"
