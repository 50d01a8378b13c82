/* SPDX-License-Identifier: MIT */
/*
 * Compiles phrases and markers into one automaton, written by hand: the runtime needs
 * its tables as plain arrays that cost no relocation and no start-up work, which no
 * regular-expression library emits.
 */
#include "matcher.h"

#include <stdlib.h>
#include <string.h>

static unsigned classes_of(const struct phrase *p, enum pattern_kind kind)
{
    if (kind == PATTERN_MARKER)
        return 1u << 0 | 1u << 2 | 1u << 3 | 1u << 4 | 1u << 5;
    if (p->classes)
        return 1u << (p->classes[0] - '0');
    return 1u << 0 | 1u << 4 | 1u << 5;
}

static int collect_patterns(const struct codes *codes, struct matcher *m)
{
    size_t count = 0;
    for (size_t i = 0; i < codes->reason_count; i++)
        count += codes->reasons[i].phrase_count;
    for (size_t i = 0; i < codes->provider_count; i++)
        count += codes->providers[i].marker_count;
    m->patterns = calloc(count + 1, sizeof *m->patterns);
    if (!m->patterns)
        return -1;
    for (size_t i = 0; i < codes->reason_count; i++)
        for (size_t j = 0; j < codes->reasons[i].phrase_count; j++) {
            const struct phrase *p = &codes->reasons[i].phrases[j];
            m->patterns[m->pattern_count++] = (struct pattern){
                p->folded,           PATTERN_PHRASE, i, classes_of(p, PATTERN_PHRASE),
                p->precedence_value, p->codes,       0};
        }
    for (size_t i = 0; i < codes->provider_count; i++)
        for (size_t j = 0; j < codes->providers[i].marker_count; j++) {
            const struct phrase *p = &codes->providers[i].markers[j];
            m->patterns[m->pattern_count++] = (struct pattern){
                p->folded, PATTERN_MARKER, i, classes_of(p, PATTERN_MARKER), 0, NULL, 0};
        }
    return 0;
}

static unsigned char fold_byte(unsigned char b)
{
    if (b == '\t' || b == '\n' || b == '\r')
        return ' ';
    return b >= 'A' && b <= 'Z' ? (unsigned char)(b - 'A' + 'a') : b;
}

/* Class 0 for bytes no pattern holds; then one class per folded byte that occurs. */
static void assign_classes(struct matcher *m)
{
    int used[256] = {0};
    used[' '] = 1; /* white space always has its class, so that runs of it can be folded */
    for (size_t i = 0; i < m->pattern_count; i++)
        for (const unsigned char *c = (const unsigned char *)m->patterns[i].folded; *c; c++)
            used[*c] = 1;
    uint8_t class_of_folded[256] = {0};
    m->class_count = 1;
    for (int b = 0; b < 256; b++)
        if (used[b])
            class_of_folded[b] = (uint8_t)m->class_count++;
    for (int b = 0; b < 256; b++)
        m->byte_class[b] = class_of_folded[fold_byte((unsigned char)b)];
    m->space_class = class_of_folded[' '];
}

static long add_state(struct matcher *m, size_t *capacity)
{
    if (m->state_count == *capacity) {
        size_t grown = *capacity ? *capacity * 2 : 256;
        uint32_t *next = realloc(m->next, grown * m->class_count * sizeof *next);
        if (!next)
            return -1;
        m->next = next;
        size_t *first = realloc(m->first, grown * sizeof *first);
        if (!first)
            return -1;
        m->first = first;
        *capacity = grown;
    }
    size_t s = m->state_count++;
    /* UINT32_MAX: no edge yet; filled in from the failure links later. */
    memset(&m->next[s * m->class_count], 0xff, m->class_count * sizeof *m->next);
    m->first[s] = 0;
    return (long)s;
}

/* The trie of every pattern; patterns ending in one state are chained in input order. */
static int build_trie(struct matcher *m, size_t **own_last)
{
    size_t capacity = 0;
    if (add_state(m, &capacity) < 0)
        return -1;
    size_t *last = NULL; /* state -> 1 + the last pattern of its own chain */
    size_t last_capacity = 0;
    for (size_t i = 0; i < m->pattern_count; i++) {
        size_t s = 0;
        for (const unsigned char *c = (const unsigned char *)m->patterns[i].folded; *c; c++) {
            uint32_t *edge = &m->next[s * m->class_count + m->byte_class[*c]];
            if (*edge == UINT32_MAX) {
                long added = add_state(m, &capacity);
                if (added < 0) {
                    free(last);
                    return -1;
                }
                edge = &m->next[s * m->class_count + m->byte_class[*c]];
                *edge = (uint32_t)added;
            }
            s = *edge;
        }
        if (last_capacity < m->state_count) {
            size_t grown = capacity;
            size_t *bigger = realloc(last, grown * sizeof *bigger);
            if (!bigger) {
                free(last);
                return -1;
            }
            memset(bigger + last_capacity, 0, (grown - last_capacity) * sizeof *bigger);
            last = bigger;
            last_capacity = grown;
        }
        if (last[s])
            m->patterns[last[s] - 1].next = i + 1;
        else
            m->first[s] = i + 1;
        last[s] = i + 1;
    }
    *own_last = last;
    return 0;
}

/*
 * Breadth first, every state gets its failure link (the longest proper suffix that is
 * also a state), its missing edges from that suffix's, and its chain of patterns
 * continued by the suffix's chain.
 */
