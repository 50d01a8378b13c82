/* The gettext template, smtpcodes.pot, written with libgettextpo. */
#ifndef SMTPCODES_GEN_EMIT_POT_H
#define SMTPCODES_GEN_EMIT_POT_H

#include "catalog.h"

/* Writes CATALOG as a PO template to PATH, with codes.xml references named after SOURCE_NAME.
 * Returns 0 or -1. */
int emit_pot(const struct catalog *catalog, const char *path, const char *source_name,
             const char *package_version);

#endif
