#pragma once

#include "store/articlefilter.h"
#include "itemmodels/articlelistmodel.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Rasid {

class IconProxyModel;

/*
 * The left-hand pane: the article table (paged from the workspace), the
 * filters by review state, victim country and attack type, a search box that
 * queries the workspace's Arabic full-text index as the analyst types
 * (debounced), and the "N / M reviewed" count.
 */
class ArticleListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleListPanel)
public:
    static constexpr int SearchDelayMs = 200;

    explicit ArticleListPanel(QWidget *parent = nullptr);

    void setModel(ArticleListModel *model);
    ArticleListModel *model() const { return m_model; }
    // Countries to offer in the filter (ISO codes of the workspace's incidents).
    void setCountries(const QStringList &isoCodes);

    QTableView *table() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *stateCombo() const { return m_state; }
    QComboBox *countryCombo() const { return m_country; }
    QComboBox *attackCombo() const { return m_attack; }
    QLabel *reviewedLabel() const { return m_reviewed; }

    qint64 currentArticleId() const;
    // The articles selected in the list (several with Shift or Ctrl), in list order.
    QVector<qint64> selectedArticleIds() const;
    int currentRow() const;
    // Selects the article (loading pages until its row is there); false when filtered out.
    bool selectArticle(qint64 articleId);
    bool selectRow(int row);
    void focusSearch();
    // Applies the filter now, without waiting for the search delay.
    void applyFilterNow();
    // Back to every article: no search, any state, country and attack type.
    void clearFilters();
    // Only the articles with an incident meeting the condition (a bar or cell
    // of the overview), named by `description` above the list until cleared.
    void setIncidentCondition(const Rasid::Store::IncidentCondition &condition, const QString &description);
    QLabel *drillDownLabel() const { return m_drillDown; }
    // The title column's width never goes below this (about 40% of the list).
    int minimumTitleWidth() const;

signals:
    void currentArticleChanged(qint64 articleId);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void fillCombos();
    void scheduleFilter();
    void updateCounts();
    void fitTitleColumn();
    int dateColumnWidth() const; // an ISO date fits whole

    QPointer<ArticleListModel> m_model;
    IconProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_state = nullptr;
    QComboBox *m_country = nullptr;
    QComboBox *m_attack = nullptr;
    QLabel *m_reviewed = nullptr;
    QLabel *m_drillDown = nullptr;
    QWidget *m_drillDownBar = nullptr;
    IncidentCondition m_condition;
    QTimer *m_searchTimer = nullptr;
    QStringList m_countries;
    qint64 m_currentId = 0;
    bool m_fitting = false;
};

} // namespace Rasid
