/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes-gen as a maintainer meets it: bad input is reported as
 * FILE:LINE: error: ..., every problem in one run, and leaves earlier outputs
 * alone; good input gives the golden output, byte for byte, every time.
 */
#include "run.h"

#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static const char generator[] = SMTPCODES_GEN_PATH;
static const char schema[] = SMTPCODES_SCHEMA_PATH;
static const char fixtures[] = SMTPCODES_TEST_GENERATOR_DIR;

static const char *const output_names[] = {"tables.c", "tables.h", "codes.pot"};
static const char sentinel[] = "an earlier output, to be left alone\n";

struct outputs {
    char paths[3][4096];
    char dir[4096];
};

static void outputs_in(struct outputs *o, const char *dir)
{
    snprintf(o->dir, sizeof o->dir, "%s", dir);
    for (int i = 0; i < 3; i++)
        snprintf(o->paths[i], sizeof o->paths[i], "%s/%s", dir, output_names[i]);
}

static struct run_result generate(const char *input, const struct outputs *o)
{
    char *argv[] = {(char *)generator,
                    "--schema",
                    (char *)schema,
                    "--c-source",
                    (char *)o->paths[0],
                    "--c-header",
                    (char *)o->paths[1],
                    "--pot",
                    (char *)o->paths[2],
                    (char *)input,
                    NULL};
    return run_program(argv, NULL, NULL);
}

static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

static void remove_dir(const struct outputs *o)
{
    for (int i = 0; i < 3; i++)
        unlink(o->paths[i]);
    rmdir(o->dir);
}

/* Every line the generator prints on error has the compiler's form. */
static void assert_compiler_style(const char *err, const char *fixture)
{
    const char *base = strrchr(fixture, '/') + 1;
    for (const char *line = err; *line;) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        const char *at = strstr(line, base);
        if (!at || at > end)
            fail_msg("%s: diagnostic does not name the file: %.*s", base, (int)(end - line), line);
        long number;
        char rest[16];
        if (sscanf(at + strlen(base), ":%ld: %7s", &number, rest) != 2 || strcmp(rest, "error:"))
            fail_msg("%s: not FILE:LINE: error: %.*s", base, (int)(end - line), line);
        line = end + 1;
    }
}

/* No diagnostic is printed twice: each problem is told once. */
static void assert_each_once(const char *err, const char *fixture)
{
    for (const char *line = err; *line;) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        size_t length = (size_t)(end - line) + 1;
        for (const char *later = end + 1; (later = strstr(later, line)) != NULL; later++)
            if (strncmp(later, line, length) == 0 && (later == err || later[-1] == '\n'))
                fail_msg("%s: told twice: %.*s", fixture, (int)(length - 1), line);
        line = end + 1;
    }
}

/* Each "<!-- expect: LINE: TEXT -->" of the fixture must be a diagnostic of the run. */
static int assert_expected_diagnostics(const char *fixture, const char *err)
{
    char *text = read_whole_file(fixture, NULL);
    assert_non_null(text);
    const char *base = strrchr(fixture, '/') + 1;
    int expectations = 0;
    for (const char *p = text; (p = strstr(p, "<!-- expect: ")); p++) {
        long line;
        int consumed = 0;
        assert_int_equal(sscanf(p, "<!-- expect: %ld: %n", &line, &consumed), 1);
        const char *message = p + consumed;
        size_t message_length = strstr(message, " -->") - message;
        char prefix[512];
        snprintf(prefix, sizeof prefix, "%s:%ld: error: ", base, line);
        int found = 0;
        for (const char *hit = err; !found && (hit = strstr(hit, prefix)); hit++) {
            const char *end = strchr(hit, '\n');
            const char *body = hit + strlen(prefix);
            for (const char *q = body; !found && q + message_length <= end; q++)
                found = strncmp(q, message, message_length) == 0;
        }
        if (!found)
            fail_msg("expected '%s%.*s' in:\n%s", prefix, (int)message_length, message, err);
        expectations++;
    }
    free(text);
    return expectations;
}

static void bad_fixture(const char *fixture)
{
    struct outputs o;
    outputs_in(&o, make_temp_dir());
    for (int i = 0; i < 3; i++)
        assert_int_equal(write_whole_file(o.paths[i], sentinel, strlen(sentinel)), 0);

    struct run_result r = generate(fixture, &o);
    if (r.status != 1)
        fail_msg("%s: exit status %d, expected 1; stderr:\n%s", fixture, r.status, r.err);
    assert_string_equal(r.out, "");
    assert_true(assert_expected_diagnostics(fixture, r.err) > 0);
    assert_compiler_style(r.err, fixture);
    assert_each_once(r.err, fixture);

    /* Nothing was written: the earlier outputs are intact and no temporary file is left. */
    for (int i = 0; i < 3; i++) {
        char *content = read_whole_file(o.paths[i], NULL);
        assert_non_null(content);
        assert_string_equal(content, sentinel);
        free(content);
    }
    assert_int_equal(count_entries(o.dir), 3);
    run_result_free(&r);
    remove_dir(&o);
}

