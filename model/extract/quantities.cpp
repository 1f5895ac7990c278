#include "extract/quantities.h"

#include "extract/dates.h"
#include "extract/numbergrammar.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {

QString qualifierName(Qualifier q)
{
    switch (q) {
    case Qualifier::Exact: return u"exact"_s;
    case Qualifier::Approx: return u"approx"_s;
    case Qualifier::MoreThan: return u"more_than"_s;
    case Qualifier::LessThan: return u"less_than"_s;
    case Qualifier::UpTo: return u"up_to"_s;
    }
    return u"exact"_s;
}

namespace {

using namespace Numbers;

// Marks the tokens that lie inside a date so that their digits are left alone.
void markDates(const std::vector<FoldedDate> &dates, const std::vector<Token> &tokens, std::vector<char> *inDate)
{
    inDate->assign(tokens.size(), 0);
    size_t k = 0;
    for (const FoldedDate &d : dates) {
        while (k < tokens.size() && tokens[k].end <= d.start) {
            ++k;
        }
        for (size_t m = k; m < tokens.size() && tokens[m].start < d.end; ++m) {
            (*inDate)[m] = 1;
        }
    }
}

QString attributesOf(const ParsedQuantity &q)
{
    QString a;
    if (!q.currency.isEmpty()) {
        a = u"currency="_s + q.currency + u';';
    }
    a += u"qualifier="_s + qualifierName(q.qualifier);
    if (!q.noun.isEmpty()) {
        a += u";noun="_s + q.noun;
    }
    if (!q.kind.isEmpty()) {
        a += u";kind="_s + q.kind;
    }
    return a;
}

// The scan shared by findQuantities() and parseQuantity(), in folded offsets,
// over text's tokens and dates.
template<typename Report>
void scanQuantities(QStringView text, const std::vector<Token> &tokens, const std::vector<FoldedDate> &dates,
                    Report report)
{
    thread_local std::vector<char> inDate;
    markDates(dates, tokens, &inDate);
    Grammar grammar(text, tokens);
    const int n = int(tokens.size());
    int firstFree = 0; // the token after the last figure reported
    for (int i = 0; i < n;) {
        ParsedQuantity q;
        int next = i + 1, fs = 0, fe = 0;
        if (!inDate[size_t(i)] && grammar.quantityAt(i, firstFree, &q, &next, &fs, &fe)) {
            // A figure never runs into a date: "500 ألف" stops before "في 5 يناير".
            const bool clash = std::any_of(inDate.begin() + i, inDate.begin() + std::min(next, n),
                                           [](char d) { return d != 0; });
            if (!clash) {
                report(q, fs, fe);
                i = std::max(next, i + 1);
                firstFree = i;
                continue;
            }
        }
        ++i;
    }
}

} // namespace
template<typename Report>
void scanQuantities(QStringView text, Report report)
{
    thread_local std::vector<Token> tokens;
    Scan::tokenize(text, tokens);
    scanQuantities(text, tokens, findFoldedDates(text, tokens), report);
}

EntityList findQuantities(const FoldedText &folded, QStringView source)
{
    std::vector<Token> tokens;
    Scan::tokenize(folded.text, tokens);
    return findQuantities(folded, source, tokens, findFoldedDates(folded.text, tokens));
}

EntityList findQuantities(const FoldedText &folded, QStringView source, const std::vector<Scan::Token> &tokens,
                          const std::vector<FoldedDate> &dates)
{
    EntityList out;
    scanQuantities(folded.text, tokens, dates, [&](const ParsedQuantity &q, int fs, int fe) {
        Entity e;
        e.type = q.currency.isEmpty() ? EntityType::Quantity : EntityType::Money;
        e.start = folded.sourceStart(fs);
        e.end = folded.sourceEnd(fe);
        e.text = source.mid(e.start, e.end - e.start).toString();
        e.value = q.amount;
        e.attributes = attributesOf(q);
        e.confidence = !q.currency.isEmpty() || !q.noun.isEmpty() ? 0.9 : 0.75;
        out.append(e);
    });
    return out;
}

std::optional<ParsedQuantity> parseQuantity(QStringView phrase)
{
    const FoldedText folded = foldWithMap(phrase);
    std::optional<ParsedQuantity> best;
    scanQuantities(folded.text, [&](const ParsedQuantity &q, int fs, int fe) {
        if (!best) {
            best = q;
            best->start = folded.sourceStart(fs);
            best->end = folded.sourceEnd(fe);
        }
    });
    return best;
}

} // namespace Extract
} // namespace Rasid
