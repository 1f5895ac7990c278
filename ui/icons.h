#pragma once

#include <QIcon>
#include <QString>

namespace Rasid {

/*
 * The few icons Rasid needs (review states, field origins, incident statuses,
 * evidence), painted in code so that no image-format plugin is required: Qt's
 * SVG support is a separate package that a minimal install lacks. Names follow
 * IconNameRole: "review-new", "origin-confirmed", "status-rejected" ...
 * An unknown name gives a null icon.
 */
QIcon rasidIcon(const QString &name);

// The colour that goes with a field origin or incident status, for text and marks.
QColor originColor(const QString &origin);

} // namespace Rasid
