// GUI memory benchmark: `bench_ui_memory <bench-dir>` opens the 100,000-article
// workspace built by bench_workspace in the main window (offscreen), as an
// analyst would use it: scrolls the article list from top to bottom, reads 300
// articles with their highlights and incidents, searches, filters, and prints the
// resident memory after each stage and its peak in one JSON line. Budget: under
// 400 MB; the list must not hold every article.

#include "actionregistry.h"
#include "articlelistpanel.h"
#include "benchutil.h"
#include "mainwindow.h"
#include "settingkeys.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// Lets queued work (paging, highlight and incident reads) run.
void settle(int ms = 50)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    const QString path = app.arguments().value(1, u"/tmp/rasid-bench"_s) + u"/workspace100k.rasid"_s;
    // Settings of its own, so the benchmark never touches the analyst's.
    QTemporaryDir settingsDir;
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    {
        QSettings settings;
        Settings::AnalystName.setValue(settings, u"bench"_s);
    }
    const double baseMb = procStatusMb("VmRSS");

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QElapsedTimer clock;
    clock.start();
    if (!window.openWorkspace(path)) {
        std::fprintf(stderr, "cannot open %s (run bench_workspace first)\n", qPrintable(path));
        return 1;
    }
    settle(500);
    const double openMb = procStatusMb("VmRSS");

    // Scroll the whole list, as far as the list lets the analyst go.
    QAbstractItemView *list = window.articleList()->findChild<QAbstractItemView *>();
    QAbstractItemModel *model = list ? list->model() : nullptr;
    if (!model) {
        std::fprintf(stderr, "no article list\n");
        return 1;
    }
    int rowsSeen = 0;
    for (int step = 0; step < 20000; ++step) {
        QScrollBar *bar = list->verticalScrollBar();
        const int before = model->rowCount();
        bar->setValue(bar->maximum());
        QCoreApplication::processEvents();
        while (model->canFetchMore({})) {
            model->fetchMore({});
            QCoreApplication::processEvents();
        }
        rowsSeen = model->rowCount();
        if (rowsSeen == before && bar->value() == bar->maximum()) {
            break;
        }
    }
    settle(200);
    const double scrolledMb = procStatusMb("VmRSS");

    // Read 300 articles one after another with the keyboard action.
    QAction *next = window.actions()->action(u"nextArticle"_s);
    list->setCurrentIndex(model->index(0, 0));
    settle(100);
    for (int i = 0; i < 300 && next; ++i) {
        next->trigger();
        QCoreApplication::processEvents();
    }
    settle(300);
    const double readMb = procStatusMb("VmRSS");

    // Search, then clear it.
    for (const QString &query : {u"هجوم"_s, u"وزارة الصحة"_s, u"فدية"_s, QString()}) {
        window.articleList()->searchEdit()->setText(query);
        settle(600);
    }
    const double searchedMb = procStatusMb("VmRSS");

    std::printf("{\"bench\":\"gui_memory\",\"articles_listed\":%d,\"base_mb\":%.0f,\"open_mb\":%.0f,"
                "\"scrolled_mb\":%.0f,\"read_300_mb\":%.0f,\"searched_mb\":%.0f,\"peak_mb\":%.0f,\"seconds\":%.1f}\n",
                rowsSeen, baseMb, openMb, scrolledMb, readMb, searchedMb, procStatusMb("VmHWM"),
                double(clock.elapsed()) / 1000.0);
    return 0;
}
