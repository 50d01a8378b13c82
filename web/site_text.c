/* SPDX-License-Identifier: MIT */
/*
 * The site's texts are msgids of the project's catalogs (po/LANG.po), without
 * a context: the same words the smtpcodes command prints ("Reference",
 * "Standard text") are translated once for both.
 */
#include "site_text.h"

#include "po_report.h"

#include <gettext-po.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pair {
    char *msgid;
    char *msgstr;
};

static struct pair *pairs;
static size_t pair_count;
static int usable(po_message_t m)
{
    const char *msgstr = po_message_msgstr(m);
    return !po_message_msgctxt(m) && !po_message_msgid_plural(m) && !po_message_is_fuzzy(m) &&
           !po_message_is_obsolete(m) && *po_message_msgid(m) && msgstr && *msgstr;
}

static int keep(const char *msgid, const char *msgstr)
{
    struct pair *grown = realloc(pairs, (pair_count + 1) * sizeof *pairs);
    if (!grown)
        return -1;
    pairs = grown;
    pairs[pair_count].msgid = strdup(msgid);
    pairs[pair_count].msgstr = strdup(msgstr);
    if (!pairs[pair_count].msgid || !pairs[pair_count].msgstr)
        return -1;
    pair_count++;
    return 0;
}

static int load_file(const char *po_file)
{
    po_report_begin(po_file);
    po_file_t file = po_file_read(po_file, &po_report_handler);
    if (!file || po_report_failed()) {
        fprintf(stderr, "make_site: cannot read %s\n", po_file);
        if (file)
            po_file_free(file);
        return -1;
    }
    po_message_iterator_t it = po_message_iterator(file, NULL);
    int status = 0;
    for (po_message_t m; status == 0 && (m = po_next_message(it));)
        if (usable(m))
            status = keep(po_message_msgid(m), po_message_msgstr(m));
    po_message_iterator_free(it);
    po_file_free(file);
    return status;
}

int site_text_load(const char *po_files)
{
    site_text_free();
    if (!po_files)
        return 0;
    char *list = strdup(po_files);
    if (!list)
        return -1;
    int status = 0;
    char *save = NULL;
    for (char *file = strtok_r(list, ",", &save); status == 0 && file;
         file = strtok_r(NULL, ",", &save))
        status = load_file(file);
    free(list);
    return status;
}

const char *T(const char *text)
{
    for (size_t i = 0; i < pair_count; i++)
        if (strcmp(pairs[i].msgid, text) == 0)
            return pairs[i].msgstr;
    return text;
}

void site_text_free(void)
{
    for (size_t i = 0; i < pair_count; i++) {
        free(pairs[i].msgid);
        free(pairs[i].msgstr);
    }
    free(pairs);
    pairs = NULL;
    pair_count = 0;
}
