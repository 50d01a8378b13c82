/* SPDX-License-Identifier: MIT */
/* Writing HTML: escaped text and attribute values. */
#ifndef HELPCENTRE_HTML_H
#define HELPCENTRE_HTML_H

#include <stdio.h>

/* TEXT with &, <, >, " and ' escaped, for element content and quoted attributes. */
void html_text(FILE *out, const char *text);

/* TEMPLATE, escaped, with its first "%s" replaced by VALUE, escaped: a translated
 * template is never used as a printf format. */
void html_text_with(FILE *out, const char *template, const char *value);

/* TEXT as a JSON string, safe inside a <script type="application/json"> element. */
void html_json_string(FILE *out, const char *text);

#endif
