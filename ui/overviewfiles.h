#pragma once

#include "store/articlefilter.h"
#include "store/overviewqueries.h"

#include <QString>

namespace Rasid {

/*
 * The overview for reports (`rasid-cli overview`): a CSV of each aggregate
 * (<name>.csv, raw codes and counts, UTF-8, RFC 4180) and each chart as PNG
 * and SVG, drawn offscreen as the Overview tab draws them. Needs a
 * QApplication. False with a reason in *error when the workspace cannot be
 * read or a file cannot be written.
 */
bool writeOverviewFiles(const QString &workspacePath, const ArticleFilter &filter, OverviewScope scope,
                        const QString &folder, QString *error, OverviewData *written = nullptr);

// The CSV of one aggregate, header row first.
QString overviewCsv(const OverviewData &data, OverviewAggregate which);

} // namespace Rasid
