#pragma once

#include "export/exporter.h"

class QIODevice;

namespace Rasid {
inline namespace Store { class Workspace; }
inline namespace Export {

/*
 * STIX 2.1 export: one bundle of the workspace's incidents.
 *
 * - Per article a `report` (name = title, `published`, the source URL as an
 *   external reference, `object_refs` = everything its incidents gave).
 * - Per incident an `incident` (description = the evidence sentence, STIX
 *   `confidence` 0-100, the attack type as a label), with every Rasid field,
 *   its review status, each field's origin and evidence spans and the
 *   analyst's note in the property extension that the bundle's
 *   `extension-definition` declares (the article's note on the report's).
 * - The victim as an `identity` (sector from industry-sector-ov) and its
 *   country as a `location`; the actor as a `threat-actor` (threat-actor-type-ov)
 *   or an `intrusion-set`; a malware family the evidence names as a `malware`;
 *   and the `relationship`s between them (targets, attributed-to, uses,
 *   located-at).
 *
 * Ids are name-based UUIDs (version 5) of the workspace and the record (the
 * incident's or article's id, the victim's or actor's name), so exporting again
 * gives the same ids and a platform updates its objects rather than duplicating
 * them; an object several incidents share is written once. The bundle streams:
 * memory does not grow with the number of incidents, only with the number of
 * distinct victims, actors and countries.
 */
bool exportStix(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error,
                int *rows = nullptr);

// The id of the extension-definition of Rasid's incident properties.
QString stixRasidExtensionId();

} // namespace Export
} // namespace Rasid
