/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes against the peers that do the same job -- glibc's strerror_l() and
 * libgpg-error's gpg_strerror(), both in German -- in the same run, on the same
 * machine. Prints nanoseconds per call (median of repeats) and how many times
 * cheaper each smtpcodes call is than each peer; bench/callgrind.sh counts
 * instructions per call with the --row mode below.
 *
 *     bench [--threads]                 the table (and the thread scaling)
 *     bench --row NAME --calls N        one row, N calls, for callgrind
 */
#include "smtpcodes.h"

#include <errno.h>
#include <gpg-error.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Keeps every result alive; one per thread, so that threads share no cache line. */
static _Thread_local volatile size_t sink;
static smtpcodes_lang german;
static locale_t german_locale;
static const char reply_line[] = "550 5.1.1 <kim@example.org>: Recipient address rejected: User "
                                 "unknown in local recipient table";

/* A typical bounce line of 120 bytes, and texts of 1 KiB and 64 KiB made of bounce
 * paragraphs with the deciding words at the end, to show the cost grows linearly. */
static const char diagnose_line[] = "550 5.7.1 Service unavailable; Client host [192.0.2.1] "
                                    "blocked using zen.spamhaus.org; see the postmaster page";
static char diagnose_1k[1024], diagnose_64k[65536];

static void fill_long_text(char *buffer, size_t size)
{
    static const char filler[] = "This is the mail system at host mx.example.org. I'm sorry "
                                 "to have to inform you that your message could not be "
                                 "delivered to one or more recipients. ";
    size_t at = 0;
    while (at + sizeof filler - 1 + sizeof diagnose_line < size) {
        memcpy(buffer + at, filler, sizeof filler - 1);
        at += sizeof filler - 1;
    }
    memset(buffer + at, ' ', size - at);
    memcpy(buffer + size - sizeof diagnose_line, diagnose_line, sizeof diagnose_line - 1);
}

/* Each row makes N calls of one function; the names are what callgrind.sh toggles on.
 * Its twin warm_NAME does the same uncounted, for the warm-up. */
#define ROW(name, call)                                                                            \
    static void __attribute__((noinline)) row_##name(long n)                                       \
    {                                                                                              \
        for (long i = 0; i < n; i++) {                                                             \
            call;                                                                                  \
        }                                                                                          \
    }                                                                                              \
    static void __attribute__((noinline)) warm_##name(long n)                                      \
    {                                                                                              \
        for (long i = 0; i < n; i++) {                                                             \
            call;                                                                                  \
        }                                                                                          \
    }

/* The cost of a row itself: the loop and a call with two arguments that returns
 * a pointer, into another file, as the library's calls are. */
const char *bench_nothing(int code, int lang);
ROW(empty, sink += (size_t)bench_nothing(550, german))
ROW(reply_en, sink += (size_t)smtpcodes_reply_summary(550, SMTPCODES_LANG_ENGLISH))
ROW(enhanced_en, sink += (size_t)smtpcodes_enhanced_summary(5, 7, 26, SMTPCODES_LANG_ENGLISH))
ROW(reply_de_named, sink += (size_t)smtpcodes_reply_summary(550, german))
ROW(reply_de_locale, sink += (size_t)smtpcodes_reply_summary(550, SMTPCODES_LANG_LOCALE))
ROW(info_de_named, struct smtpcodes_info info; smtpcodes_reply(550, "de", &info);
    sink += (size_t)info.summary)
ROW(info_de_locale, struct smtpcodes_info info; smtpcodes_reply(550, NULL, &info);
    sink += (size_t)info.summary)
ROW(parse_reply, struct smtpcodes_reply_parts p;
    smtpcodes_parse_reply(reply_line, sizeof reply_line - 1, &p); sink += (size_t)p.code)
ROW(diagnose_120, struct smtpcodes_diagnosis d;
    smtpcodes_diagnose(diagnose_line, sizeof diagnose_line - 1, "de", &d); sink += (size_t)d.reason)
