/* SPDX-License-Identifier: MIT */
/*
 * The text domain is bound on first use rather than in a constructor: a
 * static link may drop a constructor, and the library must never depend on
 * its caller's start-up code.
 */
#include "domain.h"

#include "localedir.h"
#include "smtpcodes.h"

#include <libintl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

static once_flag bound = ONCE_FLAG_INIT;

/* Set by the build: the installed locale directory (CMAKE_INSTALL_FULL_LOCALEDIR). */
#ifndef SMTPCODES_DEFAULT_LOCALEDIR
#define SMTPCODES_DEFAULT_LOCALEDIR "/usr/local/share/locale"
#endif

/*
 * The directory smtpcodes_localedir() returns. gettext frees its own copy of a
 * directory when another is bound, so the library keeps copies of its own:
 * one for each distinct directory ever set, never freed, so that every string
 * it returned stays valid. Setters take the lock; readers only load the
 * pointer, published after the copy is complete.
 */
struct directory {
    struct directory *next;
    char name[];
};

static struct directory *directories; /* guarded by setting */
static pthread_mutex_t setting = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(const char *) current = SMTPCODES_DEFAULT_LOCALEDIR;

/* The kept copy of DIR, made on its first use; NULL when memory runs out. */
static const char *kept(const char *dir)
{
    for (const struct directory *d = directories; d; d = d->next)
        if (strcmp(d->name, dir) == 0)
            return d->name;
    size_t size = strlen(dir) + 1;
    struct directory *d = malloc(sizeof *d + size);
    if (!d)
        return NULL;
    memcpy(d->name, dir, size);
    d->next = directories;
    directories = d;
    return d->name;
}

/* Binds DIR in gettext and publishes it; the caller holds the lock. */
static int bind_directory(const char *dir)
{
    const char *copy = kept(dir);
    if (!copy || !bindtextdomain(SMTPCODES_DOMAIN, copy))
        return -1;
    atomic_store_explicit(&current, copy, memory_order_release);
    return 0;
}

static void bind_default(void)
{
    const char *dir = getenv("SMTPCODES_LOCALEDIR");
    if (!dir || !*dir)
        dir = smtpcodes_i_localedir_beside_library();
    if (!dir || bind_directory(dir) != 0)
        bindtextdomain(SMTPCODES_DOMAIN, SMTPCODES_DEFAULT_LOCALEDIR);
    /* Whatever the caller's locale charset, the library answers in UTF-8. */
    bind_textdomain_codeset(SMTPCODES_DOMAIN, "UTF-8");
}

atomic_int smtpcodes_i_domain_bound;

void smtpcodes_i_bind_domain_once(void)
{
    call_once(&bound, bind_default);
    atomic_store_explicit(&smtpcodes_i_domain_bound, 1, memory_order_release);
}

SMTPCODES_API const char *smtpcodes_localedir(void)
{
    smtpcodes_i_bind_domain();
    return atomic_load_explicit(&current, memory_order_acquire);
}

SMTPCODES_API int smtpcodes_set_localedir(const char *dir)
{
    if (!dir || !*dir)
        return SMTPCODES_INVALID;
    smtpcodes_i_bind_domain();
    pthread_mutex_lock(&setting);
    int status = bind_directory(dir) == 0 ? SMTPCODES_OK : SMTPCODES_INVALID;
    pthread_mutex_unlock(&setting);
    return status;
}
