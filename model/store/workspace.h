#pragma once

// The search hits and the statement helpers come with the workspace: code that
// includes this header alone keeps using them.
#include "store/search.h"
#include "store/statement.h"

#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <memory>

class QLockFile;

namespace Rasid {
inline namespace Store {

struct WorkspaceStats
{
    int files = 0;
    int articles = 0;      // distinct articles, duplicates and missing ones excluded
    int duplicates = 0;
    int missing = 0;
    int problems = 0;
    int incidents = 0;     // incidents that are not rejected
    int confirmedIncidents = 0;
    int entities = 0;
    int reviewed = 0;      // articles whose review state is "reviewed"
    int inReview = 0;
};

/*
 * One corpus on disk: an SQLite file in WAL mode with foreign keys, a busy
 * timeout and a versioned schema. Everything SQLite-specific (pragmas, the
 * Arabic FTS5 tokenizer, the writer lock) stays inside this class and the
 * store units beside it (schema, statement, search, writeturns, writelock), so
 * that the pipeline, the models and the views only see plain values.
 *
 * A workspace opened ReadWrite holds a lock file beside it, so a second process
 * that wants to write gets a clear message instead of waiting or damaging it.
 * ReadOnly opens (export, stats, search) never take the lock.
 *
 * Each instance owns its own connection; use one instance per thread.
 */
class Workspace final
{
    Q_DISABLE_COPY_MOVE(Workspace)
public:
    enum class Mode {
        ReadWrite,
        ReadOnly,
        // A second writing connection of a process that already holds the lock
        // through another Workspace (the GUI's import thread). Never for a new process.
        AdditionalWriter,
    };
    static constexpr int SchemaVersion = 12;

    Workspace();
    ~Workspace();

    bool open(const QString &path, Mode mode = Mode::ReadWrite);
    void close();
    bool isOpen() const;
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    QString path() const { return m_path; }
    QString lastError() const { return m_lastError; }
    QSqlDatabase database() const;
    int schemaVersion() const;

    // Brings a raw connection up to targetVersion by running the ordered
    // migrations it lacks. Tests use it to build workspaces of earlier versions.
    static bool migrate(QSqlDatabase db, int targetVersion, QString *error);
    // Registers what workspace SQL relies on, on a connection: the "rasid" FTS5
    // tokenizer (before the full-text table is created or queried) and the
    // incident_field() function.
    static bool registerExtensions(QSqlDatabase db, QString *error);

    bool beginTransaction();
    bool commit();
    void rollback();

    // SQLite's quick_check: every page, index and the free list, which means
    // reading the whole file. False when the file is damaged, with a message for
    // the analyst in *problem.
    bool checkIntegrity(QString *problem = nullptr) const;
    // What an import runs before it writes: checkIntegrity() for workspaces up
    // to kFullCheckBytes (about 0.4 s for 10,000 articles). Reading a larger file
    // through takes seconds to minutes, so those rely on the checks SQLite makes
    // of every page it reads.
    static constexpr qint64 kFullCheckBytes = 256LL * 1024 * 1024;
    bool checkBeforeWriting(QString *problem = nullptr) const;

    // Caps the file at about `bytes` (PRAGMA max_page_count): a write beyond it
    // fails as on a full disk. SQLite never lowers the cap below the current
    // size. For tests of the full-disk path; <= 0 lifts the cap.
    bool setSizeLimit(qint64 bytes);

    // While on, this connection keeps statement journals in memory and a 64 MB
    // page cache: an import writes hundreds of thousands of rows in large
    // transactions, and SQLite otherwise copies every page a statement touches
    // into a temporary file (half of all bytes an import wrote) and reads pages
    // back from the log. Its commits no longer copy the log back into the
    // database (checkpoint); the writer calls checkpointIfDue() between its
    // transactions instead. Foreign keys are not enforced meanwhile: the
    // writer must insert only rows whose parents exist and delete only rows
    // nothing refers to. Off restores the defaults: sorts of large exports
    // can spill to disk again, and foreign keys are enforced again.
    bool setBulkWriting(bool on);
    // While bulk writing: checkpoints once this connection's commits have put
    // kBulkCheckpointPages pages (16 MB) into the log since the last one, every
    // 16 MB instead of SQLite's 4 MB, which writes each busy index page fewer
    // times. A checkpoint waits for the disk twice (fsync), so the import calls
    // it after it has let go of its core. False when a due checkpoint failed;
    // the committed data stays safe in the log either way.
    static constexpr int kBulkCheckpointPages = 4000;
    bool checkpointIfDue();

    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);

    // A query whose rarest word is in more articles than this is listed newest
    // first instead of ranked (see search()).
    static constexpr int kUnselectiveMatches = kUnselectiveSearchMatches;
    // Arabic-aware full-text search over article titles and text, best first.
    QVector<SearchHit> search(const QString &query, int limit = 100) const;
    int searchCount(const QString &query) const;
    // The FTS5 MATCH expression for a user query: folded tokens, each quoted.
    static QString ftsQuery(const QString &userQuery);

    WorkspaceStats stats() const;
    // The number of import problems alone (stats() counts everything).
    int problemCount() const;

    // Records an analyst action in the audit log (inside the caller's transaction).
    bool audit(const QString &analyst, const QString &what, qint64 subjectId, const QString &oldValue,
               const QString &newValue);

private:
    bool fail(const QString &message);
    QString openConnection(); // the reason it failed, or empty

    QString m_connection;
    QString m_path;
    int m_logPages = 0; // pages in the log after this connection's last commit, while bulk writing
    QString m_lastError;
    Mode m_mode = Mode::ReadWrite;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Store
} // namespace Rasid
