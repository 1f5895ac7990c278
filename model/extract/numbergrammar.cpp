#include "extract/numbergrammar.h"

#include "extract/dates.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace Numbers {

namespace {

bool parseDigits(QStringView s, bool scaleFollows, Decimal *out)
{
    int commas = 0, dots = 0;
    for (QChar c : s) {
        commas += c == u',';
        dots += c == u'.';
    }
    const auto groupsOfThree = [](QStringView digits, QChar sep) {
        const auto parts = digits.split(sep);
        if (parts.first().size() < 1 || parts.first().size() > 3) {
            return false;
        }
        for (qsizetype k = 1; k < parts.size(); ++k) {
            if (parts.at(k).size() != 3) {
                return false;
            }
        }
        return true;
    };
    QString intPart, fracPart;
    if (commas == 0 && dots == 0) {
        intPart = s.toString();
    } else if (dots == 0) {
        if (groupsOfThree(s, u',')) {
            intPart = s.toString().remove(u',');
        } else if (commas == 1 && s.size() - s.indexOf(u',') - 1 <= 2) {
            // The Maghreb press writes decimals with a comma: 1,5 مليون.
            intPart = s.left(s.indexOf(u',')).toString();
            fracPart = s.mid(s.indexOf(u',') + 1).toString();
        } else {
            return false;
        }
    } else if (commas == 0) {
        const qsizetype dot = s.indexOf(u'.');
        if (dots == 1 && !(s.size() - dot - 1 == 3 && !scaleFollows && dot <= 3)) {
            intPart = s.left(dot).toString();
            fracPart = s.mid(dot + 1).toString();
        } else if (groupsOfThree(s, u'.')) {
            intPart = s.toString().remove(u'.'); // European grouping: 2.000.000, 1.500 موظف
        } else {
            return false;
        }
    } else {
        // 1,234.56 or 1.234,56: the last separator is the decimal point.
        const qsizetype lastComma = s.lastIndexOf(u','), lastDot = s.lastIndexOf(u'.');
        const QChar group = lastComma > lastDot ? u'.' : u',';
        const qsizetype point = std::max(lastComma, lastDot);
        if ((group == u'.' ? commas : dots) != 1 || !groupsOfThree(s.left(point), group)) {
            return false;
        }
        intPart = s.left(point).toString().remove(group);
        fracPart = s.mid(point + 1).toString();
    }
    if (intPart.isEmpty() || intPart.size() > 15 || fracPart.size() > 6) {
        return false;
    }
    bool ok = false;
    out->mant = (intPart + fracPart).toLongLong(&ok);
    out->exp = int(fracPart.size());
    out->normalize();
    return ok;
}

} // namespace

bool Grammar::readComponent(int j, bool first, Component *c) const
{
    if (j >= count()) {
        return false;
    }
    *c = Component{};
    c->first = j;
    // A separate "و" joins the next figure: "مليون و 500 ألف", "و1.9" (scanner splits).
    if (!first && isKind(j, TokenKind::Arabic) && word(j) == u"و" && j + 1 < count()) {
        if (!readComponent(j + 1, true, c) || c->waw) {
            return false;
        }
        c->first = j;
        c->waw = true;
        return true;
    }
    const Token &t = m_tok[size_t(j)];
    if (t.kind == TokenKind::Number) {
        const bool scaleFollows = isScaleAt(j + 1);
        if (!parseDigits(word(j), scaleFollows, &c->value)) {
            return false;
        }
        c->type = Component::Digits;
        c->next = j + 1;
        c->startOffset = t.start;
        return true;
    }
    if (t.kind != TokenKind::Arabic) {
        return false;
    }
    int clitic = 0;
    const NumWord *w = m_t.number(word(j), &clitic);
    if (!w) {
        return false;
    }
    const bool wawClitic = clitic > 0 && m_text[t.start].unicode() == u'و';
    if (!first && clitic > 0 && !(clitic == 1 && wawClitic)) {
        return false; // inside a figure only و may be glued on
    }
    c->type = Component::Word;
    c->kind = w->kind;
    c->value = w->value;
    c->weak = w->weak;
    c->tenSuffix = w->tenSuffix;
    c->accusativeOrDual = w->accusativeOrDual;
    c->waw = !first && wawClitic;
    c->next = j + 1;
    c->startOffset = t.start + clitic;
    // Teens: ثلاثة عشر، اثنا عشر، إحدى عشرة. Hundreds in two words: ثلاث مائة.
    if ((w->kind == NumKind::Unit && w->value.mant >= 3 && w->value.mant <= 9) || w->kind == NumKind::TeenLead) {
        int nextClitic = 0;
        const NumWord *n = isKind(j + 1, TokenKind::Arabic) ? m_t.number(word(j + 1), &nextClitic) : nullptr;
        if (n && nextClitic == 0 && n->tenSuffix) {
            c->kind = NumKind::Unit;
            c->value.mant += 10;
            c->weak = false;
            c->next = j + 2;
            return true;
        }
        if (n && nextClitic == 0 && n->kind == NumKind::Hundred && n->value.mant == 100
            && w->kind == NumKind::Unit) {
            c->kind = NumKind::Hundred;
            c->value.mant *= 100;
            c->next = j + 2;
            return true;
        }
    }
    return w->kind != NumKind::TeenLead;
}

