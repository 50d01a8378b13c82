/* SPDX-License-Identifier: MIT */
/*
 * The command's --lang as users and scripts give it: a tag selects the
 * language as its locale name does, a name that is no language is a usage
 * error before gettext sees it, and the uninstalled command finds the build
 * tree's catalogs by itself.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include "smtpcodes.h"

#include "run.h"

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

static const char cli[] = SMTPCODES_CLI_PATH;

static struct run_result run_cli(const char *locale, const char *localedir, const char *arg1,
                                 const char *arg2)
{
    char locale_setting[256], dir_setting[PATH_MAX + 32];
    snprintf(locale_setting, sizeof locale_setting, "LANG=%s", locale);
    if (localedir)
        snprintf(dir_setting, sizeof dir_setting, "SMTPCODES_LOCALEDIR=%s", localedir);
    char *env[] = {locale_setting, localedir ? dir_setting : NULL, NULL};
    char *argv[] = {(char *)cli, (char *)arg1, (char *)arg2, NULL};
    return run_program(argv, NULL, env);
}

/* A catalog outside the locale directory that a path given as --lang would reach. */
static const char *plant_catalog(void)
{
    static char lang[PATH_MAX];
    const char *dir = make_temp_dir();
    char path[PATH_MAX], mo[PATH_MAX];
    snprintf(path, sizeof path, "%s/planted", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/planted/LC_MESSAGES", dir);
    mkdir(path, 0755);
    snprintf(mo, sizeof mo, "%s/planted/LC_MESSAGES/smtpcodes.mo", dir);
    char *msgfmt[] = {SMTPCODES_MSGFMT, "-o", mo, SMTPCODES_SOURCE_DIR "/po/de.po", NULL};
    struct run_result r = run_program(msgfmt, NULL, NULL);
    if (r.status != 0)
        fail_msg("msgfmt: %s", r.err);
    run_result_free(&r);
    /* Enough "../" to climb from any locale directory to the root. */
    snprintf(lang, sizeof lang, "../../../../../../../../../../../../../../../..%s/planted", dir);
    return lang;
}

static void a_path_given_as_language_is_a_usage_error(void **state)
{
    (void)state;
    const char *lang = plant_catalog();
    char joined[PATH_MAX + 16];
    snprintf(joined, sizeof joined, "--lang=%s", lang);
    struct run_result r = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, "--lang", lang);
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, lang));
    run_result_free(&r);
    r = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, joined, "550");
    assert_int_equal(r.status, 2);
    assert_string_equal(r.out, "");
    run_result_free(&r);
}

static void names_that_are_no_language_are_usage_errors(void **state)
{
    (void)state;
    char overlong[70];
    memset(overlong, 'a', sizeof overlong - 1);
    overlong[sizeof overlong - 1] = '\0';
    const char *invalid[] = {"",    "de/LC_MESSAGES", "de..",     "de:fr", "de de", "1de",
                             "-de", "de\n",           "de;q=0.9", overlong};
    for (size_t i = 0; i < sizeof invalid / sizeof *invalid; i++) {
        struct run_result r = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, "--lang", invalid[i]);
        if (r.status != 2 || strcmp(r.out, "") != 0)
            fail_msg("--lang '%s': status %d, output '%s'", invalid[i], r.status, r.out);
        run_result_free(&r);
    }
    /* Told in the environment's language. */
    struct run_result german = run_cli("de_DE.UTF-8", SMTPCODES_BUILD_LOCALEDIR, "--lang", "../x");
    struct run_result english = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, "--lang", "../x");
    assert_int_equal(german.status, 2);
    assert_string_not_equal(german.err, english.err);
    run_result_free(&german);
    run_result_free(&english);
}

static void assert_same_answer(const char *lang, const char *as_lang)
{
    char tag[64], name[64];
    snprintf(tag, sizeof tag, "--lang=%s", lang);
    snprintf(name, sizeof name, "--lang=%s", as_lang);
    struct run_result a = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, tag, "550");
    struct run_result b = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, name, "550");
    assert_int_equal(a.status, 0);
    assert_string_equal(a.out, b.out);
    run_result_free(&a);
    run_result_free(&b);
}

/* The command speaks the whole answer in the language a tag names. */
static void a_tag_selects_the_language_of_its_locale_name(void **state)
{
    (void)state;
    const char *code;
    for (size_t i = 1; smtpcodes_language_at(i, &code, NULL) == SMTPCODES_OK; i++) {
        char tag[64];
        snprintf(tag, sizeof tag, "%s", code);
        for (char *c = tag; *c; c++)
            *c = *c == '_' ? '-' : *c;
        assert_same_answer(tag, code);
    }
    if (smtpcodes_language("de") < 0)
        skip();
    assert_same_answer("de-AT", "de");
    struct run_result german = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, "--lang=de-AT", "550");
    struct run_result english = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, "--lang=en", "550");
    assert_string_not_equal(german.out, english.out);
    run_result_free(&german);
    run_result_free(&english);
}

/* Without SMTPCODES_LOCALEDIR, the uninstalled command answers from the build tree's
 * catalogs, its own labels included, as with the variable set. */
static void the_build_tree_command_finds_the_build_tree_catalogs(void **state)
{
    (void)state;
    if (smtpcodes_language("de") < 0)
        skip();
    struct run_result found = run_cli("de_DE.UTF-8", NULL, "550", NULL);
    struct run_result told = run_cli("de_DE.UTF-8", SMTPCODES_BUILD_LOCALEDIR, "550", NULL);
    struct run_result english = run_cli("C.UTF-8", NULL, "550", NULL);
    assert_int_equal(found.status, 0);
    assert_string_equal(found.out, told.out);
    assert_string_not_equal(found.out, english.out);
    run_result_free(&found);
    run_result_free(&told);
    run_result_free(&english);

    /* So does the library the tests link against: the same directory. */
    unsetenv("SMTPCODES_LOCALEDIR");
    char expected[PATH_MAX];
    assert_non_null(realpath(SMTPCODES_BUILD_LOCALEDIR, expected));
    assert_string_equal(smtpcodes_localedir(), expected);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_path_given_as_language_is_a_usage_error),
        cmocka_unit_test(names_that_are_no_language_are_usage_errors),
        cmocka_unit_test(a_tag_selects_the_language_of_its_locale_name),
        cmocka_unit_test(the_build_tree_command_finds_the_build_tree_catalogs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
