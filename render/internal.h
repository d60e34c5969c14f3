/* Private helpers of the renderers: calendar arithmetic, escaping for
 * Graphviz strings and URLs, event texts, running Graphviz in-process and
 * the HTML page. Only render/ includes Graphviz. */
#ifndef EVG_RENDER_INTERNAL_H
#define EVG_RENDER_INTERNAL_H

#include <stdint.h>

#include <gvc.h>

#include "core.h"
#include "evgraph/render.h"

/* ---- calendar (proleptic Gregorian, day 0 = 1970-01-01) ---- */

/* Parses "YYYY-MM-DD" into a day number; -1 if it is not a valid date. */
int evg_render__parse_day(const char *s, long *day);
void evg_render__civil(long day, int *y, int *m, int *d);
long evg_render__day_of(int y, int m, int d);
/* 0 = Monday .. 6 = Sunday. */
int evg_render__weekday(long day);
extern const char *const evg_render__month_abbr[12];

/* ---- text ---- */

/* Appends `s` cleaned (valid UTF-8, no control characters, runs of space
 * squashed) and escaped for a Graphviz escString (backslashes doubled, never
 * ending in a backslash). At most `max_chars` code points, with an ellipsis
 * when cut (0: no limit). */
int evg_render__gv_text(evg_buf *b, const char *s, size_t max_chars);
/* Whether a document path may become a link: a relative or absolute path,
 * or a file:, http: or https: URL. Any other scheme (javascript:, data:,
 * vbscript: ...) is shown as text only. */
int evg_render__linkable(const char *s);
/* Appends `s` percent-encoded for a URL: unreserved characters and
 * "/:.-_~" stay, everything else (& " < > \ space ...) becomes %XX. An
 * absolute path gets "file://" in front. Appends nothing when `s` is not
 * linkable. */
int evg_render__url(evg_buf *b, const char *s);
/* Appends the link to source document `doc_path` for a page written into
 * opts->link_base (relative to it; an absolute file: URL with
 * opts->absolute_links; URLs with a scheme as they are), percent-encoded. */
int evg_render__doc_link(evg_buf *b, const evg_render_opts *opts,
                         const char *doc_path);
/* Width in points of `n` bytes of text `s` (Graphviz escapes count as the
 * character they stand for) at font size `fs`: DejaVu Sans advance widths,
 * wider than Helvetica's, so boxes hold their text in either. */
double evg_render__text_w(const char *s, size_t n, double fs, int bold);
/* Appends "23 May 2019", "13-19 May 2019" or "30 Apr - 2 Jun 2019" (en
 * dashes) for the days lo..hi. */
int evg_render__range_text(evg_buf *b, long lo, long hi);
/* Whether event `e` is drawn under `opts`. */
int evg_render__visible(const evg_gevent *e, const evg_render_opts *opts);
/* Marks used[a] for each source and target actor a (< na) of `e`. */
void evg_render__mark_actors(const evg_gevent *e, size_t na,
                             unsigned char *used);
/* Appends a short date text for event `e`: "Thu 23 May 2019", "week of 13
 * May 2019", "May 2019", "2018", "13 May - 2 Jun 2019" or "undated". */
int evg_render__date_text(evg_buf *b, const evg_gevent *e);
/* Appends plain (unescaped) text describing event `i` for a tooltip: date,
 * who -> whom, what, modality, the evidence sentence and the document. */
int evg_render__tooltip(evg_buf *b, const evg_graph *g, size_t i);
/* Appends the names of actors `ids` joined by ", " (plain text), at most
 * `max` of them and "+N" for the rest (0: all). */
int evg_render__names(evg_buf *b, const evg_graph *g, const size_t *ids,
                      size_t n, size_t max);
/* Which events of `g` are drawn under `opts`: a malloc'd array of one flag
 * per event (hypothetical, negated and low-confidence events only with
 * show_uncertain), or NULL on out-of-memory. The caller frees it. */
unsigned char *evg_render__shown(const evg_graph *g,
                                 const evg_render_opts *opts);

/* Checks the arguments every renderer takes and clears `*out`/`*len`; with
 * no `*opts`, points it at `defaults` filled for `view`. EVG_EINVAL. */
int evg_render__begin(const evg_graph *g, const evg_render_opts **opts,
                      evg_render_opts *defaults, evg_render_view view,
                      char **out, size_t *len, evg_error *err);

/* Event kinds and their colours, stroke and fill, and names: 0 a CAMEO
 * code of unknown quad class, 1 .. 4 the quad classes, 5 an event CAMEO
 * has no code for (evg_render__kind). */
