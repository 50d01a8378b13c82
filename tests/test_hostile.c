/* SPDX-License-Identifier: MIT */
/*
 * The generator against hostile or extreme codes.xml files made on the spot:
 * 50 MB in one element, nesting 10 000 deep, a byte-order mark with CRLF line
 * ends, 100 000 codes, a generator killed in the middle of its work, a FIFO or
 * a device as its input, and a disk that fills while it writes.
 * (tests/generator/bad/ holds the small hostile fixtures: entities, DTDs,
 * invalid UTF-8, NUL bytes.)
 */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

extern char **environ;

static const char generator[] = SMTPCODES_GEN_PATH;
static const char schema[] = SMTPCODES_SCHEMA_PATH;
static const char minimal[] = SMTPCODES_TEST_GENERATOR_DIR "/minimal.xml";
static const char golden[] = SMTPCODES_TEST_GENERATOR_DIR "/golden";

struct files {
    char dir[4096];
    char input[4200];
    char source[4200];
    char header[4200];
    char pot[4200];
};

static void files_in_temp_dir(struct files *f, const char *input_name)
{
    snprintf(f->dir, sizeof f->dir, "%s", make_temp_dir());
    snprintf(f->input, sizeof f->input, "%s/%s", f->dir, input_name);
    snprintf(f->source, sizeof f->source, "%s/minimal_tables.c", f->dir);
    snprintf(f->header, sizeof f->header, "%s/minimal_tables.h", f->dir);
    snprintf(f->pot, sizeof f->pot, "%s/minimal.pot", f->dir);
}

static void files_remove(struct files *f)
{
    const char *paths[] = {f->input, f->source, f->header, f->pot};
    for (size_t i = 0; i < 4; i++)
        unlink(paths[i]);
    rmdir(f->dir);
}

static struct run_result generate(const struct files *f)
{
    char *argv[] = {(char *)generator,
                    "--schema",
                    (char *)schema,
                    "--c-source",
                    (char *)f->source,
                    "--c-header",
                    (char *)f->header,
                    "--pot",
                    (char *)f->pot,
                    (char *)f->input,
                    NULL};
    return run_program(argv, NULL, NULL);
}

/* minimal.xml with FROM replaced by TO, written to F's input. */
static void write_variant(const struct files *f, const char *from, const char *to)
{
    char *text = read_whole_file(minimal, NULL);
    char *at = strstr(text, from);
    assert_non_null(at);
    size_t head = (size_t)(at - text), tail = strlen(at + strlen(from));
    FILE *out = fopen(f->input, "wb");
    assert_non_null(out);
    fwrite(text, 1, head, out);
    fputs(to, out);
    fwrite(at + strlen(from), 1, tail, out);
    assert_int_equal(fclose(out), 0);
    free(text);
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (!strstr(haystack, needle))
        fail_msg("'%s' not found in:\n%s", needle, haystack);
}

static void fifty_megabytes_in_one_element_is_refused(void **state)
{
    (void)state;
    struct files f;
    files_in_temp_dir(&f, "huge.xml");
    size_t n = 50u << 20;
    char *huge = malloc(n + 32);
    strcpy(huge, "<summary>");
    memset(huge + 9, 'a', n);
    strcpy(huge + 9 + n, "</summary>");
    write_variant(&f, "<summary>OK</summary>", huge);
    free(huge);
    struct run_result r = generate(&f);
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "huge.xml:23: error: summary is 52428800 bytes long; the limit is 4000");
    run_result_free(&r);
    files_remove(&f);
}

static void nesting_ten_thousand_deep_is_refused(void **state)
{
    (void)state;
    struct files f;
    files_in_temp_dir(&f, "deep.xml");
    size_t depth = 10000;
    char *deep = malloc(depth * 7 + 64);
    char *p = deep + sprintf(deep, "<summary>OK</summary><note>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<x>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "</x>");
    strcpy(p, "</note>");
    write_variant(&f, "<summary>OK</summary>", deep);
    free(deep);
    struct run_result r = generate(&f);
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "deep.xml:23: error: ");
    run_result_free(&r);
    files_remove(&f);
}

