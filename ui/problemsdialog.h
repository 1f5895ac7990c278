#pragma once

#include <QDialog>

class QAbstractItemModel;
class QLabel;
class QTableView;

namespace Rasid {

/*
 * The files an import could not read, or read only in part, with the reason:
 * opened from the status bar. Activating a row asks the main window to show
 * that file's article when it has one.
 */
class ProblemsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemsDialog)
public:
    explicit ProblemsDialog(QAbstractItemModel *problems, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }

signals:
    void pathActivated(const QString &path);

private:
    void updateSummary();

    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace Rasid
