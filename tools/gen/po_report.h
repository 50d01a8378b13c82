/* SPDX-License-Identifier: MIT */
/* Where libgettextpo's reports go: diagnostics that name the file and, where
 * gettext knows it, the line. Shared by reading translations and writing the template. */
#ifndef SMTPCODES_GEN_PO_REPORT_H
#define SMTPCODES_GEN_PO_REPORT_H

#include <gettext-po.h>

extern const struct po_xerror_handler po_report_handler;

/* Starts a libgettextpo call on PATH: reports without a file name it. */
void po_report_begin(const char *path);

/* Whether an error was reported since po_report_begin(). */
int po_report_failed(void);

#endif
