#include "overviewfiles.h"

#include "entitystyle.h"
#include "export/csv.h"
#include "overviewcharts.h"
#include "store/workspace.h"

#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QSaveFile>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

QString dimensionName(IncidentDimension dimension)
{
    switch (dimension) {
    case IncidentDimension::Month:
        return u"month"_s;
    case IncidentDimension::AttackType:
        return u"attack_type"_s;
    case IncidentDimension::Country:
        return u"victim_country"_s;
    case IncidentDimension::ActorType:
        return u"actor_type"_s;
    case IncidentDimension::Sector:
        return u"victim_sector"_s;
    case IncidentDimension::ReviewDay:
        break;
    }
    return u"day"_s;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) {
            *error = QCoreApplication::translate("Rasid::OverviewFiles", "Cannot write %1: %2")
                         .arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace

QString overviewCsv(const OverviewData &data, OverviewAggregate which)
{
    QStringList header = {dimensionName(firstDimension(which))};
    if (hasSecondDimension(which)) {
        header.append(dimensionName(secondDimension(which)));
    }
    const bool perDay = which == OverviewAggregate::ReviewsPerDay;
    header.append(perDay ? QStringList{u"decisions"_s, u"cumulative"_s} : QStringList{u"incidents"_s});
    QString text = csvRow(header);
    for (const OverviewRow &row : data.aggregate(which)) {
        QStringList cells = {row.first};
        if (hasSecondDimension(which)) {
            cells.append(row.second);
        }
        cells.append(QString::number(row.count));
        if (perDay) {
            cells.append(QString::number(row.cumulative));
        }
        text += csvRow(cells);
    }
    return text;
}

bool writeOverviewFiles(const QString &workspacePath, const ArticleFilter &filter, OverviewScope scope,
                        const QString &folder, QString *error, OverviewData *written)
{
    Workspace workspace;
    if (!workspace.open(workspacePath, Workspace::Mode::ReadOnly)) {
        *error = workspace.lastError();
        return false;
    }
    OverviewData data;
    if (!readOverview(workspace, filter, scope, &data, error)) {
        return false;
    }
    if (!QDir().mkpath(folder)) {
        *error = QCoreApplication::translate("Rasid::OverviewFiles", "Cannot create the folder %1").arg(folder);
        return false;
    }
    const QDir dir(folder);
    for (int k = 0; k < OverviewAggregateCount; ++k) {
        const auto which = OverviewAggregate(k);
        if (!writeFile(dir.filePath(aggregateName(which) + u".csv"_s), overviewCsv(data, which).toUtf8(), error)) {
            return false;
        }
    }
    EntityStyle style;
    QSettings settings;
    style.loadColors(settings);
    for (int k = 0; k < OverviewChartCount; ++k) {
        const auto which = OverviewChart(k);
        if (!OverviewCharts::save(which, data, style, QGuiApplication::layoutDirection(),
                                  dir.filePath(OverviewCharts::fileName(which)), QSize(900, 560), error)) {
            return false;
        }
    }
    if (written) {
        *written = data;
    }
    return true;
}

} // namespace Rasid
