#pragma once

#include "extract/entity.h"
#include "extract/incident.h"
#include "text/sentences.h"

#include <QHash>
#include <QString>
#include <QStringView>
#include <QVector>

namespace Rasid {
inline namespace Extract {

/*
 * What the learned layer knows of a proposed incident: readable, named
 * features computed from the rules' output (the proposal's fields and their
 * confidences, the entities of the article) and from a few families of words
 * of news about cyber incidents and of the articles that only look like it
 * (advice, product news, flaws without a victim, statistics). Every feature is
 * defined in incidentfeatures.cpp, one line each; the model weighs them, the
 * rules stay the evidence. A feature is a name and a value (1 for an
 * indicator); absent features are 0.
 */
struct Feature
{
    QString name;
    double value = 1.0;
};
using FeatureList = QVector<Feature>;

// What is computed once per article and shared by its proposals.
struct ArticleEvidence
{
    QStringView text;   // cleaned text
    QString folded;     // fold(text)
    QString foldedTitle;
    const EntityList *entities = nullptr;
    QVector<Sentence> sentences;
    QVector<bool> ruleSentence; // per sentence: it holds the evidence of one of the rules' proposals
    FeatureList features;       // the article's own features, "article." names
    // How often each victim's telling word occurs in the folded text (up to
    // 3, the last bin), counted once per word however many proposals name it.
    mutable QHash<QString, int> wordCounts;
};

ArticleEvidence articleEvidence(QStringView text, const QString &folded, const QString &title,
                                const EntityList &entities, const QVector<ProposedIncident> &proposals);
// The same when the caller has split the text into sentences already.
ArticleEvidence articleEvidence(QStringView text, const QString &folded, const QString &title,
                                const EntityList &entities, const QVector<ProposedIncident> &proposals,
                                QVector<Sentence> sentences);

// The features of the index-th of an article's proposals, the article's included.
FeatureList incidentFeatures(const ArticleEvidence &article, const ProposedIncident &incident, int index);
// The same without the article's own features: what differs between its
// proposals (incidentFeatures() is article.features followed by these).
FeatureList proposalFeatures(const ArticleEvidence &article, const ProposedIncident &incident, int index);

} // namespace Extract
} // namespace Rasid
