#include "messages.h"

#include "domain.h"
#include "language.h"
#include "smtpcodes_tables.h"

#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

/*
 * GNU gettext's own signal that a catalog may now answer differently: setlocale(),
 * textdomain() and bindtextdomain() bump it, and the gettext manual asks a
 * program that changes LANGUAGE while it runs to bump it too. GCC's inline
 * gettext optimisation caches on it; so does the cache below.
 */
extern int _nl_msg_cat_cntr;

int smtpcodes_i_resolve(const char *lang)
{
    if (!lang)
        return SMTPCODES_I_LOCALE;
    int row = smtpcodes_i_language_row(lang);
    return row >= 0 ? row : SMTPCODES_I_ENGLISH;
}

static const char *english(uint32_t index, const char **used)
{
    if (used)
        *used = "en";
    return smtpcodes_tab_text(smtpcodes_tab_messages[index].english);
}

/* The installed catalogs, through gettext: the locale exactly as gettext sees it. */
static const char *ask_gettext(uint32_t index, const char **used)
{
    const char *key = smtpcodes_tab_text(smtpcodes_tab_messages[index].key);
    const char *translated = dgettext(SMTPCODES_DOMAIN, key);
    if (translated == key)
        return english(index, used);
    /* Every catalog translates this message as its own language code. */
    const char *language_key = smtpcodes_tab_text(smtpcodes_tab_messages[0].key);
    const char *language = dgettext(SMTPCODES_DOMAIN, language_key);
    *used = language == language_key ? "und" : language;
    return translated;
}

/*
 * dgettext() takes a lock and searches on every call. Each thread keeps what
 * gettext answered, valid while three things stay the same: gettext's counter
 * (above), the thread's locale object, and that object's LC_MESSAGES name (a
 * freed locale's address can come back as another locale). Anything else that
 * gettext reads, the catalogs on disk included, only changes what it answers
 * after one of these changes too. The cache is direct-mapped, so its size does
 * not grow with the number of messages, and it allocates nothing.
 */
enum { CACHE_SLOTS = 512, NAME_SIZE = 64 };

struct cached_text {
    uint32_t index;
    unsigned generation;
    const char *text;
    const char *language;
};

struct catalog_cache {
    unsigned generation; /* 0: nothing valid yet */
    int counter;
    locale_t locale;
    char messages_locale[NAME_SIZE];
    struct cached_text slots[CACHE_SLOTS];
};

static _Thread_local struct catalog_cache cache;

/* Whether C still describes the thread's locale NOW. A global locale changes only
 * through setlocale(), which bumps the counter; a thread's own locale object may be
 * freed and another made at its address, so its LC_MESSAGES name is compared too. */
static int still_valid(const struct catalog_cache *c, locale_t now)
{
    if (!c->generation || c->counter != _nl_msg_cat_cntr || c->locale != now)
        return 0;
    return now == LC_GLOBAL_LOCALE ||
           strcmp(c->messages_locale, nl_langinfo_l(_NL_LOCALE_NAME(LC_MESSAGES), now)) == 0;
}

/* Returns the generation the thread's cached texts must carry to be valid now;
 * 0 when the cache cannot serve (a locale name too long to keep). */
static unsigned current_generation(struct catalog_cache *c)
{
    locale_t now = uselocale((locale_t)0);
    if (still_valid(c, now))
        return c->generation;
    const char *name =
        now == LC_GLOBAL_LOCALE ? "" : nl_langinfo_l(_NL_LOCALE_NAME(LC_MESSAGES), now);
    size_t length = strlen(name);
    if (length >= NAME_SIZE)
        return 0;
    memcpy(c->messages_locale, name, length + 1);
    c->counter = _nl_msg_cat_cntr;
    c->locale = now;
    if (++c->generation == 0)
        c->generation = 1;
    return c->generation;
}

const char *smtpcodes_i_message_by_locale(uint32_t index, const char **used)
{
    smtpcodes_i_bind_domain();
    struct catalog_cache *c = &cache; /* one look-up of the thread's storage */
    unsigned generation = current_generation(c);
    struct cached_text *slot = &c->slots[index % CACHE_SLOTS];
    if (generation && slot->generation == generation && slot->index == index) {
        if (used)
            *used = slot->language;
        return slot->text;
    }
    const char *language;
    const char *text = ask_gettext(index, &language);
    if (used)
        *used = language;
    if (generation)
        *slot = (struct cached_text){index, generation, text, language};
    return text;
}
