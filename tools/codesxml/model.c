/* SPDX-License-Identifier: MIT */
#include "model.h"

#include <stdlib.h>

static void description_free(struct description *d)
{
    free(d->summary.value);
    free(d->explanation.value);
    free(d->note.value);
    free(d->reference.value);
}

static void success_free(struct success_wording *s)
{
    free(s->summary.value);
    free(s->explanation.value);
}

static void part_free(struct part *p)
{
    free(p->value_attr);
    description_free(&p->d);
    success_free(&p->success);
}

static void phrases_free(struct phrase *phrases, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(phrases[i].text.value);
        free(phrases[i].classes);
        free(phrases[i].codes);
        free(phrases[i].precedence);
        free(phrases[i].folded);
    }
    free(phrases);
}

static void reasons_free(struct codes *codes)
{
    for (size_t i = 0; i < codes->reason_count; i++) {
        struct reason *r = &codes->reasons[i];
        free(r->id);
        free(r->action_by_attr);
        free(r->retry_attr);
        description_free(&r->d);
        phrases_free(r->phrases, r->phrase_count);
    }
    free(codes->reasons);
    for (size_t i = 0; i < ACTION_BY_COUNT; i++) {
        free(codes->action_by_labels[i].value_attr);
        free(codes->action_by_labels[i].summary.value);
    }
    for (size_t i = 0; i < RETRY_COUNT; i++) {
        free(codes->retry_labels[i].value_attr);
        free(codes->retry_labels[i].summary.value);
    }
}

static void providers_free(struct codes *codes)
{
    for (size_t i = 0; i < codes->provider_count; i++) {
        struct provider *p = &codes->providers[i];
        free(p->id);
        free(p->name);
        phrases_free(p->markers, p->marker_count);
        for (size_t j = 0; j < p->meaning_count; j++) {
            free(p->meanings[j].code_attr);
            free(p->meanings[j].reason);
            description_free(&p->meanings[j].d);
        }
        free(p->meanings);
    }
    free(codes->providers);
}

static void part_list_free(struct part_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        part_free(&list->items[i]);
    free(list->items);
}

void codes_free(struct codes *codes)
{
    part_list_free(&codes->first_digits);
    part_list_free(&codes->second_digits);
    part_free(&codes->reply_unassigned);
    for (size_t i = 0; i < codes->reply_count; i++) {
        struct reply *r = &codes->replies[i];
        for (size_t j = 0; j < r->meaning_count; j++) {
            free(r->meanings[j].standard_text.value);
            free(r->meanings[j].enhanced);
            description_free(&r->meanings[j].d);
        }
        free(r->meanings);
        free(r->code_attr);
        free(r->enhanced);
        free(r->reason);
    }
    free(codes->replies);
    part_list_free(&codes->classes);
    part_list_free(&codes->subjects);
    part_free(&codes->subject_unassigned);
    for (size_t i = 0; i < codes->enhanced_count; i++) {
        struct enhanced *e = &codes->enhanced[i];
        free(e->code_attr);
        free(e->basic);
        free(e->deprecated_by);
        free(e->provider);
        free(e->through_attr);
        free(e->reason);
        description_free(&e->d);
        success_free(&e->success);
    }
    free(codes->enhanced);
    reasons_free(codes);
    providers_free(codes);
}

static const char *const action_by_names[ACTION_BY_COUNT] = {
    "sender", "sender-provider", "recipient", "recipient-provider", "nobody"};
static const char *const retry_names[RETRY_COUNT] = {"yes", "later", "no"};

const char *action_by_name(enum action_by a)
{
    return (unsigned)a < ACTION_BY_COUNT ? action_by_names[a] : "none";
}

const char *retry_name(enum retry r)
{
    return (unsigned)r < RETRY_COUNT ? retry_names[r] : "none";
}

const char *severity_name(enum severity s)
{
    switch (s) {
    case SEVERITY_SUCCESS:
        return "success";
    case SEVERITY_INTERMEDIATE:
        return "intermediate";
    case SEVERITY_TRANSIENT:
        return "transient";
    case SEVERITY_PERMANENT:
        return "permanent";
    case SEVERITY_NONE:
        break;
    }
    return "none";
}
