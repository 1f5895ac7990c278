#pragma once

#include "export/exporter.h"

namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace Export {


/*
 * XLSX export through libxlsxwriter, for analysts who work in a spreadsheet.
 * Sheet "incidents" holds the CSV columns and rows (records_affected and
 * confidence as numbers, every other cell as text); sheet "entities" lists the
 * entities (article, start, end, type, text, value) of the articles exported.
 * Both sheets read right to left, with a bold header row that is frozen and
 * filtered and columns sized from their content (capped).
 *
 * Cells are only ever written as strings or numbers, never as formulas, and
 * a text cell that begins with = + - @ gets the same leading apostrophe as in
 * the CSV, so the two exports show the same text. A sheet that would pass
 * Excel's row limit continues in "incidents 2", "entities 2" ...
 *
 * libxlsxwriter writes by file name, so the workbook is written next to path
 * under a temporary name and renamed over it at the end: an interrupted export
 * never leaves a half-written file. Without libxlsxwriter at build time the
 * function returns false with an error saying so.
 */
bool exportXlsx(const Workspace &workspace, const QString &path, const ExportOptions &options, QString *error,
                int *rows = nullptr);

// Whether this build can write XLSX (libxlsxwriter was found).
bool xlsxExportAvailable();

} // namespace Export
} // namespace Rasid
