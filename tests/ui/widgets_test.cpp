#include "actionregistry.h"
#include "exportdialog.h"
#include "fielddelegate.h"
#include "fieldeditors.h"
#include "iconproxymodel.h"
#include "itemmodels/roles.h"
#include "settingsdialog.h"
#include "shortcuteditor.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QIcon>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Rasid;

namespace {

// A registry with a few of the main window's actions and their default keys.
void fillRegistry(ActionRegistry &registry)
{
    const QList<QPair<QString, QString>> actions = {
        {u"confirmField"_s, u"Return"_s},  {u"confirmIncident"_s, u"Ctrl+Return"_s},
        {u"rejectIncident"_s, u"Ctrl+Del"_s}, {u"assignVictim"_s, u"Ctrl+1"_s},
        {u"assignActor"_s, u"Ctrl+2"_s},    {u"undo"_s, u"Ctrl+Z"_s},
        {u"about"_s, QString()},
    };
    for (const auto &[id, keys] : actions) {
        registry.add(id, QKeySequence::fromString(keys, QKeySequence::PortableText))->setText(id);
    }
}

} // namespace

class WidgetsTest : public QObject
{
    Q_OBJECT
private slots:
    void registryRefusesClashingShortcuts();
    void registryAcceptsASwap();
    void registryStoresOnlyChangedShortcuts();
    void returnAlsoBindsTheKeypadEnter();
    void shortcutEditorRefusesAClash();
    void shortcutEditorAssignsAFreeSequence();
    void settingsDialogNeedsAnAnalystName();
    void partialDateRoundTrips_data();
    void partialDateRoundTrips();
    void recordsSpinBoxHoldsLargeCounts();
    void fieldDelegatePicksTheEditorByKind_data();
    void fieldDelegatePicksTheEditorByKind();
    void exportDialogFollowsTheFormat();
    void iconProxyPaintsTheNamedIcons();
};

void WidgetsTest::registryRefusesClashingShortcuts()
{
    ActionRegistry registry;
    fillRegistry(registry);
    QCOMPARE(registry.clashOf(u"assignActor"_s, QKeySequence(u"Ctrl+1"_s)), u"assignVictim"_s);
    QVERIFY(!registry.setShortcut(u"assignActor"_s, QKeySequence(u"Ctrl+1"_s)));
    QCOMPARE(registry.shortcut(u"assignActor"_s), QKeySequence(u"Ctrl+2"_s));
    // A chord that starts with another shortcut could never be typed either.
    registry.add(u"chord"_s)->setText(u"chord"_s);
    QVERIFY(!registry.setShortcut(u"chord"_s, QKeySequence(u"Ctrl+1, Ctrl+C"_s)));
    QString a;
    QString b;
    QVERIFY(!registry.setShortcuts({{u"about"_s, QKeySequence(u"Ctrl+Z"_s)}}, &a, &b));
    QCOMPARE(QSet<QString>({a, b}), QSet<QString>({u"about"_s, u"undo"_s}));
    QVERIFY(registry.action(u"about"_s)->shortcut().isEmpty());
}

void WidgetsTest::registryAcceptsASwap()
{
    ActionRegistry registry;
    fillRegistry(registry);
    QVERIFY(registry.setShortcuts({{u"assignVictim"_s, QKeySequence(u"Ctrl+2"_s)},
                                   {u"assignActor"_s, QKeySequence(u"Ctrl+1"_s)}}));
    QCOMPARE(registry.shortcut(u"assignVictim"_s), QKeySequence(u"Ctrl+2"_s));
    QCOMPARE(registry.shortcut(u"assignActor"_s), QKeySequence(u"Ctrl+1"_s));
    // The tooltip follows the key.
    QVERIFY(registry.action(u"assignVictim"_s)->toolTip().contains(QKeySequence(u"Ctrl+2"_s).toString(QKeySequence::NativeText)));
}

void WidgetsTest::registryStoresOnlyChangedShortcuts()
{
    ActionRegistry registry;
    fillRegistry(registry);
    QVERIFY(registry.overrides().isEmpty());
    QVERIFY(registry.setShortcut(u"about"_s, QKeySequence(u"F1"_s)));
    QCOMPARE(registry.overrides(), QVariantMap({{u"about"_s, u"F1"_s}}));

    ActionRegistry restored;
    fillRegistry(restored);
    restored.applyOverrides(registry.overrides());
    QCOMPARE(restored.shortcut(u"about"_s), QKeySequence(u"F1"_s));
    // A hand-edited file that makes two commands clash falls back to the defaults.
    restored.applyOverrides({{u"about"_s, u"Ctrl+Z"_s}});
    QCOMPARE(restored.shortcut(u"about"_s), QKeySequence());
    QCOMPARE(restored.shortcut(u"undo"_s), QKeySequence(u"Ctrl+Z"_s));
}

