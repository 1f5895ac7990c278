#pragma once

// Settings of the suite's own, so that a test never reads or writes the
// analyst's: QStandardPaths in test mode, and QSettings as INI files in folder.

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace Rasid::TestSettings {

inline void isolate(const QString &application, const QString &folder)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RasidTest"));
    QCoreApplication::setApplicationName(application);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

} // namespace Rasid::TestSettings
