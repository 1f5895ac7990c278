#pragma once

#include "extract/vocabulary.h" // FieldKind, the value of FieldKindRole

#include <Qt>

namespace Rasid {
inline namespace ItemModels {

/*
 * Every custom item role and every column of Rasid's item models, declared
 * once so that views, delegates, proxies and tests agree on them.
 *
 * Qt::DisplayRole is always localised text for people. RawValueRole is the
 * untranslated value a proxy sorts or filters on: an ISO date, a number, an
 * enumeration code. Spans are UTF-16 offsets into the cleaned article text, as
 * QPoint(start, end) with end exclusive, so a view can highlight without
 * knowing anything about extraction.
 */
enum ItemRole {
    RawValueRole = Qt::UserRole + 1, // sortable, untranslated value of the cell
    IconNameRole,                    // QString: icon for the cell, e.g. "review-new" (":/icons/<name>.svg")

    // ArticleListModel (any column)
    ArticleIdRole,   // qint64
    ReviewStateRole, // "new" | "in_review" | "reviewed"
    LossyRole,       // bool: some bytes of the article did not decode (the title shows a mark)

    // IncidentListModel (any column)
    IncidentIdRole,   // qint64
    ReviewStatusRole, // "suggested" | "confirmed" | "rejected"

    // IncidentFieldModel (any column of a field's row)
    FieldNameRole,          // "victim", "attack_type", ... (incidentFieldNames())
    FieldKindRole,          // int: a FieldKind, tells a delegate which editor to open
    FieldOriginRole,        // "suggested" | "confirmed" | "corrected", or "" when the field is empty
    FieldConfidenceRole,    // double 0..1
    EvidenceSpansRole,      // QVariantList of QPoint(start, end)
    AllowedValuesRole,      // QStringList of the enumeration codes a combo offers ("" first = empty)
    AllowedValueLabelsRole, // QStringList of their localised labels, same order
    FieldNeedsLookRole,     // bool: a suggestion below the analyst's threshold, not shown as filled in

    // EntityModel (any column of an entity's row)
    EntityIdRole,     // qint64
    EntityTypeRole,   // "country", "quantity", ... (entityTypeName())
    EntitySpanRole,   // QPoint(start, end) of the entity in the article text
    EntityOriginRole, // "suggested" | "analyst" | "corrected" | "lexicon"

    // ProblemsModel (any column)
    ProblemIdRole,   // qint64
    ProblemPathRole, // QString: the file the problem is about
    ProblemSeverityRole, // QString: "error" (not read) or "warning" (read with a loss)
};

enum ArticleColumn {
    ArticleStateColumn,
    ArticleTitleColumn,
    ArticleOutletColumn,
    ArticleDateColumn,
    ArticleCountryColumn,
    ArticleAttackColumn,
    ArticleIncidentsColumn,
    ArticleColumnCount,
};

enum IncidentColumn {
    IncidentOrdinalColumn,
    IncidentStatusColumn,
    IncidentAttackColumn,
    IncidentVictimColumn,
    IncidentConfidenceColumn,
    IncidentColumnCount,
};

// IncidentFieldModel: one row per field of incidentFieldNames(), these columns.
enum FieldColumn {
    FieldValueColumn,
    FieldOriginColumn,
    FieldConfidenceColumn,
    FieldEvidenceColumn,
    FieldColumnCount,
};

enum EntityColumn {
    EntityTypeColumn,
    EntityTextColumn,
    EntityValueColumn,
    EntityStartColumn,
    EntityEndColumn,
    EntityConfidenceColumn,
    EntityColumnCount,
};

enum ProblemColumn {
    ProblemPathColumn,
    ProblemReasonColumn,
    ProblemTimeColumn,
    ProblemColumnCount,
};

} // namespace ItemModels
} // namespace Rasid
