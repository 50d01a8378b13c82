/* SPDX-License-Identifier: MIT */
/*
 * The command's own messages in the language it runs in. The language is set once,
 * at start, so each message is looked up once: a log of a million lines would
 * otherwise ask gettext for the same few labels millions of times.
 */
#ifndef SMTPCODES_CLI_TRANSLATE_H
#define SMTPCODES_CLI_TRANSLATE_H

/* The translation of ENGLISH, a string literal of the program (its address is its
 * identity), or ENGLISH itself. */
const char *translate(const char *english);

/* The translation of FORMAT, a printf format of the program marked with N_(), when it
 * takes exactly the arguments FORMAT takes (format_matches()); FORMAT otherwise. */
const char *translated_format(const char *format);

#endif
