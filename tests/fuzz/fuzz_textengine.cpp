// libFuzzer target: folding with its offset map, the quantity and date
// grammars, the recognizer and the incident builder on what it recognized.
// Every span and every piece of evidence must stay inside the text, and the
// map must stay monotonic.
#include "extract/dates.h"
#include "extract/incidentbuilder.h"
#include "extract/quantities.h"
#include "extract/recognizer.h"
#include "text/textfold.h"

#include <QString>

namespace {
void check(bool condition)
{
    if (!condition) {
        __builtin_trap();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Rasid::FoldedText folded = Rasid::foldWithMap(text);
    check(folded.from.size() == folded.text.size() && folded.to.size() == folded.text.size());
    for (qsizetype i = 0; i < folded.text.size(); ++i) {
        check(folded.from[i] >= 0 && folded.from[i] < folded.to[i] && folded.to[i] <= text.size());
        check(i == 0 || (folded.from[i] >= folded.from[i - 1] && folded.to[i] >= folded.to[i - 1]));
    }
    check(Rasid::fold(text) == folded.text);
    const auto checkSpans = [&text](const Rasid::EntityList &entities) {
        for (const Rasid::Entity &e : entities) {
            check(e.start >= 0 && e.start <= e.end && e.end <= text.size());
            check(text.mid(e.start, e.end - e.start) == e.text);
        }
    };
    checkSpans(Rasid::findQuantities(folded, text));
    checkSpans(Rasid::findDates(folded, text));
    const Rasid::EntityList entities = Rasid::Recognizer::instance().recognize(text, folded);
    checkSpans(entities);
    // The first line stands for the title, as a reader would give it.
    const QString title = text.section(u'\n', 0, 0);
    for (const Rasid::ProposedIncident &incident :
         Rasid::buildIncidents(text, folded, entities, title, QString())) {
        check(incident.confidence >= 0.0 && incident.confidence <= 1.0);
        for (const Rasid::IncidentField &field : incident.fields) {
            check(!field.name.isEmpty());
            for (const Rasid::EvidenceSpan &span : field.evidence) {
                check(span.start >= 0 && span.start <= span.end && span.end <= text.size());
            }
        }
    }
    (void)Rasid::parseQuantity(text);
    (void)Rasid::parseDate(text);
    return 0;
}
