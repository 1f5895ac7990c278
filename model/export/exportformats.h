#pragma once

#include "export/exporter.h"

#include <QStringView>

#include <array>

class QIODevice;

/*
 * The export formats, once: their command-line id, the suffix of the file they
 * write, whether they write a folder, and the function that writes them. The
 * command line and the interface both go through this table, so a new format is
 * added here and nowhere else.
 */
namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace Export {

// Writes into an open device; the caller opens and commits it (a QSaveFile).
using ExportToDevice = bool (*)(const Workspace &workspace, QIODevice &out, const ExportOptions &options,
                                QString *error, int *rows);
// Writes by path, safely (temporary file, then rename); singleFile only matters to a format that writesFolder.
using ExportToPath = bool (*)(const Workspace &workspace, const QString &path, bool singleFile,
                              const ExportOptions &options, QString *error, int *rows);

struct ExportFormatSpec
{
    QStringView id;     // the --format of the command line: csv, jsonl, xlsx, veris, stix, misp
    QStringView suffix; // of the file written: csv, jsonl, xlsx, json
    bool writesFolder = false; // unless asked for a single file (VERIS, MISP)
    ExportToDevice toDevice = nullptr; // exactly one of toDevice and toPath is set
    ExportToPath toPath = nullptr;
};

// CSV, JSON lines, XLSX, VERIS, STIX 2.1, MISP, in that order.
const std::array<ExportFormatSpec, 6> &exportFormats();
// The format of a command-line id, or nullptr.
const ExportFormatSpec *exportFormatById(QStringView id);

// How an export ended.
enum class ExportStatus {
    Written,
    NotOpened, // the file could not be opened for writing (a caller may word that case itself)
    Cancelled, // options.progress.report returned false
    Failed,
};

// Writes the workspace's incidents in `format` to `path`, never leaving a
// half-written file behind: a device format through a QSaveFile, the others by
// path (temporary file, then rename). singleFile is passed to a format that
// writesFolder. Returns true when written; otherwise *error holds the reason
// and *status (when given) says how it ended. A cancelled export leaves the
// previous file, if any, as it was, and no temporary file.
bool writeExport(const ExportFormatSpec &format, const Workspace &workspace, const QString &path, bool singleFile,
                 const ExportOptions &options, QString *error, int *rows, ExportStatus *status = nullptr);

} // namespace Export
} // namespace Rasid
