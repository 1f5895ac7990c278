#include "extract/evaluation.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <optional>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

constexpr int CalibrationBins = 10;

bool isScorerMark(char16_t c)
{
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670
        || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640;
}

bool isScorerPunctuation(char16_t c)
{
    static constexpr char16_t marks[] = u"«»“”\"'()[].,،؛:";
    return std::find(std::begin(marks), std::end(marks) - 1, c) != std::end(marks) - 1;
}

char16_t scorerLetter(char16_t c)
{
    switch (c) {
    case u'أ':
    case u'إ':
    case u'آ':
    case u'ٱ':
        return u'ا';
    case u'ى':
        return u'ي';
    case u'ة':
        return u'ه';
    default:
        break;
    }
    if (c >= 0x0660 && c <= 0x0669) {
        return char16_t(u'0' + (c - 0x0660));
    }
    if (c >= 0x06F0 && c <= 0x06F9) {
        return char16_t(u'0' + (c - 0x06F0));
    }
    return c;
}

// The file name of an article or gold path: what the scorer pairs them by.
QString baseName(QString path)
{
    path.replace(u'\\', u'/');
    return path.mid(path.lastIndexOf(u'/') + 1);
}

// "feed.jsonl#2" for the second item of a JSON lines file; the workspace may already
// store its items' paths in that form.
QString articleKey(const QString &path, int item)
{
    const QString suffix = u'#' + QString::number(item);
    return baseName(item > 0 && !path.endsWith(suffix) ? path + suffix : path);
}

// Gold forms of a victim or actor: a list, or one string; empty entries dropped.
QStringList goldForms(const QJsonValue &value)
{
    QStringList forms;
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (!v.toString().isEmpty()) {
                forms.append(v.toString());
            }
        }
    } else if (value.isString() && !value.toString().isEmpty()) {
        forms.append(value.toString());
    }
    return forms;
}

bool isNullish(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined();
}

// The scorer's alias_match: the normalized value and a normalized gold form
// contain one another.
bool aliasMatch(const QString &value, const QJsonValue &gold)
{
    const QString v = scorerKey(value);
    if (v.isEmpty()) {
        return false;
    }
    for (const QString &form : goldForms(gold)) {
        const QString g = scorerKey(form);
        if (!g.isEmpty() && (v.contains(g) || g.contains(v))) {
            return true;
        }
    }
    return false;
}

// A number as the scorer reads a cell: thousands commas dropped, spaces trimmed.
std::optional<double> cellNumber(const QString &cell)
{
    bool ok = false;
    const double n = QString(cell).remove(u',').trimmed().toDouble(&ok);
    return ok ? std::optional<double>(n) : std::nullopt;
}

QString goldText(const QJsonValue &v)
{
    if (v.isDouble()) {
        return QString::number(v.toDouble());
    }
    if (v.isBool()) {
        return v.toBool() ? u"True"_s : u"False"_s;
    }
    return v.toString();
}

// The scorer's field_ok: whether a core field of a proposal agrees with the gold.
bool coreFieldOk(const QString &name, const QJsonObject &gold, const ProposedIncident &p)
{
    const QJsonValue g = gold.value(name);
    const QString v = p.value(name).trimmed();
    if (name == u"victim"_s || name == u"actor"_s) {
        return goldForms(g).isEmpty() ? v.isEmpty() : aliasMatch(v, g);
    }
    if (name == u"records_affected"_s) {
        if (isNullish(g)) {
            return v.isEmpty();
        }
        const std::optional<double> n = cellNumber(v);
        return n && std::abs(*n - g.toDouble()) <= 0.01 * g.toDouble();
    }
    if (isNullish(g)) {
        return true;
    }
    QStringList alternatives{goldText(g)};
    for (const QJsonValue &alt : gold.value(name + u"_alt"_s).toArray()) {
        alternatives.append(goldText(alt));
    }
    return std::any_of(alternatives.cbegin(), alternatives.cend(),
                       [&](const QString &a) { return a.toLower() == v.toLower(); });
}

// The scorer's score_pair: victim 3, attack type 1, victim country 1, records 1.
int pairScore(const QJsonObject &gold, const ProposedIncident &p)
{
    int score = 0;
    if (aliasMatch(p.value(u"victim"_s), gold.value(u"victim"_s))) {
        score += 3;
    }
    if (coreFieldOk(u"attack_type"_s, gold, p)) {
        score += 1;
    }
    const QJsonValue country = gold.value(u"victim_country"_s);
    if (country.isString() && p.value(u"victim_country"_s) == country.toString()) {
        score += 1;
    }
    const QJsonValue records = gold.value(u"records_affected"_s);
    if (records.isDouble() && records.toDouble() != 0 && coreFieldOk(u"records_affected"_s, gold, p)) {
        score += 1;
    }
    return score;
}

