/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes_diagnose() over every corpus row that has an expected reason (A, B, M),
 * exactly the rows bench/sisimai_reason.pl gives its peer: accuracy and time per
 * reply, printed in the same form. No exceptions file here: both see every row.
 * Usage: diagnose_corpus tests/data/corpus/replies.tsv
 */
#include "smtpcodes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct row {
    char *text;
    size_t length;
    const char *expected;
};

/* The corpus's escapes (tests/data/corpus/README.md), decoded in place. */
static size_t unescape(char *s)
{
    char *out = s;
    for (const char *in = s; *in; in++) {
        if (*in != '\\' || !in[1]) {
            *out++ = *in;
            continue;
        }
        char c = *++in;
        if (c == 'n' || c == 't' || c == 'r')
            *out++ = c == 'n' ? '\n' : c == 't' ? '\t' : '\r';
        else if (c == 'x' && in[1] && in[2]) {
            char hex[3] = {in[1], in[2], 0};
            *out++ = (char)strtol(hex, NULL, 16);
            in += 2;
        } else
            *out++ = c;
    }
    return (size_t)(out - s);
}

static char *field(char **line)
{
    char *start = *line, *tab = strchr(start, '\t');
    if (tab) {
        *tab = '\0';
        *line = tab + 1;
    } else {
        *line = start + strlen(start);
    }
    return start;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    FILE *in = argc == 2 ? fopen(argv[1], "r") : NULL;
    if (!in) {
        fprintf(stderr, "usage: diagnose_corpus replies.tsv\n");
        return 2;
    }
    static struct row rows[4096];
    size_t count = 0;
    char *line = NULL;
    size_t capacity = 0;
    for (int header = 1; getline(&line, &capacity, in) > 0; header = 0) {
        line[strcspn(line, "\n")] = '\0';
        char *rest = line, *fields[6];
        for (int f = 0; f < 6; f++)
            fields[f] = field(&rest);
        if (header || !*fields[4] || strcmp(fields[5], "C") == 0 || count == 4096)
            continue;
        rows[count].text = strdup(fields[1]);
        rows[count].length = unescape(rows[count].text);
        rows[count++].expected = strdup(fields[4]);
    }
    free(line);
    fclose(in);
    size_t agree = 0;
    const int rounds = 1000;
    double start = now();
    for (int round = 0; round < rounds; round++)
        for (size_t i = 0; i < count; i++) {
            struct smtpcodes_diagnosis d;
            smtpcodes_diagnose(rows[i].text, rows[i].length, "en", &d);
            agree += round == 0 && strcmp(d.reason, rows[i].expected) == 0;
        }
    double seconds = now() - start;
    printf("smtpcodes-diagnose rows=%zu agree=%zu percent=%.1f ns_per_reply=%.0f\n", count, agree,
           100.0 * (double)agree / (double)count, 1e9 * seconds / (rounds * (double)count));
    return 0;
}
