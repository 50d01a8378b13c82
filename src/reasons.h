/* SPDX-License-Identifier: MIT */
/* Internal: a reason of the tables, described in one language. */
#ifndef SMTPCODES_REASONS_H
#define SMTPCODES_REASONS_H

#include "smtpcodes.h"

/* Fills REASON with reason INDEX of smtpcodes_tab_reasons in LANGUAGE (a value of
 * smtpcodes_i_resolve()). */
void smtpcodes_i_describe_reason(unsigned index, int language,
                                 struct smtpcodes_reason_info *reason);

/* The index of the reason ID, or -1. */
int smtpcodes_i_reason_index(const char *id);

#endif
