/* SPDX-License-Identifier: MIT */
/* Reading codes.xml: safe parsing, schema validation, and the tree turned into the model. */
#ifndef SMTPCODES_GEN_LOAD_H
#define SMTPCODES_GEN_LOAD_H

#include "model.h"

/*
 * Parses the file at PATH, validates it against the RELAX NG schema at
 * SCHEMA_PATH and fills CODES. Every problem is reported through diag.
 * Returns 0 on success; 1 when the file does not match the schema but was read
 * as far as it goes (its checks of meaning can still be run, and find more);
 * -1 when nothing could be read. CODES must be freed with codes_free() in every case.
 */
int load_codes(const char *path, const char *schema_path, struct codes *codes);

#endif
