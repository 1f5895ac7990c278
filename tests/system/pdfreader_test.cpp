// PDF articles: fixture PDFs written here with QPdfWriter (Noto Naskh Arabic
// for Arabic) in Arabic, mixed Arabic and Latin, two columns, over two pages,
// image only, encrypted (with qpdf when it is installed) and cut short; the
// text poppler reads back compared with the text written; and a PDF imported
// like any article, its entities' offsets into the cleaned text.

#include "store/importer.h"
#include "store/workspace.h"
#include "text/articlereader.h"

#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextOption>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString ArabicText = u"تعرضت وزارة الصحة في تونس لهجوم إلكتروني أدى إلى تسريب بيانات نحو ألفي مريض."_s;
const QString MixedText = u"أعلنت مجموعة LockBit مسؤوليتها عن اختراق شركة Orange في المغرب عام 2024."_s;

QFont arabicFont()
{
    QFont font;
    font.setFamilies({u"Noto Naskh Arabic"_s, u"Amiri"_s, u"DejaVu Sans"_s});
    font.setPointSize(12);
    return font;
}

// One page per entry; each page's paragraphs laid out by QTextDocument, right
// to left when they are Arabic.
QByteArray pdfOfPages(const QVector<QStringList> &pages, const QString &title)
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setResolution(96);
        QPainter painter(&writer);
        for (int n = 0; n < pages.size(); ++n) {
            if (n > 0) {
                writer.newPage();
            }
            QTextDocument document;
            document.setDefaultFont(arabicFont());
            document.setTextWidth(painter.viewport().width() * 0.8);
            QTextOption option = document.defaultTextOption();
            option.setTextDirection(pages.at(n).constFirst().at(0).script() == QChar::Script_Arabic ? Qt::RightToLeft
                                                                                                   : Qt::LeftToRight);
            document.setDefaultTextOption(option);
            document.setPlainText(pages.at(n).join(u"\n\n"_s));
            document.drawContents(&painter);
        }
    }
    return bytes;
}

QByteArray twoColumns(const QString &left, const QString &right)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(96);
    QPainter painter(&writer);
    QFont latin(u"DejaVu Sans"_s);
    latin.setPointSize(12);
    painter.setFont(latin);
    const int width = painter.viewport().width();
    painter.drawText(QRect(0, 0, width / 2 - 30, 600), Qt::TextWordWrap, left);
    painter.drawText(QRect(width / 2 + 30, 0, width / 2 - 30, 600), Qt::TextWordWrap, right);
    painter.end();
    return bytes;
}

QByteArray imageOnly()
{
    QImage scan(600, 300, QImage::Format_RGB32);
    scan.fill(Qt::white);
    {
        QPainter ink(&scan);
        ink.setFont(arabicFont());
        ink.drawText(scan.rect(), Qt::AlignCenter, ArabicText); // pixels, not text
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    QPainter painter(&writer);
    painter.drawImage(QRect(0, 0, 3000, 1500), scan);
    painter.end();
    return bytes;
}

// Words in order: the layout's line breaks are not the author's.
QString words(const QString &text)
{
    return text.simplified();
}

} // namespace

