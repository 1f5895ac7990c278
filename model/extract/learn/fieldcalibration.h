#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Rasid {
inline namespace Extract {

// One field the rules filled, with the confidence they gave it and whether the
// gold incident its proposal is paired with agrees with it.
struct FieldOutcome
{
    QString field;
    double confidence = 0.0;
    bool right = false;
};

/*
 * How often a field the rules filled is right, learned per field from the
 * gold: of the proposals the gold codes, how often each field agrees with the
 * analyst, as a non-decreasing step function of the rules' own confidence
 * (isotonic regression, pooled adjacent violators, each step's rate smoothed
 * by one right and one wrong so that a step of three examples does not claim
 * 100%).
 *
 * The probability is the field's given that its incident is one: what the
 * analyst wants to know once they have kept the incident. A field with too few
 * examples in the gold keeps the rules' confidence.
 */
class FieldCalibration
{
public:
    struct Step
    {
        double from = 0.0; // rules' confidence at which the step starts
        double probability = 0.0;
        friend bool operator==(const Step &a, const Step &b)
        {
            return a.from == b.from && a.probability == b.probability;
        }
    };

    static constexpr int MinimumExamples = 8;

    static FieldCalibration fit(const QVector<FieldOutcome> &outcomes, int minimumExamples = MinimumExamples);

    bool isEmpty() const { return m_steps.isEmpty(); }
    QStringList fields() const { return m_steps.keys(); }
    QVector<Step> steps(const QString &field) const { return m_steps.value(field); }
    void setSteps(const QString &field, const QVector<Step> &steps);
    bool covers(const QString &field) const { return m_steps.contains(field); }

    // The probability that a field the rules filled at this confidence is
    // right; the confidence itself for a field that was not calibrated.
    double probability(const QString &field, double confidence) const;

    friend bool operator==(const FieldCalibration &a, const FieldCalibration &b) { return a.m_steps == b.m_steps; }

private:
    QMap<QString, QVector<Step>> m_steps;
};

} // namespace Extract
} // namespace Rasid
