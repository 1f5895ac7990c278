#pragma once

#include "export/exporter.h"

class QIODevice;

namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace Export {


/*
 * JSON lines export: one compact object per incident, with exactly the keys of
 * the CSV contract in contract order, followed by "evidence_spans". Values are
 * strings, except records_affected (an integer, or null when empty) and
 * confidence (a number). "evidence_spans" maps every field that has evidence to
 * its spans: {"start": s, "end": e, "text": the slice of the cleaned article
 * text}, offsets in UTF-16 code units as everywhere in Rasid. UTF-8 without a
 * byte order mark, one "\n" after every line. JSON is not a spreadsheet, so
 * cells are written as stored, without formula neutralization.
 */
bool exportJsonLines(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error,
                     int *rows = nullptr);

// Appends s as a JSON string literal (quoted and escaped) to json.
void appendJsonString(QString &json, QStringView s);

} // namespace Export
} // namespace Rasid
