/* SPDX-License-Identifier: MIT */
#include "stream.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void stream_init(struct stream *s, struct printer *printer, size_t limit)
{
    *s = (struct stream){.printer = printer, .limit = limit};
}

void stream_free(struct stream *s)
{
    free(s->line);
    s->line = NULL;
}

/* One whole line, or the first LIMIT bytes of a longer one; CRs at its end are a line end. */
static void explain_line(struct stream *s, const char *line, size_t length)
{
    while (length > 0 && line[length - 1] == '\r')
        length--;
    if (length > 0)
        printer_explain(s->printer, line, length);
}

static void warn_long_line(struct stream *s)
{
    char message[200];
    snprintf(message, sizeof message,
             "smtpcodes: line %lu is longer than %zu bytes: explained from its first %zu "
             "bytes, the rest skipped\n",
             s->number + 1, s->limit, s->limit);
    printer_warn(s->printer, message);
}

/* Keeps N more bytes of the current line, whose end is still to come. */
static int keep(struct stream *s, const char *part, size_t n)
{
    if (!s->line && !(s->line = malloc(s->limit ? s->limit : 1))) {
        s->printer->error = ENOMEM;
        return -1;
    }
    if (n)
        memcpy(s->line + s->length, part, n);
    s->length += n;
    return 0;
}

/* The part of the current line that this piece of input holds: N bytes, and its end
 * if COMPLETE. */
static void take_part(struct stream *s, const char *part, size_t n, int complete)
{
    /* The common case: a whole line in one piece, explained where it lies. */
    if (s->length == 0 && complete && n <= s->limit) {
        explain_line(s, part, n);
        return;
    }
    size_t room = s->limit - s->length;
    if (n > room) {
        if (keep(s, part, room) < 0)
            return;
        explain_line(s, s->line, s->length);
        warn_long_line(s);
        s->length = 0;
        s->skipping = 1;
        return;
    }
    if (keep(s, part, n) < 0)
        return;
    if (complete) {
        explain_line(s, s->line, s->length);
        s->length = 0;
    }
}

int stream_feed(struct stream *s, const char *data, size_t n)
{
    while (n > 0 && !s->printer->error) {
        const char *end = memchr(data, '\n', n);
        size_t part = end ? (size_t)(end - data) : n;
        if (!s->skipping)
            take_part(s, data, part, end != NULL);
        if (end) {
            s->skipping = 0;
            s->number++;
            part++;
        }
        data += part;
        n -= part;
    }
    return s->printer->error ? -1 : 0;
}

int stream_finish(struct stream *s)
{
    if (!s->skipping && s->length > 0 && !s->printer->error)
        explain_line(s, s->line, s->length);
    s->length = 0;
    s->skipping = 0;
    return s->printer->error ? -1 : 0;
}
