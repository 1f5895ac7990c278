#pragma once

/*
 * The words of the number grammar: number words and scales, counted nouns,
 * currencies and their country adjectives, stop and label words, hedges, and the
 * exact Decimal the figures are added up in. The tables are folded once and read
 * by the number grammar (numbergrammar.h) and, through isQuantityWord(), by the
 * date grammar.
 */

#include "text/scan.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <bitset>
#include <vector>

namespace Rasid {
inline namespace Extract {

// How a figure is hedged in the text: records_qualifier in the CSV contract.
enum class Qualifier { Exact, Approx, MoreThan, LessThan, UpTo };

// True when a folded word continues a figure rather than starting a sentence:
// a number or scale word, a counted noun Rasid knows (عاما، شخص) or a currency.
// The date grammar uses it to tell "في 2018 ..." (a year) from "منذ 2000 عام".
bool isQuantityWord(QStringView foldedWord);

namespace Numbers {

using Scan::Token;
using Scan::TokenKind;

// An exact decimal: mant * 10^-exp. Figures in the news never need more. An
// operation that would overflow returns false and leaves the value as it was
// (the overflow builtins store the wrapped result, so they work on copies).
struct Decimal
{
    qint64 mant = 0;
    int exp = 0;

    bool isZero() const { return mant == 0; }
    bool scaleTo(int e)
    {
        qint64 m = mant;
        for (int k = exp; k < e; ++k) {
            if (__builtin_mul_overflow(m, qint64(10), &m)) {
                return false;
            }
        }
        mant = m;
        exp = std::max(exp, e);
        return true;
    }
    bool add(Decimal other)
    {
        Decimal self = *this;
        const int e = std::max(exp, other.exp);
        qint64 sum = 0;
        if (!self.scaleTo(e) || !other.scaleTo(e) || __builtin_add_overflow(self.mant, other.mant, &sum)) {
            return false;
        }
        mant = sum;
        exp = e;
        return true;
    }
    bool multiply(Decimal other)
    {
        qint64 product = 0;
        if (__builtin_mul_overflow(mant, other.mant, &product)) {
            return false;
        }
        mant = product;
        exp += other.exp;
        normalize();
        return true;
    }
    void normalize()
    {
        while (exp > 0 && mant % 10 == 0) {
            mant /= 10;
            --exp;
        }
    }
    qint64 rounded() const
    {
        qint64 div = 1;
        for (int k = 0; k < exp; ++k) {
            div *= 10;
        }
        // Half up without computing mant + div / 2, which overflows for a
        // figure such as 9223372036854.775807.
        return mant / div + (div > 1 && mant % div >= div / 2 ? 1 : 0);
    }
    QString toString() const
    {
        Decimal d = *this;
        d.normalize();
        QString digits = QString::number(d.mant);
        if (d.exp == 0) {
            return digits;
        }
        while (digits.size() <= d.exp) {
            digits.prepend(u'0');
        }
        digits.insert(digits.size() - d.exp, u'.');
        return digits;
    }
};

enum class NumKind : quint8 {
    Unit,          // 1..10
    TeenLead,      // أحد / إحدى / اثنا / اثني / اثنتا / اثنتي: only before عشر
    Ten,           // 20..90
    Hundred,       // 100..900
    Scale,         // ألف مليون مليار, also their accusative ألفا مليونا
    ScaleDual,     // ألفين مليونين مليوني
    ScalePlural,   // آلاف ملايين مليارات
    ScaleDefinite, // الآلاف الملايين: only in عشرات الآلاف / مئات الملايين ...
    Fraction,      // نصف ربع ثلث
    Vague,         // عشرات مئات
    Few,           // بضع بضعة عدة
};

struct NumWord
{
    NumKind kind;
    Decimal value;
    bool weak = false; // واحد alone is a pronoun far more often than a count
    bool tenSuffix = false; // عشر / عشرة, which also build the teens
    // ألفا، مليونا: accusative singular after a count (عشرين ألفا), but the dual
    // in construct when it opens the figure before its noun (مليونا دولار).
    bool accusativeOrDual = false;
};

// Currencies: the word (any number, with or without the article) -> its base.
enum class Base : quint8 { Dollar, Euro, Dirham, Riyal, Dinar, Pound, Lira, Bitcoin, Other };

struct Qualifiers
{
    std::vector<QStringView> words;
    Qualifier qualifier;
};

struct Currency
{
    Base base;
    QString code;
};

/*
 * Every table of the grammar, folded once and looked up by QStringView into the
 * text, so the scan allocates nothing per word. The bitset of first letters lets
 * the scan skip most words without hashing them.
 */
struct Tables
{
    QStringList storage; // owns the folded keys the views below point into
    QHash<QStringView, NumWord> numbers;
    QHash<QStringView, QString> nouns;
    QHash<QStringView, Currency> currencies;
    QHash<QStringView, QString> adjectives; // "<base>:<stem>" -> code
    QHash<QStringView, bool> stopWords;
    QHash<QStringView, bool> ordinals;
    QHash<QStringView, bool> labels;
    std::vector<Qualifiers> qualifiers;
    std::bitset<256> numberFirstLetters; // Arabic block offsets of the first letters
    QStringView ageCue1, ageCue2, percentWords[4], approxAfter;

    QStringView keep(const QString &s)
    {
        storage.append(s);
        return QStringView(storage.constLast());
    }

    Tables();

    // The number word a token stands for, trying proclitics; clitic gets their length.
    const NumWord *number(QStringView word, int *clitic) const
    {
        int lengths[3];
        const int count = Scan::cliticCandidates(word, lengths);
        for (int k = 0; k < count; ++k) {
            const QStringView rest = word.mid(lengths[k]);
            const char16_t first = rest.at(0).unicode();
            if (first < 0x0600 || first >= 0x0700 || !numberFirstLetters.test(first - 0x0600)) {
                continue;
            }
            const auto it = numbers.constFind(rest);
            if (it != numbers.constEnd()) {
                *clitic = lengths[k];
                return &it.value();
            }
        }
        return nullptr;
    }
};

const Tables &tables();

} // namespace Numbers

} // namespace Extract
} // namespace Rasid
