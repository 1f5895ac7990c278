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

qsizetype offsetIn(QStringView view, const QString &base)
{
    return view.data() - base.constData();
}

// The body as the rules read it, and where each piece of it lies in the body:
// the body itself, or with its hard-wrapped paragraphs joined. Characters of
// `text` outside every piece are the spaces that join a wrapped line to the next.
struct WorkingText
{
    struct Piece
    {
        qsizetype at = 0;   // in text
        qsizetype from = 0; // in the body
        qsizetype length = 0;
    };
    QString text;
    QVector<Piece> pieces; // in order of `at`
};

// Hard-wrapped text (every line of a paragraph cut near one width, paragraphs
// separated by blank lines) is joined back into paragraphs: each line break
// inside a paragraph, with the blanks around it, becomes one space. Anything
// else is left alone: most scraped files put one paragraph on a line.
WorkingText unwrapped(const QString &body)
{
    WorkingText whole{body, {{0, 0, body.size()}}};
    const QList<QStringView> raw = QStringView(body).split(u'\n');
    if (raw.size() < 6) {
        return whole;
    }
    qsizetype width = 0;
    int blanks = 0;
    for (QStringView l : raw) {
        const qsizetype n = trimmedLine(l).size();
        width = std::max(width, n);
        blanks += n == 0;
    }
    if (width < 50 || width > 100 || blanks < 2) {
        return whole;
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
        return whole;
    }
    WorkingText out;
    out.text.reserve(body.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QStringView l = trimmedLine(raw[i]);
        if (!l.isEmpty()) {
            out.pieces.append({out.text.size(), offsetIn(l, body), l.size()});
        }
        out.text.append(l);
        const bool joinNext = i + 1 < raw.size() && !l.isEmpty() && l.size() * 5 >= width * 3
            && !trimmedLine(raw[i + 1]).isEmpty();
        out.text.append(joinNext ? u' ' : u'\n');
    }
    return out;
}

// Appends the body slices under text[at, at + length) of the working text,
// the first of them at textStart of the cleaned text.
void appendSlices(const WorkingText &w, qsizetype at, qsizetype length, qsizetype textStart,
                  QVector<TextSlice> &slices)
{
    const qsizetype end = at + length;
    auto piece = std::upper_bound(w.pieces.cbegin(), w.pieces.cend(), at,
                                  [](qsizetype a, const WorkingText::Piece &p) { return a < p.at + p.length; });
    for (; piece != w.pieces.cend() && piece->at < end; ++piece) {
        const qsizetype from = std::max(at, piece->at);
        const qsizetype to = std::min(end, piece->at + piece->length);
        if (to > from) {
            slices.append({false, piece->from + (from - piece->at), textStart + (from - at), to - from});
        }
    }
}

// The part of the body that text[at, at + length) of the working text came from.
RemovedText removedPart(const WorkingText &w, const QString &body, qsizetype at, qsizetype length,
                        const char *reason)
{
    QVector<TextSlice> slices;
    appendSlices(w, at, length, 0, slices);
    RemovedText removed;
    removed.reason = QString::fromLatin1(reason);
    if (!slices.isEmpty()) {
        removed.start = slices.first().sourceStart;
        removed.length = slices.last().sourceStart + slices.last().length - removed.start;
        removed.text = body.mid(removed.start, removed.length);
    }
    return removed;
}

// A title as it opens the text: without the blanks around it, and each run of
// blanks inside it other than one space made one space. Its slices' textStart
// count from the title's start.
struct Title
{
    QString text;
    QVector<TextSlice> slices;
};

// The segments of `s` between runs of blanks other than a single space, as
// (offset, length) in the string `s` views, which starts at `offset` there.
QVector<std::pair<qsizetype, qsizetype>> titleSegments(QStringView s, qsizetype offset)
{
    QVector<std::pair<qsizetype, qsizetype>> segments;
    const QStringView t = trimmedLine(s);
    offset += t.data() - s.data();
    qsizetype begin = 0;
    qsizetype i = 0;
    while (i < t.size()) {
        if (!isBlank(t[i])) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < t.size() && isBlank(t[j])) {
            ++j;
        }
        if (j - i == 1 && t[i] == u' ') {
            i = j;
            continue;
        }
        segments.append({offset + begin, i - begin});
        begin = i = j;
    }
    if (begin < t.size()) {
        segments.append({offset + begin, t.size() - begin});
    }
    return segments;
}

