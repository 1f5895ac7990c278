#pragma once

#include "extract/entity.h"
#include "extract/incident.h"
#include "text/sentences.h"

#include <QStringView>
#include <QVector>

namespace Rasid {
inline namespace Extract {

/*
 * Victims the rules did not propose: every organization, person or country
 * named in a sentence that also names an attack, one candidate each, so that
 * incidents named in passing or in a list ("in 2011 A, B and C were breached")
 * reach the analyst. The candidate takes the sentence's most specific attack
 * type and the country it names, and is marked ProposalSource::Mention with a
 * low confidence: the learned layer decides which are worth showing. A name
 * already proposed (the same after folding, or one holding the other) gives no
 * candidate. Spans are UTF-16 offsets into the cleaned text.
 */
QVector<ProposedIncident> mentionCandidates(QStringView text, const EntityList &entities,
                                            const QVector<ProposedIncident> &proposed);
// The same over the text's sentences when the caller has them already.
QVector<ProposedIncident> mentionCandidates(QStringView text, const QVector<Sentence> &sentences,
                                            const EntityList &entities, const QVector<ProposedIncident> &proposed);

} // namespace Extract
} // namespace Rasid
