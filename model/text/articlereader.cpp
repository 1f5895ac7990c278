#include "text/articlereader.h"

#include "text/decoder.h"
#include "text/readers/htmlreader.h"
#include "text/readers/jsonreader.h"
#include "text/readers/pdfreader.h"
#include "text/readers/readers_p.h"
#include "text/readers/textreader.h"
#include "text/utf8.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {

using Readers::isAsciiLetter;
using Readers::isAsciiSpace;

HtmlText htmlToText(const QByteArray &utf8Html)
{
    return Readers::readHtml(utf8Html, true);
}

// Read from the bytes before they are decoded, so it stays with the dispatch.
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
    if (suffix == "pdf"_L1) {
        return SourceKind::Pdf;
    }
    return SourceKind::Unsupported;
}

namespace {

bool startsLikeHtml(QStringView text)
{
    const QStringView head = text.left(512).trimmed();
    return head.startsWith("<!doctype html"_L1, Qt::CaseInsensitive) || head.startsWith("<html"_L1, Qt::CaseInsensitive);
}

} // namespace

static ReadResult readItems(SourceKind kind, const QByteArray &bytes, bool *lossVisible)
{
    ReadResult result;
    if (kind == SourceKind::Unsupported) {
        result.error = u"unsupported file type"_s;
        return result;
    }
    if (kind == SourceKind::Pdf) {
        Readers::readPdf(bytes, result); // binary: never decoded as text
        return result;
    }
    const DecodedText decoded = decodeText(bytes, kind == SourceKind::Html ? declaredHtmlCharset(bytes) : QByteArray());
    if (!decoded.problem.isEmpty()) {
        result.error = decoded.problem;
        return result;
    }
    *lossVisible = decoded.text.contains(QChar::ReplacementCharacter);
    RawArticle base;
    base.encoding = decoded.encoding;
    base.encodingConfidence = decoded.confidence;
    base.lossy = decoded.lossy;

    if (kind == SourceKind::Text && startsLikeHtml(decoded.text)) {
        kind = SourceKind::Html; // a page saved as .txt
    }
    if (kind == SourceKind::Text) {
        Readers::readText(decoded.text, base, result);
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
        Readers::readJson(utf8, base, result);
        break;
    case SourceKind::JsonLines:
        if (utf8.trimmed().startsWith('[')) {
            Readers::readJson(utf8, base, result); // a JSON array saved as .jsonl
        } else {
            Readers::readJsonLines(utf8, base, result);
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
    bool lossVisible = false;
    ReadResult result = readItems(kind, bytes, &lossVisible);
    // A JSON "\ud83d" escape or a UTF-16 file cut inside an emoji leaves half a
    // surrogate pair: stored as is, SQLite would pair it with the next character
    // and the stored text would no longer match its entity offsets. One unit for
    // one, so offsets hold.
    QVector<bool> replacement(result.articles.size(), false);
    bool located = lossVisible;
    for (qsizetype i = 0; i < result.articles.size(); ++i) {
        RawArticle &article = result.articles[i];
        bool replaced = false;
        for (QString *field : {&article.title, &article.outlet, &article.published, &article.sourceUrl, &article.body}) {
            replaced = replaceUnpairedSurrogates(*field) || replaced;
            replacement[i] = replacement[i] || field->contains(QChar::ReplacementCharacter);
        }
        located = located || replacement[i];
        article.lossy = article.lossy || replaced;
    }
    // One item of a JSON file is lossy only if the loss is in it, when it can
    // be found: a broken line must not mark every good line of the file. A
    // loss that left no mark (zero padding dropped) marks them all.
    for (qsizetype i = 0; i < result.articles.size(); ++i) {
        RawArticle &article = result.articles[i];
        if (article.item > 0 && located && !replacement[i]) {
            article.lossy = false;
        }
    }
    return result;
}

} // namespace Text
} // namespace Rasid
