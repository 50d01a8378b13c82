/* libFuzzer: any bytes as a line the command reads, in text and in JSON. */
#include "explain.h"
#include "output.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static FILE *sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!sink)
        sink = fopen("/dev/null", "w");
    struct explanation e;
    explain((const char *)data, size, NULL, &e);
    json_print(sink, &e);
    if (e.found)
        text_print(sink, &e, NULL);
    else
        text_print_not_found(sink, &e);
    return 0;
}
