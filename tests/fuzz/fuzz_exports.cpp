// libFuzzer target: the JSON-lines and VERIS exports. One in-memory workspace
// is built once; each input stores one to three articles with fuzzed paths,
// titles, metadata, texts, incident field values and evidence spans inside a
// transaction, runs both exports, checks that every line and document parses
// and gives back exactly what was stored, and rolls the transaction back.
//
// Input: two flag bytes (articles alternate between them: review status,
// insider, data breach, claimed, a second incident, confidence), then strings
// separated by 0xFF (a byte UTF-8 never holds), per article: path, title,
// outlet, published, source_url, text, victim, actor, records_affected,
// incident_date, evidence, victim_secondary, victim_country, data_types,
// analyst. Missing strings are empty.
//
// tests/fuzzregression_test.cpp compiles this file in to replay kept inputs.
#include "export/exporter.h"
#include "export/jsonlexport.h"
#include "export/verisexport.h"
#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace FuzzExports {

void check(bool condition)
{
    if (!condition) {
        __builtin_trap();
    }
}

enum Piece { Path, Title, Outlet, Published, Url, Text, Victim, Actor, Records, IncidentDate, Evidence,
             Secondary, Country, DataTypes, Analyst, PieceCount };

// What one stored incident must export as.
struct Expected
{
    QHash<QString, QString> cells;                 // CSV column -> value as exported
    QString secondary;                             // victim_secondary, stored as is
    QHash<QString, QVector<Rasid::EvidenceSpan>> spans;
    QString text;                                  // the article text the spans quote
};

// The VERIS export commits every file through QSaveFile, which syncs it to
// disk: on a RAM disk that costs nothing, elsewhere 30 ms an input.
QString scratchTemplate()
{
    const QFileInfo shm(u"/dev/shm"_s);
    return (shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath()) + u"/fuzz_exports-XXXXXX"_s;
}

struct Fixture
{
    std::unique_ptr<QCoreApplication> app;
    QTemporaryDir dir{scratchTemplate()};
    Rasid::Workspace workspace;
};

Fixture &fixture()
{
    static Fixture *f = [] {
        static int argc = 1;
        static char name[] = "fuzz_exports";
        static char *argv[] = {name, nullptr};
        auto *fx = new Fixture;
        if (!QCoreApplication::instance()) { // the regression test has its own
            fx->app = std::make_unique<QCoreApplication>(argc, argv);
        }
        check(fx->dir.isValid() && fx->workspace.open(u":memory:"_s));
        return fx;
    }();
    return *f;
}

// Field values travel packed between two control characters, which are blanked.
QString blanked(QString value)
{
    return value.replace(QChar(30), u' ').replace(QChar(31), u' ');
}

// A span that cuts a surrogate pair quotes the half as U+FFFD in UTF-8.
QString quoted(QStringView text, const Rasid::EvidenceSpan &span)
{
    const qsizetype start = qBound(qsizetype(0), qsizetype(span.start), text.size());
    const qsizetype end = qBound(start, qsizetype(span.end), text.size());
    QString slice = text.sliced(start, end - start).toString();
    for (qsizetype i = 0; i < slice.size(); ++i) {
        const bool pair = slice.at(i).isHighSurrogate() && i + 1 < slice.size() && slice.at(i + 1).isLowSurrogate();
        if (pair) {
            ++i;
        } else if (slice.at(i).isSurrogate()) {
            slice[i] = QChar::ReplacementCharacter;
        }
    }
    return slice;
}

// What QJsonDocument::fromJson gives back for a string the export wrote: Qt 6.4
// drops a raw U+FEFF that opens a string value (as if it were a byte order
// mark). The files keep it; other JSON readers return it.
QString afterQtParse(const QString &written)
{
    return written.startsWith(QChar(0xFEFF)) ? written.mid(1) : written;
}

bool same(const QJsonValue &value, const QString &written)
{
    return value.isString() && value.toString() == afterQtParse(written);
}

bool exec(QSqlQuery &query, const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        query.bindValue(int(i), values.at(i));
    }
    return query.exec();
}

