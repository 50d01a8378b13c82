#include "language.h"

#include "smtpcodes_tables.h"

#include <string.h>

static int row_of(const char *name, size_t length)
{
    (void)name; /* unused when no translation is embedded */
    if (length == 0 || length >= sizeof smtpcodes_tab_language_names[0])
        return -1;
#if SMTPCODES_TAB_LANGUAGES > 0 /* else the table has only a placeholder row */
    for (int row = 0; row < SMTPCODES_TAB_LANGUAGES; row++) {
        const char *candidate = smtpcodes_tab_language_names[row];
        if (strlen(candidate) == length && memcmp(candidate, name, length) == 0)
            return row;
    }
#endif
    return -1;
}

int smtpcodes_i_language_row(const char *lang)
{
    /* A locale name's parts: language, _territory, .codeset, @modifier. */
    size_t language = strcspn(lang, "_.@");
    size_t territory = language + (lang[language] == '_' ? strcspn(lang + language, ".@") : 0);
    const char *modifier = strchr(lang + territory, '@');
    char name[32];
    int row = -1;
    if (modifier && territory + strlen(modifier) < sizeof name) {
        memcpy(name, lang, territory);
        strcpy(name + territory, modifier);
        row = row_of(name, strlen(name));
        if (row < 0 && territory > language) {
            memcpy(name, lang, language);
            strcpy(name + language, modifier);
            row = row_of(name, strlen(name));
        }
    }
    if (row < 0 && territory > language)
        row = row_of(lang, territory);
    if (row < 0)
        row = row_of(lang, language);
    return row;
}
