#pragma once

#include "entitystyle.h"
#include "extract/entity.h"

#include <QTextEdit>
#include <QVector>

class QVariantAnimation;

namespace Rasid {

/*
 * The read-only article text. The text is set with setPlainText only: nothing
 * in an article is ever read as HTML, and nothing is fetched. Carriage returns
 * are replaced by spaces so that every document position is the UTF-16 offset
 * into the cleaned text that the workspace stores (entity and evidence spans).
 *
 * Entities are painted as ExtraSelections, never as character formats: a
 * format range splits the shaping run and breaks Arabic joining at its edges,
 * an extra selection is drawn over the already shaped line. Each paragraph is
 * aligned by its own direction (Arabic right, Latin left) whatever the
 * direction of the interface.
 */
class ArticleView final : public QTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleView)
public:
    struct Span
    {
        qint64 id = 0; // the entity's id in the workspace, 0 when it has none
        int start = 0;
        int end = 0;
        EntityType type = EntityType::Organization;
        QString tooltip; // plain text: "quantity: 2,000,000 (approx)"
    };

    explicit ArticleView(QWidget *parent = nullptr);

    void setArticle(const QString &text, const QVector<Span> &spans);
    void setSpans(const QVector<Span> &spans);
    const QVector<Span> &spans() const { return m_spans; }
    void clearArticle();

    void setEntityStyle(const EntityStyle &style);
    const EntityStyle &entityStyle() const { return m_style; }
    void setTypeVisible(EntityType type, bool visible);

    // The analyst's font; the zoom steps are applied on top of its size.
    void setArticleFont(const QFont &font);
    QFont articleFont() const { return m_baseFont; }
    int zoomSteps() const { return m_zoom; }
    void setZoomSteps(int steps);

    // The selected span in cleaned-text offsets, or start == end when nothing is selected.
    int selectionStartOffset() const;
    int selectionEndOffset() const;

    // Moves to the next / previous visible entity after the cursor; false when none.
    bool nextEntity();
    bool previousEntity();
    int currentEntityIndex() const { return m_current; }
    // The entity under a document offset (the innermost one), or -1.
    int entityAt(int offset) const;

    // Find in the article: every occurrence of query as search folds it (alef
    // forms, harakat, tatweel, digits and case do not matter), drawn as extra
    // selections, never as character formats. The current match is the first
    // at or after the cursor. Returns the number of matches.
    int find(const QString &query);
    // Makes the next (previous) match current and scrolls to it; false when there is none.
    bool findNext(bool backwards = false);
    void clearFind();
    const QVector<QPair<int, int>> &findMatches() const { return m_matches; }
    int currentMatch() const { return m_currentMatch; }

    // Scrolls to a span and flashes it for a moment (evidence links).
    void flashSpan(int start, int end);
    bool isFlashing() const;

public slots:
    void zoomInArticle();
    void zoomOutArticle();
    void resetZoom();

signals:
    void zoomChanged(int steps);
    void currentEntityChanged(int index);
    void selectionSpanChanged(int start, int end);

protected:
    bool viewportEvent(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void changeEvent(QEvent *event) override;

private:
    void applyFont();
    void applyTextOption();
    void rebuildSelections();
    bool moveToEntity(int index);
    QTextCursor spanCursor(int start, int end) const;

    QVector<Span> m_spans; // sorted by start, then longest first
    EntityStyle m_style;
    QFont m_baseFont;
    int m_zoom = 0;
    int m_current = -1;
    bool m_movingToEntity = false;
    int m_flashStart = -1;
    int m_flashEnd = -1;
    QColor m_flashColor;
    QVariantAnimation *m_flash = nullptr;
    QVector<QPair<int, int>> m_matches; // find-in-article spans, in order
    int m_currentMatch = -1;
    QString m_findQuery;
};

} // namespace Rasid
