/* SPDX-License-Identifier: MIT */
/*
 * The help centre's entry into the library, compiled to WebAssembly with the
 * library's embedded tables and no locale path. helpcentre.js writes the
 * page's language and the pasted text into the two buffers below, calls
 * helpcentre_explain(), and reads back one JSON object: the library's diagnosis
 * of the text and what it says about each code, in that language.
 */
#include "smtpcodes.h"

#include <stddef.h>
#include <string.h>

#define EXPORT(name) __attribute__((visibility("default"), export_name(#name)))

enum { INPUT_SIZE = 64 * 1024, LANG_SIZE = 32, OUTPUT_SIZE = 128 * 1024 };

static char input[INPUT_SIZE];
static char lang[LANG_SIZE];
static char output[OUTPUT_SIZE];
static size_t used;
static int overflowed;

EXPORT(helpcentre_input) char *helpcentre_input(void)
{
    return input;
}

EXPORT(helpcentre_input_size) size_t helpcentre_input_size(void)
{
    return sizeof input;
}

EXPORT(helpcentre_lang) char *helpcentre_lang(void)
{
    return lang;
}

EXPORT(helpcentre_lang_size) size_t helpcentre_lang_size(void)
{
    return sizeof lang;
}

/* ---- a JSON writer into OUTPUT ---- */

static void put(const char *bytes, size_t length)
{
    if (used + length >= sizeof output) {
        overflowed = 1;
        return;
    }
    memcpy(output + used, bytes, length);
    used += length;
}

static void raw(const char *text)
{
    put(text, strlen(text));
}

static void number(long value)
{
    char digits[24];
    size_t at = sizeof digits;
    unsigned long magnitude = value < 0 ? 0UL - (unsigned long)value : (unsigned long)value;
    do {
        digits[--at] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    if (value < 0)
        digits[--at] = '-';
    put(digits + at, sizeof digits - at);
}

static void string_n(const char *text, size_t length)
{
    static const char hex[] = "0123456789abcdef";
    raw("\"");
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '"' || c == '\\') {
            char escaped[2] = {'\\', (char)c};
            put(escaped, 2);
        } else if (c < 0x20 || c == 0x7f) {
            char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put(escaped, 6);
        } else {
            put((const char *)&c, 1);
        }
    }
    raw("\"");
}

static void key(const char *name)
{
    if (used > 0 && output[used - 1] != '{')
        raw(",");
    string_n(name, strlen(name));
    raw(":");
}

static void string_field(const char *name, const char *value)
{
    key(name);
    string_n(value, strlen(value));
}

static void number_field(const char *name, long value)
{
    key(name);
    number(value);
}

static void span_field(const char *name, struct smtpcodes_span span)
{
    key(name);
    raw("[");
    number((long)span.offset);
    raw(",");
    number((long)span.length);
    raw("]");
}

static void info_field(const char *name, const struct smtpcodes_info *info)
{
    key(name);
    raw("{");
    string_field("severity", smtpcodes_severity_name(info->severity));
    number_field("registered", info->registered);
    string_field("summary", info->summary);
    string_field("explanation", info->explanation);
    string_field("severity_summary", info->severity_summary);
    string_field("standard_text", info->standard_text);
    string_field("reference", info->reference);
    string_field("usual_codes", info->usual_codes);
    string_field("provider", info->provider);
    string_field("deprecated_by", info->deprecated_by);
    string_field("id", info->id);
    string_field("lang", info->lang);
    raw("}");
}

/* ---- the answer ---- */

static void diagnosis_field(const struct smtpcodes_diagnosis *d, const char *text)
{
    key("diagnosis");
    raw("{");
    string_field("reason", d->reason);
    string_field("summary", d->summary);
    string_field("explanation", d->explanation);
    string_field("action_by", d->action_by);
    string_field("action_by_text", d->action_by_text);
    string_field("retry", d->retry);
    string_field("retry_text", d->retry_text);
    number_field("decided_by", (long)d->decided_by);
    key("evidence");
    string_n(text + d->evidence.offset, d->evidence.length);
    string_field("provider", d->provider);
    string_field("meaning", d->meaning);
    string_field("meaning_summary", d->meaning_summary);
    string_field("meaning_explanation", d->meaning_explanation);
    string_field("lang", d->lang);
    raw("}");
}

static void describe(const char *text, size_t length, const char *language)
{
    struct smtpcodes_diagnosis d;
    int diagnosed = smtpcodes_diagnose(text, length, language, &d) == SMTPCODES_OK;
    const struct smtpcodes_reply_parts *parts = &d.parts;
    raw("{");
    number_field("found", diagnosed);
    if (!diagnosed)
        return;
    diagnosis_field(&d, text);
    number_field("code", parts->code);
    span_field("code_span", parts->code_span);
    span_field("enhanced_span", parts->enhanced_span);
    number_field("multiline", parts->multiline);
    number_field("consistent", parts->consistent);
    key("server_text");
    string_n(text + parts->text.offset, parts->text.length);
    struct smtpcodes_info info;
    /* The meaning of the reply code that applies here, when it has several. */
    int meaning = d.reply_meaning > 0 ? d.reply_meaning : 0;
    if (parts->code &&
        smtpcodes_reply_meaning(parts->code, meaning, language, &info) == SMTPCODES_OK)
        info_field("reply", &info);
    if (parts->klass) {
        key("enhanced");
        string_n(text + parts->enhanced_span.offset, parts->enhanced_span.length);
        if (smtpcodes_enhanced(parts->klass, parts->subject, parts->detail, language, &info) ==
            SMTPCODES_OK)
            info_field("enhanced_info", &info);
    }
}

/* Explains INPUT[0..LENGTH) in the language named in LANG; returns the JSON, NUL-ended. */
EXPORT(helpcentre_explain) const char *helpcentre_explain(size_t length)
{
    used = 0;
    overflowed = 0;
    lang[sizeof lang - 1] = '\0';
    describe(input, length < sizeof input ? length : sizeof input, lang[0] ? lang : "en");
    raw("}");
    if (overflowed)
        return "{\"found\":0,\"error\":\"answer too long\"}";
    output[used] = '\0';
    return output;
}
