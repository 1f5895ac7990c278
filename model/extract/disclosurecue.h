#pragma once

/*
 * The disclosure cue, the one non-entity finding of the recognizer. It has its own
 * header so that the recognition pass (recognizer_p.h) can produce cues without
 * depending on the Recognizer that runs it; recognizer.h includes it, so users of
 * the recognizer see no difference.
 */

#include <QString>
#include <QVector>

namespace Rasid {
inline namespace Extract {

// A disclosure cue (أكد، يدعي، نفى، يشتبه، أحبط ...) found in a text. Not an entity:
// the incident builder reads it next to the victim or the attacker it belongs to.
struct DisclosureCue
{
    int start = 0; // UTF-16 offsets into the cleaned text
    int end = 0;
    QString text;
    QString kind; // confirmed, claimed, denied, suspected, attempted
};
using CueList = QVector<DisclosureCue>;

} // namespace Extract
} // namespace Rasid
