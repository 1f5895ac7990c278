// libFuzzer target: an incident's packed fields (incidents.fields), as read
// back from a damaged or hand-edited row. Unpacking never fails; what it reads
// packs back to a column that unpacks to the same fields; packedFieldValue()
// finds exactly the values unpackFields() reads.
#include "incident.h"

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
    // Bytes 0x1E and 0x1F of the input are the two separators.
    const QString packed = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QVector<Rasid::IncidentField> fields = Rasid::unpackFields(packed);
    const QString again = Rasid::packFields(fields);
    const QVector<Rasid::IncidentField> back = Rasid::unpackFields(again);
    check(back.size() == fields.size());
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const Rasid::IncidentField &a = fields[i];
        const Rasid::IncidentField &b = back[i];
        // Confidence goes through its shortest text: equal unless it was NaN (read as 0).
        check(a.name == b.name && a.value == b.value && a.origin == b.origin && a.evidence == b.evidence);
        check(a.confidence == b.confidence);
        check(Rasid::packedFieldValue(packed, a.name) == a.value);
        check(Rasid::packedFieldValue(again, a.name) == a.value);
    }
    return 0;
}
