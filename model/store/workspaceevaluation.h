#pragma once

#include "extract/evaluation.h"

namespace Rasid {
inline namespace Store {

class Workspace;

// Reads entities and incidents (with their fields) from the workspace and
// scores them. Duplicate articles are scored with what was
// extracted for the article they copy.
EvalReport evaluate(const Workspace &workspace, const QJsonDocument &gold,
                    double threshold = 0.5);

} // namespace Store
} // namespace Rasid
