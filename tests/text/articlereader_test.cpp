#include "text/articlereader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

QByteArray html(const QString &text)
{
    return text.toUtf8();
}

} // namespace

class ArticleReaderTest : public QObject
{
    Q_OBJECT
private slots:
    void picksSourceKindBySuffix_data();
    void picksSourceKindBySuffix();

    void readsPlainText();
    void readsMarkdownFrontMatter();
    void reportsUnreadableFiles_data();
    void reportsUnreadableFiles();

    void extractsHtmlText_data();
    void extractsHtmlText();
    void readsHtmlMetadata();
    void keepsOnlyTheArticleOfAPage();
    void honoursHtmlMetaCharset();
    void survivesDeepNesting_data();
    void survivesDeepNesting();

    void readsJsonLinesAndReportsBrokenLines();
    void acceptsAlternativeJsonKeys_data();
    void acceptsAlternativeJsonKeys();
    void readsJsonArraysAndObjects();
    void rejectsBrokenJsonFile();
    void replacesHalfSurrogatePairs_data();
    void replacesHalfSurrogatePairs();
};

void ArticleReaderTest::picksSourceKindBySuffix_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<SourceKind>("kind");
    QTest::newRow("txt") << u"a/b/article.txt"_s << SourceKind::Text;
    QTest::newRow("md") << u"notes.md"_s << SourceKind::Text;
    QTest::newRow("HTML upper case") << u"PAGE.HTML"_s << SourceKind::Html;
    QTest::newRow("htm") << u"page.htm"_s << SourceKind::Html;
    QTest::newRow("json") << u"feed.json"_s << SourceKind::Json;
    QTest::newRow("jsonl") << u"feed.jsonl"_s << SourceKind::JsonLines;
    QTest::newRow("pdf") << u"report.PDF"_s << SourceKind::Pdf;
    QTest::newRow("no suffix") << u"README"_s << SourceKind::Unsupported;
}

void ArticleReaderTest::picksSourceKindBySuffix()
{
    QFETCH(QString, path);
    QFETCH(SourceKind, kind);
    QCOMPARE(sourceKindForPath(path), kind);
}

void ArticleReaderTest::readsPlainText()
{
    const QString text = u"عنوان الخبر\r\n\r\nنص الخبر الأول."_s;
    const ReadResult result = readArticle(SourceKind::Text, text.toUtf8());
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.articles.size(), 1);
    const RawArticle &a = result.articles.first();
    QCOMPARE(a.item, 0);
    QCOMPARE(a.body, u"عنوان الخبر\n\nنص الخبر الأول."_s);
    QCOMPARE(a.encoding, u"UTF-8"_s);
    QCOMPARE(a.encodingConfidence, 100);
    QVERIFY(!a.lossy);
}

void ArticleReaderTest::readsMarkdownFrontMatter()
{
    const QString text = u"---\ntitle: \"هجوم على البريد\"\ndate: 2024-04-20\nurl: https://example.org/a\n---\nنص الخبر."_s;
    const ReadResult result = readArticle(SourceKind::Text, text.toUtf8());
    QCOMPARE(result.articles.size(), 1);
    const RawArticle &a = result.articles.first();
    QCOMPARE(a.title, u"هجوم على البريد"_s);
    QCOMPARE(a.published, u"2024-04-20"_s);
    QCOMPARE(a.sourceUrl, u"https://example.org/a"_s);
    QCOMPARE(a.body, u"نص الخبر."_s);
}

void ArticleReaderTest::reportsUnreadableFiles_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty text") << int(SourceKind::Text) << QByteArray() << u"empty file"_s;
    QTest::newRow("binary text") << int(SourceKind::Text) << QByteArray("abc\0def\0\0ghi jkl", 16)
                                 << u"binary file (not text)"_s;
    QTest::newRow("unsupported") << int(SourceKind::Unsupported) << QByteArray("x") << u"unsupported file type"_s;
    QTest::newRow("HTML without text") << int(SourceKind::Html)
                                       << QByteArray("<html><script>var a;</script></html>")
                                       << u"no article text in the HTML page"_s;
    QTest::newRow("empty JSON lines") << int(SourceKind::JsonLines) << QByteArray("\n\n") << u"empty file (only whitespace)"_s;
}

