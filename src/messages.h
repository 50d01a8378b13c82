/* Internal: the text of a translatable message in the language asked for. */
#ifndef SMTPCODES_MESSAGES_H
#define SMTPCODES_MESSAGES_H

#include "smtpcodes_tables.h"

#include <stdint.h>

/* Where a lookup's texts come from: a row of the embedded translations (>= 0), or: */
enum {
    SMTPCODES_I_ENGLISH = -1, /* the English of codes.xml */
    SMTPCODES_I_LOCALE = -2,  /* the installed catalogs, in the thread's locale */
};

/* Resolves LANG once for a lookup: NULL is the locale; a name follows the fallback
 * chain of smtpcodes_i_language_row(), ending in English. */
int smtpcodes_i_resolve(const char *lang);

/* The locale's answer, through the installed catalogs (see messages.c). */
const char *smtpcodes_i_message_by_locale(uint32_t index, const char **used);

/*
 * Returns message INDEX in LANGUAGE (a value of smtpcodes_i_resolve()), and sets
 * *USED to the language the text is in; USED may be NULL. Inline: a lookup in a
 * named language is a few loads, and callers make it on every reply.
 */
static inline const char *smtpcodes_i_message(uint32_t index, int language, const char **used)
{
    if (language == SMTPCODES_I_LOCALE)
        return smtpcodes_i_message_by_locale(index, used);
    uint32_t offset = language >= 0 ? smtpcodes_tab_translations[language][index] : 0;
    if (offset != 0) {
        if (used)
            *used = smtpcodes_tab_language_names[language];
        return smtpcodes_tab_translated_text(offset);
    }
    if (used)
        *used = "en";
    return smtpcodes_tab_text(smtpcodes_tab_messages[index].english);
}

#endif
