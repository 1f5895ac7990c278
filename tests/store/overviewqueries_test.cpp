#include "overviewfixture.h"
#include "store/articlefilter.h"
#include "store/articlelistqueries.h"
#include "store/overviewqueries.h"
#include "store/workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace Rasid;
namespace Fixture = Rasid::OverviewFixture;

Q_DECLARE_METATYPE(Rasid::Store::OverviewAggregate)
Q_DECLARE_METATYPE(Rasid::Store::OverviewScope)

namespace {

// The filters the article list offers, each with what it keeps of the fixture.
struct NamedFilter
{
    QString name;
    ArticleFilter filter;
    std::function<bool(int)> keep;
};

bool hasIncident(int article, const std::function<bool(const Fixture::Incident &)> &test)
{
    for (const Fixture::Incident &incident : Fixture::incidents()) {
        if (incident.article == article && incident.status != u"rejected"_s && test(incident)) {
            return true;
        }
    }
    return false;
}

QVector<NamedFilter> filters()
{
    QVector<NamedFilter> out;
    out.append({u"none"_s, {}, [](int) { return true; }});
    ArticleFilter reviewed;
    reviewed.setReviewStates({u"reviewed"_s});
    out.append({u"reviewed"_s, reviewed, [](int a) { return Fixture::articles().at(a).state == u"reviewed"_s; }});
    ArticleFilter tunisia;
    tunisia.setCountry(u"tn"_s);
    out.append({u"country TN"_s, tunisia, [](int a) {
                    return hasIncident(a, [](const Fixture::Incident &i) { return i.country == u"TN"_s; });
                }});
    ArticleFilter ddos;
    ddos.setAttackType(u"ddos"_s);
    out.append({u"attack ddos"_s, ddos, [](int a) {
                    return hasIncident(a, [](const Fixture::Incident &i) { return i.attack == u"ddos"_s; });
                }});
    ArticleFilter search;
    search.setSearchText(u"مصرف"_s);
    out.append({u"search"_s, search, [](int a) {
                    const Fixture::Article &article = Fixture::articles().at(a);
                    return article.text.contains(u"مصرف"_s) || article.title.contains(u"مصرف"_s);
                }});
    return out;
}

} // namespace

class OverviewQueriesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_workspace.open(m_dir.filePath(u"overview.rasid"_s)));
        m_ids = Fixture::write(m_workspace);
        QCOMPARE(m_ids.size(), Fixture::articles().size());
        QString error;
        QVERIFY(prepareArticleListing(m_workspace, &error));
    }

    void aggregateEqualsTheFixture_data()
    {
        QTest::addColumn<OverviewAggregate>("which");
        QTest::addColumn<OverviewScope>("scope");
        QTest::addColumn<int>("filterIndex");
        const QVector<NamedFilter> all = filters();
        const QVector<QPair<OverviewScope, const char *>> scopes = {
            {OverviewScope::Confirmed, "confirmed"},
            {OverviewScope::Suggested, "suggested"},
            {OverviewScope::ConfirmedAndSuggested, "both"}};
        for (int k = 0; k < OverviewAggregateCount; ++k) {
            for (const auto &scope : scopes) {
                for (int f = 0; f < all.size(); ++f) {
                    const QString name = u"%1, %2, %3"_s.arg(aggregateName(OverviewAggregate(k)),
                                                             QLatin1StringView(scope.second), all.at(f).name);
                    QTest::newRow(qPrintable(name)) << OverviewAggregate(k) << scope.first << f;
                }
            }
        }
    }

    // Every row's count is the fixture's, and every row names exactly the
    // articles of the incidents it counts, as the article list applies it.
    void aggregateEqualsTheFixture()
    {
        QFETCH(OverviewAggregate, which);
        QFETCH(OverviewScope, scope);
        QFETCH(int, filterIndex);
        const NamedFilter named = filters().at(filterIndex);
        OverviewData data;
        QString error;
        QVERIFY2(readOverview(m_workspace, named.filter, scope, &data, &error), qPrintable(error));
        const auto expected = Fixture::expectedCounts(which, scope, named.keep);
        QMap<QPair<QString, QString>, int> actual;
        for (const OverviewRow &row : data.aggregate(which)) {
            QVERIFY2(!actual.contains({row.first, row.second}), qPrintable(row.first));
            actual.insert({row.first, row.second}, row.count);
        }
        QCOMPARE(actual, expected);

        for (const OverviewRow &row : data.aggregate(which)) {
            ArticleFilter drill = named.filter;
            drill.setIncidentCondition(data.conditionFor(which, row));
            QVector<qint64> ids;
            QVERIFY(matchingArticleIds(m_workspace, drill, ArticleOrder::Import, false, &ids, &error));
            QSet<int> got;
            for (qint64 id : std::as_const(ids)) {
                got.insert(int(m_ids.indexOf(id)));
            }
            QCOMPARE(got, Fixture::expectedArticles(which, scope, named.keep, row.first, row.second));
            QCOMPARE(matchingArticleCount(m_workspace, drill), int(ids.size()));
        }
    }

    void sortedByCountThenName()
    {
        OverviewData data;
        QString error;
        QVERIFY(readOverview(m_workspace, {}, OverviewScope::Confirmed, &data, &error));
        const QVector<OverviewRow> countries = data.aggregate(OverviewAggregate::Countries);
        QCOMPARE(countries.size(), 3);
        QCOMPARE(countries.at(0), (OverviewRow{u"TN"_s, {}, 3, 0}));
        QCOMPARE(countries.at(1), (OverviewRow{u"JO"_s, {}, 2, 0}));
        QCOMPARE(countries.at(2), (OverviewRow{u"EG"_s, {}, 1, 0}));
        QCOMPARE(data.incidents, 6);
    }

    // Known values: the incident's own month, else its article's; none at all is "".
    void monthFallsBackToPublication()
    {
        OverviewData data;
        QString error;
        QVERIFY(readOverview(m_workspace, {}, OverviewScope::ConfirmedAndSuggested, &data, &error));
        QMap<QString, int> months;
        for (const OverviewRow &row : data.aggregate(OverviewAggregate::MonthByAttack)) {
            months[row.first] += row.count;
        }
        const QMap<QString, int> expected = {
            {u""_s, 1}, {u"2023-11"_s, 2}, {u"2024-02"_s, 1}, {u"2024-03"_s, 2}, {u"2024-04"_s, 4}};
        QCOMPARE(months, expected);
    }

    void reviewsPerDayAreCumulative()
    {
        OverviewData data;
        QString error;
        // The scope does not matter: progress is the analyst's decisions.
        QVERIFY(readOverview(m_workspace, {}, OverviewScope::Suggested, &data, &error));
        const QVector<OverviewRow> expected = {{u"2026-12-01"_s, {}, 2, 2},
                                               {u"2026-12-02"_s, {}, 2, 4},
                                               {u"2026-12-03"_s, {}, 3, 7}};
        QCOMPARE(data.aggregate(OverviewAggregate::ReviewsPerDay), expected);
    }

    // The same counts written by hand in SQL, without the store's expressions.
    void handWrittenSqlAgrees()
    {
        OverviewData data;
        QString error;
        QVERIFY(readOverview(m_workspace, {}, OverviewScope::Confirmed, &data, &error));
        QSqlQuery query(m_workspace.database());
        QVERIFY(query.exec(u"SELECT incident_field(i.fields, 'victim_sector'), count(*) FROM incidents i "
                           "JOIN articles a ON a.id = i.article_id WHERE a.missing = 0 AND a.duplicate_of IS NULL "
                           "AND i.review_status = 'confirmed' GROUP BY 1 ORDER BY 2 DESC, 1"_s));
        QVector<OverviewRow> sql;
        while (query.next()) {
            sql.append({query.value(0).toString(), {}, query.value(1).toInt(), 0});
        }
        QCOMPARE(data.aggregate(OverviewAggregate::Sectors), sql);

        QVERIFY(query.exec(u"SELECT incident_field(i.fields, 'victim_country'), incident_field(i.fields, 'attack_type'), "
                           "count(*) FROM incidents i JOIN articles a ON a.id = i.article_id WHERE a.missing = 0 "
                           "AND a.duplicate_of IS NULL AND i.review_status = 'confirmed' GROUP BY 1, 2 ORDER BY 1, 2"_s));
        sql.clear();
        while (query.next()) {
            sql.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toInt(), 0});
        }
        QCOMPARE(data.aggregate(OverviewAggregate::CountryByAttack), sql);
    }

    // The incident condition needs one incident meeting all of it, not
    // several meeting a part each.
    void conditionHoldsForOneIncident()
    {
        IncidentCondition condition;
        condition.statuses = {u"confirmed"_s};
        condition.values.insert(IncidentDimension::Country, u"JO"_s);
        condition.values.insert(IncidentDimension::AttackType, u"ddos"_s); // JO's ddos is rejected
        ArticleFilter filter;
        filter.setIncidentCondition(condition);
        QCOMPARE(matchingArticleCount(m_workspace, filter), 0);
        condition.statuses = {u"rejected"_s};
        filter.setIncidentCondition(condition);
        QCOMPARE(matchingArticleCount(m_workspace, filter), 1);
        QVERIFY(articleMatches(m_workspace, filter, m_ids.at(1)));
        QVERIFY(!filter.isEmpty());
        QVERIFY(!filter.searchOnly());
        QVERIFY(filter.withoutIncidentCondition().isEmpty());
    }

    void usesTheStatusIndex()
    {
        QSqlQuery query(m_workspace.database());
        QVERIFY(query.exec(u"SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'incidents_status'"_s));
        QVERIFY(query.next());
    }

private:
    QTemporaryDir m_dir;
    Workspace m_workspace;
    QVector<qint64> m_ids;
};

QTEST_GUILESS_MAIN(OverviewQueriesTest)
#include "overviewqueries_test.moc"
