#include "output.h"

#include "gettext.h"
#include "wrap.h"

#include <string.h>

enum { TEXT_WIDTH = 76 };

static void print_field(FILE *out, const char *label, const char *value)
{
    if (*value)
        /* TRANSLATORS: a label and its value, e.g. "Reference: RFC 5321". */
        fprintf(out, _("%s: %s\n"), label, value);
}

/* "550  Summary", marked when the code is explained from its digits. */
static void print_heading(FILE *out, const char *code, const struct smtpcodes_info *info)
{
    if (info->registered)
        fprintf(out, "%s  %s\n", code, info->summary);
    else
        /* TRANSLATORS: a code nobody registered, and the summary of its category. */
        fprintf(out, _("%s  %s (unregistered code)\n"), code, info->summary);
}

static void print_other_meanings(FILE *out, int code, const char *lang)
{
    int count = smtpcodes_reply_meaning_count(code);
    for (int i = 1; i < count; i++) {
        struct smtpcodes_info other;
        smtpcodes_reply_meaning(code, i, lang, &other);
        /* TRANSLATORS: another meaning of the same code, as a document defines it:
           "Also, per RFC 1870: Message too large". */
        fprintf(out, _("\nAlso, per %s: %s\n"), other.reference, other.summary);
        wrap_print(out, other.explanation, TEXT_WIDTH);
        print_field(out, _("Standard text"), other.standard_text);
    }
}

/* Prints bytes that came from outside: a control character (an escape sequence
 * could drive the terminal) is shown as "?", line ends and tabs as they are. */
static void print_foreign(FILE *out, const char *bytes, size_t length)
{
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)bytes[i];
        fputc(c == '\r' || c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f) ? c : '?', out);
    }
}

static void print_server_text(FILE *out, const struct explanation *e)
{
    const struct smtpcodes_span *t = &e->parts.text;
    /* A bare code has no words of its own; show what the server said otherwise. */
    if (t->length == 0)
        return;
    /* TRANSLATORS: followed by what the mail server wrote after the codes. */
    fprintf(out, "%s: ", _("The server said"));
    print_foreign(out, e->input + t->offset, t->length);
    fputc('\n', out);
}

void text_print(FILE *out, const struct explanation *e, const char *lang)
{
    const struct smtpcodes_reply_parts *p = &e->parts;
    char reply[8] = "", enhanced[16] = "";
    if (p->code)
        snprintf(reply, sizeof reply, "%d", p->code);
    if (p->klass)
        snprintf(enhanced, sizeof enhanced, "%d.%d.%d", p->klass, p->subject, p->detail);
    const struct smtpcodes_info *main = p->code ? &e->reply : &e->enhanced;

    print_heading(out, p->code ? reply : enhanced, main);
    fprintf(out, "%s\n\n", main->severity_summary);
    wrap_print(out, main->explanation, TEXT_WIDTH);
    if (p->code && p->klass) {
        fputc('\n', out);
        print_heading(out, enhanced, &e->enhanced);
        wrap_print(out, e->enhanced.explanation, TEXT_WIDTH);
    }
    if (!p->consistent) {
        fputc('\n', out);
        /* TRANSLATORS: e.g. "550" and "4.2.2": one says permanent, the other temporary. */
        fprintf(out,
                _("Note: %s and %s disagree: the first says \"%s\", the second \"%s\". "
                  "Servers normally send codes that agree; trust neither alone.\n"),
                reply, enhanced, e->reply.severity_summary, e->enhanced.severity_summary);
    }
    fputc('\n', out);
    wrap_print(out, main->severity_explanation, TEXT_WIDTH);
    fputc('\n', out);
    print_server_text(out, e);
    if (p->code)
        print_field(out, _("Standard text"), e->reply.standard_text);
    print_field(out, _("Reference"), main->reference);
    if (p->code && p->klass)
        print_field(out, _("Reference"), e->enhanced.reference);
    print_field(out, _("Usually seen with"), main->usual_codes);
    if (p->klass)
        print_field(out, _("Deprecated; use instead"), e->enhanced.deprecated_by);
    if (p->code)
        print_other_meanings(out, p->code, lang);
}

void text_print_not_found(FILE *err, const struct explanation *e)
{
    /* The input is shown through print_foreign(), so the message takes it as "%s". */
    char shown[256];
    FILE *buffer = fmemopen(shown, sizeof shown, "w");
    if (buffer) {
        print_foreign(buffer, e->input, e->length > 200 ? 200 : e->length);
        fputc('\0', buffer);
        fclose(buffer);
    } else {
        shown[0] = '\0';
    }
    fprintf(err,
            _("smtpcodes: no SMTP reply code (200 to 599) or enhanced status code (such as "
              "5.1.1) in '%.*s'\n"),
            (int)strlen(shown), shown);
}

void text_print_list(FILE *out, const char *lang)
{
    struct smtpcodes_info info;
    int code;
    for (size_t i = 0; (code = smtpcodes_reply_code_at(i)) >= 0; i++) {
        smtpcodes_reply(code, lang, &info);
        fprintf(out, "%d      %s\n", code, info.summary);
    }
    int klass, subject, detail;
    for (size_t i = 0; smtpcodes_enhanced_code_at(i, &klass, &subject, &detail) == 0; i++) {
        char name[16];
        snprintf(name, sizeof name, "%c.%d.%d", klass ? '0' + klass : 'X', subject, detail);
        smtpcodes_enhanced(klass ? klass : 5, subject, detail, lang, &info);
        fprintf(out, "%-8s %s\n", name, info.summary);
    }
}
