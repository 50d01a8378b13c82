/* SPDX-License-Identifier: MIT */
#include "load.h"

#include "diag.h"
#include "schema_errors.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Larger inputs are refused; the real codes.xml is a few hundred kilobytes, and
 * libxml2 takes a length that fits an int. */
#define MAX_INPUT_SIZE ((size_t)256 << 20)

static int refuse_input(const char *path, int fd, const char *why)
{
    diag_fatal("cannot read %s: %s", path, why);
    close(fd);
    return -1;
}

/*
 * Opens PATH for reading if it is a regular file of at most MAX_INPUT_SIZE bytes.
 * The open does not wait for a writer, so a FIFO is refused instead of blocking;
 * a device such as /dev/zero, behind a symbolic link or not, is refused too.
 */
static int open_regular_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        diag_fatal("cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0)
        return refuse_input(path, fd, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return refuse_input(path, fd, "not a regular file");
    if ((uintmax_t)st.st_size > MAX_INPUT_SIZE)
        return refuse_input(path, fd, "larger than the limit of 256 MiB");
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)
        return refuse_input(path, fd, strerror(errno));
    return fd;
}

/* Whole files are read into memory so that libxml2 never opens anything itself.
 * A file that grows while it is read stops at the limit all the same. */
static char *read_file(const char *path, size_t *size)
{
    int fd = open_regular_file(path);
    if (fd < 0)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    const char *failure = buf ? NULL : "out of memory";
    while (!failure) {
        if (len == cap) {
            size_t bigger_cap = cap * 2 > MAX_INPUT_SIZE + 1 ? MAX_INPUT_SIZE + 1 : cap * 2;
            char *bigger = realloc(buf, bigger_cap);
            if (!bigger) {
                failure = "out of memory";
                break;
            }
            buf = bigger;
            cap = bigger_cap;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            failure = strerror(errno);
        else if (n == 0)
            break;
        else if ((len += (size_t)n) > MAX_INPUT_SIZE)
            failure = "larger than the limit of 256 MiB";
    }
    if (failure) {
        free(buf);
        refuse_input(path, fd, failure);
        return NULL;
    }
    close(fd);
    *size = len;
    return buf;
}

static long line_of(const xmlNode *node)
{
    return node ? xmlGetLineNo(node) : 0;
}

/* Routes libxml2's parser and validity errors into our diagnostics. */
static void report_xml_error(void *unused, xmlErrorPtr error)
{
    (void)unused;
    if (!error || error->level == XML_ERR_WARNING)
        return;
    long line = error->line;
    const xmlNode *node = error->node;
    if (node && node->type == XML_ELEMENT_NODE)
        line = line_of(node);
    diag_error(line, "%s", error->message ? error->message : "malformed XML");
}

/*
 * A DOCTYPE is where entities and external DTDs come from; codes.xml needs
 * none, so any DOCTYPE stops the parse before its contents are looked at.
 */
static void reject_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
                           const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr parser = ctx;
    diag_error(parser->input ? parser->input->line : 0,
               "a DOCTYPE is not allowed (no DTDs or entities are read)");
    xmlStopParser(parser);
}

/* Nothing outside the file itself is ever loaded: no DTD, no entity, no URL. */
static xmlParserInputPtr refuse_external(const char *url, const char *id, xmlParserCtxtPtr ctx)
{
    (void)id;
    (void)ctx;
    diag_error(0, "refusing to load external resource '%s'", url ? url : "(unnamed)");
    return NULL;
}

static xmlDocPtr parse_codes(const char *path)
{
    size_t size;
    char *data = read_file(path, &size);
    if (!data)
        return NULL;
    xmlParserCtxtPtr parser = xmlNewParserCtxt();
    if (!parser) {
        free(data);
        diag_fatal("out of memory");
        return NULL;
    }
    parser->sax->internalSubset = reject_doctype;
    parser->sax->serror = report_xml_error;
    /* Deliberately without XML_PARSE_NOENT, XML_PARSE_DTDLOAD and XML_PARSE_HUGE. */
    int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;
    xmlDocPtr doc = xmlCtxtReadMemory(parser, data, (int)size, path, NULL, options);
    int ok = parser->wellFormed && !parser->disableSAX;
    xmlFreeParserCtxt(parser);
    free(data);
    if (doc && !ok) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (!doc && diag_error_count() == 0)
        diag_error(0, "not a well-formed XML document");
    return doc;
}

