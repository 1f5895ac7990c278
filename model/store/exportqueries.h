#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace Rasid {
inline namespace Store {

class Workspace;

/*
 * The reads every export streams: the incidents of a workspace with their
 * article's columns, and the entities of its articles, each through a forward
 * cursor so that 100,000 rows never sit in memory. Which incidents an export
 * takes is a StatusFilter; the SQL it means stays here.
 */
enum class StatusFilter { NotRejected, Suggested, Confirmed, All };

bool statusFilterFromName(const QString &name, StatusFilter *filter); // suggested|confirmed|all

/*
 * How far a cursor has come, and the way to stop it. When report is set, the
 * cursor counts its rows first (one COUNT over the same condition) and calls
 * report(done, total) before the first row, after every `every` rows and after
 * the last. When report returns false, the cursor stops at once and returns
 * false with *error set to cursorCancelledText(). report is called on the
 * cursor's thread.
 */
struct CursorProgress
{
    std::function<bool(qint64 done, qint64 total)> report;
    qint64 every = 500;
};

QString cursorCancelledText();

// One incident as stored, with the columns of its article that exports write.
struct StoredIncident
{
    qint64 id = 0;
    qint64 articleId = 0;
    QString path;
    QString title;
    QString outlet;
    QString published;
    QString sourceUrl;
    QString reviewStatus;
    double confidence = 0;
    QString analyst;
    QString reviewedAt;
    QString packedFields; // as stored (see unpackFields())
    QString createdAt;
};

/*
 * Streams the incidents a filter takes in (article path, article, ordinal)
 * order; the callback returns false to stop. With withArticleText, each
 * incident comes with its article's cleaned text, read once per article and
 * from the same snapshot as the incident even while an import writes (a read
 * transaction is held unless the caller already has one); otherwise the text
 * is empty. False with *error set when a read fails.
 */
bool forEachStoredIncident(const Workspace &workspace, StatusFilter filter, bool withArticleText,
                           const std::function<bool(const StoredIncident &, const QString &articleText)> &callback,
                           QString *error, const CursorProgress &progress = {});

// One recognized entity with the path of its article.
struct StoredEntity
{
    QString path;
    int start = 0;
    int end = 0;
    QString type;
    QString text;
    QString value;
    QString attributes;
    double confidence = 0;
};

/*
 * Streams entities in (article path, article, start, end) order. With a
 * filter, only the entities of articles that hold an incident the filter
 * takes; without, every article's. The callback returns false to stop.
 */
bool forEachStoredEntity(const Workspace &workspace, std::optional<StatusFilter> incidentsOf,
                         const std::function<bool(const StoredEntity &)> &callback, QString *error,
                         const CursorProgress &progress = {});

} // namespace Store
} // namespace Rasid
