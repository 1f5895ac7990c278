#include "export/exporter.h"
#include "export/jsonlexport.h"
#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

/*
 * An independent RFC 4180 reader (it shares nothing with csv.cpp): records end
 * with CRLF, fields are separated by commas, and a quoted field may hold
 * commas, CR, LF and doubled quotes. Anything else (a bare quote in an
 * unquoted field, a lone LF, text after a closing quote, a last record without
 * its CRLF) is an error.
 */
bool readRfc4180(const QString &text, QVector<QStringList> *records, QString *problem)
{
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    State state = State::FieldStart;
    QStringList record;
    QString field;
    records->clear();
    const auto fail = [&](qsizetype at, const char *why) {
        *problem = u"offset %1: %2"_s.arg(at).arg(QLatin1StringView(why));
        return false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool crlf = c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n';
        switch (state) {
        case State::FieldStart:
        case State::Unquoted:
        case State::QuoteInQuoted:
            if (c == u',') {
                record.append(field);
                field.clear();
                state = State::FieldStart;
            } else if (crlf) {
                record.append(field);
                records->append(record);
                record.clear();
                field.clear();
                state = State::FieldStart;
                ++i;
            } else if (state == State::QuoteInQuoted && c == u'"') {
                field.append(u'"');
                state = State::Quoted;
            } else if (state == State::QuoteInQuoted) {
                return fail(i, "text after a closing quote");
            } else if (c == u'"' && state == State::FieldStart) {
                state = State::Quoted;
            } else if (c == u'"') {
                return fail(i, "quote inside an unquoted field");
            } else if (c == u'\r' || c == u'\n') {
                return fail(i, "line break outside quotes");
            } else {
                field.append(c);
                state = State::Unquoted;
            }
            break;
        case State::Quoted:
            if (c == u'"') {
                state = State::QuoteInQuoted;
            } else {
                field.append(c);
            }
            break;
        }
    }
    if (state != State::FieldStart || !field.isEmpty() || !record.isEmpty()) {
        return fail(text.size(), "the last record does not end with CRLF");
    }
    return true;
}

QString goldenPath(const QString &name)
{
    return QStringLiteral(RASID_TEST_DATA_DIR) + u"/export/"_s + name;
}

// Compares bytes with a golden file, or rewrites it when RASID_UPDATE_GOLDEN=1.
bool matchesGolden(const QByteArray &actual, const QString &name, QString *message)
{
    QFile golden(goldenPath(name));
    if (qEnvironmentVariableIntValue("RASID_UPDATE_GOLDEN") == 1) {
        if (!golden.open(QIODevice::WriteOnly) || golden.write(actual) != actual.size()) {
            *message = u"cannot write %1"_s.arg(golden.fileName());
            return false;
        }
        return true;
    }
    if (!golden.open(QIODevice::ReadOnly)) {
        *message = u"missing %1 (run with RASID_UPDATE_GOLDEN=1)"_s.arg(golden.fileName());
        return false;
    }
    const QByteArray expected = golden.readAll();
    if (expected == actual) {
        return true;
    }
    qsizetype at = 0;
    while (at < qMin(expected.size(), actual.size()) && expected.at(at) == actual.at(at)) {
        ++at;
    }
    *message = u"%1 differs at byte %2: expected …%3… got …%4…"_s.arg(
        name, QString::number(at), QString::fromUtf8(expected.mid(qMax(qsizetype(0), at - 20), 60)),
        QString::fromUtf8(actual.mid(qMax(qsizetype(0), at - 20), 60)));
    return false;
}

// One field of a test incident; `span` (when set) is the text of the article it points at.
struct TestField
{
    QString name;
    QString value;
    QString span;
};

/*
 * A small corpus whose cells exercise every quoting rule: Arabic with quotes,
 * commas and a line break, a title starting with '=', a victim starting with
 * '-', an outlet with a comma and quotes, money and counts, a rejected and a
 * confirmed incident. Ids and times are fixed, so exports are byte-stable.
 */
