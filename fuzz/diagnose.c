/* SPDX-License-Identifier: MIT */
/* libFuzzer: any bytes as a bounce or reply to diagnose. Every span stays inside the
 * input, every string is set, the reason is one codes.xml has, and the language of the
 * answer changes its words, never its findings. */
#include "smtpcodes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int inside(struct smtpcodes_span s, size_t size)
{
    return s.offset <= size && s.length <= size - s.offset;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void check(const struct smtpcodes_diagnosis *d, const char *text, size_t size)
{
    const char *strings[] = {d->reason,     d->summary,         d->explanation,
                             d->action_by,  d->action_by_text,  d->retry,
                             d->retry_text, d->provider,        d->provider_id,
                             d->meaning,    d->meaning_summary, d->meaning_explanation,
                             d->lang};
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        if (!strings[i])
            abort();
    struct smtpcodes_reason_info r;
    if (smtpcodes_reason(d->reason, "en", &r) != SMTPCODES_OK)
        abort();
    if (!inside(d->evidence, size) || !inside(d->parts.code_span, size) ||
        !inside(d->parts.enhanced_span, size) || !inside(d->parts.text, size))
        abort();
    if (d->decided_by == SMTPCODES_DECIDED_BY_PHRASE && d->evidence.length == 0)
        abort();
    /* A phrase neither starts nor ends with white space, so neither does its span. */
    if (d->decided_by == SMTPCODES_DECIDED_BY_PHRASE &&
        (is_space(text[d->evidence.offset]) ||
         is_space(text[d->evidence.offset + d->evidence.length - 1])))
        abort();
    if ((d->parts.code || d->parts.klass) && !*d->meaning)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* An exact copy: nothing past SIZE may be read. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    struct smtpcodes_diagnosis en, ja;
    int status = smtpcodes_diagnose(text, size, "en", &en);
    if (status != SMTPCODES_OK && status != SMTPCODES_NOT_FOUND)
        abort();
    check(&en, text, size);
    if (smtpcodes_diagnose(text, size, "ja", &ja) != status)
        abort();
    check(&ja, text, size);
    if (strcmp(en.reason, ja.reason) != 0 || en.decided_by != ja.decided_by ||
        memcmp(&en.evidence, &ja.evidence, sizeof en.evidence) != 0 ||
        strcmp(en.meaning, ja.meaning) != 0 || en.reply_meaning != ja.reply_meaning)
        abort();
    free(text);
    return 0;
}
