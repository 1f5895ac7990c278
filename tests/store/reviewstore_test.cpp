#include "extract/entity.h"
#include "extract/incident.h"
#include "store/incidentwriter.h"
#include "store/undocommands.h"
#include "store/reviewstore.h"
#include "store/workspace.h"
#include "text/textfold.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

struct AuditRow
{
    QString analyst;
    QString at;
    QString what;
    qint64 subject = 0;
    QString oldValue;
    QString newValue;
};

// A temporary workspace with articles and proposed incidents, written the
// way the importer writes them.
class Fixture
{
public:
    bool open()
    {
        if (!m_dir.isValid() || !m_workspace.open(m_dir.filePath(u"review.rasid"_s))) {
            return false;
        }
        m_store = std::make_unique<ReviewStore>(m_workspace, u"Lina"_s);
        return true;
    }

    Workspace &workspace() { return m_workspace; }
    ReviewStore &store() { return *m_store; }
    QSqlDatabase db() { return m_workspace.database(); }

    qint64 addArticle(const QString &text, const QString &title = u"عنوان"_s)
    {
        QSqlQuery file(db());
        file.prepare(u"INSERT INTO files(path, status) VALUES (?, 'imported')"_s);
        file.addBindValue(u"a%1.txt"_s.arg(++m_files));
        if (!file.exec()) {
            return 0;
        }
        QSqlQuery article(db());
        article.prepare(u"INSERT INTO articles(file_id, path, content_hash, title, text) VALUES (?, ?, ?, ?, ?)"_s);
        article.addBindValue(file.lastInsertId());
        article.addBindValue(u"a%1.txt"_s.arg(m_files));
        article.addBindValue(u"h%1"_s.arg(m_files));
        article.addBindValue(title);
        article.addBindValue(text);
        return article.exec() ? article.lastInsertId().toLongLong() : 0;
    }

    // Fields as "name=value@confidence#start:end", the evidence optional.
    qint64 propose(qint64 articleId, const QStringList &fields, double confidence = 0.8)
    {
        ProposedIncident incident;
        incident.confidence = confidence;
        for (const QString &spec : fields) {
            const QString name = spec.section(u'=', 0, 0);
            QString rest = spec.section(u'=', 1);
            QVector<EvidenceSpan> evidence;
            if (rest.contains(u'#')) {
                evidence = decodeEvidence(rest.section(u'#', 1));
                rest = rest.section(u'#', 0, 0);
            }
            incident.set(name, rest.section(u'@', 0, 0), rest.section(u'@', 1).toDouble(), evidence);
        }
        if (!storeProposedIncidents(db(), articleId, {incident})) {
            return 0;
        }
        QSqlQuery last(db());
        return last.exec(u"SELECT max(id) FROM incidents"_s) && last.next() ? last.value(0).toLongLong() : 0;
    }

    qint64 addSuggestedEntity(qint64 articleId, int start, int end, const QString &type, const QString &text)
    {
        QSqlQuery insert(db());
        insert.prepare(u"INSERT INTO entities(article_id, start, end, type, text, value, confidence) "
                       "VALUES (?, ?, ?, ?, ?, '', 0.6)"_s);
        insert.addBindValue(articleId);
        insert.addBindValue(start);
        insert.addBindValue(end);
        insert.addBindValue(type);
        insert.addBindValue(text);
        return insert.exec() ? insert.lastInsertId().toLongLong() : 0;
    }

    QVector<AuditRow> audit()
    {
        QVector<AuditRow> rows;
        QSqlQuery query(db());
        query.exec(u"SELECT analyst, at, what, subject_id, old_value, new_value FROM audit ORDER BY id"_s);
        while (query.next()) {
            rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toLongLong(), query.value(4).toString(), query.value(5).toString()});
        }
        return rows;
    }

    std::optional<AuditRow> lastAudit(const QString &what)
    {
        const QVector<AuditRow> rows = audit();
        for (auto it = rows.crbegin(); it != rows.crend(); ++it) {
            if (it->what == what) {
                return *it;
            }
        }
        return std::nullopt;
    }

    int count(const QString &sql)
    {
        QSqlQuery query(db());
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    }

    // The fields as the incident's row holds them; nullopt when the incident is not stored.
    std::optional<QVector<IncidentField>> storedFields(qint64 incidentId)
    {
        QSqlQuery query(db());
        query.prepare(u"SELECT fields FROM incidents WHERE id = ?"_s);
        query.addBindValue(incidentId);
        if (!query.exec() || !query.next()) {
            return std::nullopt;
        }
        return unpackFields(query.value(0).toString());
    }

private:
    QTemporaryDir m_dir;
    Workspace m_workspace;
    std::unique_ptr<ReviewStore> m_store;
    int m_files = 0;
};

bool isUtcTimestamp(const QString &text)
{
    const QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    return at.isValid() && at.timeSpec() == Qt::UTC && qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 60;
}

const QString Article =
    u"أعلنت هيئة البريد الوطنية في فرنسا تعرضها لهجوم إلكتروني أدى إلى تعطل الخدمات."_s;

} // namespace

