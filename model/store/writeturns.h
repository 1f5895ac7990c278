#pragma once

/*
 * The turns that the write transactions of this process take on one workspace
 * file, in arrival order, and which connection holds a turn now.
 * Workspace::beginTransaction() takes one; commit(), rollback() and close()
 * give it back.
 */

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <deque>
#include <memory>

namespace Rasid {
inline namespace Store {

/*
 * The write transactions that this process opens on one workspace file (the
 * GUI's edits and its import thread's batches) take turns in arrival order.
 * SQLite alone is not fair: a connection waiting for the write lock polls,
 * sleeping up to 100 ms between tries, while the import thread commits a batch
 * and takes the lock again within microseconds. An analyst's edit then waited
 * seconds (4.7 s measured during a 4,500-file import, close to the busy
 * timeout after which it fails); in turn it waits for one batch at most.
 */
class WriteTurns
{
public:
    // Waits for the caller's turn; false when it did not come within timeoutMs.
    bool take(int timeoutMs);
    void give();

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<quint64> m_waiting;
    quint64 m_nextTicket = 0;
    bool m_taken = false;
};

// The turns of a workspace file (its canonical path, or the connection name
// of an in-memory one), made on first use and shared by its connections.
std::shared_ptr<WriteTurns> turnsOf(const QString &file);
// Whether the connection holds a turn, i.e. is inside a write transaction.
bool holdsTurn(const QString &connection);
void recordTurn(const QString &connection, const std::shared_ptr<WriteTurns> &turns);
// Gives back the connection's turn, if it holds one.
void giveTurn(const QString &connection);

} // namespace Store
} // namespace Rasid
