/* SPDX-License-Identifier: MIT */
/*
 * The reply parser on our own lines, one for every form it must know
 * (tests/data/replies.tsv), and on hostile bytes: empty input, a megabyte,
 * NUL bytes, invalid UTF-8, a code in the last bytes of the buffer.
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

static const char replies_path[] = SMTPCODES_TEST_DATA_DIR "/replies.tsv";

static void our_replies_parse_as_expected(void **state)
{
    (void)state;
    struct reply_rows rows;
    assert_int_equal(reply_rows_read(replies_path, &rows), 0);
    for (size_t i = 0; i < rows.count; i++) {
        const struct reply_row *row = &rows.rows[i];
        struct smtpcodes_reply_parts p;
        int status = smtpcodes_parse_reply(row->reply, row->length, &p);
        char enhanced[24] = "";
        if (p.klass)
            snprintf(enhanced, sizeof enhanced, "%d.%d.%d", p.klass, p.subject, p.detail);
        int none = row->code == 0 && row->enhanced[0] == '\0';
        if (status != (none ? SMTPCODES_NOT_FOUND : SMTPCODES_OK) || p.code != row->code ||
            strcmp(enhanced, row->enhanced) != 0)
            fail_msg("%s: got %d '%s', expected %d '%s' (%s)", row->form, p.code, enhanced,
                     row->code, row->enhanced, row->reply);
        if (none)
            continue;
        if (p.consistent != row->consistent || p.multiline != row->multiline)
            fail_msg("%s: consistent %d multiline %d", row->form, p.consistent, p.multiline);
        if (p.text.length != strlen(row->text) ||
            memcmp(row->reply + p.text.offset, row->text, p.text.length) != 0)
            fail_msg("%s: server text '%.*s', expected '%s'", row->form, (int)p.text.length,
                     row->reply + p.text.offset, row->text);
        assert_int_equal(p.code_span.length, p.code ? 3 : 0);
        if (p.code)
            assert_int_equal(atoi(row->reply + p.code_span.offset), p.code);
        if (p.klass)
            assert_memory_equal(row->reply + p.enhanced_span.offset, enhanced,
                                p.enhanced_span.length);
    }
    assert_true(rows.count >= 40);
    reply_rows_free(&rows);
}

static void nothing_in_gives_nothing_out(void **state)
{
    (void)state;
    struct smtpcodes_reply_parts p;
    memset(&p, 0xAA, sizeof p);
    assert_int_equal(smtpcodes_parse_reply("", 0, &p), SMTPCODES_NOT_FOUND);
    assert_int_equal(p.code, 0);
    assert_int_equal(p.klass, 0);
    assert_int_equal(p.text.length, 0);
    assert_int_equal(smtpcodes_parse_reply(NULL, 0, &p), SMTPCODES_NOT_FOUND);
    assert_int_equal(smtpcodes_parse_reply(NULL, 5, &p), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_parse_reply("550", 3, NULL), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_parse_reply("1234567890", 10, &p), SMTPCODES_NOT_FOUND);
    assert_int_equal(smtpcodes_parse_reply("55", 2, &p), SMTPCODES_NOT_FOUND);
}

/* The length is the limit: a code cut by it is no code, and no byte after it is read. */
static void only_the_given_bytes_are_read(void **state)
{
    (void)state;
    struct smtpcodes_reply_parts p;
    /* Exactly the bytes of the code, in a buffer of that size. */
    char *exact = malloc(3);
    memcpy(exact, "550", 3);
    assert_int_equal(smtpcodes_parse_reply(exact, 3, &p), SMTPCODES_OK);
    assert_int_equal(p.code, 550);
    free(exact);
    char *enhanced = malloc(5);
    memcpy(enhanced, "5.1.1", 5);
    assert_int_equal(smtpcodes_parse_reply(enhanced, 5, &p), SMTPCODES_OK);
    assert_int_equal(p.klass, 5);
    assert_int_equal(p.detail, 1);
    free(enhanced);
    /* "550 5.1.10" cut after "5.1.1" reads as 5.1.1; cut inside "550" as nothing. */
    const char *text = "550 5.1.10 user unknown";
    assert_int_equal(smtpcodes_parse_reply(text, 9, &p), SMTPCODES_OK);
    assert_int_equal(p.detail, 1);
    assert_int_equal(smtpcodes_parse_reply(text, 2, &p), SMTPCODES_NOT_FOUND);
    /* "5501" is no code, but its first three bytes are. */
    assert_int_equal(smtpcodes_parse_reply("5501", 3, &p), SMTPCODES_OK);
    assert_int_equal(smtpcodes_parse_reply("5501", 4, &p), SMTPCODES_NOT_FOUND);
}

static void nul_bytes_and_invalid_utf8_are_just_bytes(void **state)
{
    (void)state;
    struct smtpcodes_reply_parts p;
    const char nul_first[] = "\0\0host said: 550 5.1.1 no\0such user";
    assert_int_equal(smtpcodes_parse_reply(nul_first, sizeof nul_first - 1, &p), SMTPCODES_OK);
    assert_int_equal(p.code, 550);
    assert_int_equal(p.text.offset + p.text.length, sizeof nul_first - 1);
    const char invalid[] = "\xff\xfe\xc3(\xe2\x82 said: 421 4.4.2 \xf0\x28\x8c\x28 timeout";
    assert_int_equal(smtpcodes_parse_reply(invalid, sizeof invalid - 1, &p), SMTPCODES_OK);
    assert_int_equal(p.code, 421);
    assert_int_equal(p.klass, 4);
    /* Every possible byte, once, around a code. */
    char all[256 + 16];
    for (int i = 0; i < 256; i++)
        all[i] = (char)i;
    memcpy(all + 256, " 550 5.1.1 x", 12);
    assert_int_equal(smtpcodes_parse_reply(all, 268, &p), SMTPCODES_OK);
}

static void a_megabyte_line_is_read_in_one_pass(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *big = malloc(n);
    memset(big, 'x', n);
    struct smtpcodes_reply_parts p;
    assert_int_equal(smtpcodes_parse_reply(big, n, &p), SMTPCODES_NOT_FOUND);
    /* Digits everywhere: still no code, since no run of them stands alone. */
    memset(big, '5', n);
    assert_int_equal(smtpcodes_parse_reply(big, n, &p), SMTPCODES_NOT_FOUND);
    /* A code at the very end of a megabyte of spaces. */
    memset(big, ' ', n);
    memcpy(big + n - 9, "554 5.7.1", 9);
    assert_int_equal(smtpcodes_parse_reply(big, n, &p), SMTPCODES_OK);
    assert_int_equal(p.code, 554);
    assert_int_equal(p.enhanced_span.offset + p.enhanced_span.length, n);
    /* Codes on every line: the first one is the reply's; the rest make it multi-line. */
    for (size_t i = 0; i + 10 <= n; i += 10)
        memcpy(big + i, "550-5.1.1\n", 10);
    assert_int_equal(smtpcodes_parse_reply(big, n, &p), SMTPCODES_OK);
    assert_int_equal(p.multiline, 1);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(our_replies_parse_as_expected),
        cmocka_unit_test(nothing_in_gives_nothing_out),
        cmocka_unit_test(only_the_given_bytes_are_read),
        cmocka_unit_test(nul_bytes_and_invalid_utf8_are_just_bytes),
        cmocka_unit_test(a_megabyte_line_is_read_in_one_pass),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
