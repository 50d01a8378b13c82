/* SPDX-License-Identifier: MIT */
/* libFuzzer: any bytes as a code, and as the name of a language. */
#include "smtpcodes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct smtpcodes_info info;
    int status = smtpcodes_enhanced_string(text, NULL, &info);
    if (status == SMTPCODES_INVALID && (*info.summary || info.severity))
        abort();
    int k, s, d;
    if (smtpcodes_parse_enhanced(text, size, &k, &s, &d) == SMTPCODES_OK &&
        smtpcodes_enhanced(k, s, d, "en", &info) != SMTPCODES_OK)
        abort();
    int code = smtpcodes_parse_reply_code(text, size);
    if (code >= 0 && (code < 200 || code > 599))
        abort();
    /* The bytes as a language: any answer is fine, a crash is not. */
    smtpcodes_reply(550, text, &info);
    if (!info.lang || !info.summary[0])
        abort();
    smtpcodes_enhanced(4, 7, 550, text, &info);
    free(text);
    return 0;
}
