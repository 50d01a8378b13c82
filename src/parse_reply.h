/* SPDX-License-Identifier: MIT */
/* Internal: the reply parser's general reading, without the fast path for bare replies. */
#ifndef SMTPCODES_PARSE_REPLY_H
#define SMTPCODES_PARSE_REPLY_H

#include "smtpcodes.h"

/* What smtpcodes_parse_reply() answers, always by the general scan; the fast path
 * for a bare one-line reply must agree with it on every input. */
int smtpcodes_i_parse_reply_generally(const char *text, size_t length,
                                      struct smtpcodes_reply_parts *parts);

#endif
