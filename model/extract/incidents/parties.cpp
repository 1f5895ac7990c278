#include "extract/incidents/builder_p.h"

#include "text/textfold.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace Incidents {

// The victim as written, its sector, and a country named in or right after it.
void Builder::fillVictim(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    // A name beats a description of the same standing ("هيئة البريد" over "خدمات البريد").
    const auto rank = [](const Victim &x) { return x.score + (x.entity >= 0 ? 1.0 : 0.0); };
    for (const Victim &v : f.draft->victims) {
        if (!f.victim.valid() || rank(v) > rank(f.victim) + 1e-9) {
            f.victim = v;
        }
    }
    const Victim &victim = f.victim;
    QString sector;
    QVector<EvidenceSpan> sectorEvidence;
    double sectorConfidence = 0.0;
    if (victim.valid()) {
        // The entity's own span (without the clitic ل its first token may carry), else the phrase.
        QVector<EvidenceSpan> span = spanOf(victim.first, victim.last);
        if (victim.entity >= 0 && m_entFirst[victim.entity] == victim.first
            && m_entLast[victim.entity] == victim.last) {
            span = {{m_entities[victim.entity].start, m_entities[victim.entity].end}};
        }
        QString text = m_text.mid(span.first().start, span.first().end - span.first().start).toString();
        // Quotes that wrapped the name stay in the article, not in the field.
        while (!text.isEmpty() && QStringView(u"\"«»“”").contains(text.back())) {
            text.chop(1);
            --span.first().end;
        }
        f.incident.set(u"victim"_s, text, std::min(0.95, 0.3 + victim.score * 0.18), span);

        // The sector: the organization's own when the victim is one; else a sector word
        // of the phrase ("قاعدة البيانات الصحية التابعة للحكومة" is health data), then the
        // organization inside it, then a head noun.
        const auto entitySector = [&] {
            if (victim.entity >= 0 && sector.isEmpty()) {
                const QString s = m_entities[victim.entity].attribute(u"sector");
                if (!s.isEmpty() && s != u"other"_s && s != u"unknown"_s) {
                    sector = s;
                    sectorConfidence = 0.8;
                    sectorEvidence = spanOf(m_entFirst[victim.entity], m_entLast[victim.entity]);
                }
            }
        };
        const auto phraseSector = [&](Role role) {
            for (int t = victim.first; t <= victim.last && sector.isEmpty(); ++t) {
                const Hit *h = hitAt(t, role);
                if (h && lexicon.entry(h->entry).type != u"other"_s) {
                    sector = lexicon.entry(h->entry).type;
                    sectorConfidence = 0.6;
                    sectorEvidence = spanOf(h->first, h->last);
                }
            }
        };
        if (victim.entity >= 0 && m_entFirst[victim.entity] == victim.first) {
            entitySector();
        }
        phraseSector(Role::Sector);
        entitySector();
        phraseSector(Role::Head);
        if (sector.isEmpty() && victim.entity >= 0 && m_entities[victim.entity].type == EntityType::Country) {
            sector = u"government"_s;
            sectorConfidence = 0.4;
        }
        // The country: in the phrase or right after it ("شركة X الهندية"، "في إسبانيا").
        for (int t = victim.first; t <= std::min(victim.last + 3, int(m_tokens.size()) - 1); ++t) {
            if (t > victim.last && (!m_tokens[t].word || m_tokens[t].sentence != m_tokens[victim.first].sentence)) {
                break;
            }
            const int e = entityStarting(t, kCountryTypes);
            // Tokens of a threat actor name their country as the attacker's, never the victim's.
            if (e >= 0 && !inside(t, EntityType::ThreatActor) && !m_entities[e].value.isEmpty()) {
                f.victimCountry = m_entities[e].value;
                f.victimCountryEvidence = spanOf(m_entFirst[e], m_entLast[e]);
                break;
            }
        }
    }
    // No sector of its own: a political word of the mentions ("حملتها"، "الانتخابات").
    for (const Mention *m : f.mentions) {
        for (int t = m->first; t <= m->last && sector.isEmpty(); ++t) {
            const Hit *h = hitAt(t, Role::Sector);
            if (h && lexicon.entry(h->entry).type == u"politics"_s) {
                sector = u"politics"_s;
                sectorConfidence = 0.4;
                sectorEvidence = spanOf(h->first, h->last);
            }
        }
    }
    f.incident.set(u"victim_sector"_s, sector.isEmpty() ? u"unknown"_s : sector,
                   sector.isEmpty() ? 0.2 : sectorConfidence, sectorEvidence);
}

