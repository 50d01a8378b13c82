/* SPDX-License-Identifier: MIT */
/*
 * Which meaning of a reply code with several a diagnosis takes, for every such reply
 * code of codes.xml: the one an enhanced code selects, then the one whose standard text
 * the server sent, then the first.
 */
#include "smtpcodes.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

enum { MAX_MEANINGS = 8 };

struct reply {
    int code;
    int count;
    char *selecting[MAX_MEANINGS]; /* the meaning's enhanced codes, or NULL */
    char *standard[MAX_MEANINGS];  /* its standard text, or NULL */
};

static char *attribute(xmlNodePtr node, const char *name)
{
    xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
    char *copy = value ? strdup((const char *)value) : NULL;
    xmlFree(value);
    return copy;
}

static char *child_text(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) {
            xmlChar *value = xmlNodeGetContent(c);
            char *copy = value ? strdup((const char *)value) : NULL;
            xmlFree(value);
            return copy;
        }
    return NULL;
}

/* Every reply code of codes.xml with more than one meaning; returns how many. */
static int replies_with_several_meanings(struct reply *replies, int room)
{
    xmlDocPtr doc = xmlReadFile(SMTPCODES_CODES_XML, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr context = xmlXPathNewContext(doc);
    xmlXPathObjectPtr found =
        xmlXPathEvalExpression((const xmlChar *)"//reply[count(meaning) > 1]", context);
    assert_non_null(found);
    int count = found->nodesetval ? found->nodesetval->nodeNr : 0;
    assert_true(count <= room);
    for (int i = 0; i < count; i++) {
        xmlNodePtr node = found->nodesetval->nodeTab[i];
        char *code = attribute(node, "code");
        replies[i] = (struct reply){.code = atoi(code)};
        free(code);
        for (xmlNodePtr m = node->children; m; m = m->next) {
            if (m->type != XML_ELEMENT_NODE || strcmp((const char *)m->name, "meaning") != 0)
                continue;
            assert_true(replies[i].count < MAX_MEANINGS);
            replies[i].selecting[replies[i].count] = attribute(m, "enhanced");
            replies[i].standard[replies[i].count] = child_text(m, "text");
            replies[i].count++;
        }
    }
    xmlXPathFreeObject(found);
    xmlXPathFreeContext(context);
    xmlFreeDoc(doc);
    return count;
}

static void free_replies(struct reply *replies, int count)
{
    for (int i = 0; i < count; i++)
        for (int m = 0; m < replies[i].count; m++) {
            free(replies[i].selecting[m]);
            free(replies[i].standard[m]);
        }
}

static int diagnosed_meaning(const char *text)
{
    struct smtpcodes_diagnosis d;
    assert_int_equal(smtpcodes_diagnose(text, strlen(text), "en", &d), SMTPCODES_OK);
    return d.reply_meaning;
}

static void an_enhanced_code_selects_its_meaning(void **state)
{
    (void)state;
    struct reply replies[64];
    int count = replies_with_several_meanings(replies, 64), selections = 0;
    char text[128];
    for (int i = 0; i < count; i++)
        for (int m = 0; m < replies[i].count; m++) {
            if (!replies[i].selecting[m])
                continue;
            char codes[64];
            snprintf(codes, sizeof codes, "%s", replies[i].selecting[m]);
            for (char *c = strtok(codes, " "); c; c = strtok(NULL, " ")) {
                snprintf(text, sizeof text, "%d %s the server's own words", replies[i].code, c);
                if (diagnosed_meaning(text) != m)
                    fail_msg("\"%s\": meaning %d, not %d", text, diagnosed_meaning(text), m);
                selections++;
            }
        }
    assert_true(selections >= 2);
    /* An enhanced code that selects none leaves the first. */
    assert_int_equal(diagnosed_meaning("550 5.1.1 the server's own words"), 0);
    free_replies(replies, count);
}

/* Lower case, every run of white space one space: how the standard text is compared. */
static void fold(const char *in, char *out, size_t room)
{
    size_t n = 0;
    for (; *in && n + 1 < room; in++) {
        int space = *in == ' ' || *in == '\t' || *in == '\r' || *in == '\n';
        if (space && (n == 0 || out[n - 1] == ' '))
            continue;
        out[n++] = space ? ' ' : (char)(*in >= 'A' && *in <= 'Z' ? *in - 'A' + 'a' : *in);
    }
    out[n] = '\0';
}

/* The first meaning whose standard text WORDS begin with; 0 when none does. */
static int expected_by_text(const struct reply *r, const char *words)
{
    char folded_words[256], folded[256];
    fold(words, folded_words, sizeof folded_words);
    for (int m = 0; m < r->count; m++) {
        if (!r->standard[m] || !*r->standard[m])
            continue;
        fold(r->standard[m], folded, sizeof folded);
        if (strncmp(folded_words, folded, strlen(folded)) == 0)
            return m;
    }
    return 0;
}

static void the_standard_text_sent_selects_its_meaning(void **state)
{
    (void)state;
    struct reply replies[64];
    int count = replies_with_several_meanings(replies, 64), beyond_first = 0;
    char text[512];
    for (int i = 0; i < count; i++)
        for (int m = 0; m < replies[i].count; m++) {
            const char *standard = replies[i].standard[m];
            if (!standard || !*standard)
                continue;
            /* As servers send it: in capitals, its spaces doubled, words after it. */
            char shouted[256];
            size_t n = 0;
            for (const char *c = standard; *c && n + 3 < sizeof shouted; c++) {
                shouted[n++] = (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
                if (*c == ' ')
                    shouted[n++] = ' ';
            }
            shouted[n] = '\0';
            snprintf(text, sizeof text, "%d %s (queue 12AB)", replies[i].code, shouted);
            int expected = expected_by_text(&replies[i], standard);
            if (diagnosed_meaning(text) != expected)
                fail_msg("\"%s\": meaning %d, not %d", text, diagnosed_meaning(text), expected);
            beyond_first += expected > 0;
        }
    assert_true(beyond_first >= 5);
    /* Words that begin with no standard text leave the first meaning. */
    assert_int_equal(diagnosed_meaning("530 Relaying is not allowed here"), 0);
    free_replies(replies, count);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(an_enhanced_code_selects_its_meaning),
        cmocka_unit_test(the_standard_text_sent_selects_its_meaning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
