/* A bump allocator: the per-document memory that is freed all at once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

#define BLOCK_MIN ((size_t)16 << 10)

typedef struct block {
    struct block *next;
    size_t used;
    size_t size;
    _Alignas(16) unsigned char data[];
} block;

/* A malloc'd block the arena frees (evg_arena_adopt). */
typedef struct adopted {
    struct adopted *next;
    void *p;
} adopted;

struct evg_arena {
    block *head;
    size_t total;
    size_t first;   /* size of the first block, 0: BLOCK_MIN */
    adopted *adopted;
};

evg_arena *evg_arena_new(void)
{
    return calloc(1, sizeof(evg_arena));
}

evg_arena *evg_arena_new_sized(size_t first)
{
    evg_arena *a = calloc(1, sizeof(evg_arena));
    if (a)
        a->first = first;
    return a;
}

void evg_arena_free(evg_arena *a)
{
    if (!a)
        return;
    for (adopted *o = a->adopted; o; o = o->next)
        free(o->p);
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

/* `n` bytes from the head block (a new one when it is full): aligned to
 * 16 bytes, or, for strings (`packed`), right after the bytes before:
 * a 3-byte sentence text takes 4 bytes, not 16. */
static void *take(evg_arena *a, size_t n, int packed)
{
    if (!packed) {
        n = (n + 15) & ~(size_t)15;
        if (n == 0)
            n = 16;
    }
    size_t pad = a->head && !packed ? (size_t)(-a->head->used & 15) : 0;
    if (!a->head || a->head->size - a->head->used < n + pad) {
        size_t size = n > BLOCK_MIN ? n : BLOCK_MIN;
        if (!a->head && a->first > n)
            size = a->first;
        if (a->head && a->head->size * 2 > size && a->head->size < ((size_t)1 << 24))
            size = a->head->size * 2 > n ? a->head->size * 2 : n;
        if (size > SIZE_MAX - sizeof(block))
            return NULL;
        block *b = malloc(sizeof(block) + size);
        if (!b)
            return NULL;
        b->next = a->head;
        b->used = 0;
        b->size = size;
        a->head = b;
        pad = 0;
    }
    void *p = a->head->data + a->head->used + pad;
    a->head->used += n + pad;
    a->total += n + pad;
    return p;
}

static void *arena_take(evg_arena *a, size_t n)
{
    return take(a, n, 0);
}

void *evg_arena_alloc(evg_arena *a, size_t n)
{
    void *p = arena_take(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

void *evg_arena_alloc_raw(evg_arena *a, size_t n)
{
    return arena_take(a, n);
}

char *evg_arena_strndup(evg_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        return NULL;
    char *p = take(a, n + 1, 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int evg_arena_adopt(evg_arena *a, void *p)
{
    adopted *o = arena_take(a, sizeof *o);
    if (!o)
        return -1;
    o->p = p;
    o->next = a->adopted;
    a->adopted = o;
    return 0;
}

size_t evg_arena_used(const evg_arena *a)
{
    return a ? a->total : 0;
}

/* Grows a big array (BLOCK_MIN bytes and more) in a block of its own, with
 * realloc, which moves pages rather than bytes: doubling it inside the
 * arena's blocks would keep every outgrown copy until the arena is freed
 * (about twice the array's size lost, measured on 1 MB articles). */
static void *grow_own(evg_arena *a, void *items, size_t old, size_t want)
{
    old = (old + 15) & ~(size_t)15;
    want = (want + 15) & ~(size_t)15;
    if (want > SIZE_MAX - sizeof(block))
        return NULL;
    block **link = &a->head;
    while (items && *link &&
           !((*link)->data == items && (*link)->used == old &&
             (*link)->size == old))
        link = &(*link)->next;
    block *b;
    if (items && *link) { /* already on its own: grow it where it is */
        block *next = (*link)->next;
        if (!(b = realloc(*link, sizeof(block) + want)))
            return NULL;
        b->next = next;
        *link = b;
    } else {
        if (!(b = malloc(sizeof(block) + want)))
            return NULL;
        if (items && old)
            memcpy(b->data, items, old);
        /* behind the head, which goes on serving small allocations */
        if (a->head) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = NULL;
            a->head = b;
        }
        old = 0; /* the outgrown copy stays counted where it is */
    }
    b->size = b->used = want;
    a->total += want - old;
    return b->data;
}

void *evg_arena_push(evg_arena *a, void *items_ptr, size_t *n, size_t *cap,
                     size_t size)
{
    void **items = items_ptr;
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        if (ncap > SIZE_MAX / size)
            return NULL;
        void *p;
        if (ncap * size >= BLOCK_MIN) {
            if (!(p = grow_own(a, *items, *cap * size, ncap * size)))
                return NULL;
        } else {
            if (!(p = evg_arena_alloc(a, ncap * size)))
                return NULL;
            if (*n)
                memcpy(p, *items, *n * size);
        }
        *items = p;
        *cap = ncap;
    }
    char *slot = (char *)*items + *n * size;
    memset(slot, 0, size);
    (*n)++;
    return slot;
}
