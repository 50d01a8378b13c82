/* SPDX-License-Identifier: MIT */
#include "tsv.h"

#include "run.h"

#include <stdlib.h>
#include <string.h>

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

int reply_rows_read(const char *path, struct reply_rows *rows)
{
    rows->data = read_whole_file(path, NULL);
    rows->rows = NULL;
    rows->count = 0;
    if (!rows->data)
        return -1;
    size_t capacity = 0;
    char *save = NULL;
    for (char *line = strtok_r(rows->data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *f[7];
        if (line[0] == '#')
            continue;
        if (tsv_split(line, f, 7) != 7)
            return -1;
        if (rows->count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            struct reply_row *grown = realloc(rows->rows, capacity * sizeof *grown);
            if (!grown)
                return -1;
            rows->rows = grown;
        }
        struct reply_row *row = &rows->rows[rows->count++];
        row->reply = f[0];
        row->length = tsv_unescape(f[0]);
        row->code = atoi(f[1]);
        row->enhanced = f[2];
        row->consistent = atoi(f[3]);
        row->multiline = atoi(f[4]);
        tsv_unescape(f[5]);
        row->text = f[5];
        row->form = f[6];
    }
    return 0;
}

void reply_rows_free(struct reply_rows *rows)
{
    free(rows->rows);
    free(rows->data);
}
