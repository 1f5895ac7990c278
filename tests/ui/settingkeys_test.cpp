#include "settingkeys.h"

#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class SettingKeysTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void unsetKeysGiveTheirDefaults();
    void valuesSurviveAReopen();
    void everyEntityTypeHasItsOwnColour();
    void recentWorkspacesStayShortAndUnique();
    void shippedShortcutsNeverClash();
    void chosenShortcutsThatClashAreReported_data();
    void chosenShortcutsThatClashAreReported();

private:
    QTemporaryDir m_dir;
};

void SettingKeysTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void SettingKeysTest::unsetKeysGiveTheirDefaults()
{
    QSettings settings(m_dir.filePath(u"defaults.ini"_s), QSettings::IniFormat);
    QCOMPARE(Settings::AnalystName.value(settings), QString());
    QCOMPARE(Settings::FontFamily.value(settings), u"Noto Naskh Arabic"_s);
    QCOMPARE(Settings::FontSize.value(settings), 14);
    QCOMPARE(Settings::InterfaceLanguage.value(settings), QString());
    QCOMPARE(Settings::LookBelowPercent.value(settings), 50);
    QVERIFY(Settings::RecentWorkspaces.value(settings).isEmpty());
    QVERIFY(Settings::WindowGeometry.value(settings).isEmpty());
    QVERIFY(Settings::splitterSizes(u"main"_s).value(settings).isEmpty());
    QVERIFY(Settings::Shortcuts.value(settings).isEmpty());
}

void SettingKeysTest::valuesSurviveAReopen()
{
    const QString path = m_dir.filePath(u"reopen.ini"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        Settings::AnalystName.setValue(settings, u"لينا"_s);
        Settings::FontSize.setValue(settings, 18);
        Settings::entityColour(u"country"_s).setValue(settings, QColor(0x12, 0x34, 0x56));
        Settings::splitterSizes(u"main"_s).setValue(settings, {300, 900, 400});
        Settings::WindowState.setValue(settings, QByteArray("\x00\x01state", 7));
        Settings::Shortcuts.setValue(settings, {{u"confirmField"_s, u"Ctrl+K"_s}});
        Settings::LastWorkspace.setValue(settings, u"/data/حوادث.rasid"_s);
    }
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(Settings::AnalystName.value(settings), u"لينا"_s);
    QCOMPARE(Settings::FontSize.value(settings), 18);
    QCOMPARE(Settings::entityColour(u"country"_s).value(settings), QColor(0x12, 0x34, 0x56));
    QCOMPARE(Settings::splitterSizes(u"main"_s).value(settings), (QList<int>{300, 900, 400}));
    QCOMPARE(Settings::WindowState.value(settings), QByteArray("\x00\x01state", 7));
    QCOMPARE(Settings::Shortcuts.value(settings).value(u"confirmField"_s).toString(), u"Ctrl+K"_s);
    QCOMPARE(Settings::LastWorkspace.value(settings), u"/data/حوادث.rasid"_s);
    Settings::FontSize.reset(settings);
    QCOMPARE(Settings::FontSize.value(settings), 14);
}

void SettingKeysTest::everyEntityTypeHasItsOwnColour()
{
    const QStringList types = {u"country"_s,  u"place"_s, u"organization"_s, u"person"_s,   u"threat_actor"_s,
                               u"attack"_s,   u"data"_s,  u"quantity"_s,     u"money"_s,    u"date"_s};
    QSet<QRgb> colours;
    for (const QString &type : types) {
        const Setting<QColor> setting = Settings::entityColour(type);
        QCOMPARE(setting.key(), u"view/colours/"_s + type);
        QVERIFY(setting.defaultValue().isValid());
        colours.insert(setting.defaultValue().rgb());
    }
    QCOMPARE(colours.size(), types.size());
}

void SettingKeysTest::recentWorkspacesStayShortAndUnique()
{
    QSettings settings(m_dir.filePath(u"recent.ini"_s), QSettings::IniFormat);
    for (int i = 0; i < 15; ++i) {
        Settings::addRecentWorkspace(settings, u"/w/%1.rasid"_s.arg(i));
    }
    Settings::addRecentWorkspace(settings, u"/w/7.rasid"_s);
    const QStringList recent = Settings::RecentWorkspaces.value(settings);
    QCOMPARE(recent.size(), Settings::MaxRecentWorkspaces);
    QCOMPARE(recent.first(), u"/w/7.rasid"_s);
    QCOMPARE(recent.at(1), u"/w/14.rasid"_s);
    QCOMPARE(recent.count(u"/w/7.rasid"_s), 1);
}

void SettingKeysTest::shippedShortcutsNeverClash()
{
    const QMap<QString, QString> shortcuts = Settings::defaultShortcuts();
    QVERIFY(shortcuts.contains(u"confirmIncident"_s));
    QCOMPARE(shortcuts.value(u"nextUnreviewed"_s), u"Ctrl+N"_s);
    QCOMPARE(Settings::shortcutClashes(shortcuts), QList<QStringList>());
}

void SettingKeysTest::chosenShortcutsThatClashAreReported_data()
{
    QTest::addColumn<QVariantMap>("chosen");
    QTest::addColumn<QList<QStringList>>("clashes");

    QTest::newRow("a free key") << QVariantMap{{u"confirmField"_s, u"Ctrl+K"_s}} << QList<QStringList>();
    QTest::newRow("another action's key")
        << QVariantMap{{u"assignVictim"_s, u"Ctrl+Z"_s}}
        << QList<QStringList>{{u"assignVictim"_s, u"undo"_s}};
    QTest::newRow("spelled differently") << QVariantMap{{u"assignActor"_s, u"ctrl+n"_s}}
                                         << QList<QStringList>{{u"assignActor"_s, u"nextUnreviewed"_s}};
    QTest::newRow("cleared keys never clash")
        << QVariantMap{{u"assignVictim"_s, QString()}, {u"assignActor"_s, QString()}} << QList<QStringList>();
}

void SettingKeysTest::chosenShortcutsThatClashAreReported()
{
    QFETCH(QVariantMap, chosen);
    QFETCH(QList<QStringList>, clashes);
    QCOMPARE(Settings::shortcutClashes(Settings::effectiveShortcuts(chosen)), clashes);
}

QTEST_GUILESS_MAIN(SettingKeysTest)
#include "settingkeys_test.moc"
