/* smtpcodes: explains SMTP replies and their codes at a terminal or to a script. */
#include "explain.h"
#include "gettext.h"
#include "output.h"
#include "smtpcodes.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum exit_status { EXIT_ALL_UNDERSTOOD = 0, EXIT_SOME_NOT_UNDERSTOOD = 1, EXIT_USAGE = 2 };

struct options {
    const char *lang;
    int json;
    int list;
    int inputs; /* how many arguments are inputs, stdin ("-") included */
};

static void usage(FILE *out)
{
    /* TRANSLATORS: keep the option names; align the descriptions as you see fit. */
    fputs(_("Usage: smtpcodes [OPTION]... CODE|REPLY...\n"
            "       smtpcodes [OPTION]... -\n"
            "       smtpcodes [--lang LANG] [--json] --list\n"
            "Explains SMTP reply codes (550), enhanced status codes (5.1.1), pairs of\n"
            "them (550 5.1.1) and whole server replies or bounce lines.\n"
            "\n"
            "  -              read one reply or log line per line from standard input\n"
            "  --reply TEXT   explain TEXT as a server reply\n"
            "  --lang LANG    answer in LANG (e.g. de, pt_BR), not the locale's language\n"
            "  --json         print one JSON object per input, one per line\n"
            "  --list         list every registered code\n"
            "  --help         show this help and exit\n"
            "  --version      show the version and exit\n"
            "\n"
            "Exit status: 0 every input had a code, 1 some input had none, 2 usage error.\n"),
          out);
}

/*
 * A name that --lang may give gettext, which makes a path of it
 * (LOCALEDIR/LANG/LC_MESSAGES/smtpcodes.mo): ASCII letters, digits, "_", "-",
 * "@" and ".", a letter first, no "..", at most 64 bytes, as the library
 * accepts. So no argument chooses which file is loaded.
 */
static int is_language_name(const char *lang)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static const char allowed[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                  "0123456789_-@.";
    size_t length = strlen(lang);
    return length > 0 && length <= 64 && strspn(lang, letters) > 0 &&
           strspn(lang, allowed) == length && !strstr(lang, "..");
}

/*
 * LANG as gettext names catalogs: a built-in language by its own code ("pt-br"
 * gives "pt_BR"), any other with "_" for BCP 47's "-" ("sv-SE" gives "sv_SE"),
 * so that the command's own messages follow the same language as the answers.
 */
static const char *catalog_name(const char *lang, char *buffer, size_t size)
{
    smtpcodes_lang wanted = smtpcodes_language(lang);
    const char *code;
    for (size_t i = 0; wanted >= 0 && smtpcodes_language_at(i, &code, NULL) == SMTPCODES_OK; i++)
        if (smtpcodes_language(code) == wanted)
            return code;
    snprintf(buffer, size, "%s", lang);
    for (char *c = buffer; *c; c++)
        if (*c == '-')
            *c = '_';
    return buffer;
}

/*
 * The command follows the environment, as programs do. With --lang, its own
 * messages follow LANG too: through LANGUAGE, which gettext honours in any
 * locale but "C", so a bare "C" becomes "C.UTF-8". An invalid LANG is a usage
 * error, told in the environment's language before LANGUAGE is touched.
 */
static void set_up_locale(const char *lang)
{
    setlocale(LC_ALL, "");
    if (lang && !is_language_name(lang)) {
        smtpcodes_localedir(); /* binds the text domain */
        fprintf(stderr, _("smtpcodes: '%s' is not a language name\n"), lang);
        exit(EXIT_USAGE);
    }
    if (lang) {
        char buffer[80];
        setenv("LANGUAGE", catalog_name(lang, buffer, sizeof buffer), 1);
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
        if (strcmp(argv[i], "--reply") == 0)
            i++;
    }
    return NULL;
}

/* Explains one input and prints it; returns 0 when it held a code. */
static int handle(const char *input, size_t length, const struct options *o)
{
    struct explanation e;
    explain(input, length, o->lang, &e);
    if (o->json)
        json_print(stdout, &e);
    else if (e.found)
        text_print(stdout, &e, o->lang);
    else
        text_print_not_found(stderr, &e);
    return e.found ? 0 : -1;
}

