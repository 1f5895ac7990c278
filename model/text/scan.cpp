#include "text/scan.h"

namespace Rasid {
inline namespace Text {

namespace Scan {

namespace {

inline bool isArabicLetter(char16_t c)
{
    return (c >= 0x0620 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5
        || (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9);
}

inline bool isDigit(char16_t c) { return c >= '0' && c <= '9'; }

inline bool isSpace(char16_t c)
{
    if (c < 0x80) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
    }
    // Folding already turned the common Unicode spaces into ' '; these remain.
    return c == 0x0085 || c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
        || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Letters of other scripts and the digits glued to them form one Latin token.
inline bool isOtherWordChar(char16_t c)
{
    if (c < 0x80) {
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
    }
    return !isArabicLetter(c) && !QChar::isSurrogate(c) && (QChar::isLetterOrNumber(c) || QChar::isMark(c));
}

} // namespace

void tokenize(QStringView text, std::vector<Token> &tokens)
{
    tokens.clear();
    tokens.reserve(size_t(text.size() / 5 + 8));
    const char16_t *s = text.utf16();
    const int n = int(text.size());
    bool glued = false;
    int i = 0;
    while (i < n) {
        const char16_t c = s[i];
        const bool arabic = isArabicLetter(c);
        if (!arabic && isSpace(c)) {
            glued = false;
            ++i;
            continue;
        }
        Token t;
        t.start = i;
        t.glued = glued;
        if (arabic) {
            while (i < n && isArabicLetter(s[i])) {
                ++i;
            }
            t.kind = TokenKind::Arabic;
        } else if (c < 0x80 ? isOtherWordChar(c) : (!QChar::isSurrogate(c) && isOtherWordChar(c))) {
            bool letters = false;
            while (i < n) {
                const char16_t d = s[i];
                if (isDigit(d)) {
                    ++i;
                } else if ((d == '.' || d == ',') && i > t.start && isDigit(s[i - 1]) && i + 1 < n
                           && isDigit(s[i + 1])) {
                    ++i; // a separator between digits stays inside the number
                } else if (isOtherWordChar(d)) {
                    letters = true;
                    ++i;
                } else {
                    break;
                }
            }
            t.kind = letters ? TokenKind::Latin : TokenKind::Number;
        } else {
            i += (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) ? 2 : 1;
            t.kind = TokenKind::Symbol;
        }
        t.end = i;
        tokens.push_back(t);
        glued = true;
    }
}

int cliticCandidates(QStringView word, int out[3])
{
    int count = 0;
    out[count++] = 0;
    const qsizetype n = word.size();
    if (n < 3) {
        return count;
    }
    const char16_t c0 = word[0].unicode();
    const char16_t c1 = word[1].unicode();
    const auto isPreposition = [](char16_t c) { return c == u'ب' || c == u'ل' || c == u'ك'; };
    if (c0 == u'و' || c0 == u'ف') {
        out[count++] = 1;
        if (n >= 4 && isPreposition(c1)) {
            out[count++] = 2;
        }
    } else if (isPreposition(c0)) {
        out[count++] = 1;
    }
    return count;
}

} // namespace Scan

} // namespace Text
} // namespace Rasid
