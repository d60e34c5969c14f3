/* Events documents -> relationship graph: actors and events as vertices,
 * who-did-what-to-whom and event relations as edges, merged across
 * documents, with analytics and exports. igraph stays behind this API. */
#ifndef EVGRAPH_GRAPH_H
#define EVGRAPH_GRAPH_H

#include "evgraph/export.h"

#include <stddef.h>
#include <stdio.h>

#include "evgraph/document.h"
#include "evgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct evg_graph evg_graph;

/* An actor vertex. Strings are owned by the graph. */
typedef struct evg_gactor {
    const char *id;       /* "a1" ... stable across runs on the same input */
    const char *name;
    const char *kind;     /* "country", "person" ... */
    const char *code;     /* CAMEO actor code */
    const char *country;  /* ISO alpha-3, "IGO" or NULL */
    size_t mentions;
    size_t degree;
    double pagerank;
    double betweenness;
    long community;       /* -1 until analysed */
    long component;       /* -1 until analysed */
    const char *aliases;  /* other names, "; "-joined, or "" */
    size_t events;        /* events it takes part in */
    const char *first;    /* earliest event date "YYYY-MM-DD" or NULL */
    const char *last;     /* latest event date or NULL */
    size_t documents;     /* documents that name it */
    /* Over the events it takes part in (0 without events): */
    int quad_class;       /* the quad class most of them have (ties: the
                             higher class) */
    double goldstein;     /* their mean Goldstein score (CAMEO-coded
                             events only; 0 without any) */
    double confidence;    /* their mean confidence */
    size_t reports;       /* their reports, summed */
} evg_gactor;

/* A participant of an event by role (evg_arg in the graph): `actor` is an
 * actor index or EVG_NONE when the participant is not an actor. */
typedef struct evg_garg {
    const char *role;      /* "agent", "patient", ... (document.h) */
    size_t actor;
    const char *text;      /* its words in the article */
} evg_garg;

/* An event vertex, possibly merged from several documents' mentions. An
 * event CAMEO has no code for has `cameo` and `label` NULL, `quad_class`
 * 0 and `goldstein` 0 ("none", not a score); its sources and targets are
 * its agents and its patients and recipients when the document gave it
 * no CAMEO source or target. */
typedef struct evg_gevent {
    const char *id;        /* "v1" ... */
    const char *cameo;     /* NULL: no CAMEO code */
    const char *label;     /* CAMEO label or NULL */
    const char *summary;   /* a few words for display, never NULL */
    int quad_class;        /* 1..4; 0 when uncoded or unknown */
    double goldstein;
    const char *time_value; /* TimeML value or NULL */
    const char *lo;         /* "YYYY-MM-DD" or NULL */
    const char *hi;         /* "YYYY-MM-DD" inclusive, or NULL */
    const char *basis;      /* "timex", "dct", ... */
    const char *modality;
    double confidence;
    const char *trigger;
    const char *evidence;   /* the sentence */
    const char *doc;        /* document id of the first mention */
    const char *doc_path;   /* its path, for links */
    size_t mentions;        /* how many reports merged into it */
    size_t *sources;        /* actor indexes */
    size_t n_sources;
    size_t *targets;
    size_t n_targets;
    const char *sentence;   /* sentence id ("s3") of the first mention */
    size_t n_reports;       /* reports merged into it (one per document) */
    const char **report_docs;      /* each report's document id */
    const char **report_sentences; /* each report's sentence id */
    const char **report_evidence;  /* each report's sentence text */
    long component;         /* -1 until analysed */
    const char *doc_title;  /* title of the document of the first mention,
                               or NULL */
    size_t degree;          /* its edges in the actor-event graph */
    double pagerank;        /* PageRank in the actor-event graph (actors'
                               pagerank is that of the actor projection) */
    long community;         /* its first source's community, else its
                               first target's; -1 without actors or until
                               analysed */
    double betweenness;     /* the actor projection's shortest paths that
                               run through it: each of its dyads'
                               edge betweenness divided by the dyad's
                               event count, summed (0 until analysed) */
    const char *tml_class;  /* TimeML class ("OCCURRENCE") or NULL */
    const evg_garg *args;   /* participants by role (first report's) */
    size_t n_args;
    int tells_of_other;     /* a report (class REPORTING, no CAMEO code)
                               whose sentence holds another event of its
                               document, the one it tells of */
} evg_gevent;

typedef struct evg_glink {
    const char *type;      /* "causes", "before", "after", "overlaps" */
    size_t from;           /* event indexes */
    size_t to;
} evg_glink;

/* A directed actor -> actor dyad of the projected actor graph: the events
 * in which `from` is a source and `to` a target. */
typedef struct evg_gdyad {
    size_t from;           /* actor indexes */
    size_t to;
    size_t events;         /* event count (the edge weight) */
    size_t quad[5];        /* events per quad class, quad[1]..quad[4];
                              quad[0]: events without a CAMEO code or
                              quad class */
    double goldstein;      /* summed Goldstein scores */
    const char *first;     /* earliest event date or NULL */
    const char *last;      /* latest event date or NULL */
    const size_t *event_list; /* its `events` event indexes, ascending */
} evg_gdyad;

/* Which graph the exports write. */
typedef enum {
    EVG_PROJ_NONE = 0,     /* actors and events, source/target/relation edges */
    EVG_PROJ_ACTORS        /* actors only, one weighted edge per dyad */
} evg_graph_projection;

