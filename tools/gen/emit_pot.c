#include "emit_pot.h"

#include "diag.h"

#include <gettext-po.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int write_failed;

static void report_po_error(int severity, po_message_t message, const char *filename, size_t lineno,
                            size_t column, int multiline, const char *text)
{
    (void)message;
    (void)lineno;
    (void)column;
    (void)multiline;
    diag_fatal("%s: %s", filename ? filename : "smtpcodes.pot", text);
    write_failed = 1;
    if (severity == PO_SEVERITY_FATAL_ERROR)
        exit(1);
}

static void report_po_error2(int severity, po_message_t message1, const char *filename1,
                             size_t lineno1, size_t column1, int multiline1, const char *text1,
                             po_message_t message2, const char *filename2, size_t lineno2,
                             size_t column2, int multiline2, const char *text2)
{
    (void)message2;
    (void)filename2;
    (void)lineno2;
    (void)column2;
    (void)multiline2;
    (void)text2;
    report_po_error(severity, message1, filename1, lineno1, column1, multiline1, text1);
}

static const struct po_xerror_handler po_errors = {report_po_error, report_po_error2};

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
    write_failed = 0;
    po_file_t written = po_file_write(file, path, &po_errors);
    po_file_free(file);
    return written && !write_failed ? 0 : -1;
}
