#pragma once

// The widget suites' one incident of "ui_breach.txt"-like articles: a victim,
// country, attack type and actor with evidence spans found in the article's
// text, written in place of the article's incidents and shown in the window
// as if it had been there at import. Returns its id, 0 when it could not be
// written or selected.

#include "extract/incident.h"
#include "incidentpanel.h"
#include "itemmodels/incidentlistmodel.h"
#include "mainwindow.h"
#include "store/incidentwriter.h"
#include "store/workspace.h"
#include "workspacesession.h"

#include <QSqlQuery>
#include <QVariant>

inline qint64 seedIncident(Rasid::MainWindow *window, qint64 article)
{
    using namespace Qt::StringLiterals;
    using namespace Rasid;
    WorkspaceSession *session = window->session();
    const QString text = session->article(article).text;
    auto span = [&text](const QString &surface) {
        const int start = int(text.indexOf(surface));
        return QVector<EvidenceSpan>{{start, start + int(surface.size())}};
    };
    ProposedIncident incident;
    incident.confidence = 0.7;
    incident.set(u"victim"_s, u"شركة الاتصالات الوطنية"_s, 0.8, span(u"شركة الاتصالات الوطنية"_s));
    incident.set(u"victim_country"_s, u"JO"_s, 0.9, span(u"الأردن"_s));
    incident.set(u"attack_type"_s, u"data_breach"_s, 0.6, span(u"اخترقت"_s));
    incident.set(u"actor"_s, u"ميغا باس"_s, 0.5, span(u"ميغا باس"_s));
    Workspace &workspace = session->workspace();
    QSqlQuery clear(workspace.database());
    clear.prepare(u"DELETE FROM incidents WHERE article_id = ?"_s);
    clear.addBindValue(article);
    if (!workspace.beginTransaction() || !clear.exec()
        || !storeProposedIncidents(workspace.database(), article, {incident}) || !workspace.commit()) {
        return 0;
    }
    QSqlQuery last(workspace.database());
    last.prepare(u"SELECT max(id) FROM incidents WHERE article_id = ?"_s);
    last.addBindValue(article);
    if (!last.exec() || !last.next()) {
        return 0;
    }
    const qint64 id = last.value(0).toLongLong();
    // Show it as if it had been there at import.
    session->incidents()->setArticle(0);
    window->showArticle(article);
    session->incidents()->setArticle(article);
    window->incidentPanel()->selectIncident(id);
    return window->incidentPanel()->currentIncidentId() == id ? id : 0;
}
