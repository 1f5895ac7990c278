#pragma once

#include <QDoubleSpinBox>
#include <QStringList>
#include <QToolButton>
#include <QWidget>

class QComboBox;
class QSpinBox;

namespace Rasid {

/*
 * A date that may be partial, as news gives it: a year, a month of a year, or
 * a full day; the ISO 8601 text is "2024", "2024-04" or "2024-04-20", and an
 * unknown year is kept as "XXXX" (ISO 8601-2) when a month or day is known.
 */
class PartialDateEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartialDateEdit)
public:
    explicit PartialDateEdit(QWidget *parent = nullptr);

    QString isoDate() const;
    void setIsoDate(const QString &iso);

    QSpinBox *yearBox() const { return m_year; }
    QComboBox *monthBox() const { return m_month; }
    QSpinBox *dayBox() const { return m_day; }

signals:
    void editingFinished();

private:
    void updateDayRange();

    QSpinBox *m_year = nullptr;
    QComboBox *m_month = nullptr;
    QSpinBox *m_day = nullptr;
};

/*
 * records_affected: a whole number that may be far beyond an int (three
 * billion accounts), shown with group separators; empty is "unknown".
 */
class RecordsSpinBox final : public QDoubleSpinBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsSpinBox)
public:
    explicit RecordsSpinBox(QWidget *parent = nullptr);

    QString digits() const; // "" when unknown
    void setDigits(const QString &digits);

    // Sized for realistic counts, not for the 10^15 maximum.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
};

/*
 * Several codes of one enumeration (data_types): a button showing the chosen
 * labels, with a menu of checkable entries. The value is ';'-separated codes
 * in the enumeration's order.
 */
class MultiValueButton final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MultiValueButton)
public:
    explicit MultiValueButton(QWidget *parent = nullptr);

    void setChoices(const QStringList &codes, const QStringList &labels);
    QString value() const;
    void setValue(const QString &value);

signals:
    void valueEdited();

private:
    void updateText();
};

} // namespace Rasid
