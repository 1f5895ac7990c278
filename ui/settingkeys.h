#pragma once

#include <QByteArray>
#include <QColor>
#include <QList>
#include <QMap>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Rasid {

/*
 * One QSettings key with its type and default, declared once below so that
 * reading and writing never disagree on the key's spelling or meaning. The
 * overloads taking a QSettings serve tests and callers holding one open;
 * the others use a default-constructed QSettings (organisation and
 * application names set by main()).
 */
template<typename T>
class Setting
{
public:
    Setting(const QString &key, const T &defaultValue)
        : m_key(key)
        , m_default(defaultValue)
    {
    }

    QString key() const { return m_key; }
    T defaultValue() const { return m_default; }

    T value(const QSettings &settings) const
    {
        const QVariant stored = settings.value(m_key);
        return stored.isValid() && stored.canConvert<T>() ? stored.value<T>() : m_default;
    }
    T value() const { return value(QSettings()); }
    void setValue(QSettings &settings, const T &value) const { settings.setValue(m_key, QVariant::fromValue(value)); }
    void setValue(const T &value) const
    {
        QSettings settings;
        setValue(settings, value);
    }
    void reset(QSettings &settings) const { settings.remove(m_key); }

private:
    QString m_key;
    T m_default;
};

namespace Settings {

extern const Setting<QString> AnalystName;       // the system account's name at first start, written with every edit
extern const Setting<QString> FontFamily;        // the article view's font
extern const Setting<int> FontSize;              // points
extern const Setting<QString> InterfaceLanguage; // "ar", "en"; empty: the system's
extern const Setting<QStringList> RecentWorkspaces; // most recent first
extern const Setting<QString> LastWorkspace;     // reopened at start
// Suggested fields below this calibrated probability, in percent, are shown
// as needing a look rather than filled in (0: all filled in).
extern const Setting<int> LookBelowPercent;
// Rolling backups of the open workspace: after this many minutes of editing
// and when it closes, keeping the newest BackupKeep.
extern const Setting<bool> BackupEnabled;
extern const Setting<int> BackupEveryMinutes;
extern const Setting<int> BackupKeep;
extern const Setting<QByteArray> WindowGeometry; // QWidget::saveGeometry()
extern const Setting<QByteArray> WindowState;    // QMainWindow::saveState()
// Action name -> key sequence (QKeySequence::PortableText) the analyst chose;
// actions not in it use defaultShortcuts().
extern const Setting<QVariantMap> Shortcuts;

// The highlight colour of an entity type ("country", "quantity", ...).
Setting<QColor> entityColour(const QString &type);
// The article last shown in a workspace, to reopen on it (0: none yet).
Setting<qlonglong> lastArticle(const QString &workspacePath);
// The sizes of a named splitter of the main window ("main", "incident").
Setting<QList<int>> splitterSizes(const QString &splitter);

constexpr int MaxRecentWorkspaces = 10;
// Puts path first in RecentWorkspaces, without duplicates, at most MaxRecentWorkspaces.
void addRecentWorkspace(QSettings &settings, const QString &path);
void addRecentWorkspace(const QString &path);

// The shipped shortcut of every action the main window offers, by action name.
QMap<QString, QString> defaultShortcuts();
// defaultShortcuts() with the analyst's choices applied.
QMap<QString, QString> effectiveShortcuts(const QVariantMap &chosen);
// Groups of actions sharing a key sequence (each group sorted); empty when
// no two actions clash. Sequences are compared in portable form.
QList<QStringList> shortcutClashes(const QMap<QString, QString> &shortcuts);

} // namespace Settings
} // namespace Rasid
