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

/* A digit of a reply code, an enhanced class or subject, or an unassigned category. */
struct part {
    long line;
    char *value_attr; /* as written, for diagnostics */
    int value;        /* -1 when value_attr is not a valid number */
    enum severity severity;
    struct description d;
};

struct meaning {
    long line;
    struct text standard_text; /* the reply text of the defining document; may be absent */
    struct description d;
};

struct reply {
    long line;
    char *code_attr;
    int code; /* -1 when code_attr is malformed */
    enum severity severity;
    char *enhanced; /* enhanced codes usually sent with it, as written; may be NULL */
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
    struct description d;
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
};

void codes_free(struct codes *codes);

const char *severity_name(enum severity s);

#endif
