/* SPDX-License-Identifier: MIT */
#include "emit_pot.h"

#include "diag.h"
#include "po_report.h"

#include <errno.h>
#include <gettext-po.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static po_message_t header_message(const struct pot_header *fields)
{
    char header[1024];
    /* The creation date is given, never the clock's, so that the same inputs always
     * give the same bytes (msgmerge copies it into every PO file). */
    snprintf(header, sizeof header,
             "Project-Id-Version: smtpcodes %s\n"
             "Report-Msgid-Bugs-To: %s\n"
             "POT-Creation-Date: %s\n"
             "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
             "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
             "Language-Team: LANGUAGE <LL@li.org>\n"
             "Language: \n"
             "MIME-Version: 1.0\n"
             "Content-Type: text/plain; charset=UTF-8\n"
             "Content-Transfer-Encoding: 8bit\n",
             fields->package_version ? fields->package_version : "0",
             fields->bugs_address ? fields->bugs_address : "",
             fields->creation_date ? fields->creation_date : "1970-01-01 00:00+0000");
    po_message_t m = po_message_create();
    po_message_set_msgid(m, "");
    po_message_set_msgstr(m, header);
    /* As in every template: msginit or the translator fills it in. */
    po_message_set_fuzzy(m, 1);
    return m;
}

/* Copies everything that arrives on FD to OUT; returns 0, or -1 with errno set. */
static int copy_all(int fd, FILE *out)
{
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return (int)n;
        if (fwrite(buffer, 1, (size_t)n, out) != (size_t)n)
            return -1;
    }
}

/* The child's part: the template, written by libgettextpo to standard output. */
static _Noreturn void write_to_pipe(po_file_t file, int pipe_end, const char *path)
{
    int status = dup2(pipe_end, STDOUT_FILENO) < 0;
    close(pipe_end);
    po_report_begin(path);
    if (!status)
        status = !po_file_write(file, "-", &po_report_handler) || po_report_failed();
    _exit(status);
}

/*
 * libgettextpo's writer does not check its writes: on a full disk it leaves a cut
 * template behind and reports success. So a child process lets it write into a
 * pipe, and this process copies what arrives to PATH, checking every write. The
 * template counts as written only when the child succeeded and the whole copy
 * reached PATH.
 */
static int write_checked(po_file_t file, const char *path)
{
    FILE *out = fopen(path, "wb");
    int ends[2];
    if (!out || pipe(ends) != 0) {
        diag_fatal("cannot write %s: %s", path, strerror(errno));
        if (out)
            fclose(out);
        return -1;
    }
    fflush(NULL); /* nothing buffered is written twice, by both processes */
    pid_t child = fork();
    if (child == 0) {
        close(ends[0]);
        write_to_pipe(file, ends[1], path);
    }
    close(ends[1]);
    int copied = child > 0 ? copy_all(ends[0], out) : -1;
    int copy_errno = errno;
    close(ends[0]); /* a child still writing stops: nobody reads any more */
    int status = 0;
    while (child > 0 && waitpid(child, &status, 0) < 0 && errno == EINTR)
        continue;
    int closed = fclose(out);
    if (copied != 0 || closed != 0) {
        diag_fatal("cannot write %s: %s", path, strerror(copied != 0 ? copy_errno : errno));
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        diag_fatal("cannot write %s: the template could not be made", path);
        return -1;
    }
    return 0;
}

int emit_pot(const struct catalog *catalog, const char *path, const char *source_name,
             const struct pot_header *header)
{
    po_file_t file = po_file_create();
    po_message_iterator_t it = po_message_iterator(file, NULL);
    po_message_insert(it, header_message(header));
    for (size_t i = 0; i < catalog->count; i++) {
        const struct message *src = &catalog->items[i];
        po_message_t m = po_message_create();
        po_message_set_msgctxt(m, src->context);
        po_message_set_msgid(m, src->text);
        po_message_set_msgstr(m, "");
        po_message_set_extracted_comments(m, src->comment);
        if (src->line > 0)
            po_message_add_filepos(m, source_name, (size_t)src->line);
        /* None of these texts is a format string; say so where a "%" could make a tool think so. */
        if (strchr(src->text, '%'))
            po_message_set_format(m, "c-format", 0);
        po_message_insert(it, m);
    }
    po_message_iterator_free(it);
    int status = write_checked(file, path);
    po_file_free(file);
    return status;
}
