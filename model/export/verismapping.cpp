#include "export/verismapping.h"

namespace Rasid {
inline namespace Export {

/*
 * The whole mapping from Rasid's coding (DESIGN.md §5) to VERIS 1.4.0: one row
 * per Rasid value, with a comment saying why it means what it does in VERIS.
 * Every VERIS value is taken from the enumerations of the VERIS 1.4.0 schema
 * (verisc-merged) and keeps its spelling exactly; the unknown action category
 * is keyed "unknown" in lower case, as 1.4.0 spells it (1.3.x wrote action.Unknown,
 * which 1.4.0 refuses). Values
 * that are copied rather than mapped (victim_id, countries, actor name,
 * data_total, timeline, summary, reference, plus) are written by
 * verisexport.cpp, which also runs the passes described in verismapping.h.
 * The table stays whole: it is data, one rule per mapped value, and reads
 * top to bottom as the mapping does.
 */
const std::vector<VerisRule> &verisRules()
{
    static const std::vector<VerisRule> rules = {
        // ---- attack_type -> action, attribute and asset ----
        // A DDoS floods a public service: hacking DoS against a web application, interrupting it.
        {"attack_type", "ddos",
         {{"action.hacking.variety[]", "DoS"},
          {"action.hacking.vector[]", "Web application"},
          {"attribute.availability.variety[]", "Interruption"},
          {"asset.assets[].variety", "S - Web application"}}},
        // A breach: news rarely says how the attacker got in, so the variety stays Unknown
        // ("Exploit vuln" only when an analyst codes it by hand); data was exposed.
        {"attack_type", "data_breach",
         {{"action.hacking.variety[]", "Unknown"},
          {"action.hacking.vector[]", "Unknown"},
          {"attribute.confidentiality", "{}"}}},
        // Hack and leak: an intrusion of unknown method whose data was published.
        {"attack_type", "hack_and_leak",
         {{"action.hacking.variety[]", "Unknown"},
          {"action.hacking.vector[]", "Unknown"},
          {"attribute.confidentiality", "{}"}}},
        // Ransomware: malware that installs itself and encrypts data (VERIS: Obscuration).
        {"attack_type", "ransomware",
         {{"action.malware.variety[]", "Ransomware"},
          {"action.malware.vector[]", "Unknown"},
          {"attribute.integrity.variety[]", "Software installation"},
          {"attribute.availability.variety[]", "Obscuration"}}},
        // Other malware of an unnamed kind: it was installed, nothing more is known.
        {"attack_type", "malware",
         {{"action.malware.variety[]", "Unknown"},
          {"action.malware.vector[]", "Unknown"},
          {"attribute.integrity.variety[]", "Software installation"}}},
        // Defacement: a web site's pages were altered.
        {"attack_type", "defacement",
         {{"action.hacking.variety[]", "Unknown"},
          {"action.hacking.vector[]", "Web application"},
          {"attribute.integrity.variety[]", "Defacement"},
          {"asset.assets[].variety", "S - Web application"}}},
        // Phishing: a social action by e-mail against people (the asset), altering their behaviour.
        {"attack_type", "phishing",
         {{"action.social.variety[]", "Phishing"},
          {"action.social.vector[]", "Email"},
          {"action.social.target[]", "Unknown"},
          {"attribute.integrity.variety[]", "Alter behavior"},
          {"asset.assets[].variety", "P - Unknown"}}},
        // Account takeover: someone logged in with credentials that were not theirs.
        {"attack_type", "account_takeover",
         {{"action.hacking.variety[]", "Use of stolen creds"},
          {"action.hacking.vector[]", "Unknown"}}},
        // Espionage: an intrusion of unknown method aimed at information, rather than a malware
        // family the article does not name; the motive is Espionage unless another was coded
        // (this row must precede the motive fallback below).
        {"attack_type", "espionage",
         {{"action.hacking.variety[]", "Unknown"},
          {"action.hacking.vector[]", "Unknown"},
          {"attribute.confidentiality", "{}"},
          {"actor.$actor.motive[]", "Espionage", VerisWhen::Fallback}}},
        // Sabotage: an intrusion of unknown method that disrupted operations.
        {"attack_type", "sabotage",
         {{"action.hacking.variety[]", "Unknown"},
          {"action.hacking.vector[]", "Unknown"},
          {"attribute.availability.variety[]", "Interruption"}}},
        // Attack types outside VERIS's categories: its Unknown action, with a note saying why.
        {"attack_type", "other",
         {{"action.unknown.notes", "The attack type is outside the categories Rasid maps to VERIS."}}},
        // The article does not say how: VERIS's Unknown action.
        {"attack_type", "unknown",
         {{"action.unknown.notes", "The article does not say how the attack was carried out."}}},

        // ---- impact -> attribute and impact ----
        // An outage is an interruption of availability, whatever the attack type.
        {"impact", "service_outage", {{"attribute.availability.variety[]", "Interruption"}}},
        // Exposed data is a loss of confidentiality.
        {"impact", "data_exposure", {{"attribute.confidentiality", "{}"}}},
        // Altered data is a loss of integrity.
        {"impact", "data_manipulation", {{"attribute.integrity.variety[]", "Modify data"}}},
        // Money lost to the attack (stolen funds, a ransom paid); VERIS then wants an overall
        // rating, which news does not give.
        {"impact", "financial_loss",
         {{"impact.loss[].variety", "Asset and fraud"}, {"impact.overall_rating", "Unknown", VerisWhen::Fallback}}},

        // ---- data_types -> attribute.confidentiality.data[].variety ----
        // Names, addresses, national numbers.
        {"data_types", "personal", {{"attribute.confidentiality.data[].variety", "Personal"}}},
        // Phone numbers and e-mail addresses are personal data in VERIS.
        {"data_types", "contact", {{"attribute.confidentiality.data[].variety", "Personal"}}},
        // Identity documents and numbers are personal data too.
        {"data_types", "identity", {{"attribute.confidentiality.data[].variety", "Personal"}}},
        // Health records.
        {"data_types", "medical", {{"attribute.confidentiality.data[].variety", "Medical"}}},
        // Account numbers and balances (card data would be Payment; articles rarely separate them).
        {"data_types", "financial", {{"attribute.confidentiality.data[].variety", "Bank"}}},
        // User names and passwords.
        {"data_types", "credentials", {{"attribute.confidentiality.data[].variety", "Credentials"}}},
        // Official records and correspondence: Internal (Classified only when the article says so).
        {"data_types", "government", {{"attribute.confidentiality.data[].variety", "Internal"}}},
        // An organization's own documents.
        {"data_types", "internal", {{"attribute.confidentiality.data[].variety", "Internal"}}},

        // ---- disclosure -> security_incident, data_disclosure, discovery_method ----
        // The victim or an authority confirms: a confirmed incident, data disclosed.
        {"disclosure", "confirmed",
         {{"security_incident", "Confirmed"},
          {"attribute.confidentiality.data_disclosure", "Yes", VerisWhen::IfParent}}},
        // Only the attacker (or the press) says so: suspected, data potentially disclosed, known
        // because the actor announced it (the exporter adds the analyst note on the figure).
        {"disclosure", "claimed",
         {{"security_incident", "Suspected"},
          {"attribute.confidentiality.data_disclosure", "Potentially", VerisWhen::IfParent},
          {"discovery_method.external.variety[]", "Actor disclosure"}}},
        // The victim denies: it stays suspected.
        {"disclosure", "denied", {{"security_incident", "Suspected"}}},
        // Suspected by the article itself.
        {"disclosure", "suspected", {{"security_incident", "Suspected"}}},
        // A foiled attempt: a near miss in which nothing was disclosed.
        {"disclosure", "attempted",
         {{"security_incident", "Near miss"},
          {"attribute.confidentiality.data_disclosure", "No", VerisWhen::IfParent}}},

        // ---- actor_type -> actor.external.variety (insider -> actor.internal) ----
        // A state's own services.
        {"actor_type", "nation_state", {{"actor.external.variety[]", "Nation-state"}}},
        // Groups working for or with a state.
        {"actor_type", "state_affiliated", {{"actor.external.variety[]", "State-affiliated"}}},
        // Criminal groups (ransomware gangs, fraud rings).
        {"actor_type", "criminal", {{"actor.external.variety[]", "Organized crime"}}},
        // Hacktivists.
        {"actor_type", "hacktivist", {{"actor.external.variety[]", "Activist"}}},
        // A lone attacker with no organization behind them.
        {"actor_type", "individual", {{"actor.external.variety[]", "Unaffiliated"}}},
        // An outside attacker of unknown kind.
        {"actor_type", "unknown", {{"actor.external.variety[]", "Unknown"}}},
        // An insider is an internal actor whose role the article rarely gives.
        {"actor_type", "insider", {{"actor.internal.variety[]", "Unknown"}}},

        // ---- motive -> actor.*.motive ----
        // Money.
        {"motive", "financial", {{"actor.$actor.motive[]", "Financial"}}},
        // Information gathering.
        {"motive", "espionage", {{"actor.$actor.motive[]", "Espionage"}}},
        // A political or religious cause.
        {"motive", "ideology", {{"actor.$actor.motive[]", "Ideology"}}},
        // Revenge, a personal grievance.
        {"motive", "grudge", {{"actor.$actor.motive[]", "Grudge"}}},
        // VERIS has no sabotage motive; Other keeps it apart from Unknown.
        {"motive", "sabotage", {{"actor.$actor.motive[]", "Other"}}},
        // Thrill, bragging rights.
        {"motive", "fun", {{"actor.$actor.motive[]", "Fun"}}},
        // Stated as unknown.
        {"motive", "unknown", {{"actor.$actor.motive[]", "Unknown"}}},

        // ---- victim_sector -> victim.industry (NAICS) and victim.government ----
        // 92: public administration; the level of government is not coded.
        {"victim_sector", "government", {{"victim.industry", "92"}, {"victim.government[]", "Unknown"}}},
        // 62: health care and social assistance.
        {"victim_sector", "healthcare", {{"victim.industry", "62"}}},
        // 52: finance and insurance.
        {"victim_sector", "finance", {{"victim.industry", "52"}}},
        // 49: postal service, couriers and warehousing.
        {"victim_sector", "postal_logistics", {{"victim.industry", "49"}}},
        // 48: transportation (airlines, ports, railways).
        {"victim_sector", "transport", {{"victim.industry", "48"}}},
        // 22: utilities (power, water, gas).
        {"victim_sector", "energy", {{"victim.industry", "22"}}},
        // 517: telecommunications.
        {"victim_sector", "telecom", {{"victim.industry", "517"}}},
        // 61: educational services.
        {"victim_sector", "education", {{"victim.industry", "61"}}},
        // 813940: political organizations (parties, campaigns); parliaments are coded government.
        {"victim_sector", "politics", {{"victim.industry", "813940"}}},
        // 51: information (press, broadcasting, publishing).
        {"victim_sector", "media", {{"victim.industry", "51"}}},
        // 44: retail trade.
        {"victim_sector", "retail", {{"victim.industry", "44"}}},
        // 5415: computer systems design and related services.
        {"victim_sector", "technology", {{"victim.industry", "5415"}}},
        // 92: defence is public administration (NAICS 928110 within it).
        {"victim_sector", "defense", {{"victim.industry", "92"}, {"victim.government[]", "Unknown"}}},
        // Any other sector, or an unknown one: 000, VERIS's code for an unknown industry.
        {"victim_sector", "other", {{"victim.industry", "000"}}},
        {"victim_sector", "unknown", {{"victim.industry", "000"}}},

        // ---- what VERIS requires, for every incident whose fields did not provide it ----
        {"", "",
         {// An attack type not coded (or not one of DESIGN.md's): VERIS's Unknown action.
          {"action", R"({"unknown": {"notes": "The attack type was not coded."}})", VerisWhen::Fallback},
          // Nothing says the incident was confirmed.
          {"security_incident", "Suspected", VerisWhen::Fallback},
          // Unless the actor announced it, news does not say how the victim found out.
          {"discovery_method", R"({"unknown": true})", VerisWhen::Fallback},
          // An external actor of unknown variety and motive, as VERIS codes news reports (an
          // espionage attack has set its motive above).
          {"actor.$actor.variety[]", "Unknown", VerisWhen::Fallback},
          {"actor.$actor.motive[]", "Unknown", VerisWhen::Fallback},
          // An industry not coded.
          {"victim.industry", "000", VerisWhen::Fallback},
          // Confidentiality lost, but the kind of data is not stated.
          {"attribute.confidentiality.data[].variety", "Unknown", VerisWhen::FallbackIfParent},
          // Confidentiality lost, disclosure not stated either way.
          {"attribute.confidentiality.data_disclosure", "Unknown", VerisWhen::FallbackIfParent},
          // External actors need a country.
          {"actor.external.country[]", "Unknown", VerisWhen::FallbackIfParent},
          // The victim's country, level of government (none outside NAICS 92) and size.
          {"victim.country[]", "Unknown", VerisWhen::Fallback},
          {"victim.government[]", "NA", VerisWhen::Fallback},
          {"victim.employee_count", "Unknown", VerisWhen::Fallback},
          // The asset attacked and whether it was in a cloud.
          {"asset.assets[].variety", "Unknown", VerisWhen::Fallback},
          {"asset.cloud[]", "Unknown", VerisWhen::Fallback}}},

        // ---- review_status -> plus.analysis_status ----
        // Proposed by extraction and not reviewed yet.
        {"review_status", "suggested", {{"plus.analysis_status", "First pass"}}},
        // Checked by an analyst.
        {"review_status", "confirmed", {{"plus.analysis_status", "Reviewed"}}},
        // Rejected by an analyst (exported only with --status all).
        {"review_status", "rejected", {{"plus.analysis_status", "Ineligible"}}},
    };
    return rules;
}

QString verisConfidence(double confidence)
{
    // Thresholds chosen so that analyst-confirmed rows (1.0) are High and the
    // extractor's doubtful proposals (< 0.5, DESIGN.md) are Low.
    if (confidence >= 0.75) {
        return QStringLiteral("High");
    }
    if (confidence >= 0.5) {
        return QStringLiteral("Medium");
    }
    return QStringLiteral("Low");
}

} // namespace Export
} // namespace Rasid
