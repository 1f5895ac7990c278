#include "export/mispexport.h"

#include "export/ctiids.h"
#include "export/ctimapping.h"
#include "export/verisexport.h"
#include "store/workspace.h"

#include <QObject>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

namespace {

// The UUID of MISP's own Threat Actor galaxy, so that a MISP instance files the
// clusters under the galaxy it already has.
constexpr const char *kThreatActorGalaxy = "698774c7-8022-42c4-917f-8d6e4f06ada3";

QString lowerUuid(const QUuid &uuid)
{
    return uuid.toString(QUuid::WithoutBraces);
}

const QJsonObject &rasidOrg()
{
    static const QJsonObject org{{u"id"_s, u"0"_s},
                                 {u"name"_s, u"Rasid"_s},
                                 {u"uuid"_s, lowerUuid(ctiUuid(u"", u"misp-org", u"Rasid"))}};
    return org;
}

// One line of at most 256 characters, as MISP wants an event's info.
QString oneLine(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > 256) {
        line = line.left(255) + u'…';
    }
    return line;
}

// The VERIS enumerations that the MISP veris taxonomy tags: the varieties,
// vectors and motives of the VERIS document of an incident.
void verisTags(const QJsonObject &veris, QStringList *tags)
{
    const auto add = [&](const QString &predicate, const QJsonValue &values) {
        for (const QJsonValue &value : values.toArray()) {
            const QString text = value.toString();
            if (!text.isEmpty() && text != u"Unknown" && text != u"NA") {
                tags->append(u"veris:%1=\"%2\""_s.arg(predicate, text));
            }
        }
    };
    const QJsonObject action = veris.value(u"action"_s).toObject();
    for (auto it = action.constBegin(); it != action.constEnd(); ++it) {
        add(u"action:%1:variety"_s.arg(it.key()), it->toObject().value(u"variety"_s));
        add(u"action:%1:vector"_s.arg(it.key()), it->toObject().value(u"vector"_s));
    }
    const QJsonObject actor = veris.value(u"actor"_s).toObject();
    for (auto it = actor.constBegin(); it != actor.constEnd(); ++it) {
        add(u"actor:%1:variety"_s.arg(it.key()), it->toObject().value(u"variety"_s));
        add(u"actor:%1:motive"_s.arg(it.key()), it->toObject().value(u"motive"_s));
    }
    const QJsonObject attribute = veris.value(u"attribute"_s).toObject();
    for (const QString &name : {u"integrity"_s, u"availability"_s}) {
        add(u"attribute:%1:variety"_s.arg(name), attribute.value(name).toObject().value(u"variety"_s));
    }
    const QString disclosure =
        attribute.value(u"confidentiality"_s).toObject().value(u"data_disclosure"_s).toString();
    if (!disclosure.isEmpty() && disclosure != u"Unknown") {
        tags->append(u"veris:attribute:confidentiality:data_disclosure=\"%1\""_s.arg(disclosure));
    }
}

QString tagColour(const QString &name)
{
    if (name.startsWith(u"misp-galaxy:")) {
        return u"#0088cc"_s;
    }
    if (name.startsWith(u"circl:")) {
        return u"#ffc000"_s;
    }
    return u"#5f3dc4"_s; // veris
}

// One attribute of an event, of the event's distribution.
QJsonObject mispAttribute(int id, const QString &uuid, const QString &eventId, const QString &category,
                          const QString &type, const QString &value, qint64 timestamp, const QString &comment)
{
    return QJsonObject{
        {u"id"_s, QString::number(id)},
        {u"uuid"_s, uuid},
        {u"event_id"_s, eventId},
        {u"category"_s, category},
        {u"type"_s, type},
        {u"value"_s, value},
        {u"to_ids"_s, false},
        {u"distribution"_s, u"5"_s}, // the event's
        {u"sharing_group_id"_s, u"0"_s},
        {u"timestamp"_s, QString::number(timestamp)},
        {u"comment"_s, comment},
        {u"deleted"_s, false},
        {u"disable_correlation"_s, false},
    };
}

