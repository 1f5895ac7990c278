// Throughput of the quantity and date grammars on Arabic news-like text.
//
// Builds a few megabytes by repeating sentences written for this benchmark (with
// figures, money, dates and a majority of ordinary prose, like real coverage),
// folds it once, then times findQuantities() + findDates() over it. Prints one
// JSON line: {"bench":"grammars","mb_per_s":...} where MB are UTF-8 megabytes of
// the source text. Run it from a Release or RelWithDebInfo build.

#include "extract/dates.h"
#include "extract/quantities.h"
#include "text/textfold.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QStringList kSentences = {
    u"أعلنت الشركة الوطنية للاتصالات يوم الثلاثاء أنها تعرضت لهجوم إلكتروني أدى إلى تعطل خدماتها لعدة ساعات في عدد من المدن."_s,
    u"وقال المتحدث باسم الشركة إن فرق الأمن السيبراني تمكنت من احتواء الهجوم، مؤكدا أن بيانات المشتركين لم تتعرض للتسريب."_s,
    u"وبحسب تقرير نشره موقع متخصص، فإن المهاجمين تمكنوا من الوصول إلى بيانات نحو 1.2 مليون مشترك، بينها أرقام هواتف وعناوين بريد إلكتروني."_s,
    u"وطالب القراصنة بفدية قدرها 5 ملايين دولار تدفع بعملة البيتكوين خلال 72 ساعة، وهددوا بنشر الملفات المسروقة على منتدى إجرامي."_s,
    u"وكانت هيئة تنظيم الاتصالات قد حذرت في مارس 2023 من تزايد الهجمات التي تستهدف البنية التحتية الحيوية في المنطقة."_s,
    u"السبت - 14 أكتوبر 2023"_s,
    u"وأكدت وزارة الداخلية في بيان صدر أمس أن التحقيقات جارية لتحديد هوية المسؤولين عن الاختراق، دون أن تكشف عن تفاصيل إضافية."_s,
    u"ويذكر أن أكثر من 300 ألف حساب مصرفي تأثرت بحادثة مماثلة وقعت في عام 2021، كلفت البنوك ما يزيد على 40 مليون يورو."_s,
    u"ويرى خبراء أن ضعف الاستثمار في الحماية الرقمية يجعل المؤسسات العمومية هدفا سهلا لمجموعات القرصنة المنظمة."_s,
    u"وفي الأسبوع الماضي، نشرت مجموعة تطلق على نفسها اسم «الظل الرقمي» عينات من وثائق داخلية قالت إنها حصلت عليها من خوادم الوزارة."_s,
    u"وأوضح مسؤول في المركز الوطني للأمن السيبراني أن الهجوم استغل ثغرة معروفة في برنامج لإدارة الرسائل لم يجر تحديثه منذ سنوات."_s,
    u"ووفقا للأرقام الرسمية، سجلت البلاد خلال النصف الأول من العام الجاري حوالي ثلاثة آلاف وخمسمائة بلاغ عن محاولات احتيال إلكتروني."_s,
    u"وأشار التقرير إلى أن قيمة الخسائر المباشرة بلغت 2.5 مليار درهم، في حين لم تتجاوز ميزانية الحماية عشرات الملايين."_s,
    u"وفي الثامن من يونيو الماضي، أعلنت الجامعة عن تسرب بيانات 45 ألف طالب وموظف بسبب خطأ في إعدادات قاعدة البيانات."_s,
    u"ولم تعلق الشركة على هذه المعلومات حتى الآن، واكتفت بالقول إنها تتعاون مع السلطات المختصة وتعمل على تعزيز أنظمتها."_s,
    u"ودعا نواب في البرلمان إلى عقد جلسة طارئة لمساءلة الحكومة حول الإجراءات المتخذة لحماية المعطيات الشخصية للمواطنين."_s,
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qsizetype targetBytes = 4 * 1024 * 1024;
    QString text;
    qsizetype bytes = 0;
    for (int k = 0; bytes < targetBytes; ++k) {
        const QString &s = kSentences.at(k % kSentences.size());
        text += s;
        text += (k % 4 == 3) ? u"\n\n"_s : u" "_s;
        bytes += s.toUtf8().size() + 1;
    }
    bytes = text.toUtf8().size();
    const Rasid::FoldedText folded = Rasid::foldWithMap(text);

    // Warm up the load-once tables, then take the best of a few runs.
    Rasid::findQuantities(folded, text);
    Rasid::findDates(folded, text);
    double best = 1e9;
    qsizetype quantities = 0, dates = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        quantities = Rasid::findQuantities(folded, text).size();
        dates = Rasid::findDates(folded, text).size();
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    const double mb = double(bytes) / (1024.0 * 1024.0);
    std::printf("{\"bench\":\"grammars\",\"mb_per_s\":%.1f,\"mb\":%.2f,\"seconds\":%.4f,"
                "\"quantities\":%lld,\"dates\":%lld}\n",
                mb / best, mb, best, static_cast<long long>(quantities), static_cast<long long>(dates));
    return 0;
}
