#include "actionregistry.h"

#include <QAction>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {
// Return and the keypad's Enter are one key to an analyst: bind both.
QList<QKeySequence> withKeypadTwin(const QKeySequence &sequence)
{
    QList<QKeySequence> list{sequence};
    if (sequence.count() == 1) {
        const QKeyCombination combination = sequence[0];
        if (combination.key() == Qt::Key_Return) {
            list.append(QKeySequence(QKeyCombination(combination.keyboardModifiers() | Qt::KeypadModifier,
                                                     Qt::Key_Enter)));
        }
    }
    return list;
}
// Two sequences clash when they are equal or one is a prefix of the other
// (Ctrl+K against Ctrl+K, Ctrl+C): the second could never be typed.
bool sequencesClash(const QKeySequence &a, const QKeySequence &b)
{
    if (a.isEmpty() || b.isEmpty()) {
        return false;
    }
    return a.matches(b) != QKeySequence::NoMatch || b.matches(a) != QKeySequence::NoMatch;
}
} // namespace

ActionRegistry::ActionRegistry(QObject *parent)
    : QObject(parent)
{
}

QAction *ActionRegistry::add(const QString &id, const QKeySequence &defaultShortcut)
{
    Q_ASSERT(!m_actions.contains(id));
    Q_ASSERT(defaultShortcut.isEmpty() || clashOf(id, defaultShortcut).isEmpty());
    auto *action = new QAction(this);
    action->setObjectName(id);
    m_ids.append(id);
    m_actions.insert(id, action);
    m_defaults.insert(id, defaultShortcut);
    connect(action, &QAction::changed, this, [this, action] { updateToolTip(action); });
    apply(id, defaultShortcut);
    return action;
}

QAction *ActionRegistry::action(const QString &id) const
{
    return m_actions.value(id);
}

QString ActionRegistry::idOf(const QAction *action) const
{
    return action ? action->objectName() : QString();
}

QKeySequence ActionRegistry::defaultShortcut(const QString &id) const
{
    return m_defaults.value(id);
}

QKeySequence ActionRegistry::shortcut(const QString &id) const
{
    const QAction *action = m_actions.value(id);
    return action ? action->shortcut() : QKeySequence();
}

QString ActionRegistry::clashOf(const QString &id, const QKeySequence &sequence) const
{
    if (sequence.isEmpty()) {
        return {};
    }
    for (const QString &other : m_ids) {
        if (other != id && sequencesClash(shortcut(other), sequence)) {
            return other;
        }
    }
    return {};
}

QString ActionRegistry::keysText(const QKeySequence &sequence)
{
    if (sequence.isEmpty()) {
        return {};
    }
    // LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE: the key names keep their
    // order in a right-to-left paragraph, and do not reorder what is around them.
    return QChar(0x2066) + sequence.toString(QKeySequence::NativeText) + QChar(0x2069);
}

QString ActionRegistry::reservedFor(const QKeySequence &sequence)
{
    if (sequence.isEmpty()) {
        return {};
    }
    const std::pair<QKeySequence::StandardKey, const char *> reserved[] = {
        {QKeySequence::Copy, QT_TR_NOOP("Copy")},
        {QKeySequence::Cut, QT_TR_NOOP("Cut")},
        {QKeySequence::Paste, QT_TR_NOOP("Paste")},
        {QKeySequence::SelectAll, QT_TR_NOOP("Select All")},
    };
    for (const auto &[key, name] : reserved) {
        for (const QKeySequence &binding : QKeySequence::keyBindings(key)) {
            if (sequencesClash(binding, sequence)) {
                return tr(name);
            }
        }
    }
    return {};
}

bool ActionRegistry::setShortcut(const QString &id, const QKeySequence &sequence)
{
    if (!m_actions.contains(id) || !clashOf(id, sequence).isEmpty() || !reservedFor(sequence).isEmpty()) {
        return false;
    }
    apply(id, sequence);
    emit shortcutsChanged();
    return true;
}

bool ActionRegistry::setShortcuts(const QHash<QString, QKeySequence> &shortcuts, QString *clashA, QString *clashB)
{
    // Check the final state, not each step: swapping two shortcuts is allowed.
    QVector<QPair<QString, QKeySequence>> final;
    for (const QString &id : m_ids) {
        final.append({id, shortcuts.value(id, shortcut(id))});
    }
    for (int i = 0; i < final.size(); ++i) {
        if (!reservedFor(final.at(i).second).isEmpty()) {
            if (clashA) {
                *clashA = final.at(i).first;
            }
            if (clashB) {
                *clashB = reservedFor(final.at(i).second);
            }
            return false;
        }
        for (int j = i + 1; j < final.size(); ++j) {
            if (sequencesClash(final.at(i).second, final.at(j).second)) {
                if (clashA) {
                    *clashA = final.at(i).first;
                }
                if (clashB) {
                    *clashB = final.at(j).first;
                }
                return false;
            }
        }
    }
    for (auto it = shortcuts.cbegin(); it != shortcuts.cend(); ++it) {
        if (m_actions.contains(it.key())) {
            apply(it.key(), it.value());
        }
    }
    emit shortcutsChanged();
    return true;
}

void ActionRegistry::resetShortcuts()
{
    setShortcuts(m_defaults);
}

QVariantMap ActionRegistry::overrides() const
{
    QVariantMap chosen;
    for (const QString &id : m_ids) {
        const QKeySequence current = shortcut(id);
        if (current != m_defaults.value(id)) {
            chosen.insert(id, current.toString(QKeySequence::PortableText));
        }
    }
    return chosen;
}

void ActionRegistry::applyOverrides(const QVariantMap &chosen)
{
    QHash<QString, QKeySequence> shortcuts;
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
        if (m_actions.contains(it.key())) { // else an action of another version
            shortcuts.insert(it.key(), QKeySequence::fromString(it.value().toString(), QKeySequence::PortableText));
        }
    }
    // Choices that clash fall back to the defaults rather than half-apply.
    if (!setShortcuts(shortcuts)) {
        resetShortcuts();
    }
}

QString ActionRegistry::describe(const QAction *action)
{
    QString text = action->text();
    text.remove(u'&');
    if (text.endsWith(u"…"_s)) {
        text.chop(1);
    }
    const QKeySequence sequence = action->shortcut();
    if (sequence.isEmpty()) {
        return text;
    }
    return tr("%1 (%2)").arg(text, keysText(sequence));
}

void ActionRegistry::apply(const QString &id, const QKeySequence &sequence)
{
    QAction *action = m_actions.value(id);
    action->setShortcuts(withKeypadTwin(sequence));
    updateToolTip(action);
}

void ActionRegistry::updateToolTip(QAction *action)
{
    const QString tip = describe(action);
    if (action->toolTip() != tip) {
        // setToolTip emits changed(); the comparison above ends the recursion.
        action->setToolTip(tip);
    }
}

} // namespace Rasid
