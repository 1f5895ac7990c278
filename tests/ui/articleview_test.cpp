#include "articleview.h"
#include "legendwidget.h"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>
#include <QToolTip>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// Our own sentences, in the register of the news articles Rasid reads.
const QString kArabic = u"أعلنت وزارة الصحة في المغرب تعرض أنظمتها لهجوم فدية، وقالت إن نحو 2 مليون سجل قد سُرِّب."_s;
const QString kLatin = u"The ministry confirmed the ransomware attack on Monday."_s;

ArticleView::Span spanOf(const QString &text, const QString &surface, EntityType type, int from = 0)
{
    const int start = int(text.indexOf(surface, from));
    Q_ASSERT(start >= 0);
    return {0, start, start + int(surface.size()), type, entityTypeName(type) + u": "_s + surface};
}

// The rectangles a span occupies in viewport coordinates, line by line, from the layout itself.
QVector<QRect> layoutRects(const ArticleView &view, int start, int end)
{
    QVector<QRect> rects;
    QTextDocument *doc = view.document();
    for (QTextBlock block = doc->findBlock(start); block.isValid() && block.position() < end; block = block.next()) {
        const QRectF blockRect = doc->documentLayout()->blockBoundingRect(block);
        QTextLayout *layout = block.layout();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            const int lineStart = block.position() + line.textStart();
            const int lineEnd = lineStart + line.textLength();
            const int s = std::max(start, lineStart);
            const int e = std::min(end, lineEnd);
            if (s >= e) {
                continue;
            }
            const qreal x1 = line.cursorToX(s - block.position());
            const qreal x2 = line.cursorToX(e - block.position());
            QRectF rect(std::min(x1, x2), line.y(), std::abs(x2 - x1), line.height());
            rect.translate(blockRect.topLeft());
            rect.translate(-view.horizontalScrollBar()->value(), -view.verticalScrollBar()->value());
            rects.append(rect.toAlignedRect());
        }
    }
    return rects;
}

// Share of the pixels of a rectangle (shrunk by a margin) painted in the given colour.
double shareOfColor(const QImage &image, QRect rect, const QColor &color)
{
    rect = rect.adjusted(2, 2, -2, -2) & image.rect();
    if (rect.isEmpty()) {
        return 0.0;
    }
    int hits = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            if (image.pixelColor(x, y).rgb() == color.rgb()) {
                ++hits;
            }
        }
    }
    return double(hits) / (rect.width() * rect.height());
}

} // namespace

class ArticleViewTest : public QObject
{
    Q_OBJECT
private slots:
    void documentPositionsAreTextOffsets_data();
    void documentPositionsAreTextOffsets();
    void articleMarkupIsShownAsText();
    void paragraphsAlignByTheirOwnDirection_data();
    void paragraphsAlignByTheirOwnDirection();
    void highlightsAreExtraSelectionsNotFormats();
    void highlightRectanglesCoverEntitySpans();
    void legendHidesAType();
    void tabWalksTheEntities();
    void hoverShowsTypeAndValue();
    void ctrlWheelZooms();
    void flashScrollsTheSpanIntoView();
};

void ArticleViewTest::documentPositionsAreTextOffsets_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("arabic with harakat and tatweel") << u"هجـــوم إلكترونيًّا على الوزارة"_s;
    QTest::newRow("several paragraphs") << (kArabic + u"\n\n"_s + kLatin + u"\n"_s + kArabic);
    QTest::newRow("no-break space and bidi marks") << u"بلغت\u00a0الخسائر \u200f2 مليون\u200e دولار"_s;
    QTest::newRow("surrogate pair") << u"تسريب 🔒 بيانات العملاء"_s;
    QTest::newRow("line separator") << u"السطر الأول\u2028السطر الثاني"_s;
    QTest::newRow("carriage return") << u"الفقرة الأولى\r\nالفقرة الثانية"_s;
}

void ArticleViewTest::documentPositionsAreTextOffsets()
{
    QFETCH(QString, text);
    ArticleView view;
    view.setArticle(text, {});
    QTextDocument *doc = view.document();
    QCOMPARE(doc->characterCount() - 1, text.size());
    for (int i = 0; i < text.size(); ++i) {
        const QChar expected = text.at(i);
        const QChar actual = doc->characterAt(i);
        if (expected == u'\n' || expected == u'\r') {
            // A line feed is the paragraph break; a carriage return becomes a space or the break.
            QVERIFY2(actual == QChar::ParagraphSeparator || actual == u' ', qPrintable(QString::number(i)));
        } else if (expected == QChar::LineSeparator) {
            QVERIFY(actual == QChar::LineSeparator || actual == QChar::ParagraphSeparator);
        } else {
            QCOMPARE(actual, expected);
        }
    }
    // A selection made in the view maps back to the same slice of the text.
    QTextCursor cursor(doc);
    cursor.setPosition(2);
    cursor.setPosition(int(text.size()) - 2, QTextCursor::KeepAnchor);
    view.setTextCursor(cursor);
    QCOMPARE(view.selectionStartOffset(), 2);
    QCOMPARE(view.selectionEndOffset(), int(text.size()) - 2);
}

