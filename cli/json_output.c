/*
 * JSON written by hand: the output is a flat object of strings, numbers and
 * booleans, and what matters is that any input bytes come out as valid JSON,
 * which the escaping below guarantees; a JSON library would add a dependency
 * for no more than that.
 */
#include "output.h"

#include <stdint.h>
#include <string.h>

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

/* Writes BYTES as a JSON string: escapes what JSON requires, and replaces every
 * byte that is not valid UTF-8 with U+FFFD. */
static void json_string(FILE *out, const char *bytes, size_t n)
{
    const unsigned char *s = (const unsigned char *)bytes;
    fputc('"', out);
    for (size_t i = 0; i < n;) {
        size_t length = utf8_sequence(s + i, n - i);
        if (length == 0) {
            fputs("\\ufffd", out);
            i++;
            continue;
        }
        unsigned char c = s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7F)
            fprintf(out, "\\u%04x", c);
        else
            fwrite(s + i, 1, length, out);
        i += length;
    }
    fputc('"', out);
}

static void json_text(FILE *out, const char *key, const char *value, int last)
{
    fprintf(out, "\"%s\":", key);
    if (value)
        json_string(out, value, strlen(value));
    else
        fputs("null", out);
    fputs(last ? "" : ",", out);
}

void json_print(FILE *out, const struct explanation *e)
{
    const struct smtpcodes_reply_parts *p = &e->parts;
    const struct smtpcodes_info *main = !e->found ? NULL : p->code ? &e->reply : &e->enhanced;
    const struct smtpcodes_info *enhanced = p->klass ? &e->enhanced : NULL;
    char code[16];
    fputs("{\"input\":", out);
    json_string(out, e->input, e->length);
    fputs(",\"code\":", out);
    if (p->code)
        fprintf(out, "%d", p->code);
    else
        fputs("null", out);
    fputc(',', out);
    snprintf(code, sizeof code, "%d.%d.%d", p->klass, p->subject, p->detail);
    json_text(out, "enhanced", p->klass ? code : NULL, 0);
    json_text(out, "severity", main ? smtpcodes_severity_name(main->severity) : NULL, 0);
    json_text(out, "summary", main ? main->summary : NULL, 0);
    json_text(out, "explanation", main ? main->explanation : NULL, 0);
    json_text(out, "enhanced_summary", enhanced ? enhanced->summary : NULL, 0);
    json_text(out, "enhanced_explanation", enhanced ? enhanced->explanation : NULL, 0);
    json_text(out, "reference", main ? main->reference : NULL, 0);
    int registered = main && main->registered && (!enhanced || enhanced->registered);
    fprintf(out, "\"registered\":%s,", registered ? "true" : "false");
    fprintf(out, "\"consistent\":%s,", !e->found || p->consistent ? "true" : "false");
    json_text(out, "lang", main ? main->lang : NULL, 0);
    fputs("\"server_text\":", out);
    if (e->found && p->text.length)
        json_string(out, e->input + p->text.offset, p->text.length);
    else
        fputs("null", out);
    fputs("}\n", out);
}

void json_print_list(FILE *out, const char *lang)
{
    int code;
    char text[16];
    for (size_t i = 0; (code = smtpcodes_reply_code_at(i)) >= 0; i++) {
        snprintf(text, sizeof text, "%d", code);
        struct explanation e;
        explain(text, strlen(text), lang, &e);
        json_print(out, &e);
    }
    int klass, subject, detail;
    for (size_t i = 0; smtpcodes_enhanced_code_at(i, &klass, &subject, &detail) == 0; i++) {
        /* A code registered for every class is listed as its permanent form. */
        snprintf(text, sizeof text, "%d.%d.%d", klass ? klass : 5, subject, detail);
        struct explanation e;
        explain(text, strlen(text), lang, &e);
        json_print(out, &e);
    }
}
