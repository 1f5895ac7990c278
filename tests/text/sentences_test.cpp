#include "text/sentences.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

QStringList texts(const QString &text, const QVector<Sentence> &sentences)
{
    QStringList out;
    for (const Sentence &s : sentences) {
        out.append(text.mid(s.start, s.length()));
    }
    return out;
}

} // namespace

class SentencesTest : public QObject
{
    Q_OBJECT
private slots:
    void splitsSentences_data();
    void splitsSentences();
    void marksHeadingsAndParagraphs();
    void offsetsPointIntoTheText();
    void splitsClauses_data();
    void splitsClauses();
    void findsSentenceByOffset();
    void cutsTextWithoutStops_data();
    void cutsTextWithoutStops();
};

void SentencesTest::splitsSentences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("full stops") << u"تعرض الموقع لهجوم. وأكدت الوزارة ذلك."_s
                                << QStringList{u"تعرض الموقع لهجوم."_s, u"وأكدت الوزارة ذلك."_s};
    QTest::newRow("arabic question and exclamation marks")
        << u"هل تم الاختراق؟ نعم! انتهى"_s << QStringList{u"هل تم الاختراق؟"_s, u"نعم!"_s, u"انتهى"_s};
    QTest::newRow("line breaks end sentences")
        << u"العنوان بلا نقطة\nالفقرة الأولى.\n\nالفقرة الثانية"_s
        << QStringList{u"العنوان بلا نقطة"_s, u"الفقرة الأولى."_s, u"الفقرة الثانية"_s};
    QTest::newRow("decimal number") << u"سرقة بيانات 1.9 مليون موظف. ثم"_s
                                    << QStringList{u"سرقة بيانات 1.9 مليون موظف."_s, u"ثم"_s};
    QTest::newRow("arabic-indic decimal") << u"بيانات ١.٥ مليون مواطن. انتهى"_s
                                          << QStringList{u"بيانات ١.٥ مليون مواطن."_s, u"انتهى"_s};
    QTest::newRow("dotted date") << u"المنامة، 2024.04.16 أعلن المستشفى."_s
                                 << QStringList{u"المنامة، 2024.04.16 أعلن المستشفى."_s};
    QTest::newRow("web address") << u"زيارة https://www.example.com/france/. ثم"_s
                                 << QStringList{u"زيارة https://www.example.com/france/."_s, u"ثم"_s};
    QTest::newRow("one-letter arabic abbreviation") << u"قال د. أحمد إن الهجوم خطير. انتهى"_s
                                                    << QStringList{u"قال د. أحمد إن الهجوم خطير."_s, u"انتهى"_s};
    QTest::newRow("latin initials") << u"وكالة U.S. Cyber Command أكدت. ثم"_s
                                    << QStringList{u"وكالة U.S. Cyber Command أكدت."_s, u"ثم"_s};
    QTest::newRow("latin abbreviation") << u"شركة Acme Inc. أعلنت الهجوم."_s
                                        << QStringList{u"شركة Acme Inc. أعلنت الهجوم."_s};
    QTest::newRow("closing quote stays") << u"وقال إن «الهجوم انتهى.» ثم أضاف"_s
                                         << QStringList{u"وقال إن «الهجوم انتهى.»"_s, u"ثم أضاف"_s};
    QTest::newRow("ellipsis run") << u"توقف خدمات البريد.. ارتباك واسع"_s
                                  << QStringList{u"توقف خدمات البريد.."_s, u"ارتباك واسع"_s};
    QTest::newRow("ellipsis character") << u"أعلنت المديرية… التفاصيل"_s
                                        << QStringList{u"أعلنت المديرية…"_s, u"التفاصيل"_s};
    QTest::newRow("glued arabic after stop") << u"تعرضت البلاد لهجوم.ويرى الخبير"_s
                                             << QStringList{u"تعرضت البلاد لهجوم."_s, u"ويرى الخبير"_s};
    QTest::newRow("ascii commas do not split") << u"قبل ساعات, تعهد الرئيس, أمس, بالرد."_s
                                               << QStringList{u"قبل ساعات, تعهد الرئيس, أمس, بالرد."_s};
    QTest::newRow("crlf") << u"سطر أول.\r\nسطر ثان."_s << QStringList{u"سطر أول."_s, u"سطر ثان."_s};
    QTest::newRow("blank lines only") << u"\n\n  \n"_s << QStringList{};
    QTest::newRow("empty") << QString() << QStringList{};
}

void SentencesTest::splitsSentences()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(texts(text, splitSentences(text)), expected);
}

