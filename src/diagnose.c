/* SPDX-License-Identifier: MIT */
/* smtpcodes_diagnose(): the cause of a reply, from its codes, its words and its sender. */
#include "smtpcodes.h"

#include "lookup.h"
#include "match.h"
#include "messages.h"
#include "reasons.h"
#include "smtpcodes_tables.h"

#include <string.h>

/* Every field but the parts, which the parser fills whatever the text. */
static void clear(struct smtpcodes_diagnosis *d)
{
    d->reason = d->summary = d->explanation = "";
    d->action_by = d->action_by_text = d->retry = d->retry_text = "";
    d->decided_by = SMTPCODES_DECIDED_BY_NOTHING;
    d->evidence = (struct smtpcodes_span){0, 0};
    d->provider = d->provider_id = "";
    d->meaning = d->meaning_summary = d->meaning_explanation = "";
    d->reply_meaning = -1;
    d->lang = "";
}

static int same_enhanced(const struct smtpcodes_reply_parts *a,
                         const struct smtpcodes_reply_parts *b)
{
    return a->klass == b->klass && a->subject == b->subject && a->detail == b->detail;
}

/*
 * DSN fields and Exchange give the enhanced code first and the reply later
 * ("Status: 5.1.1 ... Diagnostic-Code: smtp; 550 5.1.1 ...", "#5.7.1 smtp;550 5.7.1
 * ..."). The later reply code belongs to the same answer when its class agrees and it
 * carries no other enhanced code; its words are then the server's.
 */
static void adopt_later_reply_code(const char *text, size_t length,
                                   struct smtpcodes_reply_parts *parts)
{
    if (parts->code || !parts->klass)
        return;
    size_t from = parts->enhanced_span.offset + parts->enhanced_span.length;
    struct smtpcodes_reply_parts later;
    if (smtpcodes_parse_reply(text + from, length - from, &later) != SMTPCODES_OK || !later.code ||
        later.code / 100 != parts->klass || (later.klass && !same_enhanced(&later, parts)))
        return;
    parts->code = later.code;
    parts->code_span =
        (struct smtpcodes_span){from + later.code_span.offset, later.code_span.length};
    if (later.text.length)
        parts->text = (struct smtpcodes_span){from + later.text.offset, later.text.length};
    parts->multiline = later.multiline;
    parts->consistent = 1;
}

