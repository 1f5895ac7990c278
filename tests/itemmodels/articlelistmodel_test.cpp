#include "extract/incident.h"
#include "store/articlefilter.h"
#include "itemmodels/articlelistmodel.h"
#include "itemmodels/problemsmodel.h"
#include "itemmodels/roles.h"
#include "store/collation.h"
#include "store/incidentwriter.h"
#include "store/reviewstore.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

struct ArticleSpec
{
    ArticleSpec(const QString &title, const QString &text, const QString &state = QStringLiteral("new"),
                const QString &outlet = {}, const QString &published = {})
        : title(title)
        , text(text)
        , state(state)
        , outlet(outlet)
        , published(published)
    {
    }
    QString title;
    QString text;
    QString state;
    QString outlet;
    QString published;
};

class Fixture
{
public:
    // In memory for the big synthetic corpora: the test is about the model, not the disk.
    bool open(bool inMemory = false)
    {
        const QString path = inMemory ? u":memory:"_s : m_dir.filePath(u"list.rasid"_s);
        if (!m_dir.isValid() || !m_workspace.open(path)) {
            return false;
        }
        store = std::make_unique<ReviewStore>(m_workspace, u"Hind"_s);
        return true;
    }

    Workspace &workspace() { return m_workspace; }
    QSqlDatabase db() { return m_workspace.database(); }

    // Many articles in one transaction with prepared statements, the way an import writes them.
    QVector<qint64> addArticles(const QVector<ArticleSpec> &specs)
    {
        QVector<qint64> ids;
        m_workspace.beginTransaction();
        QSqlQuery file(db());
        file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
        QSqlQuery article(db());
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, outlet, published, text, "
                        "review_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
        for (const ArticleSpec &spec : specs) {
            const QString path = u"f%1.txt"_s.arg(++m_files);
            file.addBindValue(path);
            if (!file.exec()) {
                break;
            }
            article.addBindValue(file.lastInsertId());
            article.addBindValue(path);
            article.addBindValue(path);
            article.addBindValue(spec.title);
            article.addBindValue(spec.outlet);
            article.addBindValue(spec.published);
            article.addBindValue(spec.text);
            article.addBindValue(spec.state);
            if (!article.exec()) {
                break;
            }
            ids.append(article.lastInsertId().toLongLong());
        }
        m_workspace.commit();
        return ids;
    }

    qint64 propose(qint64 articleId, const QString &country, const QString &attack, bool rejected = false)
    {
        ProposedIncident incident;
        incident.confidence = 0.6;
        incident.set(u"victim_country"_s, country, 0.8);
        incident.set(u"attack_type"_s, attack, 0.7);
        if (!storeProposedIncidents(db(), articleId, {incident})) {
            return 0;
        }
        QSqlQuery last(db());
        if (!last.exec(u"SELECT max(id) FROM incidents"_s) || !last.next()) {
            return 0;
        }
        const qint64 id = last.value(0).toLongLong();
        if (rejected) {
            QSqlQuery reject(db());
            reject.exec(u"UPDATE incidents SET review_status = 'rejected' WHERE id = %1"_s.arg(id));
        }
        return id;
    }

    void exec(const QString &sql)
    {
        QSqlQuery query(db());
        query.exec(sql);
    }

    std::unique_ptr<ReviewStore> store;

private:
    QTemporaryDir m_dir;
    Workspace m_workspace;
    int m_files = 0;
};

// Six articles covering every filter: two excluded from the list.
struct SmallCorpus
{
    qint64 post = 0;
    qint64 leak = 0;
    qint64 hack = 0;
    qint64 ministry = 0;
    qint64 both = 0;

