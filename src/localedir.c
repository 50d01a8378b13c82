/* SPDX-License-Identifier: MIT */
/*
 * A tree installed with another --prefix, or moved as a whole, keeps its
 * translations: the library looks for them where they lie relative to
 * itself before it trusts the directory compiled in at configure time.
 */
#define _GNU_SOURCE /* dladdr() */
#include "localedir.h"

#include "smtpcodes_tables.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Set by the build: the locale directory relative to the library directory, installed. */
#ifndef SMTPCODES_RELATIVE_LOCALEDIR
#define SMTPCODES_RELATIVE_LOCALEDIR "../share/locale"
#endif

/* The build tree's marker: a link, beside the uninstalled library, to its catalogs. */
#define BUILD_TREE_LINK "smtpcodes-build-localedir"

static char found[PATH_MAX];

/* Any object of the library: dladdr() names the file it was loaded from. */
static const char anchor = 1;

static int holds_a_catalog(const char *dir)
{
    char mo[PATH_MAX];
#if SMTPCODES_TAB_LANGUAGES > 0 /* else the table has only a placeholder row */
    for (int row = 0; row < SMTPCODES_TAB_LANGUAGES; row++) {
        int n = snprintf(mo, sizeof mo, "%s/%s/LC_MESSAGES/smtpcodes.mo", dir,
                         smtpcodes_tab_language_names[row]);
        if (n > 0 && (size_t)n < sizeof mo && access(mo, R_OK) == 0)
            return 1;
    }
    return 0;
#else
    struct stat st;
    (void)mo;
    return stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
#endif
}

/* DIR/RELATIVE made canonical, when it holds a catalog. */
static const char *catalogs_at(const char *dir, size_t dir_length, const char *relative)
{
    char candidate[PATH_MAX];
    int n = snprintf(candidate, sizeof candidate, "%.*s/%s", (int)dir_length, dir, relative);
    if (n < 0 || (size_t)n >= sizeof candidate || !realpath(candidate, found))
        return NULL;
    return holds_a_catalog(found) ? found : NULL;
}

const char *smtpcodes_i_localedir_beside_library(void)
{
    Dl_info self;
    if (!dladdr(&anchor, &self) || !self.dli_fname)
        return NULL;
    /* A name without a directory (a statically linked program found through PATH)
     * says nowhere to look. */
    const char *slash = strrchr(self.dli_fname, '/');
    if (!slash)
        return NULL;
    size_t dir_length = (size_t)(slash - self.dli_fname);
    const char *dir = catalogs_at(self.dli_fname, dir_length, SMTPCODES_RELATIVE_LOCALEDIR);
    if (!dir)
        dir = catalogs_at(self.dli_fname, dir_length, BUILD_TREE_LINK);
    return dir;
}