class ReviewStoreTest : public QObject
{
    Q_OBJECT
private slots:
    void readsAnArticleForTheView();
    void settingAFieldRecordsProvenanceAndAudit_data();
    void settingAFieldRecordsProvenanceAndAudit();
    void confirmingAFieldKeepsItsValue_data();
    void confirmingAFieldKeepsItsValue();
    void confirmingAnIncidentConfirmsSuggestedFields();
    void rejectingAnIncidentKeepsItsFields();
    void addedIncidentComesAfterTheLast();
    void deletingAnIncidentRemovesItsFields();
    void splittingCopiesIntoANewSuggestedIncident();
    void mergingFillsEmptyFieldsAndJoinsEvidence();
    void markingNoIncidentRejectsProposals();
    void reviewStateFollowsDecisions_data();
    void reviewStateFollowsDecisions();
    void restorePutsBackExactRows();
    void entityEditsWriteRowsAndAudit();
    void applyingToCorpusFindsCliticForms_data();
    void applyingToCorpusFindsCliticForms();
    void applyingToCorpusRetypesAndRemembers();
    void invalidEditsAreRefused_data();
    void invalidEditsAreRefused();
    void failedWriteRollsBack();
    void signalsNameWhatChanged();
    void notesAreWrittenAuditedAndUndone();
    void noteOfADeletedIncidentIsNotANewOnes();
    void bulkReviewIsOneTransactionAndOneStep_data();
    void bulkReviewIsOneTransactionAndOneStep();
};

void ReviewStoreTest::readsAnArticleForTheView()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 id = f.addArticle(Article, u"هجوم على البريد"_s);
    const ArticleContent article = f.store().article(id);
    QCOMPARE(article.id, id);
    QCOMPARE(article.title, u"هجوم على البريد"_s);
    QCOMPARE(article.text, Article);
    QCOMPARE(article.path, u"a1.txt"_s);
    QCOMPARE(article.review.state, u"new"_s);
    QVERIFY(!article.review.noIncident);
    QCOMPARE(f.store().article(id + 1).id, 0);
}

void ReviewStoreTest::settingAFieldRecordsProvenanceAndAudit_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("newValue");
    QTest::addColumn<QString>("evidence"); // "keep" or encoded spans
    QTest::addColumn<QString>("origin");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<QString>("storedEvidence");
    QTest::addColumn<QString>("auditWhat");
    QTest::addColumn<QString>("auditOld");
    QTest::addColumn<QString>("auditNew");

    // The suggestion's span supported the old value, not the typed one.
    QTest::newRow("typed correction drops the suggestion's evidence")
        << u"victim"_s << u"هيئة البريد الوطنية"_s << u"keep"_s << u"corrected"_s << 1.0 << QString()
        << u"field.victim"_s << u"البريد"_s << u"هيئة البريد الوطنية"_s;
    QTest::newRow("assigned span replaces the evidence")
        << u"victim"_s << u"هيئة البريد الوطنية"_s << u"6:25"_s << u"corrected"_s << 1.0 << u"6:25"_s
        << u"field.victim"_s << u"البريد"_s << u"هيئة البريد الوطنية"_s;
    QTest::newRow("typing the suggestion confirms it")
        << u"victim"_s << u"البريد"_s << u"keep"_s << u"confirmed"_s << 0.7 << u"6:17"_s
        << u"field.victim.origin"_s << u"suggested"_s << u"confirmed"_s;
    QTest::newRow("an empty field gets a value")
        << u"records_affected"_s << u"2000000"_s << u"keep"_s << u"corrected"_s << 1.0 << QString()
        << u"field.records_affected"_s << QString() << u"2000000"_s;
    QTest::newRow("clearing a value")
        << u"victim_country"_s << QString() << u"keep"_s << u"corrected"_s << 1.0 << QString()
        << u"field.victim_country"_s << u"FR"_s << QString();
}

void ReviewStoreTest::settingAFieldRecordsProvenanceAndAudit()
{
    QFETCH(QString, field);
    QFETCH(QString, newValue);
    QFETCH(QString, evidence);
    QFETCH(QString, origin);
    QFETCH(double, confidence);
    QFETCH(QString, storedEvidence);
    QFETCH(QString, auditWhat);
    QFETCH(QString, auditOld);
    QFETCH(QString, auditNew);

    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7#6:17"_s, u"victim_country=FR@0.9"_s});
    QVERIFY(incident > 0);

    const std::optional<QVector<EvidenceSpan>> spans =
        evidence == u"keep" ? std::nullopt : std::optional(decodeEvidence(evidence));
    QVERIFY2(f.store().setFieldValue(incident, field, newValue, spans), qPrintable(f.store().lastError()));

    const std::optional<QVector<IncidentField>> stored = f.storedFields(incident);
    QVERIFY(stored);
    const auto row = std::find_if(stored->cbegin(), stored->cend(),
                                  [&field](const IncidentField &candidate) { return candidate.name == field; });
    QVERIFY2(row != stored->cend(), qPrintable(field));
    QCOMPARE(row->value, newValue);
    QCOMPARE(row->origin, origin);
    QCOMPARE(row->confidence, confidence);
    QCOMPARE(encodeEvidence(row->evidence), storedEvidence);

    const std::optional<AuditRow> audit = f.lastAudit(auditWhat);
    QVERIFY(audit);
    QCOMPARE(audit->analyst, u"Lina"_s);
    QVERIFY2(isUtcTimestamp(audit->at), qPrintable(audit->at));
    QCOMPARE(audit->subject, incident);
    QCOMPARE(audit->oldValue, auditOld);
    QCOMPARE(audit->newValue, auditNew);
    QCOMPARE(f.store().articleReview(article).state, u"in_review"_s);
    QCOMPARE(f.lastAudit(u"article.review_state"_s)->newValue, u"in_review"_s);
}

