#include "text/readers/textreader.h"

#include <QStringView>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {
namespace Readers {

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

} // namespace Readers
} // namespace Text
} // namespace Rasid