void WidgetsTest::returnAlsoBindsTheKeypadEnter()
{
    ActionRegistry registry;
    fillRegistry(registry);
    const QList<QKeySequence> keys = registry.action(u"confirmField"_s)->shortcuts();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(1)[0].key(), Qt::Key_Enter);
}

void WidgetsTest::shortcutEditorRefusesAClash()
{
    ActionRegistry registry;
    fillRegistry(registry);
    ShortcutEditor editor(&registry);
    QVERIFY(!editor.assign(u"assignActor"_s, QKeySequence(u"Ctrl+Return"_s)));
    QVERIFY(editor.lastMessage().contains(u"confirmIncident"_s));
    QCOMPARE(editor.shortcuts().value(u"assignActor"_s), QKeySequence(u"Ctrl+2"_s));
    // Typing the keys in the editor goes through the same check.
    editor.table()->selectRow(int(registry.ids().indexOf(u"assignActor"_s)));
    auto *keys = editor.findChild<QKeySequenceEdit *>();
    QVERIFY(keys);
    keys->setKeySequence(QKeySequence(u"Ctrl+1"_s));
    emit keys->editingFinished();
    QCOMPARE(editor.shortcuts().value(u"assignActor"_s), QKeySequence(u"Ctrl+2"_s));
    QVERIFY(editor.lastMessage().contains(u"assignVictim"_s));
}

void WidgetsTest::shortcutEditorAssignsAFreeSequence()
{
    ActionRegistry registry;
    fillRegistry(registry);
    ShortcutEditor editor(&registry);
    QVERIFY(editor.assign(u"assignActor"_s, QKeySequence(u"Ctrl+9"_s)));
    const int row = int(registry.ids().indexOf(u"assignActor"_s));
    QCOMPARE(editor.table()->item(row, 1)->text(), ActionRegistry::keysText(QKeySequence(u"Ctrl+9"_s)));
    // Nothing changes in the registry until the dialog is accepted.
    QCOMPARE(registry.shortcut(u"assignActor"_s), QKeySequence(u"Ctrl+2"_s));
    QVERIFY(registry.setShortcuts(editor.shortcuts()));
    QCOMPARE(registry.shortcut(u"assignActor"_s), QKeySequence(u"Ctrl+9"_s));
    editor.resetAll();
    QCOMPARE(editor.shortcuts().value(u"assignActor"_s), QKeySequence(u"Ctrl+2"_s));
}

void WidgetsTest::settingsDialogNeedsAnAnalystName()
{
    ActionRegistry registry;
    fillRegistry(registry);
    Preferences preferences;
    preferences.analyst = u"سارة"_s;
    preferences.articleFont.setFamilies({u"Noto Naskh Arabic"_s});
    preferences.articleFont.setPointSize(14);
    SettingsDialog dialog(preferences, &registry);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.analystEdit()->setText(u"  "_s);
    QVERIFY(!ok->isEnabled());
    dialog.analystEdit()->setText(u" ليلى  حسن "_s);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.preferences().analyst, u"ليلى حسن"_s);
    QCOMPARE(dialog.preferences().articleFont.pointSizeF(), 14.0);
    QVERIFY(dialog.shortcutEditor()->assign(u"about"_s, QKeySequence(u"F1"_s)));
    QCOMPARE(dialog.preferences().shortcuts.value(u"about"_s), QKeySequence(u"F1"_s));
}

void WidgetsTest::partialDateRoundTrips_data()
{
    QTest::addColumn<QString>("iso");
    QTest::newRow("year") << u"2018"_s;
    QTest::newRow("month of a year") << u"2024-04"_s;
    QTest::newRow("full date") << u"2024-04-20"_s;
    QTest::newRow("day and month, year unknown") << u"XXXX-01-05"_s;
    QTest::newRow("empty") << QString();
}

void WidgetsTest::partialDateRoundTrips()
{
    QFETCH(QString, iso);
    PartialDateEdit edit;
    edit.setIsoDate(iso);
    QCOMPARE(edit.isoDate(), iso);
}

void WidgetsTest::recordsSpinBoxHoldsLargeCounts()
{
    RecordsSpinBox spin;
    QCOMPARE(spin.digits(), QString());
    spin.setDigits(u"3000000000"_s); // beyond an int
    QCOMPARE(spin.digits(), u"3000000000"_s);
    spin.setDigits(QString());
    QCOMPARE(spin.digits(), QString());
    QCOMPARE(spin.text(), spin.specialValueText());
}

