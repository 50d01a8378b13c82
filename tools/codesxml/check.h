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

#endif
