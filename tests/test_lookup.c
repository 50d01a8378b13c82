/* SPDX-License-Identifier: MIT */
/* The lookup API: registered codes, codes composed from their digits, invalid input. */
#include "smtpcodes.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

/* How many elements of codes.xml match XPATH: the counts come from the data. */
static int count_in_codes_xml(const char *xpath)
{
    xmlDocPtr doc = xmlReadFile(SMTPCODES_CODES_XML, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr context = xmlXPathNewContext(doc);
    xmlXPathObjectPtr result = xmlXPathEvalExpression((const xmlChar *)xpath, context);
    assert_non_null(result);
    int count = result->nodesetval ? result->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(result);
    xmlXPathFreeContext(context);
    xmlFreeDoc(doc);
    return count;
}

/* Counts compared and reported in decimal, as a reader counts. */
static void assert_count(int found, int expected, const char *what)
{
    if (found != expected)
        fail_msg("%d %s listed, but codes.xml has %d", found, what, expected);
}

static void assert_all_empty(const struct smtpcodes_info *info)
{
    assert_int_equal(info->severity, SMTPCODES_SEVERITY_INVALID);
    assert_int_equal(info->registered, 0);
    const char *fields[] = {info->summary,
                            info->explanation,
                            info->severity_summary,
                            info->severity_explanation,
                            info->category_summary,
                            info->category_explanation,
                            info->standard_text,
                            info->reference,
                            info->usual_codes,
                            info->deprecated_by,
                            info->provider,
                            info->id,
                            info->lang};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        assert_string_equal(fields[i], "");
}

/* The codes of the help page smtpcodes started from: each one fully explained. */
static void seed_codes_are_fully_explained(void **state)
{
    (void)state;
    const int seeds[] = {214, 421, 450, 451, 452, 500, 501, 502, 504, 550, 551, 552, 553, 554};
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        struct smtpcodes_info info;
        assert_int_equal(smtpcodes_reply(seeds[i], "en", &info), SMTPCODES_OK);
        assert_int_equal(info.registered, 1);
        assert_int_equal(info.severity, seeds[i] / 100);
        assert_true(strlen(info.summary) >= 10);
        /* What happened, the likely cause, what to do: more than a one-liner. */
        assert_true(strlen(info.explanation) >= 200);
        assert_true(strlen(info.standard_text) >= 10);
        assert_memory_equal(info.reference, "RFC 5321", 8);
        assert_string_equal(info.lang, "en");
        assert_true(strlen(info.severity_explanation) > 100);
    }
}

