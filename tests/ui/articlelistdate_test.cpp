// The article list's date column holds a whole ISO date (yyyy-MM-dd) in the
// list's font, at any font size, with the cell's margins: no date is elided.

#include "articlelistpanel.h"
#include "itemmodels/roles.h"
#include "mainwindow.h"
#include "settingkeys.h"
#include "store/workspace.h"
#include "testsettings.h"

#include <QApplication>
#include <QHeaderView>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class ArticleListDateTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void dateColumnFitsAnIsoDate_data();
    void dateColumnFitsAnIsoDate();

private:
    QTemporaryDir m_dir;
    QTemporaryDir m_settingsDir;
    QString m_workspace;
};

void ArticleListDateTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"articlelistdate_test"_s, m_settingsDir.path());
    QSettings settings;
    settings.clear();
    Settings::AnalystName.setValue(settings, u"سارة"_s);
    m_workspace = m_dir.filePath(u"dates.rasid"_s);
    Workspace workspace;
    QVERIFY(workspace.open(m_workspace));
    // Dates whose digits are the widest and the narrowest in most fonts.
    const QStringList dates = {u"2024-09-30"_s, u"2008-08-28"_s, u"1999-11-11"_s, u"2000-04-04"_s};
    for (int i = 0; i < dates.size(); ++i) {
        QSqlQuery file(workspace.database());
        file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
        file.addBindValue(u"d/%1.txt"_s.arg(i));
        QVERIFY(file.exec());
        QSqlQuery article(workspace.database());
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, published, text) "
                        "VALUES (?, ?, ?, 'خبر', ?, 'نص')"_s);
        for (const QVariant &value : {file.lastInsertId(), QVariant(u"d/%1.txt"_s.arg(i)),
                                      QVariant(u"h%1"_s.arg(i)), QVariant(dates.at(i))}) {
            article.addBindValue(value);
        }
        QVERIFY(article.exec());
    }
}

void ArticleListDateTest::dateColumnFitsAnIsoDate_data()
{
    QTest::addColumn<int>("pointSize");
    QTest::addColumn<bool>("afterOpening"); // the font changes once the list is shown
    QTest::newRow("9 pt") << 9 << false;
    QTest::newRow("12 pt") << 12 << false;
    QTest::newRow("20 pt") << 20 << false;
    QTest::newRow("20 pt after opening") << 20 << true;
    QTest::newRow("28 pt after opening") << 28 << true;
}

void ArticleListDateTest::dateColumnFitsAnIsoDate()
{
    QFETCH(int, pointSize);
    QFETCH(bool, afterOpening);
    const QFont previous = QApplication::font();
    QFont font = previous;
    font.setPointSize(pointSize);
    if (!afterOpening) {
        QApplication::setFont(font);
    }
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openWorkspace(m_workspace));
        if (afterOpening) {
            QApplication::setFont(font);
            QCoreApplication::processEvents();
        }
        auto *panel = window.findChild<ArticleListPanel *>();
        QVERIFY(panel);
        QTableView *table = panel->table();
        QTRY_COMPARE(table->model()->rowCount(), 4);
        const int width = table->horizontalHeader()->sectionSize(ArticleDateColumn);
        const QFontMetrics metrics = table->fontMetrics();
        QCOMPARE(table->font().pointSize(), pointSize);
        const int margin = table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1;
        QVERIFY2(width >= metrics.horizontalAdvance(u"2024-09-30"_s) + 2 * margin,
                 qPrintable(u"%1 px for %2 px of text"_s.arg(width).arg(metrics.horizontalAdvance(u"2024-09-30"_s))));
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QString shown = table->model()->index(row, ArticleDateColumn).data().toString();
            QCOMPARE(shown.size(), 10);
            QVERIFY2(metrics.horizontalAdvance(shown) + 2 * margin <= width, qPrintable(shown));
        }
        QVERIFY(width >= table->horizontalHeader()->sectionSizeHint(ArticleDateColumn));
    }
    QApplication::setFont(previous);
}

QTEST_MAIN(ArticleListDateTest)
#include "articlelistdate_test.moc"
