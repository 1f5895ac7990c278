#pragma once

// The overview suites' fixture workspace: a few articles (one missing, one a
// duplicate) with incidents of every review status, written with our own
// sentences, and the counts expected of it computed here from the same
// tables, independently of the store's SQL.

#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/overviewqueries.h"
#include "store/workspace.h"

#include <QMap>
#include <QPair>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

namespace Rasid::OverviewFixture {

using namespace Qt::StringLiterals;

struct Article
{
    QString title;
    QString text;
    QString published;
    QString state = u"new"_s;
    bool missing = false;
    int duplicateOf = -1; // index of the article it duplicates
};

struct Incident
{
    int article = 0;
    QString status;
    QString date; // incident_date
    QString attack;
    QString country;
    QString actorType;
    QString sector;
    QString reviewedAt;
};

inline const QVector<Article> &articles()
{
    static const QVector<Article> list = {
        {u"هجوم على مصرف"_s, u"تعرض مصرف الادخار في تونس لهجوم حجب الخدمة."_s, u"2024-03-04"_s, u"reviewed"_s},
        {u"تسريب بيانات"_s, u"تسربت بيانات مرضى مستشفى الأمل في الأردن."_s, u"2024-03-20"_s, u"in_review"_s},
        {u"فدية في مطار"_s, u"أصاب برنامج فدية أنظمة مطار العاصمة في المغرب."_s, u"2024-04-02"_s},
        {u"تشويه موقع وزارة"_s, u"شوه قراصنة موقع وزارة التربية في تونس."_s, u"2023-11-15"_s, u"reviewed"_s},
        {u"مقال بلا تاريخ"_s, u"اخترق مجهولون حساب مصرف التنمية في مصر."_s, QString()},
        {u"ملف محذوف"_s, u"هجوم على شركة النقل في تونس."_s, u"2024-03-09"_s, u"new"_s, true},
        {u"نسخة مكررة"_s, u"تعرض مصرف الادخار في تونس لهجوم حجب الخدمة."_s, u"2024-03-04"_s, u"new"_s, false, 0},
        {u"حملة تصيد"_s, u"استهدفت حملة تصيد موظفي مصرف الاتحاد في الأردن."_s, u"2024-04-28"_s, u"reviewed"_s},
    };
    return list;
}

inline const QVector<Incident> &incidents()
{
    static const QVector<Incident> list = {
        {0, u"confirmed"_s, u"2024-03-01"_s, u"ddos"_s, u"TN"_s, u"hacktivist"_s, u"finance"_s, u"2026-12-01T09:00:00Z"_s},
        {0, u"suggested"_s, QString(), u"data_breach"_s, u"TN"_s, QString(), u"finance"_s, QString()},
        {1, u"confirmed"_s, u"2024-02"_s, u"data_breach"_s, u"JO"_s, u"criminal"_s, u"healthcare"_s, u"2026-12-01T10:30:00Z"_s},
        {1, u"rejected"_s, QString(), u"ddos"_s, u"JO"_s, QString(), QString(), u"2026-12-02T08:00:00Z"_s},
        {2, u"suggested"_s, u"2024"_s, u"ransomware"_s, u"MA"_s, u"criminal"_s, u"transport"_s, QString()},
        {2, u"suggested"_s, QString(), u"ransomware"_s, QString(), QString(), u"transport"_s, QString()},
        {3, u"confirmed"_s, QString(), u"defacement"_s, u"TN"_s, u"hacktivist"_s, u"government"_s, u"2026-12-02T11:00:00Z"_s},
        {3, u"confirmed"_s, u"2023-11-14"_s, u"ddos"_s, u"TN"_s, u"hacktivist"_s, u"government"_s, u"2026-12-03T12:00:00Z"_s},
        {4, u"confirmed"_s, QString(), u"account_takeover"_s, u"EG"_s, QString(), u"finance"_s, u"2026-12-03T13:00:00Z"_s},
        {5, u"confirmed"_s, u"2024-03-09"_s, u"ddos"_s, u"TN"_s, u"hacktivist"_s, u"transport"_s, u"2026-12-01T09:30:00Z"_s},
        {6, u"confirmed"_s, u"2024-03-01"_s, u"ddos"_s, u"TN"_s, u"hacktivist"_s, u"finance"_s, u"2026-12-01T09:40:00Z"_s},
        {7, u"confirmed"_s, u"2024-04-27"_s, u"phishing"_s, u"JO"_s, u"criminal"_s, u"finance"_s, u"2026-12-03T14:00:00Z"_s},
        {7, u"suggested"_s, u"2024-04-27"_s, u"data_breach"_s, u"JO"_s, u"criminal"_s, u"finance"_s, QString()},
    };
    return list;
}

// Writes the fixture into the open workspace; the article ids in table order.
inline QVector<qint64> write(Workspace &workspace)
{
    QVector<qint64> ids;
    QSqlDatabase db = workspace.database();
    if (!workspace.beginTransaction()) {
        return {};
    }
    for (int n = 0; n < articles().size(); ++n) {
        const Article &spec = articles().at(n);
        QSqlQuery file(db);
        file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
        file.addBindValue(u"article%1.txt"_s.arg(n));
        QSqlQuery article(db);
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, published, text, review_state, "
                        "missing, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        if (!file.exec()) {
            return {};
        }
        article.addBindValue(file.lastInsertId());
        article.addBindValue(u"article%1.txt"_s.arg(n));
        article.addBindValue(u"hash%1"_s.arg(n));
        article.addBindValue(spec.title);
        article.addBindValue(spec.published.isEmpty() ? QVariant() : QVariant(spec.published));
        article.addBindValue(spec.text);
        article.addBindValue(spec.state);
        article.addBindValue(int(spec.missing));
        article.addBindValue(spec.duplicateOf < 0 ? QVariant() : QVariant(ids.at(spec.duplicateOf)));
        if (!article.exec()) {
            return {};
        }
        ids.append(article.lastInsertId().toLongLong());
    }
    for (const Incident &spec : incidents()) {
        ProposedIncident incident;
        incident.confidence = 0.5;
        const QVector<QPair<QString, QString>> fields = {{u"incident_date"_s, spec.date},
                                                         {u"attack_type"_s, spec.attack},
                                                         {u"victim_country"_s, spec.country},
                                                         {u"actor_type"_s, spec.actorType},
                                                         {u"victim_sector"_s, spec.sector}};
        for (const auto &field : fields) {
            if (!field.second.isEmpty()) {
                incident.set(field.first, field.second, 0.5);
            }
        }
        const qint64 article = ids.at(spec.article);
        if (!storeProposedIncidents(db, article, {incident})) {
            return {};
        }
        QSqlQuery status(db);
        status.prepare(u"UPDATE incidents SET review_status = ?, reviewed_at = ? WHERE id = "
                       "(SELECT max(id) FROM incidents)"_s);
        status.addBindValue(spec.status);
        status.addBindValue(spec.reviewedAt.isEmpty() ? QVariant() : QVariant(spec.reviewedAt));
        if (!status.exec()) {
            return {};
        }
    }
    return workspace.commit() ? ids : QVector<qint64>();
}

