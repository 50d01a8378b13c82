/* SPDX-License-Identifier: MIT */
#include "catalog.h"

#include "diag.h"

#include <libxml/hash.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *format(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

/* Adds one message, or finds the one already there; returns its index or (size_t)-1. */
/* "context\004text", as gettext looks a message up (joined by hand: it is made for
 * every message, and a format would read both strings twice). */
static char *message_key(const char *context, const char *text)
{
    size_t c = strlen(context), t = strlen(text);
    char *key = malloc(c + 1 + t + 1);
    if (key) {
        memcpy(key, context, c);
        key[c] = '\x04';
        memcpy(key + c + 1, text, t + 1);
    }
    return key;
}

static size_t add_message(struct catalog *catalog, char *context, const struct text *text,
                          char *comment)
{
    char *key = context ? message_key(context, text->value) : NULL;
    void *found = key ? xmlHashLookup(catalog->index, (const xmlChar *)key) : NULL;
    if (found || !key || !comment) {
        free(key);
        free(context);
        free(comment);
        return found ? (size_t)(uintptr_t)found - 1 : (size_t)-1;
    }
    if (catalog->count == catalog->capacity) {
        size_t capacity = catalog->capacity ? catalog->capacity * 2 : 256;
        struct message *items = realloc(catalog->items, capacity * sizeof *items);
        if (!items) {
            free(key);
            free(context);
            free(comment);
            return (size_t)-1;
        }
        catalog->items = items;
        catalog->capacity = capacity;
    }
    size_t position = catalog->count++;
    catalog->items[position] = (struct message){context, text->value, comment, text->line};
    /* The hash stores position + 1, so that no stored value is NULL. */
    xmlHashAddEntry(catalog->index, (const xmlChar *)key, (void *)(uintptr_t)(position + 1));
    free(key);
    return position;
}

/* Adds the summary and explanation of D under CONTEXT, described to translators as WHAT. */
static int add_description(struct catalog *catalog, struct description *d, const char *context,
                           const char *what, const char *extra)
{
    const char *reference = d->reference.value;
    const char *note = d->note.value;
    if (!catalog->with_comments) {
        /* The same messages in the same order, without formatting a word of comment. */
        d->summary_message = add_message(catalog, strdup(context), &d->summary, strdup(""));
        d->explanation_message = add_message(catalog, strdup(context), &d->explanation, strdup(""));
        return d->summary_message == (size_t)-1 || d->explanation_message == (size_t)-1 ? -1 : 0;
    }
    char *ref = reference ? format(" (%s)", reference) : format("%s", "");
    if (!ref)
        return -1;
    d->summary_message =
        add_message(catalog, format("%s", context), &d->summary,
                    format("Summary of %s%s.%s%s%s%s", what, ref, extra ? "\n" : "",
                           extra ? extra : "", note ? "\nNote: " : "", note ? note : ""));
    d->explanation_message = add_message(
        catalog, format("%s", context), &d->explanation,
        format("Explanation of %s%s, for a person who is not a mail administrator.%s%s%s%s", what,
               ref, extra ? "\n" : "", extra ? extra : "", note ? "\nNote: " : "",
               note ? note : ""));
    free(ref);
    return d->summary_message == (size_t)-1 || d->explanation_message == (size_t)-1 ? -1 : 0;
}

/* The class-2 wording of an enhanced code or subject, under CONTEXT ", success". */
static int add_success(struct catalog *catalog, struct success_wording *s, const char *context,
                       const char *what)
{
    if (!s->summary.value)
        return 0;
    char *ctx = format("%s, success", context);
    char *summary_comment = catalog->with_comments
                                ? format("Summary of %s when its class is 2: the request "
                                         "succeeded.",
                                         what)
                                : strdup("");
    char *explanation_comment = catalog->with_comments
                                    ? format("Explanation of %s when its class is 2, for a person "
                                             "who is not a mail administrator.",
                                             what)
                                    : strdup("");
    s->summary_message =
        add_message(catalog, ctx ? strdup(ctx) : NULL, &s->summary, summary_comment);
    s->explanation_message = add_message(catalog, ctx, &s->explanation, explanation_comment);
    return s->summary_message == (size_t)-1 || s->explanation_message == (size_t)-1 ? -1 : 0;
}

