/* SPDX-License-Identifier: MIT */
/*
 * JSON written by hand: the output is a flat object of strings, numbers and
 * booleans, and what matters is that any input bytes come out as valid JSON,
 * which the escaping below guarantees; a JSON library would add a dependency
 * for no more than that.
 *
 * A mail log goes through here line by line, so strings are escaped in bulk:
 * runs of bytes that need nothing are copied at once, into room reserved for
 * the worst case, and only the bytes between runs are looked at one by one.
 */
#include "output.h"

#include "memo.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The longest a byte becomes: "\u001f", or "\ufffd" for a byte that is not UTF-8. */
enum { WORST_ESCAPE = 6 };

/* Whether C is copied as it is: printable ASCII but '"' and '\\'. */
static int is_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
}

/* Length of the valid UTF-8 sequence at S (at most N bytes), or 0 if it is not one. */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
    size_t length = s[0] < 0x80           ? 1
                    : (s[0] >> 5) == 0x6  ? 2
                    : (s[0] >> 4) == 0xE  ? 3
                    : (s[0] >> 3) == 0x1E ? 4
                                          : 0;
    if (length == 0 || length > n)
        return 0;
    uint32_t cp = length == 1 ? s[0] : s[0] & (0x7F >> length);
    for (size_t i = 1; i < length; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    /* No overlong forms, no surrogates, nothing past U+10FFFF. */
    static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[length] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return length;
}

/* Whether any of the eight bytes of W needs more than a copy: a control character,
 * '"', '\\', DEL or a byte of a multibyte character. Exact, not an estimate. */
static int word_needs_care(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    uint64_t below_space = (w - ones * 0x20) & ~w;
    uint64_t has_quote = (quote - ones) & ~quote, has_backslash = (backslash - ones) & ~backslash;
    uint64_t high_or_del = ((w & ~highs) + ones) | w;
    return ((below_space | has_quote | has_backslash | high_or_del) & highs) != 0;
}

/* How many bytes from S on (at most N) are plain, read eight at a time. */
static size_t plain_words(const unsigned char *s, size_t n)
{
    size_t i = 0;
    uint64_t w;
    while (n - i >= sizeof w) {
        memcpy(&w, s + i, sizeof w);
        if (word_needs_care(w))
            break;
        i += sizeof w;
    }
    return i;
}

/* Writes the escape of C, a byte that is not plain, at TO; returns its length. */
static size_t escape_byte(char *to, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    const char *short_form = c == '"'    ? "\\\""
                             : c == '\\' ? "\\\\"
                             : c == '\n' ? "\\n"
                             : c == '\r' ? "\\r"
                             : c == '\t' ? "\\t"
                                         : NULL;
    if (short_form) {
        memcpy(to, short_form, 2);
        return 2;
    }
    memcpy(to, "\\u00", 4);
    to[4] = hex[c >> 4];
    to[5] = hex[c & 0xF];
    return 6;
}

/* Adds BYTES as a JSON string: escapes what JSON requires, and replaces every
 * byte that is not valid UTF-8 with U+FFFD. */
static void json_string(struct buffer *out, const char *bytes, size_t n)
{
    if (n > ((size_t)-1 - 2) / WORST_ESCAPE) {
        out->failed = 1;
        return;
    }
    char *to = buffer_reserve(out, n * WORST_ESCAPE + 2);
    if (!to)
        return;
    char *start = to;
    const unsigned char *s = (const unsigned char *)bytes;
    *to++ = '"';
    size_t run = 0; /* where the current run of bytes copied as they are began */
    for (size_t i = 0; i < n;) {
        i += plain_words(s + i, n - i);
        if (i == n)
            break;
        if (is_plain(s[i])) {
            i++;
            continue;
        }
        size_t length = s[i] >= 0x80 ? utf8_sequence(s + i, n - i) : 0;
        if (length) {
            i += length;
            continue;
        }
        memcpy(to, s + run, i - run);
        to += i - run;
        if (s[i] >= 0x80) {
            memcpy(to, "\\ufffd", 6);
            to += 6;
        } else {
            to += escape_byte(to, s[i]);
        }
        run = ++i;
    }
    memcpy(to, s + run, n - run);
    to += n - run;
    *to++ = '"';
    out->length += (size_t)(to - start);
}

