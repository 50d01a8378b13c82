/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes_parse_reply() reads a bare one-line reply by a fast path; it must
 * give exactly what the general reading gives. Compared on every reply of
 * tests/data/, on every prefix of each, and on variants with each byte changed.
 * Built on the runtime's sources, which expose the general reading internally.
 */
#include "parse_reply.h"

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

static long compared;

static void assert_same_reading(const char *text, size_t length)
{
    struct smtpcodes_reply_parts fast, general;
    memset(&fast, 0x55, sizeof fast);
    memset(&general, 0xAA, sizeof general);
    int a = smtpcodes_parse_reply(text, length, &fast);
    int b = smtpcodes_i_parse_reply_generally(text, length, &general);
    if (a != b || memcmp(&fast, &general, sizeof fast) != 0)
        fail_msg("the two readings differ on '%.*s' (%zu bytes)", (int)length, text, length);
    compared++;
}

/* The text, each prefix of it, and each byte changed to a few telling values. */
static void assert_same_around(const char *text, size_t length)
{
    static const char variants[] = {' ', '-', '.', '\n', '\r', ')', '5', '4', '0', 'a', '#', '\''};
    char *copy = malloc(length + 1);
    memcpy(copy, text, length);
    for (size_t n = 0; n <= length; n++)
        assert_same_reading(copy, n);
    for (size_t at = 0; at < length && at < 24; at++) {
        char original = copy[at];
        for (size_t v = 0; v < sizeof variants; v++) {
            copy[at] = variants[v];
            assert_same_reading(copy, length);
        }
        copy[at] = original;
    }
    free(copy);
}

static void the_fast_path_reads_as_the_general_one(void **state)
{
    (void)state;
    struct reply_rows rows;
    assert_int_equal(reply_rows_read(SMTPCODES_TEST_DATA_DIR "/replies.tsv", &rows), 0);
    for (size_t i = 0; i < rows.count; i++)
        assert_same_around(rows.rows[i].reply, rows.rows[i].length);
    reply_rows_free(&rows);

    char *corpus = read_whole_file(SMTPCODES_TEST_DATA_DIR "/corpus/replies.tsv", NULL);
    assert_non_null(corpus);
    char *save = NULL;
    strtok_r(corpus, "\n", &save);
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[3];
        assert_int_equal(tsv_split(line, f, 3), 3);
        size_t length = tsv_unescape(f[1]);
        assert_same_around(f[1], length);
    }
    free(corpus);
    const char *shapes[] = {"550 5.1.1",    "550 5.1.1 ",   "550-5.1.1 x",  "550 5.1.1,",
                            "550 5.1.1.1",  "550 5.1.10 x", "550 5.1.1x",   "550 5.1.1\t(x)",
                            "550 5.1.1 x)", "550 5.1.1 '",  "250 2.0.0 Ok", "554 4.4.7 expired",
                            "550\t5.1.1 x"};
    for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++)
        assert_same_around(shapes[i], strlen(shapes[i]));
    printf("%ld inputs read both ways, all alike\n", compared);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_fast_path_reads_as_the_general_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
