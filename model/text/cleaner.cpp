#include "text/cleaner.h"

#include "text/decoder.h"
#include "text/textfold.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {

namespace {

// ---------------------------------------------------------------------------
// Comparing lines: folded, words only, single spaces. Two lines with the same
// key say the same thing whatever their harakat, punctuation or scraper marks.

QString keyOf(QStringView text)
{
    // The key is never longer than the folded text: it is written over it.
    QString key = fold(text);
    QChar *out = key.data();
    const qsizetype size = key.size();
    qsizetype n = 0;
    bool gap = false;
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = out[i];
        if (isWordChar(c)) {
            if (gap && n > 0) {
                out[n++] = u' ';
            }
            gap = false;
            out[n++] = c;
        } else {
            gap = true;
        }
    }
    key.truncate(n);
    return key;
}

int wordCount(const QString &key)
{
    return key.isEmpty() ? 0 : int(std::count(key.cbegin(), key.cend(), u' ')) + 1;
}

// `key` starts with the phrase `prefix` (whole words).
bool startsWithPhrase(const QString &key, const QString &prefix)
{
    return key.startsWith(prefix) && (key.size() == prefix.size() || key.at(prefix.size()) == u' ');
}

QStringList keysOf(std::initializer_list<const char16_t *> phrases)
{
    QStringList keys;
    for (const char16_t *phrase : phrases) {
        const QString key = keyOf(QStringView(phrase));
        if (!key.isEmpty() && !keys.contains(key)) {
            keys.append(key);
        }
    }
    return keys;
}

// The few marker words the rules look for, in natural spelling (folded once).
struct Vocabulary
{
    QStringList mastheadRoles = keysOf({
        u"رئيس التحرير", u"رئيس مجلس الإدارة", u"المدير العام", u"مدير التحرير", u"نائب رئيس التحرير",
        u"رئيس التحرير التنفيذي", u"المدير التنفيذي", u"المشرف العام", u"مدير عام", u"سكرتير التحرير",
        u"مدير الموقع", u"رئيس مجلس الإدارة ورئيس التحرير", u"رئيسة التحرير", u"المدير المسؤول",
        u"مدير النشر", u"Editor-in-chief", u"Editor in chief"});
    QStringList readAlso = keysOf({
        u"اقرأ أيضا", u"اقرأ أيضاً", u"اقرأ أيضًا", u"إقرأ أيضا", u"اقرأ ايضا", u"اقرأ كذلك", u"اقرأ المزيد",
        u"إقرأ المزيد", u"مواضيع ذات صلة", u"أخبار ذات صلة", u"مقالات ذات صلة", u"روابط ذات صلة",
        u"موضوعات ذات صلة", u"أخبار متعلقة", u"مواضيع متعلقة", u"الأكثر قراءة", u"الأكثر مشاهدة",
        u"الأكثر تداولا", u"شاهد أيضا", u"شاهد أيضاً", u"طالع أيضا", u"طالع أيضاً", u"قد يهمك",
        u"قد يهمك أيضا", u"قد يعجبك", u"ننصحك بقراءة", u"المزيد من الأخبار", u"Read also", u"Read more",
        u"Related articles", u"Related"});
    QStringList captionCredits = keysOf({
        u"أرشيفية", u"صورة أرشيفية", u"أرشيف", u"رويترز", u"أ ف ب", u"أ.ف.ب", u"فرانس برس", u"الأناضول",
        u"تعبيرية", u"صورة تعبيرية", u"توضيحية", u"صورة توضيحية", u"إنترنت", u"الإنترنت", u"مواقع التواصل",
        u"مواقع التواصل الاجتماعي", u"وكالات", u"متداولة", u"صورة متداولة", u"غيتي", u"Getty",
        u"Getty Images", u"AFP", u"Reuters", u"AP", u"EPA", u"Shutterstock"});
    QStringList captionLeads = keysOf({u"صورة", u"الصورة", u"صور", u"Photo", u"Image", u"Credit"});
    // Advert cues: a strong one with a link is an advert, weak ones need company.
    // Strong cues also match with a short suffix (تسوقوا، عروضنا); weak ones, being
    // ordinary news words too (عرض، إعلان), only as whole words.
    QStringList strongAdCues = keysOf({
        u"احجز", u"تسوق", u"عروض", u"خصومات", u"تخفيضات", u"اضغط", u"للمزيد", u"لمزيد", u"تابعونا",
        u"زوروا", u"اطلب", u"اشتركوا", u"سارعوا", u"subscribe", u"shop", u"sponsored", u"advertisement",
        u"discount"});
    QStringList weakAdCues = keysOf({u"اشترك", u"عرض", u"خصم", u"زيارة", u"مجانا", u"مجاني", u"سعر",
                                     u"أسعار", u"تطبيق", u"إعلان", u"سارع", u"visit", u"offer", u"click"});
    QStringList sourceLeads = keysOf({u"المصدر", u"المصادر", u"Source", u"Via"});
    QStringList quotedFromLeads = keysOf({u"نقلا عن", u"نقلاً عن", u"نقل عن"});
    QStringList chrome = keysOf({
        u"شارك", u"مشاركة", u"شارك المقال", u"شارك الخبر", u"طباعة", u"أرسل", u"إرسال", u"تويتر",
        u"فيسبوك", u"واتساب", u"تيليجرام", u"انسخ الرابط", u"نسخ الرابط", u"إعلان", u"إعلانات",
        u"حجم الخط", u"تكبير الخط", u"تصغير الخط", u"التعليقات", u"تعليقات", u"share", u"print",
        u"tweet", u"advertisement"});
    QString rightsReserved = keyOf(u"جميع الحقوق محفوظة");
};

