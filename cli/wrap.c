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

/* Punctuation that must not begin a line (a small kinsoku rule). */
static int closes(uint32_t cp)
{
    static const uint32_t closing[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01,
                                       0xFF1F, 0xFF09, 0x300D, 0x300F, 0x3011, 0x201D, 0x30FC};
    for (size_t i = 0; i < sizeof closing / sizeof *closing; i++)
        if (closing[i] == cp)
            return 1;
    return 0;
}

/* Length in bytes of the next unit that must stay on one line: a run of non-space,
 * non-wide characters, or one wide character with any closing punctuation after it.
 * Its width in columns goes to *COLUMNS. */
static size_t next_unit(const char *s, int *columns)
{
    size_t at = 0;
    *columns = 0;
    while (s[at] && s[at] != ' ') {
        uint32_t cp;
        size_t n = decode(s + at, &cp);
        int wide = is_wide(cp);
        if (at > 0 && wide && !closes(cp))
            break;
        at += n;
        *columns += wide ? 2 : 1;
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
    int column = 0, space_pending = 0;
    while (*text) {
        if (*text == ' ') {
            space_pending = column > 0;
            text++;
            continue;
        }
        int columns;
        size_t n = next_unit(text, &columns);
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