// Fields outside the core, reported for information over matched incidents.
bool otherFieldOk(const QString &field, const QJsonObject &gold, const ProposedIncident &p)
{
    const QString value = p.value(field);
    const QJsonValue g = gold.value(field);
    if (field == u"data_types"_s) {
        QStringList expected;
        for (const QJsonValue &v : g.toArray()) {
            expected.append(v.toString());
        }
        QStringList got = value.split(u';', Qt::SkipEmptyParts);
        expected.sort();
        got.sort();
        return expected == got;
    }
    if (isNullish(g)) {
        return value.isEmpty();
    }
    return value.compare(goldText(g), Qt::CaseInsensitive) == 0;
}

// The entity types that cover a gold entity list of the given name, by the
// scorer's table: an actor may be any named agent, a number any quantity,
// amount or date.
QVector<EntityType> typesForGold(const QString &name)
{
    if (name == u"number"_s) {
        return {EntityType::Quantity, EntityType::Money, EntityType::Date};
    }
    if (name == u"actor"_s) {
        return {EntityType::ThreatActor, EntityType::Organization, EntityType::Person};
    }
    if (name == u"place"_s) {
        return {EntityType::Place, EntityType::Country};
    }
    EntityType type;
    if (entityTypeFromName(name, &type)) {
        return {type};
    }
    return {};
}

QString describe(const ProposedIncident &p)
{
    return u"victim «%1» %2 %3 (confidence %4)"_s.arg(p.value(u"victim"_s), p.value(u"attack_type"_s),
                                                      p.value(u"victim_country"_s))
        .arg(p.confidence, 0, 'f', 2);
}

QString describe(const QJsonObject &g)
{
    return u"victim «%1» %2 %3"_s.arg(goldForms(g.value(u"victim"_s)).join(u" | "_s),
                                      g.value(u"attack_type"_s).toString(), g.value(u"victim_country"_s).toString());
}

QString goldValueText(const QJsonValue &v)
{
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &x : v.toArray()) {
            parts.append(x.isString() ? x.toString() : QString::number(x.toDouble(), 'f', 0));
        }
        return parts.join(u" | "_s);
    }
    if (v.isDouble()) {
        return QString::number(qint64(v.toDouble()));
    }
    if (isNullish(v)) {
        return u"(none)"_s;
    }
    return v.toString();
}

const QStringList &otherFieldNames()
{
    static const QStringList names = {u"victim_sector"_s, u"actor_type"_s, u"actor_country"_s, u"data_types"_s,
                                      u"incident_date"_s, u"disclosure"_s, u"impact"_s};
    return names;
}

// Whether a field of a paired proposal agrees with the gold, for the fields
// the scoring judges: every core field, the others where the gold states them.
std::optional<bool> judgedField(const QString &field, const QJsonObject &gold, const ProposedIncident &p)
{
    if (evalCoreFields().contains(field)) {
        return coreFieldOk(field, gold, p);
    }
    if (otherFieldNames().contains(field) && gold.contains(field)) {
        return otherFieldOk(field, gold, p);
    }
    return std::nullopt;
}

QVector<CalibrationBin> emptyBins()
{
    QVector<CalibrationBin> bins;
    for (int b = 0; b < CalibrationBins; ++b) {
        bins.append({b / double(CalibrationBins), 0, 0.0, 0});
    }
    return bins;
}

void addToBins(QVector<CalibrationBin> &bins, double confidence, bool right)
{
    const double c = std::clamp(confidence, 0.0, 1.0);
    CalibrationBin &bin = bins[std::min(int(c * CalibrationBins), CalibrationBins - 1)];
    ++bin.proposals;
    bin.confidenceSum += c;
    bin.right += right ? 1 : 0;
}

int binnedCount(const QVector<CalibrationBin> &bins)
{
    int n = 0;
    for (const CalibrationBin &bin : bins) {
        n += bin.proposals;
    }
    return n;
}

double calibrationError(const QVector<CalibrationBin> &bins)
{
    const int n = binnedCount(bins);
    if (n == 0) {
        return 0.0;
    }
    double sum = 0.0;
    for (const CalibrationBin &bin : bins) {
        if (bin.proposals > 0) {
            sum += std::abs(bin.confidenceSum / bin.proposals - double(bin.right) / bin.proposals) * bin.proposals;
        }
    }
    return sum / n;
}

