#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace Rasid {
inline namespace Store {

// What an incident can be counted by (the overview's axes). Each has one SQL
// expression (ArticleFilter::dimensionSql), which both the overview's counts
// and the article list's filter use, so the two agree by construction.
enum class IncidentDimension {
    Month,      // "2024-03": the incident date's month, else the article's publication month, else ""
    AttackType, // the field's code, "" when the incident has none
    Country,    // victim country
    ActorType,
    Sector,     // victim sector
    ReviewDay,  // "2024-03-05": the UTC day of the analyst's decision, "" when undecided
};

/*
 * Articles that have at least one incident meeting every condition at once:
 * one of the review statuses (any but rejected when none is given) and each
 * dimension equal to its value ("" matches incidents without one). It is
 * what a bar or cell of the overview stands for.
 */
struct IncidentCondition
{
    QStringList statuses;
    QMap<IncidentDimension, QString> values;

    bool isEmpty() const { return statuses.isEmpty() && values.isEmpty(); }
    friend bool operator==(const IncidentCondition &a, const IncidentCondition &b)
    {
        return a.statuses == b.statuses && a.values == b.values;
    }
    friend bool operator!=(const IncidentCondition &a, const IncidentCondition &b) { return !(a == b); }
};

/*
 * Which articles the article list shows: a plain value the list's search bar
 * and filter menus fill in, turned into one SQL condition so that filtering
 * 100,000 articles never loads them. Empty members do not filter. Only the
 * analyst's non-rejected incidents count for country and attack type; the
 * search text goes through the workspace's Arabic full-text index, so
 * "اختراق" finds "والاختراق" and "إختراق".
 */
class ArticleFilter
{
public:
    QStringList reviewStates() const { return m_reviewStates; }
    void setReviewStates(const QStringList &states) { m_reviewStates = states; } // "new", "in_review", "reviewed"
    QString country() const { return m_country; }
    void setCountry(const QString &isoCode) { m_country = isoCode.trimmed().toUpper(); } // victim country, "FR"
    QString attackType() const { return m_attackType; }
    void setAttackType(const QString &code) { m_attackType = code.trimmed(); } // "ddos", ...
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text) { m_searchText = text; }
    IncidentCondition incidentCondition() const { return m_incident; }
    void setIncidentCondition(const IncidentCondition &condition) { m_incident = condition; }
    // The same filter without its incident condition: what the list's own
    // controls (state, country, attack type, search) select.
    ArticleFilter withoutIncidentCondition() const
    {
        ArticleFilter copy = *this;
        copy.m_incident = {};
        return copy;
    }

    bool isEmpty() const;
    // The full-text MATCH expression of the search text, empty when there is none.
    QString ftsMatch() const;
    // Only the search text filters (no review state, country or attack type).
    bool searchOnly() const
    {
        return m_reviewStates.isEmpty() && m_country.isEmpty() && m_attackType.isEmpty() && m_incident.isEmpty()
            && !ftsMatch().isEmpty();
    }

    // A condition over the table `articles` aliased `a` ("1" when nothing
    // filters) and the values to bind to its placeholders, in order.
    QString sqlCondition() const;
    QVariantList sqlValues() const;
    // The value of a dimension for the incident aliased `i` of the article
    // aliased `a`; it binds nothing.
    static QString dimensionSql(IncidentDimension dimension);
    // The condition on the incident `i` alone, and its values, in order.
    static QString incidentSql(const IncidentCondition &condition);
    static QVariantList incidentValues(const IncidentCondition &condition);

    friend bool operator==(const ArticleFilter &a, const ArticleFilter &b)
    {
        return a.m_reviewStates == b.m_reviewStates && a.m_country == b.m_country
            && a.m_attackType == b.m_attackType && a.m_searchText == b.m_searchText && a.m_incident == b.m_incident;
    }
    friend bool operator!=(const ArticleFilter &a, const ArticleFilter &b) { return !(a == b); }

private:
    QStringList m_reviewStates;
    QString m_country;
    QString m_attackType;
    QString m_searchText;
    IncidentCondition m_incident;
};

} // namespace Store
} // namespace Rasid
