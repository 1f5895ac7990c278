#include "noteedit.h"

#include <QKeyEvent>

namespace Rasid {

NoteEdit::NoteEdit(QWidget *parent)
    : QTextEdit(parent)
{
    setAcceptRichText(false);
    setTabChangesFocus(true);
    setEnabled(false);
    // A few lines at most: the article and the fields keep the room.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize NoteEdit::sizeHint() const
{
    // Three lines: room for a remark without pushing the article away.
    const int lines = 3;
    return {QTextEdit::sizeHint().width(),
            fontMetrics().lineSpacing() * lines + 2 * (frameWidth() + int(document()->documentMargin()))};
}

void NoteEdit::setNote(qint64 subjectId, const QString &text)
{
    m_subjectId = subjectId;
    m_stored = text;
    if (toPlainText() != text) {
        setPlainText(text);
    }
    setEnabled(subjectId != 0);
}

bool NoteEdit::isDirty() const
{
    return m_subjectId != 0 && toPlainText() != m_stored;
}

bool NoteEdit::commit()
{
    if (!isDirty()) {
        return false;
    }
    m_stored = toPlainText();
    emit noteEdited(m_subjectId, m_stored);
    return true;
}

bool NoteEdit::event(QEvent *event)
{
    // Enter is a new line in a note, not "confirm the field" or "confirm the incident".
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Escape) {
            event->accept();
            return true;
        }
    }
    return QTextEdit::event(event);
}

void NoteEdit::focusOutEvent(QFocusEvent *event)
{
    commit();
    QTextEdit::focusOutEvent(event);
}

void NoteEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        setPlainText(m_stored);
        return;
    }
    QTextEdit::keyPressEvent(event);
}

} // namespace Rasid
