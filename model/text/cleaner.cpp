#include "text/cleaner.h"

#include "text/cleaner_p.h"
#include "text/decoder.h"
#include "text/publisheddate.h"

#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {

using namespace Cleaning;

namespace {

// Hard-wrapped text (every line of a paragraph cut near one width, paragraphs
// separated by blank lines) is joined back into paragraphs. Anything else is
// left alone: most scraped files put one paragraph on a line.
QString unwrapped(const QString &body)
{
    const QList<QStringView> raw = QStringView(body).split(u'\n');
    if (raw.size() < 6) {
        return body;
    }
    qsizetype width = 0;
    int blanks = 0;
    for (QStringView l : raw) {
        const qsizetype n = trimmedLine(l).size();
        width = std::max(width, n);
        blanks += n == 0;
    }
    if (width < 50 || width > 100 || blanks < 2) {
        return body;
    }
    int continued = 0, nearWidth = 0;
    for (qsizetype i = 0; i + 1 < raw.size(); ++i) {
        const qsizetype n = trimmedLine(raw[i]).size();
        if (n > 0 && !trimmedLine(raw[i + 1]).isEmpty()) {
            ++continued;
            nearWidth += n * 4 >= width * 3;
        }
    }
    if (continued < 4 || nearWidth * 5 < continued * 4) {
        return body;
    }
    QString out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QStringView l = trimmedLine(raw[i]);
        out.append(l);
        const bool joinNext = i + 1 < raw.size() && !l.isEmpty() && l.size() * 5 >= width * 3
            && !trimmedLine(raw[i + 1]).isEmpty();
        out.append(joinNext ? u' ' : u'\n');
    }
    return out;
}

// Hashes of every run of three words of a key (word starts are after spaces).
void addTrigramHashes(QStringView key, std::vector<size_t> &hashes)
{
    QVarLengthArray<qsizetype, 256> starts{0};
    for (qsizetype i = 0; i < key.size(); ++i) {
        if (key[i] == u' ') {
            starts.append(i + 1);
        }
    }
    starts.append(key.size() + 1);
    for (qsizetype w = 0; w + 3 < starts.size(); ++w) {
        hashes.push_back(qHash(key.sliced(starts[w], starts[w + 3] - 1 - starts[w])));
    }
}

size_t firstTrigramHash(QStringView key)
{
    qsizetype end = 0;
    for (int spaces = 0; end < key.size(); ++end) {
        if (key[end] == u' ' && ++spaces == 3) {
            break;
        }
    }
    return qHash(key.first(end));
}

QString simplifiedText(QStringView s)
{
    return withoutLeadingArtefacts(trimmedLine(s)).toString().simplified();
}

// The body's non-blank lines, trimmed, with their keys and (for short lines
// with a digit) their dates. The lines are views into `body`.
QVector<Line> splitLines(const QString &body)
{
    QVector<Line> lines;
    lines.reserve(body.count(u'\n') + 1);
    for (QStringView piece : QStringView(body).split(u'\n')) {
        Line l;
        l.text = trimmedLine(piece);
        if (l.text.isEmpty()) {
            continue;
        }
        if (lines.isEmpty()) {
            l.text = withoutLeadingArtefacts(l.text);
        }
        l.key = keyOf(l.text);
        l.words = wordCount(l.key);
        if (l.text.size() <= 100 && hasDigit(l.text)) {
            l.date = parsePublishedDate(l.text);
            if (l.date.isEmpty()) {
                l.date = datelineDate(l.text, l.words);
            }
        }
        lines.append(std::move(l));
    }
    return lines;
}

// The first line after `i` that is neither dropped nor a date line, or -1.
int nextKept(const QVector<Line> &lines, int i)
{
    for (int j = i + 1; j < lines.size(); ++j) {
        if (!lines[j].drop && lines[j].date.isEmpty()) {
            return j;
        }
    }
    return -1;
}

