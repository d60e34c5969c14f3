/* The timeline view: a time axis (proportional, long empty stretches
 * compressed and marked, ticks at a granularity that fits), one swimlane per
 * busy actor, event boxes stacked in rows inside their source's lane and
 * joined to their targets' lanes. Every position is computed by
 * timeline_layout.c and pinned (layout "nop2"), so Graphviz only draws:
 * 50,000 events take seconds. This file is the entry: one picture, or the
 * pages of a PDF. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "timeline.h"

#define PAGE_MARGIN 24.0

/* Landscape paper sizes, in points. */
static double paper_w(const evg_render_opts *o)
{
    return o->paper == EVG_PAPER_LETTER ? 792.0 : 841.89;
}

static double paper_h(const evg_render_opts *o)
{
    return o->paper == EVG_PAPER_LETTER ? 612.0 : 595.28;
}

/* PDF: the lanes go onto as many pages as they need, each page with the
 * title, the counts, the legend and its own axis; the pages are drawn one
 * by one and joined. */
static int pdf_pages(tl *t, const unsigned char *shown, char **out,
                     size_t *len, evg_error *err)
{
    /* a picture wider than the paper (zones for outliers and undated
     * events) is scaled down to its width: the frame, in layout points,
     * grows by as much */
    double pw = paper_w(t->opts) - 2 * PAGE_MARGIN,
           ph = paper_h(t->opts) - 2 * PAGE_MARGIN;
    double scale = t->right > pw ? pw / t->right : 1.0;
    t->frame_w = pw / scale;
    t->frame_h = ph / scale;
    double room = t->frame_h - LANES_Y - 20.0;
    /* which lanes go on which page */
    size_t *first = malloc((t->n_lanes + 2) * sizeof(size_t));
    double *ys = malloc((t->n_lanes + 1) * sizeof(double));
    if (!first || !ys) {
        free(first);
        free(ys);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    size_t np = 0;
    double used = 0;
    for (size_t l = 0; l < t->n_lanes; l++) {
        ys[l] = t->lanes[l].y;
        if (l == 0 || used + t->lanes[l].h > room) {
            first[np++] = l;
            used = 0;
        }
        used += t->lanes[l].h;
    }
    if (np == 0)
        first[np++] = 0;
    first[np] = t->n_lanes;
    t->n_pages = np;
    char **pdf = calloc(np, sizeof(char *));
    size_t *plen = calloc(np, sizeof(size_t));
    int rc = pdf && plen ? 0 : evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (size_t p = 0; p < np && !rc; p++) {
        t->page = p + 1;
        double y = LANES_Y;
        for (size_t l = 0; l < t->n_lanes; l++) {
            t->lanes[l].off = l < first[p] || l >= first[p + 1];
            if (!t->lanes[l].off) {
                t->lanes[l].y = y;
                y += t->lanes[l].h;
            }
        }
        t->height = y + 24.0;
        evg_render__gv gv;
        memset(&gv, 0, sizeof(gv));
        if ((rc = evg_render__gv_open(&gv, "timeline", EVG_RENDER_PDF, err)))
            break;
        dr d;
        memset(&d, 0, sizeof(d));
        d.t = t;
        d.g = gv.g;
        d.H = t->frame_h;
        evg_tl__declare(&d);
        char margin[32];
        snprintf(margin, sizeof(margin), "%.3f", PAGE_MARGIN / 72.0);
        gv_attr(gv.g, AGRAPH, "margin", margin);
        gv_attr(gv.g, AGRAPH, "pad", "0");
        char size[64];
        snprintf(size, sizeof(size), "%.3f,%.3f", pw / 72.0, ph / 72.0);
        gv_attr(gv.g, AGRAPH, "size", size);
        if ((rc = evg_tl__draw(t, &d, shown)))
            rc = evg_error_set(err, rc, "render: %s", evg_strerror(rc));
        else {
            rc = evg_render__gv_emit(&gv, "nop2", EVG_RENDER_PDF, NULL, NULL,
                                     &pdf[p], &plen[p], err);
        }
        evg_render__gv_close(&gv);
    }
    if (!rc && (rc = evg_render__pdf_join(pdf, plen, np, out, len)))
        rc = evg_error_set(err, rc == EVG_ENOMEM ? EVG_ENOMEM : EVG_EDEP,
                           "render: cannot join the PDF pages (%s)",
                           evg_strerror(rc));
    for (size_t p = 0; pdf && p < np; p++)
        free(pdf[p]);
    free(pdf);
    free(plen);
    free(first);
    free(ys);
    return rc;
}

int evg_render_timeline(const evg_graph *g, const evg_render_opts *opts,
                        char **out, size_t *len, evg_error *err)
{
    evg_render_opts defaults;
    int rc = evg_render__begin(g, &opts, &defaults, EVG_VIEW_TIMELINE,
                               out, len, err);
    if (rc)
        return rc;
    unsigned char *shown = evg_render__shown(g, opts);
    tl t;
    memset(&t, 0, sizeof(t));
    t.g = g;
    t.opts = opts;
    evg_buf_init(&t.text, 0);
    evg_render__gv gv;
    memset(&gv, 0, sizeof(gv));
    char *svg = NULL;
    size_t svg_len = 0;
    if (!shown) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    evg_render_opts paged;
    if (opts->format == EVG_RENDER_PDF) {
        /* laid out at 1400 px and scaled to the width of the paper: text
         * of 10 pt prints at about 7.5 pt */
        paged = *opts;
        paged.width = 1400;
        t.opts = &paged;
    }
    if ((rc = evg_tl__layout(&t, shown))) {
        rc = evg_error_set(err, rc, "render: %s", evg_strerror(rc));
        goto done;
    }
    if (opts->format == EVG_RENDER_PDF) {
        rc = pdf_pages(&t, shown, out, len, err);
        goto done;
    }
    if ((rc = evg_render__gv_open(&gv, "timeline", opts->format, err)))
        goto done;
    dr d;
    memset(&d, 0, sizeof(d));
    d.t = &t;
    d.g = gv.g;
    d.H = t.height;
    evg_tl__declare(&d);
    if ((rc = evg_tl__draw(&t, &d, shown))) {
        rc = evg_error_set(err, rc, "render: %s", evg_strerror(rc));
        goto done;
    }
    evg_render_format f =
        opts->format == EVG_RENDER_HTML ? EVG_RENDER_SVG : opts->format;
    rc = evg_render__gv_emit(&gv, "nop2", f, evg_tl__title, &t,
                             opts->format == EVG_RENDER_HTML ? &svg : out,
                             opts->format == EVG_RENDER_HTML ? &svg_len : len,
                             err);
    if (rc)
        goto done;
    if (opts->format == EVG_RENDER_HTML)
        rc = evg_render__html(g, opts, svg, svg_len, shown, out, len, err);
done:
    free(svg);
    evg_render__gv_close(&gv);
    evg_tl__dispose(&t);
    free(shown);
    return rc;
}
