// The incident model Rasid ships (resources/model/incidents.model) is what
// `rasid-cli train` makes of the analysts' gold in ../shared, byte for byte:
// the same gold and the same rules give the same weights, hence the same
// exports. A change to the rules or the features that is not followed by
// scripts/train-model.sh fails here. Skips when ../shared is not there.

#include "extract/learn/incidentmodel.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

class ShippedModelTest : public QObject
{
    Q_OBJECT
private slots:
    void isReadable();
    void isReproducibleFromTheGold();
};

void ShippedModelTest::isReadable()
{
    const IncidentModel &model = IncidentModel::shipped();
    QVERIFY(!model.isNull());
    QVERIFY(model.header().join(u'\n').contains(u"rasid-cli train"_s));
    QVERIFY(model.dropBelow() > 0.0 && model.dropBelow() < 1.0);
    QVERIFY(model.calibrationSlope() > 0.0);
}

void ShippedModelTest::isReproducibleFromTheGold()
{
    const QString shared = QStringLiteral(RASID_SHARED_DIR);
    if (!QFile::exists(shared + u"/gold/seeds.json"_s) || !QFile::exists(shared + u"/dev/gold-c.json"_s)) {
        QSKIP("the shared gold is not available");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(u"incidents.model"_s);
    QProcess train;
    train.start(QStringLiteral(RASID_CLI_PATH),
                {u"train"_s, u"--set"_s, shared + u"/gold/seeds.json="_s + shared + u"/seeds"_s,
                 u"--set"_s, shared + u"/dev/gold-a.json="_s + shared + u"/dev/articles"_s,
                 u"--set"_s, shared + u"/dev/gold-b.json="_s + shared + u"/dev/articles"_s,
                 u"--set"_s, shared + u"/dev/gold-c.json="_s + shared + u"/dev/articles"_s,
                 u"--out"_s, out});
    QVERIFY(train.waitForFinished(240000));
    QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
    QFile trained(out);
    QFile shipped(QStringLiteral(RASID_SAMPLES_DIR "/../model/incidents.model"));
    QVERIFY(trained.open(QIODevice::ReadOnly));
    QVERIFY(shipped.open(QIODevice::ReadOnly));
    QCOMPARE(trained.readAll(), shipped.readAll());
}

QTEST_GUILESS_MAIN(ShippedModelTest)
#include "shippedmodel_test.moc"
