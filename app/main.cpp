// The GUI entry point: `rasid [folder-or-workspace]`.

#include "mainwindow.h"
#include "settingkeys.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

// Installs Rasid's and Qt's own translations for the chosen interface language
// and lays the interface out in that language's direction.
void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *rasid = new QTranslator(&app);
    if (rasid->load(locale, u"rasid"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(rasid);
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    // Right to left for Arabic: the list moves to the right, the incidents to the left.
    QGuiApplication::setLayoutDirection(locale.textDirection());
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Rasid"_s);
    QCoreApplication::setApplicationName(u"Rasid"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RASID_VERSION));
    QGuiApplication::setDesktopFileName(u"rasid"_s);

    QSettings settings;
    installTranslations(app, Rasid::Settings::InterfaceLanguage.value(settings));
    QGuiApplication::setApplicationDisplayName(QApplication::translate("main", "Rasid"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Rasid: build cyber-incident datasets from Arabic news."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"path"_s,
                                 QApplication::translate("main", "A folder of articles to import, or a workspace."),
                                 u"[folder-or-workspace]"_s);
    parser.process(app);

    // No question before the window: the first start signs edits with the
    // account's name (MainWindow::loadPreferences), shown in the status bar.
    Rasid::MainWindow window;
    window.restoreWindowState();
    window.show();
    const QStringList paths = parser.positionalArguments();
    if (!paths.isEmpty()) {
        window.openPath(QDir::current().absoluteFilePath(paths.constFirst()));
    } else {
        window.reopenLastWorkspace();
    }
    return app.exec();
}
