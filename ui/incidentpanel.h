#pragma once

#include <QPointer>
#include <QVector>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QTreeView;

namespace Rasid {

class ActionRegistry;
class FieldForm;
class NoteEdit;
inline namespace ItemModels { class IncidentFieldModel; }

/*
 * The right-hand pane: the incidents of the current article (add, split,
 * merge, delete, reject, confirm, "no incident") above the field form of the
 * selected one. It only shows and selects; the main window runs the commands
 * through the registry's actions.
 */
class IncidentPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentPanel)
public:
    explicit IncidentPanel(ActionRegistry *actions, QWidget *parent = nullptr);

    void setModels(QAbstractItemModel *incidents, IncidentFieldModel *fields);
    QTreeView *incidentView() const { return m_view; }
    FieldForm *form() const { return m_form; }
    // The analyst's note on the current incident.
    NoteEdit *noteEdit() const { return m_note; }

    qint64 currentIncidentId() const;
    QVector<qint64> selectedIncidentIds() const;
    // Selects an incident by id; false when the list does not hold it.
    bool selectIncident(qint64 incidentId);
    // The incident delta rows below (above when negative) the current one; false at either end.
    bool moveIncident(int delta);
    // The next incident still only suggested after the current one (wrapping); false when none is.
    bool selectNextUndecided();
    // Keyboard focus to the incident list, with the field Enter would confirm shown.
    void focusIncidents();
    // Keeps a valid selection after the list changed: the same id, else the first row.
    void ensureSelection(qint64 preferredId = 0);

signals:
    void currentIncidentChanged(qint64 incidentId);
    void selectionChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onCurrentChanged();

    QPointer<QAbstractItemModel> m_incidents;
    QTreeView *m_view = nullptr;
    FieldForm *m_form = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_fieldsTitle = nullptr;
    NoteEdit *m_note = nullptr;
    qint64 m_currentId = -1;
};

} // namespace Rasid
