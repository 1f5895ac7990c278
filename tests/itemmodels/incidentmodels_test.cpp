#include "extract/incident.h"
#include "itemmodels/incidentfieldmodel.h"
#include "itemmodels/incidentlistmodel.h"
#include "itemmodels/roles.h"
#include "store/incidentwriter.h"
#include "store/reviewstore.h"
#include "store/undocommands.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QPoint>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString Text = u"أعلنت هيئة البريد الوطنية في فرنسا تعرضها لهجوم إلكتروني عطل خدماتها."_s;

class Fixture
{
public:
    bool open()
    {
        if (!m_dir.isValid() || !m_workspace.open(m_dir.filePath(u"incidents.rasid"_s))) {
            return false;
        }
        store = std::make_unique<ReviewStore>(m_workspace, u"Sara"_s);
        QSqlQuery file(m_workspace.database());
        QSqlQuery article(m_workspace.database());
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, text) "
                        "VALUES (?, 'a.txt', 'h', 'عطل', ?)"_s);
        if (!file.exec(u"INSERT INTO files(path, status) VALUES ('a.txt', 'imported')"_s)) {
            return false;
        }
        article.addBindValue(file.lastInsertId());
        article.addBindValue(Text);
        if (!article.exec()) {
            return false;
        }
        articleId = article.lastInsertId().toLongLong();
        first = propose(0.8, {{u"victim"_s, u"هيئة البريد الوطنية"_s, 0.7, {{6, 25}}},
                              {u"victim_country"_s, u"FR"_s, 0.9, {{29, 34}}},
                              {u"attack_type"_s, u"ddos"_s, 0.6, {{42, 56}}},
                              {u"data_types"_s, u"personal;credentials"_s, 0.4, {}}});
        second = propose(0.4, {{u"victim"_s, u"وزارة الداخلية"_s, 0.5, {}},
                               {u"attack_type"_s, u"data_breach"_s, 0.3, {}}});
        return first > 0 && second > 0;
    }

    std::unique_ptr<ReviewStore> store;
    qint64 articleId = 0;
    qint64 first = 0;
    qint64 second = 0;

private:
    struct Spec
    {
        QString name;
        QString value;
        double confidence;
        QVector<EvidenceSpan> evidence;
    };

    qint64 propose(double confidence, const QVector<Spec> &fields)
    {
        ProposedIncident incident;
        incident.confidence = confidence;
        for (const Spec &spec : fields) {
            incident.set(spec.name, spec.value, spec.confidence, spec.evidence);
        }
        if (!storeProposedIncidents(m_workspace.database(), articleId, {incident})) {
            return 0;
        }
        QSqlQuery last(m_workspace.database());
        return last.exec(u"SELECT max(id) FROM incidents"_s) && last.next() ? last.value(0).toLongLong() : 0;
    }

    QTemporaryDir m_dir;
    Workspace m_workspace;
};

} // namespace

class IncidentModelsTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void listPassesModelTesterThroughEdits();
    void listShowsIncidentsInOrder();
    void addedIncidentShowsNoExtractionConfidence();
    void listFollowsAddSplitMergeDeleteWithoutReset();
    void fieldModelPassesModelTesterThroughEdits();
    void fieldRowsFollowTheContract();
    void fieldRolesCarryProvenance_data();
    void fieldRolesCarryProvenance();
    void comboFieldsOfferTheirValues_data();
    void comboFieldsOfferTheirValues();
    void editingPushesOneCommand_data();
    void editingPushesOneCommand();
    void onlyEditRoleOnTheValueColumnEdits();
    void storeChangesBecomeDataChangedForExactRows();
    void assigningASpanRecordsEvidence();
    void deletedIncidentEmptiesTheFieldModel();
    void lowSuggestionsNeedALook_data();
    void lowSuggestionsNeedALook();
    void changingTheLookThresholdRepaintsEveryRow();
};

void IncidentModelsTest::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void IncidentModelsTest::listPassesModelTesterThroughEdits()
{
    Fixture f;
    QVERIFY(f.open());
    IncidentListModel model(f.store.get());
    QAbstractItemModelTester tester(&model);
    model.setArticle(f.articleId);
    QUndoStack stack;
    stack.push(new ConfirmIncident(f.store.get(), f.first));
    stack.push(new AddIncident(f.store.get(), f.articleId));
    stack.push(new SplitIncident(f.store.get(), f.second));
    stack.push(new MergeIncidents(f.store.get(), f.first, {f.second}));
    stack.push(new DeleteIncident(f.store.get(), f.first));
    while (stack.canUndo()) {
        stack.undo();
    }
    model.setArticle(0);
    QCOMPARE(model.rowCount(), 0);
}

