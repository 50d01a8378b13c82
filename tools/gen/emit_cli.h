/* SPDX-License-Identifier: MIT */
/* The command's own messages and their translations, as a C source the command embeds. */
#ifndef SMTPCODES_GEN_EMIT_CLI_H
#define SMTPCODES_GEN_EMIT_CLI_H

#include "translations.h"

#include <stdio.h>

/*
 * Writes to OUT the messages of TEMPLATE (the command's xgettext template) and, for each of
 * the COUNT LANGUAGES (sorted by code), the translation of each from the language's .po file,
 * in the form cli/embedded.h declares. Fuzzy and empty translations are left out. Returns 0
 * or -1 (reported).
 */
int emit_cli(const char *template_path, const struct language *languages, size_t count, FILE *out);

#endif
