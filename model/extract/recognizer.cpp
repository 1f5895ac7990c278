#include "extract/recognizer.h"

#include "extract/latinnames.h"
#include "extract/transliteration.h"

#include "extract/recognizer_p.h"

#include "extract/dates.h"
#include "extract/quantities.h"

#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

Q_LOGGING_CATEGORY(lcRecognizer, "rasid.recognizer")

namespace {

using Recognition::Pass;

QString joinAttributes(std::initializer_list<std::pair<QStringView, QString>> pairs)
{
    QString out;
    for (const auto &[key, value] : pairs) {
        if (value.isEmpty()) {
            continue;
        }
        if (!out.isEmpty()) {
            out += u';';
        }
        out += key.toString() + u'=' + value;
    }
    return out;
}

QString roleOf(const LexiconEntry &entry)
{
    return lexiconAttribute(entry.attributes, u"role");
}

// Splits a lexicon file by the role column into the gazetteer's kinds.
void addByRole(Gazetteer &gazetteer, const QVector<LexiconEntry> &entries, LexiconKind plain,
               std::initializer_list<std::pair<QStringView, LexiconKind>> roles)
{
    for (const LexiconEntry &entry : entries) {
        const QString role = roleOf(entry);
        LexiconKind kind = plain;
        bool known = role.isEmpty();
        for (const auto &[name, roleKind] : roles) {
            if (role == name) {
                kind = roleKind;
                known = true;
            }
        }
        if (!known) {
            qCWarning(lcRecognizer) << "unknown lexicon role" << role << "for" << entry.surface;
            continue;
        }
        gazetteer.addEntry(entry, kind);
    }
}

} // namespace

Recognizer::Recognizer()
{
    m_gazetteer.addEntries(loadLexicon(u"countries"_s), LexiconKind::Country);
    m_gazetteer.addEntries(loadLexicon(u"demonyms"_s), LexiconKind::Demonym);
    m_gazetteer.addEntries(loadLexicon(u"places"_s), LexiconKind::Place);
    addByRole(m_gazetteer, loadLexicon(u"attacks"_s), LexiconKind::Attack,
              {{u"flood", LexiconKind::FloodVerb}, {u"flood_object", LexiconKind::FloodObject}});
    m_gazetteer.addEntries(loadLexicon(u"datakinds"_s), LexiconKind::Data);
    m_gazetteer.addEntries(loadLexicon(u"disclosure"_s), LexiconKind::Disclosure);
    m_gazetteer.addEntries(loadLexicon(u"stopwords"_s), LexiconKind::Stopword);
    addByRole(m_gazetteer, loadLexicon(u"orgheads"_s), LexiconKind::OrgHead,
              {{u"name", LexiconKind::Organization},
               {u"keyword", LexiconKind::OrgKeyword},
               {u"product", LexiconKind::ProductNoun}});
    addByRole(m_gazetteer, loadLexicon(u"persontitles"_s), LexiconKind::PersonTitle,
              {{u"noun", LexiconKind::PersonNoun}});
    addByRole(m_gazetteer, loadLexicon(u"persons"_s), LexiconKind::Person,
              {{u"given", LexiconKind::GivenName}});
    addByRole(m_gazetteer, loadLexicon(u"actors"_s), LexiconKind::ThreatActor,
              {{u"noun", LexiconKind::ActorNoun},
               {u"link", LexiconKind::ActorLink},
               {u"namecue", LexiconKind::NameCue},
               {u"sea", LexiconKind::SeaCue},
               {u"cyber", LexiconKind::CyberCue}});
}

const Recognizer &Recognizer::instance()
{
    static const Recognizer shared;
    return shared;
}

bool Recognizer::addLexiconEntries(const QVector<LexiconEntry> &entries, EntityType type)
{
    LexiconKind kind;
    switch (type) {
    case EntityType::Country: kind = LexiconKind::Country; break;
    case EntityType::Place: kind = LexiconKind::Place; break;
    case EntityType::Organization: kind = LexiconKind::Organization; break;
    case EntityType::Person: kind = LexiconKind::Person; break;
    case EntityType::ThreatActor: kind = LexiconKind::ThreatActor; break;
    case EntityType::Attack: kind = LexiconKind::Attack; break;
    case EntityType::Data: kind = LexiconKind::Data; break;
    default:
        return false;
    }
    for (LexiconEntry entry : entries) {
        if (entry.value.isEmpty()) {
            entry.value = entry.surface; // the canonical name of a name is itself
        }
        if (type == EntityType::Organization) {
            // The shipped organization lexicon keeps the sector in the value column.
            const QString sector = lexiconAttribute(entry.attributes, u"sector");
            entry.attributes = joinAttributes({{u"canonical", entry.value}});
            entry.value = sector.isEmpty() ? u"unknown"_s : sector;
        }
        m_gazetteer.addEntry(entry, kind);
    }
    return true;
}

EntityList Recognizer::recognize(QStringView cleanedText) const
{
    const FoldedText folded = foldWithMap(cleanedText);
    return recognize(cleanedText, folded);
}

EntityList Recognizer::recognize(QStringView text, const FoldedText &folded, CueList *cues) const
{
    Pass pass(m_gazetteer, text, folded);
    pass.run();
    EntityList entities = pass.entities();
    entities += latinNames(text, entities);
    entities += transliteratedTwins(text, entities);
    if (cues) {
        *cues = pass.cues();
    }
    // Quantities and dates share one scan: a date's digits are never a quantity.
    std::vector<Scan::Token> tokens;
    Scan::tokenize(folded.text, tokens);
    const std::vector<FoldedDate> dates = findFoldedDates(folded.text, tokens);
    entities += findQuantities(folded, text, tokens, dates);
    entities += dateEntities(folded, text, dates);
    std::stable_sort(entities.begin(), entities.end(), [](const Entity &a, const Entity &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    return entities;
}

CueList Recognizer::cues(QStringView cleanedText) const
{
    const FoldedText folded = foldWithMap(cleanedText);
    Pass pass(m_gazetteer, cleanedText, folded);
    pass.run();
    return pass.cues();
}

} // namespace Extract
} // namespace Rasid
