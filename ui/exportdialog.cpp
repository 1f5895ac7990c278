#include "exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Rasid {

ExportDialog::ExportDialog(const QString &defaultPath, QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_bom(new QCheckBox(tr("Start the file with a byte order mark (for Excel)"), this))
    , m_path(new QLineEdit(this))
    , m_hint(new QLabel(this))
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(tr("Export Incidents"));

    m_format->addItem(tr("CSV (the Rasid column contract)"), int(ExportFormat::Csv));
    m_format->addItem(tr("JSON lines (one incident per line, with evidence spans)"), int(ExportFormat::JsonLines));
    m_format->addItem(tr("Excel workbook (XLSX)"), int(ExportFormat::Xlsx));
    m_format->addItem(tr("VERIS JSON (VCDB style)"), int(ExportFormat::Veris));
    m_format->addItem(tr("STIX 2.1 bundle (for threat-intelligence platforms)"), int(ExportFormat::Stix));
    m_format->addItem(tr("MISP events (one collection file)"), int(ExportFormat::Misp));
    auto *formats = qobject_cast<QStandardItemModel *>(m_format->model());
    for (int i = 0; i < m_format->count(); ++i) {
        if (!isExportFormatAvailable(ExportFormat(m_format->itemData(i).toInt()))) {
            formats->item(i)->setEnabled(false);
        }
    }

    m_scope->addItem(tr("Suggested and confirmed (not rejected)"), int(StatusFilter::NotRejected));
    m_scope->addItem(tr("Confirmed only"), int(StatusFilter::Confirmed));
    m_scope->addItem(tr("Suggested only (not yet reviewed)"), int(StatusFilter::Suggested));
    m_scope->addItem(tr("All, rejected included"), int(StatusFilter::All));

    m_path->setObjectName(u"exportPath"_s);
    m_path->setText(QDir::toNativeSeparators(defaultPath));
    auto *browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path);
    pathRow->addWidget(browse);

    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Incidents:"), m_scope);
    form->addRow(QString(), m_bom);
    form->addRow(tr("&Save to:"), pathRow);
    form->addRow(m_hint);
    form->addRow(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    formatChanged();
    resize(560, sizeHint().height());
}

ExportRequest ExportDialog::request() const
{
    ExportRequest request;
    request.format = ExportFormat(m_format->currentData().toInt());
    request.options.status = StatusFilter(m_scope->currentData().toInt());
    request.options.bom = m_bom->isEnabled() && m_bom->isChecked();
    request.outputPath = QDir::fromNativeSeparators(m_path->text().trimmed());
    return request;
}

void ExportDialog::setRequest(const ExportRequest &request)
{
    m_format->setCurrentIndex(std::max(0, m_format->findData(int(request.format))));
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(int(request.options.status))));
    m_bom->setChecked(request.options.bom);
    if (!request.outputPath.isEmpty()) {
        m_path->setText(QDir::toNativeSeparators(request.outputPath));
    }
}

void ExportDialog::formatChanged()
{
    const auto format = ExportFormat(m_format->currentData().toInt());
    m_bom->setEnabled(format == ExportFormat::Csv);
    // Keep the chosen name and folder, change only the extension.
    const QString path = m_path->text().trimmed();
    if (!path.isEmpty()) {
        const QFileInfo info(path);
        m_path->setText(QDir::toNativeSeparators(info.dir().filePath(info.completeBaseName() + u'.'
                                                                     + exportFormatSuffix(format))));
    }
    validate();
}

void ExportDialog::browse()
{
    const auto format = ExportFormat(m_format->currentData().toInt());
    const QString suffix = exportFormatSuffix(format);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Incidents"), m_path->text(),
                                                      tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!path.isEmpty()) {
        m_path->setText(QDir::toNativeSeparators(path));
    }
}

void ExportDialog::setArticleFolder(const QString &folder)
{
    m_articleFolder = folder;
    validate();
}

bool ExportDialog::isInside(const QString &path, const QString &folder)
{
    if (path.isEmpty() || folder.isEmpty()) {
        return false;
    }
    const QString dir = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QString file = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return file == dir || file.startsWith(dir + u'/');
}

QString ExportDialog::defaultExportPath(const QString &workspacePath, const QString &articleFolder)
{
    const QFileInfo workspace(workspacePath);
    QDir dir = workspace.dir();
    if (isInside(workspace.absoluteFilePath(), articleFolder)) {
        dir = QFileInfo(QDir::cleanPath(QFileInfo(articleFolder).absoluteFilePath())).dir();
    }
    return dir.filePath(workspace.completeBaseName() + u"-incidents.csv"_s);
}

void ExportDialog::validate()
{
    const QString path = m_path->text().trimmed();
    const QFileInfo info(path);
    QString problem;
    if (path.isEmpty()) {
        problem = tr("Choose where to save the export.");
    } else if (!isExportFormatAvailable(ExportFormat(m_format->currentData().toInt()))) {
        problem = tr("This export format is not available in this build.");
    } else if (isInside(info.absoluteFilePath(), m_articleFolder)) {
        problem = tr("%1 is inside the article folder: the next import would read the export as an article. "
                     "Save it elsewhere.")
                      .arg(QDir::toNativeSeparators(path));
    } else if (!info.dir().exists()) {
        problem = tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.path()));
    } else if (info.exists()) {
        m_hint->setText(tr("%1 exists and will be replaced.").arg(info.fileName()));
    } else {
        m_hint->clear();
    }
    if (!problem.isEmpty()) {
        m_hint->setText(problem);
    }
    if (auto *buttons = findChild<QDialogButtonBox *>()) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    }
}

} // namespace Rasid
