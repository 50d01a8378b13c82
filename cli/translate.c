/* SPDX-License-Identifier: MIT */
#include "translate.h"

#include "embedded.h"
#include "format.h"

#include <libintl.h>
#include <stddef.h>
#include <stdint.h>

struct remembered {
    const char *english;
    const char *translation;
    const char *format; /* what translated_format() answers, once asked */
};

/* More than the command has messages; a full table only means asking gettext again. */
enum { REMEMBERED = 64 };
static struct remembered remembered[REMEMBERED];

/* An installed catalog comes first, so that a translator's update needs no rebuild; the
 * built-in translation serves where none is installed or it lacks the message. */
static const char *look_up(const char *english)
{
    const char *translation = dgettext("smtpcodes", english);
    if (translation != english)
        return translation;
    const char *embedded = embedded_translation(english);
    return embedded ? embedded : english;
}

static struct remembered *find(const char *english)
{
    size_t start = (size_t)(((uintptr_t)english >> 4) % REMEMBERED);
    for (size_t i = 0; i < REMEMBERED; i++) {
        struct remembered *r = &remembered[(start + i) % REMEMBERED];
        if (r->english == english)
            return r;
        if (!r->english) {
            *r = (struct remembered){english, look_up(english), NULL};
            return r;
        }
    }
    return NULL;
}

const char *translate(const char *english)
{
    struct remembered *r = find(english);
    return r ? r->translation : look_up(english);
}

static const char *checked(const char *format, const char *translation)
{
    return translation != format && format_matches(format, translation) ? translation : format;
}

const char *translated_format(const char *format)
{
    struct remembered *r = find(format);
    if (!r)
        return checked(format, look_up(format));
    if (!r->format)
        r->format = checked(format, r->translation);
    return r->format;
}
