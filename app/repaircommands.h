#pragma once

#include <QStringList>

class QCommandLineParser;

namespace Rasid::Cli {

// `rasid-cli check` (is a workspace sound?) and `rasid-cli repair` (salvage a
// damaged one into a new workspace).
void setupCheck(QCommandLineParser &parser);
int runCheck(QCommandLineParser &parser, const QStringList &arguments);
void setupRepair(QCommandLineParser &parser);
int runRepair(QCommandLineParser &parser, const QStringList &arguments);

} // namespace Rasid::Cli
