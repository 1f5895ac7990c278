#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/reviewstore.h"
#include "store/undocommands.h"
#include "store/workspace.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

const QString FirstText = u"أعلنت هيئة البريد الوطنية في فرنسا تعرضها لهجوم إلكتروني عطل خدمات ميغا باس."_s;
const QString SecondText = u"قالت وزارة الداخلية إن بيانات عملاء بميغا باس سربت."_s;

IncidentField field(const QString &name, const QString &value, double confidence,
                    const QVector<EvidenceSpan> &evidence = {})
{
    IncidentField f;
    f.name = name;
    f.value = value;
    f.confidence = confidence;
    f.evidence = evidence;
    return f;
}

// Everything a command may touch, read back from the workspace.
struct WorkspaceState
{
    QVector<ArticleReview> articles;
    QVector<IncidentRecord> incidents;
    QVector<EntityRecord> entities;
    QVector<LexiconRecord> lexicon;

    bool operator==(const WorkspaceState &o) const
    {
        return articles == o.articles && incidents == o.incidents && entities == o.entities && lexicon == o.lexicon;
    }
};

class Fixture
{
public:
    bool open()
    {
        if (!m_dir.isValid() || !m_workspace.open(m_dir.filePath(u"undo.rasid"_s))) {
            return false;
        }
        m_store = std::make_unique<ReviewStore>(m_workspace, u"Omar"_s);
        first = addArticle(FirstText);
        second = addArticle(SecondText);
        incidentA = propose(first, {field(u"victim"_s, u"البريد"_s, 0.7, {{11, 17}}),
                                    field(u"victim_country"_s, u"FR"_s, 0.9, {{29, 34}}),
                                    field(u"attack_type"_s, u"ddos"_s, 0.6)});
        incidentB = propose(first, {field(u"victim"_s, u"ميغا باس"_s, 0.5)});
        entity = addEntity(first, 29, 34, u"place"_s);
        return first && second && incidentA && incidentB && entity;
    }

    ReviewStore *store() { return m_store.get(); }

    WorkspaceState state()
    {
        WorkspaceState s;
        for (qint64 article : {first, second}) {
            s.articles.append(m_store->articleReview(article));
            s.incidents += m_store->incidents(article);
            s.entities += m_store->entities(article);
        }
        QSqlQuery lexicon(m_workspace.database());
        lexicon.exec(u"SELECT surface, type FROM lexicon ORDER BY id"_s);
        while (lexicon.next()) {
            s.lexicon.append(*m_store->lexiconEntry(lexicon.value(0).toString(), lexicon.value(1).toString()));
        }
        return s;
    }

    qint64 first = 0;
    qint64 second = 0;
    qint64 incidentA = 0;
    qint64 incidentB = 0;
    qint64 entity = 0;

private:
    qint64 addArticle(const QString &text)
    {
        QSqlQuery file(m_workspace.database());
        file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
        file.addBindValue(text.left(8));
        QSqlQuery article(m_workspace.database());
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, text) VALUES (?, ?, ?, ?, ?)"_s);
        if (!file.exec()) {
            return 0;
        }
        article.addBindValue(file.lastInsertId());
        article.addBindValue(text.left(8));
        article.addBindValue(text.left(8));
        article.addBindValue(text.left(20));
        article.addBindValue(text);
        return article.exec() ? article.lastInsertId().toLongLong() : 0;
    }

    qint64 propose(qint64 article, const QVector<IncidentField> &fields)
    {
        ProposedIncident incident;
        incident.confidence = 0.75;
        for (const IncidentField &f : fields) {
            incident.set(f.name, f.value, f.confidence, f.evidence);
        }
        if (!storeProposedIncidents(m_workspace.database(), article, {incident})) {
            return 0;
        }
        QSqlQuery last(m_workspace.database());
        return last.exec(u"SELECT max(id) FROM incidents"_s) && last.next() ? last.value(0).toLongLong() : 0;
    }

    qint64 addEntity(qint64 article, int start, int end, const QString &type)
    {
        QSqlQuery insert(m_workspace.database());
        insert.prepare(u"INSERT INTO entities(article_id, start, end, type, text, value, confidence) "
                       "VALUES (?, ?, ?, ?, ?, 'FR', 0.6)"_s);
        insert.addBindValue(article);
        insert.addBindValue(start);
        insert.addBindValue(end);
        insert.addBindValue(type);
        insert.addBindValue(FirstText.mid(start, end - start));
        return insert.exec() ? insert.lastInsertId().toLongLong() : 0;
    }

    QTemporaryDir m_dir;
    Workspace m_workspace;
    std::unique_ptr<ReviewStore> m_store;
};

