#pragma once

#include "export/exporter.h"

#include <QJsonObject>

namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace Export {


/*
 * VERIS 1.4.0 export (the schema of the VERIS Community Database). Each
 * incident becomes one VERIS document: fields are mapped through the single
 * documented table of verismapping.cpp, values that are copied (victim and
 * actor names, countries, record counts, dates, evidence sentence, source URL)
 * are written here, and Rasid's own provenance goes under plus.rasid: the
 * incident and article ids, the review status, each field's origin
 * (field_origins) and the analyst's notes ({"article": ..., "incident": ...},
 * only when there are notes).
 *
 * incident_id is a name-based UUID (version 5, upper case as in VCDB) of the
 * workspace's path and the incident id: exporting the same workspace again
 * gives the same ids, so a VERIS repository can be updated in place.
 *
 * With singleFile false, outPath is a folder (created if needed) that receives
 * "<incident_id>.json" per incident; with singleFile true, outPath is one file
 * holding a JSON array. The file is written through QSaveFile, the folder's
 * documents through a StagedFolder: nothing is left of a failed or cancelled
 * export.
 */
bool exportVeris(const Workspace &workspace, const QString &outPath, bool singleFile, const ExportOptions &options,
                 QString *error, int *rows = nullptr);

// The VERIS incident_id of an incident of the workspace at workspacePath.
QString verisIncidentId(const QString &workspacePath, qint64 incidentId);

// The VERIS document of one incident (used by the export and by its tests).
QJsonObject verisDocument(const IncidentRow &row, const IncidentDetail &detail, const QString &workspacePath);

} // namespace Export
} // namespace Rasid
