#include "text/articlereader.h"

#include "text/decoder.h"
#include "text/utf8.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <vector>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {

Q_LOGGING_CATEGORY(lcArticleReader, "rasid.articlereader", QtWarningMsg)

namespace {

inline bool isAsciiSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

inline bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// ---------------------------------------------------------------------------
// Guarding gumbo against deep nesting.
//
// Gumbo checks element scopes by walking the whole stack of open elements, so a
// page nested 100,000 deep takes it many seconds, and its tree teardown recurses
// once per level. Real pages stay far below kMaxHtmlDepth. A cheap pre-pass
// follows an approximate stack of open elements and, beyond that depth, blanks
// start tags (and their end tags) before parsing. The text stays.

constexpr int kMaxHtmlDepth = 256;

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

// ---------------------------------------------------------------------------
// Text and metadata from the gumbo tree.

const GumboVector *childrenOf(const GumboNode *node)
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

const char *attribute(const GumboNode *node, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : nullptr;
}

QString attributeString(const GumboNode *node, const char *name)
{
    const char *v = attribute(node, name);
    return v ? QString::fromUtf8(v).simplified() : QString();
}

// The concatenated text below `node`, whitespace collapsed (titles, headings).
QString plainTextOf(const GumboNode *root)
{
    QByteArray text;
    std::vector<const GumboNode *> stack{root};
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE
            || node->type == GUMBO_NODE_CDATA) {
            text.append(node->v.text.text);
            text.append(' ');
        } else if (const GumboVector *children = childrenOf(node)) {
            for (unsigned k = children->length; k > 0; --k) {
                stack.push_back(static_cast<const GumboNode *>(children->data[k - 1]));
            }
        }
    }
    return QString::fromUtf8(text).simplified();
}

bool containsTag(const GumboNode *root, GumboTag tag)
{
    std::vector<const GumboNode *> stack{root};
    while (!stack.empty()) {
        const GumboNode *node = stack.back();
        stack.pop_back();
        if (node != root && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) {
            return true;
        }
        if (const GumboVector *children = childrenOf(node)) {
            for (unsigned k = 0; k < children->length; ++k) {
                stack.push_back(static_cast<const GumboNode *>(children->data[k]));
            }
        }
    }
    return false;
}

// Elements whose content is never article text.
bool isDroppedTag(GumboTag t)
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
int breakLevel(GumboTag t)
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

bool isTableCell(GumboTag t)
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

struct HtmlMeta
{
    QString ogTitle, title, siteName, ogUrl, canonical, published, time;
    QString ldHeadline, ldPublished, ldUrl, ldPublisher, ldBody;
};

QString jsonText(const QJsonValue &v, const char *nestedKey = "name")
{
    if (v.isString()) {
        return v.toString().trimmed();
    }
    if (v.isObject()) {
        return v.toObject().value(QLatin1StringView(nestedKey)).toString().trimmed();
    }
    if (v.isArray() && !v.toArray().isEmpty()) {
        return jsonText(v.toArray().first(), nestedKey);
    }
    return {};
}

// schema.org metadata (JSON-LD), which many news sites state more reliably than
// their visible markup.
void readJsonLd(const GumboNode *script, HtmlMeta &meta)
{
    const QString text = plainTextOf(script);
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    QJsonArray candidates = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    for (qsizetype k = 0; k < candidates.size(); ++k) {
        const QJsonObject o = candidates.at(k).toObject();
        if (o.value("@graph"_L1).isArray()) {
            for (const QJsonValue &v : o.value("@graph"_L1).toArray()) {
                candidates.append(v);
            }
        }
        const QString type = o.value("@type"_L1).isArray()
            ? o.value("@type"_L1).toArray().first().toString()
            : o.value("@type"_L1).toString();
        if (!type.contains("Article"_L1) && !type.contains("Posting"_L1)) {
            continue;
        }
        if (meta.ldHeadline.isEmpty()) {
            meta.ldHeadline = jsonText(o.value("headline"_L1));
        }
        if (meta.ldPublished.isEmpty()) {
            meta.ldPublished = jsonText(o.value("datePublished"_L1));
        }
        if (meta.ldUrl.isEmpty()) {
            meta.ldUrl = o.value("url"_L1).isString() ? jsonText(o.value("url"_L1))
                                                      : jsonText(o.value("mainEntityOfPage"_L1), "@id");
        }
        if (meta.ldPublisher.isEmpty()) {
            meta.ldPublisher = jsonText(o.value("publisher"_L1));
        }
        if (meta.ldBody.isEmpty()) {
            meta.ldBody = jsonText(o.value("articleBody"_L1));
        }
    }
}

