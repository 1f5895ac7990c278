#include "settingkeys.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QKeySequence>

using namespace Qt::StringLiterals;

namespace Rasid::Settings {

const Setting<QString> AnalystName{u"analyst/name"_s, QString()};
const Setting<bool> BackupEnabled{u"backup/enabled"_s, true};
const Setting<int> BackupEveryMinutes{u"backup/everyMinutes"_s, 10};
const Setting<int> BackupKeep{u"backup/keep"_s, 5};
const Setting<QString> FontFamily{u"view/fontFamily"_s, u"Noto Naskh Arabic"_s};
const Setting<int> FontSize{u"view/fontSize"_s, 14};
const Setting<QString> InterfaceLanguage{u"ui/language"_s, QString()};
const Setting<QStringList> RecentWorkspaces{u"workspaces/recent"_s, QStringList()};
const Setting<QString> LastWorkspace{u"workspaces/last"_s, QString()};
const Setting<int> LookBelowPercent{u"review/lookBelowPercent"_s, 50};
const Setting<QByteArray> WindowGeometry{u"window/geometry"_s, QByteArray()};
const Setting<QByteArray> WindowState{u"window/state"_s, QByteArray()};
const Setting<QVariantMap> Shortcuts{u"shortcuts/chosen"_s, QVariantMap()};

Setting<QColor> entityColour(const QString &type)
{
    // Pale backgrounds that keep black Arabic text readable and stay apart
    // from each other and from the selection colour.
    static const QMap<QString, QColor> defaults = {
        {u"country"_s, QColor(0xcf, 0xe8, 0xff)},      {u"place"_s, QColor(0xd6, 0xf0, 0xd6)},
        {u"organization"_s, QColor(0xff, 0xe0, 0xb3)}, {u"person"_s, QColor(0xf3, 0xd1, 0xf4)},
        {u"threat_actor"_s, QColor(0xff, 0xc4, 0xc4)}, {u"attack"_s, QColor(0xff, 0xd1, 0xe3)},
        {u"data"_s, QColor(0xe3, 0xdc, 0xff)},         {u"quantity"_s, QColor(0xff, 0xf0, 0xa8)},
        {u"money"_s, QColor(0xcc, 0xf2, 0xea)},        {u"date"_s, QColor(0xe2, 0xe2, 0xe2)},
    };
    return {u"view/colours/"_s + type, defaults.value(type, QColor(0xee, 0xee, 0xee))};
}

Setting<qlonglong> lastArticle(const QString &workspacePath)
{
    // A hash of the path: a path's slashes would make QSettings groups of it.
    const QByteArray key = QCryptographicHash::hash(QFileInfo(workspacePath).absoluteFilePath().toUtf8(),
                                                    QCryptographicHash::Sha1)
                               .toHex();
    return {u"workspaces/lastArticle/"_s + QString::fromLatin1(key), 0};
}

Setting<QList<int>> splitterSizes(const QString &splitter)
{
    return {u"window/splitters/"_s + splitter, QList<int>()};
}

void addRecentWorkspace(QSettings &settings, const QString &path)
{
    QStringList recent = RecentWorkspaces.value(settings);
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > MaxRecentWorkspaces) {
        recent.removeLast();
    }
    RecentWorkspaces.setValue(settings, recent);
}

void addRecentWorkspace(const QString &path)
{
    QSettings settings;
    addRecentWorkspace(settings, path);
}

QMap<QString, QString> defaultShortcuts()
{
    // Action names are the QAction objectNames of the main window.
    return {
        {u"openFolder"_s, u"Ctrl+O"_s},
        {u"openWorkspace"_s, u"Ctrl+Shift+O"_s},
        {u"export"_s, u"Ctrl+E"_s},
        {u"quit"_s, u"Ctrl+Q"_s},
        {u"undo"_s, u"Ctrl+Z"_s},
        {u"redo"_s, u"Ctrl+Shift+Z"_s},
        {u"find"_s, u"Ctrl+F"_s},
        {u"confirmField"_s, u"Return"_s},
        {u"confirmIncident"_s, u"Ctrl+Return"_s},
        {u"rejectIncident"_s, u"Ctrl+Del"_s},
        {u"addIncident"_s, u"Ctrl+Shift+N"_s},
        {u"markNoIncident"_s, u"Ctrl+Shift+Del"_s},
        {u"nextArticle"_s, u"Alt+Down"_s},
        {u"previousArticle"_s, u"Alt+Up"_s},
        {u"nextUnreviewed"_s, u"Ctrl+N"_s},
        {u"previousUnreviewed"_s, u"Ctrl+Shift+P"_s},
        {u"nextEntity"_s, u"Tab"_s},
        {u"previousEntity"_s, u"Shift+Tab"_s},
        {u"assignVictim"_s, u"Ctrl+1"_s},
        {u"assignActor"_s, u"Ctrl+2"_s},
        {u"assignRecords"_s, u"Ctrl+3"_s},
        {u"assignDate"_s, u"Ctrl+4"_s},
        {u"markEntity"_s, u"Ctrl+M"_s},
        {u"zoomIn"_s, u"Ctrl+="_s},
        {u"zoomOut"_s, u"Ctrl+-"_s},
        {u"settings"_s, u"Ctrl+,"_s},
        {u"nextIncident"_s, u"Alt+PgDown"_s},
        {u"previousIncident"_s, u"Alt+PgUp"_s},
        {u"focusIncidents"_s, u"Ctrl+I"_s},
        {u"findInArticle"_s, u"Ctrl+Shift+F"_s},
        {u"findNext"_s, u"F3"_s},
        {u"findPrevious"_s, u"Shift+F3"_s},
    };
}

QMap<QString, QString> effectiveShortcuts(const QVariantMap &chosen)
{
    QMap<QString, QString> shortcuts = defaultShortcuts();
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
        shortcuts.insert(it.key(), it.value().toString());
    }
    return shortcuts;
}

QList<QStringList> shortcutClashes(const QMap<QString, QString> &shortcuts)
{
    QMap<QString, QStringList> byKeys;
    for (auto it = shortcuts.cbegin(); it != shortcuts.cend(); ++it) {
        // Normalised, so that "ctrl+z" and "Ctrl+Z" clash; empty means none.
        const QString keys = QKeySequence(it.value(), QKeySequence::PortableText).toString(QKeySequence::PortableText);
        if (!keys.isEmpty()) {
            byKeys[keys].append(it.key());
        }
    }
    QList<QStringList> clashes;
    for (QStringList &actions : byKeys) {
        if (actions.size() > 1) {
            actions.sort();
            clashes.append(actions);
        }
    }
    return clashes;
}

} // namespace Rasid::Settings
