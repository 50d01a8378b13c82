/* SPDX-License-Identifier: MIT */
/*
 * Sixteen threads at once, each switching among languages (named in the call
 * and through its own uselocale()) and parsing replies, checking every answer;
 * and threads that look up through the global locale while another thread
 * keeps changing it. Run under ThreadSanitizer in CI; SMTPCODES_TEST_CALLS sets
 * the calls per thread (default 100000; a tenth of it for the second test).
 */
#include "smtpcodes.h"

#include <locale.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

enum { THREADS = 16 };

static const char *const languages[] = {"de", "fr", "ja", "en", "pt_BR", "zh_CN", "ru"};
static const char *const locales[] = {"de_DE.UTF-8", "fr_FR.UTF-8", "ja_JP.UTF-8", "C"};
static const char *const locale_languages[] = {"de", "fr", "ja", "en"};
static const int codes[] = {550, 421, 552, 250, 559};
static const struct {
    const char *reply;
    int code;
    int subject;
    int detail;
} replies[] = {
    {"host mx[192.0.2.1] said: 550 5.1.1 no such user (in reply to RCPT TO command)", 550, 1, 1},
    {"Diagnostic-Code: smtp; 452 4.2.2 over quota", 452, 2, 2},
    {"#5.7.26 smtp;550 5.7.26 unauthenticated", 0, 7, 26},
};

#define LANGUAGE_COUNT (sizeof languages / sizeof *languages)
#define CODE_COUNT (sizeof codes / sizeof *codes)
#define LOCALE_COUNT (sizeof locales / sizeof *locales)

/* What each language says of each code, computed before the threads start. */
static struct smtpcodes_info expected[LANGUAGE_COUNT][CODE_COUNT];
static struct smtpcodes_info expected_by_locale[LOCALE_COUNT][CODE_COUNT];
#define REPLY_COUNT (sizeof replies / sizeof *replies)
static struct smtpcodes_diagnosis expected_diagnosis[LOCALE_COUNT][REPLY_COUNT];
static long calls_per_thread = 100000;

struct worker {
    int index;
    long failures;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    size_t own_locale = (size_t)w->index % LOCALE_COUNT;
    locale_t locale = newlocale(LC_ALL_MASK, locales[own_locale], (locale_t)0);
    if (locale == (locale_t)0) {
        w->failures = -1;
        return NULL;
    }
    uselocale(locale);
    for (long i = 0; i < calls_per_thread; i++) {
        size_t code = (size_t)(i + w->index) % CODE_COUNT;
        struct smtpcodes_info info;
        switch (i % 3) {
        case 0: { /* a language named in the call */
            size_t lang = (size_t)(i / 3 + w->index) % LANGUAGE_COUNT;
            smtpcodes_reply(codes[code], languages[lang], &info);
            w->failures += info.summary != expected[lang][code].summary ||
                           info.explanation != expected[lang][code].explanation;
            break;
        }
        case 1: /* the thread's own locale */
            smtpcodes_reply(codes[code], NULL, &info);
            w->failures +=
                strcmp(info.summary, expected_by_locale[own_locale][code].summary) != 0 ||
                strcmp(info.lang, locale_languages[own_locale]) != 0;
            break;
        default: { /* a reply to parse */
            size_t r = (size_t)(i / 3 + w->index) % (sizeof replies / sizeof *replies);
            struct smtpcodes_reply_parts parts;
            smtpcodes_parse_reply(replies[r].reply, strlen(replies[r].reply), &parts);
            w->failures += parts.code != replies[r].code || parts.subject != replies[r].subject ||
                           parts.detail != replies[r].detail;
            /* and to diagnose, in the thread's own locale */
            struct smtpcodes_diagnosis d;
            const struct smtpcodes_diagnosis *e = &expected_diagnosis[own_locale][r];
            smtpcodes_diagnose(replies[r].reply, strlen(replies[r].reply), NULL, &d);
            w->failures += strcmp(d.reason, e->reason) != 0 || strcmp(d.summary, e->summary) != 0 ||
                           strcmp(d.retry_text, e->retry_text) != 0 ||
                           strcmp(d.meaning_summary, e->meaning_summary) != 0;
            break;
        }
        }
    }
    uselocale(LC_GLOBAL_LOCALE);
    freelocale(locale);
    return NULL;
}