class Corpus
{
public:
    bool build(const QString &path)
    {
        if (!m_workspace.open(path)) {
            return false;
        }
        m_db = m_workspace.database();
        const QString leakText = u"الرباط - تعرض الصندوق الوطني للضمان الاجتماعي لهجوم إلكتروني.\n"
                                 "أعلنت مجموعة \"جبروت\"، مسؤوليتها عن تسريب بيانات أكثر من 2 مليون منخرط, "
                                 "حسب بيان\nنشرته على تلغرام.\nوقال مسؤول إن التحقيق جارٍ."_s;
        const qint64 leak = addArticle(u"a/leak.txt"_s, u"تسريب \"بيانات\" الضمان، والتحقيق مستمر"_s,
                                       u"هسبريس"_s, u"2025-04-10"_s, u"https://example.org/leak?id=1&x=2"_s, leakText);
        const QString evidence = u"أعلنت مجموعة \"جبروت\"، مسؤوليتها عن تسريب بيانات أكثر من 2 مليون منخرط, "
                                 "حسب بيان\nنشرته على تلغرام."_s;
        addIncident(leak, leakText, 0.82,
                    {
                        {u"victim"_s, u"الصندوق الوطني للضمان الاجتماعي"_s, u"الصندوق الوطني للضمان الاجتماعي"_s},
                        {u"victim_sector"_s, u"government"_s, {}},
                        {u"victim_country"_s, u"MA"_s, u"الرباط"_s},
                        {u"attack_type"_s, u"data_breach"_s, u"تسريب بيانات"_s},
                        {u"actor"_s, u"جبروت"_s, u"جبروت"_s},
                        {u"actor_type"_s, u"hacktivist"_s, {}},
                        {u"actor_country"_s, u"DZ"_s, {}},
                        {u"motive"_s, u"ideology"_s, {}},
                        {u"records_affected"_s, u"2000000"_s, u"أكثر من 2 مليون منخرط"_s},
                        {u"records_qualifier"_s, u"more_than"_s, u"أكثر من"_s},
                        {u"data_types"_s, u"personal;contact"_s, {}},
                        {u"incident_date"_s, u"2025-04"_s, {}},
                        {u"disclosure"_s, u"claimed"_s, u"أعلنت"_s},
                        {u"impact"_s, u"data_exposure"_s, {}},
                        {u"evidence"_s, evidence, evidence},
                    });
        addIncident(leak, leakText, 0.3,
                    {
                        {u"victim"_s, u"مسؤول"_s, u"مسؤول"_s},
                        {u"attack_type"_s, u"unknown"_s, {}},
                        {u"evidence"_s, u"وقال مسؤول إن التحقيق جارٍ."_s, u"وقال مسؤول إن التحقيق جارٍ."_s},
                    });

        const QString ddosText = u"تعطلت بوابة وزارة الداخلية يوم 1 نونبر 2024 بعد هجوم حجب الخدمة.\n"
                                 "وتبنت مجموعة NoName057(16) الهجوم."_s;
        const qint64 ddos = addArticle(u"b/ddos.txt"_s, u"=هجوم على بوابة الحكومة"_s, u"Le360, \"Maroc\""_s,
                                       u"2024-11-02"_s, QString(), ddosText);
        addIncident(ddos, ddosText, 0.9,
                    {
                        {u"victim"_s, u"-وزارة الداخلية"_s, u"وزارة الداخلية"_s},
                        {u"victim_sector"_s, u"government"_s, {}},
                        {u"victim_country"_s, u"MA"_s, {}},
                        {u"attack_type"_s, u"ddos"_s, u"هجوم حجب الخدمة"_s},
                        {u"actor"_s, u"NoName057(16)"_s, u"NoName057(16)"_s},
                        {u"actor_type"_s, u"hacktivist"_s, {}},
                        {u"actor_country"_s, u"RU"_s, {}},
                        {u"motive"_s, u"ideology"_s, {}},
                        {u"incident_date"_s, u"2024-11-01"_s, u"1 نونبر 2024"_s},
                        {u"disclosure"_s, u"confirmed"_s, {}},
                        {u"impact"_s, u"service_outage"_s, u"تعطلت"_s},
                        {u"evidence"_s, u"تعطلت بوابة وزارة الداخلية يوم 1 نونبر 2024 بعد هجوم حجب الخدمة."_s,
                         u"تعطلت بوابة وزارة الداخلية يوم 1 نونبر 2024 بعد هجوم حجب الخدمة."_s},
                    });

        const QString ransomText = u"طالب المهاجمون شركة الحلول الرقمية بفدية قدرها 5 ملايين دولار، "
                                   "بعد تشفير ملفات نحو 120 ألف مريض من زبائنها في مستشفى الأمل."_s;
        const qint64 ransom = addArticle(u"c/ransom.txt"_s, u"+فدية بـ5 ملايين دولار"_s, u"الشرق"_s,
                                         u"2023-06-30T08:15:00Z"_s, u"https://example.com/a,b"_s, ransomText);
        addIncident(ransom, ransomText, 0.66,
                    {
                        {u"victim"_s, u"شركة الحلول الرقمية"_s, u"شركة الحلول الرقمية"_s},
                        {u"victim_sector"_s, u"technology"_s, {}},
                        {u"attack_type"_s, u"ransomware"_s, u"تشفير ملفات"_s},
                        {u"actor"_s, u"@LockBit"_s, {}},
                        {u"actor_type"_s, u"criminal"_s, {}},
                        {u"motive"_s, u"financial"_s, u"بفدية قدرها 5 ملايين دولار"_s},
                        {u"records_affected"_s, u"120000"_s, u"نحو 120 ألف مريض"_s},
                        {u"records_qualifier"_s, u"approx"_s, u"نحو"_s},
                        {u"data_types"_s, u"medical;personal"_s, {}},
                        {u"disclosure"_s, u"confirmed"_s, {}},
                        {u"impact"_s, u"financial_loss"_s, {}},
                        {u"victim_secondary"_s, u"مستشفى الأمل"_s, u"مستشفى الأمل"_s},
                        {u"evidence"_s, ransomText, ransomText},
                    });
        return run(u"UPDATE incidents SET created_at = '2025-05-01T10:00:00Z'"_s)
            && run(u"UPDATE incidents SET review_status = 'rejected' WHERE confidence < 0.5"_s)
            && run(u"UPDATE incidents SET review_status = 'confirmed', analyst = 'salma', "
                   "reviewed_at = '2025-05-02T09:30:00Z' WHERE article_id = %1"_s.arg(ddos));
    }

