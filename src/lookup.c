/* SPDX-License-Identifier: MIT */
/* Looking codes up in the generated tables and filling struct smtpcodes_info. */
#include "smtpcodes.h"

#include "language.h"
#include "lookup.h"
#include "messages.h"
#include "smtpcodes_tables.h"

#include <string.h>

static void clear(struct smtpcodes_info *info)
{
    info->severity = SMTPCODES_SEVERITY_INVALID;
    info->registered = 0;
    info->summary = info->explanation = "";
    info->severity_summary = info->severity_explanation = "";
    info->category_summary = info->category_explanation = "";
    info->standard_text = info->reference = info->usual_codes = info->deprecated_by = "";
    info->id = info->provider = "";
    info->lang = "en";
}

static int invalid(struct smtpcodes_info *info)
{
    if (info) {
        clear(info);
        info->lang = ""; /* no language answered */
    }
    return SMTPCODES_INVALID;
}

static const char *message(uint32_t index, int language, struct smtpcodes_info *info)
{
    return smtpcodes_i_message(index, language, &info->lang);
}

/* Fills the severity and category texts, and uses the category as the code's own
 * summary and explanation until a registered entry replaces them. */
static void describe_parts(const struct smtpcodes_tab_part *severity,
                           const struct smtpcodes_tab_part *category, int lang,
                           struct smtpcodes_info *info)
{
    info->severity_summary = message(severity->summary, lang, info);
    info->severity_explanation = message(severity->explanation, lang, info);
    info->category_summary = message(category->summary, lang, info);
    info->category_explanation = message(category->explanation, lang, info);
    info->summary = info->category_summary;
    info->explanation = info->category_explanation;
    info->id = smtpcodes_tab_text(category->id);
    info->reference = smtpcodes_tab_text(category->reference);
}

static const struct smtpcodes_tab_reply *find_reply(int code)
{
    if (code < 200 || code > 599)
        return NULL;
    uint16_t position = smtpcodes_tab_reply_index[code - 200];
    return position ? &smtpcodes_tab_replies[position - 1] : NULL;
}

static inline int explain_reply(int code, int index, const char *lang, struct smtpcodes_info *info)
{
    if (!info || code < 200 || code > 599)
        return invalid(info);
    clear(info);
    int lang_row = smtpcodes_i_resolve_answer(lang);
    info->severity = (smtpcodes_severity)(code / 100);
    describe_parts(&smtpcodes_tab_first_digits[code / 100],
                   &smtpcodes_tab_second_digits[code / 10 % 10], lang_row, info);
    const struct smtpcodes_tab_reply *reply = find_reply(code);
    if (!reply)
        return index == 0 ? SMTPCODES_OK : SMTPCODES_NOT_FOUND;
    if (index < 0 || index >= reply->meaning_count)
        return SMTPCODES_NOT_FOUND;
    const struct smtpcodes_tab_meaning *m = &smtpcodes_tab_meanings[reply->first_meaning + index];
    info->registered = 1;
    info->summary = message(m->summary, lang_row, info);
    info->explanation = message(m->explanation, lang_row, info);
    info->id = smtpcodes_tab_text(m->id);
    info->standard_text = smtpcodes_tab_text(m->standard_text);
    info->reference = smtpcodes_tab_text(m->reference);
    info->usual_codes = smtpcodes_tab_text(reply->enhanced);
    return SMTPCODES_OK;
}

/* Made apart, so that the usual path through the locale, a kept answer, stays short. */
SMTPCODES_I_APART static int explain_reply_by_locale(int code, int index,
                                                     struct smtpcodes_info *info)
{
    return explain_reply(code, index, NULL, info);
}

/* Through the locale, a thread's earlier answer is copied whole (see messages.h). */
SMTPCODES_API int smtpcodes_reply_meaning(int code, int index, const char *lang,
                                          struct smtpcodes_info *info)
{
    if (lang || !info)
        return explain_reply(code, index, lang, info);
    uint32_t key = smtpcodes_i_reply_key(code, index);
    int status = key ? smtpcodes_i_kept_answer(key, info) : SMTPCODES_I_NOT_KEPT;
    while (status == SMTPCODES_I_NOT_KEPT) {
        status = explain_reply_by_locale(code, index, info);
        if (!smtpcodes_i_keep_answer(key, status, info))
            status = SMTPCODES_I_NOT_KEPT; /* the locale changed meanwhile: made again */
    }
    return status;
}

