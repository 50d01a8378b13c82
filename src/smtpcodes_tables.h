/* SPDX-License-Identifier: MIT */
/*
 * The tables the generator writes from codes.xml and the translations of po/, as the runtime reads
 * them. Their types and declarations are here, written by hand; the generator writes
 * only their sizes (smtpcodes_table_sizes.h) and their contents (smtpcodes_tables.c),
 * which includes this header, so the compiler checks that the two agree.
 *
 * Strings are offsets into one blob and messages are indices, never pointers: the
 * tables need no relocation and stay in read-only, shared pages.
 */
#ifndef SMTPCODES_TABLES_H
#define SMTPCODES_TABLES_H

#include "smtpcodes_table_sizes.h"

#include <stdint.h>

/* The tables are the library's own: addressed directly, never through the GOT. */
#if defined(__GNUC__)
#pragma GCC visibility push(hidden)
#endif

/* All strings, each ended by NUL, in one object; an offset into it names a string. */
struct smtpcodes_tab_strings;
extern const struct smtpcodes_tab_strings smtpcodes_tab_strings;

static inline const char *smtpcodes_tab_text(uint32_t offset)
{
    return (const char *)&smtpcodes_tab_strings + offset;
}

/* A translatable message: KEY is "msgctxt\004msgid" as gettext looks it up,
 * ENGLISH the msgid alone. Message 0 names the language of a translation; no
 * entry uses it, so 0 stands for "no message" below. */
struct smtpcodes_tab_message {
    uint32_t key;
    uint32_t english;
};

/* A digit, class or subject: message indices, and the offset of its reference. */
struct smtpcodes_tab_part {
    uint32_t summary;
    uint32_t explanation;
    uint32_t id; /* text offset: its stable identifier, the msgctxt of its messages */
    uint32_t reference;
    /* A subject's wording when the class is 2 (success); 0: none. */
    uint32_t success_summary;
    uint32_t success_explanation;
};

/* One meaning of a reply code, as one defining document gives it. */
struct smtpcodes_tab_meaning {
    uint32_t summary;       /* message index */
    uint32_t explanation;   /* message index */
    uint32_t id;            /* text offset: "550", "552, RFC 1870" */
    uint32_t standard_text; /* text offset; 0 is "" */
    uint32_t reference;     /* text offset */
    uint32_t enhanced;      /* text offset: enhanced codes that select it; 0 is "" */
    uint16_t first_code;    /* the same codes, packed: index into smtpcodes_tab_meaning_codes */
    uint16_t code_count;
};

struct smtpcodes_tab_reply {
    uint16_t code;
    uint16_t meaning_count;
    uint32_t first_meaning; /* index into smtpcodes_tab_meanings */
    uint32_t enhanced;      /* text offset: enhanced codes usually sent with it */
    uint32_t reason;        /* 1 + index into smtpcodes_tab_reasons: its default; 0: none */
    /* Every meaning's codes that select it (smtpcodes_tab_meaning.first_code), in
     * the meanings' order: index into smtpcodes_tab_meaning_codes. */
    uint16_t first_code;
    uint16_t code_count;
    /* Bit (first byte of a meaning's standard text, in lower case) % 32 for each
     * meaning: a server's text whose first byte's bit is clear begins with none. */
    uint32_t standard_text_starts;
};

/* An enhanced status code, or a provider's range of them (DETAIL to LAST_DETAIL);
 * KLASS is 0 for a code registered for every class (X). */
struct smtpcodes_tab_enhanced {
    uint16_t subject;
    uint16_t detail;
    uint16_t last_detail;
    uint32_t klass;
    uint32_t summary;             /* message index */
    uint32_t explanation;         /* message index */
    uint32_t id;                  /* text offset: "X.1.1" */
    uint32_t reference;           /* text offset */
    uint32_t basic;               /* text offset: reply codes usually sent with it */
    uint32_t deprecated_by;       /* text offset; 0 is "" */
    uint32_t provider;            /* text offset: who uses an unregistered code; 0 is "" */
    uint32_t reason;              /* 1 + index into smtpcodes_tab_reasons: its default; 0: none */
    uint32_t success_summary;     /* message index of its class-2 wording; 0: none */
    uint32_t success_explanation; /* message index; 0: none */
};

