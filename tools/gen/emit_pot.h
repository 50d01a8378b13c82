/* SPDX-License-Identifier: MIT */
/* The gettext template, smtpcodes.pot, written with libgettextpo. */
#ifndef SMTPCODES_GEN_EMIT_POT_H
#define SMTPCODES_GEN_EMIT_POT_H

#include "catalog.h"

/* What the template's header says beyond its fixed fields; NULL fields are left empty. */
struct pot_header {
    const char *package_version; /* "0.1.0" */
    const char *creation_date;   /* "2026-12-05 22:00+0000"; the epoch when NULL */
    const char *bugs_address;    /* where translators report a problem with a message */
};

/* Writes CATALOG as a PO template to PATH, with codes.xml references named after SOURCE_NAME.
 * Returns 0 or -1. */
int emit_pot(const struct catalog *catalog, const char *path, const char *source_name,
             const struct pot_header *header);

#endif
