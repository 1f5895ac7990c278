#pragma once

/*
 * The workspace schema: the ordered migrations that build it from an empty
 * file, version by version, and the runner that brings a connection up to a
 * version (Workspace::open and Workspace::migrate use it).
 */

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Rasid {
inline namespace Store {

// Entry k brings a workspace from version k to k + 1.
const QVector<QStringList> &schemaMigrations();

// Runs the migrations that a connection lacks, up to targetVersion (at most
// the number of migrations), each in its own transaction.
bool migrateSchema(QSqlDatabase db, int targetVersion, QString *error);

} // namespace Store
} // namespace Rasid
