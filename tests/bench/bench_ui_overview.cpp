// The Overview tab on the 100,000-article workspace of bench_workspace:
// `bench_ui_overview <bench-dir>` prints one JSON line per figure: opening the
// overview (the aggregates read on a worker, the charts built) for each scope,
// with and without a search filter, and refreshing after an analyst's edit:
// how long the edit holds the GUI thread, how long until the new counts are
// on screen, and the longest the GUI thread's event loop stalled meanwhile
// (what typing would feel). Budget: open under 500 ms.

#include "benchutil.h"
#include "overviewwidget.h"
#include "store/reviewstore.h"
#include "store/undocommands.h"
#include "store/workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// Runs the event loop until the overview shows new counts; the longest gap
// between two ticks of a 2 ms timer is what the GUI thread was busy.
double waitRefreshed(OverviewWidget &overview, double *stallMs)
{
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer tick;
    tick.start();
    double longest = 0;
    QTimer timer;
    timer.setInterval(2);
    QObject::connect(&timer, &QTimer::timeout, &timer, [&] {
        longest = qMax(longest, double(tick.nsecsElapsed()) / 1e6);
        tick.restart();
    });
    timer.start();
    QEventLoop loop;
    QObject::connect(&overview, &OverviewWidget::refreshed, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    if (stallMs) {
        *stallMs = longest;
    }
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString dir = app.arguments().value(1, u"/tmp/rasid-bench"_s);
    const QString path = dir + u"/workspace100k.rasid"_s;
    if (!QFileInfo::exists(path)) {
        std::fprintf(stderr, "run bench_workspace %s first\n", qPrintable(dir));
        return 1;
    }
    Workspace workspace; // the GUI thread's writer, as in the window (migrates once)
    if (!workspace.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.lastError()));
        return 1;
    }
    int incidents = 0;
    {
        QSqlQuery count(workspace.database());
        count.prepare(u"SELECT count(*) FROM incidents"_s);
        if (execPrepared(count) && count.next()) {
            incidents = count.value(0).toInt();
        }
    }

    OverviewWidget overview;
    overview.resize(1000, 1400);
    overview.show();
    const QVector<QPair<OverviewScope, const char *>> scopes = {
        {OverviewScope::Confirmed, "confirmed"},
        {OverviewScope::Suggested, "suggested"},
        {OverviewScope::ConfirmedAndSuggested, "both"}};
    for (const auto &scope : scopes) {
        for (const QString &search : {QString(), u"اختراق"_s}) {
            QVector<double> times;
            for (int run = 0; run < 5; ++run) {
                overview.setWorkspacePath({});
                ArticleFilter filter;
                filter.setSearchText(search);
                overview.setFilter(filter);
                overview.setScope(scope.first);
                QElapsedTimer clock;
                clock.start();
                overview.setWorkspacePath(path);
                waitRefreshed(overview, nullptr);
                times.append(double(clock.nsecsElapsed()) / 1e6);
            }
            std::printf("{\"bench\":\"overview_open\",\"scope\":\"%s\",\"search\":%s,\"incidents\":%d,"
                        "\"counted\":%d,\"first_ms\":%.1f,\"p50_ms\":%.1f,\"max_ms\":%.1f}\n",
                        scope.second, search.isEmpty() ? "false" : "true", incidents, overview.data().incidents,
                        times.first(), percentile(times, 0.5), percentile(times, 1.0));
        }
    }

    // An analyst confirms an incident: the edit on the GUI thread, then the
    // overview's refresh off it; undone afterwards, so the workspace stays as built.
    overview.setFilter({});
    overview.setScope(OverviewScope::ConfirmedAndSuggested);
    waitRefreshed(overview, nullptr);
    ReviewStore store(workspace, u"bench"_s);
    QObject::connect(&store, &ReviewStore::incidentChanged, &overview, &OverviewWidget::refresh);
    QSqlQuery pick(workspace.database());
    pick.prepare(u"SELECT id, article_id FROM incidents WHERE review_status = 'suggested' ORDER BY id LIMIT 20"_s);
    QVector<QPair<qint64, qint64>> picked;
    if (execPrepared(pick)) {
        while (pick.next()) {
            picked.append({pick.value(0).toLongLong(), pick.value(1).toLongLong()});
        }
    }
    QUndoStack undo;
    QVector<double> editMs, refreshMs, stallMs;
    for (const auto &incident : std::as_const(picked)) {
        QElapsedTimer clock;
        clock.start();
        undo.push(new ConfirmIncident(&store, incident.first));
        editMs.append(double(clock.nsecsElapsed()) / 1e6);
        double stall = 0;
        refreshMs.append(waitRefreshed(overview, &stall));
        stallMs.append(stall);
    }
    while (undo.canUndo()) {
        undo.undo();
    }
    std::printf("{\"bench\":\"overview_refresh_after_edit\",\"edits\":%d,\"edit_p50_ms\":%.1f,\"edit_p95_ms\":%.1f,"
                "\"refresh_p50_ms\":%.1f,\"refresh_p95_ms\":%.1f,\"gui_stall_p50_ms\":%.1f,\"gui_stall_max_ms\":%.1f,"
                "\"refresh_delay_ms\":%d}\n",
                int(editMs.size()), percentile(editMs, 0.5), percentile(editMs, 0.95), percentile(refreshMs, 0.5),
                percentile(refreshMs, 0.95), percentile(stallMs, 0.5), percentile(stallMs, 1.0),
                OverviewWidget::RefreshDelayMs);
    return 0;
}
