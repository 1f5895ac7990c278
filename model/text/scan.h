#pragma once

#include <QStringView>
#include <QtGlobal>

#include <vector>

namespace Rasid {
inline namespace Text {

/*
 * The word scanner shared by the number and date grammars. It runs once over
 * folded text and cuts it into Arabic words, digit groups, Latin words and single
 * symbols. Unlike ICU's word breaker it splits a digit group from the Arabic
 * letters glued to it (و1.9، عام2015، نحو60) and remembers that it was glued.
 */
namespace Scan {

enum class TokenKind : quint8 {
    Arabic, // a run of Arabic letters
    Number, // digits with internal '.' or ',' between digits: 1.9, 2,000,000, 20.04.2024
    Latin,  // letters of other scripts, possibly with digits (log4j, 5g)
    Symbol, // one non-space character that is none of the above (/ - % $ ( ...)
};

struct Token
{
    int start = 0;
    int end = 0;
    TokenKind kind = TokenKind::Symbol;
    bool glued = false; // no space between this token and the previous one
};

void tokenize(QStringView folded, std::vector<Token> &tokens);

// The proclitic lengths to try when looking a word up, whole word first: 0, then
// 1 for و ف ب ل ك, then 2 for وب ول وك فب فل فك. Stripping is only a candidate:
// callers keep it when what remains is a known word ("والف" -> الف, never
// "مليونير" -> مليون). Returns how many lengths were written to out.
int cliticCandidates(QStringView word, int out[3]);

} // namespace Scan

} // namespace Text
} // namespace Rasid
