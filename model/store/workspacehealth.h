#pragma once

/*
 * The health of a workspace file, as `rasid-cli check` reports it: SQLite's
 * integrity check, the foreign keys, the full-text index, the schema version
 * and how much of the analyst's work the file holds. Never changes the file:
 * everything is read through a read-only connection, except the full-text
 * index's own check, which SQLite runs as an INSERT and so needs a writable
 * connection; it writes nothing, is rolled back, and that connection is
 * closed without a checkpoint.
 */

#include <QString>
#include <QStringList>

namespace Rasid {
inline namespace Store {

struct WorkspaceHealth
{
    QString unreadable;       // the file could not be read as a workspace at all (with why)
    int schemaVersion = -1;
    QStringList integrity;    // SQLite's findings; empty when sound
    QStringList foreignKeys;  // rows that point at nothing
    QString fullText;         // the full-text index's finding; empty when sound
    bool fullTextChecked = false;
    // What the file holds; -1 when it could not be counted.
    qint64 articles = -1;
    qint64 incidents = -1;
    qint64 reviewedIncidents = -1; // confirmed or rejected by the analyst
    qint64 analystFields = -1;     // fields the analyst confirmed or corrected
    qint64 analystEntities = -1;   // entities marked, retyped or applied by the analyst
    qint64 notes = -1;
    qint64 auditRows = -1;

    bool healthy() const
    {
        return unreadable.isEmpty() && integrity.isEmpty() && foreignKeys.isEmpty() && fullText.isEmpty()
            && schemaVersion >= 1;
    }
};

// quick: SQLite's quick_check (every page, not every index entry) instead of integrity_check.
WorkspaceHealth checkWorkspaceFile(const QString &path, bool quick = false);

} // namespace Store
} // namespace Rasid
