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

struct Fit
{
    QHash<QString, double> weights;
    double bias = 0.0;
};

// Weights of the positive class: liblinear orders labels as it meets them.
Fit fit(const QVector<TrainingExample> &examples, const QVector<int> &rows, const QMap<QString, int> &index,
        double cost)
{
    Fit result;
    bool hasPositive = false;
    bool hasNegative = false;
    for (const int r : rows) {
        (examples[r].positive ? hasPositive : hasNegative) = true;
    }
    if (!hasPositive || !hasNegative) {
        result.bias = hasPositive ? 4.0 : -4.0; // one class only: say so, with no weights
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
    for (auto it = index.cbegin(); it != index.cend(); ++it) {
        const double w = sign * m->w[it.value() - 1];
        if (w != 0.0) {
            result.weights.insert(it.key(), w);
        }
    }
    result.bias = sign * m->w[index.size()];
    free_and_destroy_model(&m);
    return result;
}

double decisionOf(const Fit &f, const FeatureList &features)
{
    double d = f.bias;
    for (const Feature &x : features) {
        d += f.weights.value(x.name) * x.value;
    }
    return d;
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
    const Fit f = fit(points, rows, {{u"d"_s, 1}}, 100.0);
    if (!f.weights.contains(u"d"_s)) {
        return {1.0, 0.0};
    }
    return {f.weights.value(u"d"_s), f.bias};
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

double sigmoid(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

// Decision values of each example from a model trained on the inner folds
// that do not hold its article.
QVector<double> heldOutDecisions(const QVector<TrainingExample> &examples, const QMap<QString, int> &index,
                                 int folds, double cost)
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
        const Fit inner = fit(examples, train, index, cost);
        for (const int i : held) {
            decisions[i] = decisionOf(inner, examples[i].features);
        }
    }
    return decisions;
}

// Mean negative log-likelihood of the outcomes under the decisions, after the
// Platt calibration they would get: what the cost is chosen by.
double logLoss(const QVector<double> &decisions, const QVector<TrainingExample> &examples)
{
    QVector<bool> outcomes;
    for (const TrainingExample &e : examples) {
        outcomes.append(e.positive);
    }
    const auto [a, b] = fitPlatt(decisions, outcomes);
    double loss = 0.0;
    for (int i = 0; i < decisions.size(); ++i) {
        const double p = std::clamp(sigmoid(a * decisions[i] + b), 1e-9, 1.0 - 1e-9);
        loss -= outcomes[i] ? std::log(p) : std::log(1.0 - p);
    }
    return decisions.isEmpty() ? 0.0 : loss / decisions.size();
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

    const int folds = std::max(2, options.calibrationFolds);
    double cost = options.cost;
    QVector<double> decisions;
    if (cost > 0) {
        decisions = heldOutDecisions(examples, index, folds, cost);
    } else {
        double bestLoss = std::numeric_limits<double>::infinity();
        for (const double c : options.costGrid) {
            QVector<double> d = heldOutDecisions(examples, index, folds, c);
            const double loss = logLoss(d, examples);
            if (loss < bestLoss - 1e-12) {
                bestLoss = loss;
                cost = c;
                decisions = std::move(d);
            }
        }
    }
    QVector<bool> outcomes;
    for (const TrainingExample &e : examples) {
        outcomes.append(e.positive);
    }
    const auto [a, b] = fitPlatt(decisions, outcomes);
    QVector<double> probabilities;
    for (const double d : decisions) {
        probabilities.append(sigmoid(a * d + b));
    }

    QVector<int> all(examples.size());
    std::iota(all.begin(), all.end(), 0);
    const Fit final = fit(examples, all, index, cost);
    IncidentModel model;
    model.setWeights(final.weights, final.bias);
    model.setCalibration(a, b);
    model.setDropBelow(chooseDropThreshold(probabilities, outcomes));
    QStringList header = options.header;
    header.append(u"liblinear %1, L2-regularized logistic regression, C=%2; %3 examples (%4 positive), "
                  "%5 features seen at least %6 times; Platt calibration and drop threshold from %7 inner "
                  "folds by article"_s.arg(liblinear_version)
                      .arg(options.cost > 0 ? QString::number(cost) : QString::number(cost) + u" (by inner folds)"_s)
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
