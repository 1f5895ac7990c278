#include "extract/gazetteer.h"
#include "text/textfold.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

LexiconEntry lexiconEntry(const QString &surface, const QString &value, const QString &attributes = {})
{
    return {surface, fold(surface), value, attributes};
}

// A small gazetteer of our own, so that the cases below do not move when the
// shipped lexicons grow.
Gazetteer testGazetteer()
{
    Gazetteer g;
    g.addEntries({lexiconEntry(u"فرنسا"_s, u"FR"_s), lexiconEntry(u"الجزائر"_s, u"DZ"_s),
                  lexiconEntry(u"المغرب"_s, u"MA"_s), lexiconEntry(u"الولايات المتحدة"_s, u"US"_s),
                  lexiconEntry(u"روسيا"_s, u"RU"_s), lexiconEntry(u"مالي"_s, u"ML"_s, u"ambiguous=1"_s)},
                 LexiconKind::Country);
    g.addEntries({lexiconEntry(u"فرنسي"_s, u"FR"_s), lexiconEntry(u"فرنسية"_s, u"FR"_s),
                  lexiconEntry(u"فرنسيين"_s, u"FR"_s), lexiconEntry(u"روس"_s, u"RU"_s),
                  lexiconEntry(u"جزائريين"_s, u"DZ"_s)},
                 LexiconKind::Demonym);
    g.addEntries({lexiconEntry(u"هجوم إلكتروني"_s, u"unknown"_s), lexiconEntry(u"حجب الخدمة"_s, u"ddos"_s),
                  lexiconEntry(u"فيروس"_s, u"malware"_s),
                  lexiconEntry(u"فيروس نقص المناعة"_s, u"malware"_s, u"block=1"_s), lexiconEntry(u"ddos"_s, u"ddos"_s)},
                 LexiconKind::Attack);
    g.addEntries({lexiconEntry(u"كلمات المرور"_s, u"credentials"_s)}, LexiconKind::Data);
    g.addEntries({lexiconEntry(u"من"_s, u"prep"_s, u"glue=1"_s), lexiconEntry(u"في"_s, u"prep"_s, u"glue=1"_s)},
                 LexiconKind::Stopword);
    return g;
}

// "value folded-text" for each match, in order.
QStringList describe(const Gazetteer &g, const QString &text)
{
    const QString folded = fold(text);
    QStringList out;
    for (const GazetteerMatch &m : g.findAll(folded)) {
        const GazetteerEntry &e = g.entry(m.entry);
        if (e.kind == LexiconKind::Stopword) {
            continue;
        }
        out << e.value + u' ' + folded.mid(m.start, m.end - m.start);
    }
    return out;
}

} // namespace

class GazetteerTest : public QObject
{
    Q_OBJECT
private slots:
    void matchesOnWordEdgesAfterClitics_data();
    void matchesOnWordEdgesAfterClitics();
    void reportsCliticsAndArticle();
    void prefersTheLongestEntryOfAKind();
    void takesEntriesAddedAtRuntime();
    void keepsSeveralKindsOnOneSpan();
    void sortsMatchesByStart();
};

void GazetteerTest::matchesOnWordEdgesAfterClitics_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("bare name") << u"زار فرنسا أمس"_s << QStringList{u"FR فرنسا"_s};
    QTest::newRow("conjunction waw") << u"بريطانيا وفرنسا"_s << QStringList{u"FR فرنسا"_s};
    QTest::newRow("preposition beh") << u"أقام بفرنسا"_s << QStringList{u"FR فرنسا"_s};
    QTest::newRow("preposition lam") << u"رسالة لفرنسا"_s << QStringList{u"FR فرنسا"_s};
    QTest::newRow("conjunction and preposition") << u"وبفرنسا"_s << QStringList{u"FR فرنسا"_s};
    QTest::newRow("waw before article") << u"تونس والجزائر"_s << QStringList{u"DZ الجزائر"_s};
    QTest::newRow("beh before article") << u"بالجزائر"_s << QStringList{u"DZ الجزائر"_s};
    QTest::newRow("lam-lam elides the alef") << u"زيارة للجزائر"_s << QStringList{u"DZ جزائر"_s};
    QTest::newRow("lam-lam before an indefinite entry") << u"رسالة للفرنسيين"_s << QStringList{u"FR فرنسيين"_s};
    QTest::newRow("article stripped from a demonym") << u"الشركة الفرنسية"_s << QStringList{u"FR الفرنسيه"_s};
    QTest::newRow("waw-article on a demonym") << u"والجزائريين"_s << QStringList{u"DZ الجزائريين"_s};
    QTest::newRow("article is not stripped from an entry that has it") << u"في المغرب"_s
                                                                         << QStringList{u"MA المغرب"_s};
    QTest::newRow("bare stem of an article entry is not a name") << u"صلاة مغرب"_s << QStringList{};
    QTest::newRow("no match inside a word") << u"دروس في التاريخ"_s << QStringList{};
    QTest::newRow("no match as a prefix") << u"روسيا"_s << QStringList{u"RU روسيا"_s};
    QTest::newRow("short demonym") << u"قراصنة روس"_s << QStringList{u"RU روس"_s};
    QTest::newRow("clitic stripping needs an entry") << u"بروسي"_s << QStringList{};
    QTest::newRow("glued names") << u"في الولاياتالمتحدةوفرنسا,"_s
                                 << QStringList{u"US الولاياتالمتحده"_s, u"FR فرنسا"_s};
    QTest::newRow("glued name then ordinary word is not split") << u"الولاياتالمتحدةكبيرة"_s << QStringList{};
    QTest::newRow("preposition glued to a name") << u"وصل فيفرنسا أمس"_s << QStringList{u"FR فرنسا"_s};
    QTest::newRow("preposition glued to a clitic and a name") << u"منوالجزائر"_s << QStringList{u"DZ الجزائر"_s};
    QTest::newRow("preposition-like start of an ordinary word") << u"فيروسات منصورة"_s << QStringList{};
    QTest::newRow("space inside an entry spans several blanks") << u"الولايات   المتحدة"_s
                                                                << QStringList{u"US الولايات   المتحده"_s};
    QTest::newRow("article on every word of a phrase") << u"الهجوم الإلكتروني"_s
                                                       << QStringList{u"unknown الهجوم الالكتروني"_s};
    QTest::newRow("accusative tanween") << u"هجومًا إلكترونيًا"_s << QStringList{u"unknown هجوم الكتروني"_s};
    QTest::newRow("accusative alef without tanween") << u"شن هجوما الكترونيا"_s
                                                     << QStringList{u"unknown هجوما الكترونيا"_s};
    QTest::newRow("harakat and tatweel") << u"فَرَنْسـا"_s << QStringList{u"FR فرنسا"_s};
    QTest::newRow("digits glued to a name") << u"فرنسا2024"_s << QStringList{u"FR فرنسا"_s};
    QTest::newRow("latin entry, case folded") << u"هجوم DDoS واسع"_s << QStringList{u"ddos ddos"_s};
    QTest::newRow("latin entry inside a latin word") << u"ddosx"_s << QStringList{};
    QTest::newRow("two-word phrase with definite second word") << u"حجب الخدمة"_s
                                                               << QStringList{u"ddos حجب الخدمه"_s};
    QTest::newRow("block entry silences the shorter one") << u"فيروس نقص المناعة"_s
                                                          << QStringList{u"malware فيروس نقص المناعه"_s};
    QTest::newRow("emoji next to a name") << u"🇫🇷فرنسا🔥"_s << QStringList{u"FR فرنسا"_s};
}

