#include "text/cleaner_p.h"

#include "text/publisheddate.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {
namespace Cleaning {

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

namespace {

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

} // namespace

// Scraper marks before the first line ("< ", "> ", "| ", "# ", bullets).
QStringView withoutLeadingArtefacts(QStringView s)
{
    static const QString marks = u"<>|•·*#›»"_s;
    qsizetype i = 0;
    while (i < s.size() && (marks.contains(s[i]) || isBlank(s[i]))) {
        ++i;
    }
    return i < s.size() ? s.sliced(i) : s;
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

} // namespace Cleaning
} // namespace Text
} // namespace Rasid
