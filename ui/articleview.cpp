#include "articleview.h"

#include "text/textfold.h"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {
constexpr int kMinZoom = -6;
constexpr int kMaxZoom = 20;
constexpr int kFlashMs = 1200;
} // namespace

ArticleView::ArticleView(QWidget *parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setAcceptRichText(false);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setObjectName(u"articleView"_s);
    // The text is read; keep it off the viewport edges.
    document()->setDocumentMargin(16);

    // Fontconfig answers "Arabic" with DejaVu Sans; name the Naskh faces ourselves.
    QFont font;
    font.setFamilies({u"Noto Naskh Arabic"_s, u"Amiri"_s, u"DejaVu Sans"_s});
    font.setPointSizeF(13);
    m_baseFont = font;
    applyFont();
    applyTextOption();

    m_flash = new QVariantAnimation(this);
    m_flash->setDuration(kFlashMs);
    // Bright at once, a pulse, then fading out.
    m_flash->setStartValue(1.0);
    m_flash->setKeyValueAt(0.3, 0.35);
    m_flash->setKeyValueAt(0.55, 1.0);
    m_flash->setEndValue(0.0);
    connect(m_flash, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        QColor color(0xff, 0x8c, 0x00);
        color.setAlphaF(float(value.toReal() * 0.75));
        m_flashColor = color;
        rebuildSelections();
    });
    connect(m_flash, &QVariantAnimation::finished, this, [this] {
        m_flashStart = m_flashEnd = -1;
        rebuildSelections();
    });
    connect(this, &QTextEdit::cursorPositionChanged, this, [this] {
        // A click elsewhere ends the entity walk: Tab continues from the cursor.
        if (!m_movingToEntity && m_current >= 0) {
            m_current = -1;
            rebuildSelections();
        }
    });
    connect(this, &QTextEdit::selectionChanged, this,
            [this] { emit selectionSpanChanged(selectionStartOffset(), selectionEndOffset()); });
}

void ArticleView::setArticle(const QString &text, const QVector<Span> &spans)
{
    m_flash->stop();
    m_flashStart = m_flashEnd = -1;
    m_current = -1;
    QString plain = text;
    // A CR would fold into the following LF and shift every later offset by one.
    plain.replace(u'\r', u' ');
    // Dropped before the text changes, so that Qt does not measure the old
    // highlights against the new text when it repaints.
    m_spans.clear();
    setExtraSelections({});
    setPlainText(plain);
    // The find box stays open across articles: its query is looked up in the new text.
    m_matches.clear();
    m_currentMatch = -1;
    if (!m_findQuery.isEmpty()) {
        find(m_findQuery);
    }
    setSpans(spans);
    verticalScrollBar()->setValue(0);
}

void ArticleView::clearArticle()
{
    setArticle(QString(), {});
}

void ArticleView::setSpans(const QVector<Span> &spans)
{
    m_spans = spans;
    std::stable_sort(m_spans.begin(), m_spans.end(), [](const Span &a, const Span &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    m_current = -1;
    rebuildSelections();
}

void ArticleView::setEntityStyle(const EntityStyle &style)
{
    m_style = style;
    rebuildSelections();
}

void ArticleView::setTypeVisible(EntityType type, bool visible)
{
    m_style.setVisible(type, visible);
    rebuildSelections();
}

void ArticleView::setArticleFont(const QFont &font)
{
    m_baseFont = font;
    // Keep the Naskh fallbacks behind whatever family the analyst picked.
    QStringList families = font.families();
    if (families.isEmpty()) {
        families.append(font.family());
    }
    for (const QString &fallback : {u"Noto Naskh Arabic"_s, u"Amiri"_s, u"DejaVu Sans"_s}) {
        if (!families.contains(fallback)) {
            families.append(fallback);
        }
    }
    m_baseFont.setFamilies(families);
    applyFont();
}

void ArticleView::setZoomSteps(int steps)
{
    steps = std::clamp(steps, kMinZoom, kMaxZoom);
    if (steps == m_zoom) {
        return;
    }
    m_zoom = steps;
    applyFont();
    emit zoomChanged(m_zoom);
}

void ArticleView::zoomInArticle()
{
    setZoomSteps(m_zoom + 1);
}

void ArticleView::zoomOutArticle()
{
    setZoomSteps(m_zoom - 1);
}

void ArticleView::resetZoom()
{
    setZoomSteps(0);
}

void ArticleView::applyFont()
{
    QFont font = m_baseFont;
    const qreal base = m_baseFont.pointSizeF() > 0 ? m_baseFont.pointSizeF() : 13.0;
    // Ten percent per step, the feel of a browser's zoom.
    font.setPointSizeF(std::max(6.0, base * (1.0 + 0.1 * m_zoom)));
    document()->setDefaultFont(font);
    setFont(font);
}

void ArticleView::applyTextOption()
{
    // Direction "auto" per paragraph and a non-absolute leading alignment: an
    // Arabic paragraph is laid out right to left and right-aligned, a Latin one
    // left-aligned, independently of the interface direction.
    QTextOption option = document()->defaultTextOption();
    option.setTextDirection(Qt::LayoutDirectionAuto);
    option.setAlignment(Qt::AlignLeading);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    document()->setDefaultTextOption(option);
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        QTextCursor cursor(block);
        QTextBlockFormat format = block.blockFormat();
        if (format.layoutDirection() != Qt::LayoutDirectionAuto) {
            format.setLayoutDirection(Qt::LayoutDirectionAuto);
            cursor.setBlockFormat(format);
        }
    }
}

void ArticleView::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    // The text control copies the widget direction into the document; undo that,
    // the article's paragraphs carry their own.
    if (event->type() == QEvent::LayoutDirectionChange) {
        applyTextOption();
    }
}

