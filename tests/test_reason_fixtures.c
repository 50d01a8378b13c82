/* SPDX-License-Identifier: MIT */
/*
 * Every reason of codes.xml against replies written for it (tests/data/reasons/fixtures.tsv):
 * positives, worded the way servers word that cause, must be diagnosed as it; negatives,
 * near misses that share its words or codes, must not be, and must be the reason they
 * name when they name one. Every reason but "undefined" has at least one of each.
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

static const char fixtures_path[] = SMTPCODES_TEST_DATA_DIR "/reasons/fixtures.tsv";

enum { FIELDS = 5, MAX_REASONS = 128 };

struct row {
    int line;
    const char *reason;
    const char *kind;
    char *reply; /* decoded; may hold NUL bytes */
    size_t length;
    const char *not_reason; /* negatives: the reason the reply must not get */
    const char *must;       /* the reason the reply must get; NULL when any other will do */
    const char *why;
};

struct tally {
    const char *id;
    int positives;
    int negatives;
};

static int is_reason(const char *id)
{
    struct smtpcodes_reason_info info;
    return smtpcodes_reason(id, "en", &info) == SMTPCODES_OK;
}

/* Reads one line of the file into ROW; returns a complaint, or NULL when the row is well formed. */
static const char *parse_row(char *line, struct row *row)
{
    char *f[FIELDS] = {0};
    if (tsv_split(line, f, FIELDS) != FIELDS)
        return "a row needs five tab-separated fields";
    row->reason = f[0];
    row->kind = f[1];
    row->why = f[4];
    if (!is_reason(row->reason) || strcmp(row->reason, "undefined") == 0)
        return "the first field is not a reason of codes.xml (other than undefined)";
    if (!*row->why)
        return "the last field must say why";
    row->length = tsv_unescape(f[2]);
    row->reply = f[2];
    if (row->length == 0)
        return "the reply is empty";
    char *expected = f[3];
    if (strcmp(row->kind, "positive") == 0) {
        if (strcmp(expected, row->reason) != 0)
            return "a positive row expects its own reason";
        row->not_reason = NULL;
        row->must = row->reason;
        return NULL;
    }
    if (strcmp(row->kind, "negative") != 0)
        return "the kind is neither positive nor negative";
    char *colon = strchr(expected, ':');
    if (colon) {
        *colon = '\0';
        row->must = colon + 1;
        if (!is_reason(row->must) || strcmp(row->must, row->reason) == 0)
            return "after ':' a negative row names another reason of codes.xml";
    } else {
        row->must = NULL;
    }
    row->not_reason = expected;
    if (strcmp(row->not_reason, row->reason) != 0)
        return "a negative row rules out its own reason";
    return NULL;
}

/* Diagnoses ROW; returns whether the reason is the one the row asks for. */
static int row_holds(const struct row *row, const char **given)
{
    struct smtpcodes_diagnosis d;
    int status = smtpcodes_diagnose(row->reply, row->length, "en", &d);
    *given = d.reason;
    if (status != SMTPCODES_OK && status != SMTPCODES_NOT_FOUND)
        return 0;
    if (row->not_reason && strcmp(d.reason, row->not_reason) == 0)
        return 0;
    return !row->must || strcmp(d.reason, row->must) == 0;
}

static void count(struct tally *tallies, int used, const struct row *row)
{
    for (int i = 0; i < used; i++)
        if (strcmp(tallies[i].id, row->reason) == 0) {
            if (row->not_reason)
                tallies[i].negatives++;
            else
                tallies[i].positives++;
            return;
        }
}

static int list_reasons(struct tally *tallies)
{
    int used = 0;
    for (const char *id; (id = smtpcodes_reason_at((size_t)used)) != NULL; used++) {
        assert_true(used < MAX_REASONS);
        tallies[used] = (struct tally){id, 0, 0};
    }
    assert_true(used > 1);
    return used;
}

static void every_fixture_holds(void **state)
{
    (void)state;
    char *data = read_whole_file(fixtures_path, NULL);
    assert_non_null(data);
    struct tally tallies[MAX_REASONS];
    int reasons = list_reasons(tallies);

    int rows = 0, wrong = 0, line_number = 1;
    char *save = NULL;
    char *line = strtok_r(data, "\n", &save);
    assert_non_null(line);
    assert_string_equal(line, "reason\tkind\treply\texpected\twhy");
    while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
        line_number++;
        struct row row = {.line = line_number};
        const char *complaint = parse_row(line, &row);
        if (complaint)
            fail_msg("fixtures.tsv:%d: %s", line_number, complaint);
        rows++;
        count(tallies, reasons, &row);
        const char *given = "";
        if (!row_holds(&row, &given)) {
            wrong++;
            printf("fixtures.tsv:%d: %s %s: got %s; expected %s%s%s%s\n", row.line, row.kind,
                   row.reason, given, row.not_reason ? "not " : "",
                   row.not_reason ? row.not_reason : "", row.not_reason && row.must ? " but " : "",
                   row.must ? row.must : "");
        }
    }
    printf("%d of %d fixtures hold\n", rows - wrong, rows);

    int uncovered = 0;
    for (int i = 0; i < reasons; i++) {
        if (strcmp(tallies[i].id, "undefined") == 0)
            continue;
        if (tallies[i].positives == 0 || tallies[i].negatives == 0) {
            uncovered++;
            printf("reason %s: %d positive and %d negative fixtures; at least one of each needed\n",
                   tallies[i].id, tallies[i].positives, tallies[i].negatives);
        }
    }
    free(data);
    assert_int_equal(wrong, 0);
    assert_int_equal(uncovered, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_fixture_holds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
