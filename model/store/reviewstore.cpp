#include "store/reviewstore.h"

#include "extract/entity.h"
#include "store/ftstokenizer.h"
#include "store/workspace.h"
#include "text/textfold.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

Q_LOGGING_CATEGORY(lcReview, "rasid.review")

/*
 * Every edit takes the same path: inside one transaction, read the rows it
 * touches, compute the rows as they must become (a mutation of copies), write
 * the difference with one audit row per change, set the article's review
 * state, commit, and only then announce the change. Undo and redo take that
 * path too, with a snapshot as the rows to become, which is why a restore is
 * exact (ids and timestamps included) and audited like any other edit.
 */

namespace {

const QString Suggested = u"suggested"_s;
const QString Confirmed = u"confirmed"_s;
const QString Corrected = u"corrected"_s;
const QString Rejected = u"rejected"_s;

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

int fieldOrder(const QString &name)
{
    const qsizetype index = incidentFieldNames().indexOf(name);
    return index < 0 ? int(incidentFieldNames().size()) : int(index);
}

void sortFields(QVector<FieldRecord> &fields)
{
    std::stable_sort(fields.begin(), fields.end(), [](const FieldRecord &a, const FieldRecord &b) {
        const int oa = fieldOrder(a.name);
        const int ob = fieldOrder(b.name);
        return oa != ob ? oa < ob : a.name < b.name;
    });
}

IncidentRecord *findIncident(QVector<IncidentRecord> &incidents, qint64 id)
{
    for (IncidentRecord &incident : incidents) {
        if (incident.id == id) {
            return &incident;
        }
    }
    return nullptr;
}

const IncidentRecord *findIncident(const QVector<IncidentRecord> &incidents, qint64 id)
{
    for (const IncidentRecord &incident : incidents) {
        if (incident.id == id) {
            return &incident;
        }
    }
    return nullptr;
}

const EntityRecord *findEntity(const QVector<EntityRecord> &entities, qint64 id)
{
    for (const EntityRecord &entity : entities) {
        if (entity.id == id) {
            return &entity;
        }
    }
    return nullptr;
}

// A short description of an incident for the audit log of its deletion.
QString describe(const IncidentRecord &incident)
{
    QStringList parts{incident.reviewStatus};
    for (const FieldRecord &field : incident.fields) {
        if (!field.value.isEmpty() && field.name != u"evidence") {
            parts.append(field.name + u'=' + field.value);
        }
    }
    return parts.join(u"; ");
}

QString describe(const EntityRecord &entity)
{
    return entity.type + u':' + entity.text;
}

QVariant nullable(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// Leading clitics that may stand before a lexicon entry inside one written
// word (وميغا باس، بميغا باس، للشركة ...).
bool isClitic(QStringView prefix)
{
    static const QStringList clitics = {
        u"و"_s,  u"ف"_s,  u"ب"_s,   u"ك"_s,   u"ل"_s,   u"ال"_s,  u"لل"_s,  u"وال"_s, u"فال"_s, u"بال"_s, u"كال"_s,
        u"وبال"_s, u"وكال"_s, u"ولل"_s, u"فلل"_s, u"وب"_s, u"ول"_s, u"وك"_s, u"فب"_s, u"فل"_s, u"فك"_s,
    };
    return clitics.contains(prefix);
}

// Matches a folded pattern at pos; a space in the pattern matches any run of
// white space, so a name broken over two lines is still found.
bool matchAt(QStringView text, int pos, QStringView pattern, int *end)
{
    int i = pos;
    for (int j = 0; j < pattern.size(); ++j) {
        if (pattern[j] == u' ') {
            if (i >= text.size() || !text[i].isSpace()) {
                return false;
            }
            while (i < text.size() && text[i].isSpace()) {
                ++i;
            }
            continue;
        }
        if (i >= text.size() || text[i] != pattern[j]) {
            return false;
        }
        ++i;
    }
    *end = i;
    return true;
}

struct Span
{
    int start;
    int end;
};

/*
 * Every occurrence of a folded lexicon entry in an article text, as source
 * spans without the clitics. An occurrence must end at a word edge and start
 * at one or right after a clitic; an entry that starts with the article ال
 * is also found after ل where Arabic drops the alef (للشركة = ل + الشركة).
 */
QVector<Span> findOccurrences(const FoldedText &folded, const QString &pattern)
{
    QVector<Span> spans;
    const QStringView text(folded.text);
    auto scan = [&](QStringView needle, bool afterLam) {
        const QStringView firstWord = needle.left(needle.indexOf(u' ') < 0 ? needle.size() : needle.indexOf(u' '));
        for (qsizetype p = text.indexOf(firstWord); p >= 0; p = text.indexOf(firstWord, p + 1)) {
            int end = 0;
            if (!matchAt(text, int(p), needle, &end) || (end < text.size() && isWordChar(text[end]))) {
                continue;
            }
            qsizetype wordStart = p;
            while (wordStart > 0 && isWordChar(text[wordStart - 1])) {
                --wordStart;
            }
            const QStringView prefix = text.mid(wordStart, p - wordStart);
            const bool edgeOk = afterLam ? (prefix == u"ل" || prefix == u"ول" || prefix == u"فل")
                                         : (prefix.isEmpty() || isClitic(prefix));
            if (edgeOk) {
                spans.append({folded.sourceStart(int(p)), folded.sourceEnd(end)});
            }
        }
    };
    scan(pattern, false);
    if (pattern.startsWith(u"ال") && pattern.size() > 3) {
        scan(QStringView(pattern).mid(1), true);
    }
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    return spans;
}

// The FTS5 query that finds every article that may hold the entry, clitic
// forms included: the index holds clitic-stripped variants of words of three
// letters or more, so a shorter first word is left to the exact scan.
QString candidateMatch(const QString &surface)
{
    QStringList tokens = ftsQueryTokens(surface);
    if (!tokens.isEmpty()) {
        QString &first = tokens.first();
        if (first.startsWith(u"ال") && first.size() - 2 >= 3) {
            first = first.mid(2); // finds الشركة, للشركة and والشركة alike
        }
        if (first.size() < 3) {
            tokens.removeFirst();
        }
    }
    QStringList quoted;
    for (const QString &token : std::as_const(tokens)) {
        quoted.append(u'"' + QString(token).replace(u'"', u"\"\""_s) + u'"');
    }
    return quoted.join(u' ');
}

} // namespace

const FieldRecord *IncidentRecord::field(const QString &name) const
{
    for (const FieldRecord &f : fields) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

FieldRecord *IncidentRecord::field(const QString &name)
{
    // Non-const iteration detaches `fields`, so a copy of this record that
    // still shares them is never written through.
    for (FieldRecord &f : fields) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

QString IncidentRecord::value(const QString &name) const
{
    const FieldRecord *f = field(name);
    return f ? f->value : QString();
}

bool operator==(const IncidentRecord &a, const IncidentRecord &b)
{
    return a.id == b.id && a.articleId == b.articleId && a.ordinal == b.ordinal && a.reviewStatus == b.reviewStatus
        && a.confidence == b.confidence && a.analyst == b.analyst && a.analyst.isNull() == b.analyst.isNull()
        && a.reviewedAt == b.reviewedAt && a.reviewedAt.isNull() == b.reviewedAt.isNull()
        && a.createdAt == b.createdAt && a.fields == b.fields;
}

bool operator==(const EntityRecord &a, const EntityRecord &b)
{
    return a.id == b.id && a.articleId == b.articleId && a.start == b.start && a.end == b.end && a.type == b.type
        && a.text == b.text && a.value == b.value && a.attributes == b.attributes && a.confidence == b.confidence
        && a.origin == b.origin;
}

bool operator==(const LexiconRecord &a, const LexiconRecord &b)
{
    return a.id == b.id && a.surface == b.surface && a.folded == b.folded && a.type == b.type && a.value == b.value
        && a.attributes == b.attributes && a.analyst == b.analyst && a.createdAt == b.createdAt;
}

ReviewStore::ReviewStore(Workspace &workspace, const QString &analyst, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_analyst(analyst)
{
}

std::optional<IncidentRecord> ReviewStore::readIncident(qint64 incidentId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT article_id, ordinal, review_status, confidence, analyst, reviewed_at, created_at, fields "
                  "FROM incidents WHERE id = ?"_s);
    query.addBindValue(incidentId);
    if (!execPrepared(query) || !query.next()) {
        return std::nullopt;
    }
    IncidentRecord record;
    record.id = incidentId;
    record.articleId = query.value(0).toLongLong();
    record.ordinal = query.value(1).toInt();
    record.reviewStatus = query.value(2).toString();
    record.confidence = query.value(3).toDouble();
    record.analyst = query.value(4).toString();
    record.reviewedAt = query.value(5).toString();
    record.createdAt = query.value(6).toString();
    // Fields in contract order, so that two reads of the same row compare equal.
    record.fields = unpackFields(query.value(7).toString());
    sortFields(record.fields);
    return record;
}

IncidentRecord ReviewStore::incident(qint64 incidentId) const
{
    return readIncident(incidentId).value_or(IncidentRecord{});
}

QVector<IncidentRecord> ReviewStore::incidents(qint64 articleId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT id FROM incidents WHERE article_id = ? ORDER BY ordinal, id"_s);
    query.addBindValue(articleId);
    QVector<IncidentRecord> records;
    if (!execPrepared(query)) {
        return records;
    }
    QVector<qint64> ids;
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
    }
    for (qint64 id : std::as_const(ids)) {
        if (auto record = readIncident(id)) {
            records.append(*record);
        }
    }
    return records;
}

FieldRecord ReviewStore::field(qint64 incidentId, const QString &name) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT fields FROM incidents WHERE id = ?"_s);
    query.addBindValue(incidentId);
    if (execPrepared(query) && query.next()) {
        for (FieldRecord &field : unpackFields(query.value(0).toString())) {
            if (field.name == name) {
                return field;
            }
        }
    }
    return {name, QString(), QString(), 0.0, {}};
}

std::optional<ArticleReview> ReviewStore::readArticle(qint64 articleId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT review_state, no_incident FROM articles WHERE id = ?"_s);
    query.addBindValue(articleId);
    if (!execPrepared(query) || !query.next()) {
        return std::nullopt;
    }
    return ArticleReview{articleId, query.value(0).toString(), query.value(1).toInt() != 0};
}

ArticleContent ReviewStore::article(qint64 articleId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT path, title, outlet, published, source_url, text, review_state, no_incident "
                  "FROM articles WHERE id = ?"_s);
    query.addBindValue(articleId);
    if (!execPrepared(query) || !query.next()) {
        return {};
    }
    return {articleId,
            query.value(0).toString(),
            query.value(1).toString(),
            query.value(2).toString(),
            query.value(3).toString(),
            query.value(4).toString(),
            query.value(5).toString(),
            {articleId, query.value(6).toString(), query.value(7).toInt() != 0}};
}

