/* SPDX-License-Identifier: MIT */
/*
 * Standard input as the command reads it: one input per line, explained as soon
 * as the line is complete, whatever pieces the bytes arrive in. Memory stays
 * bounded: of a line longer than the limit, the first LIMIT bytes are explained
 * and the rest is skipped, with one warning for that line.
 */
#ifndef SMTPCODES_CLI_STREAM_H
#define SMTPCODES_CLI_STREAM_H

#include "printer.h"

#include <stddef.h>

/* The line limit of the command, documented in smtpcodes(1). */
enum { STREAM_LINE_LIMIT = 64 * 1024 };

struct stream {
    struct printer *printer;
    size_t limit;
    char *line;           /* the start of a line whose end has not come yet */
    size_t length;        /* its length */
    int skipping;         /* the current line passed the limit: its rest is dropped */
    unsigned long number; /* lines ended so far */
};

void stream_init(struct stream *s, struct printer *printer, size_t limit);
void stream_free(struct stream *s);

/* Takes N more bytes of input; returns -1 once writing has failed (printer->error),
 * after which the rest of the input need not be read. */
int stream_feed(struct stream *s, const char *data, size_t n);
/* The end of the input: explains a last line that had no newline. */
int stream_finish(struct stream *s);

#endif