    Workspace &workspace() { return m_workspace; }
    QString text(const QString &path) const { return m_texts.value(path); }

private:
    bool run(const QString &sql)
    {
        QSqlQuery query(m_db);
        query.prepare(sql);
        return query.exec();
    }

    qint64 addArticle(const QString &path, const QString &title, const QString &outlet, const QString &published,
                      const QString &url, const QString &text)
    {
        QSqlQuery file(m_db);
        file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
        file.addBindValue(path);
        file.exec();
        QSqlQuery article(m_db);
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, outlet, published, source_url, "
                        "text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
        for (const QVariant &value : {file.lastInsertId(), QVariant(path), QVariant(path), QVariant(title),
                                      QVariant(outlet), QVariant(published), QVariant(url), QVariant(text)}) {
            article.addBindValue(value);
        }
        article.exec();
        m_texts.insert(path, text);
        return article.lastInsertId().toLongLong();
    }

    void addIncident(qint64 articleId, const QString &text, double confidence, const QVector<TestField> &fields)
    {
        ProposedIncident incident;
        incident.confidence = confidence;
        for (const TestField &field : fields) {
            QVector<EvidenceSpan> spans;
            if (!field.span.isEmpty()) {
                const int start = int(text.indexOf(field.span));
                QVERIFY2(start >= 0, qPrintable(field.span));
                spans.append({start, start + int(field.span.size())});
            }
            incident.set(field.name, field.value, confidence, spans);
        }
        QVERIFY(storeProposedIncidents(m_db, articleId, {incident}));
    }

    Workspace m_workspace;
    QSqlDatabase m_db;
    QHash<QString, QString> m_texts;
};

QByteArray exportWith(bool (*exporter)(const Workspace &, QIODevice &, const ExportOptions &, QString *, int *),
                      const Workspace &workspace, const ExportOptions &options, int *rows = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!exporter(workspace, buffer, options, &error, rows)) {
        qWarning() << error;
        return {};
    }
    return buffer.data();
}

} // namespace

class ExportTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void csvMatchesGolden();
    void csvReadsBackWithAnIndependentParser();
    void csvCellsReadBack_data();
    void csvCellsReadBack();
    void csvBomIsOptional();
    void statusFilterSelectsIncidents_data();
    void statusFilterSelectsIncidents();
    void jsonLinesMatchGolden();
    void jsonLinesHaveTheCsvKeysInOrder();
    void jsonLinesTypeCountsAndConfidence();
    void jsonLinesQuoteEvidenceSpans();
    void jsonStringsAreEscaped_data();
    void jsonStringsAreEscaped();
    void detailsFollowRowsAcrossArticles();
    void detailsWorkInsideTheCallersTransaction();
    void emptyWorkspaceExportsHeaderOnly();

private:
    QTemporaryDir m_dir;
    Corpus m_corpus;
    QVector<QStringList> m_csv; // the default CSV export, read back
};

void ExportTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_corpus.build(m_dir.filePath(u"export.rasid"_s)), qPrintable(m_corpus.workspace().lastError()));
    const QByteArray csv = exportWith(exportCsv, m_corpus.workspace(), {});
    QString problem;
    QVERIFY2(readRfc4180(QString::fromUtf8(csv), &m_csv, &problem), qPrintable(problem));
}

void ExportTest::csvMatchesGolden()
{
    QString message;
    QVERIFY2(matchesGolden(exportWith(exportCsv, m_corpus.workspace(), {}), u"incidents.csv"_s, &message),
             qPrintable(message));
}

void ExportTest::csvReadsBackWithAnIndependentParser()
{
    QCOMPARE(m_csv.size(), 4); // header + three incidents that are not rejected
    QCOMPARE(m_csv.first(), csvExportColumns());
    QCOMPARE(m_csv.first().mid(0, csvColumns().size()), csvColumns()); // the contract's columns come first
    QCOMPARE(m_csv.first().mid(csvColumns().size()), (QStringList{u"notes"_s, u"field_origins"_s}));
    for (const QStringList &record : std::as_const(m_csv)) {
        QCOMPARE(record.size(), csvExportColumns().size());
    }
}

void ExportTest::csvCellsReadBack_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("expected");
    QTest::newRow("arabic title with quotes and comma")
        << 1 << u"title"_s << u"تسريب \"بيانات\" الضمان، والتحقيق مستمر"_s;
    QTest::newRow("arabic victim") << 1 << u"victim"_s << u"الصندوق الوطني للضمان الاجتماعي"_s;
    QTest::newRow("evidence with quotes, commas and a line break")
        << 1 << u"evidence"_s
        << u"أعلنت مجموعة \"جبروت\"، مسؤوليتها عن تسريب بيانات أكثر من 2 مليون منخرط, حسب بيان\nنشرته على تلغرام."_s;
    QTest::newRow("url with query") << 1 << u"source_url"_s << u"https://example.org/leak?id=1&x=2"_s;
    QTest::newRow("count as digits") << 1 << u"records_affected"_s << u"2000000"_s;
    QTest::newRow("list of data types") << 1 << u"data_types"_s << u"personal;contact"_s;
    QTest::newRow("extractor confidence") << 1 << u"confidence"_s << u"0.82"_s;
    QTest::newRow("title starting with equals is neutralized") << 2 << u"title"_s << u"'=هجوم على بوابة الحكومة"_s;
    QTest::newRow("victim starting with minus is neutralized") << 2 << u"victim"_s << u"'-وزارة الداخلية"_s;
    QTest::newRow("outlet with comma and quotes") << 2 << u"outlet"_s << u"Le360, \"Maroc\""_s;
    QTest::newRow("confirmed incident has confidence 1") << 2 << u"confidence"_s << u"1"_s;
    QTest::newRow("analyst of a confirmed incident") << 2 << u"analyst"_s << u"salma"_s;
    QTest::newRow("empty source url") << 2 << u"source_url"_s << QString();
    QTest::newRow("title starting with plus is neutralized") << 3 << u"title"_s << u"'+فدية بـ5 ملايين دولار"_s;
    QTest::newRow("actor starting with at is neutralized") << 3 << u"actor"_s << u"'@LockBit"_s;
    QTest::newRow("money stays in the evidence")
        << 3 << u"evidence"_s
        << u"طالب المهاجمون شركة الحلول الرقمية بفدية قدرها 5 ملايين دولار، "
           "بعد تشفير ملفات نحو 120 ألف مريض من زبائنها في مستشفى الأمل."_s;
    QTest::newRow("url with comma") << 3 << u"source_url"_s << u"https://example.com/a,b"_s;
    QTest::newRow("timestamp kept as stored") << 3 << u"published"_s << u"2023-06-30T08:15:00Z"_s;
}

void ExportTest::csvCellsReadBack()
{
    QFETCH(int, row);
    QFETCH(QString, column);
    QFETCH(QString, expected);
    QCOMPARE(m_csv.at(row).at(csvColumns().indexOf(column)), expected);
}

void ExportTest::csvBomIsOptional()
{
    ExportOptions options;
    options.bom = true;
    const QByteArray withBom = exportWith(exportCsv, m_corpus.workspace(), options);
    const QByteArray without = exportWith(exportCsv, m_corpus.workspace(), {});
    QVERIFY(withBom.startsWith("\xEF\xBB\xBF"));
    QVERIFY(without.startsWith("incident_id,"));
    QCOMPARE(withBom.mid(3), without);
}