bool Grammar::isScaleAt(int i) const
{
    if (!isKind(i, TokenKind::Arabic)) {
        return false;
    }
    int clitic = 0;
    const NumWord *w = m_t.number(word(i), &clitic);
    return w && clitic == 0
        && (w->kind == NumKind::Scale || w->kind == NumKind::ScalePlural || w->kind == NumKind::ScaleDual);
}

// The running state of parseNumber(): what the figure read so far adds up to.
struct Grammar::Figure
{
    Decimal total;          // what the scales so far add up to
    Decimal current;        // the count waiting for its scale
    qint64 lastScale = 0;   // 0: no scale yet
    Decimal pendingFraction;
    bool fraction = false, few = false, vagueWaiting = false;
    bool fromDigits = false, hasHundred = false, hasTen = false, hasUnit = false;
    int components = 1;

    void takeSmall(const Component &k)
    {
        current.add(k.value);
        hasHundred |= k.kind == NumKind::Hundred;
        hasTen |= k.kind == NumKind::Ten;
        hasUnit |= k.kind == NumKind::Unit;
    }
};

bool Grammar::parseNumber(int i, NumberPhrase *np) const
{
    Component c;
    if (!readComponent(i, true, &c)) {
        return false;
    }
    *np = NumberPhrase{};
    np->first = i;
    np->startOffset = c.startOffset;

    Figure f;
    if (!startFigure(c, &f, np)) {
        return false;
    }
    int j = c.next;
    for (;;) {
        Component n;
        if (!readComponent(j, false, &n)) {
            break;
        }
        if (!acceptComponent(c, n, &f, np)) {
            break;
        }
        ++f.components;
        j = n.next;
    }
    if (f.fraction || f.few) {
        return false; // نصف السكان، عدة مرات: no figure
    }
    if (f.components == 1 && c.weak) {
        return false;
    }
    if (!f.total.add(f.current)) {
        return false;
    }
    np->value = f.total;
    np->end = j;
    np->endOffset = m_tok[size_t(j - 1)].end;
    np->digitsOnly = f.components == 1 && c.type == Component::Digits;
    return true;
}

// The figure's first component: a count, a fraction, a vague or "few" word waiting
// for its scale, or a scale on its own.
bool Grammar::startFigure(const Component &c, Figure *f, NumberPhrase *np) const
{
    switch (c.kind) {
    case NumKind::Unit:
    case NumKind::Ten:
    case NumKind::Hundred:
        if (c.type == Component::Digits) {
            f->current = c.value;
            f->fromDigits = true;
        } else {
            f->takeSmall(c);
        }
        break;
    case NumKind::Fraction:
        f->pendingFraction = c.value;
        f->fraction = true;
        break;
    case NumKind::Vague:
        f->current = c.value;
        np->vague = true;
        f->vagueWaiting = true;
        break;
    case NumKind::Few:
        f->few = true;
        break;
    case NumKind::Scale:
    case NumKind::ScaleDual:
    case NumKind::ScalePlural:
    case NumKind::ScaleDefinite:
        f->total = c.value;
        if (c.kind == NumKind::ScaleDual
            || (c.accusativeOrDual && isKind(c.next, TokenKind::Arabic) && !isScaleAt(c.next))) {
            f->total.multiply(Decimal{2, 0});
        }
        np->vague = c.kind == NumKind::ScalePlural || c.kind == NumKind::ScaleDefinite;
        f->lastScale = c.value.mant;
        np->hasScale = true;
        break;
    case NumKind::TeenLead:
        return false;
    }
    return true;
}

