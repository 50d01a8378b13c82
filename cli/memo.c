/* SPDX-License-Identifier: MIT */
/*
 * Kept by the text's address and the transformation, in a table where a newcomer
 * replaces what held its slot. The library's strings are static, but an entry is
 * used only when the text at that address is still byte for byte the one kept:
 * comparing costs far less than transforming.
 */
#include "memo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct kept {
    const char *address;
    text_transform *transform;
    char *text;    /* a copy of the text */
    size_t length; /* its length */
    char *result;  /* what the transformation made of it */
    size_t result_length;
};

/* A text may sit in any of WAYS slots from where its address leads: a few dozen texts
 * in use at once then rarely push each other out. */
enum { KEPT = 256, WAYS = 4 };
static struct kept kept[KEPT];

static size_t first_slot(const char *address, text_transform *transform)
{
    /* Fibonacci hashing: texts that lie close together get slots far apart. */
    uint64_t h =
        ((uint64_t)(uintptr_t)address ^ (uint64_t)(uintptr_t)transform) * 0x9E3779B97F4A7C15u;
    return (size_t)((h >> 32) % KEPT);
}

static int holds(const struct kept *k, const char *text, size_t length, text_transform *transform)
{
    return k->address == text && k->transform == transform && k->length == length &&
           memcmp(k->text, text, length) == 0;
}

/* The slot that holds TEXT, or NULL; *FREE becomes the slot to keep it in. */
static struct kept *find(const char *text, size_t length, text_transform *transform,
                         struct kept **free_slot)
{
    static unsigned turn; /* which way gives way when all are taken */
    size_t first = first_slot(text, transform);
    *free_slot = NULL;
    for (size_t i = 0; i < WAYS; i++) {
        struct kept *k = &kept[(first + i) % KEPT];
        if (holds(k, text, length, transform))
            return k;
        if (!k->address && !*free_slot)
            *free_slot = k;
    }
    if (!*free_slot)
        *free_slot = &kept[(first + turn++ % WAYS) % KEPT];
    return NULL;
}

static void keep(struct kept *k, const char *address, text_transform *transform, size_t length,
                 const char *result, size_t result_length)
{
    free(k->text);
    free(k->result);
    *k = (struct kept){0};
    char *text = malloc(length + 1), *copy = malloc(result_length ? result_length : 1);
    if (!text || !copy) {
        free(text);
        free(copy);
        return;
    }
    memcpy(text, address, length + 1);
    memcpy(copy, result, result_length);
    *k = (struct kept){address, transform, text, length, copy, result_length};
}

void memo_add(struct buffer *out, const char *text, text_transform *transform)
{
    size_t length = strlen(text);
    struct kept *slot, *k = find(text, length, transform, &slot);
    if (k) {
        buffer_add(out, k->result, k->result_length);
        return;
    }
    size_t before = out->length;
    transform(out, text, length);
    if (!out->failed)
        keep(slot, text, transform, length, out->data + before, out->length - before);
}
