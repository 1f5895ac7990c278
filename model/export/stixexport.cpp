#include "export/stixexport.h"

#include "export/ctiids.h"
#include "export/ctimapping.h"
#include "store/workspace.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
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

QStringList splitList(const QString &value)
{
    QStringList parts;
    for (const QString &part : value.split(u';', Qt::SkipEmptyParts)) {
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty()) {
            parts.append(trimmed);
        }
    }
    return parts;
}

// An ISO 3166-1 alpha-2 code, or empty.
QString isoCountry(const QString &code)
{
    const QString trimmed = code.trimmed().toUpper();
    const auto ascii = [](QChar c) { return c >= u'A' && c <= u'Z'; };
    return trimmed.size() == 2 && ascii(trimmed.at(0)) && ascii(trimmed.at(1)) ? trimmed : QString();
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

QJsonObject common(const QString &type, const QString &id, const QString &created, const QString &modified)
{
    return {{u"type"_s, type},         {u"spec_version"_s, u"2.1"_s}, {u"id"_s, id},
            {u"created"_s, created},   {u"modified"_s, modified},     {u"created_by_ref"_s, producerId()}};
}

QJsonObject producer()
{
    QJsonObject object = common(u"identity"_s, producerId(), QString::fromLatin1(kDefinitionTime),
                                QString::fromLatin1(kDefinitionTime));
    object.remove(u"created_by_ref"_s);
    object.insert(u"name"_s, u"Rasid"_s);
    object.insert(u"identity_class"_s, u"system"_s);
    object.insert(u"description"_s, u"Rasid, the workbench that turns Arabic news articles into a cyber-incident "
                                    "dataset; the objects it exports come from the articles and their analysts."_s);
    return object;
}

QJsonObject extensionDefinition()
{
    QJsonObject object = common(u"extension-definition"_s, stixRasidExtensionId(), QString::fromLatin1(kDefinitionTime),
                                QString::fromLatin1(kDefinitionTime));
    object.insert(u"name"_s, u"Rasid incident coding"_s);
    object.insert(u"description"_s, u"The incident as Rasid codes it: its fields, their review and evidence."_s);
    object.insert(u"schema"_s,
                  u"A property extension of incident and report. On an incident: rasid_incident_id (integer), "
                  "article (the article's path), review_status (suggested, confirmed or rejected), analyst, "
                  "reviewed_at, and the coded fields of Rasid's export contract under their own names (victim, "
                  "victim_sector, victim_country, attack_type, actor, actor_type, actor_country, motive, "
                  "records_affected as an integer, records_qualifier, data_types as an array, incident_date, "
                  "disclosure, impact, evidence, victim_secondary as an array); field_origins maps each field to "
                  "suggested, confirmed or corrected; field_evidence lists, per field, the UTF-16 spans "
                  "[start, end) of the article's cleaned text that support it. On a report: article and outlet."_s);
    object.insert(u"version"_s, u"1.0.0"_s);
    object.insert(u"extension_types"_s, QJsonArray{u"property-extension"_s});
    return object;
}

// The Rasid extension of one incident: every field that has a value.
QJsonObject incidentExtension(const IncidentRow &row, const IncidentDetail &detail)
{
    QJsonObject ext{{u"extension_type"_s, u"property-extension"_s}, {u"rasid_incident_id"_s, row.incidentId}};
    const auto put = [&](const QString &name, const QString &value) {
        if (!value.trimmed().isEmpty()) {
            ext.insert(name, value.trimmed());
        }
    };
    for (const char *column : {"article", "review_status", "analyst", "reviewed_at", "victim", "victim_sector",
                               "victim_country", "attack_type", "actor", "actor_type", "actor_country", "motive",
                               "records_qualifier", "incident_date", "disclosure", "impact", "evidence"}) {
        put(QString::fromLatin1(column), row.cell(QString::fromLatin1(column)));
    }
    bool ok = false;
    const qlonglong records = row.cell(u"records_affected"_s).toLongLong(&ok);
    if (ok && records >= 0) {
        ext.insert(u"records_affected"_s, records);
    }
    for (const QString &name : {u"data_types"_s, u"victim_secondary"_s}) {
        const QStringList values = splitList(name == u"data_types" ? row.cell(name) : detail.fields.value(name).value);
        if (!values.isEmpty()) {
            ext.insert(name, QJsonArray::fromStringList(values));
        }
    }
    QJsonObject origins;
    QJsonArray evidence;
    QStringList names = detail.fields.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        const ExportedField &field = detail.fields.value(name);
        origins.insert(name, field.origin);
        for (const EvidenceSpan &span : field.evidence) {
            evidence.append(QJsonObject{{u"field"_s, name}, {u"start"_s, span.start}, {u"end"_s, span.end}});
        }
    }
    if (!origins.isEmpty()) {
        ext.insert(u"field_origins"_s, origins);
    }
    if (!evidence.isEmpty()) {
        ext.insert(u"field_evidence"_s, evidence);
    }
    return ext;
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
        write(producer());
        write(extensionDefinition());
    }

    void add(const IncidentRow &row, const IncidentDetail &detail);

    bool finish(QString *error)
    {
        finishArticle();
        m_writer.append("\n]}\n");
        return m_writer.finish(error);
    }

    bool ok() const { return m_writer.ok(); }