// The attacker: a named group, else a state or agency accused, else a person
// arrested; and what kind of attacker the article says it is.
void Builder::fillActor(Filling &f) const
{
    const CueLexicon &lexicon = CueLexicon::instance();
    double confidence = 0.0;
    const auto description = [&](int e) {
        const QString folded = fold(m_entities[e].text);
        return folded.contains(u"قراصنه"_s) || folded.contains(u"مجموعه"_s) || folded.contains(u"هاكرز"_s);
    };
    for (int s : f.actorSentences) {
        for (int t = sentenceFirstToken(s); t <= sentenceLastToken(s) && t >= 0; ++t) {
            for (int e : m_entitiesAt[t]) {
                // A proper name (Jabaroot) beats a description (القراصنة الجزائريين).
                if (m_entities[e].type == EntityType::ThreatActor
                    && (f.actorEntity < 0 || (description(f.actorEntity) && !description(e)))) {
                    f.actorEntity = e;
                }
                if (m_entities[e].type == EntityType::ThreatActor && f.actorCountry.isEmpty()) {
                    f.actorCountry = m_entities[e].attribute(u"country");
                }
            }
        }
    }
    if (f.actorEntity >= 0) {
        const Entity &e = m_entities[f.actorEntity];
        f.actor = e.text;
        confidence = 0.8;
        f.actorEvidence = spanOf(m_entFirst[f.actorEntity], m_entLast[f.actorEntity]);
        if (!e.attribute(u"country").isEmpty()) {
            f.actorCountry = e.attribute(u"country");
        }
        f.actorType = e.attribute(u"actor_type");
    }
    // An accused state or agency: "قيام روسيا بقرصنة"، "اتهمت الحكومة البولندية الاستخبارات الروسية".
    for (int s : f.sentences) {
        for (int t = sentenceFirstToken(s); t <= sentenceLastToken(s) && t >= 0 && f.actor.isEmpty(); ++t) {
            const Hit *accuse = hitAt(t, Role::Accuse);
            if (!accuse) {
                continue;
            }
            // "اتهمت [accuser] [accused] بالوقوف وراء ..." names the accuser first;
            // "قيام روسيا بقرصنة" names the actor at once.
            QVector<int> named;
            for (int k = accuse->last + 1; k <= std::min(sentenceLastToken(s), accuse->last + 10); ++k) {
                if (!m_tokens[k].word) {
                    break;
                }
                const int e = entityStarting(k, typeBit(EntityType::Country) | typeBit(EntityType::Organization));
                if (e >= 0) {
                    named.append(e);
                    k = m_entLast[e];
                    continue;
                }
                if (!named.isEmpty() && word(k).startsWith(u'ب')) {
                    break; // the charge: "بالوقوف وراء"، "بقرصنة"
                }
            }
            const bool direct = lexicon.entry(accuse->entry).direct;
            int chosen = named.size() >= 2 ? named.last() : -1;
            if (direct) {
                chosen = named.isEmpty() || m_entFirst[named.first()] > accuse->last + 2 ? -1 : named.first();
            }
            if (chosen < 0) {
                continue;
            }
            const Entity &e = m_entities[chosen];
            QString country = e.type == EntityType::Country ? e.value : QString();
            for (int k = m_entFirst[chosen]; k <= m_entLast[chosen] && country.isEmpty(); ++k) {
                const int c = entityStarting(k, typeBit(EntityType::Country));
                if (c >= 0) {
                    country = m_entities[c].value;
                }
            }
            if (!f.victimCountry.isEmpty() && country == f.victimCountry) {
                continue; // the accuser, not the accused
            }
            f.actor = e.text;
            f.actorCountry = country;
            f.actorType = u"nation_state"_s;
            confidence = 0.6;
            f.actorEvidence = spanOf(m_entFirst[chosen], m_entLast[chosen]);
        }
    }
    // An arrest: "توقيف شاب يبلغ من العمر 22 عامًا"، "أحالت النيابة موظفاً سابقاً".
    for (int s : f.actorSentences) {
        for (int t = sentenceFirstToken(s); t <= sentenceLastToken(s) && t >= 0 && f.actor.isEmpty(); ++t) {
            const Hit *arrest = hitAt(t, Role::Arrest);
            const int end = arrest ? std::min(sentenceLastToken(s), arrest->last + 5) : -1;
            for (int k = arrest ? arrest->last + 1 : 0; k <= end; ++k) {
                if (const Hit *noun = hitAt(k, Role::ActorNoun)) {
                    f.actor = sourceText(noun->first, noun->last);
                    f.actorType = lexicon.entry(noun->entry).type;
                    confidence = 0.5;
                    f.actorEvidence = spanOf(noun->first, noun->last);
                    break;
                }
            }
        }
    }
    // "لصالح جهة أجنبية"، "منتدى إجرامي"، "موالين لروسيا": the kind of attacker.
    QString hint;
    for (int s : f.actorSentences) {
        for (int t = sentenceFirstToken(s); t <= sentenceLastToken(s) && t >= 0; ++t) {
            if (const Hit *h = hitAt(t, Role::ActorHint)) {
                const QString type = lexicon.entry(h->entry).type;
                if (hint.isEmpty() || type == u"state_affiliated"_s || type == u"nation_state"_s) {
                    hint = type;
                }
            }
        }
    }
    if (!hint.isEmpty() && (f.actorType.isEmpty() || f.actorType == u"individual"_s || f.actorType == u"unknown"_s)) {
        f.actorType = hint;
    }
    f.actorConfidence = confidence;
}

