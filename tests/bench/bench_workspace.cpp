// Workspace-scale benchmark: `bench_workspace <bench-dir>` builds (once) a
// 100,000-article workspace from the 10,000-article synthetic corpus (imported,
// then each article copied nine times under other paths with a distinct line, so
// the full-text index and the entities hold 100,000 articles), then prints one
// JSON line per figure: opening it to a usable article list, Arabic full-text
// search p50/p95 over 30 queries, loading an article with its entities (the
// model side of switching articles) p50/p95, CSV export of every incident, and
// resident memory with the list open.

#include "benchutil.h"
#include "export/exporter.h"
#include "export/xlsxexport.h"
#include "store/articlefilter.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/entitymodel.h"
#include "store/importer.h"
#include "store/reviewstore.h"
#include "store/workspace.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

bool exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    query.prepare(sql);
    return execPrepared(query);
}

// Builds the 100,000-article workspace once: import 10,000, then nine copies.
bool build(const QString &path, const QString &corpus)
{
    Workspace ws;
    if (!ws.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.lastError()));
        return false;
    }
    Importer importer;
    ImportOptions options;
    options.folder = corpus;
    const ImportSummary summary = importer.run(ws, options);
    if (!summary.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(summary.error));
        return false;
    }
    QSqlDatabase db = ws.database();
    for (int copy = 1; copy <= 9; ++copy) {
        ws.beginTransaction();
        const QString n = QString::number(copy);
        bool ok = exec(db, u"CREATE TEMP TABLE idmap AS SELECT id AS old_id, 0 AS new_id FROM articles "
                           "WHERE duplicate_of IS NULL AND path NOT LIKE 'copy%'"_s);
        ok = ok && exec(db, u"INSERT INTO articles(file_id, item, path, content_hash, encoding, title, outlet, published, "
                            "source_url, text, imported_at) SELECT file_id, item + 1000 * "_s + n
                                + u", 'copy"_s + n + u"/' || path, content_hash || '-"_s + n
                                + u"', encoding, title, outlet, published, source_url, text || char(10) || char(10) || "
                                  "'نسخة رقم "_s + n
                                + u"', imported_at FROM articles WHERE id IN (SELECT old_id FROM idmap) ORDER BY id"_s);
        ok = ok && exec(db, u"UPDATE idmap SET new_id = (SELECT a.id FROM articles a, articles o WHERE o.id = idmap.old_id "
                            "AND a.path = 'copy"_s + n + u"/' || o.path)"_s);
        ok = ok && exec(db, u"INSERT INTO entities(article_id, start, end, type, text, value, attributes, confidence) "
                            "SELECT m.new_id, e.start, e.end, e.type, e.text, e.value, e.attributes, e.confidence "
                            "FROM entities e JOIN idmap m ON m.old_id = e.article_id"_s);
        ok = ok && exec(db, u"INSERT INTO incidents(article_id, ordinal, review_status, confidence, created_at, fields) "
                            "SELECT m.new_id, i.ordinal, 'suggested', i.confidence, i.created_at, i.fields "
                            "FROM incidents i JOIN idmap m ON m.old_id = i.article_id ORDER BY i.id"_s);
        ok = ok && exec(db, u"DROP TABLE idmap"_s);
        if (!ok || !ws.commit()) {
            ws.rollback();
            return false;
        }
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString dir = app.arguments().value(1, u"/tmp/rasid-bench"_s);
    const QString path = dir + u"/workspace100k.rasid"_s;
    if (!QFileInfo::exists(path) && !build(path, dir + u"/corpus10000"_s)) {
        return 1;
    }

    const double baseMb = procStatusMb("VmRSS");
    QElapsedTimer clock;
    clock.start();
    Workspace ws;
    if (!ws.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.lastError()));
        return 1;
    }
    ReviewStore store(ws, u"bench"_s);
    ArticleListModel list(ws, &store);
    if (list.canFetchMore({})) {
        list.fetchMore({}); // what the view asks for on its first paint
    }
    const int firstRows = list.rowCount();
    const double openMs = double(clock.nsecsElapsed()) / 1e6;
    std::printf("{\"bench\":\"open_workspace_list\",\"articles\":%d,\"first_rows\":%d,\"ms\":%.1f}\n", list.totalCount(),
                firstRows, openMs);

    const QStringList queries = {u"اختراق"_s, u"هجوم"_s, u"تسريب بيانات"_s, u"الفدية"_s, u"وزارة الصحة"_s,
                                 u"2024"_s, u"٢٠٢٣"_s, u"مستشفى"_s, u"البنك"_s, u"قراصنة"_s, u"تصيد"_s,
                                 u"المغرب"_s, u"فرنسا"_s, u"الجزائرية"_s, u"مليون"_s, u"بيانات شخصية"_s,
                                 u"Lazarus"_s, u"Dark Storm"_s, u"الهيئة العامة للطيران المدني"_s, u"برمجية خبيثة"_s,
                                 u"الكهرباء"_s, u"جامعة"_s, u"حساب تويتر"_s, u"تشويه"_s, u"مصرف"_s,
                                 u"الإمارات"_s, u"سنغافورة"_s, u"تجسس"_s, u"الطرود"_s, u"نسخة رقم 7"_s};
    QVector<double> searchMs;
    for (const QString &query : queries) {
        QElapsedTimer t;
        t.start();
        const QVector<SearchHit> hits = ws.search(query, 100);
        searchMs.append(double(t.nsecsElapsed()) / 1e6);
        Q_UNUSED(hits)
    }
    std::printf("{\"bench\":\"search\",\"queries\":%d,\"p50_ms\":%.1f,\"p95_ms\":%.1f}\n", int(queries.size()),
                percentile(searchMs, 0.5), percentile(searchMs, 0.95));

    // The article list's search box: the filtered list with its first page and counts.
    QVector<double> listSearchMs;
    for (const QString &query : queries) {
        ArticleFilter filter;
        filter.setSearchText(query);
        QElapsedTimer t;
        t.start();
        list.setFilter(filter);
        if (list.canFetchMore({})) {
            list.fetchMore({});
        }
        listSearchMs.append(double(t.nsecsElapsed()) / 1e6);
    }
    list.setFilter({});
    std::printf("{\"bench\":\"search_article_list\",\"queries\":%d,\"p50_ms\":%.1f,\"p95_ms\":%.1f}\n",
                int(queries.size()), percentile(listSearchMs, 0.5), percentile(listSearchMs, 0.95));

    // The model side of switching articles: text, metadata and highlights of the largest articles.
    QUndoStack undo;
    EntityModel entities(&store, &undo);
    QSqlQuery largest(ws.database());
    largest.prepare(u"SELECT id, length(text) FROM articles ORDER BY length(text) DESC LIMIT 50"_s);
    QVector<double> switchMs;
    int largestChars = 0;
    if (execPrepared(largest)) {
        while (largest.next()) {
            largestChars = qMax(largestChars, largest.value(1).toInt());
            QElapsedTimer t;
            t.start();
            const ArticleContent article = store.article(largest.value(0).toLongLong());
            entities.setArticle(article.id);
            const auto highlights = entities.highlights();
            switchMs.append(double(t.nsecsElapsed()) / 1e6);
            Q_UNUSED(highlights)
        }
    }
    std::printf("{\"bench\":\"switch_article_model\",\"articles\":%d,\"max_chars\":%d,\"p50_ms\":%.2f,\"p95_ms\":%.2f}\n",
                int(switchMs.size()), largestChars, percentile(switchMs, 0.5), percentile(switchMs, 0.95));

    while (list.canFetchMore({}) && list.rowCount() < 5000) {
        list.fetchMore({});
    }
    std::printf("{\"bench\":\"list_memory\",\"rows_loaded\":%d,\"rss_mb\":%.0f,\"rss_growth_mb\":%.0f}\n",
                list.rowCount(), procStatusMb("VmRSS"), procStatusMb("VmRSS") - baseMb);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QElapsedTimer exportClock;
    exportClock.start();
    QString error;
    int rows = 0;
    exportCsv(ws, buffer, {}, &error, &rows);
    std::printf("{\"bench\":\"export_csv\",\"incidents\":%d,\"mb\":%.1f,\"seconds\":%.2f}\n", rows,
                double(buffer.size()) / 1e6, double(exportClock.nsecsElapsed()) / 1e9);

    // XLSX of the same incidents (with the entities sheet), to a file as analysts get it.
    if (xlsxExportAvailable()) {
        const QString xlsxPath = QDir(dir).filePath(u"export100k.xlsx"_s);
        exportClock.restart();
        const double beforeMb = procStatusMb("VmRSS");
        rows = 0;
        if (!exportXlsx(ws, xlsxPath, {}, &error, &rows)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("{\"bench\":\"export_xlsx\",\"incidents\":%d,\"mb\":%.1f,\"seconds\":%.2f,\"rss_growth_mb\":%.0f}\n",
                    rows, double(QFileInfo(xlsxPath).size()) / 1e6, double(exportClock.nsecsElapsed()) / 1e9,
                    procStatusMb("VmRSS") - beforeMb);
        QFile::remove(xlsxPath);
    }
    return 0;
}