static void bad_fixtures_are_reported_by_line(void **state)
{
    (void)state;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/bad", fixtures);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int checked = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 4, ".xml") != 0)
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        bad_fixture(path);
        checked++;
    }
    closedir(d);
    assert_true(checked >= 15);
}

static void assert_same_file(const char *actual, const char *golden_name)
{
    char golden[4096];
    snprintf(golden, sizeof golden, "%s/golden/%s", fixtures, golden_name);
    size_t actual_size, golden_size;
    char *a = read_whole_file(actual, &actual_size);
    char *g = read_whole_file(golden, &golden_size);
    assert_non_null(a);
    assert_non_null(g);
    if (actual_size != golden_size || memcmp(a, g, actual_size) != 0)
        fail_msg("%s differs from %s; if the change is intended, regenerate the golden files "
                 "(see tests/generator/README.md)",
                 actual, golden);
    free(a);
    free(g);
}

static void minimal_input_gives_the_golden_output(void **state)
{
    (void)state;
    struct outputs o;
    const char *dir = make_temp_dir();
    snprintf(o.dir, sizeof o.dir, "%s", dir);
    snprintf(o.paths[0], sizeof o.paths[0], "%s/minimal_tables.c", dir);
    snprintf(o.paths[1], sizeof o.paths[1], "%s/minimal_tables.h", dir);
    snprintf(o.paths[2], sizeof o.paths[2], "%s/minimal.pot", dir);
    char input[4096];
    snprintf(input, sizeof input, "%s/minimal.xml", fixtures);
    struct run_result r = generate(input, &o);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    assert_same_file(o.paths[0], "minimal_tables.c");
    assert_same_file(o.paths[1], "minimal_tables.h");
    assert_same_file(o.paths[2], "minimal.pot");
    run_result_free(&r);
    remove_dir(&o);
}

static void unchanged_output_is_not_rewritten(void **state)
{
    (void)state;
    struct outputs o;
    outputs_in(&o, make_temp_dir());
    char input[4096];
    snprintf(input, sizeof input, "%s/minimal.xml", fixtures);
    struct run_result r = generate(input, &o);
    assert_int_equal(r.status, 0);
    run_result_free(&r);
    struct stat before[3], after[3];
    for (int i = 0; i < 3; i++) {
        assert_int_equal(stat(o.paths[i], &before[i]), 0);
        /* Backdate the outputs, so that a rewrite could not hide within the clock's grain. */
        struct timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
        assert_int_equal(utimensat(AT_FDCWD, o.paths[i], old, 0), 0);
    }
    r = generate(input, &o);
    assert_int_equal(r.status, 0);
    run_result_free(&r);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(stat(o.paths[i], &after[i]), 0);
        assert_int_equal(after[i].st_ino, before[i].st_ino);
        assert_int_equal(after[i].st_mtim.tv_sec, 1000000000);
    }
    assert_int_equal(count_entries(o.dir), 3);

    /* A changed codes.xml changes the outputs. */
    char *text = read_whole_file(input, NULL);
    char *at = strstr(text, "<summary>OK</summary>");
    assert_non_null(at);
    memcpy(at, "<summary>Ok</summary>", 21);
    char edited[8192];
    snprintf(edited, sizeof edited, "%s/edited.xml", o.dir);
    assert_int_equal(write_whole_file(edited, text, strlen(text)), 0);
    free(text);
    r = generate(edited, &o);
    assert_int_equal(r.status, 0);
    run_result_free(&r);
    char *table = read_whole_file(o.paths[0], NULL);
    assert_non_null(strstr(table, "\"250\\004Ok\""));
    free(table);
    unlink(edited);
    remove_dir(&o);
}

