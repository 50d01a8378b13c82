/* SPDX-License-Identifier: MIT */
/*
 * How often smtpcodes_diagnose() names the cause a bounce really had.
 *
 * - tests/data/corpus/: every row of confidence A, B or M with an expected reason.
 *   Rows whose label depends on context the reply's text lacks are listed, each
 *   with why, in reason-exceptions.tsv: they are counted apart, and the reason we
 *   give for each must still be the one the file states (so the file stays true).
 *   At least 90 % of the other rows must agree.
 * - tests/data/unseen/: replies from servers and wordings the corpus lacks, written
 *   without looking at the phrases; never used to tune them. Measured and printed,
 *   with a floor that catches a phrase that stops generalising.
 *
 * Every disagreement and a confusion table are printed.
 */
#include "smtpcodes.h"

#include "run.h"
#include "tsv.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char corpus_path[] = SMTPCODES_TEST_DATA_DIR "/corpus/replies.tsv";
static const char exceptions_path[] = SMTPCODES_TEST_DATA_DIR "/corpus/reason-exceptions.tsv";
static const char unseen_path[] = SMTPCODES_TEST_DATA_DIR "/unseen/replies.tsv";

enum { MAX_FIELDS = 32, MAX_PAIRS = 512 };

/* Counts of (expected, got) pairs that disagree. */
struct pair {
    char expected[32];
    char got[32];
    int count;
};
struct confusion {
    struct pair pairs[MAX_PAIRS];
    int used;
};

static void confuse(struct confusion *c, const char *expected, const char *got)
{
    for (int i = 0; i < c->used; i++)
        if (strcmp(c->pairs[i].expected, expected) == 0 && strcmp(c->pairs[i].got, got) == 0) {
            c->pairs[i].count++;
            return;
        }
    if (c->used == MAX_PAIRS)
        return;
    snprintf(c->pairs[c->used].expected, sizeof c->pairs[0].expected, "%s", expected);
    snprintf(c->pairs[c->used].got, sizeof c->pairs[0].got, "%s", got);
    c->pairs[c->used++].count = 1;
}

static int by_count(const void *a, const void *b)
{
    int x = ((const struct pair *)a)->count, y = ((const struct pair *)b)->count;
    return (y > x) - (y < x);
}

static void print_confusion(const char *title, struct confusion *c)
{
    qsort(c->pairs, (size_t)c->used, sizeof c->pairs[0], by_count);
    printf("%s: expected -> given (rows)\n", title);
    for (int i = 0; i < c->used; i++)
        printf("  %-16s -> %-16s %d\n", c->pairs[i].expected, c->pairs[i].got, c->pairs[i].count);
}

/* The reason smtpcodes gives for an escaped field of the data files. */
static const char *reason_of(char *escaped)
{
    size_t length = tsv_unescape(escaped);
    struct smtpcodes_diagnosis d;
    int status = smtpcodes_diagnose(escaped, length, "en", &d);
    assert_true(status == SMTPCODES_OK || status == SMTPCODES_NOT_FOUND);
    return d.reason;
}

struct exception {
    char *source;
    char *reply; /* escaped, as in replies.tsv */
    char *expected;
    char *ours;
    int seen;
};

struct exceptions {
    char *data;
    struct exception items[1024];
    int count;
};

static void read_exceptions(struct exceptions *x)
{
    x->data = read_whole_file(exceptions_path, NULL);
    assert_non_null(x->data);
    x->count = 0;
    char *save = NULL;
    strtok_r(x->data, "\n", &save); /* the header */
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[5] = {0};
        if (tsv_split(line, f, 5) != 5 || !*f[4])
            fail_msg("reason-exceptions.tsv: a row needs five fields, a reason why last: %.80s",
                     line);
        assert_true(x->count < 1024);
        x->items[x->count++] = (struct exception){f[0], f[1], f[2], f[3], 0};
    }
}

static struct exception *find_exception(struct exceptions *x, const char *source, const char *reply)
{
    for (int i = 0; i < x->count; i++)
        if (strcmp(x->items[i].source, source) == 0 && strcmp(x->items[i].reply, reply) == 0)
            return &x->items[i];
    return NULL;
}