// Whether the next component n continues the figure that began with c; if so, it
// is added to *f.
bool Grammar::acceptComponent(const Component &c, const Component &n, Figure *f, NumberPhrase *np) const
{
    Decimal &total = f->total;
    Decimal &current = f->current;
    qint64 &lastScale = f->lastScale;
    const bool isScale = n.type == Component::Word
        && (n.kind == NumKind::Scale || n.kind == NumKind::ScaleDual || n.kind == NumKind::ScalePlural
            || n.kind == NumKind::ScaleDefinite);
    bool accepted = false;
    if (isScale && !n.waw) {
        accepted = acceptScale(c, n, f, np);
    } else if (isScale && n.waw && current.isZero() && lastScale > n.value.mant && !f->fraction && !f->few
               && !f->vagueWaiting && n.kind != NumKind::ScalePlural && n.kind != NumKind::ScaleDefinite) {
        // مليون وألف، مليون وألفين
        Decimal part = n.value;
        if (n.kind == NumKind::ScaleDual) {
            part.multiply(Decimal{2, 0});
        }
        accepted = total.add(part);
        lastScale = n.value.mant;
    } else if (n.kind == NumKind::Fraction && n.waw && current.isZero() && lastScale > 0 && !f->fraction) {
        // مليون ونصف = 1,500,000
        Decimal part = n.value;
        part.multiply(Decimal{lastScale, 0});
        accepted = total.add(part);
        lastScale = 1; // nothing may follow a trailing fraction
    } else if (!isScale && n.waw && !f->fraction && !f->few && !f->vagueWaiting
               && (n.kind == NumKind::Unit || n.kind == NumKind::Ten || n.kind == NumKind::Hundred)) {
        accepted = acceptSmallAfterWaw(n, f);
    }
    return accepted;
}

// A scale word not joined by و: it multiplies the count, the fraction, the vague
// plural or "few" waiting before it.
bool Grammar::acceptScale(const Component &c, const Component &n, Figure *f, NumberPhrase *np) const
{
    Decimal &total = f->total;
    Decimal &current = f->current;
    qint64 &lastScale = f->lastScale;
    bool accepted = false;
    const qint64 scale = n.value.mant;
    if (f->fraction) {
        accepted = n.kind == NumKind::Scale && (lastScale == 0 || scale < lastScale);
        Decimal part = f->pendingFraction;
        accepted = accepted && part.multiply(n.value) && total.add(part);
        if (accepted) {
            f->fraction = false;
        }
    } else if (f->few || f->vagueWaiting) {
        accepted = (n.kind == NumKind::ScalePlural || n.kind == NumKind::ScaleDefinite)
            && (lastScale == 0 || scale < lastScale);
        Decimal part = f->few ? Decimal{1, 0} : current;
        accepted = accepted && part.multiply(n.value) && total.add(part);
        if (accepted) {
            current = Decimal{};
            np->vague = true;
            f->few = f->vagueWaiting = false;
        }
    } else if (f->components == 1 && c.kind == NumKind::Scale && n.kind == NumKind::Scale
               && scale > lastScale && !np->vague) {
        accepted = total.multiply(n.value); // ألف مليون = a billion
    } else if (!current.isZero() && n.kind != NumKind::ScaleDual && n.kind != NumKind::ScaleDefinite
               && (lastScale == 0 || scale < lastScale)) {
        // A figure too large for 64 bits stops before the scale word.
        Decimal part = current;
        accepted = part.multiply(n.value) && total.add(part);
        if (accepted) {
            current = Decimal{};
            f->hasHundred = f->hasTen = f->hasUnit = f->fromDigits = false;
        }
    }
    if (accepted) {
        lastScale = scale;
        np->hasScale = true;
    }
    return accepted;
}

