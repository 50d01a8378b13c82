/* smtpcodes: explains SMTP reply codes and enhanced status codes at a terminal. */
#include "smtpcodes.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum exit_status { EXIT_ALL_UNDERSTOOD = 0, EXIT_SOME_INVALID = 1, EXIT_USAGE = 2 };

enum { TEXT_WIDTH = 76 };

/* The command's own messages live in the library's text domain, beside the codes'. */
#define _(text) dgettext("smtpcodes", text)

static void usage(FILE *out)
{
    /* TRANSLATORS: keep the option names; align the descriptions as you see fit. */
    fputs(_("Usage: smtpcodes [--lang LANG] CODE...\n"
            "       smtpcodes [--lang LANG] --list\n"
            "Explains SMTP reply codes (550) and enhanced status codes (5.1.1).\n"
            "\n"
            "  --lang LANG  answer in LANG (e.g. de, pt_BR) instead of the locale's language\n"
            "  --list       list every registered code with its summary\n"
            "  --help       show this help and exit\n"
            "  --version    show the version and exit\n"
            "\n"
            "Exit status: 0 every code was valid, 1 some code was not, 2 usage error.\n"),
          out);
}

/* Counts UTF-8 characters, not bytes, so that wrapped lines look even. */
static size_t display_width(const char *s, size_t bytes)
{
    size_t width = 0;
    for (size_t i = 0; i < bytes; i++)
        width += ((unsigned char)s[i] & 0xC0) != 0x80;
    return width;
}

/* Prints TEXT wrapped at spaces to TEXT_WIDTH columns; a word longer than a line stays whole. */
static void print_wrapped(const char *text)
{
    size_t column = 0;
    while (*text) {
        size_t word = strcspn(text, " ");
        size_t width = display_width(text, word);
        if (column > 0 && column + 1 + width > TEXT_WIDTH) {
            putchar('\n');
            column = 0;
        } else if (column > 0) {
            putchar(' ');
            column++;
        }
        fwrite(text, 1, word, stdout);
        column += width;
        text += word;
        text += strspn(text, " ");
    }
    putchar('\n');
}

static void print_field(const char *label, const char *value)
{
    if (*value)
        /* TRANSLATORS: a label and its value, e.g. "Reference: RFC 5321". */
        printf(_("%s: %s\n"), label, value);
}

static void print_info(const char *code, const struct smtpcodes_info *info)
{
    if (info->registered)
        printf("%s  %s\n", code, info->summary);
    else
        /* TRANSLATORS: a code nobody registered, and the summary of its category. */
        printf(_("%s  %s (unregistered code)\n"), code, info->summary);
    printf("%s\n\n", info->severity_summary);
    print_wrapped(info->explanation);
    putchar('\n');
    print_wrapped(info->severity_explanation);
    putchar('\n');
    print_field(_("Standard text"), info->standard_text);
    print_field(_("Reference"), info->reference);
    print_field(_("Usually seen with"), info->usual_codes);
    print_field(_("Deprecated; use instead"), info->deprecated_by);
}

static void print_other_meanings(int code, const char *lang)
{
    int count = smtpcodes_reply_meaning_count(code);
    for (int i = 1; i < count; i++) {
        struct smtpcodes_info other;
        smtpcodes_reply_meaning(code, i, lang, &other);
        /* TRANSLATORS: another meaning of the same code, as a document defines it:
           "Also, per RFC 1870: Message too large". */
        printf(_("\nAlso, per %s: %s\n"), other.reference, other.summary);
        print_wrapped(other.explanation);
        print_field(_("Standard text"), other.standard_text);
    }
}

/* Explains one argument; returns 0 when it was a valid code. */
static int explain(const char *arg, const char *lang)
{
    struct smtpcodes_info info;
    int code = smtpcodes_parse_reply_code(arg, strlen(arg));
    int status = code >= 0 ? smtpcodes_reply(code, lang, &info)
                           : smtpcodes_enhanced_string(arg, lang, &info);
    if (status != SMTPCODES_OK) {
        fprintf(stderr,
                _("smtpcodes: '%s' is not an SMTP reply code (200 to 599) or an enhanced "
                  "status code (such as 5.1.1)\n"),
                arg);
        return -1;
    }
    print_info(arg, &info);
    if (code >= 0)
        print_other_meanings(code, lang);
    return 0;
}

static void list_codes(const char *lang)
{
    struct smtpcodes_info info;
    int code;
    for (size_t i = 0; (code = smtpcodes_reply_code_at(i)) >= 0; i++) {
        smtpcodes_reply(code, lang, &info);
        printf("%d    %s\n", code, info.summary);
    }
    int klass, subject, detail;
    for (size_t i = 0; smtpcodes_enhanced_code_at(i, &klass, &subject, &detail) == 0; i++) {
        char name[16];
        snprintf(name, sizeof name, "%c.%d.%d", klass ? '0' + klass : 'X', subject, detail);
        smtpcodes_enhanced(klass ? klass : 5, subject, detail, lang, &info);
        printf("%-8s %s\n", name, info.summary);
    }
}

/*
 * The command follows the environment, as programs do. With --lang, its own
 * messages follow LANG too: through LANGUAGE, which gettext honours in any
 * locale but "C", so a bare "C" becomes "C.UTF-8".
 */
static void set_up_locale(const char *lang)
{
    setlocale(LC_ALL, "");
    if (lang) {
        setenv("LANGUAGE", lang, 1);
        const char *messages = setlocale(LC_MESSAGES, NULL);
        if (messages && (strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0))
            setlocale(LC_MESSAGES, "C.UTF-8");
    }
    smtpcodes_localedir(); /* binds the text domain */
}

/* Finds --lang before anything is printed, so that usage errors are translated too. */
static const char *find_lang(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            return argv[i + 1];
        if (strncmp(argv[i], "--lang=", 7) == 0)
            return argv[i] + 7;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    const char *lang = find_lang(argc, argv);
    set_up_locale(lang);
    int list = 0, first_code = argc;
    for (int i = 1; i < argc && first_code == argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return EXIT_ALL_UNDERSTOOD;
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("smtpcodes %s\n", smtpcodes_version());
            return EXIT_ALL_UNDERSTOOD;
        } else if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
            i++;
        } else if (strncmp(argv[i], "--lang=", 7) == 0) {
            continue;
        } else if (strcmp(argv[i], "--list") == 0) {
            list = 1;
        } else if (strcmp(argv[i], "--") == 0) {
            first_code = i + 1;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, _("smtpcodes: unknown option '%s'\n"), argv[i]);
            usage(stderr);
            return EXIT_USAGE;
        } else {
            first_code = i;
        }
    }
    if (list == (first_code < argc)) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (list) {
        list_codes(lang);
        return EXIT_ALL_UNDERSTOOD;
    }
    int status = EXIT_ALL_UNDERSTOOD;
    for (int i = first_code; i < argc; i++) {
        if (i > first_code)
            fputs("\n--\n\n", stdout);
        if (explain(argv[i], lang) != 0)
            status = EXIT_SOME_INVALID;
    }
    return status;
}
