#pragma once

#include "export/exporter.h"

namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace Export {

/*
 * MISP export (the MISP core format): one Event per article.
 *
 * - info is the article's title, date the incident's date (else the article's),
 *   threat_level_id and analysis come from the review of its incidents
 *   (ctimapping), Orgc and Org are Rasid; nothing is published.
 * - Attributes: each incident's record (Internal reference / text), its
 *   victim (Targeting data / target-org), the victim's country
 *   (target-location), third parties (target-org), the actor (Attribution /
 *   threat-actor), the record count (Other / counter), the evidence sentence
 *   (Other / text), the analyst's note on the incident (Internal reference /
 *   comment), and once the source URL (External analysis / link) and the
 *   note on the article (Internal reference / comment); each comment names
 *   the incident, its review status and confidence, and the comment of the
 *   incident's record also each field's origin (fieldOriginsText()).
 * - Tags from the MISP taxonomies: circl (incident-classification of the
 *   attack type, topic of the sector) and veris (the VERIS varieties, vectors
 *   and motives the VERIS mapping gives); threat actors as clusters of the
 *   Threat Actor galaxy, by name.
 *
 * UUIDs are name-based (version 5) over the workspace and the record ids, so a
 * re-export updates the same events. With singleFile false, outPath is a folder
 * that receives "<event uuid>.json" ({"Event": ...}) per article; with singleFile
 * true, one collection file {"response": [{"Event": ...}, ...]}. The file is
 * written through QSaveFile, the folder's events through a StagedFolder:
 * nothing is left of a failed or cancelled export.
 */
bool exportMisp(const Workspace &workspace, const QString &outPath, bool singleFile, const ExportOptions &options,
                QString *error, int *rows = nullptr);

} // namespace Export
} // namespace Rasid
