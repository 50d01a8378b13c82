/* SPDX-License-Identifier: MIT */
/*
 * The rules of smtpcodes_diagnose(), on the runtime built over the tables of
 * tests/generator/minimal.xml, whose few reasons, phrases and provider exist to
 * exercise them one by one: folding, precedence and length, class and code
 * restrictions, code defaults, success, providers, multi-line replies, the
 * meaning that applies, and reply codes that follow the enhanced code.
 */
#include "smtpcodes.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static struct smtpcodes_diagnosis diagnose(const char *text, const char *lang)
{
    struct smtpcodes_diagnosis d;
    assert_int_equal(smtpcodes_diagnose(text, strlen(text), lang, &d), SMTPCODES_OK);
    return d;
}

/* The words of TEXT that the diagnosis names as its evidence. */
static void assert_evidence(const char *text, const struct smtpcodes_diagnosis *d,
                            const char *expected)
{
    assert_int_equal(d->evidence.length, strlen(expected));
    assert_memory_equal(text + d->evidence.offset, expected, strlen(expected));
}

static void a_phrase_names_the_reason_whatever_its_case_and_spacing(void **state)
{
    (void)state;
    const char *text = "550 5.7.0 sorry,   NO such\r\n\tUser here";
    struct smtpcodes_diagnosis d = diagnose(text, NULL);
    assert_string_equal(d.reason, "userunknown");
    assert_int_equal(d.decided_by, SMTPCODES_DECIDED_BY_PHRASE);
    assert_evidence(text, &d, "NO such\r\n\tUser");
    assert_string_equal(d.summary, "No such address");
    assert_string_equal(d.action_by, "sender");
    assert_string_equal(d.action_by_text, "The sender");
    assert_string_equal(d.retry, "no");
    assert_string_equal(d.retry_text, "No");
    assert_string_equal(d.lang, "en");
}

/* The span is found in one pass when the phrase's bytes hold no run of white space, and
 * by a walk back when they do; both must give the phrase's own bytes. */
static void the_evidence_is_the_phrase_as_written(void **state)
{
    (void)state;
    const char *cases[][2] = {
        {"no such user", "no such user"},            /* the whole text */
        {"550 No\tsuch user here", "No\tsuch user"}, /* a tab for a space */
        {"550 x  no such user", "no such user"},     /* a run before the phrase */
        {"550 no  such user", "no  such user"},      /* a run inside it */
        {"550 no such \t user", "no such \t user"},  /* a mixed run near its end */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct smtpcodes_diagnosis d;
        smtpcodes_diagnose(cases[i][0], strlen(cases[i][0]), NULL, &d);
        assert_string_equal(d.reason, "userunknown");
        assert_evidence(cases[i][0], &d, cases[i][1]);
    }
}

/* Lines without a prefix, however many, read on as one stretch: the span is whole. Past
 * the stretches kept (64 prefixed lines, nearly empty) it starts with a word still. */
static void a_phrase_over_many_lines_is_named_by_its_words(void **state)
{
    (void)state;
    char text[4096] = "550-sorry, no such\r\n";
    for (int i = 0; i < 100; i++)
        strcat(text, "\r\n");
    strcat(text, "550 user here");
    struct smtpcodes_diagnosis d = diagnose(text, NULL);
    assert_string_equal(d.reason, "userunknown");
    assert_int_equal(d.evidence.offset, strlen("550-sorry, "));
    assert_int_equal(d.evidence.offset + d.evidence.length, strlen(text) - strlen(" here"));

    strcpy(text, "550-sorry, no such\r\n");
    for (int i = 0; i < 100; i++)
        strcat(text, "550-\r\n");
    strcat(text, "550 user here");
    d = diagnose(text, NULL);
    assert_string_equal(d.reason, "userunknown");
    assert_true(d.evidence.length > 0);
    assert_false(strchr(" \t\r\n", text[d.evidence.offset]));
    assert_int_equal(d.evidence.offset + d.evidence.length, strlen(text) - strlen(" here"));
}

