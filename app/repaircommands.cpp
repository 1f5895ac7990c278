#include "repaircommands.h"
#include "cli.h"

#include "store/repair.h"
#include "store/workspacehealth.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Rasid::Cli {

void setupCheck(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"workspace"_s, u"Workspace file."_s);
    parser.addOption({u"quick"_s, u"SQLite's quick_check instead of the full integrity_check."_s});
    parser.addOption({u"json"_s, u"Print one JSON object (for scripts)."_s});
}

int runCheck(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 1); rc >= 0) {
        return rc;
    }
    const QString path = parser.positionalArguments().first();
    const WorkspaceHealth h = checkWorkspaceFile(path, parser.isSet(u"quick"_s));
    if (parser.isSet(u"json"_s)) {
        const QJsonObject object{
            {u"healthy"_s, h.healthy()},
            {u"unreadable"_s, h.unreadable},
            {u"schema_version"_s, h.schemaVersion},
            {u"integrity"_s, QJsonArray::fromStringList(h.integrity)},
            {u"foreign_keys"_s, QJsonArray::fromStringList(h.foreignKeys)},
            {u"full_text"_s, h.fullTextChecked ? (h.fullText.isEmpty() ? u"ok"_s : h.fullText) : u"not checked"_s},
            {u"articles"_s, h.articles},
            {u"incidents"_s, h.incidents},
            {u"reviewed_incidents"_s, h.reviewedIncidents},
            {u"analyst_fields"_s, h.analystFields},
            {u"analyst_entities"_s, h.analystEntities},
            {u"notes"_s, h.notes},
            {u"audit_rows"_s, h.auditRows},
        };
        out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << u'\n';
        return h.healthy() ? Success : SomeInputFailed;
    }
    if (!h.unreadable.isEmpty()) {
        out() << u"damaged: "_s << h.unreadable << u'\n';
        return SomeInputFailed;
    }
    auto number = [](qint64 n) { return n < 0 ? u"unreadable"_s : QString::number(n); };
    out() << u"schema version: "_s << h.schemaVersion << u'\n'
          << u"integrity:      "_s << (h.integrity.isEmpty() ? u"ok"_s : h.integrity.first()) << u'\n';
    for (const QString &finding : h.integrity.mid(1, 9)) {
        out() << u"                "_s << finding << u'\n';
    }
    out() << u"foreign keys:   "_s
          << (h.foreignKeys.isEmpty() ? u"ok"_s : u"%1 broken, first: %2"_s.arg(h.foreignKeys.size()).arg(h.foreignKeys.first()))
          << u'\n'
          << u"full-text:      "_s
          << (!h.fullTextChecked ? u"not checked (the file is not writable)"_s : h.fullText.isEmpty() ? u"ok"_s : h.fullText)
          << u'\n'
          << u"articles: "_s << number(h.articles) << u", incidents: "_s << number(h.incidents) << u" ("_s
          << number(h.reviewedIncidents) << u" reviewed), analyst fields: "_s << number(h.analystFields)
          << u", analyst entities: "_s << number(h.analystEntities) << u", notes: "_s << number(h.notes)
          << u", audit rows: "_s << number(h.auditRows) << u'\n'
          << (h.healthy() ? u"healthy\n"_s : u"damaged: run `rasid-cli repair %1 --out <new file>`\n"_s.arg(path));
    return h.healthy() ? Success : SomeInputFailed;
}

void setupRepair(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"workspace"_s, u"Damaged workspace file (only read)."_s);
    parser.addOption({u"out"_s, u"New workspace file to write (must not exist)."_s, u"file"_s});
}

int runRepair(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 1); rc >= 0) {
        return rc;
    }
    if (!parser.isSet(u"out"_s)) {
        return usage(parser, u"--out is required"_s);
    }
    const RepairReport report = repairWorkspace(parser.positionalArguments().first(), parser.value(u"out"_s));
    if (!report.error.isEmpty()) {
        err() << kProgram << u": repair failed: "_s << report.error << u'\n';
        return SomeInputFailed;
    }
    out() << u"table        recovered  from-orphans  dropped  lost-cells  lost-pages\n"_s;
    for (const RepairTableReport &t : report.tables) {
        out() << t.table.leftJustified(12) << QString::number(t.recovered).rightJustified(10)
              << QString::number(t.fromOrphans).rightJustified(14) << QString::number(t.dropped).rightJustified(9)
              << QString::number(t.badCells).rightJustified(12) << QString::number(t.damagedPages).rightJustified(12)
              << u'\n';
    }
    out() << u"schema %1 (%2), %3 pages, %4 orphan pages, %5 orphan rows unattributed, %6 placeholder articles; "
             "%7 ms\n"_s.arg(report.sourceVersion)
                 .arg(report.schemaRead ? u"schema read"_s : u"schema lost"_s)
                 .arg(report.pageCount)
                 .arg(report.orphanPages)
                 .arg(report.unattributedRows)
                 .arg(report.placeholderArticles)
                 .arg(report.milliseconds)
          << u"written to "_s << parser.value(u"out"_s) << u'\n';
    return Success;
}

} // namespace Rasid::Cli
