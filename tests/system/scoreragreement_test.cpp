// `rasid-cli eval` and the reference scorer (../shared/tools/eval_incidents.py)
// must print the same figures for the same articles: each set is imported with
// rasid-cli, its CSV and entities exports are scored by the scorer, the
// workspace by `rasid-cli eval`, and the two summary lines must be equal. The
// project's own test articles are always a set; the shared seeds and dev
// articles are sets when they are there. Skips when python3 or the scorer is
// missing.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kCli = QStringLiteral(RASID_CLI_PATH);
const QString kScorer = QStringLiteral(RASID_SHARED_DIR "/tools/eval_incidents.py");

// Runs a program and returns its standard output; fails the test on a non-zero exit.
QString run(const QString &program, const QStringList &arguments, bool *ok)
{
    QProcess process;
    process.start(program, arguments);
    *ok = process.waitForFinished(240000) && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    if (!*ok) {
        qWarning().noquote() << program << arguments.join(u' ') << "failed:"
                             << QString::fromUtf8(process.readAllStandardError());
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString lastLine(const QString &text)
{
    const QStringList lines = text.trimmed().split(u'\n');
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace

class ScorerAgreementTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void agreesWithTheScorer_data();
    void agreesWithTheScorer();

private:
    QString m_python;
    QTemporaryDir m_dir;
};

void ScorerAgreementTest::initTestCase()
{
    m_python = QStandardPaths::findExecutable(u"python3"_s);
    if (m_python.isEmpty() || !QFile::exists(kScorer)) {
        QSKIP("python3 or the reference scorer is not available");
    }
    QVERIFY(m_dir.isValid());
}

void ScorerAgreementTest::agreesWithTheScorer_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("gold");
    const QString data = QStringLiteral(RASID_TEST_DATA_DIR);
    const QString shared = QStringLiteral(RASID_SHARED_DIR);
    QTest::newRow("test articles") << data + u"/articles"_s << data + u"/gold.json"_s;
    QTest::newRow("samples") << QStringLiteral(RASID_SAMPLES_DIR) << data + u"/samples_gold.json"_s;
    if (QDir(shared + u"/seeds"_s).exists()) {
        QTest::newRow("seeds") << shared + u"/seeds"_s << shared + u"/gold/seeds.json"_s;
    }
    for (const QString &part : {u"a"_s, u"b"_s, u"c"_s}) {
        const QString gold = shared + u"/dev/gold-"_s + part + u".json"_s;
        if (QFile::exists(gold)) {
            QTest::addRow("dev %s", qPrintable(part)) << shared + u"/dev/articles"_s << gold;
        }
    }
}

void ScorerAgreementTest::agreesWithTheScorer()
{
    QFETCH(QString, folder);
    QFETCH(QString, gold);
    const QString base = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    const QString workspace = base + u".rasid"_s;
    bool ok = false;
    run(kCli, {u"import"_s, folder, u"--workspace"_s, workspace}, &ok);
    QVERIFY(ok);
    run(kCli, {u"export"_s, workspace, u"--format"_s, u"csv"_s, u"--out"_s, base + u".csv"_s}, &ok);
    QVERIFY(ok);
    run(kCli, {u"entities"_s, workspace, u"--out"_s, base + u".jsonl"_s}, &ok);
    QVERIFY(ok);
    const QString scorer = lastLine(run(m_python, {kScorer, gold, base + u".csv"_s, base + u".jsonl"_s}, &ok));
    QVERIFY(ok);
    const QString eval = lastLine(run(kCli, {u"eval"_s, workspace, u"--gold"_s, gold}, &ok));
    QVERIFY(ok);
    QVERIFY2(scorer.startsWith(u"incidents R="_s), qPrintable(scorer));
    QCOMPARE(eval, scorer);
}

QTEST_GUILESS_MAIN(ScorerAgreementTest)
#include "scoreragreement_test.moc"