// A unit, ten or hundred joined by و: after a scale, or within the hundreds.
bool Grammar::acceptSmallAfterWaw(const Component &n, Figure *f) const
{
    const Decimal &current = f->current;
    const qint64 lastScale = f->lastScale;
    bool accepted = false;
    if (current.isZero() && lastScale > 1) {
        // After a scale: "ثلاثة آلاف وخمسمائة", "مليون و500 ألف". The figure must
        // stay below that scale, so a larger scale after it starts a new quantity
        // ("500 ألف شركة و1.9 مليون موظف" never reaches here; "500 ألف و1.9 مليون" stops).
        Component after;
        const bool biggerScaleNext = readComponent(n.next, false, &after) && !after.waw
            && after.type == Component::Word
            && (after.kind == NumKind::Scale || after.kind == NumKind::ScaleDual
                || after.kind == NumKind::ScalePlural)
            && after.value.mant >= lastScale;
        if (!biggerScaleNext && (n.type == Component::Word || n.value.exp == 0)) {
            accepted = true;
            if (n.type == Component::Digits) {
                f->current = n.value;
                f->fromDigits = true;
            } else {
                f->takeSmall(n);
            }
        }
    } else if (!current.isZero() && !f->fromDigits && n.type == Component::Word) {
        // Within the hundreds: خمسة وعشرون، مائة وخمسون، مائتان وثلاثة وعشرون.
        accepted = (n.kind == NumKind::Ten && !f->hasTen && !(f->hasUnit && current.mant >= 10 && !f->hasHundred))
            || (n.kind == NumKind::Unit && !f->hasUnit && (f->hasHundred || f->hasTen));
        if (accepted) {
            f->takeSmall(n);
        }
    }
    return accepted;
}

Qualifier Grammar::qualifierBefore(int first, int *startOffset, int firstFree) const
{
    for (const Qualifiers &q : m_t.qualifiers) {
        const int n = int(q.words.size());
        const int from = first - n;
        if (from < firstFree) {
            continue;
        }
        bool match = true;
        int clitic = 0;
        for (int k = 0; k < n && match; ++k) {
            const int ti = from + k;
            if (!isKind(ti, TokenKind::Arabic)) {
                match = false;
                break;
            }
            const QStringView w = word(ti);
            if (w == q.words[size_t(k)]) {
                continue;
            }
            // The first word may carry a proclitic: لأكثر من، بنحو، وحتى.
            match = false;
            if (k == 0) {
                int lengths[3];
                const int count = Scan::cliticCandidates(w, lengths);
                for (int c = 1; c < count; ++c) {
                    if (w.mid(lengths[c]) == q.words[0]) {
                        match = true;
                        clitic = lengths[c];
                        break;
                    }
                }
            }
        }
        if (match) {
            *startOffset = m_tok[size_t(from)].start + clitic;
            return q.qualifier;
        }
    }
    return Qualifier::Exact;
}

bool Grammar::currencyAfter(int j, QString *code, int *next) const
{
    if (isSymbol(j, u'$')) {
        *code = u"USD"_s;
        *next = j + 1;
        return true;
    }
    if (isSymbol(j, u'€') || isSymbol(j, u'£')) {
        *code = isSymbol(j, u'€') ? u"EUR"_s : u"GBP"_s;
        *next = j + 1;
        return true;
    }
    int at = j;
    // ملايين من الدولارات
    if (wordIs(at, u"من") && isKind(at + 1, TokenKind::Arabic)) {
        ++at;
    }
    if (!isKind(at, TokenKind::Arabic) && !isKind(at, TokenKind::Latin)) {
        return false;
    }
    const auto it = m_t.currencies.constFind(word(at));
    if (it == m_t.currencies.constEnd()) {
        return false;
    }
    *code = it->code;
    *next = at + 1;
    // A country adjective: دولار أمريكي، الدينار الكويتي، ليرة تركية، دنانير كويتية.
    if (isKind(at + 1, TokenKind::Arabic)) {
        QStringView adj = word(at + 1);
        if (adj.startsWith(u"ال")) {
            adj = adj.mid(2);
        }
        if (adj.endsWith(u"ين") || adj.endsWith(u"ون")) {
            adj.chop(2);
        } else if (adj.endsWith(u'ه')) {
            adj.chop(1);
        }
        const QString key = QString::number(int(it->base)) + u':' + adj.toString();
        const auto a = m_t.adjectives.constFind(QStringView(key));
        if (a != m_t.adjectives.constEnd()) {
            *code = a.value();
            *next = at + 2;
        }
    }
    return true;
}

