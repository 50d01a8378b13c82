/* SPDX-License-Identifier: MIT */
/* Internal: what the lookups share with the diagnosis. */
#ifndef SMTPCODES_LOOKUP_H
#define SMTPCODES_LOOKUP_H

#include "smtpcodes_tables.h"

#include <stdint.h>

/* The messages and id that answer for a code. */
struct smtpcodes_i_words {
    uint32_t summary;     /* message index */
    uint32_t explanation; /* message index */
    uint32_t id;          /* text offset */
};

/*
 * The words for the valid enhanced code KLASS.SUBJECT.DETAIL: its entry's, else its
 * subject's, in the words of success for class 2 where codes.xml gives them.
 * Returns the entry that answers, or NULL for an unregistered code.
 */
const struct smtpcodes_tab_enhanced *smtpcodes_i_enhanced_words(int klass, int subject, int detail,
                                                                struct smtpcodes_i_words *words);

#endif
