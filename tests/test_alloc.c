/* SPDX-License-Identifier: MIT */
/*
 * No heap allocation on any lookup or parse after first use: malloc and its
 * kin are replaced here by counting versions (glibc lets a program do that,
 * for the library's calls and its own), and every kind of call is repeated
 * after a first round. Run twice: with the complete catalogs of the build, and
 * (SMTPCODES_TEST_INCOMPLETE set) with catalogs that lack messages, where gettext
 * itself allocates on every look-up of a missing one.
 */
#include "smtpcodes.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *old, size_t size);

static int counting;
static long allocations;

void *malloc(size_t size)
{
    allocations += counting;
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size)
{
    allocations += counting;
    return __libc_calloc(count, size);
}

void *realloc(void *old, size_t size)
{
    allocations += counting;
    return __libc_realloc(old, size);
}

static const char reply[] = "host mx.example[192.0.2.1] said: 550-5.1.1 no such user\r\n"
                            "550 5.1.1 really (in reply to RCPT TO command)";

/* One round of every kind of call, in a named language and in the thread's locale. */
static void every_kind_of_call(locale_t german, locale_t japanese)
{
    smtpcodes_lang de = smtpcodes_language("de");
    for (int round = 0; round < 2; round++) {
        uselocale(round ? japanese : german);
        for (int code = 200; code < 600; code += 7) {
            struct smtpcodes_info info;
            smtpcodes_reply(code, NULL, &info);
            smtpcodes_reply(code, "pt_BR", &info);
            smtpcodes_reply_meaning(code, 1, "zh_CN", &info);
            smtpcodes_enhanced(code / 100 == 3 ? 2 : code / 100, code % 8, code % 31, NULL, &info);
            smtpcodes_enhanced_string("4.7.550", "fr_CA", &info);
            (void)smtpcodes_reply_summary(code, SMTPCODES_LANG_LOCALE);
            (void)smtpcodes_reply_explanation(code, de);
            (void)smtpcodes_enhanced_summary(5, 7, code % 40, SMTPCODES_LANG_LOCALE);
        }
        struct smtpcodes_reply_parts parts;
        smtpcodes_parse_reply(reply, sizeof reply - 1, &parts);
        struct smtpcodes_diagnosis diagnosis;
        smtpcodes_diagnose(reply, sizeof reply - 1, NULL, &diagnosis);
        smtpcodes_diagnose(reply, sizeof reply - 1, "ru", &diagnosis);
        struct smtpcodes_reason_info reason;
        smtpcodes_reason("mailboxfull", NULL, &reason);
    }
    uselocale(LC_GLOBAL_LOCALE);
}

/* The case is real: the German catalog lacks the X.7 texts and has the others. */
static void assert_catalogs_lack_texts(locale_t german)
{
    struct smtpcodes_info english, info;
    smtpcodes_enhanced(5, 7, 1, "en", &english);
    uselocale(german);
    smtpcodes_enhanced(5, 7, 1, NULL, &info);
    uselocale(LC_GLOBAL_LOCALE);
    assert_string_equal(info.summary, english.summary);
    assert_string_equal(info.lang, "en");
    assert_string_not_equal(info.severity_summary, english.severity_summary);
}

static void lookups_allocate_nothing_after_first_use(void **state)
{
    (void)state;
    locale_t german = newlocale(LC_ALL_MASK, "de_DE.UTF-8", (locale_t)0);
    locale_t japanese = newlocale(LC_ALL_MASK, "ja_JP.UTF-8", (locale_t)0);
    assert_non_null(german);
    assert_non_null(japanese);
    every_kind_of_call(german, japanese); /* first use: catalogs load, caches fill */
    if (getenv("SMTPCODES_TEST_INCOMPLETE"))
        assert_catalogs_lack_texts(german);
    counting = 1;
    for (int i = 0; i < 50; i++)
        every_kind_of_call(german, japanese);
    counting = 0;
    assert_int_equal(allocations, 0);
    /* And the count does count: the library is not simply never asked. */
    counting = 1;
    free(malloc(16));
    counting = 0;
    assert_int_equal(allocations, 1);
    freelocale(german);
    freelocale(japanese);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lookups_allocate_nothing_after_first_use),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