void WidgetsTest::fieldDelegatePicksTheEditorByKind_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("editorClass");
    QTest::newRow("text") << int(FieldKind::Text) << u"وزارة الصحة"_s << u"QLineEdit"_s;
    QTest::newRow("enumeration") << int(FieldKind::Enumeration) << u"ddos"_s << u"QComboBox"_s;
    QTest::newRow("several codes") << int(FieldKind::MultiEnumeration) << u"contact;personal"_s
                                   << u"Rasid::MultiValueButton"_s;
    QTest::newRow("count") << int(FieldKind::Count) << u"2000000"_s << u"Rasid::RecordsSpinBox"_s;
    QTest::newRow("country") << int(FieldKind::Country) << u"MA"_s << u"QComboBox"_s;
    QTest::newRow("date") << int(FieldKind::Date) << u"2024-04"_s << u"Rasid::PartialDateEdit"_s;
}

void WidgetsTest::fieldDelegatePicksTheEditorByKind()
{
    QFETCH(int, kind);
    QFETCH(QString, value);
    QFETCH(QString, editorClass);
    QStandardItemModel model(1, 1);
    QStandardItem *item = model.item(0, 0) ? model.item(0, 0) : new QStandardItem;
    model.setItem(0, 0, item);
    item->setData(kind, FieldKindRole);
    item->setData(u"field"_s, FieldNameRole);
    item->setData(value, Qt::EditRole);
    if (kind == int(FieldKind::Enumeration)) {
        item->setData(QStringList{QString(), u"ddos"_s, u"ransomware"_s}, AllowedValuesRole);
        item->setData(QStringList{QString(), u"DDoS"_s, u"Ransomware"_s}, AllowedValueLabelsRole);
    } else if (kind == int(FieldKind::MultiEnumeration)) {
        item->setData(QStringList{u"personal"_s, u"contact"_s, u"medical"_s}, AllowedValuesRole);
        item->setData(QStringList{u"Personal"_s, u"Contact"_s, u"Medical"_s}, AllowedValueLabelsRole);
    }
    FieldDelegate delegate;
    QWidget parent;
    const QModelIndex index = model.index(0, 0);
    std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, QStyleOptionViewItem(), index));
    QCOMPARE(QString::fromLatin1(editor->metaObject()->className()), editorClass);
    delegate.setEditorData(editor.get(), index);
    const QString expected = kind == int(FieldKind::MultiEnumeration) ? u"personal;contact"_s : value;
    QCOMPARE(FieldDelegate::editorValue(editor.get()), expected);
    // An unchanged editor writes nothing; a changed one writes its value.
    delegate.setModelData(editor.get(), &model, index);
    QCOMPARE(index.data(Qt::EditRole).toString(), value);
    if (auto *line = qobject_cast<QLineEdit *>(editor.get())) {
        line->setText(u"وزارة التعليم"_s);
        delegate.setModelData(editor.get(), &model, index);
        QCOMPARE(index.data(Qt::EditRole).toString(), u"وزارة التعليم"_s);
    }
}

void WidgetsTest::exportDialogFollowsTheFormat()
{
    QTemporaryDir dir;
    ExportDialog dialog(dir.filePath(u"incidents.csv"_s));
    QVERIFY(dialog.bomCheck()->isEnabled());
    dialog.bomCheck()->setChecked(true);
    QVERIFY(dialog.request().options.bom);
    const int jsonl = dialog.formatCombo()->findData(int(ExportFormat::JsonLines));
    dialog.formatCombo()->setCurrentIndex(jsonl);
    // The byte order mark is a CSV matter; the extension follows the format.
    QVERIFY(!dialog.bomCheck()->isEnabled());
    QVERIFY(!dialog.request().options.bom);
    QCOMPARE(dialog.request().outputPath, dir.filePath(u"incidents.jsonl"_s));
    dialog.scopeCombo()->setCurrentIndex(dialog.scopeCombo()->findData(int(StatusFilter::Confirmed)));
    QCOMPARE(dialog.request().options.status, StatusFilter::Confirmed);
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.pathEdit()->setText(dir.filePath(u"missing/folder/x.csv"_s));
    QVERIFY(!ok->isEnabled());
}

void WidgetsTest::iconProxyPaintsTheNamedIcons()
{
    QStandardItemModel source(3, 2);
    const QStringList names = {u"review-new"_s, u"status-rejected"_s, u"no-such-icon"_s};
    for (int row = 0; row < 3; ++row) {
        source.setItem(row, 0, new QStandardItem(u"row %1"_s.arg(row)));
        source.item(row, 0)->setData(names.at(row), IconNameRole);
    }
    IconProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&source);
    QVERIFY(!proxy.index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!proxy.index(1, 0).data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).isNull());
    QVERIFY(proxy.index(2, 0).data(Qt::DecorationRole).isNull());
    QCOMPARE(proxy.index(1, 0).data().toString(), u"row 1"_s);
    source.removeRow(0);
    QCOMPARE(proxy.rowCount(), 2);
}

QTEST_MAIN(WidgetsTest)
#include "widgets_test.moc"
