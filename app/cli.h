#pragma once

#include <QStringList>

namespace Rasid::Cli {

// Exit status of every command (DESIGN.md §6).
enum ExitCode { Success = 0, SomeInputFailed = 1, UsageError = 2 };

// Runs `rasid-cli <command> ...`; arguments include the program name.
int run(const QStringList &arguments);

} // namespace Rasid::Cli