ROW(diagnose_1k, struct smtpcodes_diagnosis d;
    smtpcodes_diagnose(diagnose_1k, sizeof diagnose_1k - 1, "de", &d); sink += (size_t)d.reason)
ROW(diagnose_64k, struct smtpcodes_diagnosis d;
    smtpcodes_diagnose(diagnose_64k, sizeof diagnose_64k - 1, "de", &d); sink += (size_t)d.reason)
ROW(peer_strerror_l, sink += (size_t)strerror_l(EACCES, german_locale))
ROW(peer_gpg_strerror, sink += (size_t)gpg_strerror(GPG_ERR_BAD_PASSPHRASE))

struct row {
    const char *name;
    const char *what;
    void (*run)(long n);
    void (*warm)(long n);
    int peer;
};

static const struct row rows[] = {
    {"empty", "the loop and a call, doing nothing", row_empty, warm_empty, 2},
    {"reply_en", "reply code, English", row_reply_en, warm_reply_en, 0},
    {"enhanced_en", "enhanced code, English", row_enhanced_en, warm_enhanced_en, 0},
    {"reply_de_named", "reply code, German named in the call", row_reply_de_named,
     warm_reply_de_named, 0},
    {"reply_de_locale", "reply code, German by the locale", row_reply_de_locale,
     warm_reply_de_locale, 0},
    {"info_de_named", "whole smtpcodes_info, German named", row_info_de_named, warm_info_de_named,
     0},
    {"info_de_locale", "whole smtpcodes_info, German by locale", row_info_de_locale,
     warm_info_de_locale, 0},
    {"parse_reply", "parse a one-line reply", row_parse_reply, warm_parse_reply, 0},
    {"diagnose_120", "diagnose a 120-byte reply, German named", row_diagnose_120, warm_diagnose_120,
     0},
    {"diagnose_1k", "diagnose a 1 KiB bounce text, German named", row_diagnose_1k, warm_diagnose_1k,
     0},
    {"diagnose_64k", "diagnose a 64 KiB bounce text, German named", row_diagnose_64k,
     warm_diagnose_64k, 0},
    {"peer_strerror_l", "peer: glibc strerror_l, German", row_peer_strerror_l, warm_peer_strerror_l,
     1},
    {"peer_gpg_strerror", "peer: gpg_strerror, German", row_peer_gpg_strerror,
     warm_peer_gpg_strerror, 1},
};
enum { ROWS = sizeof rows / sizeof *rows };

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median over REPEATS runs of N calls, in nanoseconds per call. */
static double measure(const struct row *r, long n, int repeats)
{
    double samples[31];
    r->run(n / 10); /* warm: catalogs loaded, caches filled */
    for (int i = 0; i < repeats; i++) {
        double start = now_ns();
        r->run(n);
        samples[i] = (now_ns() - start) / (double)n;
    }
    qsort(samples, (size_t)repeats, sizeof *samples, compare_doubles);
    return samples[repeats / 2];
}

struct thread_job {
    const struct row *row;
    long calls;
};

static void *run_job(void *arg)
{
    struct thread_job *job = arg;
    uselocale(german_locale);
    job->row->run(job->calls);
    return NULL;
}

/* Calls per second with THREADS threads each making CALLS calls of ROW. */
static double throughput(const struct row *row, int threads, long calls)
{
    pthread_t ids[64];
    struct thread_job job = {row, calls};
    double start = now_ns();
    for (int t = 0; t < threads; t++)
        pthread_create(&ids[t], NULL, run_job, &job);
    for (int t = 0; t < threads; t++)
        pthread_join(ids[t], NULL);
    return threads * (double)calls / ((now_ns() - start) / 1e9);
}