void addLine(QVector<EvalLine> &lines, const QString &name, bool hit)
{
    for (EvalLine &line : lines) {
        if (line.name == name) {
            line.count.hit += hit ? 1 : 0;
            ++line.count.total;
            return;
        }
    }
    lines.append({name, {hit ? 1 : 0, 1}});
}

// A proposal of one gold article as the scoring reads it.
struct Row
{
    const ProposedIncident *incident = nullptr;
    double confidence = 0.0; // as exported
};

// What the workspace holds for one gold article: the rows and entities of
// every article of that file name, in order.
struct ArticleView
{
    bool found = false;
    QVector<Row> rows;
    QVector<QPair<EntityType, QString>> entities; // type, scorer key of the text
};

// The proposals as the pairing sees them, at their own confidence.
QVector<Row> rowsOf(const QVector<ProposedIncident> &incidents)
{
    QVector<Row> rows;
    rows.reserve(incidents.size());
    for (const ProposedIncident &incident : incidents) {
        rows.append({&incident, incident.confidence});
    }
    return rows;
}

// Each gold incident in turn takes the unused row that scores best, the first
// of equals, when it scores 2 or more: the scorer's greedy pairing.
QVector<int> assign(const QJsonArray &gold, const QVector<Row> &rows)
{
    QVector<int> matched(gold.size(), -1);
    QVector<bool> used(rows.size(), false);
    for (int g = 0; g < gold.size(); ++g) {
        int best = 0;
        int bestRow = -1;
        for (int r = 0; r < rows.size(); ++r) {
            if (used[r]) {
                continue;
            }
            const int s = pairScore(gold[g].toObject(), *rows[r].incident);
            if (s > best) {
                best = s;
                bestRow = r;
            }
        }
        if (bestRow >= 0 && best >= 2) {
            used[bestRow] = true;
            matched[g] = bestRow;
        }
    }
    return matched;
}

class Scorer
{
public:
    explicit Scorer(const QVector<EvalArticle> &articles);
    void score(const QJsonObject &goldArticle);
    EvalReport take();

private:
    ArticleView viewOf(const QString &file) const;
    void scoreEntities(const QString &file, const QJsonObject &gold, const ArticleView &view);
    void scoreIncident(const QString &file, const QJsonObject &gold, const Row *row, bool first);
    void scoreProposals(const QString &file, const QJsonArray &gold, const ArticleView &view,
                        const QVector<int> &matched);

    QHash<QString, QVector<const EvalArticle *>> m_byKey;
    QMap<QString, EvalCount> m_entityRecall;
    EvalReport m_report;
};

Scorer::Scorer(const QVector<EvalArticle> &articles)
{
    for (const EvalArticle &a : articles) {
        m_byKey[articleKey(a.path, a.item)].append(&a);
    }
    for (const QString &field : evalCoreFields()) {
        m_report.fields.append({field, {}});
        m_report.primaryFields.append({field, {}});
    }
    m_report.calibration = emptyBins();
    m_report.fieldCalibration = emptyBins();
}

ArticleView Scorer::viewOf(const QString &file) const
{
    ArticleView view;
    const auto it = m_byKey.constFind(baseName(file));
    if (it == m_byKey.cend()) {
        return view;
    }
    view.found = true;
    for (const EvalArticle *article : *it) {
        for (int i = 0; i < article->incidents.size(); ++i) {
            const QString status = article->reviewStatus.value(i);
            if (status != u"rejected"_s) {
                const ProposedIncident &incident = article->incidents[i];
                view.rows.append({&incident, exportedConfidence(incident.confidence, status)});
            }
        }
        for (const Entity &e : article->entities) {
            view.entities.append({e.type, scorerKey(e.text)});
        }
    }
    return view;
}

void Scorer::scoreEntities(const QString &file, const QJsonObject &gold, const ArticleView &view)
{
    for (auto it = gold.constBegin(); it != gold.constEnd(); ++it) {
        const QVector<EntityType> types = typesForGold(it.key());
        for (const QJsonValue &item : it.value().toArray()) {
            const QString wanted = scorerKey(item.toString());
            const bool found = std::any_of(view.entities.cbegin(), view.entities.cend(), [&](const auto &e) {
                return types.contains(e.first)
                    && (wanted.isEmpty() || e.second.contains(wanted) || (!e.second.isEmpty() && wanted.contains(e.second)));
            });
            EvalCount &count = m_entityRecall[it.key()];
            ++count.total;
            if (found) {
                ++count.hit;
            } else {
                m_report.misses.append(u"%1: entity %2 «%3» not found"_s.arg(file, it.key(), item.toString()));
            }
        }
    }
}