    bool fill(Fixture &f)
    {
        const QVector<qint64> ids = f.addArticles({
            {u"هجوم على البريد"_s, u"تعطل البريد بسبب هجوم حجب الخدمة."_s, u"new"_s, u"النبأ"_s, u"2024-03-12"_s},
            {u"تسريب بيانات"_s, u"سربت بيانات مليون عميل."_s, u"in_review"_s, u"هسبريس"_s, u"2023-11"_s},
            {u"مقال عام"_s, u"تحدث الخبراء عن والاختراق الكبير."_s, u"reviewed"_s, u"الشروق"_s, QString()},
            {u"وزارة الداخلية"_s, u"تعرضت الوزارة إلى إختراق."_s, u"new"_s, u"النبأ"_s, u"2024-01-02"_s},
            {u"حادثتان"_s, u"هجوم في فرنسا وآخر في المغرب."_s, u"new"_s, u"الأيام"_s, u"2024-05-01"_s},
            {u"نسخة مكررة"_s, u"تعطل البريد بسبب هجوم حجب الخدمة."_s, u"new"_s, u"النبأ"_s, QString()},
            {u"ملف مفقود"_s, u"اختراق قديم."_s, u"new"_s, u"النبأ"_s, QString()},
        });
        if (ids.size() != 7) {
            return false;
        }
        post = ids[0];
        leak = ids[1];
        hack = ids[2];
        ministry = ids[3];
        both = ids[4];
        f.exec(u"UPDATE articles SET duplicate_of = %1 WHERE id = %2"_s.arg(post).arg(ids[5]));
        f.exec(u"UPDATE articles SET missing = 1 WHERE id = %1"_s.arg(ids[6]));
        return f.propose(post, u"FR"_s, u"ddos"_s) && f.propose(leak, u"MA"_s, u"data_breach"_s)
            && f.propose(leak, u"FR"_s, u"data_breach"_s, true) && f.propose(ministry, u"SG"_s, u"ransomware"_s)
            && f.propose(both, u"MA"_s, u"ddos"_s) && f.propose(both, u"FR"_s, u"defacement"_s);
    }
};

void fetchAll(QAbstractItemModel &model)
{
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row) {
        values.append(model.index(row, column).data(role).toString());
    }
    return values;
}

qint64 residentKilobytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').first().toLongLong();
        }
    }
    return -1;
}

} // namespace

class ArticleListModelTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void passesModelTesterThroughChanges();
    void passesModelTesterBeforeTheFirstPage();
    void leavesOutDuplicatesAndMissingFiles();
    void columnsSummariseTheIncidents();
    void untitledArticlesShowAPlaceholder();
    void loadsTenThousandArticlesByPages();
    void sortsArabicTitlesByCollation();
    void sortsEveryColumnBothWays_data();
    void sortsEveryColumnBothWays();
    void sortKeepsTheSelectedArticle();
    void filters_data();
    void filters();
    void countsFollowTheAnalyst();
    void importAppendsNewArticles();
    void refreshKeepsTheLoadedRows();
    void findsArticlesAndTheNextUnreviewed();
    void lossyArticlesAreMarked();
    void problemsModelListsImportProblems();
};

void ArticleListModelTest::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void ArticleListModelTest::passesModelTesterThroughChanges()
{
    Fixture f;
    QVERIFY(f.open());
    SmallCorpus corpus;
    QVERIFY(corpus.fill(f));
    ArticleListModel model(f.workspace(), f.store.get());
    QAbstractItemModelTester tester(&model);
    for (int column = -1; column < ArticleColumnCount; ++column) {
        model.sort(column, Qt::AscendingOrder);
        model.sort(column, Qt::DescendingOrder);
    }
    ArticleFilter filter;
    filter.setCountry(u"FR"_s);
    model.setFilter(filter);
    fetchAll(model);
    model.setFilter({});
    fetchAll(model);
    QVERIFY(f.store->confirmIncident(f.store->incidents(corpus.post).first().id));
    QVERIFY(f.store->markNoIncident(corpus.hack));
    f.addArticles({{u"جديد"_s, u"نص"_s}});
    model.articlesImported();
    model.refresh();
    QCOMPARE(model.rowCount(), 6);
}

