#include "settingsdialog.h"

#include "shortcuteditor.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QSpinBox>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Rasid {

QList<QPair<QString, QString>> SettingsDialog::languages()
{
    // Each language named in itself, as language pickers do.
    return {{u"en"_s, u"English"_s}, {u"ar"_s, u"العربية"_s}};
}

SettingsDialog::SettingsDialog(const Preferences &preferences, const ActionRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_analyst(new QLineEdit(this))
    , m_fontFamily(new QFontComboBox(this))
    , m_fontSize(new QDoubleSpinBox(this))
    , m_language(new QComboBox(this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);

    // General: who is editing and in which language.
    auto *general = new QWidget(tabs);
    auto *generalForm = new QFormLayout(general);
    m_analyst->setObjectName(u"analystName"_s);
    m_analyst->setText(preferences.analyst);
    m_analyst->setPlaceholderText(tr("Your name, stored with every edit"));
    m_language->addItem(tr("System language"), QString());
    for (const auto &language : languages()) {
        m_language->addItem(language.second, language.first);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language)));
    auto *languageNote = new QLabel(tr("A new interface language applies at the next start."), general);
    languageNote->setWordWrap(true);
    generalForm->addRow(tr("&Analyst name:"), m_analyst);
    generalForm->addRow(tr("Interface &language:"), m_language);
    generalForm->addRow(QString(), languageNote);
    // Backups: a damaged disk or a mistaken bulk edit costs at most a few minutes.
    m_backupEnabled = new QCheckBox(tr("&Back up the open workspace while I edit"), general);
    m_backupEnabled->setObjectName(u"backupEnabled"_s);
    m_backupEnabled->setChecked(preferences.backupEnabled);
    m_backupEvery = new QSpinBox(general);
    m_backupEvery->setObjectName(u"backupEvery"_s);
    m_backupEvery->setRange(1, 240);
    m_backupEvery->setSuffix(tr(" min of editing"));
    m_backupEvery->setValue(preferences.backupEveryMinutes);
    m_backupKeep = new QSpinBox(general);
    m_backupKeep->setObjectName(u"backupKeep"_s);
    m_backupKeep->setRange(1, 100);
    m_backupKeep->setValue(preferences.backupKeep);
    auto *backupNote = new QLabel(tr("A backup is also made when the workspace closes. File › Restore from Backup "
                                     "brings one back."),
                                  general);
    backupNote->setWordWrap(true);
    connect(m_backupEnabled, &QCheckBox::toggled, m_backupEvery, &QWidget::setEnabled);
    connect(m_backupEnabled, &QCheckBox::toggled, m_backupKeep, &QWidget::setEnabled);
    m_backupEvery->setEnabled(preferences.backupEnabled);
    m_backupKeep->setEnabled(preferences.backupEnabled);
    generalForm->addRow(QString(), m_backupEnabled);
    generalForm->addRow(tr("Back up &every:"), m_backupEvery);
    generalForm->addRow(tr("&Keep the newest:"), m_backupKeep);
    generalForm->addRow(QString(), backupNote);
    tabs->addTab(general, tr("General"));

    // Article: font and entity colours.
    auto *article = new QWidget(tabs);
    auto *articleLayout = new QVBoxLayout(article);
    auto *fontForm = new QFormLayout;
    m_fontFamily->setWritingSystem(QFontDatabase::Arabic);
    m_fontFamily->setCurrentFont(QFont(preferences.articleFont.families().value(0, preferences.articleFont.family())));
    m_fontSize->setRange(6, 48);
    m_fontSize->setDecimals(1);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(preferences.articleFont.pointSizeF() > 0 ? preferences.articleFont.pointSizeF() : 13);
    fontForm->addRow(tr("Article &font:"), m_fontFamily);
    fontForm->addRow(tr("Font &size:"), m_fontSize);
    articleLayout->addLayout(fontForm);
    auto *colors = new QGridLayout;
    const QVector<EntityType> types = allEntityTypes();
    for (int i = 0; i < types.size(); ++i) {
        const EntityType type = types.at(i);
        auto *button = new QPushButton(article);
        button->setObjectName(u"color-"_s + entityTypeName(type));
        connect(button, &QPushButton::clicked, this, [this, type] { chooseColor(type); });
        colors->addWidget(button, i / 2, i % 2);
        m_colorButtons.insert(type, button);
        updateColorButton(type);
    }
    articleLayout->addWidget(new QLabel(tr("Highlight colours:"), article));
    articleLayout->addLayout(colors);
    auto *resetColors = new QPushButton(tr("Default colours"), article);
    connect(resetColors, &QPushButton::clicked, this, [this, types] {
        for (EntityType type : types) {
            m_preferences.style.setColor(type, {});
            updateColorButton(type);
        }
    });
    articleLayout->addWidget(resetColors, 0, Qt::AlignLeading);
    articleLayout->addStretch();
    tabs->addTab(article, tr("Article"));

    // Suggestions: which ones are filled in.
    auto *suggestions = new QWidget(tabs);
    auto *suggestionsForm = new QFormLayout(suggestions);
    m_lookBelow = new QSpinBox(suggestions);
    m_lookBelow->setObjectName(u"lookBelow"_s);
    m_lookBelow->setRange(0, 100);
    m_lookBelow->setSingleStep(5);
    m_lookBelow->setSuffix(QLocale().percent());
    m_lookBelow->setSpecialValueText(tr("Fill in every suggestion"));
    m_lookBelow->setValue(preferences.lookBelowPercent);
    auto *lookNote = new QLabel(tr("A suggested field whose confidence is below this is not filled in: the form "
                                   "shows it as needing a look, and Confirm accepts it. Confidences are "
                                   "calibrated: of the fields shown at 80%, about 80% are right."),
                                suggestions);
    lookNote->setWordWrap(true);
    suggestionsForm->addRow(tr("Fields need a &look below:"), m_lookBelow);
    suggestionsForm->addRow(QString(), lookNote);
    tabs->addTab(suggestions, tr("Suggestions"));

    // Shortcuts.
    m_shortcuts = new ShortcutEditor(registry, tabs);
    auto *resetShortcuts = new QPushButton(tr("Default shortcuts"), m_shortcuts);
    connect(resetShortcuts, &QPushButton::clicked, m_shortcuts, &ShortcutEditor::resetAll);
    m_shortcuts->layout()->addWidget(resetShortcuts);
    tabs->addTab(m_shortcuts, tr("Shortcuts"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_analyst, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    validate();
    resize(620, 560);
}

Preferences SettingsDialog::preferences() const
{
    Preferences result = m_preferences;
    result.analyst = m_analyst->text().simplified();
    result.backupEnabled = m_backupEnabled->isChecked();
    result.backupEveryMinutes = m_backupEvery->value();
    result.backupKeep = m_backupKeep->value();
    QFont font = m_preferences.articleFont;
    QStringList families = font.families();
    families.removeAll(m_fontFamily->currentFont().family());
    families.prepend(m_fontFamily->currentFont().family());
    font.setFamilies(families);
    font.setPointSizeF(m_fontSize->value());
    result.articleFont = font;
    result.language = m_language->currentData().toString();
    result.shortcuts = m_shortcuts->shortcuts();
    result.lookBelowPercent = m_lookBelow->value();
    return result;
}

void SettingsDialog::chooseColor(EntityType type)
{
    const QColor color = QColorDialog::getColor(m_preferences.style.color(type), this,
                                                tr("Colour for %1").arg(EntityStyle::label(type)));
    if (color.isValid()) {
        m_preferences.style.setColor(type, color);
        updateColorButton(type);
    }
}

void SettingsDialog::updateColorButton(EntityType type)
{
    QPushButton *button = m_colorButtons.value(type);
    QPixmap swatch(32, 16);
    swatch.fill(m_preferences.style.color(type));
    QPainter painter(&swatch);
    painter.setPen(Qt::darkGray);
    painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1));
    button->setIcon(QIcon(swatch));
    button->setText(EntityStyle::label(type));
}

void SettingsDialog::validate()
{
    if (auto *buttons = findChild<QDialogButtonBox *>()) {
        // Every edit is signed; an empty name would make the audit log useless.
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_analyst->text().simplified().isEmpty());
    }
}

} // namespace Rasid