// Stores article k from its pieces and returns what its incidents must export as.
QVector<std::pair<qint64, Expected>> store(QSqlDatabase db, int k, const QStringList &p, uint8_t flags)
{
    QSqlQuery file(db);
    file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
    check(exec(file, {u"file%1"_s.arg(k)}));
    QSqlQuery article(db);
    article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, outlet, published, source_url, text) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    check(exec(article, {file.lastInsertId(), p[Path], QString::number(k), p[Title], p[Outlet], p[Published], p[Url],
                         p[Text]}));
    const qint64 articleId = article.lastInsertId().toLongLong();

    const QString &text = p[Text];
    const auto spanOf = [&text](const QString &value) -> QVector<Rasid::EvidenceSpan> {
        const qsizetype at = value.isEmpty() ? -1 : text.indexOf(value);
        if (at < 0) {
            return {};
        }
        return {{int(at), int(at + value.size())}};
    };
    // Spans of every kind: found in the text, arbitrary (cutting pairs), past its end.
    const int arbitraryStart = int(p[Title].size() % (text.size() + 2));
    const QVector<Rasid::EvidenceSpan> arbitrary{{arbitraryStart, arbitraryStart + int(p[Outlet].size())},
                                                 {int(text.size()) + 3, int(text.size()) + 7}};
    Rasid::ProposedIncident incident;
    incident.confidence = double(flags >> 6) / 3.0;
    incident.set(u"victim"_s, p[Victim], 0.5, spanOf(p[Victim]));
    incident.set(u"actor"_s, p[Actor], 0.5, arbitrary);
    incident.set(u"actor_type"_s, (flags & 0x04) ? u"insider"_s : u"hacktivist"_s, 0.5);
    incident.set(u"attack_type"_s, (flags & 0x08) ? u"data_breach"_s : u"ddos"_s, 0.5);
    incident.set(u"disclosure"_s, (flags & 0x10) ? u"claimed"_s : u"confirmed"_s, 0.5);
    incident.set(u"records_affected"_s, p[Records], 0.5, spanOf(p[Records]));
    incident.set(u"incident_date"_s, p[IncidentDate], 0.5);
    incident.set(u"evidence"_s, p[Evidence], 0.5, spanOf(p[Evidence]));
    incident.set(u"victim_secondary"_s, p[Secondary], 0.5, arbitrary.mid(0, 1));
    incident.set(u"victim_country"_s, p[Country], 0.5);
    incident.set(u"data_types"_s, p[DataTypes], 0.5);
    QVector<Rasid::ProposedIncident> incidents{incident};
    if (flags & 0x20) {
        incidents.append(incident); // a second incident of the same article
    }
    check(Rasid::storeProposedIncidents(db, articleId, incidents));

    static const QStringList statuses{u"suggested"_s, u"confirmed"_s, u"rejected"_s};
    const QString &status = statuses.at(((flags & 3) + k) % 3);
    QSqlQuery review(db);
    review.prepare(u"UPDATE incidents SET review_status = ?, analyst = ?, reviewed_at = ? WHERE article_id = ?"_s);
    check(exec(review, {status, p[Analyst], p[Published], articleId}));

    QSqlQuery ids(db);
    ids.prepare(u"SELECT id FROM incidents WHERE article_id = ? ORDER BY ordinal"_s);
    check(exec(ids, {articleId}));
    QVector<std::pair<qint64, Expected>> out;
    while (ids.next()) {
        Expected e;
        e.cells = {{u"article"_s, p[Path]}, {u"title"_s, p[Title]}, {u"outlet"_s, p[Outlet]},
                   {u"published"_s, p[Published]}, {u"source_url"_s, p[Url]}, {u"review_status"_s, status},
                   {u"analyst"_s, p[Analyst]}, {u"reviewed_at"_s, p[Published]}};
        for (const Rasid::IncidentField &field : incident.fields) {
            if (field.name != u"victim_secondary") {
                e.cells.insert(field.name, blanked(field.value));
            }
            if (!field.value.isEmpty() && !field.evidence.isEmpty()) {
                e.spans.insert(field.name, field.evidence);
            }
        }
        e.secondary = p[Secondary];
        e.text = text;
        out.append({ids.value(0).toLongLong(), e});
    }
    return out;
}