QUndoCommand *makeCommand(const QString &kind, Fixture &f)
{
    ReviewStore *store = f.store();
    if (kind == u"setField") {
        return new SetIncidentField(store, f.incidentA, u"victim"_s, u"هيئة البريد الوطنية"_s);
    }
    if (kind == u"assignSpan") {
        return new SetIncidentField(store, f.incidentA, u"victim"_s, u"هيئة البريد الوطنية"_s,
                                    QVector<EvidenceSpan>{{6, 25}});
    }
    if (kind == u"confirmField") {
        return new ConfirmField(store, f.incidentA, u"victim"_s);
    }
    if (kind == u"confirmIncident") {
        return new ConfirmIncident(store, f.incidentA);
    }
    if (kind == u"rejectIncident") {
        return new RejectIncident(store, f.incidentB);
    }
    if (kind == u"addIncident") {
        return new AddIncident(store, f.first, {field(u"victim"_s, u"عبارة"_s, 0.0)});
    }
    if (kind == u"deleteIncident") {
        return new DeleteIncident(store, f.incidentA);
    }
    if (kind == u"splitIncident") {
        return new SplitIncident(store, f.incidentA);
    }
    if (kind == u"mergeIncidents") {
        return new MergeIncidents(store, f.incidentA, {f.incidentB});
    }
    if (kind == u"markNoIncident") {
        return new MarkNoIncident(store, f.first);
    }
    if (kind == u"addEntity") {
        return new AddEntity(store, f.first, 6, 25, u"organization"_s, u"La Poste"_s);
    }
    if (kind == u"changeEntityType") {
        return new ChangeEntityType(store, f.entity, u"country"_s);
    }
    if (kind == u"removeEntity") {
        return new RemoveEntity(store, f.entity);
    }
    if (kind == u"applyEntityToCorpus") {
        return new ApplyEntityToCorpus(store, u"ميغا باس"_s, u"organization"_s, u"Mega Pass"_s);
    }
    return nullptr;
}

// What each command must have changed, beyond "something changed".
void verifyEffect(const QString &kind, Fixture &f, const WorkspaceState &before, const WorkspaceState &after)
{
    ReviewStore *store = f.store();
    const IncidentRecord a = store->incident(f.incidentA);
    if (kind == u"setField") {
        QCOMPARE(a.field(u"victim"_s)->value, u"هيئة البريد الوطنية"_s);
        QCOMPARE(a.field(u"victim"_s)->origin, u"corrected"_s);
        // The typed value has no evidence: the suggestion's span was the old value's.
        QVERIFY(a.field(u"victim"_s)->evidence.isEmpty());
    } else if (kind == u"assignSpan") {
        QCOMPARE(a.field(u"victim"_s)->evidence, (QVector<EvidenceSpan>{{6, 25}}));
    } else if (kind == u"confirmField") {
        QCOMPARE(a.field(u"victim"_s)->origin, u"confirmed"_s);
        QCOMPARE(a.field(u"victim"_s)->confidence, 0.7);
    } else if (kind == u"confirmIncident") {
        QCOMPARE(a.reviewStatus, u"confirmed"_s);
        QCOMPARE(a.analyst, u"Omar"_s);
        QVERIFY(!a.reviewedAt.isEmpty());
    } else if (kind == u"rejectIncident") {
        QCOMPARE(store->incident(f.incidentB).reviewStatus, u"rejected"_s);
    } else if (kind == u"addIncident" || kind == u"splitIncident") {
        QCOMPARE(after.incidents.size(), before.incidents.size() + 1);
    } else if (kind == u"deleteIncident" || kind == u"mergeIncidents") {
        QCOMPARE(after.incidents.size(), before.incidents.size() - 1);
    } else if (kind == u"markNoIncident") {
        QVERIFY(store->articleReview(f.first).noIncident);
        QCOMPARE(store->articleReview(f.first).state, u"reviewed"_s);
    } else if (kind == u"addEntity") {
        QCOMPARE(after.entities.size(), before.entities.size() + 1);
    } else if (kind == u"changeEntityType") {
        QCOMPARE(store->entity(f.entity).type, u"country"_s);
    } else if (kind == u"removeEntity") {
        QCOMPARE(after.entities.size(), before.entities.size() - 1);
    } else if (kind == u"applyEntityToCorpus") {
        QCOMPARE(after.entities.size(), before.entities.size() + 2); // one per article
        QCOMPARE(after.lexicon.size(), 1);
    }
}

} // namespace

