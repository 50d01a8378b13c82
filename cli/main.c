/* SPDX-License-Identifier: MIT */
/* smtpcodes: explains SMTP replies and their codes at a terminal or to a script. */
#include "gettext.h"
#include "printer.h"
#include "smtpcodes.h"
#include "stream.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A usage error and a failure to read or write share a status, as in grep and diff. */
enum exit_status {
    EXIT_ALL_UNDERSTOOD = 0,
    EXIT_SOME_NOT_UNDERSTOOD = 1,
    EXIT_USAGE = 2,
    EXIT_TROUBLE = 2
};

struct options {
    const char *lang;
    int json;
    int list;
    int all_meanings;
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
            "  --all-meanings show every meaning of a reply code, not only the one that\n"
            "                 applies\n"
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
        fprintf(stderr, translated_format(N_("smtpcodes: '%s' is not a language name\n")), lang);
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

static void report_output_error(int error)
{
    if (error == ENOMEM)
        fprintf(stderr, "smtpcodes: %s\n", strerror(error));
    else
        fprintf(stderr, "smtpcodes: write error: %s\n", strerror(error));
}

/* Closes standard output, checked: what is still buffered is written now. Returns 0
 * or the error. Closing a standard output that was closed already and never written
 * to is no error (EBADF once nothing is pending), as in GNU programs. */
static int close_stdout(void)
{
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout))
        return errno ? errno : EIO;
    if (fclose(stdout) != 0 && errno != EBADF)
        return errno;
    return 0;
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

/* Reads standard input in large pieces and explains it line by line as it comes.
 * What is answered is written before each read, which may wait for more input;
 * returns -1 when reading or writing failed. */
static int handle_lines(struct printer *p)
{
    static char input[64 * 1024];
    struct stream s;
    stream_init(&s, p, STREAM_LINE_LIMIT);
    int result = 0;
    for (;;) {
        if (printer_flush(p) < 0)
            break;
        ssize_t n = read(STDIN_FILENO, input, sizeof input);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            fprintf(stderr, "smtpcodes: read error: %s\n", strerror(errno));
            result = -1;
            break;
        }
        if (n == 0) {
            stream_finish(&s);
            break;
        }
        if (stream_feed(&s, input, (size_t)n) < 0)
            break;
    }
    stream_free(&s);
    return p->error ? -1 : result;
}

static int is_reply_code(const char *s)
{
    return smtpcodes_parse_reply_code(s, strlen(s)) >= 0;
}

static int is_enhanced_code(const char *s)
{
    return smtpcodes_parse_enhanced(s, strlen(s), NULL, NULL, NULL) == SMTPCODES_OK;
}

/* Explains every input of the command line in order: codes, pairs, replies, "-".
 * Returns -1 when reading or writing failed. */
static int handle_arguments(int argc, char **argv, struct printer *p)
{
    int options_done = 0;
    for (int i = 1; i < argc && !p->error; i++) {
        const char *arg = argv[i];
        if (!options_done && strcmp(arg, "--") == 0) {
            options_done = 1;
            continue;
        }
        if (!options_done && strcmp(arg, "-") == 0) {
            if (handle_lines(p) < 0)
                return -1;
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
        /* "550 5.1.1" given as two arguments is one reply. */
        if (i + 1 < argc && is_reply_code(arg) && is_enhanced_code(argv[i + 1])) {
            char pair[32];
            snprintf(pair, sizeof pair, "%s %s", arg, argv[++i]);
            printer_explain(p, pair, strlen(pair));
        } else {
            printer_explain(p, arg, strlen(arg));
        }
    }
    return printer_flush(p);
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
                fprintf(stderr, translated_format(N_("smtpcodes: option '%s' needs a value\n")),
                        arg);
                return -1;
            }
            o->inputs += strcmp(arg, "--reply") == 0;
        } else if (strncmp(arg, "--lang=", 7) == 0) {
            continue;
        } else if (strcmp(arg, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(arg, "--list") == 0) {
            o->list = 1;
        } else if (strcmp(arg, "--all-meanings") == 0) {
            o->all_meanings = 1;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            fprintf(stderr, translated_format(N_("smtpcodes: unknown option '%s'\n")), arg);
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

/* Explains what the command line asks for; returns the exit status. */
static int answer(int argc, char **argv, const struct options *o)
{
    struct printer p;
    printer_init(&p, stdout, stderr, o->lang, o->json);
    p.all_meanings = o->all_meanings;
    int failed;
    if (o->list) {
        printer_list(&p);
        failed = printer_flush(&p) < 0;
    } else {
        failed = handle_arguments(argc, argv, &p) < 0;
    }
    if (p.error)
        report_output_error(p.error);
    int status = failed ? EXIT_TROUBLE : p.missing ? EXIT_SOME_NOT_UNDERSTOOD : EXIT_ALL_UNDERSTOOD;
    printer_free(&p);
    return status;
}

int main(int argc, char **argv)
{
    struct options o = {0};
    o.lang = find_lang(argc, argv);
    set_up_locale(o.lang);
    int parsed = parse_options(argc, argv, &o);
    int status = parsed < 0   ? EXIT_USAGE
                 : parsed > 0 ? EXIT_ALL_UNDERSTOOD
                              : answer(argc, argv, &o);
    if (status == EXIT_TROUBLE)
        return status; /* the failure is told already */
    int error = close_stdout();
    if (error) {
        report_output_error(error);
        return EXIT_TROUBLE;
    }
    return status;
}