void readMeta(const GumboNode *node, HtmlMeta &meta)
{
    QString key = attributeString(node, "property");
    if (key.isEmpty()) {
        key = attributeString(node, "name");
    }
    if (key.isEmpty()) {
        key = attributeString(node, "itemprop");
    }
    key = key.toLower();
    const QString content = attributeString(node, "content");
    if (key.isEmpty() || content.isEmpty()) {
        return;
    }
    const auto setOnce = [&content](QString &field) {
        if (field.isEmpty()) {
            field = content;
        }
    };
    if (key == "og:title"_L1 || key == "twitter:title"_L1) {
        setOnce(meta.ogTitle);
    } else if (key == "og:site_name"_L1) {
        setOnce(meta.siteName);
    } else if (key == "og:url"_L1) {
        setOnce(meta.ogUrl);
    } else if (key == "article:published_time"_L1 || key == "og:article:published_time"_L1
               || key == "datepublished"_L1 || key == "pubdate"_L1 || key == "publishdate"_L1
               || key == "date"_L1 || key == "dc.date"_L1 || key == "dcterms.date"_L1
               || key == "dc.date.issued"_L1 || key == "parsely-pub-date"_L1) {
        setOnce(meta.published);
    }
}

// "Headline - Site" / "Site | Headline": the site name is metadata, not title.
QString stripSiteName(QString title, const QString &site)
{
    if (site.isEmpty() || title == site) {
        return title;
    }
    for (const QString &sep : {u" - "_s, u" | "_s, u" – "_s, u" — "_s, u" :: "_s, u" « "_s, u" » "_s}) {
        if (title.endsWith(sep + site)) {
            return title.chopped(sep.size() + site.size()).trimmed();
        }
        if (title.startsWith(site + sep)) {
            return title.mid(site.size() + sep.size()).trimmed();
        }
    }
    return title;
}

