/* SPDX-License-Identifier: MIT */
/*
 * Outputs written all or nothing: each goes to a temporary file beside its
 * final path, and only when every output is complete are they renamed into
 * place, each only if its content changed. An output that exists and is not a
 * regular file (/dev/stdout, a pipe) is written where it is, never replaced.
 */
#ifndef SMTPCODES_GEN_OUTPUT_H
#define SMTPCODES_GEN_OUTPUT_H

#include <stdio.h>

struct output {
    const char *path; /* the final path */
    char *temporary;  /* NULL until output_begin(); the path itself when written in place */
    FILE *stream;     /* open between output_begin() and output_finish() */
};

/* Creates the temporary file; opens a stream on it when WANT_STREAM. Returns 0 or -1. */
int output_begin(struct output *o, int want_stream);
/* Closes the stream, reporting any write error. Returns 0 or -1. */
int output_finish(struct output *o);
/* Moves the temporary file into place, or drops it when the final file already holds
 * the same bytes (so that nothing which depends on it is rebuilt). Returns 0 or -1. */
int output_commit(struct output *o);
/* Removes the temporary file, leaving the final file as it was. */
void output_discard(struct output *o);

#endif
