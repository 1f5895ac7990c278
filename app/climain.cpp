#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rasid-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rasid"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RASID_VERSION));
    return Rasid::Cli::run(QCoreApplication::arguments());
}
