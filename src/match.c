/*
 * The phrase matcher: one table step per byte of the reply, through the automaton
 * the generator compiled from every phrase and marker of codes.xml (see
 * tools/gen/matcher.c). The only work beyond that step is done where a pattern
 * ends, which few bytes are.
 */
#include "match.h"

#include "smtpcodes_tables.h"

#include <stdint.h>

/* A power of two above the longest pattern (tools/codesxml/check.h): where each of the
 * last folded bytes stood in the caller's text, to report a phrase's span. */
enum { HISTORY = 128 };

struct scan {
    const struct smtpcodes_reply_parts *parts;
    unsigned class_bit;
    struct smtpcodes_i_match *found;
    int best; /* pattern index of the best phrase so far; -1: none */
    size_t where[HISTORY];
    size_t folded; /* folded bytes fed so far */
};

static int digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int code_matches(uint32_t packed, const struct smtpcodes_reply_parts *parts)
{
    if (packed < 1000)
        return (int)packed == parts->code;
    int klass = (int)(packed / 1000000), subject = (int)(packed / 1000 % 1000);
    int detail = (int)(packed % 1000);
    return parts->klass && (klass == 0 || klass == parts->klass) && subject == parts->subject &&
           detail == parts->detail;
}

static int phrase_counts(const struct smtpcodes_tab_pattern *p, const struct scan *s)
{
    if (!(p->classes & s->class_bit))
        return 0;
    if (p->code_count == 0)
        return 1;
    for (unsigned i = 0; i < p->code_count; i++)
        if (code_matches(smtpcodes_tab_pattern_codes[p->first_code + i], s->parts))
            return 1;
    return 0;
}

/* Higher precedence wins, then the longer phrase; on a tie the earlier one stays. */
static int beats(const struct smtpcodes_tab_pattern *p, int best)
{
    if (best < 0)
        return 1;
    const struct smtpcodes_tab_pattern *b = &smtpcodes_tab_patterns[best];
    return p->precedence != b->precedence ? p->precedence > b->precedence : p->length > b->length;
}

/* Every pattern that ends at byte END of the text, in state STATE. */
static void patterns_end_here(struct scan *s, unsigned first, size_t end)
{
    for (unsigned k = first; k; k = smtpcodes_tab_patterns[k - 1].next) {
        const struct smtpcodes_tab_pattern *p = &smtpcodes_tab_patterns[k - 1];
        if (p->kind == SMTPCODES_TAB_MARKER) {
            if (s->found->provider < 0)
                s->found->provider = p->target;
        } else if (phrase_counts(p, s) && beats(p, s->best)) {
            s->best = (int)(k - 1);
            s->found->reason = p->target;
            size_t start = s->where[(s->folded - p->length) % HISTORY];
            s->found->evidence = (struct smtpcodes_span){start, end + 1 - start};
        }
    }
}

/* After a line end: the length of "550-" or "550 " and an enhanced code that start the
 * next line of a multi-line reply, so that its text reads on as one. */
static size_t continuation_prefix(const unsigned char *p, size_t left, int code)
{
    if (!code || left < 4 || !digit(p[0]) || !digit(p[1]) || !digit(p[2]) ||
        (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0') != code ||
        (p[3] != '-' && p[3] != ' '))
        return 0;
    size_t at = 4;
    /* An enhanced code: a class digit, ".", 1-3 digits, ".", 1-3 digits, then a space. */
    size_t e = at;
    if (e < left && digit(p[e]) && e + 1 < left && p[e + 1] == '.') {
        e += 2;
        for (int part = 0; part < 2; part++) {
            size_t digits = 0;
            while (e < left && digit(p[e]) && digits < 3)
                e++, digits++;
            if (!digits || (part == 0 && (e >= left || p[e++] != '.')))
                return at;
        }
        if (e == left || p[e] == ' ')
            at = e;
    }
    return at;
}

static unsigned reply_class(const struct smtpcodes_reply_parts *parts)
{
    if (parts->code)
        return (unsigned)parts->code / 100;
    return (unsigned)parts->klass; /* 0 when the text holds no code */
}

void smtpcodes_i_match(const char *text, size_t length, const struct smtpcodes_reply_parts *parts,
                       struct smtpcodes_i_match *found)
{
    *found = (struct smtpcodes_i_match){-1, -1, {0, 0}};
    struct scan s;
    s.parts = parts;
    s.class_bit = 1u << reply_class(parts);
    s.found = found;
    s.best = -1;
    s.folded = 0;
    const unsigned char *p = (const unsigned char *)text;
    unsigned state = 0, previous_class = SMTPCODES_TAB_MATCH_SPACE_CLASS;
    for (size_t i = 0; i < length; i++) {
        unsigned c = smtpcodes_tab_match_class[p[i]];
        if (c == SMTPCODES_TAB_MATCH_SPACE_CLASS) {
            if (p[i] == '\n')
                i += continuation_prefix(p + i + 1, length - i - 1, parts->code);
            if (previous_class == SMTPCODES_TAB_MATCH_SPACE_CLASS)
                continue; /* a run of white space is one space */
        }
        previous_class = c;
        s.where[s.folded++ % HISTORY] = i;
        state = smtpcodes_tab_match_next[state][c];
        if (smtpcodes_tab_match_first[state])
            patterns_end_here(&s, smtpcodes_tab_match_first[state], i);
    }
}
