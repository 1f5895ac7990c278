#include "learncommands.h"

#include "cli.h"

#include "extract/learn/learning.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <numeric>

using namespace Qt::StringLiterals;

namespace Rasid::Cli {

namespace {

void addSetOptions(QCommandLineParser &parser)
{
    parser.addOption({u"set"_s,
                      u"A hand-coded reference and the folder of the articles it codes, as gold.json=folder; "
                      "repeat for several sets."_s,
                      u"gold=folder"_s});
    parser.addOption({u"cost"_s,
                      u"liblinear's C: smaller gives smoother weights (default: chosen by held-out inner folds)."_s,
                      u"C"_s, u"0"_s});
}

// Reads every --set; the provenance lines name each gold file with its digest.
// Reads every --set; -1 when all are read, else the exit status: a usage
// error for a malformed option, an input failure for a gold file that cannot
// be read.
int readSets(QCommandLineParser &parser, QVector<GoldSet> &sets, QStringList &provenance)
{
    for (const QString &spec : parser.values(u"set"_s)) {
        const qsizetype eq = spec.indexOf(u'=');
        if (eq <= 0) {
            return usage(parser, u"--set wants gold.json=folder, not %1"_s.arg(spec));
        }
        GoldSet set;
        const QString goldPath = spec.left(eq);
        set.folder = spec.mid(eq + 1);
        set.name = QFileInfo(goldPath).fileName();
        QByteArray bytes;
        if (!readGold(goldPath, set.gold, &bytes)) {
            return SomeInputFailed;
        }
        provenance.append(u"gold %1 (sha256 %2)"_s.arg(
            set.name, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())));
        sets.append(set);
    }
    if (sets.isEmpty()) {
        return usage(parser, u"at least one --set is required"_s);
    }
    return -1;
}

bool costOf(QCommandLineParser &parser, double *cost)
{
    bool ok = false;
    *cost = parser.value(u"cost"_s).toDouble(&ok);
    if (!ok || *cost < 0) {
        usage(parser, u"--cost wants a positive number"_s);
        return false;
    }
    return true;
}

QVector<LabelledArticle> labelled(const QVector<GoldSet> &sets, bool *someFailed)
{
    QStringList problems;
    QVector<LabelledArticle> articles = labelArticles(sets, &problems);
    for (const QString &problem : problems) {
        err() << kProgram << u": "_s << problem << u'\n';
    }
    *someFailed = !problems.isEmpty();
    return articles;
}

// One row of a Markdown table of the figures the targets are about.
QString tableRow(const QString &name, const EvalReport &r)
{
    const EvalCount entities = r.entities();
    return u"| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |\n"_s.arg(
        name, scorerFigure(r.incidentRecall.ratio()), scorerFigure(r.incidentPrecision.ratio()), scorerFigure(r.primaryFound.ratio()),
        scorerFigure(r.primaryCoreFields().ratio()), scorerFigure(r.coreFields().ratio()),
        entities.total > 0 ? scorerFigure(entities.ratio()) : u"n/a"_s,
        u"%1/%2"_s.arg(r.falseAlarms.hit).arg(r.falseAlarms.total), scorerFigure(r.expectedCalibrationError()),
        scorerFigure(r.fieldCalibrationError()));
}

QString table(const QString &title, const QVector<GoldSet> &sets, const CrossValidation &cv)
{
    QString text = u"### "_s + title + u"\n\n"_s
        + u"| set | incident R | incident P | primary found | primary fields | all fields | entity R | "
          "false alarms | ECE | field ECE |\n|---|---|---|---|---|---|---|---|---|---|\n"_s;
    for (int s = 0; s < sets.size(); ++s) {
        text += tableRow(sets[s].name, cv.perSet[s]);
    }
    text += tableRow(u"**all**"_s, cv.total);
    if (!cv.dropThresholds.isEmpty()) {
        QStringList thresholds;
        for (const double t : cv.dropThresholds) {
            thresholds.append(scorerFigure(t));
        }
        text += u"\nMentioned victims below these probabilities were left out, one threshold per fold's model: "_s
            + thresholds.join(u", "_s) + u".\n"_s;
    }
    return text + u'\n';
}

} // namespace

void setupTrain(QCommandLineParser &parser)
{
    addSetOptions(parser);
    parser.addOption({u"out"_s, u"Where to write the model (text)."_s, u"file"_s});
}

int runTrain(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 0); rc >= 0) {
        return rc;
    }
    QVector<GoldSet> sets;
    QStringList provenance{u"Rasid incident model, trained by rasid-cli train from:"_s};
    double cost = 0.0;
    if (const int rc = readSets(parser, sets, provenance); rc >= 0) {
        return rc;
    }
    if (!costOf(parser, &cost)) {
        return UsageError;
    }
    if (!parser.isSet(u"out"_s)) {
        return usage(parser, u"--out is required"_s);
    }
    bool someFailed = false;
    const QVector<LabelledArticle> articles = labelled(sets, &someFailed);
    QVector<int> all(articles.size());
    std::iota(all.begin(), all.end(), 0);
    TrainingOptions options;
    options.cost = cost;
    options.header = provenance;
    options.header.append(u"%1 articles"_s.arg(articles.size()));
    const IncidentModel model = trainModel(articles, all, options);
    QSaveFile file(parser.value(u"out"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(model.toText()) < 0 || !file.commit()) {
        err() << kProgram << u": cannot write "_s << file.fileName() << u": "_s << file.errorString() << u'\n';
        return SomeInputFailed;
    }
    err() << u"train: %1 articles, %2 weights, drop below %3, written to %4\n"_s.arg(articles.size())
                 .arg(model.weights().size())
                 .arg(model.dropBelow())
                 .arg(file.fileName());
    return someFailed ? SomeInputFailed : Success;
}

void setupCrossval(QCommandLineParser &parser)
{
    addSetOptions(parser);
    parser.addOption({u"folds"_s, u"Number of folds by article (default 5)."_s, u"K"_s, u"5"_s});
    parser.addOption({u"by-set"_s, u"Also hold out one set at a time (leave one source out)."_s});
}

int runCrossval(QCommandLineParser &parser, const QStringList &arguments)
{
    if (const int rc = parse(parser, arguments, 0); rc >= 0) {
        return rc;
    }
    QVector<GoldSet> sets;
    QStringList provenance;
    double cost = 0.0;
    if (const int rc = readSets(parser, sets, provenance); rc >= 0) {
        return rc;
    }
    if (!costOf(parser, &cost)) {
        return UsageError;
    }
    bool ok = false;
    const int folds = parser.value(u"folds"_s).toInt(&ok);
    if (!ok || folds < 2) {
        return usage(parser, u"--folds wants a whole number of 2 or more"_s);
    }
    bool someFailed = false;
    const QVector<LabelledArticle> articles = labelled(sets, &someFailed);
    TrainingOptions options;
    options.cost = cost;
    out() << table(u"Rules alone"_s, sets, rulesOnly(articles, sets));
    out() << table(u"%1-fold cross-validation by article"_s.arg(folds), sets,
                   crossValidate(articles, sets, foldsByArticle(articles, folds), options));
    if (parser.isSet(u"by-set"_s)) {
        out() << table(u"Leave one set out"_s, sets, crossValidate(articles, sets, foldsBySet(articles), options));
    }
    out().flush();
    return someFailed ? SomeInputFailed : Success;
}

} // namespace Rasid::Cli