// Text fields of JSON (and JSON-LD) that hold markup rather than plain text:
// closing tags, line breaks, paragraphs, or the elements that load or run
// something, which must never reach the article as text.
bool looksLikeHtml(const QString &text)
{
    if (!text.contains(u'<')) {
        return false;
    }
    if (text.contains("</"_L1)) {
        return true;
    }
    for (QLatin1StringView tag : {"<br"_L1, "<p>"_L1, "<script"_L1, "<iframe"_L1, "<img"_L1, "<object"_L1,
                                  "<embed"_L1, "<link"_L1, "<meta"_L1, "<style"_L1}) {
        if (text.contains(tag, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

HtmlText readHtml(const QByteArray &utf8Html, bool useJsonLdBody);

} // namespace

HtmlText htmlToText(const QByteArray &utf8Html)
{
    return readHtml(utf8Html, true);
}

namespace {

HtmlText readHtml(const QByteArray &utf8Html, bool useJsonLdBody)
{
    const QByteArray html = limitHtmlNesting(utf8Html);
    GumboOptions options = kGumboDefaultOptions;
    // Gumbo records, with every parse error, a copy of the open-element stack:
    // on a deeply nested page that alone exhausts memory. Rasid never reads them.
    options.max_errors = 0;
    GumboOutput *output = gumbo_parse_with_options(&options, html.constData(), size_t(html.size()));

    HtmlMeta meta;
    TextSink sink;
    struct Frame
    {
        const GumboNode *node;
        unsigned next;
        int breakAfter;
        bool muted;
        bool pre;
        int region; // 1: the first <article>, 2: the first itemprop=articleBody
    };
    std::vector<Frame> stack;
    stack.push_back({output->document, 0, 0, false, false, 0});
    int articles = 0;
    qsizetype regionStart[3] = {-1, -1, -1}, regionEnd[3] = {-1, -1, -1};
    int muted = 0;

    while (!stack.empty()) {
        Frame &top = stack.back();
        const GumboVector *children = childrenOf(top.node);
        if (!children || top.next >= children->length) {
            if (top.muted) {
                --muted;
            }
            if (top.pre) {
                --sink.preDepth;
            }
            if (top.region > 0) {
                regionEnd[top.region] = sink.out.size();
            }
            sink.requestBreak(top.breakAfter);
            if (top.node->type == GUMBO_NODE_ELEMENT && isTableCell(top.node->v.element.tag)) {
                sink.space();
            }
            stack.pop_back();
            continue;
        }
        const GumboNode *node = static_cast<const GumboNode *>(children->data[top.next++]);
        if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
            if (muted == 0) {
                sink.append(node->v.text.text);
            }
            continue;
        }
        if (node->type == GUMBO_NODE_WHITESPACE) {
            if (muted == 0) {
                sink.preDepth > 0 ? sink.append(node->v.text.text) : sink.space();
            }
            continue;
        }
        if (node->type != GUMBO_NODE_ELEMENT) {
            continue; // comments; template contents are dropped with the template
        }
        const GumboTag tag = node->v.element.tag;
        const bool html5 = node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
        switch (tag) {
        case GUMBO_TAG_TITLE:
            if (html5 && meta.title.isEmpty()) {
                meta.title = plainTextOf(node);
            }
            continue;
        case GUMBO_TAG_META:
            readMeta(node, meta);
            continue;
        case GUMBO_TAG_LINK:
            if (meta.canonical.isEmpty() && attributeString(node, "rel").toLower() == "canonical"_L1) {
                meta.canonical = attributeString(node, "href");
            }
            continue;
        case GUMBO_TAG_TIME:
            if (meta.time.isEmpty()) {
                meta.time = attributeString(node, "datetime");
            }
            break;
        case GUMBO_TAG_SCRIPT:
            if (attributeString(node, "type").toLower() == "application/ld+json"_L1) {
                readJsonLd(node, meta);
            }
            continue;
        default:
            break;
        }
        if (!html5 || isDroppedTag(tag) || attribute(node, "hidden")
            || (tag == GUMBO_TAG_HEADER && !containsTag(node, GUMBO_TAG_H1))) {
            continue;
        }
        const int level = breakLevel(tag);
        sink.requestBreak(level);
        if (isTableCell(tag)) {
            sink.space();
        }
        int region = 0;
        if (tag == GUMBO_TAG_ARTICLE && ++articles == 1) {
            region = 1;
        } else if (regionStart[2] < 0 && muted == 0) {
            if (const char *prop = attribute(node, "itemprop"); prop && qstrcmp(prop, "articleBody") == 0) {
                region = 2;
            }
        }
        if (region > 0) {
            regionStart[region] = sink.out.size();
        }
        const bool mute = tag == GUMBO_TAG_HEAD;
        const bool pre = tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING;
        muted += mute;
        sink.preDepth += pre;
        stack.push_back({node, 0, level, mute, pre, region});
    }
    gumbo_destroy_output(&options, output);

    // One <article> (or an articleBody) with real text is the story; the rest of
    // the page is chrome. Several <article>s are a list of teasers: keep all.
    QByteArray body = sink.out;
    constexpr qsizetype kMinRegion = 200;
    if (regionEnd[2] - regionStart[2] >= kMinRegion) {
        body = sink.out.mid(regionStart[2], regionEnd[2] - regionStart[2]);
    } else if (articles == 1 && regionEnd[1] - regionStart[1] >= kMinRegion) {
        body = sink.out.mid(regionStart[1], regionEnd[1] - regionStart[1]);
    }

    HtmlText result;
    result.body = QString::fromUtf8(body).trimmed();
    if (result.body.isEmpty() && useJsonLdBody) {
        // A JSON-LD body may itself be markup; its own JSON-LD is not looked at.
        result.body = looksLikeHtml(meta.ldBody) ? readHtml(meta.ldBody.toUtf8(), false).body : meta.ldBody;
    }
    result.outlet = !meta.siteName.isEmpty() ? meta.siteName : meta.ldPublisher;
    result.title = !meta.ogTitle.isEmpty() ? meta.ogTitle
        : !meta.ldHeadline.isEmpty()       ? meta.ldHeadline
                                           : stripSiteName(meta.title, result.outlet);
    result.sourceUrl = !meta.ogUrl.isEmpty() ? meta.ogUrl : !meta.canonical.isEmpty() ? meta.canonical : meta.ldUrl;
    result.published = !meta.published.isEmpty() ? meta.published
        : !meta.ldPublished.isEmpty()            ? meta.ldPublished
                                                 : meta.time;
    return result;
}

} // namespace

QByteArray declaredHtmlCharset(const QByteArray &bytes)
{
    const QByteArray head = bytes.left(4096).toLower();
    qsizetype at = 0;
    while ((at = head.indexOf("charset", at)) >= 0) {
        at += 7;
        qsizetype p = at;
        while (p < head.size() && isAsciiSpace(head.at(p))) {
            ++p;
        }
        if (p >= head.size() || head.at(p) != '=') {
            continue;
        }
        ++p;
        while (p < head.size() && (isAsciiSpace(head.at(p)) || head.at(p) == '"' || head.at(p) == '\'')) {
            ++p;
        }
        const qsizetype start = p;
        while (p < head.size()
               && (isAsciiLetter(head.at(p)) || (head.at(p) >= '0' && head.at(p) <= '9')
                   || head.at(p) == '-' || head.at(p) == '_' || head.at(p) == ':' || head.at(p) == '.')) {
            ++p;
        }
        if (p > start) {
            return head.mid(start, p - start);
        }
    }
    return {};
}

SourceKind sourceKindForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "txt"_L1 || suffix == "md"_L1) {
        return SourceKind::Text;
    }
    if (suffix == "html"_L1 || suffix == "htm"_L1) {
        return SourceKind::Html;
    }
    if (suffix == "json"_L1) {
        return SourceKind::Json;
    }
    if (suffix == "jsonl"_L1) {
        return SourceKind::JsonLines;
    }
    return SourceKind::Unsupported;
}

