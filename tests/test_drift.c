/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes-iana-drift: codes.xml is in step with the vendored registry, and
 * a registry that moved on (a new code, a renamed one, a new reference) is
 * reported line by line, with skeletons for what is missing.
 */
#include "run.h"

#include <libxml/parser.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static const char tool[] = SMTPCODES_DRIFT_PATH;
static const char schema[] = SMTPCODES_SCHEMA_PATH;
static const char registry[] = SMTPCODES_REGISTRY_PATH;
static const char codes_xml[] = SMTPCODES_SOURCE_DIR "/codes.xml";

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("'%s' not found in:\n%s", needle, haystack);
}

static struct run_result drift(const char *registry_path, const char *codes, const char *skeleton)
{
    char *argv[9] = {(char *)tool, "--schema", (char *)schema, "--registry", (char *)registry_path};
    int n = 5;
    if (skeleton) {
        argv[n++] = "--write-skeleton";
        argv[n++] = (char *)skeleton;
    }
    argv[n++] = (char *)codes;
    argv[n] = NULL;
    return run_program(argv, NULL, NULL);
}

static void codes_xml_is_in_step_with_the_registry(void **state)
{
    (void)state;
    struct run_result r = drift(registry, codes_xml, NULL);
    if (r.status != 0)
        fail_msg("codes.xml has drifted:\n%s%s", r.out, r.err);
    assert_contains(r.out, "0 missing, 0 not in the registry, 0 changed");
    run_result_free(&r);
}

/* Replaces the first FROM in TEXT by TO, in place in a new buffer. */
static char *replaced(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    size_t head = (size_t)(at - text);
    char *out = malloc(strlen(text) - strlen(from) + strlen(to) + 1);
    memcpy(out, text, head);
    strcpy(out + head, to);
    strcat(out, at + strlen(from));
    return out;
}

static void a_registry_that_moved_on_is_reported(void **state)
{
    (void)state;
    char *text = read_whole_file(registry, NULL);
    assert_non_null(text);
    /* A new code, a renamed code and a second reference for an old one. */
    char *step1 = replaced(text, "<code>X.7.30</code>",
                           "<code>X.7.31</code>\n      <sample>Example of a new code</sample>\n"
                           "      <basic_code>451, 550</basic_code>\n"
                           "      <description>New.</description>\n"
                           "      <reference><xref type=\"rfc\" data=\"rfc9999\"/></reference>\n"
                           "    </record>\n    <record>\n      <code>X.7.30</code>");
    char *step2 =
        replaced(step1, "<sample>Mailbox full</sample>", "<sample>Mailbox is full</sample>");
    char *step3 = replaced(step2, "<code>X.2.3</code>", "<code>X.2.3</code><!-- -->");
    char *step4 =
        replaced(step3,
                 "<xref type=\"rfc\" data=\"rfc3463\"/> (Standards Track)</reference>\n"
                 "      <submitter>G. Vaudreuil</submitter>\n      <change_controller>IESG"
                 "</change_controller>\n    </record>\n    <record>\n      <code>X.2.4",
                 "<xref type=\"rfc\" data=\"rfc3463\"/> <xref type=\"rfc\" data=\"rfc8888\"/>"
                 "</reference>\n      <submitter>G. Vaudreuil</submitter>\n      "
                 "<change_controller>IESG</change_controller>\n    </record>\n    <record>\n"
                 "      <code>X.2.4");
    const char *dir = make_temp_dir();
    char modified[4096], skeleton[4096];
    snprintf(modified, sizeof modified, "%s/registry.xml", dir);
    snprintf(skeleton, sizeof skeleton, "%s/skeleton.xml", dir);
    assert_int_equal(write_whole_file(modified, step4, strlen(step4)), 0);
    size_t before_size;
    char *before = read_whole_file(codes_xml, &before_size);

    struct run_result r = drift(modified, codes_xml, skeleton);
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "X.7.31 \"Example of a new code\" (RFC 9999) is not in codes.xml");
    assert_contains(r.out, "summary of X.2.2 differs from the registry's: \"Mailbox full\", "
                           "registry \"Mailbox is full\"");
    assert_contains(r.out, "reference of X.2.3 does not name RFC 8888");
    assert_contains(r.out, "1 missing, 0 not in the registry, 2 changed");
    run_result_free(&r);

    /* The skeleton is well-formed XML holding the new code; codes.xml is untouched. */
    xmlDocPtr doc = xmlReadFile(skeleton, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlFreeDoc(doc);
    char *written = read_whole_file(skeleton, NULL);
    assert_contains(written, "<enhanced code=\"X.7.31\" basic=\"451 550\">");
    assert_contains(written, "<summary>Example of a new code</summary>");
    assert_contains(written, "<reference>RFC 9999</reference>");
    size_t after_size;
    char *after = read_whole_file(codes_xml, &after_size);
    assert_int_equal(after_size, before_size);
    assert_memory_equal(after, before, before_size);

    free(after);
    free(before);
    free(written);
    unlink(skeleton);
    unlink(modified);
    rmdir(dir);
    free(step4);
    free(step3);
    free(step2);
    free(step1);
    free(text);
}

/* A code the registry lacks must say whose it is. */
static void unregistered_codes_must_name_their_provider(void **state)
{
    (void)state;
    char *text = read_whole_file(codes_xml, NULL);
    const char *entry = "  <enhanced-codes>\n"
                        "    <enhanced code=\"X.7.99\"><summary>Made up</summary>"
                        "<explanation>Nobody registered this.</explanation>"
                        "<reference>RFC 3463</reference></enhanced>\n";
    char *modified = replaced(text, "  <enhanced-codes>\n", entry);
    const char *dir = make_temp_dir();
    char path[4096];
    snprintf(path, sizeof path, "%s/codes.xml", dir);
    assert_int_equal(write_whole_file(path, modified, strlen(modified)), 0);
    struct run_result r = drift(registry, path, NULL);
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "X.7.99 is not in the registry");
    assert_contains(r.out, "0 missing, 1 not in the registry, 0 changed");
    run_result_free(&r);
    unlink(path);
    rmdir(dir);
    free(modified);
    free(text);
}

static void usage_and_bad_input_exit_2(void **state)
{
    (void)state;
    char *argv[] = {(char *)tool, NULL};
    struct run_result r = run_program(argv, NULL, NULL);
    assert_int_equal(r.status, 2);
    run_result_free(&r);
    r = drift("/nonexistent/registry.xml", codes_xml, NULL);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "cannot read the registry");
    run_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codes_xml_is_in_step_with_the_registry),
        cmocka_unit_test(a_registry_that_moved_on_is_reported),
        cmocka_unit_test(unregistered_codes_must_name_their_provider),
        cmocka_unit_test(usage_and_bad_input_exit_2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
