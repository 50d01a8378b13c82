/* The smtpcodes command as people and scripts use it: output and exit status. */
#include "smtpcodes.h"

#include "run.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

static const char cli[] = SMTPCODES_CLI_PATH;

static struct run_result run_cli(const char *a, const char *b, const char *c)
{
    char *argv[] = {(char *)cli, (char *)a, (char *)b, (char *)c, NULL};
    return run_program(argv, NULL, NULL);
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("'%s' not found in:\n%s", needle, haystack);
}

static void explains_a_reply_code(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    smtpcodes_reply(550, "en", &info);
    struct run_result r = run_cli("550", NULL, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_contains(r.out, "550  ");
    assert_contains(r.out, info.summary);
    assert_contains(r.out, info.severity_summary);
    assert_contains(r.out, "Reference: RFC 5321, section 4.2.2");
    assert_contains(r.out, "Standard text: Requested action not taken: mailbox unavailable");
    /* Further meanings of the same code, each with its document. */
    assert_contains(r.out, "Also, per RFC 6531: ");
    run_result_free(&r);
}

static void explains_enhanced_and_unregistered_codes(void **state)
{
    (void)state;
    struct run_result r = run_cli("5.7.26", "559", "4.9.0");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "5.7.26  Multiple authentication checks failed");
    assert_contains(r.out, "559  ");
    assert_contains(r.out, "4.9.0  ");
    assert_contains(r.out, "(unregistered code)");
    run_result_free(&r);
}

static void invalid_codes_exit_1_and_still_explain_the_rest(void **state)
{
    (void)state;
    struct run_result r = run_cli("550", "5.1", "600");
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "550  ");
    assert_contains(r.err, "'5.1' is not an SMTP reply code");
    assert_contains(r.err, "'600' is not an SMTP reply code");
    run_result_free(&r);
}

static void usage_errors_exit_2(void **state)
{
    (void)state;
    struct run_result r = run_cli(NULL, NULL, NULL);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "Usage: smtpcodes");
    run_result_free(&r);
    r = run_cli("--frobnicate", NULL, NULL);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "unknown option '--frobnicate'");
    run_result_free(&r);
    r = run_cli("--list", "550", NULL);
    assert_int_equal(r.status, 2);
    run_result_free(&r);
}

static void help_and_version(void **state)
{
    (void)state;
    struct run_result r = run_cli("--help", NULL, NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "Usage: smtpcodes");
    assert_contains(r.out, "--list");
    run_result_free(&r);
    r = run_cli("--version", NULL, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "smtpcodes " SMTPCODES_VERSION "\n");
    run_result_free(&r);
}

static void list_shows_every_registered_code(void **state)
{
    (void)state;
    struct run_result r = run_cli("--list", NULL, NULL);
    assert_int_equal(r.status, 0);
    int lines = 0;
    for (const char *p = r.out; (p = strchr(p, '\n')); p++)
        lines++;
    size_t replies = 0, enhanced = 0;
    while (smtpcodes_reply_code_at(replies) >= 0)
        replies++;
    while (smtpcodes_enhanced_code_at(enhanced, NULL, NULL, NULL) == 0)
        enhanced++;
    assert_int_equal(lines, (int)(replies + enhanced));
    assert_contains(r.out, "\n550    ");
    assert_contains(r.out, "\nX.7.26   Multiple authentication checks failed\n");
    run_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(explains_a_reply_code),
        cmocka_unit_test(explains_enhanced_and_unregistered_codes),
        cmocka_unit_test(invalid_codes_exit_1_and_still_explain_the_rest),
        cmocka_unit_test(usage_errors_exit_2),
        cmocka_unit_test(help_and_version),
        cmocka_unit_test(list_shows_every_registered_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
