#include "extract/learn/training.h"

#include <QMap>
#include <QSet>

#include <linear.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

void quiet(const char *) {}

// The examples as liblinear's sparse rows over a fixed feature index.
class Problem
{
public:
    Problem(const QVector<TrainingExample> &examples, const QVector<int> &rows, const QMap<QString, int> &index)
    {
        m_nodes.resize(rows.size());
        m_x.reserve(rows.size());
        m_y.reserve(rows.size());
        for (int r = 0; r < rows.size(); ++r) {
            const TrainingExample &e = examples[rows[r]];
            QMap<int, double> values; // sorted by index, as liblinear wants; repeats add up
            for (const Feature &f : e.features) {
                if (const auto it = index.constFind(f.name); it != index.cend()) {
                    values[*it] += f.value;
                }
            }
            std::vector<feature_node> &nodes = m_nodes[r];
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                nodes.push_back({it.key(), it.value()});
            }
            nodes.push_back({int(index.size()) + 1, 1.0}); // the bias column
            nodes.push_back({-1, 0.0});
            m_y.push_back(e.positive ? 1.0 : -1.0);
        }
        for (std::vector<feature_node> &nodes : m_nodes) {
            m_x.push_back(nodes.data());
        }
        m_problem.l = int(rows.size());
        m_problem.n = int(index.size()) + 1;
        m_problem.y = m_y.data();
        m_problem.x = m_x.data();
        m_problem.bias = -1; // the bias is the last column, added above
    }
    const problem *get() const { return &m_problem; }

private:
    std::vector<std::vector<feature_node>> m_nodes;
    std::vector<feature_node *> m_x;
    std::vector<double> m_y;
    problem m_problem{};
};

// An uncalibrated model of the given rows, with the weights of the positive
// class: liblinear orders labels as it meets them.
IncidentModel fit(const QVector<TrainingExample> &examples, const QVector<int> &rows,
                  const QMap<QString, int> &index, double cost)
{
    IncidentModel result;
    bool hasPositive = false;
    bool hasNegative = false;
    for (const int r : rows) {
        (examples[r].positive ? hasPositive : hasNegative) = true;
    }
    if (!hasPositive || !hasNegative) {
        result.setWeights({}, hasPositive ? 4.0 : -4.0); // one class only: say so, with no weights
        return result;
    }
    const Problem prob(examples, rows, index);
    parameter param{};
    param.solver_type = L2R_LR;
    param.eps = 1e-4;
    param.C = cost;
    set_print_string_function(quiet);
    model *m = train(prob.get(), &param);
    const double sign = m->label[0] == 1 ? 1.0 : -1.0;
    QHash<QString, double> weights;
    for (auto it = index.cbegin(); it != index.cend(); ++it) {
        const double w = sign * m->w[it.value() - 1];
        if (w != 0.0) {
            weights.insert(it.key(), w);
        }
    }
    result.setWeights(weights, sign * m->w[index.size()]);
    free_and_destroy_model(&m);
    return result;
}

// Platt scaling: a one-feature logistic regression of the outcome on the
// decision value, nearly unregularized.
QPair<double, double> fitPlatt(const QVector<double> &decisions, const QVector<bool> &outcomes)
{
    QVector<TrainingExample> points;
    for (int i = 0; i < decisions.size(); ++i) {
        points.append({{{u"d"_s, decisions[i]}}, outcomes[i], i});
    }
    QVector<int> rows(points.size());
    std::iota(rows.begin(), rows.end(), 0);
    const IncidentModel f = fit(points, rows, {{u"d"_s, 1}}, 100.0);
    if (!f.weights().contains(u"d"_s)) {
        return {1.0, 0.0};
    }
    return {f.weights().value(u"d"_s), f.bias()};
}

// The threshold below which proposals are dropped: the one of a few that gives
// the best F1 over the held-out proposals; ties keep more.
double chooseDropThreshold(const QVector<double> &probabilities, const QVector<bool> &outcomes)
{
    int positives = 0;
    for (const bool o : outcomes) {
        positives += o ? 1 : 0;
    }
    double best = 0.0;
    double bestF1 = -1.0;
    for (int step = 0; step <= 18; ++step) {
        const double t = step * 0.05;
        int tp = 0;
        int kept = 0;
        for (int i = 0; i < probabilities.size(); ++i) {
            if (probabilities[i] >= t) {
                ++kept;
                tp += outcomes[i] ? 1 : 0;
            }
        }
        const double f1 = kept + positives > 0 ? 2.0 * tp / (kept + positives) : 0.0;
        if (f1 > bestF1 + 1e-12) {
            bestF1 = f1;
            best = t;
        }
    }
    return best;
}

