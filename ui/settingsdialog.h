#pragma once

#include "entitystyle.h"

#include <QDialog>
#include <QFont>
#include <QHash>
#include <QKeySequence>
#include <QMap>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;
class QPushButton;

namespace Rasid {

class ActionRegistry;
class ShortcutEditor;

/*
 * What the analyst sets in the Settings dialog. The main window loads it from
 * and saves it to QSettings; the dialog only edits a copy.
 */
struct Preferences
{
    QString analyst;
    QFont articleFont;
    EntityStyle style;
    QString language; // "" follows the system, "en", "ar"
    QHash<QString, QKeySequence> shortcuts;
    int lookBelowPercent = 50; // suggestions below it need a look (0: none)
    bool backupEnabled = true;  // rolling backups of the open workspace
    int backupEveryMinutes = 10; // of editing
    int backupKeep = 5;          // newest backups kept
};

/*
 * The Settings dialog: analyst name, article font and size, one colour per
 * entity type, keyboard shortcuts (refusing clashes) and interface language.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    SettingsDialog(const Preferences &preferences, const ActionRegistry *registry, QWidget *parent = nullptr);

    Preferences preferences() const;
    ShortcutEditor *shortcutEditor() const { return m_shortcuts; }
    QLineEdit *analystEdit() const { return m_analyst; }
    QSpinBox *lookBelowEdit() const { return m_lookBelow; }
    QCheckBox *backupEnabledEdit() const { return m_backupEnabled; }
    QSpinBox *backupEveryEdit() const { return m_backupEvery; }
    QSpinBox *backupKeepEdit() const { return m_backupKeep; }

    // The interface languages Rasid ships, as (code, name in that language).
    static QList<QPair<QString, QString>> languages();

private:
    void chooseColor(EntityType type);
    void updateColorButton(EntityType type);
    void validate();

    Preferences m_preferences;
    QLineEdit *m_analyst = nullptr;
    QFontComboBox *m_fontFamily = nullptr;
    QDoubleSpinBox *m_fontSize = nullptr;
    QComboBox *m_language = nullptr;
    QSpinBox *m_lookBelow = nullptr;
    QCheckBox *m_backupEnabled = nullptr;
    QSpinBox *m_backupEvery = nullptr;
    QSpinBox *m_backupKeep = nullptr;
    QMap<EntityType, QPushButton *> m_colorButtons;
    ShortcutEditor *m_shortcuts = nullptr;
};

} // namespace Rasid