namespace {

// A JSON value as text: strings as they are, lists of paragraphs joined, an
// object by its name, epoch numbers as ISO dates (for date keys).
QString valueText(const QJsonValue &v, bool isDate = false)
{
    if (v.isString()) {
        return v.toString().trimmed();
    }
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &item : v.toArray()) {
            if (QString part = valueText(item); !part.isEmpty()) {
                parts.append(part);
            }
        }
        return parts.join("\n\n"_L1);
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"name", "title", "text", "url", "href"}) {
            if (o.value(QLatin1StringView(key)).isString()) {
                return o.value(QLatin1StringView(key)).toString().trimmed();
            }
        }
    }
    if (v.isDouble() && isDate) {
        qint64 secs = qint64(v.toDouble());
        if (secs > 100'000'000'000LL) {
            secs /= 1000; // milliseconds
        }
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).date().toString(Qt::ISODate);
    }
    return {};
}

// Maps one JSON object onto an article. Keys are matched without case; the
// first key present wins within each list.
bool articleFromJson(const QJsonObject &object, RawArticle &article, QString &problem)
{
    static const char *const titleKeys[] = {"title", "headline", "name"};
    static const char *const urlKeys[] = {"url", "link", "source_url", "sourceurl", "href", "permalink"};
    static const char *const dateKeys[] = {"date", "published", "pubdate", "published_at", "publishedat",
                                           "datepublished", "publish_date", "pub_date", "created_at", "time"};
    static const char *const textKeys[] = {"text", "content", "body", "articlebody", "article", "full_text",
                                           "fulltext", "description"};
    static const char *const outletKeys[] = {"outlet", "source", "site", "site_name", "publisher", "source_name"};

    QHash<QString, QJsonValue> lower;
    for (auto it = object.begin(); it != object.end(); ++it) {
        lower.insert(it.key().toLower(), it.value());
    }
    const auto first = [&lower](const auto &keys, bool isDate = false) {
        for (const char *key : keys) {
            const auto it = lower.constFind(QString::fromLatin1(key));
            if (it != lower.cend()) {
                if (QString value = valueText(*it, isDate); !value.isEmpty()) {
                    return value;
                }
            }
        }
        return QString();
    };
    article.title = first(titleKeys);
    article.sourceUrl = first(urlKeys);
    article.published = first(dateKeys, true);
    article.outlet = first(outletKeys);
    article.body = first(textKeys);
    if (looksLikeHtml(article.body)) {
        article.body = htmlToText(article.body.toUtf8()).body;
    }
    if (looksLikeHtml(article.title)) {
        article.title = htmlToText(article.title.toUtf8()).body.simplified();
    }
    // A source given as a URL is the article's address, not its outlet.
    if (article.outlet.startsWith("http"_L1)) {
        if (article.sourceUrl.isEmpty()) {
            article.sourceUrl = article.outlet;
        }
        article.outlet.clear();
    }
    if (article.body.trimmed().isEmpty()) {
        problem = u"no article text (expected a text, content or body key)"_s;
        return false;
    }
    return true;
}

