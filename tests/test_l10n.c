/* SPDX-License-Identifier: MIT */
/*
 * Translated answers in real locales: the languages named in a call, the
 * locale as gettext reads it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), and two
 * threads in two locales at once. Needs the de_DE, fr_FR, ja_JP, cs_CZ, uk_UA, ko_KR
 * and zh_TW UTF-8 locales
 * (scripts/install-deps.sh makes them) and the catalogs of the build tree.
 */
#include "smtpcodes.h"

#include <locale.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const int seed_codes[] = {214, 421, 450, 451, 452, 500, 501,
                                 502, 504, 550, 551, 552, 553, 554};

/* po/LINGUAS, as the build passed it: "de es fr ...". */
static const char languages[] = SMTPCODES_TEST_LANGUAGES;

static void every_language_explains_every_seed_code(void **state)
{
    (void)state;
    char list[sizeof languages];
    memcpy(list, languages, sizeof list);
    char *save = NULL;
    int count = 0;
    for (char *lang = strtok_r(list, " ", &save); lang; lang = strtok_r(NULL, " ", &save)) {
        for (size_t i = 0; i < sizeof seed_codes / sizeof *seed_codes; i++) {
            struct smtpcodes_info english, translated;
            smtpcodes_reply(seed_codes[i], "en", &english);
            assert_int_equal(smtpcodes_reply(seed_codes[i], lang, &translated), SMTPCODES_OK);
            if (strcmp(translated.lang, lang) != 0)
                fail_msg("%d in %s answered in %s", seed_codes[i], lang, translated.lang);
            assert_string_not_equal(translated.summary, english.summary);
            assert_string_not_equal(translated.explanation, english.explanation);
            assert_string_not_equal(translated.severity_explanation, english.severity_explanation);
            assert_string_equal(translated.id, english.id);
            assert_string_equal(translated.standard_text, english.standard_text);
        }
        count++;
    }
    assert_true(count >= 3);
}

/* Sets the locale environment, then lets setlocale() read it, as a program would. */
static void use_environment(const char *lc_all, const char *lc_messages, const char *lang,
                            const char *language)
{
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"};
    const char *values[] = {lc_all, lc_messages, lang, language};
    for (int i = 0; i < 4; i++) {
        if (values[i])
            setenv(names[i], values[i], 1);
        else
            unsetenv(names[i]);
    }
    assert_non_null(setlocale(LC_ALL, ""));
}

/* What the locale answers must be exactly what the embedded LANG answers. */
static void assert_locale_speaks(const char *lang)
{
    int codes[] = {550, 421, 559};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        struct smtpcodes_info by_locale, by_name;
        assert_int_equal(smtpcodes_reply(codes[i], NULL, &by_locale), SMTPCODES_OK);
        assert_int_equal(smtpcodes_reply(codes[i], lang, &by_name), SMTPCODES_OK);
        if (strcmp(by_locale.lang, lang) != 0)
            fail_msg("expected %s from the locale, got %s", lang, by_locale.lang);
        assert_string_equal(by_locale.summary, by_name.summary);
        assert_string_equal(by_locale.explanation, by_name.explanation);
        assert_string_equal(by_locale.severity_summary, by_name.severity_summary);
    }
    struct smtpcodes_info by_locale, by_name;
    smtpcodes_enhanced(5, 7, 26, NULL, &by_locale);
    smtpcodes_enhanced(5, 7, 26, lang, &by_name);
    assert_string_equal(by_locale.explanation, by_name.explanation);
}

static void assert_locale_speaks_english(void)
{
    struct smtpcodes_info by_locale, english;
    smtpcodes_reply(550, NULL, &by_locale);
    smtpcodes_reply(550, "en", &english);
    assert_string_equal(by_locale.lang, "en");
    assert_string_equal(by_locale.summary, english.summary);
}

static void lc_all_chooses_the_language(void **state)
{
    (void)state;
    use_environment("de_DE.UTF-8", NULL, NULL, NULL);
    assert_locale_speaks("de");
    use_environment("ja_JP.UTF-8", NULL, NULL, NULL);
    assert_locale_speaks("ja");
}

static void lc_messages_and_lang_choose_it_too(void **state)
{
    (void)state;
    use_environment(NULL, "fr_FR.UTF-8", "C", NULL);
    assert_locale_speaks("fr");
    use_environment(NULL, NULL, "de_DE.UTF-8", NULL);
    assert_locale_speaks("de");
}

/* One locale of each script the translations are written in beyond Latin, Japanese and
 * Simplified Chinese: Czech (Latin with diacritics), Ukrainian (Cyrillic), Korean
 * (Hangul) and Traditional Chinese (Han), each through its installed catalog. */
