/* SPDX-License-Identifier: MIT */
#include "explain.h"

#include <string.h>

void explain(const char *input, size_t length, const char *lang, struct explanation *e)
{
    memset(e, 0, sizeof *e);
    e->input = input;
    e->length = length;
    smtpcodes_diagnose(input, length, lang, &e->diagnosis);
    e->parts = e->diagnosis.parts;
    e->found = e->parts.code || e->parts.klass;
    if (!e->found)
        return;
    if (e->parts.code)
        smtpcodes_reply_meaning(e->parts.code,
                                e->diagnosis.reply_meaning > 0 ? e->diagnosis.reply_meaning : 0,
                                lang, &e->reply);
    if (e->parts.klass)
        smtpcodes_enhanced(e->parts.klass, e->parts.subject, e->parts.detail, lang, &e->enhanced);
}

smtpcodes_severity explanation_severity(const struct explanation *e)
{
    return e->parts.code ? e->reply.severity : e->enhanced.severity;
}
