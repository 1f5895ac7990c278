#pragma once

#include <QHash>
#include <QKeySequence>
#include <QWidget>

class QKeySequenceEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Rasid {

class ActionRegistry;

/*
 * Edits the shortcuts of every registered action on a working copy: pick a
 * command, press the new keys. A sequence that another command already uses
 * is refused on the spot with the name of that command, so the result never
 * clashes; shortcuts() is what the caller applies when the dialog is accepted.
 */
class ShortcutEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutEditor)
public:
    explicit ShortcutEditor(const ActionRegistry *registry, QWidget *parent = nullptr);

    QHash<QString, QKeySequence> shortcuts() const { return m_shortcuts; }
    // Assigns a sequence to a command; false (and the reason shown) when it clashes.
    bool assign(const QString &id, const QKeySequence &sequence);
    QString lastMessage() const;
    void resetAll();

    QTableWidget *table() const { return m_table; }

private:
    void fillTable();
    void currentRowChanged();
    void applyFilter(const QString &text);
    QString currentId() const;
    QString commandText(const QString &id) const;

    const ActionRegistry *m_registry = nullptr;
    QHash<QString, QKeySequence> m_shortcuts;
    QLineEdit *m_filter = nullptr;
    QTableWidget *m_table = nullptr;
    QKeySequenceEdit *m_keys = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_reset = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Rasid
