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
    evg_gdyad *dyads;
    size_t n_dyads, cap_dyads;
    evg_graph_summary summary;
    evg_graph_projection projection;
};

/* Appends a zeroed element to an arena-backed array; NULL on no memory. */
void *evg_graph__push(evg_graph *g, void *items_ptr, size_t *n, size_t *cap,
                      size_t size);
#define EVG_GRAPH_PUSH(g, arr, n, cap) \
    evg_graph__push((g), &(arr), &(n), &(cap), sizeof(*(arr)))

/* Copies `s` into the graph's arena as valid UTF-8 without control
 * characters (invalid bytes become U+FFFD, controls a space), so every
 * writer, igraph's included, gets clean text. NULL stays NULL. */
const char *evg_graph__strdup(evg_graph *g, const char *s);

/* Computes the dyads of the actor projection (analytics need them). */
int evg_graph__dyads(evg_graph *g);

/* Degree, PageRank, betweenness, communities and components through
 * igraph. EVG_ENOMEM, EVG_EDEP with igraph's message. */
int evg_graph__analyse(evg_graph *g, evg_error *err);

/* Installs the attribute table and a non-aborting error handler that keeps
 * igraph's last message (read it with evg_graph__igraph_message()). */
void evg_graph__igraph_init(void);
const char *evg_graph__igraph_message(void);

/* ---- the attribute tables every exporter writes ---- */

typedef enum { EVG_COL_STR, EVG_COL_NUM, EVG_COL_INT } evg_col_kind;

typedef struct evg_col {
    const char *name;
    evg_col_kind kind;
} evg_col;

/* One value; `set` is 0 where the attribute does not apply (an actor's
 * CAMEO event code). */
typedef struct evg_val {
    int set;
    const char *s;
    double d;
    long long i;
} evg_val;

/* The graph as the exports see it: nodes and edges in a stable order with
 * the same attribute columns for every format. */
typedef struct evg_table {
    int projection;             /* 1: the actor projection */
    size_t n_nodes, n_edges;
    const char **node_id;       /* "a1", "v1" */
    const char **node_label;
    const char **node_start;    /* dynamic spell, or NULL */
    const char **node_end;
    size_t n_ncols;
    const evg_col *ncols;
    evg_val *nvals;             /* n_nodes x n_ncols */
    const char **edge_id;       /* "e1" ... */
    size_t *edge_from, *edge_to;/* node indexes */
    const char **edge_type;     /* "source", "target", "causes", "dyad" */
    double *edge_weight;
    const char **edge_start;
    const char **edge_end;
    const evg_gdyad **edge_dyad;/* projection: the edge's dyad, else NULL */
    const evg_graph *graph;
    size_t n_ecols;
    const evg_col *ecols;
    evg_val *evals;             /* n_edges x n_ecols */
    evg_arena *arena;
} evg_table;

/* Appends an event's participants as "role:text" joined by "; "
 * ("agent:Acme; theme:its plant; recipient:Zeta"). */
void evg_graph__put_args(evg_buf *b, const evg_gevent *v);

/* Builds the table of `g` for its projection. EVG_ENOMEM. */
int evg_graph__table(const evg_graph *g, evg_table **out);
void evg_graph__table_free(evg_table *t);

/* Writers. `b` collects the output; the caller writes it out. */
int evg_graph__write_graphml(const evg_table *t, FILE *out, evg_error *err);
int evg_graph__write_gexf(const evg_table *t, int v13, evg_buf *b);
int evg_graph__write_gml(const evg_table *t, evg_buf *b);
int evg_graph__write_json(const evg_table *t, int style, evg_buf *b);
int evg_graph__write_csv_nodes(const evg_table *t, evg_buf *b);
int evg_graph__write_csv_events(const evg_graph *g, evg_buf *b);
int evg_graph__write_csv_dyads(const evg_graph *g, evg_buf *b);
int evg_graph__write_timelinejs(const evg_graph *g, evg_buf *b);

/* JSON number text for `d` ("%.6g", never NaN or infinity: those give
 * "null"). `out` has room for 32 bytes. */
void evg_graph__num(char *out, double d);

#endif
