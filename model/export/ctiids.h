#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>
#include <QUuid>

/*
 * The deterministic ids of the STIX and MISP exports: name-based UUIDs
 * (version 5) of the workspace, the kind of record and its key, so that
 * exporting the same workspace again gives the same ids and a platform
 * updates its objects instead of adding copies.
 */
namespace Rasid {
inline namespace Export {

// The workspace's path as the ids name it: canonical when the file exists,
// resolved once per path.
QString ctiWorkspaceKey(const QString &workspacePath);

// The UUID of a record of a workspace: kind names the table or object
// ("incident", "article", "identity" ...), key the record (its id or name).
// workspaceKey may be empty for ids that must not depend on the workspace
// (the producer, the extension definition, a threat actor's galaxy cluster).
QUuid ctiUuid(QStringView workspaceKey, QStringView kind, QStringView key);

// "<type>--<uuid>", the STIX form.
QString stixId(QStringView type, const QUuid &uuid);

// A stored time as UTC: an ISO 8601 time, a date, or a partial date (YYYY,
// YYYY-MM, taken at its first day); an invalid QDateTime when it is none.
QDateTime ctiParseTime(const QString &stored);

} // namespace Export
} // namespace Rasid
