/* SPDX-License-Identifier: MIT */
/* libFuzzer: any bytes as a server reply. Spans must stay inside the input, and both
 * readings of the parser (fast and general) must agree. */
#include "parse_reply.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct smtpcodes_reply_parts p;
    int status = smtpcodes_parse_reply((const char *)data, size, &p);
    if (status != SMTPCODES_OK && status != SMTPCODES_NOT_FOUND)
        abort();
    if (p.text.offset + p.text.length > size || p.code_span.offset + p.code_span.length > size ||
        p.enhanced_span.offset + p.enhanced_span.length > size)
        abort();
    if (status == SMTPCODES_OK && !p.code && !p.klass)
        abort();
    /* The fast path for bare replies must read exactly as the general scan does. */
    struct smtpcodes_reply_parts general;
    if (smtpcodes_i_parse_reply_generally((const char *)data, size, &general) != status ||
        memcmp(&general, &p, sizeof p) != 0)
        abort();
    struct smtpcodes_info info;
    if (p.code && smtpcodes_reply(p.code, "de", &info) != SMTPCODES_OK)
        abort();
    if (p.klass && smtpcodes_enhanced(p.klass, p.subject, p.detail, "ja", &info) != SMTPCODES_OK)
        abort();
    return 0;
}
