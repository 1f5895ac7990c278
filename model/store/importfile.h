#pragma once

/*
 * One file of an import on an extraction thread: read within the size limit,
 * hashed, decoded, cleaned and extracted into the articles it holds, with the
 * full-text tokens of each article prepared for the writing thread. What comes
 * out (FileResult) is a plain value that BatchWriter stores.
 */

#include "extract/pipeline.h"
#include "store/folderscan.h"
#include "store/ftstokenizer.h"
#include "store/importoptions.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>

namespace Rasid {
inline namespace Store {

struct FileResult
{
    ScannedFile file;
    QString hash;
    QString kind;
    QString error;          // the file is unusable
    bool sameContent = false;
    QStringList problems;   // item-level problems
    QVector<ProcessedArticle> articles;
    // The title and text of each article, tokenized for the full-text index on
    // the extracting thread (two per article).
    QVector<FtsPreparedText> indexed;
};

// Reads and extracts one scanned file; sameContent when its hash is knownHash.
// A cancel stops it between articles.
FileResult processFile(const ScannedFile &file, const QString &knownHash, const ImportOptions &options,
                       const Recognizer *recognizer, const std::atomic<bool> &cancelled);

} // namespace Store
} // namespace Rasid
