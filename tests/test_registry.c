/* SPDX-License-Identifier: MIT */
/*
 * codes.xml against the public record: every record of the IANA registry and
 * every reply code of the RFC checklist must be answered by the library.
 */
#include "smtpcodes.h"

#include "run.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char registry_path[] = SMTPCODES_TEST_DATA_DIR "/iana/smtp-enhanced-status-codes.xml";
static const char checklist_path[] = SMTPCODES_TEST_DATA_DIR "/reference/basic-reply-codes.tsv";

/* The registry wraps its texts over lines; compare them with white space folded. */
static char *folded(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    int space = 0;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        *o++ = *s;
    }
    *o = '\0';
    return out;
}

static char *child_text(xmlNode *record, const char *name)
{
    for (xmlNode *c = record->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) {
            xmlChar *content = xmlNodeGetContent(c);
            char *text = folded((const char *)content);
            xmlFree(content);
            return text;
        }
    }
    return NULL;
}

/* Every RFC the record's reference names must appear in ours ("rfc3463" -> "RFC 3463"). */
static void assert_references_cited(xmlNode *record, const char *ours)
{
    for (xmlNode *c = record->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "reference") != 0)
            continue;
        for (xmlNode *x = c->children; x; x = x->next) {
            if (x->type != XML_ELEMENT_NODE)
                continue;
            xmlChar *data = xmlGetProp(x, (const xmlChar *)"data");
            char expected[64];
            if (strncmp((const char *)data, "rfc", 3) == 0)
                snprintf(expected, sizeof expected, "RFC %s", (const char *)data + 3);
            else
                snprintf(expected, sizeof expected, "%s", (const char *)data);
            if (!strstr(ours, expected))
                fail_msg("reference '%s' does not cite %s", ours, expected);
            xmlFree(data);
        }
    }
}

static xmlXPathObjectPtr registry_records(xmlDocPtr doc, const char *table)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"i",
                       (const xmlChar *)"http://www.iana.org/assignments");
    char query[128];
    snprintf(query, sizeof query, "//i:registry[@id='%s']/i:record", table);
    xmlXPathObjectPtr result = xmlXPathEvalExpression((const xmlChar *)query, ctx);
    xmlXPathFreeContext(ctx);
    assert_non_null(result);
    assert_non_null(result->nodesetval);
    return result;
}

static void every_enumerated_code_is_registered(void **state)
{
    xmlDocPtr doc = *state;
    xmlXPathObjectPtr records = registry_records(doc, "smtp-enhanced-status-codes-3");
    int count = records->nodesetval->nodeNr;
    if (count == 0)
        fail_msg("%s lists no enumerated code", registry_path);
    printf("%d enumerated codes in the registry\n", count);
    for (int i = 0; i < count; i++) {
        xmlNode *record = records->nodesetval->nodeTab[i];
        char *code = child_text(record, "code");
        char *name = child_text(record, "sample");
        int subject, detail;
        assert_int_equal(sscanf(code, "X.%d.%d", &subject, &detail), 2);
        for (int klass = 2; klass <= 5; klass += klass == 2 ? 2 : 1) {
            struct smtpcodes_info info;
            assert_int_equal(smtpcodes_enhanced(klass, subject, detail, "en", &info), SMTPCODES_OK);
            if (!info.registered)
                fail_msg("%s is in the registry but not in codes.xml", code);
            /* A provider's own use of the code (5.1.10) answers for that class;
             * its explanation must then give the registered meaning too. */
            if (*info.provider) {
                assert_true(strstr(info.reference, "RFC") != NULL);
                continue;
            }
            /* The registered name is kept as the summary (X.6.10 has none: it is deprecated),
             * except where codes.xml words the code's success (2.1.0: an address accepted):
             * then class 2 says so in words of its own, and the explanation differs too. */
            struct smtpcodes_info failure;
            smtpcodes_enhanced(5, subject, detail, "en", &failure);
            int success_wording = klass == 2 && strcmp(info.summary, failure.summary) != 0;
            if (success_wording)
                assert_string_not_equal(info.explanation, failure.explanation);
            else if (*name)
                assert_string_equal(info.summary, name);
            else
                assert_string_not_equal(info.deprecated_by, "");
            assert_references_cited(record, info.reference);
            assert_true(strlen(info.explanation) > (success_wording ? 60 : 100));
        }
        free(code);
        free(name);
    }
    xmlXPathFreeObject(records);
}

/* ... and codes.xml has no X code the registry lacks (provider codes carry their class). */
static void codes_xml_has_no_unregistered_x_code(void **state)
{
    xmlDocPtr doc = *state;
    xmlXPathObjectPtr records = registry_records(doc, "smtp-enhanced-status-codes-3");
    int k, s, d, x_codes = 0;
    for (size_t i = 0; smtpcodes_enhanced_code_at(i, &k, &s, &d) == SMTPCODES_OK; i++) {
        if (k != 0)
            continue;
        x_codes++;
        char ours[32];
        snprintf(ours, sizeof ours, "X.%d.%d", s, d);
        int found = 0;
        for (int r = 0; r < records->nodesetval->nodeNr && !found; r++) {
            char *code = child_text(records->nodesetval->nodeTab[r], "code");
            found = strcmp(code, ours) == 0;
            free(code);
        }
        if (!found)
            fail_msg("%s is a registry code (class X) in codes.xml, but %s lacks it: write it "
                     "with its provider's class and provider=\"...\", or vendor a newer registry",
                     ours, registry_path);
    }
    if (x_codes != records->nodesetval->nodeNr)
        fail_msg("%d X codes in codes.xml, %d in the registry", x_codes,
                 records->nodesetval->nodeNr);
    xmlXPathFreeObject(records);
}

