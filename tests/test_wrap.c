/* SPDX-License-Identifier: MIT */
/*
 * The command's line breaking (cli/wrap.c), rule by rule: no line wider than asked,
 * Japanese punctuation, small kana and the prolonged sound mark never begin a line,
 * opening brackets never end one, Korean breaks only between words, and a word longer
 * than a line is cut where the line ends.
 */
#include "buffer.h"
#include "wrap.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static char *wrapped(const char *text, int width)
{
    struct buffer out = {0};
    wrap_text(&out, text, width);
    buffer_add_char(&out, '\0');
    assert_false(out.failed);
    return out.data;
}

/* Whether a line after the first begins with PREFIX; whether a line ends with SUFFIX. */
static int line_starts_with(const char *text, const char *prefix)
{
    for (const char *line = strchr(text, '\n'); line && line[1]; line = strchr(line + 1, '\n'))
        if (strncmp(line + 1, prefix, strlen(prefix)) == 0)
            return 1;
    return 0;
}

static int line_ends_with(const char *text, const char *suffix)
{
    size_t n = strlen(suffix);
    for (const char *end = strchr(text, '\n'); end; end = strchr(end + 1, '\n'))
        if ((size_t)(end - text) >= n && strncmp(end - n, suffix, n) == 0)
            return 1;
    return 0;
}

static void japanese_keeps_its_line_breaking_rules(void **state)
{
    (void)state;
    /* Every width from 4 to 20 columns puts a break next to each of these somewhere. */
    const char *text =
        "メールサーバーがメッセージを「受信者」に送りました。ちょっと待ってください。";
    for (int width = 4; width <= 20; width++) {
        char *out = wrapped(text, width);
        const char *never_first[] = {"ー", "ッ", "ょ", "っ", "。", "」"};
        for (size_t i = 0; i < sizeof never_first / sizeof *never_first; i++)
            if (line_starts_with(out, never_first[i]))
                fail_msg("width %d: a line begins with %s:\n%s", width, never_first[i], out);
        if (line_ends_with(out, "「"))
            fail_msg("width %d: a line ends with an opening bracket:\n%s", width, out);
        free(out);
    }
}

static void korean_breaks_between_words(void **state)
{
    (void)state;
    const char *text = "수신 서버가 보내는 서버의 네트워크 주소를 보고 메일을 거부했습니다";
    for (int width = 12; width <= 30; width++) {
        char *out = wrapped(text, width);
        /* Joining the lines with spaces gives the text back: no word was split. */
        for (char *c = out; *c; c++)
            if (*c == '\n' && c[1])
                *c = ' ';
        out[strlen(out) - 1] = '\0';
        assert_string_equal(out, text);
        free(out);
    }
}

static void a_word_longer_than_a_line_is_cut(void **state)
{
    (void)state;
    char *out = wrapped("see https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa now", 20);
    for (const char *line = out; *line;) {
        size_t length = strcspn(line, "\n");
        assert_true(length <= 20);
        line += length + (line[length] == '\n');
    }
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(japanese_keeps_its_line_breaking_rules),
        cmocka_unit_test(korean_breaks_between_words),
        cmocka_unit_test(a_word_longer_than_a_line_is_cut),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