const Vocabulary &vocabulary()
{
    static const Vocabulary v;
    return v;
}

// ---------------------------------------------------------------------------
// Lines.

struct Line
{
    QStringView text; // trimmed, a view into the body
    QString key;
    int words = 0;
    QString date;     // parsePublishedDate(text) for date-only lines
    bool drop = false;
};

bool isBlank(QChar c)
{
    return c.isSpace() || isFormatControl(c.unicode());
}

QStringView trimmedLine(QStringView s)
{
    qsizetype b = 0, e = s.size();
    while (b < e && isBlank(s[b])) {
        ++b;
    }
    while (e > b && isBlank(s[e - 1])) {
        --e;
    }
    return s.sliced(b, e - b);
}

// Scraper marks before the first line ("< ", "> ", "| ", "# ", bullets).
QStringView withoutLeadingArtefacts(QStringView s)
{
    static const QString marks = u"<>|•·*#=~-–—_›»"_s;
    qsizetype i = 0;
    while (i < s.size() && (marks.contains(s[i]) || isBlank(s[i]))) {
        ++i;
    }
    return i < s.size() ? s.sliced(i) : s;
}

bool hasDigit(QStringView s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

bool endsWithEllipsis(QStringView s)
{
    return s.endsWith(u'…') || s.endsWith("..."_L1);
}

// "://" or "www." anywhere; one pass, as it runs on every line.
bool hasUrl(QStringView s)
{
    const qsizetype n = s.size();
    for (qsizetype i = 0; i + 3 < n; ++i) {
        const char16_t c = s[i].unicode();
        if (c == u':' && s[i + 1] == u'/' && s[i + 2] == u'/') {
            return true;
        }
        if ((c | 0x20) == u'w' && (s[i + 1].unicode() | 0x20) == u'w' && (s[i + 2].unicode() | 0x20) == u'w'
            && s[i + 3] == u'.') {
            return true;
        }
    }
    return false;
}

bool isUrl(QStringView s)
{
    return (s.startsWith("http://"_L1, Qt::CaseInsensitive) || s.startsWith("https://"_L1, Qt::CaseInsensitive)
            || s.startsWith("www."_L1, Qt::CaseInsensitive))
        && !s.contains(u' ');
}

// A dateline: one or two place words, then في / - / ، / :, then a date
// ("تونس في 14 فيفري 2024", "الرباط - 3 مارس 2024", "القاهرة، الأحد 5 مايو 2024").
// Its date as ISO 8601, or empty. A sentence that holds a date is not a dateline:
// the line is short, does not end with a full stop, and only a date follows the place.
QString datelineDate(QStringView text, int words)
{
    if (words > 8 || text.endsWith(u'.')) {
        return {};
    }
    qsizetype sep = -1, rest = -1;
    for (qsizetype i = 0; i < text.size() && sep < 0; ++i) {
        const QChar c = text[i];
        if (c == u'-' || c == u'–' || c == u'—' || c == u'،' || c == u',' || c == u':') {
            sep = i, rest = i + 1;
        } else if (c == u'ف' && i > 0 && text[i - 1] == u' ' && i + 2 < text.size() && text[i + 1] == u'ي'
                   && text[i + 2] == u' ') {
            sep = i, rest = i + 2;
        } else if (!c.isLetter() && !c.isMark() && !isBlank(c)) {
            return {}; // digits or other marks before the separator: not a place
        }
    }
    if (sep <= 0) {
        return {};
    }
    const int placeWords = wordCount(keyOf(text.first(sep)));
    if (placeWords < 1 || placeWords > 2) {
        return {};
    }
    return parsePublishedDate(text.sliced(rest));
}

// An Arabic verb in the imperfect (يخترق، يشل، يعطل): a headline, not a name.
bool hasVerbCue(const QString &key)
{
    for (QStringView word : QStringView(key).split(u' ')) {
        if (word.size() >= 3 && word.startsWith(u'ي')) {
            return true;
        }
    }
    return false;
}

// A paragraph of the story, as opposed to the short lines around a headline.
bool isBodyParagraph(const Line &l)
{
    return l.words >= 12 || l.text.size() >= 80;
}

bool looksLikeHeadline(const Line &l)
{
    if (l.words < 3 || l.words > 30 || l.text.size() > 200 || !l.date.isEmpty() || hasUrl(l.text)) {
        return false;
    }
    const QChar last = l.text.back();
    if (last == u'.' && !endsWithEllipsis(l.text)) {
        return false; // a sentence, not a headline
    }
    if (last == u':' || last == u'،' || last == u',') {
        return false;
    }
    // Two sentences are a paragraph.
    const qsizetype stop = l.text.indexOf(". "_L1);
    return stop < 0 || stop + 2 >= l.text.size();
}

// A few words with no digits and no sentence punctuation: an outlet name, a
// section label, a person's name.
bool isLabel(const Line &l, int maxWords, qsizetype maxChars)
{
    if (l.words < 1 || l.words > maxWords || l.text.size() > maxChars || hasDigit(l.text)) {
        return false;
    }
    for (QChar c : l.text) {
        if (c == u'.' || c == u'،' || c == u',' || c == u'؟' || c == u'?' || c == u'!' || c == u':') {
            return false;
        }
    }
    return true;
}

bool isShortLabel(const Line &l)
{
    return isLabel(l, 2, 30);
}

enum class Masthead { None, Role, RoleOnly };

Masthead mastheadOf(const Line &l)
{
    if (l.words > 8) {
        return Masthead::None;
    }
    for (const QString &role : vocabulary().mastheadRoles) {
        if (startsWithPhrase(l.key, role)) {
            return l.key.size() == role.size() ? Masthead::RoleOnly : Masthead::Role;
        }
    }
    return Masthead::None;
}

bool isNameLine(const Line &l)
{
    return l.words >= 1 && l.words <= 4 && l.text.size() <= 40 && !hasDigit(l.text) && l.date.isEmpty()
        && !l.text.endsWith(u'.') && mastheadOf(l) == Masthead::None;
}

bool isReadAlsoMarker(const Line &l)
{
    if (l.words > 25) {
        return false;
    }
    const auto &markers = vocabulary().readAlso;
    return std::any_of(markers.begin(), markers.end(),
                       [&l](const QString &m) { return startsWithPhrase(l.key, m); });
}

bool isCaption(const Line &l)
{
    if (l.words == 0 || l.words > 25 || l.text.size() > 220) {
        return false;
    }
    const Vocabulary &v = vocabulary();
    if (l.text.endsWith(u')')) {
        const qsizetype open = l.text.lastIndexOf(u'(');
        if (open >= 0) {
            const QString credit = keyOf(l.text.sliced(open + 1, l.text.size() - open - 2));
            if (v.captionCredits.contains(credit)) {
                return true;
            }
            for (const QString &lead : v.captionLeads) {
                if (startsWithPhrase(credit, lead) && wordCount(credit) <= 5) {
                    return true;
                }
            }
        }
    }
    // "صورة: ..." / "الصورة - ..."
    for (const QString &lead : v.captionLeads) {
        if (startsWithPhrase(l.key, lead)) {
            const qsizetype colon = l.text.indexOf(u':');
            return colon >= 0 && colon <= lead.size() + 3;
        }
    }
    return false;
}

bool isAdvert(const Line &l)
{
    if (!hasUrl(l.text)) {
        return false;
    }
    const Vocabulary &v = vocabulary();
    int strong = 0, weak = 0;
    for (QStringView word : QStringView(l.key).split(u' ')) {
        // One proclitic (و ف ل ب) may stand before the cue: وللمزيد، بزيارة.
        QStringView bare = word;
        if (word.size() > 3 && (word[0] == u'و' || word[0] == u'ف' || word[0] == u'ل' || word[0] == u'ب')) {
            bare = word.sliced(1);
        }
        const auto strongCue = [&](const QString &cue) {
            return (word.startsWith(cue) && word.size() <= cue.size() + 2)
                || (bare.startsWith(cue) && bare.size() <= cue.size() + 2);
        };
        const auto weakCue = [&](const QString &cue) { return word == cue || bare == cue; };
        if (std::any_of(v.strongAdCues.begin(), v.strongAdCues.end(), strongCue)) {
            ++strong;
        } else if (std::any_of(v.weakAdCues.begin(), v.weakAdCues.end(), weakCue)) {
            ++weak;
        }
    }
    return strong >= 1 || weak >= 2;
}

bool isChrome(const Line &l)
{
    const Vocabulary &v = vocabulary();
    if (v.chrome.contains(l.key)) {
        return true;
    }
    if (l.words > 15) {
        return false;
    }
    if (l.key.contains(v.rightsReserved) || l.text.contains(u'©') || l.key.contains("all rights reserved"_L1)) {
        return true;
    }
    // Breadcrumbs: "الرئيسية > أخبار > تقنية".
    const qsizetype arrows = l.text.count(u'>') + l.text.count(u'›');
    return arrows >= 2 && l.words <= 12;
}

// "المصدر: X", "نقلا عن X": returns X, or empty when the line is not a credit.
QString creditOf(const Line &l)
{
    if (l.words > 8) {
        return {};
    }
    const Vocabulary &v = vocabulary();
    for (const QString &lead : v.sourceLeads) {
        if (startsWithPhrase(l.key, lead) && l.key.size() > lead.size()) {
            // Only with a separator: "المصدر أكد أن ..." is a sentence.
            qsizetype sep = -1;
            for (QChar c : {u':', u'-', u'–', u'—'}) {
                const qsizetype at = l.text.indexOf(c);
                if (at >= 0 && (sep < 0 || at < sep)) {
                    sep = at;
                }
            }
            if (sep >= 0 && sep <= lead.size() + 3) {
                return trimmedLine(l.text.sliced(sep + 1)).toString();
            }
        }
    }
    for (const QString &lead : v.quotedFromLeads) {
        if (startsWithPhrase(l.key, lead) && l.words <= 6) {
            const qsizetype at = l.text.indexOf(QStringView(u"عن"));
            if (at >= 0) {
                return trimmedLine(l.text.sliced(at + 2)).toString();
            }
        }
    }
    return {};
}

bool isTitleRepeat(const Line &l, const QString &titleKey)
{
    if (titleKey.isEmpty() || l.key.isEmpty()) {
        return false;
    }
    if (l.key == titleKey) {
        return true;
    }
    // Truncated repeats: the first words of the title (possibly cut mid-word).
    return l.words >= 3 && l.key.size() >= 10 && l.key.size() < titleKey.size() && titleKey.startsWith(l.key);
}

// A line that holds the body twice ("X X"): its first half.
QStringView undoubled(QStringView s)
{
    if (s.size() < 200) {
        return s;
    }
    const qsizetype mid = s.size() / 2;
    for (qsizetype h = mid - 2; h <= mid + 2; ++h) {
        const QStringView left = trimmedLine(s.first(h));
        if (left.size() * 2 + 4 >= s.size() && left == trimmedLine(s.sliced(h))) {
            return left;
        }
    }
    return s;
}

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

    // The head: title, outlet and masthead lines before the first paragraph.
    QString titleKey = keyOf(out.title);
    const bool titleFromText = titleKey.isEmpty();
    const auto nextKept = [&lines](int i) {
        for (int j = i + 1; j < lines.size(); ++j) {
            if (!lines[j].drop && lines[j].date.isEmpty()) {
                return j;
            }
        }
        return -1;
    };
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
            if (const int j = nextKept(i); m == Masthead::RoleOnly && j >= 0 && isNameLine(lines[j])
                && !isTitleRepeat(lines[j], titleKey)) {
                lines[j].drop = true;
                i = j;
            }
            lastWasTitle = false;
            seenAny = true;
            continue;
        }
        const int next = nextKept(i);
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

    // The main pass, in reading order.
    const QString outletKey = keyOf(out.outlet);
    QSet<QString> seen;
    // Every kept key, for paragraphs repeated inside longer ones (or longer ones
    // made of earlier paragraphs); the hashes of its word trigrams spare the
    // full search for the paragraphs whose first three words are new.
    QString seenText;
    // (A vector: thousands of inserts, a few dozen lookups.)
    std::vector<size_t> seenTrigrams;
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
        if (seen.contains(l.key)
            || (l.key.size() >= 60
                && std::find(seenTrigrams.begin(), seenTrigrams.end(), firstTrigramHash(l.key)) != seenTrigrams.end()
                && seenText.contains(l.key))) {
            l.drop = true;
            continue;
        }
        seen.insert(l.key);
        addTrigramHashes(l.key, seenTrigrams);
        seenText.append(l.key);
        seenText.append(u' ');
    }

    qsizetype size = 0;
    for (const Line &l : std::as_const(lines)) {
        size += l.drop ? 0 : l.text.size() + 2;
    }
    out.text.reserve(size);
    for (const Line &l : std::as_const(lines)) {
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
    return out;
}

