#pragma once

#include "extract/entity.h"
#include "extract/incident.h"
#include "extract/learn/fieldcalibration.h"

#include <QJsonDocument>
#include <QJsonObject>
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

// One bin of the reliability table: proposals whose confidence falls in
// [lower, lower + 0.1), how sure they were on average and how many were right.
struct CalibrationBin
{
    double lower = 0.0;
    int proposals = 0;
    double confidenceSum = 0.0;
    int right = 0;
};

/*
 * Scores of extraction against a gold file in the format of
 * ../shared/gold/seeds.json, by the rules of the reference scorer
 * (../shared/tools/eval_incidents.py), so that `rasid-cli eval` on a workspace
 * and the scorer on that workspace's CSV and entities export print the same
 * figures.
 *
 * Texts compare after the scorer's normalization (scorerKey()): a victim or
 * actor matches a gold form when either contains the other. Each gold incident,
 * in gold order, takes the unused proposal of its article that scores best
 * (victim 3, attack type 1, victim country 1, record count 1) when it scores at
 * least 2. Recall is over gold incidents, precision over every proposal that is
 * not rejected, whatever its confidence. Field accuracy is over every gold
 * incident, a missed one counting wrong in every core field; the primary line
 * is the same over gold primaries. Entity recall: a gold item counts when an
 * entity of a matching type contains it, or is contained in it. A false alarm
 * is an article with no gold incident that got a proposal at confidence 0.5 or
 * more. ECE is the expected calibration error of the proposals' confidences
 * (as the CSV writes them) against whether they matched, over ten bins.
 */
struct EvalReport
{
    int goldArticles = 0;
    int matchedArticles = 0;
    QStringList unmatchedArticles;

    QVector<EvalLine> entityRecall; // per gold entity type, sorted by name
    EvalCount incidentRecall;       // gold incidents found
    EvalCount incidentPrecision;    // proposals that found one
    EvalCount primaryFound;         // gold primaries found
    EvalCount primaryFirst;         // gold primaries found by the article's first proposal
    EvalCount falseAlarms;          // articles with no gold incident that got a confident proposal

    QVector<EvalLine> fields;        // core fields over every gold incident
    QVector<EvalLine> primaryFields; // core fields over gold primary incidents
    QVector<EvalLine> otherFields;   // sector, actor type, dates ... over matched incidents
    QVector<CalibrationBin> calibration; // ten bins
    // The same for the fields of matched proposals that the scoring judges
    // (the core fields, and the others where the gold states them).
    QVector<CalibrationBin> fieldCalibration;

    QStringList misses; // one line per miss, for --verbose

    EvalCount coreFields() const; // the core fields together, over every gold incident
    EvalCount primaryCoreFields() const;
    EvalCount entities() const;   // every gold entity
    int calibratedProposals() const;
    double expectedCalibrationError() const; // 0 when nothing was proposed
    int calibratedFields() const;
    double fieldCalibrationError() const; // 0 when no field was judged

    // The reference scorer's one-line summary, figure for figure.
    QString summaryLine() const;
};

// The core fields the accuracy targets are about, in report order.
const QStringList &evalCoreFields();

// The reference scorer's normalization: NFKC, no harakat or tatweel, one alef,
// ى as ي and ة as ه, ASCII digits, lower case, quotes and punctuation as spaces,
// a leading ال، وال، بال، لل or و dropped before three letters, spaces collapsed.
QString scorerKey(QStringView text);

// A figure with two decimals as the scorer prints it: an exact tie (0.625)
// goes to the even digit, as printf does and QString::number does not.
QString scorerFigure(double x);

// The confidence of a proposal as the CSV export writes it
// (exportedConfidenceText()), which is what the scorer reads.
double exportedConfidence(double confidence, QStringView reviewStatus);

// The same scoring over articles already in memory (tests, benchmarks).
EvalReport evaluateArticles(const QVector<EvalArticle> &articles, const QJsonDocument &gold);

// Which of an article's proposals the scoring pairs with an incident of the
// gold article: the labels the learned layer trains on.
QVector<bool> matchedProposals(const QJsonObject &goldArticle, const QVector<ProposedIncident> &incidents);

// Each field of the article's paired proposals that the scoring judges, with
// its confidence and whether it agrees with the gold: what the fields'
// calibration learns from.
QVector<FieldOutcome> fieldOutcomes(const QJsonObject &goldArticle, const QVector<ProposedIncident> &incidents);

// Gold documents of several sets as one, for a total over the sets.
QJsonDocument mergeGold(const QVector<QJsonDocument> &golds);

// A readable plain-text table ending with the summary line; verbose appends every miss.
QString formatReport(const EvalReport &report, bool verbose);

} // namespace Extract
} // namespace Rasid