void ReviewStoreTest::confirmingAFieldKeepsItsValue_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("correctFirst");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("origin");

    QTest::newRow("suggested field") << u"victim"_s << false << u"البريد"_s << u"confirmed"_s;
    QTest::newRow("corrected field stays corrected") << u"victim"_s << true << u"هيئة البريد"_s << u"corrected"_s;
    QTest::newRow("empty field records the absence") << u"actor"_s << false << QString() << u"confirmed"_s;
}

void ReviewStoreTest::confirmingAFieldKeepsItsValue()
{
    QFETCH(QString, field);
    QFETCH(bool, correctFirst);
    QFETCH(QString, value);
    QFETCH(QString, origin);

    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7#6:17"_s});
    if (correctFirst) {
        QVERIFY(f.store().setFieldValue(incident, field, value));
    }
    QVERIFY(f.store().confirmField(incident, field));
    const FieldRecord stored = f.store().field(incident, field);
    QCOMPARE(stored.value, value);
    QCOMPARE(stored.origin, origin);
    if (!correctFirst && !value.isEmpty()) {
        QCOMPARE(stored.confidence, 0.7); // the extractor's, kept as provenance
        QCOMPARE(f.lastAudit(u"field.victim.origin"_s)->newValue, u"confirmed"_s);
    }
    QCOMPARE(f.store().incident(incident).reviewStatus, u"suggested"_s);
}

void ReviewStoreTest::confirmingAnIncidentConfirmsSuggestedFields()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident =
        f.propose(article, {u"victim=البريد@0.7#6:17"_s, u"attack_type=ddos@0.6"_s, u"victim_country=FR@0.9"_s});
    QVERIFY(f.store().setFieldValue(incident, u"victim"_s, u"هيئة البريد الوطنية"_s));
    QVERIFY(f.store().confirmIncident(incident));

    const IncidentRecord record = f.store().incident(incident);
    QCOMPARE(record.reviewStatus, u"confirmed"_s);
    QCOMPARE(record.analyst, u"Lina"_s);
    QVERIFY(isUtcTimestamp(record.reviewedAt));
    QCOMPARE(record.field(u"victim"_s)->origin, u"corrected"_s);
    QCOMPARE(record.field(u"attack_type"_s)->origin, u"confirmed"_s);
    QCOMPARE(record.field(u"victim_country"_s)->origin, u"confirmed"_s);
    const std::optional<AuditRow> audit = f.lastAudit(u"incident.status"_s);
    QVERIFY(audit);
    QCOMPARE(audit->subject, incident);
    QCOMPARE(audit->oldValue, u"suggested"_s);
    QCOMPARE(audit->newValue, u"confirmed"_s);
    QCOMPARE(f.store().articleReview(article).state, u"reviewed"_s);
}

void ReviewStoreTest::rejectingAnIncidentKeepsItsFields()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7"_s});
    QVERIFY(f.store().rejectIncident(incident));
    const IncidentRecord record = f.store().incident(incident);
    QCOMPARE(record.reviewStatus, u"rejected"_s);
    QCOMPARE(record.analyst, u"Lina"_s);
    QCOMPARE(record.field(u"victim"_s)->origin, u"suggested"_s);
    QCOMPARE(f.lastAudit(u"incident.status"_s)->newValue, u"rejected"_s);
    QCOMPARE(f.store().articleReview(article).state, u"reviewed"_s);
}

void ReviewStoreTest::addedIncidentComesAfterTheLast()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    f.propose(article, {u"victim=البريد@0.7"_s});
    f.propose(article, {u"victim=وزارة@0.5"_s});
    IncidentField victim;
    victim.name = u"victim"_s;
    victim.value = u"عبارة ركاب"_s;
    victim.evidence = {{30, 40}};
    const qint64 added = f.store().addIncident(article, {victim});
    QVERIFY2(added > 0, qPrintable(f.store().lastError()));
    const IncidentRecord record = f.store().incident(added);
    QCOMPARE(record.ordinal, 2);
    QCOMPARE(record.reviewStatus, u"suggested"_s);
    QCOMPARE(record.field(u"victim"_s)->value, u"عبارة ركاب"_s);
    QCOMPARE(record.field(u"victim"_s)->origin, u"corrected"_s);
    QCOMPARE(record.field(u"victim"_s)->evidence, victim.evidence);
    QCOMPARE(f.lastAudit(u"incident.add"_s)->subject, added);
}

void ReviewStoreTest::deletingAnIncidentRemovesItsFields()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7"_s, u"attack_type=ddos@0.6"_s});
    QVERIFY(f.store().deleteIncident(incident));
    QCOMPARE(f.count(u"SELECT count(*) FROM incidents"_s), 0);
    QVERIFY(!f.storedFields(incident)); // the fields went with the incident's row
    const std::optional<AuditRow> audit = f.lastAudit(u"incident.delete"_s);
    QVERIFY(audit);
    QCOMPARE(audit->subject, incident);
    QVERIFY(audit->oldValue.contains(u"victim=البريد"_s));
}

