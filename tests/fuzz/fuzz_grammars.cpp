// libFuzzer target: the quantity and date grammars alone, with the properties
// their headers promise. Every span lies inside the text and quotes it exactly;
// quantities come in text order without overlapping each other or a date;
// amounts are finite, non-negative decimals that round to the value; dates are
// valid calendar dates (or relative phrases) in the ISO forms of dates.h.
//
// The first byte picks how the rest becomes text: even means UTF-8, odd means
// raw UTF-16LE, which is how lone surrogates (a JSON "\ud83d" escape, a
// truncated UTF-16 file) reach the grammars.
//
// tests/fuzzregression_test.cpp compiles this file in to replay kept inputs.
#include "extract/dates.h"
#include "extract/quantities.h"
#include "fuzzinput.h"
#include "text/textfold.h"

#include <QDate>
#include <QString>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace FuzzGrammars {

using Rasid::Fuzz::check;
using Rasid::Fuzz::inputText;

bool isDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// "123" or "2.5": what ParsedQuantity::amount and a quantity entity's value hold.
bool isAmount(QStringView amount)
{
    const qsizetype dot = amount.indexOf(u'.');
    if (dot < 0) {
        return isDigits(amount);
    }
    return isDigits(amount.left(dot)) && isDigits(amount.sliced(dot + 1)) && !amount.endsWith(u'0');
}

// The ISO forms of dates.h: YYYY, YYYY-MM, YYYY-MM-DD, XXXX-MM, XXXX-MM-DD, with
// a year of the grammar's range (1900..2100) and a real calendar day.
bool isIsoDate(QStringView iso)
{
    if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) {
        return false;
    }
    const QStringView yearPart = iso.left(4);
    int year = 2000; // an unknown year may hold 29 February
    if (yearPart != u"XXXX") {
        if (!isDigits(yearPart)) {
            return false;
        }
        year = yearPart.toInt();
        if (year < 1900 || year > 2100) {
            return false;
        }
    } else if (iso.size() == 4) {
        return false;
    }
    if (iso.size() == 4) {
        return true;
    }
    if (iso[4] != u'-' || !isDigits(iso.sliced(5, 2))) {
        return false;
    }
    const int month = iso.sliced(5, 2).toInt();
    if (month < 1 || month > 12) {
        return false;
    }
    if (iso.size() == 7) {
        return true;
    }
    return iso[7] == u'-' && isDigits(iso.sliced(8, 2)) && QDate(year, month, iso.sliced(8, 2).toInt()).isValid();
}

bool isQualifier(QStringView name)
{
    for (const auto q : {Rasid::Qualifier::Exact, Rasid::Qualifier::Approx, Rasid::Qualifier::MoreThan,
                         Rasid::Qualifier::LessThan, Rasid::Qualifier::UpTo}) {
        if (name == Rasid::qualifierName(q)) {
            return true;
        }
    }
    return false;
}

// Spans in range, non-empty, quoting the source exactly.
void checkSpan(const Rasid::Entity &e, const QString &text)
{
    check(e.start >= 0 && e.start < e.end && e.end <= text.size());
    check(QStringView(text).sliced(e.start, e.end - e.start) == e.text);
    check(e.confidence > 0.0 && e.confidence <= 1.0);
}

void checkQuantityEntity(const Rasid::Entity &e)
{
    check(e.type == Rasid::EntityType::Quantity || e.type == Rasid::EntityType::Money);
    check(isAmount(e.value));
    check(std::isfinite(e.value.toDouble()) && e.value.toDouble() >= 0.0);
    const QString currency = e.attribute(u"currency");
    check((e.type == Rasid::EntityType::Money) == !currency.isEmpty());
    check(currency.isEmpty() || currency.size() == 3);
    check(isQualifier(e.attribute(u"qualifier")));
}

