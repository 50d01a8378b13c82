/* SPDX-License-Identifier: MIT */
/*
 * A directive is read as C99 and POSIX define it: %[n$][flags][width][.precision]
 * [length]conversion, where width and precision may be '*' or '*m$'. What it
 * consumes is described by the type of each argument, by position; two formats
 * match when those lists are the same. Positions let a translation reorder its
 * arguments, as languages need. %n, unknown conversions, mixed numbering and wide
 * fields are refused.
 */
#include "format.h"

#include <string.h>

enum { MAX_ARGUMENTS = 16, MAX_FIELD_DIGITS = 3 };

struct arguments {
    int type[MAX_ARGUMENTS]; /* 0: not used (yet) */
    int count;               /* the highest position used */
    int next;                /* the last position taken in order */
    int numbered, in_order;  /* which style the format uses */
};

/* Reads "n$" at *P: returns n and moves past it, or returns 0 and leaves *P. */
static int read_position(const char **p)
{
    const char *s = *p;
    int n = 0;
    while (*s >= '0' && *s <= '9' && n < 1000)
        n = n * 10 + (*s++ - '0');
    if (s == *p || *s != '$' || n == 0)
        return 0;
    *p = s + 1;
    return n;
}

/* Skips a decimal field of at most MAX_FIELD_DIGITS digits; -1 if longer. */
static int skip_digits(const char **p)
{
    int digits = 0;
    while (**p >= '0' && **p <= '9') {
        (*p)++;
        digits++;
    }
    return digits > MAX_FIELD_DIGITS ? -1 : 0;
}

static int take(struct arguments *a, int position, int type)
{
    if (position)
        a->numbered = 1;
    else
        position = ++a->in_order;
    if ((a->numbered && a->in_order) || position > MAX_ARGUMENTS)
        return -1;
    if (a->type[position - 1] && a->type[position - 1] != type)
        return -1;
    a->type[position - 1] = type;
    if (position > a->count)
        a->count = position;
    return 0;
}

/* A width or precision: digits, '*' or '*m$' (an int argument). */
static int read_field(const char **p, struct arguments *a)
{
    if (**p != '*')
        return skip_digits(p);
    (*p)++;
    return take(a, read_position(p), 'i');
}

/* The length modifier at *P, as a small number, and moves past it. */
static int read_length(const char **p)
{
    static const char *const lengths[] = {"hh", "ll", "h", "l", "j", "z", "t", "L"};
    for (int i = 0; i < (int)(sizeof lengths / sizeof *lengths); i++) {
        size_t n = strlen(lengths[i]);
        if (strncmp(*p, lengths[i], n) == 0) {
            *p += n;
            return i + 1;
        }
    }
    return 0;
}

/* The class of argument a conversion takes, or 0 for one we refuse (n among them). */
static int conversion_class(char c)
{
    if (c && strchr("di", c))
        return 'd';
    if (c && strchr("ouxX", c))
        return 'u';
    if (c && strchr("eEfFgGaA", c))
        return 'f';
    if (c && strchr("csp", c))
        return c;
    return 0;
}

static int read_directive(const char **p, struct arguments *a)
{
    int position = read_position(p);
    while (**p && strchr("-+ #0'", **p))
        (*p)++;
    if (read_field(p, a) < 0)
        return -1;
    if (**p == '.') {
        (*p)++;
        if (read_field(p, a) < 0)
            return -1;
    }
    int length = read_length(p);
    int class = conversion_class(**p);
    if (!class)
        return -1;
    (*p)++;
    return take(a, position, class * 16 + length);
}

/* Fills A with what FORMAT consumes; -1 if FORMAT is not one we accept. */
static int read_arguments(const char *format, struct arguments *a)
{
    memset(a, 0, sizeof *a);
    for (const char *p = format; (p = strchr(p, '%'));) {
        p++;
        if (*p == '%') {
            p++;
            continue;
        }
        if (read_directive(&p, a) < 0)
            return -1;
    }
    for (int i = 0; i < a->count; i++)
        if (!a->type[i])
            return -1; /* printf cannot skip an argument it is not told the type of */
    return 0;
}

int format_matches(const char *format, const char *translation)
{
    struct arguments expected, found;
    if (read_arguments(format, &expected) < 0 || read_arguments(translation, &found) < 0)
        return 0;
    return expected.count == found.count &&
           memcmp(expected.type, found.type, sizeof expected.type) == 0;
}
