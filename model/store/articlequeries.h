#pragma once

#include <QString>

namespace Rasid {
inline namespace Store {

class Workspace;

/*
 * The reads of single articles by key that the interface needs outside the
 * review store: an article's id from its path, its cleaned text.
 */

// The first kept (not duplicate) article read from a file, 0 when there is none.
qint64 articleIdForPath(const Workspace &workspace, const QString &path);

// An article's cleaned text, empty when there is no such article.
QString articleText(const Workspace &workspace, qint64 articleId);

} // namespace Store
} // namespace Rasid