static void reply_fields_match_codes_xml(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_reply(550, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.standard_text,
                        "Requested action not taken: mailbox unavailable (e.g., mailbox not found, "
                        "no access, or command rejected for policy reasons)");
    assert_string_equal(info.reference, "RFC 5321, section 4.2.2");
    assert_non_null(strstr(info.usual_codes, "5.1.1"));
    assert_int_equal(info.severity, SMTPCODES_SEVERITY_PERMANENT);
    assert_string_equal(smtpcodes_severity_name(info.severity), "permanent");

    assert_int_equal(smtpcodes_reply(250, NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.severity, SMTPCODES_SEVERITY_SUCCESS);
    assert_int_equal(smtpcodes_reply(354, NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.severity, SMTPCODES_SEVERITY_INTERMEDIATE);
    assert_int_equal(smtpcodes_reply(421, NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.severity, SMTPCODES_SEVERITY_TRANSIENT);
}

/* 552 means one thing in RFC 5321 and another in RFC 1870 (SIZE); both are kept. */
static void several_meanings_keep_their_source(void **state)
{
    (void)state;
    struct smtpcodes_info first, second;
    assert_int_equal(smtpcodes_reply_meaning_count(552), 2);
    assert_int_equal(smtpcodes_reply_meaning(552, 0, NULL, &first), SMTPCODES_OK);
    assert_int_equal(smtpcodes_reply_meaning(552, 1, NULL, &second), SMTPCODES_OK);
    assert_memory_equal(first.reference, "RFC 5321", 8);
    assert_string_equal(second.reference, "RFC 1870");
    assert_string_equal(second.standard_text, "message size exceeds fixed maximium message size");
    assert_string_not_equal(first.explanation, second.explanation);
    assert_int_equal(smtpcodes_reply_meaning(552, 2, NULL, &second), SMTPCODES_NOT_FOUND);
    assert_int_equal(smtpcodes_reply_meaning(552, -1, NULL, &second), SMTPCODES_NOT_FOUND);

    struct smtpcodes_info direct;
    smtpcodes_reply(552, NULL, &direct);
    assert_ptr_equal(direct.explanation, first.explanation);
}

static void enhanced_codes_registered_for_every_class(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_enhanced(5, 1, 1, NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 1);
    assert_int_equal(info.severity, SMTPCODES_SEVERITY_PERMANENT);
    assert_string_equal(info.summary, "Bad destination mailbox address");
    assert_string_equal(info.reference, "RFC 3463");
    assert_string_equal(info.usual_codes, "451 550");
    assert_string_equal(info.category_summary, "Addressing Status");
    assert_string_equal(info.severity_summary, "Permanent Failure");

    struct smtpcodes_info transient;
    assert_int_equal(smtpcodes_enhanced(4, 1, 1, NULL, &transient), SMTPCODES_OK);
    assert_int_equal(transient.severity, SMTPCODES_SEVERITY_TRANSIENT);
    assert_ptr_equal(transient.explanation, info.explanation);
    assert_string_equal(transient.severity_summary, "Persistent Transient Failure");

    assert_int_equal(smtpcodes_enhanced_string("5.7.26", NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.summary, "Multiple authentication checks failed");
    assert_non_null(strstr(info.explanation, "DMARC"));

    assert_int_equal(smtpcodes_enhanced_string("2.0.0", NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.severity, SMTPCODES_SEVERITY_SUCCESS);
    assert_int_equal(info.registered, 1);
}

static void deprecated_code_names_its_successor(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_enhanced(5, 6, 10, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.deprecated_by, "X.6.8");
    assert_int_equal(smtpcodes_enhanced(5, 6, 8, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.deprecated_by, "");
}

/* A code nobody registered is explained from its digits, and says so. */
static void unregistered_codes_are_composed_from_digits(void **state)
{
    (void)state;
    struct smtpcodes_info info, category;
    assert_int_equal(smtpcodes_reply(559, NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 0);
    assert_int_equal(info.severity, SMTPCODES_SEVERITY_PERMANENT);
    assert_string_equal(info.summary, info.category_summary);
    assert_string_equal(info.reference, "RFC 5321, section 4.2.1");
    /* 559 shares its category (x5z) with 550, its first digit with 500. */
    smtpcodes_reply(550, NULL, &category);
    assert_ptr_equal(info.category_explanation, category.category_explanation);
    assert_string_not_equal(info.category_summary, "");
    assert_int_equal(smtpcodes_reply_meaning_count(559), 0);
    assert_int_equal(smtpcodes_reply_meaning(559, 1, NULL, &info), SMTPCODES_NOT_FOUND);

    /* A second digit that no document assigns. */
    struct smtpcodes_info unassigned;
    assert_int_equal(smtpcodes_reply(596, NULL, &unassigned), SMTPCODES_OK);
    assert_int_equal(unassigned.registered, 0);
    assert_string_not_equal(unassigned.summary, info.summary);
    assert_string_not_equal(unassigned.summary, "");

    assert_int_equal(smtpcodes_enhanced_string("5.1.99", NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 0);
    assert_string_equal(info.summary, "Addressing Status");
    assert_string_equal(info.reference, "RFC 3463");

    assert_int_equal(smtpcodes_enhanced_string("4.9.0", NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 0);
    assert_int_equal(info.severity, SMTPCODES_SEVERITY_TRANSIENT);
    assert_string_not_equal(info.summary, "");
    assert_string_not_equal(info.summary, "Other or Undefined Status");
    assert_int_equal(smtpcodes_enhanced(5, 999, 999, NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 0);
}

static void invalid_codes_get_a_defined_answer(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    const int replies[] = {INT_MIN, -1, 0, 199, 600, 999, INT_MAX};
    for (size_t i = 0; i < sizeof replies / sizeof *replies; i++) {
        assert_int_equal(smtpcodes_reply(replies[i], NULL, &info), SMTPCODES_INVALID);
        assert_all_empty(&info);
        assert_int_equal(smtpcodes_reply_meaning_count(replies[i]), 0);
    }
    const int enhanced[][3] = {{0, 0, 0},  {3, 1, 1},    {6, 1, 1},    {5, -1, 1},
                               {5, 1, -1}, {5, 1000, 1}, {5, 1, 1000}, {INT_MIN, INT_MAX, 0}};
    for (size_t i = 0; i < sizeof enhanced / sizeof *enhanced; i++) {
        assert_int_equal(
            smtpcodes_enhanced(enhanced[i][0], enhanced[i][1], enhanced[i][2], NULL, &info),
            SMTPCODES_INVALID);
        assert_all_empty(&info);
    }
    const char *strings[] = {"",         "5",
                             "5.1",      "55",
                             "6.1.1",    "5.1.1000",
                             "5.1.1 ",   " 5.1.1",
                             "5..1",     "5.1.",
                             ".1.1",     "5.1.1.1",
                             "x.1.1",    "5,1,1",
                             "5.1.-1",   "5.a.1",
                             "5.1000.1", "X.1",
                             "X.1.1 ",   "X..1",
                             "X.1.1000", "X.1.1.1.1.1.1.1.1"};
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
        assert_int_equal(smtpcodes_enhanced_string(strings[i], NULL, &info), SMTPCODES_INVALID);
        assert_all_empty(&info);
    }
    assert_int_equal(smtpcodes_enhanced_string(NULL, NULL, &info), SMTPCODES_INVALID);
    /* No place to put the answer is still a defined result. */
    assert_int_equal(smtpcodes_reply(550, NULL, NULL), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_enhanced(5, 1, 1, NULL, NULL), SMTPCODES_INVALID);
}

static void parsing_reads_exactly_the_given_bytes(void **state)
{
    (void)state;
    assert_int_equal(smtpcodes_parse_reply_code("550", 3), 550);
    /* Only LENGTH bytes are read: no terminator needed. */
    assert_int_equal(smtpcodes_parse_reply_code("5501", 3), 550);
    assert_int_equal(smtpcodes_parse_reply_code("550", 2), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_parse_reply_code("199", 3), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_parse_reply_code("600", 3), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_parse_reply_code("5a0", 3), SMTPCODES_INVALID);
    assert_int_equal(smtpcodes_parse_reply_code(NULL, 3), SMTPCODES_INVALID);

    int k = -1, s = -1, d = -1;
    assert_int_equal(smtpcodes_parse_enhanced("5.7.515", 7, &k, &s, &d), SMTPCODES_OK);
    assert_int_equal(k, 5);
    assert_int_equal(s, 7);
    assert_int_equal(d, 515);
    assert_int_equal(smtpcodes_parse_enhanced("4.1.10 user", 6, &k, &s, &d), SMTPCODES_OK);
    assert_int_equal(d, 10);
    /* RFC 3463 allows 1 to 3 digits, leading zeros included. */
    assert_int_equal(smtpcodes_parse_enhanced("2.01.001", 8, &k, &s, &d), SMTPCODES_OK);
    assert_int_equal(s, 1);
    assert_int_equal(d, 1);
    k = s = d = -1;
    assert_int_equal(smtpcodes_parse_enhanced("5.1.1", 4, &k, &s, &d), SMTPCODES_INVALID);
    assert_int_equal(k, -1);
    assert_int_equal(smtpcodes_parse_enhanced("5.1.1", 5, NULL, NULL, NULL), SMTPCODES_OK);
}

static void listing_walks_every_registered_code_in_order(void **state)
{
    (void)state;
    int previous = 0, code, count = 0;
    for (size_t i = 0; (code = smtpcodes_reply_code_at(i)) >= 0; i++, count++) {
        assert_true(code > previous);
        assert_true(smtpcodes_reply_meaning_count(code) >= 1);
        previous = code;
    }
    assert_count(count, count_in_codes_xml("//reply[@code]"), "reply codes");
    assert_int_equal(smtpcodes_reply_code_at((size_t)-1), SMTPCODES_NOT_FOUND);

    long previous_key = -1;
    int k, s, d;
    size_t i;
    for (i = 0; smtpcodes_enhanced_code_at(i, &k, &s, &d) == SMTPCODES_OK; i++) {
        long key = ((long)s * 1000 + d) * 10 + k;
        assert_true(key > previous_key);
        previous_key = key;
    }
    assert_count((int)i, count_in_codes_xml("//enhanced[@code]"), "enhanced codes");
}

/* Codes IANA does not register, as a provider uses them: marked with the provider. */
static void provider_codes_say_whose_they_are(void **state)
{
    (void)state;
    struct smtpcodes_info info;
    assert_int_equal(smtpcodes_enhanced_string("5.7.708", NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 1);
    assert_string_equal(info.provider, "Microsoft");
    assert_string_equal(info.id, "5.7.708");
    /* A provider's range: 4.7.500 to 4.7.699, one entry. */
    const int in_range[] = {500, 550, 699};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(smtpcodes_enhanced(4, 7, in_range[i], NULL, &info), SMTPCODES_OK);
        assert_string_equal(info.provider, "Microsoft");
        assert_string_equal(info.id, "4.7.500");
    }
    assert_int_equal(smtpcodes_enhanced(4, 7, 700, NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 0);
    assert_string_equal(info.provider, "");
    /* The range is of class 4 only; 5.7.550 is nobody's. */
    assert_int_equal(smtpcodes_enhanced(5, 7, 550, NULL, &info), SMTPCODES_OK);
    assert_int_equal(info.registered, 0);
    assert_int_equal(smtpcodes_enhanced(5, 7, 649, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.id, "5.7.606");
    /* Where a provider gives a registered code its own meaning, its class says whose:
     * 5.1.10 is explained with both meanings, 4.1.10 is the registry's. */
    assert_int_equal(smtpcodes_enhanced(5, 1, 10, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.provider, "Microsoft");
    assert_non_null(strstr(info.explanation, "null MX"));
    assert_int_equal(smtpcodes_enhanced(4, 1, 10, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.provider, "");
    assert_string_equal(info.summary, "Recipient address has null MX");
    /* Registry codes have no provider. */
    assert_int_equal(smtpcodes_enhanced(5, 7, 26, NULL, &info), SMTPCODES_OK);
    assert_string_equal(info.provider, "");
}

static void version_is_the_header_version(void **state)
{
    (void)state;
    assert_string_equal(smtpcodes_version(), SMTPCODES_VERSION);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_codes_are_fully_explained),
        cmocka_unit_test(reply_fields_match_codes_xml),
        cmocka_unit_test(several_meanings_keep_their_source),
        cmocka_unit_test(enhanced_codes_registered_for_every_class),
        cmocka_unit_test(deprecated_code_names_its_successor),
        cmocka_unit_test(unregistered_codes_are_composed_from_digits),
        cmocka_unit_test(invalid_codes_get_a_defined_answer),
        cmocka_unit_test(parsing_reads_exactly_the_given_bytes),
        cmocka_unit_test(listing_walks_every_registered_code_in_order),
        cmocka_unit_test(provider_codes_say_whose_they_are),
        cmocka_unit_test(version_is_the_header_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
