/*
 * The text domain is bound on first use rather than in a constructor: a
 * static link may drop a constructor, and the library must never depend on
 * its caller's start-up code.
 */
#include "domain.h"

#include "localedir.h"
#include "smtpcodes.h"

#include <libintl.h>
#include <stdlib.h>
#include <threads.h>

static once_flag bound = ONCE_FLAG_INIT;

/* Set by the build: the installed locale directory (CMAKE_INSTALL_FULL_LOCALEDIR). */
#ifndef SMTPCODES_DEFAULT_LOCALEDIR
#define SMTPCODES_DEFAULT_LOCALEDIR "/usr/local/share/locale"
#endif

static void bind_default(void)
{
    const char *dir = getenv("SMTPCODES_LOCALEDIR");
    if (!dir || !*dir)
        dir = smtpcodes_i_localedir_beside_library();
    bindtextdomain(SMTPCODES_DOMAIN, dir ? dir : SMTPCODES_DEFAULT_LOCALEDIR);
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
    return bindtextdomain(SMTPCODES_DOMAIN, NULL);
}

SMTPCODES_API int smtpcodes_set_localedir(const char *dir)
{
    if (!dir || !*dir)
        return SMTPCODES_INVALID;
    smtpcodes_i_bind_domain();
    return bindtextdomain(SMTPCODES_DOMAIN, dir) ? SMTPCODES_OK : SMTPCODES_INVALID;
}
