/* SPDX-License-Identifier: MIT */
#include "translations.h"

#include "diag.h"
#include "po_report.h"

#include <gettext-po.h>
#include <libxml/hash.h>
#include <libxml/xmlstring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *message_key(po_message_t m)
{
    const char *context = po_message_msgctxt(m);
    const char *msgid = po_message_msgid(m);
    size_t length = (context ? strlen(context) + 1 : 0) + strlen(msgid) + 1;
    char *key = malloc(length);
    if (key)
        snprintf(key, length, "%s%s%s", context ? context : "", context ? "\x04" : "", msgid);
    return key;
}

int known_messages_read(const char *path, struct known_messages *known)
{
    known->count = 0;
    known->keys = xmlHashCreate(64);
    po_report_begin(path);
    po_file_t file = known->keys ? po_file_read(path, &po_report_handler) : NULL;
    if (!file || po_report_failed()) {
        if (!po_report_failed())
            diag_error_in(path, 0, "cannot read this template");
        if (file)
            po_file_free(file);
        return -1;
    }
    po_message_iterator_t it = po_message_iterator(file, NULL);
    for (po_message_t m; (m = po_next_message(it));) {
        if (*po_message_msgid(m) == '\0' || po_message_is_obsolete(m))
            continue;
        char *key = message_key(m);
        if (key && xmlHashAddEntry(known->keys, (const xmlChar *)key, (void *)1) == 0)
            known->count++;
        free(key);
    }
    po_message_iterator_free(it);
    po_file_free(file);
    return 0;
}

void known_messages_free(struct known_messages *known)
{
    xmlHashFree(known->keys, NULL);
    known->keys = NULL;
}

static int is_known(const struct known_messages *known, po_message_t m)
{
    if (!known || !known->keys)
        return 0;
    char *key = message_key(m);
    int found = key && xmlHashLookup(known->keys, (const xmlChar *)key) != NULL;
    free(key);
    return found;
}

static int split_spec(const char *spec, struct language *language)
{
    const char *equals = strchr(spec, '=');
    if (!equals || equals == spec || !equals[1]) {
        diag_fatal("--po takes LANG=FILE, not '%s'", spec);
        return -1;
    }
    language->code = strndup(spec, (size_t)(equals - spec));
    language->path = strdup(equals + 1);
    if (!language->code || !language->path) {
        diag_fatal("out of memory");
        return -1;
    }
    for (const char *c = language->code; *c; c++) {
        if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') && *c != '_' && *c != '@' &&
            !(*c >= '0' && *c <= '9')) {
            diag_fatal("'%s' is not a language code", language->code);
            return -1;
        }
    }
    if (strlen(language->code) > 15) {
        diag_fatal("'%s' is not a language code", language->code);
        return -1;
    }
    return 0;
}

/* The header must say what the build relies on: UTF-8, and the language it claims to be. */
static int check_header(po_file_t file, const struct language *language, long line)
{
    const char *header = po_file_domain_header(file, NULL);
    if (!header) {
        diag_error_in(language->path, line, "the PO header is missing");
        return -1;
    }
    int status = 0;
    char *content_type = po_header_field(header, "Content-Type");
    if (!content_type || !strstr(content_type, "charset=UTF-8")) {
        diag_error_in(language->path, line, "the header must declare charset=UTF-8, not '%s'",
                      content_type ? content_type : "(none)");
        status = -1;
    }
    char *lang = po_header_field(header, "Language");
    if (!lang || strcmp(lang, language->code) != 0) {
        diag_error_in(language->path, line, "the header's Language is '%s'; expected '%s'",
                      lang ? lang : "(none)", language->code);
        status = -1;
    }
    char *plural = po_header_field(header, "Plural-Forms");
    if (!plural) {
        diag_error_in(language->path, line, "the header has no Plural-Forms");
        status = -1;
    }
    free(content_type);
    free(lang);
    free(plural);
    free((char *)header); /* po_file_domain_header() returns a copy */
    return status;
}

/*
 * libgettextpo does not say where in the PO file a message stands, so the file is
 * scanned for the line that starts each entry (its msgctxt, or its msgid), obsolete
 * "#~" entries included, in the order the reader returns them. Returns an array of
 * *COUNT lines, or NULL; a message without a known line is reported without one.
 */
static long *entry_lines(const char *path, size_t *count)
{
    *count = 0;
    FILE *in = fopen(path, "r");
    if (!in)
        return NULL;
    size_t capacity = 256;
    long *lines = malloc(capacity * sizeof *lines);
    char buffer[256];
    long line = 0;
    int after_context = 0, at_line_start = 1;
    while (lines && fgets(buffer, sizeof buffer, in)) {
        int starts_line = at_line_start;
        at_line_start = strchr(buffer, '\n') != NULL;
        if (!starts_line)
            continue; /* the rest of a long line */
        line++;
        const char *text = buffer;
        if (strncmp(text, "#~ ", 3) == 0)
            text += 3;
        int is_context = strncmp(text, "msgctxt ", 8) == 0;
        int is_msgid = strncmp(text, "msgid ", 6) == 0;
        if (!is_context && !is_msgid)
            continue;
        if (is_msgid && after_context) {
            after_context = 0;
            continue;
        }
        after_context = is_context;
        if (*count == capacity) {
            long *bigger = realloc(lines, 2 * capacity * sizeof *lines);
            if (!bigger)
                break;
            lines = bigger;
            capacity *= 2;
        }
        lines[(*count)++] = line;
    }
    fclose(in);
    return lines;
}

