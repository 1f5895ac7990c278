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

// A date's "YYYY-MM" when it starts with one, else ''.
QString monthOf(const QString &date)
{
    return u"(CASE WHEN %1 GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(%1, 1, 7) ELSE '' END)"_s.arg(date);
}

QString fieldSql(const char *name)
{
    return u"coalesce(incident_field(i.fields, '%1'), '')"_s.arg(QLatin1StringView(name));
}

} // namespace

QString ArticleFilter::dimensionSql(IncidentDimension dimension)
{
    switch (dimension) {
    case IncidentDimension::Month:
        // Most articles never say when the attack happened; their publication
        // month stands in for it, as in the datasets analysts compare with.
        return u"coalesce(nullif(%1, ''), %2)"_s.arg(monthOf(fieldSql("incident_date")),
                                                      monthOf(u"coalesce(a.published, '')"_s));
    case IncidentDimension::AttackType:
        return fieldSql("attack_type");
    case IncidentDimension::Country:
        return fieldSql("victim_country");
    case IncidentDimension::ActorType:
        return fieldSql("actor_type");
    case IncidentDimension::Sector:
        return fieldSql("victim_sector");
    case IncidentDimension::ReviewDay:
        return u"coalesce(substr(i.reviewed_at, 1, 10), '')"_s;
    }
    return u"''"_s;
}

QString ArticleFilter::incidentSql(const IncidentCondition &condition)
{
    QStringList parts;
    if (condition.statuses.isEmpty()) {
        parts.append(u"i.review_status != 'rejected'"_s);
    } else {
        QStringList marks;
        marks.fill(u"?"_s, condition.statuses.size());
        parts.append(u"i.review_status IN (%1)"_s.arg(marks.join(u", ")));
    }
    for (auto it = condition.values.cbegin(); it != condition.values.cend(); ++it) {
        parts.append(dimensionSql(it.key()) + u" = ?"_s);
    }
    return parts.join(u" AND ");
}

QVariantList ArticleFilter::incidentValues(const IncidentCondition &condition)
{
    QVariantList values;
    for (const QString &status : condition.statuses) {
        values.append(status);
    }
    for (const QString &value : condition.values) {
        values.append(value);
    }
    return values;
}

bool ArticleFilter::isEmpty() const
{
    return m_reviewStates.isEmpty() && m_country.isEmpty() && m_attackType.isEmpty() && m_incident.isEmpty()
        && ftsMatch().isEmpty();
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
    if (!m_incident.isEmpty()) {
        parts.append(u"EXISTS (SELECT 1 FROM incidents i WHERE i.article_id = a.id AND %1)"_s.arg(incidentSql(m_incident)));
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
    values += incidentValues(m_incident);
    const QString match = ftsMatch();
    if (!match.isEmpty()) {
        values.append(match);
    }
    return values;
}

} // namespace Store
} // namespace Rasid
