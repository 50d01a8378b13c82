/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes: what an SMTP reply code means, told to a person.
 *
 * Give it a reply code (550), an enhanced status code (5.1.1), and it fills
 * a struct smtpcodes_info with a summary, an explanation written for people
 * who are not mail administrators, the standard reply text and the defining
 * document. Every code that is syntactically valid gets an answer: a code
 * nobody registered (559, 5.1.99) is explained from the meaning of its digits,
 * and says so through info->registered.
 *
 * Every returned string is static: never free it, never modify it. Every
 * function may be called from any thread, and none allocates memory, except
 * that gettext loads a catalog the first time a locale asks for it. Invalid
 * input gets SMTPCODES_INVALID and an info whose strings are all "", never
 * undefined behaviour (then info->lang is "" too).
 */
#ifndef SMTPCODES_H
#define SMTPCODES_H

#include <stddef.h>

#include "smtpcodes_version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(SMTPCODES_BUILDING) && defined(__GNUC__)
#define SMTPCODES_API __attribute__((visibility("default")))
#else
#define SMTPCODES_API
#endif

/* Results of the functions below. */
enum smtpcodes_status {
    SMTPCODES_OK = 0,
    SMTPCODES_INVALID = -1,   /* not a syntactically valid code */
    SMTPCODES_NOT_FOUND = -2, /* valid, but what was asked for does not exist */
};

/* What the first digit (or the class) says; the value is that digit. */
typedef enum smtpcodes_severity {
    SMTPCODES_SEVERITY_INVALID = 0,      /* an invalid code, or one of no class ("X.7.26") */
    SMTPCODES_SEVERITY_SUCCESS = 2,      /* 2yz, 2.X.X: done */
    SMTPCODES_SEVERITY_INTERMEDIATE = 3, /* 3yz: accepted so far, more input expected */
    SMTPCODES_SEVERITY_TRANSIENT = 4,    /* 4yz, 4.X.X: failed for now, may work later */
    SMTPCODES_SEVERITY_PERMANENT = 5,    /* 5yz, 5.X.X: failed, will fail again as is */
} smtpcodes_severity;

struct smtpcodes_info {
    smtpcodes_severity severity;
    /* 1 when codes.xml documents this exact code; 0 when the answer is composed
     * from the meaning of its digits (summary and explanation are then the
     * category's). */
    int registered;
    const char *summary;     /* a short phrase */
    const char *explanation; /* what happened, the likely cause, what to do */
    /* What the first digit or the class means, and what to do about it in general. */
    const char *severity_summary;
    const char *severity_explanation;
    /* What the second digit or the subject says: the kind of problem. */
    const char *category_summary;
    const char *category_explanation;
    /* Never translated: */
    const char *standard_text; /* the reply text of the defining document; "" if none */
    const char *reference;     /* the defining document, e.g. "RFC 5321, section 4.2.2" */
    /* Codes usually seen with this one, space-separated: enhanced codes for a
     * reply code ("5.1.1 5.7.1"), reply codes for an enhanced code ("451 550"). */
    const char *usual_codes;
    const char *deprecated_by; /* for a deprecated enhanced code, its successor; else "" */
    /* For an enhanced code that IANA does not register but a provider uses
     * (5.7.606, Microsoft's), the provider; else "". */
    const char *provider;
    /* A stable identifier of the entry that answered, the same in every language:
     * "550", "552, RFC 1870", "X.1.1"; for an unregistered code, its category's:
     * "reply x5z", "subject X.1.YYY". It is the msgctxt of the entry's messages.
     * An identifier of an enhanced code, "X.1.1" or "5.7.606", is accepted by
     * smtpcodes_enhanced_string(). */
    const char *id;
    /* The language of summary and explanation: "en", or the code of the translation
     * that answered ("de", "pt_BR"). A translation that lacks one text gives the
     * English one for it, so the severity and category texts may be English even
     * where lang is not. "" when the lookup was invalid: no language answered. */
    const char *lang;
};