void ArticleListModelTest::passesModelTesterBeforeTheFirstPage()
{
    Fixture f;
    QVERIFY(f.open());
    ArticleListModel model(f.workspace(), f.store.get());
    QAbstractItemModelTester tester(&model); // fetches from the still empty workspace
    tester.setUseFetchMore(false);
    QVector<ArticleSpec> specs;
    for (int i = 0; i < 600; ++i) {
        specs.append({u"مقال %1"_s.arg(i), u"نص"_s});
    }
    f.addArticles(specs);
    model.refresh(); // a reset with nothing loaded: the tester sees the model before its first page
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.canFetchMore({}));
    QCOMPARE(model.totalCount(), 600);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
    model.sort(ArticleTitleColumn, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
    fetchAll(model);
    QCOMPARE(model.rowCount(), 600);
    ArticleFilter filter;
    filter.setSearchText(u"مقال"_s);
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), ArticleListModel::PageSize);
}

void ArticleListModelTest::leavesOutDuplicatesAndMissingFiles()
{
    Fixture f;
    QVERIFY(f.open());
    SmallCorpus corpus;
    QVERIFY(corpus.fill(f));
    ArticleListModel model(f.workspace(), f.store.get());
    fetchAll(model);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.totalCount(), 5);
    QVERIFY(!column(model, ArticleTitleColumn).contains(u"نسخة مكررة"_s));
    QVERIFY(!column(model, ArticleTitleColumn).contains(u"ملف مفقود"_s));
}

void ArticleListModelTest::columnsSummariseTheIncidents()
{
    Fixture f;
    QVERIFY(f.open());
    SmallCorpus corpus;
    QVERIFY(corpus.fill(f));
    ArticleListModel model(f.workspace(), f.store.get());
    fetchAll(model);
    const int leak = model.rowForArticle(corpus.leak);
    const int both = model.rowForArticle(corpus.both);
    const int hack = model.rowForArticle(corpus.hack);
    QCOMPARE(model.index(leak, ArticleCountryColumn).data().toString(), u"MA"_s); // FR was rejected
    QCOMPARE(model.index(leak, ArticleAttackColumn).data().toString(), u"Data breach"_s);
    QCOMPARE(model.index(leak, ArticleIncidentsColumn).data().toString(), u"1"_s);
    QCOMPARE(model.index(both, ArticleCountryColumn).data().toString(), u"FR, MA"_s);
    QCOMPARE(model.index(both, ArticleCountryColumn).data(Qt::ToolTipRole).toString(), u"France, Morocco"_s);
    QCOMPARE(model.index(both, ArticleAttackColumn).data().toString(), u"DDoS, Defacement"_s);
    QCOMPARE(model.index(both, ArticleIncidentsColumn).data(RawValueRole).toInt(), 2);
    QCOMPARE(model.index(hack, ArticleCountryColumn).data().toString(), QString());
    QCOMPARE(model.index(leak, ArticleStateColumn).data().toString(), u"In review"_s);
    QCOMPARE(model.index(leak, ArticleStateColumn).data(ReviewStateRole).toString(), u"in_review"_s);
    QCOMPARE(model.index(leak, ArticleStateColumn).data(IconNameRole).toString(), u"review-in_review"_s);
    QCOMPARE(model.index(leak, ArticleTitleColumn).data(ArticleIdRole).toLongLong(), corpus.leak);
    QCOMPARE(model.index(leak, ArticleOutletColumn).data().toString(), u"هسبريس"_s);
    QCOMPARE(model.index(leak, ArticleDateColumn).data().toString(), u"2023-11"_s); // partial dates stay
    QCOMPARE(model.index(model.rowForArticle(corpus.post), ArticleDateColumn).data(RawValueRole).toString(),
             u"2024-03-12"_s);
    // Whole dates read the same in every locale: never 3/12/24.
    QCOMPARE(model.index(model.rowForArticle(corpus.post), ArticleDateColumn).data().toString(), u"2024-03-12"_s);
    QCOMPARE(model.headerData(ArticleTitleColumn, Qt::Horizontal).toString(), u"Title"_s);
}

