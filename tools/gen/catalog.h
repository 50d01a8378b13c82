/* SPDX-License-Identifier: MIT */
/* The translatable messages of codes.xml, in file order, each once per context. */
#ifndef SMTPCODES_GEN_CATALOG_H
#define SMTPCODES_GEN_CATALOG_H

#include "model.h"

#include <stddef.h>

struct message {
    char *context;    /* msgctxt: which code or part the text belongs to */
    const char *text; /* msgid: the English text, owned by the model */
    char *comment;    /* for translators: the code, its reference, its standard text */
    long line;        /* where the text stands in codes.xml; 0 for the language message */
};

/*
 * Message 0 is not from codes.xml: its msgstr names the language of a
 * translation ("de", "pt_BR"), so that the library can tell which language
 * gettext answered in.
 */
#define CATALOG_LANGUAGE_MESSAGE 0
#define CATALOG_LANGUAGE_CONTEXT "smtpcodes language"

struct catalog {
    struct message *items;
    size_t count;
    size_t capacity;
    void *index;       /* context and text -> position, to give each message once */
    int with_comments; /* only the template needs them; the tables do not */
};

/*
 * Collects every summary and explanation of CODES (which must have passed
 * check_codes) and records their indices in the model. Returns 0 or -1.
 */
int catalog_build(struct codes *codes, struct catalog *catalog, int with_comments);
void catalog_free(struct catalog *catalog);

/* The catalog index of the message with CONTEXT and TEXT, or (size_t)-1. */
size_t catalog_find(const struct catalog *catalog, const char *context, const char *text);

#endif
