/* SPDX-License-Identifier: MIT */
/* Printing text wrapped to the terminal's usual width, in any script. */
#ifndef SMTPCODES_CLI_WRAP_H
#define SMTPCODES_CLI_WRAP_H

#include "buffer.h"

/* Adds UTF-8 TEXT to OUT in lines of at most WIDTH columns, then a newline.
 * Lines break at spaces, and between characters of scripts written without
 * spaces (Chinese, Japanese), never before closing punctuation. */
void wrap_text(struct buffer *out, const char *text, int width);
/* The same, on a line whose first COLUMN columns are taken already. */
void wrap_text_from(struct buffer *out, const char *text, int width, int column);

#endif
