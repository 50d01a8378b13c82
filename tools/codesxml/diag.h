/* SPDX-License-Identifier: MIT */
/* Compiler-style diagnostics: "FILE:LINE: error: message". */
#ifndef SMTPCODES_GEN_DIAG_H
#define SMTPCODES_GEN_DIAG_H

#include <stdio.h>

/* Where diagnostics go: stderr unless set. */
void diag_set_output(FILE *out);

/* Names the input file that every diagnostic refers to. */
void diag_set_file(const char *name);
const char *diag_file(void);

void diag_error(long line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same, also standing for every later error at LINE that starts with ALIAS: the
 * same problem as another check words it. ALIAS may be NULL or "". */
void diag_error_alias(long line, const char *alias, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Errors are told once: one already told at the same place is not told again. */
/* The same, for a problem in another file (a translation). LINE 0: no line. */
void diag_error_in(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A note: printed in the same form, not counted as an error. */
void diag_note_in(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* An error that belongs to no line of the input (a missing file, a full disk). */
void diag_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* How many errors have been reported so far. */
int diag_error_count(void);
/* How many errors were not reported again, having been told already. */
int diag_suppressed_count(void);

#endif
