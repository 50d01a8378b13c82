/* SPDX-License-Identifier: MIT */
/* The smtpcodes command as people and scripts use it: text, JSON, exit status. */
#define _DEFAULT_SOURCE /* wait4(): the peak memory of one child */

#include "smtpcodes.h"

#include "run.h"
#include "tsv.h"

#include <errno.h>
#include <fcntl.h>
#include <json-c/json.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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
                  {"server_text", json_type_string, 1},
                  {"reason", json_type_string, 0},
                  {"reason_summary", json_type_string, 0},
                  {"reason_explanation", json_type_string, 0},
                  {"action_by", json_type_string, 0},
                  {"action_by_text", json_type_string, 0},
                  {"retry", json_type_string, 0},
                  {"retry_text", json_type_string, 0},
                  {"provider", json_type_string, 1},
                  {"meaning", json_type_string, 1},
                  {"evidence", json_type_string, 1}};
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
    /* Further meanings of the same code, each with its document, when asked for. */
    assert_null(strstr(r.out, "Also, per RFC 6531: "));
    run_result_free(&r);
    r = run_cli("--all-meanings", "550", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "Also, per RFC 6531: ");
    run_result_free(&r);
}

/* A reply leads with its cause, then who can fix it and whether to send again, then
 * its codes in the meaning that applies; the same as the library's diagnosis. */
static void a_reply_leads_with_its_diagnosis(void **state)
{
    (void)state;
    const char *reply = "550 5.7.1 Service unavailable; Client host [192.0.2.1] blocked "
                        "using zen.spamhaus.org";
    struct smtpcodes_diagnosis d;
    smtpcodes_diagnose(reply, strlen(reply), "en", &d);
    struct run_result r = run_cli("--reply", reply, NULL);
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, d.summary, strlen(d.summary)) == 0);
    char line[512];
    snprintf(line, sizeof line, "Who can fix it: %s\n", d.action_by_text);
    assert_contains(r.out, line);
    snprintf(line, sizeof line, "Send again? %s\n", d.retry_text);
    assert_contains(r.out, line);
    snprintf(line, sizeof line, "Found in the reply: \"%.*s\"\n", (int)d.evidence.length,
             reply + d.evidence.offset);
    assert_contains(r.out, line);
    snprintf(line, sizeof line, "550 5.7.1  %s\n", d.meaning_summary);
    assert_contains(r.out, line);
    /* The standard text the server sent decides which meaning of 530 applies. */
    run_result_free(&r);
    r = run_cli("530 5.7.0 Must issue a STARTTLS command first", NULL, NULL);
    assert_contains(r.out, "Reference: RFC 3207");
    assert_null(strstr(r.out, "RFC 4954"));
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
    assert_contains(r.out, "550 4.2.2  Mailbox full");
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

/*
 * Running the command with its standard streams set up by hand: standard output
 * broken in the ways a pipeline breaks it, standard input endless, SIGPIPE as
 * the caller chose. The command runs in the C locale, so its messages are English.
 */
enum output {
    OUTPUT_DEV_FULL,
    OUTPUT_DEV_NULL,
    OUTPUT_CLOSED,
    OUTPUT_PIPE_WITHOUT_READER,
    OUTPUT_PIPE
};

struct child {
    pid_t pid;
    int out;      /* the read end of standard output, for OUTPUT_PIPE; else -1 */
    int in;       /* the write end of standard input when it is a pipe; else -1 */
    pid_t feeder; /* writes endless input, or 0 */
    char err_path[4096];
};

struct outcome {
    int status;   /* the exit status, or -1 */
    int signal;   /* the signal that ended it, or 0 */
    long max_rss; /* peak resident memory in KiB */
    char *err;    /* everything written to standard error */
};

static void sleep_briefly(void)
{
    struct timespec pause = {0, 10 * 1000 * 1000};
    nanosleep(&pause, NULL);
}

