#include "export/verisexport.h"

#include "export/verismapping.h"
#include "store/workspace.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

namespace {

// The namespace of Rasid's VERIS ids (a fixed random UUID: never change it, or
// every exported id changes).
const QUuid &idNamespace()
{
    static const QUuid uuid(u"8f6b1c0e-4a1d-4c3e-9a57-2d5e7b1f0c93"_s);
    return uuid;
}

// An ISO 3166-1 alpha-2 code as VERIS lists it, or empty.
QString isoCountry(const QString &code)
{
    const QString trimmed = code.trimmed().toUpper();
    if (trimmed.size() == 2 && trimmed.at(0).isLetter() && trimmed.at(1).isLetter() && trimmed.at(0).unicode() < 128
        && trimmed.at(1).unicode() < 128) {
        return trimmed;
    }
    return {};
}

QStringList splitList(const QString &value)
{
    QStringList parts;
    for (const QString &part : value.split(u';', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty()) {
            parts.append(trimmed);
        }
    }
    return parts;
}

/*
 * Dotted paths over a QJsonObject, with the two array forms of verismapping.h:
 * "name[]" (an array of values) and "name[].key" (an array of {key: value}).
 */
struct PathStep
{
    QString name;
    bool array = false;
};

QVector<PathStep> parsePath(const QString &path)
{
    QVector<PathStep> steps;
    for (const QString &segment : path.split(u'.')) {
        if (segment.endsWith(u"[]")) {
            steps.append({segment.chopped(2), true});
        } else {
            steps.append({segment, false});
        }
    }
    return steps;
}

// The steps up to the value that decides presence: "a.b[].c" is present when a.b exists.
qsizetype targetLength(const QVector<PathStep> &steps)
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (steps.at(i).array) {
            return i + 1;
        }
    }
    return steps.size();
}

bool hasPath(const QJsonObject &root, const QVector<PathStep> &steps, qsizetype length)
{
    QJsonObject object = root;
    for (qsizetype i = 0; i < length; ++i) {
        const auto it = object.constFind(steps.at(i).name);
        if (it == object.constEnd()) {
            return false;
        }
        if (i + 1 < length) {
            object = it->toObject();
        }
    }
    return true;
}

void setPath(QJsonObject &object, const QVector<PathStep> &steps, qsizetype i, const QJsonValue &value)
{
    const PathStep &step = steps.at(i);
    if (step.array) {
        QJsonArray array = object.value(step.name).toArray();
        // "name[].key" appends {key: value}; "name[]" appends the value itself.
        const QJsonValue element =
            i + 1 < steps.size() ? QJsonValue(QJsonObject{{steps.at(i + 1).name, value}}) : value;
        if (!array.contains(element)) {
            array.append(element);
        }
        object.insert(step.name, array);
    } else if (i + 1 == steps.size()) {
        // An object value only makes sure the object exists; it never replaces one.
        if (!(value.isObject() && object.contains(step.name))) {
            object.insert(step.name, value);
        }
    } else {
        QJsonObject child = object.value(step.name).toObject();
        setPath(child, steps, i + 1, value);
        object.insert(step.name, child);
    }
}

void set(QJsonObject &root, const QString &path, const QJsonValue &value)
{
    setPath(root, parsePath(path), 0, value);
}

QJsonValue ruleValue(const char *veris)
{
    if (qstrcmp(veris, "true") == 0) {
        return true;
    }
    if (veris[0] == '{') {
        return QJsonDocument::fromJson(veris).object();
    }
    return QString::fromUtf8(veris);
}

/*
 * One set of a row of the table made ready to run: its field resolved to a CSV
 * column when it is one, its path parsed for both actor sides, its value
 * converted. Built once, so that a document costs no parsing.
 */
struct CompiledRule
{
    VerisWhen when;
    int column = -1;     // CSV column of the field, or -1
    QString field;       // the field, when it is not a CSV column; empty for every incident
    QString value;       // "" (empty field), "*" (any value) or a value
    QVector<PathStep> steps[2]; // the path for an external [0] and an internal [1] actor
    qsizetype target = 0;
    QJsonValue veris;
};