static void the_longer_phrase_wins_and_precedence_beats_length(void **state)
{
    (void)state;
    struct smtpcodes_diagnosis d = diagnose("554 you are blocked for spam", NULL);
    assert_string_equal(d.reason, "spamdetected");
    d = diagnose("554 blocked for spam? no: you are greylisted", NULL);
    assert_string_equal(d.reason, "greylisted");
    /* Two phrases of one length and precedence: the first in the text stays. */
    d = diagnose("550 mailbox full, and blocked", NULL);
    assert_string_equal(d.reason, "mailboxfull");
}

static void restrictions_by_class_and_code_hold(void **state)
{
    (void)state;
    struct smtpcodes_diagnosis d = diagnose("450 try again later please", NULL);
    assert_string_equal(d.reason, "greylisted");
    d = diagnose("550 try again later please", NULL);
    assert_string_equal(d.reason, "undefined");
    assert_int_equal(d.decided_by, SMTPCODES_DECIDED_BY_NOTHING);

    d = diagnose("550 mailbox unavailable", NULL);
    assert_string_equal(d.reason, "userunknown");
    d = diagnose("551 mailbox unavailable", NULL);
    assert_string_equal(d.reason, "undefined");
    d = diagnose("551 5.1.1 mailbox unavailable", NULL);
    assert_string_equal(d.reason, "userunknown");
    assert_int_equal(d.decided_by, SMTPCODES_DECIDED_BY_PHRASE);
}

static void a_code_default_decides_when_no_phrase_does(void **state)
{
    (void)state;
    const char *text = "550 5.1.1 <a@example.org>: rejected";
    struct smtpcodes_diagnosis d = diagnose(text, NULL);
    assert_string_equal(d.reason, "userunknown");
    assert_int_equal(d.decided_by, SMTPCODES_DECIDED_BY_CODE);
    assert_evidence(text, &d, "5.1.1");
    /* The enhanced code's default before the reply code's. */
    d = diagnose("552 5.1.1 rejected", NULL);
    assert_string_equal(d.reason, "userunknown");
    d = diagnose("552 rejected", NULL);
    assert_string_equal(d.reason, "mailboxfull");
}

