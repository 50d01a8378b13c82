/* SPDX-License-Identifier: MIT */
#include "printer.h"

#include "explain.h"
#include "output.h"

#include <errno.h>
#include <string.h>

/* Answers are written once this much is pending: large writes, memory bounded. */
enum { WRITE_SIZE = 64 * 1024 };

void printer_init(struct printer *p, FILE *out, FILE *err, const char *lang, int json)
{
    *p = (struct printer){.out = out, .err = err, .lang = lang, .json = json, .first = 1};
}

void printer_free(struct printer *p)
{
    buffer_free(&p->pending);
    buffer_free(&p->message);
}

int printer_flush(struct printer *p)
{
    if (p->error)
        return -1;
    if (p->pending.failed) {
        p->error = ENOMEM;
        return -1;
    }
    /* errno is read right after the call that failed, before anything can change it. */
    errno = 0;
    if (p->pending.length &&
        fwrite(p->pending.data, 1, p->pending.length, p->out) < p->pending.length) {
        p->error = errno ? errno : EIO;
        return -1;
    }
    buffer_clear(&p->pending);
    errno = 0;
    if (fflush(p->out) != 0) {
        p->error = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

/* Writes once enough is pending; OUT is flushed too, so a failure shows at once. */
static void write_when_full(struct printer *p)
{
    if (p->pending.length >= WRITE_SIZE || p->pending.failed)
        printer_flush(p);
}

static void write_message(struct printer *p)
{
    /* Standard error is where failures are told: if it fails too, nothing is left to tell. */
    if (printer_flush(p) == 0 && !p->message.failed)
        (void)!fwrite(p->message.data, 1, p->message.length, p->err);
    buffer_clear(&p->message);
}

void printer_warn(struct printer *p, const char *message)
{
    buffer_add_string(&p->message, message);
    write_message(p);
}

void printer_explain(struct printer *p, const char *input, size_t length)
{
    if (p->error)
        return;
    struct explanation e;
    explain(input, length, p->lang, &e);
    p->missing |= !e.found;
    if (!p->json && !p->first)
        buffer_add(&p->pending, "\n--\n\n", 5);
    p->first = 0;
    if (p->json) {
        json_format(&p->pending, &e);
    } else if (e.found) {
        text_format(&p->pending, &e, p->lang, p->all_meanings);
    } else {
        text_format_not_found(&p->message, &e);
        write_message(p);
    }
    write_when_full(p);
}

static void list_reply(struct printer *p, int code)
{
    if (p->json) {
        char text[16];
        snprintf(text, sizeof text, "%d", code);
        struct explanation e;
        explain(text, strlen(text), p->lang, &e);
        json_format(&p->pending, &e);
    } else {
        text_format_reply_entry(&p->pending, code, p->lang);
    }
}

static void list_enhanced(struct printer *p, int klass, int subject, int detail)
{
    if (p->json) {
        /* A code registered for every class is listed as its permanent form. */
        char text[16];
        snprintf(text, sizeof text, "%d.%d.%d", klass ? klass : 5, subject, detail);
        struct explanation e;
        explain(text, strlen(text), p->lang, &e);
        json_format(&p->pending, &e);
    } else {
        text_format_enhanced_entry(&p->pending, klass, subject, detail, p->lang);
    }
}

void printer_list(struct printer *p)
{
    int code;
    for (size_t i = 0; !p->error && (code = smtpcodes_reply_code_at(i)) >= 0; i++) {
        list_reply(p, code);
        write_when_full(p);
    }
    int klass, subject, detail;
    for (size_t i = 0; !p->error && smtpcodes_enhanced_code_at(i, &klass, &subject, &detail) == 0;
         i++) {
        list_enhanced(p, klass, subject, detail);
        write_when_full(p);
    }
}
