#pragma once

#include <QObject>

class QMenu;
class QPoint;

namespace Rasid {

class MainWindow;
class WorkspaceSession;

/*
 * The review and entity commands of the workbench: confirm a field or an
 * incident, reject, add, split, merge and delete incidents, mark an article as
 * having none, assign the selected words to a field, mark, retype and remove
 * entities and teach them to the whole corpus, and the article view's context
 * menu that offers them. Every change goes through the session's undo stack or
 * its models. Owned by the main window, whose panes and session it works on.
 */
class ReviewActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewActions)
public:
    explicit ReviewActions(MainWindow *window);

    void confirmField();
    void confirmIncident();
    void rejectIncident();
    void addIncident();
    void splitIncident();
    void mergeIncidents();
    void deleteIncident();
    void markNoIncident();
    void assignSelection(const QString &field);
    void markEntity(const QString &type);
    void showArticleContextMenu(const QPoint &pos);
    // The article view's context menu for a viewport position (the caller owns it).
    QMenu *createArticleContextMenu(const QPoint &pos);

private:
    WorkspaceSession *session() const;
    void changeEntityType(qint64 entityId, const QString &type);
    void removeEntity(qint64 entityId);
    void offerApplyToCorpus(const QString &surface, const QString &type, const QString &value);
    qint64 ensureIncident();

    MainWindow *m_window;
};

} // namespace Rasid