void IncidentModelsTest::listShowsIncidentsInOrder()
{
    Fixture f;
    QVERIFY(f.open());
    IncidentListModel model(f.store.get());
    model.setArticle(f.articleId);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.incidentIdAt(0), f.first);
    QCOMPARE(model.index(0, IncidentOrdinalColumn).data().toString(), u"1"_s);
    QCOMPARE(model.index(0, IncidentStatusColumn).data().toString(), u"Suggested"_s);
    QCOMPARE(model.index(0, IncidentStatusColumn).data(ReviewStatusRole).toString(), u"suggested"_s);
    QCOMPARE(model.index(0, IncidentAttackColumn).data().toString(), u"DDoS"_s);
    QCOMPARE(model.index(0, IncidentAttackColumn).data(RawValueRole).toString(), u"ddos"_s);
    QCOMPARE(model.index(0, IncidentVictimColumn).data().toString(), u"هيئة البريد الوطنية"_s);
    QCOMPARE(model.index(0, IncidentVictimColumn).data(Qt::ToolTipRole).toString(), u"هيئة البريد الوطنية (France)"_s);
    QCOMPARE(model.index(0, IncidentConfidenceColumn).data().toString(), u"80%"_s);
    QCOMPARE(model.index(1, IncidentConfidenceColumn).data(RawValueRole).toDouble(), 0.4);
    QCOMPARE(model.index(1, 0).data(IncidentIdRole).toLongLong(), f.second);
    QCOMPARE(model.rowForIncident(f.second), 1);

    QVERIFY(f.store->rejectIncident(f.second));
    QCOMPARE(model.index(1, IncidentStatusColumn).data().toString(), u"Rejected"_s);
}

void IncidentModelsTest::addedIncidentShowsNoExtractionConfidence()
{
    Fixture f;
    QVERIFY(f.open());
    IncidentListModel model(f.store.get());
    model.setArticle(f.articleId);
    const qint64 added = f.store->addIncident(f.articleId);
    QVERIFY(added > 0);
    const int row = model.rowForIncident(added);
    QVERIFY(row >= 0);
    // Not "Suggested, 100%": the analyst added it and has not confirmed it yet.
    QCOMPARE(model.index(row, IncidentStatusColumn).data().toString(), u"Added, not confirmed"_s);
    QCOMPARE(model.index(row, IncidentStatusColumn).data(ReviewStatusRole).toString(), u"suggested"_s);
    QCOMPARE(model.index(row, IncidentConfidenceColumn).data().toString(), QString());
    QVERIFY(f.store->confirmIncident(added));
    QCOMPARE(model.index(row, IncidentStatusColumn).data().toString(), u"Confirmed"_s);
    QCOMPARE(model.index(row, IncidentConfidenceColumn).data().toString(), QString());
    // The extractor's incidents keep their confidence.
    QCOMPARE(model.index(model.rowForIncident(f.first), IncidentConfidenceColumn).data().toString(), u"80%"_s);

    // A typed value is the analyst's too: the field shows no percentage.
    IncidentFieldModel fields(f.store.get(), nullptr);
    fields.setIncident(f.first);
    const int victim = fields.rowForField(u"victim"_s);
    QVERIFY(!fields.index(victim, FieldConfidenceColumn).data().toString().isEmpty());
    QVERIFY(fields.setData(fields.index(victim, FieldValueColumn), u"هيئة أخرى"_s, Qt::EditRole));
    QCOMPARE(fields.index(victim, FieldConfidenceColumn).data().toString(), QString());
}

void IncidentModelsTest::listFollowsAddSplitMergeDeleteWithoutReset()
{
    Fixture f;
    QVERIFY(f.open());
    IncidentListModel model(f.store.get());
    model.setArticle(f.articleId);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QPersistentModelIndex firstRow = model.index(0, 0);
    QUndoStack stack;

    stack.push(new AddIncident(f.store.get(), f.articleId));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.last().at(1).toInt(), 2);

    stack.push(new DeleteIncident(f.store.get(), f.first));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(removed.last().at(1).toInt(), 0);
    QVERIFY(!firstRow.isValid());
    stack.undo(); // the incident comes back where it was
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.incidentIdAt(0), f.first);
    QCOMPARE(inserted.last().at(1).toInt(), 0);

    QPersistentModelIndex secondRow = model.index(1, 0);
    stack.push(new MergeIncidents(f.store.get(), f.first, {f.second}));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!secondRow.isValid());
    QCOMPARE(reset.size(), 0);
}

