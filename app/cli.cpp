#include "cli.h"
#include "learncommands.h"
#include "overviewcharts.h"
#include "overviewfiles.h"
#include "repaircommands.h"

#include "export/exporter.h"
#include "export/exportformats.h"
#include "store/importer.h"
#include "store/problemqueries.h"
#include "store/workspace.h"
#include "store/workspaceevaluation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Rasid::Cli {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int usage(QCommandLineParser &parser, const QString &message)
{
    err() << kProgram << u": "_s << message << u"\n\n"_s << parser.helpText();
    err().flush();
    return UsageError;
}

// Parses a command's arguments; returns -1 to continue, or the exit code.
int parse(QCommandLineParser &parser, const QStringList &arguments, int positionals)
{
    if (!parser.parse(arguments)) {
        return usage(parser, parser.errorText());
    }
    if (parser.isSet(u"help"_s)) {
        out() << parser.helpText();
        out().flush();
        return Success;
    }
    if (parser.positionalArguments().size() != positionals) {
        return usage(parser, parser.positionalArguments().size() < positionals ? u"missing argument"_s
                                                                               : u"too many arguments"_s);
    }
    return -1;
}

bool readGold(const QString &path, QJsonDocument &gold, QByteArray *bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err() << kProgram << u": cannot read "_s << file.fileName() << u": "_s << file.errorString() << u'\n';
        return false;
    }
    const QByteArray content = file.readAll();
    QJsonParseError parseError;
    gold = QJsonDocument::fromJson(content, &parseError);
    if (gold.isNull()) {
        err() << kProgram << u": "_s << file.fileName() << u" is not valid JSON: "_s << parseError.errorString()
              << u'\n';
        return false;
    }
    if (bytes) {
        *bytes = content;
    }
    return true;
}

namespace {

struct Command
{
    QString name;
    QString synopsis;
    QString description;
    int (*handler)(QCommandLineParser &, const QStringList &);
    void (*setup)(QCommandLineParser &);
};

bool openWorkspace(Workspace &workspace, const QString &path, Workspace::Mode mode)
{
    if (!workspace.open(path, mode)) {
        err() << kProgram << u": "_s << workspace.lastError() << u'\n';
        err().flush();
        return false;
    }
    return true;
}

// ---- import ---------------------------------------------------------------

std::atomic<Importer *> s_runningImport{nullptr};

extern "C" void cancelImportOnSignal(int)
{
    if (Importer *importer = s_runningImport.load()) {
        importer->cancel();
    }
}

void setupImport(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"folder"_s, u"Folder of articles (.txt .md .html .htm .json .jsonl)."_s);
    parser.addOption({u"workspace"_s, u"Workspace file to create or update."_s, u"file"_s});
    parser.addOption({u"no-extract"_s, u"Import and clean only; do not recognise entities or propose incidents."_s});
    parser.addOption({u"threads"_s, u"Worker threads (default: one per core)."_s, u"n"_s});
    parser.addOption({u"quiet"_s, u"No progress on stderr."_s});
}