void ArticleViewTest::articleMarkupIsShownAsText()
{
    ArticleView view;
    const QString text = u"<b>عاجل</b> <img src=\"http://example.invalid/x.png\"> &amp; <a href=\"x\">رابط</a>"_s;
    view.setArticle(text, {});
    QCOMPARE(view.toPlainText(), text);
    QTextBlock block = view.document()->begin();
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        QVERIFY(!it.fragment().charFormat().isImageFormat());
        QVERIFY(!it.fragment().charFormat().isAnchor());
        QCOMPARE(it.fragment().charFormat().fontWeight(), view.document()->defaultFont().weight());
    }
}

void ArticleViewTest::paragraphsAlignByTheirOwnDirection_data()
{
    QTest::addColumn<Qt::LayoutDirection>("interface");
    QTest::newRow("left-to-right interface") << Qt::LeftToRight;
    QTest::newRow("right-to-left interface") << Qt::RightToLeft;
}

void ArticleViewTest::paragraphsAlignByTheirOwnDirection()
{
    QFETCH(Qt::LayoutDirection, interface);
    ArticleView view;
    view.setLayoutDirection(interface);
    view.resize(900, 500);
    // Short paragraphs, so that each is one line narrower than the view.
    view.setArticle(u"هجوم على الوزارة\nRansomware hit the ministry\nأعلن المركز"_s, {});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qreal width = view.document()->textWidth();
    const qreal margin = view.document()->documentMargin();
    QTextBlock block = view.document()->begin();
    for (int i = 0; i < 3; ++i, block = block.next()) {
        const QTextLine line = block.layout()->lineAt(0);
        const QRectF natural = line.naturalTextRect();
        QCOMPARE(block.textDirection(), i == 1 ? Qt::LeftToRight : Qt::RightToLeft);
        if (i == 1) {
            QVERIFY2(natural.left() < 2, qPrintable(block.text()));
        } else {
            QVERIFY2(natural.right() > width - 2 * margin - 2, qPrintable(block.text()));
        }
    }
}

void ArticleViewTest::highlightsAreExtraSelectionsNotFormats()
{
    ArticleView view;
    const QVector<ArticleView::Span> spans = {spanOf(kArabic, u"وزارة الصحة"_s, EntityType::Organization),
                                              spanOf(kArabic, u"المغرب"_s, EntityType::Country),
                                              spanOf(kArabic, u"نحو 2 مليون سجل"_s, EntityType::Quantity)};
    view.setArticle(kArabic, spans);
    QCOMPARE(view.extraSelections().size(), spans.size());
    for (int i = 0; i < spans.size(); ++i) {
        QCOMPARE(view.extraSelections().at(i).cursor.selectionStart(), spans.at(i).start);
        QCOMPARE(view.extraSelections().at(i).cursor.selectionEnd(), spans.at(i).end);
    }
    // The document itself stays one run per paragraph: no format range splits a word's shaping.
    const QTextBlock block = view.document()->begin();
    int fragments = 0;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        ++fragments;
    }
    QCOMPARE(fragments, 1);
    QVERIFY(block.layout()->formats().isEmpty());
}

void ArticleViewTest::highlightRectanglesCoverEntitySpans()
{
    ArticleView view;
    view.resize(700, 400);
    const QString text = kArabic + u"\n"_s + kLatin;
    // Spans that start or end inside words too: the letters must stay joined and covered.
    const QVector<ArticleView::Span> spans = {
        spanOf(text, u"وزارة الصحة"_s, EntityType::Organization),
        spanOf(text, u"المغرب"_s, EntityType::Country),
        spanOf(text, u"نحو 2 مليون سجل"_s, EntityType::Quantity),
        spanOf(text, u"فدية"_s, EntityType::Attack),
        spanOf(text, u"ransomware attack"_s, EntityType::Attack),
        // Inside one word: the first three letters of هجوم, joined to the rest.
        {0, int(text.indexOf(u"لهجوم"_s)) + 1, int(text.indexOf(u"لهجوم"_s)) + 3, EntityType::Data, u"part"_s},
    };
    view.setArticle(text, spans);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.viewport()->grab().toImage();
    for (const auto &span : spans) {
        const QColor color = view.entityStyle().color(span.type);
        const QVector<QRect> rects = layoutRects(view, span.start, span.end);
        QVERIFY(!rects.isEmpty());
        for (const QRect &rect : rects) {
            QVERIFY2(rect.width() > 10, qPrintable(span.tooltip));
            // Glyph ink covers part of the rectangle; the rest is the highlight.
            const double share = shareOfColor(image, rect, color);
            QVERIFY2(share > 0.35, qPrintable(u"%1: %2"_s.arg(span.tooltip).arg(share)));
        }
    }
    if (qEnvironmentVariableIsSet("RASID_DUMP_IMAGES")) {
        image.save(u"/tmp/articleview-highlights.png"_s);
    }
    // The rest of a partly highlighted word, and an unhighlighted word, keep the base colour.
    const int rest = int(text.indexOf(u"لهجوم"_s)) + 3;
    for (const QRect &rect : layoutRects(view, rest, rest + 2)) {
        QCOMPARE(shareOfColor(image, rect, view.entityStyle().color(EntityType::Data)), 0.0);
    }
    const int plain = int(text.indexOf(u"أعلنت"_s));
    for (const QRect &rect : layoutRects(view, plain, plain + 5)) {
        for (const auto &span : spans) {
            QCOMPARE(shareOfColor(image, rect, view.entityStyle().color(span.type)), 0.0);
        }
    }
}