/* A process that writes LINE to FD over and over, until nobody reads. */
static pid_t start_feeder(int fd, const char *line)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);
        char block[4096];
        size_t n = strlen(line), used = 0;
        while (used + n <= sizeof block) {
            memcpy(block + used, line, n);
            used += n;
        }
        while (write(fd, block, used) > 0)
            ;
        _exit(0);
    }
    return pid;
}

enum input { INPUT_NONE, INPUT_ENDLESS, INPUT_PIPE };

/* Starts the command with ARGV, its output as OUTPUT says, its input from INPUT. */
static struct child start_cli(char *const argv[], enum output output, enum input input,
                              int ignore_sigpipe)
{
    struct child c = {.out = -1, .in = -1};
    const char *base = getenv("TMPDIR");
    snprintf(c.err_path, sizeof c.err_path, "%s/smtpcodes-err-XXXXXX",
             base && *base ? base : "/tmp");
    int err = mkstemp(c.err_path);
    assert_true(err >= 0);
    int out = -1, pipe_fds[2], in_fds[2] = {-1, -1};
    if (output == OUTPUT_DEV_FULL || output == OUTPUT_DEV_NULL) {
        out = open(output == OUTPUT_DEV_FULL ? "/dev/full" : "/dev/null", O_WRONLY);
    } else if (output == OUTPUT_PIPE_WITHOUT_READER || output == OUTPUT_PIPE) {
        assert_int_equal(pipe(pipe_fds), 0);
        out = pipe_fds[1];
        /* Without a reader from the start: no race with the first write. */
        if (output == OUTPUT_PIPE_WITHOUT_READER)
            close(pipe_fds[0]);
        else
            c.out = pipe_fds[0];
    }
    if (input != INPUT_NONE) {
        assert_int_equal(pipe(in_fds), 0);
        if (input == INPUT_ENDLESS) {
            c.feeder = start_feeder(in_fds[1], "host mx.example said: 550 5.1.1 no such user\n");
            close(in_fds[1]);
        } else {
            c.in = in_fds[1];
        }
    }
    c.pid = fork();
    assert_true(c.pid >= 0);
    if (c.pid == 0) {
        signal(SIGPIPE, ignore_sigpipe ? SIG_IGN : SIG_DFL);
        setenv("LC_ALL", "C", 1);
        if (in_fds[0] >= 0)
            dup2(in_fds[0], STDIN_FILENO);
        else
            close(STDIN_FILENO);
        if (out >= 0)
            dup2(out, STDOUT_FILENO);
        else
            close(STDOUT_FILENO);
        dup2(err, STDERR_FILENO);
        if (c.out >= 0)
            close(c.out);
        if (c.in >= 0)
            close(c.in);
        execv(argv[0], argv);
        _exit(127);
    }
    if (out >= 0)
        close(out);
    if (in_fds[0] >= 0)
        close(in_fds[0]);
    close(err);
    return c;
}

/* Waits for the command, at most SECONDS: a command that does not stop fails the test. */
static struct outcome finish_cli(struct child *c, int seconds)
{
    struct outcome o = {-1, 0, 0, NULL};
    int wstatus = 0, stopped = 0;
    struct rusage usage;
    for (int waited = 0; waited < seconds * 100 && !stopped; waited++) {
        stopped = wait4(c->pid, &wstatus, WNOHANG, &usage) == c->pid;
        if (!stopped)
            sleep_briefly();
    }
    if (!stopped) {
        kill(c->pid, SIGKILL);
        wait4(c->pid, &wstatus, 0, &usage);
    }
    if (c->feeder) {
        kill(c->feeder, SIGKILL);
        waitpid(c->feeder, NULL, 0);
    }
    if (c->out >= 0)
        close(c->out);
    if (c->in >= 0)
        close(c->in);
    o.err = read_whole_file(c->err_path, NULL);
    unlink(c->err_path);
    if (!stopped)
        fail_msg("the command did not stop within %d s; it wrote:\n%s", seconds, o.err);
    if (WIFEXITED(wstatus))
        o.status = WEXITSTATUS(wstatus);
    if (WIFSIGNALED(wstatus))
        o.signal = WTERMSIG(wstatus);
    o.max_rss = usage.ru_maxrss;
    return o;
}