int runImport(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 1); rc >= 0) {
        return rc;
    }
    if (!parser.isSet(u"workspace"_s)) {
        return usage(parser, u"--workspace is required"_s);
    }
    ImportOptions options;
    options.folder = parser.positionalArguments().first();
    options.extract = !parser.isSet(u"no-extract"_s);
    if (parser.isSet(u"threads"_s)) {
        bool ok = false;
        options.threads = parser.value(u"threads"_s).toInt(&ok);
        if (!ok || options.threads < 1) {
            return usage(parser, u"--threads takes a positive number"_s);
        }
    }
    if (!QFileInfo(options.folder).isDir()) {
        err() << kProgram << u": "_s << options.folder << u" is not a folder\n"_s;
        return SomeInputFailed;
    }
    Workspace workspace;
    if (!openWorkspace(workspace, parser.value(u"workspace"_s), Workspace::Mode::ReadWrite)) {
        return SomeInputFailed;
    }
    const bool quiet = parser.isSet(u"quiet"_s);
    Importer importer;
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = -1000;
    QObject::connect(&importer, &Importer::progress, &importer,
                     [&](int done, int total, qint64 bytesDone, qint64 bytesTotal) {
                         if (quiet || (clock.elapsed() - lastReport < 500 && done != total)) {
                             return;
                         }
                         lastReport = clock.elapsed();
                         err() << u"import: %1/%2 files, %3/%4 MB\n"_s.arg(done)
                                      .arg(total)
                                      .arg(double(bytesDone) / 1e6, 0, 'f', 1)
                                      .arg(double(bytesTotal) / 1e6, 0, 'f', 1);
                         err().flush();
                     });
    QObject::connect(&importer, &Importer::problemFound, &importer, [&](const QString &path, const QString &reason) {
        err() << u"problem: "_s << path << u": "_s << reason << u'\n';
        err().flush();
    });
    s_runningImport.store(&importer);
    std::signal(SIGINT, cancelImportOnSignal);
    std::signal(SIGTERM, cancelImportOnSignal);
    const ImportSummary summary = importer.run(workspace, options);
    s_runningImport.store(nullptr);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    if (!summary.error.isEmpty()) {
        err() << kProgram << u": "_s << summary.error << u'\n';
        return SomeInputFailed;
    }
    err() << u"import: %1 files seen, %2 read, %3 unchanged, %4 skipped, %5 failed, %6 missing; "
             "%7 articles written (%8 duplicates), %9 problems; %10 s%11\n"_s.arg(summary.filesSeen)
                 .arg(summary.imported)
                 .arg(summary.unchanged)
                 .arg(summary.skipped)
                 .arg(summary.failed)
                 .arg(summary.missing)
                 .arg(summary.articles)
                 .arg(summary.duplicates)
                 .arg(summary.problems)
                 .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2)
                 .arg(summary.cancelled ? u" (cancelled; run it again to resume)"_s : QString());
    err().flush();
    return summary.failed > 0 || summary.problems > 0 || summary.cancelled ? SomeInputFailed : Success;
}

// ---- stats ----------------------------------------------------------------

void setupStats(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"workspace"_s, u"Workspace file."_s);
    parser.addOption({u"json"_s, u"Print one JSON object (for scripts)."_s});
}

int runStats(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 1); rc >= 0) {
        return rc;
    }
    Workspace workspace;
    if (!openWorkspace(workspace, parser.positionalArguments().first(), Workspace::Mode::ReadOnly)) {
        return SomeInputFailed;
    }
    const WorkspaceStats s = workspace.stats();
    if (parser.isSet(u"json"_s)) {
        const QJsonObject object{
            {u"files"_s, s.files},           {u"articles"_s, s.articles},     {u"duplicates"_s, s.duplicates},
            {u"missing"_s, s.missing},       {u"problems"_s, s.problems},     {u"incidents"_s, s.incidents},
            {u"confirmed_incidents"_s, s.confirmedIncidents}, {u"entities"_s, s.entities},
            {u"reviewed"_s, s.reviewed},     {u"in_review"_s, s.inReview},
        };
        out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << u'\n';
        return Success;
    }
    out() << u"files:      %1\narticles:   %2\nduplicates: %3\nmissing:    %4\nproblems:   %5\n"
             "entities:   %6\nincidents:  %7 (%8 confirmed)\nreviewed:   %9 / %2 (%10 in review)\n"_s.arg(s.files)
                 .arg(s.articles)
                 .arg(s.duplicates)
                 .arg(s.missing)
                 .arg(s.problems)
                 .arg(s.entities)
                 .arg(s.incidents)
                 .arg(s.confirmedIncidents)
                 .arg(s.reviewed)
                 .arg(s.inReview);
    if (s.problems > 0) {
        bool ok = false;
        const QVector<ProblemRow> problems = problemReasonsByPath(workspace, &ok);
        if (ok) {
            out() << u"\nproblems:\n"_s;
            for (const ProblemRow &problem : problems) {
                out() << u"  "_s << problem.path << u": "_s << problem.reason << u'\n';
            }
        }
    }
    return Success;
}

// ---- search ---------------------------------------------------------------

void setupSearch(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"workspace"_s, u"Workspace file."_s);
    parser.addPositionalArgument(u"query"_s, u"Words to find (Arabic spelling variants match)."_s);
    parser.addOption({u"limit"_s, u"At most N results (default 20)."_s, u"n"_s, u"20"_s});
    parser.addOption({u"count"_s, u"Print only the number of matching articles."_s});
}

