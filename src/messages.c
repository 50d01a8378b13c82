#include "messages.h"

#include "domain.h"
#include "language.h"
#include "smtpcodes.h"
#include "smtpcodes_tables.h"

#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

/*
 * GNU gettext's own signal that a catalog may now answer differently: setlocale(),
 * textdomain() and bindtextdomain() bump it, and the gettext manual asks a
 * program that changes LANGUAGE while it runs to bump it too. GCC's inline
 * gettext optimisation caches on it; so do the answers below.
 */
extern int _nl_msg_cat_cntr;

int smtpcodes_i_resolve(const char *lang)
{
    if (!lang)
        return SMTPCODES_I_LOCALE;
    int row = smtpcodes_i_language_row(lang);
    return row >= 0 ? row : SMTPCODES_I_ENGLISH;
}

static const char *key_of(uint32_t index)
{
    return smtpcodes_tab_text(smtpcodes_tab_messages[index].key);
}

static const char *english_of(uint32_t index)
{
    return smtpcodes_tab_text(smtpcodes_tab_messages[index].english);
}

/* Every catalog translates message 0 as its own language code. */
static const char *language_of(const char *answer)
{
    return answer == key_of(0) ? "und" : answer;
}

/* The installed catalogs, through gettext: the locale exactly as gettext sees it. */
const char *smtpcodes_i_ask_gettext(uint32_t index, const char **used)
{
    smtpcodes_i_bind_domain();
    const char *key = key_of(index);
    const char *translated = dgettext(SMTPCODES_DOMAIN, key);
    if (used)
        *used = translated == key ? "en" : language_of(dgettext(SMTPCODES_DOMAIN, key_of(0)));
    return translated == key ? english_of(index) : translated;
}

/*
 * dgettext() takes a lock and searches on every call, and for a message that a
 * catalog lacks it allocates on every call. So each thread asks it once for every
 * message and keeps the answers, valid while three things stay the same: gettext's
 * counter (above), the thread's locale object, and that object's LC_MESSAGES name
 * (a freed locale's address can come back as another locale). Anything else that
 * gettext reads, the catalogs on disk included, only changes what it answers after
 * one of these changes too.
 *
 * A thread keeps the answers of its last two locales, so that one that switches
 * between them with uselocale() never asks gettext again, and the last whole
 * answers (struct smtpcodes_info) it gave in them, so that a lookup made before
 * costs one look-up and a copy instead of one per text. That costs each thread
 * VIEWS * (8 bytes + 1 bit) per message and KEPT * 128 bytes: about 10 kB for
 * codes.xml today.
 */
enum { VIEWS = 2, KEPT = 32, KEPT_BITS = 5, NAME_SIZE = 64, FILL_ATTEMPTS = 8 };

struct view {
    int valid;
    int counter;
    locale_t locale;
    unsigned serial; /* which filling: answers kept from an earlier one never match */
    unsigned last_use;
    char messages_locale[NAME_SIZE];
    struct smtpcodes_i_answers answers;
};

struct kept_answer {
    uint32_t key;
    unsigned serial;
    int status;
    struct smtpcodes_info info;
};

struct thread_views {
    unsigned clock;
    unsigned fillings;
    int current;
    int last_answer; /* what smtpcodes_i_resolve_answer(NULL) returned last */
    struct view views[VIEWS];
    struct kept_answer kept[KEPT];
};

static _Thread_local struct thread_views seen;

static const char *messages_locale_of(locale_t locale)
{
    return locale == LC_GLOBAL_LOCALE ? "" : nl_langinfo_l(_NL_LOCALE_NAME(LC_MESSAGES), locale);
}

/* Whether V holds gettext's answers for the thread's locale NOW and gettext's COUNTER. A
 * global locale changes only through setlocale(), which bumps the counter. */
static int describes(const struct view *v, int counter, locale_t now)
{
    return v->valid && v->counter == counter && v->locale == now &&
           (now == LC_GLOBAL_LOCALE || strcmp(v->messages_locale, messages_locale_of(now)) == 0);
}

static void set_english(struct smtpcodes_i_answers *a, uint32_t index, int english)
{
    uint64_t bit = (uint64_t)1 << (index % 64);
    a->english[index / 64] = english ? a->english[index / 64] | bit : a->english[index / 64] & ~bit;
}

/*
 * Asks gettext for every message. Returns whether every answer came from the one
 * locale V describes: a locale changed meanwhile, by setlocale() in another thread
 * or by LANGUAGE, bumps gettext's counter or changes the language its catalogs
 * answer in, and both are read again after the last answer.
 */
static int fill(struct view *v)
{
    const char *language = dgettext(SMTPCODES_DOMAIN, key_of(0));
    for (uint32_t i = 0; i < SMTPCODES_TAB_MESSAGES; i++) {
        const char *key = key_of(i);
        const char *text = dgettext(SMTPCODES_DOMAIN, key);
        set_english(&v->answers, i, text == key);
        v->answers.texts[i] = text == key ? english_of(i) : text;
    }
    v->answers.language = language_of(language);
    return _nl_msg_cat_cntr == v->counter && dgettext(SMTPCODES_DOMAIN, key_of(0)) == language;
}

