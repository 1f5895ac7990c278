#include "exportrunner.h"

#include "export/exportformats.h"
#include "export/xlsxexport.h"
#include "store/workspace.h"

#include <QCoreApplication>

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
    case ExportFormat::Stix:
        return *exportFormatById(u"stix");
    case ExportFormat::Misp:
        return *exportFormatById(u"misp");
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
    bool notOpened = false;
    result.ok = writeExport(specOf(request.format), workspace, request.outputPath, true, request.options,
                            &result.error, &result.rows, &notOpened);
    if (notOpened) {
        result.error = QCoreApplication::translate("Rasid::ExportDialog", "Cannot write %1: %2")
                           .arg(request.outputPath, result.error);
    }
    return result;
}

} // namespace Rasid
