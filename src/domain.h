/* Internal: the library's own gettext text domain. */
#ifndef SMTPCODES_DOMAIN_H
#define SMTPCODES_DOMAIN_H

#define SMTPCODES_DOMAIN "smtpcodes"

/* Binds the text domain on first use, exactly once, from any thread. */
void smtpcodes_i_bind_domain(void);

#endif
