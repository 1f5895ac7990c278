// Article switch benchmark, with the widgets: `bench_ui_switch <bench-dir>` opens
// the 100,000-article workspace built by bench_workspace and switches an
// offscreen article view between its 50 largest articles (about 20 KB each):
// read the article and its entities, set text and highlights, paint. Prints
// p50/p95 in one JSON line.

#include "articleview.h"
#include "benchutil.h"
#include "itemmodels/entitymodel.h"
#include "store/reviewstore.h"
#include "store/workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Rasid;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    const QString path = app.arguments().value(1, u"/tmp/rasid-bench"_s) + u"/workspace100k.rasid"_s;
    Workspace ws;
    if (!ws.open(path, Workspace::Mode::ReadWrite)) {
        std::fprintf(stderr, "%s (run bench_workspace first)\n", qPrintable(ws.lastError()));
        return 1;
    }
    ReviewStore store(ws, u"bench"_s);
    QUndoStack undo;
    EntityModel entities(&store, &undo);
    ArticleView view;
    view.resize(900, 800);
    view.show();

    QSqlQuery largest(ws.database());
    largest.prepare(u"SELECT id, length(text) FROM articles ORDER BY length(text) DESC LIMIT 50"_s);
    QVector<qint64> ids;
    int maxChars = 0;
    if (execPrepared(largest)) {
        while (largest.next()) {
            ids.append(largest.value(0).toLongLong());
            maxChars = qMax(maxChars, largest.value(1).toInt());
        }
    }
    QVector<double> ms;
    int spansShown = 0;
    for (int round = 0; round < 2; ++round) {
        for (qint64 id : std::as_const(ids)) {
            QElapsedTimer clock;
            clock.start();
            const ArticleContent content = store.article(id);
            entities.setArticle(id);
            const QVector<EntityHighlight> highlights = entities.highlights();
            QVector<ArticleView::Span> spans;
            spans.reserve(highlights.size());
            for (int row = 0; row < highlights.size(); ++row) {
                EntityType type;
                if (entityTypeFromName(highlights.at(row).type, &type)) {
                    spans.append({highlights.at(row).entityId, highlights.at(row).start, highlights.at(row).end, type,
                                  entities.tooltipText(row)});
                }
            }
            view.setArticle(content.text, spans);
            view.viewport()->repaint(); // the paint happens now, inside the measure
            if (round == 1) {
                ms.append(double(clock.nsecsElapsed()) / 1e6);
                spansShown = qMax(spansShown, int(spans.size()));
            }
        }
    }
    std::printf("{\"bench\":\"switch_article_view\",\"articles\":%d,\"max_chars\":%d,\"max_highlights\":%d,"
                "\"p50_ms\":%.1f,\"p95_ms\":%.1f}\n",
                int(ms.size()), maxChars, spansShown, percentile(ms, 0.5), percentile(ms, 0.95));
    return 0;
}
