#include "itemmodels/entitymodel.h"
#include "itemmodels/roles.h"
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

const QString Text = u"سربت مجموعة قراصنة بيانات نحو 2 مليون منخرط في فرنسا يوم 12 مارس 2024 مقابل 5 ملايين يورو."_s;

struct EntitySpec
{
    QString type;
    QString text;
    QString value;
    QString attributes;
};

class Fixture
{
public:
    bool open()
    {
        if (!m_dir.isValid() || !m_workspace.open(m_dir.filePath(u"entities.rasid"_s))) {
            return false;
        }
        store = std::make_unique<ReviewStore>(m_workspace, u"Nadia"_s);
        articleId = addArticle(u"a.txt"_s, Text);
        otherArticle = addArticle(u"b.txt"_s, u"قالت مجموعة قراصنة إنها وراء الهجوم."_s);
        // Inserted out of text order: the model orders them by span.
        const QVector<EntitySpec> specs = {
            {u"country"_s, u"فرنسا"_s, u"FR"_s, QString()},
            {u"quantity"_s, u"نحو 2 مليون منخرط"_s, u"2000000"_s, u"qualifier=approx;noun=منخرط"_s},
            {u"threat_actor"_s, u"مجموعة قراصنة"_s, QString(), QString()},
            {u"date"_s, u"12 مارس 2024"_s, u"2024-03-12"_s, QString()},
            {u"money"_s, u"5 ملايين يورو"_s, u"5000000"_s, u"currency=EUR"_s},
        };
        for (const EntitySpec &spec : specs) {
            const int start = int(Text.indexOf(spec.text));
            QSqlQuery insert(m_workspace.database());
            insert.prepare(u"INSERT INTO entities(article_id, start, end, type, text, value, attributes, confidence) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, 0.75)"_s);
            insert.addBindValue(articleId);
            insert.addBindValue(start);
            insert.addBindValue(start + int(spec.text.size()));
            insert.addBindValue(spec.type);
            insert.addBindValue(spec.text);
            insert.addBindValue(spec.value);
            insert.addBindValue(spec.attributes);
            if (!insert.exec()) {
                return false;
            }
        }
        return articleId > 0 && otherArticle > 0;
    }

    std::unique_ptr<ReviewStore> store;
    qint64 articleId = 0;
    qint64 otherArticle = 0;

private:
    qint64 addArticle(const QString &path, const QString &text)
    {
        QSqlQuery file(m_workspace.database());
        file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
        file.addBindValue(path);
        QSqlQuery article(m_workspace.database());
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, text) VALUES (?, ?, ?, '', ?)"_s);
        if (!file.exec()) {
            return 0;
        }
        article.addBindValue(file.lastInsertId());
        article.addBindValue(path);
        article.addBindValue(path);
        article.addBindValue(text);
        return article.exec() ? article.lastInsertId().toLongLong() : 0;
    }

    QTemporaryDir m_dir;
    Workspace m_workspace;
};

} // namespace

class EntityModelTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void passesModelTesterThroughEdits();
    void rowsFollowTheText();
    void tooltipShowsTypeAndNormalisedValue_data();
    void tooltipShowsTypeAndNormalisedValue();
    void spansServeTheHighlights();
    void findsEntitiesAroundAnOffset();
    void changingTheTypePushesACommand();
    void addingAndRemovingKeepOtherRows();
    void applyingToTheCorpusMarksOtherArticles();
};

void EntityModelTest::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void EntityModelTest::passesModelTesterThroughEdits()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    EntityModel model(f.store.get(), &stack);
    QAbstractItemModelTester tester(&model);
    model.setArticle(f.articleId);
    QVERIFY(model.setData(model.index(0, EntityTypeColumn), u"organization"_s));
    QVERIFY(model.addEntity(0, 4, u"attack"_s, u"data_breach"_s));
    QVERIFY(model.removeEntity(2));
    QVERIFY(model.applyToCorpus(model.rowForEntity(model.entityIdAt(1))) >= 0);
    while (stack.canUndo()) {
        stack.undo();
    }
    QCOMPARE(model.rowCount(), 5);
    model.setArticle(0);
    QCOMPARE(model.rowCount(), 0);
}

