// libFuzzer target: an incident's packed fields (incidents.fields), as read
// back from a damaged or hand-edited row. Unpacking never fails; what it reads
// packs back to a column that unpacks to the same fields; forEachPackedValue()
// reads the same names and values as unpackFields().
#include "extract/incident.h"
#include "fuzzinput.h"

using Rasid::Fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Characters U+001E and U+001F of the input are the two separators.
    const QString packed = Rasid::Fuzz::inputText(data, size);
    const QVector<Rasid::IncidentField> fields = Rasid::unpackFields(packed);
    QList<std::pair<QString, QString>> values;
    Rasid::forEachPackedValue(packed, [&values](QStringView name, QStringView value) {
        values.append({name.toString(), value.toString()});
    });
    check(values.size() == fields.size());
    const QString again = Rasid::packFields(fields);
    const QVector<Rasid::IncidentField> back = Rasid::unpackFields(again);
    check(back.size() == fields.size());
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const Rasid::IncidentField &a = fields[i];
        const Rasid::IncidentField &b = back[i];
        check(values[i].first == a.name && values[i].second == a.value);
        // Confidence goes through its shortest text and reads back exactly.
        check(a.name == b.name && a.value == b.value && a.origin == b.origin && a.evidence == b.evidence);
        check(a.confidence == b.confidence);
    }
    return 0;
}
