#include "exportrunner.h"

#include "export/exportformats.h"
#include "export/xlsxexport.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

// The row of the formats table of an interface format.
const ExportFormatSpec &specOf(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        break;
    case ExportFormat::JsonLines:
        return *exportFormatById(u"jsonl");
    case ExportFormat::Xlsx:
        return *exportFormatById(u"xlsx");
    case ExportFormat::Veris:
        return *exportFormatById(u"veris");
    }
    return *exportFormatById(u"csv");
}

} // namespace

QString exportFormatSuffix(ExportFormat format)
{
    return specOf(format).suffix.toString();
}

bool isExportFormatAvailable(ExportFormat format)
{
    return format != ExportFormat::Xlsx || xlsxExportAvailable();
}

ExportResult exportIncidents(const QString &workspacePath, const ExportRequest &request)
{
    ExportResult result;
    Workspace workspace;
    if (!workspace.open(workspacePath, Workspace::Mode::ReadOnly)) {
        result.error = workspace.lastError();
        return result;
    }
    const ExportFormatSpec &spec = specOf(request.format);
    // XLSX and VERIS write by file name, each safely (temporary file, then rename).
    if (spec.toPath) {
        result.ok = spec.toPath(workspace, request.outputPath, true, request.options, &result.error, &result.rows);
        return result;
    }
    QSaveFile file(request.outputPath);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QCoreApplication::translate("Rasid::ExportDialog", "Cannot write %1: %2")
                           .arg(request.outputPath, file.errorString());
        return result;
    }
    result.ok = spec.toDevice(workspace, file, request.options, &result.error, &result.rows);
    if (result.ok && !file.commit()) {
        result.ok = false;
        result.error = file.errorString();
    }
    return result;
}

} // namespace Rasid
