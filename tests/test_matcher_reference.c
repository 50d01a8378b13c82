/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes_diagnose() held to a plain reference: every phrase and marker of codes.xml,
 * read here with libxml2, looked for by brute force in the folded text of one-line
 * replies. The generated automaton, its eight steps to a test and the chains it passes
 * over must find what this search finds: the provider (the first marker to occur), and
 * unless the provider's meaning decided, whether a phrase decided, which reason, and the
 * words it spans.
 *
 * Texts: the one-line replies of tests/data/corpus/ and tests/data/reasons/, then texts
 * a fixed-seed generator makes of phrases, markers, cuts of phrases, words and bytes,
 * re-cased and re-spaced, at every offset. The reply's codes come from the diagnosis's
 * own parts, so that the parser is not written twice.
 */
#include "smtpcodes.h"

#include "run.h"
#include "tsv.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char corpus_path[] = SMTPCODES_TEST_DATA_DIR "/corpus/replies.tsv";
static const char fixtures_path[] = SMTPCODES_TEST_DATA_DIR "/reasons/fixtures.tsv";

enum { MAX_CODES = 16, MAX_FIELDS = 32, MAX_TEXT = 16384, GENERATED = 20000 };

/* One entry of a phrase's codes="...": a reply code, or an enhanced code (klass 0: X). */
struct code_filter {
    int reply;
    int klass, subject, detail;
};

struct pattern {
    char *folded;
    size_t length;
    int marker;  /* 1: a provider's marker; 0: a reason's phrase */
    char *owner; /* the reason's id, or the provider's name */
    int klass;   /* class="N"; 0 when the phrase has none */
    int precedence;
    struct code_filter codes[MAX_CODES];
    int code_count; /* 0: no codes="..." */
};

struct reference {
    struct pattern *patterns;
    size_t count;
    size_t phrases; /* the phrases come first, then the markers */
    /* Pattern numbers by first folded byte, in the order of codes.xml within each. */
    size_t *by_first;
    size_t bucket[257];
};

static struct reference ref;