/* What the recognised provider means by the reply's enhanced code, else by its reply code. */
static const struct smtpcodes_tab_provider_meaning *
provider_meaning(int provider, const struct smtpcodes_reply_parts *parts)
{
    const struct smtpcodes_tab_provider *p = &smtpcodes_tab_providers[provider];
    const struct smtpcodes_tab_provider_meaning *by_reply_code = NULL;
    for (unsigned i = 0; i < p->meaning_count; i++) {
        const struct smtpcodes_tab_provider_meaning *m =
            &smtpcodes_tab_provider_meanings[p->first_meaning + i];
        if (m->code == 0 && parts->klass && m->klass == parts->klass &&
            m->subject == parts->subject && m->detail == parts->detail)
            return m;
        if (m->code && m->code == parts->code && !by_reply_code)
            by_reply_code = m;
    }
    return by_reply_code;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Whether the server's words begin with STANDARD, ignoring case and runs of white space. */
static int begins_with_standard_text(const char *words, size_t length, const char *standard)
{
    const unsigned char *w = (const unsigned char *)words, *s = (const unsigned char *)standard;
    size_t i = 0;
    if (!*s)
        return 0;
    while (*s) {
        if (is_space(*s)) {
            while (is_space(*s))
                s++;
            if (i == length || !is_space(w[i]))
                return 0;
            while (i < length && is_space(w[i]))
                i++;
            continue;
        }
        if (i == length || lower(w[i]) != lower(*s))
            return 0;
        i++, s++;
    }
    return 1;
}

/* The meaning of REPLY that codes.xml names for the enhanced code of PARTS; -1: none. */
static int selected_meaning(const struct smtpcodes_tab_reply *reply,
                            const struct smtpcodes_reply_parts *parts)
{
    uint32_t packed = (uint32_t)(parts->klass * 1000000 + parts->subject * 1000 + parts->detail);
    const uint32_t *codes = &smtpcodes_tab_meaning_codes[reply->first_code];
    unsigned i = 0;
    while (i < reply->code_count && codes[i] != packed)
        i++;
    if (i == reply->code_count)
        return -1;
    /* Rare: which meaning's codes the one found is among. */
    const struct smtpcodes_tab_meaning *meanings = &smtpcodes_tab_meanings[reply->first_meaning];
    unsigned at = reply->first_code + i;
    for (int m = 0; m < reply->meaning_count; m++)
        if (at - meanings[m].first_code < meanings[m].code_count)
            return m;
    return -1;
}

/* The meaning of REPLY whose standard text the server's WORDS begin with; -1: none. */
static int sent_meaning(const struct smtpcodes_tab_reply *reply, const char *words, size_t length)
{
    if (!length)
        return -1;
    /* The first byte rules out nearly every reply before any comparison. */
    unsigned char first = lower((unsigned char)words[0]);
    if (!(reply->standard_text_starts >> first % 32 & 1))
        return -1;
    const struct smtpcodes_tab_meaning *meanings = &smtpcodes_tab_meanings[reply->first_meaning];
    for (int i = 0; i < reply->meaning_count; i++) {
        const char *standard = smtpcodes_tab_text(meanings[i].standard_text);
        if (lower((unsigned char)standard[0]) == first &&
            begins_with_standard_text(words, length, standard))
            return i;
    }
    return -1;
}

/* The meaning of a reply code with several: the one the enhanced code selects, then the one
 * whose standard text the server sent, then the first. */
static int pick_reply_meaning(const struct smtpcodes_tab_reply *reply, const char *text,
                              const struct smtpcodes_reply_parts *parts)
{
    if (reply->meaning_count < 2)
        return 0;
    int chosen = parts->klass ? selected_meaning(reply, parts) : -1;
    if (chosen < 0)
        chosen = sent_meaning(reply, text + parts->text.offset, parts->text.length);
    return chosen < 0 ? 0 : chosen;
}

static const struct smtpcodes_tab_reply *registered_reply(int code)
{
    if (code < 200 || code > 599)
        return NULL;
    uint16_t position = smtpcodes_tab_reply_index[code - 200];
    return position ? &smtpcodes_tab_replies[position - 1] : NULL;
}

struct decision {
    int reason; /* index into smtpcodes_tab_reasons; -1 none */
    smtpcodes_decided_by by;
    struct smtpcodes_span evidence;
};

static struct smtpcodes_span code_evidence(const struct smtpcodes_reply_parts *parts)
{
    return parts->klass ? parts->enhanced_span : parts->code_span;
}

/* The code's usual cause: the enhanced code's, then the reply code's. */
static int default_reason(const struct smtpcodes_tab_enhanced *entry,
                          const struct smtpcodes_tab_reply *reply)
{
    if (entry && entry->reason)
        return (int)entry->reason - 1;
    if (reply && reply->reason)
        return (int)reply->reason - 1;
    return -1;
}

static struct decision decide(const struct smtpcodes_reply_parts *parts,
                              const struct smtpcodes_i_match *match,
                              const struct smtpcodes_tab_provider_meaning *by_provider,
                              const struct smtpcodes_tab_enhanced *entry,
                              const struct smtpcodes_tab_reply *reply)
{
    int success = parts->code ? parts->code / 100 == 2 : parts->klass == 2;
    if (by_provider && by_provider->reason)
        return (struct decision){(int)by_provider->reason - 1, SMTPCODES_DECIDED_BY_PROVIDER,
                                 code_evidence(parts)};
    if (match->reason >= 0)
        return (struct decision){match->reason, SMTPCODES_DECIDED_BY_PHRASE, match->evidence};
    if (success)
        return (struct decision){SMTPCODES_TAB_REASONS ? SMTPCODES_TAB_REASON_DELIVERED : -1,
                                 SMTPCODES_DECIDED_BY_SUCCESS, code_evidence(parts)};
    int by_code = default_reason(entry, reply);
    if (by_code >= 0)
        return (struct decision){by_code, SMTPCODES_DECIDED_BY_CODE, code_evidence(parts)};
    return (struct decision){SMTPCODES_TAB_REASONS ? SMTPCODES_TAB_REASON_UNDEFINED : -1,
                             SMTPCODES_DECIDED_BY_NOTHING,
                             {0, 0}};
}

static void describe_meaning(struct smtpcodes_diagnosis *d, uint32_t summary, uint32_t explanation,
                             uint32_t id, int language)
{
    d->meaning = smtpcodes_tab_text(id);
    d->meaning_summary = smtpcodes_i_message(summary, language, NULL);
    d->meaning_explanation = smtpcodes_i_message(explanation, language, NULL);
}

/* The meaning that applies: the provider's, the enhanced code's (WORDS), or the reply
 * code's. */
static void explain_codes(struct smtpcodes_diagnosis *d, const char *text,
                          const struct smtpcodes_tab_provider_meaning *by_provider,
                          const struct smtpcodes_tab_reply *reply,
                          const struct smtpcodes_i_words *words, int language)
{
    const struct smtpcodes_reply_parts *parts = &d->parts;
    if (reply)
        d->reply_meaning = pick_reply_meaning(reply, text, parts);
    if (by_provider) {
        describe_meaning(d, by_provider->summary, by_provider->explanation, by_provider->id,
                         language);
    } else if (parts->klass) {
        describe_meaning(d, words->summary, words->explanation, words->id, language);
    } else if (reply) {
        const struct smtpcodes_tab_meaning *m =
            &smtpcodes_tab_meanings[reply->first_meaning + (unsigned)d->reply_meaning];
        describe_meaning(d, m->summary, m->explanation, m->id, language);
    } else if (parts->code) {
        const struct smtpcodes_tab_part *category =
            &smtpcodes_tab_second_digits[parts->code / 10 % 10];
        describe_meaning(d, category->summary, category->explanation, category->id, language);
    }
}

static void fill_reason(struct smtpcodes_diagnosis *d, const struct decision *decision,
                        int language)
{
    struct smtpcodes_reason_info r;
    if (decision->reason < 0)
        return; /* tables without reasons: nothing to name */
    smtpcodes_i_describe_reason((unsigned)decision->reason, language, &r);
    d->reason = r.id;
    d->summary = r.summary;
    d->explanation = r.explanation;
    d->action_by = r.action_by;
    d->action_by_text = r.action_by_text;
    d->retry = r.retry;
    d->retry_text = r.retry_text;
    d->lang = r.lang;
    d->decided_by = decision->by;
    d->evidence = decision->evidence;
}

SMTPCODES_API int smtpcodes_diagnose(const char *text, size_t length, const char *lang,
                                     struct smtpcodes_diagnosis *d)
{
    if (!d)
        return SMTPCODES_INVALID;
    clear(d);
    if (!text && length) {
        memset(&d->parts, 0, sizeof d->parts);
        return SMTPCODES_INVALID;
    }
    if (!text)
        text = "";
    if (smtpcodes_parse_reply(text, length, &d->parts) != SMTPCODES_OK)
        memset(&d->parts, 0, sizeof d->parts);
    adopt_later_reply_code(text, length, &d->parts);
    const struct smtpcodes_reply_parts *parts = &d->parts;

    struct smtpcodes_i_match match;
    smtpcodes_i_match(text, length, parts, &match);
    const struct smtpcodes_tab_provider_meaning *by_provider = NULL;
    if (match.provider >= 0) {
        const struct smtpcodes_tab_provider *p = &smtpcodes_tab_providers[match.provider];
        d->provider = smtpcodes_tab_text(p->name);
        d->provider_id = smtpcodes_tab_text(p->id);
        by_provider = provider_meaning(match.provider, parts);
    }
    const struct smtpcodes_tab_reply *reply = registered_reply(parts->code);
    struct smtpcodes_i_words words;
    const struct smtpcodes_tab_enhanced *entry =
        parts->klass
            ? smtpcodes_i_enhanced_words(parts->klass, parts->subject, parts->detail, &words)
            : NULL;
    struct decision decision = decide(parts, &match, by_provider, entry, reply);
    int found = parts->code || parts->klass || decision.by == SMTPCODES_DECIDED_BY_PHRASE;
    int status = found ? SMTPCODES_OK : SMTPCODES_NOT_FOUND;
    /* The texts, all in one language: made again if the locale changed meanwhile. */
    do {
        int language = smtpcodes_i_resolve_answer(lang);
        fill_reason(d, &decision, language);
        explain_codes(d, text, by_provider, reply, &words, language);
    } while (!lang && !smtpcodes_i_keep_answer(0, status, NULL));
    return status;
}