int runSearch(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 2); rc >= 0) {
        return rc;
    }
    bool ok = false;
    const int limit = parser.value(u"limit"_s).toInt(&ok);
    if (!ok || limit < 1) {
        return usage(parser, u"--limit takes a positive number"_s);
    }
    Workspace workspace;
    if (!openWorkspace(workspace, parser.positionalArguments().at(0), Workspace::Mode::ReadOnly)) {
        return SomeInputFailed;
    }
    const QString query = parser.positionalArguments().at(1);
    if (parser.isSet(u"count"_s)) {
        out() << workspace.searchCount(query) << u'\n';
        return Success;
    }
    for (const SearchHit &hit : workspace.search(query, limit)) {
        out() << hit.path << u'\n';
    }
    return Success;
}

// ---- export ---------------------------------------------------------------

void setupExport(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"workspace"_s, u"Workspace file."_s);
    parser.addOption({u"format"_s, u"csv, jsonl, xlsx, veris, stix (a STIX 2.1 bundle) or misp (MISP events)."_s, u"format"_s, u"csv"_s});
    parser.addOption({u"out"_s, u"Output file."_s, u"path"_s});
    parser.addOption({u"status"_s, u"suggested, confirmed or all (default: all but rejected)."_s, u"status"_s});
    parser.addOption({u"bom"_s, u"Start the CSV with a UTF-8 byte order mark (for spreadsheets)."_s});
    parser.addOption({u"single-file"_s, u"VERIS and MISP: one file in --out instead of a folder of documents."_s});
}

int runExport(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 1); rc >= 0) {
        return rc;
    }
    if (!parser.isSet(u"out"_s)) {
        return usage(parser, u"--out is required"_s);
    }
    ExportOptions options;
    options.bom = parser.isSet(u"bom"_s);
    if (parser.isSet(u"status"_s) && !statusFilterFromName(parser.value(u"status"_s), &options.status)) {
        return usage(parser, u"--status takes suggested, confirmed or all"_s);
    }
    const QString format = parser.value(u"format"_s);
    const ExportFormatSpec *spec = exportFormatById(format);
    if (!spec) {
        return usage(parser, u"unknown --format %1 (csv, jsonl, xlsx, veris, stix or misp)"_s.arg(format));
    }
    Workspace workspace;
    if (!openWorkspace(workspace, parser.positionalArguments().first(), Workspace::Mode::ReadOnly)) {
        return SomeInputFailed;
    }
    const QString outPath = parser.value(u"out"_s);
    // On a terminal, how far the export has come, on one line that it rewrites.
    const bool terminal = isatty(fileno(stderr)) != 0;
    if (terminal) {
        options.progress.every = 2000;
        options.progress.report = [](qint64 done, qint64 total) {
            err() << u"\rexport: %1/%2 incidents"_s.arg(done).arg(total);
            err().flush();
            return true;
        };
    }
    QString error;
    int rows = 0;
    const bool ok = writeExport(*spec, workspace, outPath, !spec->writesFolder || parser.isSet(u"single-file"_s),
                                options, &error, &rows);
    if (terminal) {
        err() << u'\n';
    }
    if (!ok) {
        err() << kProgram << u": export to "_s << outPath << u" failed: "_s << error << u'\n';
        return SomeInputFailed;
    }
    err() << u"export: %1 incidents written to %2\n"_s.arg(rows).arg(outPath);
    return Success;
}

// ---- overview -------------------------------------------------------------

void setupOverviewCommand(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"workspace"_s, u"Workspace file."_s);
    parser.addOption({u"out"_s, u"Folder for the CSV files and the charts (PNG and SVG)."_s, u"dir"_s});
    parser.addOption({u"status"_s, u"confirmed (default), suggested or all (both)."_s, u"status"_s});
    parser.addOption({u"search"_s, u"Only articles matching these words."_s, u"words"_s});
    parser.addOption({u"country"_s, u"Only articles with an incident against this country (ISO code)."_s, u"code"_s});
    parser.addOption({u"attack-type"_s, u"Only articles with an incident of this attack type."_s, u"code"_s});
    parser.addOption({u"state"_s, u"Only articles in this review state (new, in_review, reviewed)."_s, u"state"_s});
}

