#include "emit_pot.h"

#include "po_report.h"

#include <gettext-po.h>
#include <stdio.h>
#include <string.h>

static po_message_t header_message(const char *package_version)
{
    char header[512];
    /* No creation date, so that the same codes.xml always gives the same bytes. */
    snprintf(header, sizeof header,
             "Project-Id-Version: smtpcodes %s\n"
             "Report-Msgid-Bugs-To: \n"
             "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
             "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
             "Language-Team: LANGUAGE <LL@li.org>\n"
             "Language: \n"
             "MIME-Version: 1.0\n"
             "Content-Type: text/plain; charset=UTF-8\n"
             "Content-Transfer-Encoding: 8bit\n",
             package_version);
    po_message_t m = po_message_create();
    po_message_set_msgid(m, "");
    po_message_set_msgstr(m, header);
    /* As in every template: msginit or the translator fills it in. */
    po_message_set_fuzzy(m, 1);
    return m;
}

int emit_pot(const struct catalog *catalog, const char *path, const char *source_name,
             const char *package_version)
{
    po_file_t file = po_file_create();
    po_message_iterator_t it = po_message_iterator(file, NULL);
    po_message_insert(it, header_message(package_version));
    for (size_t i = 0; i < catalog->count; i++) {
        const struct message *src = &catalog->items[i];
        po_message_t m = po_message_create();
        po_message_set_msgctxt(m, src->context);
        po_message_set_msgid(m, src->text);
        po_message_set_msgstr(m, "");
        po_message_set_extracted_comments(m, src->comment);
        if (src->line > 0)
            po_message_add_filepos(m, source_name, (size_t)src->line);
        /* None of these texts is a format string; say so where a "%" could make a tool think so. */
        if (strchr(src->text, '%'))
            po_message_set_format(m, "c-format", 0);
        po_message_insert(it, m);
    }
    po_message_iterator_free(it);
    po_report_begin(path);
    po_file_t written = po_file_write(file, path, &po_report_handler);
    po_file_free(file);
    return written && !po_report_failed() ? 0 : -1;
}
