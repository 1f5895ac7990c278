#pragma once

/*
 * The rows of the review store as plain values: an incident with its fields,
 * an article's review state and content, an entity, a lexicon entry, and the
 * snapshots and corpus changes that undo commands keep.
 */

#include "extract/incident.h"

#include <QString>
#include <QVector>

#include <optional>

namespace Rasid {
inline namespace Store {

// One stored field of an incident, exactly as its row holds it.
using FieldRecord = IncidentField;

// One stored incident with its fields (in incidentFieldNames() order).
struct IncidentRecord
{
    qint64 id = 0; // 0: not stored yet
    qint64 articleId = 0;
    int ordinal = -1; // -1: after the article's last incident
    QString reviewStatus = QStringLiteral("suggested"); // suggested | confirmed | rejected
    double confidence = 0.0;
    QString analyst;    // null until reviewed
    QString reviewedAt; // ISO 8601 UTC, null until reviewed
    QString createdAt;
    QVector<FieldRecord> fields;

    const FieldRecord *field(const QString &name) const;
    FieldRecord *field(const QString &name);
    QString value(const QString &name) const;
    friend bool operator==(const IncidentRecord &a, const IncidentRecord &b);
    friend bool operator!=(const IncidentRecord &a, const IncidentRecord &b) { return !(a == b); }
};

// The review state of an article and the analyst's "no incident" mark.
struct ArticleReview
{
    qint64 articleId = 0;
    QString state; // new | in_review | reviewed
    bool noIncident = false;

    friend bool operator==(const ArticleReview &a, const ArticleReview &b)
    {
        return a.articleId == b.articleId && a.state == b.state && a.noIncident == b.noIncident;
    }
    friend bool operator!=(const ArticleReview &a, const ArticleReview &b) { return !(a == b); }
};

// What the article view shows of one article (the list never loads the text).
struct ArticleContent
{
    qint64 id = 0; // 0: no such article
    QString path;
    QString title;
    QString outlet;
    QString published;
    QString sourceUrl;
    QString text; // cleaned text: every span is a UTF-16 offset into it
    ArticleReview review;
    QVector<QPair<QString, QString>> removed; // what cleaning left out: (reason code, text)
    bool lossy = false;                       // some bytes did not decode
    QString encoding;
};

// One stored entity. origin: suggested (extraction), analyst (marked by hand),
// corrected (type changed by hand), lexicon (applied from the workspace lexicon).
struct EntityRecord
{
    qint64 id = 0;
    qint64 articleId = 0;
    int start = 0;
    int end = 0;
    QString type;
    QString text;
    QString value;
    QString attributes;
    double confidence = 0.0;
    QString origin;

    friend bool operator==(const EntityRecord &a, const EntityRecord &b);
    friend bool operator!=(const EntityRecord &a, const EntityRecord &b) { return !(a == b); }
};

// One row of the workspace lexicon, the analyst's own entity list.
struct LexiconRecord
{
    qint64 id = 0;
    QString surface;
    QString folded;
    QString type;
    QString value;
    QString attributes;
    QString analyst;
    QString createdAt;

    friend bool operator==(const LexiconRecord &a, const LexiconRecord &b);
    friend bool operator!=(const LexiconRecord &a, const LexiconRecord &b) { return !(a == b); }
};

// A set of incident ids of one article and how they stood (an id missing from
// `incidents` did not exist), with the article's review state: what an undo
// command puts back.
struct IncidentSnapshot
{
    ArticleReview article;
    QVector<qint64> incidentIds;
    QVector<IncidentRecord> incidents;
};

// The same for entities, optionally with one lexicon row (by folded surface and type).
struct EntitySnapshot
{
    ArticleReview article; // articleId 0: leave review states alone
    QVector<qint64> entityIds;
    QVector<EntityRecord> entities;
    bool coversLexicon = false;
    QString lexiconFolded;
    QString lexiconType;
    std::optional<LexiconRecord> lexicon;
};

// What applyEntityToCorpus() changed, for its undo command.
struct CorpusChange
{
    QString folded;
    QString type;
    std::optional<LexiconRecord> previousLexicon;
    QVector<qint64> added;          // new entities
    QVector<EntityRecord> retyped;  // entities at the same span given the new type, as they were
    int count() const { return int(added.size() + retyped.size()); }
};


} // namespace Store
} // namespace Rasid
