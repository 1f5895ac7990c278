#pragma once

#include <QString>
#include <QStringList>

class QByteArray;
class QCommandLineParser;
class QJsonDocument;
class QTextStream;

namespace Rasid::Cli {

// Exit status of every command (DESIGN.md §6).
enum ExitCode { Success = 0, SomeInputFailed = 1, UsageError = 2 };

// Runs `rasid-cli <command> ...`; arguments include the program name.
int run(const QStringList &arguments);

// What every command shares: the program's name, its streams, and the parsing
// of a command's arguments (-1 to go on, else the exit code to return).
inline const QString kProgram = QStringLiteral("rasid-cli");
QTextStream &err();
QTextStream &out();
int usage(QCommandLineParser &parser, const QString &message);
int parse(QCommandLineParser &parser, const QStringList &arguments, int positionals);
// Reads a hand-coded reference (JSON); says why on stderr when it cannot, and
// hands back the file's bytes when asked (for its digest).
bool readGold(const QString &path, QJsonDocument &gold, QByteArray *bytes = nullptr);

} // namespace Rasid::Cli