void ExportTest::statusFilterSelectsIncidents_data()
{
    QTest::addColumn<int>("filter");
    QTest::addColumn<int>("expected");
    QTest::newRow("default leaves out rejected") << int(StatusFilter::NotRejected) << 3;
    QTest::newRow("suggested") << int(StatusFilter::Suggested) << 2;
    QTest::newRow("confirmed") << int(StatusFilter::Confirmed) << 1;
    QTest::newRow("all") << int(StatusFilter::All) << 4;
}

void ExportTest::statusFilterSelectsIncidents()
{
    QFETCH(int, filter);
    QFETCH(int, expected);
    ExportOptions options;
    options.status = StatusFilter(filter);
    int csvRows = -1;
    int jsonRows = -1;
    exportWith(exportCsv, m_corpus.workspace(), options, &csvRows);
    const QByteArray json = exportWith(exportJsonLines, m_corpus.workspace(), options, &jsonRows);
    QCOMPARE(csvRows, expected);
    QCOMPARE(jsonRows, expected);
    QCOMPARE(json.count('\n'), expected);
}

void ExportTest::jsonLinesMatchGolden()
{
    QString message;
    QVERIFY2(matchesGolden(exportWith(exportJsonLines, m_corpus.workspace(), {}), u"incidents.jsonl"_s, &message),
             qPrintable(message));
}

void ExportTest::jsonLinesHaveTheCsvKeysInOrder()
{
    const QByteArray json = exportWith(exportJsonLines, m_corpus.workspace(), {});
    QVERIFY(!json.startsWith("\xEF\xBB\xBF"));
    QVERIFY(!json.contains('\r'));
    QVERIFY(json.endsWith("}\n"));
    const QList<QByteArray> lines = json.chopped(1).split('\n');
    QCOMPARE(lines.size(), 3);
    QStringList expectedKeys = csvColumns();
    expectedKeys += {u"evidence_spans"_s, u"field_origins"_s, u"notes"_s};
    for (const QByteArray &line : lines) {
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(line, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
        QStringList keys = object.keys();
        QStringList sortedExpected = expectedKeys;
        keys.sort();
        sortedExpected.sort();
        QCOMPARE(keys, sortedExpected);
        // QJsonObject forgets order: check it on the text, key after key.
        qsizetype from = 0;
        for (const QString &key : std::as_const(expectedKeys)) {
            const qsizetype at = line.indexOf('"' + key.toUtf8() + "\":", from);
            QVERIFY2(at >= from, qPrintable(key));
            from = at;
        }
    }
}

void ExportTest::jsonLinesTypeCountsAndConfidence()
{
    const QList<QByteArray> lines = exportWith(exportJsonLines, m_corpus.workspace(), {}).chopped(1).split('\n');
    QVector<QJsonObject> objects;
    for (const QByteArray &line : lines) {
        objects.append(QJsonDocument::fromJson(line).object());
    }
    QVERIFY(objects.at(0).value(u"records_affected"_s).isDouble());
    QCOMPARE(objects.at(0).value(u"records_affected"_s).toInteger(), 2000000);
    QVERIFY(objects.at(1).value(u"records_affected"_s).isNull());
    QCOMPARE(objects.at(2).value(u"records_affected"_s).toInteger(), 120000);
    QCOMPARE(objects.at(0).value(u"confidence"_s).toDouble(), 0.82);
    QCOMPARE(objects.at(1).value(u"confidence"_s).toDouble(), 1.0);
    for (const QJsonObject &object : std::as_const(objects)) {
        for (const QString &column : csvColumns()) {
            if (column != u"records_affected" && column != u"confidence") {
                QVERIFY2(object.value(column).isString(), qPrintable(column));
            }
        }
    }
    // JSON is not a spreadsheet: values are written as stored.
    QCOMPARE(objects.at(1).value(u"victim"_s).toString(), u"-وزارة الداخلية"_s);
    QCOMPARE(objects.at(1).value(u"title"_s).toString(), u"=هجوم على بوابة الحكومة"_s);
    QCOMPARE(objects.at(0).value(u"incident_id"_s).toString(), u"1"_s);
}

void ExportTest::jsonLinesQuoteEvidenceSpans()
{
    const QList<QByteArray> lines = exportWith(exportJsonLines, m_corpus.workspace(), {}).chopped(1).split('\n');
    const QJsonObject leak = QJsonDocument::fromJson(lines.at(0)).object();
    const QJsonObject spans = leak.value(u"evidence_spans"_s).toObject();
    // Only fields with evidence appear, each span quoting the article.
    QVERIFY(!spans.contains(u"victim_sector"_s));
    QVERIFY(spans.contains(u"records_affected"_s));
    const QString text = m_corpus.text(u"a/leak.txt"_s);
    for (auto it = spans.constBegin(); it != spans.constEnd(); ++it) {
        for (const QJsonValue &value : it->toArray()) {
            const QJsonObject span = value.toObject();
            const int start = span.value(u"start"_s).toInt();
            const int end = span.value(u"end"_s).toInt();
            QCOMPARE(span.value(u"text"_s).toString(), text.mid(start, end - start));
        }
    }
    const QJsonObject victim = spans.value(u"victim"_s).toArray().first().toObject();
    QCOMPARE(victim.value(u"text"_s).toString(), u"الصندوق الوطني للضمان الاجتماعي"_s);
    QCOMPARE(spans.value(u"records_affected"_s).toArray().first().toObject().value(u"text"_s).toString(),
             u"أكثر من 2 مليون منخرط"_s);
    // A field outside the CSV keeps its evidence too.
    const QJsonObject ransom = QJsonDocument::fromJson(lines.at(2)).object();
    QVERIFY(ransom.value(u"evidence_spans"_s).toObject().contains(u"victim_secondary"_s));
    QVERIFY(!ransom.contains(u"victim_secondary"_s));
}

void ExportTest::jsonStringsAreEscaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("json");
    QTest::newRow("arabic stays as is") << u"جبروت"_s << u"\"جبروت\""_s;
    QTest::newRow("quote") << u"a\"b"_s << u"\"a\\\"b\""_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"\"a\\\\b\""_s;
    QTest::newRow("line breaks and tab") << u"a\nb\r\tc"_s << u"\"a\\nb\\r\\tc\""_s;
    QTest::newRow("other control characters") << u"a\u0001b\u001f"_s << u"\"a\\u0001b\\u001f\""_s;
    QTest::newRow("empty") << QString() << u"\"\""_s;
}

