#pragma once

#include "extract/learn/incidentmodel.h"

#include <QStringList>
#include <QVector>

namespace Rasid {
inline namespace Extract {

// One proposal the rules made, with whether it is one the gold codes.
struct TrainingExample
{
    FeatureList features;
    bool positive = false;
    int group = 0; // the article: examples of one article always fall in one fold
};

struct TrainingOptions
{
    // liblinear's C (smaller is smoother); 0 chooses it from costGrid by the
    // held-out log loss of the inner folds.
    double cost = 0.0;
    QVector<double> costGrid{0.01, 0.03, 0.1, 0.3, 1.0};
    int calibrationFolds = 5; // inner folds whose held-out decisions fit the calibration
    int minimumSupport = 2;   // a feature seen in fewer examples is left out
    QStringList header;       // provenance written at the top of the model
};

/*
 * Trains the incident model with liblinear (L2-regularized logistic
 * regression): the weights on every example; the cost, the Platt calibration
 * and the drop threshold on the decisions of inner folds held out by article,
 * so that none of them is fitted on what the weights saw. Deterministic: the same examples
 * in the same order give the same model.
 */
IncidentModel trainIncidentModel(const QVector<TrainingExample> &examples, const TrainingOptions &options = {});

} // namespace Extract
} // namespace Rasid
