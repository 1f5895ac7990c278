#include "text/decoder.h"

#include <QFile>
#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// The fixtures in tests/data/decoding are one text of ours saved in several
// encodings (arabic.*.txt, short.*.txt); the .utf8.txt file is the reference.
QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(RASID_TEST_DATA_DIR "/decoding/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return file.readAll();
}

QString reference(const QString &stem)
{
    return QString::fromUtf8(fixture(stem + u".utf8.txt"_s));
}

QByteArray encoded(const QString &text, QStringConverter::Encoding encoding, bool bom)
{
    QStringEncoder encoder(encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    return encoder.encode(text);
}

const QString kArabic = u"أعلنت الوزارة أن هجوما إلكترونيا عطل موقعها، وأن بيانات 2 مليون مواطن لم تتأثر.\n"
                        u"وقال المتحدث إن الفريق التقني يعمل على إعادة الخدمة."_s;

} // namespace

class DecoderTest : public QObject
{
    Q_OBJECT
private slots:
    void decodesEveryEncoding_data();
    void decodesEveryEncoding();
    void flagsBytesThatAreNotText_data();
    void flagsBytesThatAreNotText();
    void replacesBrokenUtf8AndSaysSo_data();
    void replacesBrokenUtf8AndSaysSo();
    void prefersUtf8WithAFewBrokenBytes_data();
    void prefersUtf8WithAFewBrokenBytes();
    void normalisesLineEndings_data();
    void normalisesLineEndings();
    void honoursDeclaredCharsetOnlyForNonUtf8();
    void decodesLargeInputInOnePass();
};

void DecoderTest::decodesEveryEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("text");

    QTest::newRow("UTF-8 without BOM") << kArabic.toUtf8() << u"UTF-8"_s << kArabic;
    QTest::newRow("UTF-8 with BOM") << encoded(kArabic, QStringConverter::Utf8, true) << u"UTF-8"_s << kArabic;
    QTest::newRow("ASCII is UTF-8") << QByteArray("plain ascii text") << u"UTF-8"_s << u"plain ascii text"_s;
    QTest::newRow("UTF-16LE with BOM") << encoded(kArabic, QStringConverter::Utf16LE, true) << u"UTF-16LE"_s << kArabic;
    QTest::newRow("UTF-16BE with BOM") << encoded(kArabic, QStringConverter::Utf16BE, true) << u"UTF-16BE"_s << kArabic;
    QTest::newRow("UTF-16LE without BOM") << encoded(kArabic, QStringConverter::Utf16LE, false) << u"UTF-16LE"_s << kArabic;
    QTest::newRow("UTF-16BE without BOM") << encoded(kArabic, QStringConverter::Utf16BE, false) << u"UTF-16BE"_s << kArabic;
    QTest::newRow("UTF-16LE without BOM, Latin text")
        << encoded(u"Ransomware hit the city hall."_s, QStringConverter::Utf16LE, false) << u"UTF-16LE"_s
        << u"Ransomware hit the city hall."_s;
    QTest::newRow("UTF-32LE with BOM") << encoded(kArabic, QStringConverter::Utf32LE, true) << u"UTF-32LE"_s << kArabic;
    QTest::newRow("windows-1256 paragraph") << fixture(u"arabic.windows-1256.txt"_s) << u"windows-1256"_s
                                            << reference(u"arabic"_s);
    QTest::newRow("ISO-8859-6 paragraph") << fixture(u"arabic.iso-8859-6.txt"_s) << u"ISO-8859-6"_s
                                          << reference(u"arabic"_s);
    QTest::newRow("windows-1256, three words") << fixture(u"short.windows-1256.txt"_s) << u"windows-1256"_s
                                               << reference(u"short"_s);
    QTest::newRow("ISO-8859-6, three words") << fixture(u"short.iso-8859-6.txt"_s) << u"ISO-8859-6"_s
                                             << reference(u"short"_s);
}

void DecoderTest::decodesEveryEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, text);

    const DecodedText decoded = decodeText(bytes);
    QVERIFY2(decoded.problem.isEmpty(), qPrintable(decoded.problem));
    QCOMPARE(decoded.encoding, encoding);
    QCOMPARE(decoded.text, text);
    QVERIFY(!decoded.lossy);
    QVERIFY(decoded.confidence > 0 && decoded.confidence <= 100);
}

