#pragma once

/*
 * Reading the gumbo tree: children and attributes of a node, the plain text
 * below one, how each element breaks the text (dropped, inline, line or
 * paragraph break), and TextSink, which collects the visible text. The small
 * tests run once per node of every page and stay inline.
 */

#include "text/readers/readers_p.h"

#include <QByteArray>
#include <QString>

#include <gumbo.h>

#include <algorithm>

namespace Rasid {
inline namespace Text {
namespace Readers {

inline const GumboVector *childrenOf(const GumboNode *node)
{
    switch (node->type) {
    case GUMBO_NODE_DOCUMENT:
        return &node->v.document.children;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
        return &node->v.element.children;
    default:
        return nullptr;
    }
}

inline const char *attribute(const GumboNode *node, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : nullptr;
}

QString attributeString(const GumboNode *node, const char *name);

// The concatenated text below `node`, whitespace collapsed (titles, headings).
QString plainTextOf(const GumboNode *root);

// Whether an element below `root` (not `root` itself) has that tag.
bool containsTag(const GumboNode *root, GumboTag tag);

// Elements whose content is never article text.
inline bool isDroppedTag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED: case GUMBO_TAG_MENU:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP:
        return true;
    default:
        return false;
    }
}

// 0: inline, 1: line break, 2: paragraph break.
inline int breakLevel(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_BR:
        return 1;
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TR:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FORM: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_HGROUP:
        return 2;
    default:
        return 0;
    }
}

inline bool isTableCell(GumboTag t)
{
    return t == GUMBO_TAG_TD || t == GUMBO_TAG_TH;
}

// Accumulates visible text as UTF-8 with HTML whitespace collapsing and pending
// breaks, so that nested blocks yield one paragraph break, not a pile of them.
class TextSink
{
public:
    QByteArray out;
    int preDepth = 0;

    void requestBreak(int level) { m_break = std::max(m_break, level); }

    void append(const char *t)
    {
        const char *p = t;
        while (*p) {
            if (preDepth == 0 && isAsciiSpace(*p)) {
                m_space = true;
                ++p;
                continue;
            }
            if (preDepth > 0 && *p == '\n') {
                requestBreak(1);
                ++p;
                continue;
            }
            const char *runStart = p;
            while (*p && !(preDepth == 0 ? isAsciiSpace(*p) : *p == '\n')) {
                ++p;
            }
            flushPending();
            out.append(runStart, p - runStart);
        }
    }
    void space() { m_space = true; }

private:
    void flushPending()
    {
        if (!out.isEmpty()) {
            if (m_break > 0) {
                while (out.endsWith(' ')) {
                    out.chop(1);
                }
                out.append(m_break == 2 ? "\n\n" : "\n");
            } else if (m_space && !out.endsWith(' ') && !out.endsWith('\n')) {
                out.append(' ');
            }
        }
        m_break = 0;
        m_space = false;
    }

    int m_break = 0;
    bool m_space = false;
};

} // namespace Readers
} // namespace Text
} // namespace Rasid
