/* SPDX-License-Identifier: MIT */
#include "skeleton.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void xml_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", out);
        else if (*s == '>')
            fputs("&gt;", out);
        else if (*s == '&')
            fputs("&amp;", out);
        else if (*s == '"')
            fputs("&quot;", out);
        else
            fputc(*s, out);
    }
}

/* "451, 550" or "250 or 251" as codes.xml writes it: "451 550". */
static void basic_codes(FILE *out, const char *registry_text)
{
    int first = 1;
    for (const char *p = registry_text; *p; p++) {
        if (p[0] >= '2' && p[0] <= '5' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' &&
            p[2] <= '9' && (p == registry_text || !(p[-1] >= '0' && p[-1] <= '9')) &&
            !(p[3] >= '0' && p[3] <= '9')) {
            fprintf(out, "%s%.3s", first ? "" : " ", p);
            first = 0;
            p += 2;
        }
    }
}

static void write_entry(FILE *out, const struct registry_record *r)
{
    fputs("  <enhanced code=\"", out);
    xml_text(out, r->code);
    fputc('"', out);
    if (strpbrk(r->basic, "0123456789")) {
        fputs(" basic=\"", out);
        basic_codes(out, r->basic);
        fputc('"', out);
    }
    fputs(">\n    <summary>", out);
    xml_text(out, *r->summary ? r->summary : "TODO: a short name");
    fputs("</summary>\n    <explanation>TODO: what happened, the likely cause, and what to do, "
          "for a person who is not a mail administrator.</explanation>\n    <reference>",
          out);
    xml_text(out, r->references);
    fputs("</reference>\n  </enhanced>\n", out);
}

int skeleton_write(const struct drift *drift, const char *path)
{
    size_t length = strlen(path) + sizeof ".tmp-XXXXXX";
    char *temporary = malloc(length);
    if (!temporary)
        return -1;
    snprintf(temporary, length, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(temporary);
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!out) {
        if (fd >= 0)
            close(fd);
        fprintf(stderr, "%s: error: cannot write\n", path);
        free(temporary);
        return -1;
    }
    fputs("<!-- Skeletons of the registry's codes that codes.xml lacks, made by\n"
          "     smtpcodes-iana-drift. Write each explanation, move the entries into\n"
          "     <enhanced-codes>, then bring po/ up to date (the update-po target). -->\n"
          "<fragment>\n",
          out);
    for (size_t i = 0; i < drift->missing; i++)
        if (drift->missing_records[i]->table == TABLE_ENUMERATED)
            write_entry(out, drift->missing_records[i]);
    fputs("</fragment>\n", out);
    int failed = ferror(out);
    failed |= fclose(out) != 0;
    if (!failed)
        failed = rename(temporary, path) != 0;
    if (failed) {
        unlink(temporary);
        fprintf(stderr, "%s: error: cannot write\n", path);
    }
    free(temporary);
    return failed ? -1 : 0;
}
