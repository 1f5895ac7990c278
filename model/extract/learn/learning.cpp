#include "extract/learn/learning.h"

#include "extract/pipeline.h"
#include "extract/recognizer.h"
#include "text/articlereader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

// The raw article a gold entry names: "file.txt", or "feed.jsonl#2" for an item.
bool readGoldArticle(const QString &folder, const QString &file, RawArticle *raw, QString *problem)
{
    QString path = file;
    int item = 0;
    if (const qsizetype hash = file.lastIndexOf(u'#'); hash > 0) {
        bool ok = false;
        item = file.mid(hash + 1).toInt(&ok);
        path = ok ? file.left(hash) : file;
        item = ok ? item : 0;
    }
    QFile f(QDir(folder).filePath(path));
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = u"%1: %2"_s.arg(f.fileName(), f.errorString());
        return false;
    }
    const ReadResult read = readArticle(sourceKindForPath(path), f.readAll());
    for (const RawArticle &a : read.articles) {
        if (item == 0 || a.item == item) {
            *raw = a;
            return true;
        }
    }
    *problem = u"%1: no such article"_s.arg(f.fileName());
    return false;
}

ArticleEvidence evidenceOf(const LabelledArticle &a)
{
    return articleEvidence(a.text, a.folded, a.title, a.entities, a.incidents);
}

EvalArticle evalArticle(const LabelledArticle &a, const QVector<ProposedIncident> &incidents)
{
    EvalArticle e;
    e.path = a.file;
    e.entities = a.entities;
    e.incidents = incidents;
    return e;
}

CrossValidation scoreAll(const QVector<LabelledArticle> &articles, const QVector<GoldSet> &sets,
                         const QVector<QVector<ProposedIncident>> &proposals)
{
    CrossValidation cv;
    QVector<QJsonDocument> golds;
    for (int s = 0; s < sets.size(); ++s) {
        QVector<EvalArticle> ofSet;
        QJsonArray goldArticles;
        for (int i = 0; i < articles.size(); ++i) {
            if (articles[i].set == s) {
                ofSet.append(evalArticle(articles[i], proposals[i]));
                goldArticles.append(articles[i].gold);
            }
        }
        const QJsonDocument gold(QJsonObject{{u"articles"_s, goldArticles}});
        cv.perSet.append(evaluateArticles(ofSet, gold));
        golds.append(gold);
    }
    // Articles of different sets may share a file name: score the total over
    // distinct names.
    QVector<EvalArticle> all;
    QJsonArray goldArticles;
    for (int i = 0; i < articles.size(); ++i) {
        LabelledArticle renamed = articles[i];
        renamed.file = QString::number(articles[i].set) + u'-' + articles[i].file;
        all.append(evalArticle(renamed, proposals[i]));
        QJsonObject g = articles[i].gold;
        g.insert(u"file"_s, renamed.file);
        goldArticles.append(g);
    }
    cv.total = evaluateArticles(all, QJsonDocument(QJsonObject{{u"articles"_s, goldArticles}}));
    return cv;
}

} // namespace

QVector<LabelledArticle> labelArticles(const QVector<GoldSet> &sets, QStringList *problems)
{
    QVector<LabelledArticle> articles;
    for (int s = 0; s < sets.size(); ++s) {
        for (const QJsonValue &value : sets[s].gold.object().value(u"articles"_s).toArray()) {
            const QJsonObject gold = value.toObject();
            const QString file = gold.value(u"file"_s).toString();
            RawArticle raw;
            QString problem;
            if (!readGoldArticle(sets[s].folder, file, &raw, &problem)) {
                if (problems) {
                    problems->append(problem);
                }
                continue;
            }
            // What the model weighs at import: the rules' proposals and the mentioned victims.
            ProcessedArticle processed = candidateArticle(raw, Recognizer::instance());
            LabelledArticle a;
            a.set = s;
            a.file = file;
            a.gold = gold;
            a.text = processed.cleaned.text;
            a.folded = processed.folded;
            a.title = processed.cleaned.title;
            a.entities = std::move(processed.entities);
            a.incidents = std::move(processed.incidents);
            a.positive = matchedProposals(gold, a.incidents);
            articles.append(std::move(a));
        }
    }
    return articles;
}

