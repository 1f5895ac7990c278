#include "export/exporter.h"

#include "export/csv.h"
#include "extract/incident.h"
#include "store/reviewstore.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QIODevice>
#include <QObject>
#include <QTemporaryDir>
#include <QStringEncoder>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Export {

const QStringList &csvColumns()
{
    static const QStringList columns = {
        u"incident_id"_s, u"article"_s, u"title"_s, u"outlet"_s, u"published"_s, u"source_url"_s,
        u"review_status"_s, u"victim"_s, u"victim_sector"_s, u"victim_country"_s, u"attack_type"_s, u"actor"_s,
        u"actor_type"_s, u"actor_country"_s, u"motive"_s, u"records_affected"_s, u"records_qualifier"_s,
        u"data_types"_s, u"incident_date"_s, u"disclosure"_s, u"impact"_s, u"evidence"_s, u"confidence"_s,
        u"analyst"_s, u"reviewed_at"_s,
    };
    return columns;
}

const QStringList &csvExportColumns()
{
    static const QStringList columns = csvColumns() + QStringList{u"notes"_s, u"field_origins"_s};
    return columns;
}

QString IncidentRow::cell(const QString &column) const
{
    return cells.value(int(csvColumns().indexOf(column)));
}

QStringList IncidentRow::exportCells() const
{
    return cells + QStringList{notes, fieldOrigins};
}

QVector<std::pair<QString, QString>> fieldOrigins(const QHash<QString, ExportedField> &fields)
{
    QVector<std::pair<QString, QString>> origins;
    origins.reserve(fields.size());
    for (const QString &name : incidentFieldNames()) {
        if (const auto field = fields.constFind(name); field != fields.cend()) {
            origins.append({name, field->origin});
        }
    }
    QStringList extra;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!incidentFieldNames().contains(it.key())) {
            extra.append(it.key());
        }
    }
    extra.sort();
    for (const QString &name : std::as_const(extra)) {
        origins.append({name, fields.value(name).origin});
    }
    return origins;
}

QString fieldOriginsText(const QHash<QString, ExportedField> &fields)
{
    QString text;
    for (const auto &[name, origin] : fieldOrigins(fields)) {
        text += (text.isEmpty() ? QString() : u"; "_s) + name + u'=' + origin;
    }
    return text;
}

QString notesText(const QString &articleNote, const QString &incidentNote)
{
    QStringList lines;
    if (!articleNote.isEmpty()) {
        lines.append(u"article: "_s + articleNote);
    }
    if (!incidentNote.isEmpty()) {
        lines.append(u"incident: "_s + incidentNote);
    }
    return lines.join(u'\n');
}

namespace {

// The CSV row of a stored incident: the contract's columns, the fields taken
// out of the packed ones by name.
class RowMaker
{
public:
    explicit RowMaker(const Workspace &workspace)
        : m_articleNotes(allNotes(workspace, ReviewStore::NoteSubject::Article))
        , m_incidentNotes(allNotes(workspace, ReviewStore::NoteSubject::Incident))
    {
        const QStringList &names = incidentFieldNames();
        for (int f = 0; f < int(names.size()); ++f) {
            m_fieldIndex.insert(names.at(f), f);
        }
    }

    // The row of a stored incident whose fields have been unpacked into `fields`.
    void fill(const StoredIncident &stored, const QHash<QString, ExportedField> &fields, IncidentRow &row)
    {
        row.incidentId = stored.id;
        row.articleId = stored.articleId;
        row.packedFields = stored.packedFields;
        row.createdAt = stored.createdAt;
        row.cells.clear();
        row.cells.reserve(csvColumns().size());
        row.cells << QString::number(stored.id) << stored.path << stored.title << stored.outlet << stored.published
                  << stored.sourceUrl << stored.reviewStatus;
        m_fields.fill(QString(), m_fieldIndex.size());
        forEachPackedValue(stored.packedFields, [&](QStringView name, QStringView value) {
            if (const auto it = m_fieldIndex.constFind(name); it != m_fieldIndex.cend()) {
                m_fields[*it] = value.toString();
            }
        });
        row.cells << m_fields;
        row.cells << exportedConfidenceText(stored.confidence, stored.reviewStatus) << stored.analyst
                  << stored.reviewedAt;
        row.articleNote = m_articleNotes.value(stored.articleId);
        row.incidentNote = m_incidentNotes.value(stored.id);
        row.notes = notesText(row.articleNote, row.incidentNote);
        row.fieldOrigins = fieldOriginsText(fields);
    }

