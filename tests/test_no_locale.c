/* SPDX-License-Identifier: MIT */
/*
 * The runtime built without its locale path (SMTPCODES_WITH_LOCALE=OFF, as the
 * help centre's WebAssembly is), over the tables of tests/generator/minimal.xml:
 * named languages answer from the embedded tables, everything else in English,
 * and there is no catalog directory to set.
 */
#include "smtpcodes.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void a_named_language_answers_from_the_embedded_tables(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_reply(250, "de_DE.UTF-8", &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "DE: OK");
    assert_string_equal(info.lang, "de");
    assert_string_equal(smtpcodes_reply_summary(250, smtpcodes_language("de")), "DE: OK");
}

static void no_language_is_english_whatever_the_environment(void **state)
{
    (void)state;
    setenv("LANGUAGE", "de", 1);
    setenv("LC_ALL", "de_DE.UTF-8", 1);
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_reply(250, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "OK");
    assert_string_equal(info.lang, "en");
    assert_int_not_equal(smtpcodes_language(NULL), SMTPCODES_LANG_LOCALE);
    assert_string_equal(smtpcodes_reply_summary(250, smtpcodes_language(NULL)), "OK");
    assert_string_equal(smtpcodes_reply_summary(250, SMTPCODES_LANG_LOCALE), "OK");
}

static void there_is_no_catalog_directory(void **state)
{
    (void)state;
    assert_string_equal(smtpcodes_localedir(), "");
    assert_int_equal(smtpcodes_set_localedir("/usr/share/locale"), SMTPCODES_INVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_named_language_answers_from_the_embedded_tables),
        cmocka_unit_test(no_language_is_english_whatever_the_environment),
        cmocka_unit_test(there_is_no_catalog_directory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
