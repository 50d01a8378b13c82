/* SPDX-License-Identifier: MIT */
#include "registry.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char iana_namespace[] = "http://www.iana.org/assignments";

static int is_iana_element(const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0 &&
           node->ns && strcmp((const char *)node->ns->href, iana_namespace) == 0;
}

static xmlNode *child(xmlNode *parent, const char *name)
{
    for (xmlNode *c = parent->children; c; c = c->next)
        if (is_iana_element(c, name))
            return c;
    return NULL;
}

/* The text of NAME under RECORD, white space folded; "" when absent. */
static char *folded_text(xmlNode *record, const char *name)
{
    xmlNode *node = child(record, name);
    xmlChar *content = node ? xmlNodeGetContent(node) : NULL;
    const char *in = content ? (const char *)content : "";
    char *out = malloc(strlen(in) + 1), *o = out;
    int space = 0;
    for (; out && *in; in++) {
        if (*in == ' ' || *in == '\n' || *in == '\t' || *in == '\r') {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = 0;
        *o++ = *in;
    }
    if (out)
        *o = '\0';
    xmlFree(content);
    return out;
}

/* "rfc3463" -> "RFC 3463"; a draft keeps its name. Joined with ", ". */
static char *references_of(xmlNode *record)
{
    xmlNode *reference = child(record, "reference");
    char buffer[512] = "";
    for (xmlNode *x = reference ? reference->children : NULL; x; x = x->next) {
        if (!is_iana_element(x, "xref"))
            continue;
        xmlChar *data = xmlGetProp(x, (const xmlChar *)"data");
        if (!data)
            continue;
        char one[128];
        if (strncmp((const char *)data, "rfc", 3) == 0)
            snprintf(one, sizeof one, "RFC %s", (const char *)data + 3);
        else
            snprintf(one, sizeof one, "%s", (const char *)data);
        size_t used = strlen(buffer);
        snprintf(buffer + used, sizeof buffer - used, "%s%s", used ? ", " : "", one);
        xmlFree(data);
    }
    return strdup(buffer);
}

static int read_table(xmlNode *table, enum registry_table kind, struct registry *registry)
{
    for (xmlNode *r = table->children; r; r = r->next) {
        if (!is_iana_element(r, "record"))
            continue;
        struct registry_record *grown =
            realloc(registry->records, (registry->count + 1) * sizeof *grown);
        if (!grown)
            return -1;
        registry->records = grown;
        struct registry_record *record = &registry->records[registry->count++];
        record->table = kind;
        record->line = xmlGetLineNo(r);
        record->code = folded_text(r, "code");
        /* Enumerated codes keep their name in <sample>; classes and subjects in <summary>. */
        record->summary = folded_text(r, kind == TABLE_ENUMERATED ? "sample" : "summary");
        record->basic = folded_text(r, "basic_code");
        record->references = references_of(r);
        if (!record->code || !record->summary || !record->basic || !record->references)
            return -1;
    }
    return 0;
}

int registry_read(const char *path, struct registry *registry)
{
    memset(registry, 0, sizeof *registry);
    /* The registry is data from outside: no network, no entities, no DTD. */
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (!doc) {
        fprintf(stderr, "%s: error: cannot read the registry\n", path);
        return -1;
    }
    static const struct {
        const char *id;
        enum registry_table kind;
    } tables[] = {{"smtp-enhanced-status-codes-1", TABLE_CLASS},
                  {"smtp-enhanced-status-codes-2", TABLE_SUBJECT},
                  {"smtp-enhanced-status-codes-3", TABLE_ENUMERATED}};
    int status = 0, found = 0;
    xmlNode *root = xmlDocGetRootElement(doc);
    for (xmlNode *t = root ? root->children : NULL; t && status == 0; t = t->next) {
        if (!is_iana_element(t, "registry"))
            continue;
        xmlChar *id = xmlGetProp(t, (const xmlChar *)"id");
        for (size_t i = 0; id && i < sizeof tables / sizeof *tables; i++) {
            if (strcmp((const char *)id, tables[i].id) == 0) {
                status = read_table(t, tables[i].kind, registry);
                found++;
            }
        }
        xmlFree(id);
    }
    xmlFreeDoc(doc);
    if (status == 0 && found != 3) {
        fprintf(stderr, "%s: error: not the SMTP enhanced status code registry\n", path);
        status = -1;
    } else if (status != 0) {
        fprintf(stderr, "%s: error: out of memory\n", path);
    }
    return status;
}

void registry_free(struct registry *registry)
{
    for (size_t i = 0; i < registry->count; i++) {
        free(registry->records[i].code);
        free(registry->records[i].summary);
        free(registry->records[i].basic);
        free(registry->records[i].references);
    }
    free(registry->records);
}