ArticleReview ReviewStore::articleReview(qint64 articleId) const
{
    return readArticle(articleId).value_or(ArticleReview{});
}

qint64 ReviewStore::articleOfIncident(qint64 incidentId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT article_id FROM incidents WHERE id = ?"_s);
    query.addBindValue(incidentId);
    return execPrepared(query) && query.next() ? query.value(0).toLongLong() : 0;
}

namespace {

const QString EntityColumns = u"id, article_id, start, end, type, text, value, attributes, confidence, origin"_s;

EntityRecord entityFromQuery(const QSqlQuery &query)
{
    return {query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toInt(), query.value(3).toInt(),
            query.value(4).toString(),   query.value(5).toString(),   query.value(6).toString(),
            query.value(7).toString(),   query.value(8).toDouble(),   query.value(9).toString()};
}

} // namespace

std::optional<EntityRecord> ReviewStore::readEntity(qint64 entityId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT %1 FROM entities WHERE id = ?"_s.arg(EntityColumns));
    query.addBindValue(entityId);
    if (!execPrepared(query) || !query.next()) {
        return std::nullopt;
    }
    return entityFromQuery(query);
}

EntityRecord ReviewStore::entity(qint64 entityId) const
{
    return readEntity(entityId).value_or(EntityRecord{});
}

