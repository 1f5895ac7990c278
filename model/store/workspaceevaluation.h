#pragma once

#include "extract/evaluation.h"

namespace Rasid {
inline namespace Store {

class Workspace;

// Reads entities and incidents (with their fields and review status) from the
// workspace and scores them as the reference scorer scores the workspace's CSV
// and entities exports: a duplicate article holds nothing of its own there, so
// it holds nothing here either.
EvalReport evaluate(const Workspace &workspace, const QJsonDocument &gold);

} // namespace Store
} // namespace Rasid
