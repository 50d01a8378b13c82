/* SPDX-License-Identifier: MIT */
/*
 * Language names as programs receive them: locale names ("pt_BR.UTF-8",
 * "sr_RS@latin") and BCP 47 tags ("pt-BR", "zh-Hant-TW", from Accept-Language),
 * in any case, matched against the embedded translations.
 */
#include "language.h"
#include "messages.h"

#include "smtpcodes.h"
#include "smtpcodes_native_names.h"
#include "smtpcodes_tables.h"

#include <string.h>

enum { NAME_LIMIT = 64 };

static int is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ASCII only, whatever the caller's locale: names are ASCII. */
static int same_ignoring_case(const char *a, size_t length, const char *b)
{
    for (size_t i = 0; i < length; i++)
        if (b[i] == '\0' || lower(a[i]) != lower(b[i]))
            return 0;
    return b[length] == '\0';
}

int smtpcodes_i_language_name_valid(const char *name)
{
    if (!name || !is_letter(name[0]))
        return 0;
    size_t length = 0;
    for (; name[length]; length++) {
        char c = name[length];
        if (length >= NAME_LIMIT || !(is_letter(c) || is_digit(c) || strchr("_-@.", c)))
            return 0;
    }
    return strstr(name, "..") == NULL;
}

/* The parts of a name that choose a translation; the codeset never does. */
struct language_tag {
    const char *language, *region, *modifier;
    size_t language_length, region_length, modifier_length;
    enum { SCRIPT_NONE, SCRIPT_SIMPLIFIED, SCRIPT_TRADITIONAL } script;
};

static size_t run_of_letters_and_digits(const char *s)
{
    size_t n = 0;
    while (is_letter(s[n]) || is_digit(s[n]))
        n++;
    return n;
}

static int is_region(const char *subtag, size_t length)
{
    return (length == 2 && is_letter(subtag[0]) && is_letter(subtag[1])) ||
           (length == 3 && is_digit(subtag[0]) && is_digit(subtag[1]) && is_digit(subtag[2]));
}

/* Subtags after the language, "_" or "-" separated: a script (4 letters), a region
 * (2 letters or 3 digits), variants (ignored), then extensions or private use
 * after a one-letter subtag (ignored). */
static const char *read_subtags(const char *at, struct language_tag *tag)
{
    int ignore_rest = 0;
    while (*at == '-' || *at == '_') {
        const char *subtag = at + 1;
        size_t length = run_of_letters_and_digits(subtag);
        if (length == 1)
            ignore_rest = 1;
        if (!ignore_rest && length == 4 && !tag->region) {
            if (same_ignoring_case(subtag, 4, "hans"))
                tag->script = SCRIPT_SIMPLIFIED;
            else if (same_ignoring_case(subtag, 4, "hant"))
                tag->script = SCRIPT_TRADITIONAL;
        } else if (!ignore_rest && !tag->region && is_region(subtag, length)) {
            tag->region = subtag;
            tag->region_length = length;
        }
        at = subtag + length;
    }
    return at;
}

static void read_tag(const char *name, struct language_tag *tag)
{
    memset(tag, 0, sizeof *tag);
    tag->language = name;
    while (is_letter(name[tag->language_length]))
        tag->language_length++;
    const char *at = read_subtags(name + tag->language_length, tag);
    const char *modifier = strchr(at, '@');
    if (modifier) {
        tag->modifier = modifier + 1;
        tag->modifier_length = strcspn(tag->modifier, ".");
    }
}

/* The row whose name is LANGUAGE[_REGION][@MODIFIER], in any case; -1 if none. */
static int row_of(const struct language_tag *tag, const char *region, size_t region_length,
                  int with_modifier)
{
    char name[sizeof smtpcodes_tab_language_names[0]];
    size_t length = tag->language_length + (region ? 1 + region_length : 0) +
                    (with_modifier ? 1 + tag->modifier_length : 0);
    if (length == 0 || length >= sizeof name || (with_modifier && !tag->modifier))
        return -1;
    size_t at = 0;
    memcpy(name, tag->language, tag->language_length);
    at += tag->language_length;
    if (region) {
        name[at++] = '_';
        memcpy(name + at, region, region_length);
        at += region_length;
    }
    if (with_modifier) {
        name[at++] = '@';
        memcpy(name + at, tag->modifier, tag->modifier_length);
        at += tag->modifier_length;
    }
    name[at] = '\0';
#if SMTPCODES_TAB_LANGUAGES > 0 /* else the table has only a placeholder row */
    for (int row = 0; row < SMTPCODES_TAB_LANGUAGES; row++)
        if (same_ignoring_case(name, length, smtpcodes_tab_language_names[row]))
            return row;
#endif
    return -1;
}