void ReviewStoreTest::splittingCopiesIntoANewSuggestedIncident()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7#6:17"_s, u"attack_type=ddos@0.6"_s});
    QVERIFY(f.store().confirmIncident(incident));
    const qint64 copy = f.store().splitIncident(incident);
    QVERIFY(copy > 0 && copy != incident);
    const IncidentRecord source = f.store().incident(incident);
    const IncidentRecord record = f.store().incident(copy);
    QCOMPARE(record.fields, source.fields);
    QCOMPARE(record.reviewStatus, u"suggested"_s);
    QVERIFY(record.analyst.isNull());
    QVERIFY(record.reviewedAt.isNull());
    QCOMPARE(record.ordinal, source.ordinal + 1);
    QCOMPARE(source.reviewStatus, u"confirmed"_s);
    QCOMPARE(f.store().articleReview(article).state, u"in_review"_s); // the copy awaits a decision
}

void ReviewStoreTest::mergingFillsEmptyFieldsAndJoinsEvidence()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 into = f.propose(article, {u"victim=البريد@0.7#6:17"_s, u"attack_type=ddos@0.6"_s});
    const qint64 other = f.propose(
        article, {u"victim=البريد@0.5#40:46"_s, u"attack_type=data_breach@0.4"_s, u"victim_country=FR@0.9#30:35"_s});
    QVERIFY(f.store().mergeIncidents(into, {other}));

    QCOMPARE(f.store().incident(other).id, 0);
    const IncidentRecord merged = f.store().incident(into);
    QCOMPARE(merged.field(u"victim"_s)->evidence, (QVector<EvidenceSpan>{{6, 17}, {40, 46}}));
    QCOMPARE(merged.value(u"attack_type"_s), u"ddos"_s); // the kept incident wins a conflict
    QCOMPARE(merged.value(u"victim_country"_s), u"FR"_s);
    QCOMPARE(merged.field(u"victim_country"_s)->evidence, (QVector<EvidenceSpan>{{30, 35}}));
    QVERIFY(!f.storedFields(other)); // the merged incident's row, fields included, is gone
    QCOMPARE(f.count(u"SELECT count(*) FROM incidents"_s), 1);
    QCOMPARE(f.lastAudit(u"incident.delete"_s)->subject, other);
}

void ReviewStoreTest::markingNoIncidentRejectsProposals()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 first = f.propose(article, {u"victim=البريد@0.7"_s});
    const qint64 second = f.propose(article, {u"victim=وزارة@0.5"_s});
    QVERIFY(f.store().markNoIncident(article));
    QCOMPARE(f.store().incident(first).reviewStatus, u"rejected"_s);
    QCOMPARE(f.store().incident(second).reviewStatus, u"rejected"_s);
    const ArticleReview review = f.store().articleReview(article);
    QCOMPARE(review.state, u"reviewed"_s);
    QVERIFY(review.noIncident);
    QCOMPARE(f.lastAudit(u"article.no_incident"_s)->newValue, u"1"_s);

    const qint64 empty = f.addArticle(u"نص بلا حادث"_s);
    QVERIFY(f.store().markNoIncident(empty));
    QCOMPARE(f.store().articleReview(empty).state, u"reviewed"_s);
}

void ReviewStoreTest::reviewStateFollowsDecisions_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("state");

    QTest::newRow("untouched") << QStringList() << u"new"_s;
    QTest::newRow("one field edited") << QStringList{u"edit0"_s} << u"in_review"_s;
    QTest::newRow("one of two confirmed") << QStringList{u"confirm0"_s} << u"in_review"_s;
    QTest::newRow("both confirmed") << QStringList{u"confirm0"_s, u"confirm1"_s} << u"reviewed"_s;
    QTest::newRow("one confirmed one rejected") << QStringList{u"confirm0"_s, u"reject1"_s} << u"reviewed"_s;
    QTest::newRow("both rejected") << QStringList{u"reject0"_s, u"reject1"_s} << u"reviewed"_s;
    QTest::newRow("marked no incident") << QStringList{u"none"_s} << u"reviewed"_s;
    QTest::newRow("no incident then one added") << QStringList{u"none"_s, u"add"_s} << u"in_review"_s;
    QTest::newRow("reviewed then one added") << QStringList{u"confirm0"_s, u"confirm1"_s, u"add"_s}
                                             << u"in_review"_s;
    QTest::newRow("reviewed then split") << QStringList{u"confirm0"_s, u"confirm1"_s, u"split0"_s}
                                         << u"in_review"_s;
    QTest::newRow("undecided one deleted") << QStringList{u"confirm0"_s, u"delete1"_s} << u"reviewed"_s;
    QTest::newRow("an entity marked") << QStringList{u"entity"_s} << u"in_review"_s;
}