void SentencesTest::marksHeadingsAndParagraphs()
{
    const QString text = u"عنوان الخبر\n\nأعلنت الشركة الهجوم. وأكدت ذلك\nفقرة ثانية."_s;
    const QVector<Sentence> s = splitSentences(text);
    QCOMPARE(s.size(), 4);
    QVERIFY(s[0].heading);
    QCOMPARE(s[0].paragraph, 0);
    QVERIFY(!s[1].heading);
    QCOMPARE(s[1].paragraph, 1);
    QVERIFY2(!s[2].heading, "the unpunctuated tail of a paragraph is not a heading");
    QCOMPARE(s[2].paragraph, 1);
    QCOMPARE(s[3].paragraph, 2);

    // A cross-head whose parts are joined by ".." is a heading as a whole.
    const QString crossHead = u"اختراقات سابقة.. سجل مقلق\nوكان الوزير قد أعلن الهجوم."_s;
    const QVector<Sentence> c = splitSentences(crossHead);
    QCOMPARE(c.size(), 3);
    QVERIFY(c[0].heading);
    QVERIFY(c[1].heading);
    QVERIFY(!c[2].heading);
}

void SentencesTest::offsetsPointIntoTheText()
{
    const QString text = u"  أولاً: تعرض مصرف لهجوم.   ثانياً: تسريب بيانات 7.5 مليون مستخدم!  "_s;
    const QVector<Sentence> s = splitSentences(text);
    QCOMPARE(s.size(), 2);
    for (const Sentence &sentence : s) {
        QVERIFY(sentence.start >= 0 && sentence.end <= text.size() && sentence.start < sentence.end);
        QVERIFY(!text.at(sentence.start).isSpace());
        QVERIFY(!text.at(sentence.end - 1).isSpace());
    }
    QCOMPARE(text.mid(s[1].start, s[1].length()), u"ثانياً: تسريب بيانات 7.5 مليون مستخدم!"_s);
}

void SentencesTest::splitsClauses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QList<bool>>("conjoined");

    QTest::newRow("arabic comma and conjunction")
        << u"تعرض المصرف لهجوم، وأكد أن البيانات سليمة"_s
        << QStringList{u"تعرض المصرف لهجوم"_s, u"وأكد أن البيانات سليمة"_s} << QList<bool>{false, true};
    QTest::newRow("waw of a word is not a conjunction")
        << u"قال المصدر، وزارة الداخلية تحقق"_s << QStringList{u"قال المصدر"_s, u"وزارة الداخلية تحقق"_s}
        << QList<bool>{false, false};
    QTest::newRow("semicolon") << u"لم تتأثر الأنظمة؛ بل تم اختراق الموقع"_s
                               << QStringList{u"لم تتأثر الأنظمة"_s, u"بل تم اختراق الموقع"_s}
                               << QList<bool>{false, false};
    QTest::newRow("thousands separator kept") << u"بيانات 2,000,000 مسافر, والأرقام"_s
                                              << QStringList{u"بيانات 2,000,000 مسافر"_s, u"والأرقام"_s}
                                              << QList<bool>{false, true};
    QTest::newRow("no separator") << u"هجوم إلكتروني"_s << QStringList{u"هجوم إلكتروني"_s} << QList<bool>{false};
}

void SentencesTest::splitsClauses()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(QList<bool>, conjoined);
    const QVector<Clause> clauses = splitClauses(text, 0, int(text.size()));
    QStringList got;
    QList<bool> gotConjoined;
    for (const Clause &c : clauses) {
        got.append(text.mid(c.start, c.end - c.start));
        gotConjoined.append(c.conjoined);
    }
    QCOMPARE(got, expected);
    QCOMPARE(gotConjoined, conjoined);
}

void SentencesTest::findsSentenceByOffset()
{
    const QString text = u"جملة أولى. جملة ثانية."_s;
    const QVector<Sentence> s = splitSentences(text);
    QCOMPARE(sentenceAt(s, 0), 0);
    QCOMPARE(sentenceAt(s, s[1].start + 2), 1);
    QCOMPARE(sentenceAt(s, s[0].end), -1); // the space between them
    QCOMPARE(sentenceAt(s, int(text.size()) + 5), -1);
}

QTEST_GUILESS_MAIN(SentencesTest)
void SentencesTest::cutsTextWithoutStops_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("one line of words") << u"هجوم إلكتروني على الوزارة و"_s.repeated(4000);
    QTest::newRow("no blanks at all") << u"هجوم"_s.repeated(5000);
    QTest::newRow("emoji without blanks") << u"😀"_s.repeated(3001);
}

// A page scraped as one line without stops becomes sentences of bounded length
// that cover it, cut at blanks where there are some.
void SentencesTest::cutsTextWithoutStops()
{
    QFETCH(QString, text);
    const QVector<Sentence> sentences = splitSentences(text);
    QVERIFY(sentences.size() > 1);
    int covered = 0;
    int previousEnd = 0;
    for (const Sentence &s : sentences) {
        QVERIFY(s.start >= previousEnd && s.end > s.start);
        QVERIFY(s.end - s.start <= 2000);
        QVERIFY(!text.at(s.start).isLowSurrogate());
        QVERIFY(!text.at(s.end - 1).isHighSurrogate());
        covered += s.end - s.start;
        previousEnd = s.end;
    }
    QVERIFY(covered >= text.size() - int(sentences.size())); // only the blanks at the cuts are left out
}

#include "sentences_test.moc"
