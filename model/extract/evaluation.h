#pragma once

#include "extract/entity.h"
#include "extract/incident.h"

#include <QJsonDocument>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Rasid {
inline namespace Extract {

// One article as the evaluation sees it: what extraction stored for it.
struct EvalArticle
{
    QString path;   // relative to the imported folder, as the workspace stores it
    int item = 0;   // 1-based item of a JSON lines or JSON array file, 0 otherwise
    EntityList entities;
    QVector<ProposedIncident> incidents; // in stored order: the first is the primary
    QVector<QString> reviewStatus;       // per incident; "rejected" ones are ignored
};

struct EvalCount
{
    int hit = 0;
    int total = 0;
    double ratio() const { return total > 0 ? double(hit) / total : 0.0; }
    EvalCount &operator+=(const EvalCount &o)
    {
        hit += o.hit;
        total += o.total;
        return *this;
    }
};

struct EvalLine
{
    QString name;
    EvalCount count;
};

/*
 * Scores of extraction against a gold file in the format of
 * ../shared/gold/seeds.json.
 *
 * Entity recall: a gold item counts when an entity of a matching type covers it
 * after folding (gold "number" is a quantity or money, "actor" a threat actor).
 * Incidents: a gold incident is found when a proposal matches one of its victim
 * forms after folding (either containing the other) or both its attack_type and
 * victim_country. Only proposals at or above the confidence threshold count, for
 * recall and precision alike; the "any confidence" line counts them all. Field
 * accuracy is over matched incidents for the core fields (victim, victim_country,
 * attack_type, actor, records_affected, records_qualifier); the primary table is
 * over every gold primary incident, a missed one counting wrong in every field.
 * Other fields the gold states are reported for information.
 */
struct EvalReport
{
    int goldArticles = 0;
    int matchedArticles = 0;
    QStringList unmatchedArticles;
    double threshold = 0.5;

    QVector<EvalLine> entityRecall; // per gold entity type, sorted by name
    EvalCount incidentRecall;
    EvalCount incidentPrecision;
    EvalCount incidentRecallAnyConfidence;
    EvalCount incidentPrecisionAnyConfidence;
    EvalCount primaryFirst; // gold primaries matched by the article's first proposal

    QVector<EvalLine> fields;        // core fields over matched incidents
    QVector<EvalLine> primaryFields; // core fields over gold primary incidents
    QVector<EvalLine> otherFields;   // sector, actor type, dates ... over matched incidents

    QStringList misses; // one line per miss, for --verbose

    EvalCount coreFields() const;    // the core fields together, over matched incidents
    EvalCount primaryCoreFields() const;
};

// The core fields the accuracy targets are about, in report order.
const QStringList &evalCoreFields();

// The same scoring over articles already in memory (tests, benchmarks).
EvalReport evaluateArticles(const QVector<EvalArticle> &articles, const QJsonDocument &gold,
                            double threshold = 0.5);

// A readable plain-text table; verbose appends every miss.
QString formatReport(const EvalReport &report, bool verbose);

} // namespace Extract
} // namespace Rasid
