#pragma once

#include "extract/entity.h"
#include "extract/incident.h"
#include "text/articlereader.h"
#include "text/cleaner.h"

namespace Rasid {
inline namespace Extract {

class IncidentModel;
class Recognizer;

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
    QString folded; // fold(cleaned.text) when extraction ran, else empty
};

// With a recognizer, entities are found and incidents proposed; without, the
// article is only cleaned (import with extraction off). The rules' proposals
// are then weighed by the shipped incident model.
ProcessedArticle processArticle(const RawArticle &raw, const Recognizer *recognizer);
// The same with a given model, or with the rules alone when model is null
// (training, cross-validation).
ProcessedArticle processArticle(const RawArticle &raw, const Recognizer *recognizer, const IncidentModel *model);

// What a model weighs, unweighed: the rules' proposals followed by the
// mentioned victims (mentions.h), as processArticle() finds them before it
// rescores; training and cross-validation label these.
ProcessedArticle candidateArticle(const RawArticle &raw, const Recognizer &recognizer);

// The duplicate-detection hash of a cleaned text: folded, whitespace collapsed.
QString contentHash(QStringView cleanedText);

} // namespace Extract
} // namespace Rasid