/* libxml2 keeps line numbers in 16 bits unless asked not to. */
static void lines_past_65535_are_reported_exactly(void **state)
{
    (void)state;
    char input[4096];
    snprintf(input, sizeof input, "%s/minimal.xml", fixtures);
    char *text = read_whole_file(input, NULL);
    const char *anchor = "  </reply-codes>";
    char *at = strstr(text, anchor);
    assert_non_null(at);
    const char *duplicate =
        "<reply code=\"250\" severity=\"success\"><meaning><summary>A</summary>"
        "<explanation>B</explanation><reference>C</reference></meaning></reply>\n";
    size_t blank = 70000, head = (size_t)(at - text);
    size_t size = head + blank + strlen(duplicate) + strlen(at);
    char *big = malloc(size + 1);
    memcpy(big, text, head);
    memset(big + head, '\n', blank);
    strcpy(big + head + blank, duplicate);
    strcat(big, at);
    long line = 1;
    for (size_t i = 0; i < head + blank; i++)
        line += big[i] == '\n';

    struct outputs o;
    outputs_in(&o, make_temp_dir());
    char path[8192];
    snprintf(path, sizeof path, "%s/long.xml", o.dir);
    assert_int_equal(write_whole_file(path, big, strlen(big)), 0);
    struct run_result r = generate(path, &o);
    assert_int_equal(r.status, 1);
    char expected[128];
    snprintf(expected, sizeof expected, "long.xml:%ld: error: duplicate reply code 250", line);
    assert_true(line > 65535);
    if (!strstr(r.err, expected))
        fail_msg("expected '%s' in: %s", expected, r.err);
    run_result_free(&r);
    unlink(path);
    remove_dir(&o);
    free(big);
    free(text);
}

/* A broken translation stops the build with the file named; nothing is written. */
static void bad_translations_are_reported(void **state)
{
    (void)state;
    char dir[4096], input[4096];
    snprintf(dir, sizeof dir, "%s/bad-po", fixtures);
    snprintf(input, sizeof input, "%s/minimal.xml", fixtures);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int checked = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!strstr(e->d_name, ".po"))
            continue;
        char path[8192], spec[8300];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(spec, sizeof spec, "de=%s", path);
        char *text = read_whole_file(path, NULL);
        assert_non_null(text);
        char expected[256] = "";
        assert_int_equal(sscanf(text, "# expect: %255[^\n]", expected), 1);
        free(text);

        struct outputs o;
        outputs_in(&o, make_temp_dir());
        for (int i = 0; i < 2; i++)
            assert_int_equal(write_whole_file(o.paths[i], sentinel, strlen(sentinel)), 0);
        char *argv[] = {
            (char *)generator, "--schema", (char *)schema, "--c-source", o.paths[0], "--c-header",
            o.paths[1],        "--po",     spec,           input,        NULL};
        struct run_result r = run_program(argv, NULL, NULL);
        if (r.status != 1 || !strstr(r.err, e->d_name) || !strstr(r.err, expected))
            fail_msg("%s: exit %d, expected 1 and '%s' in:\n%s", e->d_name, r.status, expected,
                     r.err);
        for (int i = 0; i < 2; i++) {
            char *content = read_whole_file(o.paths[i], NULL);
            assert_string_equal(content, sentinel);
            free(content);
        }
        assert_int_equal(count_entries(o.dir), 2);
        run_result_free(&r);
        remove_dir(&o);
        checked++;
    }
    closedir(d);
    assert_true(checked >= 5);
}

/* The number of messages of a template: its entries less the header. */
static int count_template_messages(const char *pot)
{
    size_t size;
    char *text = read_whole_file(pot, &size);
    assert_non_null(text);
    int entries = 0;
    for (const char *p = text; (p = strstr(p, "\nmsgid ")) != NULL; p++)
        entries++;
    free(text);
    return entries - 1;
}

/* The line of PATH where TEXT starts; fails the test when TEXT is not there. */
static long line_of_entry(const char *path, const char *text)
{
    char *content = read_whole_file(path, NULL);
    assert_non_null(content);
    const char *at = strstr(content, text);
    assert_non_null(at);
    long line = 1;
    for (const char *c = content; c < at; c++)
        line += *c == '\n';
    free(content);
    return line;
}

