#include "extract/dates.h"

#include "extract/datetables.h"
#include "extract/lexicon.h"
#include "extract/numberwords.h"

#include <QDate>
#include <QHash>
#include <QLoggingCategory>

#include <algorithm>
#include <bitset>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

namespace {

using namespace DateVocabulary;
using Scan::Token;
using Scan::TokenKind;

QString twoDigits(int n)
{
    return QString::number(n).rightJustified(2, u'0');
}

QString isoOf(int year, int month, int day)
{
    QString iso = year > 0 ? QString::number(year) : u"XXXX"_s;
    if (month > 0) {
        iso += u'-' + twoDigits(month);
        if (day > 0) {
            iso += u'-' + twoDigits(day);
        }
    }
    return iso;
}

struct MonthAt
{
    int month = 0;
    int next = 0;        // token after the (paired) name
    int startOffset = 0; // after a proclitic
    Context context = Context::None;
};

class DateGrammar
{
public:
    DateGrammar(QStringView text, const std::vector<Token> &tokens)
        : m_text(text), m_tok(tokens), m_t(dateTables())
    {
    }

    bool dateAt(int i, FoldedDate *d, int *next) const;
    bool monthTokens(int j, MonthAt *m) const;
    bool pairedYearAt(int j, FoldedDate *d, int *next) const
    {
        int year = 0, after = 0;
        if (!wordIs(j, u"و") || !yearAt(j + 1, &year, &after)) {
            return false;
        }
        d->iso = QString::number(year);
        d->confidence = 0.8;
        finish(d, tok(j + 1).start, after);
        *next = after;
        return true;
    }

private:
    int count() const { return int(m_tok.size()); }
    const Token &tok(int i) const { return m_tok[size_t(i)]; }
    QStringView word(int i) const { return m_text.sliced(tok(i).start, tok(i).end - tok(i).start); }
    // Whether the Arabic word at i, whole or after a proclitic, can open a date.
    bool isTrigger(int i) const
    {
        const QStringView w = word(i);
        int lengths[3];
        const int n = Scan::cliticCandidates(w, lengths);
        for (int k = 0; k < n; ++k) {
            const char16_t c = w[lengths[k]].unicode();
            if (c >= 0x0600 && c < 0x0700 && m_t.triggerFirstLetters.test(c - 0x0600)
                && m_t.triggers.contains(w.sliced(lengths[k]))) {
                return true;
            }
        }
        return false;
    }
    bool isKind(int i, TokenKind k) const { return i >= 0 && i < count() && tok(i).kind == k; }
    bool isSymbol(int i, char16_t c) const
    {
        return isKind(i, TokenKind::Symbol) && m_text[tok(i).start].unicode() == c;
    }
    bool wordIs(int i, QStringView w) const { return isKind(i, TokenKind::Arabic) && word(i) == w; }
    // Looks a word up in a table, whole or after a proclitic; *clitic gets its length.
    template<typename Table>
    auto lookup(const Table &table, int i, int *clitic) const -> decltype(&table.constBegin().value())
    {
        if (!isKind(i, TokenKind::Arabic)) {
            return nullptr;
        }
        const QStringView w = word(i);
        int lengths[3];
        const int n = Scan::cliticCandidates(w, lengths);
        for (int k = 0; k < n; ++k) {
            const auto it = table.constFind(w.mid(lengths[k]));
            if (it != table.constEnd()) {
                *clitic = lengths[k];
                return &it.value();
            }
        }
        return nullptr;
    }
    bool wordIsAfterClitic(int i, QStringView w, int *clitic) const
    {
        if (!isKind(i, TokenKind::Arabic)) {
            return false;
        }
        int lengths[3];
        const int n = Scan::cliticCandidates(word(i), lengths);
        for (int k = 0; k < n; ++k) {
            if (word(i).mid(lengths[k]) == w) {
                *clitic = lengths[k];
                return true;
            }
        }
        return false;
    }
    void markRelative(FoldedDate *d, double confidence) const
    {
        d->iso.clear();
        d->relative = m_text.mid(d->start, d->end - d->start).toString();
        d->attributes = u"relative=1"_s;
        d->confidence = confidence;
    }
    int smallNumber(int i, int maxDigits) const;
    bool yearAt(int j, int *year, int *next) const;
    bool yearAfterMonth(int j, int *year, int *next) const;
    bool dayAt(int j, int *day, int *next, bool *ordinal) const;
    bool numericAt(int j, FoldedDate *d, int *next) const;
    // monthContext: a preposition or period word before j makes مارس / آب a month.
    bool coreAt(int j, FoldedDate *d, int *next, bool allowBareMonth, bool monthContext = false) const;
    bool hasMonthCue(int j) const
    {
        int clitic = 0;
        return j > 0 && lookup(m_t.monthCues, j - 1, &clitic) != nullptr;
    }
    bool relativeAt(int j, FoldedDate *d, int *next) const;
    bool yearWordAt(int j, FoldedDate *d, int *next) const;
    void finish(FoldedDate *d, int startOffset, int endToken) const
    {
        d->start = startOffset;
        d->end = tok(endToken - 1).end;
    }