void ArticleViewTest::legendHidesAType()
{
    ArticleView view;
    LegendWidget legend;
    QObject::connect(&legend, &LegendWidget::typeToggled, &view, &ArticleView::setTypeVisible);
    view.setArticle(kArabic, {spanOf(kArabic, u"المغرب"_s, EntityType::Country),
                              spanOf(kArabic, u"فدية"_s, EntityType::Attack)});
    QCOMPARE(view.extraSelections().size(), 2);
    legend.button(EntityType::Country)->click();
    QCOMPARE(view.extraSelections().size(), 1);
    QCOMPARE(view.extraSelections().at(0).cursor.selectedText(), u"فدية"_s);
    legend.button(EntityType::Country)->click();
    QCOMPARE(view.extraSelections().size(), 2);
}

void ArticleViewTest::tabWalksTheEntities()
{
    QWidget window;
    auto *view = new ArticleView(&window);
    auto *other = new QWidget(&window);
    other->setFocusPolicy(Qt::StrongFocus);
    view->setArticle(kArabic, {spanOf(kArabic, u"المغرب"_s, EntityType::Country),
                               spanOf(kArabic, u"وزارة الصحة"_s, EntityType::Organization),
                               spanOf(kArabic, u"فدية"_s, EntityType::Attack)});
    window.show();
    view->setFocus();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->textCursor().selectedText(), u"وزارة الصحة"_s);
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->textCursor().selectedText(), u"المغرب"_s);
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->textCursor().selectedText(), u"فدية"_s);
    QTest::keyClick(view, Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(view->textCursor().selectedText(), u"المغرب"_s);
    QVERIFY(view->hasFocus());
    // Hidden types are skipped.
    view->setTypeVisible(EntityType::Attack, false);
    QVERIFY(!view->nextEntity());
}

void ArticleViewTest::hoverShowsTypeAndValue()
{
    ArticleView view;
    view.resize(700, 300);
    const ArticleView::Span span{0, int(kArabic.indexOf(u"نحو"_s)), int(kArabic.indexOf(u"سجل"_s)) + 3,
                                 EntityType::Quantity, u"quantity: 2,000,000 (approx) <b>"_s};
    view.setArticle(kArabic, {span});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect rect = layoutRects(view, span.start, span.end).constFirst();
    QHelpEvent help(QEvent::ToolTip, rect.center(), view.viewport()->mapToGlobal(rect.center()));
    QCoreApplication::sendEvent(view.viewport(), &help);
    QVERIFY2(QToolTip::text().contains(u"quantity: 2,000,000 (approx) &lt;b&gt;"_s), qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void ArticleViewTest::ctrlWheelZooms()
{
    ArticleView view;
    view.setArticle(kArabic, {});
    const qreal before = view.document()->defaultFont().pointSizeF();
    QWheelEvent wheel(QPointF(10, 10), QPointF(10, 10), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    QCOMPARE(view.zoomSteps(), 1);
    QVERIFY(view.document()->defaultFont().pointSizeF() > before);
    view.zoomOutArticle();
    view.zoomOutArticle();
    QCOMPARE(view.zoomSteps(), -1);
    QVERIFY(view.document()->defaultFont().pointSizeF() < before);
    // The explicit Naskh families survive zooming.
    QVERIFY(view.document()->defaultFont().families().contains(u"Noto Naskh Arabic"_s));
}

void ArticleViewTest::flashScrollsTheSpanIntoView()
{
    ArticleView view;
    view.resize(600, 200);
    QString text;
    for (int i = 0; i < 40; ++i) {
        text += kArabic + u'\n';
    }
    const int start = int(text.lastIndexOf(u"المغرب"_s));
    view.setArticle(text, {});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.verticalScrollBar()->value(), 0);
    view.flashSpan(start, start + 6);
    QVERIFY(view.isFlashing());
    const QRect rect = layoutRects(view, start, start + 6).constFirst();
    QVERIFY(view.viewport()->rect().contains(rect.center()));
    const QList<QTextEdit::ExtraSelection> selections = view.extraSelections();
    QVERIFY(std::any_of(selections.cbegin(), selections.cend(),
                        [&](const QTextEdit::ExtraSelection &s) { return s.cursor.selectionStart() == start; }));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isFlashing(), 3000);
}

QTEST_MAIN(ArticleViewTest)
#include "articleview_test.moc"
