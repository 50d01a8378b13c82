/* SPDX-License-Identifier: MIT */
/* What the command knows about one input: its codes, and what they mean. */
#ifndef SMTPCODES_CLI_EXPLAIN_H
#define SMTPCODES_CLI_EXPLAIN_H

#include "smtpcodes.h"

#include <stddef.h>

struct explanation {
    const char *input; /* as given, LENGTH bytes, not NUL-terminated */
    size_t length;
    struct smtpcodes_diagnosis diagnosis; /* the cause, and the meaning that applies */
    struct smtpcodes_reply_parts parts;   /* the codes, as the diagnosis found them */
    int found;                            /* some valid code was found */
    /* When parts.code: the meaning of the reply code the diagnosis chose. */
    struct smtpcodes_info reply;
    struct smtpcodes_info enhanced; /* when parts.klass */
};

/*
 * Explains one input: a reply code ("550"), an enhanced code ("5.1.1"), a pair
 * ("550 5.1.1"), or any reply or log text. LANG as in the library.
 */
void explain(const char *input, size_t length, const char *lang, struct explanation *e);

/* The severity of the whole: the reply code's if there is one, else the enhanced code's. */
smtpcodes_severity explanation_severity(const struct explanation *e);

#endif
