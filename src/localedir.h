/* SPDX-License-Identifier: MIT */
/* Internal: where the catalogs are when nobody said. */
#ifndef SMTPCODES_LOCALEDIR_H
#define SMTPCODES_LOCALEDIR_H

/*
 * The catalog directory found from the library's own file: the installed
 * layout's locale directory relative to the library's directory
 * ("../share/locale"), or in the build tree the directory that the link
 * "smtpcodes-build-localedir" beside the library points to. A directory counts
 * only when it holds the catalog of a built-in language. Returns a canonical
 * path, or NULL when neither holds one. Not thread-safe: called once, by the
 * binding of the text domain.
 */
const char *smtpcodes_i_localedir_beside_library(void);

#endif