static void a_success_is_delivered_and_worded_as_one(void **state)
{
    (void)state;
    struct smtpcodes_diagnosis d = diagnose("250 2.1.0 Ok", NULL);
    assert_string_equal(d.reason, "delivered");
    assert_int_equal(d.decided_by, SMTPCODES_DECIDED_BY_SUCCESS);
    assert_string_equal(d.meaning_summary, "Address accepted");
    /* Phrases without class="2" do not count in a success. */
    d = diagnose("250 2.0.0 no such user was harmed", NULL);
    assert_string_equal(d.reason, "delivered");

    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_enhanced(2, 1, 0, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "Address accepted");
    assert_int_equal(smtpcodes_enhanced(5, 1, 0, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "Addressing Status");
}

static void a_provider_gives_its_own_meaning(void **state)
{
    (void)state;
    const char *text = "host mx.Example-Mail.test[192.0.2.1] said: 550 5.1.1 gone";
    struct smtpcodes_diagnosis d = diagnose(text, NULL);
    assert_string_equal(d.provider, "Example Mail");
    assert_string_equal(d.provider_id, "example-mail");
    assert_string_equal(d.reason, "suspend");
    assert_int_equal(d.decided_by, SMTPCODES_DECIDED_BY_PROVIDER);
    assert_string_equal(d.meaning, "Example Mail 5.1.1");
    assert_string_equal(d.meaning_summary, "Account closed");
    /* Another code from the same provider: its usual meaning. */
    d = diagnose("550 5.6.8 exmsmtp says no", NULL);
    assert_string_equal(d.provider, "Example Mail");
    assert_string_equal(d.meaning, "X.6.8");
    /* Without its marker, 5.1.1 means what the registry says. */
    d = diagnose("550 5.1.1 gone", NULL);
    assert_string_equal(d.provider, "");
    assert_string_equal(d.meaning, "X.1.1");
}

static void a_multiline_reply_reads_as_one_text(void **state)
{
    (void)state;
    const char *text = "550-5.1.1 The account that you tried\r\n"
                       "550-5.1.1 to reach does not\r\n"
                       "550 5.1.1 exist. Please check it.";
    struct smtpcodes_diagnosis d = diagnose(text, NULL);
    assert_string_equal(d.reason, "userunknown");
    assert_int_equal(d.decided_by, SMTPCODES_DECIDED_BY_PHRASE);
    assert_evidence(text, &d, "tried\r\n550-5.1.1 to reach does not\r\n550 5.1.1 exist");
}

static void the_meaning_follows_the_enhanced_code_then_the_standard_text(void **state)
{
    (void)state;
    struct smtpcodes_diagnosis d = diagnose("552 5.3.4 too large", NULL);
    assert_int_equal(d.reply_meaning, 1);
    d = diagnose("552 Message size exceeds fixed   MAXIMIUM message size", NULL);
    assert_int_equal(d.reply_meaning, 1);
    assert_string_equal(d.meaning, "552, RFC 1870");
    d = diagnose("552 mailbox full", NULL);
    assert_int_equal(d.reply_meaning, 0);
    assert_string_equal(d.meaning, "552");
}

static void a_reply_code_after_the_enhanced_code_is_found(void **state)
{
    (void)state;
    const char *text = "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 gone";
    struct smtpcodes_diagnosis d = diagnose(text, NULL);
    assert_int_equal(d.parts.code, 550);
    assert_int_equal(d.parts.klass, 5);
    assert_memory_equal(text + d.parts.code_span.offset, "550", 3);
    assert_memory_equal(text + d.parts.text.offset, "gone", 4);
    d = diagnose("#5.7.1 smtp;550 5.7.1 RESOLVER.RST.AuthRequired", NULL);
    assert_int_equal(d.parts.code, 550);
    /* Another class, or another enhanced code, belongs to something else. */
    d = diagnose("#5.7.1 then 421 4.4.2 timeout", NULL);
    assert_int_equal(d.parts.code, 0);
    d = diagnose("Status: 5.1.1 ... 550 5.2.2 full", NULL);
    assert_int_equal(d.parts.code, 0);
}

static void named_languages_answer_in_them(void **state)
{
    (void)state;
    struct smtpcodes_diagnosis d = diagnose("550 no such user", "de_AT.UTF-8");
    assert_string_equal(d.summary, "Keine solche Adresse");
    assert_string_equal(d.action_by_text, "Der Absender");
    assert_string_equal(d.lang, "de");
    struct smtpcodes_reason_info r;
    assert_int_equal(smtpcodes_reason("mailboxfull", "de", &r), SMTPCODES_OK);
    assert_string_equal(r.summary, "Postfach voll");
    assert_string_equal(r.retry, "later");
    assert_int_equal(smtpcodes_reason("nosuchreason", "de", &r), SMTPCODES_NOT_FOUND);
    assert_string_equal(r.summary, "");
    assert_int_equal(smtpcodes_reason(NULL, NULL, &r), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_reason("undefined", NULL, NULL), SMTPCODES_INVALID);
}

static void reasons_are_listed_in_file_order(void **state)
{
    (void)state;
    assert_string_equal(smtpcodes_reason_at(0), "userunknown");
    size_t count = 0;
    while (smtpcodes_reason_at(count))
        count++;
    assert_string_equal(smtpcodes_reason_at(count - 1), "undefined");
    assert_null(smtpcodes_reason_at(count));
    assert_null(smtpcodes_reason_at((size_t)-1));
}

static void text_without_code_or_cause_is_not_found(void **state)
{
    (void)state;
    struct smtpcodes_diagnosis d;
    assert_int_equal(smtpcodes_diagnose("hello there", 11, NULL, &d), SMTPCODES_NOT_FOUND);
    assert_string_equal(d.reason, "undefined");
    assert_string_equal(d.meaning, "");
    assert_int_equal(d.reply_meaning, -1);
    /* Words alone can name a cause. */
    assert_int_equal(smtpcodes_diagnose("no such user", 12, NULL, &d), SMTPCODES_OK);
    assert_string_equal(d.reason, "userunknown");
    assert_int_equal(smtpcodes_diagnose("", 0, NULL, &d), SMTPCODES_NOT_FOUND);
    assert_int_equal(smtpcodes_diagnose(NULL, 0, NULL, &d), SMTPCODES_NOT_FOUND);
    assert_int_equal(smtpcodes_diagnose(NULL, 3, NULL, &d), SMTPCODES_INVALID);
    assert_string_equal(d.reason, "");
    assert_int_equal(smtpcodes_diagnose("550", 3, NULL, NULL), SMTPCODES_INVALID);
}

static void nothing_past_the_length_is_read(void **state)
{
    (void)state;
    /* The phrase is complete only past LENGTH; the buffer has no terminator, so that
     * AddressSanitizer sees any read past it. */
    const char text[] = "550 no such user";
    char *exact = malloc(sizeof text - 2);
    assert_non_null(exact);
    memcpy(exact, text, sizeof text - 2);
    struct smtpcodes_diagnosis d;
    assert_int_equal(smtpcodes_diagnose(exact, sizeof text - 2, NULL, &d), SMTPCODES_OK);
    assert_string_equal(d.reason, "undefined");
    free(exact);
}

/* The matcher reads eight bytes at a time and looks closer only where a pattern may
 * have ended: a phrase is found wherever it ends, in a group, at its edge, or in the
 * bytes left over after the last group, on one line or several. */
static void a_phrase_is_found_at_every_offset(void **state)
{
    (void)state;
    char text[96];
    for (int pad = 0; pad < 24; pad++)
        for (int tail = 0; tail < 9; tail++) {
            for (int multiline = 0; multiline < 2; multiline++) {
                snprintf(text, sizeof text, "%s%.*s mailbox full%.*s",
                         multiline ? "452-4.2.2 first line\r\n452 4.2.2 " : "452 4.2.2 ", pad,
                         "xxxxxxxxxxxxxxxxxxxxxxxx", tail, "yyyyyyyyy");
                struct smtpcodes_diagnosis d = diagnose(text, NULL);
                assert_string_equal(d.reason, "mailboxfull");
                assert_int_equal(d.decided_by, SMTPCODES_DECIDED_BY_PHRASE);
                assert_evidence(text, &d, "mailbox full");
            }
        }
}

/* Patterns that end where none could beat the best phrase so far are passed over, but
 * never a provider's marker, nor a better phrase later on. */
static void markers_and_better_phrases_count_after_a_strong_phrase(void **state)
{
    (void)state;
    const char *text = "450 4.7.1 greylisted, blocked by exmsmtp; blocked for spam";
    struct smtpcodes_diagnosis d = diagnose(text, NULL);
    assert_string_equal(d.reason, "greylisted");
    assert_evidence(text, &d, "greylisted");
    assert_string_equal(d.provider, "Example Mail");

    const char *later = "550 5.7.1 blocked here, then blocked for spam by exmsmtp";
    d = diagnose(later, NULL);
    assert_string_equal(d.reason, "spamdetected");
    assert_evidence(later, &d, "blocked for spam");
    assert_string_equal(d.provider, "Example Mail");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_phrase_names_the_reason_whatever_its_case_and_spacing),
        cmocka_unit_test(the_evidence_is_the_phrase_as_written),
        cmocka_unit_test(a_phrase_over_many_lines_is_named_by_its_words),
        cmocka_unit_test(the_longer_phrase_wins_and_precedence_beats_length),
        cmocka_unit_test(restrictions_by_class_and_code_hold),
        cmocka_unit_test(a_code_default_decides_when_no_phrase_does),
        cmocka_unit_test(a_success_is_delivered_and_worded_as_one),
        cmocka_unit_test(a_provider_gives_its_own_meaning),
        cmocka_unit_test(a_multiline_reply_reads_as_one_text),
        cmocka_unit_test(the_meaning_follows_the_enhanced_code_then_the_standard_text),
        cmocka_unit_test(a_reply_code_after_the_enhanced_code_is_found),
        cmocka_unit_test(named_languages_answer_in_them),
        cmocka_unit_test(reasons_are_listed_in_file_order),
        cmocka_unit_test(text_without_code_or_cause_is_not_found),
        cmocka_unit_test(nothing_past_the_length_is_read),
        cmocka_unit_test(a_phrase_is_found_at_every_offset),
        cmocka_unit_test(markers_and_better_phrases_count_after_a_strong_phrase),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
