/* SPDX-License-Identifier: MIT */
/*
 * Where the command's answers go. They are built in memory and written in large
 * pieces, and every write is checked: after the first failure nothing more is
 * written, and the error is kept for the command to report.
 */
#ifndef SMTPCODES_CLI_PRINTER_H
#define SMTPCODES_CLI_PRINTER_H

#include "buffer.h"

#include <stddef.h>
#include <stdio.h>

struct printer {
    FILE *out, *err;
    const char *lang; /* as in the library */
    int json;
    int all_meanings;      /* --all-meanings */
    int first;             /* nothing printed yet: text separates inputs with "--" */
    int missing;           /* some input held no code */
    int error;             /* errno of the first failed write to OUT, or 0 */
    struct buffer pending; /* answers not written to OUT yet */
    struct buffer message; /* what goes to ERR */
};

void printer_init(struct printer *p, FILE *out, FILE *err, const char *lang, int json);
void printer_free(struct printer *p);

/* Explains one input (LENGTH bytes, any bytes) and prints the answer. */
void printer_explain(struct printer *p, const char *input, size_t length);
/* Prints every registered code (--list). */
void printer_list(struct printer *p);
/* Prints MESSAGE on ERR, after everything printed before it on OUT. */
void printer_warn(struct printer *p, const char *message);
/* Writes what is pending to OUT and flushes OUT; 0, or -1 when a write failed. */
int printer_flush(struct printer *p);

#endif
