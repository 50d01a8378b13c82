/* SPDX-License-Identifier: MIT */
/*
 * The rules of translated lookups, on the runtime built over the tables of
 * tests/generator/minimal.xml: "de" translates everything ("DE: " + English),
 * "fr" only some texts, and no catalog is installed.
 */
#include "smtpcodes.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void a_named_language_answers_from_the_embedded_tables(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_reply(250, "de", &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "DE: OK");
    assert_string_equal(info.explanation, "DE: The command worked.");
    assert_string_equal(info.severity_summary, "DE: Done");
    assert_string_equal(info.category_summary, "DE: Mail system");
    assert_string_equal(info.lang, "de");
    assert_string_equal(info.id, "250");
    /* Never translated: what the server sends, and where it is defined. */
    assert_string_equal(info.standard_text, "Requested mail action okay, completed");
    assert_string_equal(info.reference, "RFC 5321, section 4.2.2");

    assert_int_equal(smtpcodes_enhanced(4, 1, 1, "de", &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "DE: Bad destination mailbox address");
    assert_string_equal(info.severity_summary, "DE: Persistent Transient Failure");
    assert_string_equal(info.id, "X.1.1");
}

static void english_stays_available(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_reply(250, "en", &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "OK");
    assert_string_equal(info.lang, "en");
    assert_string_equal(info.id, "250");
}