QString jsonErrorText(const QJsonParseError &error)
{
    return u"not valid JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset + 1);
}

void readJsonLines(const QByteArray &utf8, const RawArticle &base, ReadResult &result)
{
    int lineNumber = 0;
    qsizetype start = 0;
    while (start < utf8.size()) {
        qsizetype end = utf8.indexOf('\n', start);
        if (end < 0) {
            end = utf8.size();
        }
        ++lineNumber;
        const QByteArray line = utf8.mid(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty()) {
            continue;
        }
        const QString where = u"line %1: "_s.arg(lineNumber);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError) {
            result.problems.append(where + jsonErrorText(error));
            continue;
        }
        if (!doc.isObject()) {
            result.problems.append(where + u"not a JSON object"_s);
            continue;
        }
        RawArticle article = base;
        article.item = lineNumber;
        QString problem;
        if (articleFromJson(doc.object(), article, problem)) {
            result.articles.append(article);
        } else {
            result.problems.append(where + problem);
        }
    }
}

void readJsonArray(const QJsonArray &array, const RawArticle &base, ReadResult &result)
{
    for (qsizetype k = 0; k < array.size(); ++k) {
        const QString where = u"item %1: "_s.arg(k + 1);
        if (!array.at(k).isObject()) {
            result.problems.append(where + u"not a JSON object"_s);
            continue;
        }
        RawArticle article = base;
        article.item = int(k + 1);
        QString problem;
        if (articleFromJson(array.at(k).toObject(), article, problem)) {
            result.articles.append(article);
        } else {
            result.problems.append(where + problem);
        }
    }
}

void readJson(const QByteArray &utf8, const RawArticle &base, ReadResult &result)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // JSON lines saved as .json is common enough to accept.
        if (utf8.trimmed().startsWith('{') && utf8.count("\n{") >= 1) {
            ReadResult lines;
            readJsonLines(utf8, base, lines);
            if (!lines.articles.isEmpty()) {
                result = lines;
                return;
            }
        }
        result.error = jsonErrorText(error);
        return;
    }
    if (doc.isArray()) {
        readJsonArray(doc.array(), base, result);
        return;
    }
    const QJsonObject object = doc.object();
    RawArticle article = base;
    QString problem;
    if (articleFromJson(object, article, problem)) {
        result.articles.append(article);
        return;
    }
    // A wrapper object: {"articles": [...]}.
    for (const char *key : {"articles", "items", "data", "posts", "entries", "results", "documents"}) {
        if (object.value(QLatin1StringView(key)).isArray()) {
            readJsonArray(object.value(QLatin1StringView(key)).toArray(), base, result);
            return;
        }
    }
    result.error = problem;
}

