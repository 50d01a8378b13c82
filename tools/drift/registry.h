/* SPDX-License-Identifier: MIT */
/* The IANA "SMTP Enhanced Status Codes" registry, read with libxml2. */
#ifndef SMTPCODES_DRIFT_REGISTRY_H
#define SMTPCODES_DRIFT_REGISTRY_H

#include <stddef.h>

enum registry_table { TABLE_CLASS = 1, TABLE_SUBJECT = 2, TABLE_ENUMERATED = 3 };

struct registry_record {
    enum registry_table table;
    char *code;       /* as the registry writes it: "2.XXX.YYY", "X.1.YYY", "X.1.1" */
    char *summary;    /* white space folded; "" when the registry gives none */
    char *basic;      /* reply codes seen with it, as written; may be "" */
    char *references; /* "RFC 3463, RFC 7504": the documents its reference names */
    long line;        /* in the registry file */
};

struct registry {
    struct registry_record *records;
    size_t count;
};

/* Reads the registry at PATH. Returns 0, or -1 after reporting why on stderr. */
int registry_read(const char *path, struct registry *registry);
void registry_free(struct registry *registry);

#endif