/*
 * LANG, in every lookup below, chooses the language of the answer:
 *
 * - NULL: the language of the calling thread's locale, exactly as gettext
 *   chooses it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, and uselocale()), from
 *   the catalogs installed in the locale directory (smtpcodes_localedir()).
 *   The library never calls setlocale(): a program that wants its users'
 *   language calls setlocale(LC_ALL, "") itself. A translator's updated .mo
 *   takes effect without rebuilding anything.
 * - a language, "de", "pt_BR", "fr_CA.UTF-8": the translations built into the
 *   library from po/LANG.po. They need no locale and no installed catalog, and
 *   fall back from ll_CC to ll, then to English. "en" gives English. BCP 47
 *   tags as Accept-Language carries them are understood too, in any case:
 *   "de-AT" gives de, "PT-br" pt_BR; Chinese goes by its script, so "zh",
 *   "zh-Hans" and "zh-CN" give zh_CN, and "zh-Hant-TW" zh_TW when built in
 *   (never Simplified). smtpcodes_language_at() lists the languages built in.
 *   A name that is not a valid language name (see smtpcodes_language()) is
 *   never looked up: like an unknown language, it gets English.
 *
 * info->lang tells which language answered. A program that changes LANGUAGE
 * while it runs must then call setlocale() or increment gettext's
 * _nl_msg_cat_cntr, as the gettext manual asks: the library, like gettext's own
 * inline optimisation, keeps each thread's answers until one of those changes,
 * or the thread's locale does. Every answer comes from one reading of the
 * locale: it is in one language even while another thread calls setlocale().
 */

/* Explains a reply code, 200 to 599, by its first (most general) meaning. */
SMTPCODES_API int smtpcodes_reply(int code, const char *lang, struct smtpcodes_info *info);

/* How many defining documents give CODE a meaning; 0 when it is unregistered or invalid. */
SMTPCODES_API int smtpcodes_reply_meaning_count(int code);

/* Explains meaning INDEX (0 to count - 1) of a registered reply code. Index 0 is
 * what smtpcodes_reply() gives; past the last meaning: SMTPCODES_NOT_FOUND. */
SMTPCODES_API int smtpcodes_reply_meaning(int code, int index, const char *lang,
                                          struct smtpcodes_info *info);

/* Explains an enhanced status code CLASS.SUBJECT.DETAIL: class 2, 4 or 5,
 * subject and detail 0 to 999 (RFC 3463). */
SMTPCODES_API int smtpcodes_enhanced(int klass, int subject, int detail, const char *lang,
                                     struct smtpcodes_info *info);

/* Explains an enhanced status code written as text, e.g. "5.7.26" (NUL-terminated).
 * "X.7.26", as info->id names an entry registered for every class, gives that entry
 * without a class: the class says whether the code reports success or failure, so
 * with X it is unknown. info->severity is then SMTPCODES_SEVERITY_INVALID and
 * severity_summary and severity_explanation are ""; everything else is filled as
 * for any class. X.SUBJECT.DETAIL that no entry registers for every class gets the
 * subject's texts, with registered 0. */
SMTPCODES_API int smtpcodes_enhanced_string(const char *code, const char *lang,
                                            struct smtpcodes_info *info);

/* Reads TEXT[0..LENGTH) as a whole reply code: exactly three digits, 200 to 599.
 * Returns the code, or SMTPCODES_INVALID. */
SMTPCODES_API int smtpcodes_parse_reply_code(const char *text, size_t length);

/* Reads TEXT[0..LENGTH) as a whole enhanced status code. Returns SMTPCODES_OK
 * and sets the three parts, or SMTPCODES_INVALID and leaves them alone. */
SMTPCODES_API int smtpcodes_parse_enhanced(const char *text, size_t length, int *klass,
                                           int *subject, int *detail);

/*
 * One text, one call. For a program that explains a reply on every message it
 * handles: resolve the language once, then ask for just the text it shows.
 * These cost about as much as an array index (see bench/), and answer exactly
 * as smtpcodes_reply() and smtpcodes_enhanced() do.
 */