QTextCursor ArticleView::spanCursor(int start, int end) const
{
    const int last = std::max(0, document()->characterCount() - 1);
    QTextCursor cursor(document());
    cursor.setPosition(std::clamp(start, 0, last));
    cursor.setPosition(std::clamp(end, 0, last), QTextCursor::KeepAnchor);
    return cursor;
}

void ArticleView::rebuildSelections()
{
    QList<ExtraSelection> selections;
    selections.reserve(m_spans.size() + 2);
    for (int i = 0; i < m_spans.size(); ++i) {
        const Span &span = m_spans.at(i);
        if (!m_style.isVisible(span.type) || span.end <= span.start) {
            continue;
        }
        ExtraSelection selection;
        selection.cursor = spanCursor(span.start, span.end);
        selection.format.setBackground(m_style.color(span.type));
        selections.append(selection);
    }
    if (m_current >= 0 && m_current < m_spans.size()) {
        const Span &span = m_spans.at(m_current);
        // The current entity gets a darker shade and an underline; both are
        // painted over the shaped line, so joining is kept.
        ExtraSelection selection;
        selection.cursor = spanCursor(span.start, span.end);
        selection.format.setBackground(m_style.color(span.type).darker(125));
        selection.format.setFontUnderline(true);
        selection.format.setUnderlineColor(palette().color(QPalette::Highlight));
        selections.append(selection);
    }
    for (int i = 0; i < m_matches.size(); ++i) {
        ExtraSelection selection;
        selection.cursor = spanCursor(m_matches.at(i).first, m_matches.at(i).second);
        const bool current = i == m_currentMatch;
        selection.format.setBackground(current ? QColor(0xff, 0x9f, 0x1c) : QColor(0xff, 0xee, 0x58));
        if (current) {
            selection.format.setFontUnderline(true);
        }
        selections.append(selection);
    }
    if (m_flashStart >= 0 && m_flashColor.alpha() > 0) {
        ExtraSelection selection;
        selection.cursor = spanCursor(m_flashStart, m_flashEnd);
        selection.format.setBackground(m_flashColor);
        selections.append(selection);
    }
    setExtraSelections(selections);
}

int ArticleView::selectionStartOffset() const
{
    return textCursor().selectionStart();
}

int ArticleView::selectionEndOffset() const
{
    return textCursor().selectionEnd();
}

int ArticleView::entityAt(int offset) const
{
    int found = -1;
    for (int i = 0; i < m_spans.size(); ++i) {
        const Span &span = m_spans.at(i);
        if (span.start > offset) {
            break;
        }
        if (offset < span.end && m_style.isVisible(span.type)) {
            found = i; // later starts are inner spans
        }
    }
    return found;
}

bool ArticleView::moveToEntity(int index)
{
    if (index < 0 || index >= m_spans.size()) {
        return false;
    }
    m_current = index;
    const Span &span = m_spans.at(index);
    // Select it too, so that "assign selection to field" works on the current entity.
    m_movingToEntity = true;
    setTextCursor(spanCursor(span.start, span.end));
    m_movingToEntity = false;
    ensureCursorVisible();
    rebuildSelections();
    emit currentEntityChanged(index);
    return true;
}

bool ArticleView::nextEntity()
{
    int from = m_current + 1;
    if (m_current < 0) {
        // The first entity that starts at or after the cursor.
        const int cursorPos = textCursor().selectionStart();
        from = 0;
        while (from < m_spans.size() && m_spans.at(from).start < cursorPos) {
            ++from;
        }
    }
    for (int i = from; i < m_spans.size(); ++i) {
        if (m_style.isVisible(m_spans.at(i).type)) {
            return moveToEntity(i);
        }
    }
    return false;
}