    QStringView m_text;
    const std::vector<Token> &m_tok;
    const DateTables &m_t;
};

// The value of a plain digit group of at most maxDigits digits, else -1.
int DateGrammar::smallNumber(int i, int maxDigits) const
{
    if (!isKind(i, TokenKind::Number)) {
        return -1;
    }
    const QStringView w = word(i);
    if (w.size() > maxDigits) {
        return -1;
    }
    int v = 0;
    for (QChar c : w) {
        if (!c.isDigit()) {
            return -1;
        }
        v = v * 10 + (c.unicode() - '0');
    }
    return v;
}

bool DateGrammar::yearAt(int j, int *year, int *next) const
{
    const int y = smallNumber(j, 4);
    if (y < 1900 || y > 2100 || word(j).size() != 4) {
        return false;
    }
    int after = j + 1;
    if (isKind(after, TokenKind::Arabic) && tok(after).glued) {
        if (word(after) == m_t.yearSuffix) {
            ++after; // 2024م
        } else if (word(after) == u"ه") {
            return false; // a Hijri year
        }
    }
    *year = y;
    *next = after;
    return true;
}

// After a month: "2024", "، 2024", "من عام 2024", "عام 2024", "سنة 2024".
bool DateGrammar::yearAfterMonth(int j, int *year, int *next) const
{
    int k = j;
    if (isSymbol(k, u',')) {
        ++k;
    }
    if (wordIs(k, m_t.min)) {
        ++k;
    }
    if (isKind(k, TokenKind::Arabic) && m_t.yearWords.contains(word(k))) {
        ++k;
    }
    return yearAt(k, year, next);
}

bool DateGrammar::monthTokens(int j, MonthAt *m) const
{
    int clitic = 0;
    const std::vector<MonthForm> *forms = lookup(m_t.months, j, &clitic);
    if (!forms) {
        return false;
    }
    const MonthForm *found = nullptr;
    int next = j + 1;
    for (const MonthForm &f : *forms) {
        if (f.second.isEmpty()) {
            if (!found) {
                found = &f;
            }
        } else if (wordIs(j + 1, f.second)) {
            found = &f;
            next = j + 2;
            break;
        }
    }
    if (!found) {
        return false;
    }
    m->month = found->month;
    m->next = next;
    m->startOffset = tok(j).start + clitic;
    m->context = found->context;
    // Paired conventions: مايو/أيار، أيار (مايو).
    MonthAt other;
    if (isSymbol(m->next, u'/') && monthTokens(m->next + 1, &other) && other.month == m->month) {
        m->next = other.next;
        m->context = std::min(m->context, other.context);
    } else if (isSymbol(m->next, u'(') && monthTokens(m->next + 1, &other) && other.month == m->month
               && isSymbol(other.next, u')')) {
        m->next = other.next + 1;
        m->context = std::min(m->context, other.context);
    }
    return true;
}

bool DateGrammar::dayAt(int j, int *day, int *next, bool *ordinal) const
{
    const int d = smallNumber(j, 2);
    if (d >= 1 && d <= 31) {
        *day = d;
        *next = j + 1;
        *ordinal = false;
        return true;
    }
    int clitic = 0;
    const auto *forms = lookup(m_t.ordinals, j, &clitic);
    if (!forms) {
        return false;
    }
    for (const auto &[second, value] : *forms) {
        if (second.isEmpty() || wordIs(j + 1, second)) {
            *day = value;
            *next = second.isEmpty() ? j + 1 : j + 2;
            *ordinal = true;
            return true;
        }
    }
    return false;
}

// 20/04/2024, 20-4-2024, 2024-04-20, 20.04.2024.
bool DateGrammar::numericAt(int j, FoldedDate *d, int *next) const
{
    if (!isKind(j, TokenKind::Number)) {
        return false;
    }
    QStringView parts[3];
    int end = j + 1;
    const QStringView w = word(j);
    if (w.count(u'.') == 2 && !w.contains(u',')) {
        const auto split = w.split(u'.');
        for (int k = 0; k < 3; ++k) {
            parts[k] = split.at(k);
        }
    } else {
        const bool slash = isSymbol(j + 1, u'/');
        const bool dash = isSymbol(j + 1, u'-');
        if (!(slash || dash) || !tok(j + 1).glued || !isKind(j + 2, TokenKind::Number) || !tok(j + 2).glued
            || !isSymbol(j + 3, slash ? u'/' : u'-') || !tok(j + 3).glued || !isKind(j + 4, TokenKind::Number)
            || !tok(j + 4).glued) {
            return false;
        }
        parts[0] = w;
        parts[1] = word(j + 2);
        parts[2] = word(j + 4);
        end = j + 5;
    }
    int v[3];
    for (int k = 0; k < 3; ++k) {
        bool ok = false;
        v[k] = parts[k].toInt(&ok);
        if (!ok || parts[k].isEmpty() || parts[k].size() > 4 || (k == 1 && parts[k].size() > 2)) {
            return false;
        }
    }
    int year = 0, month = 0, day = 0;
    if (parts[0].size() == 4 && parts[2].size() <= 2) {
        year = v[0], month = v[1], day = v[2];
    } else if (parts[2].size() == 4 && parts[0].size() <= 2) {
        year = v[2], day = v[0], month = v[1];
        if (month > 12 && day <= 12) {
            std::swap(day, month); // 04/20/2024, the American order
        }
    } else {
        return false;
    }
    if (year < 1900 || year > 2100 || !QDate(year, month, day).isValid()) {
        return false;
    }
    d->iso = isoOf(year, month, day);
    d->confidence = 0.9;
    finish(d, tok(j).start, end);
    *next = end;
    return true;
}

// عام 2018، في عام 2018، سنة 2018، عام2015 (glued), لعام 2020.
bool DateGrammar::yearWordAt(int j, FoldedDate *d, int *next) const
{
    int clitic = 0;
    if (!lookup(m_t.yearWords, j, &clitic)) {
        return false;
    }
    int year = 0, after = 0;
    if (!yearAt(j + 1, &year, &after)) {
        return false;
    }
    d->iso = QString::number(year);
    d->confidence = 0.9;
    finish(d, tok(j).start + clitic, after);
    *next = after;
    return true;
}

// A date with no weekday or period word in front of it.
bool DateGrammar::coreAt(int j, FoldedDate *d, int *next, bool allowBareMonth, bool monthContext) const
{
    if (numericAt(j, d, next) || yearWordAt(j, d, next)) {
        return true;
    }
    int day = 0, afterDay = 0;
    bool ordinal = false;
    MonthAt m;
    if (dayAt(j, &day, &afterDay, &ordinal)) {
        int k = afterDay;
        if (wordIs(k, m_t.min)) {
            ++k; // الثامن من يونيو، 5 من يناير
        }
        if (monthTokens(k, &m)) {
            int year = 0, end = m.next;
            const bool withYear = yearAfterMonth(m.next, &year, &end);
            if (withYear ? QDate(year, m.month, day).isValid() : QDate(2000, m.month, day).isValid()) {
                d->iso = isoOf(withYear ? year : 0, m.month, day);
                d->confidence = withYear ? 0.95 : 0.85;
                int clitic = 0;
                if (ordinal) {
                    lookup(m_t.ordinals, j, &clitic); // في الثامن، بالأول
                }
                finish(d, tok(j).start + clitic, end);
                *next = end;
                return true;
            }
        }
        return false;
    }
    if (!monthTokens(j, &m)) {
        return false;
    }
    int year = 0, end = 0;
    if (yearAfterMonth(m.next, &year, &end)) {
        d->iso = isoOf(year, m.month, 0);
        d->confidence = 0.9;
        finish(d, m.startOffset, end);
        *next = end;
        return true;
    }
    const bool relativeYear = isKind(m.next, TokenKind::Arabic) && m_t.relativeModifiers.contains(word(m.next));
    if (m.context == Context::DayOrYear || (m.context == Context::Cue && !relativeYear && !monthContext)) {
        return false; // آب، ماي، مارس alone are words, not months
    }
    if (relativeYear) {
        d->iso = isoOf(0, m.month, 0); // أبريل الماضي: the month is known, the year is relative
        d->attributes = u"year=relative"_s;
        d->confidence = 0.7;
        finish(d, m.startOffset, m.next + 1);
        *next = m.next + 1;
        return true;
    }
    if (!allowBareMonth) {
        return false;
    }
    d->iso = isoOf(0, m.month, 0);
    d->confidence = 0.5;
    finish(d, m.startOffset, m.next);
    *next = m.next;
    return true;
}

bool DateGrammar::relativeAt(int j, FoldedDate *d, int *next) const
{
    int clitic = 0;
    if (lookup(m_t.relativeBases, j, &clitic) && isKind(j + 1, TokenKind::Arabic)
        && m_t.relativeModifiers.contains(word(j + 1))) {
        finish(d, tok(j).start + clitic, j + 2);
        *next = j + 2;
    } else {
        int c = 0;
        const std::vector<Phrase> *candidates = lookup(m_t.relativePhrases, j, &c);
        bool found = false;
        for (size_t p = 0; candidates && p < candidates->size() && !found; ++p) {
            const Phrase &phrase = (*candidates)[p];
            const int n = int(phrase.words.size());
            bool match = true;
            for (int k = 1; k < n && match; ++k) {
                match = wordIs(j + k, phrase.words[size_t(k)]);
            }
            if (match) {
                finish(d, tok(j).start + c, j + n);
                *next = j + n;
                found = true;
            }
        }
        if (!found) {
            return false;
        }
    }
    markRelative(d, 0.7);
    return true;
}

bool DateGrammar::dateAt(int i, FoldedDate *d, int *next) const
{
    const Token &t = tok(i);
    if (t.kind == TokenKind::Number) {
        if (coreAt(i, d, next, false)) {
            return true;
        }
        // A bare year after في، منذ، خلال، بحلول ... unless a noun says it is a count.
        int year = 0, after = 0, clitic = 0;
        if (i > 0 && lookup(m_t.yearPrepositions, i - 1, &clitic) && yearAt(i, &year, &after)
            && !(isKind(after, TokenKind::Arabic) && isQuantityWord(word(after)))
            && !isSymbol(after, u'%')) {
            d->iso = QString::number(year);
            d->confidence = 0.6;
            finish(d, t.start, after);
            *next = after;
            return true;
        }
        return false;
    }
    if (t.kind != TokenKind::Arabic || !isTrigger(i)) {
        return false;
    }
    int clitic = 0;
    // Weekday prefix: "السبت - 20 أبريل 2024", "يوم الاثنين 5 يناير".
    const int w = wordIsAfterClitic(i, m_t.yawm, &clitic) ? i + 1 : i;
    const int startOffset = tok(i).start + clitic;
    if (lookup(m_t.weekdays, w, &clitic)) {
        const int dayStart = w == i ? tok(i).start + clitic : startOffset;
        int k = w + 1;
        while (isSymbol(k, u'-') || isSymbol(k, u',')) {
            ++k;
        }
        if (coreAt(k, d, next, false)) {
            d->start = dayStart;
            return true;
        }
        // الاثنين الماضي، يوم الجمعة: a relative day.
        const bool modifier = isKind(w + 1, TokenKind::Arabic) && m_t.relativeModifiers.contains(word(w + 1));
        if (modifier || w > i) {
            const int end = modifier ? w + 2 : w + 1;
            finish(d, dayStart, end);
            markRelative(d, 0.6);
            *next = end;
            return true;
        }
        return false;
    }
    // منتصف / أواخر / أوائل + a month, a year or a relative phrase.
    if (const Period *period = lookup(m_t.periods, i, &clitic)) {
        const int periodStart = tok(i).start + clitic;
        int year = 0, after = 0;
        if (coreAt(i + 1, d, next, true, true) || relativeAt(i + 1, d, next)) {
            d->start = periodStart;
            if (!d->relative.isEmpty()) {
                d->relative = m_text.mid(d->start, d->end - d->start).toString();
            }
        } else if (yearAt(i + 1, &year, &after)) {
            d->iso = QString::number(year);
            d->confidence = 0.85;
            finish(d, periodStart, after);
            *next = after;
        } else {
            return false;
        }
        const QString p = u"period="_s
            + (*period == Period::Early ? u"early"_s : *period == Period::Mid ? u"mid"_s : u"late"_s);
        d->attributes = d->attributes.isEmpty() ? p : d->attributes + u';' + p;
        return true;
    }
    return coreAt(i, d, next, true, hasMonthCue(i)) || relativeAt(i, d, next);
}

} // namespace