void ReviewStoreTest::reviewStateFollowsDecisions()
{
    QFETCH(QStringList, steps);
    QFETCH(QString, state);

    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const QVector<qint64> incidents{f.propose(article, {u"victim=البريد@0.7"_s}),
                                    f.propose(article, {u"victim=وزارة@0.5"_s})};
    ReviewStore &store = f.store();
    for (const QString &step : std::as_const(steps)) {
        const qint64 target = step.back().isDigit() ? incidents.at(step.back().digitValue()) : 0;
        bool ok = false;
        if (step.startsWith(u"edit")) {
            ok = store.setFieldValue(target, u"victim"_s, u"هيئة البريد"_s);
        } else if (step.startsWith(u"confirm")) {
            ok = store.confirmIncident(target);
        } else if (step.startsWith(u"reject")) {
            ok = store.rejectIncident(target);
        } else if (step.startsWith(u"delete")) {
            ok = store.deleteIncident(target);
        } else if (step.startsWith(u"split")) {
            ok = store.splitIncident(target) > 0;
        } else if (step == u"none") {
            ok = store.markNoIncident(article);
        } else if (step == u"add") {
            ok = store.addIncident(article) > 0;
        } else if (step == u"entity") {
            ok = store.addEntity(article, 6, 17, u"organization"_s) > 0;
        }
        QVERIFY2(ok, qPrintable(step + u": "_s + store.lastError()));
    }
    QCOMPARE(store.articleReview(article).state, state);
}

void ReviewStoreTest::restorePutsBackExactRows()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 first = f.propose(article, {u"victim=البريد@0.7#6:17"_s, u"attack_type=ddos@0.6"_s});
    const qint64 second = f.propose(article, {u"victim=وزارة@0.5"_s});
    ReviewStore &store = f.store();
    const IncidentSnapshot before = store.snapshotIncidents(article, {first, second});
    QCOMPARE(before.incidents.size(), 2);

    QVERIFY(store.setFieldValue(first, u"victim"_s, u"هيئة البريد"_s, QVector<EvidenceSpan>{{6, 25}}));
    QVERIFY(store.confirmIncident(first));
    QVERIFY(store.deleteIncident(second));
    QVERIFY(store.restoreIncidents(before));

    const IncidentSnapshot after = store.snapshotIncidents(article, {first, second});
    QCOMPARE(after.incidents.size(), 2);
    QVERIFY(after.incidents.at(0) == before.incidents.at(0)); // analyst and reviewed_at null again
    QVERIFY(after.incidents.at(0).analyst.isNull());
    QVERIFY(after.incidents.at(1) == before.incidents.at(1)); // same id, ordinal and created_at
    QCOMPARE(after.article, before.article);
    QCOMPARE(after.article.state, u"new"_s);
}

void ReviewStoreTest::entityEditsWriteRowsAndAudit()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    ReviewStore &store = f.store();

    const qint64 added = store.addEntity(article, 6, 25, u"organization"_s, u"La Poste"_s);
    QVERIFY2(added > 0, qPrintable(store.lastError()));
    EntityRecord record = store.entity(added);
    QCOMPARE(record.text, Article.mid(6, 19));
    QCOMPARE(record.origin, u"analyst"_s);
    QCOMPARE(record.value, u"La Poste"_s);
    QCOMPARE(f.lastAudit(u"entity.add"_s)->newValue, u"organization:"_s + Article.mid(6, 19));

    const qint64 suggested = f.addSuggestedEntity(article, 29, 34, u"place"_s, Article.mid(29, 5));
    QVERIFY(store.changeEntityType(suggested, u"country"_s, u"FR"_s));
    record = store.entity(suggested);
    QCOMPARE(record.type, u"country"_s);
    QCOMPARE(record.value, u"FR"_s);
    QCOMPARE(record.origin, u"corrected"_s);
    const std::optional<AuditRow> typeAudit = f.lastAudit(u"entity.type"_s);
    QCOMPARE(typeAudit->oldValue, u"place"_s);
    QCOMPARE(typeAudit->newValue, u"country"_s);

    QVERIFY(store.removeEntity(added));
    QCOMPARE(store.entity(added).id, 0);
    QCOMPARE(f.lastAudit(u"entity.remove"_s)->subject, added);
    QCOMPARE(store.articleReview(article).state, u"in_review"_s);
}

void ReviewStoreTest::applyingToCorpusFindsCliticForms_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QList<int>>("occurrences");

    QTest::newRow("plain, clitic and broken-line forms")
        << u"ميغا باس"_s << u"organization"_s
        << QStringList{u"أعلنت شركة ميغا باس عن اختراق."_s,
                       u"وقالت وميغا باس إن العملاء بخير، ثم اتصلنا بميغا باس."_s,
                       u"زار أوميغا باسكال المدينة."_s,
                       u"شركة ميغا  باس\nفي سطر جديد، وميغا\nباس."_s,
                       u"حساب لميغا باسات."_s}
        << QList<int>{1, 2, 0, 2, 0};
    QTest::newRow("harakat and alef forms fold")
        << u"إختراق"_s << u"attack"_s
        << QStringList{u"تعرض الموقع لاختراقٍ واسع."_s, u"بعد الإختراق مباشرة."_s, u"سلسلة اختراقات."_s}
        << QList<int>{1, 1, 0};
    QTest::newRow("article merged into a lam")
        << u"الشركة الوطنية"_s << u"organization"_s
        << QStringList{u"قالت للشركة الوطنية إن الخدمة عادت."_s, u"والشركة الوطنية أعلنت."_s,
                       u"الشركة الوطنيةالجديدة."_s}
        << QList<int>{1, 1, 0};
    QTest::newRow("short first word")
        << u"بي بي سي"_s << u"organization"_s
        << QStringList{u"قالت وبي بي سي إن..."_s, u"بي بي سي عربي"_s, u"نبي بي سي"_s}
        << QList<int>{1, 1, 0};
}

