/* SPDX-License-Identifier: MIT */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

static const struct part *find_part(const struct part_list *list, int value)
{
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].value == value)
            return &list->items[i];
    return NULL;
}

static const struct enhanced *find_code(const struct codes *codes, const char *code)
{
    for (size_t i = 0; i < codes->enhanced_count; i++)
        if (codes->enhanced[i].valid && strcmp(codes->enhanced[i].code_attr, code) == 0)
            return &codes->enhanced[i];
    return NULL;
}

static int in_registry(const struct registry *registry, const char *code)
{
    for (size_t i = 0; i < registry->count; i++)
        if (registry->records[i].table == TABLE_ENUMERATED &&
            strcmp(registry->records[i].code, code) == 0)
            return 1;
    return 0;
}

/* Every document the registry names must be in ours ("RFC 3463, RFC 7504"). */
static const char *lacking_reference(const char *ours, const char *theirs)
{
    static char lacking[128];
    const char *at = theirs;
    while (*at) {
        size_t n = strcspn(at, ",");
        snprintf(lacking, sizeof lacking, "%.*s", (int)n, at);
        if (!ours || !strstr(ours, lacking))
            return lacking;
        at += n;
        at += strspn(at, ", ");
    }
    return NULL;
}

static void compare_description(const char *codes_name, const struct description *d, long line,
                                const struct registry_record *r, FILE *out, struct drift *drift)
{
    /* A deprecated record without a name is described in our words. */
    if (*r->summary && strcmp(d->summary.value, r->summary) != 0) {
        fprintf(out, "%s:%ld: summary of %s differs from the registry's: \"%s\", registry \"%s\"\n",
                codes_name, d->summary.line ? d->summary.line : line, r->code, d->summary.value,
                r->summary);
        drift->changed++;
    }
    const char *lacking = lacking_reference(d->reference.value, r->references);
    if (lacking) {
        fprintf(out, "%s:%ld: reference of %s does not name %s (registry: %s)\n", codes_name,
                d->reference.line ? d->reference.line : line, r->code, lacking, r->references);
        drift->changed++;
    }
}

static int note_missing(const struct registry_record *r, const char *registry_name, FILE *out,
                        struct drift *drift)
{
    fprintf(out, "%s:%ld: %s \"%s\" (%s) is not in codes.xml\n", registry_name, r->line, r->code,
            r->summary, r->references);
    const struct registry_record **grown =
        realloc(drift->missing_records, (drift->missing + 1) * sizeof *grown);
    if (!grown)
        return -1;
    drift->missing_records = grown;
    drift->missing_records[drift->missing++] = r;
    return 0;
}

int drift_compare(const struct codes *codes, const char *codes_name,
                  const struct registry *registry, const char *registry_name, FILE *out,
                  struct drift *drift)
{
    memset(drift, 0, sizeof *drift);
    for (size_t i = 0; i < registry->count; i++) {
        const struct registry_record *r = &registry->records[i];
        const struct description *d = NULL;
        long line = 0;
        if (r->table == TABLE_ENUMERATED) {
            const struct enhanced *e = find_code(codes, r->code);
            d = e ? &e->d : NULL;
            line = e ? e->line : 0;
        } else {
            /* "2.XXX.YYY" is class 2; "X.3.YYY" is subject 3. */
            int value = atoi(r->code + (r->table == TABLE_CLASS ? 0 : 2));
            const struct part *p =
                find_part(r->table == TABLE_CLASS ? &codes->classes : &codes->subjects, value);
            d = p ? &p->d : NULL;
            line = p ? p->line : 0;
        }
        if (d)
            compare_description(codes_name, d, line, r, out, drift);
        else if (note_missing(r, registry_name, out, drift) != 0)
            return -1;
    }
    for (size_t i = 0; i < codes->enhanced_count; i++) {
        const struct enhanced *e = &codes->enhanced[i];
        if (e->provider) {
            drift->providers++;
        } else if (!in_registry(registry, e->code_attr)) {
            fprintf(out,
                    "%s:%ld: %s is not in the registry (a provider's code says so with "
                    "provider=\"...\")\n",
                    codes_name, e->line, e->code_attr);
            drift->unknown++;
        }
    }
    return 0;
}