void ArticleReaderTest::reportsUnreadableFiles()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const ReadResult result = readArticle(SourceKind(kind), bytes);
    QCOMPARE(result.error, error);
    QVERIFY(result.articles.isEmpty());
}

void ArticleReaderTest::extractsHtmlText_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("body");

    QTest::newRow("paragraphs and line breaks")
        << u"<html><body><p>الفقرة الأولى</p><p>الفقرة <b>الثانية</b><br>سطر آخر</p></body></html>"_s
        << u"الفقرة الأولى\n\nالفقرة الثانية\nسطر آخر"_s;
    QTest::newRow("scripts, styles, frames and svg dropped")
        << u"<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
           u"<p>نص</p><script>document.write('لا')</script><noscript>فعّل جافاسكربت</noscript>"
           u"<iframe src=\"https://ads.example\">إطار</iframe><svg><text>رسم</text></svg>"
           u"<template><p>قالب</p></template><p>نهاية</p></body></html>"_s
        << u"نص\n\nنهاية"_s;
    QTest::newRow("entities decoded")
        << u"<p>&quot;ميغا&nbsp;باس&quot; &amp; &#1575;&#x644;&#1576;&#1585;&#1610;&#1583; &lt;CNSS&gt;</p>"_s
        << u"\"ميغا\u00A0باس\" & البريد <CNSS>"_s;
    QTest::newRow("page chrome dropped")
        << u"<body><header><a href=/>الرئيسية</a></header><nav><a>أخبار</a><a>رياضة</a></nav>"
           u"<div><p>الخبر</p></div><aside>الأكثر قراءة</aside><footer>جميع الحقوق</footer></body>"_s
        << u"الخبر"_s;
    QTest::newRow("header with the headline kept")
        << u"<body><header><h1>العنوان</h1></header><p>الخبر</p></body>"_s << u"العنوان\n\nالخبر"_s;
    QTest::newRow("whitespace collapsed, lists and cells")
        << u"<div>  كلمة\n\n   أخرى  </div><ul><li>أ</li><li>ب</li></ul><table><tr><td>1</td><td>2</td></tr></table>"_s
        << u"كلمة أخرى\n\nأ\n\nب\n\n1 2"_s;
    QTest::newRow("pre keeps its lines") << u"<pre>سطر\nسطر  ثان</pre>"_s << u"سطر\nسطر  ثان"_s;
    QTest::newRow("hidden and captions dropped")
        << u"<p>نص</p><div hidden>مخفي</div><figure><img src=x><figcaption>صورة أرشيفية</figcaption></figure>"_s
        << u"نص"_s;
}

void ArticleReaderTest::extractsHtmlText()
{
    QFETCH(QString, page);
    QFETCH(QString, body);
    const ReadResult result = readArticle(SourceKind::Html, html(page));
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.articles.size(), 1);
    QCOMPARE(result.articles.first().body, body);
}

