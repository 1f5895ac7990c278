#include "workspacesession.h"

#include "itemmodels/articlelistmodel.h"
#include "itemmodels/entitymodel.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/incidentlistmodel.h"
#include "itemmodels/problemsmodel.h"
#include "store/articlequeries.h"
#include "store/incidentqueries.h"
#include "store/reviewstore.h"

#include <QUndoStack>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {

std::unique_ptr<WorkspaceSession> WorkspaceSession::open(const QString &path, const QString &analyst,
                                                         QString *error)
{
    std::unique_ptr<WorkspaceSession> session(new WorkspaceSession);
    if (!session->m_workspace.open(path, Workspace::Mode::ReadWrite)) {
        if (error) {
            *error = session->m_workspace.lastError();
        }
        return nullptr;
    }
    WorkspaceSession *s = session.get();
    s->m_store = new ReviewStore(s->m_workspace, analyst, s);
    s->m_undoStack = new QUndoStack(s);
    s->m_articles = new ArticleListModel(s->m_workspace, s->m_store, s);
    s->m_incidents = new IncidentListModel(s->m_store, s);
    s->m_fields = new IncidentFieldModel(s->m_store, s->m_undoStack, s);
    s->m_entities = new EntityModel(s->m_store, s->m_undoStack, s);
    s->m_problems = new ProblemsModel(s->m_workspace, s);
    return session;
}

WorkspaceSession::~WorkspaceSession()
{
    // The models and the store read the workspace while they go; delete them first.
    delete m_problems;
    delete m_entities;
    delete m_fields;
    delete m_incidents;
    delete m_articles;
    delete m_undoStack;
    delete m_store;
    m_workspace.close();
}

QString WorkspaceSession::sourceFolder() const
{
    return m_workspace.meta(u"root"_s);
}

ArticleContent WorkspaceSession::article(qint64 articleId) const
{
    return m_store->article(articleId);
}

qint64 WorkspaceSession::articleIdForPath(const QString &path) const
{
    return Store::articleIdForPath(m_workspace, path);
}

QStringList WorkspaceSession::victimCountries(const QString &workspacePath)
{
    Workspace workspace;
    if (!workspace.open(workspacePath, Workspace::Mode::ReadOnly)) {
        return {};
    }
    return Store::victimCountries(workspace);
}

} // namespace Rasid
