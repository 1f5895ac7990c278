#pragma once

#include <QString>

struct sqlite3;

namespace Rasid {
inline namespace Store {

// SQL functions of Rasid's own that every workspace connection gets
// (Workspace registers them when it opens a connection).

// The SQL function incident_field(fields, name): the value unpackFields() reads
// for `name`, NULL when it reads no such field. Installed on every workspace
// connection.
inline constexpr const char *IncidentFieldFunction = "incident_field";
bool registerIncidentFieldFunction(sqlite3 *db, QString *error);

} // namespace Store
} // namespace Rasid