void ArticleReaderTest::readsHtmlMetadata()
{
    const QString page = u"<!DOCTYPE html><html><head><meta charset=utf-8>"
                         u"<title>تسريب بيانات المرضى - الموقع</title>"
                         u"<meta property=\"og:site_name\" content=\"الموقع\">"
                         u"<link rel=\"canonical\" href=\"https://example.org/news/1\">"
                         u"<meta property=\"article:published_time\" content=\"2024-04-20T09:30:00+02:00\">"
                         u"</head><body><h1>تسريب بيانات المرضى</h1><p>نص الخبر.</p></body></html>"_s;
    const ReadResult result = readArticle(SourceKind::Html, html(page));
    QCOMPARE(result.articles.size(), 1);
    const RawArticle &a = result.articles.first();
    QCOMPARE(a.title, u"تسريب بيانات المرضى"_s); // the site name is the outlet
    QCOMPARE(a.outlet, u"الموقع"_s);
    QCOMPARE(a.sourceUrl, u"https://example.org/news/1"_s);
    QCOMPARE(a.published, u"2024-04-20T09:30:00+02:00"_s);
    QCOMPARE(a.body, u"تسريب بيانات المرضى\n\nنص الخبر."_s);

    // og:title and og:url win; <time datetime> and JSON-LD fill what is missing.
    const QString second = u"<html><head><title>عنوان الصفحة | موقع</title>"
                           u"<meta property=og:title content=\"العنوان الدقيق\"><meta property=og:url content=\"https://e.org/2\">"
                           u"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"publisher\":{\"name\":\"الناشر\"}}</script>"
                           u"</head><body><time datetime=\"2023-11-05\">5 نوفمبر</time><p>نص.</p></body></html>"_s;
    const RawArticle b = readArticle(SourceKind::Html, html(second)).articles.value(0);
    QCOMPARE(b.title, u"العنوان الدقيق"_s);
    QCOMPARE(b.sourceUrl, u"https://e.org/2"_s);
    QCOMPARE(b.published, u"2023-11-05"_s);
    QCOMPARE(b.outlet, u"الناشر"_s);
}

void ArticleReaderTest::keepsOnlyTheArticleOfAPage()
{
    const QString story = QString(u"جملة من نص الخبر الأصلي. "_s).repeated(12).trimmed();
    const QString page = u"<body><div class=menu>أخبار | رياضة | اقتصاد</div><article><p>"_s + story
        + u"</p></article><div class=sidebar>الأكثر قراءة: خبر آخر</div></body>"_s;
    QCOMPARE(readArticle(SourceKind::Html, html(page)).articles.value(0).body, story);

    // Several <article>s are a list of teasers: nothing is cut.
    const QString list = u"<body><p>مقدمة</p><article><p>"_s + story + u"</p></article><article><p>"_s + story
        + u"</p></article></body>"_s;
    QVERIFY(readArticle(SourceKind::Html, html(list)).articles.value(0).body.startsWith(u"مقدمة"_s));
}

