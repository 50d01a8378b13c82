/* SPDX-License-Identifier: MIT */
/* Writing arbitrary bytes as a C string literal that any C11 compiler reads back exactly. */
#ifndef SMTPCODES_GEN_CLITERAL_H
#define SMTPCODES_GEN_CLITERAL_H

#include <stddef.h>
#include <stdio.h>

/*
 * Writes BYTES[0..LENGTH) to OUT as one or more adjacent string literals,
 * each line starting with INDENT. The output is plain ASCII: quotes,
 * backslashes and every byte outside printable ASCII are escaped, and "?"
 * is escaped too, so no trigraph can form.
 */
void cliteral_write(FILE *out, const char *bytes, size_t length, const char *indent);

#endif
