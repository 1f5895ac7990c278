#include "store/pagesalvage.h"

#include <QSet>

#include <cstring>

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// Page types of the b-tree format (sqlite.org/fileformat.html §1.6).
constexpr uchar kIndexInterior = 2;
constexpr uchar kTableInterior = 5;
constexpr uchar kIndexLeaf = 10;
constexpr uchar kTableLeaf = 13;
constexpr int kMaxDepth = 40;         // far deeper than any tree of 2^32 pages
constexpr int kMaxColumns = 2000;     // SQLite's own limit
constexpr qint64 kMaxPayload = 1000000000; // SQLITE_MAX_LENGTH

quint32 be32(const uchar *p)
{
    return quint32(p[0]) << 24 | quint32(p[1]) << 16 | quint32(p[2]) << 8 | p[3];
}

int be16(const uchar *p)
{
    return int(p[0]) << 8 | p[1];
}

// A varint at p (at most 9 bytes, none past end): its length, 0 when it runs past end.
int readVarint(const uchar *p, const uchar *end, quint64 *value)
{
    quint64 x = 0;
    for (int i = 0; i < 8; ++i) {
        if (p + i >= end) {
            return 0;
        }
        x = x << 7 | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *value = x;
            return i + 1;
        }
    }
    if (p + 8 >= end) {
        return 0;
    }
    *value = x << 8 | p[8];
    return 9;
}

// A record (fileformat §2.1) as values; false when its header or lengths do not fit.
bool decodeRecord(const QByteArray &payload, QVariantList *values)
{
    const auto *begin = reinterpret_cast<const uchar *>(payload.constData());
    const uchar *end = begin + payload.size();
    quint64 headerSize = 0;
    int n = readVarint(begin, end, &headerSize);
    if (n == 0 || headerSize < quint64(n) || headerSize > quint64(payload.size())) {
        return false;
    }
    const uchar *type = begin + n;
    const uchar *headerEnd = begin + headerSize;
    const uchar *data = headerEnd;
    values->clear();
    while (type < headerEnd) {
        quint64 serial = 0;
        n = readVarint(type, headerEnd, &serial);
        if (n == 0 || values->size() >= kMaxColumns) {
            return false;
        }
        type += n;
        static constexpr int intBytes[] = {0, 1, 2, 3, 4, 6, 8};
        if (serial == 0) {
            values->append(QVariant());
        } else if (serial <= 6) {
            const int bytes = intBytes[serial];
            if (end - data < bytes) {
                return false;
            }
            qint64 v = (data[0] & 0x80) ? -1 : 0; // sign-extended big-endian
            for (int i = 0; i < bytes; ++i) {
                v = qint64(quint64(v) << 8 | data[i]);
            }
            values->append(v);
            data += bytes;
        } else if (serial == 7) {
            if (end - data < 8) {
                return false;
            }
            quint64 bits = 0;
            for (int i = 0; i < 8; ++i) {
                bits = bits << 8 | data[i];
            }
            double d = 0;
            std::memcpy(&d, &bits, sizeof d);
            values->append(d);
            data += 8;
        } else if (serial == 8 || serial == 9) {
            values->append(qint64(serial - 8));
        } else if (serial >= 12) {
            const quint64 length = (serial - 12) / 2;
            if (quint64(end - data) < length) {
                return false;
            }
            const auto *bytes = reinterpret_cast<const char *>(data);
            if (serial % 2 == 1) {
                values->append(QString::fromUtf8(bytes, qsizetype(length)));
            } else {
                values->append(QByteArray(bytes, qsizetype(length)));
            }
            data += length;
        } else {
            return false; // 10 and 11 are reserved
        }
    }
    return true;
}

class PageReader
{
public:
    explicit PageReader(const QByteArray &file)
        : m_data(reinterpret_cast<const uchar *>(file.constData()))
        , m_size(file.size())
    {
        int pageSize = 4096;
        int reserved = 0;
        if (m_size >= 100 && std::memcmp(m_data, "SQLite format 3", 16) == 0) {
            const int field = be16(m_data + 16);
            const int candidate = field == 1 ? 65536 : field;
            if (candidate >= 512 && candidate <= 65536 && (candidate & (candidate - 1)) == 0) {
                pageSize = candidate;
                reserved = m_data[20] < 64 ? m_data[20] : 0;
            }
            m_userVersion = int(be32(m_data + 60));
        }
        m_pageSize = pageSize;
        m_usable = pageSize - reserved;
        m_pageCount = quint32(m_size / pageSize);
        m_used.fill(false, qsizetype(m_pageCount) + 1);
    }

