/* SPDX-License-Identifier: MIT */
/*
 * Written by hand because the C library's wcwidth() and line breaking follow
 * LC_CTYPE, and the command must wrap Japanese correctly even when it runs in
 * the C locale with --lang ja. The ranges below are the wide (two-column)
 * blocks of Unicode that the translations use.
 */
#include "wrap.h"

#include <stdint.h>
#include <string.h>

/* Decodes one UTF-8 character at S; returns its length in bytes (1 for a stray byte). */
static size_t decode(const char *s, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    *cp = n == 1 ? u[0] : n == 2 ? u[0] & 0x1F : n == 3 ? u[0] & 0x0F : u[0] & 0x07;
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = u[0];
            return 1;
        }
        *cp = (*cp << 6) | (u[i] & 0x3F);
    }
    return n;
}

static int is_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6);
}

static int listed(uint32_t cp, const uint32_t *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (list[i] == cp)
            return 1;
    return 0;
}

/* What must not begin a line (kinsoku): closing punctuation and brackets, the small
 * kana, the prolonged sound mark and the iteration marks. */
static int closes(uint32_t cp)
{
    static const uint32_t closing[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0x300D, 0x300F,
        0x3011, 0x3009, 0x300B, 0x3015, 0x3017, 0x201D, 0x2019, 0x30FC, 0x30FB, 0x3005, 0x309D,
        0x309E, 0x30FD, 0x30FE, 0xFF3D, 0xFF5D,
        /* small hiragana and katakana */
        0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095,
        0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE,
        0x30F5, 0x30F6};
    return listed(cp, closing, sizeof closing / sizeof *closing);
}

/* Korean is written with spaces between words, and breaks there, not between syllables. */
static int is_hangul(uint32_t cp)
{
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
           (cp >= 0x3130 && cp <= 0x318F);
}

/* What must not end a line: opening brackets and quotation marks. */
static int opens(uint32_t cp)
{
    static const uint32_t opening[] = {0x300C, 0x300E, 0x3010, 0x3008, 0x300A, 0x3014,
                                       0x3016, 0xFF08, 0xFF3B, 0xFF5B, 0x201C, 0x2018};
    return listed(cp, opening, sizeof opening / sizeof *opening);
}

/* Length in bytes of the next unit that must stay on one line: a run of non-space,
 * non-wide characters, or one wide character with any closing punctuation after it;
 * opening brackets stay with what follows them; never wider than LIMIT unless one
 * character is. Its width in columns goes to *COLUMNS. */
static size_t next_unit(const char *s, int *columns, int limit)
{
    size_t at = 0;
    int opened = 0; /* the unit so far is opening brackets only */
    *columns = 0;
    while (s[at] && s[at] != ' ') {
        uint32_t cp;
        size_t n = decode(s + at, &cp);
        int columns_of_cp = is_wide(cp) ? 2 : 1;
        int wide = is_wide(cp) && !is_hangul(cp); /* may break before and after it */
        if (at > 0 && ((wide && !closes(cp) && !opened) || *columns + columns_of_cp > limit))
            break; /* a word longer than a line is cut where the line ends */
        at += n;
        *columns += columns_of_cp;
        opened = (at == n || opened) && opens(cp);
        if (opened)
            continue;
        if (wide) {
            uint32_t following;
            size_t m;
            while (s[at] && (m = decode(s + at, &following)) && closes(following)) {
                at += m;
                *columns += is_wide(following) ? 2 : 1;
            }
            break;
        }
    }
    return at;
}

void wrap_text(struct buffer *out, const char *text, int width)
{
    wrap_text_from(out, text, width, 0);
}

void wrap_text_from(struct buffer *out, const char *text, int width, int column)
{
    int space_pending = 0;
    while (*text) {
        if (*text == ' ') {
            space_pending = column > 0;
            text++;
            continue;
        }
        int columns;
        size_t n = next_unit(text, &columns, width);
        int gap = space_pending ? 1 : 0;
        if (column > 0 && column + gap + columns > width) {
            buffer_add_char(out, '\n');
            column = gap = 0;
        }
        if (gap)
            buffer_add_char(out, ' ');
        buffer_add(out, text, n);
        column += gap + columns;
        space_pending = 0;
        text += n;
    }
    buffer_add_char(out, '\n');
}
