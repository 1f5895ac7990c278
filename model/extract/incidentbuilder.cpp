#include "extract/incidentbuilder.h"

#include "extract/incidents/builder_p.h"
#include "extract/quantities.h"
#include "text/textfold.h"

#include <QHash>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

Q_LOGGING_CATEGORY(lcIncidents, "rasid.incidents", QtWarningMsg)

namespace Incidents {

Builder::Builder(QStringView text, const FoldedText *folded, const EntityList &entities, const QString &title,
                 const QString &published)
    : m_text(text), m_entities(entities), m_title(title), m_folded(folded)
{
    if (published.size() >= 4) {
        m_publishedYear = published.left(4).toInt();
        if (published.size() >= 7) {
            m_publishedMonth = published.mid(5, 2).toInt();
        }
    }
}

QVector<ProposedIncident> Builder::run()
{
    tokenize();
    mapEntities();
    findCues();

    // The article's country: the one its countries, places and demonyms name most,
    // the lead counting double.
    QHash<QString, double> countryVotes;
    for (int e = 0; e < m_entities.size(); ++e) {
        const Entity &entity = m_entities[e];
        if (!(typeBit(entity.type) & kCountryTypes) || entity.value.isEmpty() || m_entFirst[e] < 0) {
            continue;
        }
        const int s = m_tokens[m_entFirst[e]].sentence;
        const bool actor = m_entFirst[e] > 0 && covers(m_entFirst[e] - 1, Role::ActorHint);
        bool insideActor = false;
        for (int a : m_entitiesAt[m_entFirst[e]]) {
            insideActor = insideActor || m_entities[a].type == EntityType::ThreatActor;
        }
        if (actor || insideActor) {
            continue;
        }
        countryVotes[entity.value] += (s >= 0 && m_sentences[s].paragraph <= 1) ? 2.0 : 1.0;
    }
    double best = 0.0;
    for (auto it = countryVotes.cbegin(); it != countryVotes.cend(); ++it) {
        if (it.value() > best || (it.value() == best && it.key() < m_dominantCountry)) {
            best = it.value();
            m_dominantCountry = it.key();
        }
    }

    findMentions();
    group();

    if (!m_title.isEmpty()) {
        const FoldedText title = foldWithMap(m_title);
        m_foldedTitle = title.text;
        for (const Entity &q : findQuantities(title, m_title)) {
            m_titleAmounts.append(q.value.toLongLong());
        }
    }

    struct Proposal
    {
        ProposedIncident incident;
        double lead = 0.0;
        int order = 0;
    };
    QVector<Proposal> proposals;
    for (int d = 0; d < m_drafts.size(); ++d) {
        Proposal p;
        p.incident = fill(d, &p.lead);
        p.order = d;
        if (p.incident.confidence < 0.3) {
            continue;
        }
        proposals.append(p);
    }
    if (proposals.isEmpty()) {
        return {};
    }
    // The primary incident: the one the title names, else the first confident one
    // (the lead), else the first.
    int primary = -1;
    double primaryScore = -1.0;
    for (int i = 0; i < proposals.size(); ++i) {
        double score = proposals[i].lead;
        if (proposals[i].incident.confidence >= kIncidentConfidenceThreshold) {
            score += 1.0;
        }
        score -= i * 0.01;
        if (score > primaryScore) {
            primaryScore = score;
            primary = i;
        }
    }
    QVector<ProposedIncident> result;
    proposals[primary].incident.primary = true;
    result.append(proposals[primary].incident);
    for (int i = 0; i < proposals.size(); ++i) {
        if (i != primary) {
            result.append(proposals[i].incident);
        }
    }
    return result;
}

} // namespace Incidents

QVector<ProposedIncident> buildIncidents(QStringView text, const EntityList &entities, const QString &title,
                                         const QString &published)
{
    Incidents::Builder builder(text, nullptr, entities, title, published);
    return builder.run();
}

QVector<ProposedIncident> buildIncidents(QStringView text, const FoldedText &folded, const EntityList &entities,
                                         const QString &title, const QString &published,
                                         QVector<Sentence> *sentences)
{
    Incidents::Builder builder(text, &folded, entities, title, published);
    QVector<ProposedIncident> incidents = builder.run();
    if (sentences) {
        *sentences = builder.takeSentences();
    }
    return incidents;
}

} // namespace Extract
} // namespace Rasid