// Markdown front matter ("---" / "key: value" lines / "---") carries metadata.
void readText(const QString &text, RawArticle article, ReadResult &result)
{
    QStringView body(text);
    if (body.startsWith("---\n"_L1)) {
        const qsizetype close = body.indexOf("\n---"_L1, 3);
        if (close > 0 && close < 4000) {
            bool allKeys = true;
            RawArticle meta;
            for (QStringView line : body.sliced(4, close - 4 + 1).split(u'\n', Qt::SkipEmptyParts)) {
                const qsizetype colon = line.indexOf(u':');
                if (colon <= 0) {
                    allKeys = false;
                    break;
                }
                const QString key = line.left(colon).trimmed().toString().toLower();
                QString value = line.sliced(colon + 1).trimmed().toString();
                if (value.size() >= 2 && (value.startsWith(u'"') || value.startsWith(u'\''))
                    && value.endsWith(value.front())) {
                    value = value.sliced(1, value.size() - 2);
                }
                if (key == "title"_L1) {
                    meta.title = value;
                } else if (key == "date"_L1 || key == "published"_L1) {
                    meta.published = value;
                } else if (key == "url"_L1 || key == "source_url"_L1 || key == "link"_L1) {
                    meta.sourceUrl = value;
                } else if (key == "outlet"_L1 || key == "source"_L1) {
                    meta.outlet = value;
                }
            }
            if (allKeys) {
                article.title = meta.title;
                article.published = meta.published;
                article.sourceUrl = meta.sourceUrl;
                article.outlet = meta.outlet;
                const qsizetype after = body.indexOf(u'\n', close + 1);
                body = after < 0 ? QStringView() : body.sliced(after + 1);
            }
        }
    }
    article.body = body.toString();
    if (article.body.trimmed().isEmpty()) {
        result.error = u"no article text"_s;
        return;
    }
    result.articles.append(article);
}

bool startsLikeHtml(QStringView text)
{
    const QStringView head = text.left(512).trimmed();
    return head.startsWith("<!doctype html"_L1, Qt::CaseInsensitive) || head.startsWith("<html"_L1, Qt::CaseInsensitive);
}

} // namespace

static ReadResult readItems(SourceKind kind, const QByteArray &bytes)
{
    ReadResult result;
    if (kind == SourceKind::Unsupported) {
        result.error = u"unsupported file type"_s;
        return result;
    }
    const DecodedText decoded = decodeText(bytes, kind == SourceKind::Html ? declaredHtmlCharset(bytes) : QByteArray());
    if (!decoded.problem.isEmpty()) {
        result.error = decoded.problem;
        return result;
    }
    RawArticle base;
    base.encoding = decoded.encoding;
    base.encodingConfidence = decoded.confidence;
    base.lossy = decoded.lossy;

    if (kind == SourceKind::Text && startsLikeHtml(decoded.text)) {
        kind = SourceKind::Html; // a page saved as .txt
    }
    if (kind == SourceKind::Text) {
        readText(decoded.text, base, result);
        return result;
    }
    // Gumbo and QJsonDocument read UTF-8: reuse the bytes when they already are.
    const bool bytesAreUtf8 = decoded.encoding == "UTF-8"_L1 && !decoded.lossy && !bytes.startsWith("\xEF\xBB\xBF");
    const QByteArray utf8 = bytesAreUtf8 ? bytes : decoded.text.toUtf8();
    switch (kind) {
    case SourceKind::Html: {
        const HtmlText html = htmlToText(utf8);
        RawArticle article = base;
        article.title = html.title;
        article.outlet = html.outlet;
        article.published = html.published;
        article.sourceUrl = html.sourceUrl;
        article.body = html.body;
        if (article.body.isEmpty()) {
            result.error = u"no article text in the HTML page"_s;
        } else {
            result.articles.append(article);
        }
        break;
    }
    case SourceKind::Json:
        readJson(utf8, base, result);
        break;
    case SourceKind::JsonLines:
        if (utf8.trimmed().startsWith('[')) {
            readJson(utf8, base, result); // a JSON array saved as .jsonl
        } else {
            readJsonLines(utf8, base, result);
        }
        break;
    default:
        break;
    }
    if (result.articles.isEmpty() && result.error.isEmpty()) {
        result.error = result.problems.isEmpty() ? u"no article in the file"_s
                                                 : u"no readable article: "_s + result.problems.first();
    }
    return result;
}

ReadResult readArticle(SourceKind kind, const QByteArray &bytes)
{
    ReadResult result = readItems(kind, bytes);
    // A JSON "\ud83d" escape or a UTF-16 file cut inside an emoji leaves half a
    // surrogate pair: stored as is, SQLite would pair it with the next character
    // and the stored text would no longer match its entity offsets. One unit for
    // one, so offsets hold.
    for (RawArticle &article : result.articles) {
        bool replaced = false;
        for (QString *field : {&article.title, &article.outlet, &article.published, &article.sourceUrl, &article.body}) {
            replaced = replaceUnpairedSurrogates(*field) || replaced;
        }
        article.lossy = article.lossy || replaced;
    }
    return result;
}

} // namespace Text
} // namespace Rasid
