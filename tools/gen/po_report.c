/* SPDX-License-Identifier: MIT */
#include "po_report.h"

#include "diag.h"

#include <stdlib.h>

/* libgettextpo reports through callbacks without a context argument. */
static const char *current_path;
static int failed;

void po_report_begin(const char *path)
{
    current_path = path;
    failed = 0;
}

int po_report_failed(void)
{
    return failed;
}

static void report(int severity, po_message_t message, const char *filename, size_t lineno,
                   size_t column, int multiline, const char *text)
{
    (void)message;
    (void)column;
    (void)multiline;
    long line = lineno == (size_t)-1 ? 0 : (long)lineno;
    const char *file = filename ? filename : current_path;
    if (severity == PO_SEVERITY_WARNING) {
        diag_note_in(file, line, "%s", text);
        return;
    }
    diag_error_in(file, line, "%s", text);
    failed = 1;
    if (severity == PO_SEVERITY_FATAL_ERROR)
        exit(1);
}

static void report2(int severity, po_message_t message1, const char *filename1, size_t lineno1,
                    size_t column1, int multiline1, const char *text1, po_message_t message2,
                    const char *filename2, size_t lineno2, size_t column2, int multiline2,
                    const char *text2)
{
    report(severity, message1, filename1, lineno1, column1, multiline1, text1);
    report(PO_SEVERITY_WARNING, message2, filename2, lineno2, column2, multiline2, text2);
}

const struct po_xerror_handler po_report_handler = {report, report2};
