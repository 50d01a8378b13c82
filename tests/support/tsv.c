#include "tsv.h"

#include <stdlib.h>

size_t tsv_unescape(char *field)
{
    char *out = field;
    for (const char *in = field; *in; in++) {
        if (*in != '\\' || !in[1]) {
            *out++ = *in;
            continue;
        }
        in++;
        if (*in == 'n')
            *out++ = '\n';
        else if (*in == 't')
            *out++ = '\t';
        else if (*in == 'r')
            *out++ = '\r';
        else if (*in == 'x' && in[1] && in[2]) {
            char hex[3] = {in[1], in[2], 0};
            *out++ = (char)strtol(hex, NULL, 16);
            in += 2;
        } else
            *out++ = *in;
    }
    *out = '\0';
    return (size_t)(out - field);
}

int tsv_split(char *line, char **fields, int max)
{
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; p++) {
        if (*p == '\t') {
            *p = '\0';
            fields[n++] = p + 1;
        }
    }
    return n;
}
