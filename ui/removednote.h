#pragma once

#include <QPair>
#include <QString>
#include <QVector>
#include <QWidget>

class QTextEdit;
class QToolButton;

namespace Rasid {

/*
 * Above the article: what cleaning left out of it (mastheads, "read also"
 * blocks, repeated paragraphs...), one line saying how much, which opens on
 * the passages themselves with the reason for each. Hidden when cleaning
 * kept everything. The passages are the source's text, untouched.
 */
class RemovedNote final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovedNote)
public:
    explicit RemovedNote(QWidget *parent = nullptr);

    // (reason code, text) pairs, in the order of the source.
    void setRemoved(const QVector<QPair<QString, QString>> &removed);
    bool isExpanded() const;
    void setExpanded(bool expanded);
    QToolButton *toggle() const { return m_toggle; }
    QTextEdit *passages() const { return m_passages; }

    // The interface's words for a reason code of the cleaner.
    static QString reasonText(const QString &reason);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateTexts();

    QVector<QPair<QString, QString>> m_removed;
    QToolButton *m_toggle = nullptr;
    QTextEdit *m_passages = nullptr;
};

} // namespace Rasid