void ArticleListModelTest::untitledArticlesShowAPlaceholder()
{
    Fixture f;
    QVERIFY(f.open());
    const QVector<qint64> ids = f.addArticles({
        {QString(), u"نص بلا عنوان عن هجوم."_s, u"new"_s, u"النبأ"_s, QString()},
        {u"  "_s, u"نص آخر بلا عنوان."_s, u"new"_s, u"النبأ"_s, QString()},
        {u"عنوان"_s, u"نص بعنوان."_s, u"new"_s, u"النبأ"_s, QString()},
    });
    QCOMPARE(ids.size(), 3);
    ArticleListModel model(f.workspace(), f.store.get());
    QAbstractItemModelTester tester(&model);
    fetchAll(model);
    for (int i = 0; i < 2; ++i) {
        const QModelIndex title = model.index(model.rowForArticle(ids.at(i)), ArticleTitleColumn);
        QVERIFY2(!title.data().toString().trimmed().isEmpty(), qPrintable(QString::number(i)));
        QVERIFY(title.data().toString().contains(QString::number(ids.at(i))));
        QVERIFY(title.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(title.data(RawValueRole).toString().trimmed().isEmpty()); // sorting sees the real title
    }
    const QModelIndex titled = model.index(model.rowForArticle(ids.at(2)), ArticleTitleColumn);
    QCOMPARE(titled.data().toString(), u"عنوان"_s);
    QVERIFY(!titled.data(Qt::FontRole).isValid());
}

void ArticleListModelTest::loadsTenThousandArticlesByPages()
{
    Fixture f;
    QVERIFY(f.open(true));
    constexpr int Articles = 10000;
    const QString body = QString(4000, u'x'); // 8 KB of UTF-16 per article if it were held
    QVector<ArticleSpec> specs;
    specs.reserve(Articles);
    for (int i = 0; i < Articles; ++i) {
        specs.append({u"مقال رقم %1"_s.arg(i), body + QString::number(i)});
    }
    QCOMPARE(f.addArticles(specs).size(), Articles);

    ArticleListModel model(f.workspace(), f.store.get());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), Articles);
    const qint64 before = residentKilobytes();
    QElapsedTimer timer;
    timer.start();
    int pages = 0;
    while (model.canFetchMore({})) {
        const int rows = model.rowCount();
        model.fetchMore({});
        ++pages;
        QCOMPARE(model.rowCount(), qMin(rows + ArticleListModel::PageSize, Articles));
    }
    const qint64 elapsed = timer.elapsed();
    const qint64 grown = residentKilobytes() - before;
    QCOMPARE(model.rowCount(), Articles);
    QCOMPARE(pages, (Articles + ArticleListModel::PageSize - 1) / ArticleListModel::PageSize);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.articleIdAt(Articles - 1) - model.articleIdAt(0), Articles - 1);
    // The texts alone would take 80 MB; the rows take a few.
    QVERIFY2(grown < 20 * 1024, qPrintable(u"resident memory grew by %1 KB"_s.arg(grown)));
    qInfo("10,000 rows in %d pages: %lld ms, resident memory +%lld KB", pages, elapsed, grown);
}