static void classes_and_subjects_match_the_registry(void **state)
{
    xmlDocPtr doc = *state;
    xmlXPathObjectPtr classes = registry_records(doc, "smtp-enhanced-status-codes-1");
    assert_int_equal(classes->nodesetval->nodeNr, 3);
    for (int i = 0; i < classes->nodesetval->nodeNr; i++) {
        xmlNode *record = classes->nodesetval->nodeTab[i];
        char *code = child_text(record, "code");
        char *summary = child_text(record, "summary");
        struct smtpcodes_info info;
        /* An unregistered detail shows the class texts on their own. */
        assert_int_equal(smtpcodes_enhanced(code[0] - '0', 0, 999, "en", &info), SMTPCODES_OK);
        assert_string_equal(info.severity_summary, summary);
        free(code);
        free(summary);
    }
    xmlXPathFreeObject(classes);

    xmlXPathObjectPtr subjects = registry_records(doc, "smtp-enhanced-status-codes-2");
    assert_int_equal(subjects->nodesetval->nodeNr, 8);
    for (int i = 0; i < subjects->nodesetval->nodeNr; i++) {
        xmlNode *record = subjects->nodesetval->nodeTab[i];
        char *code = child_text(record, "code");
        char *summary = child_text(record, "summary");
        int subject;
        assert_int_equal(sscanf(code, "X.%d.YYY", &subject), 1);
        struct smtpcodes_info info;
        assert_int_equal(smtpcodes_enhanced(5, subject, 999, "en", &info), SMTPCODES_OK);
        assert_int_equal(info.registered, 0);
        assert_string_equal(info.category_summary, summary);
        assert_string_equal(info.summary, summary);
        assert_references_cited(record, info.reference);
        free(code);
        free(summary);
    }
    xmlXPathFreeObject(subjects);
}

/* The checklist's document column as our references write it: "RFC1846 (...)" -> "RFC 1846". */
static void document_of(const char *column, char *out, size_t size)
{
    int number = 0;
    if (sscanf(column, "RFC%d", &number) == 1)
        snprintf(out, size, "RFC %d", number);
    else
        snprintf(out, size, "%s", column);
}

/*
 * Rows whose reply text codes.xml leaves out on purpose: the checklist took
 * them from the registry's code names, and these RFCs define no reply text.
 * RFC 1845's own text is lowercase ("octet-offset"); the checklist's row is not.
 */
static int text_departs_on_purpose(int code, const char *document)
{
    static const struct {
        int code;
        const char *document;
    } departures[] = {{554, "RFC 4468"},
                      {550, "RFC 8689"},
                      {556, "RFC 7505"},
                      {550, "RFC 7505"},
                      {355, "RFC 1845"}};
    for (size_t i = 0; i < sizeof departures / sizeof *departures; i++)
        if (departures[i].code == code && strcmp(departures[i].document, document) == 0)
            return 1;
    return 0;
}

static int find_meaning(int code, const char *document, struct smtpcodes_info *info)
{
    int count = smtpcodes_reply_meaning_count(code);
    for (int i = 0; i < count; i++) {
        smtpcodes_reply_meaning(code, i, "en", info);
        if (strncmp(info->reference, document, strlen(document)) == 0)
            return 1;
    }
    return 0;
}

static void every_checklist_row_has_its_meaning(void **state)
{
    (void)state;
    char *data = read_whole_file(checklist_path, NULL);
    assert_non_null(data);
    int rows_per_code[600] = {0};
    int rows = 0;
    char *save = NULL;
    strtok_r(data, "\n", &save); /* the header */
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *fields[7] = {0}, *field_save = NULL;
        char *field = strtok_r(line, "\t", &field_save);
        for (int i = 0; i < 7 && field; i++, field = strtok_r(NULL, "\t", &field_save))
            fields[i] = field;
        int code = atoi(fields[0]);
        char document[64];
        document_of(fields[1], document, sizeof document);
        struct smtpcodes_info info;
        if (!find_meaning(code, document, &info))
            fail_msg("%d as defined by %s is missing from codes.xml", code, document);
        const char *text = fields[2];
        if (text[0] != '(' && !text_departs_on_purpose(code, document))
            assert_string_equal(info.standard_text, text);
        rows_per_code[code]++;
        rows++;
    }
    if (rows == 0)
        fail_msg("%s has no rows", checklist_path);
    printf("%d rows of the checklist\n", rows);
    for (int code = 200; code < 600; code++)
        if (smtpcodes_reply_meaning_count(code) != rows_per_code[code])
            fail_msg("%d has %d meanings in codes.xml, %d rows in the checklist", code,
                     smtpcodes_reply_meaning_count(code), rows_per_code[code]);
    free(data);
}

static int load_registry(void **state)
{
    xmlDocPtr doc = xmlReadFile(registry_path, NULL, XML_PARSE_NONET);
    *state = doc;
    return doc ? 0 : -1;
}

static int free_registry(void **state)
{
    xmlFreeDoc(*state);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_enumerated_code_is_registered),
        cmocka_unit_test(codes_xml_has_no_unregistered_x_code),
        cmocka_unit_test(classes_and_subjects_match_the_registry),
        cmocka_unit_test(every_checklist_row_has_its_meaning),
    };
    return cmocka_run_group_tests(tests, load_registry, free_registry);
}
