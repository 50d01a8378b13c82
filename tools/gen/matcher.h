/* SPDX-License-Identifier: MIT */
/* One automaton for every phrase of every reason and every marker of every provider. */
#ifndef SMTPCODES_GEN_MATCHER_H
#define SMTPCODES_GEN_MATCHER_H

#include "model.h"

#include <stdint.h>
#include <stdio.h>

enum pattern_kind { PATTERN_PHRASE = 0, PATTERN_MARKER = 1 };

struct pattern {
    const char *folded; /* owned by the model */
    enum pattern_kind kind;
    size_t target;    /* reason index, or provider index */
    unsigned classes; /* bit N: counts in replies of class N; bit 0: text with no code */
    int precedence;
    const char *codes; /* restriction, as written; NULL for none */
    size_t next;       /* 1 + the next pattern that ends where this one does; 0: none */
};

/*
 * A deterministic Aho-Corasick automaton over folded bytes: every byte of a reply costs
 * one table look-up, whatever the number of phrases. Bytes that no pattern holds share
 * class 0, which always leads back to the start, so the table has a column per byte
 * class, not per byte.
 */
struct matcher {
    struct pattern *patterns;
    size_t pattern_count;
    uint8_t byte_class[256];
    size_t class_count;
    int space_class; /* the class of ' ' (and of every white-space byte) */
    uint32_t *next;  /* state * class_count + class -> state */
    size_t *first;   /* state -> 1 + the first pattern ending there (its own, then its
                        suffixes'); 0: none */
    size_t state_count;
    /* The states where patterns end, and only they: output_start (a power of two
     * larger than their number) to output_start + output_count - 1. */
    size_t output_start;
    size_t output_count;
};

/* Builds the automaton for CODES (checked). Returns 0, or -1 when out of memory. */
int matcher_build(const struct codes *codes, struct matcher *m);
void matcher_free(struct matcher *m);

/* The largest number of states the tables can hold (their entries are 16 bits). */
#define MATCHER_MAX_STATES 65535

#endif