static void print_per_source(const char *source, int agrees)
{
    /* Per source repository (the part of source_file before '@'): a check that no one
     * bounce suite carries the score. */
    static struct {
        char name[48];
        int rows, agree;
    } sources[16];
    static int used;
    if (!source) {
        for (int i = 0; i < used; i++)
            printf("  %-24s %4d of %4d (%.1f %%)\n", sources[i].name, sources[i].agree,
                   sources[i].rows, 100.0 * sources[i].agree / sources[i].rows);
        return;
    }
    size_t length = strcspn(source, "@");
    int i = 0;
    while (i < used &&
           (strlen(sources[i].name) != length || strncmp(sources[i].name, source, length) != 0))
        i++;
    if (i == used && used < 16)
        snprintf(sources[used++].name, sizeof sources[0].name, "%.*s", (int)length, source);
    if (i < used) {
        sources[i].rows++;
        sources[i].agree += agrees;
    }
}

static void corpus_reasons_agree(void **state)
{
    (void)state;
    static struct exceptions x;
    static struct confusion confusion;
    read_exceptions(&x);
    char *data = read_whole_file(corpus_path, NULL);
    assert_non_null(data);
    int rows = 0, agree = 0, excepted = 0;
    char *save = NULL;
    strtok_r(data, "\n", &save);
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[MAX_FIELDS] = {0};
        if (tsv_split(line, f, MAX_FIELDS) < 26)
            fail_msg("malformed corpus line: %.80s", line);
        const char *source = f[0], *expected = f[4], *confidence = f[5];
        if (!*expected || strcmp(confidence, "C") == 0)
            continue;
        struct exception *e = find_exception(&x, source, f[1]);
        char escaped[8192];
        snprintf(escaped, sizeof escaped, "%s", f[1]);
        const char *got = reason_of(f[1]);
        if (e) {
            excepted++;
            e->seen++;
            if (strcmp(e->ours, got) != 0 || strcmp(e->expected, expected) != 0)
                fail_msg("reason-exceptions.tsv says we give %s (expected %s) for %.100s, but we "
                         "give %s (expected %s): review the row",
                         e->ours, e->expected, escaped, got, expected);
            continue;
        }
        rows++;
        int agrees = strcmp(got, expected) == 0;
        agree += agrees;
        print_per_source(source, agrees);
        if (!agrees) {
            confuse(&confusion, expected, got);
            printf("disagree: expected %s, gave %s: %.160s\n", expected, got, escaped);
        }
    }
    print_confusion("corpus", &confusion);
    print_per_source(NULL, 0);
    printf("corpus: %d of %d rows agree (%.1f %%); %d rows whose label the text cannot reveal "
           "counted apart\n",
           agree, rows, 100.0 * agree / rows, excepted);
    for (int i = 0; i < x.count; i++)
        if (!x.items[i].seen)
            fail_msg("reason-exceptions.tsv lists a row the corpus does not have: %.100s",
                     x.items[i].reply);
    free(data);
    free(x.data);
    assert_true(rows > 1000);
    assert_true(agree * 100 >= rows * 90);
}

/* Below this share of the held-out set, a change has made the phrases generalise worse
 * (59 % when the set was written, 81 % once the phrases were widened from how mail
 * software words each cause, never from this set: see tests/data/unseen/README.md). */
enum { UNSEEN_FLOOR_PERCENT = 75 };

static void unseen_servers_are_diagnosed(void **state)
{
    (void)state;
    static struct confusion confusion;
    char *data = read_whole_file(unseen_path, NULL);
    assert_non_null(data);
    int rows = 0, agree = 0;
    char *save = NULL;
    strtok_r(data, "\n", &save);
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[8] = {0};
        if (tsv_split(line, f, 8) < 4)
            fail_msg("malformed line of the held-out set: %.80s", line);
        char escaped[8192];
        snprintf(escaped, sizeof escaped, "%s", f[0]);
        const char *expected = f[3];
        const char *got = reason_of(f[0]);
        rows++;
        if (strcmp(got, expected) == 0) {
            agree++;
        } else {
            confuse(&confusion, expected, got);
            printf("unseen, disagree: expected %s, gave %s: %.160s\n", expected, got, escaped);
        }
    }
    print_confusion("unseen", &confusion);
    printf("unseen servers: %d of %d rows agree (%.1f %%)\n", agree, rows, 100.0 * agree / rows);
    free(data);
    assert_true(rows >= 150);
    assert_true(agree * 100 >= rows * UNSEEN_FLOOR_PERCENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_reasons_agree),
        cmocka_unit_test(unseen_servers_are_diagnosed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
