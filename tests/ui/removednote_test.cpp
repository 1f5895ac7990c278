// What cleaning left out of an article, above it: the collapsible note of
// the article pane, and through the window on an imported article.

#include "articlepane.h"
#include "mainwindow.h"
#include "removednote.h"
#include "settingkeys.h"
#include "testfiles.h"
#include "testsettings.h"
#include "workspacesession.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>

using namespace Rasid;
using namespace Qt::StringLiterals;

using Removed = QVector<QPair<QString, QString>>;
Q_DECLARE_METATYPE(Removed)

class RemovedNoteTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void showsWhatWasLeftOut_data();
    void showsWhatWasLeftOut();
    void everyReasonHasWords();
    void opensAndClosesFromItsLine();
    void anotherArticleStartsClosed();
    void importedArticleShowsItsReadAlsoBlock();

private:
    QTemporaryDir m_settingsDir;
};

void RemovedNoteTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"removednote_test"_s, m_settingsDir.path());
    Settings::AnalystName.setValue(u"سارة"_s);
}

void RemovedNoteTest::showsWhatWasLeftOut_data()
{
    QTest::addColumn<Removed>("removed");
    QTest::newRow("nothing left out") << Removed();
    QTest::newRow("a masthead") << Removed{{u"masthead"_s, u"صحيفة الوطن - الصفحة الأولى"_s}};
    QTest::newRow("read also, repeat and marks")
        << Removed{{u"read-also"_s, u"اقرأ أيضا\nعنوان خبر آخر"_s},
                   {u"repeat"_s, u"أعلنت الشركة عن الاختراق."_s},
                   {u"marks"_s, u"< "_s}};
    QTest::newRow("Latin, diacritics, tatweel and emoji")
        << Removed{{u"chrome"_s, u"Share on Facebook 👍"_s}, {u"caption"_s, u"صُورَة الـــمقر"_s}};
}

void RemovedNoteTest::showsWhatWasLeftOut()
{
    QFETCH(Removed, removed);
    QWidget window;
    auto *note = new RemovedNote(&window);
    window.show();
    note->setRemoved(removed);
    QCOMPARE(note->isVisible(), !removed.isEmpty());
    QVERIFY(!note->isExpanded()); // closed until asked
    QVERIFY(!note->passages()->isVisible());
    if (removed.isEmpty()) {
        return;
    }
    QVERIFY(note->toggle()->text().contains(QString::number(removed.size())));
    // Each passage as the source has it, below the words for its reason.
    const QString shown = note->passages()->toPlainText();
    qsizetype at = 0;
    for (const auto &[reason, text] : removed) {
        const qsizetype reasonAt = shown.indexOf(RemovedNote::reasonText(reason), at);
        QVERIFY2(reasonAt >= 0, qPrintable(reason));
        const qsizetype textAt = shown.indexOf(text, reasonAt);
        QVERIFY2(textAt > reasonAt, qPrintable(text));
        at = textAt + text.size();
    }
    QVERIFY(note->passages()->isReadOnly());
}

void RemovedNoteTest::everyReasonHasWords()
{
    for (const QString &reason : {u"marks"_s, u"title"_s, u"outlet"_s, u"label"_s, u"masthead"_s, u"chrome"_s,
                                  u"date"_s, u"read-also"_s, u"caption"_s, u"advert"_s, u"credit"_s, u"link"_s,
                                  u"repeat"_s, u"punctuation"_s}) {
        const QString words = RemovedNote::reasonText(reason);
        QVERIFY2(!words.isEmpty() && words != reason, qPrintable(reason));
    }
    QCOMPARE(RemovedNote::reasonText(u"something-new"_s), u"something-new"_s);
}

void RemovedNoteTest::opensAndClosesFromItsLine()
{
    QWidget window;
    auto *note = new RemovedNote(&window);
    window.show();
    note->setRemoved({{u"advert"_s, u"إعلان"_s}});
    const QString closed = note->toggle()->text();
    QTest::mouseClick(note->toggle(), Qt::LeftButton);
    QVERIFY(note->isExpanded());
    QVERIFY(note->passages()->isVisible());
    QVERIFY(note->toggle()->text() != closed); // its arrow turned
    QTest::mouseClick(note->toggle(), Qt::LeftButton);
    QVERIFY(!note->isExpanded());
    QVERIFY(!note->passages()->isVisible());
}

void RemovedNoteTest::anotherArticleStartsClosed()
{
    ArticlePane pane;
    pane.show();
    ArticleHeaderInfo one;
    one.title = u"الأول"_s;
    one.path = u"/a/one.txt"_s;
    one.removed = {{u"masthead"_s, u"رأس الصفحة"_s}};
    pane.setHeader(one);
    QVERIFY(pane.removedNote()->isVisible());
    pane.removedNote()->setExpanded(true);
    pane.setPosition(1, 2); // the same article: stays open
    pane.setHeader(one);
    QVERIFY(pane.removedNote()->isExpanded());
    ArticleHeaderInfo two = one;
    two.path = u"/a/two.txt"_s;
    pane.setHeader(two);
    QVERIFY(!pane.removedNote()->isExpanded());
    ArticleHeaderInfo clean;
    clean.path = u"/a/three.txt"_s;
    pane.setHeader(clean);
    QVERIFY(!pane.removedNote()->isVisible());
    pane.setHeader(one);
    pane.clear();
    QVERIFY(!pane.removedNote()->isVisible());
}

void RemovedNoteTest::importedArticleShowsItsReadAlsoBlock()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"corpus"_s);
    const QByteArray article = "اختراق خوادم شركة النقل\n\n"
                               "أعلنت شركة النقل البحري أن قراصنة اخترقوا خوادمها وسرقوا بيانات العملاء.\n\n"
                               "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.\n\n"
                               "اقرأ أيضا\nخبر آخر عن الطقس\n";
    QVERIFY(TestFiles::writeFile(QDir(folder).filePath(u"transport.txt"_s), article));
    MainWindow window;
    window.show();
    QSignalSpy finished(&window, &MainWindow::importFinished);
    QVERIFY(window.openFolder(folder));
    QVERIFY(finished.wait(60000));
    const qint64 id = window.session()->articleIdForPath(u"transport.txt"_s);
    QVERIFY(id > 0);
    QVERIFY(window.showArticle(id));
    RemovedNote *note = window.articlePane()->removedNote();
    QVERIFY(note->isVisible());
    const QString shown = note->passages()->toPlainText();
    QVERIFY2(shown.contains(u"اقرأ أيضا"_s), qPrintable(shown));
    QVERIFY(shown.contains(RemovedNote::reasonText(u"read-also"_s)));
    // And what was left out is not in the article.
    QVERIFY(!window.session()->article(id).text.contains(u"اقرأ أيضا"_s));
}

QTEST_MAIN(RemovedNoteTest)
#include "removednote_test.moc"
