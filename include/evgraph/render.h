/* Graph -> pictures: DOT and SVG timelines drawn with Graphviz, positions
 * computed from dates and actor lanes. Graphviz stays behind this API. */
#ifndef EVGRAPH_RENDER_H
#define EVGRAPH_RENDER_H

#include <stddef.h>

#include "evgraph/error.h"
#include "evgraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EVG_RENDER_DOT = 0,
    EVG_RENDER_SVG
} evg_render_format;

typedef struct evg_render_opts {
    evg_render_format format;
    size_t lanes;          /* busiest actors given a lane (0: default 12) */
    int show_uncertain;    /* draw hypothetical and negated events too */
} evg_render_opts;

/* Fills `opts` with the defaults (SVG). */
void evg_render_opts_init(evg_render_opts *opts);

/* Parses a format name ("dot", "svg"); -1 if unknown. */
int evg_render_format_parse(const char *name);

/* Renders the timeline of `g` into a malloc'd buffer `*out` of `*len` bytes
 * (NUL-terminated). EVG_EDEP (Graphviz failed), EVG_ENOMEM. The caller frees
 * `*out`. */
int evg_render_timeline(const evg_graph *g, const evg_render_opts *opts,
                        char **out, size_t *len, evg_error *err);

#ifdef __cplusplus
}
#endif
#endif
