/* The smtpcodes command as people and scripts use it: text, JSON, exit status. */
#include "smtpcodes.h"

#include "run.h"
#include "tsv.h"

#include <json-c/json.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char cli[] = SMTPCODES_CLI_PATH;
static const char replies_path[] = SMTPCODES_TEST_DATA_DIR "/replies.tsv";

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

/* Parses one line of JSON output with a real JSON parser and checks its shape. */
static json_object *parse_json_line(const char *line, size_t length)
{
    enum json_tokener_error error;
    json_tokener *tokener = json_tokener_new();
    json_object *o = json_tokener_parse_ex(tokener, line, (int)length);
    error = json_tokener_get_error(tokener);
    json_tokener_free(tokener);
    if (!o || error != json_tokener_success)
        fail_msg("not JSON (%s): %.*s", json_tokener_error_desc(error), (int)length, line);
    static const struct {
        const char *key;
        json_type type;
        int nullable;
    } fields[] = {{"input", json_type_string, 0},
                  {"code", json_type_int, 1},
                  {"enhanced", json_type_string, 1},
                  {"severity", json_type_string, 1},
                  {"summary", json_type_string, 1},
                  {"explanation", json_type_string, 1},
                  {"enhanced_summary", json_type_string, 1},
                  {"enhanced_explanation", json_type_string, 1},
                  {"reference", json_type_string, 1},
                  {"registered", json_type_boolean, 0},
                  {"consistent", json_type_boolean, 0},
                  {"lang", json_type_string, 1},
                  {"server_text", json_type_string, 1}};
    assert_int_equal(json_object_object_length(o), sizeof fields / sizeof *fields);
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        json_object *value;
        if (!json_object_object_get_ex(o, fields[i].key, &value))
            fail_msg("no '%s' in %.*s", fields[i].key, (int)length, line);
        if (!(value == NULL && fields[i].nullable) && !json_object_is_type(value, fields[i].type))
            fail_msg("'%s' has the wrong type in %.*s", fields[i].key, (int)length, line);
    }
    return o;
}

static const char *string_field(json_object *o, const char *key)
{
    json_object *value = NULL;
    json_object_object_get_ex(o, key, &value);
    return value ? json_object_get_string(value) : NULL;
}

static int int_field(json_object *o, const char *key)
{
    json_object *value = NULL;
    json_object_object_get_ex(o, key, &value);
    return value ? json_object_get_int(value) : 0;
}

static int bool_field(json_object *o, const char *key)
{
    json_object *value = NULL;
    json_object_object_get_ex(o, key, &value);
    return json_object_get_boolean(value);
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

static void a_pair_and_a_reply_are_one_input_each(void **state)
{
    (void)state;
    struct run_result r = run_cli("550", "5.1.1", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "5.1.1  Bad destination mailbox address");
    assert_true(strstr(r.out, "\n--\n") == NULL);
    run_result_free(&r);

    r = run_cli("--reply",
                "host mx[192.0.2.1] said: 550 4.2.2 over quota (in reply to RCPT TO "
                "command)",
                NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "4.2.2  Mailbox full");
    assert_contains(r.out, "The server said: over quota\n");
    /* 550 is permanent, 4.2.2 temporary: the command says so. */
    assert_contains(r.out, "Note: 550 and 4.2.2 disagree");
    run_result_free(&r);
}

static void invalid_inputs_exit_1_and_the_rest_is_still_explained(void **state)
{
    (void)state;
    struct run_result r = run_cli("550", "5.1", "600");
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "550  ");
    assert_contains(r.err, "in '5.1'");
    assert_contains(r.err, "in '600'");
    run_result_free(&r);
}

/* Bytes from a hostile log cannot drive the terminal: control characters are not echoed. */
static void control_characters_are_not_echoed(void **state)
{
    (void)state;
    char *argv[] = {(char *)cli, "-", NULL};
    struct run_result r = run_program(argv,
                                      "no code \x1b]0;title\x07 here\n"
                                      "550 5.1.1 \x1b[2J gone\n",
                                      NULL);
    assert_int_equal(r.status, 1);
    assert_null(strchr(r.err, '\x1b'));
    assert_null(strchr(r.out, '\x1b'));
    assert_contains(r.err, "no code ?]0;title? here");
    assert_contains(r.out, "The server said: ?[2J gone");
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
    r = run_cli("--reply", NULL, NULL);
    assert_int_equal(r.status, 2);
    run_result_free(&r);
}

static void help_and_version(void **state)
{
    (void)state;
    struct run_result r = run_cli("--help", NULL, NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "Usage: smtpcodes");
    assert_contains(r.out, "--json");
    run_result_free(&r);
    r = run_cli("--version", NULL, NULL);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "smtpcodes " SMTPCODES_VERSION "\n");
    run_result_free(&r);
}