    int pageSize() const { return m_pageSize; }
    quint32 pageCount() const { return m_pageCount; }
    int userVersion() const { return m_userVersion; }
    bool used(quint32 page) const { return m_used.at(page); }
    // The page's b-tree type byte, 0 when it is out of the file.
    uchar typeOf(quint32 page) const
    {
        return page >= 1 && page <= m_pageCount ? pageData(page)[headerOffset(page)] : 0;
    }

    // Walks a tree from its root; with decode, appends its rows.
    void walk(SalvagedTree &tree, bool decode)
    {
        QVector<std::pair<quint32, int>> pending{{tree.rootPage, 0}};
        while (!pending.isEmpty()) {
            const auto [page, depth] = pending.takeLast();
            const uchar type = typeOf(page);
            const bool fits = tree.index ? (type == kIndexInterior || type == kIndexLeaf)
                                         : (type == kTableInterior || type == kTableLeaf);
            if (!fits || m_used.at(page) || depth > kMaxDepth) {
                ++tree.damagedPages;
                continue;
            }
            m_used[page] = true;
            QVector<quint32> children;
            if (!readPage(page, decode ? &tree.rows : nullptr, &tree.badCells, &children)) {
                ++tree.damagedPages;
            }
            // Depth first, leftmost child first: rows come in key order.
            for (auto child = children.crbegin(); child != children.crend(); ++child) {
                pending.append({*child, depth + 1});
            }
        }
    }

    // Reads one page's cells: rows of a leaf (and of an index interior page,
    // whose cells hold records too), children of an interior page. False when
    // the page header does not fit.
    bool readPage(quint32 page, QVector<SalvagedRow> *rows, int *badCells, QVector<quint32> *children)
    {
        const uchar *base = pageData(page);
        const int header = headerOffset(page);
        const uchar type = base[header];
        const bool interior = type == kIndexInterior || type == kTableInterior;
        const bool tableTree = type == kTableInterior || type == kTableLeaf;
        const int headerSize = interior ? 12 : 8;
        const int cells = be16(base + header + 3);
        if (header + headerSize + 2 * cells > m_usable) {
            return false;
        }
        qint64 lastRowid = 0;
        bool first = true;
        for (int i = 0; i < cells; ++i) {
            const int offset = be16(base + header + headerSize + 2 * i);
            if (offset < header + headerSize + 2 * cells || offset >= m_usable) {
                ++*badCells;
                continue;
            }
            const uchar *cell = base + offset;
            const uchar *end = base + m_usable;
            if (interior) {
                if (end - cell < 4) {
                    ++*badCells;
                    continue;
                }
                children->append(be32(cell));
                cell += 4;
                if (tableTree) {
                    continue; // only a key: the rows are in the leaves
                }
            }
            SalvagedRow row;
            if (tableTree) {
                quint64 payloadSize = 0;
                quint64 rowid = 0;
                const int a = readVarint(cell, end, &payloadSize);
                const int b = a ? readVarint(cell + a, end, &rowid) : 0;
                row.rowid = qint64(rowid);
                if (!b || !readPayload(cell + a + b, end, payloadSize, true, &row.values)
                    || (!first && row.rowid <= lastRowid)) {
                    ++*badCells;
                    continue;
                }
                lastRowid = row.rowid;
                first = false;
            } else {
                quint64 payloadSize = 0;
                const int a = readVarint(cell, end, &payloadSize);
                if (!a || !readPayload(cell + a, end, payloadSize, false, &row.values)) {
                    ++*badCells;
                    continue;
                }
            }
            if (rows) {
                rows->append(std::move(row));
            }
        }
        if (interior) {
            children->append(be32(base + header + 8));
        }
        return true;
    }

private:
    const uchar *pageData(quint32 page) const { return m_data + qint64(page - 1) * m_pageSize; }
    static int headerOffset(quint32 page) { return page == 1 ? 100 : 0; }

