/* SPDX-License-Identifier: MIT */
/* Skeleton entries for registry codes that codes.xml lacks, to fill in and translate. */
#ifndef SMTPCODES_DRIFT_SKELETON_H
#define SMTPCODES_DRIFT_SKELETON_H

#include "compare.h"

/* Writes the skeletons of DRIFT's missing codes to PATH (never to codes.xml), all
 * at once: to a temporary file, then renamed. Returns 0 or -1. */
int skeleton_write(const struct drift *drift, const char *path);

#endif
