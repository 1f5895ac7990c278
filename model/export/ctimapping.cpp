#include "export/ctimapping.h"

#include <QRegularExpression>
#include <QVector>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

const std::vector<CtiSector> &ctiSectors()
{
    // STIX 2.1 industry-sector-ov and the circl taxonomy's topic predicate.
    static const std::vector<CtiSector> rows = {
        // Ministries, agencies, parliaments.
        {"government", "government", "services"},
        // Hospitals and health services.
        {"healthcare", "healthcare", "medical"},
        // Banks, insurers, exchanges.
        {"finance", "financial-services", "finance"},
        // Postal services, couriers and warehousing move goods: transportation.
        {"postal_logistics", "transportation", "services"},
        // Airlines, ports, railways.
        {"transport", "transportation", "services"},
        // Power, water, oil and gas.
        {"energy", "energy", "industry"},
        // Telecommunications operators.
        {"telecom", "telecommunications", "ict"},
        // Schools and universities.
        {"education", "education", "services"},
        // Parties and campaigns: the vocabulary has no political sector.
        {"politics", "", ""},
        // Press, broadcasting and publishing are communications in STIX.
        {"media", "communications", "services"},
        // Shops and online retail.
        {"retail", "retail", "services"},
        // Software and IT services.
        {"technology", "technology", "ict"},
        // Armed forces and defence industry.
        {"defense", "defense", ""},
        // Any other sector, or none known: no sector is claimed.
        {"other", "", "undefined"},
        {"unknown", "", "undefined"},
    };
    return rows;
}

const std::vector<CtiActorType> &ctiActorTypes()
{
    static const std::vector<CtiActorType> rows = {
        // A state's own services.
        {"nation_state", "threat-actor", "nation-state"},
        // A group working for or with a state: an intrusion set (an APT) whose
        // resources are a government's.
        {"state_affiliated", "intrusion-set", "government"},
        // Ransomware gangs and fraud rings.
        {"criminal", "threat-actor", "crime-syndicate"},
        // Hacktivists.
        {"hacktivist", "threat-actor", "activist"},
        // A lone attacker.
        {"individual", "threat-actor", "hacker"},
        // An insider acting against the organization.
        {"insider", "threat-actor", "insider-disgruntled"},
        // Not known (the last row: the fallback of ctiActorType()).
        {"unknown", "threat-actor", "unknown"},
    };
    return rows;
}

const std::vector<CtiAttackType> &ctiAttackTypes()
{
    // circl:incident-classification values and STIX malware-type-ov.
    static const std::vector<CtiAttackType> rows = {
        {"ddos", "denial-of-service", "bot"},
        {"data_breach", "information-leak", "unknown"},
        {"hack_and_leak", "information-leak", "unknown"},
        {"ransomware", "malware", "ransomware"},
        {"malware", "malware", "unknown"},
        // A defaced site was compromised.
        {"defacement", "system-compromise", "unknown"},
        {"phishing", "phishing", "unknown"},
        {"account_takeover", "system-compromise", "unknown"},
        {"espionage", "system-compromise", "spyware"},
        // Sabotage destroys: the wiper class when malware did it, else a compromise.
        {"sabotage", "system-compromise", "wiper"},
        {"other", "", "unknown"},
        {"unknown", "", "unknown"},
    };
    return rows;
}

const std::vector<CtiMalwareFamily> &ctiMalwareFamilies()
{
    // Families Arabic news names often, with the spellings it uses.
    static const std::vector<CtiMalwareFamily> rows = {
        {"LockBit", "ransomware", {"LockBit", "لوك بت", "لوكبيت"}},
        {"WannaCry", "ransomware", {"WannaCry", "WannaCrypt", "واناكراي", "وانا كراي"}},
        {"NotPetya", "wiper", {"NotPetya", "نوتبيتيا", "نوت بيتيا"}},
        {"Ryuk", "ransomware", {"Ryuk", "ريوك"}},
        {"Conti", "ransomware", {"Conti ransomware", "كونتي"}},
        {"REvil", "ransomware", {"REvil", "Sodinokibi", "ريفيل"}},
        {"BlackCat", "ransomware", {"BlackCat", "ALPHV", "بلاك كات"}},
        {"Shamoon", "wiper", {"Shamoon", "شمعون"}},
        {"Stuxnet", "worm", {"Stuxnet", "ستوكسنت"}},
        {"Pegasus", "spyware", {"Pegasus", "بيغاسوس", "بيجاسوس"}},
        {"Predator", "spyware", {"Predator spyware", "بريداتور"}},
        {"Emotet", "trojan", {"Emotet", "إيموتيت"}},
        {"Mirai", "bot", {"Mirai", "ميراي"}},
    };
    return rows;
}

