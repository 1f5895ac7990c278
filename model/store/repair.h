#pragma once

/*
 * Repair of a damaged workspace: everything readable of the file (see
 * pagesalvage.h) is copied into a new workspace made with the current schema,
 * the analyst's work first (audit log, notes, lexicon, incidents, then the
 * articles and files they hang on, then what a re-import can make again:
 * entities and problems). Indexes and the full-text index are rebuilt. An
 * incident or an analyst's entity whose article was lost is kept under a
 * placeholder article marked missing, so no decision is dropped for want of
 * its parent. The damaged file is only read, through a copy.
 */

#include <QString>
#include <QVector>

#include <functional>

namespace Rasid {
inline namespace Store {

struct RepairTableReport
{
    QString table;
    int recovered = 0;    // rows written to the new workspace
    int fromOrphans = 0;  // of which read from pages that no tree reached
    int dropped = 0;      // rows read but refused (inconsistent, duplicate key)
    int damagedPages = 0; // pages of its tree that could not be read: their rows are lost
    int badCells = 0;     // rows whose cell could not be decoded: lost
};

struct RepairReport
{
    QString error; // empty when the new workspace was written
    int sourceVersion = -1;
    bool schemaRead = false;
    int pageCount = 0;
    int orphanPages = 0;
    int unattributedRows = 0; // rows of orphan pages that matched no table
    int placeholderArticles = 0;
    QVector<RepairTableReport> tables;
    qint64 milliseconds = 0;
};

// Writes the repaired workspace to `out`, which must not exist. progress(done,
// total) is called between tables; returning false from it cancels (and
// removes what was written).
RepairReport repairWorkspace(const QString &damaged, const QString &out,
                             const std::function<bool(int, int)> &progress = {});

} // namespace Store
} // namespace Rasid
