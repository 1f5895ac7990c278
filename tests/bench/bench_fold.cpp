// Folding benchmark: MB/s of Rasid::fold and Rasid::foldWithMap on one core over
// ~8 MB of Arabic news text with harakat, tatweel, digits and Latin words.
// Prints one JSON line per function.

#include "text/textfold.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

template<typename Fn>
double megabytesPerSecond(const QString &text, Fn &&fn)
{
    const double megabytes = double(text.toUtf8().size()) / 1e6;
    double best = 0;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer clock;
        clock.start();
        const auto folded = fn(text);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (folded.size() == 0) {
            return 0;
        }
        best = std::max(best, megabytes / seconds);
    }
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString paragraph =
        u"أعلنت الهيئةُ الوطنيةُ للأمن السيبراني في المملكة أنّ هجومًا إلكترونيًّا استهدف شبكـــة المستشفيات "
        "يوم ٢٠ أبريل ٢٠٢٤، وأدى إلى تسريب بيانات نحو 1.9 مليون مريض، وفق ما نقلته وكالة «رويترز» عن "
        "مسؤولين في Microsoft وCNSS. وقال الخبير إنَّ الإختراق تمّ عبر ثغرة معروفة؛ فهل كانت الحماية كافية؟\n\n"_s;
    QString text;
    while (text.size() < 4'000'000) {
        text += paragraph;
    }
    const double plain = megabytesPerSecond(text, [](const QString &t) { return Rasid::fold(t); });
    const double mapped = megabytesPerSecond(text, [](const QString &t) { return Rasid::foldWithMap(t).text; });
    std::printf("{\"bench\":\"fold\",\"mb_per_s\":%.0f}\n", plain);
    std::printf("{\"bench\":\"fold_with_map\",\"mb_per_s\":%.0f}\n", mapped);
    return 0;
}
