#include "extract/datetables.h"

#include "extract/lexicon.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Extract {
namespace DateVocabulary {

Q_LOGGING_CATEGORY(lcDates, "rasid.dates")

namespace {

Context contextOf(const QString &attributes)
{
    if (attributes.contains(u"context=day_or_year")) {
        return Context::DayOrYear;
    }
    return attributes.contains(u"context=cue") ? Context::Cue : Context::None;
}

} // namespace

DateTables::DateTables()
{
    storage.reserve(1024); // views point into the strings' buffers, which never move
    const QVector<LexiconEntry> entries = loadLexicon(u"months"_s);
    if (entries.isEmpty()) {
        qCWarning(lcDates) << "no month names: dates will not be recognised";
    }
    for (const LexiconEntry &e : entries) {
        const qsizetype space = e.folded.indexOf(u' ');
        storage.append(e.folded);
        const QStringView whole(storage.constLast());
        const QStringView first = space < 0 ? whole : whole.left(space);
        const QStringView second = space < 0 ? QStringView() : whole.mid(space + 1).trimmed();
        std::vector<MonthForm> &forms = months[first];
        const bool duplicate = std::any_of(forms.cbegin(), forms.cend(),
                                           [&](const MonthForm &f) { return f.second == second; });
        const Context context = contextOf(e.attributes);
        if (!duplicate) {
            forms.push_back(MonthForm{second, e.value.toInt(), context});
        } else {
            for (MonthForm &f : forms) {
                if (f.second == second) {
                    f.context = std::min(f.context, context); // the least ambiguous spelling wins
                }
            }
        }
    }
    const char16_t *days[] = {u"الأحد", u"الاثنين", u"الثلاثاء", u"الأربعاء", u"الخميس", u"الجمعة", u"السبت"};
    for (int d = 0; d < 7; ++d) {
        weekdays.insert(keep(days[d]), d + 1);
    }
    weekdays.insert(keep(u"الإثنين"), 2);
    const char16_t *units[] = {u"الأول", u"الثاني", u"الثالث", u"الرابع", u"الخامس", u"السادس",
                               u"السابع", u"الثامن", u"التاسع", u"العاشر"};
    const QStringView ashar = keep(u"عشر");
    const QStringView ishrin = keep(u"والعشرين");
    const QStringView thalathin = keep(u"والثلاثين");
    for (int u = 0; u < 10; ++u) {
        const QStringView w = keep(units[u]);
        ordinals[w].push_back({QStringView(), u + 1});
        if (u >= 1 && u <= 8) {
            ordinals[w].push_back({ashar, u + 11});
            ordinals[w].push_back({ishrin, u + 21});
        }
    }
    const QStringView hadi = keep(u"الحادي");
    ordinals[hadi].push_back({ashar, 11});
    ordinals[hadi].push_back({ishrin, 21});
    ordinals[hadi].push_back({thalathin, 31});
    ordinals[keep(u"العشرين")].push_back({QStringView(), 20});
    ordinals[keep(u"الثلاثين")].push_back({QStringView(), 30});
    for (auto it = ordinals.begin(); it != ordinals.end(); ++it) {
        // Two-word forms first, so الثاني عشر wins over الثاني.
        std::stable_sort(it->begin(), it->end(),
                         [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    }
    for (const char16_t *w : {u"في", u"خلال", u"منذ", u"شهر", u"حتى", u"قبل", u"بعد", u"بحلول"}) {
        monthCues.insert(keep(w), true);
    }
    for (const char16_t *w : {u"منتصف", u"أواسط"}) {
        periods.insert(keep(w), Period::Mid);
    }
    for (const char16_t *w : {u"أواخر", u"نهاية", u"أخر", u"آخر"}) {
        periods.insert(keep(w), Period::Late);
    }
    for (const char16_t *w : {u"أوائل", u"مطلع", u"بداية", u"مستهل"}) {
        periods.insert(keep(w), Period::Early);
    }
    for (const char16_t *w : {u"عام", u"العام", u"سنة", u"السنة", u"عامي"}) {
        yearWords.insert(keep(w), true);
    }
    for (const char16_t *w : {u"في", u"منذ", u"خلال", u"بحلول", u"حتى", u"قبل", u"بعد"}) {
        yearPrepositions.insert(keep(w), true);
    }
    for (const char16_t *w : {u"الأسبوع", u"الشهر", u"العام", u"السنة", u"الأسابيع", u"الأشهر",
                              u"الشهور", u"الأيام", u"السنوات", u"الساعات", u"الليلة", u"الأعوام"}) {
        relativeBases.insert(keep(w), true);
    }
    for (const char16_t *w : {u"الماضي", u"الماضية", u"المنصرم", u"المنصرمة", u"الفائت", u"الفائتة",
                              u"المقبل", u"المقبلة", u"القادم", u"القادمة", u"الجاري", u"الجارية",
                              u"الحالي", u"الحالية", u"السابق", u"الأخير", u"الأخيرة"}) {
        relativeModifiers.insert(keep(w), true);
    }
    const std::initializer_list<const char16_t *> phrases[] = {
        {u"أول", u"أمس"}, {u"أمس", u"الأول"}, {u"يوم", u"أمس"}, {u"صباح", u"اليوم"}, {u"مساء", u"اليوم"},
        {u"صباح", u"أمس"}, {u"مساء", u"أمس"}, {u"ظهر", u"اليوم"}, {u"فجر", u"اليوم"}, {u"هذا", u"الأسبوع"},
        {u"هذا", u"الشهر"}, {u"هذا", u"العام"}, {u"هذه", u"السنة"}, {u"منذ", u"أيام"}, {u"منذ", u"أسابيع"},
        {u"منذ", u"أشهر"}, {u"منذ", u"شهور"}, {u"منذ", u"سنوات"}, {u"منذ", u"ساعات"}, {u"منذ", u"يومين"},
        {u"منذ", u"أسبوع"}, {u"منذ", u"أسبوعين"}, {u"منذ", u"شهرين"}, {u"قبل", u"أيام"},
        {u"قبل", u"يومين"}, {u"قبل", u"أسابيع"}, {u"قبل", u"أشهر"}, {u"قبل", u"سنوات"},
        {u"قبل", u"ساعات"}, {u"أمس"}, {u"الأمس"}, {u"البارحة"}, {u"اليوم"}, {u"غدا"},
    };
    for (const auto &p : phrases) {
        Phrase phrase;
        for (const char16_t *w : p) {
            phrase.words.push_back(keep(w));
        }
        relativePhrases[phrase.words.front()].push_back(std::move(phrase));
    }
    for (auto it = relativePhrases.begin(); it != relativePhrases.end(); ++it) {
        std::stable_sort(it->begin(), it->end(),
                         [](const Phrase &a, const Phrase &b) { return a.words.size() > b.words.size(); });
    }
    yawm = keep(u"يوم");
    min = keep(u"من");
    yearSuffix = keep(u"م");

    const auto addTriggers = [this](const auto &table) {
        for (auto it = table.constBegin(); it != table.constEnd(); ++it) {
            triggers.insert(it.key(), true);
        }
    };
    addTriggers(months);
    addTriggers(weekdays);
    addTriggers(ordinals);
    addTriggers(periods);
    addTriggers(yearWords);
    addTriggers(relativeBases);
    addTriggers(relativePhrases);
    triggers.insert(yawm, true);
    for (auto it = triggers.constBegin(); it != triggers.constEnd(); ++it) {
        const char16_t c = it.key().front().unicode();
        if (c >= 0x0600 && c < 0x0700) {
            triggerFirstLetters.set(c - 0x0600);
        }
    }
}

const DateTables &dateTables()
{
    static const DateTables t;
    return t;
}

} // namespace DateVocabulary
} // namespace Extract
} // namespace Rasid