    static void unpack(const QString &packed, QHash<QString, ExportedField> &fields)
    {
        fields.clear();
        for (IncidentField &field : unpackFields(packed)) {
            const QString name = field.name;
            fields.insert(name, std::move(field));
        }
    }

private:
    QHash<qint64, QString> m_articleNotes;
    QHash<qint64, QString> m_incidentNotes;
    QHash<QStringView, int> m_fieldIndex;
    QStringList m_fields;
};

} // namespace

bool forEachIncidentRow(const Workspace &workspace, StatusFilter filter,
                        const std::function<bool(const IncidentRow &)> &callback, QString *error,
                        const CursorProgress &progress)
{
    RowMaker maker(workspace);
    IncidentRow row;
    QHash<QString, ExportedField> fields;
    return forEachStoredIncident(
        workspace, filter, false,
        [&](const StoredIncident &stored, const QString &) {
            RowMaker::unpack(stored.packedFields, fields);
            maker.fill(stored, fields, row);
            return callback(row);
        },
        error, progress);
}

void ChunkedWriter::append(const QByteArray &bytes)
{
    m_buffer.append(bytes);
    if (m_ok && m_buffer.size() > (1 << 20)) {
        m_ok = m_out.write(m_buffer) == m_buffer.size();
        m_buffer.clear();
    }
}

bool ChunkedWriter::finish(QString *error)
{
    if (m_ok && !m_buffer.isEmpty()) {
        m_ok = m_out.write(m_buffer) == m_buffer.size();
        m_buffer.clear();
    }
    if (!m_ok && error) {
        *error = m_out.errorString();
    }
    return m_ok;
}

StagedFolder::~StagedFolder()
{
    if (!m_stage.isEmpty()) {
        QDir(m_stage).removeRecursively();
    }
    if (!m_committed && m_createdTarget) {
        QDir().rmdir(m_target); // only when empty
    }
}

bool StagedFolder::open(const QString &folder, QString *error)
{
    m_target = folder;
    m_createdTarget = !QFileInfo::exists(folder);
    if (!QDir().mkpath(folder)) {
        *error = QObject::tr("Cannot create the folder %1.").arg(folder);
        return false;
    }
    QTemporaryDir stage(QDir(folder).filePath(u".rasid-export-XXXXXX"_s));
    if (!stage.isValid()) {
        *error = QObject::tr("Cannot write in the folder %1: %2").arg(folder, stage.errorString());
        return false;
    }
    stage.setAutoRemove(false); // removed by this object, once its documents have moved
    m_stage = stage.path();
    return true;
}

bool StagedFolder::write(const QString &name, const QByteArray &bytes, QString *error)
{
    QFile file(QDir(m_stage).filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush()) {
        *error = QObject::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    m_names.append(name);
    return true;
}

bool StagedFolder::commit(QString *error)
{
    const QDir stage(m_stage);
    const QDir target(m_target);
    for (const QString &name : std::as_const(m_names)) {
        // POSIX rename replaces a previous document atomically (QFile::rename refuses to).
        if (std::rename(QFile::encodeName(stage.filePath(name)).constData(),
                        QFile::encodeName(target.filePath(name)).constData())
            != 0) {
            *error = QObject::tr("Cannot replace %1.").arg(target.filePath(name));
            return false;
        }
    }
    m_committed = true;
    return true;
}

bool exportCsv(const Workspace &workspace, QIODevice &out, const ExportOptions &options, QString *error,
               int *rowsWritten)
{
    QStringEncoder utf8(QStringEncoder::Utf8);
    ChunkedWriter writer(out);
    if (options.bom) {
        writer.append("\xEF\xBB\xBF");
    }
    writer.append(utf8.encode(csvRow(csvExportColumns())));
    int rows = 0;
    const bool ok = forEachIncidentRow(
        workspace, options.status,
        [&](const IncidentRow &row) {
            writer.append(utf8.encode(csvRow(row.exportCells())));
            ++rows;
            return writer.ok();
        },
        error, options.progress);
    if (!ok || !writer.finish(error)) {
        return false;
    }
    if (rowsWritten) {
        *rowsWritten = rows;
    }
    return true;
}

bool forEachIncidentDetail(const Workspace &workspace, StatusFilter filter, bool withArticleText,
                           const std::function<bool(const IncidentRow &, const IncidentDetail &)> &callback,
                           QString *error, const CursorProgress &progress)
{
    RowMaker maker(workspace);
    IncidentRow row;
    return forEachStoredIncident(
        workspace, filter, withArticleText,
        [&](const StoredIncident &stored, const QString &articleText) {
            IncidentDetail detail;
            RowMaker::unpack(stored.packedFields, detail.fields);
            maker.fill(stored, detail.fields, row);
            detail.createdAt = row.createdAt;
            detail.articleText = articleText;
            return callback(row, detail);
        },
        error, progress);
}

} // namespace Export
} // namespace Rasid
