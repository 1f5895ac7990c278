#include "export/jsonlexport.h"

#include "store/workspace.h"

#include <QIODevice>
#include <QStringEncoder>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

namespace {

const QString &recordsColumn()
{
    static const QString name = u"records_affected"_s;
    return name;
}

const QString &confidenceColumn()
{
    static const QString name = u"confidence"_s;
    return name;
}

// records_affected is "digits only or empty" by contract; anything else (or a
// count too large for 64 bits) becomes null rather than an invalid number.
void appendRecords(QString &json, const QString &cell)
{
    bool ok = false;
    const qlonglong count = cell.toLongLong(&ok);
    if (ok && count >= 0 && !cell.startsWith(u'+')) {
        json += QString::number(count);
    } else {
        json += u"null"_s;
    }
}

void appendConfidence(QString &json, const QString &cell)
{
    bool ok = false;
    const double value = cell.toDouble(&ok);
    if (ok && std::isfinite(value)) {
        json += QString::number(value, 'g', 3); // the CSV's own precision
    } else {
        json += u"null"_s;
    }
}

// The spans of one field, each with the text it covers (clamped to the text).
void appendSpans(QString &json, const QVector<EvidenceSpan> &spans, const QString &text)
{
    json += u'[';
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const EvidenceSpan &span = spans.at(i);
        const qsizetype start = qBound(qsizetype(0), qsizetype(span.start), text.size());
        const qsizetype end = qBound(start, qsizetype(span.end), text.size());
        if (i) {
            json += u',';
        }
        json += u"{\"start\":"_s + QString::number(span.start) + u",\"end\":"_s + QString::number(span.end)
            + u",\"text\":"_s;
        appendJsonString(json, QStringView(text).sliced(start, end - start));
        json += u'}';
    }
    json += u']';
}

// Fields of the contract first, in contract order, then any other stored field
// (victim_secondary ...) by name, so that the output is deterministic.
QStringList spanFieldOrder(const IncidentDetail &detail)
{
    QStringList order;
    for (const QString &name : incidentFieldNames()) {
        if (!detail.fields.value(name).evidence.isEmpty()) {
            order.append(name);
        }
    }
    QStringList extra;
    for (auto it = detail.fields.cbegin(); it != detail.fields.cend(); ++it) {
        if (!it->evidence.isEmpty() && !incidentFieldNames().contains(it.key())) {
            extra.append(it.key());
        }
    }
    extra.sort();
    return order + extra;
}

} // namespace

void appendJsonString(QString &json, QStringView s)
{
    static const char hex[] = "0123456789abcdef";
    json += u'"';
    qsizetype plain = 0; // start of the run of characters that need no escape
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\') {
            continue;
        }
        json += s.sliced(plain, i - plain);
        plain = i + 1;
        switch (c) {
        case u'"': json += u"\\\""_s; break;
        case u'\\': json += u"\\\\"_s; break;
        case u'\n': json += u"\\n"_s; break;
        case u'\r': json += u"\\r"_s; break;
        case u'\t': json += u"\\t"_s; break;
        case u'\b': json += u"\\b"_s; break;
        case u'\f': json += u"\\f"_s; break;
        default:
            json += u"\\u00"_s;
            json += QLatin1Char(hex[c >> 4]);
            json += QLatin1Char(hex[c & 0xf]);
        }
    }
    json += s.sliced(plain);
    json += u'"';
}

bool exportJsonLines(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error,
                     int *rows)
{
    const QStringList &columns = csvColumns();
    const int recordsIndex = int(columns.indexOf(recordsColumn()));
    const int confidenceIndex = int(columns.indexOf(confidenceColumn()));
    // Keys are constants: quote them once.
    QStringList keys;
    for (const QString &column : columns) {
        QString key;
        appendJsonString(key, column);
        keys.append(key + u':');
    }

    QStringEncoder utf8(QStringEncoder::Utf8);
    ChunkedWriter writer(out);
    QString line;
    int written = 0;
    const bool ok = forEachIncidentDetail(
        workspace, options.status, true,
        [&](const IncidentRow &row, const IncidentDetail &detail) {
            line.clear();
            line += u'{';
            for (int c = 0; c < columns.size(); ++c) {
                if (c) {
                    line += u',';
                }
                line += keys.at(c);
                const QString &cell = row.cells.at(c);
                if (c == recordsIndex) {
                    appendRecords(line, cell);
                } else if (c == confidenceIndex) {
                    appendConfidence(line, cell);
                } else {
                    appendJsonString(line, cell);
                }
            }
            line += u",\"evidence_spans\":{"_s;
            bool first = true;
            for (const QString &name : spanFieldOrder(detail)) {
                if (!first) {
                    line += u',';
                }
                first = false;
                appendJsonString(line, name);
                line += u':';
                appendSpans(line, detail.fields.value(name).evidence, detail.articleText);
            }
            // Each stored field's origin (suggested, confirmed, corrected), and the analyst's notes.
            line += u"},\"field_origins\":{"_s;
            first = true;
            for (const auto &[name, origin] : fieldOrigins(detail.fields)) {
                line += first ? u""_s : u","_s;
                first = false;
                appendJsonString(line, name);
                line += u':';
                appendJsonString(line, origin);
            }
            line += u"},\"notes\":{"_s;
            first = true;
            for (const auto &[key, note] : {std::pair{u"article"_s, &row.articleNote},
                                            std::pair{u"incident"_s, &row.incidentNote}}) {
                if (!note->isEmpty()) {
                    line += first ? u""_s : u","_s;
                    first = false;
                    appendJsonString(line, key);
                    line += u':';
                    appendJsonString(line, *note);
                }
            }
            line += u"}}\n"_s;
            writer.append(utf8.encode(line));
            ++written;
            return writer.ok();
        },
        error, options.progress);
    if (!ok || !writer.finish(error)) {
        return false;
    }
    if (rows) {
        *rows = written;
    }
    return true;
}

} // namespace Export
} // namespace Rasid
