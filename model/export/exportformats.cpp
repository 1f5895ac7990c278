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
                 const ExportOptions &options, QString *error, int *rows, ExportStatus *status)
{
    const auto finish = [&](ExportStatus how) {
        if (status) {
            *status = how;
        }
        return how == ExportStatus::Written;
    };
    // The report is the caller's: remember that it asked to stop, so that the
    // cancellation is told from a failure.
    ExportOptions watched = options;
    bool cancelled = false;
    if (options.progress.report) {
        watched.progress.report = [&](qint64 done, qint64 total) {
            cancelled = !options.progress.report(done, total);
            return !cancelled;
        };
    }
    if (format.toPath) {
        const bool ok = format.toPath(workspace, path, singleFile, watched, error, rows);
        return finish(ok ? ExportStatus::Written : cancelled ? ExportStatus::Cancelled : ExportStatus::Failed);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return finish(ExportStatus::NotOpened);
    }
    if (!format.toDevice(workspace, file, watched, error, rows)) {
        return finish(cancelled ? ExportStatus::Cancelled : ExportStatus::Failed); // the QSaveFile drops its temporary file
    }
    if (!file.commit()) {
        *error = file.errorString();
        return finish(ExportStatus::Failed);
    }
    return finish(ExportStatus::Written);
}

} // namespace Export
} // namespace Rasid
