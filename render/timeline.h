/* The timeline view's parts (render/timeline*.c), in the order of the work:
 * timeline_layout.c places lanes, axis and boxes; timeline_text.c makes and
 * measures their texts; timeline_draw.c turns the placed picture into a
 * pinned Graphviz graph; timeline.c is the entry (one picture, or PDF
 * pages). Internal to render/. */
#ifndef EVG_RENDER_TIMELINE_H
#define EVG_RENDER_TIMELINE_H

#include "internal.h"

/* Geometry, in points (1/72 in), y growing downwards until converted. */
#define LABEL_W 170.0 /* lane label column */
#define X0 (LABEL_W + 24.0)
#define BOX_MIN_X (LABEL_W + 8.0) /* no box reaches into the labels */
#define TITLE_Y 18.0
#define SUB_Y 37.0
#define LEGEND_Y 56.0
#define TICK_Y 82.0
#define AXIS_Y 100.0
#define GAP_LABEL_Y 109.0
#define LANES_Y 118.0
#define RAIL_DY 13.0 /* rail below the lane top */
#define ROWS_DY 24.0 /* first row below the lane top */
#define SPAN_ROOM 14.0 /* above a box: its date span bar */
#define ROW_GAP 6.0
#define BOX_FS 10.0  /* box font size */
#define BOX_PAD 14.0 /* box width beyond its widest line */
#define LINE_H 12.5
#define WRAP 23      /* characters per summary line */
#define MAX_PPD 90.0 /* points per day at most */
#define ISLAND_PAD 24.0 /* room left and right of each run of dates */
#define BAND_W 50.0  /* a compressed stretch */
#define ZONE_MIN_W 90.0 /* the "earlier", "later" and "no date" zones: as
                           wide as their widest box, at least this */
#define CLUSTER_W 164.0
#define MAX_ROWS 3       /* rows of boxes in an actor's lane */
#define MAX_ROWS_OTHER 4 /* in "Other actors" */
#define LONG_SPAN 400    /* days: longer spans reaching out of the story
                            are cut at its ends */
#define MIN_WIDTH 600    /* px */

typedef struct tl_event {
    size_t idx; /* graph event */
    size_t lane;
    int dated;
    int clip;   /* 1: starts before the axis, 2: ends after it */
    int zone;   /* 0: on the axis, 1: "earlier", 2: "later" (outliers) */
    long lo, hi; /* days drawn (clipped) */
    double x, w, h;     /* box centre and size */
    double sx0, sx1;    /* span bar, when hi > lo */
    double left, right; /* what the event occupies on its row */
    double jx;          /* x of its joins to other lanes */
    size_t row;
    size_t head;  /* EVG_NONE, or the box (tl event) it is grouped into */
    size_t n_in;  /* events in its box: 1, or more for a group */
    long clo, chi; /* dates of a group */
    int c_dated, c_undated; /* a group holds dated / undated events */
    char *label; /* escaped for Graphviz */
} tl_event;

typedef struct tl_lane {
    size_t actor;        /* EVG_NONE: "other actors" */
    size_t count;        /* events drawn in the lane */
    size_t n_src, n_tgt; /* events the actor does / undergoes */
    size_t rows;
    int off;      /* not on this page */
    double row_h; /* height of a row */
    double box_h; /* tallest box */
    double y, h;  /* top and height */
} tl_lane;