static void json_key(struct buffer *out, const char *key)
{
    buffer_add_char(out, '"');
    buffer_add_string(out, key);
    buffer_add(out, "\":", 2);
}

static void json_text(struct buffer *out, const char *key, const char *value)
{
    json_key(out, key);
    if (value)
        memo_add(out, value, json_string);
    else
        buffer_add(out, "null", 4);
    buffer_add_char(out, ',');
}

static void json_bool(struct buffer *out, const char *key, int value)
{
    json_key(out, key);
    buffer_add_string(out, value ? "true," : "false,");
}

/* The cause, who can fix it, whether to retry, the provider, the meaning that applies,
 * and the words that decided; the ids are stable, the texts in the answer's language. */
static void json_diagnosis(struct buffer *out, const struct explanation *e)
{
    const struct smtpcodes_diagnosis *d = &e->diagnosis;
    json_text(out, "reason", d->reason);
    json_text(out, "reason_summary", d->summary);
    json_text(out, "reason_explanation", d->explanation);
    json_text(out, "action_by", d->action_by);
    json_text(out, "action_by_text", d->action_by_text);
    json_text(out, "retry", d->retry);
    json_text(out, "retry_text", d->retry_text);
    json_text(out, "provider", *d->provider ? d->provider : NULL);
    json_text(out, "meaning", *d->meaning ? d->meaning : NULL);
    json_key(out, "evidence");
    if (d->evidence.length)
        json_string(out, e->input + d->evidence.offset, d->evidence.length);
    else
        buffer_add(out, "null", 4);
}

void json_format(struct buffer *out, const struct explanation *e)
{
    const struct smtpcodes_reply_parts *p = &e->parts;
    const struct smtpcodes_info *main = !e->found ? NULL : p->code ? &e->reply : &e->enhanced;
    const struct smtpcodes_info *enhanced = p->klass ? &e->enhanced : NULL;
    buffer_add_string(out, "{\"input\":");
    json_string(out, e->input, e->length);
    buffer_add_string(out, ",\"code\":");
    if (p->code)
        buffer_add_int(out, p->code);
    else
        buffer_add(out, "null", 4);
    buffer_add_char(out, ',');
    json_key(out, "enhanced");
    if (p->klass) {
        /* Digits and dots: nothing to escape. */
        buffer_add_char(out, '"');
        buffer_add_int(out, p->klass);
        buffer_add_char(out, '.');
        buffer_add_int(out, p->subject);
        buffer_add_char(out, '.');
        buffer_add_int(out, p->detail);
        buffer_add(out, "\",", 2);
    } else {
        buffer_add(out, "null,", 5);
    }
    json_text(out, "severity", main ? smtpcodes_severity_name(main->severity) : NULL);
    json_text(out, "summary", main ? main->summary : NULL);
    json_text(out, "explanation", main ? main->explanation : NULL);
    json_text(out, "enhanced_summary", enhanced ? enhanced->summary : NULL);
    json_text(out, "enhanced_explanation", enhanced ? enhanced->explanation : NULL);
    json_text(out, "reference", main ? main->reference : NULL);
    json_bool(out, "registered", main && main->registered && (!enhanced || enhanced->registered));
    json_bool(out, "consistent", !e->found || p->consistent);
    json_text(out, "lang", main ? main->lang : NULL);
    json_key(out, "server_text");
    if (e->found && p->text.length)
        json_string(out, e->input + p->text.offset, p->text.length);
    else
        buffer_add(out, "null", 4);
    buffer_add_char(out, ',');
    json_diagnosis(out, e);
    buffer_add(out, "}\n", 2);
}