/* A byte-order mark and CRLF line ends change nothing in the tables. */
static void a_bom_and_crlf_give_the_same_tables(void **state)
{
    (void)state;
    struct files f;
    files_in_temp_dir(&f, "minimal.xml");
    char *text = read_whole_file(minimal, NULL);
    FILE *out = fopen(f.input, "wb");
    fputs("\xef\xbb\xbf", out);
    for (const char *c = text; *c; c++)
        fputs(*c == '\n' ? "\r\n" : (char[]){*c, 0}, out);
    fclose(out);
    free(text);
    struct run_result r = generate(&f);
    assert_int_equal(r.status, 0);
    run_result_free(&r);
    const char *names[] = {"minimal_tables.c", "minimal_tables.h", "minimal.pot"};
    const char *paths[] = {f.source, f.header, f.pot};
    for (int i = 0; i < 3; i++) {
        char expected_path[4200];
        snprintf(expected_path, sizeof expected_path, "%s/%s", golden, names[i]);
        size_t a, b;
        char *expected = read_whole_file(expected_path, &a);
        char *actual = read_whole_file(paths[i], &b);
        if (a != b || memcmp(expected, actual, a) != 0)
            fail_msg("%s differs from the golden one", names[i]);
        free(expected);
        free(actual);
    }
    files_remove(&f);
}

/* minimal.xml with COUNT more codes, X.100.0 onwards. */
static void write_many_codes(const struct files *f, size_t count)
{
    size_t size = count * 160 + 64;
    char *codes = malloc(size), *p = codes;
    for (size_t i = 0; i < count; i++)
        p += sprintf(p,
                     "<enhanced code=\"X.%zu.%zu\"><summary>Code %zu</summary><explanation>"
                     "Explanation %zu.</explanation><reference>RFC 3463</reference></enhanced>\n",
                     100 + i / 1000, i % 1000, i, i);
    strcpy(p, "  </enhanced-codes>");
    write_variant(f, "  </enhanced-codes>", codes);
    free(codes);
}

static void a_hundred_thousand_codes_are_generated(void **state)
{
    (void)state;
    struct files f;
    files_in_temp_dir(&f, "many.xml");
    write_many_codes(&f, 100000);
    struct run_result r = generate(&f);
    assert_int_equal(r.status, 0);
    run_result_free(&r);
    char *header = read_whole_file(f.header, NULL);
    assert_contains(header, "#define SMTPCODES_TAB_ENHANCED 100003\n");
    free(header);
    files_remove(&f);
}

static const char sentinel[] = "an earlier output, to be left alone\n";

/* An output is either the earlier one or a complete new one, never a part. */
static void assert_whole(const char *path, const char *complete_ending)
{
    size_t size;
    char *content = read_whole_file(path, &size);
    assert_non_null(content);
    size_t n = strlen(complete_ending);
    if (strcmp(content, sentinel) != 0 &&
        (size < n || memcmp(content + size - n, complete_ending, n) != 0))
        fail_msg("%s is cut short (%zu bytes)", path, size);
    free(content);
}

static void killing_the_generator_leaves_no_half_output(void **state)
{
    (void)state;
    struct files f;
    files_in_temp_dir(&f, "many.xml");
    write_many_codes(&f, 100000);
    const long delays_ms[] = {0, 20, 80, 200, 400, 800, 1200};
    for (size_t d = 0; d < sizeof delays_ms / sizeof *delays_ms; d++) {
        const char *outputs[] = {f.source, f.header, f.pot};
        for (int i = 0; i < 3; i++)
            assert_int_equal(write_whole_file(outputs[i], sentinel, strlen(sentinel)), 0);
        char *argv[] = {
            (char *)generator, "--schema", (char *)schema, "--c-source", f.source, "--c-header",
            f.header,          "--pot",    f.pot,          f.input,      NULL};
        pid_t pid;
        assert_int_equal(posix_spawn(&pid, generator, NULL, NULL, argv, environ), 0);
        struct timespec pause = {delays_ms[d] / 1000, (delays_ms[d] % 1000) * 1000000L};
        nanosleep(&pause, NULL);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        assert_whole(f.source, "};\n");
        assert_whole(f.header, "#endif\n");
        assert_whole(f.pot, "msgstr \"\"\n");
        /* Temporary files of a killed run are left; outputs are never they. */
        char cleanup[8400];
        snprintf(cleanup, sizeof cleanup, "rm -f %s/*.tmp-*", f.dir);
        assert_int_equal(system(cleanup), 0);
    }
    files_remove(&f);
}

/* What a run of the generator under limits gave: STATUS -2 when it had to be stopped. */
struct limited_run {
    int status;
    char *err;
};

/*
 * Runs ARGV with files limited to FILE_LIMIT bytes (0: no limit) and SIGXFSZ
 * ignored, so that a write past the limit fails with EFBIG as on a full disk,
 * and stops it after SECONDS.
 */
