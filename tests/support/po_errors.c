/* SPDX-License-Identifier: MIT */
#include "po_errors.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

static void on_error(int severity, po_message_t message, const char *filename, size_t line,
                     size_t column, int multiline, const char *text)
{
    (void)message;
    (void)column;
    (void)multiline;
    if (severity != PO_SEVERITY_WARNING)
        fail_msg("%s:%zu: %s", filename ? filename : "?", line, text);
}

static void on_error2(int severity, po_message_t message1, const char *filename1, size_t line1,
                      size_t column1, int multiline1, const char *text1, po_message_t message2,
                      const char *filename2, size_t line2, size_t column2, int multiline2,
                      const char *text2)
{
    (void)message2;
    (void)filename2;
    (void)line2;
    (void)column2;
    (void)multiline2;
    (void)text2;
    on_error(severity, message1, filename1, line1, column1, multiline1, text1);
}

const struct po_xerror_handler test_po_errors = {on_error, on_error2};