void ArticleListModelTest::sortsArabicTitlesByCollation()
{
    Fixture f;
    QVERIFY(f.open());
    const QStringList stems = {u"أمن"_s,  u"إختراق"_s, u"آلة"_s,   u"احتيال"_s, u"ابتزاز"_s,   u"بريد"_s,
                               u"تسريب"_s, u"ثغرة"_s,   u"جريمة"_s, u"خادم"_s,   u"«اختراق»"_s, u"Zeta"_s,
                               u"alpha"_s, u"إستونيا"_s, u"أخبار"_s, u"اُسرة"_s};
    QVector<ArticleSpec> specs;
    for (int i = 0; i < 40; ++i) { // 640 titles: the order must hold across pages
        for (const QString &stem : stems) {
            specs.append({stem + u' ' + QString::number(i), u"نص"_s});
        }
    }
    f.addArticles(specs);
    ArticleListModel model(f.workspace(), f.store.get());
    model.sort(ArticleTitleColumn, Qt::AscendingOrder);
    fetchAll(model);
    const QStringList titles = column(model, ArticleTitleColumn);

    QStringList expected;
    for (const ArticleSpec &spec : std::as_const(specs)) {
        expected.append(spec.title);
    }
    const QCollator collator = arabicCollator();
    std::stable_sort(expected.begin(), expected.end(),
                     [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    QCOMPARE(titles, expected);

    // Alef forms sort together: every title starting with an alef comes before ب.
    const auto startsWithAlef = [](const QString &title) {
        const QString bare = title.startsWith(u'«') ? title.mid(1) : title;
        return QStringView(u"اأإآ").contains(bare.front());
    };
    const qsizetype firstBa = titles.indexOf(u"بريد 0"_s);
    QVERIFY(std::all_of(titles.cbegin(), titles.cbegin() + firstBa, startsWithAlef));
    QVERIFY(std::none_of(titles.cbegin() + firstBa, titles.cend(), startsWithAlef));
    QVERIFY(titles.indexOf(u"أمن 2"_s) < titles.indexOf(u"أمن 10"_s)); // numbers by value

    model.sort(ArticleTitleColumn, Qt::DescendingOrder);
    fetchAll(model);
    QStringList reversed = expected;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(column(model, ArticleTitleColumn), reversed);
}

void ArticleListModelTest::sortsEveryColumnBothWays_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    const char *names[] = {"state", "title", "outlet", "date", "country", "attack", "incidents"};
    for (int column = 0; column < ArticleColumnCount; ++column) {
        QTest::addRow("%s ascending", names[column]) << column << int(Qt::AscendingOrder);
        QTest::addRow("%s descending", names[column]) << column << int(Qt::DescendingOrder);
    }
    QTest::newRow("import order") << -1 << int(Qt::AscendingOrder);
}

void ArticleListModelTest::sortsEveryColumnBothWays()
{
    QFETCH(int, column);
    QFETCH(int, order);
    Fixture f;
    QVERIFY(f.open());
    SmallCorpus corpus;
    QVERIFY(corpus.fill(f));
    ArticleListModel model(f.workspace(), f.store.get());
    model.sort(column, Qt::SortOrder(order));
    fetchAll(model);
    QCOMPARE(model.rowCount(), 5);
    const QCollator collator = arabicCollator();
    for (int row = 1; row < model.rowCount(); ++row) {
        const QVariant a = model.index(row - 1, qMax(column, 0)).data(RawValueRole);
        const QVariant b = model.index(row, qMax(column, 0)).data(RawValueRole);
        int cmp = 0;
        if (column < 0) {
            cmp = model.articleIdAt(row - 1) < model.articleIdAt(row) ? -1 : 1;
        } else if (a.typeId() == QMetaType::Int) {
            cmp = a.toInt() < b.toInt() ? -1 : a.toInt() > b.toInt() ? 1 : 0;
        } else if (column == ArticleTitleColumn || column == ArticleOutletColumn) {
            cmp = collator.compare(a.toString(), b.toString());
        } else {
            cmp = a.toString().compare(b.toString());
        }
        QVERIFY2(order == Qt::AscendingOrder ? cmp <= 0 : cmp >= 0,
                 qPrintable(u"row %1: %2 then %3"_s.arg(row).arg(a.toString(), b.toString())));
    }
}

void ArticleListModelTest::sortKeepsTheSelectedArticle()
{
    Fixture f;
    QVERIFY(f.open());
    SmallCorpus corpus;
    QVERIFY(corpus.fill(f));
    ArticleListModel model(f.workspace(), f.store.get());
    fetchAll(model);
    const QPersistentModelIndex selected = model.index(model.rowForArticle(corpus.ministry), ArticleTitleColumn);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.sort(ArticleTitleColumn, Qt::DescendingOrder);
    QCOMPARE(reset.size(), 0);
    QVERIFY(selected.isValid());
    QCOMPARE(selected.row(), model.rowForArticle(corpus.ministry));
    QCOMPARE(selected.data().toString(), u"وزارة الداخلية"_s);
}

void ArticleListModelTest::filters_data()
{
    QTest::addColumn<QStringList>("states");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("titles");

    const QStringList all = {u"هجوم على البريد"_s, u"تسريب بيانات"_s, u"مقال عام"_s, u"وزارة الداخلية"_s,
                             u"حادثتان"_s};
    QTest::newRow("nothing filters") << QStringList() << QString() << QString() << QString() << all;
    QTest::newRow("new only") << QStringList{u"new"_s} << QString() << QString() << QString()
                              << QStringList{u"هجوم على البريد"_s, u"وزارة الداخلية"_s, u"حادثتان"_s};
    QTest::newRow("new or reviewed") << QStringList{u"new"_s, u"reviewed"_s} << QString() << QString() << QString()
                                     << QStringList{u"هجوم على البريد"_s, u"مقال عام"_s, u"وزارة الداخلية"_s,
                                                    u"حادثتان"_s};
    QTest::newRow("victim in France, rejected incidents ignored")
        << QStringList() << u"fr"_s << QString() << QString()
        << QStringList{u"هجوم على البريد"_s, u"حادثتان"_s};
    QTest::newRow("victim in Morocco") << QStringList() << u"MA"_s << QString() << QString()
                                       << QStringList{u"تسريب بيانات"_s, u"حادثتان"_s};
    QTest::newRow("attack type") << QStringList() << QString() << u"ddos"_s << QString()
                                 << QStringList{u"هجوم على البريد"_s, u"حادثتان"_s};
    QTest::newRow("country and attack on different incidents")
        << QStringList() << u"FR"_s << u"data_breach"_s << QString() << QStringList();
    QTest::newRow("search finds clitic and alef forms")
        << QStringList() << QString() << QString() << u"اختراق"_s
        << QStringList{u"مقال عام"_s, u"وزارة الداخلية"_s};
    QTest::newRow("search strips the query's clitics as the index does")
        << QStringList() << QString() << QString() << u"بالاختراق"_s
        << QStringList{u"مقال عام"_s, u"وزارة الداخلية"_s};
    QTest::newRow("search and state") << QStringList{u"reviewed"_s} << QString() << QString() << u"اختراق"_s
                                      << QStringList{u"مقال عام"_s};
    QTest::newRow("search in titles") << QStringList() << QString() << QString() << u"الداخلية"_s
                                      << QStringList{u"وزارة الداخلية"_s};
    QTest::newRow("punctuation searches nothing") << QStringList() << QString() << QString() << u" ؟! "_s << all;
    QTest::newRow("no match") << QStringList() << QString() << QString() << u"زلزال"_s << QStringList();
}

void ArticleListModelTest::filters()
{
    QFETCH(QStringList, states);
    QFETCH(QString, country);
    QFETCH(QString, attack);
    QFETCH(QString, search);
    QFETCH(QStringList, titles);

    Fixture f;
    QVERIFY(f.open());
    SmallCorpus corpus;
    QVERIFY(corpus.fill(f));
    ArticleListModel model(f.workspace(), f.store.get());
    ArticleFilter filter;
    filter.setReviewStates(states);
    filter.setCountry(country);
    filter.setAttackType(attack);
    filter.setSearchText(search);
    model.setFilter(filter);
    fetchAll(model);
    QCOMPARE(column(model, ArticleTitleColumn), titles);
    QCOMPARE(model.matchingCount(), int(titles.size()));
    QCOMPARE(model.totalCount(), 5);
    QCOMPARE(model.filter(), filter);
}

void ArticleListModelTest::countsFollowTheAnalyst()
{
    Fixture f;
    QVERIFY(f.open());
    SmallCorpus corpus;
    QVERIFY(corpus.fill(f));
    ArticleListModel model(f.workspace(), f.store.get());
    fetchAll(model);
    QCOMPARE(model.reviewedCount(), 1);
    QCOMPARE(model.totalCount(), 5);
    QSignalSpy counts(&model, &ArticleListModel::countsChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const qint64 incident = f.store->incidents(corpus.post).first().id;
    QVERIFY(f.store->confirmIncident(incident));
    QCOMPARE(model.reviewedCount(), 2);
    QCOMPARE(counts.size(), 1);
    const int row = model.rowForArticle(corpus.post);
    QCOMPARE(model.index(row, ArticleStateColumn).data(ReviewStateRole).toString(), u"reviewed"_s);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).toModelIndex().row(), row);

    // A corrected victim country shows in the list at once.
    QVERIFY(f.store->setFieldValue(incident, u"victim_country"_s, u"BE"_s));
    QCOMPARE(model.index(row, ArticleCountryColumn).data().toString(), u"BE"_s);
    QVERIFY(f.store->rejectIncident(incident));
    QCOMPARE(model.index(row, ArticleIncidentsColumn).data().toString(), u"0"_s);
}

