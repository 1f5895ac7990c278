#include "store/incidentwriter.h"

#include "store/workspace.h"

#include <QDateTime>

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

IncidentWriter::IncidentWriter(QSqlDatabase db)
    : m_nextOrdinal(std::make_unique<BulkStatement>(db, "SELECT coalesce(max(ordinal) + 1, 0) FROM incidents "
                                                        "WHERE article_id = ?"))
    , m_insertIncident(std::make_unique<BulkStatement>(db, "INSERT INTO incidents(article_id, ordinal, review_status, "
                                                           "confidence, created_at, fields) "
                                                           "VALUES (?, ?, 'suggested', ?, ?, ?)"))
{
}

IncidentWriter::~IncidentWriter() = default;

bool IncidentWriter::store(qint64 articleId, const QVector<ProposedIncident> &incidents)
{
    if (incidents.isEmpty()) {
        return true;
    }
    m_nextOrdinal->bind(1, articleId);
    qint64 ordinal = 0;
    if (!m_nextOrdinal->exec(&m_error, &ordinal)) {
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (const ProposedIncident &incident : incidents) {
        m_packed.resize(0);
        for (const IncidentField &field : incident.fields) {
            if (!field.value.isEmpty()) {
                appendPackedField(m_packed, field);
            }
        }
        m_insertIncident->bind(1, articleId);
        m_insertIncident->bind(2, ordinal++);
        m_insertIncident->bind(3, incident.confidence);
        m_insertIncident->bind(4, QStringView(now));
        // Not null even when empty: the column is NOT NULL.
        m_insertIncident->bind(5, m_packed.isNull() ? QStringView(u"") : QStringView(m_packed));
        if (!m_insertIncident->exec(&m_error)) {
            return false;
        }
    }
    return true;
}

bool storeProposedIncidents(QSqlDatabase db, qint64 articleId, const QVector<ProposedIncident> &incidents)
{
    if (incidents.isEmpty()) {
        return true;
    }
    IncidentWriter writer(db);
    return writer.store(articleId, incidents);
}

} // namespace Store
} // namespace Rasid
