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

void diag_error(long line, const char *fmt, ...)
{
    va_list ap;
    if (line > 0)
        fprintf(stderr, "%s:%ld: error: ", input_name, line);
    else
        fprintf(stderr, "%s: error: ", input_name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    errors++;
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
