/* SPDX-License-Identifier: MIT */
/*
 * Language names as applications receive them: from a locale, from an
 * Accept-Language header, from a user's menu choice; the languages built in,
 * each with its own name; and the names refused before they are looked up.
 */
#include "smtpcodes.h"

#include "po_errors.h"

#include <gettext-po.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char linguas[] = SMTPCODES_TEST_LANGUAGES; /* po/LINGUAS, space-separated */

/* The X-Native-Name field of po/LANG.po's header; the caller frees it. */
static char *native_name_in_po(const char *lang)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/po/%s.po", SMTPCODES_SOURCE_DIR, lang);
    po_file_t file = po_file_read(path, &test_po_errors);
    assert_non_null(file);
    const char *header = po_file_domain_header(file, NULL);
    assert_non_null(header);
    char *field = po_header_field(header, "X-Native-Name");
    po_file_free(file);
    if (!field)
        fail_msg("%s has no X-Native-Name in its header", path);
    return field;
}

/* English first, then every language of po/LINGUAS in its order, named as its translator
 * names it. */
static void the_built_in_languages_are_listed_with_their_own_names(void **state)
{
    (void)state;
    const char *code = NULL, *native = NULL;
    assert_int_equal(smtpcodes_language_at(0, &code, &native), SMTPCODES_OK);
    assert_string_equal(code, "en");
    assert_string_equal(native, "English");
    char list[1024];
    snprintf(list, sizeof list, "%s", linguas);
    size_t index = 1;
    char *save = NULL;
    for (char *lang = strtok_r(list, " ", &save); lang; lang = strtok_r(NULL, " ", &save)) {
        assert_int_equal(smtpcodes_language_at(index++, &code, &native), SMTPCODES_OK);
        assert_string_equal(code, lang);
        char *expected = native_name_in_po(lang);
        assert_string_equal(native, expected);
        free(expected);
        assert_string_not_equal(native, code);
    }
    /* Past the end: NOT_FOUND, and nothing written. */
    code = native = "untouched";
    assert_int_equal(smtpcodes_language_at(index, &code, &native), SMTPCODES_NOT_FOUND);
    assert_int_equal(smtpcodes_language_at(SIZE_MAX, &code, &native), SMTPCODES_NOT_FOUND);
    assert_string_equal(code, "untouched");
    assert_string_equal(native, "untouched");
    assert_int_equal(smtpcodes_language_at(0, NULL, NULL), SMTPCODES_OK);
}

/* Each listed code selects that language, and a lookup in it says so. */
static void every_listed_code_selects_its_language(void **state)
{
    (void)state;
    const char *code;
    assert_int_equal(smtpcodes_language("en"), SMTPCODES_LANG_ENGLISH);
    for (size_t i = 1; smtpcodes_language_at(i, &code, NULL) == SMTPCODES_OK; i++) {
        assert_true(smtpcodes_language(code) >= 0);
        struct smtpcodes_info info;
        assert_int_equal(smtpcodes_reply(550, code, &info), SMTPCODES_OK);
        assert_string_equal(info.lang, code);
    }
}

/* NAME resolves as EXPECTED does, and a lookup answers in the same language. */
static void assert_same_language(const char *name, const char *expected)
{
    if (smtpcodes_language(name) != smtpcodes_language(expected))
        fail_msg("'%s' resolves to %d, '%s' to %d", name, smtpcodes_language(name), expected,
                 smtpcodes_language(expected));
    struct smtpcodes_info by_name, by_expected;
    assert_int_equal(smtpcodes_reply(550, name, &by_name), SMTPCODES_OK);
    assert_int_equal(smtpcodes_reply(550, expected, &by_expected), SMTPCODES_OK);
    assert_string_equal(by_name.lang, by_expected.lang);
    assert_string_equal(by_name.summary, by_expected.summary);
}

