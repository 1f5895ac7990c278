#include "text/utf8.h"

#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using namespace Rasid;

class Utf8Test : public QObject
{
    Q_OBJECT
private slots:
    void writesWhatQtWrites_data();
    void writesWhatQtWrites();
    void replacesUnpairedSurrogates_data();
    void replacesUnpairedSurrogates();
};

void Utf8Test::writesWhatQtWrites_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("ascii") << u"Kr4ken leaked 1,200 records"_s;
    QTest::newRow("arabic with spaces") << u"اخترقت مجموعة قراصنة خوادم وزارة الصحة"_s;
    QTest::newRow("harakat and tatweel") << u"وِزارَةُ الصّحـــة"_s;
    QTest::newRow("one space between letters") << u"ا ب ت ث ج ح خ"_s;
    QTest::newRow("latin word in arabic") << u"هجوم DDoS على البريد"_s;
    QTest::newRow("emoji: a surrogate pair") << u"تسريب 🔓 البيانات"_s;
    QTest::newRow("arabic-indic digits") << u"١٢٠٠ سجل"_s;
    QTest::newRow("last one-byte and first two-byte units") << (QString(QChar(0x7F)) + QChar(0x80));
    QTest::newRow("last two-byte and first three-byte units") << (QString(QChar(0x7FF)) + QChar(0x800));
    QTest::newRow("three-byte units") << u"ﻻ ﷲ 中文 \u200F\u202B"_s;
    QTest::newRow("a text ending in arabic") << u"abc س"_s;
    QTest::newRow("a text ending in ascii") << u"س abc"_s;
    QTest::newRow("a lone high surrogate") << (u"ا"_s + QChar(0xD83D) + u"ب"_s);
    QTest::newRow("a lone low surrogate at the end") << (u"ا"_s + QChar(0xDC00));
    QTest::newRow("reversed pair") << (QString(QChar(0xDE00)) + QChar(0xD83D));
}

// The bytes equal QString::toUtf8()'s once unpaired surrogates are U+FFFD (Qt
// 6.4 writes '?' for them), utf8Length() counts them, and nothing is written
// past the documented size of the buffer.
void Utf8Test::writesWhatQtWrites()
{
    QFETCH(QString, text);
    QString valid = text;
    replaceUnpairedSurrogates(valid);
    const QByteArray expected = valid.toUtf8();
    constexpr char kUntouched = char(0xEE);
    std::vector<char> buffer(size_t(3 * text.size()) + 8, kUntouched);
    const int bytes = writeUtf8(text, buffer.data());
    QCOMPARE(QByteArray(buffer.data(), bytes), expected);
    QCOMPARE(utf8Length(text), int(expected.size()));
    for (size_t i = size_t(3 * text.size()); i < buffer.size(); ++i) {
        QCOMPARE(buffer[i], kUntouched);
    }
}

void Utf8Test::replacesUnpairedSurrogates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("replaced");
    QTest::addColumn<bool>("changed");
    const QString replacement(QChar::ReplacementCharacter);
    QTest::newRow("none") << u"وزارة 🔓"_s << u"وزارة 🔓"_s << false;
    QTest::newRow("lone high") << (u"ا"_s + QChar(0xD83D)) << (u"ا"_s + replacement) << true;
    QTest::newRow("lone low") << (QString(QChar(0xDC00)) + u"ب"_s) << (replacement + u"ب"_s) << true;
    QTest::newRow("a pair kept, a lone one replaced")
        << (u"🔓"_s + QChar(0xD83D)) << (u"🔓"_s + replacement) << true;
}

void Utf8Test::replacesUnpairedSurrogates()
{
    QFETCH(QString, text);
    QFETCH(QString, replaced);
    QFETCH(bool, changed);
    QCOMPARE(replaceUnpairedSurrogates(text), changed);
    QCOMPARE(text, replaced);
}

QTEST_APPLESS_MAIN(Utf8Test)
#include "utf8_test.moc"
