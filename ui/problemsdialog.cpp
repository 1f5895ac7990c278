#include "problemsdialog.h"

#include "roles.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

ProblemsDialog::ProblemsDialog(QAbstractItemModel *problems, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(u"problemsDialog"_s);
    setWindowTitle(tr("Import Problems"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_table->setModel(problems);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    if (problems->columnCount() > ProblemReasonColumn) {
        m_table->horizontalHeader()->setSectionResizeMode(ProblemReasonColumn, QHeaderView::Stretch);
        m_table->horizontalHeader()->resizeSection(ProblemPathColumn, 260);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString path = index.data(ProblemPathRole).toString();
        if (!path.isEmpty()) {
            emit pathActivated(path);
        }
    });
    connect(problems, &QAbstractItemModel::modelReset, this, &ProblemsDialog::updateSummary);
    connect(problems, &QAbstractItemModel::rowsInserted, this, &ProblemsDialog::updateSummary);
    connect(problems, &QAbstractItemModel::rowsRemoved, this, &ProblemsDialog::updateSummary);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    updateSummary();
    resize(820, 420);
}

void ProblemsDialog::updateSummary()
{
    const int count = m_table->model()->rowCount();
    m_summary->setText(count == 0 ? tr("The import read every file.")
                                  : tr("%n file(s) could not be read, or only in part. Each is listed with the "
                                       "reason; the rest of the folder was imported.",
                                       nullptr, count));
}

} // namespace Rasid
