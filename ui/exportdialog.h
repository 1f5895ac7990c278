#pragma once

#include "exportrunner.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace Rasid {

/*
 * Asks how to export the incidents: format (CSV, JSON lines, XLSX, VERIS,
 * STIX, MISP),
 * which incidents (by review status), a byte order mark for CSV files that
 * Excel should open as UTF-8, and where to write. The output name follows the
 * format's extension as it changes.
 */
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)
public:
    explicit ExportDialog(const QString &defaultPath, QWidget *parent = nullptr);

    ExportRequest request() const;
    void setRequest(const ExportRequest &request);
    // The folder the workspace imports: an export is never written inside it,
    // where the next import would read it back as articles.
    void setArticleFolder(const QString &folder);
    // Beside the workspace, or beside the article folder when the workspace is in it.
    static QString defaultExportPath(const QString &workspacePath, const QString &articleFolder);
    // Whether path is in folder or below it.
    static bool isInside(const QString &path, const QString &folder);

    QComboBox *formatCombo() const { return m_format; }
    QComboBox *scopeCombo() const { return m_scope; }
    QCheckBox *bomCheck() const { return m_bom; }
    QLineEdit *pathEdit() const { return m_path; }

private:
    void formatChanged();
    void browse();
    void validate();

    QComboBox *m_format = nullptr;
    QComboBox *m_scope = nullptr;
    QCheckBox *m_bom = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_hint = nullptr;
    QString m_articleFolder;
};

} // namespace Rasid
