/* SPDX-License-Identifier: MIT */
#include "emit_cli.h"

#include "cliteral.h"
#include "diag.h"
#include "po_report.h"
#include "strtab.h"

#include <gettext-po.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct cli_messages {
    char **msgids; /* sorted as strcmp() sorts, which the command's binary search relies on */
    size_t count;
};

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The command's messages have no context and no plural; anything else is not looked up by _(). */
static int is_plain(po_message_t m)
{
    return !po_message_is_obsolete(m) && !po_message_msgctxt(m) && !po_message_msgid_plural(m) &&
           *po_message_msgid(m) != '\0';
}

static po_file_t read_po(const char *path)
{
    po_report_begin(path);
    po_file_t file = po_file_read(path, &po_report_handler);
    if (!file || po_report_failed()) {
        if (!po_report_failed())
            diag_error_in(path, 0, "cannot read this file");
        if (file)
            po_file_free(file);
        return NULL;
    }
    return file;
}

static int read_template(const char *path, struct cli_messages *messages)
{
    po_file_t file = read_po(path);
    if (!file)
        return -1;
    size_t capacity = 0;
    int status = 0;
    po_message_iterator_t it = po_message_iterator(file, NULL);
    for (po_message_t m; status == 0 && (m = po_next_message(it));) {
        if (!is_plain(m))
            continue;
        if (messages->count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            char **grown = realloc(messages->msgids, capacity * sizeof *grown);
            if (!grown) {
                status = -1;
                break;
            }
            messages->msgids = grown;
        }
        messages->msgids[messages->count] = strdup(po_message_msgid(m));
        status = messages->msgids[messages->count] ? 0 : -1;
        messages->count += status == 0;
    }
    po_message_iterator_free(it);
    po_file_free(file);
    if (status != 0)
        diag_fatal("out of memory");
    else
        qsort(messages->msgids, messages->count, sizeof *messages->msgids, compare_strings);
    return status;
}

static void free_messages(struct cli_messages *messages)
{
    for (size_t i = 0; i < messages->count; i++)
        free(messages->msgids[i]);
    free(messages->msgids);
}

static size_t find_message(const struct cli_messages *messages, const char *msgid)
{
    char *const *found = bsearch(&msgid, messages->msgids, messages->count,
                                 sizeof *messages->msgids, compare_strings);
    return found ? (size_t)(found - messages->msgids) : (size_t)-1;
}

/* Fills ROW (string positions, 0: untranslated) with LANGUAGE's translations of MESSAGES. */
static int read_translations(const struct cli_messages *messages, const struct language *language,
                             struct strtab *strings, size_t *row)
{
    po_file_t file = read_po(language->path);
    if (!file)
        return -1;
    int status = 0;
    po_message_iterator_t it = po_message_iterator(file, NULL);
    for (po_message_t m; status == 0 && (m = po_next_message(it));) {
        size_t index = is_plain(m) ? find_message(messages, po_message_msgid(m)) : (size_t)-1;
        if (index == (size_t)-1 || po_message_is_fuzzy(m) || *po_message_msgstr(m) == '\0')
            continue;
        row[index] = strtab_add(strings, po_message_msgstr(m));
        status = row[index] == (size_t)-1 ? -1 : 0;
    }
    po_message_iterator_free(it);
    po_file_free(file);
    return status;
}

/* One object whose members are the strings, so that an offset names each (as the library's). */
static void write_blob(FILE *out, const struct strtab *strings)
{
    fputs("struct cli_embedded_strings {\n", out);
    for (size_t i = 0; i < strings->count; i++)
        fprintf(out, "    char s%zu[%zu];\n", i, strlen(strings->strings[i]) + 1);
    fputs("};\n\nconst struct cli_embedded_strings cli_embedded_strings = {\n", out);
    for (size_t i = 0; i < strings->count; i++) {
        cliteral_write(out, strings->strings[i], strlen(strings->strings[i]), "    ");
        fputs(",\n", out);
    }
    fputs("};\n\n#define S(n) offsetof(struct cli_embedded_strings, s##n)\n\n", out);
}

static void write_tables(FILE *out, const struct cli_messages *messages, const size_t *msgids,
                         const struct language *languages, size_t count, const size_t *rows)
{
    fprintf(out, "const size_t cli_embedded_message_count = %zu;\n", messages->count);
    fprintf(out, "const size_t cli_embedded_language_count = %zu;\n\n", count);
    fputs("const uint32_t cli_embedded_msgids[] = {\n", out);
    for (size_t i = 0; i < messages->count; i++)
        fprintf(out, "    S(%zu),\n", msgids[i]);
    fputs(messages->count ? "};\n\n" : "    0,\n};\n\n", out);
    fputs("const char cli_embedded_languages[][16] = {\n", out);
    for (size_t l = 0; l < count; l++)
        fprintf(out, "    \"%s\",\n", languages[l].code);
    fputs(count ? "};\n\n" : "    \"\",\n};\n\n", out);
    fputs("const uint32_t cli_embedded_translations[] = {\n", out);
    for (size_t l = 0; l < count; l++) {
        fprintf(out, "    /* %s */\n", languages[l].code);
        for (size_t i = 0; i < messages->count; i++)
            fprintf(out, "    S(%zu),\n", rows[l * messages->count + i]);
    }
    fputs(count && messages->count ? "};\n" : "    0,\n};\n", out);
}

int emit_cli(const char *template_path, const struct language *languages, size_t count, FILE *out)
{
    struct cli_messages messages = {0};
    struct strtab strings;
    if (strtab_init(&strings, 1024) != 0) {
        diag_fatal("out of memory");
        return -1;
    }
    int status = read_template(template_path, &messages);
    size_t *msgids = calloc(messages.count + 1, sizeof *msgids);
    size_t *rows = calloc(messages.count * count + 1, sizeof *rows);
    if (!msgids || !rows)
        status = -1;
    for (size_t i = 0; status == 0 && i < messages.count; i++) {
        msgids[i] = strtab_add(&strings, messages.msgids[i]);
        status = msgids[i] == (size_t)-1 ? -1 : 0;
    }
    for (size_t l = 0; status == 0 && l < count; l++)
        if (read_translations(&messages, &languages[l], &strings, rows + l * messages.count) != 0)
            status = -1;
    if (status == 0) {
        fputs("/* Generated by smtpcodes-gen from the command's template and po/. Do not edit. */\n"
              "#include \"embedded.h\"\n\n#include <stddef.h>\n#include <stdint.h>\n\n",
              out);
        write_blob(out, &strings);
        write_tables(out, &messages, msgids, languages, count, rows);
    }
    free(msgids);
    free(rows);
    free_messages(&messages);
    strtab_free(&strings);
    return status;
}
