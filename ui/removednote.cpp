#include "removednote.h"

#include <QEvent>
#include <QLocale>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

RemovedNote::RemovedNote(QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QToolButton(this))
    , m_passages(new QTextEdit(this))
{
    setObjectName(u"removedNote"_s);
    m_toggle->setObjectName(u"removedToggle"_s);
    m_toggle->setAutoRaise(true);
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::NoArrow);
    m_passages->setObjectName(u"removedPassages"_s);
    m_passages->setReadOnly(true);
    m_passages->setMaximumHeight(160);
    m_passages->hide();
    QPalette palette = m_toggle->palette();
    palette.setColor(QPalette::ButtonText, this->palette().color(QPalette::PlaceholderText));
    m_toggle->setPalette(palette);
    connect(m_toggle, &QToolButton::toggled, this, &RemovedNote::setExpanded);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggle, 0, Qt::AlignLeading);
    layout->addWidget(m_passages);
    hide();
}

QString RemovedNote::reasonText(const QString &reason)
{
    static const QHash<QString, const char *> texts = {
        {u"marks"_s, QT_TR_NOOP("scraper marks")},
        {u"title"_s, QT_TR_NOOP("the title again")},
        {u"outlet"_s, QT_TR_NOOP("the outlet's name")},
        {u"label"_s, QT_TR_NOOP("a section label")},
        {u"masthead"_s, QT_TR_NOOP("the outlet's masthead")},
        {u"chrome"_s, QT_TR_NOOP("page furniture (menus, sharing)")},
        {u"date"_s, QT_TR_NOOP("a date line")},
        {u"read-also"_s, QT_TR_NOOP("a \"read also\" block")},
        {u"caption"_s, QT_TR_NOOP("a picture caption")},
        {u"advert"_s, QT_TR_NOOP("an advertisement")},
        {u"credit"_s, QT_TR_NOOP("a picture credit")},
        {u"link"_s, QT_TR_NOOP("a link")},
        {u"repeat"_s, QT_TR_NOOP("a repeated passage")},
        {u"punctuation"_s, QT_TR_NOOP("punctuation alone")},
    };
    const char *text = texts.value(reason);
    return text ? tr(text) : reason;
}

void RemovedNote::setRemoved(const QVector<QPair<QString, QString>> &removed)
{
    m_removed = removed;
    m_passages->clear();
    QTextCursor cursor(m_passages->document());
    QTextBlockFormat reasonFormat;
    reasonFormat.setTopMargin(4);
    QTextCharFormat reasonChars;
    reasonChars.setForeground(palette().color(QPalette::PlaceholderText));
    QTextBlockFormat textFormat;
    // Each passage in its own paragraph: it takes the direction of its own
    // text, apart from the reason's words above it.
    textFormat.setLayoutDirection(Qt::LayoutDirectionAuto);
    bool first = true;
    for (const auto &[reason, text] : removed) {
        if (!first) {
            cursor.insertBlock(reasonFormat);
        } else {
            cursor.setBlockFormat(reasonFormat);
        }
        first = false;
        cursor.insertText(reasonText(reason), reasonChars);
        cursor.insertBlock(textFormat, QTextCharFormat());
        cursor.insertText(QString(text).replace(u'\n', QChar::LineSeparator));
    }
    m_passages->moveCursor(QTextCursor::Start);
    setVisible(!removed.isEmpty());
    updateTexts();
}

bool RemovedNote::isExpanded() const
{
    return !m_passages->isHidden();
}

void RemovedNote::setExpanded(bool expanded)
{
    m_passages->setVisible(expanded);
    if (m_toggle->isChecked() != expanded) {
        m_toggle->setChecked(expanded);
    }
    updateTexts();
}

void RemovedNote::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        setRemoved(m_removed); // the reasons' words and the line above them
    }
    QWidget::changeEvent(event);
}

void RemovedNote::updateTexts()
{
    const bool open = isExpanded();
    const QString arrow = open ? u"▾ "_s : (layoutDirection() == Qt::RightToLeft ? u"◂ "_s : u"▸ "_s);
    m_toggle->setText(arrow + tr("Cleaning left out %n passage(s) of the source", nullptr, int(m_removed.size())));
    m_toggle->setToolTip(open ? tr("Hide what cleaning left out") : tr("Show what cleaning left out, and why"));
}

} // namespace Rasid
