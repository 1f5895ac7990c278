// Entity recognition throughput: folding plus every finder (lexicons, grammars,
// quantities, dates) over a synthetic Arabic corpus of a few MB, article by
// article as the importer calls it. Prints one JSON line:
// {"bench":"recognize","mb_per_s":...,"entities_per_kb":...}
// MB are megabytes of UTF-8 input, the size of the files an analyst imports.
// mb_per_s is per core: it divides by the thread's CPU time, so that other
// processes on a busy machine do not distort it; wall_mb_per_s is also printed.

#include "benchutil.h"
#include "extract/recognizer.h"
#include "text/textfold.h"

#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <ctime>
#include <random>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// Sentence templates of our own; {slot}s are filled from the lists below.
const QStringList kTemplates = {
    u"أعلنت {org} في {country} أن هجوما إلكترونيا استهدف أنظمتها {date}، ما أدى إلى تعطل الخدمات لساعات."_s,
    u"وقال {title} {person} إن {actor} يقفون وراء الهجوم الذي أدى إلى تسريب بيانات {qty} {noun}."_s,
    u"وأكد مصدر مسؤول في {org} أن المعلومات المسربة تشمل أرقام الهواتف وكلمات المرور وبيانات شخصية."_s,
    u"وتبنت مجموعة تطلق على نفسها اسم “{group}” الهجوم، مؤكدة أنها حصلت على {qty} {noun}."_s,
    u"وشهدت {country} و{country} خلال {date} موجة من هجمات حجب الخدمة استهدفت مواقع حكومية."_s,
    u"ونفت {org} وقوع أي اختراق، مشيرة إلى أن خوادمها تعمل بشكل طبيعي منذ {date}."_s,
    u"وتعرضت مستشفيات في مدينة {city} لهجوم ببرنامج الفدية طالب فيه المهاجمون بمبلغ {money}."_s,
    u"ويرى الخبير في الأمن السيبراني {person} أن القطاع الصحي يبقى الأكثر عرضة لمثل هذه الهجمات."_s,
    u"وكانت السلطات قد أحبطت محاولة قراصنة {demonym} إغراق الخوادم بطلبات وهمية في {date}."_s,
    u"ويأتي ذلك في ظل تصاعد التوترات الإقليمية وتزايد الاعتماد على الخدمات الرقمية في الحياة اليومية."_s,
    u"وطالب نواب في البرلمان بفتح تحقيق عاجل لتحديد المسؤوليات ومحاسبة المقصرين في حماية المعطيات."_s,
    u"وأوضح البيان أن الفرق التقنية تعمل على مدار الساعة لإعادة الخدمات إلى طبيعتها في أقرب وقت ممكن."_s,
};

const QStringList kOrgs = {
    u"وزارة الصحة"_s, u"هيئة البريد الوطنية"_s, u"الصندوق الوطني للتقاعد (CNR)"_s,
    u"المكتب الوطني للكهرباء والماء"_s, u"شركة الاتصالات المتحدة"_s, u"جامعة القاضي عياض"_s,
    u"بنك المغرب"_s, u"وكالة الأنباء الرسمية"_s,
};
const QStringList kCountries = {u"فرنسا"_s, u"المغرب"_s, u"الجزائر"_s, u"تونس"_s, u"مصر"_s, u"ألمانيا"_s,
                                u"الولايات المتحدة"_s, u"سنغافورة"_s, u"الإمارات"_s, u"بريطانيا"_s};
const QStringList kDemonyms = {u"روس"_s, u"إيرانيون"_s, u"صينيون"_s, u"جزائريون"_s, u"كوريون شماليون"_s};
const QStringList kCities = {u"باريس"_s, u"الدار البيضاء"_s, u"دبي"_s, u"لندن"_s, u"القاهرة"_s};
const QStringList kTitles = {u"وزير الداخلية"_s, u"الرئيس"_s, u"المدير العام للوكالة،"_s, u"الناطق الرسمي"_s};
const QStringList kPersons = {u"عبد الرحيم بلقاسم"_s, u"نادية العلوي"_s, u"كريم زيدان"_s, u"سلمى بناني"_s};
const QStringList kActors = {u"قراصنة روس"_s, u"مجموعة من القراصنة الإيرانيين"_s, u"هاكرز صينيون"_s};
const QStringList kGroups = {u"ShadowNet"_s, u"Dark Storm"_s, u"CyberFalcon"_s, u"النسر الرقمي"_s};
const QStringList kQuantities = {u"نحو 2 مليون"_s, u"أكثر من 500 ألف"_s, u"1.9 مليون"_s, u"مئات الآلاف من"_s,
                                 u"ما يصل إلى مليوني"_s, u"قرابة 30"_s};