void ExportTest::jsonStringsAreEscaped()
{
    QFETCH(QString, text);
    QFETCH(QString, json);
    QString written;
    appendJsonString(written, text);
    QCOMPARE(written, json);
    const QJsonDocument parsed = QJsonDocument::fromJson((u"["_s + written + u"]"_s).toUtf8());
    QCOMPARE(parsed.array().first().toString(), text);
}

void ExportTest::detailsFollowRowsAcrossArticles()
{
    // Every row gets its own incident's fields, created_at and article text.
    int seen = 0;
    QString error;
    QVERIFY(forEachIncidentDetail(
        m_corpus.workspace(), StatusFilter::All, true,
        [&](const IncidentRow &row, const IncidentDetail &detail) {
            ++seen;
            [&] {
                QCOMPARE(detail.createdAt, u"2025-05-01T10:00:00Z"_s);
                QCOMPARE(detail.articleText, m_corpus.text(row.cell(u"article"_s)));
                for (const QString &name : incidentFieldNames()) {
                    QCOMPARE(detail.fields.value(name).value, row.cell(name));
                }
                QCOMPARE(detail.fields.value(u"victim"_s).origin, u"suggested"_s);
            }();
            return true;
        },
        &error));
    QCOMPARE(seen, 4);
}

void ExportTest::detailsWorkInsideTheCallersTransaction()
{
    QVERIFY(m_corpus.workspace().beginTransaction());
    const QByteArray json = exportWith(exportJsonLines, m_corpus.workspace(), {});
    m_corpus.workspace().rollback();
    QCOMPARE(json, exportWith(exportJsonLines, m_corpus.workspace(), {}));
}

void ExportTest::emptyWorkspaceExportsHeaderOnly()
{
    QTemporaryDir dir;
    Workspace empty;
    QVERIFY(empty.open(dir.filePath(u"empty.rasid"_s)));
    int rows = -1;
    QCOMPARE(exportWith(exportCsv, empty, {}, &rows), csvExportColumns().join(u',').toUtf8() + "\r\n");
    QCOMPARE(rows, 0);
    QCOMPARE(exportWith(exportJsonLines, empty, {}, &rows), QByteArray());
    QCOMPARE(rows, 0);
}

QTEST_GUILESS_MAIN(ExportTest)
#include "export_test.moc"
