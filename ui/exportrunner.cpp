#include "exportrunner.h"

#include "export/jsonlexport.h"
#include "export/verisexport.h"
#include "export/xlsxexport.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Rasid {

QString exportFormatSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return u"csv"_s;
    case ExportFormat::JsonLines:
        return u"jsonl"_s;
    case ExportFormat::Xlsx:
        return u"xlsx"_s;
    case ExportFormat::Veris:
        return u"json"_s;
    }
    return {};
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
    // XLSX and VERIS write by file name, each safely (temporary file, then rename).
    if (request.format == ExportFormat::Xlsx) {
        result.ok = exportXlsx(workspace, request.outputPath, request.options, &result.error, &result.rows);
        return result;
    }
    if (request.format == ExportFormat::Veris) {
        result.ok = exportVeris(workspace, request.outputPath, true, request.options, &result.error, &result.rows);
        return result;
    }
    QSaveFile file(request.outputPath);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QCoreApplication::translate("Rasid::ExportDialog", "Cannot write %1: %2")
                           .arg(request.outputPath, file.errorString());
        return result;
    }
    if (request.format == ExportFormat::Csv) {
        result.ok = exportCsv(workspace, file, request.options, &result.error, &result.rows);
    } else {
        result.ok = exportJsonLines(workspace, file, request.options, &result.error, &result.rows);
    }
    if (result.ok && !file.commit()) {
        result.ok = false;
        result.error = file.errorString();
    }
    return result;
}

} // namespace Rasid
