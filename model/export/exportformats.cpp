#include "export/exportformats.h"

#include "export/jsonlexport.h"
#include "export/mispexport.h"
#include "export/stixexport.h"
#include "export/verisexport.h"
#include "export/xlsxexport.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

namespace {

bool writeXlsx(const Workspace &workspace, const QString &path, bool /*singleFile*/, const ExportOptions &options,
               QString *error, int *rows)
{
    return exportXlsx(workspace, path, options, error, rows);
}

} // namespace

const std::array<ExportFormatSpec, 6> &exportFormats()
{
    static const std::array<ExportFormatSpec, 6> formats = {{
        {u"csv", u"csv", false, &exportCsv, nullptr},
        {u"jsonl", u"jsonl", false, &exportJsonLines, nullptr},
        {u"xlsx", u"xlsx", false, nullptr, &writeXlsx},
        {u"veris", u"json", true, nullptr, &exportVeris},
        {u"stix", u"json", false, &exportStix, nullptr},
        {u"misp", u"json", true, nullptr, &exportMisp},
    }};
    return formats;
}

const ExportFormatSpec *exportFormatById(QStringView id)
{
    for (const ExportFormatSpec &format : exportFormats()) {
        if (format.id == id) {
            return &format;
        }
    }
    return nullptr;
}

bool writeExport(const ExportFormatSpec &format, const Workspace &workspace, const QString &path, bool singleFile,
                 const ExportOptions &options, QString *error, int *rows, bool *notOpened)
{
    if (notOpened) {
        *notOpened = false;
    }
    if (format.toPath) {
        return format.toPath(workspace, path, singleFile, options, error, rows);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (notOpened) {
            *notOpened = true;
        }
        *error = file.errorString();
        return false;
    }
    if (!format.toDevice(workspace, file, options, error, rows)) {
        return false;
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Export
} // namespace Rasid