QString Grammar::nounAfter(int j, int *next) const
{
    if (!isKind(j, TokenKind::Arabic)) {
        return {};
    }
    const QStringView w = word(j);
    const auto known = [&](QStringView form) -> const QString * {
        auto it = m_t.nouns.constFind(form);
        if (it == m_t.nouns.constEnd() && form.startsWith(u"ال") && form.size() > 3) {
            it = m_t.nouns.constFind(form.mid(2));
        }
        return it == m_t.nouns.constEnd() ? nullptr : &it.value();
    };
    if (const QString *noun = known(w)) {
        *next = j + 1;
        return *noun;
    }
    // "مئات الآلاف من الأشخاص": من + a known noun.
    if (w == u"من" && isKind(j + 1, TokenKind::Arabic)) {
        if (const QString *noun = known(word(j + 1))) {
            *next = j + 2;
            return *noun;
        }
        return {};
    }
    if (w.size() < 2 || m_t.stopWords.contains(w) || w.startsWith(u"ال")) {
        return {};
    }
    int clitic = 0;
    if (m_t.number(w, &clitic) || matchMonthName(m_text, m_tok[size_t(j)].start)) {
        return {};
    }
    *next = j + 1;
    return w.toString(); // a demonym or any other counted word, as written
}

// Digits inside Latin context (CVE-2024-1234, Windows 10), clock times (10:30),
// references (المادة 5، رقم 09.08) and digits glued to an Arabic word that is not
// a proclitic (كوفيد19) are no counts.
bool Grammar::digitsAreNoCount(const NumberPhrase &np, bool signBefore) const
{
    const Token &first = m_tok[size_t(np.first)];
    const int prev = np.first - 1;
    const QStringView digits = word(np.first);
    if (digits.size() > 1 && digits.startsWith(u'0') && !digits.startsWith(u"0.") && !digits.startsWith(u"0,")) {
        return true; // 05/2024, 09.08: a reference, not a count
    }
    if (prev >= 0) {
        const Token &p = m_tok[size_t(prev)];
        if (p.kind == TokenKind::Latin) {
            return true;
        }
        if (p.kind == TokenKind::Arabic) {
            int lengths[3];
            const int n = Scan::cliticCandidates(word(prev), lengths);
            for (int k = 0; k < n; ++k) {
                if (m_t.labels.contains(word(prev).mid(lengths[k]))) {
                    return true;
                }
            }
        }
        if (first.glued && p.kind == TokenKind::Symbol && !signBefore
            && (isSymbol(prev, u'-') || isSymbol(prev, u'/') || isSymbol(prev, u':') || isSymbol(prev, u'.')
                || isSymbol(prev, u'_'))) {
            return true;
        }
        if (first.glued && p.kind == TokenKind::Arabic) {
            // Only proclitics and the article may be glued on: و1.9، لـ160، الـ30، للـ500.
            QStringView pw = word(prev);
            if (pw.endsWith(u"ال")) {
                pw.chop(2);
            } else if (pw.endsWith(u"لل")) {
                pw.chop(1);
            }
            const bool clitic = pw.size() <= 2
                && std::all_of(pw.begin(), pw.end(), [](QChar ch) {
                       return ch == u'و' || ch == u'ف' || ch == u'ب' || ch == u'ل' || ch == u'ك';
                   });
            int qs = 0;
            const bool qualifierWord = qualifierBefore(np.first, &qs) != Qualifier::Exact;
            if (!clitic && !qualifierWord) {
                return true;
            }
        }
    }
    if (isKind(np.end, TokenKind::Symbol) && m_tok[size_t(np.end)].glued
        && (isSymbol(np.end, u'-') || isSymbol(np.end, u'/') || isSymbol(np.end, u':') || isSymbol(np.end, u'_'))
        && isKind(np.end + 1, TokenKind::Number)) {
        return true;
    }
    return false;
}

