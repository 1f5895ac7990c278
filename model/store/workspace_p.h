#pragma once

/*
 * What the workspace's own files share: the logging category of the
 * connection, its statements and its checks ("rasid.workspace").
 */

#include <QLoggingCategory>

namespace Rasid {
inline namespace Store {

Q_DECLARE_LOGGING_CATEGORY(lcWorkspace)

} // namespace Store
} // namespace Rasid
