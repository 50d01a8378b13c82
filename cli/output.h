/* The command's two ways of telling what it found: text for people, JSON for scripts. */
#ifndef SMTPCODES_CLI_OUTPUT_H
#define SMTPCODES_CLI_OUTPUT_H

#include "explain.h"

#include <stdio.h>

void text_print(FILE *out, const struct explanation *e, const char *lang);
void text_print_not_found(FILE *err, const struct explanation *e);
void text_print_list(FILE *out, const char *lang);

/* One JSON object on one line (JSON Lines), whatever bytes the input holds. */
void json_print(FILE *out, const struct explanation *e);
void json_print_list(FILE *out, const char *lang);

#endif
