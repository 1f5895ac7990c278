#include "export/csv.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class CsvTest : public QObject
{
    Q_OBJECT
private slots:
    void quotesFields_data();
    void quotesFields();
    void rowsEndWithCrLf();
};

void CsvTest::quotesFields_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain latin") << u"ddos"_s << u"ddos"_s;
    QTest::newRow("plain arabic") << u"الصندوق الوطني للضمان الاجتماعي"_s << u"الصندوق الوطني للضمان الاجتماعي"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << u"a,b"_s << u"\"a,b\""_s;
    QTest::newRow("arabic comma is not a separator") << u"فرنسا، المغرب"_s << u"فرنسا، المغرب"_s;
    QTest::newRow("quote") << u"he said \"no\""_s << u"\"he said \"\"no\"\"\""_s;
    QTest::newRow("newline") << u"سطر\nسطر"_s << u"\"سطر\nسطر\""_s;
    QTest::newRow("crlf inside") << u"a\r\nb"_s << u"\"a\r\nb\""_s;
    QTest::newRow("arabic with quotes and comma") << u"مجموعة \"جبروت\", الجزائر"_s
                                                  << u"\"مجموعة \"\"جبروت\"\", الجزائر\""_s;
    QTest::newRow("formula equals") << u"=HYPERLINK(\"x\")"_s << u"\"'=HYPERLINK(\"\"x\"\")\""_s;
    QTest::newRow("formula plus") << u"+1"_s << u"'+1"_s;
    QTest::newRow("formula minus") << u"-2+3"_s << u"'-2+3"_s;
    QTest::newRow("formula at") << u"@SUM(A1)"_s << u"'@SUM(A1)"_s;
    QTest::newRow("leading tab") << u"\tx"_s << u"'\tx"_s;
    QTest::newRow("leading carriage return") << u"\rx"_s << u"\"'\rx\""_s;
    QTest::newRow("equals inside is fine") << u"a=b"_s << u"a=b"_s;
    QTest::newRow("arabic title starting with minus") << u"-عنوان"_s << u"'-عنوان"_s;
}

void CsvTest::quotesFields()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    QCOMPARE(csvField(cell), written);
}

void CsvTest::rowsEndWithCrLf()
{
    QCOMPARE(csvRow({u"a"_s, u"ب,ت"_s, QString()}), u"a,\"ب,ت\",\r\n"_s);
}

QTEST_GUILESS_MAIN(CsvTest)
#include "csv_test.moc"
