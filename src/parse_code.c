/* SPDX-License-Identifier: MIT */
/* Reading codes written as text. */
#include "smtpcodes.h"

/* Reads 1 to 3 ASCII digits starting at TEXT[*AT]; returns the value or -1. */
static int read_number(const char *text, size_t length, size_t *at)
{
    int value = 0, digits = 0;
    while (*at < length && text[*at] >= '0' && text[*at] <= '9') {
        if (++digits > 3)
            return -1;
        value = value * 10 + (text[*at] - '0');
        (*at)++;
    }
    return digits ? value : -1;
}

SMTPCODES_API int smtpcodes_parse_reply_code(const char *text, size_t length)
{
    size_t at = 0;
    if (!text || length != 3)
        return SMTPCODES_INVALID;
    int code = read_number(text, length, &at);
    return at == 3 && code >= 200 && code <= 599 ? code : SMTPCODES_INVALID;
}

SMTPCODES_API int smtpcodes_parse_enhanced(const char *text, size_t length, int *klass,
                                           int *subject, int *detail)
{
    size_t at = 1;
    if (!text || length < 5 || (text[0] != '2' && text[0] != '4' && text[0] != '5'))
        return SMTPCODES_INVALID;
    if (text[at++] != '.')
        return SMTPCODES_INVALID;
    int s = read_number(text, length, &at);
    if (s < 0 || at >= length || text[at++] != '.')
        return SMTPCODES_INVALID;
    int d = read_number(text, length, &at);
    if (d < 0 || at != length)
        return SMTPCODES_INVALID;
    if (klass)
        *klass = text[0] - '0';
    if (subject)
        *subject = s;
    if (detail)
        *detail = d;
    return SMTPCODES_OK;
}