QVector<EntityRecord> ReviewStore::entities(qint64 articleId) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT %1 FROM entities WHERE article_id = ? ORDER BY start, end, id"_s.arg(EntityColumns));
    query.addBindValue(articleId);
    QVector<EntityRecord> records;
    if (execPrepared(query)) {
        while (query.next()) {
            records.append(entityFromQuery(query));
        }
    }
    return records;
}

std::optional<LexiconRecord> ReviewStore::readLexicon(const QString &folded, const QString &type) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT id, surface, folded, type, value, attributes, analyst, created_at FROM lexicon "
                  "WHERE folded = ? AND type = ?"_s);
    query.addBindValue(folded);
    query.addBindValue(type);
    if (!execPrepared(query) || !query.next()) {
        return std::nullopt;
    }
    return LexiconRecord{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toString(),   query.value(4).toString(), query.value(5).toString(),
                         query.value(6).toString(),   query.value(7).toString()};
}

std::optional<LexiconRecord> ReviewStore::lexiconEntry(const QString &surface, const QString &type) const
{
    return readLexicon(fold(surface).simplified(), type);
}

bool ReviewStore::fail(const QString &message)
{
    m_lastError = message;
    qCWarning(lcReview) << message;
    return false;
}

bool ReviewStore::begin()
{
    m_lastError.clear();
    if (m_workspace.isReadOnly()) {
        fail(tr("The workspace is open read-only."));
        emit failed(m_lastError);
        return false;
    }
    // Each edit reads, then writes: the workspace takes the write lock first
    // (a read snapshot gone stale under the import thread's batches could not
    // write) and in turn with those batches, so the edit waits for one at most.
    if (!m_workspace.beginTransaction()) {
        fail(tr("Cannot start a transaction: %1").arg(m_workspace.lastError()));
        emit failed(m_lastError);
        return false;
    }
    return true;
}

bool ReviewStore::commitOrRollback(bool ok)
{
    if (ok && m_workspace.commit()) {
        return true;
    }
    if (ok) {
        fail(tr("Cannot save the change: %1").arg(m_workspace.lastError()));
    }
    m_workspace.rollback();
    if (m_lastError.isEmpty()) {
        m_lastError = tr("The change could not be saved.");
    }
    emit failed(m_lastError);
    return false;
}

bool ReviewStore::audit(const QString &what, qint64 subjectId, const QString &oldValue, const QString &newValue)
{
    return m_workspace.audit(m_analyst, what, subjectId, oldValue, newValue)
        || fail(tr("Cannot write the audit log: %1").arg(m_workspace.lastError()));
}

void ReviewStore::announce(const Changes &changes, qint64 articleId)
{
    for (const auto &[incidentId, name] : changes.fields) {
        emit fieldChanged(incidentId, name);
    }
    for (qint64 incidentId : changes.incidents) {
        emit incidentChanged(incidentId);
    }
    if (changes.incidentSetChanged) {
        emit incidentsChanged(articleId);
    }
    for (qint64 entityArticle : changes.entityArticles) {
        emit entitiesChanged(entityArticle);
    }
    if (changes.articleChanged) {
        emit articleStateChanged(articleId);
    }
}

bool ReviewStore::writeFieldDiff(qint64 incidentId, const IncidentRecord *before, const IncidentRecord &after,
                                 Changes &changes)
{
    QStringList names;
    for (const FieldRecord &f : after.fields) {
        names.append(f.name);
    }
    if (before) {
        for (const FieldRecord &f : before->fields) {
            if (!names.contains(f.name)) {
                names.append(f.name);
            }
        }
    }
    bool changed = false;
    for (const QString &name : std::as_const(names)) {
        const FieldRecord *old = before ? before->field(name) : nullptr;
        const FieldRecord *now = after.field(name);
        if (old && now && *old == *now) {
            continue;
        }
        // One audit row per field, naming what changed: the value, else the
        // origin (a confirmation), else the evidence, else the confidence.
        const QString oldValue = old ? old->value : QString();
        const QString newValue = now ? now->value : QString();
        const QString oldOrigin = old ? old->origin : QString();
        const QString newOrigin = now ? now->origin : QString();
        const QString oldEvidence = old ? encodeEvidence(old->evidence) : QString();
        const QString newEvidence = now ? encodeEvidence(now->evidence) : QString();
        const QString what = u"field."_s + name;
        bool audited = true;
        if (oldValue != newValue || (!old && !now)) {
            audited = audit(what, incidentId, oldValue, newValue);
        } else if (oldOrigin != newOrigin) {
            audited = audit(what + u".origin"_s, incidentId, oldOrigin, newOrigin);
        } else if (oldEvidence != newEvidence) {
            audited = audit(what + u".evidence"_s, incidentId, oldEvidence, newEvidence);
        } else {
            audited = audit(what + u".confidence"_s, incidentId, QString::number(old ? old->confidence : 0.0),
                            QString::number(now ? now->confidence : 0.0));
        }
        if (!audited) {
            return false;
        }
        if (before) {
            changes.fields.append({incidentId, name});
        }
        changes.incidents.insert(incidentId);
        changed = true;
    }
    if (!changed) {
        return true;
    }
    QSqlQuery update(m_workspace.database());
    update.prepare(u"UPDATE incidents SET fields = ? WHERE id = ?"_s);
    update.addBindValue(packFields(after.fields));
    update.addBindValue(incidentId);
    QString error;
    if (!execPrepared(update, &error)) {
        return fail(tr("Cannot save the fields of incident %1: %2").arg(incidentId).arg(error));
    }
    return true;
}

