#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Rasid {

/*
 * The status-bar face of a background import: what is being read, a progress
 * bar and a Cancel button. Hidden when no import runs.
 */
class ImportStatusWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportStatusWidget)
public:
    explicit ImportStatusWidget(QWidget *parent = nullptr);

    void begin(const QString &folder);
    void setProgress(int filesDone, int filesTotal);
    void setCancelling();
    QToolButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_bar; }

signals:
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
    QString m_folder;
};

} // namespace Rasid
