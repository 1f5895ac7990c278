#include "export/stixexport.h"

#include "export/ctiids.h"
#include "export/ctimapping.h"
#include "export/jsonwriter.h"
#include "store/workspace.h"

#include <QIODevice>
#include <QSet>
#include <QUuid>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

namespace {

// The time of the objects that do not come from the workspace (the producer and
// the extension definition): fixed, so that they never change between exports.
constexpr const char *kDefinitionTime = "2026-01-01T00:00:00.000Z";

const QString &producerId()
{
    static const QString id = stixId(u"identity", ctiUuid(u"", u"producer", u"Rasid"));
    return id;
}

QString stixTime(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s);
}

// The source URL as RFC 3986 (Arabic paths percent-encoded), or empty.
QString encodedUrl(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::TolerantMode);
    if (!parsed.isValid() || parsed.scheme().isEmpty() || parsed.host().isEmpty()) {
        return {};
    }
    return QString::fromLatin1(parsed.toEncoded(QUrl::FullyEncoded));
}

// Starts an object with the common properties of STIX 2.1 (created_by_ref
// unless the object is the producer itself).
void common(JsonObjectWriter &object, QStringView type, QStringView id, QStringView created, QStringView modified,
            bool byProducer = true)
{
    object.string(u"type", type).string(u"spec_version", u"2.1").string(u"id", id);
    object.string(u"created", created).string(u"modified", modified);
    if (byProducer) {
        object.string(u"created_by_ref", producerId());
    }
}

void producer(QString &out)
{
    JsonObjectWriter object(out);
    const QString time = QString::fromLatin1(kDefinitionTime);
    common(object, u"identity", producerId(), time, time, false);
    object.string(u"name", u"Rasid").string(u"identity_class", u"system");
    object.string(u"description", u"Rasid, the workbench that turns Arabic news articles into a cyber-incident "
                                  u"dataset; the objects it exports come from the articles and their analysts.");
    object.close();
}

void extensionDefinition(QString &out)
{
    JsonObjectWriter object(out);
    const QString time = QString::fromLatin1(kDefinitionTime);
    common(object, u"extension-definition", stixRasidExtensionId(), time, time);
    object.string(u"name", u"Rasid incident coding");
    object.string(u"description", u"The incident as Rasid codes it: its fields, their review and evidence.");
    object.string(u"schema",
                  u"A property extension of incident and report. On an incident: rasid_incident_id (integer), "
                  u"article (the article's path), review_status (suggested, confirmed or rejected), analyst, "
                  u"reviewed_at, and the coded fields of Rasid's export contract under their own names (victim, "
                  u"victim_sector, victim_country, attack_type, actor, actor_type, actor_country, motive, "
                  u"records_affected as an integer, records_qualifier, data_types as an array, incident_date, "
                  u"disclosure, impact, evidence, victim_secondary as an array); field_origins maps each field to "
                  u"suggested, confirmed or corrected; note is the analyst's note on the incident; "
                  u"field_evidence lists, per field, the UTF-16 spans [start, end) of the article's cleaned text "
                  u"that support it. On a report: article, outlet and note (the analyst's note on the article).");
    object.string(u"version", u"1.1.0"); // 1.1.0: the notes
    object.strings(u"extension_types", {u"property-extension"_s});
    object.close();
}

// The columns the extension copies as they are, when they have a value.
const QStringList &extensionColumns()
{
    static const QStringList columns = {
        u"article"_s,      u"review_status"_s,     u"analyst"_s,       u"reviewed_at"_s,   u"victim"_s,
        u"victim_sector"_s, u"victim_country"_s,   u"attack_type"_s,   u"actor"_s,         u"actor_type"_s,
        u"actor_country"_s, u"motive"_s,           u"records_qualifier"_s, u"incident_date"_s, u"disclosure"_s,
        u"impact"_s,       u"evidence"_s};
    return columns;
}

