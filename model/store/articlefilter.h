#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace Rasid {
inline namespace Store {

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

    bool isEmpty() const;
    // The full-text MATCH expression of the search text, empty when there is none.
    QString ftsMatch() const;
    // Only the search text filters (no review state, country or attack type).
    bool searchOnly() const
    {
        return m_reviewStates.isEmpty() && m_country.isEmpty() && m_attackType.isEmpty() && !ftsMatch().isEmpty();
    }

    // A condition over the table `articles` aliased `a` ("1" when nothing
    // filters) and the values to bind to its placeholders, in order.
    QString sqlCondition() const;
    QVariantList sqlValues() const;

    friend bool operator==(const ArticleFilter &a, const ArticleFilter &b)
    {
        return a.m_reviewStates == b.m_reviewStates && a.m_country == b.m_country
            && a.m_attackType == b.m_attackType && a.m_searchText == b.m_searchText;
    }
    friend bool operator!=(const ArticleFilter &a, const ArticleFilter &b) { return !(a == b); }

private:
    QStringList m_reviewStates;
    QString m_country;
    QString m_attackType;
    QString m_searchText;
};

} // namespace Store
} // namespace Rasid