    // A cell's payload, its local part then its overflow pages (fileformat §1.6).
    bool readPayload(const uchar *local, const uchar *end, quint64 size, bool tableLeaf, QVariantList *values)
    {
        const qint64 u = m_usable;
        const qint64 maxLocal = tableLeaf ? u - 35 : (u - 12) * 64 / 255 - 23;
        const qint64 minLocal = (u - 12) * 32 / 255 - 23;
        if (size > quint64(kMaxPayload) || qint64(size) > qint64(m_pageCount) * u) {
            return false;
        }
        qint64 localSize = qint64(size);
        if (localSize > maxLocal) {
            const qint64 k = minLocal + (qint64(size) - minLocal) % (u - 4);
            localSize = k <= maxLocal ? k : minLocal;
        }
        const bool overflows = localSize < qint64(size);
        if (end - local < localSize + (overflows ? 4 : 0)) {
            return false;
        }
        QByteArray payload(reinterpret_cast<const char *>(local), qsizetype(localSize));
        if (overflows) {
            quint32 next = be32(local + localSize);
            QSet<quint32> seen;
            while (payload.size() < qint64(size)) {
                if (next < 1 || next > m_pageCount || seen.contains(next)) {
                    return false;
                }
                seen.insert(next);
                const uchar *page = pageData(next);
                const qint64 take = qMin<qint64>(u - 4, qint64(size) - payload.size());
                payload.append(reinterpret_cast<const char *>(page + 4), qsizetype(take));
                next = be32(page);
            }
            for (quint32 page : std::as_const(seen)) {
                m_used[page] = true;
            }
        }
        return decodeRecord(payload, values);
    }

    const uchar *m_data;
    qint64 m_size;
    int m_pageSize = 4096;
    int m_usable = 4096;
    quint32 m_pageCount = 0;
    int m_userVersion = -1;
    QVector<bool> m_used;
};

} // namespace

SalvagedFile salvagePages(const QByteArray &file)
{
    PageReader reader(file);
    SalvagedFile result;
    result.pageSize = reader.pageSize();
    result.pageCount = reader.pageCount();
    result.userVersion = reader.userVersion();
    if (result.pageCount == 0) {
        return result;
    }

    SalvagedTree schema;
    schema.rootPage = 1;
    reader.walk(schema, true);
    QSet<QString> virtualTables;
    for (const SalvagedRow &row : std::as_const(schema.rows)) {
        if (row.values.size() >= 5 && row.values.at(4).toString().contains(u"VIRTUAL TABLE"_s, Qt::CaseInsensitive)) {
            virtualTables.insert(row.values.at(1).toString());
        }
    }
    for (const SalvagedRow &row : std::as_const(schema.rows)) {
        if (row.values.size() < 5 || row.values.at(3).typeId() != QMetaType::LongLong) {
            continue;
        }
        SalvagedTree tree;
        tree.type = row.values.at(0).toString();
        tree.name = row.values.at(1).toString();
        tree.tableName = row.values.at(2).toString();
        tree.rootPage = quint32(row.values.at(3).toLongLong());
        tree.sql = row.values.at(4).toString();
        if ((tree.type != u"table" && tree.type != u"index") || tree.rootPage == 0) {
            continue;
        }
        tree.index = tree.type == u"index" || tree.sql.contains(u"WITHOUT ROWID"_s, Qt::CaseInsensitive);
        // What a repair rebuilds (indexes, the full-text index's own tables) is
        // walked only to tell its pages from orphans.
        bool rebuilt = tree.type == u"index" || tree.name.startsWith(u"sqlite_"_s);
        for (const QString &virtualTable : std::as_const(virtualTables)) {
            rebuilt = rebuilt || tree.name.startsWith(virtualTable + u'_');
        }
        reader.walk(tree, !rebuilt);
        result.schemaRead = result.schemaRead || tree.type == u"table";
        result.trees.append(std::move(tree));
    }

    for (quint32 page = 1; page <= result.pageCount; ++page) {
        const uchar type = reader.typeOf(page);
        if (reader.used(page) || (type != kTableLeaf && type != kIndexLeaf && type != kIndexInterior)) {
            continue;
        }
        QVector<quint32> children;
        int bad = 0;
        const bool read =
            reader.readPage(page, type == kTableLeaf ? &result.orphanTableRows : &result.orphanIndexRows, &bad, &children);
        if (read) {
            ++result.orphanLeafPages;
        }
        result.orphanBadCells += bad;
    }
    return result;
}

} // namespace Store
} // namespace Rasid
