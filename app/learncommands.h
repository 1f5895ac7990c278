#pragma once

#include <QStringList>

class QCommandLineParser;

namespace Rasid::Cli {

// `rasid-cli train` and `rasid-cli crossval`: the learned layer of extraction,
// trained and measured on hand-coded references.
void setupTrain(QCommandLineParser &parser);
int runTrain(QCommandLineParser &parser, const QStringList &arguments);
void setupCrossval(QCommandLineParser &parser);
int runCrossval(QCommandLineParser &parser, const QStringList &arguments);

} // namespace Rasid::Cli
