// Writes a deterministic synthetic corpus of Arabic news articles for the
// benchmarks: `gencorpus <folder> <count> [--seed N]`. Articles are 2-20 KB (mean ~4 KB),
// made from our own sentence templates with varied countries, organisations,
// numbers in digits and words, and dates in every month convention; about 3% are
// windows-1256, 2% UTF-16, 3% HTML, every 50th file is a JSON-lines feed of 3
// articles, and a few files are bad (empty, binary, broken JSON).

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <unicode/ucnv.h>

#include <cstdio>
#include <random>

using namespace Qt::StringLiterals;

namespace {

const QStringList kCountries = {u"فرنسا"_s, u"المغرب"_s, u"الجزائر"_s, u"مصر"_s, u"السعودية"_s, u"الإمارات"_s,
                                u"الأردن"_s, u"لبنان"_s, u"تونس"_s, u"العراق"_s, u"قطر"_s, u"الكويت"_s,
                                u"ألمانيا"_s, u"بريطانيا"_s, u"سنغافورة"_s, u"الهند"_s, u"البرازيل"_s};
const QStringList kDemonyms = {u"الفرنسية"_s, u"المغربية"_s, u"الجزائرية"_s, u"المصرية"_s, u"السعودية"_s,
                               u"الإماراتية"_s, u"الأردنية"_s, u"اللبنانية"_s, u"التونسية"_s, u"العراقية"_s};
const QStringList kOrgHeads = {u"وزارة الصحة"_s, u"هيئة البريد الوطنية"_s, u"الصندوق الوطني للتقاعد"_s,
                               u"بنك الاستثمار العربي"_s, u"مستشفى الجامعة"_s, u"شركة الاتصالات المتحدة"_s,
                               u"وكالة الأنباء الرسمية"_s, u"جامعة العلوم التطبيقية"_s, u"مصرف الادخار الشعبي"_s,
                               u"الهيئة العامة للطيران المدني"_s, u"شركة الكهرباء الوطنية"_s, u"بلدية العاصمة"_s};
const QStringList kAttacks = {u"هجوم إلكتروني"_s, u"هجمات الحرمان من الخدمة"_s, u"تسريب بيانات"_s,
                              u"برنامج الفدية"_s, u"تشويه الموقع الرسمي"_s, u"حملة تصيد احتيالي"_s,
                              u"اختراق حساب تويتر الرسمي"_s, u"برمجية خبيثة"_s, u"عملية تجسس"_s};
const QStringList kCounts = {u"نحو 2 مليون"_s, u"أكثر من 500 ألف"_s, u"نصف مليون"_s, u"حوالي ٣٠٠ ألف"_s,
                             u"1.9 مليون"_s, u"مليوني"_s, u"عشرات الآلاف من"_s, u"ما يصل إلى 120 ألف"_s,
                             u"2,000,000"_s, u"ثلاثة آلاف"_s};
const QStringList kNouns = {u"مريض"_s, u"مواطن"_s, u"مستخدم"_s, u"حساب"_s, u"منخرط"_s, u"عميل"_s, u"موظف"_s};
const QStringList kDates = {u"5 يناير 2024"_s, u"12 شباط 2023"_s, u"الأحد - 20 أبريل 2024"_s, u"3 جانفي 2022"_s,
                            u"14 غشت 2021"_s, u"أيار (مايو) 2020"_s, u"عام 2019"_s, u"20/04/2024"_s,
                            u"الثامن من يونيو"_s, u"أواخر تشرين الأول ٢٠٢٣"_s};
const QStringList kActors = {u"مجموعة تطلق على نفسها اسم “Dark Storm”"_s, u"قراصنة روس"_s,
                             u"مجموعة من القراصنة الإيرانيين"_s, u"جهة مجهولة"_s, u"مجموعة Lazarus"_s};
const QStringList kFiller = {
    u"وقال مسؤول في القطاع إن التحقيقات لا تزال جارية لتحديد حجم الأضرار ومصدر الهجوم."_s,
    u"ودعا خبراء الأمن السيبراني المؤسسات إلى تحديث أنظمتها وتدريب موظفيها على رصد الرسائل المشبوهة."_s,
    u"وتأتي هذه الحادثة في سياق تصاعد الهجمات التي تستهدف البنية التحتية الرقمية في المنطقة."_s,
    u"وأشار التقرير إلى أن الخسائر قد تبلغ 2.5 مليون دولار بحسب تقديرات أولية."_s,
    u"ولم تصدر الجهات الرسمية أي تعليق على الأنباء المتداولة حتى الآن."_s,
    u"وأوضحت مصادر مطلعة أن الفريق التقني تمكن من استعادة معظم الخدمات خلال ساعات."_s,
};

template<typename Rng>
const QString &pick(const QStringList &list, Rng &rng)
{
    return list.at(int(rng() % list.size()));
}

template<typename Rng>
QString makeArticle(int n, Rng &rng)
{
    const QString org = pick(kOrgHeads, rng);
    const QString country = pick(kCountries, rng);
    QString text = u"%1 في %2 يتعرض لـ%3\n\n"_s.arg(org, country, pick(kAttacks, rng));
    text += u"%1\n\n"_s.arg(pick(kDates, rng));
    // Sizes skew small like real news (mean about 4 KB) with a tail up to 20 KB.
    const double r = double(rng() % 10000) / 10000.0;
    const int targetBytes = 2000 + int(18000 * r * r * r * r * r * r * r * r);
    int paragraph = 0;
    while (text.toUtf8().size() < targetBytes) {
        switch (paragraph++ % 4) {
        case 0:
            text += u"أعلنت %1 %2 في %3 أنها تعرضت لـ%4 أدى إلى تسريب بيانات %5 %6، وذلك بعد أن تبنت %7 "
                    "الهجوم في بيان نشرته على الإنترنت. "_s.arg(org, pick(kDemonyms, rng), pick(kDates, rng),
                                                            pick(kAttacks, rng), pick(kCounts, rng),
                                                            pick(kNouns, rng), pick(kActors, rng));
            break;
        case 1:
            text += pick(kFiller, rng) + u' ' + pick(kFiller, rng) + u' ';
            break;
        case 2:
            text += u"وفي عام %1، تعرضت %2 في %3 لهجوم مماثل طال بيانات %4 %5. "_s.arg(
                QString::number(2010 + int(rng() % 14)), pick(kOrgHeads, rng), pick(kCountries, rng),
                pick(kCounts, rng), pick(kNouns, rng));
            break;
        default:
            text += pick(kFiller, rng) + u" (رقم المرجع %1)"_s.arg(n);
            break;
        }
        if (paragraph % 2 == 0) {
            text += u"\n\n"_s;
        }
    }
    return text;
}

QByteArray toCp1256(const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open("windows-1256", &status);
    QByteArray out(text.size() * 2 + 16, Qt::Uninitialized);
    const int32_t length = ucnv_fromUChars(converter, out.data(), int32_t(out.size()),
                                           reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()), &status);
    ucnv_close(converter);
    out.resize(U_SUCCESS(status) ? length : 0);
    return out;
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: gencorpus <folder> <count> [--seed N]\n");
        return 2;
    }
    const QString folder = args.at(1);
    const int count = args.at(2).toInt();
    const int seedAt = int(args.indexOf(u"--seed"_s));
    std::mt19937 rng(seedAt > 0 ? args.value(seedAt + 1).toUInt() : 20241124u);
    qint64 bytes = 0;
    int files = 0;
    for (int n = 0; n < count; ++n) {
        const QString dir = folder + u"/batch%1"_s.arg(n / 1000, 3, 10, QChar(u'0'));
        QDir().mkpath(dir);
        const QString base = dir + u"/article%1"_s.arg(n, 6, 10, QChar(u'0'));
        const QString text = makeArticle(n, rng);
        QByteArray out;
        QString path = base + u".txt"_s;
        const int kind = int(rng() % 100);
        if (n % 997 == 13) {
            out = QByteArray(); // empty
        } else if (n % 991 == 17) {
            out = QByteArray(4096, '\0');
            out[0] = '\x7f';
        } else if (n % 50 == 7) {
            path = base + u".jsonl"_s;
            for (int k = 0; k < 3; ++k) {
                const QJsonObject line{{u"title"_s, u"خبر %1-%2"_s.arg(n).arg(k)},
                                       {u"url"_s, u"https://news.example/%1/%2"_s.arg(n).arg(k)},
                                       {u"date"_s, u"2024-0%1-1%2"_s.arg(1 + k).arg(k)},
                                       {u"text"_s, k == 0 ? text : makeArticle(n * 10 + k, rng)}};
                out += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
            }
            if (n % 500 == 7) {
                out += "{\"title\": broken line\n";
            }
        } else if (kind < 3) {
            out = toCp1256(text);
        } else if (kind < 5) {
            out = QByteArray("\xFF\xFE") + QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        } else if (kind < 8) {
            path = base + u".html"_s;
            QString html = u"<!doctype html><html><head><meta charset=\"utf-8\"><title>خبر %1</title>"
                           "<script>var tracker = 1;</script><style>p{color:red}</style></head><body><nav>الرئيسية | "
                           "أخبار</nav><article>"_s.arg(n);
            for (const QString &para : text.split(u"\n\n"_s)) {
                html += u"<p>"_s + para.toHtmlEscaped() + u"</p>"_s;
            }
            html += u"</article><footer>جميع الحقوق محفوظة</footer></body></html>"_s;
            out = html.toUtf8();
        } else {
            out = text.toUtf8();
        }
        if (!write(path, out)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        bytes += out.size();
        ++files;
    }
    std::fprintf(stdout, "{\"files\":%d,\"bytes\":%lld}\n", files, static_cast<long long>(bytes));
    return 0;
}
