#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

static const char *input_name = "codes.xml";
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
        fprintf(stderr, "%s:%ld: %s: ", file, line, kind);
    else
        fprintf(stderr, "%s: %s: ", file, kind);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
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
    fputs("smtpcodes-gen: error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    errors++;
}

int diag_error_count(void)
{
    return errors;
}
