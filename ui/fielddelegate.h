#pragma once

#include <QStyledItemDelegate>

namespace Rasid {

/*
 * Editors for the fields of an incident, chosen by the row's FieldKindRole:
 * a line edit for text, a combo for an enumeration or a country (codes from
 * AllowedValuesRole, labels from AllowedValueLabelsRole), a multi-choice
 * button for data types, a spin box for a record count and a partial date
 * edit for dates. Values travel as the untranslated strings the workspace
 * stores; setModelData writes only a changed value, which the model turns
 * into an undoable command.
 */
class FieldDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldDelegate)
public:
    explicit FieldDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

    // The value an editor currently shows, as the workspace would store it.
    static QString editorValue(const QWidget *editor);
    // Whether the editor still shows the stored value (codes of a multi-choice in any order).
    static bool showsValue(const QWidget *editor, const QString &stored);
    // The value an editor is filled in with: the stored one, or nothing for a
    // suggestion that needs a look (FieldNeedsLookRole).
    static QString shownValue(const QModelIndex &index);
};

} // namespace Rasid
