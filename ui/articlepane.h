#pragma once

#include <QPair>
#include <QVector>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QFrame;

namespace Rasid {

class ArticleView;
class LegendWidget;
class NoteEdit;
class RemovedNote;

// What the header above the article shows. All plain text.
struct ArticleHeaderInfo
{
    QString title;
    QString outlet;
    QString published; // ISO 8601, possibly partial
    QString sourceUrl;
    QString path;
    int position = 0;  // 1-based row in the list, 0 when unknown
    int count = 0;     // rows the list holds under the current filter
    QVector<QPair<QString, QString>> removed; // what cleaning left out: (reason code, text)
};

/*
 * The centre pane: the article's title, outlet, date, source address and
 * its place in the list ("12 / 340") above the article view, an offer bar for
 * "apply to all occurrences", and the legend below. Nothing here is a live
 * link: the source address is selectable text, never fetched.
 */
class ArticlePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticlePane)
public:
    explicit ArticlePane(QWidget *parent = nullptr);

    ArticleView *view() const { return m_view; }
    LegendWidget *legend() const { return m_legend; }
    void setHeader(const ArticleHeaderInfo &info);
    // "12 / 340": the article's 1-based row in the list and the rows the filter lets through.
    void setPosition(int position, int count);
    void clear();
    QString positionText() const;
    QLabel *titleLabel() const { return m_title; }
    QLabel *metaLabel() const { return m_meta; }

    // Shows a question with one action button (and a dismiss button) above the article.
    void offer(const QString &text, const QString &actionText, const std::function<void()> &action);
    void dismissOffer();
    bool isOffering() const;
    QPushButton *offerButton() const { return m_offerButton; }

    // The find bar above the article (find-in-article with highlighted matches).
    void openFind();
    void closeFind();
    void findNext(bool backwards);
    bool isFinding() const;
    QLineEdit *findEdit() const { return m_findEdit; }
    QLabel *findCountLabel() const { return m_findCount; }
    // The analyst's note on the article shown.
    NoteEdit *noteEdit() const { return m_note; }
    // What cleaning left out of the article shown (collapsed until opened).
    RemovedNote *removedNote() const { return m_removed; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateTexts();
    void runFind();
    void updateFindCount();

    ArticleHeaderInfo m_info;
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_position = nullptr;
    QFrame *m_offerBar = nullptr;
    QLabel *m_offerText = nullptr;
    QPushButton *m_offerButton = nullptr;
    QPushButton *m_offerDismiss = nullptr;
    std::function<void()> m_offerAction;
    QFrame *m_findBar = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QLabel *m_findCount = nullptr;
    QToolButton *m_findClose = nullptr;
    ArticleView *m_view = nullptr;
    LegendWidget *m_legend = nullptr;
    NoteEdit *m_note = nullptr;
    RemovedNote *m_removed = nullptr;
};

} // namespace Rasid
