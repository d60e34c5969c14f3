/* GraphML and GML through igraph's own writers: the export table becomes an
 * igraph graph with C attributes (strings already cleaned to valid UTF-8
 * without control characters, which igraph's GraphML writer needs). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <igraph.h>

#include "internal.h"

static int dep(evg_error *err, igraph_error_t code)
{
    if (code == IGRAPH_ENOMEM)
        return evg_error_set(err, EVG_ENOMEM, "out of memory (igraph)");
    return evg_error_set(err, EVG_EDEP, "%s", evg_graph__igraph_message());
}

#define IG(call)                                                          \
    do {                                                                  \
        igraph_error_t e_ = (call);                                       \
        if (e_ != IGRAPH_SUCCESS) {                                       \
            rc = dep(err, e_);                                            \
            goto done;                                                    \
        }                                                                 \
    } while (0)

int evg_graph__write_igraph(const evg_table *t, int gml, FILE *out,
                            evg_error *err)
{
    evg_graph__igraph_init();
    int rc = 0, have_graph = 0;
    igraph_t ig;
    igraph_vector_int_t edges = {0};
    IG(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * t->n_edges)));
    for (size_t i = 0; i < t->n_edges; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)t->edge_from[i];
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)t->edge_to[i];
    }
    IG(igraph_create(&ig, &edges, (igraph_integer_t)t->n_nodes,
                     IGRAPH_DIRECTED));
    have_graph = 1;
    IG(igraph_cattribute_GAS_set(&ig, "creator", "evgraph"));
    /* "key" carries our node id: GML's own `id` must be a number */
    for (size_t i = 0; i < t->n_nodes; i++)
        IG(igraph_cattribute_VAS_set(&ig, "key", (igraph_integer_t)i,
                                     t->node_id[i]));
    for (size_t c = 0; c < t->n_ncols; c++) {
        const evg_col *col = &t->ncols[c];
        for (size_t i = 0; i < t->n_nodes; i++) {
            const evg_val *v = &t->nvals[i * t->n_ncols + c];
            igraph_integer_t vid = (igraph_integer_t)i;
            if (col->kind == EVG_COL_STR)
                IG(igraph_cattribute_VAS_set(&ig, col->name, vid,
                                             v->set ? v->s : ""));
            else
                IG(igraph_cattribute_VAN_set(&ig, col->name, vid,
                                             v->set ? v->d : NAN));
        }
    }
    for (size_t i = 0; i < t->n_edges; i++)
        IG(igraph_cattribute_EAS_set(&ig, "key", (igraph_integer_t)i,
                                     t->edge_id[i]));
    for (size_t c = 0; c < t->n_ecols; c++) {
        const evg_col *col = &t->ecols[c];
        for (size_t i = 0; i < t->n_edges; i++) {
            const evg_val *v = &t->evals[i * t->n_ecols + c];
            igraph_integer_t eid = (igraph_integer_t)i;
            if (col->kind == EVG_COL_STR)
                IG(igraph_cattribute_EAS_set(&ig, col->name, eid,
                                             v->set ? v->s : ""));
            else
                IG(igraph_cattribute_EAN_set(&ig, col->name, eid,
                                             v->set ? v->d : NAN));
        }
    }
    if (gml)
        IG(igraph_write_graph_gml(&ig, out, IGRAPH_WRITE_GML_DEFAULT_SW, NULL,
                                  "evgraph"));
    else
        IG(igraph_write_graph_graphml(&ig, out, 0));
    if (ferror(out))
        rc = evg_error_set(err, EVG_EIO, "writing the graph failed");
done:
    if (have_graph)
        igraph_destroy(&ig);
    igraph_vector_int_destroy(&edges);
    return rc;
}
