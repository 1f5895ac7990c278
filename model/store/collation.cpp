#include "store/collation.h"

#include "store/workspace.h"

#include <sqlite3.h>
#include <unicode/ucol.h>

#include <QLocale>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

Q_LOGGING_CATEGORY(lcCollation, "rasid.collation")

namespace {

// What SQLite holds for the collation: the collator, configured once, so that
// no comparison ever builds one.
struct CollationContext
{
    QCollator collator = arabicCollator();
};

int compareUtf16(void *context, int lengthA, const void *a, int lengthB, const void *b)
{
    const auto *self = static_cast<const CollationContext *>(context);
    // SQLITE_UTF16_ALIGNED: both strings are native-endian, aligned UTF-16; lengths are in bytes.
    const QStringView viewA(static_cast<const char16_t *>(a), lengthA / 2);
    const QStringView viewB(static_cast<const char16_t *>(b), lengthB / 2);
    return self->collator.compare(viewA, viewB);
}

void destroyContext(void *context)
{
    delete static_cast<CollationContext *>(context);
}

// An ICU collator set up exactly as QCollator sets up arabicCollator() (see
// qcollator_icu.cpp), so that its sort keys order as QCollator::compare does.
UCollator *openSortKeyCollator()
{
    const QCollator reference = arabicCollator();
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open(reference.locale().bcp47Name().replace(u'-', u'_').toLatin1().constData(), &status);
    if (U_FAILURE(status)) {
        return nullptr;
    }
    ucol_setAttribute(collator, UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
    ucol_setAttribute(collator, UCOL_STRENGTH,
                      reference.caseSensitivity() == Qt::CaseSensitive ? UCOL_DEFAULT_STRENGTH : UCOL_SECONDARY,
                      &status);
    ucol_setAttribute(collator, UCOL_NUMERIC_COLLATION, reference.numericMode() ? UCOL_ON : UCOL_OFF, &status);
    ucol_setAttribute(collator, UCOL_ALTERNATE_HANDLING,
                      reference.ignorePunctuation() ? UCOL_SHIFTED : UCOL_NON_IGNORABLE, &status);
    if (U_FAILURE(status)) {
        ucol_close(collator);
        return nullptr;
    }
    return collator;
}

void sortKey(sqlite3_context *context, int, sqlite3_value **arguments)
{
    auto *collator = static_cast<const UCollator *>(sqlite3_user_data(context));
    // NULL sorts as the empty text, first.
    const auto *text = static_cast<const UChar *>(sqlite3_value_text16(arguments[0]));
    const int length = text ? sqlite3_value_bytes16(arguments[0]) / 2 : 0;
    uint8_t buffer[512];
    int size = ucol_getSortKey(collator, text ? text : u"", length, buffer, sizeof buffer);
    if (size <= int(sizeof buffer)) {
        sqlite3_result_blob(context, buffer, size, SQLITE_TRANSIENT);
        return;
    }
    QByteArray large(size, Qt::Uninitialized);
    size = ucol_getSortKey(collator, text, length, reinterpret_cast<uint8_t *>(large.data()), size);
    sqlite3_result_blob(context, large.constData(), size, SQLITE_TRANSIENT);
}

void closeCollator(void *collator)
{
    ucol_close(static_cast<UCollator *>(collator));
}

bool isRegistered(const QSqlDatabase &db)
{
    // Preparing a statement that names the collation fails when it is unknown.
    QSqlQuery probe(db);
    return probe.prepare(u"SELECT 'a' < 'b' COLLATE %1"_s.arg(QLatin1StringView(ArabicCollationName)));
}

} // namespace

QCollator arabicCollator()
{
    QCollator collator{QLocale(QLocale::Arabic)};
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setIgnorePunctuation(true);
    return collator;
}

bool registerArabicCollation(QSqlDatabase db, QString *error)
{
    sqlite3 *handle = sqliteHandle(db);
    if (!handle) {
        if (error) {
            *error = u"the workspace connection is not SQLite"_s;
        }
        return false;
    }
    if (isRegistered(db)) {
        return true;
    }
    UCollator *keys = openSortKeyCollator();
    const int keyRc = keys ? sqlite3_create_function_v2(handle, ArabicSortKeyFunction, 1,
                                                        SQLITE_UTF16 | SQLITE_DETERMINISTIC, keys, sortKey, nullptr,
                                                        nullptr, closeCollator)
                           : SQLITE_ERROR;
    if (keyRc != SQLITE_OK) {
        // A failed registration has already closed the collator through closeCollator.
        const QString message = u"cannot register the Arabic sort key function"_s;
        qCWarning(lcCollation) << message;
        if (error) {
            *error = message;
        }
        return false;
    }
    auto *context = new CollationContext;
    const int rc = sqlite3_create_collation_v2(handle, ArabicCollationName, SQLITE_UTF16_ALIGNED, context,
                                               compareUtf16, destroyContext);
    if (rc != SQLITE_OK) {
        // Unlike every other SQLite interface, a failed create_collation_v2 does
        // not call xDestroy: the context is ours to free.
        delete context;
        const QString message = QString::fromUtf8(sqlite3_errstr(rc));
        qCWarning(lcCollation) << "cannot register the Arabic collation:" << message;
        if (error) {
            *error = message;
        }
        return false;
    }
    return true;
}

} // namespace Store
} // namespace Rasid