private:
    struct Article
    {
        qint64 id = -1;
        QString title, path, outlet, url, published, created, modified;
        QStringList refs;
        QSet<QString> refSet;
    };

    void write(const QJsonObject &object)
    {
        m_writer.append(m_first ? "\n" : ",\n");
        m_writer.append(QJsonDocument(object).toJson(QJsonDocument::Compact));
        m_first = false;
    }

    // Writes an object unless the bundle already has it, and lists it in the report.
    template<typename Make>
    void once(const QString &id, Make make)
    {
        if (!m_written.contains(id)) {
            m_written.insert(id);
            write(make());
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

    QString relate(const QString &type, const QString &source, const QString &target, const QString &created,
                   const QString &modified, int confidence)
    {
        const QString id = stixId(u"relationship", ctiUuid(m_workspace, u"relationship",
                                                            QString(type + u' ' + source + u' ' + target)));
        once(id, [&] {
            QJsonObject object = common(u"relationship"_s, id, created, modified);
            object.insert(u"relationship_type"_s, type);
            object.insert(u"source_ref"_s, source);
            object.insert(u"target_ref"_s, target);
            if (confidence >= 0) {
                object.insert(u"confidence"_s, confidence);
            }
            return object;
        });
        return id;
    }

    QString location(const QString &country, const QString &created)
    {
        const QString id = stixId(u"location", ctiUuid(m_workspace, u"location", country));
        once(id, [&] {
            QJsonObject object = common(u"location"_s, id, created, created);
            object.insert(u"name"_s, country);
            object.insert(u"country"_s, country);
            return object;
        });
        return id;
    }

    void finishArticle();

    const QString m_workspace;
    ChunkedWriter m_writer;
    bool m_first = true;
    QSet<QString> m_written; // ids of the shared objects already in the bundle
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
    }

    // When: created with the record, modified when last reviewed.
    QDateTime createdTime = ctiParseTime(detail.createdAt.isEmpty() ? row.createdAt : detail.createdAt);
    if (!createdTime.isValid()) {
        createdTime = ctiParseTime(cell("published"));
    }
    if (!createdTime.isValid()) {
        createdTime = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    }
    const QDateTime reviewed = ctiParseTime(cell("reviewed_at"));
    const QString created = stixTime(createdTime);
    const QString modified = stixTime(reviewed.isValid() && reviewed > createdTime ? reviewed : createdTime);
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
        QJsonObject incident = common(u"incident"_s, incidentId, created, modified);
        const QString subject = victim.isEmpty() ? (m_article.title.isEmpty() ? m_article.path : m_article.title)
                                                 : victim;
        incident.insert(u"name"_s, attackType.isEmpty() ? subject : attackType + u": "_s + subject);
        if (!evidence.isEmpty()) {
            incident.insert(u"description"_s, evidence);
        }
        if (confidence >= 0) {
            incident.insert(u"confidence"_s, confidence);
        }
        if (!attackType.isEmpty()) {
            incident.insert(u"labels"_s, QJsonArray{attackType});
        }
        if (!m_article.url.isEmpty()) {
            incident.insert(u"external_references"_s,
                            QJsonArray{QJsonObject{{u"source_name"_s, m_article.outlet.isEmpty() ? u"article"_s
                                                                                                  : m_article.outlet},
                                                   {u"url"_s, m_article.url}}});
        }
        incident.insert(u"extensions"_s, QJsonObject{{stixRasidExtensionId(), incidentExtension(row, detail)}});
        write(incident);
        refer(incidentId);
    }

    // The victim and its country.
    QString victimId;
    const QString victimCountry = isoCountry(cell("victim_country"));
    if (!victim.isEmpty()) {
        victimId = stixId(u"identity", ctiUuid(m_workspace, u"identity", victim));
        once(victimId, [&] {
            QJsonObject identity = common(u"identity"_s, victimId, created, created);
            identity.insert(u"name"_s, victim);
            identity.insert(u"identity_class"_s, u"organization"_s);
            if (const CtiSector *sector = ctiSector(cell("victim_sector")); sector && *sector->stixSector) {
                identity.insert(u"sectors"_s, QJsonArray{QString::fromLatin1(sector->stixSector)});
            }
            return identity;
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
        once(actorId, [&] {
            QJsonObject object = common(stixType, actorId, created, created);
            object.insert(u"name"_s, actor);
            if (stixType == u"threat-actor") {
                object.insert(u"threat_actor_types"_s, QJsonArray{QString::fromLatin1(type.stixVocab)});
            } else {
                object.insert(u"resource_level"_s, QString::fromLatin1(type.stixVocab));
            }
            return object;
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
        once(malwareId, [&] {
            QJsonObject object = common(u"malware"_s, malwareId, created, created);
            object.insert(u"name"_s, name);
            object.insert(u"is_family"_s, true);
            object.insert(u"malware_types"_s, QJsonArray{QString::fromLatin1(family->malwareType)});
            return object;
        });
        relate(u"uses"_s, incidentId, malwareId, created, modified, confidence);
        if (!actorId.isEmpty()) {
            relate(u"uses"_s, actorId, malwareId, created, modified, confidence);
        }
    }
}

void BundleWriter::finishArticle()
{
    if (m_article.id < 0 || m_article.refs.isEmpty()) {
        return;
    }
    const QString id = stixId(u"report", ctiUuid(m_workspace, u"article", QString::number(m_article.id)));
    QJsonObject report = common(u"report"_s, id, m_article.created, m_article.modified);
    report.insert(u"name"_s, m_article.title.isEmpty() ? m_article.path : m_article.title);
    const QDateTime published = ctiParseTime(m_article.published);
    report.insert(u"published"_s, published.isValid() ? stixTime(published) : m_article.created);
    report.insert(u"report_types"_s, QJsonArray{u"threat-report"_s});
    report.insert(u"object_refs"_s, QJsonArray::fromStringList(m_article.refs));
    if (!m_article.url.isEmpty()) {
        report.insert(u"external_references"_s,
                      QJsonArray{QJsonObject{
                          {u"source_name"_s, m_article.outlet.isEmpty() ? u"article"_s : m_article.outlet},
                          {u"url"_s, m_article.url}}});
    }
    QJsonObject ext{{u"extension_type"_s, u"property-extension"_s}, {u"article"_s, m_article.path}};
    if (!m_article.outlet.isEmpty()) {
        ext.insert(u"outlet"_s, m_article.outlet);
    }
    report.insert(u"extensions"_s, QJsonObject{{stixRasidExtensionId(), ext}});
    write(report);
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
        error);
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
