#include "messages.h"

#include "domain.h"
#include "language.h"
#include "smtpcodes_tables.h"

#include <libintl.h>

static const char *english(uint32_t index, const char **used)
{
    *used = "en";
    return smtpcodes_tab_text(smtpcodes_tab_messages[index].english);
}

/* The installed catalogs, through gettext: the locale exactly as gettext sees it. */
static const char *from_catalogs(uint32_t index, const char **used)
{
    smtpcodes_i_bind_domain();
    const char *key = smtpcodes_tab_text(smtpcodes_tab_messages[index].key);
    const char *translated = dgettext(SMTPCODES_DOMAIN, key);
    if (translated == key)
        return english(index, used);
    /* Every catalog translates this message as its own language code. */
    const char *language_key = smtpcodes_tab_text(smtpcodes_tab_messages[0].key);
    const char *language = dgettext(SMTPCODES_DOMAIN, language_key);
    *used = language == language_key ? "und" : language;
    return translated;
}

/* The translations embedded at build time: no locale or catalog needed. */
static const char *from_tables(uint32_t index, const char *lang, const char **used)
{
    int row = smtpcodes_i_language_row(lang);
    uint32_t offset = row >= 0 ? smtpcodes_tab_translations[row][index] : 0;
    if (offset == 0)
        return english(index, used);
    *used = smtpcodes_tab_language_names[row];
    return smtpcodes_tab_translated_text(offset);
}

const char *smtpcodes_i_message(uint32_t index, const char *lang, const char **used)
{
    return lang ? from_tables(index, lang, used) : from_catalogs(index, used);
}