int runOverviewCommand(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 1); rc >= 0) {
        return rc;
    }
    if (!parser.isSet(u"out"_s)) {
        return usage(parser, u"--out is required"_s);
    }
    const QMap<QString, OverviewScope> scopes = {{u"confirmed"_s, OverviewScope::Confirmed},
                                                 {u"suggested"_s, OverviewScope::Suggested},
                                                 {u"all"_s, OverviewScope::ConfirmedAndSuggested}};
    const QString status = parser.value(u"status"_s);
    if (!status.isEmpty() && !scopes.contains(status)) {
        return usage(parser, u"--status takes confirmed, suggested or all"_s);
    }
    ArticleFilter filter;
    filter.setSearchText(parser.value(u"search"_s));
    filter.setCountry(parser.value(u"country"_s));
    filter.setAttackType(parser.value(u"attack-type"_s));
    if (parser.isSet(u"state"_s)) {
        filter.setReviewStates({parser.value(u"state"_s)});
    }
    const QString path = parser.positionalArguments().first();
    if (!QFileInfo::exists(path)) {
        err() << kProgram << u": no workspace at "_s << path << u'\n';
        return SomeInputFailed;
    }
    QString error;
    OverviewData data;
    if (!writeOverviewFiles(path, filter, scopes.value(status, OverviewScope::Confirmed), parser.value(u"out"_s),
                            &error, &data)) {
        err() << kProgram << u": overview failed: "_s << error << u'\n';
        return SomeInputFailed;
    }
    err() << u"overview: %1 incidents, %2 CSV files and %3 charts written to %4\n"_s.arg(data.incidents)
                 .arg(OverviewAggregateCount)
                 .arg(OverviewChartCount)
                 .arg(parser.value(u"out"_s));
    return Success;
}

// ---- entities -------------------------------------------------------------

void setupEntities(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"workspace"_s, u"Workspace file."_s);
    parser.addOption({u"out"_s, u"Output JSON-lines file."_s, u"path"_s});
}

int runEntities(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 1); rc >= 0) {
        return rc;
    }
    if (!parser.isSet(u"out"_s)) {
        return usage(parser, u"--out is required"_s);
    }
    Workspace workspace;
    if (!openWorkspace(workspace, parser.positionalArguments().first(), Workspace::Mode::ReadOnly)) {
        return SomeInputFailed;
    }
    QSaveFile file(parser.value(u"out"_s));
    if (!file.open(QIODevice::WriteOnly)) {
        err() << kProgram << u": cannot write "_s << file.fileName() << u": "_s << file.errorString() << u'\n';
        return SomeInputFailed;
    }
    int count = 0;
    QString error;
    const bool ok = forEachStoredEntity(
        workspace, std::nullopt,
        [&](const StoredEntity &entity) {
            QJsonObject object{{u"article"_s, entity.path}, {u"start"_s, entity.start}, {u"end"_s, entity.end},
                               {u"type"_s, entity.type},    {u"text"_s, entity.text},   {u"value"_s, entity.value}};
            if (!entity.attributes.isEmpty()) {
                object.insert(u"attributes"_s, entity.attributes);
            }
            object.insert(u"confidence"_s, entity.confidence);
            file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
            file.write("\n");
            ++count;
            return true;
        },
        &error);
    if (!ok) {
        err() << kProgram << u": "_s << error << u'\n';
        return SomeInputFailed;
    }
    if (!file.commit()) {
        err() << kProgram << u": cannot write "_s << file.fileName() << u": "_s << file.errorString() << u'\n';
        return SomeInputFailed;
    }
    err() << u"entities: %1 written to %2\n"_s.arg(count).arg(file.fileName());
    return Success;
}

// ---- eval -----------------------------------------------------------------

void setupEval(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"workspace"_s, u"Workspace file."_s);
    parser.addOption({u"gold"_s,
                      u"Hand-coded reference (JSON, the format of seeds.json); repeat it to score several sets, "
                      "each on its own and then together."_s,
                      u"file"_s});
    parser.addOption({u"verbose"_s, u"List every miss."_s});
}

int runEval(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 1); rc >= 0) {
        return rc;
    }
    const QStringList goldPaths = parser.values(u"gold"_s);
    if (goldPaths.isEmpty()) {
        return usage(parser, u"--gold is required"_s);
    }
    QVector<QJsonDocument> golds;
    for (const QString &path : goldPaths) {
        QJsonDocument gold;
        if (!readGold(path, gold)) {
            return SomeInputFailed;
        }
        golds.append(gold);
    }
    Workspace workspace;
    if (!openWorkspace(workspace, parser.positionalArguments().first(), Workspace::Mode::ReadOnly)) {
        return SomeInputFailed;
    }
    const bool verbose = parser.isSet(u"verbose"_s);
    if (golds.size() == 1) {
        out() << formatReport(evaluate(workspace, golds.first()), verbose);
        return Success;
    }
    for (int i = 0; i < golds.size(); ++i) {
        out() << u"== "_s << QFileInfo(goldPaths[i]).fileName() << u"\n\n"_s
              << formatReport(evaluate(workspace, golds[i]), verbose) << u'\n';
    }
    out() << u"== total\n\n"_s << formatReport(evaluate(workspace, mergeGold(golds)), verbose);
    return Success;
}

