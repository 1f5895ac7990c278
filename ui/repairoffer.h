#pragma once

#include <QCoreApplication>
#include <QString>

namespace Rasid {

class MainWindow;

/*
 * What the window does with a workspace it refused because the file is
 * damaged: it says so and offers "Repair…", which salvages what is readable
 * (store/repair) into "<name>-repaired.rasid" beside it (or where the analyst
 * says, when that exists) on a worker thread with progress and cancel, then
 * opens the result. The damaged file is left as it is.
 */
class RepairOffer
{
    Q_DECLARE_TR_FUNCTIONS(Rasid::RepairOffer)
public:
    // False when the file is not damaged (refused for another reason): the
    // caller shows its own message then.
    static bool offer(MainWindow *window, const QString &path, const QString &error);
    static void repair(MainWindow *window, const QString &path);
};

} // namespace Rasid