// The head: title, outlet and masthead lines before the first paragraph.
// Returns the key of the title, which is the title line's when the file gave none.
QString readHead(QVector<Line> &lines, CleanedArticle &out)
{
    QString titleKey = keyOf(out.title);
    const bool titleFromText = titleKey.isEmpty();
    bool lastWasTitle = false;
    bool seenAny = false;
    for (int i = 0; i < lines.size(); ++i) {
        Line &l = lines[i];
        if (l.drop || !l.date.isEmpty()) {
            continue; // date lines are the main pass's
        }
        if (isTitleRepeat(l, titleKey)) {
            l.drop = true;
            lastWasTitle = seenAny = true;
            continue;
        }
        if (isChrome(l)) {
            l.drop = true;
            continue;
        }
        if (const Masthead m = mastheadOf(l); m != Masthead::None) {
            l.drop = true;
            if (const int j = nextKept(lines, i); m == Masthead::RoleOnly && j >= 0 && isNameLine(lines[j])
                && !isTitleRepeat(lines[j], titleKey)) {
                lines[j].drop = true;
                i = j;
            }
            lastWasTitle = false;
            seenAny = true;
            continue;
        }
        const int next = nextKept(lines, i);
        // "بوابة الخليج اليوم" / date line / headline: a name of up to four words
        // directly above the date, with a longer headline after it, is the outlet.
        if (!seenAny && i + 1 < lines.size() && !lines[i + 1].date.isEmpty() && next >= 0 && isLabel(l, 4, 40)
            && !hasVerbCue(l.key) && looksLikeHeadline(lines[next]) && lines[next].words > l.words) {
            if (out.outlet.isEmpty()) {
                out.outlet = simplifiedText(l.text);
            }
            l.drop = true;
            seenAny = true;
            continue;
        }
        if (isShortLabel(l)) {
            const bool beforeMasthead = next >= 0 && mastheadOf(lines[next]) != Masthead::None;
            const bool outletPlace = lastWasTitle || beforeMasthead || (!seenAny && l.words == 1);
            // Two words before a headline-less text may be its (short) title.
            const bool shortTitle = titleFromText && titleKey.isEmpty() && l.words == 2 && !outletPlace
                && (next < 0 || !looksLikeHeadline(lines[next]));
            if (!shortTitle && (outletPlace || (titleFromText && titleKey.isEmpty()))) {
                if (out.outlet.isEmpty() && outletPlace) {
                    out.outlet = simplifiedText(l.text);
                }
                l.drop = true;
                lastWasTitle = false;
                seenAny = true;
                continue;
            }
        }
        if (titleFromText && titleKey.isEmpty()) {
            if (!looksLikeHeadline(l) && !(isShortLabel(l) && l.words == 2)) {
                break; // the text starts with a paragraph: it has no title line
            }
            out.title = simplifiedText(l.text);
            titleKey = l.key;
            l.drop = true;
            lastWasTitle = seenAny = true;
            continue;
        }
        if (isBodyParagraph(l)) {
            break;
        }
        lastWasTitle = false;
        seenAny = true;
    }
    return titleKey;
}

// The kept paragraphs so far, to find paragraphs repeated inside longer ones
// (or longer ones made of earlier paragraphs) as well as exact repeats.
class SeenParagraphs
{
public:
    bool contains(const QString &key) const
    {
        return m_keys.contains(key)
            || (key.size() >= 60
                && std::find(m_trigrams.begin(), m_trigrams.end(), firstTrigramHash(key)) != m_trigrams.end()
                && m_text.contains(key));
    }

    void add(const QString &key)
    {
        m_keys.insert(key);
        addTrigramHashes(key, m_trigrams);
        m_text.append(key);
        m_text.append(u' ');
    }

private:
    QSet<QString> m_keys;
    // Every kept key; the hashes of its word trigrams spare the full search for
    // the paragraphs whose first three words are new.
    QString m_text;
    // (A vector: thousands of inserts, a few dozen lookups.)
    std::vector<size_t> m_trigrams;
};

