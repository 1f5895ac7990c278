// The first start: no question before the window; edits are signed with the
// operating system's name for the account, shown in the status bar and
// changed in Settings.

#include "mainwindow.h"
#include "settingkeys.h"
#include "settingsdialog.h"
#include "systemaccount.h"
#include "testsettings.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <pwd.h>
#include <unistd.h>

using namespace Rasid;
using namespace Qt::StringLiterals;

class FirstStartTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void accountNameRule_data();
    void accountNameRule();
    void systemNameFollowsTheAccount();
    void firstStartAsksNothingAndSignsWithTheAccountName();
    void aChosenNameIsKept();
    void theNameInTheStatusBarOpensSettings();
    void settingsChangeTheSignature();

private:
    QTemporaryDir m_settingsDir;
};

void FirstStartTest::initTestCase()
{
    Rasid::TestSettings::isolate(u"firststart_test"_s, m_settingsDir.path());
}

void FirstStartTest::init()
{
    QSettings settings;
    settings.clear();
}

void FirstStartTest::accountNameRule_data()
{
    QTest::addColumn<QByteArray>("gecos");
    QTest::addColumn<QByteArray>("login");
    QTest::addColumn<QString>("expected");
    QTest::newRow("full name with the other fields") << QByteArray("Sara Haddad,Room 4,555-1234,,") << QByteArray("sara")
                                                     << u"Sara Haddad"_s;
    QTest::newRow("full name alone") << QByteArray("Omar Khalil") << QByteArray("omar") << u"Omar Khalil"_s;
    QTest::newRow("Arabic full name, extra spaces") << QByteArray("  سارة   الحداد ,,,") << QByteArray("sara")
                                                    << u"سارة الحداد"_s;
    QTest::newRow("empty GECOS: the login") << QByteArray() << QByteArray("layla") << u"layla"_s;
    QTest::newRow("commas only: the login") << QByteArray(",,,") << QByteArray("nour") << u"nour"_s;
    QTest::newRow("& is the capitalised login") << QByteArray("& Haddad,,,") << QByteArray("sara") << u"Sara Haddad"_s;
    QTest::newRow("nothing at all") << QByteArray() << QByteArray() << QString();
}

void FirstStartTest::accountNameRule()
{
    QFETCH(QByteArray, gecos);
    QFETCH(QByteArray, login);
    QFETCH(QString, expected);
    QCOMPARE(analystNameFromAccount(gecos, login), expected);
}

void FirstStartTest::systemNameFollowsTheAccount()
{
    const QString name = systemAnalystName();
    QVERIFY(!name.isEmpty());
    const struct passwd *entry = ::getpwuid(::getuid());
    if (entry) {
        const QString expected = analystNameFromAccount(entry->pw_gecos, entry->pw_name);
        if (!expected.isEmpty()) {
            QCOMPARE(name, expected);
        }
    }
}

void FirstStartTest::firstStartAsksNothingAndSignsWithTheAccountName()
{
    QVERIFY(Settings::AnalystName.value().isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // No dialog, modal or not, before or with the window.
    QCOMPARE(QApplication::activeModalWidget(), nullptr);
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        QVERIFY2(!(qobject_cast<QDialog *>(widget) && widget->isVisible()), qPrintable(widget->objectName()));
    }
    const QString expected = systemAnalystName();
    QCOMPARE(window.preferences().analyst, expected);
    QCOMPARE(Settings::AnalystName.value(), expected); // kept: the next start reads it
    QToolButton *button = window.analystButton();
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), expected);
    QVERIFY(button->toolTip().contains(expected));
    QVERIFY(window.statusBar()->isAncestorOf(button));
}

void FirstStartTest::aChosenNameIsKept()
{
    Settings::AnalystName.setValue(u"ليلى"_s);
    MainWindow window;
    QCOMPARE(window.preferences().analyst, u"ليلى"_s);
    QCOMPARE(window.analystButton()->text(), u"ليلى"_s);
}

void FirstStartTest::theNameInTheStatusBarOpensSettings()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::mouseClick(window.analystButton(), Qt::LeftButton);
    auto *dialog = window.findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->analystEdit()->text(), systemAnalystName());
    dialog->analystEdit()->setText(u"نور"_s);
    dialog->accept();
    QCOMPARE(window.analystButton()->text(), u"نور"_s);
    QCOMPARE(Settings::AnalystName.value(), u"نور"_s);
}

void FirstStartTest::settingsChangeTheSignature()
{
    MainWindow window;
    Preferences preferences = window.preferences();
    preferences.analyst = u"Omar Khalil"_s;
    window.applyPreferences(preferences);
    QCOMPARE(window.analystButton()->text(), u"Omar Khalil"_s);
    QSettings settings;
    QCOMPARE(Settings::AnalystName.value(settings), u"Omar Khalil"_s);
    // A later start keeps it.
    MainWindow again;
    QCOMPARE(again.analystButton()->text(), u"Omar Khalil"_s);
}

QTEST_MAIN(FirstStartTest)
#include "firststart_test.moc"
