/* SPDX-License-Identifier: MIT */
/* The command's own messages live in the library's text domain, beside the codes'. */
#ifndef SMTPCODES_CLI_GETTEXT_H
#define SMTPCODES_CLI_GETTEXT_H

#include "translate.h"

#define _(text) translate(text)
/* Marks a printf format for translation; translated_format() looks it up and checks it. */
#define N_(text) text

#endif
