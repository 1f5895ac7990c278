#include "text/readers/htmlnesting.h"

#include "text/readers/readers_p.h"

#include <QLoggingCategory>

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace Rasid {
inline namespace Text {

// The pre-pass is the only part of the article readers that logs.
Q_LOGGING_CATEGORY(lcArticleReader, "rasid.articlereader", QtWarningMsg)

namespace Readers {

namespace {

bool isVoidTag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR: case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_HR: case GUMBO_TAG_IMAGE: case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
        return true;
    default:
        return false;
    }
}

bool isRawTextTag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_NOFRAMES:
        return true;
    default:
        return false;
    }
}

// Start tags that close an open <p> (HTML's "close a p element").
bool closesParagraph(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL:
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
        return true;
    default:
        return false;
    }
}

GumboTag tagOf(const char *name, qsizetype length)
{
    char lower[16];
    if (length <= 0 || length >= qsizetype(sizeof lower)) {
        return GUMBO_TAG_UNKNOWN;
    }
    for (qsizetype k = 0; k < length; ++k) {
        lower[k] = char((name[k] >= 'A' && name[k] <= 'Z') ? name[k] + 32 : name[k]);
    }
    return gumbo_tagn_enum(lower, unsigned(length));
}

// Position of "</name" (any case) at or after `from`, or n.
qsizetype findEndTag(const char *s, qsizetype n, qsizetype from, const char *name, qsizetype length)
{
    for (qsizetype i = from; i + 2 + length <= n; ++i) {
        const void *lt = std::memchr(s + i, '<', size_t(n - i));
        if (!lt) {
            break;
        }
        i = static_cast<const char *>(lt) - s;
        if (i + 2 + length <= n && s[i + 1] == '/' && qstrnicmp(s + i + 2, name, size_t(length)) == 0) {
            return i;
        }
    }
    return n;
}

} // namespace

QByteArray limitHtmlNesting(const QByteArray &html)
{
    const char *s = html.constData();
    const qsizetype n = html.size();
    std::vector<GumboTag> open;
    std::vector<GumboTag> blanked; // blanked start tags whose end tag is still to come
    std::vector<std::pair<qsizetype, qsizetype>> cuts;
    const auto popIf = [&open](auto pred) {
        if (!open.empty() && pred(open.back())) {
            open.pop_back();
        }
    };
    qsizetype i = 0;
    while (i < n) {
        const void *lt = std::memchr(s + i, '<', size_t(n - i));
        if (!lt || static_cast<const char *>(lt) - s + 1 >= n) {
            break;
        }
        i = static_cast<const char *>(lt) - s;
        const qsizetype tagStart = i;
        const char next = s[i + 1];
        if (next == '!' || next == '?') {
            const bool comment = next == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-';
            const QByteArrayView rest = QByteArrayView(s + i, n - i);
            const qsizetype close = comment ? rest.indexOf("-->", 4) : rest.indexOf('>');
            i = close < 0 ? n : i + close + (comment ? 3 : 1);
            continue;
        }
        const bool isEnd = next == '/';
        qsizetype p = i + 1 + (isEnd ? 1 : 0);
        if (p >= n || !isAsciiLetter(s[p])) {
            ++i;
            continue;
        }
        const qsizetype nameStart = p;
        while (p < n && !isAsciiSpace(s[p]) && s[p] != '/' && s[p] != '>') {
            ++p;
        }
        const qsizetype nameLength = p - nameStart;
        // The end of the tag; quotes count only as attribute values (after '=').
        char quote = 0;
        bool afterEquals = false;
        for (; p < n; ++p) {
            const char c = s[p];
            if (quote) {
                quote = c == quote ? 0 : quote;
            } else if (c == '>') {
                break;
            } else if (afterEquals && (c == '"' || c == '\'')) {
                quote = c;
            } else if (!isAsciiSpace(c)) {
                afterEquals = c == '=';
            }
        }
        const qsizetype tagEnd = p < n ? p + 1 : n;
        const GumboTag tag = tagOf(s + nameStart, nameLength);
        i = tagEnd;
        if (isEnd) {
            bool done = false;
            // Looking back only a little keeps mismatched end tags linear.
            for (qsizetype k = qsizetype(blanked.size()) - 1; k >= 0 && k >= qsizetype(blanked.size()) - 32; --k) {
                if (blanked[size_t(k)] == tag) {
                    blanked.erase(blanked.begin() + k);
                    cuts.emplace_back(tagStart, tagEnd);
                    done = true;
                    break;
                }
            }
            if (!done) {
                const auto it = std::find(open.rbegin(), open.rend(), tag);
                if (it != open.rend()) {
                    open.erase(std::next(it).base(), open.end());
                }
            }
            continue;
        }
        if (tag == GUMBO_TAG_PLAINTEXT) {
            break;
        }
        if (isRawTextTag(tag)) {
            i = findEndTag(s, n, tagEnd, s + nameStart, nameLength);
            continue;
        }
        if (isVoidTag(tag)) {
            continue;
        }
        // The implied end tags that matter in practice: unclosed p, li, dt/dd, td, tr, option.
        if (closesParagraph(tag)) {
            popIf([](GumboTag t) { return t == GUMBO_TAG_P; });
        }
        if (tag == GUMBO_TAG_LI) {
            popIf([](GumboTag t) { return t == GUMBO_TAG_LI; });
        } else if (tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
            popIf([](GumboTag t) { return t == GUMBO_TAG_DD || t == GUMBO_TAG_DT; });
        } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TR) {
            popIf([](GumboTag t) { return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH; });
            if (tag == GUMBO_TAG_TR) {
                popIf([](GumboTag t) { return t == GUMBO_TAG_TR; });
            }
        } else if (tag == GUMBO_TAG_OPTION) {
            popIf([](GumboTag t) { return t == GUMBO_TAG_OPTION; });
        }
        if (open.size() >= size_t(kMaxHtmlDepth)) {
            cuts.emplace_back(tagStart, tagEnd);
            blanked.push_back(tag);
        } else {
            open.push_back(tag);
        }
    }
    if (cuts.empty()) {
        return html;
    }
    qCDebug(lcArticleReader) << "HTML nested deeper than" << kMaxHtmlDepth << "- blanked" << cuts.size() << "tags";
    std::sort(cuts.begin(), cuts.end());
    QByteArray out;
    out.reserve(n);
    qsizetype from = 0;
    for (const auto &[start, end] : cuts) {
        if (start < from) {
            continue;
        }
        out.append(s + from, start - from);
        out.append(' ');
        from = end;
    }
    out.append(s + from, n - from);
    return out;
}

} // namespace Readers
} // namespace Text
} // namespace Rasid
