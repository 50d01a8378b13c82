#include "model.h"

#include <stdlib.h>

static void description_free(struct description *d)
{
    free(d->summary.value);
    free(d->explanation.value);
    free(d->note.value);
    free(d->reference.value);
}

static void part_free(struct part *p)
{
    free(p->value_attr);
    description_free(&p->d);
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
            description_free(&r->meanings[j].d);
        }
        free(r->meanings);
        free(r->code_attr);
        free(r->enhanced);
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
        description_free(&e->d);
    }
    free(codes->enhanced);
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
