/* SPDX-License-Identifier: MIT */
/* Internal: the library's own gettext text domain. */
#ifndef SMTPCODES_DOMAIN_H
#define SMTPCODES_DOMAIN_H

#include <stdatomic.h>

#define SMTPCODES_DOMAIN "smtpcodes"

/* Set once the domain is bound; read on every lookup through the catalogs. */
extern atomic_int smtpcodes_i_domain_bound;

void smtpcodes_i_bind_domain_once(void);

/* Binds the text domain on first use, exactly once, from any thread. After the
 * first use this is one load: lookups through the locale make it on every call. */
static inline void smtpcodes_i_bind_domain(void)
{
    if (!atomic_load_explicit(&smtpcodes_i_domain_bound, memory_order_acquire))
        smtpcodes_i_bind_domain_once();
}

#endif
