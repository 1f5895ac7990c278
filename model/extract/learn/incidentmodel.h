#pragma once

#include "extract/learn/fieldcalibration.h"
#include "extract/learn/incidentfeatures.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

namespace Rasid {
inline namespace Extract {

/*
 * The learned layer's model: a logistic regression over the features of
 * incidentfeatures.h that says how likely a proposed incident is to be one an
 * analyst would code, calibrated (Platt) on folds held out while training, and
 * the probability below which a proposal is not worth showing.
 *
 * Rasid ships one, trained from the analysts' gold by `rasid-cli train`
 * (resources/model/incidents.model); its header says what it was trained on.
 * The text format is one "key value" a line: `# ` lines are the header,
 * `bias`, `platt A B` (p = 1 / (1 + exp(-(A·d + B))) of the decision value d),
 * `drop_below P`, then one `w NAME WEIGHT` per feature, names sorted, then one
 * `field NAME FROM:P ...` per calibrated field (fieldcalibration.h), names sorted.
 */
class IncidentModel
{
public:
    bool isNull() const { return m_weights.isEmpty() && m_bias == 0.0; }

    // The model shipped in the resources; a null model when there is none.
    static const IncidentModel &shipped();

    static IncidentModel fromText(const QByteArray &text, QString *error = nullptr);
    QByteArray toText() const;

    double decision(const FeatureList &features) const;
    double probability(const FeatureList &features) const;
    // The decision summed in two parts, as decision(a + b) sums it: start from
    // decisionOf(a), then add b (an article's features once, then each of its
    // proposals' own).
    double decisionOf(const FeatureList &features, double start) const;
    double decisionOf(const FeatureList &features) const { return decisionOf(features, m_bias); }
    double probabilityOfDecision(double decision) const;

    QHash<QString, double> weights() const { return m_weights; }
    double bias() const { return m_bias; }
    void setWeights(const QHash<QString, double> &weights, double bias);
    void setCalibration(double a, double b);
    double calibrationSlope() const { return m_plattA; }
    double calibrationOffset() const { return m_plattB; }
    double dropBelow() const { return m_dropBelow; }
    const FieldCalibration &fieldCalibration() const { return m_fields; }
    void setFieldCalibration(const FieldCalibration &fields) { m_fields = fields; }
    void setDropBelow(double p) { m_dropBelow = p; }
    QStringList header() const { return m_header; }
    void setHeader(const QStringList &lines) { m_header = lines; }

private:
    QHash<QString, double> m_weights;
    double m_bias = 0.0;
    double m_plattA = 1.0;
    double m_plattB = 0.0;
    double m_dropBelow = 0.0;
    FieldCalibration m_fields;
    QStringList m_header;
};

// The logistic function, 1 / (1 + e^-x): a decision value as a probability.
double logistic(double x);

// Sets each proposal's confidence to the model's probability. The rules'
// proposals all stay (one the model doubts shows at a low confidence, for the
// analyst to look at); a mentioned victim (ProposalSource::Mention) stays only
// at or above the model's threshold. The order is kept and the first is the
// article's primary. Each field the rules filled gets the calibrated
// probability of being right (fieldcalibration.h). A null model changes nothing.
void rescoreIncidents(const IncidentModel &model, const ArticleEvidence &article,
                      QVector<ProposedIncident> &incidents);

} // namespace Extract
} // namespace Rasid
