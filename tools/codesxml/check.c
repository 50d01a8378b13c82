/* SPDX-License-Identifier: MIT */
#include "check.h"

#include "diag.h"

#include <libxml/hash.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses 1 to MAX_DIGITS ASCII digits from *S, written canonically (no leading
 * zero but in "0" itself: "5.01.1" is not "5.1.1" as text, in a catalog's
 * msgctxt or in a diff); returns the value or -1. */
static int parse_digits(const char **s, int max_digits)
{
    if (**s == '0' && (*s)[1] >= '0' && (*s)[1] <= '9')
        return -1;
    int value = 0, n = 0;
    while (**s >= '0' && **s <= '9') {
        if (++n > max_digits)
            return -1;
        value = value * 10 + (**s - '0');
        (*s)++;
    }
    return n == 0 ? -1 : value;
}

/* A reply code: exactly three digits, 200 to 599 (RFC 5321, section 4.2). */
int parse_reply_code(const char *s)
{
    if (!s || strlen(s) != 3)
        return -1;
    const char *p = s;
    int code = parse_digits(&p, 3);
    return *p == '\0' && code >= 200 && code <= 599 ? code : -1;
}

/* An enhanced code, class "." subject "." detail (RFC 3463, section 2);
 * ANY_CLASS allows "X" for a code that holds for every class. */
int parse_enhanced_code(const char *s, int any_class, int *klass, int *subject, int *detail)
{
    if (!s)
        return -1;
    if (any_class && *s == 'X')
        *klass = 0;
    else if (*s == '2' || *s == '4' || *s == '5')
        *klass = *s - '0';
    else
        return -1;
    s++;
    if (*s++ != '.')
        return -1;
    *subject = parse_digits(&s, 3);
    if (*subject < 0 || *s++ != '.')
        return -1;
    *detail = parse_digits(&s, 3);
    return *detail >= 0 && *s == '\0' ? 0 : -1;
}

/* "5.01.1" or "X.7.026": an enhanced code but for leading zeros; writes it canonically
 * into CANONICAL and returns 1, else 0. */
static int is_non_canonical_enhanced(const char *s, char *canonical, size_t size)
{
    if (!s || !strchr("X245", s[0]) || s[0] == '\0' || s[1] != '.')
        return 0;
    const char *p = s + 2;
    size_t digits = strspn(p, "0123456789");
    if (digits < 1 || digits > 9 || p[digits] != '.' || atoi(p) > 999)
        return 0;
    int subject = atoi(p);
    p += digits + 1;
    digits = strspn(p, "0123456789");
    if (digits < 1 || digits > 9 || p[digits] != '\0' || atoi(p) > 999)
        return 0;
    snprintf(canonical, size, "%c.%d.%d", s[0], subject, atoi(p));
    return 1;
}

static int is_blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

void check_text(const struct text *t, const char *what, long owner_line, int required)
{
    if (!t->value) {
        if (required)
            diag_error(owner_line, "missing %s", what);
        return;
    }
    if (is_blank(t->value))
        diag_error(t->line, "%s is empty", what);
    else if (strlen(t->value) > CHECK_MAX_TEXT_BYTES)
        diag_error(t->line, "%s is %zu bytes long; the limit is %d", what, strlen(t->value),
                   CHECK_MAX_TEXT_BYTES);
}

/* What a skeleton or a hurried edit leaves in place of a text: "TODO", "TODO: ...",
 * "FIXME", "XXX", as the whole text or its start. Returns the marker, or NULL. */