static size_t count_registered_codes(void)
{
    size_t replies = 0, enhanced = 0;
    while (smtpcodes_reply_code_at(replies) >= 0)
        replies++;
    while (smtpcodes_enhanced_code_at(enhanced, NULL, NULL, NULL) == 0)
        enhanced++;
    return replies + enhanced;
}

static void list_shows_every_registered_code(void **state)
{
    (void)state;
    struct run_result r = run_cli("--list", NULL, NULL);
    assert_int_equal(r.status, 0);
    size_t lines = 0;
    for (const char *p = r.out; (p = strchr(p, '\n')); p++)
        lines++;
    assert_int_equal(lines, count_registered_codes());
    assert_contains(r.out, "\n550      ");
    assert_contains(r.out, "\nX.7.26   Multiple authentication checks failed\n");
    run_result_free(&r);

    r = run_cli("--list", "--json", NULL);
    assert_int_equal(r.status, 0);
    lines = 0;
    for (char *line = r.out, *end; (end = strchr(line, '\n')); line = end + 1, lines++)
        json_object_put(parse_json_line(line, (size_t)(end - line)));
    assert_int_equal(lines, count_registered_codes());
    run_result_free(&r);
}

/* Every line of tests/data/replies.tsv through the command, checked as JSON. */
static void our_replies_through_the_command(void **state)
{
    (void)state;
    struct reply_rows rows;
    assert_int_equal(reply_rows_read(replies_path, &rows), 0);
    for (size_t i = 0; i < rows.count; i++) {
        const struct reply_row *row = &rows.rows[i];
        struct run_result r = run_cli("--json", "--reply", row->reply);
        int none = row->code == 0 && row->enhanced[0] == '\0';
        assert_int_equal(r.status, none ? 1 : 0);
        json_object *o = parse_json_line(r.out, strlen(r.out));
        assert_int_equal(int_field(o, "code"), row->code);
        const char *enhanced = string_field(o, "enhanced");
        assert_string_equal(enhanced ? enhanced : "", row->enhanced);
        if (!none)
            assert_int_equal(bool_field(o, "consistent"), row->consistent);
        assert_int_equal(strlen(string_field(o, "input")), row->length);
        json_object_put(o);
        run_result_free(&r);
    }
    assert_true(rows.count >= 40);
    reply_rows_free(&rows);
}

/* Standard input: one input per line, one JSON object per line, valid whatever the bytes. */
static void standard_input_gives_json_lines(void **state)
{
    (void)state;
    const char *input = "host mx.example[192.0.2.1] said: 550 5.1.1 no such user\n"
                        "\n"
                        "bounce \xff\xfe\x01\x1b[31m with \"quotes\" \\ and 421 4.7.0 later\r\n"
                        "nothing to see here\n"
                        "5.7.26";
    char *argv[] = {(char *)cli, "--json", "-", NULL};
    struct run_result r = run_program(argv, input, NULL);
    assert_int_equal(r.status, 1); /* the line without a code */
    const char *expected_codes[] = {"550", "421", "", ""};
    const char *expected_enhanced[] = {"5.1.1", "4.7.0", "", "5.7.26"};
    int lines = 0;
    for (char *line = r.out, *end; (end = strchr(line, '\n')); line = end + 1, lines++) {
        assert_true(lines < 4);
        json_object *o = parse_json_line(line, (size_t)(end - line));
        char code[8] = "";
        if (int_field(o, "code"))
            snprintf(code, sizeof code, "%d", int_field(o, "code"));
        assert_string_equal(code, expected_codes[lines]);
        const char *enhanced = string_field(o, "enhanced");
        assert_string_equal(enhanced ? enhanced : "", expected_enhanced[lines]);
        if (lines == 1) {
            /* Invalid UTF-8 becomes U+FFFD; control characters are escaped, not lost. */
            assert_contains(string_field(o, "input"), "\xef\xbf\xbd\xef\xbf\xbd\x01\x1b[31m");
            assert_contains(string_field(o, "input"), "\"quotes\" \\ and");
            assert_string_equal(string_field(o, "server_text"), "later");
        }
        json_object_put(o);
    }
    assert_int_equal(lines, 4);
    run_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(explains_a_reply_code),
        cmocka_unit_test(explains_enhanced_and_unregistered_codes),
        cmocka_unit_test(a_pair_and_a_reply_are_one_input_each),
        cmocka_unit_test(invalid_inputs_exit_1_and_the_rest_is_still_explained),
        cmocka_unit_test(control_characters_are_not_echoed),
        cmocka_unit_test(usage_errors_exit_2),
        cmocka_unit_test(help_and_version),
        cmocka_unit_test(list_shows_every_registered_code),
        cmocka_unit_test(our_replies_through_the_command),
        cmocka_unit_test(standard_input_gives_json_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