void ArticleReaderTest::honoursHtmlMetaCharset()
{
    QFile file(QStringLiteral(RASID_TEST_DATA_DIR "/decoding/arabic.iso-8859-6.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray body = file.readAll();
    QFile reference(QStringLiteral(RASID_TEST_DATA_DIR "/decoding/arabic.utf8.txt"));
    QVERIFY(reference.open(QIODevice::ReadOnly));
    const QString expected = QString::fromUtf8(reference.readAll()).simplified();

    const QByteArray page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-6\">"
                            "</head><body><p>" + body + "</p></body></html>";
    const ReadResult result = readArticle(SourceKind::Html, page);
    QCOMPARE(result.articles.size(), 1);
    QCOMPARE(result.articles.first().encoding, u"ISO-8859-6"_s);
    QCOMPARE(result.articles.first().body, expected);
}

void ArticleReaderTest::survivesDeepNesting_data()
{
    QTest::addColumn<QByteArray>("open");
    QTest::newRow("div") << QByteArray("<div>");
    QTest::newRow("b") << QByteArray("<b>");
    QTest::newRow("span with attribute") << QByteArray("<span class=\"x\">");
    QTest::newRow("li") << QByteArray("<ul><li>");
    QTest::newRow("table") << QByteArray("<table><tr><td>");
    QTest::newRow("self-closed div") << QByteArray("<div/>");
}

void ArticleReaderTest::survivesDeepNesting()
{
    QFETCH(QByteArray, open);
    QByteArray page = "<html><body>";
    page.reserve(open.size() * 100000 + 100);
    for (int i = 0; i < 100000; ++i) {
        page.append(open);
    }
    page.append("نص عميق");
    QElapsedTimer timer;
    timer.start();
    const ReadResult result = readArticle(SourceKind::Html, page);
    // A hang guard, not a budget: without the nesting limit this takes minutes.
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(result.articles.size(), 1);
    QCOMPARE(result.articles.first().body, u"نص عميق"_s);
}

void ArticleReaderTest::readsJsonLinesAndReportsBrokenLines()
{
    const QByteArray lines = "{\"title\":\"الأول\",\"url\":\"https://e.org/1\",\"date\":\"2024-01-05\",\"text\":\"نص أول\"}\n"
                             "\n"
                             "{\"title\":\"مكسور\",\"text\":\"نص\"\n"
                             "[1,2]\n"
                             "{\"title\":\"بلا نص\"}\r\n"
                             "{\"title\":\"الثاني\",\"text\":\"نص ثان\"}\r\n";
    const ReadResult result = readArticle(SourceKind::JsonLines, lines);
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.articles.size(), 2);
    QCOMPARE(result.articles[0].item, 1);
    QCOMPARE(result.articles[0].title, u"الأول"_s);
    QCOMPARE(result.articles[0].sourceUrl, u"https://e.org/1"_s);
    QCOMPARE(result.articles[0].published, u"2024-01-05"_s);
    QCOMPARE(result.articles[0].body, u"نص أول"_s);
    QCOMPARE(result.articles[1].item, 6);
    QCOMPARE(result.articles[1].body, u"نص ثان"_s);
    QCOMPARE(result.problems.size(), 3);
    QVERIFY2(result.problems[0].startsWith(u"line 3: not valid JSON: "_s), qPrintable(result.problems[0]));
    QCOMPARE(result.problems[1], u"line 4: not a JSON object"_s);
    QVERIFY(result.problems[2].startsWith(u"line 5: no article text"_s));

    const ReadResult allBroken = readArticle(SourceKind::JsonLines, "{oops\n{\"a\":\n");
    QVERIFY(allBroken.articles.isEmpty());
    QVERIFY(allBroken.error.startsWith(u"no readable article: line 1: not valid JSON"_s));
    QCOMPARE(allBroken.problems.size(), 2);
}

void ArticleReaderTest::acceptsAlternativeJsonKeys_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("published");
    QTest::addColumn<QString>("outlet");
    QTest::addColumn<QString>("body");

    QTest::newRow("content, link, published, source")
        << QByteArray(R"({"headline":"ع","link":"https://e.org/a","published":"2024-02-03","source":"النبأ","content":"نص"})")
        << u"ع"_s << u"https://e.org/a"_s << u"2024-02-03"_s << u"النبأ"_s << u"نص"_s;
    QTest::newRow("body, pubDate, outlet object")
        << QByteArray(R"({"Title":"ع","pubDate":"Sat, 20 Apr 2024 10:00:00 GMT","outlet":{"name":"الموقع"},"body":"نص"})")
        << u"ع"_s << QString() << u"Sat, 20 Apr 2024 10:00:00 GMT"_s << u"الموقع"_s << u"نص"_s;
    QTest::newRow("paragraph list, epoch date")
        << QByteArray(R"({"text":["فقرة أولى","فقرة ثانية"],"date":1713607200})")
        << QString() << QString() << u"2024-04-20"_s << QString() << u"فقرة أولى\n\nفقرة ثانية"_s;
    QTest::newRow("HTML inside the text")
        << QByteArray(R"({"title":"ع","text":"<p>فقرة&nbsp;أولى</p><script>x()</script><p>ثانية</p>"})")
        << u"ع"_s << QString() << QString() << QString() << u"فقرة\u00A0أولى\n\nثانية"_s;
}

void ArticleReaderTest::acceptsAlternativeJsonKeys()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, title);
    QFETCH(QString, url);
    QFETCH(QString, published);
    QFETCH(QString, outlet);
    QFETCH(QString, body);
    const ReadResult result = readArticle(SourceKind::JsonLines, line);
    QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(u'\n')));
    QCOMPARE(result.articles.size(), 1);
    const RawArticle &a = result.articles.first();
    QCOMPARE(a.title, title);
    QCOMPARE(a.sourceUrl, url);
    QCOMPARE(a.published, published);
    QCOMPARE(a.outlet, outlet);
    QCOMPARE(a.body, body);
}