class UndoCommandsTest : public QObject
{
    Q_OBJECT
private slots:
    void redoUndoRedoLeavesExactRows_data();
    void redoUndoRedoLeavesExactRows();
    void typingIntoOneFieldMergesIntoOneStep();
    void editsOfDifferentFieldsStaySeparate();
    void typingBackToTheStartLeavesNothingToUndo();
    void commandsAboveAnAddFindItsIncidentAgain();
    void failedCommandIsNotPushed();
};

void UndoCommandsTest::redoUndoRedoLeavesExactRows_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("label");

    QTest::newRow("set a field") << u"setField"_s << u"Change Victim"_s;
    QTest::newRow("assign a span") << u"assignSpan"_s << u"Change Victim"_s;
    QTest::newRow("confirm a field") << u"confirmField"_s << u"Confirm Victim"_s;
    QTest::newRow("confirm an incident") << u"confirmIncident"_s << u"Confirm incident"_s;
    QTest::newRow("reject an incident") << u"rejectIncident"_s << u"Reject incident"_s;
    QTest::newRow("add an incident") << u"addIncident"_s << u"Add incident"_s;
    QTest::newRow("delete an incident") << u"deleteIncident"_s << u"Delete incident"_s;
    QTest::newRow("split an incident") << u"splitIncident"_s << u"Split incident"_s;
    QTest::newRow("merge incidents") << u"mergeIncidents"_s << u"Merge incidents"_s;
    QTest::newRow("mark no incident") << u"markNoIncident"_s << u"Mark article as having no incident"_s;
    QTest::newRow("add an entity") << u"addEntity"_s << u"Mark organization"_s;
    QTest::newRow("change an entity type") << u"changeEntityType"_s << u"Change entity to country"_s;
    QTest::newRow("remove an entity") << u"removeEntity"_s << u"Remove entity"_s;
    QTest::newRow("apply to the corpus") << u"applyEntityToCorpus"_s
                                         << u"Mark “ميغا باس” as organization in every article"_s;
}

void UndoCommandsTest::redoUndoRedoLeavesExactRows()
{
    QFETCH(QString, kind);
    QFETCH(QString, label);

    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    const WorkspaceState initial = f.state();

    stack.push(makeCommand(kind, f));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(stack.undoText(), label);
    const WorkspaceState done = f.state();
    QVERIFY(!(done == initial));
    verifyEffect(kind, f, initial, done);
    if (QTest::currentTestFailed()) {
        return;
    }

    stack.undo();
    QVERIFY2(f.state() == initial, "undo did not restore the exact rows");
    stack.redo();
    QVERIFY2(f.state() == done, "redo did not restore the exact rows, ids and timestamps");
    stack.undo();
    QVERIFY(f.state() == initial);
    QVERIFY(f.store()->lastError().isEmpty());
}

