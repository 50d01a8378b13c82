/* SPDX-License-Identifier: MIT */
/*
 * The installed catalogs as translators and users meet them, through the
 * smtpcodes command in a German locale: a catalog changed after the build
 * takes effect at once, a text missing from it falls back to English alone,
 * and the command's own messages are translated too.
 */
#include "smtpcodes.h"

#include "po_errors.h"
#include "run.h"

#include <gettext-po.h>
#include <libintl.h>
#include <locale.h>
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

static const char cli[] = SMTPCODES_CLI_PATH;
static const char german_po[] = SMTPCODES_SOURCE_DIR "/po/de.po";

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("'%s' not found in:\n%s", needle, haystack);
}

/* po/de.po with 550's summary replaced and its explanation left untranslated. */
static void write_changed_catalog(const char *dir, const char *summary)
{
    po_file_t file = po_file_read(german_po, &test_po_errors);
    assert_non_null(file);
    po_message_iterator_t it = po_message_iterator(file, NULL);
    struct smtpcodes_info english;
    smtpcodes_reply(550, "en", &english);
    int changed = 0;
    for (po_message_t m; (m = po_next_message(it));) {
        const char *context = po_message_msgctxt(m);
        if (!context || strcmp(context, "550") != 0)
            continue;
        if (strcmp(po_message_msgid(m), english.summary) == 0)
            po_message_set_msgstr(m, summary);
        else
            po_message_set_msgstr(m, "");
        changed++;
    }
    po_message_iterator_free(it);
    assert_int_equal(changed, 2);

    char path[4096], mo[4096];
    snprintf(path, sizeof path, "%s/de", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/smtpcodes.po", dir);
    assert_non_null(po_file_write(file, path, &test_po_errors));
    po_file_free(file);
    snprintf(mo, sizeof mo, "%s/de/LC_MESSAGES/smtpcodes.mo", dir);
    char *msgfmt[] = {SMTPCODES_MSGFMT, "--check", "-o", mo, path, NULL};
    struct run_result r = run_program(msgfmt, NULL, NULL);
    if (r.status != 0)
        fail_msg("msgfmt: %s", r.err);
    run_result_free(&r);
    unlink(path);
}

static struct run_result run_in_german(const char *localedir, const char *arg1, const char *arg2)
{
    char dir_setting[4200];
    snprintf(dir_setting, sizeof dir_setting, "SMTPCODES_LOCALEDIR=%s", localedir);
    char *env[] = {"LC_ALL=de_DE.UTF-8", dir_setting, NULL};
    char *argv[] = {(char *)cli, (char *)arg1, (char *)arg2, NULL};
    return run_program(argv, NULL, env);
}

static void a_changed_catalog_takes_effect_without_a_rebuild(void **state)
{
    (void)state;
    const char *dir = make_temp_dir();
    const char *changed = "Geänderte Zusammenfassung für 550";
    write_changed_catalog(dir, changed);

    struct smtpcodes_info english, german;
    smtpcodes_reply(550, "en", &english);
    smtpcodes_reply(550, "de", &german);
    struct run_result r = run_in_german(dir, "550", NULL);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, changed);
    /* The text the catalog lacks is English; the rest stays German. */
    assert_contains(r.out, "The receiving server refused the message");
    assert_contains(r.out, german.severity_summary);
    assert_true(strstr(r.out, german.summary) == NULL);
    run_result_free(&r);

    /* The catalog of the build tree, unchanged, gives the German of the tables. */
    r = run_in_german(SMTPCODES_BUILD_LOCALEDIR, "550", NULL);
    assert_contains(r.out, german.summary);
    run_result_free(&r);

    char path[4096];
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES/smtpcodes.mo", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/de/LC_MESSAGES", dir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/de", dir);
    rmdir(path);
    rmdir(dir);
}

/* The command's own words, as the German catalog has them. */
static const char *german_label(const char *english)
{
    smtpcodes_localedir(); /* binds the text domain, as the command does */
    setlocale(LC_ALL, "de_DE.UTF-8");
    const char *label = dgettext("smtpcodes", english);
    setlocale(LC_ALL, "C");
    return label;
}

static void the_command_speaks_german_in_a_german_locale(void **state)
{
    (void)state;
    const char *reference = german_label("Reference:");
    assert_string_not_equal(reference, "Reference:");
    struct run_result r = run_in_german(SMTPCODES_BUILD_LOCALEDIR, "550", NULL);
    assert_int_equal(r.status, 0);
    char label[256];
    snprintf(label, sizeof label, "%s RFC 5321", reference);
    assert_contains(r.out, label);
    run_result_free(&r);
}

/* --lang chooses the language of the answer in any locale, even plain C. */
static void lang_option_works_in_the_c_locale(void **state)
{
    (void)state;
    struct smtpcodes_info german;
    smtpcodes_reply(421, "de", &german);
    char *env[] = {"LC_ALL=C", "SMTPCODES_LOCALEDIR=/nonexistent", NULL};
    char *argv[] = {(char *)cli, "--lang", "de", "421", NULL};
    struct run_result r = run_program(argv, NULL, env);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, german.summary);
    /* The explanation is wrapped at spaces: its first words stand on one line. */
    char first_words[48];
    snprintf(first_words, sizeof first_words, "%s", german.explanation);
    *strrchr(first_words, ' ') = '\0';
    assert_contains(r.out, first_words);
    run_result_free(&r);
}

int main(void)
{
    setenv("SMTPCODES_LOCALEDIR", SMTPCODES_BUILD_LOCALEDIR, 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_changed_catalog_takes_effect_without_a_rebuild),
        cmocka_unit_test(the_command_speaks_german_in_a_german_locale),
        cmocka_unit_test(lang_option_works_in_the_c_locale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