// What the inner folds say of one cost: each example's decision value from a
// model trained on the folds that do not hold its article, and the Platt
// calibration of those decisions.
struct HeldOut
{
    QVector<double> decisions;
    QPair<double, double> platt;
};

HeldOut heldOut(const QVector<TrainingExample> &examples, const QVector<bool> &outcomes,
                const QMap<QString, int> &index, int folds, double cost)
{
    QVector<double> decisions(examples.size(), 0.0);
    for (int k = 0; k < folds; ++k) {
        QVector<int> train;
        QVector<int> held;
        for (int i = 0; i < examples.size(); ++i) {
            (examples[i].group % folds == k ? held : train).append(i);
        }
        if (held.isEmpty()) {
            continue;
        }
        const IncidentModel inner = fit(examples, train, index, cost);
        for (const int i : held) {
            decisions[i] = inner.decision(examples[i].features);
        }
    }
    const QPair<double, double> platt = fitPlatt(decisions, outcomes);
    return {std::move(decisions), platt};
}

// The calibrated probability of each held-out decision.
QVector<double> probabilitiesOf(const HeldOut &h)
{
    QVector<double> probabilities;
    for (const double d : h.decisions) {
        probabilities.append(logistic(h.platt.first * d + h.platt.second));
    }
    return probabilities;
}

// Mean negative log-likelihood of the outcomes under the calibrated held-out
// decisions: what the cost is chosen by.
double logLoss(const HeldOut &h, const QVector<bool> &outcomes)
{
    const QVector<double> probabilities = probabilitiesOf(h);
    double loss = 0.0;
    for (int i = 0; i < probabilities.size(); ++i) {
        const double p = std::clamp(probabilities[i], 1e-9, 1.0 - 1e-9);
        loss -= outcomes[i] ? std::log(p) : std::log(1.0 - p);
    }
    return probabilities.isEmpty() ? 0.0 : loss / probabilities.size();
}

} // namespace

IncidentModel trainIncidentModel(const QVector<TrainingExample> &examples, const TrainingOptions &options)
{
    QHash<QString, int> support;
    for (const TrainingExample &e : examples) {
        QSet<QString> seen;
        for (const Feature &f : e.features) {
            if (!seen.contains(f.name)) {
                seen.insert(f.name);
                ++support[f.name];
            }
        }
    }
    QMap<QString, int> index; // sorted names -> 1-based column
    QStringList names;
    for (auto it = support.cbegin(); it != support.cend(); ++it) {
        if (it.value() >= options.minimumSupport) {
            names.append(it.key());
        }
    }
    names.sort();
    for (int i = 0; i < names.size(); ++i) {
        index.insert(names[i], i + 1);
    }

    QVector<bool> outcomes;
    for (const TrainingExample &e : examples) {
        outcomes.append(e.positive);
    }
    const int folds = std::max(2, options.calibrationFolds);
    double cost = options.cost;
    HeldOut chosen;
    if (cost > 0) {
        chosen = heldOut(examples, outcomes, index, folds, cost);
    } else {
        double bestLoss = std::numeric_limits<double>::infinity();
        for (const double c : options.costGrid) {
            HeldOut h = heldOut(examples, outcomes, index, folds, c);
            const double loss = logLoss(h, outcomes);
            if (loss < bestLoss - 1e-12) {
                bestLoss = loss;
                cost = c;
                chosen = std::move(h);
            }
        }
    }

    QVector<int> all(examples.size());
    std::iota(all.begin(), all.end(), 0);
    IncidentModel model = fit(examples, all, index, cost);
    model.setCalibration(chosen.platt.first, chosen.platt.second);
    model.setDropBelow(chooseDropThreshold(probabilitiesOf(chosen), outcomes));
    QStringList header = options.header;
    header.append(u"liblinear %1, L2-regularized logistic regression, C=%2; %3 examples (%4 positive), "
                  "%5 features seen at least %6 times; Platt calibration and drop threshold from %7 inner "
                  "folds by article"_s.arg(liblinear_version)
                      .arg(QString::number(cost) + (options.cost > 0 ? QString() : u" (by inner folds)"_s))
                      .arg(examples.size())
                      .arg(std::count(outcomes.cbegin(), outcomes.cend(), true))
                      .arg(names.size())
                      .arg(options.minimumSupport)
                      .arg(folds));
    model.setHeader(header);
    return model;
}

} // namespace Extract
} // namespace Rasid