void IncidentModelsTest::fieldModelPassesModelTesterThroughEdits()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    IncidentFieldModel model(f.store.get(), &stack);
    QAbstractItemModelTester tester(&model);
    model.setIncident(f.first);
    QVERIFY(model.setData(model.index(0, FieldValueColumn), u"البريد"_s));
    QVERIFY(model.setData(model.index(model.rowForField(u"records_affected"_s), FieldValueColumn), 2000000));
    QVERIFY(model.confirmField(model.rowForField(u"attack_type"_s)));
    stack.push(new ConfirmIncident(f.store.get(), f.first));
    while (stack.canUndo()) {
        stack.undo();
    }
    stack.push(new DeleteIncident(f.store.get(), f.first));
    QCOMPARE(model.rowCount(), 0);
    stack.undo();
    model.setIncident(f.second);
    QCOMPARE(model.rowCount(), int(incidentFieldNames().size()));
}

void IncidentModelsTest::fieldRowsFollowTheContract()
{
    Fixture f;
    QVERIFY(f.open());
    IncidentFieldModel model(f.store.get(), nullptr);
    QCOMPARE(model.rowCount(), 0);
    model.setIncident(f.first);
    QCOMPARE(model.rowCount(), 15);
    QCOMPARE(model.columnCount(), int(FieldColumnCount));
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.fieldNameAt(row), incidentFieldNames().at(row));
        QCOMPARE(model.index(row, FieldOriginColumn).data(FieldNameRole).toString(), incidentFieldNames().at(row));
    }
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"Victim"_s);
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), u"Victim sector"_s);
    QCOMPARE(model.headerData(FieldEvidenceColumn, Qt::Horizontal).toString(), u"Evidence"_s);
    QCOMPARE(model.articleId(), f.articleId);
}

void IncidentModelsTest::fieldRolesCarryProvenance_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("originText");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QVariantList>("spans");
    QTest::addColumn<QString>("evidenceText");
    QTest::addColumn<int>("kind");

    QTest::newRow("victim as written")
        << u"victim"_s << u"هيئة البريد الوطنية"_s << u"هيئة البريد الوطنية"_s << u"suggested"_s << u"Suggested"_s
        << 0.7 << QVariantList{QPoint(6, 25)} << u"هيئة البريد الوطنية"_s << int(FieldKind::Text);
    QTest::newRow("country code")
        << u"victim_country"_s << u"FR"_s << u"FR"_s << u"suggested"_s << u"Suggested"_s << 0.9
        << QVariantList{QPoint(29, 34)} << u"فرنسا"_s << int(FieldKind::Country);
    QTest::newRow("enumeration label")
        << u"attack_type"_s << u"DDoS"_s << u"ddos"_s << u"suggested"_s << u"Suggested"_s << 0.6
        << QVariantList{QPoint(42, 56)} << u"لهجوم إلكتروني"_s << int(FieldKind::Enumeration);
    QTest::newRow("list of data types")
        << u"data_types"_s << u"Personal, Credentials"_s << u"personal;credentials"_s << u"suggested"_s
        << u"Suggested"_s << 0.4 << QVariantList() << QString() << int(FieldKind::MultiEnumeration);
    QTest::newRow("empty field") << u"actor"_s << QString() << QString() << QString() << QString() << 0.0
                                 << QVariantList() << QString() << int(FieldKind::Text);
}

