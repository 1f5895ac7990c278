#include "importstatuswidget.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Rasid {

ImportStatusWidget::ImportStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(u"importStatus"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label->setTextFormat(Qt::PlainText);
    m_bar->setMaximumWidth(200);
    m_bar->setTextVisible(true);
    m_cancel->setObjectName(u"cancelImport"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the import after the current batch; what was read is kept"));
    m_cancel->setAutoRaise(true);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &ImportStatusWidget::cancelRequested);
    hide();
}

void ImportStatusWidget::begin(const QString &folder)
{
    m_folder = QDir::toNativeSeparators(folder);
    m_label->setText(tr("Importing %1…").arg(QDir(folder).dirName()));
    m_label->setToolTip(m_folder);
    m_bar->setRange(0, 0); // busy until the scan has counted the files
    m_cancel->setEnabled(true);
    show();
}

void ImportStatusWidget::setProgress(int filesDone, int filesTotal)
{
    if (filesTotal <= 0) {
        return;
    }
    m_bar->setRange(0, filesTotal);
    m_bar->setValue(filesDone);
    m_bar->setFormat(tr("%L1 / %L2 files").arg(filesDone).arg(filesTotal));
}

void ImportStatusWidget::setCancelling()
{
    m_cancel->setEnabled(false);
    m_label->setText(tr("Cancelling the import…"));
}

} // namespace Rasid