static void spelled(const char *code, char separator, int letter_case, char *out, size_t size)
{
    snprintf(out, size, "%s", code);
    for (char *c = out; *c; c++) {
        if (*c == '_')
            *c = separator;
        else if (letter_case > 0 && *c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
        else if (letter_case < 0 && *c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    }
}

/* "pt-br", "PT_BR", "de-AT", "de-CH-1996", "fr-Latn-CA", "it-x-private": as a locale name. */
static void bcp47_tags_in_any_case_select_the_same_language(void **state)
{
    (void)state;
    const char *code;
    for (size_t i = 1; smtpcodes_language_at(i, &code, NULL) == SMTPCODES_OK; i++) {
        char name[64];
        for (int letter_case = -1; letter_case <= 1; letter_case++) {
            spelled(code, '-', letter_case, name, sizeof name);
            assert_same_language(name, code);
            spelled(code, '_', letter_case, name, sizeof name);
            assert_same_language(name, code);
        }
        if (strchr(code, '_'))
            continue; /* below: a territory added to a bare language */
        const char *suffixes[] = {"-AT",      "_at",        "-419",          "-Latn-CA",
                                  "-CH-1996", "-x-private", "-u-ca-gregory", "_CH.UTF-8"};
        for (size_t s = 0; s < sizeof suffixes / sizeof *suffixes; s++) {
            snprintf(name, sizeof name, "%s%s", code, suffixes[s]);
            assert_same_language(name, code);
        }
    }
    if (smtpcodes_language("de") >= 0) {
        assert_same_language("de-AT", "de");
        assert_same_language("DE_de.utf-8", "de");
    }
}

/* Chinese by its script: Simplified never answers for Traditional. */
static void chinese_is_chosen_by_its_script(void **state)
{
    (void)state;
    smtpcodes_lang simplified = smtpcodes_language("zh_CN");
    smtpcodes_lang traditional = smtpcodes_language("zh_TW");
    if (simplified < 0 && traditional < 0)
        skip();
    const char *as_simplified[] = {"zh",      "zh-Hans",     "zh-CN",
                                   "ZH-hans", "zh-Hans-CN",  "zh-Hans-TW",
                                   "zh-SG",   "zh_CN.UTF-8", "zh-cmn-Hans-CN"};
    for (size_t i = 0; i < sizeof as_simplified / sizeof *as_simplified; i++)
        if (smtpcodes_language(as_simplified[i]) != simplified)
            fail_msg("'%s' is not answered as zh_CN", as_simplified[i]);
    const char *as_traditional[] = {"zh-Hant", "zh-Hant-TW", "zh-TW", "zh_TW",
                                    "zh-HK",   "zh-Hant-HK", "zh-MO", "zh-hant-cn"};
    smtpcodes_lang expected = traditional >= 0 ? traditional : SMTPCODES_LANG_UNKNOWN;
    for (size_t i = 0; i < sizeof as_traditional / sizeof *as_traditional; i++)
        if (smtpcodes_language(as_traditional[i]) != expected)
            fail_msg("'%s' is answered as %d, not as zh_TW", as_traditional[i],
                     smtpcodes_language(as_traditional[i]));
}

/* English is a language; a language not built in is not English. */
static void an_unknown_language_is_told_from_english(void **state)
{
    (void)state;
    const char *english[] = {"en",         "EN", "en-GB", "en_US.UTF-8",
                             "en-Latn-US", "C",  "POSIX", "C.UTF-8"};
    for (size_t i = 0; i < sizeof english / sizeof *english; i++)
        if (smtpcodes_language(english[i]) != SMTPCODES_LANG_ENGLISH)
            fail_msg("'%s' is not English", english[i]);
    const char *unknown[] = {"kl", "xx", "tlh", "x-klingon", "i-default", "eng"};
    struct smtpcodes_info in_english;
    assert_int_equal(smtpcodes_reply(550, "en", &in_english), SMTPCODES_OK);
    for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++) {
        if (smtpcodes_language(unknown[i]) != SMTPCODES_LANG_UNKNOWN)
            fail_msg("'%s' is not unknown", unknown[i]);
        /* Still an answer, in English. */
        struct smtpcodes_info info;
        assert_int_equal(smtpcodes_reply(550, unknown[i], &info), SMTPCODES_OK);
        assert_string_equal(info.lang, "en");
        assert_string_equal(info.summary, in_english.summary);
    }
    assert_int_not_equal(SMTPCODES_LANG_UNKNOWN, SMTPCODES_LANG_ENGLISH);
    assert_int_not_equal(SMTPCODES_LANG_UNKNOWN, SMTPCODES_LANG_LOCALE);
    assert_string_equal(smtpcodes_reply_summary(550, SMTPCODES_LANG_UNKNOWN), in_english.summary);
    assert_string_equal(smtpcodes_enhanced_explanation(5, 1, 1, SMTPCODES_LANG_UNKNOWN),
                        smtpcodes_enhanced_explanation(5, 1, 1, SMTPCODES_LANG_ENGLISH));
}

/* Paths, lists and overlong names are never looked up, even where a language starts them. */
static void invalid_language_names_are_refused(void **state)
{
    (void)state;
    char overlong[66];
    memset(overlong, 'a', sizeof overlong - 1);
    memcpy(overlong, "de_", 3);
    overlong[sizeof overlong - 1] = '\0';
    const char *invalid[] = {"",
                             "../../../../tmp/x",
                             "de/LC_MESSAGES",
                             "de_AT/../../x",
                             "de..",
                             "de.UTF-8/..",
                             "de-DE,de;q=0.9",
                             "de:fr",
                             "de de",
                             "de\n",
                             "-de",
                             "_de",
                             "1de",
                             "@de",
                             ".de",
                             "de\xc3\xa4",
                             overlong};
    for (size_t i = 0; i < sizeof invalid / sizeof *invalid; i++) {
        if (smtpcodes_language(invalid[i]) != SMTPCODES_LANG_UNKNOWN)
            fail_msg("'%s' is not refused", invalid[i]);
        struct smtpcodes_info info;
        assert_int_equal(smtpcodes_reply(550, invalid[i], &info), SMTPCODES_OK);
        if (strcmp(info.lang, "en") != 0)
            fail_msg("'%s' answered in '%s'", invalid[i], info.lang);
    }
    /* One byte shorter, the same name is read. */
    if (smtpcodes_language("de") >= 0) {
        overlong[64] = '\0';
        assert_int_equal(smtpcodes_language(overlong), smtpcodes_language("de"));
    }
}

/* Every identifier info->id gives for an enhanced code is accepted as text, and names
 * the same entry; an X entry answers without a class. */
static void every_enhanced_id_is_accepted_as_text(void **state)
{
    (void)state;
    int klass, subject, detail, x_entries = 0;
    for (size_t i = 0; smtpcodes_enhanced_code_at(i, &klass, &subject, &detail) == SMTPCODES_OK;
         i++) {
        struct smtpcodes_info by_number, by_id;
        assert_int_equal(smtpcodes_enhanced(klass ? klass : 5, subject, detail, "en", &by_number),
                         SMTPCODES_OK);
        if (klass != 0 && strcmp(by_number.id, "") == 0)
            continue;
        char id[32];
        if (klass == 0)
            snprintf(id, sizeof id, "X.%d.%d", subject, detail);
        else
            snprintf(id, sizeof id, "%s", by_number.id);
        assert_int_equal(smtpcodes_enhanced_string(id, "en", &by_id), SMTPCODES_OK);
        assert_string_equal(by_id.id, id);
        assert_int_equal(by_id.registered, 1);
        if (klass != 0)
            continue;
        x_entries++;
        assert_int_equal(by_id.severity, SMTPCODES_SEVERITY_INVALID);
        assert_string_equal(by_id.severity_summary, "");
        assert_string_equal(by_id.severity_explanation, "");
        assert_string_not_equal(by_id.summary, "");
        assert_string_not_equal(by_id.explanation, "");
        assert_string_not_equal(by_id.category_summary, "");
        /* The same entry as through a class, where no entry of that class wins. */
        if (strcmp(by_number.id, id) == 0) {
            assert_string_equal(by_id.summary, by_number.summary);
            assert_string_equal(by_id.reference, by_number.reference);
            assert_string_equal(by_id.usual_codes, by_number.usual_codes);
        }
    }
    assert_true(x_entries > 0);
    printf("%d X entries accepted as text\n", x_entries);
}

/* X.SUBJECT.DETAIL that no X entry registers: the subject's texts, unregistered. */
static void an_unregistered_x_code_gets_its_subject(void **state)
{
    (void)state;
    struct smtpcodes_info by_x, by_class;
    assert_int_equal(smtpcodes_enhanced_string("X.1.999", "en", &by_x), SMTPCODES_OK);
    assert_int_equal(smtpcodes_enhanced(5, 1, 999, "en", &by_class), SMTPCODES_OK);
    assert_int_equal(by_x.registered, 0);
    assert_int_equal(by_x.severity, SMTPCODES_SEVERITY_INVALID);
    assert_string_equal(by_x.summary, by_class.category_summary);
    assert_string_equal(by_x.id, by_class.id);
    assert_string_equal(by_x.lang, "en");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_built_in_languages_are_listed_with_their_own_names),
        cmocka_unit_test(every_listed_code_selects_its_language),
        cmocka_unit_test(bcp47_tags_in_any_case_select_the_same_language),
        cmocka_unit_test(chinese_is_chosen_by_its_script),
        cmocka_unit_test(an_unknown_language_is_told_from_english),
        cmocka_unit_test(invalid_language_names_are_refused),
        cmocka_unit_test(every_enhanced_id_is_accepted_as_text),
        cmocka_unit_test(an_unregistered_x_code_gets_its_subject),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