/*
 * One event being gathered: the incidents of an article come one after the
 * other, and the event is written when the next article starts.
 */
struct EventBuilder
{
    QString workspace;
    qint64 articleId = -1;
    QString title, path, url, published, earliestDate, articleNote;
    qint64 timestamp = 0;
    int confirmed = 0, rejected = 0, suggested = 0;
    bool victimConfirmed = false;
    QJsonArray attributes;
    QStringList tags;
    QJsonArray clusters;
    QSet<QString> clusterNames;
    int nextAttribute = 1;

    QString eventId() const { return QString::number(articleId); }

    void attribute(qint64 incidentId, const QString &category, const QString &type, const QString &value,
                   const QString &comment)
    {
        if (value.trimmed().isEmpty()) {
            return;
        }
        const QString key = QString::number(incidentId) + u'/' + type + u'/' + value;
        attributes.append(mispAttribute(nextAttribute++, lowerUuid(ctiUuid(workspace, u"misp-attribute", key)),
                                        eventId(), category, type, value.trimmed(), timestamp, comment));
    }

    void add(const IncidentRow &row, const IncidentDetail &detail);
    QJsonObject event() const;
};

void EventBuilder::add(const IncidentRow &row, const IncidentDetail &detail)
{
    const auto cell = [&](const char *column) { return row.cell(QString::fromLatin1(column)).trimmed(); };
    if (title.isEmpty()) {
        title = cell("title");
        path = cell("article");
        published = cell("published");
        const QUrl parsed(cell("source_url"), QUrl::TolerantMode);
        url = parsed.isValid() && !parsed.host().isEmpty() ? QString::fromLatin1(parsed.toEncoded()) : QString();
    }
    const QString status = cell("review_status");
    (status == u"confirmed" ? confirmed : status == u"rejected" ? rejected : suggested)++;
    if (status == u"confirmed" && cell("disclosure") == u"confirmed") {
        victimConfirmed = true;
    }
    const QDateTime created = ctiParseTime(detail.createdAt);
    const QDateTime reviewed = ctiParseTime(cell("reviewed_at"));
    qint64 modified = created.isValid() ? created.toSecsSinceEpoch() : 0;
    if (reviewed.isValid()) {
        modified = qMax(modified, reviewed.toSecsSinceEpoch());
    }
    timestamp = qMax(timestamp, modified);
    const QString date = cell("incident_date");
    if (date.size() == 10 && ctiParseTime(date).isValid() && (earliestDate.isEmpty() || date < earliestDate)) {
        earliestDate = date;
    }

    const QString note = u"Rasid incident %1 (%2, confidence %3)"_s.arg(row.incidentId).arg(status,
                                                                                         cell("confidence"));
    // The incident's own record, so that every incident has an attribute even when nothing else is coded.
    const QString origins = fieldOriginsText(detail.fields);
    attribute(row.incidentId, u"Internal reference"_s, u"text"_s,
              u"Rasid incident %1 of %2"_s.arg(row.incidentId).arg(path),
              origins.isEmpty() ? note : note + u"; field origins: "_s + origins);
    attribute(row.incidentId, u"Internal reference"_s, u"comment"_s, row.incidentNote,
              note + u": the analyst's note"_s);
    articleNote = row.articleNote;
    attribute(row.incidentId, u"Targeting data"_s, u"target-org"_s, cell("victim"), note + u": victim"_s);
    attribute(row.incidentId, u"Targeting data"_s, u"target-location"_s, isoCountry(cell("victim_country")),
              note + u": victim's country"_s);
    for (const QString &third : splitList(detail.fields.value(u"victim_secondary"_s).value)) {
        attribute(row.incidentId, u"Targeting data"_s, u"target-org"_s, third, note + u": third party"_s);
    }
    const QString actor = cell("actor");
    attribute(row.incidentId, u"Attribution"_s, u"threat-actor"_s, actor,
              note + u": actor (%1)"_s.arg(cell("actor_type").isEmpty() ? u"unknown"_s : cell("actor_type")));
    bool countOk = false;
    const qlonglong records = cell("records_affected").toLongLong(&countOk);
    if (countOk && records >= 0) {
        const QString qualifier = cell("records_qualifier");
        attribute(row.incidentId, u"Other"_s, u"counter"_s, QString::number(records),
                  note + u": records affected"_s + (qualifier.isEmpty() ? QString() : u" ("_s + qualifier + u')'));
    }
    attribute(row.incidentId, u"Other"_s, u"text"_s, cell("evidence"), note + u": evidence"_s);

    // Tags: circl, veris, and the actor's galaxy cluster.
    if (const CtiAttackType *type = ctiAttackType(cell("attack_type")); type && *type->circl) {
        tags.append(u"circl:incident-classification=\"%1\""_s.arg(QString::fromLatin1(type->circl)));
    }
    if (const CtiSector *sector = ctiSector(cell("victim_sector")); sector && *sector->circlTopic) {
        tags.append(u"circl:topic=\"%1\""_s.arg(QString::fromLatin1(sector->circlTopic)));
    }
    verisTags(verisDocument(row, detail, workspace), &tags);
    if (!actor.isEmpty() && !clusterNames.contains(actor)) {
        clusterNames.insert(actor);
        const QString tagName = u"misp-galaxy:threat-actor=\"%1\""_s.arg(actor);
        QJsonObject cluster{{u"uuid"_s, lowerUuid(ctiUuid(u"", u"misp-threat-actor", actor))},
                            {u"type"_s, u"threat-actor"_s},
                            {u"value"_s, actor},
                            {u"tag_name"_s, tagName},
                            {u"description"_s, u"Named as the attacker in the article."_s},
                            {u"source"_s, u"Rasid"_s},
                            {u"authors"_s, QJsonArray{u"Rasid"_s}}};
        if (const QString country = isoCountry(cell("actor_country")); !country.isEmpty()) {
            cluster.insert(u"meta"_s, QJsonObject{{u"country"_s, QJsonArray{country}}});
        }
        clusters.append(cluster);
        tags.append(tagName);
    }
}