// The main pass, in reading order: "read also" blocks, repeated date lines, title
// repeats, captions, adverts, chrome, credits, bare links and repeated paragraphs go.
void dropNoise(QVector<Line> &lines, const QString &titleKey, CleanedArticle &out)
{
    const QString outletKey = keyOf(out.outlet);
    SeenParagraphs seen;
    bool inReadAlso = false;
    bool seenDateLine = false;
    for (Line &l : lines) {
        if (l.drop) {
            continue;
        }
        if (inReadAlso) {
            // Related headlines are short or cut with an ellipsis; a real paragraph ends the block.
            if (l.text.size() > 160 && !endsWithEllipsis(l.text) && !isReadAlsoMarker(l)) {
                inReadAlso = false;
            } else {
                l.drop = true;
                continue;
            }
        }
        if (isReadAlsoMarker(l)) {
            inReadAlso = true;
            l.drop = true;
            continue;
        }
        if (!l.date.isEmpty()) {
            // The first date line stays in the text once (the analyst reads it and
            // it is a date entity); repeats go.
            if (seenDateLine) {
                l.drop = true;
            } else if (out.published.isEmpty()) {
                out.published = l.date;
            }
            seenDateLine = true;
            continue;
        }
        if (isTitleRepeat(l, titleKey) || l.key.isEmpty() || l.key == outletKey || isCaption(l) || isAdvert(l)
            || isChrome(l)) {
            l.drop = true;
            continue;
        }
        if (const QString credit = creditOf(l); !credit.isEmpty()) {
            if (isUrl(credit)) {
                out.sourceUrl = out.sourceUrl.isEmpty() ? credit : out.sourceUrl;
            } else if (out.outlet.isEmpty()) {
                out.outlet = credit.simplified();
            }
            l.drop = true;
            continue;
        }
        if (isUrl(l.text)) {
            out.sourceUrl = out.sourceUrl.isEmpty() ? l.text.toString() : out.sourceUrl;
            l.drop = true;
            continue;
        }
        if (const QStringView half = undoubled(l.text); half.size() != l.text.size()) {
            l.text = half;
            l.key = keyOf(half);
        }
        if (seen.contains(l.key)) {
            l.drop = true;
            continue;
        }
        seen.add(l.key);
    }
}

// The kept lines as paragraphs, the title first.
void assembleText(const QVector<Line> &lines, CleanedArticle &out)
{
    qsizetype size = 0;
    for (const Line &l : lines) {
        size += l.drop ? 0 : l.text.size() + 2;
    }
    out.text.reserve(size);
    for (const Line &l : lines) {
        if (!l.drop) {
            if (!out.text.isEmpty()) {
                out.text.append("\n\n"_L1);
            }
            out.text.append(l.text);
        }
    }
    // The title opens the text exactly once, wherever the scraper put it (or
    // only in metadata): it is read, highlighted and extracted like the body.
    if (!out.title.isEmpty() && !out.text.startsWith(out.title)) {
        out.text = out.text.isEmpty() ? out.title : out.title + "\n\n"_L1 + out.text;
    }
}

} // namespace

CleanedArticle cleanArticle(const RawArticle &raw)
{
    CleanedArticle out;
    out.title = simplifiedText(raw.title);
    out.outlet = simplifiedText(raw.outlet);
    out.sourceUrl = raw.sourceUrl.trimmed();
    out.published = raw.published.trimmed().isEmpty() ? QString() : parsePublishedDate(raw.published);

    QString body = raw.body;
    normalizeLineEndings(body);
    body = unwrapped(body);

    QVector<Line> lines = splitLines(body);
    const QString titleKey = readHead(lines, out);
    dropNoise(lines, titleKey, out);
    assembleText(lines, out);
    return out;
}

} // namespace Text
} // namespace Rasid
