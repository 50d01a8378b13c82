/* SPDX-License-Identifier: MIT */
/*
 * The library without its locale path (SMTPCODES_WITH_LOCALE=OFF, and the
 * WebAssembly build of web/): no gettext and no catalogs. A lookup that names
 * its language answers from the embedded translations as always; one that
 * names none (NULL) answers in English.
 */
#include "language.h"
#include "messages.h"
#include "smtpcodes.h"
#include "smtpcodes_tables.h"

int smtpcodes_i_resolve(const char *lang)
{
    int row = lang ? smtpcodes_i_language_row(lang) : -1;
    return row >= 0 ? row : SMTPCODES_I_ENGLISH;
}

int smtpcodes_i_resolve_locale_answer(void)
{
    return SMTPCODES_I_ENGLISH;
}

/* No answer is kept: none is made through a locale. */
int smtpcodes_i_kept_answer(uint32_t key, struct smtpcodes_info *info)
{
    (void)key;
    (void)info;
    return SMTPCODES_I_NOT_KEPT;
}

int smtpcodes_i_keep_answer(uint32_t key, int status, const struct smtpcodes_info *info)
{
    (void)key;
    (void)status;
    (void)info;
    return 1;
}

/* Never reached: no language resolves to the locale here. */
const char *smtpcodes_i_message_by_locale(uint32_t index, int language, const char **used)
{
    (void)language;
    if (used)
        *used = "en";
    return smtpcodes_tab_text(smtpcodes_tab_messages[index].english);
}

SMTPCODES_API const char *smtpcodes_localedir(void)
{
    return "";
}

SMTPCODES_API int smtpcodes_set_localedir(const char *dir)
{
    (void)dir;
    return SMTPCODES_INVALID;
}
