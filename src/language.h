/* SPDX-License-Identifier: MIT */
/* Internal: which embedded translation answers for a language name. */
#ifndef SMTPCODES_LANGUAGE_H
#define SMTPCODES_LANGUAGE_H

/*
 * 1 when NAME may name a language: 1 to 64 bytes of ASCII letters, digits,
 * "_", "-", "@" and ".", starting with a letter, without "..". Nothing else
 * is ever matched against the tables or handed to gettext.
 */
int smtpcodes_i_language_name_valid(const char *name);

/*
 * Returns the row of the embedded translations for LANG ("de", "pt_BR",
 * "fr_CA.UTF-8", "pt-br", "zh-Hant-TW"), in any case, trying ll_CC@modifier,
 * ll@modifier, ll_CC, then ll, as gettext does (Chinese by its script); -1
 * when only English can answer, or LANG is not a valid name.
 */
int smtpcodes_i_language_row(const char *lang);

/* 1 when LANG is a valid name of English ("en", "en-GB") or of the C locale. */
int smtpcodes_i_language_is_english(const char *lang);

#endif
