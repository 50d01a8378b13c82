/* SPDX-License-Identifier: MIT */
/* What the schema cannot say of reasons and providers: ids, values, phrases, references. */
#include "check.h"

#include "diag.h"

#include <libxml/hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_white(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *fold_phrase(const char *text)
{
    char *folded = malloc(strlen(text) + 1);
    if (!folded)
        return NULL;
    char *out = folded;
    for (const char *in = text; *in; in++) {
        if (is_white(*in)) {
            if (out != folded && out[-1] != ' ')
                *out++ = ' ';
        } else {
            *out++ = *in >= 'A' && *in <= 'Z' ? (char)(*in - 'A' + 'a') : *in;
        }
    }
    if (out != folded && out[-1] == ' ')
        out--;
    *out = '\0';
    return folded;
}

/* Ids name reasons and providers in every output (JSON, tables, msgctxt): ASCII only. */
static int is_valid_id(const char *id)
{
    if (!id || !*id || strlen(id) > 32)
        return 0;
    for (const char *c = id; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
            return 0;
    return 1;
}

static int value_of(const char *name, const char *(*name_of)(int), int count)
{
    for (int v = 0; name && v < count; v++)
        if (strcmp(name, name_of(v)) == 0)
            return v;
    return -1;
}

static const char *action_by_label(int v)
{
    return action_by_name((enum action_by)v);
}

static const char *retry_label(int v)
{
    return retry_name((enum retry)v);
}

/* The labels of action-by or retry: each value once, every value present, in value order. */
static void check_labels(struct value_label *labels, int count, const char *what,
                         const char *(*name_of)(int), long section_line)
{
    struct value_label
        placed[(int)ACTION_BY_COUNT > (int)RETRY_COUNT ? (int)ACTION_BY_COUNT : (int)RETRY_COUNT];
    memset(placed, 0, sizeof placed);
    for (int i = 0; i < count; i++) {
        struct value_label *l = &labels[i];
        if (!l->value_attr)
            continue;
        int v = value_of(l->value_attr, name_of, count);
        if (v < 0) {
            diag_error(l->line, "<%s value=\"%s\"> is not one of the known values", what,
                       l->value_attr);
        } else if (placed[v].value_attr) {
            diag_error(l->line, "<%s value=\"%s\"> is given twice (first at line %ld)", what,
                       l->value_attr, placed[v].line);
        } else {
            check_text(&l->summary, "summary", l->line, 1);
            placed[v] = *l;
            placed[v].value = v;
            continue;
        }
        free(l->value_attr);
        free(l->summary.value);
    }
    for (int v = 0; v < count; v++) {
        if (!placed[v].value_attr && section_line)
            diag_error(section_line, "<%s value=\"%s\"> is missing", what, name_of(v));
        labels[v] = placed[v];
    }
}

/* Phrases and markers share one matcher; KEY says what claims a folded text. */
struct claim {
    const char *owner; /* "reason userunknown", "provider gmail" */
    long line;
};

static void check_phrase(struct phrase *p, const char *what)
{
    p->folded = fold_phrase(p->text.value ? p->text.value : "");
    if (!p->folded) {
        diag_fatal("out of memory");
        return;
    }
    size_t length = strlen(p->folded);
    if (length < CHECK_MIN_PHRASE_BYTES || length > CHECK_MAX_PHRASE_BYTES)
        diag_error(p->text.line, "%s '%s' is %zu bytes long; it must have %d to %d", what,
                   p->folded, length, CHECK_MIN_PHRASE_BYTES, CHECK_MAX_PHRASE_BYTES);
    p->precedence_value = 0;
    if (p->precedence) {
        char *end;
        long value = strtol(p->precedence, &end, 10);
        if (end == p->precedence || *end || value < -9 || value > 9)
            diag_error(p->text.line, "precedence '%s' is not a number from -9 to 9", p->precedence);
        else
            p->precedence_value = (int)value;
    }
    if (p->codes) {
        /* Reply codes and enhanced codes of any class, X included. */
        char *copy = strdup(p->codes);
        char *save = NULL;
        for (char *tok = copy ? strtok_r(copy, " ", &save) : NULL; tok;
             tok = strtok_r(NULL, " ", &save)) {
            int k, s, d;
            if (parse_reply_code(tok) < 0 && parse_enhanced_code(tok, 1, &k, &s, &d) != 0)
                diag_error(p->text.line, "'%s' in codes=\"%s\" is not a reply or enhanced code",
                           tok, p->codes);
        }
        free(copy);
    }
}

/* Two phrases with one folded text, one restriction and one precedence would leave the
 * choice between their owners to the order of the file. */
static void check_claim(xmlHashTablePtr claims, const struct phrase *p, const char *kind,
                        const char *owner, char **owned)
{
    if (!claims || !p->folded)
        return;
    char key[CHECK_MAX_PHRASE_BYTES * 2 + 192];
    snprintf(key, sizeof key, "%s|%d|%s|%s|%.*s", kind, p->precedence_value,
             p->classes ? p->classes : "", p->codes ? p->codes : "", CHECK_MAX_PHRASE_BYTES * 2,
             p->folded);
    const struct claim *first = xmlHashLookup(claims, (const xmlChar *)key);
    if (first) {
        diag_error(p->text.line,
                   "'%s' is claimed by %s (line %ld) and by %s at the same precedence", p->folded,
                   first->owner, first->line, owner);
        return;
    }
    struct claim *c = malloc(sizeof *c);
    *owned = strdup(owner);
    if (!c || !*owned) {
        free(c);
        return;
    }
    *c = (struct claim){*owned, p->text.line};
    xmlHashAddEntry(claims, (const xmlChar *)key, c);
}

static void free_claim(void *payload, const xmlChar *name)
{
    (void)name;
    free(payload);
}

/* Owner names live as long as the table; kept in one list to free them at the end. */
struct owners {
    char **items;
    size_t count;
};

static char **next_owner(struct owners *o, size_t capacity)
{
    return o->items && o->count < capacity ? &o->items[o->count++] : NULL;
}

static size_t count_phrases(const struct codes *codes)
{
    size_t n = 0;
    for (size_t i = 0; i < codes->reason_count; i++)
        n += codes->reasons[i].phrase_count;
    for (size_t i = 0; i < codes->provider_count; i++)
        n += codes->providers[i].marker_count;
    return n;
}

static size_t reason_index(const struct codes *codes, const char *id)
{
    for (size_t i = 0; id && i < codes->reason_count; i++)
        if (codes->reasons[i].id && strcmp(codes->reasons[i].id, id) == 0)
            return i + 1;
    return 0;
}

/* reason="..." on a code or a provider's meaning: 1 + the reason's index, or 0. */
static size_t resolve_reason(const struct codes *codes, const char *id, long line)
{
    if (!id)
        return 0;
    size_t index = reason_index(codes, id);
    if (!index)
        diag_error(line, "reason=\"%s\" names no reason of <reasons>", id);
    return index;
}

static void check_reason_ids(struct codes *codes)
{
    for (size_t i = 0; i < codes->reason_count; i++) {
        struct reason *r = &codes->reasons[i];
        if (!is_valid_id(r->id))
            diag_error(r->line,
                       "reason id '%s' must be 1 to 32 lower-case ASCII letters, digits or '-'",
                       r->id ? r->id : "");
        else if (reason_index(codes, r->id) != i + 1)
            diag_error(r->line, "duplicate reason %s (first defined at line %ld)", r->id,
                       codes->reasons[reason_index(codes, r->id) - 1].line);
        int action = value_of(r->action_by_attr, action_by_label, ACTION_BY_COUNT);
        int retry = value_of(r->retry_attr, retry_label, RETRY_COUNT);
        if (action < 0)
            diag_error(r->line,
                       "action-by=\"%s\" is not one of sender, sender-provider, "
                       "recipient, recipient-provider, nobody",
                       r->action_by_attr ? r->action_by_attr : "");
        if (retry < 0)
            diag_error(r->line, "retry=\"%s\" is not one of yes, later, no",
                       r->retry_attr ? r->retry_attr : "");
        r->action_by = action < 0 ? ACTION_BY_NOBODY : (enum action_by)action;
        r->retry = retry < 0 ? RETRY_LATER : (enum retry)retry;
        check_description(&r->d, r->line, 0);
    }
    /* The runtime answers with these when nothing else decides. */
    static const char *const required[] = {"undefined", "delivered"};
    for (size_t i = 0; codes->reason_count && i < 2; i++)
        if (!reason_index(codes, required[i]))
            diag_error(codes->reasons_line, "reason %s is missing", required[i]);
}

void check_reasons(struct codes *codes)
{
    if (codes->reasons_line)
        check_labels(codes->action_by_labels, ACTION_BY_COUNT, "action-by", action_by_label,
                     codes->reasons_line);
    if (codes->reasons_line)
        check_labels(codes->retry_labels, RETRY_COUNT, "retry", retry_label, codes->reasons_line);
    check_reason_ids(codes);
    for (size_t i = 0; i < codes->reply_count; i++)
        codes->replies[i].reason_index =
            resolve_reason(codes, codes->replies[i].reason, codes->replies[i].line);
    for (size_t i = 0; i < codes->enhanced_count; i++)
        codes->enhanced[i].reason_index =
            resolve_reason(codes, codes->enhanced[i].reason, codes->enhanced[i].line);
}

/* The entry of codes.xml that answers for an enhanced code, by the runtime's rules. */
static int enhanced_exists(const struct codes *codes, int klass, int subject, int detail)
{
    for (size_t i = 0; i < codes->enhanced_count; i++) {
        const struct enhanced *e = &codes->enhanced[i];
        if (e->valid && e->subject == subject && (e->klass == klass || e->klass == 0) &&
            e->detail <= detail && detail <= e->through_detail)
            return 1;
    }
    return 0;
}

static int reply_exists(const struct codes *codes, int code)
{
    for (size_t i = 0; i < codes->reply_count; i++)
        if (codes->replies[i].code == code)
            return 1;
    return 0;
}

static void check_provider_meaning(const struct codes *codes, struct provider_meaning *m)
{
    m->code = parse_reply_code(m->code_attr);
    if (m->code > 0) {
        if (!reply_exists(codes, m->code))
            diag_error(m->line, "a provider meaning for reply code %d, which is not defined",
                       m->code);
    } else if (parse_enhanced_code(m->code_attr, 0, &m->klass, &m->subject, &m->detail) != 0) {
        diag_error(m->line,
                   "code '%s' is neither a reply code nor an enhanced code of class 2, "
                   "4 or 5",
                   m->code_attr ? m->code_attr : "");
        m->code = -1;
    } else {
        m->code = 0;
        if (!enhanced_exists(codes, m->klass, m->subject, m->detail))
            diag_error(m->line, "a provider meaning for %s, which is not defined", m->code_attr);
    }
    m->reason_index = resolve_reason(codes, m->reason, m->line);
    check_description(&m->d, m->line, 0);
}

static void check_provider(const struct codes *codes, struct provider *p, size_t index)
{
    if (!is_valid_id(p->id))
        diag_error(p->line,
                   "provider id '%s' must be 1 to 32 lower-case ASCII letters, digits "
                   "or '-'",
                   p->id ? p->id : "");
    for (size_t i = 0; i < index; i++)
        if (p->id && codes->providers[i].id && strcmp(p->id, codes->providers[i].id) == 0)
            diag_error(p->line, "duplicate provider %s (first defined at line %ld)", p->id,
                       codes->providers[i].line);
    if (!p->name || !*p->name)
        diag_error(p->line, "provider %s has an empty name", p->id ? p->id : "");
    for (size_t i = 0; i < p->meaning_count; i++) {
        check_provider_meaning(codes, &p->meanings[i]);
        for (size_t j = 0; j < i; j++)
            if (p->meanings[j].code_attr && p->meanings[i].code_attr &&
                strcmp(p->meanings[j].code_attr, p->meanings[i].code_attr) == 0)
                diag_error(p->meanings[i].line,
                           "provider %s gives %s two meanings (first at "
                           "line %ld)",
                           p->id ? p->id : "", p->meanings[i].code_attr, p->meanings[j].line);
    }
}

/* Phrases of reasons and markers of providers, all at once: they share one matcher. */
static void check_patterns(struct codes *codes)
{
    size_t capacity = count_phrases(codes);
    xmlHashTablePtr claims = xmlHashCreate((int)capacity + 1);
    struct owners owners = {calloc(capacity + 1, sizeof(char *)), 0};
    char name[64];
    for (size_t i = 0; i < codes->reason_count; i++) {
        struct reason *r = &codes->reasons[i];
        snprintf(name, sizeof name, "reason %s", r->id ? r->id : "");
        for (size_t j = 0; j < r->phrase_count; j++) {
            check_phrase(&r->phrases[j], "phrase");
            char **owned = next_owner(&owners, capacity);
            if (owned)
                check_claim(claims, &r->phrases[j], "phrase", name, owned);
        }
    }
    for (size_t i = 0; i < codes->provider_count; i++) {
        struct provider *p = &codes->providers[i];
        snprintf(name, sizeof name, "provider %s", p->id ? p->id : "");
        for (size_t j = 0; j < p->marker_count; j++) {
            check_phrase(&p->markers[j], "marker");
            /* A marker says who sent the reply and may share its words with a phrase,
             * which says why; two providers may not share one. */
            char **owned = next_owner(&owners, capacity);
            if (owned)
                check_claim(claims, &p->markers[j], "marker", name, owned);
        }
    }
    xmlHashFree(claims, free_claim);
    for (size_t i = 0; i < owners.count; i++)
        free(owners.items[i]);
    free(owners.items);
}

void check_providers(struct codes *codes)
{
    for (size_t i = 0; i < codes->provider_count; i++)
        check_provider(codes, &codes->providers[i], i);
    check_patterns(codes);
}
