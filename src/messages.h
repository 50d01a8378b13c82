/* SPDX-License-Identifier: MIT */
/* Internal: the text of a translatable message in the language asked for. */
#ifndef SMTPCODES_MESSAGES_H
#define SMTPCODES_MESSAGES_H

#include "smtpcodes_tables.h"

#include <stdint.h>

/* Kept out of the functions that call them, so that their usual path stays short:
 * paths taken rarely, and the work a whole answer kept per thread saves. NOW(x): x is
 * computed here, not put off to where it is next used (an empty statement that takes
 * and gives back x in a register), so that a register it reads may be reused at once. */
#if defined(__GNUC__)
#define SMTPCODES_I_RARE __attribute__((noinline, cold))
#define SMTPCODES_I_APART __attribute__((noinline))
#define SMTPCODES_I_NOW(x) __asm__("" : "+r"(x))
#else
#define SMTPCODES_I_RARE
#define SMTPCODES_I_APART
#define SMTPCODES_I_NOW(x) ((void)0)
#endif

/* Where a lookup's texts come from: a row of the embedded translations (>= 0), or: */
enum {
    SMTPCODES_I_ENGLISH = -1, /* the English of codes.xml */
    SMTPCODES_I_LOCALE = -2,  /* the installed catalogs, in the thread's locale at each text */
    /* This and below: the installed catalogs, as one check of the thread's locale found
     * them (smtpcodes_i_resolve_answer()); valid until the thread's next lookup. */
    SMTPCODES_I_LOCALE_SEEN = -3,
};

/* Resolves LANG once for a lookup: NULL is the locale; a name follows the fallback
 * chain of smtpcodes_i_language_row(), ending in English. */
int smtpcodes_i_resolve(const char *lang);

/* The same for the texts of one answer: the locale is checked here, once, and every
 * text of the answer then comes from what this check found, in one language, however
 * the locale changes meanwhile. */
int smtpcodes_i_resolve_locale_answer(void);
static inline int smtpcodes_i_resolve_answer(const char *lang)
{
    return lang ? smtpcodes_i_resolve(lang) : smtpcodes_i_resolve_locale_answer();
}

/*
 * What gettext answered, message by message, in one state of the thread's locale
 * (see messages.c). TEXTS[i] is message i, NULL until it is first asked for; bit i
 * of ENGLISH is set where the catalogs lack it and TEXTS[i] is the English.
 */
enum { SMTPCODES_I_ENGLISH_WORDS = (SMTPCODES_TAB_MESSAGES + 63) / 64 };
struct smtpcodes_i_answers {
    const char *language; /* the language of the translated texts */
    uint64_t english[SMTPCODES_I_ENGLISH_WORDS];
    const char *texts[SMTPCODES_TAB_MESSAGES];
};

/* Message INDEX through the locale, as LANGUAGE (<= SMTPCODES_I_LOCALE) stands for. */
const char *smtpcodes_i_message_by_locale(uint32_t index, int language, const char **used);

/*
 * Whole answers through the locale, kept per thread: a lookup that the thread made
 * before in the same state of its locale is one look-up and a copy. KEY names the
 * lookup (smtpcodes_i_reply_key(), smtpcodes_i_enhanced_key()); 0 is never kept.
 */
enum { SMTPCODES_I_NOT_KEPT = 1 }; /* never a status of a lookup */
struct smtpcodes_info;

/* Fills INFO with answer KEY as the thread kept it for its locale now, and returns its
 * status; else returns SMTPCODES_I_NOT_KEPT and leaves INFO alone. */
int smtpcodes_i_kept_answer(uint32_t key, struct smtpcodes_info *info);
/* Keeps answer KEY (when not 0), just made with LANG NULL. Returns 0 when the locale
 * changed while it was made: it may mix languages, and must be made again. */
int smtpcodes_i_keep_answer(uint32_t key, int status, const struct smtpcodes_info *info);

static inline uint32_t smtpcodes_i_reply_key(int code, int index)
{
    return code >= 200 && code <= 599 && index >= 0 && index < 256
               ? (uint32_t)code << 8 | (uint32_t)index
               : 0;
}

static inline uint32_t smtpcodes_i_enhanced_key(int klass, int subject, int detail)
{
    return (klass == 2 || klass == 4 || klass == 5) && subject >= 0 && subject <= 999 &&
                   detail >= 0 && detail <= 999
               ? (uint32_t)1 << 31 | (uint32_t)klass << 20 | (uint32_t)subject << 10 |
                     (uint32_t)detail
               : 0;
}

/*
 * Returns message INDEX in LANGUAGE (a value of smtpcodes_i_resolve() or
 * smtpcodes_i_resolve_answer()), and sets *USED to the language the text is in;
 * USED may be NULL. Inline: a lookup in a named language is a few loads, and
 * callers make it on every reply.
 */
static inline const char *smtpcodes_i_message(uint32_t index, int language, const char **used)
{
    if (language <= SMTPCODES_I_LOCALE)
        return smtpcodes_i_message_by_locale(index, language, used);
    uint32_t offset = language >= 0 ? smtpcodes_tab_translations[language][index] : 0;
    if (offset != 0) {
        if (used)
            *used = smtpcodes_tab_language_names[language];
        return smtpcodes_tab_translated_text(offset);
    }
    if (used)
        *used = "en";
    return smtpcodes_tab_text(smtpcodes_tab_messages[index].english);
}

#endif
