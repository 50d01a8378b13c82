/* SPDX-License-Identifier: MIT */
#include "output.h"

#include "diag.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int in_place(const struct output *o)
{
    return strcmp(o->temporary, o->path) == 0;
}

/* For an output that is not a regular file: "temporary" is the path itself. */
static int begin_in_place(struct output *o, int want_stream)
{
    o->temporary = strdup(o->path);
    if (!o->temporary) {
        diag_fatal("out of memory");
        return -1;
    }
    if (want_stream && !(o->stream = fopen(o->path, "w"))) {
        diag_fatal("cannot write %s: %s", o->path, strerror(errno));
        return -1;
    }
    return 0;
}

int output_begin(struct output *o, int want_stream)
{
    struct stat existing;
    if (stat(o->path, &existing) == 0 && !S_ISREG(existing.st_mode))
        return begin_in_place(o, want_stream);
    size_t length = strlen(o->path) + sizeof ".tmp-XXXXXX";
    o->temporary = malloc(length);
    if (!o->temporary) {
        diag_fatal("out of memory");
        return -1;
    }
    snprintf(o->temporary, length, "%s.tmp-XXXXXX", o->path);
    int fd = mkstemp(o->temporary);
    if (fd < 0) {
        diag_fatal("cannot create %s: %s", o->temporary, strerror(errno));
        free(o->temporary);
        o->temporary = NULL;
        return -1;
    }
    /* mkstemp() makes the file private; outputs get the usual permissions. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        diag_fatal("cannot write %s: %s", o->temporary, strerror(errno));
        close(fd);
        return -1;
    }
    if (!want_stream) {
        close(fd);
        return 0;
    }
    o->stream = fdopen(fd, "w");
    if (!o->stream) {
        close(fd);
        diag_fatal("cannot write %s: %s", o->temporary, strerror(errno));
        return -1;
    }
    return 0;
}

int output_finish(struct output *o)
{
    if (!o->stream)
        return 0;
    /* A failed write leaves its errno; fclose() sets it when the last one fails. */
    errno = 0;
    int failed = ferror(o->stream);
    int error = errno;
    if (fclose(o->stream) != 0) {
        failed = 1;
        error = errno;
    }
    o->stream = NULL;
    if (failed)
        diag_fatal("cannot write %s: %s", o->temporary, error ? strerror(error) : "a write failed");
    return failed ? -1 : 0;
}

static int same_content(const char *a, const char *b)
{
    FILE *fa = fopen(a, "rb");
    FILE *fb = fa ? fopen(b, "rb") : NULL;
    int same = fa && fb;
    while (same) {
        char ba[8192], bb[8192];
        size_t na = fread(ba, 1, sizeof ba, fa), nb = fread(bb, 1, sizeof bb, fb);
        same = na == nb && memcmp(ba, bb, na) == 0;
        if (na < sizeof ba)
            break;
    }
    same = same && !ferror(fa) && !ferror(fb);
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return same;
}

int output_commit(struct output *o)
{
    int status = 0;
    if (in_place(o)) {
        /* Written already. */
    } else if (same_content(o->temporary, o->path)) {
        unlink(o->temporary);
    } else if (rename(o->temporary, o->path) != 0) {
        diag_fatal("cannot replace %s: %s", o->path, strerror(errno));
        unlink(o->temporary);
        status = -1;
    }
    free(o->temporary);
    o->temporary = NULL;
    return status;
}

void output_discard(struct output *o)
{
    if (o->stream)
        fclose(o->stream);
    o->stream = NULL;
    if (o->temporary && !in_place(o))
        unlink(o->temporary);
    free(o->temporary);
    o->temporary = NULL;
}