const QVector<CompiledRule> &compiledRules()
{
    static const QVector<CompiledRule> compiled = [] {
        QVector<CompiledRule> rules;
        for (const VerisRule &rule : verisRules()) {
            for (const VerisSet &set : rule.sets) {
                CompiledRule entry;
                entry.when = set.when;
                entry.field = QString::fromUtf8(rule.field);
                entry.column = int(csvColumns().indexOf(entry.field));
                entry.value = QString::fromUtf8(rule.value);
                const QString path = QString::fromUtf8(set.path);
                entry.steps[0] = parsePath(QString(path).replace(u"$actor"_s, u"external"_s));
                entry.steps[1] = parsePath(QString(path).replace(u"$actor"_s, u"internal"_s));
                entry.target = targetLength(entry.steps[0]);
                entry.veris = ruleValue(set.veris);
                rules.append(entry);
            }
        }
        return rules;
    }();
    return compiled;
}

// Whether a rule selects the incident (see VerisRule for the forms of value).
bool matches(const CompiledRule &rule, const IncidentRow &row, const IncidentDetail &detail)
{
    if (rule.column < 0 && rule.field.isEmpty()) {
        return true;
    }
    QString stored;
    if (rule.column >= 0) {
        stored = row.cells.value(rule.column);
    } else if (const auto it = detail.fields.constFind(rule.field); it != detail.fields.constEnd()) {
        stored = it->value;
    }
    if (rule.value.isEmpty()) {
        return stored.trimmed().isEmpty();
    }
    if (rule.value == u"*") {
        return !stored.trimmed().isEmpty();
    }
    return stored == rule.value || (stored.contains(u';') && splitList(stored).contains(rule.value));
}

// Runs the passes of verismapping.h over the table.
void applyRules(QJsonObject &document, const IncidentRow &row, const IncidentDetail &detail, bool insider)
{
    const auto run = [&](VerisWhen when) {
        const bool fallbackPass = when == VerisWhen::Fallback;
        for (const CompiledRule &rule : compiledRules()) {
            const bool inPass = fallbackPass
                ? (rule.when == VerisWhen::Fallback || rule.when == VerisWhen::FallbackIfParent)
                : rule.when == when;
            if (!inPass || !matches(rule, row, detail)) {
                continue;
            }
            const QVector<PathStep> &steps = rule.steps[insider ? 1 : 0];
            const bool needsParent = rule.when == VerisWhen::IfParent || rule.when == VerisWhen::FallbackIfParent;
            if (needsParent && !hasPath(document, steps, rule.target - 1)) {
                continue;
            }
            if (fallbackPass && hasPath(document, steps, rule.target)) {
                continue;
            }
            setPath(document, steps, 0, rule.veris);
        }
    };
    run(VerisWhen::Always);
    run(VerisWhen::IfParent);
    run(VerisWhen::Fallback);
}

// year, month, day of an ISO 8601 date that may be partial (YYYY, YYYY-MM,
// YYYY-MM-DD, or a full timestamp); month and day are 0 when absent.
bool partialDate(const QString &iso, int *year, int *month, int *day)
{
    *year = *month = *day = 0;
    const QStringList parts = iso.trimmed().section(u'T', 0, 0).split(u'-');
    bool ok = false;
    const int y = parts.first().toInt(&ok);
    if (parts.size() > 3 || parts.first().size() != 4 || !ok || y < 1900) {
        return false;
    }
    *year = y;
    const int m = parts.value(1).toInt(&ok);
    if (!ok || m < 1 || m > 12) {
        return true;
    }
    *month = m;
    const int d = parts.value(2).toInt(&ok);
    if (ok && d >= 1 && d <= 31) {
        *day = d;
    }
    return true;
}

} // namespace