void ArticleReaderTest::readsJsonArraysAndObjects()
{
    const ReadResult array = readArticle(
        SourceKind::Json, R"([{"title":"أ","text":"نص أ"}, 5, {"title":"ب","body":"نص ب"}])");
    QCOMPARE(array.articles.size(), 2);
    QCOMPARE(array.articles[0].item, 1);
    QCOMPARE(array.articles[1].item, 3);
    QCOMPARE(array.articles[1].body, u"نص ب"_s);
    QCOMPARE(array.problems, QStringList{u"item 2: not a JSON object"_s});

    const ReadResult object = readArticle(SourceKind::Json, R"({"title":"أ","text":"نص"})");
    QCOMPARE(object.articles.size(), 1);
    QCOMPARE(object.articles[0].item, 0);

    const ReadResult wrapped = readArticle(SourceKind::Json, R"({"articles":[{"text":"نص 1"},{"text":"نص 2"}]})");
    QCOMPARE(wrapped.articles.size(), 2);

    // JSON lines saved as .json, and a JSON array saved as .jsonl.
    QCOMPARE(readArticle(SourceKind::Json, "{\"text\":\"1\"}\n{\"text\":\"2\"}\n").articles.size(), 2);
    QCOMPARE(readArticle(SourceKind::JsonLines, "[{\"text\":\"1\"},\n{\"text\":\"2\"}]").articles.size(), 2);

    // windows-1256 JSON is decoded first like any other file.
    QFile file(QStringLiteral(RASID_TEST_DATA_DIR "/decoding/short.windows-1256.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = "{\"text\":\"" + file.readAll().trimmed() + "\"}";
    const ReadResult legacy = readArticle(SourceKind::Json, json);
    QCOMPARE(legacy.articles.value(0).body, u"هجوم على الوزارة"_s);
    QCOMPARE(legacy.articles.value(0).encoding, u"windows-1256"_s);
}

void ArticleReaderTest::rejectsBrokenJsonFile()
{
    const ReadResult result = readArticle(SourceKind::Json, R"({"title": "أ", "text": )");
    QVERIFY(result.articles.isEmpty());
    QVERIFY2(result.error.startsWith(u"not valid JSON: "_s), qPrintable(result.error));
    QCOMPARE(readArticle(SourceKind::Json, "[]").error, u"no article in the file"_s);
}

QTEST_GUILESS_MAIN(ArticleReaderTest)
void ArticleReaderTest::replacesHalfSurrogatePairs_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("body");
    QTest::newRow("JSON escape, high half") << int(SourceKind::JsonLines)
                                            << QByteArray(R"({"title": "t", "text": "هجوم \ud83d على الوزارة"})")
                                            << u"هجوم \uFFFD على الوزارة"_s;
    QTest::newRow("JSON escape, low half, emoji kept")
        << int(SourceKind::JsonLines) << QByteArray(R"({"title": "t", "text": "\ude00 نص \ud83d\ude00"})")
        << u"\uFFFD نص 😀"_s;
    QByteArray utf16("\xff\xfe", 2);
    const QString text = u"خبر عن هجوم"_s + QChar(0xD83D) + u" على الوزارة"_s;
    utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    QTest::newRow("UTF-16 file cut inside an emoji") << int(SourceKind::Text) << utf16
                                                     << u"خبر عن هجوم\uFFFD على الوزارة"_s;
}

// Half a surrogate pair would be damaged when stored; it becomes U+FFFD, one
// unit for one, and the article is marked lossy.
void ArticleReaderTest::replacesHalfSurrogatePairs()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, body);
    const ReadResult result = readArticle(SourceKind(kind), bytes);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.articles.size(), 1);
    const RawArticle &article = result.articles.first();
    QVERIFY(article.body.contains(body) || article.title.contains(body));
    QVERIFY(article.lossy);
    for (const QString &field : {article.title, article.body}) {
        for (qsizetype i = 0; i < field.size(); ++i) {
            if (field.at(i).isHighSurrogate()) {
                QVERIFY(i + 1 < field.size() && field.at(i + 1).isLowSurrogate());
                ++i;
            } else {
                QVERIFY(!field.at(i).isSurrogate());
            }
        }
    }
}

#include "articlereader_test.moc"
