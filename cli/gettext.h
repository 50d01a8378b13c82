/* The command's own messages live in the library's text domain, beside the codes'. */
#ifndef SMTPCODES_CLI_GETTEXT_H
#define SMTPCODES_CLI_GETTEXT_H

#include <libintl.h>

#define _(text) dgettext("smtpcodes", text)
/* Marks a printf format for translation; translated_format() looks it up and checks it. */
#define N_(text) text

#endif
