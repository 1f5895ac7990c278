#include "textfold.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class TextFoldTest : public QObject
{
    Q_OBJECT
private slots:
    void folds_data();
    void folds();
};

void TextFoldTest::folds_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("folded");
    QTest::newRow("alef forms") << u"أإآٱا"_s << u"ااااا"_s;
}

void TextFoldTest::folds()
{
    QFETCH(QString, source);
    QFETCH(QString, folded);
    QCOMPARE(fold(source), folded);
}

QTEST_GUILESS_MAIN(TextFoldTest)
#include "textfold_test.moc"
