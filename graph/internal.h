/* Private layout of the graph: plain arrays that renderers read through the
 * public accessors; igraph objects are built from them for analytics and
 * the GraphML/GML writers. */
#ifndef EVG_GRAPH_INTERNAL_H
#define EVG_GRAPH_INTERNAL_H

#include "core.h"
#include "evgraph/graph.h"

struct evg_graph {
    evg_arena *arena;
    evg_gactor *actors;
    size_t n_actors, cap_actors;
    evg_gevent *events;
    size_t n_events, cap_events;
    evg_glink *links;
    size_t n_links, cap_links;
};

/* Appends a zeroed element to an arena-backed array; NULL on no memory. */
void *evg_graph__push(evg_graph *g, void *items_ptr, size_t *n, size_t *cap,
                      size_t size);
#define EVG_GRAPH_PUSH(g, arr, n, cap) \
    evg_graph__push((g), &(arr), &(n), &(cap), sizeof(*(arr)))

/* Copies `s` into the graph's arena (NULL stays NULL). */
const char *evg_graph__strdup(evg_graph *g, const char *s);

#endif
