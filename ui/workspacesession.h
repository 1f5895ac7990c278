#pragma once

#include "store/reviewstore.h"
#include "store/workspace.h"

#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;

namespace Rasid {

inline namespace ItemModels { class ArticleListModel; }
inline namespace ItemModels { class EntityModel; }
inline namespace ItemModels { class IncidentFieldModel; }
inline namespace ItemModels { class IncidentListModel; }
inline namespace ItemModels { class ProblemsModel; }

/*
 * Everything that lives as long as one open workspace: the GUI thread's
 * connection (the writer, holding the lock), the review store every edit goes
 * through, the undo stack, and the item models the views show. Closing the
 * workspace is destroying the session; nothing is left to save.
 */
class WorkspaceSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceSession)
public:
    // Opens (creating if needed) the workspace file; null with *error on failure.
    static std::unique_ptr<WorkspaceSession> open(const QString &path, const QString &analyst, QString *error);
    ~WorkspaceSession() override;

    QString path() const { return m_workspace.path(); }
    Workspace &workspace() { return m_workspace; }
    ReviewStore *store() const { return m_store; }
    QUndoStack *undoStack() const { return m_undoStack; }
    ArticleListModel *articles() const { return m_articles; }
    IncidentListModel *incidents() const { return m_incidents; }
    IncidentFieldModel *fields() const { return m_fields; }
    EntityModel *entities() const { return m_entities; }
    ProblemsModel *problems() const { return m_problems; }

    // The folder the workspace was imported from (empty before the first import).
    QString sourceFolder() const;
    ArticleContent article(qint64 articleId) const;
    // The article read from a file (its first item), or 0.
    qint64 articleIdForPath(const QString &path) const;
    // ISO codes of the victim countries of the workspace's incidents, for the
    // filter. It scans every incident field, so it runs on its own read-only
    // connection: call it from a worker thread with the workspace path.
    static QStringList victimCountries(const QString &workspacePath);

private:
    WorkspaceSession() = default;

    Workspace m_workspace;
    ReviewStore *m_store = nullptr;
    QUndoStack *m_undoStack = nullptr;
    ArticleListModel *m_articles = nullptr;
    IncidentListModel *m_incidents = nullptr;
    IncidentFieldModel *m_fields = nullptr;
    EntityModel *m_entities = nullptr;
    ProblemsModel *m_problems = nullptr;
};

} // namespace Rasid
