/* SPDX-License-Identifier: MIT */
#include "cliteral.h"

/* Width of the text between the quotes before a literal is continued on the next line. */
enum { LINE_WIDTH = 76 };

/* Writes one byte as it must appear inside a literal; returns how many characters that took. */
static int write_escaped(FILE *out, unsigned char c)
{
    switch (c) {
    case '"':
        return fputs("\\\"", out) < 0 ? 0 : 2;
    case '\\':
        return fputs("\\\\", out) < 0 ? 0 : 2;
    case '?':
        return fputs("\\?", out) < 0 ? 0 : 2;
    case '\n':
        return fputs("\\n", out) < 0 ? 0 : 2;
    case '\t':
        return fputs("\\t", out) < 0 ? 0 : 2;
    default:
        break;
    }
    if (c >= 0x20 && c < 0x7f) {
        fputc(c, out);
        return 1;
    }
    /* Always three octal digits, so a following digit is never read as part of the escape. */
    char escape[4] = {'\\', (char)('0' + (c >> 6)), (char)('0' + ((c >> 3) & 7)),
                      (char)('0' + (c & 7))};
    fwrite(escape, 1, sizeof escape, out);
    return 4;
}

static int is_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?';
}

void cliteral_write(FILE *out, const char *bytes, size_t length, const char *indent)
{
    int column = 0;
    fputs(indent, out);
    fputc('"', out);
    for (size_t i = 0; i < length; i++) {
        if (column >= LINE_WIDTH) {
            fputs("\"\n", out);
            fputs(indent, out);
            fputc('"', out);
            column = 0;
        }
        /* A run of characters that need no escape goes out in one write. */
        size_t run = 0;
        while (i + run < length && is_plain((unsigned char)bytes[i + run]) &&
               column + (int)run < LINE_WIDTH)
            run++;
        if (run > 0) {
            fwrite(bytes + i, 1, run, out);
            column += (int)run;
            i += run - 1;
            continue;
        }
        column += write_escaped(out, (unsigned char)bytes[i]);
        /* A line break in the text is a good place to break the literal too. */
        if (bytes[i] == '\n' && i + 1 < length)
            column = LINE_WIDTH;
    }
    fputc('"', out);
}
