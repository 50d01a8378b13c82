/* SPDX-License-Identifier: MIT */
/*
 * smtpcodes-gen: reads codes.xml, checks it, and writes the C tables of the
 * runtime library and the gettext template. Either every output is written
 * (each only if its content changed) or none is.
 */
#include "catalog.h"
#include "check.h"
#include "diag.h"
#include "emit_cli.h"
#include "emit_pot.h"
#include "emit_tables.h"
#include "load.h"
#include "output.h"
#include "translations.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct options {
    const char *input;
    const char *schema;
    const char *c_source;
    const char *c_header;
    const char *cli_source;
    const char *pot;
    const char **po_specs; /* LANG=FILE */
    size_t po_count;
    int check_po;          /* report statistics; an incomplete translation is an error */
    const char *known_pot; /* messages besides codes.xml's that translations hold */
    const char **partial;  /* languages that --check-po reports without requiring them */
    size_t partial_count;
    struct pot_header header;
};

static void usage(FILE *out)
{
    fputs("usage: smtpcodes-gen --schema FILE [--c-source FILE --c-header FILE] [--pot FILE]\n"
          "                     [--po LANG=FILE]... [--check-po] [--known-pot FILE]\n"
          "                     [--partial LANG]... [--package-version VERSION]\n"
          "                     [--pot-creation-date DATE] [--msgid-bugs-address ADDRESS]\n"
          "                     [--cli-source FILE]\n"
          "                     CODES.XML\n"
          "Checks CODES.XML against the schema and its own rules; writes the C tables,\n"
          "with the translations of each --po file embedded, and the gettext template.\n"
          "Errors are reported as FILE:LINE: error: ...\n"
          "--check-po prints each translation's statistics and fails when one is\n"
          "incomplete (untranslated, fuzzy or stale entries); --known-pot names a template\n"
          "of further messages the translations hold (the command's own); a --partial\n"
          "language is reported with its percentage and need not be complete.\n"
          "--cli-source writes those messages and their translations as C, for the command.\n",
          out);
}

static int parse_options(int argc, char **argv, struct options *o)
{
    for (int i = 1; i < argc; i++) {
        const char **slot = NULL;
        if (strcmp(argv[i], "--schema") == 0)
            slot = &o->schema;
        else if (strcmp(argv[i], "--c-source") == 0)
            slot = &o->c_source;
        else if (strcmp(argv[i], "--c-header") == 0)
            slot = &o->c_header;
        else if (strcmp(argv[i], "--pot") == 0)
            slot = &o->pot;
        else if (strcmp(argv[i], "--package-version") == 0)
            slot = &o->header.package_version;
        else if (strcmp(argv[i], "--pot-creation-date") == 0)
            slot = &o->header.creation_date;
        else if (strcmp(argv[i], "--msgid-bugs-address") == 0)
            slot = &o->header.bugs_address;
        else if (strcmp(argv[i], "--partial") == 0 && i + 1 < argc)
            o->partial[o->partial_count++] = argv[++i];
        else if (strcmp(argv[i], "--po") == 0 && i + 1 < argc)
            o->po_specs[o->po_count++] = argv[++i];
        else if (strcmp(argv[i], "--check-po") == 0)
            o->check_po = 1;
        else if (strcmp(argv[i], "--known-pot") == 0)
            slot = &o->known_pot;
        else if (strcmp(argv[i], "--cli-source") == 0)
            slot = &o->cli_source;
        else if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 1;
        } else if (argv[i][0] == '-' || o->input)
            return -1;
        else
            o->input = argv[i];
        if (slot) {
            if (++i == argc)
                return -1;
            *slot = argv[i];
        }
    }
    if (!o->input || !o->schema || !o->c_source != !o->c_header || (o->cli_source && !o->known_pot))
        return -1;
    return 0;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Whether the language of SPEC ("LANG=FILE") was named by --partial. */
static int is_partial(const struct options *o, const char *spec)
{
    size_t length = strcspn(spec, "=");
    for (size_t i = 0; i < o->partial_count; i++)
        if (strlen(o->partial[i]) == length && strncmp(o->partial[i], spec, length) == 0)
            return 1;
    return 0;
}

static int compare_languages(const void *a, const void *b)
{
    return strcmp(((const struct language *)a)->code, ((const struct language *)b)->code);
}