static int is_white(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* A phrase as codes.xml means it: ASCII lower case, runs of white space one space, none
 * at either end. */
static char *fold_phrase(const char *text)
{
    char *out = malloc(strlen(text) + 1);
    assert_non_null(out);
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (!is_white(*c))
            out[n++] = (char)lower(*c);
        else if (n && out[n - 1] != ' ')
            out[n++] = ' ';
    }
    if (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    return out;
}

static struct code_filter parse_filter(const char *token)
{
    struct code_filter f = {0, 0, 0, 0};
    if (!strchr(token, '.')) {
        f.reply = atoi(token);
        assert_true(f.reply >= 200 && f.reply <= 599);
        return f;
    }
    char klass;
    assert_int_equal(sscanf(token, "%c.%d.%d", &klass, &f.subject, &f.detail), 3);
    f.klass = klass == 'X' || klass == 'x' ? 0 : klass - '0';
    return f;
}

static char *attribute(xmlNodePtr node, const char *name)
{
    xmlChar *value = xmlGetProp(node, (const xmlChar *)name);
    if (!value)
        return NULL;
    char *copy = strdup((const char *)value);
    xmlFree(value);
    assert_non_null(copy);
    return copy;
}

static void add_pattern(xmlNodePtr node, int marker)
{
    struct pattern *p = &ref.patterns[ref.count++];
    memset(p, 0, sizeof *p);
    xmlChar *content = xmlNodeGetContent(node);
    assert_non_null(content);
    p->folded = fold_phrase((const char *)content);
    xmlFree(content);
    p->length = strlen(p->folded);
    assert_true(p->length > 0);
    p->marker = marker;
    p->owner = attribute(node->parent, marker ? "name" : "id");
    assert_non_null(p->owner);
    if (marker)
        return;
    char *klass = attribute(node, "class");
    if (klass)
        p->klass = atoi(klass);
    free(klass);
    char *precedence = attribute(node, "precedence");
    if (precedence)
        p->precedence = atoi(precedence);
    free(precedence);
    char *codes = attribute(node, "codes");
    char *save = NULL;
    for (char *tok = codes ? strtok_r(codes, " \t\n", &save) : NULL; tok;
         tok = strtok_r(NULL, " \t\n", &save)) {
        assert_true(p->code_count < MAX_CODES);
        p->codes[p->code_count++] = parse_filter(tok);
    }
    free(codes);
}

static xmlXPathObjectPtr select_nodes(xmlXPathContextPtr context, const char *xpath)
{
    xmlXPathObjectPtr found = xmlXPathEvalExpression((const xmlChar *)xpath, context);
    assert_non_null(found);
    assert_non_null(found->nodesetval);
    return found;
}

static void index_by_first_byte(void)
{
    ref.by_first = malloc(ref.count * sizeof *ref.by_first);
    assert_non_null(ref.by_first);
    size_t at = 0;
    for (int b = 0; b < 256; b++) {
        ref.bucket[b] = at;
        for (size_t i = 0; i < ref.count; i++)
            if ((unsigned char)ref.patterns[i].folded[0] == b)
                ref.by_first[at++] = i;
    }
    ref.bucket[256] = at;
    assert_int_equal(at, ref.count);
}

/* Then the marker that ends first is also the one that starts first: "the first to occur"
 * means one thing. */
static void assert_no_marker_inside_another(void)
{
    for (size_t i = ref.phrases; i < ref.count; i++)
        for (size_t j = ref.phrases; j < ref.count; j++)
            if (i != j && strcmp(ref.patterns[i].owner, ref.patterns[j].owner) != 0 &&
                strstr(ref.patterns[i].folded, ref.patterns[j].folded))
                fail_msg("marker '%s' of %s holds '%s' of %s", ref.patterns[i].folded,
                         ref.patterns[i].owner, ref.patterns[j].folded, ref.patterns[j].owner);
}

static void read_codes_xml(void)
{
    xmlDocPtr doc = xmlReadFile(SMTPCODES_CODES_XML, NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr context = xmlXPathNewContext(doc);
    assert_non_null(context);
    xmlXPathObjectPtr phrases = select_nodes(context, "/*/reasons/reason/phrase");
    xmlXPathObjectPtr markers = select_nodes(context, "/*/providers/provider/marker");
    size_t total = (size_t)phrases->nodesetval->nodeNr + (size_t)markers->nodesetval->nodeNr;
    ref.patterns = calloc(total, sizeof *ref.patterns);
    assert_non_null(ref.patterns);
    for (int i = 0; i < phrases->nodesetval->nodeNr; i++)
        add_pattern(phrases->nodesetval->nodeTab[i], 0);
    ref.phrases = ref.count;
    for (int i = 0; i < markers->nodesetval->nodeNr; i++)
        add_pattern(markers->nodesetval->nodeTab[i], 1);
    xmlXPathFreeObject(phrases);
    xmlXPathFreeObject(markers);
    xmlXPathFreeContext(context);
    xmlFreeDoc(doc);
    /* Hundreds of phrases and dozens of markers: the file was read, not an empty part. */
    assert_true(ref.phrases >= 100);
    assert_true(ref.count - ref.phrases >= 10);
    index_by_first_byte();
    assert_no_marker_inside_another();
}

/* The class a phrase's class="N" is compared with: the reply code's first digit, else
 * the enhanced code's class; 0 when the text has no code. */
static int reply_class(const struct smtpcodes_reply_parts *parts)
{
    return parts->code ? parts->code / 100 : parts->klass;
}

static int filter_matches(const struct code_filter *f, const struct smtpcodes_reply_parts *parts)
{
    if (f->reply)
        return f->reply == parts->code;
    return parts->klass && (f->klass == 0 || f->klass == parts->klass) &&
           f->subject == parts->subject && f->detail == parts->detail;
}

static int phrase_counts(const struct pattern *p, const struct smtpcodes_reply_parts *parts)
{
    int klass = reply_class(parts);
    if (p->klass ? klass != p->klass : !(klass == 0 || klass == 4 || klass == 5))
        return 0;
    if (!p->code_count)
        return 1;
    for (int i = 0; i < p->code_count; i++)
        if (filter_matches(&p->codes[i], parts))
            return 1;
    return 0;
}

/* Where the words of a reply that starts with its codes start: those codes are not
 * read as words (as src/match.c's leading_codes() decides). */
static size_t words_start(const struct smtpcodes_reply_parts *parts)
{
    if (!parts->code || parts->code_span.offset != 0)
        return 0;
    size_t after_code = parts->code_span.length;
    if (parts->klass && parts->enhanced_span.offset == after_code + 1)
        return parts->enhanced_span.offset + parts->enhanced_span.length;
    return after_code;
}

/* A text folded as phrases are, with the text's byte each folded byte came from. */
struct folded {
    unsigned char bytes[MAX_TEXT];
    size_t origin[MAX_TEXT];
    size_t length;
};

static void fold_text(const char *text, size_t from, size_t to, struct folded *f)
{
    f->length = 0;
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)text[i];
        if (is_white(c)) {
            if (f->length && f->bytes[f->length - 1] == ' ')
                continue;
            c = ' ';
        }
        f->origin[f->length] = i;
        f->bytes[f->length++] = lower(c);
    }
}