/* As gettext falls back: ll_CC@modifier, ll@modifier, ll_CC, then ll. */
static int row_of_tag(const struct language_tag *tag)
{
    int row = -1;
    if (tag->region)
        row = row_of(tag, tag->region, tag->region_length, 1);
    if (row < 0)
        row = row_of(tag, NULL, 0, 1);
    if (row < 0 && tag->region)
        row = row_of(tag, tag->region, tag->region_length, 0);
    if (row < 0)
        row = row_of(tag, NULL, 0, 0);
    return row;
}

static int is_traditional_region(const char *region, size_t length)
{
    return region &&
           (same_ignoring_case(region, length, "tw") || same_ignoring_case(region, length, "hk") ||
            same_ignoring_case(region, length, "mo"));
}

/*
 * Chinese is chosen by its script, not by the country alone: zh-Hant-HK and
 * zh_TW read Traditional characters, zh, zh-Hans and zh_SG Simplified ones.
 * A region whose script differs from the one asked for is passed over, and
 * Traditional never falls back to a catalog that may be Simplified.
 */
static int row_of_chinese(struct language_tag *tag)
{
    int traditional =
        tag->script == SCRIPT_TRADITIONAL ||
        (tag->script == SCRIPT_NONE && is_traditional_region(tag->region, tag->region_length));
    int row = -1;
    if (tag->region && is_traditional_region(tag->region, tag->region_length) == traditional)
        row = row_of(tag, tag->region, tag->region_length, 0);
    if (row < 0)
        row = row_of(tag, traditional ? "TW" : "CN", 2, 0);
    if (row < 0 && !traditional)
        row = row_of(tag, NULL, 0, 0);
    return row;
}

/* The name exactly as a row is named ("de", "pt_BR"): what most callers pass, on every
 * lookup, and what every rule below would give it too. */
static int same_name(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/* Every answer in a named language starts here, so the names are compared by hand: a
 * first byte rules out nearly every row, where strcmp() would be a call per row. */
static int exact_row(const char *lang)
{
    (void)lang; /* unused when no translation is embedded */
#if SMTPCODES_TAB_LANGUAGES > 0
    for (int row = 0; row < SMTPCODES_TAB_LANGUAGES; row++) {
        const char *name = smtpcodes_tab_language_names[row];
        if (name[0] == lang[0] && same_name(lang, name))
            return row;
    }
#endif
    return -1;
}

/* A name that is no row's exactly ("de_DE.UTF-8", "pt-br", "zh-Hant"), kept apart so
 * that the exact names most callers pass take no part of its cost. */
SMTPCODES_I_APART static int row_by_rules(const char *lang)
{
    if (!smtpcodes_i_language_name_valid(lang))
        return -1;
    struct language_tag tag;
    read_tag(lang, &tag);
    if (same_ignoring_case(tag.language, tag.language_length, "zh"))
        return row_of_chinese(&tag);
    return row_of_tag(&tag);
}

int smtpcodes_i_language_row(const char *lang)
{
    int exact = exact_row(lang);
    return exact >= 0 ? exact : row_by_rules(lang);
}

int smtpcodes_i_language_is_english(const char *lang)
{
    if (!smtpcodes_i_language_name_valid(lang))
        return 0;
    size_t length = strcspn(lang, "_-.@");
    return same_ignoring_case(lang, length, "en") || same_ignoring_case(lang, length, "c") ||
           same_ignoring_case(lang, length, "posix");
}

/*
 * The native names come from the X-Native-Name field of each po/LANG.po's header,
 * through a table cmake/NativeNames.cmake writes at build time. The header rather
 * than a table in C: a translator who adds a language names it in the one file
 * they write, and the name is reviewed with the translation it belongs to.
 */
static const char *native_name_of(const char *code)
{
    size_t count = sizeof smtpcodes_native_names / sizeof smtpcodes_native_names[0];
    for (size_t i = 0; i < count; i++)
        if (strcmp(smtpcodes_native_names[i].code, code) == 0)
            return smtpcodes_native_names[i].native;
    return code;
}

SMTPCODES_API int smtpcodes_language_at(size_t index, const char **code, const char **native_name)
{
    const char *answer;
    if (index == 0)
        answer = "en";
    else if (index - 1 < (size_t)SMTPCODES_TAB_LANGUAGES)
        answer = smtpcodes_tab_language_names[index - 1];
    else
        return SMTPCODES_NOT_FOUND;
    if (code)
        *code = answer;
    if (native_name)
        *native_name = native_name_of(answer);
    return SMTPCODES_OK;
}
