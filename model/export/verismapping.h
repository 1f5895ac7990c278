#pragma once

#include <QString>

#include <vector>

namespace Rasid {
inline namespace Export {

// When a VERIS rule takes effect, in the order the passes run.
enum class VerisWhen {
    Always,           // pass 1: whenever the rule matches
    IfParent,         // pass 2: only if the object holding the target already exists
    Fallback,         // pass 3: only if the target is still missing (creates its parents)
    FallbackIfParent, // pass 3: only if the target is missing and its parent exists
};

// One assignment of a rule: write `veris` at `path` (see VerisRule).
struct VerisSet
{
    const char *path;
    const char *veris;
    VerisWhen when = VerisWhen::Always;
};

/*
 * One row of the mapping from Rasid's incident fields to VERIS 1.4.0: a Rasid
 * value and everything it means in VERIS. The whole table is verisRules(),
 * documented row by row in verismapping.cpp.
 *
 * field/value select incidents: the row matches when `value` is one of the
 * ';'-separated values of the incident's `field` (a CSV column or any stored
 * field); "" matches an empty field, "*" any non-empty one, and an empty `field`
 * matches every incident.
 *
 * Each set's path is a dotted VERIS path. "name[]" appends the value to the
 * array `name` (once), "name[].key" appends the object {key: value} to the
 * array `name` (once); "$actor" stands for "internal" when actor_type is
 * insider and for "external" otherwise. Values are strings, except "true" (the
 * JSON literal) and values starting with '{' (a JSON object; "{}" makes sure
 * the object exists and never empties one). Sets run in the passes of
 * VerisWhen, each pass in table order.
 */
struct VerisRule
{
    const char *field;
    const char *value;
    std::vector<VerisSet> sets;
};

const std::vector<VerisRule> &verisRules();

// VERIS confidence (High, Medium, Low) of an extractor or analyst confidence in 0..1.
QString verisConfidence(double confidence);

// The VERIS schema version the export writes.
inline constexpr const char *VerisSchemaVersion = "1.4.0";

} // namespace Export
} // namespace Rasid
