/* SPDX-License-Identifier: MIT */
/*
 * What the help centre's box must show for each text, from the library as
 * applications link it: one JSON object per argument (JSON Lines), for
 * browser.mjs to compare with the page.
 *
 *     expected_answers LANG TEXT...
 */
#include "smtpcodes.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

static void add_string(json_object *o, const char *key, const char *value)
{
    json_object_object_add(o, key, value ? json_object_new_string(value) : NULL);
}

static void add_span(json_object *o, const char *key, const char *text, struct smtpcodes_span span)
{
    json_object_object_add(
        o, key,
        span.length ? json_object_new_string_len(text + span.offset, (int)span.length) : NULL);
}

/* A reason the library names; "undefined" and "" say it could not. */
static int names_a_reason(const struct smtpcodes_diagnosis *d)
{
    return *d->reason && strcmp(d->reason, "undefined") != 0 && *d->summary;
}

static json_object *answer(const char *lang, const char *text)
{
    json_object *o = json_object_new_object();
    struct smtpcodes_diagnosis d;
    int found = smtpcodes_diagnose(text, strlen(text), lang, &d) == SMTPCODES_OK;
    json_object_object_add(o, "found", json_object_new_boolean(found));
    if (!found)
        return o;
    int named = names_a_reason(&d);
    add_string(o, "headline",
               named                ? d.summary
               : *d.meaning_summary ? d.meaning_summary
                                    : d.summary);
    add_string(o, "reason", named ? d.reason : NULL);
    add_string(o, "reason_explanation", named ? d.explanation : NULL);
    add_string(o, "action_by", named ? d.action_by_text : NULL);
    add_string(o, "retry", named ? d.retry_text : NULL);
    struct smtpcodes_info info;
    int meaning = d.reply_meaning > 0 ? d.reply_meaning : 0;
    if (d.parts.code &&
        smtpcodes_reply_meaning(d.parts.code, meaning, lang, &info) == SMTPCODES_OK) {
        add_string(o, "reply_summary", info.summary);
        add_string(o, "reply_explanation", info.explanation);
    }
    if (d.parts.klass && smtpcodes_enhanced(d.parts.klass, d.parts.subject, d.parts.detail, lang,
                                            &info) == SMTPCODES_OK) {
        add_string(o, "enhanced_summary", info.summary);
        add_string(o, "enhanced_explanation", info.explanation);
    }
    add_span(o, "server_text", text, d.parts.text);
    json_object_object_add(
        o, "inconsistent",
        json_object_new_boolean(d.parts.code && d.parts.klass && !d.parts.consistent));
    return o;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: expected_answers LANG TEXT...\n", stderr);
        return 2;
    }
    for (int i = 2; i < argc; i++) {
        json_object *o = answer(argv[1], argv[i]);
        puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
        json_object_put(o);
    }
    return 0;
}
