/* Test support: the tab-separated data files of tests/data/. */
#ifndef SMTPCODES_TEST_TSV_H
#define SMTPCODES_TEST_TSV_H

#include <stddef.h>

/* Decodes, in place, the escapes a field may hold: \\, \n, \t, \r and \xNN.
 * Returns the decoded length (the text may then hold NUL bytes). */
size_t tsv_unescape(char *field);

/* Splits LINE in place at tabs into at most MAX fields; returns how many. */
int tsv_split(char *line, char **fields, int max);

#endif