static struct outcome run_broken(char *const argv[], enum output output, enum input input,
                                 int ignore_sigpipe)
{
    struct child c = start_cli(argv, output, input, ignore_sigpipe);
    return finish_cli(&c, 60);
}

/* What GNU programs print, with the system's own words for the error. */
static void assert_write_error(const struct outcome *o, int error)
{
    char expected[256];
    snprintf(expected, sizeof expected, "smtpcodes: write error: %s\n", strerror(error));
    if (o->signal)
        fail_msg("killed by signal %d; standard error:\n%s", o->signal, o->err);
    assert_int_equal(o->status, 2);
    assert_string_equal(o->err, expected);
}

static void write_errors_are_reported(void **state)
{
    (void)state;
    char *code[] = {(char *)cli, "550", NULL};
    struct outcome o = run_broken(code, OUTPUT_DEV_FULL, INPUT_NONE, 0);
    assert_write_error(&o, ENOSPC);
    free(o.err);

    o = run_broken(code, OUTPUT_CLOSED, INPUT_NONE, 0);
    assert_write_error(&o, EBADF);
    free(o.err);

    char *help[] = {(char *)cli, "--help", NULL};
    o = run_broken(help, OUTPUT_DEV_FULL, INPUT_NONE, 0);
    assert_write_error(&o, ENOSPC);
    free(o.err);

    char *list[] = {(char *)cli, "--list", NULL};
    o = run_broken(list, OUTPUT_PIPE_WITHOUT_READER, INPUT_NONE, 1);
    assert_write_error(&o, EPIPE);
    free(o.err);

    char *json_list[] = {(char *)cli, "--json", "--list", NULL};
    o = run_broken(json_list, OUTPUT_DEV_FULL, INPUT_NONE, 0);
    assert_write_error(&o, ENOSPC);
    free(o.err);
}

/* Input that cannot be read is not taken for an empty one. */
static void a_read_error_is_reported(void **state)
{
    (void)state;
    char *argv[] = {(char *)cli, "--json", "-", NULL};
    struct outcome o = run_broken(argv, OUTPUT_DEV_NULL, INPUT_NONE, 0);
    char expected[256];
    snprintf(expected, sizeof expected, "smtpcodes: read error: %s\n", strerror(EBADF));
    assert_int_equal(o.status, 2);
    assert_string_equal(o.err, expected);
    free(o.err);
}

/* Nothing to write and standard output closed: nothing failed. */
static void a_closed_output_that_is_not_needed_is_no_error(void **state)
{
    (void)state;
    char *argv[] = {(char *)cli, "no code here", NULL};
    struct outcome o = run_broken(argv, OUTPUT_CLOSED, INPUT_NONE, 0);
    assert_int_equal(o.status, 1);
    assert_contains(o.err, "no SMTP reply code");
    assert_null(strstr(o.err, "write error"));
    free(o.err);
}

/* As cat does: SIGPIPE ends it when it has its default action; ignored, the command
 * reports the error and stops at once, however much input is still coming. */
static void a_closed_pipe_stops_endless_input(void **state)
{
    (void)state;
    char *json[] = {(char *)cli, "--json", "-", NULL};
    struct outcome o = run_broken(json, OUTPUT_PIPE_WITHOUT_READER, INPUT_ENDLESS, 1);
    assert_write_error(&o, EPIPE);
    free(o.err);

    char *text[] = {(char *)cli, "-", NULL};
    o = run_broken(text, OUTPUT_PIPE_WITHOUT_READER, INPUT_ENDLESS, 1);
    assert_write_error(&o, EPIPE);
    free(o.err);

    o = run_broken(json, OUTPUT_PIPE_WITHOUT_READER, INPUT_ENDLESS, 0);
    assert_int_equal(o.signal, SIGPIPE);
    assert_string_equal(o.err, "");
    free(o.err);
}

