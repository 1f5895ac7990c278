#include "fieldeditors.h"

#include <QComboBox>
#include <QDate>
#include <QHBoxLayout>
#include <QLocale>
#include <QMenu>
#include <QSpinBox>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {
constexpr int kUnknownYear = 0;
}

PartialDateEdit::PartialDateEdit(QWidget *parent)
    : QWidget(parent)
    , m_year(new QSpinBox(this))
    , m_month(new QComboBox(this))
    , m_day(new QSpinBox(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // Year 0 stands for "not stated"; the spin box shows a dash for it.
    m_year->setRange(kUnknownYear, 2100);
    m_year->setSpecialValueText(tr("year?"));
    m_year->setGroupSeparatorShown(false);
    m_year->setToolTip(tr("Year"));
    m_month->addItem(tr("month?"), 0);
    const QLocale locale;
    for (int month = 1; month <= 12; ++month) {
        m_month->addItem(locale.standaloneMonthName(month), month);
    }
    m_month->setToolTip(tr("Month"));
    m_month->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_month->setMinimumContentsLength(3);
    // Arrow keys and the wheel still step them; the buttons would crowd the form.
    m_day->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_year->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_day->setRange(0, 31);
    m_day->setSpecialValueText(tr("day?"));
    m_day->setToolTip(tr("Day"));
    // Day, month, year: the order Arabic news writes a date in.
    layout->addWidget(m_day);
    layout->addWidget(m_month, 1);
    layout->addWidget(m_year);
    setFocusProxy(m_day);

    connect(m_year, &QSpinBox::editingFinished, this, &PartialDateEdit::editingFinished);
    connect(m_day, &QSpinBox::editingFinished, this, &PartialDateEdit::editingFinished);
    connect(m_month, &QComboBox::activated, this, [this] {
        updateDayRange();
        emit editingFinished();
    });
    connect(m_year, &QSpinBox::valueChanged, this, &PartialDateEdit::updateDayRange);
}

void PartialDateEdit::updateDayRange()
{
    const int month = m_month->currentData().toInt();
    m_day->setEnabled(month > 0);
    const int year = m_year->value() > 0 ? m_year->value() : 2000; // a leap year when unknown
    m_day->setMaximum(month > 0 ? QDate(year, month, 1).daysInMonth() : 31);
}

QString PartialDateEdit::isoDate() const
{
    const int year = m_year->value();
    const int month = m_month->currentData().toInt();
    const int day = month > 0 ? m_day->value() : 0;
    if (year == kUnknownYear && month == 0) {
        return {};
    }
    QString iso = year == kUnknownYear ? u"XXXX"_s : u"%1"_s.arg(year, 4, 10, QChar(u'0'));
    if (month > 0) {
        iso += u"-%1"_s.arg(month, 2, 10, QChar(u'0'));
        if (day > 0) {
            iso += u"-%1"_s.arg(day, 2, 10, QChar(u'0'));
        }
    }
    return iso;
}

void PartialDateEdit::setIsoDate(const QString &iso)
{
    const QStringList parts = iso.trimmed().split(u'-');
    bool ok = false;
    const int year = parts.value(0).toInt(&ok);
    m_year->setValue(ok ? year : kUnknownYear);
    const int month = parts.size() > 1 ? parts.at(1).toInt() : 0;
    m_month->setCurrentIndex(std::max(0, m_month->findData(month)));
    updateDayRange();
    m_day->setValue(parts.size() > 2 ? parts.at(2).toInt() : 0);
}

RecordsSpinBox::RecordsSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setDecimals(0);
    // -1 is "unknown" (an empty cell); doubles hold every count up to 2^53 exactly.
    setRange(-1, 1e15);
    setSpecialValueText(tr("unknown"));
    setGroupSeparatorShown(true);
    setSingleStep(1);
    setValue(-1);
    setAccelerated(true);
}

QString RecordsSpinBox::digits() const
{
    return value() < 0 ? QString() : QString::number(qint64(std::llround(value())));
}

void RecordsSpinBox::setDigits(const QString &digits)
{
    bool ok = false;
    const qint64 number = digits.trimmed().toLongLong(&ok);
    setValue(ok && number >= 0 ? double(number) : -1.0);
}

QSize RecordsSpinBox::sizeHint() const
{
    const QSize base = QDoubleSpinBox::sizeHint();
    return {std::min(base.width(), fontMetrics().horizontalAdvance(u"000,000,000,000"_s) + 40), base.height()};
}

QSize RecordsSpinBox::minimumSizeHint() const
{
    const QSize base = QDoubleSpinBox::minimumSizeHint();
    return {std::min(base.width(), fontMetrics().horizontalAdvance(u"00,000,000"_s) + 40), base.height()};
}

MultiValueButton::MultiValueButton(QWidget *parent)
    : QToolButton(parent)
{
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setMinimumWidth(60);
    setMenu(new QMenu(this));
}

void MultiValueButton::setChoices(const QStringList &codes, const QStringList &labels)
{
    menu()->clear();
    for (int i = 0; i < codes.size(); ++i) {
        if (codes.at(i).isEmpty()) {
            continue; // the "none" entry of single-choice combos
        }
        QAction *action = menu()->addAction(labels.value(i, codes.at(i)));
        action->setData(codes.at(i));
        action->setCheckable(true);
        connect(action, &QAction::toggled, this, [this] {
            updateText();
            emit valueEdited();
        });
    }
    updateText();
}

QString MultiValueButton::value() const
{
    QStringList codes;
    for (const QAction *action : menu()->actions()) {
        if (action->isChecked()) {
            codes.append(action->data().toString());
        }
    }
    return codes.join(u';');
}

void MultiValueButton::setValue(const QString &value)
{
    const QStringList codes = value.split(u';', Qt::SkipEmptyParts);
    for (QAction *action : menu()->actions()) {
        const QSignalBlocker blocker(action);
        action->setChecked(codes.contains(action->data().toString()));
    }
    updateText();
}

void MultiValueButton::updateText()
{
    QStringList labels;
    for (const QAction *action : menu()->actions()) {
        if (action->isChecked()) {
            labels.append(action->text());
        }
    }
    setText(labels.isEmpty() ? tr("none") : labels.join(tr(", ")));
}

} // namespace Rasid
