#include "systemaccount.h"

#include <QFile>

#include <pwd.h>
#include <unistd.h>

#include <vector>

using namespace Qt::StringLiterals;

namespace Rasid {

QString analystNameFromAccount(const QByteArray &gecos, const QByteArray &login)
{
    const QString loginName = QFile::decodeName(login).simplified();
    QString full = QFile::decodeName(gecos.split(',').constFirst());
    if (full.contains(u'&') && !loginName.isEmpty()) {
        full.replace(u'&', loginName.left(1).toUpper() + loginName.mid(1));
    }
    full = full.simplified();
    if (!full.isEmpty()) {
        return full;
    }
    return loginName;
}

QString systemAnalystName()
{
    QString name;
    // getpwuid_r: the GUI's worker threads may call getpw* too.
    long size = ::sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size > 0 ? size_t(size) : size_t(16384));
    struct passwd entry = {};
    struct passwd *found = nullptr;
    if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found) {
        name = analystNameFromAccount(QByteArray(found->pw_gecos ? found->pw_gecos : ""),
                                      QByteArray(found->pw_name ? found->pw_name : ""));
    }
    if (name.isEmpty()) {
        name = qEnvironmentVariable("USER").simplified();
    }
    return name.isEmpty() ? u"analyst"_s : name;
}

} // namespace Rasid
