/* SPDX-License-Identifier: MIT */
#include "output.h"

#include "gettext.h"
#include "memo.h"
#include "wrap.h"

#include <stdio.h>
#include <string.h>

enum { TEXT_WIDTH = 76 };

/* TEXT, a text of the library, in lines for a terminal. */
static void wrap_for_terminal(struct buffer *out, const char *text, size_t length)
{
    (void)length; /* a text of the library ends with its NUL */
    wrap_text(out, text, TEXT_WIDTH);
}

static void add_wrapped(struct buffer *out, const char *text)
{
    memo_add(out, text, wrap_for_terminal);
}

/* A line built with a translated format, then wrapped like every other line. */
static void add_formatted_line(struct buffer *out, struct buffer *line)
{
    buffer_add_char(line, '\0');
    if (line->failed)
        out->failed = 1;
    else
        wrap_text(out, line->data, TEXT_WIDTH);
    buffer_free(line);
}

/* "LABEL VALUE", wrapped: LABEL carries its own punctuation ("Reference:",
 * French "Référence :"), so each language places it as its typography asks. */
static void add_field(struct buffer *out, const char *label, const char *value)
{
    if (!*value)
        return;
    struct buffer line = {0};
    buffer_add_string(&line, label);
    buffer_add_char(&line, ' ');
    buffer_add_string(&line, value);
    buffer_add_char(&line, '\0');
    if (line.failed)
        out->failed = 1;
    else
        wrap_text(out, line.data, TEXT_WIDTH);
    buffer_free(&line);
}

/* "550  SUMMARY", the summary wrapped after the code. */
static void add_code_line(struct buffer *out, const char *code, const char *summary)
{
    buffer_printf(out, "%s  ", code);
    wrap_text_from(out, summary, TEXT_WIDTH, (int)strlen(code) + 2);
}

/* "550  Summary", marked when the code is explained from its digits. */
static void add_heading(struct buffer *out, const char *code, const struct smtpcodes_info *info)
{
    if (info->registered) {
        add_code_line(out, code, info->summary);
        return;
    }
    struct buffer summary = {0};
    /* TRANSLATORS: the summary of the category of a code nobody registered. */
    buffer_printf(&summary, translated_format(N_("%s (unregistered code)")), info->summary);
    buffer_add_char(&summary, '\0');
    if (!summary.failed)
        add_code_line(out, code, summary.data);
    buffer_free(&summary);
}

/* Every meaning of CODE but SHOWN, the one explained already. */
static void add_other_meanings(struct buffer *out, int code, int shown, const char *lang)
{
    int count = smtpcodes_reply_meaning_count(code);
    for (int i = 0; i < count; i++) {
        if (i == shown)
            continue;
        struct smtpcodes_info other;
        smtpcodes_reply_meaning(code, i, lang, &other);
        struct buffer line = {0};
        /* TRANSLATORS: another meaning of the same code, as a document defines it:
           "Also, per RFC 1870: Message too large". */
        buffer_printf(&line, translated_format(N_("Also, per %s: %s")), other.reference,
                      other.summary);
        buffer_add_char(out, '\n');
        add_formatted_line(out, &line);
        add_wrapped(out, other.explanation);
        add_field(out, _("Standard text:"), other.standard_text);
    }
}

/* Adds bytes that came from outside: a control character (an escape sequence
 * could drive the terminal) is shown as "?", line ends and tabs as they are. */
static void add_foreign(struct buffer *out, const char *bytes, size_t length)
{
    char *to = buffer_reserve(out, length);
    if (!to)
        return;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)bytes[i];
        to[i] = c == '\r' || c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f) ? (char)c : '?';
    }
    out->length += length;
}

/* "LABEL BYTES", the bytes from outside made safe, on wrapped lines: a reply's own line
 * ends and tabs become spaces there, so that no line runs past the terminal's width. */