static int add_parts(struct catalog *catalog, struct part_list *list, const char *context_fmt,
                     const char *what_fmt)
{
    for (size_t i = 0; i < list->count; i++) {
        struct part *p = &list->items[i];
        char context[64], what[128];
        snprintf(context, sizeof context, context_fmt, p->value, p->value);
        snprintf(what, sizeof what, what_fmt, p->value, p->value);
        if (add_description(catalog, &p->d, context, what, NULL) != 0 ||
            add_success(catalog, &p->success, context, what) != 0)
            return -1;
    }
    return 0;
}

/* The first meaning of a reply is "550"; a further one names its document: "550, RFC 1870". */
static char *meaning_context(const struct reply *r, size_t index)
{
    if (index == 0)
        return format("%d", r->code);
    const char *reference = r->meanings[index].d.reference.value;
    size_t length = strcspn(reference, ",");
    return format("%d, %.*s", r->code, (int)length, reference);
}

static int add_replies(struct catalog *catalog, struct codes *codes)
{
    for (size_t i = 0; i < codes->reply_count; i++) {
        struct reply *r = &codes->replies[i];
        for (size_t j = 0; j < r->meaning_count; j++) {
            struct meaning *m = &r->meanings[j];
            char *context = meaning_context(r, j);
            char *what = format("reply code %d", r->code);
            char *extra =
                m->standard_text.value
                    ? format("Standard reply text (not translated): %s", m->standard_text.value)
                    : NULL;
            int status =
                context && what ? add_description(catalog, &m->d, context, what, extra) : -1;
            free(context);
            free(what);
            free(extra);
            if (status != 0)
                return -1;
        }
    }
    return 0;
}

static int add_enhanced_codes(struct catalog *catalog, struct codes *codes)
{
    for (size_t i = 0; i < codes->enhanced_count; i++) {
        struct enhanced *e = &codes->enhanced[i];
        char *what = format("enhanced status code %s", e->code_attr);
        char *extra = format("%s%s%s%s%s",
                             e->provider ? "Not registered with IANA: a code of one provider's."
                             : e->deprecated_by ? "The summary describes this deprecated code."
                                                : "The summary is the registered name of the code.",
                             e->basic ? "\nUsually sent with reply codes: " : "",
                             e->basic ? e->basic : "", e->deprecated_by ? "\nDeprecated; use " : "",
                             e->deprecated_by ? e->deprecated_by : "");
        int status =
            what && extra ? add_description(catalog, &e->d, e->code_attr, what, extra) : -1;
        if (status == 0)
            status = add_success(catalog, &e->success, e->code_attr, what);
        free(what);
        free(extra);
        if (status != 0)
            return -1;
    }
    return 0;
}

/* "Who can fix it" and "does retrying help", one short label per value. */
static int add_labels(struct catalog *catalog, struct value_label *labels, size_t count,
                      const char *kind, const char *(*name_of)(size_t), const char *comment)
{
    for (size_t i = 0; i < count; i++) {
        struct value_label *l = &labels[i];
        if (!l->summary.value)
            continue;
        l->summary_message =
            add_message(catalog, format("%s %s", kind, name_of(i)), &l->summary,
                        catalog->with_comments ? format(comment, name_of(i)) : strdup(""));
        if (l->summary_message == (size_t)-1)
            return -1;
    }
    return 0;
}

static const char *action_by_of(size_t i)
{
    return action_by_name((enum action_by)i);
}

static const char *retry_of(size_t i)
{
    return retry_name((enum retry)i);
}

