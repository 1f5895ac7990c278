// Fault injection: a reviewed workspace gets bytes flipped at 100 random
// offsets (fixed seeds), and `rasid-cli repair` must bring back every analyst
// decision whose pages were left intact, exactly, without crashing. Which
// pages hold a decision is read from the undamaged copy's page map (SQLite's
// dbstat table): the leaf page of its row and the overflow pages of its cell.
//
// The repair runs as a separate process. When an AddressSanitizer build of
// rasid-cli exists (RASID_ASAN_CLI, by default build/asan/app/rasid-cli; see
// the README's "Sanitizers"), that one runs, so a memory error in the salvage
// of a damaged page fails the test.

#include "store/importer.h"
#include "store/reviewstore.h"
#include "store/workspace.h"
#include "testcorpus.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

constexpr int kArticles = 240;
constexpr int kFlips = 100;
const QString kAnalyst = u"Salma"_s;

// One analyst decision as a line, keyed by the table and row it lives in.
struct Decision
{
    QString table;
    qint64 rowid = 0;
    QString line;
};

// The analyst's decisions in a workspace: every incident the analyst reviewed
// or whose fields they confirmed or corrected, and every audit row.
QVector<Decision> decisionsIn(const QString &path)
{
    QVector<Decision> decisions;
    const QString name = u"decisions-%1"_s.arg(path);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            return decisions;
        }
        QSqlQuery incidents(db);
        incidents.exec(u"SELECT id, article_id, review_status, analyst, reviewed_at, fields FROM incidents ORDER BY id"_s);
        while (incidents.next()) {
            QStringList fields;
            for (const IncidentField &field : unpackFields(incidents.value(5).toString())) {
                if (field.origin != u"suggested") {
                    fields << u"%1=%2 (%3)"_s.arg(field.name, field.value, field.origin);
                }
            }
            const QString status = incidents.value(2).toString();
            if (status == u"suggested" && fields.isEmpty()) {
                continue;
            }
            decisions.append({u"incidents"_s, incidents.value(0).toLongLong(),
                              u"incident %1 of %2: %3 by %4 at %5; %6"_s.arg(incidents.value(0).toString(),
                                                                          incidents.value(1).toString(), status,
                                                                          incidents.value(3).toString(),
                                                                          incidents.value(4).toString(),
                                                                          fields.join(u"; "_s))});
        }
        QSqlQuery audit(db);
        audit.exec(u"SELECT id, analyst, at, what, subject_id, old_value, new_value FROM audit ORDER BY id"_s);
        while (audit.next()) {
            QStringList cells;
            for (int c = 0; c < 7; ++c) {
                cells << audit.value(c).toString();
            }
            decisions.append({u"audit"_s, audit.value(0).toLongLong(), u"audit "_s + cells.join(u" | "_s)});
        }
    }
    QSqlDatabase::removeDatabase(name);
    return decisions;
}

// The pages each row of a rowid table lives on (its leaf, its overflow pages),
// from the undamaged file: leaves in key order hold the rows in rowid order.
QHash<qint64, QSet<int>> pagesOfRows(const QString &path, const QString &table)
{
    QHash<qint64, QSet<int>> pages;
    const QString name = u"pages-%1"_s.arg(path);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            return pages;
        }
        QVector<qint64> rowids;
        QSqlQuery ids(db);
        ids.exec(u"SELECT rowid FROM \"%1\" ORDER BY rowid"_s.arg(table));
        while (ids.next()) {
            rowids.append(ids.value(0).toLongLong());
        }
        struct Leaf { QString path; int page; int cells; };
        QVector<Leaf> leaves;
        QHash<QString, QVector<int>> overflowByCell; // "<leaf path><cell>" -> pages
        QSqlQuery map(db);
        map.prepare(u"SELECT path, pageno, pagetype, ncell FROM dbstat WHERE name = ? ORDER BY path"_s);
        map.addBindValue(table);
        map.exec();
        while (map.next()) {
            const QString pagePath = map.value(0).toString();
            const QString type = map.value(2).toString();
            if (type == u"leaf") {
                leaves.append({pagePath, map.value(1).toInt(), map.value(3).toInt()});
            } else if (type == u"overflow") {
                overflowByCell[pagePath.section(u'+', 0, 0)].append(map.value(1).toInt());
            }
        }
        qsizetype next = 0;
        for (const Leaf &leaf : std::as_const(leaves)) {
            for (int cell = 0; cell < leaf.cells && next < rowids.size(); ++cell, ++next) {
                QSet<int> &set = pages[rowids.at(next)];
                set.insert(leaf.page);
                const QString cellPath = leaf.path + u"%1"_s.arg(cell, 3, 16, QChar(u'0'));
                for (int page : overflowByCell.value(cellPath)) {
                    set.insert(page);
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return pages;
}

QString cliPath()
{
    const QString asan = qEnvironmentVariable("RASID_ASAN_CLI", QStringLiteral(RASID_ASAN_CLI_DEFAULT));
    return QFileInfo(asan).isExecutable() ? asan : QStringLiteral(RASID_CLI_PATH);
}

} // namespace

class RepairFaultTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void repairKeepsEveryIntactDecision_data();
    void repairKeepsEveryIntactDecision();
    void checkTellsSoundFromDamaged();

private:
    QTemporaryDir m_dir;
    QString m_pristine;
    QVector<Decision> m_decisions;
    QHash<QString, QHash<qint64, QSet<int>>> m_pages; // table -> rowid -> pages
    int m_pageSize = 0;
    int m_recovered = 0;
    int m_expected = 0;
};

void RepairFaultTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString folder = m_dir.filePath(u"corpus"_s);
    m_pristine = m_dir.filePath(u"pristine.rasid"_s);
    QVERIFY(TestCorpus::writeArticles(folder, 0, kArticles));
    {
        Workspace workspace;
        QVERIFY2(workspace.open(m_pristine), qPrintable(workspace.lastError()));
        Importer importer;
        ImportOptions options;
        options.folder = folder;
        const ImportSummary summary = importer.run(workspace, options);
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        ReviewStore store(workspace, kAnalyst);
        QSqlQuery ids(workspace.database());
        QVERIFY(ids.exec(u"SELECT id FROM articles ORDER BY id"_s));
        QVector<qint64> articles;
        while (ids.next()) {
            articles.append(ids.value(0).toLongLong());
        }
        QCOMPARE(articles.size(), kArticles);
        // Four kinds of decision, round the corpus.
        for (int i = 0; i < articles.size(); ++i) {
            const QVector<IncidentRecord> incidents = store.incidents(articles.at(i));
            if (incidents.isEmpty()) {
                continue;
            }
            const qint64 id = incidents.first().id;
            bool ok = false;
            switch (i % 4) {
            case 0: ok = store.confirmIncident(id); break;
            case 1: ok = store.setFieldValue(id, u"victim"_s, u"مؤسسة رقم %1 المصححة"_s.arg(i)); break;
            case 2: ok = store.confirmField(id, u"attack_type"_s) && store.setFieldValue(id, u"records_affected"_s, QString::number(1000 + i)); break;
            default: ok = store.rejectIncident(id); break;
            }
            QVERIFY2(ok, qPrintable(store.lastError()));
        }
        QSqlQuery checkpoint(workspace.database());
        QVERIFY(checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
    }
    QVERIFY(!QFile::exists(m_pristine + u"-wal"_s) || QFileInfo(m_pristine + u"-wal"_s).size() == 0);
    m_decisions = decisionsIn(m_pristine);
    QVERIFY2(m_decisions.size() > kArticles, "the review wrote too few decisions");
    m_pages.insert(u"incidents"_s, pagesOfRows(m_pristine, u"incidents"_s));
    m_pages.insert(u"audit"_s, pagesOfRows(m_pristine, u"audit"_s));
    for (const Decision &decision : std::as_const(m_decisions)) {
        QVERIFY2(!m_pages.value(decision.table).value(decision.rowid).isEmpty(), qPrintable(decision.line));
    }
    QFile file(m_pristine);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.read(100);
    m_pageSize = (uchar(header[16]) << 8) | uchar(header[17]);
    qInfo("%lld decisions in a workspace of %lld pages; repair runs %s", qlonglong(m_decisions.size()),
          qlonglong(file.size() / m_pageSize), qPrintable(cliPath()));
}

void RepairFaultTest::repairKeepsEveryIntactDecision_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 7u, 42u, 2024u}) {
        QTest::addRow("seed %u", seed) << seed;
    }
}

