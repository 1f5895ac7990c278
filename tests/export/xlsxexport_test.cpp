#include "export/exporter.h"
#include "export/xlsxexport.h"
#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

qint64 addArticle(QSqlDatabase db, const QString &path, const QString &title, const QString &text)
{
    QSqlQuery file(db);
    file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
    file.addBindValue(path);
    file.exec();
    QSqlQuery article(db);
    article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, published, text) "
                    "VALUES (?, ?, ?, ?, '2025-01-15', ?)"_s);
    for (const QVariant &value :
         {file.lastInsertId(), QVariant(path), QVariant(path), QVariant(title), QVariant(text)}) {
        article.addBindValue(value);
    }
    article.exec();
    return article.lastInsertId().toLongLong();
}

void addEntity(QSqlDatabase db, qint64 articleId, int start, int end, const QString &type, const QString &text,
               const QString &value)
{
    QSqlQuery entity(db);
    entity.prepare(u"INSERT INTO entities(article_id, start, end, type, text, value) VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &bound : {QVariant(articleId), QVariant(start), QVariant(end), QVariant(type), QVariant(text),
                                  QVariant(value)}) {
        entity.addBindValue(bound);
    }
    entity.exec();
}

ProposedIncident incident(const QVector<std::pair<QString, QString>> &fields, double confidence)
{
    ProposedIncident proposed;
    proposed.confidence = confidence;
    for (const auto &[name, value] : fields) {
        proposed.set(name, value, confidence);
    }
    return proposed;
}

// The text of one part of an XLSX (a zip), through the unzip tool.
QString zipPart(const QString &file, const QString &part)
{
    QProcess unzip;
    unzip.start(u"unzip"_s, {u"-p"_s, file, part});
    if (!unzip.waitForFinished(30000) || unzip.exitCode() != 0) {
        return {};
    }
    return QString::fromUtf8(unzip.readAllStandardOutput());
}

// Strings of a sheet, whether stored inline or in the shared string table, XML-unescaped.
QStringList sheetStrings(const QString &file, const QString &sheet)
{
    const QString xml = zipPart(file, sheet) + zipPart(file, u"xl/sharedStrings.xml"_s);
    QStringList strings;
    static const QRegularExpression text(u"<t(?: [^>]*)?>([^<]*)</t>"_s);
    for (const QRegularExpressionMatch &match : text.globalMatch(xml)) {
        QString value = match.captured(1);
        value.replace(u"&lt;"_s, u"<"_s).replace(u"&gt;"_s, u">"_s).replace(u"&quot;"_s, u"\""_s);
        value.replace(u"&apos;"_s, u"'"_s).replace(u"&amp;"_s, u"&"_s);
        strings.append(value);
    }
    return strings;
}

} // namespace

class XlsxExportTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sheetsReadRightToLeftWithFrozenFilteredHeader_data();
    void sheetsReadRightToLeftWithFrozenFilteredHeader();
    void workbookNamesItsSheets();
    void cellsKeepArabicAndNeutralizeFormulas();
    void countsAndConfidenceAreNumbers();
    void columnsAreSizedAndCapped();
    void entitiesSheetListsEntitiesOfExportedArticles();
    void replacesAnExistingFileWithoutLeftovers();
    void reportsAnUnwritableTarget();

private:
    QTemporaryDir m_dir;
    Workspace m_workspace;
    QString m_xlsx;
};

