#include "text/readers/htmlreader.h"

#include "text/readers/gumbotree.h"
#include "text/readers/htmlnesting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gumbo.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {
namespace Readers {

namespace {

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

} // namespace

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

namespace {

// The elements that state metadata. True when the element is read: it holds no
// text of the page (a <time> is read and its text stays).
bool readMetadataElement(const GumboNode *node, GumboTag tag, bool html5, HtmlMeta &meta)
{
    switch (tag) {
    case GUMBO_TAG_TITLE:
        if (html5 && meta.title.isEmpty()) {
            meta.title = plainTextOf(node);
        }
        return true;
    case GUMBO_TAG_META:
        readMeta(node, meta);
        return true;
    case GUMBO_TAG_LINK:
        if (meta.canonical.isEmpty() && attributeString(node, "rel").toLower() == "canonical"_L1) {
            meta.canonical = attributeString(node, "href");
        }
        return true;
    case GUMBO_TAG_TIME:
        if (meta.time.isEmpty()) {
            meta.time = attributeString(node, "datetime");
        }
        return false;
    case GUMBO_TAG_SCRIPT:
        if (attributeString(node, "type").toLower() == "application/ld+json"_L1) {
            readJsonLd(node, meta);
        }
        return true;
    default:
        return false;
    }
}

// What one walk over the parsed page collects.
struct PageText
{
    HtmlMeta meta;
    QByteArray text; // the visible text, UTF-8
    int articles = 0;
    // Where in `text` the first <article> [1] and the first itemprop=articleBody [2] are.
    qsizetype regionStart[3] = {-1, -1, -1}, regionEnd[3] = {-1, -1, -1};
};

PageText walkPage(const QByteArray &utf8Html)
{
    const QByteArray html = limitHtmlNesting(utf8Html);
    GumboOptions options = kGumboDefaultOptions;
    // Gumbo records, with every parse error, a copy of the open-element stack:
    // on a deeply nested page that alone exhausts memory. Rasid never reads them.
    options.max_errors = 0;
    GumboOutput *output = gumbo_parse_with_options(&options, html.constData(), size_t(html.size()));

    PageText page;
    HtmlMeta &meta = page.meta;
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
    int &articles = page.articles;
    qsizetype *const regionStart = page.regionStart, *const regionEnd = page.regionEnd;
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
        if (readMetadataElement(node, tag, html5, meta)) {
            continue;
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
    page.text = std::move(sink.out);
    return page;
}

} // namespace

HtmlText readHtml(const QByteArray &utf8Html, bool useJsonLdBody)
{
    const PageText page = walkPage(utf8Html);
    const HtmlMeta &meta = page.meta;

    // One <article> (or an articleBody) with real text is the story; the rest of
    // the page is chrome. Several <article>s are a list of teasers: keep all.
    QByteArray body = page.text;
    constexpr qsizetype kMinRegion = 200;
    const qsizetype *const regionStart = page.regionStart, *const regionEnd = page.regionEnd;
    if (regionEnd[2] - regionStart[2] >= kMinRegion) {
        body = page.text.mid(regionStart[2], regionEnd[2] - regionStart[2]);
    } else if (page.articles == 1 && regionEnd[1] - regionStart[1] >= kMinRegion) {
        body = page.text.mid(regionStart[1], regionEnd[1] - regionStart[1]);
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

} // namespace Readers
} // namespace Text
} // namespace Rasid