static void every_script_speaks_through_its_locale(void **state)
{
    (void)state;
    static const struct {
        const char *locale, *lang;
    } cases[] = {{"cs_CZ.UTF-8", "cs"},
                 {"uk_UA.UTF-8", "uk"},
                 {"ko_KR.UTF-8", "ko"},
                 {"zh_TW.UTF-8", "zh_TW"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        use_environment(cases[i].locale, NULL, NULL, NULL);
        assert_locale_speaks(cases[i].lang);
        struct smtpcodes_diagnosis by_locale, named;
        const char reply[] = "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown";
        smtpcodes_diagnose(reply, sizeof reply - 1, NULL, &by_locale);
        smtpcodes_diagnose(reply, sizeof reply - 1, cases[i].lang, &named);
        assert_string_equal(by_locale.lang, cases[i].lang);
        assert_string_equal(by_locale.summary, named.summary);
        assert_string_equal(by_locale.action_by_text, named.action_by_text);
    }
}

/* LANGUAGE comes first, except in the C locale, where gettext ignores it. */
static void language_list_comes_first_but_not_under_c(void **state)
{
    (void)state;
    use_environment("de_DE.UTF-8", NULL, NULL, "xx:fr:de");
    assert_locale_speaks("fr");
    use_environment("C.UTF-8", NULL, NULL, "ja");
    assert_locale_speaks("ja");
    use_environment("C", NULL, NULL, "fr");
    assert_locale_speaks_english();
}

struct thread_case {
    const char *locale;
    const char *lang;
    int failures;
};

static void *look_up_in_own_locale(void *arg)
{
    struct thread_case *c = arg;
    locale_t own = newlocale(LC_ALL_MASK, c->locale, (locale_t)0);
    if (own == (locale_t)0) {
        c->failures = -1;
        return NULL;
    }
    uselocale(own);
    struct smtpcodes_info expected;
    smtpcodes_reply(552, c->lang, &expected);
    for (int i = 0; i < 20000; i++) {
        struct smtpcodes_info info;
        smtpcodes_reply(552, NULL, &info);
        if (strcmp(info.lang, c->lang) != 0 || strcmp(info.summary, expected.summary) != 0)
            c->failures++;
    }
    uselocale(LC_GLOBAL_LOCALE);
    freelocale(own);
    return NULL;
}

/* Two threads, two locales, at the same time: each gets its own language. */
static void each_thread_speaks_its_uselocale(void **state)
{
    (void)state;
    use_environment("C", NULL, NULL, NULL);
    struct thread_case cases[] = {{"de_DE.UTF-8", "de", 0}, {"ja_JP.UTF-8", "ja", 0}};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, look_up_in_own_locale, &cases[i]), 0);
    for (int i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
        if (cases[i].failures != 0)
            fail_msg("%s: %d wrong answers", cases[i].locale, cases[i].failures);
    }
    /* The process itself stayed in C. */
    assert_locale_speaks_english();
}

/*
 * A server that makes a locale per request, uses it and frees it: the next
 * locale may get the freed one's address, and must still get its own language.
 */
static void a_new_locale_at_a_freed_address_speaks_its_own_language(void **state)
{
    (void)state;
    use_environment("C", NULL, NULL, NULL);
    const char *names[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "ja_JP.UTF-8"};
    const char *langs[] = {"de", "fr", "ja"};
    for (int round = 0; round < 30; round++) {
        int which = round % 3;
        locale_t l = newlocale(LC_ALL_MASK, names[which], (locale_t)0);
        assert_non_null(l);
        uselocale(l);
        struct smtpcodes_info info;
        smtpcodes_reply(550, NULL, &info);
        assert_string_equal(info.lang, langs[which]);
        assert_string_equal(smtpcodes_reply_summary(550, SMTPCODES_LANG_LOCALE),
                            smtpcodes_reply_summary(550, smtpcodes_language(langs[which])));
        uselocale(LC_GLOBAL_LOCALE);
        freelocale(l);
    }
}

/* A program that changes LANGUAGE while it runs tells gettext so, as its manual asks. */
static void a_changed_language_list_counts_after_setlocale(void **state)
{
    (void)state;
    use_environment("de_DE.UTF-8", NULL, NULL, NULL);
    assert_string_equal(smtpcodes_reply_summary(421, SMTPCODES_LANG_LOCALE),
                        smtpcodes_reply_summary(421, smtpcodes_language("de")));
    setenv("LANGUAGE", "ja", 1);
    setlocale(LC_ALL, "");
    assert_string_equal(smtpcodes_reply_summary(421, SMTPCODES_LANG_LOCALE),
                        smtpcodes_reply_summary(421, smtpcodes_language("ja")));
    unsetenv("LANGUAGE");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_language_explains_every_seed_code),
        cmocka_unit_test(lc_all_chooses_the_language),
        cmocka_unit_test(every_script_speaks_through_its_locale),
        cmocka_unit_test(lc_messages_and_lang_choose_it_too),
        cmocka_unit_test(language_list_comes_first_but_not_under_c),
        cmocka_unit_test(each_thread_speaks_its_uselocale),
        cmocka_unit_test(a_new_locale_at_a_freed_address_speaks_its_own_language),
        cmocka_unit_test(a_changed_language_list_counts_after_setlocale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
