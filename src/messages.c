#include "messages.h"

#include "smtpcodes_tables.h"

/*
 * Only English exists in the tables so far; every language, and the locale,
 * falls back to it, and *USED says so.
 */
const char *smtpcodes_i_message(uint32_t index, const char *lang, const char **used)
{
    (void)lang;
    *used = "en";
    return smtpcodes_tab_text(smtpcodes_tab_messages[index].english);
}
