/* Writing HTML: escaped text and attribute values. */
#ifndef HELPCENTRE_HTML_H
#define HELPCENTRE_HTML_H

#include <stdio.h>

/* TEXT with &, <, >, " and ' escaped, for element content and quoted attributes. */
void html_text(FILE *out, const char *text);

/* TEXT as a JSON string, safe inside a <script type="application/json"> element. */
void html_json_string(FILE *out, const char *text);

#endif