bool ReviewStore::writeIncidentDiff(const QVector<IncidentRecord> &before, QVector<IncidentRecord> &after,
                                    Changes &changes, QVector<qint64> *created)
{
    const QSqlDatabase db = m_workspace.database();
    for (const IncidentRecord &old : before) {
        if (findIncident(after, old.id)) {
            continue;
        }
        QSqlQuery remove(db);
        remove.prepare(u"DELETE FROM incidents WHERE id = ?"_s);
        remove.addBindValue(old.id);
        QString error;
        if (!execPrepared(remove, &error)) {
            return fail(tr("Cannot delete incident %1: %2").arg(old.id).arg(error));
        }
        if (!audit(u"incident.delete"_s, old.id, describe(old), QString())) {
            return false;
        }
        changes.incidentSetChanged = true;
    }
    for (IncidentRecord &now : after) {
        const IncidentRecord *old = now.id > 0 ? findIncident(before, now.id) : nullptr;
        QString error;
        if (!old) {
            if (now.ordinal < 0) {
                QSqlQuery next(db);
                next.prepare(u"SELECT coalesce(max(ordinal) + 1, 0) FROM incidents WHERE article_id = ?"_s);
                next.addBindValue(now.articleId);
                if (!execPrepared(next, &error) || !next.next()) {
                    return fail(error);
                }
                now.ordinal = next.value(0).toInt();
            }
            if (now.createdAt.isEmpty()) {
                now.createdAt = nowUtc();
            }
            // A restored incident comes back under its old id, so the commands
            // above it on the undo stack still find it; a new one gets a fresh id.
            QSqlQuery insert(db);
            insert.prepare(u"INSERT INTO incidents(id, article_id, ordinal, review_status, confidence, analyst, "
                           "reviewed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
            insert.addBindValue(nullable(now.id));
            insert.addBindValue(now.articleId);
            insert.addBindValue(now.ordinal);
            insert.addBindValue(now.reviewStatus);
            insert.addBindValue(now.confidence);
            insert.addBindValue(now.analyst);
            insert.addBindValue(now.reviewedAt);
            insert.addBindValue(now.createdAt);
            if (!execPrepared(insert, &error)) {
                return fail(tr("Cannot add the incident: %1").arg(error));
            }
            if (now.id == 0) {
                now.id = insert.lastInsertId().toLongLong();
                if (created) {
                    created->append(now.id);
                }
            }
            if (!audit(u"incident.add"_s, now.id, QString(), now.reviewStatus)
                || !writeFieldDiff(now.id, nullptr, now, changes)) {
                return false;
            }
            changes.incidentSetChanged = true;
            continue;
        }
        const bool rowChanged = old->articleId != now.articleId || old->ordinal != now.ordinal
            || old->reviewStatus != now.reviewStatus || old->confidence != now.confidence
            || old->analyst != now.analyst || old->analyst.isNull() != now.analyst.isNull()
            || old->reviewedAt != now.reviewedAt || old->reviewedAt.isNull() != now.reviewedAt.isNull()
            || old->createdAt != now.createdAt;
        if (rowChanged) {
            QSqlQuery update(db);
            update.prepare(u"UPDATE incidents SET article_id = ?, ordinal = ?, review_status = ?, confidence = ?, "
                           "analyst = ?, reviewed_at = ?, created_at = ? WHERE id = ?"_s);
            update.addBindValue(now.articleId);
            update.addBindValue(now.ordinal);
            update.addBindValue(now.reviewStatus);
            update.addBindValue(now.confidence);
            update.addBindValue(now.analyst);
            update.addBindValue(now.reviewedAt);
            update.addBindValue(now.createdAt);
            update.addBindValue(now.id);
            if (!execPrepared(update, &error)) {
                return fail(tr("Cannot save incident %1: %2").arg(now.id).arg(error));
            }
            if (old->reviewStatus != now.reviewStatus
                && !audit(u"incident.status"_s, now.id, old->reviewStatus, now.reviewStatus)) {
                return false;
            }
            changes.incidents.insert(now.id);
        }
        if (!writeFieldDiff(now.id, old, now, changes)) {
            return false;
        }
    }
    return true;
}

bool ReviewStore::writeArticle(const ArticleReview &before, ArticleReview after, StateRule rule, Changes &changes)
{
    if (rule == StateRule::Leave) {
        return true;
    }
    if (rule == StateRule::Recompute) {
        // The analyst acted on the article: it is at least in review, and
        // reviewed once nothing in it awaits a decision.
        QSqlQuery counts(m_workspace.database());
        counts.prepare(u"SELECT count(*), count(CASE WHEN review_status != 'suggested' THEN 1 END) "
                       "FROM incidents WHERE article_id = ?"_s);
        counts.addBindValue(after.articleId);
        QString error;
        if (!execPrepared(counts, &error) || !counts.next()) {
            return fail(error);
        }
        const int total = counts.value(0).toInt();
        const int decided = counts.value(1).toInt();
        after.state = after.noIncident || (total > 0 && decided == total) ? u"reviewed"_s : u"in_review"_s;
    }
    if (after == before) {
        return true;
    }
    QSqlQuery update(m_workspace.database());
    update.prepare(u"UPDATE articles SET review_state = ?, no_incident = ? WHERE id = ?"_s);
    update.addBindValue(after.state);
    update.addBindValue(after.noIncident ? 1 : 0);
    update.addBindValue(after.articleId);
    QString error;
    if (!execPrepared(update, &error)) {
        return fail(tr("Cannot save the review state: %1").arg(error));
    }
    if (before.noIncident != after.noIncident
        && !audit(u"article.no_incident"_s, after.articleId, QString::number(int(before.noIncident)),
                  QString::number(int(after.noIncident)))) {
        return false;
    }
    if (before.state != after.state
        && !audit(u"article.review_state"_s, after.articleId, before.state, after.state)) {
        return false;
    }
    changes.articleChanged = true;
    return true;
}

bool ReviewStore::writeEntityDiff(const QVector<EntityRecord> &before, QVector<EntityRecord> &after, bool auditEach,
                                  Changes &changes, QVector<qint64> *created)
{
    const QSqlDatabase db = m_workspace.database();
    // Prepared once: a corpus-wide change writes thousands of rows.
    QSqlQuery remove(db);
    remove.prepare(u"DELETE FROM entities WHERE id = ?"_s);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO entities(id, article_id, start, end, type, text, value, attributes, confidence, "
                   "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery update(db);
    update.prepare(u"UPDATE entities SET article_id = ?, start = ?, end = ?, type = ?, text = ?, value = ?, "
                   "attributes = ?, confidence = ?, origin = ? WHERE id = ?"_s);
    QString error;
    for (const EntityRecord &old : before) {
        if (findEntity(after, old.id)) {
            continue;
        }
        remove.addBindValue(old.id);
        if (!execPrepared(remove, &error)) {
            return fail(tr("Cannot remove the entity: %1").arg(error));
        }
        if (auditEach && !audit(u"entity.remove"_s, old.id, describe(old), QString())) {
            return false;
        }
        changes.entityArticles.insert(old.articleId);
    }
    for (EntityRecord &now : after) {
        const EntityRecord *old = now.id > 0 ? findEntity(before, now.id) : nullptr;
        if (old && *old == now) {
            continue;
        }
        QSqlQuery &query = old ? update : insert;
        if (!old) {
            query.addBindValue(nullable(now.id));
        }
        query.addBindValue(now.articleId);
        query.addBindValue(now.start);
        query.addBindValue(now.end);
        query.addBindValue(now.type);
        query.addBindValue(now.text);
        query.addBindValue(now.value);
        query.addBindValue(now.attributes);
        query.addBindValue(now.confidence);
        query.addBindValue(now.origin);
        if (old) {
            query.addBindValue(now.id);
        }
        if (!execPrepared(query, &error)) {
            return fail(tr("Cannot save the entity: %1").arg(error));
        }
        if (!old && now.id == 0) {
            now.id = insert.lastInsertId().toLongLong();
            if (created) {
                created->append(now.id);
            }
        }
        if (auditEach) {
            bool audited = true;
            if (!old) {
                audited = audit(u"entity.add"_s, now.id, QString(), describe(now));
            } else if (old->type != now.type) {
                audited = audit(u"entity.type"_s, now.id, old->type, now.type);
            } else {
                audited = audit(u"entity.value"_s, now.id, old->value, now.value);
            }
            if (!audited) {
                return false;
            }
        }
        changes.entityArticles.insert(now.articleId);
        if (old) {
            changes.entityArticles.insert(old->articleId);
        }
    }
    return true;
}

bool ReviewStore::writeLexicon(const QString &folded, const QString &type, const std::optional<LexiconRecord> &record)
{
    QSqlQuery query(m_workspace.database());
    if (!record) {
        query.prepare(u"DELETE FROM lexicon WHERE folded = ? AND type = ?"_s);
        query.addBindValue(folded);
        query.addBindValue(type);
    } else {
        query.prepare(u"INSERT INTO lexicon(id, surface, folded, type, value, attributes, analyst, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(folded, type) DO UPDATE SET "
                      "surface = excluded.surface, value = excluded.value, attributes = excluded.attributes, "
                      "analyst = excluded.analyst, created_at = excluded.created_at"_s);
        query.addBindValue(nullable(record->id));
        query.addBindValue(record->surface);
        query.addBindValue(record->folded);
        query.addBindValue(record->type);
        query.addBindValue(record->value);
        query.addBindValue(record->attributes);
        query.addBindValue(record->analyst);
        query.addBindValue(record->createdAt);
    }
    QString error;
    return execPrepared(query, &error) || fail(tr("Cannot save the lexicon entry: %1").arg(error));
}

namespace {

// The records `ids` names that still exist, in that order; false (with the id
// in *foreign) when one belongs to another article.
template<typename Record, typename Read>
bool recordsOfArticle(qint64 articleId, const QVector<qint64> &ids, Read read, QVector<Record> *records,
                      qint64 *foreign)
{
    for (qint64 id : ids) {
        if (const std::optional<Record> record = read(id)) {
            if (record->articleId != articleId) {
                *foreign = id;
                return false;
            }
            records->append(*record);
        }
    }
    return true;
}

} // namespace

bool ReviewStore::changeArticle(qint64 articleId, const ArticleChange &apply, QVector<qint64> *created)
{
    if (!begin()) {
        return false;
    }
    Changes changes;
    QVector<qint64> newIds;
    const bool ok = [&] {
        const std::optional<ArticleReview> article = readArticle(articleId);
        if (!article) {
            return fail(tr("Article %1 does not exist.").arg(articleId));
        }
        return apply(*article, changes, &newIds);
    }();
    if (!commitOrRollback(ok)) {
        return false;
    }
    if (created) {
        *created = newIds;
    }
    announce(changes, articleId);
    return true;
}

bool ReviewStore::changeIncidents(qint64 articleId, const QVector<qint64> &ids, StateRule rule,
                                  const IncidentMutation &mutate, QVector<qint64> *created)
{
    return changeArticle(
        articleId,
        [&](const ArticleReview &article, Changes &changes, QVector<qint64> *newIds) {
            QVector<IncidentRecord> before;
            qint64 foreign = 0;
            if (!recordsOfArticle(articleId, ids, [this](qint64 id) { return readIncident(id); }, &before, &foreign)) {
                return fail(tr("Incident %1 belongs to another article.").arg(foreign));
            }
            QVector<IncidentRecord> after = before;
            ArticleReview articleAfter = article;
            return mutate(after, articleAfter) && writeIncidentDiff(before, after, changes, newIds)
                && writeArticle(article, articleAfter, rule, changes);
        },
        created);
}

bool ReviewStore::changeEntities(qint64 articleId, const QVector<qint64> &ids, StateRule rule,
                                 const EntityMutation &mutate, QVector<qint64> *created)
{
    return changeArticle(
        articleId,
        [&](const ArticleReview &article, Changes &changes, QVector<qint64> *newIds) {
            QVector<EntityRecord> before;
            qint64 foreign = 0;
            if (!recordsOfArticle(articleId, ids, [this](qint64 id) { return readEntity(id); }, &before, &foreign)) {
                return fail(tr("Entity %1 belongs to another article.").arg(foreign));
            }
            QVector<EntityRecord> after = before;
            return mutate(after) && writeEntityDiff(before, after, true, changes, newIds)
                && writeArticle(article, article, rule, changes);
        },
        created);
}

qint64 ReviewStore::requireIncident(qint64 incidentId)
{
    const qint64 articleId = articleOfIncident(incidentId);
    if (articleId == 0) {
        m_lastError = tr("Incident %1 does not exist.").arg(incidentId);
        emit failed(m_lastError);
    }
    return articleId;
}

bool ReviewStore::refuse(const QString &message)
{
    m_lastError = message;
    qCWarning(lcReview) << message;
    emit failed(message);
    return false;
}

bool ReviewStore::setFieldValue(qint64 incidentId, const QString &name, const QString &value,
                                const std::optional<QVector<EvidenceSpan>> &evidence)
{
    if (!incidentFieldNames().contains(name)) {
        return refuse(tr("Unknown incident field: %1").arg(name));
    }
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               IncidentRecord *incident = findIncident(incidents, incidentId);
                               if (!incident) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               FieldRecord *field = incident->field(name);
                               if (!field) {
                                   incident->fields.append(
                                       {name, value, Corrected, 1.0, evidence.value_or(QVector<EvidenceSpan>{})});
                                   sortFields(incident->fields);
                                   return true;
                               }
                               if (field->value == value) {
                                   // Typing back what extraction proposed confirms it.
                                   if (field->origin == Suggested) {
                                       field->origin = Confirmed;
                                   }
                               } else {
                                   field->value = value;
                                   field->origin = Corrected;
                                   field->confidence = 1.0;
                               }
                               if (evidence) {
                                   field->evidence = *evidence;
                               }
                               return true;
                           });
}

