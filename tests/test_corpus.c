/* SPDX-License-Identifier: MIT */
/*
 * The reply parser on 1366 real replies from public bounce-parser test suites
 * (tests/data/corpus/, with its provenance). Rows of confidence A, B and M must
 * agree with the corpus's expected codes (at least 99 %; today every row does);
 * rows of confidence C with either the expected codes or the alternative the
 * corpus accepts for them. Every disagreement is printed, and none is accepted
 * silently: one that is right must be added to the corpus's alternatives with
 * its reason.
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

enum { FIELDS = 28 };

static void format_found(const struct smtpcodes_reply_parts *p, char *basic, char *enhanced)
{
    if (p->code)
        snprintf(basic, 8, "%d", p->code);
    else
        basic[0] = '\0';
    if (p->klass)
        snprintf(enhanced, 24, "%d.%d.%d", p->klass, p->subject, p->detail);
    else
        enhanced[0] = '\0';
}

/* "basic=550;enhanced=5.1.0": an alternative the corpus accepts for a C row. */
static int matches_alternative(const char *alt, const char *expected_basic,
                               const char *expected_enhanced, const char *basic,
                               const char *enhanced)
{
    char want_basic[16], want_enhanced[24];
    snprintf(want_basic, sizeof want_basic, "%s", expected_basic);
    snprintf(want_enhanced, sizeof want_enhanced, "%s", expected_enhanced);
    const char *b = strstr(alt, "basic=");
    const char *e = strstr(alt, "enhanced=");
    if (b)
        sscanf(b, "basic=%15[0-9]", want_basic) == 1 || (want_basic[0] = '\0');
    if (e)
        sscanf(e, "enhanced=%23[0-9.]", want_enhanced) == 1 || (want_enhanced[0] = '\0');
    return strcmp(want_basic, basic) == 0 && strcmp(want_enhanced, enhanced) == 0;
}

static void corpus_agrees(void **state)
{
    (void)state;
    char *data = read_whole_file(corpus_path, NULL);
    assert_non_null(data);
    int strict = 0, strict_agree = 0, loose = 0, loose_agree = 0, disagreements = 0;
    char *save = NULL;
    strtok_r(data, "\n", &save); /* the header */
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[FIELDS] = {0};
        if (tsv_split(line, f, FIELDS) < 26)
            fail_msg("malformed corpus line: %.80s", line);
        char *reply = f[1];
        const char *expected_basic = f[2], *expected_enhanced = f[3], *confidence = f[5];
        const char *alt = f[25];
        size_t length = tsv_unescape(reply);
        struct smtpcodes_reply_parts p;
        int status = smtpcodes_parse_reply(reply, length, &p);
        assert_true(status == SMTPCODES_OK || status == SMTPCODES_NOT_FOUND);
        char basic[8], enhanced[24];
        format_found(&p, basic, enhanced);
        int agrees = strcmp(basic, expected_basic) == 0 && strcmp(enhanced, expected_enhanced) == 0;
        if (strcmp(confidence, "C") == 0) {
            loose++;
            agrees = agrees ||
                     matches_alternative(alt, expected_basic, expected_enhanced, basic, enhanced);
            loose_agree += agrees;
        } else {
            strict++;
            strict_agree += agrees;
        }
        if (!agrees) {
            disagreements++;
            printf("disagree [%s] expected '%s' '%s' got '%s' '%s': %.160s\n", confidence,
                   expected_basic, expected_enhanced, basic, enhanced, reply);
        }
    }
    printf("A+B+M: %d of %d agree (%.2f %%); C: %d of %d agree\n", strict_agree, strict,
           100.0 * strict_agree / strict, loose_agree, loose);
    free(data);
    assert_int_equal(strict + loose, 1366);
    assert_true(strict_agree * 100 >= strict * 99);
    assert_int_equal(disagreements, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corpus_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