bool Grammar::quantityAt(int i, int firstFree, ParsedQuantity *q, int *nextToken, int *foldedStart, int *foldedEnd)
{
    const Token &t = m_tok[size_t(i)];
    if (t.kind == TokenKind::Arabic) {
        // Cheap first test: the word, or the word after a proclitic, must start a number word.
        const QStringView w = word(i);
        const auto starts = [&](int k) {
            if (k >= w.size()) {
                return false;
            }
            const char16_t c = w[k].unicode();
            return c >= 0x0600 && c < 0x0700 && m_t.numberFirstLetters.test(c - 0x0600);
        };
        if (!starts(0) && !starts(1) && !starts(2)) {
            return false;
        }
        // "عشر" after an ordinal is part of a day (الحادي عشر), not a count.
        if (i > 0 && isKind(i - 1, TokenKind::Arabic) && m_t.ordinals.contains(word(i - 1))) {
            return false;
        }
    } else if (t.kind != TokenKind::Number && !(t.kind == TokenKind::Symbol && isSymbol(i, u'$'))
               && !isSymbol(i, u'€') && !isSymbol(i, u'£')) {
        return false;
    }

    // "$5 مليون": a currency sign before the figure.
    QString code;
    int numberStart = i;
    if (t.kind == TokenKind::Symbol) {
        if (!isKind(i + 1, TokenKind::Number)) {
            return false;
        }
        code = isSymbol(i, u'$') ? u"USD"_s : (isSymbol(i, u'€') ? u"EUR"_s : u"GBP"_s);
        numberStart = i + 1;
    }

    NumberPhrase np;
    if (!parseNumber(numberStart, &np)) {
        return false;
    }
    if (np.digitsOnly && digitsAreNoCount(np, !code.isEmpty())) {
        return false;
    }

    // What comes before: a hedge (نحو، أكثر من ...) or nothing.
    int start = code.isEmpty() ? np.startOffset : t.start;
    Qualifier qualifier = Qualifier::Exact;
    if (code.isEmpty()) {
        int qualifierStart = start;
        qualifier = qualifierBefore(np.first, &qualifierStart, firstFree);
        if (qualifier != Qualifier::Exact) {
            start = qualifierStart;
        }
    }

    // What comes after: a currency, a percent sign, the counted noun, تقريبا.
    int j = np.end;
    int end = np.endOffset;
    QString noun, kind;
    int after = j;
    if (code.isEmpty() && currencyAfter(j, &code, &after)) {
        j = after;
    } else if (!code.isEmpty()) {
        // the sign came first; nothing more to read
    } else if (isSymbol(j, u'%')) {
        kind = u"percent"_s;
        ++j;
    } else if (wordIs(j, u"في") && isKind(j + 1, TokenKind::Arabic)
               && (word(j + 1) == m_t.percentWords[0] || word(j + 1) == m_t.percentWords[1])) {
        kind = u"percent"_s;
        j += 2;
    } else if (isKind(j, TokenKind::Arabic)
               && (word(j) == m_t.percentWords[2] || word(j) == m_t.percentWords[3])) {
        kind = u"percent"_s;
        ++j;
    } else {
        noun = nounAfter(j, &after);
        if (!noun.isEmpty()) {
            j = after;
        }
    }
    if (np.first - 1 >= firstFree && isSymbol(np.first - 1, u'%') && kind.isEmpty() && code.isEmpty()
        && noun.isEmpty()) {
        kind = u"percent"_s; // "%30", as some outlets write it
        start = m_tok[size_t(np.first - 1)].start;
    }
    if (j > np.end) {
        end = m_tok[size_t(j - 1)].end;
    }
    if (qualifier == Qualifier::Exact && wordIs(j, m_t.approxAfter)) {
        qualifier = Qualifier::Approx;
        end = m_tok[size_t(j)].end;
        ++j;
    }
    if (qualifier == Qualifier::Exact && np.vague) {
        qualifier = Qualifier::MoreThan;
    }
    // Ages: "يبلغ من العمر 22 عاما", "لوبان (48 عاما)".
    if (noun == u"عام" || noun == u"سنه") {
        const int before = np.first - (qualifier == Qualifier::Exact ? 1 : 2);
        const bool cue = (isKind(before, TokenKind::Arabic)
                          && (word(before) == m_t.ageCue1 || word(before) == m_t.ageCue2))
            || (isSymbol(np.first - 1, u'(') && isSymbol(j, u')'));
        if (cue) {
            kind = u"age"_s;
        }
    }

    Decimal value = np.value;
    if (np.hasScale) {
        value = Decimal{value.rounded(), 0};
    }
    q->value = value.rounded();
    q->amount = value.toString();
    q->qualifier = qualifier;
    q->noun = noun;
    q->currency = code;
    q->kind = kind;
    *foldedStart = start;
    *foldedEnd = end;
    *nextToken = j;
    return true;
}

} // namespace Numbers

} // namespace Extract
} // namespace Rasid