bool ReviewStore::confirmField(qint64 incidentId, const QString &name)
{
    if (!incidentFieldNames().contains(name)) {
        return refuse(tr("Unknown incident field: %1").arg(name));
    }
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               IncidentRecord *incident = findIncident(incidents, incidentId);
                               if (!incident) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               FieldRecord *field = incident->field(name);
                               if (!field) {
                                   // Confirming an empty field records that the article does not say.
                                   incident->fields.append({name, QString(), Confirmed, 1.0, {}});
                                   sortFields(incident->fields);
                               } else if (field->origin == Suggested) {
                                   field->origin = Confirmed;
                               }
                               return true;
                           });
}

bool ReviewStore::confirmIncident(qint64 incidentId)
{
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               IncidentRecord *incident = findIncident(incidents, incidentId);
                               if (!incident) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               // Corrected fields stay corrected: the value is the analyst's.
                               for (FieldRecord &field : incident->fields) {
                                   if (field.origin == Suggested) {
                                       field.origin = Confirmed;
                                   }
                               }
                               incident->reviewStatus = Confirmed;
                               incident->analyst = m_analyst;
                               incident->reviewedAt = nowUtc();
                               return true;
                           });
}

bool ReviewStore::rejectIncident(qint64 incidentId)
{
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               IncidentRecord *incident = findIncident(incidents, incidentId);
                               if (!incident) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               incident->reviewStatus = Rejected;
                               incident->analyst = m_analyst;
                               incident->reviewedAt = nowUtc();
                               return true;
                           });
}

