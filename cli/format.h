/* SPDX-License-Identifier: MIT */
/*
 * Checking translated printf formats before use: a catalog is data from outside,
 * and a translation of "%s: %s\n" that reads "%s%n" or "%s %s %s" would make
 * printf write through, or read, arguments the program never passed.
 */
#ifndef SMTPCODES_CLI_FORMAT_H
#define SMTPCODES_CLI_FORMAT_H

/* Whether TRANSLATION takes the same arguments, of the same types, as FORMAT, and
 * nothing printf could write through or use to print without bound. */
int format_matches(const char *format, const char *translation);

#endif