static void print_scaling(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int counts[] = {1, 2, (int)(cores > 2 ? cores : 4)};
    const char *names[] = {"reply_de_named", "reply_de_locale", "peer_gpg_strerror"};
    printf("\nThreads (calls per second, and the scaling over one thread; %ld cores)\n", cores);
    for (size_t n = 0; n < sizeof names / sizeof *names; n++) {
        const struct row *row = NULL;
        for (int i = 0; i < ROWS; i++)
            if (strcmp(rows[i].name, names[n]) == 0)
                row = &rows[i];
        double base = 0;
        printf("  %-20s", row->name);
        for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
            double best = 0;
            for (int repeat = 0; repeat < 5; repeat++) {
                double t = throughput(row, counts[c], 2000000);
                best = t > best ? t : best;
            }
            if (c == 0)
                base = best;
            printf("  %d: %6.1f M/s (%.2fx)", counts[c], best / 1e6, best / base);
        }
        putchar('\n');
    }
}

static int set_up(void)
{
    german_locale = newlocale(LC_ALL_MASK, "de_DE.UTF-8", (locale_t)0);
    /* Messages and characters German; numbers stay as the table prints them. */
    if (german_locale == (locale_t)0 || !setlocale(LC_MESSAGES, "de_DE.UTF-8") ||
        !setlocale(LC_CTYPE, "de_DE.UTF-8")) {
        fprintf(stderr, "bench: the de_DE.UTF-8 locale is needed (scripts/install-deps.sh)\n");
        return -1;
    }
    german = smtpcodes_language("de");
    gpg_err_init();
    fill_long_text(diagnose_1k, sizeof diagnose_1k);
    fill_long_text(diagnose_64k, sizeof diagnose_64k);
    /* Every diagnosis row reads its whole text and finds the same cause at its end. */
    const char *texts[] = {diagnose_line, diagnose_1k, diagnose_64k};
    for (size_t i = 0; i < 3; i++) {
        struct smtpcodes_diagnosis d;
        smtpcodes_diagnose(texts[i], strlen(texts[i]), "de", &d);
        if (strcmp(d.reason, "blocked") != 0 || d.decided_by != SMTPCODES_DECIDED_BY_PHRASE) {
            fprintf(stderr, "bench: the diagnosis rows do not find their cause (%s)\n", d.reason);
            return -1;
        }
    }
    /* Both peers must really answer in German, or the comparison means nothing. */
    if (strcmp(smtpcodes_reply_summary(550, SMTPCODES_LANG_LOCALE),
               smtpcodes_reply_summary(550, german)) != 0 ||
        strcmp(strerror_l(EACCES, german_locale), "Keine Berechtigung") != 0 ||
        strcmp(gpg_strerror(GPG_ERR_BAD_PASSPHRASE), "Bad passphrase") == 0) {
        fprintf(stderr, "bench: some row does not answer in German; are the catalogs "
                        "installed (SMTPCODES_LOCALEDIR, libgpg-error-l10n)?\n");
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (set_up() != 0)
        return 1;
    if (argc == 5 && strcmp(argv[1], "--row") == 0 && strcmp(argv[3], "--calls") == 0) {
        for (int i = 0; i < ROWS; i++) {
            if (strcmp(rows[i].name, argv[2]) == 0) {
                rows[i].warm(1000); /* outside the function callgrind counts */
                rows[i].run(atol(argv[4]));
                return 0;
            }
        }
        fprintf(stderr, "bench: no row '%s'\n", argv[2]);
        return 2;
    }
    double ns[ROWS];
    for (int i = 0; i < ROWS; i++)
        ns[i] = measure(&rows[i], 2000000, 15);
    printf("%-20s %-40s %9s %12s %12s\n", "row", "what", "ns/call", "vs strerror_l",
           "vs gpg_strerror");
    for (int i = 0; i < ROWS; i++) {
        printf("%-20s %-40s %9.1f", rows[i].name, rows[i].what, ns[i]);
        if (rows[i].peer == 0)
            printf(" %11.1fx %11.1fx", ns[ROWS - 2] / ns[i], ns[ROWS - 1] / ns[i]);
        putchar('\n');
    }
    if (argc == 2 && strcmp(argv[1], "--threads") == 0)
        print_scaling();
    return 0;
}