static int validate(xmlDocPtr doc, const char *schema_path)
{
    size_t size;
    char *data = read_file(schema_path, &size);
    if (!data)
        return -1;
    xmlRelaxNGParserCtxtPtr schema_parser = xmlRelaxNGNewMemParserCtxt(data, (int)size);
    xmlRelaxNGPtr schema = schema_parser ? xmlRelaxNGParse(schema_parser) : NULL;
    xmlRelaxNGFreeParserCtxt(schema_parser);
    free(data);
    if (!schema) {
        diag_fatal("cannot compile the schema %s", schema_path);
        return -1;
    }
    xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt(schema);
    int result = -1;
    struct schema_errors errors = {0};
    if (validator) {
        xmlRelaxNGSetValidStructuredErrors(validator, schema_errors_collect, &errors);
        result = xmlRelaxNGValidateDoc(validator, doc);
        xmlRelaxNGFreeValidCtxt(validator);
    }
    xmlRelaxNGFree(schema);
    schema_errors_report(&errors, doc);
    if (result != 0 && diag_error_count() == 0)
        diag_error(0, "does not match the schema %s", schema_path);
    return result == 0 ? 0 : -1;
}

/* ---- from the validated tree to the model ---- */

static int is_element(const xmlNode *node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

static xmlNode *first_element(xmlNode *node)
{
    while (node && node->type != XML_ELEMENT_NODE)
        node = node->next;
    return node;
}

static xmlNode *next_element(xmlNode *node)
{
    return first_element(node->next);
}

static size_t count_elements(xmlNode *parent, const char *name)
{
    size_t n = 0;
    for (xmlNode *c = first_element(parent->children); c; c = next_element(c))
        n += is_element(c, name);
    return n;
}

static char *xml_strdup(xmlChar *value)
{
    if (!value)
        return NULL;
    char *copy = strdup((const char *)value);
    xmlFree(value);
    return copy;
}

static char *attribute(xmlNode *node, const char *name)
{
    return xml_strdup(xmlGetProp(node, (const xmlChar *)name));
}

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Texts are wrapped for reading in the file; a run of white space means one space. */
static void fold_white_space(char *s)
{
    char *out = s;
    int pending_space = 0;
    for (const char *in = s; *in; in++) {
        if (is_xml_space(*in)) {
            pending_space = out != s;
            continue;
        }
        if (pending_space)
            *out++ = ' ';
        pending_space = 0;
        *out++ = *in;
    }
    *out = '\0';
}

static struct text read_text(xmlNode *node)
{
    struct text t = {NULL, line_of(node)};
    t.value = xml_strdup(xmlNodeGetContent(node));
    if (t.value && xmlNodeGetSpacePreserve(node) != 1)
        fold_white_space(t.value);
    return t;
}

/* An element given twice (which the schema reports) keeps its first text. */
static void read_text_once(xmlNode *node, struct text *slot)
{
    if (!slot->value)
        *slot = read_text(node);
}

static void read_success(xmlNode *node, struct success_wording *s)
{
    for (xmlNode *c = first_element(node->children); c; c = next_element(c)) {
        if (is_element(c, "summary"))
            read_text_once(c, &s->summary);
        else if (is_element(c, "explanation"))
            read_text_once(c, &s->explanation);
    }
}

static void read_description(xmlNode *node, struct description *d)
{
    for (xmlNode *c = first_element(node->children); c; c = next_element(c)) {
        if (is_element(c, "summary"))
            read_text_once(c, &d->summary);
        else if (is_element(c, "explanation"))
            read_text_once(c, &d->explanation);
        else if (is_element(c, "note"))
            read_text_once(c, &d->note);
        else if (is_element(c, "reference"))
            read_text_once(c, &d->reference);
    }
}

static void read_part(xmlNode *node, struct part *p)
{
    p->line = line_of(node);
    p->value_attr = attribute(node, "value");
    p->value = -1;
    char *severity = attribute(node, "severity");
    p->severity = SEVERITY_NONE;
    for (int s = SEVERITY_SUCCESS; severity && s <= SEVERITY_PERMANENT; s++)
        if (strcmp(severity, severity_name(s)) == 0)
            p->severity = s;
    free(severity);
    read_description(node, &p->d);
    for (xmlNode *c = first_element(node->children); c; c = next_element(c))
        if (is_element(c, "success"))
            read_success(c, &p->success);
}

/* Reads the ITEM children of SECTION into LIST, and its <unassigned> child if asked to. */
static int read_parts(xmlNode *section, const char *item, struct part_list *list,
                      struct part *unassigned)
{
    list->line = line_of(section);
    list->items = calloc(count_elements(section, item) + 1, sizeof *list->items);
    if (!list->items)
        return -1;
    for (xmlNode *c = first_element(section->children); c; c = next_element(c)) {
        if (is_element(c, item))
            read_part(c, &list->items[list->count++]);
        else if (unassigned && is_element(c, "unassigned") && unassigned->line == 0)
            read_part(c, unassigned);
    }
    return 0;
}

static int read_reply(xmlNode *node, struct reply *r)
{
    struct part head = {0};
    read_part(node, &head); /* line and severity; replies have no value attribute */
    free(head.value_attr);
    r->line = head.line;
    r->severity = head.severity;
    r->code_attr = attribute(node, "code");
    r->code = -1;
    r->enhanced = attribute(node, "enhanced");
    r->reason = attribute(node, "reason");
    r->meanings = calloc(count_elements(node, "meaning") + 1, sizeof *r->meanings);
    if (!r->meanings)
        return -1;
    for (xmlNode *c = first_element(node->children); c; c = next_element(c)) {
        if (!is_element(c, "meaning"))
            continue;
        struct meaning *m = &r->meanings[r->meaning_count++];
        m->line = line_of(c);
        m->enhanced = attribute(c, "enhanced");
        read_description(c, &m->d);
        for (xmlNode *t = first_element(c->children); t; t = next_element(t))
            if (is_element(t, "text"))
                read_text_once(t, &m->standard_text);
    }
    return 0;
}

static int read_replies(xmlNode *section, struct codes *codes)
{
    codes->replies = calloc(count_elements(section, "reply") + 1, sizeof *codes->replies);
    if (!codes->replies)
        return -1;
    for (xmlNode *c = first_element(section->children); c; c = next_element(c))
        if (is_element(c, "reply") && read_reply(c, &codes->replies[codes->reply_count++]) != 0)
            return -1;
    return 0;
}

static int read_enhanced_codes(xmlNode *section, struct codes *codes)
{
    codes->enhanced = calloc(count_elements(section, "enhanced") + 1, sizeof *codes->enhanced);
    if (!codes->enhanced)
        return -1;
    for (xmlNode *c = first_element(section->children); c; c = next_element(c)) {
        if (!is_element(c, "enhanced"))
            continue;
        struct enhanced *e = &codes->enhanced[codes->enhanced_count++];
        e->line = line_of(c);
        e->code_attr = attribute(c, "code");
        e->basic = attribute(c, "basic");
        e->deprecated_by = attribute(c, "deprecated-by");
        e->provider = attribute(c, "provider");
        e->through_attr = attribute(c, "through");
        e->reason = attribute(c, "reason");
        read_description(c, &e->d);
        for (xmlNode *t = first_element(c->children); t; t = next_element(t))
            if (is_element(t, "success"))
                read_success(t, &e->success);
    }
    return 0;
}

/* Reads the NAME children of NODE as phrases (or markers) into a new array. */
static struct phrase *read_phrases(xmlNode *node, const char *name, size_t *count)
{
    struct phrase *phrases = calloc(count_elements(node, name) + 1, sizeof *phrases);
    if (!phrases)
        return NULL;
    for (xmlNode *c = first_element(node->children); c; c = next_element(c)) {
        if (!is_element(c, name))
            continue;
        struct phrase *p = &phrases[(*count)++];
        p->text = read_text(c);
        p->classes = attribute(c, "class");
        p->codes = attribute(c, "codes");
        p->precedence = attribute(c, "precedence");
    }
    return phrases;
}

static void read_value_label(xmlNode *node, struct value_label *label)
{
    label->line = line_of(node);
    label->value_attr = attribute(node, "value");
    for (xmlNode *c = first_element(node->children); c; c = next_element(c))
        if (is_element(c, "summary"))
            read_text_once(c, &label->summary);
}

/* The labels are kept in the order of the file until check_codes() places them by value. */
static int read_reasons(xmlNode *section, struct codes *codes)
{
    codes->reasons_line = line_of(section);
    codes->reasons = calloc(count_elements(section, "reason") + 1, sizeof *codes->reasons);
    if (!codes->reasons)
        return -1;
    size_t actions = 0, retries = 0;
    for (xmlNode *c = first_element(section->children); c; c = next_element(c)) {
        if (is_element(c, "action-by") && actions < ACTION_BY_COUNT) {
            read_value_label(c, &codes->action_by_labels[actions++]);
        } else if (is_element(c, "retry") && retries < RETRY_COUNT) {
            read_value_label(c, &codes->retry_labels[retries++]);
        } else if (is_element(c, "reason")) {
            struct reason *r = &codes->reasons[codes->reason_count++];
            r->line = line_of(c);
            r->id = attribute(c, "id");
            r->action_by_attr = attribute(c, "action-by");
            r->retry_attr = attribute(c, "retry");
            read_description(c, &r->d);
            r->phrases = read_phrases(c, "phrase", &r->phrase_count);
            if (!r->phrases)
                return -1;
        }
    }
    return 0;
}

static int read_provider(xmlNode *node, struct provider *p)
{
    p->line = line_of(node);
    p->id = attribute(node, "id");
    p->name = attribute(node, "name");
    p->markers = read_phrases(node, "marker", &p->marker_count);
    p->meanings = calloc(count_elements(node, "meaning") + 1, sizeof *p->meanings);
    if (!p->markers || !p->meanings)
        return -1;
    for (xmlNode *c = first_element(node->children); c; c = next_element(c)) {
        if (!is_element(c, "meaning"))
            continue;
        struct provider_meaning *m = &p->meanings[p->meaning_count++];
        m->line = line_of(c);
        m->code_attr = attribute(c, "code");
        m->reason = attribute(c, "reason");
        read_description(c, &m->d);
    }
    return 0;
}

static int read_providers(xmlNode *section, struct codes *codes)
{
    codes->providers = calloc(count_elements(section, "provider") + 1, sizeof *codes->providers);
    if (!codes->providers)
        return -1;
    for (xmlNode *c = first_element(section->children); c; c = next_element(c))
        if (is_element(c, "provider") &&
            read_provider(c, &codes->providers[codes->provider_count++]) != 0)
            return -1;
    return 0;
}

static const char *const required_sections[] = {
    "reply-first-digits", "reply-second-digits", "reply-codes",
    "enhanced-classes",   "enhanced-subjects",   "enhanced-codes",
};
static const char *const optional_sections[] = {"reasons", "providers"};
#define SECTION_COUNT 8

/* The index of SECTION among the sections codes.xml may have, or -1. */
static int section_index(const xmlNode *section)
{
    for (int i = 0; i < 6; i++)
        if (is_element(section, required_sections[i]))
            return i;
    for (int i = 0; i < 2; i++)
        if (is_element(section, optional_sections[i]))
            return 6 + i;
    return -1;
}

/*
 * Reads each section once (a repeated one is the schema's to report). Returns 0, or
 * 1 when a required section is missing, which leaves nothing for the checks of meaning
 * but a list of everything that section holds, or -1 when out of memory.
 */
static int read_model(xmlNode *root, struct codes *codes)
{
    int status = 0;
    int seen[SECTION_COUNT] = {0};
    for (xmlNode *s = first_element(root->children); s && status == 0; s = next_element(s)) {
        int index = section_index(s);
        if (index < 0 || seen[index]++)
            continue;
        if (is_element(s, "reply-first-digits"))
            status = read_parts(s, "first-digit", &codes->first_digits, NULL);
        else if (is_element(s, "reply-second-digits"))
            status = read_parts(s, "second-digit", &codes->second_digits, &codes->reply_unassigned);
        else if (is_element(s, "reply-codes"))
            status = read_replies(s, codes);
        else if (is_element(s, "enhanced-classes"))
            status = read_parts(s, "class", &codes->classes, NULL);
        else if (is_element(s, "enhanced-subjects"))
            status = read_parts(s, "subject", &codes->subjects, &codes->subject_unassigned);
        else if (is_element(s, "enhanced-codes"))
            status = read_enhanced_codes(s, codes);
        else if (is_element(s, "reasons"))
            status = read_reasons(s, codes);
        else if (is_element(s, "providers"))
            status = read_providers(s, codes);
    }
    if (status != 0) {
        diag_fatal("out of memory");
        return -1;
    }
    for (int i = 0; i < 6; i++)
        if (!seen[i])
            return 1;
    return 0;
}

int load_codes(const char *path, const char *schema_path, struct codes *codes)
{
    xmlSetExternalEntityLoader(refuse_external);
    xmlDocPtr doc = parse_codes(path);
    if (!doc)
        return -1;
    /* A document that does not match the schema is still read as far as it goes, so
     * that the checks of meaning report their errors in the same run. */
    int valid = validate(doc, schema_path) == 0;
    xmlNode *root = xmlDocGetRootElement(doc);
    int status = root && is_element(root, "codes") ? read_model(root, codes) : -1;
    xmlFreeDoc(doc);
    if (status != 0)
        return -1; /* out of memory, or too little to check */
    return valid ? 0 : 1;
}
