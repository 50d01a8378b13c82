/* SPDX-License-Identifier: MIT */
/*
 * The command's own messages and their translations, built in: the generator writes them
 * (embedded_messages.c, in the build tree) from the command's template and po/LANG.po, in
 * the library's style: strings are offsets into one object, the messages are sorted as
 * strcmp() sorts, so is the list of languages, and each language has one row giving, for
 * each message, the offset of its translation (0: not translated).
 */
#ifndef SMTPCODES_CLI_EMBEDDED_H
#define SMTPCODES_CLI_EMBEDDED_H

#include <stddef.h>
#include <stdint.h>

struct cli_embedded_strings;
extern const struct cli_embedded_strings cli_embedded_strings;

extern const size_t cli_embedded_message_count;
extern const size_t cli_embedded_language_count;
extern const uint32_t cli_embedded_msgids[];       /* [message] */
extern const char cli_embedded_languages[][16];    /* [language] */
extern const uint32_t cli_embedded_translations[]; /* [language * message count + message] */

static inline const char *cli_embedded_text(uint32_t offset)
{
    return (const char *)&cli_embedded_strings + offset;
}

/* The built-in translation of ENGLISH into the language the command runs in (its
 * --lang, or the locale's), as gettext would choose the language; NULL when there
 * is none. */
const char *embedded_translation(const char *english);

#endif
