#pragma once

#include <QHash>
#include <QKeySequence>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

class QAction;

namespace Rasid {

/*
 * Every command of the main window, registered once under a stable id
 * ("file.open_folder", "review.confirm_field" ...) with its default shortcut.
 * Menus, toolbars, context menus and the shortcut editor all reach the same
 * QAction through the registry, so a shortcut the analyst changes shows up
 * everywhere, tooltips included, and two commands can never share a key.
 */
class ActionRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionRegistry)
public:
    explicit ActionRegistry(QObject *parent = nullptr);

    // Registers an action; text is set (and reset on language change) by the owner.
    QAction *add(const QString &id, const QKeySequence &defaultShortcut = {});
    QAction *action(const QString &id) const;
    QStringList ids() const { return m_ids; }
    QString idOf(const QAction *action) const;

    QKeySequence defaultShortcut(const QString &id) const;
    QKeySequence shortcut(const QString &id) const;
    // The id of another action that already uses sequence, or empty.
    QString clashOf(const QString &id, const QKeySequence &sequence) const;
    // Sets one shortcut; refused (false) when another action has it.
    bool setShortcut(const QString &id, const QKeySequence &sequence);
    // Sets many at once, all or nothing: refused when two of the resulting shortcuts clash.
    bool setShortcuts(const QHash<QString, QKeySequence> &shortcuts, QString *clashA = nullptr,
                      QString *clashB = nullptr);
    void resetShortcuts();

    // The shortcuts that differ from the defaults, id -> sequence in portable
    // text (the form of Settings::Shortcuts); an empty string removes a shortcut.
    QVariantMap overrides() const;
    // Applies stored choices; choices that clash (a hand-edited file) are ignored.
    void applyOverrides(const QVariantMap &chosen);

    // "Confirm field (Enter)": the text of an action with its shortcut, for tooltips.
    static QString describe(const QAction *action);
    // The keys as the analyst reads them, kept left to right inside Arabic text
    // (Ctrl+, and not ,+Ctrl).
    static QString keysText(const QKeySequence &sequence);
    // The name of the text-editing command a sequence belongs to (Copy, Paste,
    // Cut, Select All), which no command may take; empty when it is free.
    static QString reservedFor(const QKeySequence &sequence);

signals:
    void shortcutsChanged();

private:
    void apply(const QString &id, const QKeySequence &sequence);
    void updateToolTip(QAction *action);

    QStringList m_ids;
    QHash<QString, QAction *> m_actions;
    QHash<QString, QKeySequence> m_defaults;
};

} // namespace Rasid
