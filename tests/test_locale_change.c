/* SPDX-License-Identifier: MIT */
/*
 * One answer is in one language, even when the locale changes while it is being
 * made. Another thread's setlocale() can land between any two of gettext's
 * answers; to land it at each such point in turn, this program wraps gettext's
 * dcgettext() (a program's own definition comes first for the library's calls)
 * and changes the locale itself from inside the Nth call the library makes.
 * tests/test_threads.c makes the same race with real threads.
 */
#define _GNU_SOURCE
#include "smtpcodes.h"

#include <dlfcn.h>
#include <libintl.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#undef dgettext
#undef dcgettext

static long calls_until_change = -1; /* -1: no change armed */
static const char *changed_locale;

char *dcgettext(const char *domain, const char *msgid, int category)
{
    static char *(*real)(const char *, const char *, int);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "dcgettext");
    if (calls_until_change >= 0 && calls_until_change-- == 0)
        setlocale(LC_MESSAGES, changed_locale);
    return real(domain, msgid, category);
}

char *dgettext(const char *domain, const char *msgid)
{
    return dcgettext(domain, msgid, LC_MESSAGES);
}

/* Whether every translated text of INFO is the one its own language gives. */
static int is_whole(const struct smtpcodes_info *info, int code)
{
    struct smtpcodes_info e;
    smtpcodes_reply(code, info->lang, &e);
    return strcmp(info->summary, e.summary) == 0 && strcmp(info->explanation, e.explanation) == 0 &&
           strcmp(info->severity_summary, e.severity_summary) == 0 &&
           strcmp(info->severity_explanation, e.severity_explanation) == 0 &&
           strcmp(info->category_summary, e.category_summary) == 0 &&
           strcmp(info->category_explanation, e.category_explanation) == 0;
}

static void a_locale_changed_at_any_point_gives_one_language(void **state)
{
    (void)state;
    long mixed = 0, changes_seen = 0;
    for (long at = 0; at < 100; at++) {
        assert_non_null(setlocale(LC_MESSAGES, "de_DE.UTF-8"));
        changed_locale = at % 2 ? "fr_FR.UTF-8" : "C";
        calls_until_change = at;
        struct smtpcodes_info info;
        assert_int_equal(smtpcodes_reply(550, NULL, &info), SMTPCODES_OK);
        changes_seen += calls_until_change < 0;
        calls_until_change = -1;
        if (!is_whole(&info, 550)) {
            printf("change at call %ld: a mixed answer (lang %s, summary \"%.40s\")\n", at,
                   info.lang, info.summary);
            mixed++;
        }
    }
    setlocale(LC_MESSAGES, "C");
    printf("%ld lookups with a locale change inside, %ld mixed answers\n", changes_seen, mixed);
    assert_true(changes_seen >= 10); /* the change did land inside lookups */
    assert_int_equal(mixed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_locale_changed_at_any_point_gives_one_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
