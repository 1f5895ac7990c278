#include "exportrunner.h"

#include "export/exportformats.h"
#include "export/xlsxexport.h"
#include "store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent>

#include <limits>

using namespace Qt::StringLiterals;

namespace Rasid {

namespace {

// The row of the formats table of an interface format.
const ExportFormatSpec &specOf(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        break;
    case ExportFormat::JsonLines:
        return *exportFormatById(u"jsonl");
    case ExportFormat::Xlsx:
        return *exportFormatById(u"xlsx");
    case ExportFormat::Veris:
        return *exportFormatById(u"veris");
    case ExportFormat::Stix:
        return *exportFormatById(u"stix");
    case ExportFormat::Misp:
        return *exportFormatById(u"misp");
    }
    return *exportFormatById(u"csv");
}

} // namespace

QString exportFormatSuffix(ExportFormat format)
{
    return specOf(format).suffix.toString();
}

bool isExportFormatAvailable(ExportFormat format)
{
    return format != ExportFormat::Xlsx || xlsxExportAvailable();
}

ExportResult exportIncidents(const QString &workspacePath, const ExportRequest &request,
                             const std::function<bool(qint64 done, qint64 total)> &progress)
{
    ExportResult result;
    Workspace workspace;
    if (!workspace.open(workspacePath, Workspace::Mode::ReadOnly)) {
        result.error = workspace.lastError();
        return result;
    }
    ExportOptions options = request.options;
    if (progress) {
        options.progress.report = progress;
    }
    ExportStatus status = ExportStatus::Failed;
    result.ok = writeExport(specOf(request.format), workspace, request.outputPath, true, options, &result.error,
                            &result.rows, &status);
    result.cancelled = status == ExportStatus::Cancelled;
    if (status == ExportStatus::NotOpened) {
        result.error = QCoreApplication::translate("Rasid::ExportDialog", "Cannot write %1: %2")
                           .arg(request.outputPath, result.error);
    }
    return result;
}

ExportRunner::ExportRunner(const QString &workspacePath, const ExportRequest &request, QWidget *window)
    : QObject(window)
    , m_workspacePath(workspacePath)
    , m_request(request)
    , m_shared(std::make_shared<Shared>())
    , m_dialog(new QProgressDialog(window))
    , m_timer(new QTimer(this))
{
    m_dialog->setObjectName(u"exportProgress"_s);
    m_dialog->setWindowTitle(tr("Export"));
    m_dialog->setLabelText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(request.outputPath)));
    m_dialog->setCancelButtonText(tr("Cancel"));
    m_dialog->setWindowModality(Qt::NonModal);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setMinimumDuration(500);
    m_dialog->setRange(0, 0); // busy until the export has counted its incidents
    connect(m_dialog, &QProgressDialog::canceled, this, &ExportRunner::cancel);
    // The export thread only writes two counters; the window reads them.
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ExportRunner::showProgress);
    connect(&m_watcher, &QFutureWatcher<void>::finished, this, &ExportRunner::done);
}

ExportRunner::~ExportRunner()
{
    // The window closing during an export: stop it and wait, so that its
    // temporary file is gone before the program is.
    m_shared->cancel = true;
    m_watcher.waitForFinished();
    delete m_dialog;
}

void ExportRunner::start()
{
    const std::shared_ptr<Shared> shared = m_shared;
    const QString path = m_workspacePath;
    const ExportRequest request = m_request;
    m_timer->start();
    m_watcher.setFuture(QtConcurrent::run([shared, path, request] {
        shared->result = exportIncidents(path, request, [&shared](qint64 done, qint64 total) {
            shared->total = total;
            shared->done = done;
            return !shared->cancel.load();
        });
    }));
}

void ExportRunner::cancel()
{
    m_shared->cancel = true;
    if (m_dialog) {
        m_dialog->setLabelText(tr("Cancelling the export…"));
    }
}

void ExportRunner::showProgress()
{
    const qint64 done = m_shared->done;
    const qint64 total = m_shared->total;
    if (done == m_shownDone || !m_dialog) {
        return;
    }
    m_shownDone = done;
    if (total > 0 && !m_shared->cancel) {
        // QProgressDialog counts in int: scale a total beyond it.
        const qint64 scale = total / std::numeric_limits<int>::max() + 1;
        m_dialog->setRange(0, int(total / scale));
        m_dialog->setValue(int(done / scale));
        m_dialog->setLabelText(tr("Exporting to %1: %2 of %3 incidents…")
                                   .arg(QDir::toNativeSeparators(m_request.outputPath), QLocale().toString(done),
                                        QLocale().toString(total)));
    }
    emit progressed(done, total);
}

void ExportRunner::done()
{
    m_timer->stop();
    showProgress();
    if (m_dialog) {
        m_dialog->hide();
    }
    ExportResult result = m_shared->result;
    if (result.cancelled) {
        result.error = tr("The export was cancelled; nothing was written.");
    }
    emit finished(result);
    deleteLater();
}

} // namespace Rasid