/* --check-po: statistics per language; untranslated or fuzzy entries fail it. */
static void translation_check_reports_statistics(void **state)
{
    (void)state;
    char pot[4096], expected[256];
    snprintf(pot, sizeof pot, "%s/golden/minimal.pot", fixtures);
    const int messages = count_template_messages(pot);
    char input[4096], de[4200], fr[4200];
    snprintf(input, sizeof input, "%s/minimal.xml", fixtures);
    snprintf(de, sizeof de, "de=%s/po/de.po", fixtures);
    snprintf(fr, sizeof fr, "fr=%s/po/fr.po", fixtures);
    char *complete[] = {
        (char *)generator, "--schema", (char *)schema, "--check-po", "--po", de, input, NULL};
    struct run_result r = run_program(complete, NULL, NULL);
    assert_int_equal(r.status, 0);
    snprintf(expected, sizeof expected,
             "de: %d translated, 0 fuzzy, 0 untranslated messages; 100 %% translated\n", messages);
    assert_string_equal(r.out, expected);
    assert_string_equal(r.err, "");
    run_result_free(&r);

    char *incomplete[] = {(char *)generator,
                          "--schema",
                          (char *)schema,
                          "--check-po",
                          "--po",
                          de,
                          "--po",
                          fr,
                          input,
                          NULL};
    r = run_program(incomplete, NULL, NULL);
    assert_int_equal(r.status, 1);
    /* fr.po translates 7 messages and has 2 fuzzy; the rest of the template is missing. */
    snprintf(expected, sizeof expected,
             "fr: 7 translated, 2 fuzzy, %d untranslated messages; %d %% translated\n",
             messages - 9, 700 / messages);
    assert_non_null(strstr(r.out, expected));
    /* Each entry is named by the line where it starts. */
    char fuzzy[128], untranslated[128];
    snprintf(fuzzy, sizeof fuzzy,
             "fr.po:%ld: error: msgctxt \"552\" msgid \"Too big or too full\" is fuzzy",
             line_of_entry(fr + 3, "msgctxt \"552\"\nmsgid \"Too big or too full\""));
    snprintf(untranslated, sizeof untranslated,
             "fr.po:%ld: error: msgctxt \"reply 3yz\" msgid \"Go on\" is untranslated",
             line_of_entry(fr + 3, "msgctxt \"reply 3yz\"\nmsgid \"Go on\""));
    if (!strstr(r.err, fuzzy) || !strstr(r.err, untranslated))
        fail_msg("expected '%s' and '%s' in:\n%s", fuzzy, untranslated, r.err);
    run_result_free(&r);

    /* The same language as a partial one: reported with its share, and no error. */
    char *partial[] = {
        (char *)generator, "--schema", (char *)schema, "--check-po", "--po", de, "--po", fr,
        "--partial",       "fr",       input,          NULL};
    r = run_program(partial, NULL, NULL);
    assert_int_equal(r.status, 0);
    snprintf(expected, sizeof expected,
             "fr: 7 translated, 2 fuzzy, %d untranslated messages; %d %% translated (partial: the "
             "rest falls back to English)\n",
             messages - 9, 700 / messages);
    assert_non_null(strstr(r.out, expected));
    assert_string_equal(r.err, "");
    run_result_free(&r);

    /* An entry for a text codes.xml no longer has: ignored by the build, an error here. */
    char *text = read_whole_file(de + 3, NULL);
    const char *stale_entry = "\nmsgctxt \"250\"\nmsgid \"Gone\"\nmsgstr \"DE: Weg\"\n";
    char stale[4300], spec[4400];
    snprintf(stale, sizeof stale, "%s/stale.po", make_temp_dir());
    FILE *out = fopen(stale, "w");
    fputs(text, out);
    fputs(stale_entry, out);
    fclose(out);
    free(text);
    snprintf(spec, sizeof spec, "de=%s", stale);
    char *with_stale[] = {
        (char *)generator, "--schema", (char *)schema, "--check-po", "--po", spec, input, NULL};
    r = run_program(with_stale, NULL, NULL);
    assert_int_equal(r.status, 1);
    snprintf(expected, sizeof expected,
             "de: %d translated, 0 fuzzy, 0 untranslated messages, 1 no longer in the template; "
             "100 %% translated",
             messages);
    assert_non_null(strstr(r.out, expected));
    snprintf(expected, sizeof expected,
             "stale.po:%ld: error: msgctxt \"250\" msgid \"Gone\" is no longer in the template",
             line_of_entry(stale, "msgctxt \"250\"\nmsgid \"Gone\""));
    if (!strstr(r.err, expected))
        fail_msg("expected '%s' in:\n%s", expected, r.err);
    run_result_free(&r);
    unlink(stale);
    *strrchr(stale, '/') = '\0';
    rmdir(stale);
}

static void usage_and_missing_files(void **state)
{
    (void)state;
    char *no_input[] = {(char *)generator, "--schema", (char *)schema, NULL};
    struct run_result r = run_program(no_input, NULL, NULL);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "usage:"));
    run_result_free(&r);

    char *missing[] = {
        (char *)generator,        "--schema", (char *)schema, "--pot", "/nonexistent/x.pot",
        "/nonexistent/codes.xml", NULL};
    r = run_program(missing, NULL, NULL);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "cannot open /nonexistent/codes.xml"));
    run_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_fixtures_are_reported_by_line),
        cmocka_unit_test(minimal_input_gives_the_golden_output),
        cmocka_unit_test(unchanged_output_is_not_rewritten),
        cmocka_unit_test(lines_past_65535_are_reported_exactly),
        cmocka_unit_test(bad_translations_are_reported),
        cmocka_unit_test(translation_check_reports_statistics),
        cmocka_unit_test(usage_and_missing_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
