// Renders the main window on a sample article with its highlights, offscreen
// (pixel-identical to an Xvfb screenshot), and checks what the picture shows.
// With RASID_SCREENSHOT=<file.png> set it also saves the picture: that is how
// docs/screenshot-main.png is made.

#include "articlelistpanel.h"
#include "articlepane.h"
#include "articleview.h"
#include "fieldform.h"
#include "extract/recognizer.h"
#include "incidentpanel.h"
#include "itemmodels/entitymodel.h"
#include "mainwindow.h"
#include "noteedit.h"
#include "settingkeys.h"
#include "store/workspace.h"
#include "testsettings.h"
#include "workspacesession.h"

#include "testfiles.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QMenuBar>
#include <QTranslator>
#include <QLineEdit>
#include <QTableView>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Rasid;

class ScreenshotTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mainWindowShowsAnArticleWithHighlights_data();
    void mainWindowShowsAnArticleWithHighlights();
    void reviewStateIsOnScreen();

private:
    QTemporaryDir m_settingsDir;
};

void ScreenshotTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"screenshot_test"_s, m_settingsDir.path());
    QSettings settings;
    Settings::AnalystName.setValue(settings, u"analyst"_s);
}

void ScreenshotTest::mainWindowShowsAnArticleWithHighlights_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("outputVariable");
    QTest::newRow("English interface") << u"en"_s << u"RASID_SCREENSHOT"_s;
    QTest::newRow("Arabic interface, mirrored") << u"ar"_s << u"RASID_SCREENSHOT_AR"_s;
}

void ScreenshotTest::mainWindowShowsAnArticleWithHighlights()
{
    QFETCH(QString, language);
    QFETCH(QString, outputVariable);
    // What main() does for the chosen language.
    QTranslator translator;
    const QLocale locale(language);
    QLocale::setDefault(locale);
    if (language == u"ar") {
        QVERIFY(translator.load(locale, u"rasid"_s, u"_"_s, u":/i18n"_s));
        QCoreApplication::installTranslator(&translator);
    }
    QGuiApplication::setLayoutDirection(locale.textDirection());
    auto restore = qScopeGuard([&translator] {
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale(QLocale::English));
        QGuiApplication::setLayoutDirection(Qt::LeftToRight);
    });

    const QDir samples(QStringLiteral(RASID_SAMPLES_DIR));
    const QString article = u"leak_half_million.txt"_s;
    if (!samples.exists(article)) {
        QSKIP("The sample articles are not there");
    }
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"samples"_s);
    TestFiles::copyFiles(samples.path(), folder);

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &MainWindow::importFinished);
    QVERIFY(window.openFolder(folder));
    QVERIFY(finished.wait(120000));
    WorkspaceSession *session = window.session();
    const qint64 id = session->articleIdForPath(article);
    QVERIFY(id != 0);
    QVERIFY(window.showArticle(id));
    QVERIFY(window.articleView()->spans().size() >= 3);

    QTest::qWait(50);
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), QSize(1400, 900));

    // Highlights of several types are on screen, in their own colours.
    const QImage view = window.articleView()->viewport()->grab().toImage();
    QSet<QRgb> seen;
    for (const ArticleView::Span &span : window.articleView()->spans()) {
        seen.insert(window.articleView()->entityStyle().color(span.type).rgb());
    }
    int typesOnScreen = 0;
    for (QRgb color : std::as_const(seen)) {
        int pixels = 0;
        for (int y = 0; y < view.height() && pixels < 50; ++y) {
            for (int x = 0; x < view.width(); ++x) {
                pixels += view.pixel(x, y) == color ? 1 : 0;
            }
        }
        typesOnScreen += pixels >= 50 ? 1 : 0;
    }
    QVERIFY2(typesOnScreen >= 3, qPrintable(QString::number(typesOnScreen)));

    if (language == u"ar") {
        // The article list is on the right, the incidents on the left, the menus in Arabic.
        QVERIFY(window.articleList()->mapTo(&window, QPoint(0, 0)).x()
                > window.incidentPanel()->mapTo(&window, QPoint(0, 0)).x());
        QCOMPARE(window.menuBar()->actions().constFirst()->text(), u"ملف"_s);
    }
    const QString out = qEnvironmentVariable(qPrintable(outputVariable));
    if (!out.isEmpty()) {
        QVERIFY(image.save(out));
    }
}

// The review tools on one picture: several articles selected in the list for
// a bulk action, the find bar with its matches, the incident list with the
// keyboard in it and the current field marked, and the notes. With
// RASID_SCREENSHOT_REVIEW=<file.png> set the picture is saved (docs/).
void ScreenshotTest::reviewStateIsOnScreen()
{
    const QDir samples(QStringLiteral(RASID_SAMPLES_DIR));
    const QString article = u"leak_half_million.txt"_s;
    if (!samples.exists(article)) {
        QSKIP("The sample articles are not there");
    }
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"samples"_s);
    TestFiles::copyFiles(samples.path(), folder);
    MainWindow window;
    window.resize(1600, 950);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &MainWindow::importFinished);
    QVERIFY(window.openFolder(folder));
    QVERIFY(finished.wait(120000));
    const qint64 id = window.session()->articleIdForPath(article);
    QVERIFY(window.showArticle(id));
    ArticleListPanel *list = window.articleList();
    const int row = list->currentRow();
    QItemSelectionModel *selection = list->table()->selectionModel();
    for (int r = row + 1; r <= row + 2 && r < list->table()->model()->rowCount(); ++r) {
        selection->select(list->table()->model()->index(r, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QVERIFY(list->selectedArticleIds().size() >= 2);
    window.articlePane()->openFind();
    window.articlePane()->findEdit()->setText(u"بيانات"_s);
    QVERIFY(!window.articleView()->findMatches().isEmpty());
    window.articlePane()->noteEdit()->setPlainText(u"الرقم من بيان المهاجمين، لم تؤكده الشركة."_s);
    window.incidentPanel()->focusIncidents();
    QVERIFY(window.incidentPanel()->form()->currentRow() >= 0);
    QTest::qWait(50);
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), QSize(1600, 950));
    // The matches are painted in the find colour over the shaped text.
    const QImage view = window.articleView()->viewport()->grab().toImage();
    int found = 0;
    for (int y = 0; y < view.height(); ++y) {
        for (int x = 0; x < view.width(); ++x) {
            const QRgb pixel = view.pixel(x, y);
            found += pixel == QColor(0xff, 0xee, 0x58).rgb() || pixel == QColor(0xff, 0x9f, 0x1c).rgb() ? 1 : 0;
        }
    }
    QVERIFY2(found > 100, qPrintable(QString::number(found)));
    const QString out = qEnvironmentVariable("RASID_SCREENSHOT_REVIEW");
    if (!out.isEmpty()) {
        QVERIFY(image.save(out));
    }
}

QTEST_MAIN(ScreenshotTest)
#include "screenshot_test.moc"