typedef int smtpcodes_lang;         /* a value smtpcodes_language() returned, or one of: */
#define SMTPCODES_LANG_LOCALE (-2)  /* the calling thread's locale, as gettext chooses */
#define SMTPCODES_LANG_ENGLISH (-1) /* English */
#define SMTPCODES_LANG_UNKNOWN (-3) /* no built-in language; answers in English */

/* Resolves a language name ("de", "pt_BR", "fr_CA.UTF-8", "pt-BR"; NULL for the
 * locale) through the same fallback chain as LANG above. English ("en", "en-GB",
 * also "C" and "POSIX") gives SMTPCODES_LANG_ENGLISH. A language not built in
 * ("sv"), and a name that is not a valid language name, give
 * SMTPCODES_LANG_UNKNOWN, with which the functions below answer in English. A
 * valid name is 1 to 64 bytes of ASCII letters, digits, "_", "-", "@" and ".",
 * starting with a letter and without "..": "../x", "de/LC_MESSAGES" and
 * "de-DE,de;q=0.9" (a whole Accept-Language header) are not. */
SMTPCODES_API smtpcodes_lang smtpcodes_language(const char *name);

/* The languages built in, for a menu: English first, then each translation of
 * po/LINGUAS. Sets *CODE to the name that selects it ("de", "pt_BR") and
 * *NATIVE_NAME to its name in that language ("Deutsch", "Português (Brasil)");
 * either may be NULL. INDEX counts from 0; past the last one it returns
 * SMTPCODES_NOT_FOUND and leaves both alone. */
SMTPCODES_API int smtpcodes_language_at(size_t index, const char **code, const char **native_name);

/* The summary or explanation of a reply code (its first meaning), or of an enhanced
 * code; "" for an invalid code, the category's text for an unregistered one. */
SMTPCODES_API const char *smtpcodes_reply_summary(int code, smtpcodes_lang lang);
SMTPCODES_API const char *smtpcodes_reply_explanation(int code, smtpcodes_lang lang);
SMTPCODES_API const char *smtpcodes_enhanced_summary(int klass, int subject, int detail,
                                                     smtpcodes_lang lang);
SMTPCODES_API const char *smtpcodes_enhanced_explanation(int klass, int subject, int detail,
                                                         smtpcodes_lang lang);

/* Where something was found in the caller's buffer: bytes [offset, offset + length). */
struct smtpcodes_span {
    size_t offset;
    size_t length; /* 0 when nothing was found */
};

/* What smtpcodes_parse_reply() found in a server reply or the text around it. */
struct smtpcodes_reply_parts {
    int code; /* the reply code, 200 to 599; 0 when the text has none */
    /* The enhanced status code CLASS.SUBJECT.DETAIL; klass is 0 when there is none. */
    int klass;
    int subject;
    int detail;
    struct smtpcodes_span code_span;
    struct smtpcodes_span enhanced_span;
    /* The server's own words after the codes, trailing white space and a mail
     * server's "(in reply to ... command)" note left out. */
    struct smtpcodes_span text;
    int multiline; /* a reply of several lines: "550-..." continued by "550 ..." */
    /* 0 when reply code and enhanced code disagree in class (550 with 4.2.2):
     * explain both, and trust neither alone. 1 otherwise. */
    int consistent;
};

/*
 * Finds the reply code and enhanced status code in TEXT[0..LENGTH): one reply
 * line or a multi-line reply (CRLF or LF), bare or wrapped in the usual bounce
 * and log text ("host mx.example[192.0.2.1] said: 550 5.1.1 ...",
 * "Diagnostic-Code: smtp; 550 ...", "#550 5.1.1", "Status: 5.1.1"). Any bytes
 * are accepted, NUL included; nothing past LENGTH is read and nothing is
 * allocated.
 *
 * The first code that stands as a code is taken: three digits, 2 to 5 first,
 * starting the text or following a space or punctuation, followed by a space,
 * a "-" or the end of a line, and not a size or a port ("552 bytes",
 * "size 552", "[192.0.2.1]:587 ", "port 465"); or an enhanced code that starts
 * the text or follows punctuation, where no reply code
 * comes first. The enhanced code belongs to the reply code when it follows it
 * directly ("550 5.1.1", "550-5.1.1", "550 #5.1.1"), or stands at the end in
 * qmail's form "(#5.1.1)". Numbers inside words, addresses, dates and versions
 * ("192.0.2.1", "2026-11-29", "v2.4.5") are never codes.
 *
 * Returns SMTPCODES_OK when a code was found, SMTPCODES_NOT_FOUND when the text
 * holds none (PARTS is then all zeros), SMTPCODES_INVALID when PARTS is NULL or
 * TEXT is NULL with a LENGTH.
 */
