#pragma once

#include <QTextEdit>

namespace Rasid {

/*
 * The analyst's note on one subject (an article or an incident). The text is
 * written when the editor loses the focus or when the subject is about to
 * change (commit()), as one noteEdited signal that the window turns into an
 * undoable command; Escape puts the stored note back. Enter makes a new line
 * here and never reaches the review shortcuts. A QTextEdit holding plain text
 * only: unlike QPlainTextEdit it aligns an Arabic paragraph to the right.
 */
class NoteEdit final : public QTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteEdit)
public:
    explicit NoteEdit(QWidget *parent = nullptr);

    // Shows the stored note of a subject (0: none, the editor is disabled).
    void setNote(qint64 subjectId, const QString &text);
    qint64 subjectId() const { return m_subjectId; }
    bool isDirty() const;
    // Emits noteEdited when the text differs from the stored note; true when it did.
    bool commit();

    QSize sizeHint() const override;

signals:
    void noteEdited(qint64 subjectId, const QString &text);

protected:
    bool event(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    qint64 m_subjectId = 0;
    QString m_stored;
};

} // namespace Rasid