qint64 ReviewStore::addIncident(qint64 articleId, const QVector<IncidentField> &fields)
{
    QVector<qint64> created;
    const bool ok = changeIncidents(
        articleId, {}, StateRule::Recompute,
        [&](QVector<IncidentRecord> &incidents, ArticleReview &article) {
            // Suggested until confirmed, so that it counts as undecided like any other.
            IncidentRecord record;
            record.articleId = articleId;
            record.confidence = 1.0; // the analyst's own incident
            for (const IncidentField &field : fields) {
                if (!incidentFieldNames().contains(field.name)) {
                    return fail(tr("Unknown incident field: %1").arg(field.name));
                }
                record.fields.append({field.name, field.value, Corrected, 1.0, field.evidence});
            }
            sortFields(record.fields);
            incidents.append(record);
            article.noIncident = false;
            return true;
        },
        &created);
    return ok && !created.isEmpty() ? created.first() : 0;
}

bool ReviewStore::deleteIncident(qint64 incidentId)
{
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(articleId, {incidentId}, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
                               if (!findIncident(incidents, incidentId)) {
                                   return fail(tr("Incident %1 does not exist.").arg(incidentId));
                               }
                               incidents.clear();
                               return true;
                           });
}

qint64 ReviewStore::splitIncident(qint64 incidentId)
{
    const qint64 articleId = requireIncident(incidentId);
    if (articleId == 0) {
        return 0;
    }
    QVector<qint64> created;
    const bool ok = changeIncidents(
        articleId, {incidentId}, StateRule::Recompute,
        [&](QVector<IncidentRecord> &incidents, ArticleReview &article) {
            const IncidentRecord *source = findIncident(incidents, incidentId);
            if (!source) {
                return fail(tr("Incident %1 does not exist.").arg(incidentId));
            }
            IncidentRecord copy = *source;
            copy.id = 0;
            copy.ordinal = -1;
            copy.reviewStatus = Suggested;
            copy.analyst = QString();
            copy.reviewedAt = QString();
            copy.createdAt = QString();
            incidents.append(copy);
            article.noIncident = false;
            return true;
        },
        &created);
    return ok && !created.isEmpty() ? created.first() : 0;
}

