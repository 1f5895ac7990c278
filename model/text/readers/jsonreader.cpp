#include "text/readers/jsonreader.h"

#include "text/readers/htmlreader.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {
namespace Readers {

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
        article.body = readHtml(article.body.toUtf8(), true).body;
    }
    if (looksLikeHtml(article.title)) {
        article.title = readHtml(article.title.toUtf8(), true).body.simplified();
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

} // namespace

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

} // namespace Readers
} // namespace Text
} // namespace Rasid