void IncidentModelsTest::fieldRolesCarryProvenance()
{
    QFETCH(QString, field);
    QFETCH(QString, display);
    QFETCH(QString, raw);
    QFETCH(QString, origin);
    QFETCH(QString, originText);
    QFETCH(double, confidence);
    QFETCH(QVariantList, spans);
    QFETCH(QString, evidenceText);
    QFETCH(int, kind);

    Fixture f;
    QVERIFY(f.open());
    IncidentFieldModel model(f.store.get(), nullptr);
    model.setIncident(f.first);
    const int row = model.rowForField(field);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, FieldValueColumn).data().toString(), display);
    QCOMPARE(model.index(row, FieldValueColumn).data(Qt::EditRole).toString(), raw);
    QCOMPARE(model.index(row, FieldValueColumn).data(FieldOriginRole).toString(), origin);
    QCOMPARE(model.index(row, FieldOriginColumn).data().toString(), originText);
    QCOMPARE(model.index(row, FieldOriginColumn).data(IconNameRole).toString(),
             origin.isEmpty() ? QString() : u"origin-"_s + origin);
    QCOMPARE(model.index(row, FieldConfidenceColumn).data(RawValueRole).toDouble(), confidence);
    QCOMPARE(model.index(row, FieldEvidenceColumn).data(EvidenceSpansRole).toList(), spans);
    QCOMPARE(model.index(row, FieldEvidenceColumn).data().toString(), evidenceText);
    QCOMPARE(model.index(row, FieldValueColumn).data(FieldKindRole).toInt(), kind);
}

void IncidentModelsTest::comboFieldsOfferTheirValues_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("victim_sector") << u"victim_sector"_s
                                   << QStringList{QString(), u"government"_s, u"healthcare"_s, u"finance"_s,
                                                  u"postal_logistics"_s, u"transport"_s, u"energy"_s, u"telecom"_s,
                                                  u"education"_s, u"politics"_s, u"media"_s, u"retail"_s,
                                                  u"technology"_s, u"defense"_s, u"other"_s, u"unknown"_s};
    QTest::newRow("attack_type") << u"attack_type"_s
                                 << QStringList{QString(), u"ddos"_s, u"data_breach"_s, u"hack_and_leak"_s,
                                                u"ransomware"_s, u"malware"_s, u"defacement"_s, u"phishing"_s,
                                                u"account_takeover"_s, u"espionage"_s, u"sabotage"_s, u"other"_s,
                                                u"unknown"_s};
    QTest::newRow("actor_type") << u"actor_type"_s
                                << QStringList{QString(), u"nation_state"_s, u"state_affiliated"_s, u"criminal"_s,
                                               u"hacktivist"_s, u"insider"_s, u"individual"_s, u"unknown"_s};
    QTest::newRow("motive") << u"motive"_s
                            << QStringList{QString(), u"financial"_s, u"espionage"_s, u"ideology"_s, u"grudge"_s,
                                           u"sabotage"_s, u"fun"_s, u"unknown"_s};
    QTest::newRow("records_qualifier") << u"records_qualifier"_s
                                       << QStringList{QString(), u"exact"_s, u"approx"_s, u"more_than"_s,
                                                      u"less_than"_s, u"up_to"_s};
    QTest::newRow("data_types (several at once)")
        << u"data_types"_s
        << QStringList{u"personal"_s, u"contact"_s, u"identity"_s, u"medical"_s, u"financial"_s, u"credentials"_s,
                       u"government"_s, u"internal"_s};
    QTest::newRow("disclosure") << u"disclosure"_s
                                << QStringList{QString(), u"confirmed"_s, u"claimed"_s, u"denied"_s, u"suspected"_s,
                                               u"attempted"_s};
    QTest::newRow("impact") << u"impact"_s
                            << QStringList{QString(), u"service_outage"_s, u"data_exposure"_s,
                                           u"data_manipulation"_s, u"financial_loss"_s, u"none_stated"_s};
    QTest::newRow("victim (free text)") << u"victim"_s << QStringList();
}

void IncidentModelsTest::comboFieldsOfferTheirValues()
{
    QFETCH(QString, field);
    QFETCH(QStringList, values);
    Fixture f;
    QVERIFY(f.open());
    IncidentFieldModel model(f.store.get(), nullptr);
    model.setIncident(f.first);
    const QModelIndex index = model.index(model.rowForField(field), FieldValueColumn);
    QCOMPARE(index.data(AllowedValuesRole).toStringList(), values);
    const QStringList labels = index.data(AllowedValueLabelsRole).toStringList();
    QCOMPARE(labels.size(), values.size());
    for (int i = 0; i < values.size(); ++i) {
        QCOMPARE(labels.at(i).isEmpty(), values.at(i).isEmpty());
    }
}

