#pragma once

#include <QPair>
#include <QString>
#include <QVector>

namespace Rasid {

/*
 * Country names for the interface: in Arabic from the countries lexicon (its
 * first name per code is ICU's Arabic display name), otherwise from Qt's own
 * territory names. The codes are ISO 3166-1 alpha-2, as the workspace stores them.
 */
QString countryLabel(const QString &isoCode);
// "الأردن (JO)" / "Jordan (JO)": how combos name a country.
QString countryChoiceLabel(const QString &isoCode);
// Every country as (code, label), sorted by label in the interface language.
const QVector<QPair<QString, QString>> &countryChoices();

} // namespace Rasid