/* Reads standard input one line at a time, so that a long log streams through. */
static int handle_lines(const struct options *o, int *first)
{
    int status = 0;
    char *line = NULL;
    size_t capacity = 0;
    ssize_t n;
    while ((n = getline(&line, &capacity, stdin)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        if (n == 0)
            continue;
        if (!o->json && !*first)
            fputs("\n--\n\n", stdout);
        *first = 0;
        status |= handle(line, (size_t)n, o);
        fflush(stdout);
    }
    free(line);
    return status;
}

static int is_reply_code(const char *s)
{
    return smtpcodes_parse_reply_code(s, strlen(s)) >= 0;
}

static int is_enhanced_code(const char *s)
{
    return smtpcodes_parse_enhanced(s, strlen(s), NULL, NULL, NULL) == SMTPCODES_OK;
}

/* Explains every input of the command line in order: codes, pairs, replies, "-". */
static int handle_arguments(int argc, char **argv, const struct options *o)
{
    int status = 0, first = 1, options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!options_done && strcmp(arg, "--") == 0) {
            options_done = 1;
            continue;
        }
        if (!options_done && strcmp(arg, "-") == 0) {
            status |= handle_lines(o, &first);
            continue;
        }
        if (!options_done && (strcmp(arg, "--lang") == 0 || strcmp(arg, "--reply") == 0)) {
            if (strcmp(arg, "--lang") == 0) {
                i++;
                continue;
            }
            arg = argv[++i];
        } else if (!options_done && arg[0] == '-' && arg[1] == '-') {
            continue; /* --json, --list, --lang=LANG: read already */
        }
        if (!o->json && !first)
            fputs("\n--\n\n", stdout);
        first = 0;
        /* "550 5.1.1" given as two arguments is one reply. */
        if (i + 1 < argc && is_reply_code(arg) && is_enhanced_code(argv[i + 1])) {
            char pair[32];
            snprintf(pair, sizeof pair, "%s %s", arg, argv[++i]);
            status |= handle(pair, strlen(pair), o);
        } else {
            status |= handle(arg, strlen(arg), o);
        }
    }
    return status ? EXIT_SOME_NOT_UNDERSTOOD : EXIT_ALL_UNDERSTOOD;
}

/* Reads the options; returns -1 on a usage error, 1 when --help or --version answered. */
static int parse_options(int argc, char **argv, struct options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            o->inputs += argc - i - 1;
            break;
        } else if (strcmp(arg, "--help") == 0) {
            usage(stdout);
            return 1;
        } else if (strcmp(arg, "--version") == 0) {
            printf("smtpcodes %s\n", smtpcodes_version());
            return 1;
        } else if (strcmp(arg, "--lang") == 0 || strcmp(arg, "--reply") == 0) {
            if (++i == argc) {
                fprintf(stderr, _("smtpcodes: option '%s' needs a value\n"), arg);
                return -1;
            }
            o->inputs += strcmp(arg, "--reply") == 0;
        } else if (strncmp(arg, "--lang=", 7) == 0) {
            continue;
        } else if (strcmp(arg, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(arg, "--list") == 0) {
            o->list = 1;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            fprintf(stderr, _("smtpcodes: unknown option '%s'\n"), arg);
            return -1;
        } else {
            o->inputs++;
        }
    }
    if (o->list == (o->inputs > 0)) {
        usage(stderr);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct options o = {0};
    o.lang = find_lang(argc, argv);
    set_up_locale(o.lang);
    int parsed = parse_options(argc, argv, &o);
    if (parsed != 0)
        return parsed < 0 ? EXIT_USAGE : EXIT_ALL_UNDERSTOOD;
    if (o.list) {
        if (o.json)
            json_print_list(stdout, o.lang);
        else
            text_print_list(stdout, o.lang);
        return EXIT_ALL_UNDERSTOOD;
    }
    return handle_arguments(argc, argv, &o);
}
