/* SPDX-License-Identifier: MIT */
/* What the schema cannot say: code syntax, duplicates, severities, empty texts. */
#ifndef SMTPCODES_GEN_CHECK_H
#define SMTPCODES_GEN_CHECK_H

#include "model.h"

/* The longest text the generator accepts, in bytes, so that every generated
 * string literal stays within what any C11 compiler must accept (4095). */
#define CHECK_MAX_TEXT_BYTES 4000

/*
 * Checks CODES, reporting every problem through diag, and fills in the
 * numeric fields (codes, values). Returns the number of problems found.
 */
int check_codes(struct codes *codes);

/* The parts of check_codes() that its other files share. */
int parse_reply_code(const char *s);
int parse_enhanced_code(const char *s, int any_class, int *klass, int *subject, int *detail);
void check_text(const struct text *t, const char *what, long owner_line, int required);
void check_description(const struct description *d, long line, int needs_reference);
void check_success(const struct success_wording *s, long line);
/* FIRST_DIGIT 0: reply codes; 2, 4 or 5: enhanced codes of that class. */
void check_code_list(const char *list, long line, const char *what, int first_digit);

/* check_reasons.c: reasons, their phrases and the code defaults that name them;
 * providers, their markers and meanings. Run after the codes are checked. */
void check_reasons(struct codes *codes);
void check_providers(struct codes *codes);

/* A phrase as the matcher compares it: ASCII lower case, every run of white space one
 * space, none at either end. Returns a new string, or NULL when out of memory. */
char *fold_phrase(const char *text);

/* The shortest and longest phrase or marker, in bytes once folded. */
#define CHECK_MIN_PHRASE_BYTES 4
#define CHECK_MAX_PHRASE_BYTES 64

#endif
