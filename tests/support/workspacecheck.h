#pragma once

// What the suites read back from a workspace, and what the reliability suites
// check after every kill, clash or full disk.

#include "store/workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace Rasid::WorkspaceCheck {

using namespace Qt::StringLiterals;

// The first column of a query's first row; invalid when it fails or has no row.
inline QVariant firstValue(const Workspace &workspace, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery query(workspace.database());
    query.prepare(sql);
    for (const QVariant &value : binds) {
        query.addBindValue(value);
    }
    if (!query.exec() || !query.next()) {
        return {};
    }
    return query.value(0);
}

// The same through a read-only connection of its own: what is really in the file.
inline QVariant firstValueIn(const QString &workspacePath, const QString &sql, const QVariantList &binds = {})
{
    Workspace reader;
    if (!reader.open(workspacePath, Workspace::Mode::ReadOnly)) {
        return {};
    }
    return firstValue(reader, sql, binds);
}

// firstValue() as a number; -1 when the query fails or has no row.
inline int firstInt(const Workspace &workspace, const QString &sql, const QVariantList &binds = {})
{
    const QVariant value = firstValue(workspace, sql, binds);
    return value.isValid() ? value.toInt() : -1;
}

// What SQLite, the foreign keys and the full-text index report; empty when sound.
inline QStringList damage(const Workspace &workspace)
{
    QStringList found;
    QSqlQuery integrity(workspace.database());
    integrity.prepare(u"PRAGMA integrity_check"_s);
    if (!integrity.exec()) {
        found << u"integrity_check failed: "_s + integrity.lastError().text();
    }
    while (integrity.next()) {
        if (integrity.value(0).toString() != u"ok") {
            found << u"integrity: "_s + integrity.value(0).toString();
        }
    }
    QSqlQuery keys(workspace.database());
    keys.prepare(u"PRAGMA foreign_key_check"_s);
    if (!keys.exec()) {
        found << u"foreign_key_check failed: "_s + keys.lastError().text();
    }
    while (keys.next()) {
        found << u"foreign key: %1 row %2 -> %3"_s.arg(keys.value(0).toString(), keys.value(1).toString(),
                                                       keys.value(2).toString());
    }
    QSqlQuery fts(workspace.database());
    fts.prepare(u"INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"_s);
    if (!fts.exec()) {
        found << u"full-text index: "_s + fts.lastError().text();
    }
    return found;
}

} // namespace Rasid::WorkspaceCheck
