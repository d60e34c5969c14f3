/* GraphML through igraph's own writer: the export table becomes an
 * igraph graph with C attributes (strings already cleaned to valid UTF-8
 * without control characters, which igraph's GraphML writer needs). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <igraph.h>

#include "igraph_call.h"
#include "internal.h"


/* Sets one string or number attribute column on every vertex (`edges` 0)
 * or edge at once: per-element setters look the name up on each call. */
static int set_column(igraph_t *ig, int edges, const char *name,
                      evg_col_kind kind, size_t n, const evg_val *vals,
                      size_t stride, const char *const *plain,
                      igraph_strvector_t *sv, igraph_vector_t *nv,
                      evg_error *err)
{
    int rc = 0;
    if (kind == EVG_COL_STR || plain) {
        IG(igraph_strvector_resize(sv, (igraph_integer_t)n));
        for (size_t i = 0; i < n; i++) {
            const char *s = plain ? plain[i]
                                  : (vals[i * stride].set ? vals[i * stride].s
                                                          : "");
            IG(igraph_strvector_set(sv, (igraph_integer_t)i, s ? s : ""));
        }
        if (edges)
            IG(igraph_cattribute_EAS_setv(ig, name, sv));
        else
            IG(igraph_cattribute_VAS_setv(ig, name, sv));
    } else {
        IG(igraph_vector_resize(nv, (igraph_integer_t)n));
        for (size_t i = 0; i < n; i++)
            VECTOR(*nv)[i] = vals[i * stride].set ? vals[i * stride].d : NAN;
        if (edges)
            IG(igraph_cattribute_EAN_setv(ig, name, nv));
        else
            IG(igraph_cattribute_VAN_setv(ig, name, nv));
    }
done:
    return rc;
}

int evg_graph__write_igraph(const evg_table *t, FILE *out, evg_error *err)
{
    evg_graph__igraph_init();
    int rc = 0, have_graph = 0;
    igraph_t ig;
    igraph_vector_int_t edges = {0};
    igraph_strvector_t sv = {0};
    igraph_vector_t nv = {0};
    IG(igraph_strvector_init(&sv, 0));
    IG(igraph_vector_init(&nv, 0));
    IG(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * t->n_edges)));
    for (size_t i = 0; i < t->n_edges; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)t->edge_from[i];
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)t->edge_to[i];
    }
    IG(igraph_create(&ig, &edges, (igraph_integer_t)t->n_nodes,
                     IGRAPH_DIRECTED));
    have_graph = 1;
    IG(igraph_cattribute_GAS_set(&ig, "creator", "evgraph"));
    /* "key" carries our ids (GraphML node ids are igraph's n0, n1 ...) */
    if ((rc = set_column(&ig, 0, "key", EVG_COL_STR, t->n_nodes, NULL, 0,
                         t->node_id, &sv, &nv, err)))
        goto done;
    for (size_t c = 0; c < t->n_ncols; c++)
        if ((rc = set_column(&ig, 0, t->ncols[c].name, t->ncols[c].kind,
                             t->n_nodes, t->nvals + c, t->n_ncols, NULL, &sv,
                             &nv, err)))
            goto done;
    if ((rc = set_column(&ig, 1, "key", EVG_COL_STR, t->n_edges, NULL, 0,
                         t->edge_id, &sv, &nv, err)))
        goto done;
    for (size_t c = 0; c < t->n_ecols; c++)
        if ((rc = set_column(&ig, 1, t->ecols[c].name, t->ecols[c].kind,
                             t->n_edges, t->evals + c, t->n_ecols, NULL, &sv,
                             &nv, err)))
            goto done;
    IG(igraph_write_graph_graphml(&ig, out, 0));
    if (ferror(out))
        rc = evg_error_set(err, EVG_EIO, "writing the graph failed");
done:
    if (have_graph)
        igraph_destroy(&ig);
    igraph_vector_int_destroy(&edges);
    igraph_strvector_destroy(&sv);
    igraph_vector_destroy(&nv);
    return rc;
}