typedef struct tl {
    const evg_graph *g;
    const evg_render_opts *opts;
    tl_event *ev;
    size_t n_ev;
    size_t *ev_of; /* graph event -> tl event or EVG_NONE */
    tl_lane *lanes;
    size_t n_lanes;
    size_t *lane_of;        /* actor -> lane or EVG_NONE */
    size_t n_actors;        /* entries of lane_of */
    long *key;              /* distinct days, sorted */
    double *kx;             /* their x */
    unsigned char *gap_cut; /* gap after key[i] compressed */
    size_t n_key;
    size_t *isl_first;      /* runs of dates between compressed gaps: */
    double *isl_ppd;        /* first key and points per day */
    size_t n_isl;
    double page_w;   /* width the picture is fitted to */
    double x_end;    /* right end of the dated part */
    double und_x;    /* start of the undated zone, 0 if none */
    double right;    /* right end of lanes */
    size_t n_boxes, n_groups, n_grouped, n_clipped;
    int all_keys; /* every dated event gives the axis its dates */
    long short_lo, short_hi; /* dates of the events of a month or less */
    double early_x, late_x; /* left ends of the outlier zones, 0: none */
    double zone_w[3];       /* widths of the earlier, later, no-date zones */
    long early_hi, late_lo; /* last day before, first day after the axis */
    int uncoded;  /* some event drawn has no CAMEO code: a legend entry */
    double width, height;
    size_t page, n_pages;   /* PDF: page drawn (from 1) and how many */
    double frame_w, frame_h; /* PDF: drawing area of a page */
    evg_buf text; /* scratch */
} tl;

/* Graphviz attribute handles of a drawing. */
typedef struct syms {
    Agsym_t *pos, *width, *height, *label, *style, *color, *fillcolor,
        *fontsize, *fontcolor, *fontname, *tooltip, *url, *id, *cls, *fixedsize,
        *shape, *penwidth;
    Agsym_t *e_color, *e_penwidth, *e_arrowhead, *e_arrowsize, *e_style, *e_id,
        *e_cls, *e_tooltip;
} syms;

typedef struct dr {
    tl *t;
    Agraph_t *g;
    syms s;
    double H; /* total height: y is flipped for Graphviz */
    char name[64];
} dr;

/* timeline_layout.c */

/* The lane of actor `a`, or EVG_NONE (also for an index out of range). */
size_t evg_tl__lane_of(const tl *t, size_t a);
/* x of day `d` on the axis. */
double evg_tl__day_x(const tl *t, double d);
/* Whether actor `a` is the one `--entity` asks for. */
int evg_tl__actor_matches(const evg_gactor *a, const char *want);
/* Places everything: lanes, axis, rows, boxes, zones and the picture's
 * size. EVG_ENOMEM. */
int evg_tl__layout(tl *t, const unsigned char *shown);
void evg_tl__dispose(tl *t);

/* timeline_text.c */

/* Width in points of the escaped label `s` at `fs` points. */
double evg_tl__label_w(const char *s, double fs, int bold);
/* The same, with the room a text node needs around it. */
double evg_tl__est_w(const char *s, double fs);
/* The escaped, wrapped label of the box of `te` and its width. */
int evg_tl__make_label(tl *t, tl_event *te);
/* The label of group `h` ("5 events", the first, "and 4 more", dates). */
int evg_tl__group_label(tl *t, tl_event *h);
/* The name (two lines) and the details of lane `l`, escaped. */
void evg_tl__lane_label(tl *t, size_t l, evg_buf *b);
const char *evg_tl__lane_sub(tl *t, size_t l, char *buf, size_t n);
/* The subtitle: what is drawn and left out, the dates, lanes, groups. */
void evg_tl__subtitle(tl *t, evg_buf *out);
/* Width of the legend that evg_tl__draw draws. */
double evg_tl__legend_w(const tl *t);
/* The tooltip of a node by name (evg_render__gv_emit's title callback). */
const char *evg_tl__title(void *ctx, const char *name, size_t n,
                          evg_buf *scratch);

/* timeline_draw.c */

/* Declares the graph attributes and node and edge attribute handles. */
void evg_tl__declare(dr *d);
/* Draws the laid-out picture: title, legend, axis, lanes, boxes, joins.
 * EVG_ENOMEM, EVG_EDEP. */
int evg_tl__draw(tl *t, dr *d, const unsigned char *shown);

#endif
