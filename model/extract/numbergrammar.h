#pragma once

/*
 * The number grammar: reads a figure written in digits, words or both (2.5 مليون،
 * ثلاثة آلاف وخمسمائة، عشرات الآلاف), the hedge before it, and the currency or
 * counted noun after it, over the tokens of the shared scanner. quantities.h
 * runs it over a text; the words it knows are in numberwords.h.
 */

#include "extract/numberwords.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace Rasid {
inline namespace Extract {

/*
 * One quantity or money amount read from a phrase. value is the integer the
 * phrase stands for (rounded when it keeps decimals, e.g. "2.5" -> 3); amount is
 * the exact figure as digits ("2500000" for "2.5 مليون", "2.5" when no scale
 * applies). noun is the folded counted noun, singular when Rasid knows the word
 * (مرضى -> مريض), as written otherwise. start/end are UTF-16 offsets into the
 * parsed string.
 *
 * Vague plurals get the smallest value they guarantee and MoreThan:
 * عشرات -> 10, مئات -> 100, آلاف -> 1000, عشرات الآلاف -> 10000,
 * مئات الآلاف -> 100000, ملايين -> 1000000, بضعة آلاف -> 1000.
 */
struct ParsedQuantity
{
    qint64 value = 0;
    Qualifier qualifier = Qualifier::Exact;
    QString noun;
    QString currency; // ISO 4217, "XXX" for a dinar or lira whose country is not stated
    QString amount;
    QString kind;     // "", "age" or "percent"
    int start = 0;
    int end = 0;
};

namespace Numbers {

struct Component
{
    enum Kind { Digits, Word } type = Digits;
    NumKind kind = NumKind::Unit;
    Decimal value;
    int first = 0;       // first token
    int next = 0;        // token after the component
    int startOffset = 0; // folded offset where the figure starts (after a clitic)
    bool waw = false;    // joined to what came before by و
    bool weak = false;
    bool tenSuffix = false;
    bool accusativeOrDual = false;
};

struct NumberPhrase
{
    Decimal value;
    int first = 0;
    int end = 0; // token after the phrase
    int startOffset = 0;
    int endOffset = 0;
    bool vague = false;
    bool hasScale = false;
    bool digitsOnly = false; // one digit group and nothing else
};

class Grammar
{
public:
    Grammar(QStringView text, const std::vector<Token> &tokens)
        : m_text(text), m_tok(tokens), m_t(tables())
    {
    }

    // Parses the quantity that begins at token i, if any, into *q (folded offsets).
    // Tokens before firstFree belong to the previous figure: a hedge or a "%"
    // read backwards never reaches into them, so figures never overlap.
    bool quantityAt(int i, int firstFree, ParsedQuantity *q, int *nextToken, int *foldedStart, int *foldedEnd);

private:
    QStringView word(int i) const
    {
        return m_text.sliced(m_tok[size_t(i)].start, m_tok[size_t(i)].end - m_tok[size_t(i)].start);
    }
    int count() const { return int(m_tok.size()); }
    bool isKind(int i, TokenKind k) const { return i >= 0 && i < count() && m_tok[size_t(i)].kind == k; }
    bool isSymbol(int i, char16_t c) const
    {
        return isKind(i, TokenKind::Symbol) && m_text[m_tok[size_t(i)].start].unicode() == c;
    }
    bool wordIs(int i, QStringView w) const { return isKind(i, TokenKind::Arabic) && word(i) == w; }
    bool isScaleAt(int i) const;
    bool digitsAreNoCount(const NumberPhrase &np, bool signBefore) const;
    bool readComponent(int j, bool first, Component *c) const;
    bool parseNumber(int i, NumberPhrase *np) const;
    // The steps of parseNumber(), over the figure read so far.
    struct Figure;
    bool startFigure(const Component &c, Figure *f, NumberPhrase *np) const;
    bool acceptComponent(const Component &c, const Component &n, Figure *f, NumberPhrase *np) const;
    bool acceptScale(const Component &c, const Component &n, Figure *f, NumberPhrase *np) const;
    bool acceptSmallAfterWaw(const Component &n, Figure *f) const;
    Qualifier qualifierBefore(int first, int *startOffset, int firstFree = 0) const;
    bool currencyAfter(int j, QString *code, int *next) const;
    QString nounAfter(int j, int *next) const;

    QStringView m_text;
    const std::vector<Token> &m_tok;
    const Tables &m_t;
};

} // namespace Numbers

} // namespace Extract
} // namespace Rasid
