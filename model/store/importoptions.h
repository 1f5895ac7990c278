#pragma once

/*
 * What an import is asked to do (ImportOptions) and what it reports when it
 * ends (ImportSummary): plain values shared by the importer and its steps.
 */

#include <QString>
#include <QtGlobal>

namespace Rasid {
inline namespace Store {

struct ImportOptions
{
    QString folder;
    bool extract = true;                       // recognise entities and propose incidents
    qint64 maxFileSize = 20 * 1024 * 1024;     // larger files are skipped with a reason
    int threads = 0;                           // 0: one per core
    int batchSize = 64;                        // files per write transaction
};

struct ImportSummary
{
    int filesSeen = 0;
    int imported = 0;      // files read and stored (new or changed)
    int unchanged = 0;
    int skipped = 0;       // not an article file type
    int failed = 0;        // empty, binary, unreadable, too large, undecodable
    int missing = 0;       // files gone since the last import
    int articles = 0;      // articles added or updated
    int duplicates = 0;
    int problems = 0;      // problem rows written (failed files and broken items)
    qint64 bytes = 0;
    bool cancelled = false;
    QString error;         // the import could not run at all
};

} // namespace Store
} // namespace Rasid