void checkJsonLine(const QJsonObject &line, const Expected &e)
{
    const QStringList &columns = Rasid::csvColumns();
    // The CSV columns, then evidence_spans, field_origins and notes.
    check(line.size() == columns.size() + 3);
    check(line.value(u"field_origins"_s).isObject() && line.value(u"notes"_s).isObject());
    for (const QString &column : columns) {
        const QJsonValue value = line.value(column);
        if (column == u"records_affected") {
            const QString cell = e.cells.value(column);
            const bool digits = !cell.isEmpty() && cell.size() <= 18
                && std::all_of(cell.begin(), cell.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
            check(value.isNull() || (value.isDouble() && value.toInteger(-1) >= 0
                                     && cell.contains(QString::number(value.toInteger()))));
            check(!digits || value.toInteger(-1) == cell.toLongLong());
        } else if (column == u"confidence") {
            check(value.isDouble() && value.toDouble() >= 0.0 && value.toDouble() <= 1.0);
        } else if (column != u"incident_id") {
            check(same(value, e.cells.value(column)));
        }
    }
    const QJsonObject spans = line.value(u"evidence_spans"_s).toObject();
    check(spans.size() == e.spans.size());
    for (auto it = e.spans.cbegin(); it != e.spans.cend(); ++it) {
        const QJsonArray array = spans.value(it.key()).toArray();
        check(array.size() == it->size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject span = array.at(i).toObject();
            check(span.value(u"start"_s).toInteger(-1) == it->at(i).start);
            check(span.value(u"end"_s).toInteger(-1) == it->at(i).end);
            check(same(span.value(u"text"_s), quoted(e.text, it->at(i))));
        }
    }
}

void checkVeris(const QJsonObject &document, const Expected &e)
{
    const auto cell = [&e](const char *column) { return e.cells.value(QString::fromUtf8(column)).trimmed(); };
    const QString id = document.value(u"incident_id"_s).toString();
    check(id.size() == 36 && id == id.toUpper());
    QString summary = cell("evidence");
    if (summary.isEmpty()) {
        summary = cell("title");
    }
    check(summary.isEmpty() || same(document.value(u"summary"_s), summary));
    check(cell("source_url").isEmpty() ? !document.contains(u"reference"_s)
                                       : same(document.value(u"reference"_s), cell("source_url")));
    const QJsonObject victim = document.value(u"victim"_s).toObject();
    check(cell("victim").isEmpty() ? !victim.contains(u"victim_id"_s)
                                   : same(victim.value(u"victim_id"_s), cell("victim")));
    QStringList secondary;
    for (const QString &part : e.secondary.split(u';', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty()) {
            secondary.append(afterQtParse(part.trimmed()));
        }
    }
    check(victim.value(u"secondary"_s).toObject().value(u"victim_id"_s).toArray()
          == QJsonArray::fromStringList(secondary));
    const QJsonObject actor = document.value(u"actor"_s).toObject();
    if (!cell("actor").isEmpty()) {
        if (cell("actor_type") == u"insider") {
            check(same(actor.value(u"internal"_s).toObject().value(u"notes"_s), cell("actor")));
        } else {
            const QJsonArray names = actor.value(u"external"_s).toObject().value(u"name"_s).toArray();
            check(names.contains(afterQtParse(cell("actor"))));
        }
    }
    const qint64 year = document.value(u"timeline"_s).toObject().value(u"incident"_s).toObject().value(u"year"_s)
                            .toInteger(-1);
    check(year >= 1900 && year <= 9999);
    const QJsonObject rasid = document.value(u"plus"_s).toObject().value(u"rasid"_s).toObject();
    check(same(rasid.value(u"article"_s), cell("article")));
    check(same(rasid.value(u"review_status"_s), cell("review_status")));
}

int oneInput(const uint8_t *data, size_t size)
{
    if (size < 2) {
        return 0;
    }
    Fixture &fx = fixture();
    QSqlDatabase db = fx.workspace.database();
    const uint8_t flags[2] = {data[0], data[1]};
    QStringList pieces;
    const char *begin = reinterpret_cast<const char *>(data + 2);
    const char *end = reinterpret_cast<const char *>(data + size);
    for (const char *p = begin;; ++p) {
        if (p == end || uchar(*p) == 0xFF) {
            pieces.append(QString::fromUtf8(begin, p - begin));
            begin = p + 1;
            if (p == end) {
                break;
            }
        }
    }
    const int articles = std::min(3, int(pieces.size() + PieceCount - 1) / PieceCount);

    check(db.transaction());
    QHash<qint64, Expected> expected;
    for (int k = 0; k < articles; ++k) {
        QStringList p = pieces.mid(k * PieceCount, PieceCount);
        while (p.size() < PieceCount) {
            p.append(u""_s); // empty, not null: articles.text is NOT NULL
        }
        for (const auto &[id, e] : store(db, k, p, flags[k % 2])) {
            expected.insert(id, e);
        }
    }

    Rasid::ExportOptions options;
    options.status = Rasid::StatusFilter::All;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    int rows = -1;
    check(Rasid::exportJsonLines(fx.workspace, buffer, options, &error, &rows));
    check(rows == expected.size());
    const QByteArray jsonl = buffer.data();
    check(jsonl.isEmpty() || jsonl.endsWith('\n'));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    (void)QString(utf8.decode(jsonl));
    check(!utf8.hasError() && !jsonl.startsWith("\xEF\xBB\xBF"));
    QSet<qint64> seen;
    for (const QByteArray &line : jsonl.split('\n')) {
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        check(parseError.error == QJsonParseError::NoError && doc.isObject());
        const qint64 id = doc.object().value(u"incident_id"_s).toString().toLongLong();
        check(expected.contains(id) && !seen.contains(id));
        seen.insert(id);
        checkJsonLine(doc.object(), expected.value(id));
    }
    check(seen.size() == expected.size());

    const QString verisPath = fx.dir.filePath(u"veris.json"_s);
    check(Rasid::exportVeris(fx.workspace, verisPath, true, options, &error, &rows));
    check(rows == expected.size());
    QFile veris(verisPath);
    check(veris.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument documents = QJsonDocument::fromJson(veris.readAll(), &parseError);
    check(parseError.error == QJsonParseError::NoError && documents.isArray());
    check(documents.array().size() == expected.size());
    for (const QJsonValue &value : documents.array()) {
        const QJsonObject document = value.toObject();
        const qint64 id = document.value(u"plus"_s).toObject().value(u"rasid"_s).toObject()
                              .value(u"incident_id"_s).toInteger(-1);
        check(expected.contains(id));
        checkVeris(document, expected.value(id));
    }
    db.rollback();
    return 0;
}

} // namespace FuzzExports

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return FuzzExports::oneInput(data, size);
}