struct answer {
    const struct pattern *phrase; /* the best phrase that counts; NULL: none */
    size_t phrase_start, phrase_end;
    const struct pattern *marker; /* the first marker to occur; NULL: none */
    size_t marker_end;
};

/* Whether phrase P, whose last folded byte is at END, beats the best so far: higher
 * precedence, then longer, then ending first; a tie keeps the one found first, the
 * first in codes.xml. */
static int beats(const struct pattern *p, size_t end, const struct answer *a)
{
    const struct pattern *b = a->phrase;
    if (!b)
        return 1;
    if (p->precedence != b->precedence)
        return p->precedence > b->precedence;
    if (p->length != b->length)
        return p->length > b->length;
    return end < a->phrase_end;
}

/* The first marker is the one that ends first, the longer of two that end together
 * (no marker of one provider lies inside another's, so this is also the one that
 * starts first). */
static int earlier_marker(const struct pattern *p, size_t end, const struct answer *a)
{
    if (!a->marker)
        return 1;
    return end < a->marker_end || (end == a->marker_end && p->length > a->marker->length);
}

static void search(const struct folded *f, const struct smtpcodes_reply_parts *parts,
                   struct answer *a)
{
    memset(a, 0, sizeof *a);
    for (size_t at = 0; at < f->length; at++) {
        unsigned char first = f->bytes[at];
        for (size_t k = ref.bucket[first]; k < ref.bucket[first + 1]; k++) {
            const struct pattern *p = &ref.patterns[ref.by_first[k]];
            if (p->length > f->length - at || memcmp(f->bytes + at, p->folded, p->length) != 0)
                continue;
            size_t end = at + p->length - 1;
            if (p->marker) {
                if (earlier_marker(p, end, a)) {
                    a->marker = p;
                    a->marker_end = end;
                }
            } else if (phrase_counts(p, parts) && beats(p, end, a)) {
                a->phrase = p;
                a->phrase_start = at;
                a->phrase_end = end;
            }
        }
    }
}

struct tally {
    int texts;
    int phrase_decisions;
    int restricted;       /* ... by a phrase with class="N" or codes="..." */
    int respaced;         /* ... whose evidence holds a run of white space */
    int multiline;        /* ... in a one-line text the parser calls multi-line ("550-") */
    int ends_in_group[8]; /* ... by where the phrase ends in the matcher's eight-byte groups */
    int provider_decisions;
    int providers;
    int skipped; /* corpus and fixture replies of several lines */
};

static void print_escaped(const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\\')
            fputs("\\\\", stdout);
        else if (c >= 0x20 && c < 0x7f)
            putchar(c);
        else
            printf("\\x%02x", c);
    }
}

static const char *decided_by_name(smtpcodes_decided_by by)
{
    static const char *const names[] = {"nothing", "provider", "phrase", "code", "success"};
    return (unsigned)by < sizeof names / sizeof *names ? names[by] : "?";
}

static void mismatch(const char *what, const char *text, size_t length,
                     const struct smtpcodes_diagnosis *d, const struct folded *f,
                     const struct answer *a)
{
    printf("mismatch (%s) on a text of %zu bytes:\n  \"", what, length);
    print_escaped(text, length);
    printf("\"\n  reference: provider \"%s\"", a->marker ? a->marker->owner : "");
    if (a->phrase)
        printf(", phrase \"%s\" (%s, precedence %d) at bytes %zu..%zu\n", a->phrase->folded,
               a->phrase->owner, a->phrase->precedence, f->origin[a->phrase_start],
               f->origin[a->phrase_end]);
    else
        printf(", no phrase\n");
    printf("  smtpcodes_diagnose: provider \"%s\", reason %s decided by %s, evidence %zu+%zu \"",
           d->provider, d->reason, decided_by_name(d->decided_by), d->evidence.offset,
           d->evidence.length);
    if (d->evidence.offset <= length && d->evidence.length <= length - d->evidence.offset)
        print_escaped(text + d->evidence.offset, d->evidence.length);
    printf("\"\n  codes: %d %d.%d.%d, code at %zu, enhanced at %zu, multiline %d\n", d->parts.code,
           d->parts.klass, d->parts.subject, d->parts.detail, d->parts.code_span.offset,
           d->parts.enhanced_span.offset, d->parts.multiline);
    fail_msg("the matcher and the reference disagree: %s", what);
}