void IncidentModelsTest::editingPushesOneCommand_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("commands");
    QTest::addColumn<QString>("stored");

    QTest::newRow("free text") << u"victim"_s << QVariant(u" البريد  الفرنسي "_s) << true << 1 << u"البريد الفرنسي"_s;
    QTest::newRow("same value is a no-op") << u"victim"_s << QVariant(u"هيئة البريد الوطنية"_s) << true << 0
                                           << u"هيئة البريد الوطنية"_s;
    QTest::newRow("country upper-cased") << u"victim_country"_s << QVariant(u"ma"_s) << true << 1 << u"MA"_s;
    QTest::newRow("unknown country refused") << u"victim_country"_s << QVariant(u"XX"_s) << false << 0 << u"FR"_s;
    QTest::newRow("enumeration code") << u"attack_type"_s << QVariant(u"ransomware"_s) << true << 1
                                      << u"ransomware"_s;
    QTest::newRow("unknown code refused") << u"attack_type"_s << QVariant(u"hacking"_s) << false << 0 << u"ddos"_s;
    QTest::newRow("Arabic-Indic count") << u"records_affected"_s << QVariant(u"٢٬٠٠٠٬٠٠٠"_s) << true << 1
                                        << u"2000000"_s;
    QTest::newRow("count from a number") << u"records_affected"_s << QVariant(1500) << true << 1 << u"1500"_s;
    QTest::newRow("words are not a count") << u"records_affected"_s << QVariant(u"مليون"_s) << false << 0
                                           << QString();
    QTest::newRow("data types in contract order")
        << u"data_types"_s << QVariant(QStringList{u"medical"_s, u"personal"_s, u"medical"_s}) << true << 1
        << u"personal;medical"_s;
    QTest::newRow("partial date") << u"incident_date"_s << QVariant(u"٢٠٢٤-٠٣"_s) << true << 1 << u"2024-03"_s;
    QTest::newRow("impossible date refused") << u"incident_date"_s << QVariant(u"2024-02-30"_s) << false << 0
                                             << QString();
}

void IncidentModelsTest::editingPushesOneCommand()
{
    QFETCH(QString, field);
    QFETCH(QVariant, input);
    QFETCH(bool, accepted);
    QFETCH(int, commands);
    QFETCH(QString, stored);

    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    IncidentFieldModel model(f.store.get(), &stack);
    model.setIncident(f.first);
    const QModelIndex index = model.index(model.rowForField(field), FieldValueColumn);
    QCOMPARE(model.setData(index, input, Qt::EditRole), accepted);
    QCOMPARE(stack.count(), commands);
    QCOMPARE(f.store->field(f.first, field).value, stored);
    QCOMPARE(index.data(Qt::EditRole).toString(), stored);
    if (commands > 0) {
        QCOMPARE(index.data(FieldOriginRole).toString(), u"corrected"_s);
        stack.undo();
        QCOMPARE(index.data(Qt::EditRole).toString(), f.store->field(f.first, field).value);
        QVERIFY(index.data(Qt::EditRole).toString() != stored);
    }
}

void IncidentModelsTest::onlyEditRoleOnTheValueColumnEdits()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    IncidentFieldModel model(f.store.get(), &stack);
    model.setIncident(f.first);
    QVERIFY(!model.setData(model.index(0, FieldValueColumn), u"x"_s, Qt::DisplayRole));
    QVERIFY(!model.setData(model.index(0, FieldOriginColumn), u"confirmed"_s, Qt::EditRole));
    QVERIFY(!model.setData(model.index(0, FieldValueColumn), u"x"_s, FieldOriginRole));
    QVERIFY(!model.setData(QModelIndex(), u"x"_s, Qt::EditRole));
    QCOMPARE(stack.count(), 0);
    QVERIFY(model.flags(model.index(0, FieldValueColumn)).testFlag(Qt::ItemIsEditable));
    QVERIFY(!model.flags(model.index(0, FieldOriginColumn)).testFlag(Qt::ItemIsEditable));
}