QJsonObject EventBuilder::event() const
{
    QJsonArray allAttributes = attributes;
    // The article's own attributes, after its incidents'.
    const auto articleAttribute = [&](const QString &what, const QString &type, const QString &value,
                                      const QString &comment) {
        const QString uuid = lowerUuid(ctiUuid(workspace, u"misp-attribute", QString(u"article/"_s + eventId() + what)));
        allAttributes.append(mispAttribute(nextAttribute + int(allAttributes.size() - attributes.size()), uuid,
                                           eventId(), type == u"link" ? u"External analysis"_s
                                                                      : u"Internal reference"_s,
                                           type, value, timestamp, comment));
    };
    if (!url.isEmpty()) {
        articleAttribute(u"/link"_s, u"link"_s, url, u"The article's source"_s);
    }
    if (!articleNote.trimmed().isEmpty()) {
        articleAttribute(u"/note"_s, u"comment"_s, articleNote.trimmed(), u"The analyst's note on the article"_s);
    }
    QJsonArray tagArray;
    QSet<QString> seen;
    for (const QString &name : tags) {
        if (!seen.contains(name)) {
            seen.insert(name);
            tagArray.append(QJsonObject{{u"id"_s, QString::number(seen.size())},
                                        {u"name"_s, name},
                                        {u"colour"_s, tagColour(name)},
                                        {u"exportable"_s, true}});
        }
    }
    QString date = earliestDate;
    if (date.isEmpty()) {
        const QDateTime day = ctiParseTime(published);
        date = (day.isValid() ? day : QDateTime::fromSecsSinceEpoch(timestamp, Qt::UTC)).date().toString(Qt::ISODate);
    }
    QJsonObject event{
        {u"id"_s, eventId()},
        {u"uuid"_s, lowerUuid(ctiUuid(workspace, u"misp-event", eventId()))},
        {u"info"_s, oneLine(title.isEmpty() ? u"Rasid: "_s + path : title)},
        {u"date"_s, date},
        {u"threat_level_id"_s, mispThreatLevel(confirmed, suggested, victimConfirmed)},
        {u"analysis"_s, mispAnalysis(confirmed, rejected, suggested)},
        {u"published"_s, false},
        {u"timestamp"_s, QString::number(timestamp)},
        {u"publish_timestamp"_s, u"0"_s},
        {u"distribution"_s, u"0"_s},
        {u"sharing_group_id"_s, u"0"_s},
        {u"org_id"_s, rasidOrg().value(u"id"_s)},
        {u"orgc_id"_s, rasidOrg().value(u"id"_s)},
        {u"Org"_s, rasidOrg()},
        {u"Orgc"_s, rasidOrg()},
        {u"attribute_count"_s, QString::number(allAttributes.size())},
        {u"Attribute"_s, allAttributes},
        {u"Tag"_s, tagArray},
    };
    if (!clusters.isEmpty()) {
        event.insert(u"Galaxy"_s, QJsonArray{QJsonObject{
                                      {u"uuid"_s, QString::fromLatin1(kThreatActorGalaxy)},
                                      {u"name"_s, u"Threat Actor"_s},
                                      {u"type"_s, u"threat-actor"_s},
                                      {u"namespace"_s, u"misp"_s},
                                      {u"description"_s, u"Threat actors are characteristics of malicious actors."_s},
                                      {u"version"_s, u"1"_s},
                                      {u"GalaxyCluster"_s, clusters},
                                  }});
    }
    return QJsonObject{{u"Event"_s, event}};
}

} // namespace

