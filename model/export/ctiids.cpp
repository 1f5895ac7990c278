#include "export/ctiids.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

namespace {

// The namespace of Rasid's STIX and MISP ids (a fixed random UUID: never
// change it, or every exported id changes).
const QUuid &ctiNamespace()
{
    static const QUuid uuid(u"3c1a8e2f-7b64-4d0a-b5e9-61f0c2d4a7b8"_s);
    return uuid;
}

} // namespace

QString ctiWorkspaceKey(const QString &workspacePath)
{
    // Resolving the path touches the file system: once per workspace, not per record.
    thread_local QString lastPath;
    thread_local QString key;
    if (workspacePath != lastPath || key.isEmpty()) {
        const QFileInfo info(workspacePath);
        const QString canonical = info.canonicalFilePath();
        key = canonical.isEmpty() ? info.absoluteFilePath() : canonical;
        lastPath = workspacePath;
    }
    return key;
}

QUuid ctiUuid(QStringView workspaceKey, QStringView kind, QStringView key)
{
    QString name;
    name.reserve(workspaceKey.size() + kind.size() + key.size() + 2);
    name.append(workspaceKey).append(u'#').append(kind).append(u'#').append(key);
    return QUuid::createUuidV5(ctiNamespace(), name);
}

QString stixId(QStringView type, const QUuid &uuid)
{
    return type.toString() + u"--"_s + uuid.toString(QUuid::WithoutBraces);
}

QDateTime ctiParseTime(const QString &stored)
{
    const QString trimmed = stored.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!time.isValid()) {
        time = QDateTime::fromString(trimmed, Qt::ISODate);
    }
    if (!time.isValid()) {
        // A date, or a partial date the incident_date field allows.
        const QStringList parts = trimmed.section(u'T', 0, 0).split(u'-');
        bool ok = false;
        const int year = parts.value(0).toInt(&ok);
        if (!ok || parts.value(0).size() != 4 || parts.size() > 3) {
            return {};
        }
        const int month = parts.size() > 1 ? parts.at(1).toInt() : 1;
        const int day = parts.size() > 2 ? parts.at(2).toInt() : 1;
        const QDate date(year, month, day);
        if (!date.isValid()) {
            return {};
        }
        time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (time.timeSpec() == Qt::LocalTime) {
        time.setTimeSpec(Qt::UTC); // a stored time without a zone is UTC (store's nowUtc)
    }
    return time.toUTC();
}

} // namespace Export
} // namespace Rasid
