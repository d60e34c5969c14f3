/* The hash index of graph/hindex.h. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "hindex.h"

uint64_t evg_fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    return h;
}

int evg_hindex_add(evg_hindex *x, uint64_t h, const char *key, size_t item)
{
    if (evg_reserve(&x->nodes, &x->cap, x->n + 1, sizeof(*x->nodes), 64))
        return EVG_ENOMEM;
    if (x->n >= x->n_heads) { /* rehash at load 1 */
        size_t nh = x->n_heads ? x->n_heads * 4 : 256;
        size_t *heads = calloc(nh, sizeof(*heads));
        if (!heads)
            return EVG_ENOMEM;
        for (size_t i = 0; i < x->n; i++) {
            size_t b = (size_t)(x->nodes[i].h % nh);
            x->nodes[i].next = heads[b];
            heads[b] = i + 1;
        }
        free(x->heads);
        x->heads = heads;
        x->n_heads = nh;
    }
    size_t b = (size_t)(h % x->n_heads);
    x->nodes[x->n] = (evg_hnode){h, item, key, x->heads[b]};
    x->heads[b] = ++x->n;
    return 0;
}

size_t evg_hindex_first(const evg_hindex *x, uint64_t h)
{
    return x->n_heads ? x->heads[h % x->n_heads] : 0;
}

void evg_hindex_dispose(evg_hindex *x)
{
    free(x->heads);
    free(x->nodes);
    memset(x, 0, sizeof(*x));
}