QString mispThreatLevel(int confirmed, int suggested, bool victimConfirmed)
{
    Q_UNUSED(suggested)
    // 4 Undefined until an analyst confirms an incident: the extractor's
    // proposals are not an assessment. A confirmed incident that the victim
    // itself confirms is 2 Medium; one known only from the attacker or the
    // press is 3 Low. News reports of past incidents carry no indicator to act
    // on, so Rasid never says 1 High.
    if (confirmed == 0) {
        return QStringLiteral("4");
    }
    return victimConfirmed ? QStringLiteral("2") : QStringLiteral("3");
}

QString mispAnalysis(int confirmed, int rejected, int suggested)
{
    // 0 Initial: nothing reviewed; 2 Complete: every incident reviewed
    // (confirmed or rejected); 1 Ongoing in between.
    const int reviewed = confirmed + rejected;
    if (reviewed == 0) {
        return QStringLiteral("0");
    }
    return suggested == 0 ? QStringLiteral("2") : QStringLiteral("1");
}

QStringList splitList(const QString &value)
{
    QStringList parts;
    for (const QString &part : value.split(u';', Qt::SkipEmptyParts)) {
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty()) {
            parts.append(trimmed);
        }
    }
    return parts;
}

QString isoCountry(const QString &code)
{
    const QString trimmed = code.trimmed().toUpper();
    const auto ascii = [](QChar c) { return c >= u'A' && c <= u'Z'; };
    return trimmed.size() == 2 && ascii(trimmed.at(0)) && ascii(trimmed.at(1)) ? trimmed : QString();
}

const CtiSector *ctiSector(const QString &rasid)
{
    for (const CtiSector &row : ctiSectors()) {
        if (rasid == QLatin1StringView(row.rasid)) {
            return &row;
        }
    }
    return nullptr;
}

const CtiActorType &ctiActorType(const QString &rasid)
{
    for (const CtiActorType &row : ctiActorTypes()) {
        if (rasid == QLatin1StringView(row.rasid)) {
            return row;
        }
    }
    return ctiActorTypes().back();
}

const CtiAttackType *ctiAttackType(const QString &rasid)
{
    for (const CtiAttackType &row : ctiAttackTypes()) {
        if (rasid == QLatin1StringView(row.rasid)) {
            return &row;
        }
    }
    return nullptr;
}

QVector<const CtiMalwareFamily *> malwareNamedIn(const QString &text)
{
    QVector<const CtiMalwareFamily *> found;
    // One pass of one expression says whether any spelling occurs at all; most
    // evidence sentences name no family, and then nothing else is searched.
    static const QRegularExpression anySpelling = [] {
        QStringList alternatives;
        for (const CtiMalwareFamily &family : ctiMalwareFamilies()) {
            for (const char *spelling : family.spellings) {
                alternatives.append(QRegularExpression::escape(QString::fromUtf8(spelling)));
            }
        }
        return QRegularExpression(alternatives.join(u'|'), QRegularExpression::CaseInsensitiveOption);
    }();
    if (text.isEmpty() || !anySpelling.match(text).hasMatch()) {
        return found;
    }
    const auto touches = [&](qsizetype at) { return at >= 0 && at < text.size() && text.at(at).isLetterOrNumber(); };
    // An Arabic name may carry a proclitic (وبيغاسوس، ببرنامج لوكبيت): the letters
    // glued before it must be one of them.
    static const QStringList proclitics = {u"و"_s, u"ب"_s, u"ل"_s, u"ف"_s, u"ك"_s, u"ال"_s, u"وال"_s, u"بال"_s,
                                           u"فال"_s, u"كال"_s, u"لل"_s, u"ول"_s, u"وب"_s};
    const auto startsWord = [&](qsizetype at) {
        qsizetype start = at;
        while (start > 0 && text.at(start - 1).isLetterOrNumber()) {
            --start;
        }
        return start == at || (at - start <= 3 && proclitics.contains(text.mid(start, at - start)));
    };
    for (const CtiMalwareFamily &family : ctiMalwareFamilies()) {
        for (const char *spelling : family.spellings) {
            const QString needle = QString::fromUtf8(spelling);
            bool named = false;
            for (qsizetype at = text.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0 && !named;
                 at = text.indexOf(needle, at + 1, Qt::CaseInsensitive)) {
                named = startsWord(at) && !touches(at + needle.size());
            }
            if (named) {
                found.append(&family);
                break;
            }
        }
    }
    return found;
}

} // namespace Export
} // namespace Rasid
