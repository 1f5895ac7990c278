#include "extract/evaluation.h"

#include "text/textfold.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QSet>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

// Folded, with runs of spaces collapsed: how gold forms and extracted values compare.
QString key(QStringView text)
{
    return fold(text).simplified();
}

// A gold form and an extracted value match when either contains the other after
// folding; a very short one must be equal (no "ال" inside everything).
bool formsMatch(const QString &gold, const QString &value)
{
    const QString g = key(gold);
    const QString v = key(value);
    if (g.isEmpty() || v.isEmpty()) {
        return false;
    }
    if (std::min(g.size(), v.size()) < 3) {
        return g == v;
    }
    return g.contains(v) || v.contains(g);
}

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

// The entity types that cover a gold entity list of the given name.
QVector<EntityType> typesForGold(const QString &name)
{
    if (name == u"number"_s) {
        return {EntityType::Quantity, EntityType::Money};
    }
    if (name == u"actor"_s) {
        return {EntityType::ThreatActor};
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

// "feed.jsonl#2" for the second item of a JSON lines file; the workspace may already
// store its items' paths in that form.
QString articleKey(const QString &path, int item)
{
    const QString suffix = u'#' + QString::number(item);
    return item > 0 && !path.endsWith(suffix) ? path + suffix : path;
}

struct GoldIncident
{
    QJsonObject object;
    bool primary = false;
};

// A proposal as the scoring reads it.
struct Proposal
{
    const ProposedIncident *incident = nullptr;
    bool first = false; // listed first: the article's primary
    bool counted = false;
};

// How well a proposal matches a gold incident: 0 no match; 1 attack type and
// country; 2 a victim form; 2.5 a victim form and the attack type.
double matchScore(const QJsonObject &gold, const ProposedIncident &p)
{
    const QString victim = p.value(u"victim"_s);
    const QString attack = p.value(u"attack_type"_s);
    bool victimMatch = false;
    for (const QString &form : goldForms(gold.value(u"victim"_s))) {
        victimMatch = victimMatch || formsMatch(form, victim);
    }
    const QString goldAttack = gold.value(u"attack_type"_s).toString();
    const QString goldCountry = gold.value(u"victim_country"_s).toString();
    if (victimMatch) {
        return attack == goldAttack ? 2.5 : 2.0;
    }
    if (!goldAttack.isEmpty() && attack == goldAttack && !goldCountry.isEmpty()
        && p.value(u"victim_country"_s).compare(goldCountry, Qt::CaseInsensitive) == 0) {
        return 1.0;
    }
    return 0.0;
}

// Whether a proposed field agrees with the gold; null in the gold wants an empty field.
bool fieldCorrect(const QString &field, const QJsonObject &gold, const ProposedIncident *p)
{
    const QString value = p ? p->value(field) : QString();
    const QJsonValue g = gold.value(field);
    if (field == u"victim"_s || field == u"actor"_s) {
        const QStringList forms = goldForms(g);
        if (forms.isEmpty()) {
            return p && value.isEmpty();
        }
        return std::any_of(forms.cbegin(), forms.cend(), [&](const QString &f) { return formsMatch(f, value); });
    }
    if (field == u"records_affected"_s) {
        if (g.isNull() || g.isUndefined()) {
            return p && value.isEmpty();
        }
        return value == QString::number(qint64(g.toDouble()));
    }
    if (field == u"records_qualifier"_s) {
        QString expected = g.toString();
        const QJsonValue records = gold.value(u"records_affected"_s);
        if (expected.isEmpty() && !(records.isNull() || records.isUndefined())) {
            expected = u"exact"_s;
        }
        return p && value == expected;
    }
    if (field == u"data_types"_s) {
        QStringList expected;
        for (const QJsonValue &v : g.toArray()) {
            expected.append(v.toString());
        }
        QStringList got = value.split(u';', Qt::SkipEmptyParts);
        expected.sort();
        got.sort();
        return p && expected == got;
    }
    if (g.isNull() || g.isUndefined()) {
        return p && value.isEmpty();
    }
    return p && value.compare(g.toString(), Qt::CaseInsensitive) == 0;
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
    if (v.isNull() || v.isUndefined()) {
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

} // namespace

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

EvalReport evaluateArticles(const QVector<EvalArticle> &articles, const QJsonDocument &gold, double threshold)
{
    EvalReport report;
    report.threshold = threshold;
    for (const QString &field : evalCoreFields()) {
        report.fields.append({field, {}});
        report.primaryFields.append({field, {}});
    }
    QHash<QString, const EvalArticle *> byKey;
    for (const EvalArticle &a : articles) {
        byKey.insert(articleKey(a.path, a.item), &a);
    }
    QMap<QString, EvalCount> entityRecall;

    for (const QJsonValue &value : gold.object().value(u"articles"_s).toArray()) {
        const QJsonObject goldArticle = value.toObject();
        const QString file = goldArticle.value(u"file"_s).toString();
        ++report.goldArticles;
        const EvalArticle *article = byKey.value(file);
        if (!article) {
            // The folder may have been imported from a parent: match on the path's end.
            for (auto it = byKey.cbegin(); it != byKey.cend() && !article; ++it) {
                if (it.key().endsWith(u'/' + file)) {
                    article = it.value();
                }
            }
        }
        if (!article) {
            report.unmatchedArticles.append(file);
            report.misses.append(file + u": not in the workspace"_s);
            continue;
        }
        ++report.matchedArticles;

        // Entities
        const QJsonObject goldEntities = goldArticle.value(u"entities"_s).toObject();
        for (auto it = goldEntities.constBegin(); it != goldEntities.constEnd(); ++it) {
            const QVector<EntityType> types = typesForGold(it.key());
            for (const QJsonValue &item : it.value().toArray()) {
                const QString wanted = key(item.toString());
                const auto covers = [&](const Entity &e) {
                    return types.contains(e.type) && key(e.text).contains(wanted);
                };
                const bool found = std::any_of(article->entities.cbegin(), article->entities.cend(), covers);
                EvalCount &count = entityRecall[it.key()];
                ++count.total;
                if (found) {
                    ++count.hit;
                } else {
                    report.misses.append(u"%1: entity %2 «%3» not found"_s.arg(file, it.key(), item.toString()));
                }
            }
        }

        // Incidents
        QVector<GoldIncident> goldIncidents;
        for (const QJsonValue &g : goldArticle.value(u"incidents"_s).toArray()) {
            goldIncidents.append({g.toObject(), g.toObject().value(u"primary"_s).toBool()});
        }
        QVector<Proposal> proposals;
        for (int i = 0; i < article->incidents.size(); ++i) {
            if (article->reviewStatus.value(i) == u"rejected"_s) {
                continue;
            }
            Proposal p;
            p.incident = &article->incidents[i];
            p.first = proposals.isEmpty();
            p.counted = p.incident->confidence >= threshold;
            proposals.append(p);
        }
        // One-to-one, best pairs first; ties go to the earlier gold and proposal.
        const auto assign = [&](bool countedOnly) {
            struct Pair
            {
                double score;
                int g;
                int p;
            };
            QVector<Pair> pairs;
            for (int g = 0; g < goldIncidents.size(); ++g) {
                for (int p = 0; p < proposals.size(); ++p) {
                    if (countedOnly && !proposals[p].counted) {
                        continue;
                    }
                    const double score = matchScore(goldIncidents[g].object, *proposals[p].incident);
                    if (score > 0) {
                        pairs.append({score, g, p});
                    }
                }
            }
            std::stable_sort(pairs.begin(), pairs.end(),
                             [](const Pair &a, const Pair &b) { return a.score > b.score; });
            QVector<int> goldToProposal(goldIncidents.size(), -1);
            QSet<int> used;
            for (const Pair &pair : pairs) {
                if (goldToProposal[pair.g] < 0 && !used.contains(pair.p)) {
                    goldToProposal[pair.g] = pair.p;
                    used.insert(pair.p);
                }
            }
            return goldToProposal;
        };
        const QVector<int> matched = assign(true);
        const QVector<int> matchedAny = assign(false);
        int countedProposals = 0;
        for (const Proposal &p : proposals) {
            countedProposals += p.counted ? 1 : 0;
        }
        QSet<int> usedProposals;
        for (int g = 0; g < goldIncidents.size(); ++g) {
            const QJsonObject &object = goldIncidents[g].object;
            const int p = matched[g];
            ++report.incidentRecall.total;
            ++report.incidentRecallAnyConfidence.total;
            if (matchedAny[g] >= 0) {
                ++report.incidentRecallAnyConfidence.hit;
            }
            const ProposedIncident *proposal = p >= 0 ? proposals[p].incident : nullptr;
            if (proposal) {
                ++report.incidentRecall.hit;
                usedProposals.insert(p);
            } else {
                report.misses.append(u"%1: incident missed: %2"_s.arg(file, describe(object)));
            }
            const QString tag = goldIncidents[g].primary ? u" (primary)"_s : QString();
            if (goldIncidents[g].primary) {
                ++report.primaryFirst.total;
                if (proposal && proposals[p].first) {
                    ++report.primaryFirst.hit;
                } else if (proposal) {
                    report.misses.append(u"%1: primary incident not listed first: %2"_s.arg(file, describe(object)));
                }
            }
            for (int f = 0; f < evalCoreFields().size(); ++f) {
                const QString &field = evalCoreFields()[f];
                const bool ok = fieldCorrect(field, object, proposal);
                if (proposal) {
                    report.fields[f].count.hit += ok ? 1 : 0;
                    ++report.fields[f].count.total;
                    if (!ok) {
                        report.misses.append(u"%1: %2%3: expected «%4», got «%5»"_s.arg(
                            file, field, tag, goldValueText(object.value(field)), proposal->value(field)));
                    }
                }
                if (goldIncidents[g].primary) {
                    report.primaryFields[f].count.hit += ok ? 1 : 0;
                    ++report.primaryFields[f].count.total;
                }
            }
            if (proposal) {
                for (const QString &field : otherFieldNames()) {
                    if (object.contains(field)) {
                        const bool ok = fieldCorrect(field, object, proposal);
                        addLine(report.otherFields, field, ok);
                        if (!ok) {
                            report.misses.append(u"%1: %2%3: expected «%4», got «%5»"_s.arg(
                                file, field, tag, goldValueText(object.value(field)), proposal->value(field)));
                        }
                    }
                }
            }
        }
        report.incidentPrecision.total += countedProposals;
        report.incidentPrecision.hit += int(usedProposals.size());
        report.incidentPrecisionAnyConfidence.total += int(proposals.size());
        for (int p : matchedAny) {
            report.incidentPrecisionAnyConfidence.hit += p >= 0 ? 1 : 0;
        }
        for (int p = 0; p < proposals.size(); ++p) {
            if (proposals[p].counted && !usedProposals.contains(p)) {
                report.misses.append(
                    u"%1: proposal matches no gold incident: %2"_s.arg(file, describe(*proposals[p].incident)));
            }
        }
    }
    for (auto it = entityRecall.cbegin(); it != entityRecall.cend(); ++it) {
        report.entityRecall.append({it.key(), it.value()});
    }
    return report;
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
    EvalCount allEntities;
    for (const EvalLine &line : report.entityRecall) {
        out += row(line.name, line.count);
        allEntities += line.count;
    }
    out += row(u"all"_s, allEntities);

    out += u"\nIncidents (proposals with confidence >= %1)\n"_s.arg(report.threshold, 0, 'f', 2);
    out += row(u"recall"_s, report.incidentRecall);
    out += row(u"precision"_s, report.incidentPrecision);
    out += row(u"primary listed first"_s, report.primaryFirst);
    out += row(u"recall, any confidence"_s, report.incidentRecallAnyConfidence);
    out += row(u"precision, any conf."_s, report.incidentPrecisionAnyConfidence);

    out += u"\nField accuracy        matched incidents       primary incidents\n"_s;
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
    if (verbose && !report.misses.isEmpty()) {
        out += u"\nMisses\n"_s;
        for (const QString &miss : report.misses) {
            out += u"  "_s + miss + u'\n';
        }
    }
    return out;
}

} // namespace Extract
} // namespace Rasid