void EntityModelTest::rowsFollowTheText()
{
    Fixture f;
    QVERIFY(f.open());
    EntityModel model(f.store.get(), nullptr);
    model.setArticle(f.articleId);
    QCOMPARE(model.rowCount(), 5);
    int previous = -1;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QPoint span = model.index(row, 0).data(EntitySpanRole).toPoint();
        QVERIFY(span.x() > previous);
        previous = span.x();
        QCOMPARE(Text.mid(span.x(), span.y() - span.x()), model.index(row, EntityTextColumn).data().toString());
        QCOMPARE(model.index(row, EntityStartColumn).data().toInt(), span.x());
        QCOMPARE(model.index(row, EntityEndColumn).data().toInt(), span.y());
    }
    QCOMPARE(model.index(0, EntityTypeColumn).data().toString(), u"threat actor"_s);
    QCOMPARE(model.index(0, EntityTypeColumn).data(RawValueRole).toString(), u"threat_actor"_s);
    QCOMPARE(model.index(1, EntityValueColumn).data().toString(), u"2,000,000"_s);
    QCOMPARE(model.index(1, EntityValueColumn).data(RawValueRole).toString(), u"2000000"_s);
    QCOMPARE(model.index(1, EntityConfidenceColumn).data().toString(), u"75%"_s);
    QCOMPARE(model.index(1, 0).data(EntityOriginRole).toString(), u"suggested"_s);
    QCOMPARE(model.index(0, EntityTypeColumn).data(AllowedValuesRole).toStringList().size(), 10);
}

void EntityModelTest::tooltipShowsTypeAndNormalisedValue_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tooltip");

    QTest::newRow("approximate quantity") << u"نحو 2 مليون منخرط"_s << u"quantity: 2,000,000 (approx)"_s;
    QTest::newRow("money with currency") << u"5 ملايين يورو"_s << u"money: 5,000,000 EUR"_s;
    QTest::newRow("country by name") << u"فرنسا"_s << u"country: France (FR)"_s;
    QTest::newRow("date in ISO form") << u"12 مارس 2024"_s << u"date: 2024-03-12"_s;
    QTest::newRow("name without a value") << u"مجموعة قراصنة"_s << u"threat actor: مجموعة قراصنة"_s;
}

void EntityModelTest::tooltipShowsTypeAndNormalisedValue()
{
    QFETCH(QString, text);
    QFETCH(QString, tooltip);
    Fixture f;
    QVERIFY(f.open());
    EntityModel model(f.store.get(), nullptr);
    model.setArticle(f.articleId);
    const int row = model.rowAt(int(Text.indexOf(text)));
    QVERIFY(row >= 0);
    QCOMPARE(model.tooltipText(row), tooltip);
    QCOMPARE(model.index(row, EntityTextColumn).data(Qt::ToolTipRole).toString(), tooltip);
}

void EntityModelTest::spansServeTheHighlights()
{
    Fixture f;
    QVERIFY(f.open());
    EntityModel model(f.store.get(), nullptr);
    model.setArticle(f.articleId);
    const QVector<EntityHighlight> highlights = model.highlights();
    QCOMPARE(highlights.size(), model.rowCount());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QPoint span = model.index(row, 0).data(EntitySpanRole).toPoint();
        QCOMPARE(highlights.at(row).start, span.x());
        QCOMPARE(highlights.at(row).end, span.y());
        QCOMPARE(highlights.at(row).type, model.index(row, 0).data(EntityTypeRole).toString());
        QCOMPARE(highlights.at(row).entityId, model.entityIdAt(row));
    }
}

