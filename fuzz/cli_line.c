/* SPDX-License-Identifier: MIT */
/* libFuzzer: any bytes as a line the command reads, in text and in JSON. */
#include "buffer.h"
#include "explain.h"
#include "output.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct buffer out;
    struct explanation e;
    explain((const char *)data, size, NULL, &e);
    buffer_clear(&out);
    json_format(&out, &e);
    if (e.found) {
        text_format(&out, &e, NULL, 0);
        text_format(&out, &e, NULL, 1); /* --all-meanings */
    } else {
        text_format_not_found(&out, &e);
    }
    if (out.failed)
        abort();
    return 0;
}