void UndoCommandsTest::typingIntoOneFieldMergesIntoOneStep()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    const WorkspaceState initial = f.state();
    for (const QString &value : {u"هيئة"_s, u"هيئة البريد"_s, u"هيئة البريد الوطنية"_s}) {
        stack.push(new SetIncidentField(f.store(), f.incidentA, u"victim"_s, value));
    }
    QCOMPARE(stack.count(), 1);
    QCOMPARE(f.store()->field(f.incidentA, u"victim"_s).value, u"هيئة البريد الوطنية"_s);
    stack.undo();
    QVERIFY(f.state() == initial);
    stack.redo();
    QCOMPARE(f.store()->field(f.incidentA, u"victim"_s).value, u"هيئة البريد الوطنية"_s);
}

void UndoCommandsTest::editsOfDifferentFieldsStaySeparate()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    stack.push(new SetIncidentField(f.store(), f.incidentA, u"victim"_s, u"هيئة"_s));
    stack.push(new SetIncidentField(f.store(), f.incidentA, u"actor"_s, u"قراصنة"_s));
    stack.push(new SetIncidentField(f.store(), f.incidentB, u"actor"_s, u"قراصنة"_s));
    stack.push(new ConfirmField(f.store(), f.incidentB, u"actor"_s));
    QCOMPARE(stack.count(), 4);
}

void UndoCommandsTest::typingBackToTheStartLeavesNothingToUndo()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    stack.push(new SetIncidentField(f.store(), f.incidentA, u"actor"_s, u"قراصنة روس"_s));
    stack.push(new ConfirmField(f.store(), f.incidentA, u"victim"_s));
    const WorkspaceState corrected = f.state();
    stack.push(new SetIncidentField(f.store(), f.incidentA, u"actor"_s, u"قراصنة"_s));
    QCOMPARE(stack.count(), 3);
    // Typed back to what it was: the merged step would change nothing, so it goes.
    stack.push(new SetIncidentField(f.store(), f.incidentA, u"actor"_s, u"قراصنة روس"_s));
    QCOMPARE(stack.count(), 2);
    QVERIFY(f.state() == corrected);
    stack.undo();
    QCOMPARE(f.store()->field(f.incidentA, u"victim"_s).origin, u"suggested"_s);
    QCOMPARE(f.store()->field(f.incidentA, u"actor"_s).value, u"قراصنة روس"_s);
}

void UndoCommandsTest::commandsAboveAnAddFindItsIncidentAgain()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    auto *add = new AddIncident(f.store(), f.first);
    stack.push(add);
    const qint64 added = add->incidentId();
    QVERIFY(added > 0);
    stack.push(new SetIncidentField(f.store(), added, u"victim"_s, u"عبارة ركاب"_s));
    stack.push(new ConfirmIncident(f.store(), added));
    const WorkspaceState done = f.state();
    stack.undo();
    stack.undo();
    stack.undo();
    QCOMPARE(f.store()->incident(added).id, 0);
    stack.redo();
    stack.redo();
    stack.redo();
    QVERIFY(f.state() == done);
    QCOMPARE(f.store()->incident(added).reviewStatus, u"confirmed"_s);
}

void UndoCommandsTest::failedCommandIsNotPushed()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    QSignalSpy failed(f.store(), &ReviewStore::failed);
    stack.push(new SetIncidentField(f.store(), f.incidentA + 1000, u"victim"_s, u"x"_s));
    stack.push(new ConfirmField(f.store(), f.incidentA, u"colour"_s));
    stack.push(new ChangeEntityType(f.store(), f.entity, u"planet"_s));
    QCOMPARE(stack.count(), 0);
    QCOMPARE(failed.size(), 3);
    // A failed edit after a good one does not merge into it.
    stack.push(new SetIncidentField(f.store(), f.incidentA, u"victim"_s, u"هيئة"_s));
    stack.push(new SetIncidentField(f.store(), f.incidentA, u"colour"_s, u"x"_s));
    QCOMPARE(stack.count(), 1);
    stack.undo();
    QCOMPARE(f.store()->field(f.incidentA, u"victim"_s).value, u"البريد"_s);
}

QTEST_GUILESS_MAIN(UndoCommandsTest)
#include "undocommands_test.moc"