bool exportMisp(const Workspace &workspace, const QString &outPath, bool singleFile, const ExportOptions &options,
                QString *error, int *rows)
{
    const auto fail = [&](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    const auto cannotWrite = [](const QString &path, const QString &reason) {
        return QObject::tr("Cannot write %1: %2").arg(path, reason);
    };
    QSaveFile single(outPath);
    StagedFolder folder;
    if (singleFile) {
        if (!single.open(QIODevice::WriteOnly)) {
            return fail(cannotWrite(outPath, single.errorString()));
        }
        single.write("{\"response\": [");
    } else if (QString message; !folder.open(outPath, &message)) {
        return fail(message);
    }

    const QString workspaceKey = ctiWorkspaceKey(workspace.path());
    int events = 0;
    int incidents = 0;
    QString writeError;
    EventBuilder builder;
    const auto flush = [&]() {
        if (builder.articleId < 0) {
            return true;
        }
        const QJsonObject document = builder.event();
        if (singleFile) {
            const QByteArray json = QJsonDocument(document).toJson(QJsonDocument::Compact);
            single.write(events ? ",\n" : "\n");
            if (single.write(json) != json.size()) {
                writeError = cannotWrite(outPath, single.errorString());
                return false;
            }
        } else {
            const QByteArray json = QJsonDocument(document).toJson(QJsonDocument::Indented);
            const QString uuid = document.value(u"Event"_s).toObject().value(u"uuid"_s).toString();
            if (!folder.write(uuid + u".json"_s, json, &writeError)) {
                return false;
            }
        }
        ++events;
        return true;
    };
    const bool ok = forEachIncidentDetail(
        workspace, options.status, false,
        [&](const IncidentRow &row, const IncidentDetail &detail) {
            if (row.articleId != builder.articleId) {
                if (!flush()) {
                    return false;
                }
                builder = EventBuilder();
                builder.workspace = workspaceKey;
                builder.articleId = row.articleId;
            }
            builder.add(row, detail);
            ++incidents;
            return true;
        },
        error, options.progress);
    if (!ok) {
        return false;
    }
    if (!flush() || !writeError.isEmpty()) {
        return fail(writeError);
    }
    if (singleFile) {
        single.write("\n]}\n");
        if (!single.commit()) {
            return fail(cannotWrite(outPath, single.errorString()));
        }
    } else if (!folder.commit(&writeError)) {
        return fail(writeError);
    }
    if (rows) {
        *rows = incidents;
    }
    return true;
}

} // namespace Export
} // namespace Rasid