/* Reads from FD until a newline comes; fails after SECONDS. */
static void read_one_line(int fd, char *line, size_t size, int seconds)
{
    size_t used = 0;
    int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    for (int waited = 0; waited < seconds * 100; waited++) {
        ssize_t n = read(fd, line + used, size - 1 - used);
        if (n > 0) {
            used += (size_t)n;
            line[used] = '\0';
            if (memchr(line, '\n', used))
                return;
        } else if (n == 0 || errno != EAGAIN) {
            break;
        }
        sleep_briefly();
    }
    fail_msg("no whole line within %d s; got '%.*s'", seconds, (int)used, line);
}

/* Output is buffered, yet each answer comes as soon as its line has: a log followed
 * as it grows (tail -f) is explained as it grows. */
static void answers_come_while_input_is_still_open(void **state)
{
    (void)state;
    char *argv[] = {(char *)cli, "--json", "-", NULL};
    struct child c = start_cli(argv, OUTPUT_PIPE, INPUT_PIPE, 0);
    const char *line = "host mx.example said: 452 4.2.2 mailbox full\n";
    assert_int_equal(write(c.in, line, strlen(line)), (ssize_t)strlen(line));
    char answer[65536];
    read_one_line(c.out, answer, sizeof answer, 60);
    json_object *o = parse_json_line(answer, strcspn(answer, "\n"));
    assert_int_equal(int_field(o, "code"), 452);
    json_object_put(o);
    close(c.in);
    c.in = -1;
    struct outcome done = finish_cli(&c, 60);
    assert_int_equal(done.status, 0);
    free(done.err);
}

/*
 * A catalog is data from outside. One whose translations of the command's printf
 * formats take other arguments (%n, a %s too many, %s for %.*s) must not be used
 * as a format: the command prints those messages in English, and uses the
 * translations that take the same arguments, reordered ones included.
 */
static const char hostile_po[] =
    "msgid \"\"\n"
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "\n"
    "msgid \"%s (unregistered code)\"\n"
    "msgstr \"%s %s %s (nicht registriert)\"\n"
    "\n"
    "msgid \"Also, per %s: %s\"\n"
    "msgstr \"Auch (%2$s), laut %1$s\"\n"
    "\n"
    "msgid \"Note: %s and %s disagree: the first says \\\"%s\\\", the second \\\"%s\\\". \"\n"
    "\"Servers normally send codes that agree; trust neither alone.\"\n"
    "msgstr \"Hinweis: %d und %s\"\n"
    "\n"
    "msgid \"smtpcodes: no SMTP reply code (200 to 599) or enhanced status code (such as \"\n"
    "\"5.1.1) in '%.*s'\\n\"\n"
    "msgstr \"smtpcodes: kein Code in '%s'\\n\"\n"
    "\n"
    "msgid \"smtpcodes: unknown option '%s'\\n\"\n"
    "msgstr \"smtpcodes: unbekannte Option '%s' %s %s %s %s\\n\"\n"
    "\n"
    "msgid \"smtpcodes: option '%s' needs a value\\n\"\n"
    "msgstr \"smtpcodes: Option '%s' braucht einen Wert%n\\n\"\n"
    "\n"
    "msgid \"smtpcodes: '%s' is not a language name\\n\"\n"
    "msgstr \"smtpcodes: '%s' ist kein Sprachname%n\\n\"\n"
    "\n"
    "msgid \"Reference:\"\n"
    "msgstr \"Referenz:\"\n";

