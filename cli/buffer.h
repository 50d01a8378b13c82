/* A growing byte buffer: the command builds what it prints here, then writes it at once. */
#ifndef SMTPCODES_CLI_BUFFER_H
#define SMTPCODES_CLI_BUFFER_H

#include <stddef.h>

struct buffer {
    char *data;
    size_t length, capacity;
    int failed; /* an allocation failed: what was added since is lost */
};

/* Makes room for N more bytes; returns where they go, or NULL (and sets failed). */
char *buffer_reserve(struct buffer *b, size_t n);
void buffer_add(struct buffer *b, const char *bytes, size_t n);
void buffer_add_string(struct buffer *b, const char *s);
void buffer_add_char(struct buffer *b, char c);
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
