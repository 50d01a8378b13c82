/* SPDX-License-Identifier: MIT */
#include "buffer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *buffer_reserve(struct buffer *b, size_t n)
{
    if (b->failed)
        return NULL;
    if (!b->data || n > b->capacity - b->length) {
        size_t capacity = b->capacity ? b->capacity : 4096;
        while (n > capacity - b->length) {
            if (capacity > (size_t)-1 / 2) {
                b->failed = 1;
                return NULL;
            }
            capacity *= 2;
        }
        char *data = realloc(b->data, capacity);
        if (!data) {
            b->failed = 1;
            return NULL;
        }
        b->data = data;
        b->capacity = capacity;
    }
    return b->data + b->length;
}

void buffer_add_growing(struct buffer *b, const char *bytes, size_t n)
{
    char *to = buffer_reserve(b, n);
    if (to && n) {
        memcpy(to, bytes, n);
        b->length += n;
    }
}

void buffer_add_int(struct buffer *b, int value)
{
    char digits[16], *p = digits + sizeof digits;
    unsigned magnitude = value < 0 ? 0u - (unsigned)value : (unsigned)value;
    do
        *--p = (char)('0' + magnitude % 10);
    while (magnitude /= 10);
    if (value < 0)
        *--p = '-';
    buffer_add(b, p, (size_t)(digits + sizeof digits - p));
}

void buffer_printf(struct buffer *b, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    size_t room = b->data && !b->failed ? b->capacity - b->length : 0;
    int n = vsnprintf(room ? b->data + b->length : NULL, room, format, args);
    va_end(args);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n >= room) {
        /* One more byte for the terminator vsnprintf writes. */
        if (!buffer_reserve(b, (size_t)n + 1))
            return;
        va_start(args, format);
        vsnprintf(b->data + b->length, (size_t)n + 1, format, args);
        va_end(args);
    }
    b->length += (size_t)n;
}

void buffer_clear(struct buffer *b)
{
    b->length = 0;
    b->failed = 0;
}

void buffer_free(struct buffer *b)
{
    free(b->data);
    *b = (struct buffer){0};
}