/* Makes V hold the answers for the thread's locale NOW. Returns 0 when it cannot: a
 * locale name too long to keep, or a locale that kept changing while it was read. */
static int refill(struct view *v, locale_t now)
{
    v->valid = 0;
    const char *name = messages_locale_of(now);
    size_t length = strlen(name);
    if (length >= NAME_SIZE)
        return 0;
    memcpy(v->messages_locale, name, length + 1);
    v->locale = now;
    for (int attempt = 0; attempt < FILL_ATTEMPTS && !v->valid; attempt++) {
        v->counter = _nl_msg_cat_cntr;
        v->valid = fill(v);
    }
    return v->valid;
}

/* A new serial for a view about to be filled; when the count wraps, nothing kept is
 * valid any more. */
static unsigned next_serial(struct thread_views *t)
{
    if (++t->fillings == 0) {
        memset(t->kept, 0, sizeof t->kept);
        t->fillings = 1;
    }
    return t->fillings;
}

/* Another view for the locale NOW: one kept from before, else the least recently used
 * is filled again. NULL when the locale cannot be kept. */
SMTPCODES_I_RARE static struct view *switch_view(struct thread_views *t, int counter, locale_t now)
{
    smtpcodes_i_bind_domain(); /* a view that holds answers was filled after binding */
    int victim = 0;
    for (int i = 0; i < VIEWS; i++) {
        struct view *v = &t->views[i];
        if (describes(v, counter, now)) {
            victim = i;
            break;
        }
        int stale = !v->valid || v->counter != counter;
        const struct view *chosen = &t->views[victim];
        int chosen_stale = !chosen->valid || chosen->counter != counter;
        if (stale > chosen_stale || (stale == chosen_stale && v->last_use < chosen->last_use))
            victim = i;
    }
    struct view *v = &t->views[victim];
    if (!describes(v, counter, now)) {
        v->serial = next_serial(t);
        if (!refill(v, now))
            return NULL;
    }
    t->current = victim;
    v->last_use = ++t->clock;
    return v;
}

/* The thread's locale, checked once: the view that holds its answers. */
static inline struct view *view_now(struct thread_views *t)
{
    locale_t now = uselocale((locale_t)0);
    int counter = _nl_msg_cat_cntr;
    struct view *v = &t->views[t->current];
    return describes(v, counter, now) ? v : switch_view(t, counter, now);
}

/* A locale that cannot be kept: a name too long to compare answers per text, as gettext
 * gives them; one that kept changing while it was read answers in English, whole. */
static int unkept_locale(void)
{
    return strlen(messages_locale_of(uselocale((locale_t)0))) >= NAME_SIZE ? SMTPCODES_I_LOCALE
                                                                           : SMTPCODES_I_ENGLISH;
}

int smtpcodes_i_resolve_answer(const char *lang)
{
    if (lang)
        return smtpcodes_i_resolve(lang);
    struct thread_views *t = &seen; /* one look-up of the thread's storage */
    t->last_answer = view_now(t) ? SMTPCODES_I_LOCALE_SEEN - t->current : unkept_locale();
    return t->last_answer;
}

static struct kept_answer *kept_slot(struct thread_views *t, uint32_t key)
{
    return &t->kept[(key * 2654435761u) >> (32 - KEPT_BITS)];
}

int smtpcodes_i_kept_answer(uint32_t key, struct smtpcodes_info *info)
{
    struct thread_views *t = &seen;
    t->last_answer = SMTPCODES_I_ENGLISH; /* until the answer is made through a view */
    const struct kept_answer *k = kept_slot(t, key);
    if (k->key != key)
        return SMTPCODES_I_NOT_KEPT;
    const struct view *v = view_now(t);
    if (!v || k->serial != v->serial)
        return SMTPCODES_I_NOT_KEPT;
    *info = k->info;
    return k->status;
}

void smtpcodes_i_keep_answer(uint32_t key, int status, const struct smtpcodes_info *info)
{
    struct thread_views *t = &seen;
    if (t->last_answer > SMTPCODES_I_LOCALE_SEEN)
        return;
    struct kept_answer *k = kept_slot(t, key);
    *k = (struct kept_answer){key, t->views[SMTPCODES_I_LOCALE_SEEN - t->last_answer].serial,
                              status, *info};
}

const struct smtpcodes_i_answers *smtpcodes_i_locale_answers(int language)
{
    struct thread_views *t = &seen;
    if (language <= SMTPCODES_I_LOCALE_SEEN)
        return &t->views[SMTPCODES_I_LOCALE_SEEN - language].answers;
    const struct view *v = view_now(t);
    return v ? &v->answers : NULL;
}