// The expected side, from the tables alone.
inline QString monthOf(const QString &date)
{
    static const QRegularExpression month(u"^\\d{4}-\\d{2}"_s);
    return month.match(date).hasMatch() ? date.left(7) : QString();
}

inline QString valueOf(const Incident &incident, IncidentDimension dimension)
{
    switch (dimension) {
    case IncidentDimension::Month: {
        const QString own = monthOf(incident.date);
        return own.isEmpty() ? monthOf(articles().at(incident.article).published) : own;
    }
    case IncidentDimension::AttackType:
        return incident.attack;
    case IncidentDimension::Country:
        return incident.country;
    case IncidentDimension::ActorType:
        return incident.actorType;
    case IncidentDimension::Sector:
        return incident.sector;
    case IncidentDimension::ReviewDay:
        return incident.reviewedAt.left(10);
    }
    return {};
}

// The incidents an aggregate counts, of the listed articles `keep` lets through.
inline QVector<Incident> counted(OverviewAggregate which, OverviewScope scope,
                                 const std::function<bool(int article)> &keep)
{
    const QStringList statuses = which == OverviewAggregate::ReviewsPerDay
        ? QStringList{u"confirmed"_s, u"rejected"_s}
        : overviewStatuses(scope);
    QVector<Incident> out;
    for (const Incident &incident : incidents()) {
        const Article &article = articles().at(incident.article);
        if (!article.missing && article.duplicateOf < 0 && statuses.contains(incident.status) && keep(incident.article)
            && (which != OverviewAggregate::ReviewsPerDay || !incident.reviewedAt.isEmpty())) {
            out.append(incident);
        }
    }
    return out;
}

inline QMap<QPair<QString, QString>, int> expectedCounts(OverviewAggregate which, OverviewScope scope,
                                                          const std::function<bool(int)> &keep)
{
    QMap<QPair<QString, QString>, int> counts;
    for (const Incident &incident : counted(which, scope, keep)) {
        const QString second = hasSecondDimension(which) ? valueOf(incident, secondDimension(which)) : QString();
        counts[qMakePair(valueOf(incident, firstDimension(which)), second)] += 1;
    }
    return counts;
}

// The table indexes of the articles behind one row of an aggregate.
inline QSet<int> expectedArticles(OverviewAggregate which, OverviewScope scope, const std::function<bool(int)> &keep,
                                  const QString &first, const QString &second)
{
    QSet<int> out;
    for (const Incident &incident : counted(which, scope, keep)) {
        if (valueOf(incident, firstDimension(which)) == first
            && (!hasSecondDimension(which) || valueOf(incident, secondDimension(which)) == second)) {
            out.insert(incident.article);
        }
    }
    return out;
}

} // namespace Rasid::OverviewFixture
