#include "shortcuteditor.h"

#include "actionregistry.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {
constexpr int kIdRole = Qt::UserRole;
}

ShortcutEditor::ShortcutEditor(const ActionRegistry *registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_filter(new QLineEdit(this))
    , m_table(new QTableWidget(this))
    , m_keys(new QKeySequenceEdit(this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_reset(new QPushButton(tr("Default"), this))
    , m_message(new QLabel(this))
{
    setObjectName(u"shortcutEditor"_s);
    for (const QString &id : registry->ids()) {
        m_shortcuts.insert(id, registry->shortcut(id));
    }
    m_filter->setPlaceholderText(tr("Filter commands"));
    m_filter->setClearButtonEnabled(true);
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Shortcut")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setObjectName(u"shortcutMessage"_s);

    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Press the new shortcut:"), this));
    row->addWidget(m_keys, 1);
    row->addWidget(m_clear);
    row->addWidget(m_reset);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
    layout->addWidget(m_message);

    fillTable();
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutEditor::applyFilter);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ShortcutEditor::currentRowChanged);
    connect(m_keys, &QKeySequenceEdit::editingFinished, this, [this] {
        const QString id = currentId();
        if (!id.isEmpty()) {
            // Only the first chord: analysts press one combination.
            const QKeySequence typed = m_keys->keySequence();
            assign(id, typed.isEmpty() ? QKeySequence() : QKeySequence(typed[0]));
        }
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (!currentId().isEmpty()) {
            assign(currentId(), {});
        }
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (!currentId().isEmpty()) {
            assign(currentId(), m_registry->defaultShortcut(currentId()));
        }
    });
    currentRowChanged();
}

QString ShortcutEditor::commandText(const QString &id) const
{
    QString text = m_registry->action(id)->text();
    text.remove(u'&');
    return text;
}

void ShortcutEditor::fillTable()
{
    const QStringList ids = m_registry->ids();
    m_table->setRowCount(int(ids.size()));
    for (int row = 0; row < ids.size(); ++row) {
        const QString &id = ids.at(row);
        auto *command = new QTableWidgetItem(commandText(id));
        command->setData(kIdRole, id);
        command->setIcon(m_registry->action(id)->icon());
        auto *keys = new QTableWidgetItem(ActionRegistry::keysText(m_shortcuts.value(id)));
        m_table->setItem(row, 0, command);
        m_table->setItem(row, 1, keys);
    }
}

QString ShortcutEditor::currentId() const
{
    const int row = m_table->currentRow();
    return row >= 0 && m_table->item(row, 0) ? m_table->item(row, 0)->data(kIdRole).toString() : QString();
}

void ShortcutEditor::currentRowChanged()
{
    const QString id = currentId();
    m_keys->setEnabled(!id.isEmpty());
    m_clear->setEnabled(!id.isEmpty());
    m_reset->setEnabled(!id.isEmpty());
    const QSignalBlocker blocker(m_keys);
    m_keys->setKeySequence(m_shortcuts.value(id));
}

void ShortcutEditor::applyFilter(const QString &text)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool match = text.isEmpty() || m_table->item(row, 0)->text().contains(text, Qt::CaseInsensitive)
            || m_table->item(row, 1)->text().contains(text, Qt::CaseInsensitive);
        m_table->setRowHidden(row, !match);
    }
}

bool ShortcutEditor::assign(const QString &id, const QKeySequence &sequence)
{
    if (!m_shortcuts.contains(id)) {
        return false;
    }
    if (const QString reserved = ActionRegistry::reservedFor(sequence); !reserved.isEmpty()) {
        // Ctrl+C and the like copy and paste in the article and the form: no command may take them.
        m_message->setText(tr("%1 is kept for “%2” in the article and the fields.")
                               .arg(ActionRegistry::keysText(sequence), reserved));
        const QSignalBlocker blocker(m_keys);
        m_keys->setKeySequence(m_shortcuts.value(id));
        return false;
    }
    if (!sequence.isEmpty()) {
        for (auto it = m_shortcuts.cbegin(); it != m_shortcuts.cend(); ++it) {
            if (it.key() == id || it.value().isEmpty()) {
                continue;
            }
            if (it.value().matches(sequence) != QKeySequence::NoMatch
                || sequence.matches(it.value()) != QKeySequence::NoMatch) {
                m_message->setText(tr("%1 is already the shortcut of “%2”. Change that one first.")
                                       .arg(ActionRegistry::keysText(sequence), commandText(it.key())));
                const QSignalBlocker blocker(m_keys);
                m_keys->setKeySequence(m_shortcuts.value(id));
                return false;
            }
        }
    }
    m_shortcuts.insert(id, sequence);
    const int row = int(m_registry->ids().indexOf(id));
    m_table->item(row, 1)->setText(ActionRegistry::keysText(sequence));
    m_message->setText(sequence.isEmpty() ? tr("“%1” has no shortcut now.").arg(commandText(id))
                                          : tr("“%1” is now %2.")
                                                .arg(commandText(id), ActionRegistry::keysText(sequence)));
    if (id == currentId()) {
        const QSignalBlocker blocker(m_keys);
        m_keys->setKeySequence(sequence);
    }
    return true;
}

QString ShortcutEditor::lastMessage() const
{
    return m_message->text();
}

void ShortcutEditor::resetAll()
{
    for (const QString &id : m_registry->ids()) {
        m_shortcuts.insert(id, m_registry->defaultShortcut(id));
    }
    fillTable();
    applyFilter(m_filter->text());
    m_message->setText(tr("Every shortcut is back to its default."));
}

} // namespace Rasid