/* A cause of failure. ACTION_BY and RETRY index the label tables below; their
 * values are those of codes.xml's schema, in its order. */
struct smtpcodes_tab_reason {
    uint32_t summary;     /* message index */
    uint32_t explanation; /* message index */
    uint32_t id;          /* text offset: "userunknown" */
    uint8_t action_by;    /* sender, sender-provider, recipient, recipient-provider, nobody */
    uint8_t retry;        /* yes, later, no */
};

/* A mail provider that codes.xml can recognise in a reply. */
struct smtpcodes_tab_provider {
    uint32_t id;   /* text offset: "gmail" */
    uint32_t name; /* text offset: "Gmail" */
    uint16_t first_meaning;
    uint16_t meaning_count;
};

/* What a provider means by a code others use otherwise. CODE is a reply code, or 0
 * for the enhanced code KLASS.SUBJECT.DETAIL. */
struct smtpcodes_tab_provider_meaning {
    uint16_t code;
    uint16_t klass;
    uint16_t subject;
    uint16_t detail;
    uint32_t reason;      /* 1 + index into smtpcodes_tab_reasons; 0: none */
    uint32_t summary;     /* message index */
    uint32_t explanation; /* message index */
    uint32_t id;          /* text offset: "Gmail 5.7.27", the msgctxt of its messages */
    uint32_t reference;   /* text offset; 0 is "" */
};

/* A phrase of a reason, or a marker of a provider, as the matcher reports it. */
enum { SMTPCODES_TAB_PHRASE = 0, SMTPCODES_TAB_MARKER = 1 };
/* Of two phrases, the one of higher precedence wins, whatever the lengths (precedence
 * is -9 to 9), and then the longer: so does the one of higher rank. */
#define SMTPCODES_TAB_RANK(precedence, length) (((precedence) + 16) * 256 + (length))
#define SMTPCODES_TAB_RANK_LENGTH(rank) ((rank) % 256)
/* Higher than any phrase's rank. */
#define SMTPCODES_TAB_RANK_ALWAYS 0xffff
struct smtpcodes_tab_pattern {
    uint16_t next;       /* 1 + the next pattern ending where this one does; 0: none */
    uint16_t target;     /* index into smtpcodes_tab_reasons, or into the providers */
    uint8_t kind;        /* SMTPCODES_TAB_PHRASE or SMTPCODES_TAB_MARKER */
    uint8_t classes;     /* bit N: counts in a reply of class N; bit 0: text with no code */
    uint16_t rank;       /* SMTPCODES_TAB_RANK(precedence, length in folded bytes) */
    uint16_t first_code; /* restriction: index into smtpcodes_tab_pattern_codes */
    uint16_t code_count; /* 0: no restriction */
};

extern const struct smtpcodes_tab_message smtpcodes_tab_messages[SMTPCODES_TAB_MESSAGES];
/* Indexed by digit; the first digit is 2 to 5, every other entry is unused. */
extern const struct smtpcodes_tab_part smtpcodes_tab_first_digits[10];
/* Indexed by digit; digits no document assigns hold the unassigned entry. */
extern const struct smtpcodes_tab_part smtpcodes_tab_second_digits[10];
/* Indexed by class; only 2, 4 and 5 are used. */
extern const struct smtpcodes_tab_part smtpcodes_tab_classes[10];
/* Indexed by subject; subjects nobody assigns hold the unassigned entry. */
extern const struct smtpcodes_tab_part smtpcodes_tab_subjects[SMTPCODES_TAB_SUBJECTS];
extern const struct smtpcodes_tab_part smtpcodes_tab_subject_unassigned;
/* Sorted by code. */
extern const struct smtpcodes_tab_reply smtpcodes_tab_replies[SMTPCODES_TAB_REPLIES];
/* Reply code - 200 -> 1 + its index in smtpcodes_tab_replies; 0 when not registered. */
extern const uint16_t smtpcodes_tab_reply_index[400];
/* Reply code - 200 -> the message index of the summary and explanation that
 * smtpcodes_reply() gives: its first meaning's, or its category's. */