QVector<TrainingExample> trainingExamples(const QVector<LabelledArticle> &articles, const QVector<int> &which)
{
    QVector<TrainingExample> examples;
    for (int n = 0; n < which.size(); ++n) {
        const LabelledArticle &a = articles[which[n]];
        const ArticleEvidence evidence = evidenceOf(a);
        for (int i = 0; i < a.incidents.size(); ++i) {
            examples.append({incidentFeatures(evidence, a.incidents[i], i), a.positive.value(i), n});
        }
    }
    return examples;
}

QVector<FieldOutcome> fieldOutcomes(const QVector<LabelledArticle> &articles, const QVector<int> &which)
{
    QVector<FieldOutcome> outcomes;
    for (const int i : which) {
        outcomes += fieldOutcomes(articles[i].gold, articles[i].incidents);
    }
    return outcomes;
}

IncidentModel trainModel(const QVector<LabelledArticle> &articles, const QVector<int> &which,
                         const TrainingOptions &options)
{
    IncidentModel model = trainIncidentModel(trainingExamples(articles, which), options);
    const QVector<FieldOutcome> fields = fieldOutcomes(articles, which);
    model.setFieldCalibration(FieldCalibration::fit(fields));
    QStringList header = model.header();
    header.append(QStringLiteral("Field confidences: isotonic in the rules' confidence, per field, from %1 judged "
                                 "fields of the proposals the gold codes (at least %2 per field).")
                      .arg(fields.size())
                      .arg(FieldCalibration::MinimumExamples));
    model.setHeader(header);
    return model;
}

QVector<ProposedIncident> applyModel(const IncidentModel &model, const LabelledArticle &article)
{
    QVector<ProposedIncident> incidents = article.incidents;
    rescoreIncidents(model, evidenceOf(article), incidents);
    return incidents;
}

QVector<int> foldsByArticle(const QVector<LabelledArticle> &articles, int k)
{
    QVector<int> folds(articles.size());
    for (int i = 0; i < articles.size(); ++i) {
        folds[i] = i % std::max(1, k);
    }
    return folds;
}

QVector<int> foldsBySet(const QVector<LabelledArticle> &articles)
{
    QVector<int> folds(articles.size());
    for (int i = 0; i < articles.size(); ++i) {
        folds[i] = articles[i].set;
    }
    return folds;
}

CrossValidation crossValidate(const QVector<LabelledArticle> &articles, const QVector<GoldSet> &sets,
                              const QVector<int> &folds, const TrainingOptions &options)
{
    QVector<QVector<ProposedIncident>> proposals(articles.size());
    QVector<double> thresholds;
    const QSet<int> distinct(folds.cbegin(), folds.cend());
    QList<int> foldList = distinct.values();
    std::sort(foldList.begin(), foldList.end());
    for (const int k : foldList) {
        QVector<int> train;
        for (int i = 0; i < articles.size(); ++i) {
            if (folds[i] != k) {
                train.append(i);
            }
        }
        const IncidentModel model = trainModel(articles, train, options);
        thresholds.append(model.dropBelow());
        for (int i = 0; i < articles.size(); ++i) {
            if (folds[i] == k) {
                proposals[i] = applyModel(model, articles[i]);
            }
        }
    }
    CrossValidation cv = scoreAll(articles, sets, proposals);
    cv.dropThresholds = thresholds;
    return cv;
}

CrossValidation rulesOnly(const QVector<LabelledArticle> &articles, const QVector<GoldSet> &sets)
{
    QVector<QVector<ProposedIncident>> proposals;
    for (const LabelledArticle &a : articles) {
        QVector<ProposedIncident> rules;
        for (const ProposedIncident &p : a.incidents) {
            if (p.source == ProposalSource::Rules) {
                rules.append(p);
            }
        }
        proposals.append(rules);
    }
    return scoreAll(articles, sets, proposals);
}

} // namespace Extract
} // namespace Rasid
