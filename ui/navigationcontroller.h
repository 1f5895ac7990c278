#pragma once

#include <QObject>

namespace Rasid {

class MainWindow;
class WorkspaceSession;

/*
 * Walking the article list of the workbench: the next and previous article,
 * the next and previous one not reviewed yet, with a word in the status bar
 * when there is none. Owned by the main window, whose list it moves.
 */
class NavigationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigationController)
public:
    explicit NavigationController(MainWindow *window);

    void moveArticle(int delta);
    void nextUnreviewed(bool backwards);

private:
    WorkspaceSession *session() const;

    MainWindow *m_window;
};

} // namespace Rasid
