#include "export/exportformats.h"

#include "export/jsonlexport.h"
#include "export/verisexport.h"
#include "export/xlsxexport.h"

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

const std::array<ExportFormatSpec, 4> &exportFormats()
{
    static const std::array<ExportFormatSpec, 4> formats = {{
        {u"csv", u"csv", false, &exportCsv, nullptr},
        {u"jsonl", u"jsonl", false, &exportJsonLines, nullptr},
        {u"xlsx", u"xlsx", false, nullptr, &writeXlsx},
        {u"veris", u"json", true, nullptr, &exportVeris},
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

} // namespace Export
} // namespace Rasid
