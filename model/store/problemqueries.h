#pragma once

#include <QString>
#include <QVector>

namespace Rasid {
inline namespace Store {

class Workspace;

/*
 * The reads of the problems table: the files an import could not read, or
 * read only in part. Problems are few (one per unreadable file), so each read
 * returns them all.
 */
struct ProblemRow
{
    qint64 id = 0;
    QString path;
    int item = 0; // 1-based item of a JSON lines file, 0 for a whole file
    QString reason;
    QString createdAt;
    QString severity; // "error": not read; "warning": read with a loss (bytes that did not decode)
};

// Every problem, newest first (the problems view).
QVector<ProblemRow> problemsNewestFirst(const Workspace &workspace);

// Every problem by path, then in the order they were found; only path and
// reason are read (the stats report). Empty when the query fails.
QVector<ProblemRow> problemReasonsByPath(const Workspace &workspace, bool *ok = nullptr);

} // namespace Store
} // namespace Rasid