bool ReviewStore::mergeIncidents(qint64 intoId, const QVector<qint64> &otherIds)
{
    QVector<qint64> ids{intoId};
    for (qint64 id : otherIds) {
        if (id != intoId && !ids.contains(id)) {
            ids.append(id);
        }
    }
    const qint64 articleId = requireIncident(intoId);
    if (articleId == 0) {
        return false;
    }
    return changeIncidents(
        articleId, ids, StateRule::Recompute,
        [&](QVector<IncidentRecord> &incidents, ArticleReview &) {
            if (incidents.size() != ids.size()) {
                return fail(tr("Some of the incidents to merge do not exist."));
            }
            IncidentRecord into = *findIncident(incidents, intoId);
            for (qint64 otherId : ids.mid(1)) {
                for (const FieldRecord &theirs : findIncident(incidents, otherId)->fields) {
                    FieldRecord *ours = into.field(theirs.name);
                    if (!ours || ours->value.isEmpty()) {
                        if (ours) {
                            *ours = theirs;
                        } else {
                            into.fields.append(theirs);
                        }
                    } else if (ours->value == theirs.value) {
                        for (const EvidenceSpan &span : theirs.evidence) {
                            if (!ours->evidence.contains(span)) {
                                ours->evidence.append(span);
                            }
                        }
                    }
                }
            }
            sortFields(into.fields);
            incidents = {into};
            return true;
        });
}

bool ReviewStore::markNoIncident(qint64 articleId)
{
    QVector<qint64> ids;
    for (const IncidentRecord &record : incidents(articleId)) {
        ids.append(record.id);
    }
    return changeIncidents(articleId, ids, StateRule::Recompute,
                           [&](QVector<IncidentRecord> &records, ArticleReview &article) {
                               // The proposals were wrong: rejected, they stay out of exports.
                               const QString now = nowUtc();
                               for (IncidentRecord &record : records) {
                                   if (record.reviewStatus != Rejected) {
                                       record.reviewStatus = Rejected;
                                       record.analyst = m_analyst;
                                       record.reviewedAt = now;
                                   }
                               }
                               article.noIncident = true;
                               return true;
                           });
}

qint64 ReviewStore::addEntity(qint64 articleId, int start, int end, const QString &type, const QString &value,
                              const QString &attributes)
{
    EntityType parsed;
    if (!entityTypeFromName(type, &parsed)) {
        refuse(tr("Unknown entity type: %1").arg(type));
        return 0;
    }
    QVector<qint64> created;
    const bool ok = changeEntities(
        articleId, {}, StateRule::Recompute,
        [&](QVector<EntityRecord> &entities) {
            QSqlQuery full(m_workspace.database());
            full.prepare(u"SELECT text FROM articles WHERE id = ?"_s);
            full.addBindValue(articleId);
            if (!execPrepared(full) || !full.next()) {
                return fail(tr("Article %1 does not exist.").arg(articleId));
            }
            const QString articleText = full.value(0).toString();
            if (start < 0 || end <= start || end > articleText.size()) {
                return fail(tr("The span %1-%2 is outside the article.").arg(start).arg(end));
            }
            entities.append({0, articleId, start, end, type, articleText.mid(start, end - start), value, attributes,
                             1.0, u"analyst"_s});
            return true;
        },
        &created);
    return ok && !created.isEmpty() ? created.first() : 0;
}

bool ReviewStore::changeEntityType(qint64 entityId, const QString &type, const std::optional<QString> &value)
{
    EntityType parsed;
    if (!entityTypeFromName(type, &parsed)) {
        return refuse(tr("Unknown entity type: %1").arg(type));
    }
    const EntityRecord current = entity(entityId);
    if (current.id == 0) {
        return refuse(tr("Entity %1 does not exist.").arg(entityId));
    }
    return changeEntities(current.articleId, {entityId}, StateRule::Recompute, [&](QVector<EntityRecord> &entities) {
        if (entities.isEmpty()) {
            return fail(tr("Entity %1 does not exist.").arg(entityId));
        }
        EntityRecord &record = entities.first();
        record.type = type;
        if (value) {
            record.value = *value;
        }
        if (record.origin == Suggested) {
            record.origin = Corrected;
        }
        return true;
    });
}

bool ReviewStore::removeEntity(qint64 entityId)
{
    const EntityRecord current = entity(entityId);
    if (current.id == 0) {
        return refuse(tr("Entity %1 does not exist.").arg(entityId));
    }
    return changeEntities(current.articleId, {entityId}, StateRule::Recompute, [&](QVector<EntityRecord> &entities) {
        if (entities.isEmpty()) {
            return fail(tr("Entity %1 does not exist.").arg(entityId));
        }
        entities.clear();
        return true;
    });
}

