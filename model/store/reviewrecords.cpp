#include "store/reviewrecords.h"

namespace Rasid {
inline namespace Store {

const FieldRecord *IncidentRecord::field(const QString &name) const
{
    for (const FieldRecord &f : fields) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

FieldRecord *IncidentRecord::field(const QString &name)
{
    // Non-const iteration detaches `fields`, so a copy of this record that
    // still shares them is never written through.
    for (FieldRecord &f : fields) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

QString IncidentRecord::value(const QString &name) const
{
    const FieldRecord *f = field(name);
    return f ? f->value : QString();
}

bool operator==(const IncidentRecord &a, const IncidentRecord &b)
{
    return a.id == b.id && a.articleId == b.articleId && a.ordinal == b.ordinal && a.reviewStatus == b.reviewStatus
        && a.confidence == b.confidence && a.analyst == b.analyst && a.analyst.isNull() == b.analyst.isNull()
        && a.reviewedAt == b.reviewedAt && a.reviewedAt.isNull() == b.reviewedAt.isNull()
        && a.createdAt == b.createdAt && a.fields == b.fields;
}

bool operator==(const EntityRecord &a, const EntityRecord &b)
{
    return a.id == b.id && a.articleId == b.articleId && a.start == b.start && a.end == b.end && a.type == b.type
        && a.text == b.text && a.value == b.value && a.attributes == b.attributes && a.confidence == b.confidence
        && a.origin == b.origin;
}

bool operator==(const LexiconRecord &a, const LexiconRecord &b)
{
    return a.id == b.id && a.surface == b.surface && a.folded == b.folded && a.type == b.type && a.value == b.value
        && a.attributes == b.attributes && a.analyst == b.analyst && a.createdAt == b.createdAt;
}

} // namespace Store
} // namespace Rasid