void GazetteerTest::matchesOnWordEdgesAfterClitics()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    static const Gazetteer g = testGazetteer();
    QCOMPARE(describe(g, text), expected);
}

void GazetteerTest::reportsCliticsAndArticle()
{
    const Gazetteer g = testGazetteer();
    const QString folded = fold(u"وبالجزائر"_s);
    const auto matches = g.findAll(folded);
    QCOMPARE(matches.size(), 1);
    const GazetteerMatch &m = matches.first();
    QCOMPARE(m.wordStart, 0);
    QCOMPARE(m.start, 2); // the article stays inside the span
    QVERIFY(m.has(GazetteerMatch::Conjunction));
    QVERIFY(m.has(GazetteerMatch::Preposition));
    QVERIFY(!m.has(GazetteerMatch::Article));

    const auto demonym = g.findAll(fold(u"الفرنسية"_s));
    QCOMPARE(demonym.size(), 1);
    QVERIFY(demonym.first().has(GazetteerMatch::Article));
    QCOMPARE(demonym.first().start, 0);
}

void GazetteerTest::prefersTheLongestEntryOfAKind()
{
    Gazetteer g;
    g.addEntries({lexiconEntry(u"اختراق"_s, u"unknown"_s), lexiconEntry(u"اختراق حساب"_s, u"account_takeover"_s)},
                 LexiconKind::Attack);
    const QString folded = fold(u"اختراق حساب الوزير"_s);
    const auto matches = g.findAll(folded);
    QCOMPARE(matches.size(), 1);
    QCOMPARE(g.entry(matches.first().entry).value, u"account_takeover"_s);
}

void GazetteerTest::takesEntriesAddedAtRuntime()
{
    Gazetteer g = testGazetteer();
    g.addEntries({lexiconEntry(u"ميغا باس"_s, u"ميغا باس"_s)}, LexiconKind::Organization);
    for (const QString &text : {u"برنامج ميغا باس"_s, u"وميغا باس"_s, u"بميغا باس"_s}) {
        const QStringList found = describe(g, text);
        QCOMPARE(found, QStringList{u"ميغا باس ميغا باس"_s});
    }
}

void GazetteerTest::keepsSeveralKindsOnOneSpan()
{
    Gazetteer g;
    g.addEntries({lexiconEntry(u"تشيلي"_s, u"CL"_s)}, LexiconKind::Country);
    g.addEntries({lexiconEntry(u"تشيلي"_s, u"CL"_s)}, LexiconKind::Demonym);
    const auto matches = g.findAll(fold(u"في تشيلي"_s));
    QCOMPARE(matches.size(), 2);
    QCOMPARE(g.entry(matches.at(0).entry).kind, LexiconKind::Country);
    QCOMPARE(g.entry(matches.at(1).entry).kind, LexiconKind::Demonym);
}

void GazetteerTest::sortsMatchesByStart()
{
    const Gazetteer g = testGazetteer();
    const QString folded = fold(u"روسيا وفرنسا والجزائر والمغرب"_s);
    const auto matches = g.findAll(folded);
    QCOMPARE(matches.size(), 4);
    for (int i = 1; i < matches.size(); ++i) {
        QVERIFY(matches.at(i - 1).start < matches.at(i).start);
    }
}

QTEST_GUILESS_MAIN(GazetteerTest)
#include "gazetteer_test.moc"
