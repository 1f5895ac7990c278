#include "store/writeturns.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutexLocker>

#include <algorithm>

namespace Rasid {
inline namespace Store {

bool WriteTurns::take(int timeoutMs)
{
    QMutexLocker locker(&m_mutex);
    const quint64 ticket = m_nextTicket++;
    m_waiting.push_back(ticket);
    const QDeadlineTimer deadline(timeoutMs);
    while (m_taken || m_waiting.front() != ticket) {
        if (deadline.hasExpired()) {
            m_waiting.erase(std::find(m_waiting.begin(), m_waiting.end(), ticket));
            m_changed.wakeAll(); // the next in line may be first now
            return false;
        }
        m_changed.wait(&m_mutex, deadline);
    }
    m_waiting.pop_front();
    m_taken = true;
    return true;
}

void WriteTurns::give()
{
    const QMutexLocker locker(&m_mutex);
    m_taken = false;
    m_changed.wakeAll();
}

namespace {

// The turns of each workspace file, and whose turn each connection holds.
struct TurnBook
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<WriteTurns>> byFile;
    QHash<QString, std::shared_ptr<WriteTurns>> heldBy; // connection name -> turns
};

TurnBook &turnBook()
{
    static TurnBook book;
    return book;
}

} // namespace

std::shared_ptr<WriteTurns> turnsOf(const QString &file)
{
    const QMutexLocker locker(&turnBook().mutex);
    std::shared_ptr<WriteTurns> &turns = turnBook().byFile[file];
    if (!turns) {
        turns = std::make_shared<WriteTurns>();
    }
    return turns;
}

bool holdsTurn(const QString &connection)
{
    const QMutexLocker locker(&turnBook().mutex);
    return turnBook().heldBy.contains(connection);
}

void recordTurn(const QString &connection, const std::shared_ptr<WriteTurns> &turns)
{
    const QMutexLocker locker(&turnBook().mutex);
    turnBook().heldBy.insert(connection, turns);
}

void giveTurn(const QString &connection)
{
    std::shared_ptr<WriteTurns> turns;
    {
        const QMutexLocker locker(&turnBook().mutex);
        turns = turnBook().heldBy.take(connection);
    }
    if (turns) {
        turns->give();
    }
}

} // namespace Store
} // namespace Rasid
