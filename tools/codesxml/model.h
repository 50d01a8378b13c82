/* SPDX-License-Identifier: MIT */
/* The codes of codes.xml, as the generator holds them in memory. */
#ifndef SMTPCODES_GEN_MODEL_H
#define SMTPCODES_GEN_MODEL_H

#include <stddef.h>

/* Severities carry the first digit they belong to. */
enum severity {
    SEVERITY_NONE = 0,
    SEVERITY_SUCCESS = 2,
    SEVERITY_INTERMEDIATE = 3,
    SEVERITY_TRANSIENT = 4,
    SEVERITY_PERMANENT = 5,
};

/* A text of the file, white space folded unless xml:space="preserve". NULL when absent. */
struct text {
    char *value;
    long line;
};

/* What every describable thing has. */
struct description {
    struct text summary;
    struct text explanation;
    struct text note;      /* for translators; may be absent */
    struct text reference; /* absent only for "unassigned" parts */
    /* Filled by catalog_build(): the indices of summary and explanation in the catalog. */
    size_t summary_message;
    size_t explanation_message;
};

/* The wording of an enhanced code or subject when its class is 2 (success): absent
 * (summary.value NULL) when the failure wording needs no counterpart. */
struct success_wording {
    struct text summary;
    struct text explanation;
    size_t summary_message;
    size_t explanation_message;
};

/* A digit of a reply code, an enhanced class or subject, or an unassigned category. */
struct part {
    long line;
    char *value_attr; /* as written, for diagnostics */
    int value;        /* -1 when value_attr is not a valid number */
    enum severity severity;
    struct description d;
    struct success_wording success; /* subjects only */
};

struct meaning {
    long line;
    struct text standard_text; /* the reply text of the defining document; may be absent */
    char *enhanced; /* enhanced codes that select this meaning, as written; may be NULL */
    struct description d;
};

struct reply {
    long line;
    char *code_attr;
    int code; /* -1 when code_attr is malformed */
    enum severity severity;
    char *enhanced;      /* enhanced codes usually sent with it, as written; may be NULL */
    char *reason;        /* the reason when no phrase decides, as written; may be NULL */
    size_t reason_index; /* filled by check_codes(): 1 + index into reasons, 0 for none */
    struct meaning *meanings;
    size_t meaning_count;
};

struct enhanced {
    long line;
    char *code_attr;
    int klass; /* 0 for "X": any class */
    int subject;
    int detail;
    int valid;           /* code_attr is a well-formed enhanced code */
    char *basic;         /* basic codes usually sent with it; may be NULL */
    char *deprecated_by; /* may be NULL */
    char *provider;      /* who uses this unregistered code; NULL for registry codes */
    char *through_attr;  /* the last code of a range, as written; NULL for one code */
    int through_detail;  /* the detail of the last code of the range; = detail for one code */
    char *reason;        /* the reason when no phrase decides, as written; may be NULL */
    size_t reason_index; /* filled by check_codes(): 1 + index into reasons, 0 for none */
    struct description d;
    struct success_wording success;
};

/* Who can fix a failure, and whether sending again helps: fixed sets of values. */
enum action_by {
    ACTION_BY_SENDER,
    ACTION_BY_SENDER_PROVIDER,
    ACTION_BY_RECIPIENT,
    ACTION_BY_RECIPIENT_PROVIDER,
    ACTION_BY_NOBODY,
    ACTION_BY_COUNT,
};
enum retry { RETRY_YES, RETRY_LATER, RETRY_NO, RETRY_COUNT };

const char *action_by_name(enum action_by a);
const char *retry_name(enum retry r);

/* A wording that reveals a reason (a phrase) or a provider (a marker). */
struct phrase {
    struct text text; /* as written */
    char *classes;    /* "4", "5" or "2" as written; NULL: classes 4 and 5 and no code */
    char *codes;      /* reply and enhanced codes it is restricted to, as written; may be NULL */
    char *precedence; /* as written; NULL is 0 */
    int precedence_value;
    char *folded; /* filled by check_codes(): lower case, white space folded */
};

struct reason {
    long line;
    char *id;
    char *action_by_attr;
    char *retry_attr;
    enum action_by action_by;
    enum retry retry;
    struct description d;
    struct phrase *phrases;
    size_t phrase_count;
};

/* The label of one value of action-by or retry, for people. */
struct value_label {
    long line;
    char *value_attr;
    int value; /* enum action_by or enum retry; -1 when unknown */
    struct text summary;
    size_t summary_message;
};

/* A provider's own meaning for a code it shares with others. */
struct provider_meaning {
    long line;
    char *code_attr;
    int code;                   /* a reply code, or 0 */
    int klass, subject, detail; /* an enhanced code when code is 0 */
    char *reason;
    size_t reason_index; /* 1 + index into reasons, 0 for none */
    struct description d;
};

struct provider {
    long line;
    char *id;
    char *name;
    struct phrase *markers;
    size_t marker_count;
    struct provider_meaning *meanings;
    size_t meaning_count;
};

struct part_list {
    long line; /* of the section element */
    struct part *items;
    size_t count;
};

struct codes {
    struct part_list first_digits;
    struct part_list second_digits;
    struct part reply_unassigned;
    struct reply *replies;
    size_t reply_count;
    struct part_list classes;
    struct part_list subjects;
    struct part subject_unassigned;
    struct enhanced *enhanced;
    size_t enhanced_count;
    long reasons_line;
    struct value_label action_by_labels[ACTION_BY_COUNT]; /* indexed by enum action_by */
    struct value_label retry_labels[RETRY_COUNT];         /* indexed by enum retry */
    struct reason *reasons;
    size_t reason_count;
    struct provider *providers;
    size_t provider_count;
};

void codes_free(struct codes *codes);

const char *severity_name(enum severity s);

#endif
