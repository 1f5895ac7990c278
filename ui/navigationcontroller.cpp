#include "navigationcontroller.h"

#include "articlelistpanel.h"
#include "itemmodels/articlelistmodel.h"
#include "mainwindow.h"
#include "workspacesession.h"

namespace Rasid {

NavigationController::NavigationController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
}

WorkspaceSession *NavigationController::session() const
{
    return m_window->session();
}

void NavigationController::moveArticle(int delta)
{
    if (!session()) {
        return;
    }
    const int row = m_window->articleList()->currentRow();
    const int target = row < 0 ? 0 : row + delta;
    if (target < 0 || !m_window->articleList()->selectRow(target)) {
        m_window->showMessage(delta > 0 ? tr("This is the last article.") : tr("This is the first article."), 3000);
    }
}

void NavigationController::nextUnreviewed(bool backwards)
{
    if (!session()) {
        return;
    }
    const int row = session()->articles()->nextUnreviewedRow(m_window->articleList()->currentRow(), backwards);
    if (row < 0 || !m_window->articleList()->selectRow(row)) {
        m_window->showMessage(tr("No other unreviewed article in the list."), 4000);
    }
}

} // namespace Rasid
