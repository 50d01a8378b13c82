/* SPDX-License-Identifier: MIT */
/* What differs between codes.xml and the IANA registry. */
#ifndef SMTPCODES_DRIFT_COMPARE_H
#define SMTPCODES_DRIFT_COMPARE_H

#include "model.h"
#include "registry.h"

#include <stdio.h>

struct drift {
    size_t missing;   /* registry codes codes.xml lacks */
    size_t unknown;   /* codes.xml codes the registry lacks, not marked as a provider's */
    size_t changed;   /* summaries and references that differ */
    size_t providers; /* codes.xml codes marked as a provider's: allowed, counted */
    /* The registry's records codes.xml lacks, for a skeleton. */
    const struct registry_record **missing_records;
};

/*
 * Compares CODES (read from CODES_NAME) with REGISTRY and prints one line per
 * difference to OUT, in the form "FILE:LINE: what". Returns 0, or -1 when
 * memory runs out.
 */
int drift_compare(const struct codes *codes, const char *codes_name,
                  const struct registry *registry, const char *registry_name, FILE *out,
                  struct drift *drift);

#endif
