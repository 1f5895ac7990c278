#pragma once

#include "extract/entity.h"
#include "extract/incident.h"
#include "text/sentences.h"
#include "text/textfold.h"

#include <QString>
#include <QStringView>
#include <QVector>

namespace Rasid {
inline namespace Extract {

/*
 * Proposes the cyber incidents an article reports, from its cleaned text and the
 * entities recognised in it.
 *
 * A sentence mentions an incident when it holds attack vocabulary (an attack
 * entity, or a cue of resources/lexicons/incidentcues.tsv) together with a victim
 * or an event verb (استهدف، تعرض لـ، اختراق، تسريب، أعلن مسؤوليته ...). Mentions are
 * grouped: a mention of the same victim, or one that refers back ("الهجوم"،
 * "هذا الاختراق") joins the incident before it; another victim, a round-up item,
 * "آخر" / "في قضية منفصلة", or a different year ("وفي عام 2018، تعرضت ...") opens
 * a new one. Every column of the CSV contract (DESIGN.md §5) is then filled from
 * the grouped sentences, each field with its confidence and the spans it came
 * from. Mentions inside forecasts, statistics, warnings, job adverts, sea piracy or
 * election politics are dropped, or only lower the incident's confidence.
 *
 * The primary incident (the one the title or the lead is about) comes first; the
 * others follow in text order with primary = false. title is the article's title
 * when the cleaned text does not start with it (it only helps to pick the primary);
 * published (ISO 8601) supplies the year of dates written without one (في 5 يناير).
 *
 * Offsets in evidence spans are UTF-16 offsets into text. Thread-safe: the cue
 * lexicon is loaded once and only read afterwards.
 */
QVector<ProposedIncident> buildIncidents(QStringView text, const EntityList &entities,
                                         const QString &title = {}, const QString &published = {});

// The same, reusing the fold the recognizer made of text (foldWithMap(text));
// given `sentences`, hands over the sentences it split the text into
// (splitSentences(text)) for the stages after it.
QVector<ProposedIncident> buildIncidents(QStringView text, const FoldedText &folded, const EntityList &entities,
                                         const QString &title = {}, const QString &published = {},
                                         QVector<Sentence> *sentences = nullptr);

// Incidents below this confidence are suggestions an analyst should not count on
// (non-incident articles may produce a few); evaluation counts only those above.
constexpr double kIncidentConfidenceThreshold = 0.5;

} // namespace Extract
} // namespace Rasid
