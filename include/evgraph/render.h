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
    EVG_PAPER_A4 = 0,      /* 297 x 210 mm, landscape */
    EVG_PAPER_LETTER       /* 11 x 8.5 in, landscape */
} evg_render_paper;

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
    size_t lanes;          /* busiest actors given a lane (0: default 10) */
    int show_uncertain;    /* draw hypothetical and negated events, and
                              events under EVG_RENDER_MIN_CONFIDENCE, too */
    evg_render_view view;  /* used by evg_render() */
    const char *entity;    /* actor (name, id or code) put in the first,
                              highlighted lane; NULL for none */
    const char *title;     /* picture title; NULL for an automatic one */
    size_t width;          /* picture width in CSS pixels (96 per inch) that
                              the time axis is fitted to (0: default 1600);
                              PDF pages ignore it */
    evg_render_paper paper; /* PDF page size (landscape) */
    const char *link_base; /* folder the output is written to: links to the
                              source documents are made relative to it;
                              NULL: relative to the working directory */
    int absolute_links;    /* links to source documents as absolute file:
                              URLs instead */
} evg_render_opts;

/* Fills `opts` with the defaults (SVG timeline, 10 lanes, 1600 px). */
EVG_API void evg_render_opts_init(evg_render_opts *opts);

/* Parses a format name ("dot", "svg", "png", "pdf", "html"); -1 if
 * unknown. */
EVG_API int evg_render_format_parse(const char *name);

/* Parses a view name ("timeline", "graph", "actors"); -1 if unknown. */
EVG_API int evg_render_view_parse(const char *name);

/* The usual file name extension of `format` ("svg"...). */
EVG_API const char *evg_render_format_ext(evg_render_format format);

/* How many events a picture of `g` under `opts` draws and how many it
 * leaves out, and why; every view and `evgraph stats` print these. */
typedef struct evg_render_counts {
    size_t events;       /* events in the graph (after the graph filters) */
    size_t filtered;     /* left out by the graph options (--from, --to,
                            --entity, --quad, --root, --modality) */
    size_t below_min;    /* left out by --min-confidence */
    size_t shown;        /* drawn */
    size_t hypothetical; /* left out: hypothetical (without show_uncertain) */
    size_t negated;      /* left out: negated */
    size_t unsure;       /* left out: confidence under
                            EVG_RENDER_MIN_CONFIDENCE (and not the above) */
    size_t actors;       /* actors in the graph */
    size_t actors_shown; /* actors taking part in a drawn event */
    size_t reports;      /* left out: a report (an event of class
                            REPORTING without a CAMEO code) of another
                            event of its sentence (evg_gevent
                            tells_of_other) */
} evg_render_counts;

EVG_API void evg_render_count(const evg_graph *g, const evg_render_opts *opts,
                      evg_render_counts *c);

/* Writes "N events drawn, M left out (a filtered, b below
 * --min-confidence, c under confidence 0.5, d hypothetical, e negated)"
 * into buf (NUL-terminated, cut to n). */
EVG_API void evg_render_counts_text(const evg_render_counts *c, char *buf, size_t n);

/* Parses "a4" or "letter"; -1 if unknown. */
EVG_API int evg_render_paper_parse(const char *name);

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