int ReviewStore::applyEntityToCorpus(const QString &surface, const QString &type, const QString &value,
                                     const QString &attributes, CorpusChange *change)
{
    EntityType parsed;
    const QString folded = fold(surface).simplified();
    bool hasWord = false;
    for (QChar c : folded) {
        hasWord = hasWord || isWordChar(c);
    }
    if (!entityTypeFromName(type, &parsed) || !hasWord) {
        refuse(hasWord ? tr("Unknown entity type: %1").arg(type) : tr("There is no word to look for."));
        return -1;
    }
    if (!begin()) {
        return -1;
    }
    CorpusChange result;
    result.folded = folded;
    result.type = type;
    Changes changes;
    const bool ok = [&] {
        result.previousLexicon = readLexicon(folded, type);
        LexiconRecord entry{result.previousLexicon ? result.previousLexicon->id : 0,
                            surface.trimmed(), folded, type, value, attributes, m_analyst, nowUtc()};
        if (!writeLexicon(folded, type, entry)) {
            return false;
        }

        // The full-text index narrows the corpus to the articles that may
        // hold the entry; only their texts are folded and scanned.
        const QSqlDatabase db = m_workspace.database();
        const QString match = candidateMatch(surface);
        QSqlQuery candidates(db);
        candidates.setForwardOnly(true);
        candidates.prepare(match.isEmpty()
                               ? u"SELECT a.id, a.text FROM articles a WHERE a.duplicate_of IS NULL AND a.missing = 0"_s
                               : u"SELECT a.id, a.text FROM articles a WHERE a.id IN "
                                 "(SELECT rowid FROM article_fts WHERE article_fts MATCH ?) "
                                 "AND a.duplicate_of IS NULL AND a.missing = 0"_s);
        if (!match.isEmpty()) {
            candidates.addBindValue(match);
        }
        QString error;
        if (!execPrepared(candidates, &error)) {
            return fail(tr("Cannot search the corpus: %1").arg(error));
        }
        QSqlQuery existing(db);
        existing.prepare(u"SELECT %1 FROM entities WHERE article_id = ?"_s.arg(EntityColumns));
        QVector<EntityRecord> before;
        QVector<EntityRecord> after;
        while (candidates.next()) {
            const qint64 articleId = candidates.value(0).toLongLong();
            const QString text = candidates.value(1).toString();
            const QVector<Span> spans = findOccurrences(foldWithMap(text), folded);
            if (spans.isEmpty()) {
                continue;
            }
            existing.addBindValue(articleId);
            if (!execPrepared(existing, &error)) {
                return fail(error);
            }
            QVector<EntityRecord> present;
            while (existing.next()) {
                present.append(entityFromQuery(existing));
            }
            // Exact span: retype if needed. Overlapping another entity: leave
            // the analyst's or the extractor's decision alone.
            for (const Span &span : spans) {
                const auto same = std::find_if(present.cbegin(), present.cend(), [&](const EntityRecord &e) {
                    return e.start == span.start && e.end == span.end;
                });
                if (same != present.cend()) {
                    if (same->type != type) {
                        before.append(*same);
                        EntityRecord retyped = *same;
                        retyped.type = type;
                        retyped.value = value;
                        retyped.attributes = attributes;
                        retyped.origin = u"lexicon"_s;
                        after.append(retyped);
                    }
                    continue;
                }
                const bool overlaps = std::any_of(present.cbegin(), present.cend(), [&](const EntityRecord &e) {
                    return e.start < span.end && span.start < e.end;
                });
                if (!overlaps) {
                    after.append({0, articleId, span.start, span.end, type, text.mid(span.start, span.end - span.start),
                                  value, attributes, 1.0, u"lexicon"_s});
                }
            }
        }
        result.retyped = before;
        if (!writeEntityDiff(before, after, false, changes, &result.added)) {
            return false;
        }
        const std::optional<LexiconRecord> stored = readLexicon(folded, type);
        return audit(u"lexicon.apply"_s, stored ? stored->id : 0,
                     result.previousLexicon ? result.previousLexicon->type + u':' + result.previousLexicon->surface
                                            : QString(),
                     u"%1:%2 (%3)"_s.arg(type, entry.surface).arg(result.count()));
    }();
    if (!commitOrRollback(ok)) {
        return -1;
    }
    for (qint64 articleId : std::as_const(changes.entityArticles)) {
        emit entitiesChanged(articleId);
    }
    if (change) {
        *change = result;
    }
    return result.count();
}

IncidentSnapshot ReviewStore::snapshotIncidents(qint64 articleId, const QVector<qint64> &incidentIds) const
{
    IncidentSnapshot snapshot;
    snapshot.article = articleReview(articleId);
    snapshot.incidentIds = incidentIds;
    for (qint64 id : incidentIds) {
        if (std::optional<IncidentRecord> record = readIncident(id)) {
            snapshot.incidents.append(*record);
        }
    }
    return snapshot;
}

bool ReviewStore::restoreIncidents(const IncidentSnapshot &snapshot)
{
    return changeIncidents(snapshot.article.articleId, snapshot.incidentIds, StateRule::AsGiven,
                           [&](QVector<IncidentRecord> &incidents, ArticleReview &article) {
                               incidents = snapshot.incidents;
                               article = snapshot.article;
                               return true;
                           });
}

EntitySnapshot ReviewStore::snapshotEntities(qint64 articleId, const QVector<qint64> &entityIds) const
{
    EntitySnapshot snapshot;
    if (articleId > 0) {
        snapshot.article = articleReview(articleId);
    }
    snapshot.entityIds = entityIds;
    for (qint64 id : entityIds) {
        if (std::optional<EntityRecord> record = readEntity(id)) {
            snapshot.entities.append(*record);
        }
    }
    return snapshot;
}

bool ReviewStore::restoreEntities(const EntitySnapshot &snapshot)
{
    if (!begin()) {
        return false;
    }
    Changes changes;
    const bool ok = [&] {
        QVector<EntityRecord> before;
        for (qint64 id : snapshot.entityIds) {
            if (const std::optional<EntityRecord> record = readEntity(id)) {
                before.append(*record);
            }
        }
        QVector<EntityRecord> after = snapshot.entities;
        // A corpus-wide change gets one summary audit row, not one per entity.
        const bool auditEach = !snapshot.coversLexicon;
        if (!writeEntityDiff(before, after, auditEach, changes, nullptr)) {
            return false;
        }
        if (snapshot.coversLexicon) {
            if (!writeLexicon(snapshot.lexiconFolded, snapshot.lexiconType, snapshot.lexicon)
                || !audit(u"lexicon.restore"_s, snapshot.lexicon ? snapshot.lexicon->id : 0, QString(),
                          u"%1:%2 (%3)"_s.arg(snapshot.lexiconType, snapshot.lexiconFolded)
                              .arg(snapshot.entityIds.size()))) {
                return false;
            }
        }
        if (snapshot.article.articleId > 0) {
            const std::optional<ArticleReview> current = readArticle(snapshot.article.articleId);
            if (!current) {
                return fail(tr("Article %1 does not exist.").arg(snapshot.article.articleId));
            }
            return writeArticle(*current, snapshot.article, StateRule::AsGiven, changes);
        }
        return true;
    }();
    if (!commitOrRollback(ok)) {
        return false;
    }
    for (qint64 articleId : std::as_const(changes.entityArticles)) {
        emit entitiesChanged(articleId);
    }
    if (changes.articleChanged) {
        emit articleStateChanged(snapshot.article.articleId);
    }
    return true;
}

} // namespace Store
} // namespace Rasid
