/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer: any bytes as codes.xml. The generator must report, never crash,
 * hang, expand an entity or read another file; valid input must give tables.
 */
#include "catalog.h"
#include "check.h"
#include "diag.h"
#include "emit_tables.h"
#include "load.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char path[4096];
static int fd = -1;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fd < 0) {
        const char *dir = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/smtpcodes-fuzz-codes-XXXXXX", dir && *dir ? dir : "/tmp");
        fd = mkstemp(path);
        /* Diagnostics are the expected outcome; keep the fuzzer's output readable. */
        diag_set_output(fopen("/dev/null", "w"));
    }
    if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        return 0;
    struct codes codes = {0};
    struct catalog catalog = {0};
    if (load_codes(path, SMTPCODES_SCHEMA_PATH, &codes) == 0 && check_codes(&codes) == 0 &&
        catalog_build(&codes, &catalog, 1) == 0) {
        char *header = NULL, *source = NULL;
        size_t header_size = 0, source_size = 0;
        FILE *h = open_memstream(&header, &header_size);
        FILE *c = open_memstream(&source, &source_size);
        if (emit_tables(&codes, &catalog, NULL, 0, h, c) != 0)
            abort();
        fclose(h);
        fclose(c);
        free(header);
        free(source);
    }
    if (catalog.index)
        catalog_free(&catalog);
    codes_free(&codes);
    return 0;
}