std::optional<MonthMatch> matchMonthName(QStringView folded, int pos)
{
    const DateTables &t = dateTables();
    int end = pos;
    while (end < folded.size() && folded[end].unicode() >= 0x0620 && folded[end].unicode() <= 0x06D3) {
        ++end;
    }
    if (end == pos) {
        return std::nullopt;
    }
    const QStringView w = folded.mid(pos, end - pos);
    int lengths[3];
    const int n = Scan::cliticCandidates(w, lengths);
    for (int k = 0; k < n; ++k) {
        const auto it = t.months.constFind(w.mid(lengths[k]));
        if (it == t.months.constEnd()) {
            continue;
        }
        std::optional<MonthMatch> single;
        for (const MonthForm &f : it.value()) {
            if (f.second.isEmpty()) {
                single = MonthMatch{f.month, pos + lengths[k], end, f.context != Context::None};
                continue;
            }
            const QStringView rest = folded.mid(end);
            if (rest.startsWith(u' ') && rest.mid(1).startsWith(f.second)
                && (rest.size() == 1 + f.second.size() || rest[1 + f.second.size()].unicode() < 0x0620
                    || rest[1 + f.second.size()].unicode() > 0x06D3)) {
                return MonthMatch{f.month, pos + lengths[k], int(end + 1 + f.second.size()),
                                  f.context != Context::None};
            }
        }
        if (single) {
            return single;
        }
    }
    return std::nullopt;
}