void ReviewStoreTest::applyingToCorpusFindsCliticForms()
{
    QFETCH(QString, surface);
    QFETCH(QString, type);
    QFETCH(QStringList, texts);
    QFETCH(QList<int>, occurrences);

    Fixture f;
    QVERIFY(f.open());
    QVector<qint64> articles;
    for (const QString &text : std::as_const(texts)) {
        articles.append(f.addArticle(text));
    }
    QSignalSpy changed(&f.store(), &ReviewStore::entitiesChanged);
    CorpusChange change;
    const int added = f.store().applyEntityToCorpus(surface, type, u"value"_s, QString(), &change);
    QVERIFY2(added >= 0, qPrintable(f.store().lastError()));

    int expectedTotal = 0;
    for (int i = 0; i < articles.size(); ++i) {
        const QVector<EntityRecord> found = f.store().entities(articles.at(i));
        QCOMPARE(found.size(), occurrences.at(i));
        expectedTotal += occurrences.at(i);
        for (const EntityRecord &entity : found) {
            const QString &text = texts.at(i);
            // The span is exactly the name (without the clitic), at word edges.
            QCOMPARE(fold(text.mid(entity.start, entity.end - entity.start)).simplified(),
                     fold(surface).simplified().mid(entity.text.startsWith(u'ل') && surface.startsWith(u"ال") ? 1 : 0));
            QVERIFY(entity.end == text.size() || !isWordChar(text.at(entity.end)));
            QCOMPARE(entity.type, type);
            QCOMPARE(entity.origin, u"lexicon"_s);
            QCOMPARE(entity.value, u"value"_s);
        }
    }
    QCOMPARE(added, expectedTotal);
    QCOMPARE(change.added.size(), expectedTotal);
    QCOMPARE(changed.size(), int(std::count_if(occurrences.cbegin(), occurrences.cend(), [](int n) { return n > 0; })));
    const std::optional<LexiconRecord> entry = f.store().lexiconEntry(surface, type);
    QVERIFY(entry);
    QCOMPARE(entry->folded, fold(surface).simplified());
    QCOMPARE(entry->analyst, u"Lina"_s);
    // Applying again finds the same spans already marked.
    QCOMPARE(f.store().applyEntityToCorpus(surface, type, u"value"_s), 0);
}

void ReviewStoreTest::applyingToCorpusRetypesAndRemembers()
{
    Fixture f;
    QVERIFY(f.open());
    const QString text = u"قالت شركة ميغا باس إن خوادم ميغا باس تعطلت."_s;
    const qint64 article = f.addArticle(text);
    const int start = int(text.indexOf(u"ميغا باس"_s));
    const qint64 existing = f.addSuggestedEntity(article, start, start + 8, u"person"_s, u"ميغا باس"_s);
    // A longer entity overlapping the second occurrence is left alone.
    const int second = int(text.lastIndexOf(u"ميغا باس"_s));
    f.addSuggestedEntity(article, second - 6, second + 8, u"organization"_s, text.mid(second - 6, 14));

    CorpusChange change;
    QCOMPARE(f.store().applyEntityToCorpus(u"ميغا باس"_s, u"organization"_s, u"Mega Pass"_s, QString(), &change), 1);
    QCOMPARE(change.retyped.size(), 1);
    QCOMPARE(change.retyped.first().type, u"person"_s);
    QCOMPARE(f.store().entity(existing).type, u"organization"_s);
    QCOMPARE(f.store().entity(existing).origin, u"lexicon"_s);
    QCOMPARE(f.store().entities(article).size(), 2);
    const std::optional<AuditRow> audit = f.lastAudit(u"lexicon.apply"_s);
    QVERIFY(audit);
    QVERIFY(audit->newValue.contains(u"(1)"_s));
    QCOMPARE(f.count(u"SELECT count(*) FROM lexicon"_s), 1);
}

void ReviewStoreTest::invalidEditsAreRefused_data()
{
    QTest::addColumn<QString>("edit");
    QTest::newRow("unknown field") << u"field"_s;
    QTest::newRow("missing incident") << u"incident"_s;
    QTest::newRow("unknown entity type") << u"type"_s;
    QTest::newRow("span outside the text") << u"span"_s;
    QTest::newRow("missing entity") << u"entity"_s;
    QTest::newRow("merge with a missing incident") << u"merge"_s;
    QTest::newRow("nothing to look for") << u"surface"_s;
}

void ReviewStoreTest::invalidEditsAreRefused()
{
    QFETCH(QString, edit);
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7"_s});
    ReviewStore &store = f.store();
    QSignalSpy failed(&store, &ReviewStore::failed);
    const int auditBefore = int(f.audit().size());

    bool ok = true;
    if (edit == u"field") {
        ok = store.setFieldValue(incident, u"colour"_s, u"red"_s);
    } else if (edit == u"incident") {
        ok = store.confirmIncident(incident + 100);
    } else if (edit == u"type") {
        ok = store.addEntity(article, 0, 4, u"planet"_s) > 0;
    } else if (edit == u"span") {
        ok = store.addEntity(article, 10, 10000, u"organization"_s) > 0;
    } else if (edit == u"entity") {
        ok = store.removeEntity(999);
    } else if (edit == u"merge") {
        ok = store.mergeIncidents(incident, {incident + 100});
    } else if (edit == u"surface") {
        ok = store.applyEntityToCorpus(u" ، "_s, u"organization"_s, QString()) >= 0;
    }
    QVERIFY(!ok);
    QVERIFY(!store.lastError().isEmpty());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(int(f.audit().size()), auditBefore);
    QCOMPARE(store.articleReview(article).state, u"new"_s);
}

