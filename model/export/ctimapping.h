#pragma once

#include <QString>
#include <QStringList>

#include <vector>

/*
 * The mapping from Rasid's coding (DESIGN.md §5) to the STIX 2.1 vocabularies
 * and to the MISP taxonomies, documented row by row in stixmapping.cpp. The
 * STIX and MISP exports read their vocabulary here and nowhere else.
 */
namespace Rasid {
inline namespace Export {

// victim_sector -> STIX industry-sector-ov and the circl:topic of MISP.
struct CtiSector
{
    const char *rasid;
    const char *stixSector; // "" when the vocabulary has no such sector
    const char *circlTopic; // "" when the taxonomy has none
};
const std::vector<CtiSector> &ctiSectors();

// actor_type -> the STIX object that stands for the actor and its
// threat-actor-type-ov (threat-actor) or resource-level-ov (intrusion-set).
struct CtiActorType
{
    const char *rasid;
    const char *stixType;    // "threat-actor" or "intrusion-set"
    const char *stixVocab;   // threat_actor_types value, or the intrusion set's resource_level
};
const std::vector<CtiActorType> &ctiActorTypes();

// attack_type -> circl:incident-classification of MISP and the STIX
// malware_types of a malware it names.
struct CtiAttackType
{
    const char *rasid;
    const char *circl;       // "" when the taxonomy has no class for it
    const char *malwareType; // malware-type-ov of a malware used in such an attack
};
const std::vector<CtiAttackType> &ctiAttackTypes();

// A malware family and the spellings an article may use for it.
struct CtiMalwareFamily
{
    const char *name;        // the canonical name the STIX malware takes
    const char *malwareType; // malware-type-ov
    std::vector<const char *> spellings;
};
const std::vector<CtiMalwareFamily> &ctiMalwareFamilies();

// The values of a list field ("a; b"), trimmed, empty ones left out.
QStringList splitList(const QString &value);
// An ISO 3166-1 alpha-2 code, upper-case, or empty when the value is not one.
QString isoCountry(const QString &code);

const CtiSector *ctiSector(const QString &rasid);
const CtiActorType &ctiActorType(const QString &rasid); // the "unknown" row for anything else
const CtiAttackType *ctiAttackType(const QString &rasid);

// The MISP threat_level_id and analysis of an event from its incidents
// review: counts of confirmed, rejected and suggested incidents, and whether a
// confirmed one is confirmed by the victim (disclosure confirmed).
QString mispThreatLevel(int confirmed, int suggested, bool victimConfirmed);
QString mispAnalysis(int confirmed, int rejected, int suggested);

// The families named in a text (the evidence sentence), in table order: a
// spelling counts when no letter or digit touches it on either side.
QVector<const CtiMalwareFamily *> malwareNamedIn(const QString &text);

} // namespace Export
} // namespace Rasid
