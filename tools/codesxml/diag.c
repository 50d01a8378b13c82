#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *input_name = "codes.xml";
static FILE *output;

void diag_set_output(FILE *out)
{
    output = out;
}

static FILE *stream(void)
{
    return output ? output : stderr;
}
static int errors;

void diag_set_file(const char *name)
{
    input_name = name;
}

const char *diag_file(void)
{
    return input_name;
}

/* One diagnostic, one line: libxml2 and gettext continue some of their messages
 * on further lines, which are joined with "; " and stripped of trailing space. */
static void report(const char *file, long line, const char *kind, const char *fmt, va_list ap)
{
    char message[1024];
    vsnprintf(message, sizeof message, fmt, ap);
    size_t length = strlen(message);
    while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' '))
        message[--length] = '\0';
    if (line > 0)
        fprintf(stream(), "%s:%ld: %s: ", file, line, kind);
    else
        fprintf(stream(), "%s: %s: ", file, kind);
    for (const char *c = message; *c; c++) {
        if (*c == '\n')
            fputs("; ", stream());
        else
            fputc(*c, stream());
    }
    fputc('\n', stream());
}

void diag_error(long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(input_name, line, "error", fmt, ap);
    va_end(ap);
    errors++;
}

void diag_error_in(const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(file, line, "error", fmt, ap);
    va_end(ap);
    errors++;
}

void diag_note_in(const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(file, line, "note", fmt, ap);
    va_end(ap);
}

void diag_fatal(const char *fmt, ...)
{
    va_list ap;
    fputs("smtpcodes-gen: error: ", stream());
    va_start(ap, fmt);
    vfprintf(stream(), fmt, ap);
    va_end(ap);
    fputc('\n', stream());
    errors++;
}

int diag_error_count(void)
{
    return errors;
}