// ---------------------------------------------------------------------------
// Dates.

namespace {

struct DateVocabulary
{
    QHash<QString, int> months;      // folded name (one or two words) -> 1..12
    QSet<QString> ignorable;         // weekdays, labels, time words
    QSet<QString> hijri;             // words of a Hijri date that may follow the Gregorian one

    DateVocabulary()
    {
        const auto add = [this](int month, std::initializer_list<const char16_t *> names) {
            for (const char16_t *name : names) {
                months.insert(fold(QStringView(name)), month);
            }
        };
        add(1, {u"يناير", u"كانون الثاني", u"جانفي", u"ينير", u"جانفييه", u"january", u"jan", u"janvier"});
        add(2, {u"فبراير", u"شباط", u"فيفري", u"فبرير", u"february", u"feb", u"février", u"fevrier"});
        add(3, {u"مارس", u"آذار", u"march", u"mar", u"mars"});
        add(4, {u"أبريل", u"إبريل", u"ابريل", u"نيسان", u"أفريل", u"افريل", u"أبريل", u"april", u"apr", u"avril"});
        add(5, {u"مايو", u"أيار", u"ماي", u"may", u"mai"});
        add(6, {u"يونيو", u"يونيه", u"حزيران", u"جوان", u"june", u"jun", u"juin"});
        add(7, {u"يوليو", u"يوليه", u"تموز", u"جويلية", u"جويليه", u"يوليوز", u"july", u"jul", u"juillet"});
        add(8, {u"أغسطس", u"آب", u"أوت", u"غشت", u"august", u"aug", u"août", u"aout"});
        add(9, {u"سبتمبر", u"أيلول", u"شتنبر", u"september", u"sep", u"sept", u"septembre"});
        add(10, {u"أكتوبر", u"تشرين الأول", u"اكتوبر", u"october", u"oct", u"octobre"});
        add(11, {u"نوفمبر", u"تشرين الثاني", u"نونبر", u"november", u"nov", u"novembre"});
        add(12, {u"ديسمبر", u"كانون الأول", u"دجنبر", u"december", u"dec", u"décembre", u"decembre"});
        for (const char16_t *w : {
                 // weekdays
                 u"الأحد", u"الاثنين", u"الإثنين", u"الثلاثاء", u"الأربعاء", u"الخميس", u"الجمعة", u"السبت",
                 u"أحد", u"اثنين", u"ثلاثاء", u"أربعاء", u"خميس", u"جمعة", u"سبت", u"sunday", u"monday",
                 u"tuesday", u"wednesday", u"thursday", u"friday", u"saturday", u"sun", u"mon", u"tue",
                 u"tues", u"wed", u"thu", u"thur", u"thurs", u"fri", u"sat", u"dimanche", u"lundi", u"mardi",
                 u"mercredi", u"jeudi", u"vendredi", u"samedi",
                 // labels
                 u"يوم", u"نشر", u"نشرت", u"نشر في", u"في", u"بتاريخ", u"تاريخ", u"النشر", u"آخر", u"اخر",
                 u"تحديث", u"التحديث", u"تم", u"محدث", u"الموافق", u"published", u"updated", u"posted", u"on",
                 u"at", u"date", u"le", u"publié", u"mis", u"à", u"jour",
                 // time of day
                 u"ص", u"م", u"صباحا", u"صباحاً", u"صباح", u"مساء", u"مساءً", u"مساءا", u"ظهرا", u"ظهراً",
                 u"الساعة", u"ساعة", u"am", u"pm", u"t", u"z", u"gmt", u"utc", u"h"}) {
            ignorable.insert(fold(QStringView(w)));
        }
        for (const char16_t *w : {u"محرم", u"صفر", u"ربيع", u"جمادى", u"جمادي", u"رجب", u"شعبان", u"رمضان",
                                  u"شوال", u"ذو", u"ذي", u"القعدة", u"الحجة", u"الأول", u"الآخر", u"الثاني",
                                  u"الأولى", u"الآخرة", u"الثانية", u"هـ", u"ه", u"هجري", u"هجرية", u"الموافق"}) {
            hijri.insert(fold(QStringView(w)));
        }
    }
};

const DateVocabulary &dateVocabulary()
{
    static const DateVocabulary v;
    return v;
}

struct Token
{
    enum Kind { Number, Word, Separator, Time } kind;
    QStringView text;
    int value = 0;
    int month = 0; // for words naming a month (set while matching)
};

QVector<Token> tokenize(QStringView s)
{
    QVector<Token> tokens;
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s[i];
        if (c.isSpace()) {
            ++i;
        } else if (c >= u'0' && c <= u'9') {
            qsizetype j = i;
            while (j < n && s[j] >= u'0' && s[j] <= u'9') {
                ++j;
            }
            // 10:30 or 10:30:00 is a time of day.
            if (j + 1 < n && s[j] == u':' && s[j + 1] >= u'0' && s[j + 1] <= u'9') {
                while (j < n && ((s[j] >= u'0' && s[j] <= u'9') || s[j] == u':' || s[j] == u'.')) {
                    ++j;
                }
                tokens.append({Token::Time, s.sliced(i, j - i)});
            } else {
                const QStringView digits = s.sliced(i, j - i);
                tokens.append({Token::Number, digits, digits.size() <= 6 ? digits.toInt() : -1});
            }
            i = j;
        } else if (c.isLetter()) {
            qsizetype j = i;
            while (j < n && (s[j].isLetter() || s[j].isMark())) {
                ++j;
            }
            tokens.append({Token::Word, s.sliced(i, j - i)});
            i = j;
        } else {
            tokens.append({Token::Separator, s.sliced(i, 1)});
            ++i;
        }
    }
    return tokens;
}

