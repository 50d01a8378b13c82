/* SPDX-License-Identifier: MIT */
/* The generated C tables: one string blob plus integer offsets, no pointers, no relocations. */
#ifndef SMTPCODES_GEN_EMIT_TABLES_H
#define SMTPCODES_GEN_EMIT_TABLES_H

#include "catalog.h"
#include "model.h"
#include "translations.h"

#include <stdio.h>

/*
 * Writes the sizes of the tables to HEADER and their contents to SOURCE, which
 * includes the hand-written src/smtpcodes_tables.h, with the translations of
 * LANGUAGES (sorted by code). CODES must have passed check_codes() and
 * catalog_build(). Returns 0; -1 when memory runs out; -2 when the tables would
 * exceed their limits (reported).
 */
int emit_tables(const struct codes *codes, const struct catalog *catalog,
                const struct language *languages, size_t language_count, FILE *header,
                FILE *source);

#endif