static int add_reasons(struct catalog *catalog, struct codes *codes)
{
    if (add_labels(catalog, codes->action_by_labels, ACTION_BY_COUNT, "action-by", action_by_of,
                   "Who can fix a failed delivery: %s. Shown after a label such as \"Who can "
                   "fix it\".") != 0 ||
        add_labels(catalog, codes->retry_labels, RETRY_COUNT, "retry", retry_of,
                   "Whether sending again helps: %s. Shown after a label such as \"Retry\".") != 0)
        return -1;
    for (size_t i = 0; i < codes->reason_count; i++) {
        struct reason *r = &codes->reasons[i];
        char *context = format("reason %s", r->id);
        char *what = format("the cause \"%s\" of a failed delivery", r->id);
        char *extra = format("Who can fix it: %s. Does sending again help: %s.",
                             action_by_name(r->action_by), retry_name(r->retry));
        int status =
            context && what && extra ? add_description(catalog, &r->d, context, what, extra) : -1;
        free(context);
        free(what);
        free(extra);
        if (status != 0)
            return -1;
    }
    return 0;
}

static int add_providers(struct catalog *catalog, struct codes *codes)
{
    for (size_t i = 0; i < codes->provider_count; i++) {
        struct provider *p = &codes->providers[i];
        for (size_t j = 0; j < p->meaning_count; j++) {
            struct provider_meaning *m = &p->meanings[j];
            char *context = format("%s %s", p->name, m->code_attr);
            char *what = format("code %s as %s uses it", m->code_attr, p->name);
            int status =
                context && what ? add_description(catalog, &m->d, context, what, NULL) : -1;
            free(context);
            free(what);
            if (status != 0)
                return -1;
        }
    }
    return 0;
}

int catalog_build(struct codes *codes, struct catalog *catalog, int with_comments)
{
    memset(catalog, 0, sizeof *catalog);
    catalog->with_comments = with_comments;
    /* Sized for every message at once: libxml2's tables grow too late for 100 000 codes. */
    size_t expected = 2 * (codes->reply_count * 4 + codes->enhanced_count + 64);
    catalog->index = xmlHashCreate(expected > INT32_MAX ? INT32_MAX : (int)expected);
    int status = catalog->index ? 0 : -1;
    static const struct text language = {"en", 0};
    if (status == 0 &&
        add_message(catalog, format("%s", CATALOG_LANGUAGE_CONTEXT), &language,
                    format("The code of the language of this translation, exactly as in the "
                           "header's Language field (for example de or pt_BR). The library "
                           "reports it as the language of its answers.")) !=
            CATALOG_LANGUAGE_MESSAGE)
        status = -1;
    if (status == 0)
        status = add_parts(catalog, &codes->first_digits, "reply %dyz",
                           "reply codes that begin with %d");
    if (status == 0)
        status = add_parts(catalog, &codes->second_digits, "reply x%dz",
                           "the reply category x%dz (second digit %d)");
    if (status == 0)
        status = add_description(catalog, &codes->reply_unassigned.d, "reply category unassigned",
                                 "reply codes whose second digit no document assigns", NULL);
    if (status == 0)
        status = add_replies(catalog, codes);
    if (status == 0)
        status = add_parts(catalog, &codes->classes, "class %d.XXX.YYY",
                           "the enhanced status class %d.XXX.YYY");
    if (status == 0)
        status = add_parts(catalog, &codes->subjects, "subject X.%d.YYY",
                           "the enhanced status subject X.%d.YYY");
    if (status == 0)
        status = add_description(catalog, &codes->subject_unassigned.d, "subject unassigned",
                                 "enhanced status subjects that nobody assigns", NULL);
    if (status == 0)
        status = add_enhanced_codes(catalog, codes);
    if (status == 0)
        status = add_reasons(catalog, codes);
    if (status == 0)
        status = add_providers(catalog, codes);
    if (status != 0)
        diag_fatal("out of memory");
    return status;
}

void catalog_free(struct catalog *catalog)
{
    for (size_t i = 0; i < catalog->count; i++) {
        free(catalog->items[i].context);
        free(catalog->items[i].comment);
    }
    free(catalog->items);
    xmlHashFree(catalog->index, NULL);
}

size_t catalog_find(const struct catalog *catalog, const char *context, const char *text)
{
    char *key = format("%s\x04%s", context, text);
    void *found = key ? xmlHashLookup(catalog->index, (const xmlChar *)key) : NULL;
    free(key);
    return found ? (size_t)(uintptr_t)found - 1 : (size_t)-1;
}