#define EVG_RENDER_KINDS 6
#define EVG_RENDER_UNCODED 5
extern const char *const evg_render__quad_stroke[EVG_RENDER_KINDS];
extern const char *const evg_render__quad_fill[EVG_RENDER_KINDS];
extern const char *const evg_render__quad_name[EVG_RENDER_KINDS];
int evg_render__kind(const evg_gevent *e);
/* Is some event (of those `shown`, or any when it is NULL) without a CAMEO
 * code? The legends list that kind only then. */
int evg_render__any_uncoded(const evg_graph *g, const unsigned char *shown);

/* ---- Graphviz ---- */

/* Returns text for the SVG <title> of node `name` (`n` bytes), or NULL to
 * keep Graphviz's own title; the text is plain and gets XML-escaped. */
typedef const char *(*evg_render__title_fn)(void *ctx, const char *name,
                                            size_t n, evg_buf *scratch);

typedef struct evg_render__gv {
    GVC_t *gvc;
    Agraph_t *g;
    char errbuf[256];
    agerrlevel_t errlevel; /* Graphviz's message level before, restored */
} evg_render__gv;

/* Gets a Graphviz context for output format `fmt` (created on first use
 * and kept; Graphviz is not thread-safe, so neither are the renderers) and
 * an empty directed graph `name`, with Graphviz's messages captured instead
 * of printed. EVG_EDEP. */
int evg_render__gv_open(evg_render__gv *gv, const char *name,
                        evg_render_format fmt, evg_error *err);
/* Lays out the graph with `engine` (not for DOT: the source is written as
 * built) and renders it in `fmt` (DOT, SVG, PNG or PDF) into a malloc'd
 * buffer. SVG node titles are rewritten through `title`. EVG_EDEP,
 * EVG_ENOMEM. */
int evg_render__gv_emit(evg_render__gv *gv, const char *engine,
                        evg_render_format fmt, evg_render__title_fn title,
                        void *ctx, char **out, size_t *len, evg_error *err);
/* Frees the graph (the context is shared and stays). Accepts a zeroed
 * struct. */
void evg_render__gv_close(evg_render__gv *gv);

/* Small maths without libm (the render target does not link it). */
static inline double evg_render__max(double a, double b)
{
    return a > b ? a : b;
}
static inline double evg_render__min(double a, double b)
{
    return a < b ? a : b;
}
/* log2(x) for x > 0, to about 0.01: enough for sizes and widths. */
static inline double evg_render__log2(double x)
{
    if (!(x > 0))
        return 0;
    double e = 0;
    while (x >= 2) {
        x /= 2;
        e += 1;
    }
    while (x < 1) {
        x *= 2;
        e -= 1;
    }
    double f = x - 1; /* log2(1+f) on [0,1) */
    return e + f * (1.4425 - f * (0.7213 - f * (0.4808 - f * 0.2206)));
}

/* Graphviz 2.42 takes `char *` for strings it never modifies. */
static inline Agsym_t *gv_attr(Agraph_t *g, int kind, const char *name,
                               const char *value)
{
    return agattr(g, kind, (char *)(uintptr_t)name, (char *)(uintptr_t)value);
}

static inline void gv_xset(void *obj, Agsym_t *sym, const char *value)
{
    agxset(obj, sym, (char *)(uintptr_t)value);
}

/* Sets attribute `name` of object `obj` to `value` (declaring it with
 * default `dflt` on first use). */
void evg_render__set(void *obj, const char *name, const char *value);

/* ---- PDF ---- */

/* Joins `n` single-page PDF files written by Graphviz's cairo plugin into
 * one document of `n` pages (malloc'd into *out). EVG_EPARSE if a file is
 * not laid out as expected, EVG_ENOMEM. */
int evg_render__pdf_join(char *const *pages, const size_t *lens, size_t n,
                         char **out, size_t *len);

/* Makes a PDF written by cairo reproducible: its /CreationDate (the time
 * of the run) becomes the time $SOURCE_DATE_EPOCH gives, or, without it,
 * blanks of the same length (the date is optional in PDF). Bytes keep
 * their offsets, so the cross-reference table stays valid. */
void evg_render__pdf_undate(char *pdf, size_t n);

/* ---- HTML ---- */

/* Writes the self-contained HTML page: `svg` (the picture), a legend, the
 * table of the events with `shown[i]` set and the filter script. */
int evg_render__html(const evg_graph *g, const evg_render_opts *opts,
                     const char *svg, size_t svg_len,
                     const unsigned char *shown, char **out, size_t *len,
                     evg_error *err);

#endif