void ArticleListModelTest::importAppendsNewArticles()
{
    Fixture f;
    QVERIFY(f.open());
    f.addArticles({{u"أول"_s, u"نص"_s}, {u"ثان"_s, u"نص"_s}});
    ArticleListModel model(f.workspace(), f.store.get());
    fetchAll(model);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.canFetchMore({}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(&model, &ArticleListModel::countsChanged);

    f.addArticles({{u"ثالث"_s, u"نص"_s}, {u"رابع"_s, u"نص"_s}, {u"خامس"_s, u"نص"_s}});
    model.articlesImported();
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 2);
    QCOMPARE(model.totalCount(), 5);
    QCOMPARE(counts.size(), 1);
    QCOMPARE(column(model, ArticleTitleColumn).last(), u"خامس"_s);
}

void ArticleListModelTest::refreshKeepsTheLoadedRows()
{
    Fixture f;
    QVERIFY(f.open());
    QVector<ArticleSpec> specs;
    for (int i = 0; i < 1000; ++i) {
        specs.append({u"مقال %1"_s.arg(i), u"نص"_s});
    }
    const QVector<qint64> ids = f.addArticles(specs);
    ArticleListModel model(f.workspace(), f.store.get());
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 512);
    const qint64 selected = model.articleIdAt(300);
    f.exec(u"UPDATE articles SET title = 'عنوان جديد' WHERE id = %1"_s.arg(selected));
    model.refresh();
    QCOMPARE(model.rowCount(), 512);
    QCOMPARE(model.rowForArticle(selected), 300);
    QCOMPARE(model.index(300, ArticleTitleColumn).data().toString(), u"عنوان جديد"_s);
    QCOMPARE(model.rowForArticle(ids.last()), -1); // not loaded yet
}

