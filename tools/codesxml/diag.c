/* SPDX-License-Identifier: MIT */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
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
static int suppressed;

/* Every error told so far, so that none is told twice: the schema's explanation and
 * the checks of meaning may find the same problem, under another wording (ALIAS). */
struct told {
    const char *file;
    long line;
    char *text;
    char *alias; /* an error at LINE that starts with it is the same; may be NULL */
};
static struct told *told;
static size_t told_count, told_capacity;

static int already_told(const char *file, long line, const char *text)
{
    for (size_t i = told_count; i-- > 0;) {
        const struct told *t = &told[i];
        if (t->line != line || strcmp(t->file, file) != 0)
            continue;
        if (strcmp(t->text, text) == 0 ||
            (t->alias && strncmp(text, t->alias, strlen(t->alias)) == 0))
            return 1;
    }
    return 0;
}

static void remember(const char *file, long line, const char *text, const char *alias)
{
    if (told_count == told_capacity) {
        size_t capacity = told_capacity ? 2 * told_capacity : 64;
        struct told *bigger = realloc(told, capacity * sizeof *bigger);
        if (!bigger)
            return;
        told = bigger;
        told_capacity = capacity;
    }
    struct told *t = &told[told_count];
    t->file = file;
    t->line = line;
    t->text = strdup(text);
    t->alias = alias && *alias ? strdup(alias) : NULL;
    if (t->text)
        told_count++;
}

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

/* Reports an error unless the same was told at the same place. */
static void error_once(const char *file, long line, const char *alias, const char *fmt, va_list ap)
{
    char text[1024];
    va_list copy;
    va_copy(copy, ap);
    vsnprintf(text, sizeof text, fmt, copy);
    va_end(copy);
    if (already_told(file, line, text)) {
        suppressed++;
        return;
    }
    remember(file, line, text, alias);
    report(file, line, "error", fmt, ap);
    errors++;
}

void diag_error(long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_once(input_name, line, NULL, fmt, ap);
    va_end(ap);
}

void diag_error_alias(long line, const char *alias, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_once(input_name, line, alias, fmt, ap);
    va_end(ap);
}

void diag_error_in(const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_once(file, line, NULL, fmt, ap);
    va_end(ap);
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

int diag_suppressed_count(void)
{
    return suppressed;
}