// "هاجمت المجموعة الصندوق ... ولم يتوقف الأمر عند هذا الحد؛ بل تم اختراق موقع الوزارة":
// an incident told right after another in the same paragraph, with no attacker of its
// own and nothing that sets it apart (a round-up item, "آخر", another year), is
// credited to the same attacker, with less confidence.
void Builder::inheritActor(Filling &f, int index) const
{
    if (!f.actor.isEmpty() || index == 0 || m_drafts[index - 1].actors.isEmpty()) {
        return;
    }
    const Mention &first = m_mentions[m_drafts[index].mentions.first()];
    if (first.fresh || first.year > 0) {
        return;
    }
    const Draft &previous = m_drafts[index - 1];
    const int paragraph = m_sentences[first.sentence].paragraph;
    const bool adjacent = std::any_of(previous.mentions.cbegin(), previous.mentions.cend(), [&](int i) {
        return m_mentions[i].sentence < first.sentence && m_sentences[m_mentions[i].sentence].paragraph == paragraph;
    });
    if (!adjacent) {
        return;
    }
    int actor = previous.actors.first();
    for (int a : previous.actors) {
        const QString folded = fold(m_entities[a].text);
        if (!folded.contains(u"قراصنه"_s) && !folded.contains(u"مجموعه"_s)) {
            actor = a; // the group's name rather than its description
        }
    }
    const Entity &e = m_entities[actor];
    f.actor = e.text;
    f.actorEntity = actor;
    f.actorConfidence = 0.4;
    f.actorEvidence = spanOf(m_entFirst[actor], m_entLast[actor]);
    for (int a : previous.actors) {
        if (f.actorCountry.isEmpty()) {
            f.actorCountry = m_entities[a].attribute(u"country");
        }
    }
    if (f.actorType.isEmpty()) {
        f.actorType = e.attribute(u"actor_type");
    }
}

// The victim's country when its phrase names none: the country nearest to the victim
// in the mentions that is not the attacker's, else the article's country.
void Builder::fillVictimCountry(Filling &f) const
{
    double confidence = f.victimCountry.isEmpty() ? 0.0 : 0.8;
    for (const Mention *m : f.mentions) {
        if (!f.victimCountry.isEmpty()) {
            break;
        }
        int bestDistance = 1 << 30;
        const int anchor = m->victim.first >= 0 ? m->victim.first : m->seeds.first().first;
        for (int t = m->first; t <= m->last; ++t) {
            const int e = entityStarting(t, kCountryTypes);
            // "موالين لروسيا"، "مرتبطة بجهات إيرانية" name the attacker's side.
            const bool actorSide = inside(t, EntityType::ThreatActor) || (t > 0 && covers(t - 1, Role::ActorHint));
            if (e < 0 || actorSide || m_entities[e].value.isEmpty() || m_entities[e].value == f.actorCountry) {
                continue;
            }
            if (std::abs(t - anchor) < bestDistance) {
                bestDistance = std::abs(t - anchor);
                f.victimCountry = m_entities[e].value;
                f.victimCountryEvidence = spanOf(m_entFirst[e], m_entLast[e]);
                confidence = 0.7;
            }
        }
    }
    if (f.victimCountry.isEmpty() && !m_dominantCountry.isEmpty() && m_dominantCountry != f.actorCountry) {
        f.victimCountry = m_dominantCountry;
        confidence = 0.5;
    }
    if (!f.victimCountry.isEmpty()) {
        f.incident.set(u"victim_country"_s, f.victimCountry, confidence, f.victimCountryEvidence);
    }
}

} // namespace Incidents
} // namespace Extract
} // namespace Rasid