// The Rasid extension of one incident: every field that has a value.
void incidentExtension(JsonObjectWriter &incident, const IncidentRow &row, const IncidentDetail &detail)
{
    QString &out = incident.key(u"extensions").out();
    JsonObjectWriter extensions(out);
    extensions.key(stixRasidExtensionId());
    JsonObjectWriter ext(out);
    ext.string(u"extension_type", u"property-extension").number(u"rasid_incident_id", row.incidentId);
    for (const QString &column : extensionColumns()) {
        ext.optional(column, QStringView(row.cell(column)).trimmed());
    }
    bool ok = false;
    const qlonglong records = row.cell(u"records_affected"_s).toLongLong(&ok);
    if (ok && records >= 0) {
        ext.number(u"records_affected", records);
    }
    if (const QStringList types = splitList(row.cell(u"data_types"_s)); !types.isEmpty()) {
        ext.strings(u"data_types", types);
    }
    if (const QStringList third = splitList(detail.fields.value(u"victim_secondary"_s).value); !third.isEmpty()) {
        ext.strings(u"victim_secondary", third);
    }
    if (const auto origins = fieldOrigins(detail.fields); !origins.isEmpty()) {
        ext.key(u"field_origins");
        JsonObjectWriter object(out);
        for (const auto &[name, origin] : origins) {
            object.string(name, origin);
        }
        object.close();
    }
    ext.optional(u"note", row.incidentNote);
    QStringList names = detail.fields.keys();
    names.sort();
    bool anySpan = false;
    for (const QString &name : std::as_const(names)) {
        for (const EvidenceSpan &span : detail.fields.value(name).evidence) {
            out += anySpan ? u"," : u",\"field_evidence\":[";
            anySpan = true;
            JsonObjectWriter item(out);
            item.string(u"field", name).number(u"start", span.start).number(u"end", span.end);
            item.close();
        }
    }
    if (anySpan) {
        out += u']';
    }
    ext.close();
    extensions.close();
}

void externalReference(JsonObjectWriter &object, const QString &outlet, const QString &url)
{
    if (url.isEmpty()) {
        return;
    }
    QString &out = object.key(u"external_references").out();
    out += u'[';
    JsonObjectWriter reference(out);
    reference.string(u"source_name", outlet.isEmpty() ? u"article"_s : outlet).string(u"url", url);
    reference.close();
    out += u']';
}

/*
 * Writes the bundle as the incidents stream: the objects of each incident as it
 * comes, the report of an article when its last incident has been written.
 */
class BundleWriter
{
public:
    BundleWriter(const Workspace &workspace, QIODevice &out)
        : m_workspace(ctiWorkspaceKey(workspace.path())), m_writer(out)
    {
    }

    void begin()
    {
        const QString bundle = stixId(u"bundle", ctiUuid(m_workspace, u"bundle", u""));
        m_writer.append(R"({"type":"bundle","id":")" + bundle.toUtf8() + R"(","objects":[)");
        producer(next());
        extensionDefinition(next());
        flush();
    }

    void add(const IncidentRow &row, const IncidentDetail &detail);

    bool finish(QString *error)
    {
        finishArticle();
        flush();
        m_writer.append("\n]}\n");
        return m_writer.finish(error);
    }

    bool ok() const { return m_writer.ok(); }

private:
    struct Article
    {
        qint64 id = -1;
        QString title, path, outlet, url, published, created, modified, note;
        QStringList refs;
        QSet<QString> refSet;
    };

    // The text to write the next object into, after its separator.
    QString &next()
    {
        m_text += m_first ? u"\n" : u",\n";
        m_first = false;
        return m_text;
    }

    void flush()
    {
        m_writer.append(m_text.toUtf8());
        m_text.resize(0); // keeps its capacity for the next incident
    }

    // Writes an object unless the bundle already has it, and lists it in the report.
    template<typename Write>
    void once(const QString &id, Write write)
    {
        // Remembered by UUID: 16 bytes per victim, actor, country, malware or
        // relationship between them, nothing per incident.
        const QUuid uuid = QUuid::fromString(QStringView(id).sliced(id.indexOf(u"--") + 2));
        if (!m_written.contains(uuid)) {
            m_written.insert(uuid);
            JsonObjectWriter object(next());
            write(object);
            object.close();
        }
        refer(id);
    }

    void refer(const QString &id)
    {
        if (!m_article.refSet.contains(id)) {
            m_article.refSet.insert(id);
            m_article.refs.append(id);
        }
    }

    void relate(const QString &type, const QString &source, const QString &target, const QString &created,
                const QString &modified, int confidence)
    {
        const QString id = stixId(u"relationship", ctiUuid(m_workspace, u"relationship",
                                                            QString(type + u' ' + source + u' ' + target)));
        // A relationship from an incident is the incident's alone: written, never remembered.
        const auto write = [&](JsonObjectWriter &object) {
            common(object, u"relationship", id, created, modified);
            object.string(u"relationship_type", type).string(u"source_ref", source).string(u"target_ref", target);
            if (confidence >= 0) {
                object.number(u"confidence", confidence);
            }
        };
        if (source.startsWith(u"incident--")) {
            JsonObjectWriter object(next());
            write(object);
            object.close();
            refer(id);
        } else {
            once(id, write);
        }
    }

