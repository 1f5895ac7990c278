#include "fielddelegate.h"

#include "countries.h"
#include "fieldeditors.h"
#include "itemmodels/roles.h"

#include <QComboBox>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {
void fillCombo(QComboBox *combo, const QModelIndex &index)
{
    QStringList codes = index.data(AllowedValuesRole).toStringList();
    QStringList labels = index.data(AllowedValueLabelsRole).toStringList();
    if (codes.isEmpty() && FieldKind(index.data(FieldKindRole).toInt()) == FieldKind::Country) {
        // Every ISO 3166 country, named in the interface language.
        codes.append(QString());
        labels.append(QString());
        for (const auto &choice : countryChoices()) {
            codes.append(choice.first);
            labels.append(countryChoiceLabel(choice.first));
        }
    }
    combo->clear();
    for (int i = 0; i < codes.size(); ++i) {
        const QString &code = codes.at(i);
        QString label = labels.value(i, code);
        if (code.isEmpty() && label.isEmpty()) {
            label = FieldDelegate::tr("(empty)");
        }
        combo->addItem(label, code);
    }
}
} // namespace

FieldDelegate::FieldDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QWidget *FieldDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const auto kind = FieldKind(index.data(FieldKindRole).toInt());
    // commitData is a signal, so not const; the editors report through it.
    auto *self = const_cast<FieldDelegate *>(this);
    QWidget *editor = nullptr;
    switch (kind) {
    case FieldKind::Enumeration:
    case FieldKind::Country: {
        auto *combo = new QComboBox(parent);
        fillCombo(combo, index);
        if (combo->count() == 0) {
            combo->setEditable(true); // no list: any code may be typed
        }
        combo->setMaxVisibleItems(20);
        // Sized by a few characters, not by the longest of 250 country names.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(6);
        connect(combo, &QComboBox::activated, this, [self, combo] { emit self->commitData(combo); });
        editor = combo;
        break;
    }
    case FieldKind::MultiEnumeration: {
        auto *button = new MultiValueButton(parent);
        button->setChoices(index.data(AllowedValuesRole).toStringList(),
                           index.data(AllowedValueLabelsRole).toStringList());
        connect(button, &MultiValueButton::valueEdited, this,
                [self, button] { emit self->commitData(button); });
        editor = button;
        break;
    }
    case FieldKind::Count: {
        auto *spin = new RecordsSpinBox(parent);
        connect(spin, &QAbstractSpinBox::editingFinished, this,
                [self, spin] { emit self->commitData(spin); });
        editor = spin;
        break;
    }
    case FieldKind::Date: {
        auto *date = new PartialDateEdit(parent);
        connect(date, &PartialDateEdit::editingFinished, this,
                [self, date] { emit self->commitData(date); });
        editor = date;
        break;
    }
    case FieldKind::Text: {
        auto *line = new QLineEdit(parent);
        line->setClearButtonEnabled(true);
        connect(line, &QLineEdit::editingFinished, this,
                [self, line] { emit self->commitData(line); });
        editor = line;
        break;
    }
    }
    editor->setObjectName(u"field-"_s + index.data(FieldNameRole).toString());
    return editor;
}

QString FieldDelegate::shownValue(const QModelIndex &index)
{
    return index.data(FieldNeedsLookRole).toBool() ? QString() : index.data(Qt::EditRole).toString();
}

void FieldDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    // A suggestion that needs a look is not filled in: the editor starts empty
    // and says what was suggested, so that the analyst reads it before it counts.
    const bool look = index.data(FieldNeedsLookRole).toBool();
    const QString value = shownValue(index);
    const QString hint = look ? tr("Needs a look: %1").arg(index.data(Qt::DisplayRole).toString()) : QString();
    editor->setToolTip(hint);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setPlaceholderText(hint);
        if (combo->count() == 0 || combo->isEditable()) {
            fillCombo(combo, index);
        }
        int row = combo->findData(value);
        if (row < 0 && !value.isEmpty()) {
            // A value outside the list (an older workspace, a hand edit): show it rather than hide it.
            combo->addItem(value, value);
            row = combo->count() - 1;
        }
        combo->setCurrentIndex(look ? -1 : row);
        if (combo->isEditable()) {
            combo->setEditText(value);
        }
    } else if (auto *button = qobject_cast<MultiValueButton *>(editor)) {
        button->setValue(value);
    } else if (auto *spin = qobject_cast<RecordsSpinBox *>(editor)) {
        spin->setDigits(value);
    } else if (auto *date = qobject_cast<PartialDateEdit *>(editor)) {
        date->setIsoDate(value);
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setPlaceholderText(hint);
        if (line->text() != value) {
            line->setText(value);
            line->setCursorPosition(0);
        }
    }
}

void FieldDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (!showsValue(editor, shownValue(index))) {
        model->setData(index, editorValue(editor), Qt::EditRole);
    }
}

bool FieldDelegate::showsValue(const QWidget *editor, const QString &stored)
{
    const QString shown = editorValue(editor);
    if (qobject_cast<const MultiValueButton *>(editor)) {
        QStringList a = shown.split(u';', Qt::SkipEmptyParts);
        QStringList b = stored.split(u';', Qt::SkipEmptyParts);
        a.sort();
        b.sort();
        return a == b;
    }
    return shown == stored.trimmed();
}

QString FieldDelegate::editorValue(const QWidget *editor)
{
    if (const auto *combo = qobject_cast<const QComboBox *>(editor)) {
        if (combo->isEditable()) {
            return combo->currentText().trimmed();
        }
        return combo->currentIndex() >= 0 ? combo->currentData().toString() : QString();
    }
    if (const auto *button = qobject_cast<const MultiValueButton *>(editor)) {
        return button->value();
    }
    if (const auto *spin = qobject_cast<const RecordsSpinBox *>(editor)) {
        return spin->digits();
    }
    if (const auto *date = qobject_cast<const PartialDateEdit *>(editor)) {
        return date->isoDate();
    }
    if (const auto *line = qobject_cast<const QLineEdit *>(editor)) {
        return line->text().trimmed();
    }
    return {};
}

} // namespace Rasid
