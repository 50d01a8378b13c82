/* SPDX-License-Identifier: MIT */
/*
 * No line of the command's text output is wider than 80 columns, in any language it
 * speaks: codes, pairs and replies of tests/data/replies.tsv, --all-meanings included.
 * Widths are measured by the C library (wcwidth() in a UTF-8 locale), not by the
 * command's own wrapping code, so the two check each other.
 */
#define _XOPEN_SOURCE 700 /* wcwidth() */
#include "smtpcodes.h"

#include "run.h"
#include "tsv.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

static const char cli[] = SMTPCODES_CLI_PATH;
static const char replies_path[] = SMTPCODES_TEST_DATA_DIR "/replies.tsv";

enum { MAX_COLUMNS = 80 };

/* The display width of LINE[0..LENGTH), or -1 for bytes that are not UTF-8. */
static int display_width(const char *line, size_t length)
{
    mbstate_t state = {0};
    int columns = 0;
    for (size_t at = 0; at < length;) {
        wchar_t wc;
        size_t n = mbrtowc(&wc, line + at, length - at, &state);
        if (n == (size_t)-1 || n == (size_t)-2)
            return -1;
        int w = wcwidth(wc);
        columns += w > 0 ? w : 0;
        at += n ? n : 1;
    }
    return columns;
}

static void assert_lines_fit(const char *lang, const char *out)
{
    for (const char *line = out; *line;) {
        size_t length = strcspn(line, "\n");
        int width = display_width(line, length);
        if (width < 0 || width > MAX_COLUMNS)
            fail_msg("--lang %s: a line of %d columns:\n%.*s", lang, width, (int)length, line);
        line += length + (line[length] == '\n');
    }
}

/* Every code codes.xml has, and every reply of our test data, one per line. */
static char *inputs(void)
{
    size_t size = 0;
    char *text = NULL;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    int code;
    for (size_t i = 0; (code = smtpcodes_reply_code_at(i)) >= 0; i++)
        fprintf(out, "%d\n", code);
    int klass, subject, detail;
    for (size_t i = 0; smtpcodes_enhanced_code_at(i, &klass, &subject, &detail) == 0; i++)
        fprintf(out, "%d.%d.%d\n", klass ? klass : 5, subject, detail);
    struct reply_rows rows;
    assert_int_equal(reply_rows_read(replies_path, &rows), 0);
    for (size_t i = 0; i < rows.count; i++)
        if (!memchr(rows.rows[i].reply, '\n', rows.rows[i].length))
            fprintf(out, "%.*s\n", (int)rows.rows[i].length, rows.rows[i].reply);
    reply_rows_free(&rows);
    fclose(out);
    return text;
}

static void every_line_fits_in_every_language(void **state)
{
    (void)state;
    assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
    char *lines = inputs();
    const char *code;
    int languages = 0;
    for (size_t i = 0; smtpcodes_language_at(i, &code, NULL) == SMTPCODES_OK; i++) {
        char *argv[] = {(char *)cli, "--all-meanings", "--lang", (char *)code, "-", NULL};
        struct run_result r = run_program(argv, lines, NULL);
        assert_true(r.status == 0 || r.status == 1);
        assert_true(strlen(r.out) > 10000);
        assert_lines_fit(code, r.out);
        run_result_free(&r);
        languages++;
    }
    printf("%d languages, no line over %d columns\n", languages, MAX_COLUMNS);
    assert_true(languages > 1);
    free(lines);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_line_fits_in_every_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
