/* SPDX-License-Identifier: MIT */
#include "strtab.h"

#include <libxml/hash.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int strtab_init(struct strtab *tab, size_t expected)
{
    memset(tab, 0, sizeof *tab);
    tab->index = xmlHashCreate(expected + 1024 > INT32_MAX ? INT32_MAX : (int)expected + 1024);
    if (!tab->index)
        return -1;
    return strtab_add(tab, "") == 0 ? 0 : -1;
}

void strtab_free(struct strtab *tab)
{
    for (size_t i = 0; i < tab->count; i++)
        free(tab->strings[i]);
    free(tab->strings);
    free(tab->offsets);
    xmlHashFree(tab->index, NULL);
}

static int grow(struct strtab *tab)
{
    size_t capacity = tab->capacity ? tab->capacity * 2 : 1024;
    char **strings = realloc(tab->strings, capacity * sizeof *strings);
    if (strings)
        tab->strings = strings;
    uint32_t *offsets = realloc(tab->offsets, capacity * sizeof *offsets);
    if (offsets)
        tab->offsets = offsets;
    if (!strings || !offsets)
        return -1;
    tab->capacity = capacity;
    return 0;
}

size_t strtab_add(struct strtab *tab, const char *s)
{
    if (!s)
        s = "";
    void *found = xmlHashLookup(tab->index, (const xmlChar *)s);
    if (found)
        return (size_t)(uintptr_t)found - 1;
    size_t length = strlen(s);
    if (tab->size + length + 1 > UINT32_MAX)
        return (size_t)-1;
    if (tab->count == tab->capacity && grow(tab) != 0)
        return (size_t)-1;
    char *copy = strdup(s);
    if (!copy)
        return (size_t)-1;
    size_t position = tab->count;
    if (xmlHashAddEntry(tab->index, (const xmlChar *)copy, (void *)(uintptr_t)(position + 1)) !=
        0) {
        free(copy);
        return (size_t)-1;
    }
    tab->strings[position] = copy;
    tab->offsets[position] = (uint32_t)tab->size;
    tab->size += length + 1;
    tab->count++;
    return position;
}
