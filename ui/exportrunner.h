#pragma once

#include "export/exporter.h"

#include <QString>

namespace Rasid {

enum class ExportFormat { Csv, JsonLines, Xlsx, Veris, Stix, Misp };

QString exportFormatSuffix(ExportFormat format); // "csv", "jsonl", "xlsx", "json" (VERIS, STIX, MISP)
bool isExportFormatAvailable(ExportFormat format);

struct ExportRequest
{
    ExportFormat format = ExportFormat::Csv;
    ExportOptions options;
    QString outputPath;
};

struct ExportResult
{
    bool ok = false;
    int rows = 0;
    QString error;
};

/*
 * Writes the incidents of the workspace file to request.outputPath. It opens
 * its own read-only connection, so it may run on any thread (the GUI runs it
 * with QtConcurrent), and writes through QSaveFile: a failed or interrupted
 * export never leaves a half-written file.
 */
ExportResult exportIncidents(const QString &workspacePath, const ExportRequest &request);

} // namespace Rasid