void DecoderTest::flagsBytesThatAreNotText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("problem");

    QByteArray noise;
    for (int i = 0; i < 4096; ++i) {
        noise.append(char((i * 7919 + 13) % 256));
    }
    QTest::newRow("empty") << QByteArray() << u"empty file"_s;
    QTest::newRow("only whitespace") << QByteArray(" \n\t\r\n  ") << u"empty file (only whitespace)"_s;
    QTest::newRow("UTF-8 BOM and nothing") << QByteArray("\xEF\xBB\xBF") << u"empty file"_s;
    QTest::newRow("random bytes") << noise << u"binary file (not text)"_s;
    QTest::newRow("text with NUL bytes") << QByteArray("abc\0def\0\0ghi jkl", 16) << u"binary file (not text)"_s;
    QTest::newRow("control characters") << QByteArray("\x01\x02\x03\x04\x05\x07\x08 text \x0e\x0f\x10\x11")
                                        << u"binary file (not text)"_s;
    QTest::newRow("PNG image") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                               << u"binary file (not text): PNG image"_s;
    QTest::newRow("PDF document") << QByteArray("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj")
                                  << u"binary file (not text): PDF document"_s;
}

void DecoderTest::flagsBytesThatAreNotText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, problem);
    QCOMPARE(decodeText(bytes).problem, problem);
}

void DecoderTest::replacesBrokenUtf8AndSaysSo_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("kept");

    QByteArray broken = kArabic.toUtf8();
    broken.insert(20, '\xFF');
    QTest::newRow("one stray byte") << broken << u"وقال المتحدث إن الفريق التقني"_s;
    QByteArray truncated = kArabic.chopped(1).toUtf8(); // ends with the two bytes of ة
    truncated.chop(1);
    QTest::newRow("truncated last character") << truncated << u"أعلنت الوزارة"_s;
    QByteArray overlong = kArabic.toUtf8();
    overlong.append("\xC0\xAF", 2);
    QTest::newRow("overlong sequence") << overlong << u"بيانات 2 مليون"_s;
}

void DecoderTest::replacesBrokenUtf8AndSaysSo()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, kept);

    const DecodedText decoded = decodeText(bytes);
    QVERIFY(decoded.problem.isEmpty());
    QCOMPARE(decoded.encoding, u"UTF-8"_s);
    QVERIFY(decoded.lossy);
    QVERIFY(decoded.text.contains(QChar::ReplacementCharacter));
    QVERIFY(decoded.text.contains(kept));
    QVERIFY(decoded.confidence < 100);
}

// Puts `byte` in place of the byte at each offset (offsets into `utf8`).
QByteArray withBytes(QByteArray utf8, const QVector<qsizetype> &offsets, char byte)
{
    for (qsizetype at : offsets) {
        utf8[at] = byte;
    }
    return utf8;
}

void DecoderTest::prefersUtf8WithAFewBrokenBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<bool>("lossy");
    QTest::addColumn<QString>("kept");

    // 60 bytes of UTF-8 Arabic (the last letter cut in half); two of them
    // broken, as in a file damaged in a copy.
    const QByteArray shortUtf8 = u"تسريب بيانات وزارة الصحة عبر هجوم خطير"_s.toUtf8().left(60);
    QCOMPARE(shortUtf8.size(), 60);
    QTest::newRow("60 bytes, two broken") << withBytes(shortUtf8, {3, 30}, '\xFF') << u"UTF-8"_s << true
                                          << u"بيانات"_s;
    QTest::newRow("60 bytes, a lead byte without its second")
        << withBytes(shortUtf8, {13, 41}, 'x') << u"UTF-8"_s << true << u"وزارة"_s;
    QByteArray longUtf8 = (kArabic + u"\n"_s).repeated(40).toUtf8();
    const QByteArray longBroken = withBytes(longUtf8, {100, 2000, 5000, 7000, 9000}, '\xC0');
    QTest::newRow("a long file, five broken") << longBroken << u"UTF-8"_s << true << u"الفريق التقني"_s;
    QTest::newRow("UTF-16LE without BOM, Arabic") << encoded(kArabic, QStringConverter::Utf16LE, false)
                                                  << u"UTF-16LE"_s << false << kArabic;
    QTest::newRow("UTF-16BE without BOM, Arabic") << encoded(kArabic, QStringConverter::Utf16BE, false)
                                                  << u"UTF-16BE"_s << false << kArabic;
    // windows-1256 where letters before the Arabic comma and question mark
    // (0xA1, 0xBF) make valid UTF-8 pairs here and there.
    const QString commas = u"هل تعرضت الوزارة، والهيئة، والبنك، لهجوم؟ نعم، قالت المصادر، وأكدت الشركة؟"_s;
    QByteArray cp1256;
    {
        QStringEncoder encoder("windows-1256");
        if (!encoder.isValid()) {
            QSKIP("Qt without ICU's windows-1256 encoder");
        }
        cp1256 = encoder.encode(commas);
    }
    QTest::newRow("windows-1256 with valid UTF-8 pairs") << cp1256 << u"windows-1256"_s << false << commas;
    QTest::newRow("windows-1256 paragraph") << fixture(u"arabic.windows-1256.txt"_s) << u"windows-1256"_s << false
                                            << reference(u"arabic"_s).trimmed();
}