static void sixteen_threads_get_every_answer_right(void **state)
{
    (void)state;
    for (size_t l = 0; l < LANGUAGE_COUNT; l++)
        for (size_t c = 0; c < CODE_COUNT; c++)
            smtpcodes_reply(codes[c], languages[l], &expected[l][c]);
    for (size_t l = 0; l < LOCALE_COUNT; l++)
        for (size_t c = 0; c < CODE_COUNT; c++)
            smtpcodes_reply(codes[c], locale_languages[l], &expected_by_locale[l][c]);
    for (size_t l = 0; l < LOCALE_COUNT; l++)
        for (size_t r = 0; r < REPLY_COUNT; r++)
            smtpcodes_diagnose(replies[r].reply, strlen(replies[r].reply), locale_languages[l],
                               &expected_diagnosis[l][r]);

    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    for (int t = 0; t < THREADS; t++) {
        workers[t] = (struct worker){t, 0};
        assert_int_equal(pthread_create(&threads[t], NULL, work, &workers[t]), 0);
    }
    long failures = 0;
    for (int t = 0; t < THREADS; t++) {
        pthread_join(threads[t], NULL);
        if (workers[t].failures < 0)
            fail_msg("thread %d could not create its locale", t);
        failures += workers[t].failures;
    }
    printf("%d threads, %ld calls each, %ld wrong answers\n", THREADS, calls_per_thread, failures);
    assert_int_equal(failures, 0);
}

/* An answer whose every translated text is the one its own language gives. */
static int is_whole(const struct smtpcodes_info *info, int code)
{
    size_t lang = 0;
    while (lang < LANGUAGE_COUNT && strcmp(languages[lang], info->lang) != 0)
        lang++;
    if (lang == LANGUAGE_COUNT)
        return 0;
    const struct smtpcodes_info *e = &expected[lang][code];
    return strcmp(info->summary, e->summary) == 0 &&
           strcmp(info->explanation, e->explanation) == 0 &&
           strcmp(info->severity_summary, e->severity_summary) == 0 &&
           strcmp(info->severity_explanation, e->severity_explanation) == 0 &&
           strcmp(info->category_summary, e->category_summary) == 0 &&
           strcmp(info->category_explanation, e->category_explanation) == 0;
}

static atomic_int still_looking;
static atomic_long switches;

static void *switch_global_locale(void *arg)
{
    (void)arg;
    while (atomic_load(&still_looking)) {
        setlocale(LC_MESSAGES, atomic_load(&switches) % 2 ? "fr_FR.UTF-8" : "de_DE.UTF-8");
        atomic_fetch_add(&switches, 1);
    }
    return NULL;
}

/* Looks up while the locale changes: from its first changes on, however the threads
 * are scheduled, and through a hundred of them at least. */
static void *look_up_in_global_locale(void *arg)
{
    struct worker *w = arg;
    while (atomic_load(&switches) < 2)
        sched_yield();
    for (long i = 0; i < calls_per_thread / 10 || atomic_load(&switches) < 100; i++) {
        size_t code = (size_t)(i + w->index) % CODE_COUNT;
        struct smtpcodes_info info;
        smtpcodes_reply(codes[code], NULL, &info);
        w->failures += !is_whole(&info, (int)code);
    }
    atomic_fetch_sub(&still_looking, 1);
    return NULL;
}

/* One answer is in one language, even while setlocale() changes it in another thread. */
static void a_locale_changing_meanwhile_never_mixes_languages(void **state)
{
    (void)state;
    for (size_t l = 0; l < LANGUAGE_COUNT; l++)
        for (size_t c = 0; c < CODE_COUNT; c++)
            smtpcodes_reply(codes[c], languages[l], &expected[l][c]);
    enum { LOOKERS = 1 };
    pthread_t switcher, lookers[LOOKERS];
    struct worker workers[LOOKERS];
    atomic_store(&switches, 0);
    atomic_store(&still_looking, LOOKERS);
    assert_int_equal(pthread_create(&switcher, NULL, switch_global_locale, NULL), 0);
    for (int t = 0; t < LOOKERS; t++) {
        workers[t] = (struct worker){t, 0};
        assert_int_equal(pthread_create(&lookers[t], NULL, look_up_in_global_locale, &workers[t]),
                         0);
    }
    long failures = 0;
    for (int t = 0; t < LOOKERS; t++) {
        pthread_join(lookers[t], NULL);
        failures += workers[t].failures;
    }
    pthread_join(switcher, NULL);
    setlocale(LC_ALL, "C");
    printf("%ld locale changes, %d threads of %ld calls or more, %ld mixed answers\n",
           atomic_load(&switches), LOOKERS, calls_per_thread / 10, failures);
    assert_true(atomic_load(&switches) >= 100);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const char *calls = getenv("SMTPCODES_TEST_CALLS");
    if (calls && atol(calls) > 0)
        calls_per_thread = atol(calls);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sixteen_threads_get_every_answer_right),
        cmocka_unit_test(a_locale_changing_meanwhile_never_mixes_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
