#pragma once

#include <QByteArray>
#include <QString>

namespace Rasid {

/*
 * The name Rasid signs a new analyst's edits with until they choose one in
 * Settings: the operating system already knows it. The account's full name
 * (the first field of the passwd GECOS entry), else its login name, else
 * $USER; never empty.
 */
QString systemAnalystName();

// The rule behind systemAnalystName(), on the raw passwd fields (GECOS is
// "Full Name,Room,Work phone,Home phone,Other"; '&' in it stands for the login
// name with its first letter capitalised, as finger(1) reads it).
QString analystNameFromAccount(const QByteArray &gecos, const QByteArray &login);

} // namespace Rasid
