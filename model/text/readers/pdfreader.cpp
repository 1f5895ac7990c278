#include "text/readers/pdfreader.h"

#include <QDateTime>
#include <QRectF>
#include <QRegularExpression>
#include <QStringList>

#include <poppler-qt6.h>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {
namespace Readers {

namespace {

// Presentation forms (how some PDF writers map shaped Arabic glyphs and Latin
// ligatures such as "fi" back to text) become the letters they show, so the text folds and matches as typed.
QString withoutPresentationForms(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0xFB00 && u <= 0xFDFF) || (u >= 0xFE70 && u <= 0xFEFF && u != 0xFEFF)) {
            out += QString(c).normalized(QString::NormalizationForm_KC);
        } else {
            out += c;
        }
    }
    return out;
}

// Poppler wraps each run of the other direction in embedding marks (RLE, LRE
// ... PDF) and moves the space between runs inside them; the text is already
// in logical order, so the marks go and the spaces are evened out.
bool isBidiControl(char16_t u)
{
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069) || u == 0x200E || u == 0x200F;
}

bool isSentencePunctuation(QChar c)
{
    return QStringView(u".,:;!?\u060C\u061B\u061F").contains(c);
}

QString withoutBidiControls(const QString &line)
{
    QString out;
    out.reserve(line.size());
    for (qsizetype k = 0; k < line.size(); ++k) {
        const char16_t u = line.at(k).unicode();
        if (u == 0x202A) {
            // A left-to-right run inside a right-to-left line ("2024." at the
            // end of a sentence) comes with its trailing punctuation first, as drawn.
            const qsizetype end = line.indexOf(QChar(0x202C), k + 1);
            QString run = line.mid(k + 1, (end < 0 ? line.size() : end) - k - 1).trimmed();
            qsizetype lead = 0;
            while (lead < run.size() && isSentencePunctuation(run.at(lead))) {
                ++lead;
            }
            out += u' ' + run.mid(lead) + run.left(lead) + u' ';
            k = end < 0 ? line.size() : end;
        } else if (isBidiControl(u)) {
            out += u' ';
        } else {
            out += line.at(k);
        }
    }
    static const QRegularExpression spaces(u"  +"_s);
    static const QRegularExpression beforePunctuation(u"(?<=\\S) +(?=[.,:;!?\u060C\u061B\u061F](\\s|$))"_s);
    return out.replace(spaces, u" "_s).replace(beforePunctuation, QString());
}

// A page's text: its lines kept, blank runs and trailing spaces dropped.
QString pageText(const QString &raw)
{
    QStringList lines;
    for (const QString &line : raw.split(u'\n')) {
        const QString trimmed = withoutBidiControls(line).trimmed();
        if (!trimmed.isEmpty()) {
            lines.append(trimmed);
        }
    }
    return lines.join(u'\n');
}

// The page's lines in poppler's reading order (columns one after another),
// each line's text in logical order. textList() orders the lines by reading
// order but gives the letters of right-to-left words as drawn (reversed);
// text() gives logical order but keeps the physical layout, which interleaves
// the lines of side-by-side columns. So each line found by textList() is read
// with text() over that line's box alone.
QString readingOrderText(const Poppler::Page &page)
{
    const std::vector<std::unique_ptr<Poppler::TextBox>> boxes = page.textList();
    if (boxes.empty()) {
        return page.text(QRectF());
    }
    QStringList lines;
    QRectF line;
    for (const std::unique_ptr<Poppler::TextBox> &box : boxes) {
        line = line.isNull() ? box->boundingBox() : line.united(box->boundingBox());
        if (!box->nextWord()) {
            lines.append(page.text(line.adjusted(-0.5, -0.5, 0.5, 0.5)).trimmed());
            line = QRectF();
        }
    }
    return lines.join(u'\n');
}

// A complete PDF ends with %%EOF (possibly followed by a line break or padding).
bool looksTruncated(const QByteArray &bytes)
{
    return !bytes.right(1024).contains("%%EOF");
}

} // namespace

void readPdf(const QByteArray &bytes, ReadResult &result)
{
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(bytes);
    if (!document) {
        result.error = looksTruncated(bytes) ? u"damaged PDF: the file is cut short and cannot be opened"_s
                                             : u"damaged PDF: it cannot be opened"_s;
        return;
    }
    if (document->isLocked()) {
        result.error = u"encrypted PDF: it needs a password"_s;
        return;
    }
    QStringList pages;
    const int count = document->numPages();
    for (int n = 0; n < count; ++n) {
        std::unique_ptr<Poppler::Page> page = document->page(n);
        if (!page) {
            continue;
        }
        const QString text = pageText(withoutPresentationForms(readingOrderText(*page)));
        if (!text.isEmpty()) {
            pages.append(text);
        }
    }
    if (pages.isEmpty()) {
        result.error = count == 0 ? u"damaged PDF: it has no pages"_s
                                  : u"scanned PDF: no text layer on its %1 page(s)"_s.arg(count);
        return;
    }
    RawArticle article;
    article.encoding = u"PDF"_s;
    article.encodingConfidence = 100;
    article.title = withoutPresentationForms(document->info(u"Title"_s)).trimmed();
    article.outlet = withoutPresentationForms(document->info(u"Author"_s)).trimmed();
    const QDateTime created = document->date(u"CreationDate"_s);
    if (created.isValid()) {
        article.published = created.toUTC().date().toString(Qt::ISODate);
    }
    article.body = pages.join(u"\n\n"_s);
    if (looksTruncated(bytes)) {
        result.problems.append(u"damaged PDF: the file is cut short; only the text that could be read is kept"_s);
    }
    result.articles.append(article);
}

} // namespace Readers
} // namespace Text
} // namespace Rasid
