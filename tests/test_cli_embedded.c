/* SPDX-License-Identifier: MIT */
/*
 * The command's own messages are built in, as the library's are: with no catalog
 * installed, --lang gives a wholly translated answer, the same as the build tree's
 * catalogs give; an installed catalog still comes first, message by message.
 */
#define _XOPEN_SOURCE 700 /* strndup() */
#include "smtpcodes.h"

#include "run.h"

#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

static const char reply[] = "550 5.1.1 user unknown";

static struct run_result run_cli(const char *locale, const char *localedir, const char *lang)
{
    char locale_setting[64], dir_setting[PATH_MAX + 32], lang_option[64];
    snprintf(locale_setting, sizeof locale_setting, "LANG=%s", locale);
    snprintf(dir_setting, sizeof dir_setting, "SMTPCODES_LOCALEDIR=%s", localedir);
    snprintf(lang_option, sizeof lang_option, "--lang=%s", lang ? lang : "");
    char *env[] = {locale_setting, dir_setting, NULL};
    char *with_lang[] = {SMTPCODES_CLI_PATH, lang_option, (char *)reply, NULL};
    char *without[] = {SMTPCODES_CLI_PATH, (char *)reply, NULL};
    struct run_result r = run_program(lang ? with_lang : without, NULL, env);
    assert_int_equal(r.status, 0);
    return r;
}

/* The labels of the English answer, which a translated answer must not show. */
static void assert_no_english_label(const char *out)
{
    struct run_result english = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, "en");
    assert_non_null(strstr(english.out, "Who can fix it:"));
    assert_non_null(strstr(english.out, "Reference:"));
    run_result_free(&english);
    assert_null(strstr(out, "Who can fix it:"));
    assert_null(strstr(out, "Reference:"));
}

static void without_catalogs_the_answer_is_as_with_them(void **state)
{
    (void)state;
    const char *empty = make_temp_dir();
    static const char *const languages[] = {"de", "fr", "ja"};
    for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++) {
        if (smtpcodes_language(languages[i]) < 0)
            continue;
        struct run_result built_in = run_cli("C.UTF-8", empty, languages[i]);
        struct run_result installed = run_cli("C.UTF-8", SMTPCODES_BUILD_LOCALEDIR, languages[i]);
        assert_string_equal(built_in.out, installed.out);
        assert_no_english_label(built_in.out);
        run_result_free(&built_in);
        run_result_free(&installed);
    }
}

/* The whole line of OUT that contains TEXT, newline included. */
static char *line_with(const char *out, const char *text)
{
    const char *at = strstr(out, text);
    assert_non_null(at);
    while (at > out && at[-1] != '\n')
        at--;
    size_t length = strcspn(at, "\n") + 1;
    char *line = strndup(at, length);
    assert_non_null(line);
    return line;
}

/* The locale's language, with no --lang, is followed too. */
static void the_locales_language_needs_no_catalog(void **state)
{
    (void)state;
    locale_t german = newlocale(LC_ALL_MASK, "de_DE.UTF-8", (locale_t)0);
    if (smtpcodes_language("de") < 0 || !german)
        skip();
    freelocale(german);
    struct run_result built_in = run_cli("de_DE.UTF-8", make_temp_dir(), NULL);
    struct run_result told = run_cli("C.UTF-8", make_temp_dir(), "de");
    assert_no_english_label(built_in.out);
    /* The label as --lang gives it: the line that cites RFC 3463 is the same. */
    char *line = line_with(told.out, "RFC 3463");
    assert_non_null(strstr(built_in.out, line));
    free(line);
    run_result_free(&built_in);
    run_result_free(&told);
}

/* A catalog with one message of its own: a translator's update, installed without rebuilding. */
static const char *install_catalog(const char *translation)
{
    const char *dir = make_temp_dir();
    char path[PATH_MAX], po[PATH_MAX], mo[PATH_MAX];
    snprintf(path, sizeof path, "%s/de", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES", dir);
    mkdir(path, 0755);
    snprintf(po, sizeof po, "%s/update.po", dir);
    snprintf(mo, sizeof mo, "%s/de/LC_MESSAGES/smtpcodes.mo", dir);
    char text[512];
    int length = snprintf(text, sizeof text,
                          "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                          "msgid \"Who can fix it:\"\nmsgstr \"%s\"\n",
                          translation);
    assert_int_equal(write_whole_file(po, text, (size_t)length), 0);
    char *msgfmt[] = {SMTPCODES_MSGFMT, "-o", mo, po, NULL};
    struct run_result r = run_program(msgfmt, NULL, NULL);
    if (r.status != 0)
        fail_msg("msgfmt: %s", r.err);
    run_result_free(&r);
    return dir;
}

static void an_installed_catalog_comes_first(void **state)
{
    (void)state;
    if (smtpcodes_language("de") < 0)
        skip();
    const char *update = "Behebbar durch:";
    struct run_result updated = run_cli("C.UTF-8", install_catalog(update), "de");
    assert_non_null(strstr(updated.out, update));
    /* The messages the catalog lacks are still German, from the built-in translation. */
    assert_no_english_label(updated.out);
    run_result_free(&updated);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(without_catalogs_the_answer_is_as_with_them),
        cmocka_unit_test(the_locales_language_needs_no_catalog),
        cmocka_unit_test(an_installed_catalog_comes_first),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