const QVector<Command> &commands()
{
    static const QVector<Command> list = {
        {u"import"_s, u"import <folder> --workspace <file>"_s, u"Import, clean and extract a folder of articles."_s,
         runImport, setupImport},
        {u"export"_s, u"export <file> --format csv|jsonl|xlsx|veris|stix|misp --out <path> [--status s] [--bom]"_s,
         u"Export incidents."_s, runExport, setupExport},
        {u"entities"_s, u"entities <file> --out <path.jsonl>"_s,
         u"Write every entity as one JSON object per line (article, start, end, type, text, value)."_s,
         runEntities, setupEntities},
        {u"search"_s, u"search <file> <query> [--limit N] [--count]"_s,
         u"Arabic-aware full-text search; prints matching article paths, best first."_s, runSearch, setupSearch},
        {u"eval"_s, u"eval <file> --gold <gold.json> [--gold <gold.json> ...] [--verbose]"_s,
         u"Entity recall, incident recall and precision and field accuracy against a hand-coded reference."_s,
         runEval, setupEval},
        {u"train"_s, u"train --set <gold.json>=<folder> [--set ...] --out <model> [--cost C]"_s,
         u"Train the incident model from hand-coded references and the articles they code."_s, runTrain,
         setupTrain},
        {u"crossval"_s, u"crossval --set <gold.json>=<folder> [--set ...] [--folds K] [--by-set] [--cost C]"_s,
         u"Cross-validated figures of the rules and of the learned layer: every article scored by a model "
         "trained without it."_s,
         runCrossval, setupCrossval},
        {u"check"_s, u"check <file> [--quick] [--json]"_s,
         u"Integrity, foreign keys, full-text index and a summary; exit 1 when damaged."_s, runCheck, setupCheck},
        {u"repair"_s, u"repair <file> --out <new file>"_s,
         u"Salvage what is readable of a damaged workspace into a new one, and say what was lost."_s, runRepair,
         setupRepair},
        {u"stats"_s, u"stats <file> [--json]"_s, u"Counts, review progress and import problems."_s, runStats,
         setupStats},
        {u"overview"_s, u"overview <file> --out <dir> [--status confirmed|suggested|all]"_s,
         u"Write the overview: a CSV of each aggregate and each chart as PNG and SVG."_s, runOverviewCommand,
         setupOverviewCommand},
    };
    return list;
}

QString overview()
{
    QString text = u"Usage: rasid-cli <command> [options]\n\n"
                   "Rasid turns Arabic news articles into a structured cyber-incident dataset.\n\nCommands:\n"_s;
    for (const Command &command : commands()) {
        text += u"  %1\n      %2\n"_s.arg(command.synopsis, command.description);
    }
    text += u"\nRun `rasid-cli <command> --help` for a command's options.\n"
            "Exit status: 0 success, 1 some input could not be read (the run completes), 2 usage error.\n"_s;
    return text;
}

} // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2) {
        err() << overview();
        return UsageError;
    }
    const QString name = arguments.at(1);
    if (name == u"--help" || name == u"-h" || name == u"help") {
        out() << overview();
        return Success;
    }
    if (name == u"--version") {
        out() << kProgram << u' ' << QCoreApplication::applicationVersion() << u'\n';
        return Success;
    }
    for (const Command &command : commands()) {
        if (command.name != name) {
            continue;
        }
        QCommandLineParser parser;
        parser.setApplicationDescription(command.description + u"\n\nUsage: rasid-cli "_s + command.synopsis);
        parser.addHelpOption();
        command.setup(parser);
        QStringList rest = arguments.mid(1);
        rest.first() = kProgram + u' ' + name;
        return command.handler(parser, rest);
    }
    err() << kProgram << u": unknown command '"_s << name << u"'\n\n"_s << overview();
    return UsageError;
}

} // namespace Rasid::Cli