    QString location(const QString &country, const QString &created)
    {
        const QString id = stixId(u"location", ctiUuid(m_workspace, u"location", country));
        once(id, [&](JsonObjectWriter &object) {
            common(object, u"location", id, created, created);
            object.string(u"name", country).string(u"country", country);
        });
        return id;
    }

    void finishArticle();

    const QString m_workspace;
    ChunkedWriter m_writer;
    QString m_text; // the objects of the incident being written
    bool m_first = true;
    QSet<QUuid> m_written; // the shared objects already in the bundle
    struct Times
    {
        QString stored, reviewed, published; // as stored
        QString created, modified;           // as STIX writes them
    } m_times;
    Article m_article;
};

void BundleWriter::add(const IncidentRow &row, const IncidentDetail &detail)
{
    const auto cell = [&](const char *column) { return row.cell(QString::fromLatin1(column)).trimmed(); };
    if (row.articleId != m_article.id) {
        finishArticle();
        m_article = Article();
        m_article.id = row.articleId;
        m_article.title = cell("title");
        m_article.path = cell("article");
        m_article.outlet = cell("outlet");
        m_article.url = encodedUrl(cell("source_url"));
        m_article.published = cell("published");
        m_article.note = row.articleNote;
    }

    // When: created with the record, modified when last reviewed. Incidents
    // stored together share their times: the last conversion is kept.
    const QString stored = detail.createdAt.isEmpty() ? row.createdAt : detail.createdAt;
    const QString reviewedAt = cell("reviewed_at");
    const QString published = cell("published");
    if (stored != m_times.stored || reviewedAt != m_times.reviewed
        || (stored.isEmpty() && published != m_times.published)) {
        QDateTime createdTime = ctiParseTime(stored);
        if (!createdTime.isValid()) {
            createdTime = ctiParseTime(published);
        }
        if (!createdTime.isValid()) {
            createdTime = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        }
        const QDateTime reviewed = ctiParseTime(reviewedAt);
        m_times = {stored, reviewedAt, published, stixTime(createdTime),
                   stixTime(reviewed.isValid() && reviewed > createdTime ? reviewed : createdTime)};
    }
    const QString created = m_times.created;
    const QString modified = m_times.modified;
    if (m_article.created.isEmpty() || created < m_article.created) {
        m_article.created = created;
    }
    if (modified > m_article.modified) {
        m_article.modified = modified;
    }

    bool confidenceOk = false;
    const double confidenceValue = cell("confidence").toDouble(&confidenceOk);
    const int confidence =
        confidenceOk && std::isfinite(confidenceValue) ? qBound(0, int(std::lround(confidenceValue * 100)), 100) : -1;

    // The incident.
    const QString incidentId = stixId(u"incident", ctiUuid(m_workspace, u"incident", QString::number(row.incidentId)));
    const QString victim = cell("victim");
    const QString attackType = cell("attack_type");
    const QString evidence = cell("evidence");
    {
        JsonObjectWriter incident(next());
        common(incident, u"incident", incidentId, created, modified);
        const QString subject = victim.isEmpty() ? (m_article.title.isEmpty() ? m_article.path : m_article.title)
                                                 : victim;
        incident.string(u"name", attackType.isEmpty() ? subject : attackType + u": "_s + subject);
        incident.optional(u"description", evidence);
        if (confidence >= 0) {
            incident.number(u"confidence", confidence);
        }
        if (!attackType.isEmpty()) {
            incident.strings(u"labels", {attackType});
        }
        externalReference(incident, m_article.outlet, m_article.url);
        incidentExtension(incident, row, detail);
        incident.close();
        refer(incidentId);
    }

    // The victim and its country.
    QString victimId;
    const QString victimCountry = isoCountry(cell("victim_country"));
    if (!victim.isEmpty()) {
        victimId = stixId(u"identity", ctiUuid(m_workspace, u"identity", victim));
        once(victimId, [&](JsonObjectWriter &identity) {
            common(identity, u"identity", victimId, created, created);
            identity.string(u"name", victim).string(u"identity_class", u"organization");
            if (const CtiSector *sector = ctiSector(cell("victim_sector")); sector && *sector->stixSector) {
                identity.strings(u"sectors", {QString::fromLatin1(sector->stixSector)});
            }
        });
        relate(u"targets"_s, incidentId, victimId, created, modified, confidence);
        if (!victimCountry.isEmpty()) {
            relate(u"located-at"_s, victimId, location(victimCountry, created), created, modified, -1);
        }
    } else if (!victimCountry.isEmpty()) {
        relate(u"targets"_s, incidentId, location(victimCountry, created), created, modified, confidence);
    }

    // The actor and its country.
    QString actorId;
    const QString actor = cell("actor");
    if (!actor.isEmpty()) {
        const CtiActorType &type = ctiActorType(cell("actor_type"));
        const QString stixType = QString::fromLatin1(type.stixType);
        actorId = stixId(stixType, ctiUuid(m_workspace, stixType, actor));
        once(actorId, [&](JsonObjectWriter &object) {
            common(object, stixType, actorId, created, created);
            object.string(u"name", actor);
            if (stixType == u"threat-actor") {
                object.strings(u"threat_actor_types", {QString::fromLatin1(type.stixVocab)});
            } else {
                object.string(u"resource_level", QString::fromLatin1(type.stixVocab));
            }
        });
        relate(u"attributed-to"_s, incidentId, actorId, created, modified, confidence);
        if (!victimId.isEmpty()) {
            relate(u"targets"_s, actorId, victimId, created, modified, confidence);
        }
        if (const QString country = isoCountry(cell("actor_country")); !country.isEmpty()) {
            relate(stixType == u"threat-actor" ? u"located-at"_s : u"originates-from"_s, actorId,
                   location(country, created), created, modified, -1);
        }
    }

    // Malware families the evidence names.
    for (const CtiMalwareFamily *family : malwareNamedIn(evidence)) {
        const QString name = QString::fromUtf8(family->name);
        const QString malwareId = stixId(u"malware", ctiUuid(m_workspace, u"malware", name));
        once(malwareId, [&](JsonObjectWriter &object) {
            common(object, u"malware", malwareId, created, created);
            object.string(u"name", name).boolean(u"is_family", true);
            object.strings(u"malware_types", {QString::fromLatin1(family->malwareType)});
        });
        relate(u"uses"_s, incidentId, malwareId, created, modified, confidence);
        if (!actorId.isEmpty()) {
            relate(u"uses"_s, actorId, malwareId, created, modified, confidence);
        }
    }
    flush();
}