void checkDateEntity(const Rasid::Entity &e)
{
    check(e.type == Rasid::EntityType::Date);
    if (e.value.isEmpty()) {
        check(e.attribute(u"relative") == u"1");
    } else {
        check(isIsoDate(e.value));
    }
}

void checkParsedQuantity(const Rasid::ParsedQuantity &q, const QString &text)
{
    check(q.start >= 0 && q.start < q.end && q.end <= text.size());
    check(q.value >= 0);
    check(isAmount(q.amount));
    const double amount = q.amount.toDouble();
    check(std::isfinite(amount) && amount >= 0.0);
    // Below 2^53 the double is exact enough to check the rounding of value.
    if (amount < 9.0e15) {
        check(std::abs(amount - double(q.value)) <= 0.5);
    }
    check(q.kind.isEmpty() || q.kind == u"age" || q.kind == u"percent");
}

int oneInput(const uint8_t *data, size_t size)
{
    const QString text = inputText(data, size);
    const Rasid::FoldedText folded = Rasid::foldWithMap(text);

    const Rasid::EntityList dates = Rasid::findDates(folded, text);
    for (qsizetype i = 0; i < dates.size(); ++i) {
        checkSpan(dates.at(i), text);
        checkDateEntity(dates.at(i));
        check(i == 0 || dates.at(i).start >= dates.at(i - 1).end);
    }

    const Rasid::EntityList quantities = Rasid::findQuantities(folded, text);
    qsizetype date = 0;
    for (qsizetype i = 0; i < quantities.size(); ++i) {
        const Rasid::Entity &q = quantities.at(i);
        checkSpan(q, text);
        checkQuantityEntity(q);
        check(i == 0 || q.start >= quantities.at(i - 1).end);
        // The digits of a date are left to the date grammar.
        while (date < dates.size() && dates.at(date).end <= q.start) {
            ++date;
        }
        check(date == dates.size() || dates.at(date).start >= q.end);
    }

    // The one-phrase readers agree with the first match of the scanners.
    const std::optional<Rasid::ParsedQuantity> quantity = Rasid::parseQuantity(text);
    check(quantity.has_value() == !quantities.isEmpty());
    if (quantity) {
        checkParsedQuantity(*quantity, text);
        check(quantity->start == quantities.first().start && quantity->end == quantities.first().end);
        check(quantity->amount == quantities.first().value);
    }
    const std::optional<Rasid::ParsedDate> parsedDate = Rasid::parseDate(text);
    check(parsedDate.has_value() == !dates.isEmpty());
    if (parsedDate) {
        check(parsedDate->start == dates.first().start && parsedDate->end == dates.first().end);
        check(parsedDate->iso == dates.first().value);
        check(parsedDate->iso.isEmpty() != parsedDate->relative.isEmpty());
    }

    // The shared word scanner: tokens in order, inside the folded text, never empty.
    std::vector<Rasid::Scan::Token> tokens;
    Rasid::Scan::tokenize(folded.text, tokens);
    int previousEnd = 0;
    for (const Rasid::Scan::Token &t : tokens) {
        check(t.start >= previousEnd && t.start < t.end && t.end <= folded.text.size());
        previousEnd = t.end;
        const QStringView word = QStringView(folded.text).sliced(t.start, t.end - t.start);
        if (t.kind == Rasid::Scan::TokenKind::Arabic) {
            int lengths[3];
            const int n = Rasid::Scan::cliticCandidates(word, lengths);
            check(n >= 1 && n <= 3 && lengths[0] == 0);
            for (int k = 0; k < n; ++k) {
                check(lengths[k] >= 0 && lengths[k] < word.size());
            }
        }
        if (const std::optional<Rasid::MonthMatch> m = Rasid::matchMonthName(folded.text, t.start)) {
            check(m->month >= 1 && m->month <= 12);
            check(m->start >= t.start && m->start < m->end && m->end <= folded.text.size());
        }
    }
    return 0;
}

} // namespace FuzzGrammars

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return FuzzGrammars::oneInput(data, size);
}
