/* SPDX-License-Identifier: MIT */
/* The string blob of the generated tables: each distinct string once, addressed by offset. */
#ifndef SMTPCODES_GEN_STRTAB_H
#define SMTPCODES_GEN_STRTAB_H

#include <stddef.h>
#include <stdint.h>

struct strtab {
    char **strings; /* in the order they were added; strings[0] is "" */
    uint32_t *offsets;
    size_t count;
    size_t capacity;
    uint64_t size; /* bytes in the blob so far, NULs included */
    void *index;   /* string -> position + 1 */
};

/* EXPECTED: about how many strings will be added (the table is sized for them). */
int strtab_init(struct strtab *tab, size_t expected);
void strtab_free(struct strtab *tab);

/* Adds S (or finds it) and returns its position in the table, or (size_t)-1 when
 * memory runs out or the blob would outgrow 32-bit offsets. NULL means "". */
size_t strtab_add(struct strtab *tab, const char *s);

#endif
