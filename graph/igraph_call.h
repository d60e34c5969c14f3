/* Turning igraph's return codes into evgraph errors, for the files of graph/
 * that call igraph: `IG(call)` sets `rc` and jumps to `done` on failure. */
#ifndef EVG_GRAPH_IGRAPH_CALL_H
#define EVG_GRAPH_IGRAPH_CALL_H

#include <igraph.h>

#include "internal.h"

static inline int evg_graph__igraph_error(evg_error *err, igraph_error_t code)
{
    if (code == IGRAPH_ENOMEM)
        return evg_error_set(err, EVG_ENOMEM, "out of memory (igraph)");
    return evg_error_set(err, EVG_EDEP, "%s", evg_graph__igraph_message());
}

#define IG(call)                                                          \
    do {                                                                  \
        igraph_error_t e_ = (call);                                       \
        if (e_ != IGRAPH_SUCCESS) {                                       \
            rc = evg_graph__igraph_error(err, e_);                        \
            goto done;                                                    \
        }                                                                 \
    } while (0)

#endif