static struct limited_run run_limited(char *const argv[], rlim_t file_limit, int seconds)
{
    struct limited_run r = {-1, NULL};
    char err_path[4200];
    snprintf(err_path, sizeof err_path, "%s/err", make_temp_dir());
    int err_fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(err_fd >= 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        struct rlimit limit = {file_limit, file_limit};
        if (file_limit)
            setrlimit(RLIMIT_FSIZE, &limit);
        signal(SIGXFSZ, SIG_IGN);
        dup2(err_fd, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    close(err_fd);
    int status = 0;
    for (long waited_ms = 0;; waited_ms += 10) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            break;
        }
        if (waited_ms > seconds * 1000L) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            r.status = -2;
            break;
        }
        nanosleep(&(struct timespec){0, 10000000L}, NULL);
    }
    r.err = read_whole_file(err_path, NULL);
    unlink(err_path);
    *strrchr(err_path, '/') = '\0';
    rmdir(err_path);
    return r;
}

/* The generator given INPUT as codes.xml refuses it at once, saying WHY. */
static void assert_input_refused(const char *input, const char *why)
{
    char *argv[] = {(char *)generator, "--schema", (char *)schema, "--pot", "/dev/null",
                    (char *)input,     NULL};
    struct limited_run r = run_limited(argv, 0, 20);
    if (r.status == -2)
        fail_msg("the generator was still reading %s after 20 s", input);
    assert_int_equal(r.status, 1);
    char expected[4400];
    snprintf(expected, sizeof expected, "cannot read %s: %s", input, why);
    assert_contains(r.err, expected);
    free(r.err);
}

/* Only regular files are read: a FIFO would block for ever, /dev/zero never ends. */
static void only_regular_files_are_read(void **state)
{
    (void)state;
    struct files f;
    files_in_temp_dir(&f, "codes.xml");
    assert_int_equal(mkfifo(f.input, 0600), 0);
    assert_input_refused(f.input, "not a regular file");
    unlink(f.input);
    if (access("/dev/zero", R_OK) == 0) {
        assert_int_equal(symlink("/dev/zero", f.input), 0);
        assert_input_refused(f.input, "not a regular file");
        unlink(f.input);
    }
    /* Past the limit, refused before it is read (the file is sparse: no disk is used). */
    int fd = open(f.input, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)(257 << 20)), 0);
    close(fd);
    assert_input_refused(f.input, "larger than the limit of 256 MiB");
    files_remove(&f);
}

/* A disk that fills while the template is written: an error, and the earlier template stays. */
static void a_full_disk_leaves_the_template_as_it_was(void **state)
{
    (void)state;
    struct files f;
    files_in_temp_dir(&f, "minimal.xml");
    char *text = read_whole_file(minimal, NULL);
    assert_int_equal(write_whole_file(f.input, text, strlen(text)), 0);
    free(text);
    assert_int_equal(write_whole_file(f.pot, sentinel, strlen(sentinel)), 0);
    char *argv[] = {(char *)generator, "--schema", (char *)schema, "--pot", f.pot, f.input, NULL};
    /* The template of minimal.xml is about 11 kB: the disk is full at 4 kB. */
    struct limited_run r = run_limited(argv, 4096, 60);
    assert_int_equal(r.status, 1);
    char expected[4400];
    snprintf(expected, sizeof expected, "%s.tmp-", f.pot);
    assert_contains(r.err, expected);
    assert_contains(r.err, strerror(EFBIG));
    free(r.err);
    char *pot = read_whole_file(f.pot, NULL);
    assert_string_equal(pot, sentinel);
    free(pot);
    /* No temporary file is left behind: the input and the template, nothing else. */
    char listing[8400];
    snprintf(listing, sizeof listing, "test $(ls -A %s | wc -l) -eq 2", f.dir);
    assert_int_equal(system(listing), 0);

    /* A device that is full: an error, and the device is written, never replaced. */
    struct stat device;
    if (stat("/dev/full", &device) == 0 && S_ISCHR(device.st_mode)) {
        char *to_device[] = {(char *)generator, "--schema", (char *)schema, "--pot", "/dev/full",
                             f.input,           NULL};
        r = run_limited(to_device, 0, 60);
        assert_int_equal(r.status, 1);
        assert_contains(r.err, "cannot write /dev/full: ");
        free(r.err);
        assert_int_equal(stat("/dev/full", &device), 0);
        assert_true(S_ISCHR(device.st_mode));
    }
    files_remove(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fifty_megabytes_in_one_element_is_refused),
        cmocka_unit_test(nesting_ten_thousand_deep_is_refused),
        cmocka_unit_test(a_bom_and_crlf_give_the_same_tables),
        cmocka_unit_test(a_hundred_thousand_codes_are_generated),
        cmocka_unit_test(killing_the_generator_leaves_no_half_output),
        cmocka_unit_test(only_regular_files_are_read),
        cmocka_unit_test(a_full_disk_leaves_the_template_as_it_was),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