typedef struct evg_graph_opts {
    size_t size;              /* sizeof(evg_graph_opts), set by evg_graph_opts_init():
                                 call it before setting any field */
    int merge;              /* merge equal events across documents (1) */
    const char *entity;     /* keep only this actor and its neighbourhood */
    const char *from;       /* keep events ending on/after this date */
    const char *to;         /* keep events starting on/before this date */
    const char *roots;      /* comma list of CAMEO roots ("16,17") or NULL */
    int quad_class;         /* 0 for all, else 1..4 */
    unsigned modalities;    /* bit set of (1u << evg_modality); 0: all */
    double min_confidence;  /* keep events at least this sure (0: all) */
    int analyse;            /* compute degree, PageRank, communities (1) */
    evg_graph_projection projection; /* what the exports write */
    int cameo_only;         /* keep only CAMEO-coded events (0: all) */
} evg_graph_opts;

/* Fills `opts` with the defaults. */
EVG_API void evg_graph_opts_init(evg_graph_opts *opts);

/* The key under which the graph merges actor names and matches --entity:
 * ASCII lower-cased, dots and apostrophes dropped, other punctuation one
 * space, a leading "the " dropped ("The U.S." -> "us"). Returns a malloc'd
 * string ("" when nothing is left), or NULL on out-of-memory; the caller
 * frees it. */
EVG_API char *evg_graph_name_key(const char *name);

/* Builds the graph from `n` documents. EVG_ENOMEM, EVG_EDEP (igraph's
 * message in err). The documents may be freed afterwards; the caller frees
 * `*out` with evg_graph_free(). */
EVG_API int evg_graph_build(const evg_doc *const *docs, size_t n,
                    const evg_graph_opts *opts, evg_graph **out,
                    evg_error *err);
EVG_API void evg_graph_free(evg_graph *g);

/* Read access for renderers; pointers are borrowed and live as long as `g`. */
EVG_API size_t evg_graph_actor_count(const evg_graph *g);
EVG_API const evg_gactor *evg_graph_actor(const evg_graph *g, size_t i);
EVG_API size_t evg_graph_event_count(const evg_graph *g);
EVG_API const evg_gevent *evg_graph_event(const evg_graph *g, size_t i);
EVG_API size_t evg_graph_link_count(const evg_graph *g);
EVG_API const evg_glink *evg_graph_link(const evg_graph *g, size_t i);
/* Dyads of the projected actor graph, busiest first (ties: actor order). */
EVG_API size_t evg_graph_dyad_count(const evg_graph *g);
EVG_API const evg_gdyad *evg_graph_dyad(const evg_graph *g, size_t i);

/* Graph-wide figures, filled by evg_graph_build(). */
typedef struct evg_graph_summary {
    size_t documents;       /* documents read */
    size_t reports;         /* event reports before merging */
    size_t undated;         /* events without a date */
    const char *first;      /* earliest event date or NULL */
    const char *last;       /* latest event date or NULL */
    long components;        /* weakly connected components; -1 unanalysed */
    long communities;       /* Louvain communities of actors; -1 unanalysed */
    double modularity;      /* of those communities */
    size_t betweenness_sources; /* 0: betweenness is exact; otherwise
                                   estimated from this many sources */
    int leiden;             /* communities by Leiden (large graphs), not
                               Louvain */
    size_t filtered;        /* events the options left out (from, to,
                               roots, quad_class, modalities, entity,
                               cameo_only) */
    size_t below_confidence; /* events left out by min_confidence */
} evg_graph_summary;
EVG_API const evg_graph_summary *evg_graph_summary_get(const evg_graph *g);

/* Writes a readable summary of `g` (sizes, date range, top `top` actors by
 * degree and PageRank, busiest dyads, communities) to `out`. EVG_EIO. */
EVG_API int evg_graph_stats_write(const evg_graph *g, size_t top, FILE *out,
                          evg_error *err);

/* Export formats. */
typedef enum {
    EVG_GRAPH_GRAPHML = 0,
    EVG_GRAPH_GML,
    EVG_GRAPH_JSON,        /* node-link JSON (networkx, d3) */
    EVG_GRAPH_GEXF,        /* GEXF 1.2draft, dynamic (Gephi, networkx,
                              graphology) */
    EVG_GRAPH_CYTOSCAPE,   /* Cytoscape.js elements JSON */
    EVG_GRAPH_JGF,         /* JSON Graph Format v2 */
    EVG_GRAPH_CSV,         /* events table (dyads under EVG_PROJ_ACTORS) */
    EVG_GRAPH_CSV_NODES,   /* nodes table */
    EVG_GRAPH_TIMELINEJS,  /* TimelineJS JSON, one slide per dated event */
    EVG_GRAPH_GEXF_1_3     /* the same graph as GEXF 1.3 */
} evg_graph_format;

/* Comma-separated names of all formats, for messages. */
#define EVG_GRAPH_FORMAT_NAMES \
    "graphml, gml, json, gexf, cytoscape, jgf, csv, csv-nodes, timelinejs"


/* Parses a format name ("graphml", ...); -1 if unknown. */
EVG_API int evg_graph_format_parse(const char *name);

/* Writes `g` in `format` to `out`: the projection chosen in the build
 * options decides whether actors and events or only actors are written.
 * EVG_EIO, EVG_EDEP (igraph's message), EVG_ENOMEM. */
EVG_API int evg_graph_write(const evg_graph *g, evg_graph_format format, FILE *out,
                    evg_error *err);

#ifdef __cplusplus
}
#endif
#endif
