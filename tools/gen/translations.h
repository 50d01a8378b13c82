/* SPDX-License-Identifier: MIT */
/* Translations read from po/LANG.po with libgettextpo, to be embedded in the tables. */
#ifndef SMTPCODES_GEN_TRANSLATIONS_H
#define SMTPCODES_GEN_TRANSLATIONS_H

#include "catalog.h"

#include <stddef.h>

struct language {
    char *code;   /* "de", "pt_BR" */
    char *path;   /* the .po file */
    char **texts; /* catalog index -> msgstr; NULL where untranslated or fuzzy */
    size_t count; /* of texts: the catalog's size */
    size_t translated;
    size_t fuzzy;
    size_t untranslated;
    size_t unknown;    /* entries for messages codes.xml no longer has */
    size_t known_seen; /* entries for known messages (the command's) */
};

/*
 * Messages a translation may hold besides those of codes.xml (the command's
 * own, from xgettext): they are checked and counted, not embedded.
 */
struct known_messages {
    void *keys; /* "msgctxt\004msgid" or "msgid" -> 1 */
    size_t count;
};

/* Reads the template at PATH into KNOWN. Returns 0 or -1. */
int known_messages_read(const char *path, struct known_messages *known);
void known_messages_free(struct known_messages *known);

/*
 * Reads SPEC, "LANG=FILE", against CATALOG and KNOWN (which may be NULL). Problems that make the
 * file unusable (unreadable, not UTF-8, a Language header that is not LANG, a translation that is
 * not valid UTF-8) are errors. Untranslated, fuzzy and unknown entries are counted; with STRICT,
 * each is an error too. Returns 0 when the file can be embedded.
 */
int language_read(const struct catalog *catalog, const struct known_messages *known,
                  const char *spec, int strict, struct language *language);
void language_free(struct language *language);

/* The share of the messages that are translated, in percent, rounded down. */
int language_percent_translated(const struct language *language);

/* Prints "LANG: N translated, N fuzzy, N untranslated messages; P % translated" to
 * stdout, saying so when the language is PARTIAL (of po/LINGUAS.partial). */
void language_print_statistics(const struct language *language, int partial);

#endif