void Scorer::scoreIncident(const QString &file, const QJsonObject &gold, const Row *row, bool first)
{
    const bool primary = gold.value(u"primary"_s).toBool();
    const QString tag = primary ? u" (primary)"_s : QString();
    ++m_report.incidentRecall.total;
    if (row) {
        ++m_report.incidentRecall.hit;
    } else {
        m_report.misses.append(u"%1: incident missed: %2"_s.arg(file, describe(gold)));
    }
    if (primary) {
        ++m_report.primaryFound.total;
        ++m_report.primaryFirst.total;
        m_report.primaryFound.hit += row ? 1 : 0;
        if (row && first) {
            ++m_report.primaryFirst.hit;
        } else if (row) {
            m_report.misses.append(u"%1: primary incident not listed first: %2"_s.arg(file, describe(gold)));
        }
    }
    for (int f = 0; f < evalCoreFields().size(); ++f) {
        const QString &field = evalCoreFields()[f];
        const bool ok = row && coreFieldOk(field, gold, *row->incident);
        m_report.fields[f].count.hit += ok ? 1 : 0;
        ++m_report.fields[f].count.total;
        if (primary) {
            m_report.primaryFields[f].count.hit += ok ? 1 : 0;
            ++m_report.primaryFields[f].count.total;
        }
        if (row && !ok) {
            m_report.misses.append(u"%1: %2%3: expected «%4», got «%5»"_s.arg(
                file, field, tag, goldValueText(gold.value(field)), row->incident->value(field)));
        }
    }
    if (!row) {
        return;
    }
    for (const IncidentField &field : row->incident->fields) {
        if (const std::optional<bool> ok = judgedField(field.name, gold, *row->incident)) {
            addToBins(m_report.fieldCalibration, field.confidence, *ok);
        }
    }
    for (const QString &field : otherFieldNames()) {
        if (gold.contains(field)) {
            const bool ok = otherFieldOk(field, gold, *row->incident);
            addLine(m_report.otherFields, field, ok);
            if (!ok) {
                m_report.misses.append(u"%1: %2%3: expected «%4», got «%5»"_s.arg(
                    file, field, tag, goldValueText(gold.value(field)), row->incident->value(field)));
            }
        }
    }
}

void Scorer::scoreProposals(const QString &file, const QJsonArray &gold, const ArticleView &view,
                            const QVector<int> &matched)
{
    const QSet<int> used(matched.cbegin(), matched.cend());
    m_report.incidentPrecision.total += int(view.rows.size());
    bool alarm = false;
    for (int r = 0; r < view.rows.size(); ++r) {
        const bool right = used.contains(r);
        m_report.incidentPrecision.hit += right ? 1 : 0;
        addToBins(m_report.calibration, view.rows[r].confidence, right);
        alarm = alarm || view.rows[r].confidence >= 0.5;
        if (!right) {
            m_report.misses.append(
                u"%1: proposal matches no gold incident: %2"_s.arg(file, describe(*view.rows[r].incident)));
        }
    }
    if (gold.isEmpty()) {
        ++m_report.falseAlarms.total;
        if (alarm) {
            ++m_report.falseAlarms.hit;
            m_report.misses.append(u"%1: no incident in the gold, but a proposal at 0.5 or more"_s.arg(file));
        }
    }
}

void Scorer::score(const QJsonObject &goldArticle)
{
    const QString file = goldArticle.value(u"file"_s).toString();
    ++m_report.goldArticles;
    const ArticleView view = viewOf(file);
    if (view.found) {
        ++m_report.matchedArticles;
    } else {
        m_report.unmatchedArticles.append(file);
        m_report.misses.append(file + u": not in the workspace"_s);
    }
    scoreEntities(file, goldArticle.value(u"entities"_s).toObject(), view);
    const QJsonArray gold = goldArticle.value(u"incidents"_s).toArray();
    const QVector<int> matched = assign(gold, view.rows);
    for (int g = 0; g < gold.size(); ++g) {
        scoreIncident(file, gold[g].toObject(), matched[g] >= 0 ? &view.rows[matched[g]] : nullptr, matched[g] == 0);
    }
    scoreProposals(file, gold, view, matched);
}