static const char *placeholder_in(const char *value)
{
    static const char *const markers[] = {"TODO", "FIXME", "XXX"};
    value += strspn(value, " \t\r\n");
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        size_t length = strlen(markers[i]);
        if (strncmp(value, markers[i], length) != 0)
            continue;
        char next = value[length]; /* within VALUE: its first LENGTH bytes are the marker */
        if (!((next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z')))
            return markers[i];
    }
    return NULL;
}

static void check_not_placeholder(const struct text *t, const char *what)
{
    const char *marker = t->value ? placeholder_in(t->value) : NULL;
    if (marker)
        diag_error(t->line, "%s is a placeholder (%s); write the text", what, marker);
}

void check_description(const struct description *d, long line, int needs_reference)
{
    check_text(&d->summary, "summary", line, 1);
    check_text(&d->explanation, "explanation", line, 1);
    check_not_placeholder(&d->summary, "summary");
    check_not_placeholder(&d->explanation, "explanation");
    check_text(&d->note, "note", line, 0);
    check_text(&d->reference, "reference", line, needs_reference);
    if (d->summary.value && d->explanation.value &&
        strcmp(d->summary.value, d->explanation.value) == 0)
        diag_error(d->explanation.line, "explanation only repeats the summary");
}

void check_success(const struct success_wording *s, long line)
{
    if (!s->summary.value && !s->explanation.value)
        return;
    check_text(&s->summary, "success summary", line, 1);
    check_text(&s->explanation, "success explanation", line, 1);
}

/* Checks a list of digits, classes or subjects: each value once, allowed, and present. */
static void check_parts(struct part_list *list, const char *what, int max_value,
                        const char *allowed, const char *required, int severity_is_value)
{
    struct part *seen[1000] = {0};
    for (size_t i = 0; i < list->count; i++) {
        struct part *p = &list->items[i];
        const char *end = p->value_attr;
        p->value = end ? parse_digits(&end, 3) : -1;
        if (p->value < 0 || *end != '\0' || p->value > max_value ||
            (allowed && !strchr(allowed, '0' + p->value))) {
            diag_error(p->line, "%s '%s' is not valid", what, p->value_attr ? p->value_attr : "");
            p->value = -1;
        } else if (seen[p->value]) {
            diag_error(p->line, "duplicate %s %d (first defined at line %ld)", what, p->value,
                       seen[p->value]->line);
        } else {
            seen[p->value] = p;
        }
        if (severity_is_value && p->value >= 0 && (int)p->severity != p->value)
            diag_error(p->line, "severity '%s' contradicts %s %d", severity_name(p->severity), what,
                       p->value);
        check_description(&p->d, p->line, 1);
        check_success(&p->success, p->line);
    }
    for (const char *r = required; *r; r++)
        if (!seen[*r - '0'])
            diag_error(list->line, "%s %c is missing", what, *r);
}

/* Checks a space-separated list of codes given in an attribute. */
void check_code_list(const char *list, long line, const char *what, int first_digit)
{
    if (!list)
        return;
    char *copy = strdup(list);
    if (!copy) {
        diag_fatal("out of memory");
        return;
    }
    char *save = NULL;
    for (char *tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        int klass, subject, detail;
        if (first_digit == 0) {
            if (parse_reply_code(tok) < 0)
                diag_error(line, "malformed reply code '%s' in %s", tok, what);
        } else if (parse_enhanced_code(tok, 0, &klass, &subject, &detail) != 0) {
            char canonical[32];
            if (is_non_canonical_enhanced(tok, canonical, sizeof canonical))
                diag_error(line, "enhanced code '%s' in %s has leading zeros; write %s", tok, what,
                           canonical);
            else
                diag_error(line, "malformed enhanced code '%s' in %s", tok, what);
        } else if (klass != first_digit) {
            diag_error(line, "enhanced code %s in %s does not share the reply's class %d", tok,
                       what, first_digit);
        }
    }
    free(copy);
}

static void check_replies(struct codes *codes)
{
    struct reply *seen[600] = {0};
    for (size_t i = 0; i < codes->reply_count; i++) {
        struct reply *r = &codes->replies[i];
        r->code = parse_reply_code(r->code_attr);
        if (r->code < 0) {
            diag_error(r->line, "malformed reply code '%s': expected three digits, 200 to 599",
                       r->code_attr ? r->code_attr : "");
        } else {
            if (seen[r->code])
                diag_error(r->line, "duplicate reply code %d (first defined at line %ld)", r->code,
                           seen[r->code]->line);
            else
                seen[r->code] = r;
            if ((int)r->severity != r->code / 100)
                diag_error(r->line, "severity '%s' contradicts reply code %d",
                           severity_name(r->severity), r->code);
            check_code_list(r->enhanced, r->line, "the enhanced attribute", r->code / 100);
        }
        for (size_t j = 0; j < r->meaning_count; j++) {
            struct meaning *m = &r->meanings[j];
            check_text(&m->standard_text, "standard text", m->line, 0);
            if (r->code >= 0)
                check_code_list(m->enhanced, m->line, "the enhanced attribute", r->code / 100);
            check_description(&m->d, m->line, 1);
        }
    }
}

/* The key under which an enhanced code is unique: "5.1.1" and "X.1.1" differ. */
static void enhanced_key(const struct enhanced *e, char *key, size_t size)
{
    snprintf(key, size, "%d.%d.%d", e->klass, e->subject, e->detail);
}

static const struct enhanced *find_enhanced(const struct codes *codes, const char *code)
{
    for (size_t i = 0; i < codes->enhanced_count; i++)
        if (codes->enhanced[i].valid && strcmp(codes->enhanced[i].code_attr, code) == 0)
            return &codes->enhanced[i];
    return NULL;
}

/* through="5.7.649": the same class and subject, a later detail, and a provider's. */
static void check_range(struct enhanced *e)
{
    e->through_detail = e->detail;
    if (!e->through_attr || !e->valid)
        return;
    int klass, subject, detail;
    if (parse_enhanced_code(e->through_attr, 0, &klass, &subject, &detail) != 0 ||
        klass != e->klass || subject != e->subject || detail <= e->detail) {
        diag_error(e->line,
                   "through=\"%s\" must be a later code of the same class and subject as %s",
                   e->through_attr, e->code_attr);
        return;
    }
    e->through_detail = detail;
}

static void check_enhanced_codes(struct codes *codes)
{
    /* A hash, not a scan of every earlier code: codes.xml may hold 100 000 codes. */
    xmlHashTablePtr seen = xmlHashCreate((int)codes->enhanced_count + 1);
    for (size_t i = 0; i < codes->enhanced_count; i++) {
        struct enhanced *e = &codes->enhanced[i];
        e->valid = parse_enhanced_code(e->code_attr, 1, &e->klass, &e->subject, &e->detail) == 0;
        char canonical[32];
        if (!e->valid && is_non_canonical_enhanced(e->code_attr, canonical, sizeof canonical))
            diag_error(e->line, "enhanced code '%s' has leading zeros; write %s", e->code_attr,
                       canonical);
        else if (!e->valid)
            diag_error(e->line,
                       "malformed enhanced code '%s': expected CLASS.SUBJECT.DETAIL, class X, 2, 4 "
                       "or 5, subject and detail of 1 to 3 digits",
                       e->code_attr ? e->code_attr : "");
        char key[32];
        enhanced_key(e, key, sizeof key);
        const struct enhanced *first =
            e->valid && seen ? xmlHashLookup(seen, (xmlChar *)key) : NULL;
        if (first)
            diag_error(e->line, "duplicate enhanced code %s (first defined at line %ld)",
                       e->code_attr, first->line);
        else if (e->valid && seen)
            xmlHashAddEntry(seen, (xmlChar *)key, e);
        check_code_list(e->basic, e->line, "the basic attribute", 0);
        check_description(&e->d, e->line, 1);
        check_success(&e->success, e->line);
        check_range(e);
        /* The registry's codes hold for every class; a provider's code is of one class. */
        if (e->valid && e->klass == 0 && e->provider)
            diag_error(e->line, "%s is a registry code (class X); it has no provider",
                       e->code_attr);
        if (e->valid && e->klass != 0 && (!e->provider || !*e->provider))
            diag_error(e->line, "%s is not in the registry's form X.S.D; name its provider",
                       e->code_attr);
    }
    for (size_t i = 0; i < codes->enhanced_count; i++) {
        const struct enhanced *e = &codes->enhanced[i];
        if (e->deprecated_by && !find_enhanced(codes, e->deprecated_by))
            diag_error(e->line, "deprecated-by names %s, which is not defined", e->deprecated_by);
    }
    xmlHashFree(seen, NULL);
}

int check_codes(struct codes *codes)
{
    int before = diag_error_count();
    check_parts(&codes->first_digits, "first digit", 9, "2345", "2345", 1);
    check_parts(&codes->second_digits, "second digit", 9, "012345", "012345", 0);
    check_description(&codes->reply_unassigned.d, codes->reply_unassigned.line, 0);
    check_replies(codes);
    check_parts(&codes->classes, "class", 9, "245", "245", 1);
    check_parts(&codes->subjects, "subject", 999, NULL, "01234567", 0);
    check_description(&codes->subject_unassigned.d, codes->subject_unassigned.line, 0);
    check_enhanced_codes(codes);
    check_reasons(codes);
    check_providers(codes);
    return diag_error_count() - before;
}