class PdfReaderTest : public QObject
{
    Q_OBJECT
private slots:
    void readsTheTextLayer_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Arabic") << pdfOfPages({{ArabicText}}, {}) << ArabicText;
        QTest::newRow("mixed Arabic and Latin") << pdfOfPages({{MixedText}}, {}) << MixedText;
        const QString left = u"The first column tells of the attack on the port authority."_s;
        const QString right = u"The second column quotes the ministry on the recovery."_s;
        QTest::newRow("two columns, the left one first") << twoColumns(left, right) << left + u' ' + right;
    }

    void readsTheTextLayer()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(QString, expected);
        const ReadResult result = readArticle(SourceKind::Pdf, pdf);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.articles.size(), 1);
        QVERIFY2(words(result.articles.first().body) == words(expected), qPrintable(result.articles.first().body));
        QVERIFY(result.problems.isEmpty());
    }

    void pageBreaksArePargraphBreaksAndMetadataIsKept()
    {
        const QString second = u"وقالت الوزارة إن الخوادم عادت إلى العمل بعد يومين."_s;
        const ReadResult result = readArticle(SourceKind::Pdf, pdfOfPages({{ArabicText}, {second}}, u"نشرة الأمن"_s));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        const RawArticle article = result.articles.first();
        const QStringList paragraphs = article.body.split(u"\n\n"_s);
        QCOMPARE(paragraphs.size(), 2);
        QVERIFY2(words(paragraphs.at(0)) == ArabicText, qPrintable(paragraphs.at(0)));
        QCOMPARE(words(paragraphs.at(1)), second);
        QCOMPARE(article.title, u"نشرة الأمن"_s);
        // QPdfWriter dates the file when it writes it.
        QCOMPARE(article.published, QDate::currentDate().toString(Qt::ISODate));
    }

    void unreadablePdfsAreProblemsWithTheirReason()
    {
        const ReadResult scanned = readArticle(SourceKind::Pdf, imageOnly());
        QVERIFY(scanned.articles.isEmpty());
        QVERIFY2(scanned.error.startsWith(u"scanned PDF: no text layer"_s), qPrintable(scanned.error));

        const QByteArray whole = pdfOfPages({{ArabicText}}, {});
        const ReadResult cut = readArticle(SourceKind::Pdf, whole.left(whole.size() / 2));
        const QString reason = cut.error.isEmpty() ? cut.problems.value(0) : cut.error;
        QVERIFY2(reason.startsWith(u"damaged PDF"_s), qPrintable(reason));

        const ReadResult garbage = readArticle(SourceKind::Pdf, QByteArray("%PDF-1.4 not really"));
        QVERIFY(garbage.articles.isEmpty());
        QVERIFY2(garbage.error.startsWith(u"damaged PDF"_s), qPrintable(garbage.error));
    }

    void encryptedPdfIsAProblem()
    {
        const QString qpdf = QStandardPaths::findExecutable(u"qpdf"_s);
        if (qpdf.isEmpty()) {
            QSKIP("qpdf is not installed: no encrypted fixture");
        }
        QTemporaryDir dir;
        const QString plain = dir.filePath(u"plain.pdf"_s);
        const QString locked = dir.filePath(u"locked.pdf"_s);
        QFile file(plain);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdfOfPages({{ArabicText}}, {}));
        file.close();
        QProcess process;
        process.start(qpdf, {u"--encrypt"_s, u"reader"_s, u"owner"_s, u"256"_s, u"--"_s, plain, locked});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QFile encrypted(locked);
        QVERIFY(encrypted.open(QIODevice::ReadOnly));
        const ReadResult result = readArticle(SourceKind::Pdf, encrypted.readAll());
        QVERIFY(result.articles.isEmpty());
        QCOMPARE(result.error, u"encrypted PDF: it needs a password"_s);
    }

    // Imported like any article: cleaned, with entities whose spans are
    // offsets into the stored text.
    void importedPdfHasEntitiesAtTheirOffsets()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"articles"_s);
        QVERIFY(QDir().mkpath(folder));
        QFile file(folder + u"/bulletin.pdf"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdfOfPages({{ArabicText, MixedText}}, u"نشرة"_s));
        file.close();
        Workspace workspace;
        QVERIFY(workspace.open(dir.filePath(u"w.rasid"_s)));
        Importer importer;
        ImportOptions options;
        options.folder = folder;
        const ImportSummary summary = importer.run(workspace, options);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QSqlQuery query(workspace.database());
        QVERIFY(query.exec(u"SELECT a.id, a.text, a.title, f.kind FROM articles a JOIN files f ON f.id = a.file_id"_s));
        QVERIFY(query.next());
        const qint64 id = query.value(0).toLongLong();
        const QString text = query.value(1).toString();
        QVERIFY2(words(text).contains(u"وزارة الصحة في تونس"_s), qPrintable(text));
        QCOMPARE(query.value(2).toString(), u"نشرة"_s);
        QCOMPARE(query.value(3).toString(), u"pdf"_s);
        QVERIFY(query.exec(u"SELECT start, end, text, type FROM entities WHERE article_id = %1"_s.arg(id)));
        int entities = 0;
        bool country = false;
        while (query.next()) {
            const int start = query.value(0).toInt();
            const int end = query.value(1).toInt();
            QCOMPARE(text.mid(start, end - start), query.value(2).toString());
            country = country || query.value(3).toString() == u"country"_s;
            ++entities;
        }
        QVERIFY(entities >= 2);
        QVERIFY(country);
    }
};

QTEST_MAIN(PdfReaderTest)
#include "pdfreader_test.moc"
