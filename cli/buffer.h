/* SPDX-License-Identifier: MIT */
/* A growing byte buffer: the command builds what it prints here, then writes it at once. */
#ifndef SMTPCODES_CLI_BUFFER_H
#define SMTPCODES_CLI_BUFFER_H

#include <stddef.h>
#include <string.h>

struct buffer {
    char *data;
    size_t length, capacity;
    int failed; /* an allocation failed: what was added since is lost */
};

/* Makes room for N more bytes; returns where they go, or NULL (and sets failed). */
char *buffer_reserve(struct buffer *b, size_t n);
/* Adds when room must be made first. */
void buffer_add_growing(struct buffer *b, const char *bytes, size_t n);

/* The common case, a small piece into room already there, is inline: a JSON object
 * is built from dozens of pieces, a mail log has millions of objects. */
static inline void buffer_add(struct buffer *b, const char *bytes, size_t n)
{
    if (b->data && n <= b->capacity - b->length && !b->failed) {
        memcpy(b->data + b->length, bytes, n);
        b->length += n;
    } else {
        buffer_add_growing(b, bytes, n);
    }
}

static inline void buffer_add_string(struct buffer *b, const char *s)
{
    buffer_add(b, s, strlen(s));
}

static inline void buffer_add_char(struct buffer *b, char c)
{
    buffer_add(b, &c, 1);
}

void buffer_add_int(struct buffer *b, int value);
/* Formats with a format the program wrote, or one checked by translated_format(). */
void buffer_printf(struct buffer *b, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void buffer_clear(struct buffer *b);
void buffer_free(struct buffer *b);

#endif