void ArticleListModelTest::findsArticlesAndTheNextUnreviewed()
{
    Fixture f;
    QVERIFY(f.open());
    QVector<ArticleSpec> specs;
    for (int i = 0; i < 3000; ++i) {
        specs.append({u"مقال %1"_s.arg(i), u"نص"_s, i == 2000 || i == 2500 ? u"in_review"_s : u"reviewed"_s});
    }
    const QVector<qint64> ids = f.addArticles(specs);
    ArticleListModel model(f.workspace(), f.store.get());
    model.fetchMore({});
    QCOMPARE(model.nextUnreviewedRow(0), 2000); // loads the pages up to it
    QCOMPARE(model.articleIdAt(2000), ids.at(2000));
    QCOMPARE(model.nextUnreviewedRow(2000), 2500);
    QCOMPARE(model.nextUnreviewedRow(2500), -1);
    QCOMPARE(model.nextUnreviewedRow(2500, true), 2000);
    QCOMPARE(model.nextUnreviewedRow(2000, true), -1);

    ArticleListModel other(f.workspace(), f.store.get());
    QCOMPARE(other.loadArticle(ids.at(1200)), 1200);
    QVERIFY(other.rowCount() < 3000);
    ArticleFilter filter;
    filter.setReviewStates({u"in_review"_s});
    other.setFilter(filter);
    QCOMPARE(other.rowCount(), 2); // a new filter shows its first page at once
    QCOMPARE(other.loadArticle(ids.at(1200)), -1); // hidden by the filter
    QCOMPARE(other.loadArticle(ids.at(2500)), 1);
}

