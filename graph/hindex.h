/* A small hash index: 64-bit key hash -> chain of item indexes, shared by
 * the graph builder (graph/model.c) and the actor book (graph/actors.c). */
#ifndef EVG_GRAPH_HINDEX_H
#define EVG_GRAPH_HINDEX_H

#include <stddef.h>
#include <stdint.h>

typedef struct evg_hnode {
    uint64_t h;
    size_t item;
    const char *key; /* for string keys, else NULL */
    size_t next;     /* index + 1 of the next node in the chain, 0 = end */
} evg_hnode;

typedef struct evg_hindex {
    size_t *heads; /* node index + 1 */
    size_t n_heads;
    evg_hnode *nodes;
    size_t n, cap;
} evg_hindex;

#define EVG_FNV0 14695981039346656037ull

/* FNV-1a of `n` bytes, continuing from `h` (EVG_FNV0 to start). */
uint64_t evg_fnv(uint64_t h, const void *p, size_t n);

/* Adds `item` under hash `h` (and string `key`, not copied). EVG_ENOMEM. */
int evg_hindex_add(evg_hindex *x, uint64_t h, const char *key, size_t item);

/* First node of the chain that may hold `h` (index + 1, 0 if none). */
size_t evg_hindex_first(const evg_hindex *x, uint64_t h);

void evg_hindex_dispose(evg_hindex *x);

#endif
