#include "extract/learn/incidentmodel.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {
Q_LOGGING_CATEGORY(lcModel, "rasid.model")

// Shortest text that reads back as the same double, so that a model written and
// read again scores byte for byte as it did.
QByteArray exact(double x)
{
    return QByteArray::number(x, 'g', 17);
}

} // namespace

double logistic(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

const IncidentModel &IncidentModel::shipped()
{
    static const IncidentModel model = [] {
        QFile file(u":/rasid/model/incidents.model"_s);
        if (!file.open(QIODevice::ReadOnly)) {
            return IncidentModel();
        }
        QString error;
        IncidentModel m = fromText(file.readAll(), &error);
        if (!error.isEmpty()) {
            qCWarning(lcModel) << "the shipped incident model cannot be read:" << error;
        }
        return m;
    }();
    return model;
}

IncidentModel IncidentModel::fromText(const QByteArray &text, QString *error)
{
    IncidentModel model;
    int lineNumber = 0;
    for (const QByteArray &rawLine : text.split('\n')) {
        ++lineNumber;
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty()) {
            continue;
        }
        if (line.startsWith('#')) {
            model.m_header.append(QString::fromUtf8(line.mid(1).trimmed()));
            continue;
        }
        const QList<QByteArray> parts = line.split(' ');
        bool ok = true;
        bool ok2 = true;
        if (parts[0] == "bias" && parts.size() == 2) {
            model.m_bias = parts[1].toDouble(&ok);
        } else if (parts[0] == "platt" && parts.size() == 3) {
            model.m_plattA = parts[1].toDouble(&ok);
            model.m_plattB = parts[2].toDouble(&ok2);
        } else if (parts[0] == "drop_below" && parts.size() == 2) {
            model.m_dropBelow = parts[1].toDouble(&ok);
        } else if (parts[0] == "w" && parts.size() == 3) {
            model.m_weights.insert(QString::fromUtf8(parts[1]), parts[2].toDouble(&ok));
        } else if (parts[0] == "field" && parts.size() >= 3) {
            QVector<FieldCalibration::Step> steps;
            for (qsizetype i = 2; ok && ok2 && i < parts.size(); ++i) {
                const QList<QByteArray> step = parts[i].split(':');
                ok = step.size() == 2;
                if (ok) {
                    steps.append({step[0].toDouble(&ok), step[1].toDouble(&ok2)});
                }
            }
            model.m_fields.setSteps(QString::fromUtf8(parts[1]), steps);
        } else if (parts[0] != "version") {
            ok = false;
        }
        if (!ok || !ok2) {
            if (error) {
                *error = u"line %1 is not a model line"_s.arg(lineNumber);
            }
            return IncidentModel();
        }
    }
    return model;
}

QByteArray IncidentModel::toText() const
{
    QByteArray out;
    for (const QString &line : m_header) {
        out += "# " + line.toUtf8() + '\n';
    }
    out += "version 1\n";
    out += "bias " + exact(m_bias) + '\n';
    out += "platt " + exact(m_plattA) + ' ' + exact(m_plattB) + '\n';
    out += "drop_below " + exact(m_dropBelow) + '\n';
    QStringList names = m_weights.keys();
    names.sort();
    for (const QString &name : names) {
        out += "w " + name.toUtf8() + ' ' + exact(m_weights.value(name)) + '\n';
    }
    for (const QString &field : m_fields.fields()) {
        out += "field " + field.toUtf8();
        for (const FieldCalibration::Step &step : m_fields.steps(field)) {
            out += ' ' + exact(step.from) + ':' + exact(step.probability);
        }
        out += '\n';
    }
    return out;
}

void IncidentModel::setWeights(const QHash<QString, double> &weights, double bias)
{
    m_weights = weights;
    m_bias = bias;
}

void IncidentModel::setCalibration(double a, double b)
{
    m_plattA = a;
    m_plattB = b;
}

double IncidentModel::decision(const FeatureList &features) const
{
    return decisionOf(features, m_bias);
}

double IncidentModel::decisionOf(const FeatureList &features, double start) const
{
    double d = start;
    for (const Feature &f : features) {
        d += m_weights.value(f.name) * f.value;
    }
    return d;
}

double IncidentModel::probabilityOfDecision(double decision) const
{
    return logistic(m_plattA * decision + m_plattB);
}

double IncidentModel::probability(const FeatureList &features) const
{
    return probabilityOfDecision(decision(features));
}

void rescoreIncidents(const IncidentModel &model, const ArticleEvidence &article,
                      QVector<ProposedIncident> &incidents)
{
    if (model.isNull()) {
        return;
    }
    QVector<ProposedIncident> kept;
    kept.reserve(incidents.size());
    // The article's features weigh the same in each of its proposals.
    const double articleDecision = model.decisionOf(article.features);
    for (int i = 0; i < incidents.size(); ++i) {
        const double p =
            model.probabilityOfDecision(model.decisionOf(proposalFeatures(article, incidents[i], i), articleDecision));
        if (incidents[i].source == ProposalSource::Rules || p >= model.dropBelow()) {
            kept.append(incidents[i]);
            kept.last().confidence = p;
            for (IncidentField &field : kept.last().fields) {
                field.confidence = model.fieldCalibration().probability(field.name, field.confidence);
            }
        }
    }
    for (int i = 0; i < kept.size(); ++i) {
        kept[i].primary = i == 0;
    }
    incidents = std::move(kept);
}

} // namespace Extract
} // namespace Rasid
