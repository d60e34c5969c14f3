/* Graph -> pictures: DOT, SVG, PNG, PDF and self-contained HTML timelines
 * drawn with Graphviz, positions computed from dates and actor lanes, and a
 * relationship view laid out by Graphviz. Graphviz stays behind this API. */
#ifndef EVGRAPH_RENDER_H
#define EVGRAPH_RENDER_H

#include "evgraph/export.h"

#include <stddef.h>

#include "evgraph/error.h"
#include "evgraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    EVG_RENDER_DOT = 0, /* Graphviz source with pinned positions */
    EVG_RENDER_SVG,
    EVG_RENDER_PNG,     /* through libgvc's cairo plugin */
    EVG_RENDER_PDF,     /* through libgvc's cairo plugin */
    EVG_RENDER_HTML     /* one page: SVG, legend, event table, filters */
} evg_render_format;

typedef enum {
    EVG_VIEW_TIMELINE = 0, /* time axis, one swimlane per actor */
    EVG_VIEW_GRAPH,        /* actors and events as a network */
    EVG_VIEW_ACTORS        /* projected actor-actor network */
} evg_render_view;

/* Events the coder is less sure of than this (see docs/events.md) are left
 * out of pictures unless show_uncertain is set. */
#define EVG_RENDER_MIN_CONFIDENCE 0.5

typedef struct evg_render_opts {
    size_t size;              /* sizeof(evg_render_opts), set by evg_render_opts_init():
                                 call it before setting any field */
    evg_render_format format;
    size_t lanes;          /* busiest actors given a lane (0: default 12) */
    int show_uncertain;    /* draw hypothetical and negated events, and
                              events under EVG_RENDER_MIN_CONFIDENCE, too */
    evg_render_view view;  /* used by evg_render() */
    const char *entity;    /* actor (name, id or code) put in the first,
                              highlighted lane; NULL for none */
    const char *title;     /* picture title; NULL for an automatic one */
} evg_render_opts;

/* Fills `opts` with the defaults (SVG timeline, 12 lanes). */
EVG_API void evg_render_opts_init(evg_render_opts *opts);

/* Parses a format name ("dot", "svg", "png", "pdf", "html"); -1 if
 * unknown. */
EVG_API int evg_render_format_parse(const char *name);

/* Parses a view name ("timeline", "graph", "actors"); -1 if unknown. */
EVG_API int evg_render_view_parse(const char *name);

/* The usual file name extension of `format` ("svg"...). */
EVG_API const char *evg_render_format_ext(evg_render_format format);

/* Renders the timeline of `g` into a malloc'd buffer `*out` of `*len` bytes
 * (NUL-terminated; PNG and PDF are binary). EVG_EDEP (Graphviz failed, or
 * the cairo plugin for PNG/PDF is missing), EVG_ENOMEM, EVG_EINVAL. The
 * caller frees `*out`. */
EVG_API int evg_render_timeline(const evg_graph *g, const evg_render_opts *opts,
                        char **out, size_t *len, evg_error *err);

/* Renders the relationship view of `g` (opts->view GRAPH or ACTORS;
 * TIMELINE is taken as GRAPH) like evg_render_timeline. Laid out by neato,
 * or sfdp for large graphs. Same errors and ownership. */
EVG_API int evg_render_network(const evg_graph *g, const evg_render_opts *opts,
                       char **out, size_t *len, evg_error *err);

/* Renders the view chosen by opts->view. Same errors and ownership. */
EVG_API int evg_render(const evg_graph *g, const evg_render_opts *opts, char **out,
               size_t *len, evg_error *err);

#ifdef __cplusplus
}
#endif
#endif
