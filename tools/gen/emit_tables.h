/* The generated C tables: one string blob plus integer offsets, no pointers, no relocations. */
#ifndef SMTPCODES_GEN_EMIT_TABLES_H
#define SMTPCODES_GEN_EMIT_TABLES_H

#include "catalog.h"
#include "model.h"
#include "translations.h"

#include <stdio.h>

/*
 * Writes the table header to HEADER and the table source, which includes
 * HEADER_NAME, to SOURCE, with the translations of LANGUAGES (sorted by
 * code). CODES must have passed check_codes() and catalog_build().
 * Returns 0, or -1 when memory runs out.
 */
int emit_tables(const struct codes *codes, const struct catalog *catalog,
                const struct language *languages, size_t language_count, FILE *header, FILE *source,
                const char *header_name);

#endif