void ReviewStoreTest::failedWriteRollsBack()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7"_s});
    // Every audit insert fails, after the field itself was written.
    QSqlQuery trigger(f.db());
    QVERIFY(trigger.exec(u"CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit "
                         "BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s));
    QSignalSpy fieldChanged(&f.store(), &ReviewStore::fieldChanged);
    QSignalSpy failed(&f.store(), &ReviewStore::failed);

    QVERIFY(!f.store().setFieldValue(incident, u"victim"_s, u"هيئة البريد"_s));
    QVERIFY2(f.store().lastError().contains(u"disk full"_s), qPrintable(f.store().lastError()));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(fieldChanged.size(), 0);
    QCOMPARE(f.store().field(incident, u"victim"_s).value, u"البريد"_s);
    QCOMPARE(f.store().field(incident, u"victim"_s).origin, u"suggested"_s);
    QCOMPARE(f.store().articleReview(article).state, u"new"_s);
    QCOMPARE(f.store().applyEntityToCorpus(u"البريد"_s, u"organization"_s, QString()), -1);
    QCOMPARE(f.count(u"SELECT count(*) FROM lexicon"_s), 0);
    QCOMPARE(f.count(u"SELECT count(*) FROM entities"_s), 0);

    // The next edit works once the cause is gone: no transaction was left open.
    QVERIFY(trigger.exec(u"DROP TRIGGER refuse_audit"_s));
    QVERIFY2(f.store().setFieldValue(incident, u"victim"_s, u"هيئة البريد"_s), qPrintable(f.store().lastError()));
    QVERIFY(f.store().lastError().isEmpty());
}

void ReviewStoreTest::signalsNameWhatChanged()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7"_s});
    ReviewStore &store = f.store();
    QSignalSpy field(&store, &ReviewStore::fieldChanged);
    QSignalSpy one(&store, &ReviewStore::incidentChanged);
    QSignalSpy many(&store, &ReviewStore::incidentsChanged);
    QSignalSpy state(&store, &ReviewStore::articleStateChanged);
    QSignalSpy entities(&store, &ReviewStore::entitiesChanged);

    QVERIFY(store.setFieldValue(incident, u"victim"_s, u"هيئة البريد"_s));
    QCOMPARE(field.size(), 1);
    QCOMPARE(field.first().at(0).toLongLong(), incident);
    QCOMPARE(field.first().at(1).toString(), u"victim"_s);
    QCOMPARE(one.size(), 1);
    QCOMPARE(many.size(), 0);
    QCOMPARE(state.size(), 1);
    QCOMPARE(state.first().at(0).toLongLong(), article);

    QVERIFY(store.setFieldValue(incident, u"victim"_s, u"هيئة البريد الوطنية"_s));
    QCOMPARE(state.size(), 1); // still in review: no state change to announce

    QVERIFY(store.addIncident(article) > 0);
    QCOMPARE(many.size(), 1);
    QCOMPARE(many.first().at(0).toLongLong(), article);

    QVERIFY(store.addEntity(article, 0, 5, u"organization"_s) > 0);
    QCOMPARE(entities.size(), 1);
    QCOMPARE(entities.first().at(0).toLongLong(), article);
}

void ReviewStoreTest::notesAreWrittenAuditedAndUndone()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7#6:17"_s});
    QSignalSpy changed(&f.store(), &ReviewStore::noteChanged);
    QUndoStack stack;
    stack.push(new SetNote(&f.store(), ReviewStore::NoteSubject::Article, article, u"مصدر واحد فقط"_s));
    stack.push(new SetNote(&f.store(), ReviewStore::NoteSubject::Incident, incident, u"الرقم من المهاجم"_s));
    QCOMPARE(f.store().note(ReviewStore::NoteSubject::Article, article), u"مصدر واحد فقط"_s);
    QCOMPARE(f.store().note(ReviewStore::NoteSubject::Incident, incident), u"الرقم من المهاجم"_s);
    QCOMPARE(changed.size(), 2);
    const std::optional<AuditRow> audit = f.lastAudit(u"note.incident"_s);
    QVERIFY(audit);
    QCOMPARE(audit->subject, incident);
    QCOMPARE(audit->newValue, u"الرقم من المهاجم"_s);
    QCOMPARE(audit->analyst, u"Lina"_s);
    // A note is not a decision: the article's review state stays.
    QCOMPARE(f.store().articleReview(article).state, u"new"_s);
    // A second edit of the same note merges into one step.
    stack.push(new SetNote(&f.store(), ReviewStore::NoteSubject::Incident, incident, u"الرقم من المهاجمين"_s));
    QCOMPARE(stack.count(), 2);
    stack.undo();
    QCOMPARE(f.store().note(ReviewStore::NoteSubject::Incident, incident), QString());
    QCOMPARE(f.count(u"SELECT count(*) FROM notes WHERE subject = 'incident'"_s), 0);
    stack.redo();
    QCOMPARE(f.store().note(ReviewStore::NoteSubject::Incident, incident), u"الرقم من المهاجمين"_s);
    // An empty text removes the note.
    stack.push(new SetNote(&f.store(), ReviewStore::NoteSubject::Article, article, u"  "_s));
    QCOMPARE(f.count(u"SELECT count(*) FROM notes WHERE subject = 'article'"_s), 0);
    QVERIFY(!f.store().setNote(ReviewStore::NoteSubject::Incident, 999999, u"x"_s));
}