void IncidentModelsTest::storeChangesBecomeDataChangedForExactRows()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    IncidentFieldModel fields(f.store.get(), &stack);
    IncidentListModel list(f.store.get());
    fields.setIncident(f.first);
    list.setArticle(f.articleId);
    QSignalSpy fieldSpy(&fields, &QAbstractItemModel::dataChanged);
    QSignalSpy listSpy(&list, &QAbstractItemModel::dataChanged);

    // An edit made elsewhere (the article view's context menu) shows here.
    stack.push(new SetIncidentField(f.store.get(), f.first, u"attack_type"_s, u"ransomware"_s));
    QCOMPARE(fieldSpy.size(), 1);
    const int row = fields.rowForField(u"attack_type"_s);
    QCOMPARE(fieldSpy.first().at(0).toModelIndex(), fields.index(row, 0));
    QCOMPARE(fieldSpy.first().at(1).toModelIndex(), fields.index(row, FieldColumnCount - 1));
    QCOMPARE(fields.index(row, FieldValueColumn).data().toString(), u"Ransomware"_s);
    QCOMPARE(listSpy.size(), 1);
    QCOMPARE(listSpy.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(list.index(0, IncidentAttackColumn).data().toString(), u"Ransomware"_s);

    // Confirming the incident changes the origin of each suggested field.
    fieldSpy.clear();
    stack.push(new ConfirmIncident(f.store.get(), f.first));
    QCOMPARE(fieldSpy.size(), 3); // victim, victim_country, data_types; attack_type is corrected
    stack.undo();
    QCOMPARE(fields.index(fields.rowForField(u"victim"_s), FieldOriginColumn).data(RawValueRole).toString(),
             u"suggested"_s);

    // Another incident's change does not touch this model.
    fieldSpy.clear();
    stack.push(new SetIncidentField(f.store.get(), f.second, u"victim"_s, u"الوزارة"_s));
    QCOMPARE(fieldSpy.size(), 0);
}

void IncidentModelsTest::assigningASpanRecordsEvidence()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    IncidentFieldModel model(f.store.get(), &stack);
    model.setIncident(f.second);
    QVERIFY(model.assignSpan(u"victim_country"_s, u"fr"_s, {{29, 34}}));
    const QModelIndex index = model.index(model.rowForField(u"victim_country"_s), FieldEvidenceColumn);
    QCOMPARE(index.data(EvidenceSpansRole).toList(), (QVariantList{QPoint(29, 34)}));
    QCOMPARE(index.data().toString(), u"فرنسا"_s);
    QCOMPARE(f.store->field(f.second, u"victim_country"_s).value, u"FR"_s);
    QCOMPARE(stack.undoText(), u"Change Victim country"_s);
}

void IncidentModelsTest::deletedIncidentEmptiesTheFieldModel()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    IncidentFieldModel model(f.store.get(), &stack);
    model.setIncident(f.second);
    stack.push(new MergeIncidents(f.store.get(), f.first, {f.second}));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.incidentId(), 0);
    QVERIFY(!model.setData(model.index(0, FieldValueColumn), u"x"_s));
}

void IncidentModelsTest::lowSuggestionsNeedALook_data()
{
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("confirmFirst");
    QTest::addColumn<bool>("needsLook");

    // The first incident: victim 0.7, country 0.9, attack type 0.6, data types 0.4.
    QTest::newRow("off by default") << 0.0 << u"data_types"_s << false << false;
    QTest::newRow("below the threshold") << 0.5 << u"data_types"_s << false << true;
    QTest::newRow("above it") << 0.5 << u"victim_country"_s << false << false;
    QTest::newRow("at it is not below") << 0.6 << u"attack_type"_s << false << false;
    QTest::newRow("an empty field has nothing to look at") << 0.95 << u"actor"_s << false << false;
    QTest::newRow("a confirmed field is the analyst's") << 0.95 << u"victim"_s << true << false;
}

void IncidentModelsTest::lowSuggestionsNeedALook()
{
    QFETCH(double, threshold);
    QFETCH(QString, field);
    QFETCH(bool, confirmFirst);
    QFETCH(bool, needsLook);

    Fixture f;
    QVERIFY(f.open());
    IncidentFieldModel model(f.store.get(), nullptr);
    model.setIncident(f.first);
    model.setLookBelow(threshold);
    const int row = model.rowForField(field);
    QVERIFY(row >= 0);
    if (confirmFirst) {
        QVERIFY(model.confirmField(row));
    }
    QCOMPARE(model.index(row, FieldValueColumn).data(FieldNeedsLookRole).toBool(), needsLook);
    QCOMPARE(model.needsLook(row), needsLook);
    // The value itself is unchanged: only how a form shows it.
    QCOMPARE(model.index(row, FieldValueColumn).data(Qt::EditRole).toString().isEmpty(), field == u"actor"_s);
}

void IncidentModelsTest::changingTheLookThresholdRepaintsEveryRow()
{
    Fixture f;
    QVERIFY(f.open());
    IncidentFieldModel model(f.store.get(), nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncident(f.first);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLookBelow(0.5);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(model.rowCount() - 1, FieldColumnCount - 1));
    model.setLookBelow(0.5); // the same: nothing to repaint
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(IncidentModelsTest)
#include "incidentmodels_test.moc"