SMTPCODES_API int smtpcodes_reply(int code, const char *lang, struct smtpcodes_info *info)
{
    return smtpcodes_reply_meaning(code, 0, lang, info);
}

SMTPCODES_API int smtpcodes_reply_meaning_count(int code)
{
    const struct smtpcodes_tab_reply *reply = find_reply(code);
    return reply ? reply->meaning_count : 0;
}

/* Binary search over (subject, detail, class); a class of 0 stands for every class. */
static const struct smtpcodes_tab_enhanced *find_enhanced(int klass, int subject, int detail)
{
    size_t low = 0, high = SMTPCODES_TAB_ENHANCED;
    long key = ((long)subject * 1000 + detail) * 10 + klass;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        const struct smtpcodes_tab_enhanced *e = &smtpcodes_tab_enhanced[mid];
        long probe = ((long)e->subject * 1000 + e->detail) * 10 + (long)e->klass;
        if (probe == key)
            return e;
        if (probe < key)
            low = mid + 1;
        else
            high = mid;
    }
    return NULL;
}

/* A provider's range that holds the code, e.g. 4.7.500 to 4.7.699. */
static const struct smtpcodes_tab_enhanced *find_range(int klass, int subject, int detail)
{
    static const size_t range_count = SMTPCODES_TAB_RANGES; /* may be 0 */
    for (size_t i = 0; i < range_count; i++) {
        const struct smtpcodes_tab_enhanced *e =
            &smtpcodes_tab_enhanced[smtpcodes_tab_enhanced_ranges[i]];
        if ((int)e->klass == klass && e->subject == subject && e->detail <= detail &&
            detail <= e->last_detail)
            return e;
    }
    return NULL;
}

/* The entry that answers for a code: one registered for this class alone (a
 * provider's) wins over the X form, and both over a provider's range. The
 * generator has applied these rules to every code of the usual subjects and
 * details already; only the others are searched. */
static const struct smtpcodes_tab_enhanced *entry_of(int klass, int subject, int detail)
{
    if (subject < 8 && detail < 32) {
        uint32_t position =
            smtpcodes_tab_enhanced_window[klass == 2 ? 0 : klass - 3][subject][detail];
        return position ? &smtpcodes_tab_enhanced[position - 1] : NULL;
    }
    const struct smtpcodes_tab_enhanced *e = find_enhanced(klass, subject, detail);
    if (!e)
        e = find_enhanced(0, subject, detail);
    if (!e)
        e = find_range(klass, subject, detail);
    return e;
}

static const struct smtpcodes_tab_part *subject_part(int subject)
{
    return subject < SMTPCODES_TAB_SUBJECTS ? &smtpcodes_tab_subjects[subject]
                                            : &smtpcodes_tab_subject_unassigned;
}

const struct smtpcodes_tab_enhanced *smtpcodes_i_enhanced_words(int klass, int subject, int detail,
                                                                struct smtpcodes_i_words *words)
{
    const struct smtpcodes_tab_enhanced *e = entry_of(klass, subject, detail);
    const struct smtpcodes_tab_part *p = subject_part(subject);
    *words = e ? (struct smtpcodes_i_words){e->summary, e->explanation, e->id}
               : (struct smtpcodes_i_words){p->summary, p->explanation, p->id};
    /* A success is not a failure of the same subject: 2.1.0 is an address accepted. */
    uint32_t success_summary = e ? e->success_summary : p->success_summary;
    uint32_t success_explanation = e ? e->success_explanation : p->success_explanation;
    if (klass == 2 && success_summary) {
        words->summary = success_summary;
        words->explanation = success_explanation;
    }
    return e;
}