void XlsxExportTest::initTestCase()
{
    if (!xlsxExportAvailable()) {
        QSKIP("this build has no libxlsxwriter");
    }
    if (QStandardPaths::findExecutable(u"unzip"_s).isEmpty()) {
        QSKIP("unzip is not installed");
    }
    QVERIFY(m_dir.isValid());
    QVERIFY(m_workspace.open(m_dir.filePath(u"x.rasid"_s)));
    QSqlDatabase db = m_workspace.database();
    const QString text = u"أعلنت مجموعة جبروت اختراق الصندوق الوطني للضمان الاجتماعي وتسريب بيانات 2 مليون منخرط."_s;
    const qint64 first = addArticle(db, u"a.txt"_s, u"=تسريب بيانات الضمان"_s, text);
    const QString evidence = text + u"\nوقالت الوزارة إن \"التحقيق\" جارٍ، دون تفاصيل."_s;
    QVERIFY(storeProposedIncidents(
        db, first,
        {incident({{u"victim"_s, u"الصندوق الوطني للضمان الاجتماعي"_s}, {u"attack_type"_s, u"data_breach"_s},
                   {u"actor"_s, u"جبروت"_s}, {u"records_affected"_s, u"2000000"_s}, {u"evidence"_s, evidence}},
                  0.8),
         incident({{u"victim"_s, u"-وزارة"_s}, {u"attack_type"_s, u"ddos"_s}}, 0.4)}));
    addEntity(db, first, 13, 18, u"threat_actor"_s, u"جبروت"_s, u"Jabaroot"_s);
    addEntity(db, first, 27, 58, u"organization"_s, u"الصندوق الوطني للضمان الاجتماعي"_s, QString());
    const qint64 second = addArticle(db, u"b.txt"_s, u"مقال بلا حادث"_s, u"نص"_s);
    addEntity(db, second, 0, 2, u"place"_s, u"نص"_s, QString()); // its article has no incident
    m_xlsx = m_dir.filePath(u"incidents.xlsx"_s);
    QString error;
    int rows = 0;
    QVERIFY2(exportXlsx(m_workspace, m_xlsx, {}, &error, &rows), qPrintable(error));
    QCOMPARE(rows, 2);
}

void XlsxExportTest::sheetsReadRightToLeftWithFrozenFilteredHeader_data()
{
    QTest::addColumn<QString>("sheet");
    QTest::addColumn<QString>("filterRange");
    QTest::newRow("incidents") << u"xl/worksheets/sheet1.xml"_s << u"A1:AA3"_s; // the CSV columns, notes and field_origins
    QTest::newRow("entities") << u"xl/worksheets/sheet2.xml"_s << u"A1:F3"_s;
}

void XlsxExportTest::sheetsReadRightToLeftWithFrozenFilteredHeader()
{
    QFETCH(QString, sheet);
    QFETCH(QString, filterRange);
    const QString xml = zipPart(m_xlsx, sheet);
    QVERIFY(!xml.isEmpty());
    QVERIFY(xml.contains(u"rightToLeft=\"1\""_s));
    QVERIFY(xml.contains(QRegularExpression(u"<pane ySplit=\"1\" topLeftCell=\"A2\"[^>]*state=\"frozen\""_s)));
    QVERIFY2(xml.contains(u"<autoFilter ref=\"%1\""_s.arg(filterRange)), qPrintable(xml.right(400)));
    QVERIFY(!xml.contains(u"<f>"_s)); // never a formula
}

void XlsxExportTest::workbookNamesItsSheets()
{
    const QString workbook = zipPart(m_xlsx, u"xl/workbook.xml"_s);
    QVERIFY(workbook.contains(u"<sheet name=\"incidents\""_s));
    QVERIFY(workbook.contains(u"<sheet name=\"entities\""_s));
    // The header row is bold.
    QVERIFY(zipPart(m_xlsx, u"xl/styles.xml"_s).contains(u"<b/>"_s));
}

void XlsxExportTest::cellsKeepArabicAndNeutralizeFormulas()
{
    const QStringList strings = sheetStrings(m_xlsx, u"xl/worksheets/sheet1.xml"_s);
    QVERIFY(strings.contains(u"incident_id"_s));
    QVERIFY(strings.contains(u"الصندوق الوطني للضمان الاجتماعي"_s));
    QVERIFY(strings.contains(u"'=تسريب بيانات الضمان"_s));
    QVERIFY(strings.contains(u"'-وزارة"_s));
    QVERIFY(!strings.contains(u"=تسريب بيانات الضمان"_s));
    const QString evidence = u"أعلنت مجموعة جبروت اختراق الصندوق الوطني للضمان الاجتماعي وتسريب بيانات 2 مليون منخرط."
                             "\nوقالت الوزارة إن \"التحقيق\" جارٍ، دون تفاصيل."_s;
    QVERIFY(strings.contains(evidence));
}

