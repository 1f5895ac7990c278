#include "store/articlefilter.h"

#include "store/workspace.h"

using namespace Qt::StringLiterals;

namespace Rasid {
inline namespace Store {

namespace {

// An article has a non-rejected incident whose field `name` is the bound value.
QString incidentFieldCondition(const QString &name)
{
    return u"EXISTS (SELECT 1 FROM incidents i WHERE i.article_id = a.id AND i.review_status != 'rejected' "
           "AND incident_field(i.fields, '%1') = ?)"_s.arg(name);
}

} // namespace

bool ArticleFilter::isEmpty() const
{
    return m_reviewStates.isEmpty() && m_country.isEmpty() && m_attackType.isEmpty() && ftsMatch().isEmpty();
}

QString ArticleFilter::ftsMatch() const
{
    // Text with no word in it (punctuation, spaces) filters nothing.
    return m_searchText.trimmed().isEmpty() ? QString() : Workspace::ftsQuery(m_searchText);
}

// Every value is a bound parameter; only our own field names enter the SQL text.
QString ArticleFilter::sqlCondition() const
{
    QStringList parts;
    if (!m_reviewStates.isEmpty()) {
        QStringList marks;
        marks.fill(u"?"_s, m_reviewStates.size());
        parts.append(u"a.review_state IN (%1)"_s.arg(marks.join(u", ")));
    }
    if (!m_country.isEmpty()) {
        parts.append(incidentFieldCondition(u"victim_country"_s));
    }
    if (!m_attackType.isEmpty()) {
        parts.append(incidentFieldCondition(u"attack_type"_s));
    }
    if (!ftsMatch().isEmpty()) {
        parts.append(u"a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"_s);
    }
    return parts.isEmpty() ? u"1"_s : parts.join(u" AND ");
}

QVariantList ArticleFilter::sqlValues() const
{
    QVariantList values;
    for (const QString &state : m_reviewStates) {
        values.append(state);
    }
    if (!m_country.isEmpty()) {
        values.append(m_country);
    }
    if (!m_attackType.isEmpty()) {
        values.append(m_attackType);
    }
    const QString match = ftsMatch();
    if (!match.isEmpty()) {
        values.append(match);
    }
    return values;
}

} // namespace Store
} // namespace Rasid