/* What a registered entry adds to its subject's answer: its own WORDS, its references. */
static void describe_entry(const struct smtpcodes_tab_enhanced *e,
                           const struct smtpcodes_i_words *words, int lang_row,
                           struct smtpcodes_info *info)
{
    info->registered = 1;
    info->summary = message(words->summary, lang_row, info);
    info->explanation = message(words->explanation, lang_row, info);
    info->id = smtpcodes_tab_text(e->id);
    info->reference = smtpcodes_tab_text(e->reference);
    info->usual_codes = smtpcodes_tab_text(e->basic);
    info->deprecated_by = smtpcodes_tab_text(e->deprecated_by);
    info->provider = smtpcodes_tab_text(e->provider);
}

static inline int explain_enhanced(int klass, int subject, int detail, const char *lang,
                                   struct smtpcodes_info *info)
{
    if (!info || (klass != 2 && klass != 4 && klass != 5) || subject < 0 || subject > 999 ||
        detail < 0 || detail > 999)
        return invalid(info);
    clear(info);
    int lang_row = smtpcodes_i_resolve_answer(lang);
    info->severity = (smtpcodes_severity)klass;
    describe_parts(&smtpcodes_tab_classes[klass], subject_part(subject), lang_row, info);
    struct smtpcodes_i_words words;
    const struct smtpcodes_tab_enhanced *e =
        smtpcodes_i_enhanced_words(klass, subject, detail, &words);
    if (klass == 2 && !e) {
        info->summary = info->category_summary = message(words.summary, lang_row, info);
        info->explanation = info->category_explanation = message(words.explanation, lang_row, info);
    }
    if (e)
        describe_entry(e, &words, lang_row, info);
    return SMTPCODES_OK;
}

SMTPCODES_I_APART static int explain_enhanced_by_locale(int klass, int subject, int detail,
                                                        struct smtpcodes_info *info)
{
    return explain_enhanced(klass, subject, detail, NULL, info);
}

SMTPCODES_API int smtpcodes_enhanced(int klass, int subject, int detail, const char *lang,
                                     struct smtpcodes_info *info)
{
    if (lang || !info)
        return explain_enhanced(klass, subject, detail, lang, info);
    uint32_t key = smtpcodes_i_enhanced_key(klass, subject, detail);
    int status = key ? smtpcodes_i_kept_answer(key, info) : SMTPCODES_I_NOT_KEPT;
    while (status == SMTPCODES_I_NOT_KEPT) {
        status = explain_enhanced_by_locale(klass, subject, detail, info);
        if (!smtpcodes_i_keep_answer(key, status, info))
            status = SMTPCODES_I_NOT_KEPT; /* the locale changed meanwhile: made again */
    }
    return status;
}

/* "X.SUBJECT.DETAIL", as info->id writes an entry registered for every class: that
 * entry, without a class and so without a severity (see smtpcodes.h). */
static int enhanced_any_class(const char *code, const char *lang, struct smtpcodes_info *info)
{
    char as_permanent[16]; /* the syntax of "5.SUBJECT.DETAIL", the class left aside */
    size_t length = strlen(code);
    int subject, detail;
    if (!info || length >= sizeof as_permanent)
        return invalid(info);
    memcpy(as_permanent, code, length);
    as_permanent[0] = '5';
    if (smtpcodes_parse_enhanced(as_permanent, length, NULL, &subject, &detail) != SMTPCODES_OK)
        return invalid(info);
    clear(info);
    int lang_row = smtpcodes_i_resolve_answer(lang);
    const struct smtpcodes_tab_part *category = subject_part(subject);
    info->category_summary = info->summary = message(category->summary, lang_row, info);
    info->category_explanation = info->explanation = message(category->explanation, lang_row, info);
    info->id = smtpcodes_tab_text(category->id);
    info->reference = smtpcodes_tab_text(category->reference);
    const struct smtpcodes_tab_enhanced *e = find_enhanced(0, subject, detail);
    if (e)
        describe_entry(e, &(struct smtpcodes_i_words){e->summary, e->explanation, e->id}, lang_row,
                       info);
    return SMTPCODES_OK;
}