void XlsxExportTest::countsAndConfidenceAreNumbers()
{
    const QString xml = zipPart(m_xlsx, u"xl/worksheets/sheet1.xml"_s);
    // P is records_affected, W is confidence: plain numeric cells (no t="s" or t="inlineStr").
    QVERIFY(xml.contains(QRegularExpression(u"<c r=\"P2\"(?: s=\"\\d+\")?><v>2000000</v></c>"_s)));
    QVERIFY(xml.contains(QRegularExpression(u"<c r=\"W2\"(?: s=\"\\d+\")?><v>0.8</v></c>"_s)));
    QVERIFY(!xml.contains(u"r=\"P3\""_s)); // an empty count is an empty cell
}

void XlsxExportTest::columnsAreSizedAndCapped()
{
    const QString xml = zipPart(m_xlsx, u"xl/worksheets/sheet1.xml"_s);
    static const QRegularExpression column(u"<col min=\"(\\d+)\" max=\"\\d+\" width=\"([0-9.]+)\""_s);
    QHash<int, double> widths;
    for (const QRegularExpressionMatch &match : column.globalMatch(xml)) {
        widths.insert(match.captured(1).toInt(), match.captured(2).toDouble());
    }
    QCOMPARE(widths.size(), csvExportColumns().size());
    const int evidence = int(csvColumns().indexOf(u"evidence"_s)) + 1;
    const int victim = int(csvColumns().indexOf(u"victim"_s)) + 1;
    const int motive = int(csvColumns().indexOf(u"motive"_s)) + 1;
    QVERIFY(widths.value(evidence) <= 61.0); // capped, plus Excel's padding
    QVERIFY(widths.value(victim) > widths.value(motive));
    QVERIFY(widths.value(victim) >= 31.0); // the Arabic name fits
}

void XlsxExportTest::entitiesSheetListsEntitiesOfExportedArticles()
{
    const QStringList strings = sheetStrings(m_xlsx, u"xl/worksheets/sheet2.xml"_s);
    QCOMPARE(strings.mid(0, 6), (QStringList{u"article"_s, u"start"_s, u"end"_s, u"type"_s, u"text"_s, u"value"_s}));
    QVERIFY(strings.contains(u"threat_actor"_s));
    QVERIFY(strings.contains(u"Jabaroot"_s));
    QVERIFY(!strings.contains(u"b.txt"_s));
    const QString xml = zipPart(m_xlsx, u"xl/worksheets/sheet2.xml"_s);
    QVERIFY(xml.contains(QRegularExpression(u"<c r=\"B2\"(?: s=\"\\d+\")?><v>13</v></c>"_s)));
}

void XlsxExportTest::replacesAnExistingFileWithoutLeftovers()
{
    const QString target = m_dir.filePath(u"again.xlsx"_s);
    QFile old(target);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("an older export");
    old.close();
    QString error;
    QVERIFY2(exportXlsx(m_workspace, target, {}, &error), qPrintable(error));
    QFile written(target);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.read(2), QByteArray("PK"));
    QCOMPARE(QDir(m_dir.path()).entryList({u"*.tmp-*"_s}, QDir::Files | QDir::Hidden), QStringList());
}

void XlsxExportTest::reportsAnUnwritableTarget()
{
    QString error;
    QVERIFY(!exportXlsx(m_workspace, m_dir.filePath(u"missing/folder/out.xlsx"_s), {}, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(XlsxExportTest)
#include "xlsxexport_test.moc"