extern const uint32_t smtpcodes_tab_reply_summaries[400];
extern const uint32_t smtpcodes_tab_reply_explanations[400];
extern const struct smtpcodes_tab_meaning smtpcodes_tab_meanings[SMTPCODES_TAB_MEANINGS];
/* Sorted by subject, detail and class. */
extern const struct smtpcodes_tab_enhanced smtpcodes_tab_enhanced[SMTPCODES_TAB_ENHANCED];
/* Class 2, 4, 5 (rows 0, 1, 2), subject < 8, detail < 32 -> 1 + the index into
 * smtpcodes_tab_enhanced of the entry that answers for the code, all rules
 * applied (the class's own code, then X, then a range); 0: unregistered. */
extern const uint32_t smtpcodes_tab_enhanced_window[3][8][32];
/* Indices into smtpcodes_tab_enhanced of the entries that are ranges. */
extern const uint16_t smtpcodes_tab_enhanced_ranges[SMTPCODES_TAB_RANGE_ROWS];

/* Causes, in the order of codes.xml, and the labels of who can fix them and
 * whether retrying helps (message indices). */
extern const struct smtpcodes_tab_reason smtpcodes_tab_reasons[SMTPCODES_TAB_REASON_ROWS];
extern const uint32_t smtpcodes_tab_action_by_labels[5];
extern const uint32_t smtpcodes_tab_retry_labels[3];
extern const struct smtpcodes_tab_provider smtpcodes_tab_providers[SMTPCODES_TAB_PROVIDER_ROWS];
extern const struct smtpcodes_tab_provider_meaning
    smtpcodes_tab_provider_meanings[SMTPCODES_TAB_PROVIDER_MEANING_ROWS];

/* The matcher: one step per byte, NEXT[COLUMN[byte] + state]. A byte's column is its
 * class (case folded, every white-space byte one class) times the number of states, so
 * a step is one addition and two look-ups. The step also reads a run of white space as
 * one space. Class 0 holds the bytes no pattern has, and leads back to state 0 from
 * everywhere. Patterns end in the SMTPCODES_TAB_MATCH_OUTPUTS states from
 * SMTPCODES_TAB_MATCH_OUTPUT_START on, and in no other; that is a power of two, and the
 * states below it are the shallowest of the others, by depth, the start first (see
 * tools/gen/matcher.c). */
extern const uint32_t smtpcodes_tab_match_column[256];
extern const uint16_t
    smtpcodes_tab_match_next[SMTPCODES_TAB_MATCH_CLASSES * SMTPCODES_TAB_MATCH_STATES];
/* What ends in an output state, by state - SMTPCODES_TAB_MATCH_OUTPUT_START. */
struct smtpcodes_tab_match_output {
    uint16_t first;    /* 1 + the first pattern that ends there (the longest) */
    uint16_t top_rank; /* the highest rank of its phrases; SMTPCODES_TAB_RANK_ALWAYS
                          when a marker ends there too */
};
extern const struct smtpcodes_tab_match_output
    smtpcodes_tab_match_outputs[SMTPCODES_TAB_MATCH_OUTPUT_ROWS];
extern const struct smtpcodes_tab_pattern smtpcodes_tab_patterns[SMTPCODES_TAB_PATTERN_ROWS];
/* A phrase's codes: a reply code (200 to 599), or an enhanced code written as
 * CLASS * 1000000 + SUBJECT * 1000 + DETAIL (class 0 for X). */
extern const uint32_t smtpcodes_tab_pattern_codes[SMTPCODES_TAB_PATTERN_CODE_ROWS];
/* A meaning's enhanced codes (smtpcodes_tab_meaning.first_code), packed the same way. */
extern const uint32_t smtpcodes_tab_meaning_codes[SMTPCODES_TAB_MEANING_CODE_ROWS];

/* The translations embedded from po/, one row per language, sorted by language code.
 * (With no language there is still one row, which nothing reads.) */
extern const char smtpcodes_tab_language_names[SMTPCODES_TAB_LANGUAGE_ROWS][16];
/* Language, message index -> offset of its translation; 0 ("") when untranslated. */
extern const uint32_t smtpcodes_tab_translations[SMTPCODES_TAB_LANGUAGE_ROWS]
                                                [SMTPCODES_TAB_MESSAGES];
struct smtpcodes_tab_translated_strings;
extern const struct smtpcodes_tab_translated_strings smtpcodes_tab_translated_strings;

static inline const char *smtpcodes_tab_translated_text(uint32_t offset)
{
    return (const char *)&smtpcodes_tab_translated_strings + offset;
}

#if defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif
