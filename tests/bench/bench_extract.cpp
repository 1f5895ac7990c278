// What each stage of extraction costs, article by article as the importer runs
// them: `bench_extract <folder> [--repeat N]` reads every article of the folder
// (the synthetic corpus of gencorpus, or real ones), then times, on one thread,
// cleaning, folding and recognition, the rules' incidents, the mentioned-victim
// candidates, the article's evidence for the learned layer and the rescoring by
// the shipped model. Prints one JSON line of CPU seconds per stage (the
// fastest of N runs: a virtual machine's speed drifts), the share of the
// learned layer and the candidates per article.

#include "extract/incidentbuilder.h"
#include "extract/learn/incidentmodel.h"
#include "extract/mentions.h"
#include "extract/recognizer.h"
#include "text/articlereader.h"
#include "text/cleaner.h"
#include "text/sentences.h"
#include "text/textfold.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

QVector<RawArticle> readFolder(const QString &folder)
{
    QVector<RawArticle> articles;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext()) {
        paths.append(it.next());
    }
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const SourceKind kind = sourceKindForPath(path);
        QFile file(path);
        if (kind == SourceKind::Unsupported || !file.open(QIODevice::ReadOnly)) {
            continue;
        }
        articles += readArticle(kind, file.readAll()).articles;
    }
    return articles;
}

enum Stage { Recognize, Rules, Mentions, Evidence, Rescore, StageCount };
constexpr std::array<const char *, StageCount> kStageNames = {"recognize", "rules", "mentions", "evidence",
                                                              "rescore"};

struct Run
{
    std::array<double, StageCount> seconds{};
    qint64 rules = 0;
    qint64 candidates = 0;
    qint64 kept = 0;
};

Run runOnce(const QVector<RawArticle> &articles, const Recognizer &recognizer, const IncidentModel &model)
{
    Run run;
    volatile qint64 sink = 0;
    for (const RawArticle &raw : articles) {
        double t = threadCpuSeconds();
        const auto lap = [&](Stage stage) {
            const double now = threadCpuSeconds();
            run.seconds[stage] += now - t;
            t = now;
        };
        const CleanedArticle cleaned = cleanArticle(raw);
        const FoldedText folded = foldWithMap(cleaned.text);
        const EntityList entities = recognizer.recognize(cleaned.text, folded);
        lap(Recognize);
        QVector<Sentence> sentences;
        QVector<ProposedIncident> incidents =
            buildIncidents(cleaned.text, folded, entities, cleaned.title, cleaned.published, &sentences);
        run.rules += incidents.size();
        lap(Rules);
        incidents += mentionCandidates(cleaned.text, sentences, entities, incidents);
        run.candidates += incidents.size();
        lap(Mentions);
        if (incidents.isEmpty()) {
            continue;
        }
        const ArticleEvidence evidence =
            articleEvidence(cleaned.text, folded.text, cleaned.title, entities, incidents, std::move(sentences));
        lap(Evidence);
        rescoreIncidents(model, evidence, incidents);
        run.kept += incidents.size();
        sink = sink + incidents.size();
        lap(Rescore);
    }
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_extract <folder> [--repeat N]\n");
        return 2;
    }
    const int repeat = args.contains(u"--repeat"_s) ? args.value(args.indexOf(u"--repeat"_s) + 1).toInt() : 3;
    const QVector<RawArticle> articles = readFolder(args.at(1));
    if (articles.isEmpty()) {
        std::fprintf(stderr, "no articles in %s\n", qPrintable(args.at(1)));
        return 1;
    }
    const Recognizer &recognizer = Recognizer::instance();
    const IncidentModel &model = IncidentModel::shipped();
    Run best;
    best.seconds.fill(1e300);
    for (int r = 0; r < std::max(repeat, 1); ++r) {
        const Run run = runOnce(articles, recognizer, model);
        for (int s = 0; s < StageCount; ++s) {
            best.seconds[s] = std::min(best.seconds[s], run.seconds[s]);
        }
        best.rules = run.rules;
        best.candidates = run.candidates;
        best.kept = run.kept;
    }
    double total = 0;
    std::printf("{\"bench\":\"extract\",\"articles\":%lld", qint64(articles.size()));
    for (int s = 0; s < StageCount; ++s) {
        std::printf(",\"%s_s\":%.3f", kStageNames[s], best.seconds[s]);
        total += best.seconds[s];
    }
    const double learned = best.seconds[Mentions] + best.seconds[Evidence] + best.seconds[Rescore];
    std::printf(",\"total_s\":%.3f,\"learned_share\":%.3f,\"rules_per_article\":%.2f,"
                "\"candidates_per_article\":%.2f,\"kept_per_article\":%.2f}\n",
                total, learned / total, double(best.rules) / articles.size(),
                double(best.candidates) / articles.size(), double(best.kept) / articles.size());
    return 0;
}