/* Compiles hostile_po into DIR/de/LC_MESSAGES/smtpcodes.mo, unchecked as msgfmt allows. */
static void write_hostile_catalog(const char *dir)
{
    char path[4096], mo[4096];
    snprintf(path, sizeof path, "%s/de", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/hostile.po", dir);
    assert_int_equal(write_whole_file(path, hostile_po, strlen(hostile_po)), 0);
    snprintf(mo, sizeof mo, "%s/de/LC_MESSAGES/smtpcodes.mo", dir);
    char *msgfmt[] = {SMTPCODES_MSGFMT, "-o", mo, path, NULL};
    struct run_result r = run_program(msgfmt, NULL, NULL);
    if (r.status != 0)
        fail_msg("msgfmt: %s", r.err);
    run_result_free(&r);
    unlink(path);
}

static void remove_hostile_catalog(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/smtpcodes.mo", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/de", dir);
    rmdir(path);
    rmdir(dir);
}

static struct run_result run_with_catalog(const char *dir, const char *a, const char *b)
{
    char localedir[4200];
    snprintf(localedir, sizeof localedir, "SMTPCODES_LOCALEDIR=%s", dir);
    char *env[] = {"LC_ALL=de_DE.UTF-8", localedir, NULL};
    char *argv[] = {(char *)cli, (char *)a, (char *)b, NULL};
    return run_program(argv, NULL, env);
}

/* The summary of the meaning of CODE that REFERENCE defines, in English. */
static const char *meaning_by(int code, const char *reference)
{
    static struct smtpcodes_info info;
    for (int i = 0; i < smtpcodes_reply_meaning_count(code); i++)
        if (smtpcodes_reply_meaning(code, i, "en", &info) == SMTPCODES_OK &&
            strcmp(info.reference, reference) == 0)
            return info.summary;
    fail_msg("%d has no meaning from %s", code, reference);
    return NULL;
}

static void hostile_catalog_formats_fall_back_to_english(void **state)
{
    (void)state;
    const char *dir = make_temp_dir();
    write_hostile_catalog(dir);
    struct smtpcodes_info unregistered;
    smtpcodes_reply(559, "en", &unregistered);
    char expected[1024];

    struct run_result r = run_with_catalog(dir, "--all-meanings", "550 4.2.2 over quota");
    assert_int_equal(r.status, 0);
    /* A label is no format: the translation, with its own punctuation. */
    assert_contains(r.out, "\nReferenz: RFC 5321, section 4.2.2\n");
    /* %d for %s: English. */
    assert_contains(r.out, "Note: 550 and 4.2.2 disagree: the first says");
    /* Arguments reordered, each of the same type: the translation. */
    snprintf(expected, sizeof expected, "\nAuch (%s), laut RFC 6531\n",
             meaning_by(550, "RFC 6531"));
    assert_contains(r.out, expected);
    run_result_free(&r);
    /* A %s too many: English. */
    r = run_with_catalog(dir, "559", NULL);
    assert_int_equal(r.status, 0);
    snprintf(expected, sizeof expected, "559  %s (unregistered code)\n", unregistered.summary);
    assert_contains(r.out, expected);
    run_result_free(&r);

    /* %s for %.*s: English. */
    r = run_with_catalog(dir, "nothing here", NULL);
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "no SMTP reply code (200 to 599)");
    assert_contains(r.err, "in 'nothing here'");
    run_result_free(&r);

    r = run_with_catalog(dir, "--frobnicate", NULL);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "smtpcodes: unknown option '--frobnicate'\n");
    run_result_free(&r);

    r = run_with_catalog(dir, "--reply", NULL);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "smtpcodes: option '--reply' needs a value\n");
    run_result_free(&r);

    r = run_with_catalog(dir, "--lang", "../de");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "smtpcodes: '../de' is not a language name\n");
    run_result_free(&r);
    remove_hostile_catalog(dir);
}

enum { LINE_LIMIT = 65536 };

/* Of a line longer than the limit, the first LINE_LIMIT bytes are explained, the rest is
 * skipped, and standard error says so once for that line; the lines after it are
 * explained as usual. */
