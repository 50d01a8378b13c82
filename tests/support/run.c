/* SPDX-License-Identifier: MIT */
#include "run.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

char *read_whole_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *bigger = realloc(buf, cap * 2 + 1);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    if (size)
        *size = len;
    return buf;
}

int write_whole_file(const char *path, const char *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int ok = fwrite(data, 1, size, f) == size;
    ok &= fclose(f) == 0;
    return ok ? 0 : -1;
}

const char *make_temp_dir(void)
{
    static char path[4096];
    const char *base = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/smtpcodes-test-XXXXXX", base && *base ? base : "/tmp");
    return mkdtemp(path);
}

static int temp_file(char *path, size_t size, const char *what)
{
    const char *base = getenv("TMPDIR");
    snprintf(path, size, "%s/smtpcodes-%s-XXXXXX", base && *base ? base : "/tmp", what);
    return mkstemp(path);
}

struct run_result run_program(char *const argv[], const char *input, char *const env[])
{
    struct run_result r = {-1, NULL, NULL};
    char in_path[4096], out_path[4096], err_path[4096];
    int in_fd = temp_file(in_path, sizeof in_path, "in");
    int out_fd = temp_file(out_path, sizeof out_path, "out");
    int err_fd = temp_file(err_path, sizeof err_path, "err");
    if (in_fd >= 0 && input)
        (void)!write(in_fd, input, strlen(input));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in_path, O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    pid_t pid;
    if (posix_spawn(&pid, argv[0], &actions, NULL, argv, env ? env : environ) == 0) {
        int wstatus;
        if (waitpid(pid, &wstatus, 0) == pid && WIFEXITED(wstatus))
            r.status = WEXITSTATUS(wstatus);
    }
    posix_spawn_file_actions_destroy(&actions);
    close(in_fd);
    close(out_fd);
    close(err_fd);
    r.out = read_whole_file(out_path, NULL);
    r.err = read_whole_file(err_path, NULL);
    unlink(in_path);
    unlink(out_path);
    unlink(err_path);
    return r;
}

void run_result_free(struct run_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}