EvalReport Scorer::take()
{
    for (auto it = m_entityRecall.cbegin(); it != m_entityRecall.cend(); ++it) {
        m_report.entityRecall.append({it.key(), it.value()});
    }
    return std::move(m_report);
}

} // namespace

QString scorerKey(QStringView text)
{
    const QString nfkc = text.toString().normalized(QString::NormalizationForm_KC);
    QString s;
    s.reserve(nfkc.size());
    for (const QChar ch : nfkc) {
        if (!isScorerMark(ch.unicode())) {
            s.append(QChar(scorerLetter(ch.unicode())));
        }
    }
    s = s.toLower();
    for (QChar &ch : s) {
        if (isScorerPunctuation(ch.unicode())) {
            ch = u' ';
        }
    }
    static const QRegularExpression clitic(u"\\b(ال|وال|بال|لل|و)(?=\\w{3})"_s,
                                           QRegularExpression::UseUnicodePropertiesOption);
    s.remove(clitic);
    return s.simplified();
}

QString scorerFigure(double x)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", x);
    return QString::fromLatin1(buffer);
}

double exportedConfidence(double confidence, QStringView reviewStatus)
{
    return exportedConfidenceText(confidence, reviewStatus).toDouble();
}

const QStringList &evalCoreFields()
{
    static const QStringList names = {u"victim"_s, u"victim_country"_s, u"attack_type"_s, u"actor"_s,
                                      u"records_affected"_s, u"records_qualifier"_s};
    return names;
}

EvalCount EvalReport::coreFields() const
{
    EvalCount sum;
    for (const EvalLine &line : fields) {
        sum += line.count;
    }
    return sum;
}

EvalCount EvalReport::primaryCoreFields() const
{
    EvalCount sum;
    for (const EvalLine &line : primaryFields) {
        sum += line.count;
    }
    return sum;
}

EvalCount EvalReport::entities() const
{
    EvalCount sum;
    for (const EvalLine &line : entityRecall) {
        sum += line.count;
    }
    return sum;
}

int EvalReport::calibratedProposals() const
{
    return binnedCount(calibration);
}

double EvalReport::expectedCalibrationError() const
{
    return calibrationError(calibration);
}

int EvalReport::calibratedFields() const
{
    return binnedCount(fieldCalibration);
}

double EvalReport::fieldCalibrationError() const
{
    return calibrationError(fieldCalibration);
}

QString EvalReport::summaryLine() const
{
    const EvalCount allEntities = entities();
    QString line = u"incidents R=%1 P=%2 primary R=%3 | primary fields=%4 | all fields=%5 | entities R=%6"_s.arg(
        scorerFigure(incidentRecall.ratio()), scorerFigure(incidentPrecision.ratio()), scorerFigure(primaryFound.ratio()),
        scorerFigure(primaryCoreFields().ratio()), scorerFigure(coreFields().ratio()),
        allEntities.total > 0 ? scorerFigure(allEntities.ratio()) : u"n/a"_s);
    if (falseAlarms.total > 0) {
        line += u" | false alarms=%1/%2"_s.arg(falseAlarms.hit).arg(falseAlarms.total);
    }
    line += u" | ECE="_s + (calibratedProposals() > 0 ? scorerFigure(expectedCalibrationError()) : u"n/a"_s);
    return line;
}

EvalReport evaluateArticles(const QVector<EvalArticle> &articles, const QJsonDocument &gold)
{
    Scorer scorer(articles);
    for (const QJsonValue &value : gold.object().value(u"articles"_s).toArray()) {
        scorer.score(value.toObject());
    }
    return scorer.take();
}

QVector<bool> matchedProposals(const QJsonObject &goldArticle, const QVector<ProposedIncident> &incidents)
{
    const QVector<Row> rows = rowsOf(incidents);
    QVector<bool> matched(incidents.size(), false);
    for (const int r : assign(goldArticle.value(u"incidents"_s).toArray(), rows)) {
        if (r >= 0) {
            matched[r] = true;
        }
    }
    return matched;
}

QVector<FieldOutcome> fieldOutcomes(const QJsonObject &goldArticle, const QVector<ProposedIncident> &incidents)
{
    const QVector<Row> rows = rowsOf(incidents);
    const QJsonArray gold = goldArticle.value(u"incidents"_s).toArray();
    const QVector<int> paired = assign(gold, rows);
    QVector<FieldOutcome> outcomes;
    for (int g = 0; g < paired.size(); ++g) {
        if (paired[g] < 0) {
            continue;
        }
        const ProposedIncident &p = incidents[paired[g]];
        for (const IncidentField &field : p.fields) {
            if (const std::optional<bool> ok = judgedField(field.name, gold[g].toObject(), p)) {
                outcomes.append({field.name, field.confidence, *ok});
            }
        }
    }
    return outcomes;
}

