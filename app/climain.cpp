#include "cli.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

int main(int argc, char *argv[])
{
    // The overview draws its charts with widgets, offscreen unless told otherwise;
    // every other command needs no GUI.
    std::unique_ptr<QCoreApplication> application;
    if (argc > 1 && qstrcmp(argv[1], "overview") == 0) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("rasid-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rasid"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RASID_VERSION));
    return Rasid::Cli::run(QCoreApplication::arguments());
}
