/* SPDX-License-Identifier: MIT */
/* Test support: the tab-separated data files of tests/data/. */
#ifndef SMTPCODES_TEST_TSV_H
#define SMTPCODES_TEST_TSV_H

#include <stddef.h>

/* Decodes, in place, the escapes a field may hold: \\, \n, \t, \r and \xNN.
 * Returns the decoded length (the text may then hold NUL bytes). */
size_t tsv_unescape(char *field);

/* Splits LINE in place at tabs into at most MAX fields; returns how many. */
int tsv_split(char *line, char **fields, int max);

/* One row of tests/data/replies.tsv, its escapes decoded. */
struct reply_row {
    char *reply;
    size_t length;
    int code;             /* expected reply code; 0 for none */
    const char *enhanced; /* expected enhanced code; "" for none */
    int consistent;
    int multiline;
    const char *text; /* the server's own words, as the parser should report them */
    const char *form;
};

struct reply_rows {
    char *data; /* the file, which the rows point into */
    struct reply_row *rows;
    size_t count;
};

/* Reads our replies (tests/data/replies.tsv) at PATH; returns 0 or -1. */
int reply_rows_read(const char *path, struct reply_rows *rows);
void reply_rows_free(struct reply_rows *rows);

#endif