Title titleFromMetadata(const QString &raw)
{
    Title title;
    for (const auto &[from, length] : titleSegments(raw, 0)) {
        if (!title.text.isEmpty()) {
            title.text.append(u' ');
        }
        title.slices.append({true, from, title.text.size(), length});
        title.text.append(QStringView(raw).sliced(from, length));
    }
    return title;
}

Title titleFromLine(const WorkingText &w, QStringView line)
{
    Title title;
    for (const auto &[at, length] : titleSegments(line, offsetIn(line, w.text))) {
        if (!title.text.isEmpty()) {
            title.text.append(u' ');
        }
        appendSlices(w, at, length, title.text.size(), title.slices);
        title.text.append(QStringView(w.text).sliced(at, length));
    }
    return title;
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
// with a digit) their dates. The lines are views into `body`; scraper marks
// before the first line go to `removed`.
QVector<Line> splitLines(const QString &body, QVector<Line> *marks)
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
            const QStringView kept = withoutLeadingArtefacts(l.text);
            if (kept.size() != l.text.size()) {
                Line removed;
                removed.text = l.text.first(l.text.size() - kept.size());
                dropLine(removed, "marks");
                marks->append(removed);
            }
            l.text = kept;
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
QString readHead(QVector<Line> &lines, const WorkingText &w, Title &title, CleanedArticle &out)
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
            dropLine(l, "title");
            lastWasTitle = seenAny = true;
            continue;
        }
        if (isChrome(l)) {
            dropLine(l, "chrome");
            continue;
        }
        if (const Masthead m = mastheadOf(l); m != Masthead::None) {
            dropLine(l, "masthead");
            if (const int j = nextKept(lines, i); m == Masthead::RoleOnly && j >= 0 && isNameLine(lines[j])
                && !isTitleRepeat(lines[j], titleKey)) {
                dropLine(lines[j], "masthead");
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
            dropLine(l, "outlet");
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
                dropLine(l, outletPlace ? "outlet" : "label");
                lastWasTitle = false;
                seenAny = true;
                continue;
            }
        }
        if (titleFromText && titleKey.isEmpty()) {
            if (!looksLikeHeadline(l) && !(isShortLabel(l) && l.words == 2)) {
                break; // the text starts with a paragraph: it has no title line
            }
            title = titleFromLine(w, l.text);
            out.title = title.text;
            titleKey = l.key;
            // Not left out: the title opens the text (see assembleText).
            dropLine(l, "title-line");
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
void dropNoise(QVector<Line> &lines, const QString &titleKey, CleanedArticle &out, QVector<Line> *halves)
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
                dropLine(l, "read-also");
                continue;
            }
        }
        if (isReadAlsoMarker(l)) {
            inReadAlso = true;
            dropLine(l, "read-also");
            continue;
        }
        if (!l.date.isEmpty()) {
            // The first date line stays in the text once (the analyst reads it and
            // it is a date entity); repeats go.
            if (seenDateLine) {
                dropLine(l, "date");
            } else if (out.published.isEmpty()) {
                out.published = l.date;
            }
            seenDateLine = true;
            continue;
        }
        if (const char *reason = isTitleRepeat(l, titleKey) ? "title"
                : l.key.isEmpty()                              ? "punctuation"
                : l.key == outletKey                           ? "outlet"
                : isCaption(l)                                 ? "caption"
                : isAdvert(l)                                  ? "advert"
                : isChrome(l)                                  ? "chrome"
                                                               : nullptr) {
            dropLine(l, reason);
            continue;
        }
        if (const QString credit = creditOf(l); !credit.isEmpty()) {
            if (isUrl(credit)) {
                out.sourceUrl = out.sourceUrl.isEmpty() ? credit : out.sourceUrl;
            } else if (out.outlet.isEmpty()) {
                out.outlet = credit.simplified();
            }
            dropLine(l, "credit");
            continue;
        }
        if (isUrl(l.text)) {
            out.sourceUrl = out.sourceUrl.isEmpty() ? l.text.toString() : out.sourceUrl;
            dropLine(l, "link");
            continue;
        }
        if (const QStringView half = undoubled(l.text); half.size() != l.text.size()) {
            Line second;
            second.text = trimmedLine(l.text.sliced(half.data() - l.text.data() + half.size()));
            dropLine(second, "repeat");
            halves->append(second);
            l.text = half;
            l.key = keyOf(half);
        }
        if (seen.contains(l.key)) {
            dropLine(l, "repeat");
            continue;
        }
        seen.add(l.key);
    }
}

