#pragma once

#include "extract/evaluation.h"
#include "extract/learn/training.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QVector>

namespace Rasid {
inline namespace Extract {

// A gold file and the folder of the articles it codes.
struct GoldSet
{
    QString name; // shown in reports: the gold file's name
    QJsonDocument gold;
    QString folder;
};

// One gold article with what the rules make of it and which of their
// proposals the gold codes.
struct LabelledArticle
{
    int set = 0; // index into the sets
    QString file;
    QJsonObject gold;
    QString text;
    QString folded;
    QString title;
    EntityList entities;
    QVector<ProposedIncident> incidents; // the rules' proposals, before any model
    QVector<bool> positive;
};

// Reads and processes (rules only) every article of every set, in the sets'
// order; an article that cannot be read is reported and left out.
QVector<LabelledArticle> labelArticles(const QVector<GoldSet> &sets, QStringList *problems = nullptr);

// The training examples of the given articles (indices into articles).
QVector<TrainingExample> trainingExamples(const QVector<LabelledArticle> &articles, const QVector<int> &which);

// The fields of the given articles' proposals that the gold judges, with the
// rules' confidence: what the fields' calibration learns from.
QVector<FieldOutcome> fieldOutcomes(const QVector<LabelledArticle> &articles, const QVector<int> &which);

// The model of the given articles: the incident model of their training
// examples (trainIncidentModel()) and the calibration of their fields.
IncidentModel trainModel(const QVector<LabelledArticle> &articles, const QVector<int> &which,
                         const TrainingOptions &options = {});

// The proposals of an article as the model rescores them.
QVector<ProposedIncident> applyModel(const IncidentModel &model, const LabelledArticle &article);

// Folds: by article (k of them, articles dealt in turn in their order) or one
// per set (leave one source out).
QVector<int> foldsByArticle(const QVector<LabelledArticle> &articles, int k);
QVector<int> foldsBySet(const QVector<LabelledArticle> &articles);

struct CrossValidation
{
    QVector<EvalReport> perSet; // in the sets' order
    EvalReport total;
    QVector<double> dropThresholds; // each fold's model's
};

/*
 * For each fold, trains on the articles of the other folds and rescores the
 * held-out fold's proposals with that model; the held-out proposals of every
 * fold are then scored together against the gold. No article is scored by a
 * model that saw it, nor calibrated by one.
 */
CrossValidation crossValidate(const QVector<LabelledArticle> &articles, const QVector<GoldSet> &sets,
                              const QVector<int> &folds, const TrainingOptions &options = {});

// The same scoring of the rules alone, for comparison.
CrossValidation rulesOnly(const QVector<LabelledArticle> &articles, const QVector<GoldSet> &sets);

} // namespace Extract
} // namespace Rasid