static int complete_automaton(struct matcher *m, const size_t *own_last, size_t **bfs_order)
{
    /* The queue, with the start in front, is also the order of the states by depth. */
    size_t *order = malloc(m->state_count * sizeof *order);
    size_t *queue = order ? order + 1 : NULL;
    size_t *fail = calloc(m->state_count, sizeof *fail);
    if (!order || !fail) {
        free(order);
        free(fail);
        return -1;
    }
    order[0] = 0;
    size_t head = 0, tail = 0;
    for (size_t c = 0; c < m->class_count; c++) {
        uint32_t *edge = &m->next[c];
        if (*edge == UINT32_MAX || c == 0)
            *edge = 0;
        else
            queue[tail++] = *edge; /* depth 1: fails to the start */
    }
    while (head < tail) {
        size_t s = queue[head++];
        size_t suffix_first = m->first[fail[s]];
        if (own_last && own_last[s])
            m->patterns[own_last[s] - 1].next = suffix_first;
        else if (!m->first[s])
            m->first[s] = suffix_first;
        for (size_t c = 0; c < m->class_count; c++) {
            uint32_t *edge = &m->next[s * m->class_count + c];
            uint32_t via_suffix = m->next[fail[s] * m->class_count + c];
            if (*edge == UINT32_MAX) {
                *edge = via_suffix;
            } else {
                fail[*edge] = via_suffix;
                queue[tail++] = *edge;
            }
        }
    }
    free(fail);
    *bfs_order = order;
    return 0;
}

/*
 * A run of white space reads as one space: a state whose text ends in a space stays
 * where it is on the next space. (No pattern starts or ends with a space, so such a
 * state has no pattern ending in it, and the start loops to itself already.) This
 * folds white space in the table, not in the runtime's loop.
 */
static void fold_space_runs(struct matcher *m, const unsigned char *last_class)
{
    for (size_t s = 1; s < m->state_count; s++)
        if (last_class[s] == m->space_class)
            m->next[s * m->class_count + (size_t)m->space_class] = (uint32_t)s;
}

/* The class of the byte that leads into each state (0 for the start). */
static unsigned char *last_classes(const struct matcher *m)
{
    unsigned char *last = calloc(m->state_count, 1);
    if (!last)
        return NULL;
    /* Trie edges only: an edge to a deeper state is the one that made it. */
    for (size_t s = 0; s < m->state_count; s++)
        for (size_t c = 1; c < m->class_count; c++) {
            uint32_t t = m->next[s * m->class_count + c];
            if (t != UINT32_MAX && t > s)
                last[t] = (unsigned char)c;
        }
    return last;
}

/* The smallest power of two that is at least N (and at least 1). */
static size_t power_of_two_from(size_t n)
{
    size_t p = 1;
    while (p < n)
        p *= 2;
    return p;
}

/*
 * Where the states in which a pattern ends are numbered: from a power of two, so that
 * the one bit it sets is set in every one of them (they are fewer than it). The states
 * numbered below it never have that bit, and they are the shallowest of the others,
 * the ones ordinary text keeps visiting: the runtime ORs the states of several steps
 * and tests that bit, and looks closer (a second comparison per state) only when a
 * pattern ended or the text went deep. As high as the other states allow, so that few
 * of them, the deepest, are numbered after the outputs; below them only when there are
 * more outputs than other states, and then the numbers up to it belong to no state.
 */
static size_t output_start_for(size_t others, size_t outputs)
{
    size_t start = power_of_two_from(outputs);
    while (start * 2 <= others)
        start *= 2;
    return start;
}

/*
 * Numbers the states: the start and the others by depth up to output_start, then the
 * outputs by depth, then the deepest others. A step is then one look-up, and telling
 * whether a pattern ended one comparison, with no second table per byte.
 */
static int number_output_states(struct matcher *m, const size_t *bfs_order)
{
    size_t outputs = 0;
    for (size_t s = 0; s < m->state_count; s++)
        outputs += m->first[s] != 0;
    size_t others = m->state_count - outputs;
    size_t output_start = output_start_for(others, outputs);
    size_t numbered = (others > output_start ? others : output_start) + outputs;
    size_t *renumbered = malloc(m->state_count * sizeof *renumbered);
    uint32_t *next = calloc(numbered * m->class_count, sizeof *next);
    size_t *first = calloc(numbered, sizeof *first);
    if (!renumbered || !next || !first) {
        free(renumbered);
        free(next);
        free(first);
        return -1;
    }
    size_t other = 0, output = output_start;
    for (size_t i = 0; i < m->state_count; i++) {
        size_t s = bfs_order[i];
        if (m->first[s]) {
            renumbered[s] = output++;
        } else {
            renumbered[s] = other < output_start ? other : other + outputs;
            other++;
        }
    }
    for (size_t s = 0; s < m->state_count; s++) {
        size_t to = renumbered[s];
        first[to] = m->first[s];
        for (size_t c = 0; c < m->class_count; c++)
            next[to * m->class_count + c] = (uint32_t)renumbered[m->next[s * m->class_count + c]];
    }
    free(renumbered);
    free(m->next);
    free(m->first);
    m->next = next;
    m->first = first;
    m->state_count = numbered;
    m->output_start = output_start;
    m->output_count = outputs;
    return 0;
}

int matcher_build(const struct codes *codes, struct matcher *m)
{
    memset(m, 0, sizeof *m);
    size_t *own_last = NULL, *bfs_order = NULL;
    if (collect_patterns(codes, m) != 0)
        return -1;
    assign_classes(m);
    int status = build_trie(m, &own_last);
    unsigned char *last = status == 0 ? last_classes(m) : NULL;
    if (status == 0)
        status = last ? complete_automaton(m, own_last, &bfs_order) : -1;
    if (status == 0) {
        fold_space_runs(m, last);
        status = number_output_states(m, bfs_order);
    }
    free(bfs_order);
    free(last);
    free(own_last);
    return status;
}

void matcher_free(struct matcher *m)
{
    free(m->patterns);
    free(m->next);
    free(m->first);
}
