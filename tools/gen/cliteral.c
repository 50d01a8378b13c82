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
    return fprintf(out, "\\%03o", c);
}

void cliteral_write(FILE *out, const char *bytes, size_t length, const char *indent)
{
    int column = 0;
    fprintf(out, "%s\"", indent);
    for (size_t i = 0; i < length; i++) {
        if (column >= LINE_WIDTH) {
            fprintf(out, "\"\n%s\"", indent);
            column = 0;
        }
        column += write_escaped(out, (unsigned char)bytes[i]);
        /* A line break in the text is a good place to break the literal too. */
        if (bytes[i] == '\n' && i + 1 < length)
            column = LINE_WIDTH;
    }
    fputc('"', out);
}
