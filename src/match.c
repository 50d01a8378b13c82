/* SPDX-License-Identifier: MIT */
/*
 * The phrase matcher: one table step per byte of the reply, through the automaton
 * the generator compiled from every phrase and marker of codes.xml (see
 * tools/gen/matcher.c). The only work beyond that step is done where a pattern
 * ends, which few bytes are.
 */
#include "match.h"

#include "messages.h"
#include "smtpcodes_tables.h"

#include <stdint.h>
#include <string.h>

/* How many stretches of a multi-line reply (lines less their "550-" prefixes) are kept
 * to find where a phrase began; a phrase spans more only if its lines are nearly empty. */
enum { STRETCHES = 64 };

struct scan {
    const unsigned char *text;
    const struct smtpcodes_reply_parts *parts;
    unsigned class_bit;
    struct smtpcodes_i_match *found;
    unsigned best_rank;  /* the rank of the best phrase so far; 0: none */
    size_t best_end;     /* the byte its last folded byte came from */
    size_t best_stretch; /* the stretch it ended in */
    int best_placed;     /* its span is in found->evidence */
    /* The stretches read so far, [start, end) each, the current one last. */
    size_t starts[STRETCHES];
    size_t ends[STRETCHES];
    size_t stretch;
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

/* Whether PARTS has one of the codes phrase P is restricted to. Out of line: few
 * phrases are, and the loop would cost every pattern end its registers. */
SMTPCODES_I_APART static int among_codes(const struct smtpcodes_tab_pattern *p,
                                         const struct smtpcodes_reply_parts *parts)
{
    for (unsigned i = 0; i < p->code_count; i++)
        if (code_matches(smtpcodes_tab_pattern_codes[p->first_code + i], parts))
            return 1;
    return 0;
}

static int phrase_counts(const struct smtpcodes_tab_pattern *p, const struct scan *s)
{
    return (p->classes & s->class_bit) && (p->code_count == 0 || among_codes(p, s->parts));
}

/* The white space the matcher folds. One comparison settles every byte above ' ',
 * which nearly every byte of a phrase is. */
static int is_space(unsigned char c)
{
    const uint64_t spaces = (UINT64_C(1) << ' ') | (UINT64_C(1) << '\t') | (UINT64_C(1) << '\r') |
                            (UINT64_C(1) << '\n');
    return c <= ' ' && (spaces >> c & 1);
}

/* Whether two bytes in a row of the eight at W may be white space: every byte below
 * '!' is flagged (a borrow may also flag a '!' right after one), so "no" is exact and
 * "yes" only sends the caller the slow way, which is always right. */
static int adjacent_low_bytes(const unsigned char *w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t x;
    memcpy(&x, w, sizeof x);
    uint64_t low = (x - ones * '!') & ~x & highs;
    return (low & (low << 8)) != 0;
}

/* Whether no two bytes in a row of W[0..N) are white space; eight bytes at a time, the
 * blocks overlapping by one so that no pair falls between two. */
static int single_spaced(const unsigned char *w, size_t n)
{
    if (n >= 8) {
        for (size_t i = 0; i + 8 < n; i += 7)
            if (adjacent_low_bytes(w + i))
                return 0;
        return !adjacent_low_bytes(w + n - 8);
    }
    for (size_t i = 1; i < n; i++)
        if (is_space(w[i]) && is_space(w[i - 1]))
            return 0;
    return 1;
}

/* Whether the text read before byte J of stretch K, as the matcher read it, ends in
 * white space; moves J (and K) back to where that run of white space begins. */
static int space_run_before(const struct scan *s, size_t *k, size_t *j)
{
    if (*j > s->starts[*k % STRETCHES]) {
        if (!is_space(s->text[*j - 1]))
            return 0;
        (*j)--;
        return 1;
    }
    /* A stretch's start: the previous one, if kept, goes on before it. */
    if (*k == 0 || s->stretch - *k + 1 >= STRETCHES ||
        !is_space(s->text[s->ends[(*k - 1) % STRETCHES] - 1]))
        return 0;
    (*k)--;
    *j = s->ends[*k % STRETCHES] - 1;
    return 1;
}

/*
 * Where a phrase of FOLDED bytes that ends at byte END begins. The matcher keeps no
 * position per byte (that would cost a store on every byte); the few phrases that win
 * walk back instead, reading each run of white space as one byte, as the table does.
 */
static size_t phrase_start(const struct scan *s, size_t k, size_t end, unsigned folded)
{
    size_t j = end;
    if (!s->parts->multiline) {
        /* One stretch, the whole text. The phrase spans at least its FOLDED bytes, and
         * exactly those when they hold no run of white space (a longer span, which
         * starts with no white space as no phrase does, would fold to more): the
         * usual case, settled in one pass. */
        const unsigned char *p = s->text;
        if (end + 1 >= folded && single_spaced(p + end + 1 - folded, folded))
            return end + 1 - folded;
        for (unsigned left = folded - 1; left > 0 && j > 0; left--) {
            if (is_space(p[--j]))
                while (j > 0 && is_space(p[j - 1]))
                    j--;
        }
        return j;
    }
    for (unsigned left = folded - 1; left > 0; left--) {
        size_t before = j;
        if (!space_run_before(s, &k, &j)) {
            if (j == s->starts[k % STRETCHES])
                break; /* the text begins here (or the stretch kept is the oldest) */
            j--;
        } else {
            while (space_run_before(s, &k, &j))
                ;
        }
        if (j == before)
            break;
    }
    /* Past the oldest stretch kept (a phrase over more than STRETCHES prefixed lines,
     * nearly all empty) the span starts at the first byte in view that is no white
     * space; a walk that found the phrase's start is already there. */
    while (j < end && is_space(s->text[j]))
        j++;
    return j;
}

/* Every pattern that ends at byte END of the text, from pattern FIRST on. A phrase
 * becomes the best if its rank is higher (on a tie the earlier one stays). */
static void patterns_end_here(struct scan *s, unsigned first, size_t end)
{
    for (unsigned k = first; k; k = smtpcodes_tab_patterns[k - 1].next) {
        const struct smtpcodes_tab_pattern *p = &smtpcodes_tab_patterns[k - 1];
        if (p->kind == SMTPCODES_TAB_MARKER) {
            if (s->found->provider < 0)
                s->found->provider = p->target;
        } else if (p->rank > s->best_rank && phrase_counts(p, s)) {
            s->best_rank = p->rank;
            s->found->reason = p->target;
            s->best_end = end;
            s->best_stretch = s->stretch;
            s->best_placed = 0;
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

static unsigned step(unsigned state, unsigned char byte)
{
    return smtpcodes_tab_match_next[smtpcodes_tab_match_column[byte] + state];
}

/* The generator numbers the states where patterns end from a power of two, fewer than
 * it: this bit is set in each of them, and in no state numbered below them, which are
 * the shallow states ordinary text keeps to. An OR of states without it passed no
 * pattern's end; with it, one did, or the text went deep. */
enum { OUTPUT_BIT = SMTPCODES_TAB_MATCH_OUTPUT_START };
_Static_assert((OUTPUT_BIT & (OUTPUT_BIT - 1)) == 0 && SMTPCODES_TAB_MATCH_OUTPUTS <= OUTPUT_BIT,
               "the output states must all have the output bit");

static int is_output(unsigned state)
{
    /* A variable, not the constant: tables with no pattern would make this "< 0". */
    const unsigned outputs = SMTPCODES_TAB_MATCH_OUTPUTS;
    return state - OUTPUT_BIT < outputs;
}

/* Takes the N steps of a group again from STATE, one at a time, and reports the
 * patterns that end at each: the group's OR said some may. Kept out of line, as few
 * groups need it, so that the loop keeps its registers. */
SMTPCODES_I_APART static void report_group(struct scan *s, unsigned state, const unsigned char *p,
                                           int n)
{
    for (int k = 0; k < n; k++) {
        state = step(state, p[k]);
        if (is_output(state)) {
            const struct smtpcodes_tab_match_output *o =
                &smtpcodes_tab_match_outputs[state - OUTPUT_BIT];
            /* Passed over when none of its phrases could beat the best so far and no
             * marker ends there. */
            if (o->top_rank > s->best_rank)
                patterns_end_here(s, o->first, (size_t)(p + k - s->text));
        }
    }
}

/* N steps from STATE (N a constant where this is inlined); *SEEN gets the OR of the
 * states passed through. Each state is OR-ed in before the next step may overwrite
 * its register: SMTPCODES_I_NOW keeps the compiler from putting the OR off, which
 * would cost a copy of the state on every byte. */
static inline unsigned group(unsigned state, const unsigned char *p, int n, unsigned *seen)
{
    unsigned all = 0;
    for (int k = 0; k < n; k++) {
        state = step(state, p[k]);
        all |= state;
        SMTPCODES_I_NOW(all);
    }
    *seen = all;
    return state;
}

/*
 * The matcher's loop: one table step per byte, and one test for eight steps: the OR of
 * their states has the output bit whenever a pattern ended among them (and seldom
 * otherwise). The few groups where it has are read again, step by step.
 */
static inline unsigned read_stretch(struct scan *s, size_t from, size_t to, unsigned state)
{
    const unsigned char *p = s->text + from, *end = s->text + to;
    unsigned seen;
    for (size_t groups = (to - from) / 8; groups; groups--, p += 8) {
        unsigned after = group(state, p, 8, &seen);
        if (seen & OUTPUT_BIT)
            report_group(s, state, p, 8);
        state = after;
    }
    if (end - p >= 4) {
        unsigned after = group(state, p, 4, &seen);
        if (seen & OUTPUT_BIT)
            report_group(s, state, p, 4);
        state = after;
        p += 4;
    }
    for (; p < end; p++) {
        unsigned after = step(state, *p);
        if (after & OUTPUT_BIT)
            report_group(s, state, p, 1);
        state = after;
    }
    return state;
}

/* The span of the best phrase, once: found while its stretch is still kept. */
static void place_evidence(struct scan *s)
{
    if (!s->best_rank || s->best_placed)
        return;
    size_t start =
        phrase_start(s, s->best_stretch, s->best_end, SMTPCODES_TAB_RANK_LENGTH(s->best_rank));
    s->found->evidence = (struct smtpcodes_span){start, s->best_end + 1 - start};
    s->best_placed = 1;
}

static void begin_stretch(struct scan *s, size_t start, size_t end)
{
    s->starts[s->stretch % STRETCHES] = start;
    s->ends[s->stretch % STRETCHES] = end;
}

/* Where the words of a reply that begins with its codes begin: the matcher reads from
 * there, as it reads every continuation line after its "550-" and enhanced code. The
 * codes are the parser's; reading them as words would only cost a step a byte. */
static size_t leading_codes(const struct smtpcodes_reply_parts *parts)
{
    if (!parts->code || parts->code_span.offset != 0)
        return 0;
    size_t after_code = parts->code_span.length;
    if (parts->klass && parts->enhanced_span.offset == after_code + 1)
        return parts->enhanced_span.offset + parts->enhanced_span.length;
    return after_code;
}

void smtpcodes_i_match(const char *text, size_t length, const struct smtpcodes_reply_parts *parts,
                       struct smtpcodes_i_match *found)
{
    *found = (struct smtpcodes_i_match){-1, -1, {0, 0}};
    struct scan s;
    s.text = (const unsigned char *)text;
    s.parts = parts;
    s.class_bit = 1u << reply_class(parts);
    s.found = found;
    s.best_rank = 0;
    s.stretch = 0;
    s.best_placed = 1;
    size_t words = leading_codes(parts);
    if (!parts->multiline) {
        begin_stretch(&s, words, length);
        read_stretch(&s, words, length, 0);
        place_evidence(&s);
        return;
    }
    /* Stretch by stretch, each line's "550-" prefix left out, the automaton's state
     * carried on. A line that starts with no prefix continues the stretch before it. */
    unsigned state = 0;
    size_t start = words;
    for (size_t at = words; at < length;) {
        const unsigned char *newline = memchr(s.text + at, '\n', length - at);
        size_t end = newline ? (size_t)(newline - s.text) + 1 : length;
        size_t prefix = continuation_prefix(s.text + end, length - end, parts->code);
        if (prefix || end == length) {
            begin_stretch(&s, start, end);
            state = read_stretch(&s, start, end, state);
            place_evidence(&s);
            s.stretch++;
            start = end + prefix;
        }
        at = end + prefix;
    }
}
