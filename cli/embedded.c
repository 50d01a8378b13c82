/* SPDX-License-Identifier: MIT */
#include "embedded.h"

#include <smtpcodes.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

static int compare_language(const void *code, const void *row)
{
    return strcmp(code, row);
}

/* The row of the built-in language NAME would get from the library (ll_CC, then ll); -1
 * when it gets English, -2 when the library does not know it. */
static int language_row(const char *name)
{
    smtpcodes_lang lang = smtpcodes_language(name);
    const char *code;
    if (lang == SMTPCODES_LANG_UNKNOWN)
        return -2;
    if (lang < 0 || smtpcodes_language_at((size_t)lang + 1, &code, NULL) != SMTPCODES_OK)
        return -1;
    const char(*row)[16] = bsearch(code, cli_embedded_languages, cli_embedded_language_count,
                                   sizeof cli_embedded_languages[0], compare_language);
    return row ? (int)(row - cli_embedded_languages) : -1;
}

/* The first language of LANGUAGE that is built in, or the locale's, as gettext tries
 * them (it reads LANGUAGE only outside the C locale); -1 for English. */
static int current_row(void)
{
    const char *messages = setlocale(LC_MESSAGES, NULL);
    if (!messages || strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0)
        return -1;
    const char *list = getenv("LANGUAGE");
    for (const char *entry = list; entry && *entry;) {
        size_t length = strcspn(entry, ":");
        char name[64];
        if (length > 0 && length < sizeof name) {
            memcpy(name, entry, length);
            name[length] = '\0';
            int row = language_row(name);
            if (row != -2)
                return row;
        }
        entry += length + (entry[length] == ':');
    }
    int row = language_row(messages);
    return row < 0 ? -1 : row;
}

static int compare_message(const void *english, const void *offset)
{
    return strcmp(english, cli_embedded_text(*(const uint32_t *)offset));
}

const char *embedded_translation(const char *english)
{
    int row = current_row();
    if (row < 0)
        return NULL;
    const uint32_t *found = bsearch(english, cli_embedded_msgids, cli_embedded_message_count,
                                    sizeof cli_embedded_msgids[0], compare_message);
    if (!found)
        return NULL;
    size_t message = (size_t)(found - cli_embedded_msgids);
    uint32_t translation =
        cli_embedded_translations[(size_t)row * cli_embedded_message_count + message];
    return translation ? cli_embedded_text(translation) : NULL;
}
