/* TEMPORARY: export placeholder until the igraph writers land. */
#include <string.h>

#include "internal.h"

int evg_graph_format_parse(const char *name)
{
    if (strcmp(name, "graphml") == 0)
        return EVG_GRAPH_GRAPHML;
    if (strcmp(name, "gml") == 0)
        return EVG_GRAPH_GML;
    if (strcmp(name, "json") == 0)
        return EVG_GRAPH_JSON;
    return -1;
}

int evg_graph_write(const evg_graph *g, evg_graph_format format, FILE *out,
                    evg_error *err)
{
    (void)g, (void)format, (void)out;
    return evg_error_set(err, EVG_EDEP, "graph export not built yet");
}
