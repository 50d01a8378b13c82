/* SPDX-License-Identifier: MIT */
/* Test support: a libgettextpo error handler that fails the running test. */
#ifndef SMTPCODES_TEST_PO_ERRORS_H
#define SMTPCODES_TEST_PO_ERRORS_H

#include <gettext-po.h>

/* Fails the current cmocka test on any error; warnings are let through. */
extern const struct po_xerror_handler test_po_errors;

#endif
