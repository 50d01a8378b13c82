/* SPDX-License-Identifier: MIT */
/* The help centre's own texts, in the language of the page being written. */
#ifndef HELPCENTRE_SITE_TEXT_H
#define HELPCENTRE_SITE_TEXT_H

/* Marks a text for xgettext (the helpcentre-pot target) without translating it. */
#define N_(text) (text)

/* Reads the translations of PO_FILES, a comma-separated list of PO files (the
 * first that translates a text wins); NULL means English. Returns 0, or -1 after
 * reporting why a file could not be read. */
int site_text_load(const char *po_files);

/* TEXT in the loaded language: its msgstr when translated (not fuzzy), else TEXT. */
const char *T(const char *text);

void site_text_free(void);

#endif
