#include "store/sqlfunctions.h"

#include "extract/incident.h"

#include <sqlite3.h>

#include <algorithm>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// incident_field(fields, name), on the UTF-8 text: both separators are ASCII,
// so they never occur inside a multi-byte sequence.
void incidentFieldSql(sqlite3_context *context, int, sqlite3_value **argv)
{
    const auto *packed = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int packedBytes = sqlite3_value_bytes(argv[0]);
    const auto *name = reinterpret_cast<const char *>(sqlite3_value_text(argv[1]));
    const int nameBytes = sqlite3_value_bytes(argv[1]);
    if (!packed || !name || nameBytes == 0) {
        sqlite3_result_null(context);
        return;
    }
    std::string_view rest(packed, size_t(packedBytes));
    const std::string_view wanted(name, size_t(nameBytes));
    while (!rest.empty()) {
        const size_t end = rest.find(char(FieldSeparator));
        const std::string_view record = rest.substr(0, end);
        if (record.size() > wanted.size() && record.compare(0, wanted.size(), wanted) == 0
            && record[wanted.size()] == char(UnitSeparator)
            && std::count(record.cbegin(), record.cend(), char(UnitSeparator)) == (PackedFieldUnits - 1)) {
            std::string_view value = record.substr(wanted.size() + 1);
            value = value.substr(0, value.find(char(UnitSeparator)));
            sqlite3_result_text(context, value.data(), int(value.size()), SQLITE_TRANSIENT);
            return;
        }
        if (end == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(end + 1);
    }
    sqlite3_result_null(context);
}

} // namespace

bool registerIncidentFieldFunction(sqlite3 *db, QString *error)
{
    const int rc = sqlite3_create_function_v2(db, IncidentFieldFunction, 2,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                              incidentFieldSql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        if (error) {
            *error = u"cannot register %1(): %2"_s.arg(QLatin1StringView(IncidentFieldFunction),
                                                       QString::fromUtf8(sqlite3_errstr(rc)));
        }
        return false;
    }
    return true;
}

} // namespace Store
} // namespace Rasid