void RepairFaultTest::repairKeepsEveryIntactDecision()
{
    QFETCH(quint32, seed);
    const QString damaged = m_dir.filePath(u"damaged-%1.rasid"_s.arg(seed));
    const QString repaired = m_dir.filePath(u"repaired-%1.rasid"_s.arg(seed));
    QVERIFY(QFile::copy(m_pristine, damaged));
    QFile file(damaged);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    QRandomGenerator random(seed);
    QSet<int> damagedPages;
    for (int i = 0; i < kFlips; ++i) {
        const qsizetype offset = qsizetype(random.bounded(quint32(bytes.size())));
        bytes[offset] = char(uchar(bytes[offset]) ^ uchar(1 + random.bounded(255u)));
        damagedPages.insert(int(offset / m_pageSize) + 1);
    }
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    const QByteArray damagedBytes = bytes;

    QProcess repair;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"ASAN_OPTIONS"_s, u"detect_leaks=0:abort_on_error=1"_s);
    repair.setProcessEnvironment(environment);
    repair.start(cliPath(), {u"repair"_s, damaged, u"--out"_s, repaired});
    QVERIFY(repair.waitForFinished(120000));
    const QByteArray errors = repair.readAllStandardError();
    QCOMPARE(repair.exitStatus(), QProcess::NormalExit);
    QVERIFY2(repair.exitCode() == 0, errors.constData());
    QVERIFY2(!errors.contains("AddressSanitizer"), errors.constData());

    // The damaged file was only read.
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll() == damagedBytes);
    file.close();

    Workspace check;
    QVERIFY2(check.open(repaired), qPrintable(check.lastError()));
    QString problem;
    QVERIFY2(check.checkIntegrity(&problem), qPrintable(problem));
    check.close();

    const QVector<Decision> found = decisionsIn(repaired);
    QSet<QString> foundLines;
    for (const Decision &decision : found) {
        foundLines.insert(decision.line);
    }
    int expected = 0;
    int recovered = 0;
    int recoveredFromDamage = 0;
    QStringList missing;
    for (const Decision &decision : std::as_const(m_decisions)) {
        const bool intact = !m_pages.value(decision.table).value(decision.rowid).intersects(damagedPages);
        const bool back = foundLines.contains(decision.line);
        expected += intact ? 1 : 0;
        recovered += intact && back ? 1 : 0;
        recoveredFromDamage += !intact && back ? 1 : 0;
        if (intact && !back) {
            missing << decision.line;
        }
    }
    m_expected += expected;
    m_recovered += recovered;
    qInfo("seed %u: %d pages hit; %d of %d intact decisions recovered, and %d of %lld on damaged pages", seed,
          int(damagedPages.size()), recovered, expected, recoveredFromDamage,
          qlonglong(m_decisions.size() - expected));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.mid(0, 5).join(u'\n')));
    QVERIFY(expected > 0);
}

void RepairFaultTest::checkTellsSoundFromDamaged()
{
    auto run = [](const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral(RASID_CLI_PATH), arguments);
        process.waitForFinished(60000);
        return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput())};
    };
    const auto [soundCode, sound] = run({u"check"_s, m_pristine});
    QCOMPARE(soundCode, 0);
    QVERIFY2(sound.contains(u"healthy"_s) && sound.contains(u"integrity:      ok"_s), qPrintable(sound));
    const auto audits = std::count_if(m_decisions.cbegin(), m_decisions.cend(),
                                      [](const Decision &d) { return d.table == u"audit"; });
    QVERIFY2(sound.contains(u"audit rows: %1\n"_s.arg(audits)), qPrintable(sound));
    const auto [damagedCode, damaged] = run({u"check"_s, m_dir.filePath(u"damaged-1.rasid"_s), u"--json"_s});
    QCOMPARE(damagedCode, 1);
    QVERIFY2(damaged.contains(u"\"healthy\":false"_s), qPrintable(damaged));
    const auto [repairedCode, repaired] = run({u"check"_s, m_dir.filePath(u"repaired-1.rasid"_s)});
    QCOMPARE(repairedCode, 0);
    QVERIFY2(repaired.contains(u"full-text:      ok"_s), qPrintable(repaired));
    qInfo("over all seeds: %d of %d intact decisions recovered", m_recovered, m_expected);
}

QTEST_GUILESS_MAIN(RepairFaultTest)
#include "repairfault_test.moc"
