/* SPDX-License-Identifier: MIT */
/* Schema errors in plain words: what is missing or out of place, in which element. */
#ifndef SMTPCODES_GEN_SCHEMA_ERRORS_H
#define SMTPCODES_GEN_SCHEMA_ERRORS_H

#include <libxml/tree.h>

/* Collects libxml2's RELAX NG errors while a document is validated. */
struct schema_errors {
    struct schema_error {
        xmlNode *node; /* may be NULL */
        long line;     /* 0 when unknown */
        char *message; /* libxml2's wording */
    } * items;
    size_t count, capacity;
};

/* For xmlRelaxNGSetValidStructuredErrors(), with a struct schema_errors as its context. */
void schema_errors_collect(void *errors, xmlErrorPtr error);

/*
 * Reports the collected errors of DOC through diag, each once and in plain words
 * ("missing <explanation> in <enhanced code="X.1.1">"), and frees them. Elements the
 * explanation does not know are reported in libxml2's words, naming the element.
 */
void schema_errors_report(struct schema_errors *errors, xmlDocPtr doc);

#endif
