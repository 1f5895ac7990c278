#include "text/textfold.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class TextFoldTest : public QObject
{
    Q_OBJECT
private slots:
    void folds_data();
    void folds();
    void mapsSpansBackToSource_data();
    void mapsSpansBackToSource();
    void mapIsMonotonicAndInRange_data();
    void mapIsMonotonicAndInRange();
    void foldWithoutMapAgrees();
};

void TextFoldTest::folds_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("folded");
    QTest::newRow("alef forms") << u"أإآٱا"_s << u"ااااا"_s;
    QTest::newRow("alef maqsura") << u"مستشفى"_s << u"مستشفي"_s;
    QTest::newRow("ta marbuta") << u"مؤسسة"_s << u"مؤسسه"_s;
    QTest::newRow("hamza on waw and ya kept") << u"مؤسسة رئيس"_s << u"مؤسسه رئيس"_s;
    QTest::newRow("harakat") << u"هُجُومٌ"_s << u"هجوم"_s;
    QTest::newRow("shadda and sukun") << u"تعطّل إلكْترونيّ"_s << u"تعطل الكتروني"_s;
    QTest::newRow("tanween alef after") << u"هجومًا إلكترونيًا"_s << u"هجوم الكتروني"_s;
    QTest::newRow("tanween alef before") << u"هجوماً"_s << u"هجوم"_s;
    QTest::newRow("superscript alef") << u"هٰذا"_s << u"هذا"_s;
    QTest::newRow("tatweel") << u"الهجـــوم"_s << u"الهجوم"_s;
    QTest::newRow("arabic-indic digits") << u"٢٠٢٤"_s << u"2024"_s;
    QTest::newRow("persian digits") << u"۱۲۳"_s << u"123"_s;
    QTest::newRow("arabic decimal separator") << u"١٫٤"_s << u"1.4"_s;
    QTest::newRow("arabic punctuation") << u"نعم، لا؛ ماذا؟"_s << u"نعم, لا; ماذا?"_s;
    QTest::newRow("guillemets and curly quotes") << u"«لوموند» “Jabaroot”"_s << u"\"لوموند\" \"jabaroot\""_s;
    QTest::newRow("latin case") << u"CNSS OFII GDPR"_s << u"cnss ofii gdpr"_s;
    QTest::newRow("latin accents case folded") << u"ÉCOLE"_s << u"école"_s;
    QTest::newRow("bidi controls removed") << u"a\u200Fb\u202Bc\u202Cd\u2067e\u2069"_s << u"abcde"_s;
    QTest::newRow("zero width and bom removed") << u"\uFEFFا\u200Bب\u200Cت"_s << u"ابت"_s;
    QTest::newRow("presentation forms") << u"\uFEF7\uFE8E"_s << u"لاا"_s;
    QTest::newRow("lam alef ligature") << u"\uFEFB"_s << u"لا"_s;
    QTest::newRow("nbsp becomes space") << u"a\u00A0b"_s << u"a b"_s;
    QTest::newRow("crlf becomes lf") << u"a\r\nb"_s << u"a\nb"_s;
    QTest::newRow("emoji kept") << u"هجوم 🔥"_s << u"هجوم 🔥"_s;
    QTest::newRow("persian ya and kaf") << u"ی ک"_s << u"ي ك"_s;
}

void TextFoldTest::folds()
{
    QFETCH(QString, source);
    QFETCH(QString, folded);
    QCOMPARE(fold(source), folded);
    QCOMPARE(foldWithMap(source).text, folded);
}

void TextFoldTest::mapsSpansBackToSource_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("foldedNeedle");
    QTest::addColumn<QString>("expectedSource");
    QTest::newRow("harakat inside and after") << u"تعرّضت الوِزارةُ لهجوم"_s << u"الوزاره"_s << u"الوِزارةُ"_s;
    QTest::newRow("tanween alef at end") << u"شنّ هجومًا إلكترونيًا أمس"_s << u"هجوم الكتروني"_s
                                         << u"هجومًا إلكترونيًا"_s;
    QTest::newRow("tatweel inside") << u"قال الخبيـــر إن"_s << u"الخبير"_s << u"الخبيـــر"_s;
    QTest::newRow("latin word") << u"أعلنت شركة Microsoft أن"_s << u"microsoft"_s << u"Microsoft"_s;
    QTest::newRow("after emoji") << u"🔥🔥 تسريب بيانات 🔥"_s << u"تسريب بيانات"_s << u"تسريب بيانات"_s;
    QTest::newRow("emoji itself") << u"خبر 😀 عاجل"_s << u"😀"_s << u"😀"_s;
    QTest::newRow("after crlf") << u"سطر أول\r\nتسريب بيانات\r\n"_s << u"تسريب"_s << u"تسريب"_s;
    QTest::newRow("digits") << u"في عام ٢٠١٥ تعرضت"_s << u"2015"_s << u"٢٠١٥"_s;
    QTest::newRow("bidi control before") << u"قال \u200Fماكرون"_s << u"ماكرون"_s << u"ماكرون"_s;
    QTest::newRow("presentation form") << u"خبر \uFEFBعب"_s << u"لا"_s << u"\uFEFB"_s;
}

void TextFoldTest::mapsSpansBackToSource()
{
    QFETCH(QString, source);
    QFETCH(QString, foldedNeedle);
    QFETCH(QString, expectedSource);
    const FoldedText folded = foldWithMap(source);
    const qsizetype at = folded.text.indexOf(foldedNeedle);
    QVERIFY2(at >= 0, qPrintable(folded.text));
    const int start = folded.sourceStart(int(at));
    const int end = folded.sourceEnd(int(at + foldedNeedle.size()));
    QCOMPARE(source.mid(start, end - start), expectedSource);
}

void TextFoldTest::mapIsMonotonicAndInRange_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("mixed") << u"«هُجُومٌ» على ٢٠٢٤ Microsoft\r\n🔥\u200Fـــ اً ًا\uFEFB"_s;
    QTest::newRow("only marks") << u"ًٌٍَُِّْ"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("lone surrogate") << QString(QChar(0xD83D)) + u"ا"_s;
    QTest::newRow("tanween at start") << u"ًا"_s;
}

void TextFoldTest::mapIsMonotonicAndInRange()
{
    QFETCH(QString, source);
    const FoldedText folded = foldWithMap(source);
    QCOMPARE(folded.from.size(), folded.text.size());
    QCOMPARE(folded.to.size(), folded.text.size());
    for (int i = 0; i < folded.text.size(); ++i) {
        QVERIFY(folded.from[i] >= 0 && folded.from[i] < source.size());
        QVERIFY(folded.to[i] > folded.from[i] && folded.to[i] <= source.size());
        if (i > 0) {
            QVERIFY(folded.from[i] >= folded.from[i - 1]);
            QVERIFY(folded.to[i] >= folded.to[i - 1]);
        }
    }
    QCOMPARE(folded.sourceEnd(int(folded.text.size())), folded.text.isEmpty() ? 0 : folded.to.last());
}

void TextFoldTest::foldWithoutMapAgrees()
{
    const QString text = u"شهدت فرنسا عطلًا تقنيًا واسع النطاق، في ٢٠٢٤ «CNSS»"_s;
    QCOMPARE(fold(text), foldWithMap(text).text);
}

QTEST_GUILESS_MAIN(TextFoldTest)
#include "textfold_test.moc"