static const char *describe(po_message_t m)
{
    static char buffer[128];
    snprintf(buffer, sizeof buffer, "msgctxt \"%s\" msgid \"%.40s%s\"",
             po_message_msgctxt(m) ? po_message_msgctxt(m) : "", po_message_msgid(m),
             strlen(po_message_msgid(m)) > 40 ? "..." : "");
    return buffer;
}

/* Counts a message that is not embedded, but still has to be translated. */
static void take_known(po_message_t m, long line, int strict, struct language *language)
{
    const char *msgstr = po_message_msgstr(m);
    if (po_message_is_fuzzy(m) || *msgstr == '\0') {
        *(po_message_is_fuzzy(m) ? &language->fuzzy : &language->untranslated) += 1;
        if (strict)
            diag_error_in(language->path, line, "%s is %s", describe(m),
                          po_message_is_fuzzy(m) ? "fuzzy" : "untranslated");
    } else {
        language->translated++;
    }
    language->known_seen++;
}

/* Takes one message of the file; returns -1 on an error that forbids embedding the file. */
static int take_message(const struct catalog *catalog, const struct known_messages *known,
                        po_message_t m, long line, int strict, struct language *language)
{
    const char *context = po_message_msgctxt(m);
    const char *msgid = po_message_msgid(m);
    const char *msgstr = po_message_msgstr(m);
    if (po_message_is_obsolete(m) || (!context && *msgid == '\0'))
        return 0;
    size_t index = context ? catalog_find(catalog, context, msgid) : (size_t)-1;
    if (index == (size_t)-1 && is_known(known, m)) {
        take_known(m, line, strict, language);
        return 0;
    }
    if (index == (size_t)-1) {
        language->unknown++;
        if (strict)
            diag_error_in(language->path, line,
                          "%s is no longer in the template (run the update-po target)",
                          describe(m));
        return 0;
    }
    if (po_message_is_fuzzy(m) || *msgstr == '\0') {
        *(po_message_is_fuzzy(m) ? &language->fuzzy : &language->untranslated) += 1;
        if (strict)
            diag_error_in(language->path, line, "%s is %s", describe(m),
                          po_message_is_fuzzy(m) ? "fuzzy" : "untranslated");
        return 0;
    }
    if (!xmlCheckUTF8((const unsigned char *)msgstr)) {
        diag_error_in(language->path, line, "the translation of %s is not valid UTF-8",
                      describe(m));
        return -1;
    }
    if (index == CATALOG_LANGUAGE_MESSAGE && strcmp(msgstr, language->code) != 0) {
        diag_error_in(language->path, line, "%s must be translated as '%s', the file's language",
                      describe(m), language->code);
        return -1;
    }
    if (!language->texts[index])
        language->translated++;
    free(language->texts[index]);
    language->texts[index] = strdup(msgstr);
    return language->texts[index] ? 0 : -1;
}

int language_read(const struct catalog *catalog, const struct known_messages *known,
                  const char *spec, int strict, struct language *language)
{
    memset(language, 0, sizeof *language);
    if (split_spec(spec, language) != 0)
        return -1;
    language->texts = calloc(catalog->count + 1, sizeof *language->texts);
    language->count = catalog->count;
    if (!language->texts) {
        diag_fatal("out of memory");
        return -1;
    }
    po_report_begin(language->path);
    po_file_t file = po_file_read(language->path, &po_report_handler);
    if (!file || po_report_failed()) {
        if (!po_report_failed())
            diag_error_in(language->path, 0, "cannot read this translation");
        if (file)
            po_file_free(file);
        return -1;
    }
    size_t line_count;
    long *lines = entry_lines(language->path, &line_count);
    /* The header is the file's first entry when it has one. */
    int status = check_header(file, language, lines && line_count > 0 ? lines[0] : 0);
    /* gettext's own checks: the plural formula, and each format string against its msgid. */
    po_file_check_all(file, &po_report_handler);
    if (po_report_failed())
        status = -1;
    po_message_iterator_t it = po_message_iterator(file, NULL);
    size_t entry = 0;
    for (po_message_t m; status == 0 && (m = po_next_message(it)); entry++) {
        long line = lines && entry < line_count ? lines[entry] : 0;
        status = take_message(catalog, known, m, line, strict, language);
    }
    po_message_iterator_free(it);
    free(lines);
    po_file_free(file);
    /* Messages the file does not mention at all are untranslated too. */
    size_t expected = catalog->count + (known ? known->count : 0);
    size_t mentioned = language->translated + language->fuzzy + language->untranslated;
    if (status == 0 && mentioned < expected) {
        size_t missing = expected - mentioned;
        language->untranslated += missing;
        if (strict)
            diag_error_in(language->path, 0,
                          "%zu messages are missing (run the "
                          "update-po target)",
                          missing);
    }
    return status;
}

void language_free(struct language *language)
{
    free(language->code);
    free(language->path);
    for (size_t i = 0; language->texts && i < language->count; i++)
        free(language->texts[i]);
    free(language->texts);
}

/* Rounded down, so that 100 % means every message. */
int language_percent_translated(const struct language *language)
{
    size_t total = language->translated + language->fuzzy + language->untranslated;
    return total == 0 ? 100 : (int)(language->translated * 100 / total);
}

void language_print_statistics(const struct language *language, int partial)
{
    printf("%s: %zu translated, %zu fuzzy, %zu untranslated messages", language->code,
           language->translated, language->fuzzy, language->untranslated);
    if (language->unknown)
        printf(", %zu no longer in the template", language->unknown);
    printf("; %d %% translated%s\n", language_percent_translated(language),
           partial ? " (partial: the rest falls back to English)" : "");
}