// The kept lines as paragraphs, the title first, with their slices of the body.
// Returns whether the title was put first.
bool assembleText(const QVector<Line> &lines, const WorkingText &w, const Title &title, CleanedArticle &out)
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
            appendSlices(w, offsetIn(l.text, w.text), l.text.size(), out.text.size(), out.slices);
            out.text.append(l.text);
        }
    }
    // The title opens the text exactly once, wherever the scraper put it (or
    // only in metadata): it is read, highlighted and extracted like the body.
    if (!out.title.isEmpty() && !out.text.startsWith(out.title)) {
        const qsizetype shift = out.text.isEmpty() ? 0 : out.title.size() + 2;
        out.text = out.text.isEmpty() ? out.title : out.title + "\n\n"_L1 + out.text;
        for (TextSlice &slice : out.slices) {
            slice.textStart += shift;
        }
        out.slices = title.slices + out.slices;
        return true;
    }
    return false;
}

// What was left out, in the order of the body. The line the title came from
// is not, when the title opens the text.
void collectRemoved(const QVector<Line> &lines, const WorkingText &w, const QString &body, bool titleOpens,
                    CleanedArticle &out)
{
    for (const Line &l : lines) {
        if (!l.drop || l.text.isEmpty()) {
            continue;
        }
        const bool titleLine = qstrcmp(l.reason, "title-line") == 0;
        if (titleLine && titleOpens) {
            continue;
        }
        out.removed.append(removedPart(w, body, offsetIn(l.text, w.text), l.text.size(), titleLine ? "title" : l.reason));
    }
    std::stable_sort(out.removed.begin(), out.removed.end(),
                     [](const RemovedText &a, const RemovedText &b) { return a.start < b.start; });
}

} // namespace

bool isRemovedReason(const QString &reason)
{
    static const QStringList reasons = {u"marks"_s,   u"title"_s,  u"outlet"_s,  u"label"_s,   u"masthead"_s,
                                        u"chrome"_s,  u"date"_s,   u"read-also"_s, u"caption"_s, u"advert"_s,
                                        u"credit"_s,  u"link"_s,   u"repeat"_s,  u"punctuation"_s};
    return reasons.contains(reason);
}

CleanedArticle cleanArticle(const RawArticle &raw)
{
    CleanedArticle out;
    Title title = titleFromMetadata(raw.title);
    out.title = title.text;
    out.outlet = simplifiedText(raw.outlet);
    out.sourceUrl = raw.sourceUrl.trimmed();
    out.published = raw.published.trimmed().isEmpty() ? QString() : parsePublishedDate(raw.published);

    QString body = raw.body;
    normalizeLineEndings(body);
    const WorkingText w = unwrapped(body);

    QVector<Line> marks, halves;
    QVector<Line> lines = splitLines(w.text, &marks);
    const QString titleKey = readHead(lines, w, title, out);
    dropNoise(lines, titleKey, out, &halves);
    const bool titleOpens = assembleText(lines, w, title, out);
    collectRemoved(lines + marks + halves, w, body, titleOpens, out);
    return out;
}

} // namespace Text
} // namespace Rasid