SMTPCODES_API int smtpcodes_enhanced_string(const char *code, const char *lang,
                                            struct smtpcodes_info *info)
{
    int klass, subject, detail;
    if (code && code[0] == 'X') {
        int status = enhanced_any_class(code, lang, info);
        while (!lang && !smtpcodes_i_keep_answer(0, status, info))
            status = enhanced_any_class(code, lang, info); /* the locale changed meanwhile */
        return status;
    }
    if (!code || smtpcodes_parse_enhanced(code, strlen(code), &klass, &subject, &detail) != 0)
        return invalid(info);
    return smtpcodes_enhanced(klass, subject, detail, lang, info);
}

SMTPCODES_API int smtpcodes_reply_code_at(size_t index)
{
    return index < SMTPCODES_TAB_REPLIES ? smtpcodes_tab_replies[index].code : SMTPCODES_NOT_FOUND;
}

SMTPCODES_API int smtpcodes_enhanced_code_at(size_t index, int *klass, int *subject, int *detail)
{
    if (index >= SMTPCODES_TAB_ENHANCED)
        return SMTPCODES_NOT_FOUND;
    const struct smtpcodes_tab_enhanced *e = &smtpcodes_tab_enhanced[index];
    if (klass)
        *klass = (int)e->klass;
    if (subject)
        *subject = e->subject;
    if (detail)
        *detail = e->detail;
    return SMTPCODES_OK;
}

SMTPCODES_API const char *smtpcodes_severity_name(smtpcodes_severity severity)
{
    switch (severity) {
    case SMTPCODES_SEVERITY_SUCCESS:
        return "success";
    case SMTPCODES_SEVERITY_INTERMEDIATE:
        return "intermediate";
    case SMTPCODES_SEVERITY_TRANSIENT:
        return "transient";
    case SMTPCODES_SEVERITY_PERMANENT:
        return "permanent";
    case SMTPCODES_SEVERITY_INVALID:
        break;
    }
    return "invalid";
}

/* ---- one text, one call: for callers that look up on every reply ---- */

/* A public language handle is the internal one: a row (>= 0), English or the locale.
 * A handle no call returned is English. */
SMTPCODES_API smtpcodes_lang smtpcodes_language(const char *name)
{
    int resolved = smtpcodes_i_resolve(name);
    if (resolved == SMTPCODES_I_ENGLISH && !smtpcodes_i_language_is_english(name))
        return SMTPCODES_LANG_UNKNOWN;
    return resolved;
}

static int checked(smtpcodes_lang lang)
{
    return (unsigned)lang < SMTPCODES_TAB_LANGUAGES || lang == SMTPCODES_I_LOCALE
               ? lang
               : SMTPCODES_I_ENGLISH;
}

SMTPCODES_API const char *smtpcodes_reply_summary(int code, smtpcodes_lang lang)
{
    unsigned slot = (unsigned)code - 200;
    return slot < 400
               ? smtpcodes_i_message(smtpcodes_tab_reply_summaries[slot], checked(lang), NULL)
               : "";
}

SMTPCODES_API const char *smtpcodes_reply_explanation(int code, smtpcodes_lang lang)
{
    unsigned slot = (unsigned)code - 200;
    return slot < 400
               ? smtpcodes_i_message(smtpcodes_tab_reply_explanations[slot], checked(lang), NULL)
               : "";
}

static int is_valid_enhanced(int klass, int subject, int detail)
{
    return (klass == 2 || klass == 4 || klass == 5) && (unsigned)subject <= 999 &&
           (unsigned)detail <= 999;
}

SMTPCODES_API const char *smtpcodes_enhanced_summary(int klass, int subject, int detail,
                                                     smtpcodes_lang lang)
{
    if (!is_valid_enhanced(klass, subject, detail))
        return "";
    struct smtpcodes_i_words words;
    smtpcodes_i_enhanced_words(klass, subject, detail, &words);
    return smtpcodes_i_message(words.summary, checked(lang), NULL);
}

SMTPCODES_API const char *smtpcodes_enhanced_explanation(int klass, int subject, int detail,
                                                         smtpcodes_lang lang)
{
    if (!is_valid_enhanced(klass, subject, detail))
        return "";
    struct smtpcodes_i_words words;
    smtpcodes_i_enhanced_words(klass, subject, detail, &words);
    return smtpcodes_i_message(words.explanation, checked(lang), NULL);
}
