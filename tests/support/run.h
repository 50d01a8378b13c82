/* SPDX-License-Identifier: MIT */
/* Test support: running a program and capturing what it prints. */
#ifndef SMTPCODES_TEST_RUN_H
#define SMTPCODES_TEST_RUN_H

#include <stddef.h>

struct run_result {
    int status; /* the exit status, or -1 when the program did not exit normally */
    char *out;  /* everything written to standard output, NUL-terminated */
    char *err;  /* everything written to standard error, NUL-terminated */
};

/* Runs ARGV (NULL-terminated; ARGV[0] is a path) with INPUT, if not NULL, on standard input
 * and ENV, if not NULL, as its environment. */
struct run_result run_program(char *const argv[], const char *input, char *const env[]);
void run_result_free(struct run_result *r);

/* Reads a whole file into a NUL-terminated buffer; NULL if it cannot be read. */
char *read_whole_file(const char *path, size_t *size);
/* Writes SIZE bytes to PATH; returns 0 or -1. */
int write_whole_file(const char *path, const char *data, size_t size);

/* Makes a fresh directory for one test under TMPDIR and returns its path (static storage). */
const char *make_temp_dir(void);

#endif
