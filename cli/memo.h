/* SPDX-License-Identifier: MIT */
/*
 * What the command makes of the library's texts, kept. A mail log holds few
 * distinct codes, so the same explanation is escaped for JSON, or wrapped for a
 * terminal, line after line; each is done once and then copied.
 */
#ifndef SMTPCODES_CLI_MEMO_H
#define SMTPCODES_CLI_MEMO_H

#include "buffer.h"

#include <stddef.h>

/* Adds to OUT what TRANSFORM makes of TEXT (LENGTH bytes). */
typedef void text_transform(struct buffer *out, const char *text, size_t length);

/* Adds what TRANSFORM makes of TEXT, a NUL-terminated text of the library, from what
 * was kept when the same text at the same address went through it before. */
void memo_add(struct buffer *out, const char *text, text_transform *transform);

#endif
