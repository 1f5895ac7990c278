#pragma once

#include "itemmodels/incidentfieldmodel.h"

#include <QPointer>
#include <QVector>
#include <QWidget>

class QGridLayout;
class QLabel;
class QToolButton;

namespace Rasid {

class FieldDelegate;

/*
 * The fields of the selected incident as a form, one line per field: origin
 * icon and colour, label, editor (from FieldDelegate), confidence and an
 * evidence button that shows the article span. The editors stay open, so the
 * analyst reads and corrects without opening anything; a changed value is
 * written when its editor commits (Enter, leaving it, choosing in a combo),
 * and the model turns the write into an undoable command.
 */
class FieldForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldForm)
public:
    explicit FieldForm(QWidget *parent = nullptr);

    void setModel(IncidentFieldModel *model);
    IncidentFieldModel *model() const { return m_model; }

    // The field the analyst is on: the focused editor's, else the last one focused.
    int currentRow() const { return m_current; }
    void setCurrentRow(int row, bool focusEditor = true);
    QWidget *editor(int row) const;
    QToolButton *evidenceButton(int row) const;
    QLabel *originIcon(int row) const;
    // Whether the editor shows something other than the stored value.
    bool isDirty(int row) const;
    // Writes the current editor if it was changed; true when it wrote.
    bool commitCurrent();
    // Puts the stored value back in the current editor if it was changed.
    void revertCurrent();
    // Makes sure a field is current (the first one still only suggested, else
    // the first) so that the form shows which one Enter confirms.
    void showCurrentField();
    // Whether a row is drawn as the current one (label marked and highlighted).
    bool isMarkedCurrent(int row) const;

signals:
    void currentRowChanged(int row);
    // The evidence of a field was clicked: the article should show [start, end).
    void evidenceActivated(int start, int end);

private:
    struct Row
    {
        QLabel *origin = nullptr;
        QLabel *label = nullptr;
        QWidget *editor = nullptr;
        QLabel *confidence = nullptr;
        QToolButton *evidence = nullptr;
        int nextSpan = 0; // repeated clicks walk through the spans
    };

    void rebuild();
    void refreshRows(int first, int last);
    void refreshRow(int row);
    void commitEditor(QWidget *editor);
    void focusChanged(QWidget *now);
    void showEvidence(int row);
    int rowOfWidget(const QWidget *widget) const;

    QPointer<IncidentFieldModel> m_model;
    FieldDelegate *m_delegate = nullptr;
    QGridLayout *m_grid = nullptr;
    QVector<Row> m_rows;
    int m_current = -1;
    bool m_refreshing = false;
};

} // namespace Rasid
