#pragma once

#include "articlereader.h"
#include "cleaner.h"
#include "entity.h"
#include "incident.h"

namespace Rasid {

/*
 * What the import pipeline makes of one raw article: the cleaned text with its
 * metadata, the hash that identifies duplicates (of the folded text, so that
 * spelling noise does not hide a copy), and, when extraction is on, the
 * entities and proposed incidents. Pure and thread-safe: the importer runs it on
 * a thread pool.
 */
struct ProcessedArticle
{
    RawArticle raw;
    CleanedArticle cleaned;
    QString contentHash;
    EntityList entities;
    QVector<ProposedIncident> incidents;
};

ProcessedArticle processArticle(const RawArticle &raw, bool extract);

// The duplicate-detection hash of a cleaned text: folded, whitespace collapsed.
QString contentHash(QStringView cleanedText);

} // namespace Rasid
