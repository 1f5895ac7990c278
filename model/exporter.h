#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace Rasid {

class Workspace;

enum class StatusFilter { NotRejected, Suggested, Confirmed, All };
bool statusFilterFromName(const QString &name, StatusFilter *filter); // suggested|confirmed|all

// The exact CSV header of the export contract (DESIGN.md §5).
const QStringList &csvColumns();

/*
 * One incident as every export sees it: the CSV columns in contract order plus
 * the ids needed to reach its article and fields.
 */
struct IncidentRow
{
    qint64 incidentId = 0;
    qint64 articleId = 0;
    QStringList cells; // csvColumns() order
    QString cell(const QString &column) const;
};

// Streams the incidents of a workspace in (article, ordinal) order; the callback returns false to stop.
bool forEachIncidentRow(const Workspace &workspace, StatusFilter filter,
                        const std::function<bool(const IncidentRow &)> &callback, QString *error);

struct ExportOptions
{
    StatusFilter status = StatusFilter::NotRejected;
    bool bom = false;
};

bool exportCsv(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error,
               int *rowsWritten = nullptr);

} // namespace Rasid