SMTPCODES_API int smtpcodes_parse_reply(const char *text, size_t length,
                                        struct smtpcodes_reply_parts *parts);

/*
 * Diagnosis: what went wrong, who can fix it, what to do.
 *
 * A reply's codes say what kind of problem it is; its words often say exactly
 * which: "550 5.7.1 ... blocked using zen.spamhaus.org" is a blocklisted server,
 * not a policy in general. smtpcodes_diagnose() reads both and names the cause
 * (a reason, with ids shared with Sisimai's reason names where one fits:
 * "userunknown", "mailboxfull", "blocked", "authfailure", ...), from evidence
 * written in codes.xml: phrases servers use, the markers of large providers and
 * the meanings they give to codes, and a default reason for many codes.
 */

/* How the reason of a diagnosis was decided, strongest first. */
typedef enum smtpcodes_decided_by {
    SMTPCODES_DECIDED_BY_NOTHING = 0,  /* nothing said: the reason is "undefined" */
    SMTPCODES_DECIDED_BY_PROVIDER = 1, /* the provider's own meaning of the code */
    SMTPCODES_DECIDED_BY_PHRASE = 2,   /* the server's words; evidence spans them */
    SMTPCODES_DECIDED_BY_CODE = 3,     /* the code's usual cause; evidence spans the code */
    SMTPCODES_DECIDED_BY_SUCCESS = 4,  /* a success reply: "delivered" */
} smtpcodes_decided_by;

/* A cause of failure, as smtpcodes_reason() and smtpcodes_diagnose() describe it. */
struct smtpcodes_reason_info {
    const char *id;          /* stable, ASCII: "userunknown", "undefined" */
    const char *summary;     /* a headline: what went wrong */
    const char *explanation; /* what happened, the likely cause, what to do */
    /* Who can fix it: "sender", "sender-provider" (the sender's mail provider),
     * "recipient", "recipient-provider", or "nobody" (it resolves by itself). */
    const char *action_by;
    const char *action_by_text; /* the same, in words */
    /* Whether sending again helps: "yes" (now), "later", "no" (not as is). */
    const char *retry;
    const char *retry_text; /* the same, in words */
    const char *lang;       /* the language of summary and explanation, as in smtpcodes_info */
};

/* Describes the reason ID. Returns SMTPCODES_OK, SMTPCODES_NOT_FOUND for an id
 * codes.xml does not have, SMTPCODES_INVALID for NULL arguments; REASON's strings
 * are all "" unless SMTPCODES_OK. */
SMTPCODES_API int smtpcodes_reason(const char *id, const char *lang,
                                   struct smtpcodes_reason_info *reason);

/* The id of reason INDEX (from 0), in the order of codes.xml; NULL past the last. */
SMTPCODES_API const char *smtpcodes_reason_at(size_t index);

