/* SPDX-License-Identifier: MIT */
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
static const char *ask_gettext(uint32_t index, const char **used)
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
 * catalog lacks it allocates on every call. So each thread asks it once for each
 * message it needs and keeps the answer, valid while three things stay the same:
 * gettext's counter (above), the thread's locale object, and that object's
 * LC_MESSAGES name (a freed locale's address can come back as another locale).
 * Anything else that gettext reads, the catalogs on disk included, only changes
 * what it answers after one of these changes too. Every message has its place, so
 * no answer ever evicts another: what the catalogs lack goes to gettext once. Only
 * the messages a program uses are asked for: gettext keeps every translation it
 * found, of every domain, in one tree, and the whole catalog there would make every
 * other gettext look-up of the process dearer.
 *
 * A thread keeps the answers of its last two locales, so that one that switches
 * between them with uselocale() never asks gettext again, and the last whole
 * answers (struct smtpcodes_info) it gave in them, so that a lookup made before
 * costs one look-up and a copy instead of one per text. That costs each thread
 * VIEWS * (8 bytes + 1 bit) per message and KEPT * 128 bytes: about 12 kB for
 * codes.xml today.
 *
 * One answer is in one language: its texts come from one view, checked once per
 * answer, and an answer during which the locale changed (setlocale() in another
 * thread, found when gettext is asked for a text the view lacks) is made again.
 */
enum { VIEWS = 2, KEPT = 32, KEPT_BITS = 5, NAME_SIZE = 64, TRIES = 8 };

struct view {
    int valid;
    int counter;
    locale_t locale;
    unsigned serial; /* which filling: answers kept from an earlier one never match */
    unsigned last_use;
    const char *language_answer; /* what gettext answered for message 0 */
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
    int last_answer;   /* what smtpcodes_i_resolve_answer(NULL) returned last */
    int torn;          /* the locale changed while the current answer was made */
    int torn_in_a_row; /* answers made again because of it */
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

/*
 * Whether the locale is still the one V was made for: a locale changed by
 * setlocale() in another thread or by LANGUAGE bumps gettext's counter or changes
 * the language its catalogs answer in, and both are read after the answer that
 * is checked.
 */
static int still_the_same(const struct view *v)
{
    return _nl_msg_cat_cntr == v->counter &&
           dgettext(SMTPCODES_DOMAIN, key_of(0)) == v->language_answer;
}

/* Makes V a view of the thread's locale NOW, with no answer yet. Returns 0 when it
 * cannot: a locale name too long to keep, or a locale that kept changing meanwhile. */
static int renew(struct view *v, locale_t now)
{
    v->valid = 0;
    const char *name = messages_locale_of(now);
    size_t length = strlen(name);
    if (length >= NAME_SIZE)
        return 0;
    memcpy(v->messages_locale, name, length + 1);
    v->locale = now;
    memset(v->answers.texts, 0, sizeof v->answers.texts);
    for (int attempt = 0; attempt < TRIES && !v->valid; attempt++) {
        v->counter = _nl_msg_cat_cntr;
        v->language_answer = dgettext(SMTPCODES_DOMAIN, key_of(0));
        v->valid = still_the_same(v);
    }
    v->answers.language = language_of(v->language_answer);
    return v->valid;
}

SMTPCODES_I_RARE static const char *ask_once(struct view *v, uint32_t index)
{
    struct smtpcodes_i_answers *a = &v->answers;
    const char *key = key_of(index);
    const char *text = dgettext(SMTPCODES_DOMAIN, key);
    if (!v->valid || !still_the_same(v)) {
        /* Not this view's language: the answer it is part of is made again. */
        v->valid = 0;
        seen.torn = 1;
        return text == key ? english_of(index) : text;
    }
    uint64_t bit = (uint64_t)1 << (index % 64);
    a->english[index / 64] =
        text == key ? a->english[index / 64] | bit : a->english[index / 64] & ~bit;
    a->texts[index] = text == key ? english_of(index) : text;
    return a->texts[index];
}

/* A new serial for a view about to be renewed; when the count wraps, nothing kept is
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
 * is renewed. NULL when the locale cannot be kept. */
SMTPCODES_I_RARE static struct view *switch_view(struct thread_views *t, int counter, locale_t now)
{
    smtpcodes_i_bind_domain(); /* a valid view was made after binding */
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
        if (!renew(v, now))
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
 * gives them; one that keeps changing while answers are made answers in English, whole. */
static int unkept_locale(struct thread_views *t)
{
    if (t->torn_in_a_row >= TRIES)
        t->torn_in_a_row = 0;
    return strlen(messages_locale_of(uselocale((locale_t)0))) >= NAME_SIZE ? SMTPCODES_I_LOCALE
                                                                           : SMTPCODES_I_ENGLISH;
}

int smtpcodes_i_resolve_locale_answer(void)
{
    struct thread_views *t = &seen; /* one look-up of the thread's storage */
    t->torn = 0;
    int keep = t->torn_in_a_row < TRIES && view_now(t);
    t->last_answer = keep ? SMTPCODES_I_LOCALE_SEEN - t->current : unkept_locale(t);
    return t->last_answer;
}

static struct kept_answer *kept_slot(struct thread_views *t, uint32_t key)
{
    return &t->kept[(key * 2654435761u) >> (32 - KEPT_BITS)];
}

/* The answer KEY as kept for the locale now, when the thread's current view is not the
 * locale's: after a change of locale, or to the other view. */
SMTPCODES_I_RARE static int kept_elsewhere(struct thread_views *t, uint32_t key,
                                           struct smtpcodes_info *info)
{
    t->last_answer = SMTPCODES_I_ENGLISH; /* until the answer is made through a view */
    const struct view *v = view_now(t);
    const struct kept_answer *k = kept_slot(t, key);
    if (!v || k->key != key || k->serial != v->serial)
        return SMTPCODES_I_NOT_KEPT;
    *info = k->info;
    return k->status;
}

int smtpcodes_i_kept_answer(uint32_t key, struct smtpcodes_info *info)
{
    locale_t now = uselocale((locale_t)0);
    struct thread_views *t = &seen;
    const struct view *v = &t->views[t->current];
    const struct kept_answer *k = kept_slot(t, key);
    if (k->key == key && k->serial == v->serial && describes(v, _nl_msg_cat_cntr, now)) {
        *info = k->info;
        return k->status;
    }
    return kept_elsewhere(t, key, info);
}

int smtpcodes_i_keep_answer(uint32_t key, int status, const struct smtpcodes_info *info)
{
    struct thread_views *t = &seen;
    if (t->torn) {
        t->torn = 0;
        t->torn_in_a_row++;
        return 0;
    }
    t->torn_in_a_row = 0;
    if (key && t->last_answer <= SMTPCODES_I_LOCALE_SEEN) {
        const struct view *v = &t->views[SMTPCODES_I_LOCALE_SEEN - t->last_answer];
        *kept_slot(t, key) = (struct kept_answer){key, v->serial, status, *info};
    }
    return 1;
}

const char *smtpcodes_i_message_by_locale(uint32_t index, int language, const char **used)
{
    struct thread_views *t = &seen;
    struct view *v = language <= SMTPCODES_I_LOCALE_SEEN
                         ? &t->views[SMTPCODES_I_LOCALE_SEEN - language]
                         : view_now(t);
    if (!v)
        return ask_gettext(index, used);
    const char *text = v->answers.texts[index];
    if (!text)
        text = ask_once(v, index);
    if (used)
        *used = v->answers.english[index / 64] >> (index % 64) & 1 ? "en" : v->answers.language;
    return text;
}
