/* SPDX-License-Identifier: MIT */
/*
 * Texts that are hard to write in C or PO -- quotes, backslashes, comment
 * ends, trigraphs, printf directives, newlines, tabs, non-ASCII -- come out of
 * the generated tables and template exactly as tests/generator/strings.xml
 * has them. The tables themselves were compiled with the project's warnings.
 */
#include "smtpcodes_tables.h"

#include "po_errors.h"

#include <gettext-po.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char *const hard_texts[] = {
    "Quote \" backslash \\ comment */ trigraph ?\?/ ?\?= percent %n %s",
    "Line one\n"
    "\tTabbed line two\n"
    "Non-ASCII: \xc3\xa9 \xc3\xbc \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xf0\x9f\x98\x80 ?\?- <&>\n"
    "Ends with a backslash \\",
};

static void tables_hold_the_exact_texts(void **state)
{
    (void)state;
    for (size_t t = 0; t < sizeof hard_texts / sizeof *hard_texts; t++) {
        int found = 0;
        for (size_t i = 0; i < SMTPCODES_TAB_MESSAGES; i++) {
            const struct smtpcodes_tab_message *m = &smtpcodes_tab_messages[i];
            const char *english = smtpcodes_tab_text(m->english);
            if (strcmp(english, hard_texts[t]) != 0)
                continue;
            found = 1;
            /* The gettext key is the context, EOT, then the same text. */
            assert_memory_equal(smtpcodes_tab_text(m->key), "250\004", 4);
            assert_string_equal(smtpcodes_tab_text(m->key) + 4, hard_texts[t]);
        }
        if (!found)
            fail_msg("text %zu did not survive the trip into C", t);
    }
    const struct smtpcodes_tab_meaning *m = &smtpcodes_tab_meanings[0];
    assert_string_equal(smtpcodes_tab_text(m->standard_text), "250 \"OK\" \\ done ?\?) */ /*");
    assert_string_equal(smtpcodes_tab_text(m->reference), "RFC 5321 */ ?\?!");
}

static void template_holds_the_exact_texts(void **state)
{
    (void)state;
    po_file_t file = po_file_read(SMTPCODES_TEST_STRINGS_POT, &test_po_errors);
    assert_non_null(file);
    po_message_iterator_t it = po_message_iterator(file, NULL);
    size_t found = 0;
    for (po_message_t m; (m = po_next_message(it));) {
        for (size_t t = 0; t < sizeof hard_texts / sizeof *hard_texts; t++) {
            if (strcmp(po_message_msgid(m), hard_texts[t]) == 0) {
                assert_non_null(po_message_msgctxt(m));
                assert_string_equal(po_message_msgctxt(m), "250");
                found++;
            }
        }
        /* "%n" here is text, not a directive: the template must say so. */
        if (strstr(po_message_msgid(m), "%n"))
            assert_false(po_message_is_format(m, "c-format"));
    }
    assert_int_equal(found, sizeof hard_texts / sizeof *hard_texts);
    po_message_iterator_free(it);
    po_file_free(file);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tables_hold_the_exact_texts),
        cmocka_unit_test(template_holds_the_exact_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
