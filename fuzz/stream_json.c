/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer: any bytes as the standard input of `smtpcodes --json -`, through the
 * command's own streaming code, as a memory buffer cut in two pieces where the
 * input says and with a line limit it chooses, so that lines cross pieces and long
 * lines are cut. Every output line must be one JSON object in valid UTF-8, one per
 * line of input, and a line of valid UTF-8 must come back in "input" as it was.
 */
#include "printer.h"
#include "stream.h"

#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
 * Written here rather than shared with the command, so that it checks the command. */
static int is_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t length;
        uint32_t cp, least;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            length = 2, cp = c & 0x1F, least = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3, cp = c & 0x0F, least = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4, cp = c & 0x07, least = 0x10000;
        } else {
            return 0;
        }
        if (n - i < length)
            return 0;
        for (size_t k = 1; k < length; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < least || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return 0;
        i += length;
    }
    return 1;
}

/* The next input line as the command must see it: at most LIMIT bytes, CRs at its end
 * dropped. Returns where the line after it starts, or NULL at the end. */
static const char *next_line(const char *s, const char *end, size_t limit, const char **line,
                             size_t *length)
{
    const char *newline = memchr(s, '\n', (size_t)(end - s));
    size_t n = (size_t)((newline ? newline : end) - s);
    *line = s;
    *length = n < limit ? n : limit;
    while (*length > 0 && s[*length - 1] == '\r')
        (*length)--;
    return newline ? newline + 1 : NULL;
}

static json_object *parse_line(const char *line, size_t length)
{
    if (!is_utf8((const unsigned char *)line, length))
        abort();
    for (size_t i = 0; i < length; i++)
        if ((unsigned char)line[i] < 0x20)
            abort(); /* JSON allows no raw control character */
    json_tokener *tokener = json_tokener_new();
    json_tokener_set_flags(tokener, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_object *o = json_tokener_parse_ex(tokener, line, (int)length);
    if (!o || json_tokener_get_error(tokener) != json_tokener_success ||
        json_tokener_get_parse_end(tokener) != length || !json_object_is_type(o, json_type_object))
        abort();
    json_tokener_free(tokener);
    return o;
}

/* Each output line against the input line it answers. */
static void check_output(const char *out, size_t out_length, const char *in, size_t in_length,
                         size_t limit)
{
    if (out_length && out[out_length - 1] != '\n')
        abort();
    const char *at = out, *out_end = out + out_length;
    const char *next = in_length ? in : NULL, *in_end = in + in_length;
    while (next) {
        const char *line;
        size_t length;
        next = next_line(next, in_end, limit, &line, &length);
        if (length == 0)
            continue; /* empty lines are skipped */
        const char *newline = memchr(at, '\n', (size_t)(out_end - at));
        if (!newline)
            abort(); /* an input line without its answer */
        json_object *o = parse_line(at, (size_t)(newline - at)), *input;
        if (!json_object_object_get_ex(o, "input", &input) ||
            !json_object_is_type(input, json_type_string))
            abort();
        if (is_utf8((const unsigned char *)line, length) &&
            ((size_t)json_object_get_string_len(input) != length ||
             memcmp(json_object_get_string(input), line, length) != 0))
            abort();
        json_object_put(o);
        at = newline + 1;
    }
    if (at != out_end)
        abort(); /* an answer to no line */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *err;
    if (!err)
        err = fopen("/dev/null", "w");
    if (size < 2)
        return 0;
    /* The first byte chooses the line limit, the second where the input is cut. */
    size_t limit = data[0] < 128 ? data[0] : STREAM_LINE_LIMIT;
    const char *in = (const char *)data + 2;
    size_t length = size - 2, cut = length * data[1] / 255;

    char *out = NULL;
    size_t out_length = 0;
    FILE *memory = open_memstream(&out, &out_length);
    if (!memory)
        return 0;
    struct printer p;
    printer_init(&p, memory, err, NULL, 1);
    struct stream s;
    stream_init(&s, &p, limit);
    stream_feed(&s, in, cut);
    stream_feed(&s, in + cut, length - cut);
    stream_finish(&s);
    printer_flush(&p);
    if (p.error)
        abort();
    stream_free(&s);
    printer_free(&p);
    fclose(memory);
    check_output(out, out_length, in, length, limit);
    free(out);
    return 0;
}
