/* Internal: the text of a translatable message in the language asked for. */
#ifndef SMTPCODES_MESSAGES_H
#define SMTPCODES_MESSAGES_H

#include <stdint.h>

/*
 * Returns message INDEX of the generated tables in LANG (NULL: the calling
 * thread's locale), and sets *USED to the language the text is in.
 */
const char *smtpcodes_i_message(uint32_t index, const char *lang, const char **used);

#endif
