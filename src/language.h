/* Internal: which embedded translation answers for a language name. */
#ifndef SMTPCODES_LANGUAGE_H
#define SMTPCODES_LANGUAGE_H

/*
 * Returns the row of the embedded translations for LANG ("de", "pt_BR",
 * "fr_CA.UTF-8"), trying ll_CC@modifier, ll@modifier, ll_CC, then ll, as
 * gettext does; -1 when only English can answer.
 */
int smtpcodes_i_language_row(const char *lang);

#endif