static void add_foreign_field(struct buffer *out, const char *label, const char *bytes,
                              size_t length, int quoted)
{
    struct buffer line = {0};
    buffer_add_string(&line, label);
    buffer_add(&line, quoted ? " \"" : " ", quoted ? 2 : 1);
    size_t start = line.length;
    add_foreign(&line, bytes, length);
    for (size_t i = start; i < line.length && !line.failed; i++)
        if (line.data[i] == '\r' || line.data[i] == '\n' || line.data[i] == '\t' ||
            line.data[i] == '\0')
            line.data[i] = ' ';
    if (quoted)
        buffer_add_char(&line, '"');
    add_formatted_line(out, &line);
}

static void add_server_text(struct buffer *out, const struct explanation *e)
{
    const struct smtpcodes_span *t = &e->parts.text;
    /* A bare code has no words of its own; show what the server said otherwise. */
    if (t->length == 0)
        return;
    /* TRANSLATORS: followed by what the mail server wrote after the codes. */
    add_foreign_field(out, _("The server said:"), e->input + t->offset, t->length, 0);
}

/* "550 5.1.1" or one of them, as the input gave them. */
static void code_names(const struct smtpcodes_reply_parts *p, char *reply, char *enhanced,
                       char *both)
{
    reply[0] = enhanced[0] = '\0';
    if (p->code)
        snprintf(reply, 8, "%d", p->code);
    if (p->klass)
        snprintf(enhanced, 16, "%d.%d.%d", p->klass, p->subject, p->detail);
    snprintf(both, 32, "%s%s%s", reply, *reply && *enhanced ? " " : "", enhanced);
}

static void add_disagreement(struct buffer *out, const struct explanation *e, const char *reply,
                             const char *enhanced)
{
    struct buffer line = {0};
    /* TRANSLATORS: e.g. "550" and "4.2.2": one says permanent, the other temporary. */
    buffer_printf(
        &line,
        translated_format(N_("Note: %s and %s disagree: the first says \"%s\", the second \"%s\". "
                             "Servers normally send codes that agree; trust neither alone.")),
        reply, enhanced, e->reply.severity_summary, e->enhanced.severity_summary);
    add_formatted_line(out, &line);
}

/* The cause first: what went wrong, what to do, who can fix it, whether to send again. */
static void add_diagnosis(struct buffer *out, const struct explanation *e)
{
    const struct smtpcodes_diagnosis *d = &e->diagnosis;
    add_wrapped(out, d->summary);
    buffer_add_char(out, '\n');
    add_wrapped(out, d->explanation);
    buffer_add_char(out, '\n');
    if (d->decided_by != SMTPCODES_DECIDED_BY_SUCCESS) {
        /* TRANSLATORS: followed by who can fix the problem, e.g. "The recipient". */
        add_field(out, _("Who can fix it:"), d->action_by_text);
        /* TRANSLATORS: followed by whether sending the message again helps. */
        add_field(out, _("Send again?"), d->retry_text);
    }
    /* TRANSLATORS: followed by the name of the mail provider that sent the reply. */
    add_field(out, _("Provider:"), d->provider);
    if (d->decided_by == SMTPCODES_DECIDED_BY_PHRASE && d->evidence.length) {
        /* TRANSLATORS: followed by the words of the reply that revealed the cause. */
        add_foreign_field(out, _("Found in the reply:"), e->input + d->evidence.offset,
                          d->evidence.length, 1);
    }
}

