#include "text/publisheddate.h"

#include "text/textfold.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QVector>

#include <utility>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Text {

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

// Drop what may surround a date: weekday, labels, time and time zone.
QVector<Token> withoutSurroundings(const QVector<Token> &all)
{
    const DateVocabulary &v = dateVocabulary();
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
    return t;
}

// A Gregorian date and the tokens it spans, [start, end); start < 0 for none.
struct DateSpan
{
    int year = 0, month = 0, day = 0;
    qsizetype start = -1, end = -1;
};

// Find the first Gregorian date.
DateSpan firstGregorianDate(const QVector<Token> &t)
{
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
    return {year, month, day, start, end};
}

} // namespace

QString parsePublishedDate(QStringView line)
{
    if (line.size() > 160) {
        return {};
    }
    const QString folded = fold(line);
    const DateVocabulary &v = dateVocabulary();
    const QVector<Token> t = withoutSurroundings(tokenize(folded));
    const DateSpan date = firstGregorianDate(t);
    const qsizetype start = date.start, end = date.end;
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
    return isoDate(date.year, date.month, date.day);
}

} // namespace Text
} // namespace Rasid
