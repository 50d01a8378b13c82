/* SPDX-License-Identifier: MIT */
/* The command's two ways of telling what it found: text for people, JSON for scripts.
 * Each adds to a buffer, which the printer writes (printer.h). */
#ifndef SMTPCODES_CLI_OUTPUT_H
#define SMTPCODES_CLI_OUTPUT_H

#include "buffer.h"
#include "explain.h"

/* A reply is led by its diagnosis (the cause, who can fix it, whether to send again),
 * then its codes; a bare code by what it means. Other meanings of a reply code
 * only with ALL_MEANINGS. */
void text_format(struct buffer *out, const struct explanation *e, const char *lang,
                 int all_meanings);
/* The message for an input without a code, for standard error. */
void text_format_not_found(struct buffer *out, const struct explanation *e);
/* One line of --list. */
void text_format_reply_entry(struct buffer *out, int code, const char *lang);
void text_format_enhanced_entry(struct buffer *out, int klass, int subject, int detail,
                                const char *lang);

/* One JSON object on one line (JSON Lines), whatever bytes the input holds. */
void json_format(struct buffer *out, const struct explanation *e);

#endif