/* Whether the evidence folds to exactly the phrase and ends where it does. */
static int evidence_is_phrase(const char *text, size_t length, const struct smtpcodes_span *e,
                              const struct folded *f, const struct answer *a)
{
    if (e->offset > length || e->length > length - e->offset || !e->length)
        return 0;
    if (e->offset + e->length - 1 != f->origin[a->phrase_end])
        return 0;
    static struct folded span;
    fold_text(text, e->offset, e->offset + e->length, &span);
    return span.length == a->phrase->length &&
           memcmp(span.bytes, a->phrase->folded, span.length) == 0;
}

static void compare(const char *text, size_t length, struct tally *t)
{
    assert_true(length < MAX_TEXT);
    assert_null(memchr(text, '\n', length));
    struct smtpcodes_diagnosis d;
    int status = smtpcodes_diagnose(text, length, "en", &d);
    assert_true(status == SMTPCODES_OK || status == SMTPCODES_NOT_FOUND);
    static struct folded f;
    fold_text(text, words_start(&d.parts), length, &f);
    struct answer a;
    search(&f, &d.parts, &a);
    t->texts++;
    if (strcmp(d.provider, a.marker ? a.marker->owner : "") != 0)
        mismatch("provider", text, length, &d, &f, &a);
    t->providers += a.marker != NULL;
    if (d.decided_by == SMTPCODES_DECIDED_BY_PROVIDER) {
        t->provider_decisions++;
        return;
    }
    if ((d.decided_by == SMTPCODES_DECIDED_BY_PHRASE) != (a.phrase != NULL))
        mismatch("whether a phrase decided", text, length, &d, &f, &a);
    if (!a.phrase)
        return;
    t->phrase_decisions++;
    if (strcmp(d.reason, a.phrase->owner) != 0)
        mismatch("reason", text, length, &d, &f, &a);
    if (!evidence_is_phrase(text, length, &d.evidence, &f, &a))
        mismatch("evidence", text, length, &d, &f, &a);
    t->restricted += a.phrase->klass || a.phrase->code_count;
    t->respaced += d.evidence.length != a.phrase->length;
    t->multiline += d.parts.multiline;
    t->ends_in_group[(f.origin[a.phrase_end] - words_start(&d.parts)) % 8]++;
}

/* Every one-line text of column COLUMN of a data file (escaped, header first). */
static void compare_column(const char *path, int column, struct tally *t)
{
    char *data = read_whole_file(path, NULL);
    assert_non_null(data);
    char *save = NULL;
    strtok_r(data, "\n", &save);
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[MAX_FIELDS] = {0};
        if (tsv_split(line, f, MAX_FIELDS) <= column)
            fail_msg("%s: a row with too few fields: %.80s", path, line);
        size_t length = tsv_unescape(f[column]);
        if (memchr(f[column], '\n', length)) {
            t->skipped++;
            continue;
        }
        compare(f[column], length, t);
    }
    free(data);
}

/* A fixed-seed generator (splitmix64): the same texts on every run. */
static uint64_t seed;