bool ArticleView::previousEntity()
{
    int from = m_current;
    if (from < 0) {
        // Before the first entity that starts at or after the cursor.
        const int cursorPos = textCursor().selectionStart();
        from = 0;
        while (from < m_spans.size() && m_spans.at(from).start < cursorPos) {
            ++from;
        }
    }
    for (int i = from - 1; i >= 0; --i) {
        if (m_style.isVisible(m_spans.at(i).type)) {
            return moveToEntity(i);
        }
    }
    return false;
}

int ArticleView::find(const QString &query)
{
    m_findQuery = query.trimmed();
    m_matches.clear();
    m_currentMatch = -1;
    const QString needle = fold(m_findQuery).trimmed();
    if (!needle.isEmpty()) {
        // The same folding as the full-text search, with its map back to the text.
        const FoldedText folded = foldWithMap(document()->toPlainText());
        for (qsizetype at = folded.text.indexOf(needle); at >= 0;
             at = folded.text.indexOf(needle, at + needle.size())) {
            const int start = folded.sourceStart(int(at));
            const int end = folded.sourceEnd(int(at + needle.size()));
            if (end > start) {
                m_matches.append({start, end});
            }
        }
    }
    const int cursor = textCursor().selectionStart();
    for (int i = 0; i < m_matches.size(); ++i) {
        if (m_matches.at(i).first >= cursor) {
            m_currentMatch = i;
            break;
        }
    }
    if (m_currentMatch < 0 && !m_matches.isEmpty()) {
        m_currentMatch = 0;
    }
    rebuildSelections();
    if (m_currentMatch >= 0) {
        setTextCursor(spanCursor(m_matches.at(m_currentMatch).first, m_matches.at(m_currentMatch).first));
        ensureCursorVisible();
    }
    return int(m_matches.size());
}

bool ArticleView::findNext(bool backwards)
{
    if (m_matches.isEmpty()) {
        return false;
    }
    const int count = int(m_matches.size());
    m_currentMatch = m_currentMatch < 0 ? 0 : (m_currentMatch + (backwards ? count - 1 : 1)) % count;
    const auto [start, end] = m_matches.at(m_currentMatch);
    setTextCursor(spanCursor(start, start));
    ensureCursorVisible();
    rebuildSelections();
    return true;
}

void ArticleView::clearFind()
{
    m_findQuery.clear();
    m_matches.clear();
    m_currentMatch = -1;
    rebuildSelections();
}

void ArticleView::flashSpan(int start, int end)
{
    if (end <= start) {
        return;
    }
    m_flashStart = start;
    m_flashEnd = end;
    QTextCursor cursor = spanCursor(start, start);
    setTextCursor(cursor);
    ensureCursorVisible();
    QTextCursor endCursor = spanCursor(end, end);
    setTextCursor(endCursor);
    ensureCursorVisible();
    setTextCursor(spanCursor(start, start));
    m_flash->stop();
    m_flashColor = QColor(0xff, 0x8c, 0x00, 0xc0);
    rebuildSelections();
    m_flash->start();
}

bool ArticleView::isFlashing() const
{
    return m_flashStart >= 0;
}

bool ArticleView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPointF docPos(help->pos().x() + horizontalScrollBar()->value(),
                             help->pos().y() + verticalScrollBar()->value());
        const int pos = document()->documentLayout()->hitTest(docPos, Qt::ExactHit);
        const int index = pos >= 0 ? entityAt(pos) : -1;
        if (index >= 0 && !m_spans.at(index).tooltip.isEmpty()) {
            // Escaped: the surface text comes from the article and must never be read as markup.
            const QString html = u"<p style='white-space:pre'>"_s + m_spans.at(index).tooltip.toHtmlEscaped()
                + u"</p>"_s;
            QToolTip::showText(help->globalPos(), html, viewport());
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QTextEdit::viewportEvent(event);
}

void ArticleView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta > 0) {
            zoomInArticle();
        } else if (delta < 0) {
            zoomOutArticle();
        }
        event->accept();
        return;
    }
    QTextEdit::wheelEvent(event);
}

bool ArticleView::focusNextPrevChild(bool next)
{
    // Tab and Shift+Tab walk the entities; focus leaves only past the last one.
    if (next ? nextEntity() : previousEntity()) {
        return true;
    }
    return QTextEdit::focusNextPrevChild(next);
}

} // namespace Rasid