std::vector<FoldedDate> findFoldedDates(QStringView folded, const std::vector<Scan::Token> &tokens)
{
    std::vector<FoldedDate> out;
    DateGrammar grammar(folded, tokens);
    const int n = int(tokens.size());
    for (int i = 0; i < n;) {
        FoldedDate d;
        int next = i + 1;
        if (grammar.dateAt(i, &d, &next)) {
            const bool year = d.iso.size() == 4;
            out.push_back(std::move(d));
            i = std::max(next, i + 1);
            // "عامي 2018 و2019", "بين 2018 و 2020": the second year of a pair.
            FoldedDate second;
            if (year && grammar.pairedYearAt(i, &second, &next)) {
                out.push_back(std::move(second));
                i = next;
            }
        } else {
            ++i;
        }
    }
    return out;
}

EntityList findDates(const FoldedText &folded, QStringView source)
{
    thread_local std::vector<Scan::Token> tokens;
    Scan::tokenize(folded.text, tokens);
    return dateEntities(folded, source, findFoldedDates(folded.text, tokens));
}

EntityList dateEntities(const FoldedText &folded, QStringView source, const std::vector<FoldedDate> &dates)
{
    EntityList out;
    for (const FoldedDate &d : dates) {
        Entity e;
        e.type = EntityType::Date;
        e.start = folded.sourceStart(d.start);
        e.end = folded.sourceEnd(d.end);
        e.text = source.mid(e.start, e.end - e.start).toString();
        e.value = d.iso;
        e.attributes = d.attributes;
        e.confidence = d.confidence;
        out.append(e);
    }
    return out;
}

std::optional<ParsedDate> parseDate(QStringView phrase)
{
    const FoldedText folded = foldWithMap(phrase);
    std::vector<Scan::Token> tokens;
    Scan::tokenize(folded.text, tokens);
    const std::vector<FoldedDate> dates = findFoldedDates(folded.text, tokens);
    if (dates.empty()) {
        return std::nullopt;
    }
    const FoldedDate &d = dates.front();
    return ParsedDate{d.iso, d.relative, folded.sourceStart(d.start), folded.sourceEnd(d.end)};
}

} // namespace Extract
} // namespace Rasid
