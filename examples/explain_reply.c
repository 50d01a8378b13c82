/* SPDX-License-Identifier: MIT */
/*
 * explain_reply: the smallest useful application of smtpcodes. It explains a
 * server reply in the language of the user's locale.
 *
 *     $ explain_reply '550 5.1.1 <a@example.org>: Recipient address rejected'
 */
#include <locale.h>
#include <smtpcodes.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: explain_reply 'SERVER REPLY'\n");
        return 2;
    }
    setlocale(LC_ALL, ""); /* the user's language; the library never does this itself */

    struct smtpcodes_reply_parts parts;
    if (smtpcodes_parse_reply(argv[1], strlen(argv[1]), &parts) != SMTPCODES_OK) {
        fprintf(stderr, "no SMTP code in that reply\n");
        return 1;
    }
    struct smtpcodes_info info;
    if (parts.code)
        smtpcodes_reply(parts.code, NULL, &info);
    else
        smtpcodes_enhanced(parts.klass, parts.subject, parts.detail, NULL, &info);
    printf("%s\n%s\n", info.summary, info.explanation);
    if (parts.code && parts.klass) {
        smtpcodes_enhanced(parts.klass, parts.subject, parts.detail, NULL, &info);
        printf("%s\n%s\n", info.summary, info.explanation);
    }
    return 0;
}