static uint64_t next_random(void)
{
    uint64_t z = (seed += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static size_t below(size_t n)
{
    return (size_t)(next_random() % n);
}

struct text {
    char bytes[MAX_TEXT];
    size_t length;
};

static void put(struct text *t, const char *bytes, size_t n)
{
    if (n > MAX_TEXT - 1 - t->length)
        n = MAX_TEXT - 1 - t->length;
    memcpy(t->bytes + t->length, bytes, n);
    t->length += n;
}

static void put_byte(struct text *t, unsigned char c)
{
    put(t, (const char *)&c, 1);
}

static unsigned char recase(unsigned char c, int mode)
{
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        return c;
    int upper = mode == 1 || (mode == 2 && below(2));
    return upper ? (unsigned char)(c & ~0x20) : (unsigned char)(c | 0x20);
}

/* FOLDED[from, to) as a server might write it: in other case, each space a run of one
 * to three spaces, tabs and CRs. */
static void put_pattern_bytes(struct text *t, const char *folded, size_t from, size_t to)
{
    static const char white[] = " \t\r";
    int mode = (int)below(4); /* as is, upper, mixed, as is */
    for (size_t i = from; i < to; i++) {
        if (folded[i] == ' ') {
            for (size_t n = 1 + below(3); n; n--)
                put_byte(t, (unsigned char)white[below(3)]);
        } else {
            put_byte(t, recase((unsigned char)folded[i], mode));
        }
    }
}

static const struct pattern *any_phrase(void)
{
    return &ref.patterns[below(ref.phrases)];
}

static const struct pattern *any_marker(void)
{
    return &ref.patterns[ref.phrases + below(ref.count - ref.phrases)];
}

/* Words of bounce text, one after each '|'. */
static const char vocabulary[] =
    "|the|user|mailbox|unknown|address|rejected|spam|blocked|policy|host|said:|smtp;|550|5.1.1"
    "|4.7.1|(#5.1.1)|<a@b.example>|mx.example.com[192.0.2.1]|for|is|not|full|quota|denied"
    "|relay|domain|try|again|later|message|content|\xc3\xa9|\xe2\x80\xa6|\"|'|-|X|in|of";

static void put_vocabulary_word(struct text *t)
{
    size_t at = below(sizeof vocabulary - 1);
    while (vocabulary[at] != '|')
        at--;
    at++;
    put(t, vocabulary + at, strcspn(vocabulary + at, "|"));
}

/* A few words: from the vocabulary, or from a phrase, so that near misses abound. */
static void put_words(struct text *t)
{
    size_t count = below(8) ? 1 + below(6) : 1 + below(400);
    for (size_t i = 0; i < count; i++) {
        if (i)
            put_byte(t, below(6) ? ' ' : '\t');
        if (below(3)) {
            put_vocabulary_word(t);
            continue;
        }
        const struct pattern *p = any_phrase();
        size_t start = below(p->length), end = start;
        while (start > 0 && p->folded[start - 1] != ' ')
            start--;
        while (end < p->length && p->folded[end] != ' ')
            end++;
        put_pattern_bytes(t, p->folded, start, end);
    }
}

/* Bytes of any value but a line feed, mostly letters and white space. */
static void put_bytes(struct text *t)
{
    size_t count = below(4) ? below(24) : below(3000);
    for (size_t i = 0; i < count; i++) {
        switch (below(4)) {
        case 0:
            put_byte(t, (unsigned char)" \t\r "[below(4)]);
            break;
        case 1: {
            unsigned char c = (unsigned char)below(256);
            put_byte(t, c == '\n' ? ' ' : c);
            break;
        }
        default:
            put_byte(t, (unsigned char)('a' + below(26)));
        }
    }
}

static void put_piece(struct text *t)
{
    const struct pattern *p;
    switch (below(8)) {
    case 0:
    case 1:
    case 2:
        p = any_phrase();
        put_pattern_bytes(t, p->folded, 0, p->length);
        break;
    case 3:
        p = any_marker();
        put_pattern_bytes(t, p->folded, 0, p->length);
        break;
    case 4: /* a phrase cut short */
        p = any_phrase();
        put_pattern_bytes(t, p->folded, 0, 1 + below(p->length - 1));
        break;
    case 5: /* a phrase whose start is missing */
        p = any_phrase();
        put_pattern_bytes(t, p->folded, 1 + below(p->length - 1), p->length);
        break;
    case 6:
        put_words(t);
        break;
    default:
        put_bytes(t);
    }
}

static void put_separator(struct text *t)
{
    static const char *const separators[] = {"",  " ", "  ", " \t ", ", ", ": ", "; ",
                                             ".", "-", "\r", "'",    "(",  ") ", " \r\t"};
    if (below(8) == 0) {
        unsigned char c = (unsigned char)below(256);
        put_byte(t, c == '\n' ? '\t' : c);
        return;
    }
    const char *s = separators[below(sizeof separators / sizeof *separators)];
    put(t, s, strlen(s));
}

/* A reply code and enhanced code for a phrase restricted by codes="...": one of its own
 * (so that the restriction is met), or a neighbour's (so that it is not). */
static const struct pattern *put_restricted_codes(struct text *t)
{
    const struct pattern *p;
    do
        p = any_phrase();
    while (!p->code_count);
    const struct code_filter *f = &p->codes[below((size_t)p->code_count)];
    int klass = 4 + (int)below(2);
    char codes[32];
    if (f->reply)
        snprintf(codes, sizeof codes, "%d %d.%d.%d ", f->reply, f->reply / 100, (int)below(8),
                 (int)below(4));
    else
        snprintf(codes, sizeof codes, "%d%s%d.%d.%d ", klass * 100 + (int)below(60),
                 below(4) ? " " : "-", f->klass ? f->klass : klass, f->subject,
                 f->detail + (below(4) == 0));
    put(t, codes, strlen(codes));
    return p;
}

/* The codes the text starts with; the phrase they were chosen for, if any. */
static const struct pattern *put_prefix(struct text *t)
{
    static const char *const prefixes[] = {"",           "550 ",       "550 5.7.1 ",
                                           "451 4.7.1 ", "250 2.0.0 ", "5.1.1 ",
                                           "550-5.1.1 ", "554 ",       "smtp; 550 5.1.1 "};
    if (below(4) == 0)
        return put_restricted_codes(t);
    const char *prefix = prefixes[below(sizeof prefixes / sizeof *prefixes)];
    put(t, prefix, strlen(prefix));
    return NULL;
}

static void generate(struct text *t)
{
    t->length = 0;
    const struct pattern *restricted = put_prefix(t);
    size_t pieces = 1 + below(6), own = below(pieces);
    for (size_t n = 0; n < pieces; n++) {
        if (restricted && n == own)
            put_pattern_bytes(t, restricted->folded, 0, restricted->length);
        else
            put_piece(t);
        if (n + 1 < pieces)
            put_separator(t);
    }
}

static int setup(void **state)
{
    (void)state;
    read_codes_xml();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < ref.count; i++) {
        free(ref.patterns[i].folded);
        free(ref.patterns[i].owner);
    }
    free(ref.patterns);
    free(ref.by_first);
    xmlCleanupParser();
    return 0;
}

static void print_tally(const char *what, const struct tally *t)
{
    printf("%s: %d texts compared, %d decided by a phrase, %d by a provider's meaning, %d with "
           "a provider; %d of several lines left out\n",
           what, t->texts, t->phrase_decisions, t->provider_decisions, t->providers, t->skipped);
    printf("%s: of the phrase decisions, %d by a phrase with class or codes, %d with white "
           "space refolded, %d in a \"550-\" reply; by where they end in eight bytes:",
           what, t->restricted, t->respaced, t->multiline);
    for (int i = 0; i < 8; i++)
        printf(" %d", t->ends_in_group[i]);
    printf("\n");
}

static void data_files_agree(void **state)
{
    (void)state;
    struct tally corpus = {0}, fixtures = {0};
    compare_column(corpus_path, 1, &corpus);
    compare_column(fixtures_path, 2, &fixtures);
    print_tally("corpus", &corpus);
    print_tally("fixtures", &fixtures);
    assert_true(corpus.texts >= 1000 && corpus.phrase_decisions >= 500);
    assert_true(fixtures.texts >= 500 && fixtures.phrase_decisions >= 300);
}

static void generated_texts_agree(void **state)
{
    (void)state;
    static struct text t;
    struct tally tally = {0};
    seed = UINT64_C(20261206);
    size_t longest = 0;
    for (int i = 0; i < GENERATED; i++) {
        generate(&t);
        compare(t.bytes, t.length, &tally);
        if (t.length > longest)
            longest = t.length;
    }
    print_tally("generated", &tally);
    printf("generated: the longest text has %zu bytes\n", longest);
    assert_int_equal(tally.texts, GENERATED);
    assert_true(tally.phrase_decisions >= 10000);
    assert_true(tally.providers >= 2000);
    assert_true(tally.restricted >= 500 && tally.respaced >= 1000 && tally.multiline >= 500);
    for (int i = 0; i < 8; i++)
        assert_true(tally.ends_in_group[i] >= 200);
    assert_true(longest >= 2048);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(data_files_agree),
        cmocka_unit_test(generated_texts_agree),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