void BundleWriter::finishArticle()
{
    if (m_article.id < 0 || m_article.refs.isEmpty()) {
        return;
    }
    const QString id = stixId(u"report", ctiUuid(m_workspace, u"article", QString::number(m_article.id)));
    JsonObjectWriter report(next());
    common(report, u"report", id, m_article.created, m_article.modified);
    report.string(u"name", m_article.title.isEmpty() ? m_article.path : m_article.title);
    const QDateTime published = ctiParseTime(m_article.published);
    report.string(u"published", published.isValid() ? stixTime(published) : m_article.created);
    report.strings(u"report_types", {u"threat-report"_s});
    report.strings(u"object_refs", m_article.refs);
    externalReference(report, m_article.outlet, m_article.url);
    QString &out = report.key(u"extensions").out();
    JsonObjectWriter extensions(out);
    extensions.key(stixRasidExtensionId());
    JsonObjectWriter ext(out);
    ext.string(u"extension_type", u"property-extension").string(u"article", m_article.path);
    ext.optional(u"outlet", m_article.outlet);
    ext.optional(u"note", m_article.note);
    ext.close();
    extensions.close();
    report.close();
    m_article.refs.clear();
}

} // namespace

QString stixRasidExtensionId()
{
    static const QString id = stixId(u"extension-definition", ctiUuid(u"", u"extension-definition", u"rasid-incident"));
    return id;
}

bool exportStix(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error, int *rows)
{
    BundleWriter writer(workspace, out);
    writer.begin();
    int written = 0;
    const bool ok = forEachIncidentDetail(
        workspace, options.status, false,
        [&](const IncidentRow &row, const IncidentDetail &detail) {
            writer.add(row, detail);
            ++written;
            return writer.ok();
        },
        error, options.progress);
    if (!ok) {
        return false;
    }
    if (!writer.finish(error)) {
        return false;
    }
    if (rows) {
        *rows = written;
    }
    return true;
}

} // namespace Export
} // namespace Rasid