void ArticleListModelTest::lossyArticlesAreMarked()
{
    Fixture f;
    QVERIFY(f.open());
    const QVector<qint64> ids = f.addArticles({{u"سليم"_s, u"نص سليم."_s}, {u"تالف"_s, u"نص \uFFFD فيه."_s}});
    f.exec(u"UPDATE articles SET lossy = 1 WHERE id = %1"_s.arg(ids.at(1)));
    ArticleListModel model(f.workspace(), f.store.get());
    QAbstractItemModelTester tester(&model);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const bool lossy = model.index(row, ArticleTitleColumn).data(ArticleIdRole).toLongLong() == ids.at(1);
        for (int column = 0; column < model.columnCount(); ++column) {
            QCOMPARE(model.index(row, column).data(LossyRole).toBool(), lossy);
        }
        const QModelIndex title = model.index(row, ArticleTitleColumn);
        QCOMPARE(title.data(IconNameRole).toString(), lossy ? u"problems"_s : QString());
        QCOMPARE(title.data(Qt::ToolTipRole).toString().contains(ArticleListModel::lossyNote()), lossy);
        QCOMPARE(title.data().toString(), lossy ? u"تالف"_s : u"سليم"_s); // the title itself is as stored
    }
}

void ArticleListModelTest::problemsModelListsImportProblems()
{
    Fixture f;
    QVERIFY(f.open());
    f.exec(u"INSERT INTO problems(path, item, reason, created_at, severity) VALUES "
           "('bad.bin', 0, 'binary file', '2024-05-01T10:00:00Z', 'error'), "
           "('feed.jsonl', 3, 'no text', '2024-05-01T11:00:00Z', 'error'), "
           "('short.txt', 0, 'some bytes could not be decoded', '2024-05-01T12:00:00Z', 'warning')"_s);
    ProblemsModel model(f.workspace());
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 3);
    // A warning (read with a loss) is told apart from an error (not read).
    QCOMPARE(model.index(0, ProblemPathColumn).data(ProblemSeverityRole).toString(), u"warning"_s);
    QCOMPARE(model.index(0, ProblemPathColumn).data(IconNameRole).toString(), u"problems"_s);
    QVERIFY(model.index(0, ProblemReasonColumn).data(Qt::ToolTipRole).toString().startsWith(u"Warning"_s));
    QCOMPARE(model.index(1, ProblemPathColumn).data(ProblemSeverityRole).toString(), u"error"_s);
    QCOMPARE(model.index(1, ProblemPathColumn).data(IconNameRole).toString(), u"problem-error"_s);
    QVERIFY(model.index(1, ProblemReasonColumn).data(Qt::ToolTipRole).toString().startsWith(u"Error"_s));
    QCOMPARE(model.index(1, ProblemPathColumn).data().toString(), u"feed.jsonl#3"_s); // newest first
    QCOMPARE(model.index(1, ProblemPathColumn).data(ProblemPathRole).toString(), u"feed.jsonl"_s);
    QCOMPARE(model.index(2, ProblemReasonColumn).data().toString(), u"binary file"_s);
    QCOMPARE(model.index(2, ProblemTimeColumn).data(RawValueRole).toString(), u"2024-05-01T10:00:00Z"_s);
    QVERIFY(!model.index(2, ProblemTimeColumn).data().toString().isEmpty());
    f.exec(u"DELETE FROM problems"_s);
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(ArticleListModelTest)
#include "articlelistmodel_test.moc"