static void unregistered_codes_are_translated_too(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_reply(559, "de", &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 0);
    assert_string_equal(info.summary, "DE: Mail system");
    assert_string_equal(info.id, "reply x5z");
    assert_int_equal(smtpcodes_enhanced(5, 9, 0, "de", &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "DE: Unknown subject");
    assert_string_equal(info.id, "subject unassigned");
}

/* ll_CC@modifier, ll@modifier, ll_CC, ll: as gettext narrows a locale name. */
static void language_names_narrow_like_gettext(void **state)
{
    (void)state;
    const char *german[] = {"de", "de_DE", "de_AT", "de_CH.UTF-8", "de_DE.ISO-8859-1@euro", "de@x"};
    for (size_t i = 0; i < sizeof german / sizeof *german; i++) {
        struct smtpcodes_info info;
        assert_int_equal(smtpcodes_reply(250, german[i], &info), SMTPCODES_OK);
        if (strcmp(info.lang, "de") != 0)
            fail_msg("'%s' answered in '%s'", german[i], info.lang);
    }
    const char *english[] = {"",      "en", "en_GB", "C",   "POSIX", "C.UTF-8", "pt",
                             "pt_BR", "d",  "deu",   "_DE", ".de",   "@de",     "de\n"};
    for (size_t i = 0; i < sizeof english / sizeof *english; i++) {
        struct smtpcodes_info info;
        assert_int_equal(smtpcodes_reply(250, english[i], &info), SMTPCODES_OK);
        if (strcmp(info.lang, "en") != 0 || strcmp(info.summary, "OK") != 0)
            fail_msg("'%s' answered in '%s': %s", english[i], info.lang, info.summary);
    }
}

static void a_long_language_name_is_harmless(void **state)
{
    (void)state;
    size_t n = 100000;
    char *name = malloc(n + 1);
    memset(name, 'd', n);
    name[n] = '\0';
    name[1] = 'e';
    name[2] = '_';
    struct smtpcodes_info info;
    /* Longer than any language name: refused, never read past the limit, English. */
    assert_int_equal(smtpcodes_reply(250, name, &info), SMTPCODES_OK);
    assert_string_equal(info.lang, "en");
    assert_int_equal(smtpcodes_language(name), SMTPCODES_LANG_UNKNOWN);
    name[2] = '@';
    assert_int_equal(smtpcodes_reply(250, name, &info), SMTPCODES_OK);
    assert_string_equal(info.lang, "en");
    /* At the limit, 64 bytes, the name is still read. */
    name[2] = '_';
    name[64] = '\0';
    assert_int_equal(smtpcodes_reply(250, name, &info), SMTPCODES_OK);
    assert_string_equal(info.lang, "de");
    name[64] = 'd';
    name[65] = '\0';
    assert_int_equal(smtpcodes_language(name), SMTPCODES_LANG_UNKNOWN);
    free(name);
}

/* "fr" lacks most texts: each missing one is English, the others stay French. */
static void an_incomplete_translation_falls_back_per_text(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_reply(250, "fr_CA", &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "FR: OK");
    assert_string_equal(info.severity_summary, "FR: Done");
    assert_string_equal(info.category_summary, "Mail system");
    assert_string_equal(info.lang, "fr");

    /* 552's texts are fuzzy, and fuzzy translations are never used. */
    assert_int_equal(smtpcodes_reply(552, "fr", &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "Too big or too full");
    assert_string_equal(info.explanation, "The mailbox is full or the message too large.");
    assert_string_equal(info.lang, "en");
}

/* Without an installed catalog, the locale's language can only be English. */
static void the_locale_without_catalogs_answers_in_english(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_reply(250, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "OK");
    assert_string_equal(info.lang, "en");
    assert_string_equal(smtpcodes_localedir(), "/nonexistent/smtpcodes-fixture");
    assert_int_equal(smtpcodes_set_localedir(""), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_set_localedir(NULL), SMTPCODES_INVALID);
}

/* The header promises static strings: one returned stays as it was whatever is set after. */
static void a_returned_locale_directory_stays_valid(void **state)
{
    (void)state;
    const char *first = smtpcodes_localedir();
    char saved[256];
    snprintf(saved, sizeof saved, "%s", first);
    assert_int_equal(smtpcodes_set_localedir("/nonexistent/smtpcodes-one"), SMTPCODES_OK);
    const char *one = smtpcodes_localedir();
    assert_int_equal(smtpcodes_set_localedir("/nonexistent/smtpcodes-two/a/longer/name"),
                     SMTPCODES_OK);
    assert_int_equal(smtpcodes_set_localedir("/nonexistent/smtpcodes-one"), SMTPCODES_OK);
    assert_string_equal(first, saved);
    assert_string_equal(one, "/nonexistent/smtpcodes-one");
    /* A directory set again is the same kept copy: repeated settings do not pile up. */
    assert_ptr_equal(smtpcodes_localedir(), one);
    assert_int_equal(smtpcodes_set_localedir(saved), SMTPCODES_OK);
    assert_string_equal(smtpcodes_localedir(), saved);
}

static const char *const directories[] = {"/nonexistent/smtpcodes-a", "/nonexistent/smtpcodes-bb",
                                          "/nonexistent/smtpcodes-ccc/d"};
enum { DIRECTORIES = sizeof directories / sizeof *directories, SETTINGS = 20000 };

static void *keep_setting(void *arg)
{
    (void)arg;
    for (int i = 0; i < SETTINGS; i++)
        smtpcodes_set_localedir(directories[i % DIRECTORIES]);
    return NULL;
}

/* One thread sets the directory while another reads it: every string read is whole. */
static void the_locale_directory_is_safe_across_threads(void **state)
{
    (void)state;
    char saved[256];
    snprintf(saved, sizeof saved, "%s", smtpcodes_localedir());
    pthread_t setter;
    assert_int_equal(pthread_create(&setter, NULL, keep_setting, NULL), 0);
    long wrong = 0;
    for (int i = 0; i < SETTINGS; i++) {
        const char *dir = smtpcodes_localedir();
        int known = strcmp(dir, saved) == 0;
        for (size_t d = 0; d < DIRECTORIES; d++)
            known |= strcmp(dir, directories[d]) == 0;
        wrong += !known;
    }
    pthread_join(setter, NULL);
    assert_int_equal(wrong, 0);
    assert_int_equal(smtpcodes_set_localedir(saved), SMTPCODES_OK);
}

/* One text per call, through a language resolved once: the same answers. */
static void single_texts_answer_as_the_full_lookups(void **state)
{
    (void)state;
    smtpcodes_lang de = smtpcodes_language("de_AT.UTF-8");
    smtpcodes_lang fr = smtpcodes_language("fr");
    assert_int_equal(smtpcodes_language(NULL), SMTPCODES_LANG_LOCALE);
    assert_int_equal(smtpcodes_language("pt_BR"), SMTPCODES_LANG_UNKNOWN);
    assert_int_equal(smtpcodes_language("en"), SMTPCODES_LANG_ENGLISH);
    assert_string_equal(smtpcodes_reply_summary(250, de), "DE: OK");
    assert_string_equal(smtpcodes_reply_explanation(250, de), "DE: The command worked.");
    assert_string_equal(smtpcodes_reply_summary(250, SMTPCODES_LANG_ENGLISH), "OK");
    assert_string_equal(smtpcodes_reply_summary(552, fr), "Too big or too full");
    assert_string_equal(smtpcodes_reply_summary(559, de), "DE: Mail system");
    assert_string_equal(smtpcodes_reply_summary(600, de), "");
    assert_string_equal(smtpcodes_reply_explanation(-1, de), "");
    assert_string_equal(smtpcodes_enhanced_summary(4, 1, 1, de),
                        "DE: Bad destination mailbox address");
    assert_string_equal(smtpcodes_enhanced_explanation(5, 9, 9, de), "DE: Nobody assigns it.");
    assert_string_equal(smtpcodes_enhanced_summary(3, 1, 1, de), "");
    assert_string_equal(smtpcodes_enhanced_summary(5, 1, 1000, de), "");
    /* A handle that no call returned is English, not a crash. */
    assert_string_equal(smtpcodes_reply_summary(250, 12345), "OK");
    assert_string_equal(smtpcodes_reply_summary(250, -12345), "OK");
    /* The locale, with no catalog installed, is English. */
    assert_string_equal(smtpcodes_reply_summary(250, SMTPCODES_LANG_LOCALE), "OK");
}

int main(void)
{
    /* The default directory is compiled in; nothing from the environment. */
    unsetenv("SMTPCODES_LOCALEDIR");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_named_language_answers_from_the_embedded_tables),
        cmocka_unit_test(english_stays_available),
        cmocka_unit_test(unregistered_codes_are_translated_too),
        cmocka_unit_test(language_names_narrow_like_gettext),
        cmocka_unit_test(a_long_language_name_is_harmless),
        cmocka_unit_test(an_incomplete_translation_falls_back_per_text),
        cmocka_unit_test(the_locale_without_catalogs_answers_in_english),
        cmocka_unit_test(single_texts_answer_as_the_full_lookups),
        cmocka_unit_test(a_returned_locale_directory_stays_valid),
        cmocka_unit_test(the_locale_directory_is_safe_across_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
