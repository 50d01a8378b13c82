/* SPDX-License-Identifier: MIT */
/* Internal: running the generated automaton over a reply's text. */
#ifndef SMTPCODES_MATCH_H
#define SMTPCODES_MATCH_H

#include "smtpcodes.h"

#include <stddef.h>

struct smtpcodes_i_match {
    int reason;   /* index into smtpcodes_tab_reasons of the best phrase's reason; -1: none */
    int provider; /* index into smtpcodes_tab_providers of the first marker's; -1: none */
    struct smtpcodes_span evidence; /* the best phrase, in the caller's text */
};

/*
 * Reads TEXT[0..LENGTH) once, folding case and white space as codes.xml's phrases
 * are folded, and skipping the "550-" prefix (and enhanced code) that starts each
 * further line of a multi-line reply with PARTS's code. A phrase counts only where
 * its class and codes allow, given PARTS.
 */
void smtpcodes_i_match(const char *text, size_t length, const struct smtpcodes_reply_parts *parts,
                       struct smtpcodes_i_match *found);

#endif
