#pragma once

#include "export/exporter.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QTimer;
class QWidget;

namespace Rasid {

enum class ExportFormat { Csv, JsonLines, Xlsx, Veris, Stix, Misp };

QString exportFormatSuffix(ExportFormat format); // "csv", "jsonl", "xlsx", "json" (VERIS, STIX, MISP)
bool isExportFormatAvailable(ExportFormat format);

struct ExportRequest
{
    ExportFormat format = ExportFormat::Csv;
    ExportOptions options;
    QString outputPath;
};

struct ExportResult
{
    bool ok = false;
    bool cancelled = false; // by the progress report; nothing was written
    int rows = 0;
    QString error;
};

/*
 * Writes the incidents of the workspace file to request.outputPath. It opens
 * its own read-only connection, so it may run on any thread (the GUI runs it
 * with QtConcurrent), and writes through QSaveFile: a failed or interrupted
 * export never leaves a half-written file. progress, when set, is called on
 * that thread with (incidents done, incidents in all); returning false cancels
 * the export, which then leaves no file behind.
 */
ExportResult exportIncidents(const QString &workspacePath, const ExportRequest &request,
                             const std::function<bool(qint64 done, qint64 total)> &progress = {});

/*
 * Runs one export off the GUI thread and shows it: a progress dialog (after
 * half a second, so that a quick export does not flash one) with the incidents
 * done and a Cancel button that stops the export at its next incident. The
 * dialog is not modal: the window stays usable while the export reads its own
 * snapshot of the workspace. finished() is emitted once, when the export has
 * ended and its file (or the absence of one) is final; the runner then
 * deletes itself.
 */
class ExportRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportRunner)
public:
    ExportRunner(const QString &workspacePath, const ExportRequest &request, QWidget *window);
    ~ExportRunner() override;

    void start();
    void cancel();

    QProgressDialog *progressDialog() const { return m_dialog; }
    const ExportRequest &request() const { return m_request; }

signals:
    void progressed(qint64 done, qint64 total);
    void finished(const Rasid::ExportResult &result);

private:
    // What the export thread and the window share.
    struct Shared
    {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic<bool> cancel{false};
        ExportResult result;
    };

    void showProgress();
    void done();

    QString m_workspacePath;
    ExportRequest m_request;
    std::shared_ptr<Shared> m_shared;
    QFutureWatcher<void> m_watcher;
    QPointer<QProgressDialog> m_dialog;
    QTimer *m_timer = nullptr;
    qint64 m_shownDone = -1;
};

} // namespace Rasid