static void long_lines_are_explained_from_their_start(void **state)
{
    (void)state;
    size_t long_length = 3 * LINE_LIMIT + 17;
    char *input = malloc(long_length + 200);
    assert_non_null(input);
    strcpy(input, "452 4.2.2 full\n");
    size_t at = strlen(input);
    memcpy(input + at, "550 5.1.1 ", 10);
    memset(input + at + 10, 'x', long_length - 10);
    at += long_length;
    strcpy(input + at, "\n421 4.7.0 later\n");
    char *argv[] = {(char *)cli, "--json", "-", NULL};
    struct run_result r = run_program(argv, input, NULL);
    free(input);
    assert_int_equal(r.status, 0);
    char expected[256];
    snprintf(expected, sizeof expected,
             "smtpcodes: line 2 is longer than %d bytes: explained from its first %d bytes, "
             "the rest skipped\n",
             LINE_LIMIT, LINE_LIMIT);
    assert_string_equal(r.err, expected);
    const int codes[] = {452, 550, 421};
    int lines = 0;
    for (char *line = r.out, *end; (end = strchr(line, '\n')); line = end + 1, lines++) {
        assert_true(lines < 3);
        json_object *o = parse_json_line(line, (size_t)(end - line));
        assert_int_equal(int_field(o, "code"), codes[lines]);
        if (lines == 1)
            assert_int_equal(strlen(string_field(o, "input")), LINE_LIMIT);
        json_object_put(o);
    }
    assert_int_equal(lines, 3);
    run_result_free(&r);
}

/* However long a line, the command's memory stays far below it. */
static void memory_stays_bounded_on_a_huge_line(void **state)
{
    (void)state;
    const size_t huge = 128u << 20;
    char *argv[] = {(char *)cli, "--json", "-", NULL};
    struct child c = start_cli(argv, OUTPUT_DEV_NULL, INPUT_PIPE, 0);
    char block[65536];
    memset(block, 'x', sizeof block);
    memcpy(block, "550 5.1.1 ", 10);
    for (size_t written = 0; written < huge; written += sizeof block)
        assert_int_equal(write(c.in, block, sizeof block), (ssize_t)sizeof block);
    assert_int_equal(write(c.in, "\n", 1), 1);
    close(c.in);
    c.in = -1;
    struct outcome o = finish_cli(&c, 120);
    assert_int_equal(o.status, 0);
    assert_contains(o.err, "smtpcodes: line 1 is longer than");
    /* KiB; the line alone is 131072. */
    if (o.max_rss > 64 * 1024)
        fail_msg("peak memory %ld KiB for a line of %zu bytes", o.max_rss, huge);
    free(o.err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(explains_a_reply_code),
        cmocka_unit_test(a_reply_leads_with_its_diagnosis),
        cmocka_unit_test(explains_enhanced_and_unregistered_codes),
        cmocka_unit_test(a_pair_and_a_reply_are_one_input_each),
        cmocka_unit_test(invalid_inputs_exit_1_and_the_rest_is_still_explained),
        cmocka_unit_test(control_characters_are_not_echoed),
        cmocka_unit_test(usage_errors_exit_2),
        cmocka_unit_test(help_and_version),
        cmocka_unit_test(list_shows_every_registered_code),
        cmocka_unit_test(our_replies_through_the_command),
        cmocka_unit_test(standard_input_gives_json_lines),
        cmocka_unit_test(write_errors_are_reported),
        cmocka_unit_test(a_read_error_is_reported),
        cmocka_unit_test(a_closed_output_that_is_not_needed_is_no_error),
        cmocka_unit_test(a_closed_pipe_stops_endless_input),
        cmocka_unit_test(answers_come_while_input_is_still_open),
        cmocka_unit_test(hostile_catalog_formats_fall_back_to_english),
        cmocka_unit_test(long_lines_are_explained_from_their_start),
        cmocka_unit_test(memory_stays_bounded_on_a_huge_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