QString verisIncidentId(const QString &workspacePath, qint64 incidentId)
{
    // Resolving the path touches the file system: do it once per workspace, not per incident.
    thread_local QString lastPath;
    thread_local QString path;
    if (workspacePath != lastPath || path.isEmpty()) {
        const QFileInfo info(workspacePath);
        const QString canonical = info.canonicalFilePath();
        path = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
        lastPath = workspacePath;
    }
    return QUuid::createUuidV5(idNamespace(), path + u'#' + QString::number(incidentId))
        .toString(QUuid::WithoutBraces)
        .toUpper();
}

QJsonObject verisDocument(const IncidentRow &row, const IncidentDetail &detail, const QString &workspacePath)
{
    const auto cell = [&](const char *column) { return row.cell(QString::fromUtf8(column)).trimmed(); };
    QJsonObject document;
    QStringList notes; // plus.analyst_notes, one sentence each

    const QString id = verisIncidentId(workspacePath, row.incidentId);
    document.insert(u"incident_id"_s, id);
    document.insert(u"schema_version"_s, QString::fromUtf8(VerisSchemaVersion));
    document.insert(u"schema_name"_s, u"verisc"_s);
    document.insert(u"confidence"_s, verisConfidence(cell("confidence").toDouble()));
    QString summary = cell("evidence");
    if (summary.isEmpty()) {
        summary = cell("title");
    }
    if (summary.isEmpty()) {
        summary = u"Incident reported in %1."_s.arg(cell("article"));
    }
    document.insert(u"summary"_s, summary);
    if (!cell("source_url").isEmpty()) {
        document.insert(u"reference"_s, cell("source_url"));
    }

    // When: the incident date, else the article's year (said in the notes).
    int year = 0;
    int month = 0;
    int day = 0;
    if (partialDate(cell("incident_date"), &year, &month, &day)) {
        set(document, u"timeline.incident.year"_s, year);
        if (month) {
            set(document, u"timeline.incident.month"_s, month);
        }
        if (day) {
            set(document, u"timeline.incident.day"_s, day);
        }
    } else if (partialDate(cell("published"), &year, &month, &day)) {
        set(document, u"timeline.incident.year"_s, year);
        notes.append(u"The article does not date the incident; timeline.incident.year is the year the article "
                     "was published (%1)."_s.arg(year));
    } else {
        const QDateTime created = QDateTime::fromString(detail.createdAt, Qt::ISODate);
        year = (created.isValid() ? created : QDateTime::currentDateTimeUtc()).date().year();
        set(document, u"timeline.incident.year"_s, year);
        notes.append(u"Neither the incident nor the article is dated; timeline.incident.year is the year the "
                     "record was created (%1)."_s.arg(year));
    }

    // Who: names and countries are copied as written.
    if (!cell("victim").isEmpty()) {
        set(document, u"victim.victim_id"_s, cell("victim"));
    }
    if (const QString country = isoCountry(cell("victim_country")); !country.isEmpty()) {
        set(document, u"victim.country[]"_s, country);
    }
    const QStringList secondary = splitList(detail.fields.value(u"victim_secondary"_s).value);
    if (!secondary.isEmpty()) {
        set(document, u"victim.secondary.victim_id"_s, QJsonArray::fromStringList(secondary));
        set(document, u"victim.secondary.amount"_s, int(secondary.size()));
    }
    const bool insider = cell("actor_type") == u"insider";
    if (!cell("actor").isEmpty()) {
        // VERIS names external actors only; an insider's name goes to the notes.
        set(document, insider ? u"actor.internal.notes"_s : u"actor.external.name[]"_s, cell("actor"));
    }
    if (const QString country = isoCountry(cell("actor_country")); !country.isEmpty() && !insider) {
        set(document, u"actor.external.country[]"_s, country);
    }

    applyRules(document, row, detail, insider);

    // How many: the count belongs to the confidentiality attribute when there is one.
    bool countOk = false;
    const qlonglong records = cell("records_affected").toLongLong(&countOk);
    const QString disclosure = cell("disclosure");
    if (countOk && document.value(u"attribute"_s).toObject().contains(u"confidentiality"_s)) {
        set(document, u"attribute.confidentiality.data_total"_s, records);
        const QString qualifier = cell("records_qualifier");
        if (!qualifier.isEmpty() && qualifier != u"exact") {
            notes.append(u"The record count is not exact (%1 %2)."_s.arg(qualifier).arg(records));
        }
        if (disclosure == u"claimed") {
            notes.append(u"The record count (%1) is the attacker's claim; the victim has not confirmed it."_s.arg(
                records));
        }
    }
    if (disclosure == u"claimed" && !countOk) {
        notes.append(u"Only the attacker or the press reports this incident; the victim has not confirmed it."_s);
    }

    // plus: the review trail and Rasid's own provenance.
    const QString analyst = cell("analyst");
    set(document, u"plus.analyst"_s, analyst.isEmpty() ? u"rasid"_s : analyst);
    const QString created = detail.createdAt.isEmpty() ? cell("reviewed_at") : detail.createdAt;
    if (!created.isEmpty()) {
        set(document, u"plus.created"_s, created);
    }
    const QString modified = cell("reviewed_at").isEmpty() ? created : cell("reviewed_at");
    if (!modified.isEmpty()) {
        set(document, u"plus.modified"_s, modified);
    }
    set(document, u"plus.master_id"_s, id);
    if (!notes.isEmpty()) {
        set(document, u"plus.analyst_notes"_s, notes.join(u' '));
    }
    QJsonObject origins;
    for (const auto &[name, origin] : fieldOrigins(detail.fields)) {
        origins.insert(name, origin);
    }
    QJsonObject rasid{
        {u"incident_id"_s, row.incidentId},
        {u"article"_s, cell("article")},
        {u"review_status"_s, cell("review_status")},
        {u"field_origins"_s, origins},
    };
    // The analyst's notes, as the JSON lines export has them (plus takes any property).
    QJsonObject analystNotes;
    if (!row.articleNote.isEmpty()) {
        analystNotes.insert(u"article"_s, row.articleNote);
    }
    if (!row.incidentNote.isEmpty()) {
        analystNotes.insert(u"incident"_s, row.incidentNote);
    }
    if (!analystNotes.isEmpty()) {
        rasid.insert(u"notes"_s, analystNotes);
    }
    set(document, u"plus.rasid"_s, rasid);
    return document;
}

