#include "articlepane.h"

#include "articleview.h"
#include "legendwidget.h"
#include "noteedit.h"
#include "removednote.h"

#include <QAction>
#include <QDate>
#include <QGuiApplication>
#include <QLineEdit>
#include <QToolButton>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {
// A partial ISO date in the interface's words: "2024", "April 2024", "20 April 2024".
QString displayDate(const QString &iso)
{
    const QStringList parts = iso.split(u'-');
    const QLocale locale;
    if (parts.size() >= 3) {
        const QDate date = QDate::fromString(iso.left(10), Qt::ISODate);
        if (date.isValid()) {
            return locale.toString(date, QLocale::LongFormat);
        }
    }
    if (parts.size() == 2) {
        const int month = parts.at(1).toInt();
        if (month >= 1 && month <= 12) {
            return u"%1 %2"_s.arg(locale.monthName(month), parts.at(0));
        }
    }
    return iso;
}
} // namespace

ArticlePane::ArticlePane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_position(new QLabel(this))
    , m_offerBar(new QFrame(this))
    , m_offerText(new QLabel(m_offerBar))
    , m_offerButton(new QPushButton(m_offerBar))
    , m_offerDismiss(new QPushButton(m_offerBar))
    , m_findBar(new QFrame(this))
    , m_findEdit(new QLineEdit(m_findBar))
    , m_findCount(new QLabel(m_findBar))
    , m_findClose(new QToolButton(m_findBar))
    , m_view(new ArticleView(this))
    , m_legend(new LegendWidget(this))
    , m_note(new NoteEdit(this))
    , m_removed(new RemovedNote(this))
{
    setObjectName(u"articlePane"_s);
    // Article metadata is data, not markup: every label is plain text.
    for (QLabel *label : {m_title, m_meta, m_position, m_offerText}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_title->setObjectName(u"articleTitle"_s);
    m_meta->setObjectName(u"articleMeta"_s);
    m_position->setObjectName(u"articlePosition"_s);
    m_title->setWordWrap(true);
    m_meta->setWordWrap(true);
    QFont titleFont = m_view->articleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QPalette metaPalette = m_meta->palette();
    metaPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_meta->setPalette(metaPalette);
    m_position->setAlignment(Qt::AlignTrailing | Qt::AlignTop);

    m_offerBar->setObjectName(u"offerBar"_s);
    m_offerBar->setFrameShape(QFrame::StyledPanel);
    m_offerBar->setAutoFillBackground(true);
    QPalette offerPalette = m_offerBar->palette();
    offerPalette.setColor(QPalette::Window, QColor(0xff, 0xf6, 0xd5));
    m_offerBar->setPalette(offerPalette);
    m_offerText->setWordWrap(true);
    m_offerButton->setObjectName(u"offerApply"_s);
    auto *offerLayout = new QHBoxLayout(m_offerBar);
    offerLayout->setContentsMargins(8, 4, 8, 4);
    offerLayout->addWidget(m_offerText, 1);
    offerLayout->addWidget(m_offerButton);
    offerLayout->addWidget(m_offerDismiss);
    m_offerBar->hide();
    connect(m_offerButton, &QPushButton::clicked, this, [this] {
        const auto action = m_offerAction;
        dismissOffer();
        if (action) {
            action();
        }
    });
    connect(m_offerDismiss, &QPushButton::clicked, this, &ArticlePane::dismissOffer);

    m_findBar->setObjectName(u"findBar"_s);
    m_findEdit->setObjectName(u"findInArticle"_s);
    m_note->setObjectName(u"articleNote"_s);
    m_findEdit->setClearButtonEnabled(true);
    m_findCount->setObjectName(u"findCount"_s);
    m_findCount->setTextFormat(Qt::PlainText);
    m_findClose->setAutoRaise(true);
    m_findClose->setText(u"×"_s);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(8, 2, 8, 2);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(m_findCount);
    findLayout->addWidget(m_findClose);
    m_findBar->hide();
    connect(m_findEdit, &QLineEdit::textChanged, this, &ArticlePane::runFind);
    // Enter walks the matches (Shift+Enter backwards); Escape closes the bar.
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] {
        findNext(QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier));
    });
    auto *escape = new QAction(m_findEdit);
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WidgetShortcut);
    m_findEdit->addAction(escape);
    connect(escape, &QAction::triggered, this, &ArticlePane::closeFind);
    connect(m_findClose, &QToolButton::clicked, this, &ArticlePane::closeFind);

    auto *header = new QGridLayout;
    header->setContentsMargins(8, 6, 8, 2);
    header->addWidget(m_title, 0, 0);
    header->addWidget(m_position, 0, 1);
    header->addWidget(m_meta, 1, 0, 1, 2);
    header->setColumnStretch(0, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_removed);
    layout->addWidget(m_offerBar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_legend);
    connect(m_legend, &LegendWidget::typeToggled, m_view, &ArticleView::setTypeVisible);
    updateTexts();
}