/* Reads every --po file; all are read even after one fails, so all problems are reported. */
static int read_languages(const struct options *o, const struct catalog *catalog,
                          struct language *languages)
{
    struct known_messages known = {0};
    if (o->known_pot && known_messages_read(o->known_pot, &known) != 0)
        return -1;
    int status = 0;
    for (size_t i = 0; i < o->po_count; i++) {
        int partial = is_partial(o, o->po_specs[i]);
        if (language_read(catalog, o->known_pot ? &known : NULL, o->po_specs[i],
                          o->check_po && !partial, &languages[i]) != 0)
            status = -1;
        else if (o->check_po)
            language_print_statistics(&languages[i], partial);
        for (size_t j = 0; j < i; j++)
            if (languages[i].code && languages[j].code &&
                strcmp(languages[i].code, languages[j].code) == 0) {
                diag_fatal("language %s is given twice", languages[i].code);
                status = -1;
            }
    }
    if (o->known_pot)
        known_messages_free(&known);
    qsort(languages, o->po_count, sizeof *languages, compare_languages);
    return status;
}

/* Writes every requested output to its temporary file; renames nothing. */
static int write_outputs(const struct options *o, const struct codes *codes,
                         const struct catalog *catalog, const struct language *languages,
                         struct output *header, struct output *source, struct output *pot,
                         struct output *cli)
{
    if (o->cli_source) {
        if (output_begin(cli, 1) != 0)
            return -1;
        if (emit_cli(o->known_pot, languages, o->po_count, cli->stream) != 0 ||
            output_finish(cli) != 0)
            return -1;
    }
    if (o->c_source) {
        if (output_begin(header, 1) != 0 || output_begin(source, 1) != 0)
            return -1;
        int emitted =
            emit_tables(codes, catalog, languages, o->po_count, header->stream, source->stream);
        if (emitted != 0) {
            if (emitted == -1)
                diag_fatal("out of memory");
            return -1;
        }
        if (output_finish(header) != 0 || output_finish(source) != 0)
            return -1;
    }
    if (o->pot) {
        if (output_begin(pot, 0) != 0)
            return -1;
        if (emit_pot(catalog, pot->temporary, base_name(o->input), &o->header) != 0)
            return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct options o = {0};
    o.header.package_version = "0";
    o.po_specs = calloc((size_t)argc, sizeof *o.po_specs);
    o.partial = calloc((size_t)argc, sizeof *o.partial);
    struct language *languages = calloc((size_t)argc, sizeof *languages);
    if (!o.po_specs || !o.partial || !languages) {
        diag_fatal("out of memory");
        return 1;
    }
    int parsed = parse_options(argc, argv, &o);
    if (parsed != 0) {
        if (parsed < 0)
            usage(stderr);
        free(o.po_specs);
        free(o.partial);
        free(languages);
        return parsed < 0 ? 2 : 0;
    }
    diag_set_file(o.input);
    LIBXML_TEST_VERSION

    struct codes codes = {0};
    struct catalog catalog = {0};
    struct output header = {o.c_header, NULL, NULL};
    struct output source = {o.c_source, NULL, NULL};
    struct output pot = {o.pot, NULL, NULL};
    struct output cli = {o.cli_source, NULL, NULL};
    /* Schema errors and errors of meaning are reported together, in one run. */
    int status = load_codes(o.input, o.schema, &codes);
    if (status >= 0)
        status = check_codes(&codes) == 0 && status == 0 ? 0 : -1;
    if (status == 0)
        status = catalog_build(&codes, &catalog, o.pot != NULL);
    if (status == 0)
        status = read_languages(&o, &catalog, languages);
    if (status == 0)
        status = write_outputs(&o, &codes, &catalog, languages, &header, &source, &pot, &cli);
    if (status == 0 && o.c_source)
        status = output_commit(&header) | output_commit(&source);
    if (status == 0 && o.pot)
        status = output_commit(&pot);
    if (status == 0 && o.cli_source)
        status = output_commit(&cli);
    output_discard(&header);
    output_discard(&source);
    output_discard(&pot);
    output_discard(&cli);
    for (size_t i = 0; i < o.po_count; i++)
        language_free(&languages[i]);
    free(languages);
    free(o.po_specs);
    free(o.partial);
    if (catalog.index)
        catalog_free(&catalog);
    codes_free(&codes);
    xmlCleanupParser();
    return status == 0 && diag_error_count() == 0 ? 0 : 1;
}
