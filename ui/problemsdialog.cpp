#include "problemsdialog.h"

#include "itemmodels/roles.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

// File names may hold line breaks and tabs, which would cut the name short in a
// one-line cell: they are shown as their control pictures (the tooltip keeps
// the name as it is).
class ControlPicturesDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        QString text = QStyledItemDelegate::displayText(value, locale);
        for (QChar &c : text) {
            if (c.unicode() < 0x20) {
                c = QChar(0x2400 + c.unicode()); // U+2400 CONTROL PICTURES
            } else if (c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
                c = QChar(0x2424);
            }
        }
        return text;
    }
};

} // namespace

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
    m_table->setItemDelegate(new ControlPicturesDelegate(m_table));
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
    if (problems->columnCount() > ProblemTimeColumn) {
        // Wide enough for the locale's short date and time, measured once on a
        // sample: sizing to contents would measure 100,000 rows.
        const QString sample = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 58, 58)), QLocale::ShortFormat);
        const int margin = 3 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) + 8;
        m_table->horizontalHeader()->resizeSection(ProblemTimeColumn,
                                                   m_table->fontMetrics().horizontalAdvance(sample) + margin);
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
