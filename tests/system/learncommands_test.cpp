// rasid-cli train and crossval say what went wrong in their exit status, as
// every command does: 2 for a malformed command line, 1 for an input that
// cannot be read (a missing or damaged gold file), never a model written.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class LearnCommandsTest : public QObject
{
    Q_OBJECT
private slots:
    void exitStatus_data();
    void exitStatus();
};

void LearnCommandsTest::exitStatus_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("gold");      // contents of the gold file; "-" for no file at all
    QTest::addColumn<QString>("setFormat"); // %1 is the gold file's path, %2 the folder
    QTest::addColumn<int>("status");

    for (const QString &command : {u"train"_s, u"crossval"_s}) {
        const QByteArray name = command.toUtf8();
        QTest::newRow(name + " missing gold") << command << u"-"_s << u"%1=%2"_s << 1;
        QTest::newRow(name + " damaged gold") << command << u"{\"articles\": ["_s << u"%1=%2"_s << 1;
        QTest::newRow(name + " set without folder") << command << u"{\"articles\": []}"_s << u"%1"_s << 2;
    }
}

void LearnCommandsTest::exitStatus()
{
    QFETCH(QString, command);
    QFETCH(QString, gold);
    QFETCH(QString, setFormat);
    QFETCH(int, status);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString goldPath = dir.filePath(u"gold.json"_s);
    if (gold != u"-") {
        QFile file(goldPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(gold.toUtf8());
    }
    const QString out = dir.filePath(u"incidents.model"_s);
    QStringList arguments = {command, u"--set"_s, setFormat.arg(goldPath, dir.path())};
    if (command == u"train") {
        arguments << u"--out"_s << out;
    }
    QProcess cli;
    cli.start(QStringLiteral(RASID_CLI_PATH), arguments);
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == status, cli.readAllStandardError().constData());
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(LearnCommandsTest)
#include "learncommands_test.moc"