struct smtpcodes_diagnosis {
    /* The codes, as smtpcodes_parse_reply() finds them; and a reply code that only
     * follows the enhanced code ("Status: 5.1.1 ... Diagnostic-Code: smtp; 550 5.1.1",
     * Exchange's "#5.7.1 smtp;550 5.7.1 ...") when its class and codes agree. */
    struct smtpcodes_reply_parts parts;
    /* The cause (see struct smtpcodes_reason_info). */
    const char *reason;
    const char *summary;
    const char *explanation;
    const char *action_by;
    const char *action_by_text;
    const char *retry;
    const char *retry_text;
    smtpcodes_decided_by decided_by;
    /* The words (a phrase) or the code that decided, in the caller's text. */
    struct smtpcodes_span evidence;
    /* The mail provider recognised in the text ("Gmail"), and its stable id ("gmail"); "" if none.
     */
    const char *provider;
    const char *provider_id;
    /* What the codes mean here: the provider's own meaning of the code, else the
     * enhanced code's (in the words of success for class 2), else the meaning of the
     * reply code that applies. MEANING is its stable id ("X.1.1", "530, RFC 3207",
     * "Gmail 5.7.27"); all three are "" when the text holds no code. */
    const char *meaning;
    const char *meaning_summary;
    const char *meaning_explanation;
    /* Which meaning of the reply code applies, for smtpcodes_reply_meaning(): the one
     * the enhanced code selects, else the one whose standard text the server sent,
     * else the first. -1 when there is no registered reply code. */
    int reply_meaning;
    const char *lang; /* the language of the reason's texts */
};

/*
 * Diagnoses the reply in TEXT[0..LENGTH), in any of the forms smtpcodes_parse_reply()
 * reads, bounce paragraphs included; LANG as for the lookups. The reason is the
 * provider's meaning of the code when it names one, else the most specific phrase
 * found (highest precedence, then longest, then first), else the code's usual cause,
 * else "delivered" for a success and "undefined" for the rest. A multi-line reply is
 * read as one text, without its "550-" prefixes.
 *
 * Time is linear in LENGTH; nothing is allocated; nothing past LENGTH is read.
 * Returns SMTPCODES_OK when the text held a code or words that name a cause,
 * SMTPCODES_NOT_FOUND when it held neither (the reason is then "undefined"), and
 * SMTPCODES_INVALID when DIAGNOSIS is NULL, or TEXT is NULL with a LENGTH (every
 * string of DIAGNOSIS is then "").
 */
SMTPCODES_API int smtpcodes_diagnose(const char *text, size_t length, const char *lang,
                                     struct smtpcodes_diagnosis *diagnosis);

/* The registered codes, in ascending order, for listing them all. INDEX counts
 * from 0; past the last one both return SMTPCODES_NOT_FOUND. */
SMTPCODES_API int smtpcodes_reply_code_at(size_t index);
/* *KLASS is 0 for a code registered for every class (written X.1.1); a provider's
 * range (4.7.500 to 4.7.699) is listed by its first code. */
SMTPCODES_API int smtpcodes_enhanced_code_at(size_t index, int *klass, int *subject, int *detail);

/* The directory holding LANG/LC_MESSAGES/smtpcodes.mo for lookups with LANG NULL: the
 * directory given to smtpcodes_set_localedir(), else the environment variable
 * SMTPCODES_LOCALEDIR when set on first use, else the one where the installed tree
 * keeps it relative to the library's own file (share/locale beside lib/, so a tree
 * installed with another prefix or moved as a whole still answers in the locale's
 * language) when it holds a catalog of a built-in language, else the one of the
 * configure-time prefix. */
SMTPCODES_API const char *smtpcodes_localedir(void);

/* Points the catalogs elsewhere, e.g. for a relocated installation. Returns
 * SMTPCODES_OK, or SMTPCODES_INVALID for NULL, "" or when memory runs out. The
 * library keeps a copy of each distinct directory it is given, never freed, so
 * that every string smtpcodes_localedir() returned stays valid: the one
 * allocation a call may make. */
SMTPCODES_API int smtpcodes_set_localedir(const char *dir);

/* "success", "intermediate", "transient", "permanent", or "invalid": stable names for logs. */
SMTPCODES_API const char *smtpcodes_severity_name(smtpcodes_severity severity);

/* The version of the library that is running, e.g. "0.1.0"; compare SMTPCODES_VERSION. */
SMTPCODES_API const char *smtpcodes_version(void);

#ifdef __cplusplus
}
#endif

#endif