const QStringList kNouns = {u"مستخدم"_s, u"مريض"_s, u"مواطن"_s, u"حساب"_s, u"موظف"_s};
const QStringList kDates = {u"الأسبوع الماضي"_s, u"5 يناير 2024"_s, u"شهر مارس"_s, u"عام 2022"_s,
                            u"الثامن من يونيو"_s, u"أيار (مايو) 2023"_s};
const QStringList kMoney = {u"2 مليون دولار"_s, u"500 ألف يورو"_s, u"نحو 10 بيتكوين"_s};

QString fill(QString sentence, std::mt19937 &rng)
{
    const auto pick = [&rng](const QStringList &list) {
        return list.at(int(std::uniform_int_distribution<int>(0, int(list.size()) - 1)(rng)));
    };
    const std::pair<QString, const QStringList *> fillers[] = {
        {u"{org}"_s, &kOrgs},         {u"{country}"_s, &kCountries}, {u"{demonym}"_s, &kDemonyms},
        {u"{city}"_s, &kCities},      {u"{title}"_s, &kTitles},      {u"{person}"_s, &kPersons},
        {u"{actor}"_s, &kActors},     {u"{group}"_s, &kGroups},      {u"{qty}"_s, &kQuantities},
        {u"{noun}"_s, &kNouns},       {u"{date}"_s, &kDates},        {u"{money}"_s, &kMoney},
    };
    for (const auto &[slot, list] : fillers) {
        for (qsizetype at = sentence.indexOf(slot); at >= 0; at = sentence.indexOf(slot)) {
            sentence.replace(at, slot.size(), pick(*list));
        }
    }
    return sentence;
}

// Articles of 2-6 KB, paragraphs of 2-5 sentences.
QStringList makeCorpus(qint64 targetBytes)
{
    std::mt19937 rng(20240420);
    QStringList articles;
    qint64 bytes = 0;
    while (bytes < targetBytes) {
        QString article;
        const int size = std::uniform_int_distribution<int>(2000, 6000)(rng);
        while (article.toUtf8().size() < size) {
            const int sentences = std::uniform_int_distribution<int>(2, 5)(rng);
            for (int i = 0; i < sentences; ++i) {
                const int which = std::uniform_int_distribution<int>(0, int(kTemplates.size()) - 1)(rng);
                article += fill(kTemplates.at(which), rng) + u' ';
            }
            article += u"\n\n"_s;
        }
        bytes += article.toUtf8().size();
        articles << article;
    }
    return articles;
}

} // namespace

int main()
{
    const QStringList corpus = makeCorpus(4 * 1000 * 1000);
    qint64 bytes = 0;
    for (const QString &article : corpus) {
        bytes += article.toUtf8().size();
    }
    const Recognizer &recognizer = Recognizer::instance(); // lexicons load outside the timing
    double bestCpu = 1e9;
    double bestWall = 1e9;
    qint64 entities = 0;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuSeconds();
        qint64 found = 0;
        for (const QString &article : corpus) {
            const FoldedText folded = foldWithMap(article);
            found += recognizer.recognize(article, folded).size();
        }
        bestCpu = std::min(bestCpu, threadCpuSeconds() - cpuStart);
        bestWall = std::min(bestWall, timer.nsecsElapsed() / 1e9);
        entities = found;
    }
    const double mb = bytes / 1e6;
    std::printf("{\"bench\":\"recognize\",\"mb\":%.2f,\"articles\":%lld,\"cpu_seconds\":%.3f,\"mb_per_s\":%.1f,"
                "\"wall_mb_per_s\":%.1f,\"entities_per_kb\":%.2f}\n",
                mb, static_cast<long long>(corpus.size()), bestCpu, mb / bestCpu, mb / bestWall,
                entities / (bytes / 1000.0));
    return 0;
}
