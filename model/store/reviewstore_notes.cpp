// The analyst's notes on articles and incidents (ReviewStore::note, setNote).
#include "store/reviewstore.h"

#include "store/reviewstore_p.h"
#include "store/statement.h"
#include "store/workspace.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

QString subjectName(ReviewStore::NoteSubject subject)
{
    return subject == ReviewStore::NoteSubject::Article ? u"article"_s : u"incident"_s;
}

} // namespace

QString ReviewStore::note(NoteSubject subject, qint64 id) const
{
    QSqlQuery query(m_workspace.database());
    query.prepare(u"SELECT text FROM notes WHERE subject = ? AND subject_id = ?"_s);
    query.addBindValue(subjectName(subject));
    query.addBindValue(id);
    return execPrepared(query) && query.next() ? query.value(0).toString() : QString();
}

bool ReviewStore::setNote(NoteSubject subject, qint64 id, const QString &text)
{
    const bool article = subject == NoteSubject::Article;
    if (id <= 0 || (article ? !readArticle(id) : !readIncident(id))) {
        return refuse(article ? tr("Article %1 does not exist.").arg(id) : tr("Incident %1 does not exist.").arg(id));
    }
    const QString stored = text.trimmed().isEmpty() ? QString() : text;
    if (!begin()) {
        return false;
    }
    const QString old = note(subject, id);
    if (old == stored) {
        return commitOrRollback(true); // nothing to write, nothing to audit
    }
    QSqlQuery write(m_workspace.database());
    if (stored.isEmpty()) {
        write.prepare(u"DELETE FROM notes WHERE subject = ? AND subject_id = ?"_s);
        write.addBindValue(subjectName(subject));
        write.addBindValue(id);
    } else {
        write.prepare(u"INSERT INTO notes(subject, subject_id, text, analyst, updated_at) VALUES (?, ?, ?, ?, ?) "
                      "ON CONFLICT(subject, subject_id) DO UPDATE SET text = excluded.text, "
                      "analyst = excluded.analyst, updated_at = excluded.updated_at"_s);
        write.addBindValue(subjectName(subject));
        write.addBindValue(id);
        write.addBindValue(stored);
        write.addBindValue(m_analyst);
        write.addBindValue(nowUtc());
    }
    QString error;
    bool ok = execPrepared(write, &error) || fail(tr("Cannot save the note: %1").arg(error));
    ok = ok && audit(u"note."_s + subjectName(subject), id, old, stored);
    if (!commitOrRollback(ok)) {
        return false;
    }
    emit noteChanged(subject, id);
    return true;
}

QHash<qint64, QString> allNotes(const Workspace &workspace, ReviewStore::NoteSubject subject)
{
    QHash<qint64, QString> notes;
    QSqlQuery query(workspace.database());
    query.prepare(u"SELECT subject_id, text FROM notes WHERE subject = ?"_s);
    query.addBindValue(subjectName(subject));
    if (execPrepared(query)) {
        while (query.next()) {
            notes.insert(query.value(0).toLongLong(), query.value(1).toString());
        }
    }
    return notes;
}

} // namespace Store
} // namespace Rasid