QJsonDocument mergeGold(const QVector<QJsonDocument> &golds)
{
    QJsonArray articles;
    for (const QJsonDocument &gold : golds) {
        for (const QJsonValue &article : gold.object().value(u"articles"_s).toArray()) {
            articles.append(article);
        }
    }
    return QJsonDocument(QJsonObject{{u"articles"_s, articles}});
}

QString formatReport(const EvalReport &report, bool verbose)
{
    QString out;
    const auto ratio = [](const EvalCount &c) {
        return c.total > 0 ? QString::number(c.ratio(), 'f', 2) : u"  - "_s;
    };
    const auto row = [&](const QString &name, const EvalCount &c) {
        return u"  %1 %2 / %3   %4\n"_s.arg(name, -22).arg(c.hit, 4).arg(c.total, -4).arg(ratio(c));
    };
    out += u"Articles: %1 of %2 found in the workspace\n"_s.arg(report.matchedArticles).arg(report.goldArticles);
    if (!report.unmatchedArticles.isEmpty()) {
        out += u"  not found: "_s + report.unmatchedArticles.join(u", "_s) + u'\n';
    }
    out += u"\nEntity recall\n"_s;
    for (const EvalLine &line : report.entityRecall) {
        out += row(line.name, line.count);
    }
    out += row(u"all"_s, report.entities());

    out += u"\nIncidents\n"_s;
    out += row(u"recall"_s, report.incidentRecall);
    out += row(u"precision"_s, report.incidentPrecision);
    out += row(u"primary found"_s, report.primaryFound);
    out += row(u"primary listed first"_s, report.primaryFirst);
    out += row(u"false alarms"_s, report.falseAlarms);

    out += u"\nField accuracy        all gold incidents      primary incidents\n"_s;
    for (int i = 0; i < report.fields.size(); ++i) {
        const EvalCount &a = report.fields[i].count;
        const EvalCount &p = report.primaryFields.value(i).count;
        out += u"  %1 %2 / %3 %4     %5 / %6 %7\n"_s.arg(report.fields[i].name, -18)
                   .arg(a.hit, 4).arg(a.total, -4).arg(ratio(a))
                   .arg(p.hit, 4).arg(p.total, -4).arg(ratio(p));
    }
    const EvalCount core = report.coreFields();
    const EvalCount primary = report.primaryCoreFields();
    out += u"  %1 %2 / %3 %4     %5 / %6 %7\n"_s.arg(u"all core fields"_s, -18)
               .arg(core.hit, 4).arg(core.total, -4).arg(ratio(core))
               .arg(primary.hit, 4).arg(primary.total, -4).arg(ratio(primary));
    if (!report.otherFields.isEmpty()) {
        out += u"\nOther fields (matched incidents whose gold states them)\n"_s;
        for (const EvalLine &line : report.otherFields) {
            out += row(line.name, line.count);
        }
    }
    if (report.calibratedProposals() > 0) {
        out += u"\nCalibration         proposals  confidence  right\n"_s;
        for (const CalibrationBin &bin : report.calibration) {
            if (bin.proposals > 0) {
                out += u"  %1–%2         %3       %4      %5\n"_s.arg(bin.lower, 0, 'f', 1)
                           .arg(bin.lower + 0.1, 0, 'f', 1)
                           .arg(bin.proposals, 4)
                           .arg(bin.confidenceSum / bin.proposals, 0, 'f', 2)
                           .arg(double(bin.right) / bin.proposals, 0, 'f', 2);
            }
        }
    }
    if (report.calibratedFields() > 0) {
        out += u"\nFields of matched incidents: %1 judged, calibration error (ECE) %2\n"_s
                   .arg(report.calibratedFields())
                   .arg(scorerFigure(report.fieldCalibrationError()));
    }
    if (verbose && !report.misses.isEmpty()) {
        out += u"\nMisses\n"_s;
        for (const QString &miss : report.misses) {
            out += u"  "_s + miss + u'\n';
        }
    }
    out += u'\n' + report.summaryLine() + u'\n';
    return out;
}

} // namespace Extract
} // namespace Rasid