// The month named at tokens[i] (one or two words); sets `length`.
int monthAt(const QVector<Token> &t, qsizetype i, qsizetype &length)
{
    if (i >= t.size() || t[i].kind != Token::Word) {
        return 0;
    }
    const auto &months = dateVocabulary().months;
    if (i + 1 < t.size() && t[i + 1].kind == Token::Word) {
        const auto it = months.constFind(t[i].text.toString() + u' ' + t[i + 1].text.toString());
        if (it != months.cend()) {
            length = 2;
            return *it;
        }
    }
    const auto it = months.constFind(t[i].text.toString());
    if (it != months.cend()) {
        length = 1;
        return *it;
    }
    return 0;
}

bool isDateSeparator(const Token &t)
{
    return t.kind == Token::Separator
        && (t.text == u"/"_s || t.text == u"-"_s || t.text == u"."_s || t.text == u","_s);
}

QString isoDate(int year, int month, int day)
{
    if (year < 1900 || year > 2100 || !QDate(year, month, day == 0 ? 1 : day).isValid()) {
        return {};
    }
    return day == 0 ? QString::asprintf("%04d-%02d", year, month) : QString::asprintf("%04d-%02d-%02d", year, month, day);
}

} // namespace

QString parsePublishedDate(QStringView line)
{
    if (line.size() > 160) {
        return {};
    }
    const QString folded = fold(line);
    const DateVocabulary &v = dateVocabulary();
    QVector<Token> all = tokenize(folded);

    // Drop what may surround a date: weekday, labels, time and time zone.
    QVector<Token> t;
    t.reserve(all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        const Token &tok = all[i];
        if (tok.kind == Token::Time) {
            // "+03:00", "+0300", "-05:00" after a time.
            if (i + 2 < all.size() && all[i + 1].kind == Token::Separator
                && (all[i + 1].text == u"+"_s || all[i + 1].text == u"-"_s)
                && (all[i + 2].kind == Token::Time || all[i + 2].kind == Token::Number)) {
                i += 2;
            }
            continue;
        }
        if (tok.kind == Token::Separator && tok.text == u"+"_s && i + 1 < all.size()
            && (all[i + 1].kind == Token::Number || all[i + 1].kind == Token::Time)) {
            ++i;
            continue;
        }
        if (tok.kind == Token::Word) {
            const QString w = tok.text.toString();
            if (w == u"بتوقيت"_s) { // "بتوقيت مكة المكرمة": the rest is a place
                while (i + 1 < all.size() && all[i + 1].kind == Token::Word) {
                    ++i;
                }
                continue;
            }
            // "t" between an ISO date and its time: "2024-04-20t10:00".
            if (v.ignorable.contains(w)) {
                qsizetype len = 0;
                if (monthAt(all, i, len) == 0) {
                    continue;
                }
            }
        }
        t.append(tok);
    }

    // Find the first Gregorian date.
    int year = 0, month = 0, day = 0;
    qsizetype start = -1, end = -1;
    for (qsizetype i = 0; i < t.size() && start < 0; ++i) {
        qsizetype len = 0;
        if (t[i].kind == Token::Number && i + 4 < t.size() && isDateSeparator(t[i + 1])
            && t[i + 2].kind == Token::Number && t[i + 3].text == t[i + 1].text && t[i + 4].kind == Token::Number) {
            // 2024-04-20, 20/04/2024, 20.04.2024 (day first, as written in Arabic news)
            const Token &a = t[i], &b = t[i + 2], &c = t[i + 4];
            if (a.text.size() == 4) {
                year = a.value, month = b.value, day = c.value;
            } else if (c.text.size() == 4 && a.text.size() <= 2) {
                day = a.value, month = b.value, year = c.value;
                if (month > 12 && day <= 12) {
                    std::swap(day, month); // 04/20/2024: the American order
                }
            } else {
                continue;
            }
            start = i, end = i + 5;
        } else if (t[i].kind == Token::Number && t[i].text.size() <= 2) {
            // 20 أبريل 2024, 20-أبريل-2024, 20 نيسان/أبريل 2024
            qsizetype j = i + 1;
            if (j < t.size() && isDateSeparator(t[j])) {
                ++j;
            }
            const int m = monthAt(t, j, len);
            if (m == 0) {
                continue;
            }
            j += len;
            // A second name for the same month: "نيسان/أبريل", "أبريل (نيسان)".
            qsizetype k = j;
            while (k < t.size() && t[k].kind == Token::Separator && t[k].text != u","_s) {
                ++k;
            }
            qsizetype len2 = 0;
            if (monthAt(t, k, len2) == m) {
                j = k + len2;
                while (j < t.size() && t[j].kind == Token::Separator && t[j].text == u")"_s) {
                    ++j;
                }
            }
            if (j < t.size() && (isDateSeparator(t[j]))) {
                ++j;
            }
            if (j < t.size() && t[j].kind == Token::Number && t[j].text.size() == 4) {
                day = t[i].value, month = m, year = t[j].value;
                start = i, end = j + 1;
            }
        } else if (const int m = monthAt(t, i, len); m > 0) {
            qsizetype j = i + len;
            if (j < t.size() && t[j].kind == Token::Number && t[j].text.size() <= 2) {
                // April 20, 2024
                qsizetype k = j + 1;
                if (k < t.size() && t[k].kind == Token::Separator && t[k].text == u","_s) {
                    ++k;
                }
                if (k < t.size() && t[k].kind == Token::Number && t[k].text.size() == 4) {
                    day = t[j].value, month = m, year = t[k].value;
                    start = i, end = k + 1;
                }
            } else {
                if (j < t.size() && isDateSeparator(t[j])) {
                    ++j;
                }
                if (j < t.size() && t[j].kind == Token::Number && t[j].text.size() == 4) {
                    day = 0, month = m, year = t[j].value; // أبريل 2024
                    start = i, end = j + 1;
                }
            }
        }
    }
    if (start < 0) {
        return {};
    }
    // Everything else must be punctuation or a Hijri date.
    bool hijriMonth = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        if ((i < start || i >= end) && t[i].kind == Token::Word) {
            if (!v.hijri.contains(t[i].text.toString())) {
                return {};
            }
            hijriMonth = true;
        }
    }
    for (qsizetype i = 0; i < t.size(); ++i) {
        if ((i < start || i >= end) && t[i].kind == Token::Number && !hijriMonth) {
            return {};
        }
    }
    return isoDate(year, month, day);
}

} // namespace Text
} // namespace Rasid