void ReviewStoreTest::noteOfADeletedIncidentIsNotANewOnes()
{
    Fixture f;
    QVERIFY(f.open());
    const qint64 article = f.addArticle(Article);
    const qint64 incident = f.propose(article, {u"victim=البريد@0.7#6:17"_s});
    QUndoStack stack;
    stack.push(new SetNote(&f.store(), ReviewStore::NoteSubject::Incident, incident, u"ملاحظة"_s));
    stack.push(new DeleteIncident(&f.store(), incident));
    // Undoing the delete brings the incident back with its note.
    stack.undo();
    QCOMPARE(f.store().note(ReviewStore::NoteSubject::Incident, incident), u"ملاحظة"_s);
    stack.redo();
    // A new incident may take the freed id; it starts without a note.
    const qint64 added = f.store().addIncident(article);
    QVERIFY(added > 0);
    QCOMPARE(f.store().note(ReviewStore::NoteSubject::Incident, added), QString());
}

void ReviewStoreTest::bulkReviewIsOneTransactionAndOneStep_data()
{
    QTest::addColumn<int>("action");
    QTest::addColumn<QStringList>("statuses"); // of the three proposals after the action
    QTest::addColumn<bool>("emptyReviewed");  // the article without incidents
    QTest::newRow("mark reviewed") << int(ReviewStore::BulkAction::MarkReviewed)
                                   << QStringList{u"confirmed"_s, u"confirmed"_s, u"rejected"_s} << true;
    QTest::newRow("no incident") << int(ReviewStore::BulkAction::NoIncident)
                                 << QStringList{u"rejected"_s, u"rejected"_s, u"rejected"_s} << true;
    QTest::newRow("reject suggested") << int(ReviewStore::BulkAction::RejectSuggested)
                                      << QStringList{u"rejected"_s, u"confirmed"_s, u"rejected"_s} << false;
}

void ReviewStoreTest::bulkReviewIsOneTransactionAndOneStep()
{
    QFETCH(int, action);
    QFETCH(QStringList, statuses);
    QFETCH(bool, emptyReviewed);
    Fixture f;
    QVERIFY(f.open());
    const qint64 first = f.addArticle(Article);
    const qint64 second = f.addArticle(Article + u" ثانية"_s);
    const qint64 empty = f.addArticle(u"نص بلا حادثة."_s);
    const qint64 a = f.propose(first, {u"victim=البريد@0.7#6:17"_s});
    const qint64 b = f.propose(second, {u"victim=البريد@0.7#6:17"_s});
    const qint64 c = f.propose(second, {u"victim_country=FR@0.9"_s});
    QVERIFY(f.store().confirmIncident(b));
    QVERIFY(f.store().rejectIncident(c));
    auto status = [&f](qint64 id) { return f.store().incident(id).reviewStatus; };
    const QStringList before = {status(a), status(b), status(c)};
    QCOMPARE(before, (QStringList{u"suggested"_s, u"confirmed"_s, u"rejected"_s}));
    const QString secondState = f.store().articleReview(second).state;
    const int audits = int(f.audit().size());

    QUndoStack stack;
    stack.push(new ReviewArticles(&f.store(), {first, second, empty}, ReviewStore::BulkAction(action)));
    QCOMPARE(stack.count(), 1);
    QCOMPARE((QStringList{status(a), status(b), status(c)}), statuses);
    QCOMPARE(f.store().articleReview(first).state, u"reviewed"_s);
    QCOMPARE(f.store().articleReview(second).state, u"reviewed"_s);
    QCOMPARE(f.store().articleReview(empty).state, emptyReviewed ? u"reviewed"_s : u"new"_s);
    QVERIFY(int(f.audit().size()) > audits);

    // One undo puts every article back as it was.
    stack.undo();
    QCOMPARE((QStringList{status(a), status(b), status(c)}), before);
    QCOMPARE(f.store().articleReview(first).state, u"new"_s);
    QCOMPARE(f.store().articleReview(second).state, secondState);
    QCOMPARE(f.store().articleReview(empty).state, u"new"_s);
    QVERIFY(!f.store().articleReview(empty).noIncident);
    stack.redo();
    QCOMPARE(f.store().articleReview(second).state, u"reviewed"_s);

    // All or nothing: an article that does not exist refuses the whole action.
    stack.undo();
    QVERIFY(!f.store().reviewArticles({first, 987654}, ReviewStore::BulkAction(action)));
    QCOMPARE(status(a), u"suggested"_s);
    QCOMPARE(f.store().articleReview(first).state, u"new"_s);
}

QTEST_GUILESS_MAIN(ReviewStoreTest)
#include "reviewstore_test.moc"
