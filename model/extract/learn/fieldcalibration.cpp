#include "extract/learn/fieldcalibration.h"

#include <algorithm>

namespace Rasid {
inline namespace Extract {

namespace {

struct Block
{
    double from = 0.0;
    int right = 0;
    int total = 0;
    double rate() const { return (right + 1.0) / (total + 2.0); }
};

// Pools adjacent blocks until their smoothed rates rise strictly.
QVector<Block> pooled(const QVector<Block> &blocks)
{
    QVector<Block> stack;
    for (const Block &b : blocks) {
        stack.append(b);
        while (stack.size() >= 2 && stack[stack.size() - 2].rate() >= stack.last().rate()) {
            const Block top = stack.takeLast();
            stack.last().right += top.right;
            stack.last().total += top.total;
        }
    }
    return stack;
}

} // namespace

FieldCalibration FieldCalibration::fit(const QVector<FieldOutcome> &outcomes, int minimumExamples)
{
    QMap<QString, QVector<FieldOutcome>> byField;
    for (const FieldOutcome &o : outcomes) {
        byField[o.field].append(o);
    }
    FieldCalibration calibration;
    for (auto it = byField.begin(); it != byField.end(); ++it) {
        QVector<FieldOutcome> &list = it.value();
        if (list.size() < minimumExamples) {
            continue;
        }
        std::stable_sort(list.begin(), list.end(),
                         [](const FieldOutcome &a, const FieldOutcome &b) { return a.confidence < b.confidence; });
        // One block per distinct confidence, then pooled.
        QVector<Block> blocks;
        for (const FieldOutcome &o : list) {
            if (blocks.isEmpty() || blocks.last().from != o.confidence) {
                blocks.append({o.confidence, 0, 0});
            }
            blocks.last().right += o.right ? 1 : 0;
            ++blocks.last().total;
        }
        QVector<Step> steps;
        for (const Block &b : pooled(blocks)) {
            steps.append({b.from, b.rate()});
        }
        calibration.m_steps.insert(it.key(), steps);
    }
    return calibration;
}

void FieldCalibration::setSteps(const QString &field, const QVector<Step> &steps)
{
    QVector<Step> sorted = steps;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Step &a, const Step &b) { return a.from < b.from; });
    m_steps.insert(field, sorted);
}

double FieldCalibration::probability(const QString &field, double confidence) const
{
    const auto it = m_steps.constFind(field);
    if (it == m_steps.constEnd() || it->isEmpty()) {
        return confidence;
    }
    // The last step that starts at or below the confidence; the first below all.
    const auto after = std::upper_bound(it->cbegin(), it->cend(), confidence,
                                        [](double c, const Step &s) { return c < s.from; });
    return after == it->cbegin() ? it->first().probability : std::prev(after)->probability;
}

} // namespace Extract
} // namespace Rasid