/* The codes in a few lines: the meaning that applies, then where it comes from. */
static void add_code_details(struct buffer *out, const struct explanation *e)
{
    const struct smtpcodes_reply_parts *p = &e->parts;
    char reply[8], enhanced[16], both[32];
    code_names(p, reply, enhanced, both);
    const struct smtpcodes_info *main = p->code ? &e->reply : &e->enhanced;
    buffer_add_char(out, '\n');
    add_code_line(out, both, e->diagnosis.meaning_summary);
    buffer_add_string(out, main->severity_summary);
    buffer_add_char(out, '\n');
    add_wrapped(out, e->diagnosis.meaning_explanation);
    if (!p->consistent)
        add_disagreement(out, e, reply, enhanced);
    buffer_add_char(out, '\n');
    add_server_text(out, e);
    if (p->code)
        add_field(out, _("Standard text:"), e->reply.standard_text);
    add_field(out, _("Reference:"), main->reference);
    if (p->code && p->klass)
        add_field(out, _("Reference:"), e->enhanced.reference);
    if (p->klass)
        add_field(out, _("Deprecated; use instead:"), e->enhanced.deprecated_by);
}

/* A bare code or pair: what it means, in full. */
static void add_code_meaning(struct buffer *out, const struct explanation *e)
{
    const struct smtpcodes_reply_parts *p = &e->parts;
    char reply[8], enhanced[16], both[32];
    code_names(p, reply, enhanced, both);
    const struct smtpcodes_info *main = p->code ? &e->reply : &e->enhanced;

    add_heading(out, p->code ? reply : enhanced, main);
    buffer_add_string(out, main->severity_summary);
    buffer_add(out, "\n\n", 2);
    add_wrapped(out, main->explanation);
    if (p->code && p->klass) {
        buffer_add_char(out, '\n');
        add_heading(out, enhanced, &e->enhanced);
        add_wrapped(out, e->enhanced.explanation);
    }
    if (!p->consistent) {
        buffer_add_char(out, '\n');
        add_disagreement(out, e, reply, enhanced);
    }
    buffer_add_char(out, '\n');
    add_wrapped(out, main->severity_explanation);
    buffer_add_char(out, '\n');
    if (p->code)
        add_field(out, _("Standard text:"), e->reply.standard_text);
    add_field(out, _("Reference:"), main->reference);
    if (p->code && p->klass)
        add_field(out, _("Reference:"), e->enhanced.reference);
    add_field(out, _("Usually seen with:"), main->usual_codes);
    if (p->klass)
        add_field(out, _("Deprecated; use instead:"), e->enhanced.deprecated_by);
}

void text_format(struct buffer *out, const struct explanation *e, const char *lang,
                 int all_meanings)
{
    const struct smtpcodes_reply_parts *p = &e->parts;
    /* A reply has words of the server's own, which may say more than its codes. */
    if (p->text.length) {
        add_diagnosis(out, e);
        add_code_details(out, e);
    } else {
        add_code_meaning(out, e);
    }
    if (p->code && all_meanings)
        add_other_meanings(out, p->code,
                           e->diagnosis.reply_meaning > 0 ? e->diagnosis.reply_meaning : 0, lang);
}

void text_format_not_found(struct buffer *out, const struct explanation *e)
{
    /* The input is shown through add_foreign(), so the message takes it as "%s". */
    struct buffer shown = {0};
    add_foreign(&shown, e->input, e->length > 200 ? 200 : e->length);
    buffer_printf(out,
                  translated_format(N_("smtpcodes: no SMTP reply code (200 to 599) or enhanced "
                                       "status code (such as "
                                       "5.1.1) in '%.*s'\n")),
                  (int)shown.length, shown.length ? shown.data : "");
    buffer_free(&shown);
}

void text_format_reply_entry(struct buffer *out, int code, const char *lang)
{
    struct smtpcodes_info info;
    smtpcodes_reply(code, lang, &info);
    buffer_printf(out, "%d      %s\n", code, info.summary);
}

void text_format_enhanced_entry(struct buffer *out, int klass, int subject, int detail,
                                const char *lang)
{
    struct smtpcodes_info info;
    char name[16];
    snprintf(name, sizeof name, "%c.%d.%d", klass ? '0' + klass : 'X', subject, detail);
    smtpcodes_enhanced(klass ? klass : 5, subject, detail, lang, &info);
    buffer_printf(out, "%-8s %s\n", name, info.summary);
}