bool exportVeris(const Workspace &workspace, const QString &outPath, bool singleFile, const ExportOptions &options,
                 QString *error, int *rows)
{
    const auto fail = [&](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    QSaveFile single(outPath);
    StagedFolder folder;
    if (singleFile) {
        if (!single.open(QIODevice::WriteOnly)) {
            return fail(QObject::tr("Cannot write %1: %2").arg(outPath, single.errorString()));
        }
        single.write("[\n");
    } else if (QString message; !folder.open(outPath, &message)) {
        return fail(message);
    }

    int written = 0;
    QString writeError;
    const bool ok = forEachIncidentDetail(
        workspace, options.status, false,
        [&](const IncidentRow &row, const IncidentDetail &detail) {
            const QJsonObject document = verisDocument(row, detail, workspace.path());
            QByteArray json = QJsonDocument(document).toJson(QJsonDocument::Indented);
            if (singleFile) {
                json.chop(1); // the trailing newline, so that the separator follows the brace
                if (written) {
                    single.write(",\n");
                }
                if (single.write(json) != json.size()) {
                    writeError = single.errorString();
                    return false;
                }
            } else {
                if (!folder.write(document.value(u"incident_id"_s).toString() + u".json"_s, json, &writeError)) {
                    return false;
                }
            }
            ++written;
            return true;
        },
        error, options.progress);
    if (!ok) {
        return false;
    }
    if (!writeError.isEmpty()) {
        return fail(writeError);
    }
    if (singleFile) {
        single.write(written ? "\n]\n" : "]\n");
        if (!single.commit()) {
            return fail(QObject::tr("Cannot write %1: %2").arg(outPath, single.errorString()));
        }
    } else if (!folder.commit(&writeError)) {
        return fail(writeError);
    }
    if (rows) {
        *rows = written;
    }
    return true;
}

} // namespace Export
} // namespace Rasid