void DecoderTest::prefersUtf8WithAFewBrokenBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(bool, lossy);
    QFETCH(QString, kept);
    const DecodedText decoded = decodeText(bytes);
    QVERIFY2(decoded.problem.isEmpty(), qPrintable(decoded.problem));
    QCOMPARE(decoded.encoding, encoding);
    QCOMPARE(decoded.lossy, lossy);
    QVERIFY2(decoded.text.contains(kept), qPrintable(decoded.text));
    QCOMPARE(decoded.text.contains(QChar::ReplacementCharacter), lossy);
    // A declared charset does not override it either.
    if (encoding == u"UTF-8") {
        QCOMPARE(decodeText(bytes, "windows-1256").encoding, u"UTF-8"_s);
    }
}

void DecoderTest::normalisesLineEndings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("CRLF") << QByteArray("one\r\ntwo\r\n") << u"one\ntwo\n"_s;
    QTest::newRow("lone CR") << QByteArray("one\rtwo\r\rthree") << u"one\ntwo\n\nthree"_s;
    QTest::newRow("mixed") << QByteArray("a\r\n\rb\nc") << u"a\n\nb\nc"_s;
    QTest::newRow("UTF-16 CRLF") << encoded(u"سطر\r\nآخر"_s, QStringConverter::Utf16LE, true) << u"سطر\nآخر"_s;
}

void DecoderTest::normalisesLineEndings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QCOMPARE(decodeText(bytes).text, text);
}

void DecoderTest::honoursDeclaredCharsetOnlyForNonUtf8()
{
    // Valid UTF-8 wins over a wrong declaration ...
    const DecodedText utf8 = decodeText(kArabic.toUtf8(), "windows-1256");
    QCOMPARE(utf8.encoding, u"UTF-8"_s);
    QCOMPARE(utf8.text, kArabic);
    // ... and a declaration settles bytes that are not UTF-8.
    const DecodedText declared = decodeText(fixture(u"arabic.iso-8859-6.txt"_s), "iso-8859-6");
    QCOMPARE(declared.encoding, u"ISO-8859-6"_s);
    QCOMPARE(declared.text, reference(u"arabic"_s));
    // An unknown charset name falls back to detection.
    const DecodedText unknown = decodeText(fixture(u"arabic.windows-1256.txt"_s), "x-no-such-charset");
    QCOMPARE(unknown.encoding, u"windows-1256"_s);
    QCOMPARE(unknown.text, reference(u"arabic"_s));
}

void DecoderTest::decodesLargeInputInOnePass()
{
    // A 4 MB article must come back whole (the byte scan has an 8-byte fast path
    // whose tail handling this exercises at every alignment).
    QString big;
    for (int i = 0; i < 20000; ++i) {
        big += kArabic + u" abc def ghi\n"_s;
    }
    const QByteArray bytes = big.toUtf8();
    for (int cut = 0; cut < 9; ++cut) {
        const DecodedText decoded = decodeText(bytes.left(bytes.size() - cut * 1000));
        QCOMPARE(decoded.encoding, u"UTF-8"_s);
        QVERIFY(!decoded.lossy || cut > 0);
    }
    QCOMPARE(decodeText(bytes).text, big);
}

QTEST_GUILESS_MAIN(DecoderTest)
#include "decoder_test.moc"
