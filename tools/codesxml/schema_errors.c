/* SPDX-License-Identifier: MIT */
#include "schema_errors.h"

#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * What tools/codes.rng asks of the elements a maintainer writes by hand, in words a
 * person can act on. libxml2 says "Expecting an element , got nothing" or "Element
 * first-digit failed to validate attributes"; these rules say which one is missing.
 * An element without a rule is reported in libxml2's words.
 */
struct rule {
    const char *name;
    const char *parent;   /* NULL: any */
    const char *required; /* child elements, in the order the schema wants them */
    const char *allowed;  /* every child element, in order */
    const char *required_attributes;
    const char *allowed_attributes;
};

#define DESCRIBED "summary explanation note"
static const struct rule rules[] = {
    {"codes", NULL,
     "reply-first-digits reply-second-digits reply-codes enhanced-classes enhanced-subjects "
     "enhanced-codes",
     "reply-first-digits reply-second-digits reply-codes enhanced-classes enhanced-subjects "
     "enhanced-codes reasons providers",
     "version", "version"},
    {"first-digit", NULL, "summary explanation reference", DESCRIBED " reference", "value severity",
     "value severity"},
    {"second-digit", NULL, "summary explanation reference", DESCRIBED " reference", "value",
     "value"},
    {"unassigned", NULL, "summary explanation", DESCRIBED, "", ""},
    {"reply", NULL, "meaning", "meaning", "code severity", "code severity enhanced reason"},
    {"meaning", "reply", "summary explanation reference", "text " DESCRIBED " reference", "",
     "enhanced"},
    {"class", NULL, "summary explanation reference", DESCRIBED " reference", "value severity",
     "value severity"},
    {"subject", NULL, "summary explanation reference", DESCRIBED " success reference", "value",
     "value"},
    {"enhanced", NULL, "summary explanation reference", DESCRIBED " success reference", "code",
     "code basic deprecated-by provider through reason"},
    {"success", NULL, "summary explanation", "summary explanation", "", ""},
};

static const char *const severities[] = {"success", "intermediate", "transient", "permanent"};

static int is_element(const xmlNode *node)
{
    return node && node->type == XML_ELEMENT_NODE;
}

static const struct rule *rule_for(const xmlNode *element)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        const struct rule *r = &rules[i];
        if (strcmp((const char *)element->name, r->name) != 0)
            continue;
        if (!r->parent || (is_element(element->parent) &&
                           strcmp((const char *)element->parent->name, r->parent) == 0))
            return r;
    }
    return NULL;
}

/* Whether WORD is one of the space-separated LIST. */
static int listed(const char *list, const char *word)
{
    size_t length = strlen(word);
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, " ");
        if (n == length && strncmp(p, word, n) == 0)
            return 1;
        p += n + (p[n] == ' ');
    }
    return 0;
}

/* The element as a maintainer finds it in the file: <enhanced code="X.1.1">, or, for
 * one without a key attribute, <meaning> in <reply code="550">. */
static void describe(const xmlNode *element, char *out, size_t size)
{
    static const char *const keys[] = {"code", "value", "id"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        xmlChar *value = xmlGetProp(element, (const xmlChar *)keys[i]);
        if (value) {
            snprintf(out, size, "<%s %s=\"%.40s\">", element->name, keys[i], value);
            xmlFree(value);
            return;
        }
    }
    if (is_element(element->parent) && element->parent->parent &&
        is_element(element->parent->parent)) {
        char parent[160];
        describe(element->parent, parent, sizeof parent);
        snprintf(out, size, "<%s> in %s", element->name, parent);
        return;
    }
    snprintf(out, size, "<%s>", element->name);
}

static int has_child(const xmlNode *element, const char *name)
{
    for (const xmlNode *c = element->children; c; c = c->next)
        if (is_element(c) && strcmp((const char *)c->name, name) == 0)
            return 1;
    return 0;
}

static void check_children(const xmlNode *element, const struct rule *rule, const char *what)
{
    char word[64];
    for (const char *p = rule->required; *p;) {
        size_t n = strcspn(p, " ");
        snprintf(word, sizeof word, "%.*s", (int)n, p);
        p += n + (p[n] == ' ');
        char alias[80];
        /* The checks of meaning say "missing explanation" of the same element. */
        snprintf(alias, sizeof alias, "missing %s", word);
        if (!has_child(element, word))
            diag_error_alias(xmlGetLineNo(element), alias, "missing <%s> in %s", word, what);
    }
    for (const xmlNode *c = element->children; c; c = c->next) {
        if (!is_element(c))
            continue;
        if (!listed(rule->allowed, (const char *)c->name))
            diag_error(xmlGetLineNo(c), "<%s> does not belong in %s (it may hold: %s)", c->name,
                       what, rule->allowed);
    }
}

/* Children that are all allowed and present but in another order than the schema's. */
static void check_order(const xmlNode *element, const struct rule *rule, const char *what)
{
    const char *last = NULL;
    size_t last_position = 0;
    for (const xmlNode *c = element->children; c; c = c->next) {
        if (!is_element(c) || !listed(rule->allowed, (const char *)c->name))
            continue;
        const char *at = strstr(rule->allowed, (const char *)c->name);
        size_t position = at ? (size_t)(at - rule->allowed) : 0;
        if (last && position < last_position) {
            diag_error(xmlGetLineNo(c), "<%s> must come before <%s> in %s (the order is: %s)",
                       c->name, last, what, rule->allowed);
            return;
        }
        if (last && position == last_position && strcmp(last, "meaning") != 0) {
            diag_error(xmlGetLineNo(c), "<%s> is given twice in %s", c->name, what);
            return;
        }
        last = (const char *)c->name;
        last_position = position;
    }
}

