// The Arabic interface: the translation is complete and compiled in, and the
// interface mirrors under it.

#include "actionregistry.h"
#include "mainwindow.h"
#include "menustyle.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTextLayout>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

class TranslationTest : public QObject
{
    Q_OBJECT
private slots:
    void arabicTranslationIsComplete();
    void arabicTranslationIsCompiledIn_data();
    void arabicTranslationIsCompiledIn();
    void arabicMenusHaveNoMnemonicInsideWords();
    void dialogButtonsAndShortcutsReadInArabic();
};

void TranslationTest::arabicTranslationIsComplete()
{
    QFile file(QStringLiteral(RASID_RESOURCE_DIR "/translations/rasid_ar.ts"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QXmlStreamReader xml(&file);
    int messages = 0;
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"source") {
            source = xml.readElementText();
            ++messages;
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value(u"type"_s).toString();
            QVERIFY2(type.isEmpty() || type == u"finished", qPrintable(context + u": "_s + source));
            // A numerus translation holds its forms in children; others hold text.
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            QVERIFY2(!text.trimmed().isEmpty() || source.trimmed().isEmpty(), qPrintable(context + u": "_s + source));
            // Every placeholder of the source survives.
            for (int n = 1; n <= 4; ++n) {
                for (const QString &mark : {u"%%1"_s.arg(n), u"%L%1"_s.arg(n)}) {
                    if (source.contains(mark) && !text.contains(mark)) {
                        QFAIL(qPrintable(u"%1 lost in %2: %3"_s.arg(mark, context, source)));
                    }
                }
            }
        }
    }
    QVERIFY(!xml.hasError());
    QVERIFY(messages > 100);
}

void TranslationTest::arabicTranslationIsCompiledIn_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("arabic");
    QTest::newRow("menu") << u"Rasid::MainWindow"_s << u"&File"_s << u"ملف"_s;
    QTest::newRow("reviewed count") << u"Rasid::ArticleListPanel"_s << u"%1 / %2 reviewed"_s << u"روجع %1 من %2"_s;
    QTest::newRow("field label") << u"Rasid::Vocabulary"_s << u"Victim"_s << u"الضحية"_s;
}

void TranslationTest::arabicTranslationIsCompiledIn()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, arabic);
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::Arabic), u"rasid"_s, u"_"_s, u":/i18n"_s));
    QCOMPARE(translator.translate(context.toUtf8().constData(), source.toUtf8().constData()), arabic);
}

void TranslationTest::arabicMenusHaveNoMnemonicInsideWords()
{
    // A mnemonic underline is a format range: it would break the joining of the word.
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::Arabic), u"rasid"_s, u"_"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&translator);
    QGuiApplication::setLayoutDirection(Qt::RightToLeft);
    {
        Rasid::MainWindow window;
        for (QAction *menu : window.menuBar()->actions()) {
            QVERIFY2(!menu->text().contains(u'&'), qPrintable(menu->text()));
            QVERIFY(menu->text().isRightToLeft());
            for (QAction *action : menu->menu()->actions()) {
                QVERIFY2(!action->text().contains(u'&'), qPrintable(action->text()));
            }
        }
    }
    QCoreApplication::removeTranslator(&translator);
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
}

void TranslationTest::dialogButtonsAndShortcutsReadInArabic()
{
    // OK and Cancel come from Qt; Rasid's own translation carries them, so the
    // Arabic interface does not depend on Qt's translation package.
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::Arabic), u"rasid"_s, u"_"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&translator);
    {
        QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        QCOMPARE(box.button(QDialogButtonBox::Ok)->text(), u"موافق"_s);
        QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), u"إلغاء"_s);
        Rasid::MainWindow window;
        for (QAction *menu : window.menuBar()->actions()) {
            QVERIFY(qobject_cast<Rasid::MenuStyle *>(menu->menu()->style()));
        }
    }
    QCoreApplication::removeTranslator(&translator);

    // Keys stay left to right inside right-to-left text: Ctrl+, and not ,+Ctrl.
    const QString keys = Rasid::ActionRegistry::keysText(QKeySequence(u"Ctrl+,"_s));
    QCOMPARE(Rasid::MenuStyle::isolateShortcut(u"الإعدادات\tCtrl+,"_s), u"الإعدادات\t"_s + keys);
    QTextLayout layout(u"الإعدادات "_s + keys);
    QTextOption option;
    option.setTextDirection(Qt::RightToLeft);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    layout.endLayout();
    // Inside the keys (not at the edge of their run, where a cursor sits on
    // either side), the comma must come right of the "t" of Ctrl.
    const int t = int(layout.text().indexOf(u"Ctrl"_s)) + 1;
    const int comma = int(layout.text().lastIndexOf(u','));
    QVERIFY2(line.cursorToX(comma) > line.cursorToX(t),
             qPrintable(u"comma at %1, t at %2"_s.arg(line.cursorToX(comma)).arg(line.cursorToX(t))));
}

QTEST_MAIN(TranslationTest)
#include "translation_test.moc"
