#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

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

static void report(const char *file, long line, const char *kind, const char *fmt, va_list ap)
{
    if (line > 0)
        fprintf(stream(), "%s:%ld: %s: ", file, line, kind);
    else
        fprintf(stream(), "%s: %s: ", file, kind);
    vfprintf(stream(), fmt, ap);
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