static void check_attributes(const xmlNode *element, const struct rule *rule, const char *what)
{
    long line = xmlGetLineNo(element);
    char word[64];
    for (const char *p = rule->required_attributes; *p;) {
        size_t n = strcspn(p, " ");
        snprintf(word, sizeof word, "%.*s", (int)n, p);
        p += n + (p[n] == ' ');
        if (!xmlHasProp(element, (const xmlChar *)word)) {
            char alias[80];
            /* What the checks of meaning make of the same absence. */
            snprintf(alias, sizeof alias, "malformed %s code ''",
                     strcmp((const char *)element->name, "reply") == 0 ? "reply" : "enhanced");
            diag_error_alias(line, strcmp(word, "code") == 0 ? alias : "",
                             "missing %s=\"...\" in %s", word, what);
        }
    }
    for (const xmlAttr *a = element->properties; a; a = a->next) {
        if (!listed(rule->allowed_attributes, (const char *)a->name)) {
            diag_error(line,
                       "%s has an attribute %s=\"...\" that the schema does not know (it may "
                       "have: %s)",
                       what, a->name, rule->allowed_attributes);
            continue;
        }
        if (strcmp((const char *)a->name, "severity") != 0)
            continue;
        xmlChar *value = xmlGetProp(element, a->name);
        int known = 0;
        for (size_t i = 0; value && i < sizeof severities / sizeof severities[0]; i++)
            known |= strcmp((const char *)value, severities[i]) == 0;
        if (!known)
            diag_error_alias(line, "severity '",
                             "severity=\"%s\" in %s is not one of success, "
                             "intermediate, transient, permanent",
                             value ? (const char *)value : "", what);
        xmlFree(value);
    }
}

/* Reports what ELEMENT's rule finds wrong with it; returns 0 when it has no rule. */
static int explain(const xmlNode *element)
{
    const struct rule *rule = rule_for(element);
    if (!rule)
        return 0;
    char what[256];
    describe(element, what, sizeof what);
    check_children(element, rule, what);
    check_order(element, rule, what);
    check_attributes(element, rule, what);
    return 1;
}

static void explain_tree(const xmlNode *node)
{
    for (; node; node = node->next) {
        if (!is_element(node))
            continue;
        explain(node);
        explain_tree(node->children);
    }
}

static const xmlNode *element_at_line(const xmlNode *node, long line)
{
    for (; node; node = node->next) {
        if (!is_element(node))
            continue;
        if (xmlGetLineNo(node) == line)
            return node;
        const xmlNode *found = element_at_line(node->children, line);
        if (found)
            return found;
    }
    return NULL;
}

/* The element an error is about: its node, the element holding it, or the one at its line. */
static const xmlNode *element_of(const struct schema_error *e, xmlDocPtr doc)
{
    const xmlNode *node = e->node;
    while (node && !is_element(node))
        node = node->parent;
    if (!node && e->line > 0)
        node = element_at_line(xmlDocGetRootElement(doc), e->line);
    return node;
}

void schema_errors_collect(void *context, xmlErrorPtr error)
{
    struct schema_errors *errors = context;
    if (!error || error->level == XML_ERR_WARNING)
        return;
    if (errors->count == errors->capacity) {
        size_t capacity = errors->capacity ? 2 * errors->capacity : 16;
        struct schema_error *bigger = realloc(errors->items, capacity * sizeof *bigger);
        if (!bigger)
            return;
        errors->items = bigger;
        errors->capacity = capacity;
    }
    struct schema_error *e = &errors->items[errors->count];
    e->node = error->node;
    e->line = error->line;
    e->message = strdup(error->message ? error->message : "does not match the schema");
    if (!e->message)
        return;
    size_t length = strlen(e->message);
    while (length > 0 && (e->message[length - 1] == '\n' || e->message[length - 1] == ' '))
        e->message[--length] = '\0';
    errors->count++;
}

/* "Element enhanced failed to validate content": the consequence of an error already told. */
static int is_consequence(const char *message)
{
    return strstr(message, "failed to validate content") != NULL;
}

void schema_errors_report(struct schema_errors *errors, xmlDocPtr doc)
{
    for (size_t i = 0; i < errors->count; i++) {
        struct schema_error *e = &errors->items[i];
        const xmlNode *element = element_of(e, doc);
        /* A <summary> or <reference> has no rule; the element that holds it has. */
        const xmlNode *ruled = element;
        while (ruled && !rule_for(ruled) && is_element(ruled->parent))
            ruled = ruled->parent;
        int before = diag_error_count() + diag_suppressed_count();
        if (!element)
            explain_tree(xmlDocGetRootElement(doc));
        else if (explain(ruled) && diag_error_count() + diag_suppressed_count() == before)
            explain_tree(ruled->children); /* the problem lies deeper */
        if (diag_error_count() + diag_suppressed_count() > before)
            continue;
        if (is_consequence(e->message) && diag_error_count() > 0)
            continue;
        char what[256] = "";
        if (element)
            describe(element, what, sizeof what);
        long line = element ? xmlGetLineNo(element) : e->line;
        diag_error(line, "%s%s%s", e->message, *what ? " in " : "", what);
    }
    for (size_t i = 0; i < errors->count; i++)
        free(errors->items[i].message);
    free(errors->items);
    errors->items = NULL;
    errors->count = errors->capacity = 0;
}