void ArticlePane::setHeader(const ArticleHeaderInfo &info)
{
    // Another article: its note starts closed, the same one keeps its state.
    const bool same = info.path == m_info.path && info.title == m_info.title;
    const bool open = same && m_removed->isExpanded();
    m_info = info;
    m_removed->setRemoved(info.removed);
    m_removed->setExpanded(open);
    updateTexts();
}

void ArticlePane::setPosition(int position, int count)
{
    m_info.position = position;
    m_info.count = count;
    updateTexts();
}

void ArticlePane::clear()
{
    m_info = {};
    m_removed->setRemoved({});
    m_note->setNote(0, QString());
    m_view->clearArticle();
    dismissOffer();
    updateTexts();
}

QString ArticlePane::positionText() const
{
    return m_position->text();
}

void ArticlePane::updateTexts()
{
    m_title->setText(m_info.title.isEmpty() && !m_info.path.isEmpty() ? m_info.path : m_info.title);
    // The title is Arabic or Latin; each label follows its own text.
    m_title->setLayoutDirection(m_info.title.isRightToLeft() ? Qt::RightToLeft : layoutDirection());
    m_title->setAlignment(Qt::AlignLeading | Qt::AlignVCenter);
    QStringList meta;
    if (!m_info.outlet.isEmpty()) {
        meta.append(m_info.outlet);
    }
    if (!m_info.published.isEmpty()) {
        meta.append(displayDate(m_info.published));
    }
    if (!m_info.sourceUrl.isEmpty()) {
        // Isolated, so that an Arabic outlet beside it does not reorder the address.
        meta.append(QChar(0x2068) + m_info.sourceUrl + QChar(0x2069));
    }
    m_meta->setText(meta.join(u"  ·  "_s));
    m_meta->setToolTip(m_info.path);
    const QLocale locale;
    m_position->setText(m_info.position > 0 ? tr("%1 / %2").arg(locale.toString(m_info.position),
                                                                  locale.toString(m_info.count))
                                            : QString());
    m_position->setToolTip(tr("Position of this article in the list"));
    m_offerDismiss->setText(tr("Not now"));
    m_findEdit->setPlaceholderText(tr("Find in this article (Arabic-aware)"));
    m_note->setPlaceholderText(tr("Your note on this article (exported with its incidents)"));
    m_findClose->setToolTip(tr("Close the find bar (Esc)"));
    if (m_info.title.isEmpty() && m_info.path.isEmpty()) {
        m_title->setText(tr("No article selected"));
    }
}

void ArticlePane::offer(const QString &text, const QString &actionText, const std::function<void()> &action)
{
    m_offerText->setText(text);
    m_offerButton->setText(actionText);
    m_offerAction = action;
    m_offerBar->show();
}

void ArticlePane::dismissOffer()
{
    m_offerAction = nullptr;
    m_offerBar->hide();
}

bool ArticlePane::isOffering() const
{
    return !m_offerBar->isHidden();
}

void ArticlePane::openFind()
{
    m_findBar->show();
    // The selected words are what the analyst most likely looks for.
    const QString selected = m_view->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator) && selected.size() < 80) {
        m_findEdit->setText(selected);
    }
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
    runFind();
}

void ArticlePane::closeFind()
{
    m_findBar->hide();
    m_view->clearFind();
    m_view->setFocus(Qt::OtherFocusReason);
}

bool ArticlePane::isFinding() const
{
    return !m_findBar->isHidden();
}

void ArticlePane::findNext(bool backwards)
{
    if (!isFinding()) {
        openFind();
        return;
    }
    m_view->findNext(backwards);
    updateFindCount();
}

void ArticlePane::runFind()
{
    m_view->find(m_findEdit->text());
    updateFindCount();
}

void ArticlePane::updateFindCount()
{
    const QLocale locale;
    const int count = int(m_view->findMatches().size());
    if (m_findEdit->text().trimmed().isEmpty()) {
        m_findCount->clear();
    } else if (count == 0) {
        m_findCount->setText(tr("Not found"));
    } else {
        m_findCount->setText(tr("%1 / %2").arg(locale.toString(m_view->currentMatch() + 1), locale.toString(count)));
    }
}

void ArticlePane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        updateTexts();
    }
}

} // namespace Rasid
