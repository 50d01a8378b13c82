/* SPDX-License-Identifier: MIT */
#include "html.h"

#include <string.h>

void html_text(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            fputc(*p, out);
        }
    }
}

void html_json_string(FILE *out, const char *text)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
            /* "</script>" can never end the element early. */
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

void html_text_with(FILE *out, const char *template, const char *value)
{
    const char *slot = strstr(template, "%s");
    if (!slot) {
        html_text(out, template);
        return;
    }
    for (const char *p = template; p < slot; p++) {
        char one[2] = {*p, '\0'};
        html_text(out, one);
    }
    html_text(out, value);
    html_text(out, slot + 2);
}