void EntityModelTest::findsEntitiesAroundAnOffset()
{
    Fixture f;
    QVERIFY(f.open());
    EntityModel model(f.store.get(), nullptr);
    model.setArticle(f.articleId);
    const int actor = int(Text.indexOf(u"مجموعة"_s));
    QCOMPARE(model.rowAt(actor), 0);
    QCOMPARE(model.rowAt(actor + 3), 0);
    QCOMPARE(model.rowAt(0), -1); // "سربت" is no entity
    QCOMPARE(model.rowAfter(0), 0);
    QCOMPARE(model.rowAfter(actor), 1);
    QCOMPARE(model.rowBefore(actor + 1), 0);
    QCOMPARE(model.rowBefore(actor), -1);
    QCOMPARE(model.rowAfter(int(Text.size())), -1);
    QCOMPARE(model.rowBefore(int(Text.size())), 4);
}

void EntityModelTest::changingTheTypePushesACommand()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    EntityModel model(f.store.get(), &stack);
    model.setArticle(f.articleId);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QModelIndex type = model.index(0, EntityTypeColumn);
    QVERIFY(model.flags(type).testFlag(Qt::ItemIsEditable));
    QVERIFY(model.setData(type, u"threat_actor"_s)); // unchanged: nothing pushed
    QCOMPARE(stack.count(), 0);
    QVERIFY(!model.setData(type, u"planet"_s));
    QVERIFY(!model.setData(type, u"organization"_s, Qt::DisplayRole));
    QVERIFY(!model.setData(model.index(0, EntityTextColumn), u"x"_s));
    QCOMPARE(stack.count(), 0);

    QVERIFY(model.setData(type, u"organization"_s));
    QCOMPARE(stack.count(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
    QCOMPARE(type.data(RawValueRole).toString(), u"organization"_s);
    QCOMPARE(type.data(EntityOriginRole).toString(), u"corrected"_s);
    stack.undo();
    QCOMPARE(type.data(RawValueRole).toString(), u"threat_actor"_s);
    QCOMPARE(f.store->articleReview(f.articleId).state, u"new"_s);
}

void EntityModelTest::addingAndRemovingKeepOtherRows()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    EntityModel model(f.store.get(), &stack);
    model.setArticle(f.articleId);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QPersistentModelIndex money = model.index(4, 0);

    // "بيانات" lies between the actor (row 0) and the quantity (row 1).
    const int start = int(Text.indexOf(u"بيانات"_s));
    QVERIFY(model.addEntity(start, start + 6, u"data"_s, u"personal"_s));
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QCOMPARE(money.row(), 5);
    QCOMPARE(model.index(1, 0).data(EntityOriginRole).toString(), u"analyst"_s);
    QCOMPARE(f.store->articleReview(f.articleId).state, u"in_review"_s);

    QVERIFY(model.removeEntity(1));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(money.row(), 4);
    QCOMPARE(reset.size(), 0);
    QVERIFY(!model.addEntity(start, start + 1000, u"data"_s));
    QCOMPARE(stack.count(), 2);
}

void EntityModelTest::applyingToTheCorpusMarksOtherArticles()
{
    Fixture f;
    QVERIFY(f.open());
    QUndoStack stack;
    EntityModel model(f.store.get(), &stack);
    EntityModel other(f.store.get(), &stack);
    model.setArticle(f.articleId);
    other.setArticle(f.otherArticle);
    QCOMPARE(other.rowCount(), 0);

    QCOMPARE(model.applyToCorpus(0), 1); // the other article's "مجموعة قراصنة"
    QCOMPARE(other.rowCount(), 1);
    QCOMPARE(other.index(0, 0).data(EntityTypeRole).toString(), u"threat_actor"_s);
    QCOMPARE(other.index(0, 0).data(EntityOriginRole).toString(), u"lexicon"_s);
    QCOMPARE(stack.undoText(), u"Mark “مجموعة قراصنة” as threat actor in every article"_s);
    stack.undo();
    QCOMPARE(other.rowCount(), 0);
    QVERIFY(!f.store->lexiconEntry(u"مجموعة قراصنة"_s, u"threat_actor"_s));
    stack.redo();
    QCOMPARE(other.rowCount(), 1);
    QVERIFY(f.store->lexiconEntry(u"مجموعة قراصنة"_s, u"threat_actor"_s));
}

QTEST_GUILESS_MAIN(EntityModelTest)
#include "entitymodel_test.moc"
