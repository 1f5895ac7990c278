#pragma once

#include "extract/entity.h"

#include <QStringView>

namespace Rasid {
inline namespace Extract {

/*
 * Names written in Latin letters inside Arabic text: companies, services,
 * malware and groups that no lexicon lists (CBC News, Simplii Financial,
 * WannaCry). A run of capitalised Latin words (or acronyms), which may hold
 * "of", "and", "for", "the", "de" or "&" between them, that no other entity
 * covers, becomes an organization entity with the attribute latin=1. Web
 * addresses, e-mail addresses and hashtags are not names. Spans are UTF-16
 * offsets into the text.
 */
EntityList latinNames(QStringView text, const EntityList &known);

} // namespace Extract
} // namespace Rasid
