/* The timeline view: a time axis (proportional, long empty stretches
 * compressed and marked, ticks at a granularity that fits), one swimlane per
 * busy actor, event boxes stacked in rows inside their source's lane and
 * joined to their targets' lanes. Every position is computed here and pinned
 * (layout "nop2"), so Graphviz only draws: 50,000 events take seconds. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The lane of actor `a`, or EVG_NONE (also for an index out of range). */
static size_t lane_of(const tl *t, size_t a)
{
    return a < t->n_actors ? t->lane_of[a] : EVG_NONE;
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* x of day `d` on the (piecewise linear) axis. */
static double day_x(const tl *t, double d)
{
    if (t->n_key == 0)
        return X0;
    if (d <= (double)t->key[0])
        return t->kx[0] - ((double)t->key[0] - d) * t->isl_ppd[0];
    size_t lo = 0, hi = t->n_key - 1;
    if (d >= (double)t->key[hi])
        return t->kx[hi] + (d - (double)t->key[hi]) * t->isl_ppd[t->n_isl - 1];
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if ((double)t->key[mid] <= d)
            lo = mid;
        else
            hi = mid;
    }
    double f = (d - (double)t->key[lo]) / (double)(t->key[lo + 1] - t->key[lo]);
    return t->kx[lo] + f * (t->kx[lo + 1] - t->kx[lo]);
}

static int count_chars(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

/* Width of the widest line of escaped label `s` ("\\n", "\\l", "\\r" end
 * lines). */
static double label_w(const char *s, double fs, int bold)
{
    double best = 0;
    size_t start = 0, i = 0, n = strlen(s);
    while (i <= n) {
        int end = i == n;
        if (!end && s[i] == '\\' && i + 1 < n) {
            char c = s[i + 1];
            if (c == 'n' || c == 'l' || c == 'r')
                end = 1;
            else {
                i += 2;
                continue;
            }
        }
        if (end) {
            double w = evg_render__text_w(s + start, i - start, fs, bold);
            if (w > best)
                best = w;
            i += 2;
            start = i;
            continue;
        }
        i++;
    }
    return best;
}

/* Appends up to `max` characters of the words of `s` starting at *pos as
 * one line (escaped); advances *pos. On the `last` line, text that does not
 * fit is cut with an ellipsis. Returns the characters used. */
static int wrap_line(evg_buf *b, const char *s, size_t *pos, int max, int last)
{
    size_t n = strlen(s), i = *pos, end;
    int chars = 0;
    while (i < n && s[i] == ' ')
        i++;
    size_t start = i;
    end = i;
    while (i < n) {
        size_t w = i;
        int wc = 0;
        while (w < n && s[w] != ' ') {
            wc += ((unsigned char)s[w] & 0xc0) != 0x80;
            w++;
        }
        if (chars && chars + 1 + wc > max)
            break;
        chars += (chars ? 1 : 0) + wc;
        end = w;
        i = w;
        while (i < n && s[i] == ' ')
            i++;
        if (chars >= max)
            break;
    }
    char tmp[512];
    size_t len = end - start;
    if (len >= sizeof(tmp))
        len = sizeof(tmp) - 1;
    memcpy(tmp, s + start, len);
    tmp[len] = '\0';
    evg_render__gv_text(b, tmp, (size_t)max);
    int used = chars > max ? max : chars;
    size_t rest = end;
    while (rest < n && s[rest] == ' ')
        rest++;
    if (last && rest < n && chars <= max) {
        evg_buf_puts(b, "\xe2\x80\xa6");
        used++;
        end = n;
    }
    *pos = end;
    return used;
}

/* Appends the text of `nb` (which it disposes of) as one more escaped label
 * line, keeping count of lines and of the widest line. */
static void add_line(evg_buf *b, evg_buf *nb, int *widest, int *lines)
{
    size_t at = b->len;
    evg_render__gv_text(b, nb->data ? nb->data : "", WRAP + 3);
    evg_buf_dispose(nb);
    int w = count_chars(b->data + at);
    if (w > *widest)
        *widest = w;
    evg_buf_puts(b, "\\n");
    (*lines)++;
}

/* Builds the escaped, multi-line label of event `te` and its box size. */
static int make_label(tl *t, tl_event *te)
{
    const evg_gevent *e = evg_graph_event(t->g, te->idx);
    evg_buf *b = &t->text;
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    int widest = 0, lines = 0;
    char *plain = evg_text_clean(e->summary ? e->summary : "",
                                 strlen(e->summary ? e->summary : ""));
    if (!plain)
        return EVG_ENOMEM;
    for (char *p = plain; *p; p++)
        if (*p == '\t' || *p == '\n')
            *p = ' ';
    if (e->modality && strcmp(e->modality, "negated") == 0) {
        evg_buf_puts(b, "NOT: ");
        widest = 5;
    }
    size_t pos = 0;
    for (int l = 0; l < 2 && plain[pos]; l++) {
        int w = wrap_line(b, plain, &pos, WRAP, l == 1);
        if (l == 0 && widest)
            w += widest;
        if (w > widest)
            widest = w;
        lines++;
        evg_buf_puts(b, "\\n");
        while (plain[pos] == ' ')
            pos++;
    }
    free(plain);
    if (!lines) {
        evg_buf_puts(b, "(event)\\n");
        lines = 1;
        widest = 7;
    }
    const tl_lane *ln = &t->lanes[te->lane];
    /* sources that have no lane of their own are named in the box */
    size_t extra_src = 0, extra_tgt = 0;
    for (size_t k = 0; k < e->n_sources; k++)
        if (lane_of(t, e->sources[k]) == EVG_NONE)
            extra_src++;
    if (ln->actor == EVG_NONE && e->n_sources) {
        evg_buf nb;
        evg_buf_init(&nb, 0);
        evg_render__names(&nb, t->g, e->sources, e->n_sources, 2);
        add_line(b, &nb, &widest, &lines);
    } else if (e->n_sources > 1) {
        /* coordinated sources: name the others */
        evg_buf nb;
        evg_buf_init(&nb, 0);
        evg_buf_puts(&nb, "with ");
        size_t shown = 0;
        for (size_t k = 0; k < e->n_sources; k++) {
            if (lane_of(t, e->sources[k]) == te->lane &&
                ln->actor == e->sources[k])
                continue;
            if (shown == 2) {
                shown++;
                break;
            }
            const evg_gactor *a = evg_graph_actor(t->g, e->sources[k]);
            evg_buf_printf(&nb, "%s%s", shown ? ", " : "",
                           a && a->name ? a->name : "?");
            shown++;
        }
        if (shown > 2)
            evg_buf_printf(&nb, " +%zu", e->n_sources - 3);
        add_line(b, &nb, &widest, &lines);
    }
    (void)extra_src;
    for (size_t k = 0; k < e->n_targets; k++)
        if (lane_of(t, e->targets[k]) == EVG_NONE)
            extra_tgt++;
    if (extra_tgt) {
        evg_buf nb;
        evg_buf_init(&nb, 0);
        evg_buf_puts(&nb, "\xe2\x86\x92 ");
        size_t shown = 0;
        for (size_t k = 0; k < e->n_targets; k++) {
            if (lane_of(t, e->targets[k]) != EVG_NONE)
                continue;
            if (shown == 2)
                break;
            const evg_gactor *a = evg_graph_actor(t->g, e->targets[k]);
            evg_buf_printf(&nb, "%s%s", shown ? ", " : "",
                           a && a->name ? a->name : "?");
            shown++;
        }
        if (extra_tgt > shown)
            evg_buf_printf(&nb, " +%zu", extra_tgt - shown);
        add_line(b, &nb, &widest, &lines);
    }
    size_t at = b->len;
    evg_render__date_text(b, e);
    int w = count_chars(b->data + at);
    if (w > widest)
        widest = w;
    lines++;
    if (b->failed)
        return b->failed;
    te->label = malloc(b->len + 1);
    if (!te->label)
        return EVG_ENOMEM;
    memcpy(te->label, b->data, b->len + 1);
    (void)widest;
    te->w = label_w(te->label, BOX_FS, 0) + BOX_PAD;
    te->h = (double)lines * LINE_H + 8.0;
    return 0;
}

static int actor_matches(const evg_gactor *a, const char *want)
{
    if (!want || !*want)
        return 0;
    if (a->id && strcmp(a->id, want) == 0)
        return 1;
    if (a->code && strcmp(a->code, want) == 0)
        return 1;
    return a->name && strcasecmp(a->name, want) == 0;
}

typedef struct rank {
    size_t actor, count, n_src, n_tgt;
} rank;

static int cmp_rank(const void *a, const void *b)
{
    const rank *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return (x->actor > y->actor) - (x->actor < y->actor);
}

/* Picks the lanes: the entity first, then the busiest actors. */
static int choose_lanes(tl *t, const unsigned char *shown)
{
    size_t na = evg_graph_actor_count(t->g);
    size_t want = t->opts->lanes ? t->opts->lanes : 10;
    if (want > na)
        want = na; /* never more lanes than actors, whatever --lanes says */
    rank *r = calloc(na ? na : 1, sizeof(*r));
    t->lane_of = malloc((na ? na : 1) * sizeof(size_t));
    t->lanes = calloc(want + 2, sizeof(tl_lane));
    if (!r || !t->lane_of || !t->lanes) {
        free(r);
        return EVG_ENOMEM;
    }
    t->n_actors = na;
    for (size_t i = 0; i < na; i++) {
        r[i].actor = i;
        t->lane_of[i] = EVG_NONE;
    }
    size_t ne = evg_graph_event_count(t->g), n_shown = 0;
    for (size_t i = 0; i < ne; i++) {
        if (!shown[i])
            continue;
        n_shown++;
        const evg_gevent *e = evg_graph_event(t->g, i);
        for (size_t k = 0; k < e->n_sources; k++)
            if (e->sources[k] < na) {
                r[e->sources[k]].count += 2; /* acting weighs more */
                r[e->sources[k]].n_src++;
            }
        for (size_t k = 0; k < e->n_targets; k++)
            if (e->targets[k] < na) {
                r[e->targets[k]].count += 1;
                r[e->targets[k]].n_tgt++;
            }
    }
    size_t focus = EVG_NONE;
    for (size_t i = 0; i < na && focus == EVG_NONE; i++)
        if (actor_matches(evg_graph_actor(t->g, i), t->opts->entity))
            focus = i;
    if (focus != EVG_NONE) {
        t->lanes[t->n_lanes].actor = focus;
        t->lanes[t->n_lanes].n_src = r[focus].n_src;
        t->lanes[t->n_lanes].n_tgt = r[focus].n_tgt;
        t->lane_of[focus] = t->n_lanes++;
    }
    evg_sort(r, na, sizeof(*r), cmp_rank);
    /* in a story, an actor of a single event shares "Other actors" */
    size_t min_count = n_shown > 40 ? 3 : 1;
    for (size_t i = 0; i < na && t->n_lanes < want; i++) {
        if (r[i].count < min_count || r[i].actor == focus)
            continue;
        t->lanes[t->n_lanes].actor = r[i].actor;
        t->lanes[t->n_lanes].n_src = r[i].n_src;
        t->lanes[t->n_lanes].n_tgt = r[i].n_tgt;
        t->lane_of[r[i].actor] = t->n_lanes++;
    }
    free(r);
    return 0;
}

/* Cuts spans longer than LONG_SPAN days ("since 1901") at the first and
 * last day of the other events, so that one open-ended date does not
 * stretch the axis; the cut ends are drawn open. */
static void clip_spans(tl *t)
{
    long rlo = 0, rhi = 0;
    int any = 0;
    for (size_t i = 0; i < t->n_ev; i++) {
        tl_event *te = &t->ev[i];
        if (!te->dated || te->hi - te->lo > LONG_SPAN)
            continue;
        if (!any || te->lo < rlo)
            rlo = te->lo;
        if (!any || te->hi > rhi)
            rhi = te->hi;
        any = 1;
    }
    if (!any)
        return;
    for (size_t i = 0; i < t->n_ev; i++) {
        tl_event *te = &t->ev[i];
        if (!te->dated || te->hi - te->lo <= LONG_SPAN)
            continue;
        if (te->hi < rlo) { /* wholly before the story */
            te->lo = te->hi = rlo;
            te->clip = 3;
        } else if (te->lo > rhi) {
            te->lo = te->hi = rhi;
            te->clip = 3;
        } else {
            if (te->lo < rlo) {
                te->lo = rlo;
                te->clip |= 1;
            }
            if (te->hi > rhi) {
                te->hi = rhi;
                te->clip |= 2;
            }
        }
        t->n_clipped += te->clip != 0;
    }
}

typedef struct by_day {
    long lo, hi;
    size_t ev;
} by_day;

static int cmp_by_day(const void *a, const void *b)
{
    const by_day *x = a, *y = b;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return (x->ev > y->ev) - (x->ev < y->ev);
}

/* Outliers: a few events far before (or after) the rest of the story, such
 * as a treaty of 1901 recalled in a story of 1998, go to an "earlier"
 * ("later") zone at the edge, behind a marked break, instead of stretching
 * the axis. An outlying run holds at most a twentieth of the dated events
 * (at least one), all outliers at most a tenth, and a gap of at least half
 * a year and ten typical gaps separates them from the rest. */
static int find_outliers(tl *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_ev; i++)
        n += t->ev[i].dated;
    if (n < 3)
        return 0;
    by_day *v = malloc(n * sizeof(*v));
    double *g = malloc(n * sizeof(*g));
    if (!v || !g) {
        free(v);
        free(g);
        return EVG_ENOMEM;
    }
    n = 0;
    for (size_t i = 0; i < t->n_ev; i++)
        if (t->ev[i].dated)
            v[n++] = (by_day){t->ev[i].lo, t->ev[i].hi, i};
    evg_sort(v, n, sizeof(*v), cmp_by_day);
    /* gap before v[i+1]: from the latest end so far */
    long reach = v[0].hi;
    size_t ng = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (v[i].hi > reach)
            reach = v[i].hi;
        g[i] = (double)(v[i + 1].lo - reach);
        if (g[i] > 0)
            ng++;
    }
    /* the typical gap: the median of all of them, overlaps counted as 0
     * (positive gaps alone can be few and long) */
    double *pos = malloc(n * sizeof(double));
    if (!pos) {
        free(v);
        free(g);
        return EVG_ENOMEM;
    }
    (void)ng;
    for (size_t i = 0; i + 1 < n; i++)
        pos[i] = g[i] > 0 ? g[i] : 0;
    evg_sort(pos, n - 1, sizeof(double), cmp_double);
    double median = pos[(n - 1) / 2];
    free(pos);
    double wide = evg_render__max(183.0, 10.0 * evg_render__max(14.0, median));
    size_t run_max = n / 20 ? n / 20 : 1, all_max = n / 10 ? n / 10 : 1;
    /* from the left: the last wide gap whose left side is small enough */
    size_t cut_l = 0; /* events v[0..cut_l) are early */
    for (size_t i = 0, run = 0; i + 1 < n && i + 1 <= all_max; i++) {
        run++;
        if (run > run_max)
            break;
        if (g[i] > wide) {
            cut_l = i + 1;
            run = 0;
        }
    }
    size_t cut_r = n; /* events v[cut_r..n) are late */
    for (size_t i = n - 1, run = 0; i > cut_l && n - i <= all_max; i--) {
        run++;
        if (run > run_max)
            break;
        if (g[i - 1] > wide)
            cut_r = i;
        if (g[i - 1] > wide)
            run = 0;
    }
    /* a span that reaches into the story is not an outlier */
    for (size_t i = 0; i < cut_l; i++)
        t->ev[v[i].ev].zone = 1;
    for (size_t i = cut_r; i < n; i++)
        t->ev[v[i].ev].zone = 2;
    if (cut_l)
        t->early_hi = v[cut_l - 1].hi;
    if (cut_r < n)
        t->late_lo = v[cut_r].lo;
    free(v);
    free(g);
    return 0;
}

/* Places dated events on an axis fitted to the page: runs of dates
 * ("islands") separated by long empty stretches, each stretch compressed to
 * a band of fixed width; inside an island the axis is proportional, and the
 * islands share the width by their length in days and their number of
 * dates. Too many islands for the width: the threshold for "long" is raised
 * until they fit. */
/* Whether event `te` gives the axis its dates: days, weeks and months do;
 * longer spans (a year, "1999-2001") are drawn over the axis the others
 * make, so that one "1999" does not stretch an island over a whole year. */
static int keyed(const tl *t, const tl_event *te)
{
    if (!te->dated || te->zone)
        return 0;
    /* a long span wholly before or after the others makes its own dates */
    return te->hi - te->lo <= 31 || t->all_keys || te->hi < t->short_lo ||
           te->lo > t->short_hi;
}

static int build_axis(tl *t, double x0, double x1)
{
    size_t n = 0;
    t->all_keys = 0;
    int any_short = 0;
    for (size_t i = 0; i < t->n_ev; i++) {
        const tl_event *te = &t->ev[i];
        if (!te->dated || te->zone || te->hi - te->lo > 31)
            continue;
        if (!any_short || te->lo < t->short_lo)
            t->short_lo = te->lo;
        if (!any_short || te->hi > t->short_hi)
            t->short_hi = te->hi;
        any_short = 1;
    }
    for (size_t i = 0; i < t->n_ev; i++)
        n += keyed(t, &t->ev[i]) ? 2 : 0;
    if (n == 0) { /* only long spans: they make the axis */
        t->all_keys = 1;
        for (size_t i = 0; i < t->n_ev; i++)
            n += keyed(t, &t->ev[i]) ? 2 : 0;
    }
    t->key = malloc((n ? n : 1) * sizeof(long));
    t->kx = malloc((n ? n : 1) * sizeof(double));
    t->gap_cut = calloc(n ? n : 1, 1);
    t->isl_first = malloc((n ? n : 1) * sizeof(size_t));
    t->isl_ppd = malloc((n ? n : 1) * sizeof(double));
    double *gaps = malloc((n ? n : 1) * sizeof(double));
    double *isl_w = malloc((n ? n : 1) * sizeof(double));
    if (!t->key || !t->kx || !t->gap_cut || !gaps || !t->isl_first ||
        !t->isl_ppd || !isl_w) {
        free(gaps);
        free(isl_w);
        return EVG_ENOMEM;
    }
    n = 0;
    for (size_t i = 0; i < t->n_ev; i++)
        if (keyed(t, &t->ev[i])) {
            t->key[n++] = t->ev[i].lo;
            t->key[n++] = t->ev[i].hi;
        }
    evg_sort(t->key, n, sizeof(long), cmp_long);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || t->key[m - 1] != t->key[i])
            t->key[m++] = t->key[i];
    t->n_key = m;
    size_t ng = 0;
    for (size_t i = 0; i + 1 < m; i++)
        gaps[ng++] = (double)(t->key[i + 1] - t->key[i]);
    double median = 1;
    if (ng) {
        double *s = malloc(ng * sizeof(double));
        if (!s) {
            free(gaps);
            free(isl_w);
            return EVG_ENOMEM;
        }
        memcpy(s, gaps, ng * sizeof(double));
        evg_sort(s, ng, sizeof(double), cmp_double);
        median = s[ng / 2];
        free(s);
    }
    /* A stretch is "long and empty" when it is several times the typical
     * gap between dates and at least two weeks; at most as many islands as
     * the width holds. */
    double avail = x1 - x0;
    size_t kmax = (size_t)(avail / 150.0);
    if (kmax < 1)
        kmax = 1;
    double cut = evg_render__max(14.0, 4.0 * median);
    size_t k;
    for (;;) {
        k = 1;
        for (size_t i = 0; i < ng; i++)
            k += gaps[i] > cut;
        if (k <= kmax)
            break;
        cut *= 2;
    }
    t->n_isl = 0;
    double total_days = 0;
    for (size_t i = 0; i < m; i++) {
        if (i == 0 || t->gap_cut[i - 1])
            t->isl_first[t->n_isl++] = i;
        if (i < ng) {
            t->gap_cut[i] = gaps[i] > cut;
            if (!t->gap_cut[i])
                total_days += gaps[i];
        }
    }
    double room = avail - (double)(t->n_isl ? t->n_isl - 1 : 0) * BAND_W -
                  (double)t->n_isl * 2 * ISLAND_PAD;
    if (room < 60)
        room = 60;
    for (size_t s = 0; s < t->n_isl; s++) {
        size_t a = t->isl_first[s],
               b = s + 1 < t->n_isl ? t->isl_first[s + 1] - 1 : m - 1;
        double days = (double)(t->key[b] - t->key[a]);
        double share = 0.8 * (double)(b - a + 1) / (double)m +
                       (total_days > 0 ? 0.2 * days / total_days
                                       : 0.2 / (double)t->n_isl);
        double w = room * share;
        t->isl_ppd[s] = days > 0 ? evg_render__min(MAX_PPD, w / days) : 0;
        isl_w[s] = days * t->isl_ppd[s];
    }
    double x = x0 + ISLAND_PAD;
    for (size_t s = 0; s < t->n_isl; s++) {
        size_t a = t->isl_first[s],
               b = s + 1 < t->n_isl ? t->isl_first[s + 1] - 1 : m - 1;
        for (size_t i = a; i <= b; i++)
            t->kx[i] = x + (double)(t->key[i] - t->key[a]) * t->isl_ppd[s];
        x += isl_w[s] + ISLAND_PAD;
        if (s + 1 < t->n_isl)
            x += BAND_W + ISLAND_PAD;
    }
    t->x_end = m ? x : x0;
    free(gaps);
    free(isl_w);
    return 0;
}

typedef struct row_item {
    double left;
    size_t ev;
} row_item;

static int cmp_item(const void *a, const void *b)
{
    const row_item *x = a, *y = b;
    if (x->left != y->left)
        return x->left < y->left ? -1 : 1;
    return (x->ev > y->ev) - (x->ev < y->ev);
}

/* Puts event `te` into the box of `h`, which becomes a group: a box of
 * fixed width at the same left edge, without a span bar. */
static void absorb(tl *t, tl_event *h, tl_event *te)
{
    te->head = (size_t)(h - t->ev);
    if (h->n_in == 1) {
        h->w = evg_render__max(h->w, CLUSTER_W);
        h->h = 4 * LINE_H + 8.0;
        h->x = h->left + h->w / 2;
        h->right = h->left + h->w;
        h->clo = h->lo;
        h->chi = h->hi;
        h->c_dated = h->dated;
        h->c_undated = !h->dated;
        t->n_groups++;
        t->n_grouped++;
    }
    h->n_in++;
    t->n_grouped++;
    if (!te->dated) {
        h->c_undated = 1;
    } else if (!h->c_dated) {
        h->clo = te->lo;
        h->chi = te->hi;
        h->c_dated = 1;
    } else {
        if (te->lo < h->clo)
            h->clo = te->lo;
        if (te->hi > h->chi)
            h->chi = te->hi;
    }
}

/* Stacks each lane's events into rows so that no two boxes overlap. A lane
 * holds at most MAX_ROWS rows (MAX_ROWS_OTHER for "Other actors"): an event
 * that finds no room joins the box in its way, preferably one of the same
 * day, which becomes a group ("5 events"). */
static int pack_rows(tl *t)
{
    row_item *it = malloc((t->n_ev ? t->n_ev : 1) * sizeof(*it));
    size_t *start = calloc(t->n_lanes + 1, sizeof(size_t));
    size_t *fill = calloc(t->n_lanes + 1, sizeof(size_t));
    double ends[MAX_ROWS_OTHER];
    size_t last[MAX_ROWS_OTHER];
    int rc = 0;
    if (!it || !start || !fill) {
        rc = EVG_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < t->n_ev; i++)
        start[t->ev[i].lane + 1]++;
    for (size_t l = 0; l < t->n_lanes; l++)
        start[l + 1] += start[l];
    for (size_t i = 0; i < t->n_ev; i++) {
        size_t l = t->ev[i].lane;
        it[start[l] + fill[l]++] = (row_item){t->ev[i].left, i};
    }
    for (size_t l = 0; l < t->n_lanes; l++) {
        size_t a = start[l], b = start[l + 1];
        size_t cap = t->lanes[l].actor == EVG_NONE ? MAX_ROWS_OTHER : MAX_ROWS;
        evg_sort(it + a, b - a, sizeof(*it), cmp_item);
        size_t rows = 0;
        for (size_t k = a; k < b; k++) {
            tl_event *te = &t->ev[it[k].ev];
            size_t r = 0;
            while (r < rows && ends[r] + 8.0 > te->left)
                r++;
            if (r == rows && rows < cap)
                rows++;
            if (r < rows) {
                ends[r] = te->right;
                last[r] = it[k].ev;
                te->row = r;
                continue;
            }
            /* no room: join the box in the way, of the same day if any,
             * else the nearest */
            size_t best = 0;
            double best_d = -1;
            for (size_t q = 0; q < rows; q++) {
                const tl_event *h = &t->ev[last[q]];
                double d = h->dated == te->dated && h->lo == te->lo &&
                                   h->hi == te->hi && h->n_in == 1
                               ? -0.5
                               : (h->x > te->x ? h->x - te->x : te->x - h->x);
                if (best_d < 0 || d < best_d) {
                    best_d = d < 0 ? 0 : d;
                    best = q;
                    if (d < 0)
                        break;
                }
            }
            tl_event *h = &t->ev[last[best]];
            absorb(t, h, te);
            ends[best] = h->right;
        }
        t->lanes[l].rows = rows;
    }
done:
    free(it);
    free(start);
    free(fill);
    return rc;
}

/* ---- drawing ---- */

typedef struct syms {
    Agsym_t *pos, *width, *height, *label, *style, *color, *fillcolor,
        *fontsize, *fontcolor, *fontname, *tooltip, *url, *id, *cls, *fixedsize,
        *shape, *penwidth;
    Agsym_t *e_color, *e_penwidth, *e_arrowhead, *e_arrowsize, *e_style, *e_id,
        *e_cls, *e_tooltip;
} syms;

/* Sets a number attribute with `digits` decimals. */
static void setf(Agnode_t *n, Agsym_t *s, int digits, double v)
{
    char b[64];
    snprintf(b, sizeof(b), "%.*f", digits, v);
    gv_xset(n, s, b);
}

typedef struct dr {
    tl *t;
    Agraph_t *g;
    syms s;
    double H; /* total height: y is flipped for Graphviz */
    char name[64];
} dr;

static Agnode_t *pin(dr *d, double x, double y, double w, double h)
{
    Agnode_t *n = agnode(d->g, d->name, 1);
    if (!n)
        return NULL;
    char b[96];
    snprintf(b, sizeof(b), "%.1f,%.1f!", x, d->H - y);
    gv_xset(n, d->s.pos, b);
    setf(n, d->s.width, 3, w / 72.0);
    setf(n, d->s.height, 3, h / 72.0);
    return n;
}

/* A filled rectangle without outline (bands, lines, bars). */
static Agnode_t *rect(dr *d, double x0, double y0, double x1, double y1,
                      const char *fill)
{
    Agnode_t *n = pin(d, (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0);
    if (n) {
        gv_xset(n, d->s.fillcolor, fill);
        gv_xset(n, d->s.color, fill);
    }
    return n;
}

/* Plain text centred at (x, y); `text` is already escaped. */
static Agnode_t *text(dr *d, double x, double y, const char *txt, double fs,
                      const char *font, const char *colour, double w, double h)
{
    Agnode_t *n = pin(d, x, y, w, h);
    if (n) {
        gv_xset(n, d->s.shape, "plaintext");
        gv_xset(n, d->s.style, "");
        gv_xset(n, d->s.fixedsize, "false");
        gv_xset(n, d->s.label, txt);
        setf(n, d->s.fontsize, 1, fs);
        if (font)
            gv_xset(n, d->s.fontname, font);
        if (colour)
            gv_xset(n, d->s.fontcolor, colour);
    }
    return n;
}

static double est_w(const char *s, double fs)
{
    return label_w(s, fs, 0) + 4.0;
}

static int quad_of(const evg_gevent *e)
{
    return evg_render__kind(e);
}

static void declare(dr *d)
{
    Agraph_t *g = d->g;
    gv_attr(g, AGRAPH, "layout", "nop2");
    gv_attr(g, AGRAPH, "splines", "line");
    /* edges under the nodes: boxes stay readable where joins cross them;
     * bands are translucent so the edges show through */
    gv_attr(g, AGRAPH, "outputorder", "edgesfirst");
    gv_attr(g, AGRAPH, "bgcolor", "white");
    gv_attr(g, AGRAPH, "pad", "0.15");
    gv_attr(g, AGRAPH, "fontname", "Helvetica");
    syms *s = &d->s;
    s->shape = gv_attr(g, AGNODE, "shape", "box");
    s->style = gv_attr(g, AGNODE, "style", "filled");
    s->fixedsize = gv_attr(g, AGNODE, "fixedsize", "shape");
    s->label = gv_attr(g, AGNODE, "label", "");
    s->penwidth = gv_attr(g, AGNODE, "penwidth", "0");
    s->color = gv_attr(g, AGNODE, "color", "#ffffff");
    s->fillcolor = gv_attr(g, AGNODE, "fillcolor", "#ffffff");
    s->fontname = gv_attr(g, AGNODE, "fontname", "Helvetica");
    s->fontsize = gv_attr(g, AGNODE, "fontsize", "1");
    s->fontcolor = gv_attr(g, AGNODE, "fontcolor", "#222222");
    s->tooltip = gv_attr(g, AGNODE, "tooltip", "");
    s->url = gv_attr(g, AGNODE, "URL", "");
    s->id = gv_attr(g, AGNODE, "id", "");
    s->cls = gv_attr(g, AGNODE, "class", "");
    s->width = gv_attr(g, AGNODE, "width", "0.75");
    s->height = gv_attr(g, AGNODE, "height", "0.5");
    s->pos = gv_attr(g, AGNODE, "pos", "");
    s->e_color = gv_attr(g, AGEDGE, "color", "#555555");
    s->e_penwidth = gv_attr(g, AGEDGE, "penwidth", "1");
    s->e_arrowhead = gv_attr(g, AGEDGE, "arrowhead", "normal");
    s->e_arrowsize = gv_attr(g, AGEDGE, "arrowsize", "0.6");
    s->e_style = gv_attr(g, AGEDGE, "style", "solid");
    s->e_id = gv_attr(g, AGEDGE, "id", "");
    s->e_cls = gv_attr(g, AGEDGE, "class", "");
    s->e_tooltip = gv_attr(g, AGEDGE, "tooltip", "");
}

/* First tick day >= s for unit u, and the next one after d. */
static long tick_first(long s, int u)
{
    int y, m, dd;
    evg_render__civil(s, &y, &m, &dd);
    switch (u) {
    case 0:
        return s;
    case 1:
        return s + (7 - evg_render__weekday(s)) % 7;
    case 2:
    case 3: {
        int step = u == 2 ? 1 : 3;
        int mm = m, yy = y;
        if (dd != 1 || (mm - 1) % step) {
            mm = ((mm - 1) / step + 1) * step + 1;
            if (mm > 12) {
                mm -= 12;
                yy++;
            }
        }
        return evg_render__day_of(yy, mm, 1);
    }
    default: {
        int step = u == 4 ? 1 : u == 5 ? 5 : 10;
        int yy = y;
        if (m != 1 || dd != 1 || yy % step)
            yy = (int)((yy / step + 1) * step);
        return evg_render__day_of(yy, 1, 1);
    }
    }
}

static long tick_next(long d, int u)
{
    int y, m, dd;
    evg_render__civil(d, &y, &m, &dd);
    switch (u) {
    case 0:
        return d + 1;
    case 1:
        return d + 7;
    case 2:
    case 3:
        m += u == 2 ? 1 : 3;
        if (m > 12) {
            m -= 12;
            y++;
        }
        return evg_render__day_of(y, m, 1);
    default:
        return evg_render__day_of(y + (u == 4 ? 1 : u == 5 ? 5 : 10), 1, 1);
    }
}

/* The ticks of each island, at the granularity its scale leaves room for;
 * a label carries the year at the first tick of an island and wherever the
 * year changes. */
static int draw_ticks(dr *d, double bottom)
{
    tl *t = d->t;
    static const double unit_days[] = {1, 7, 30.44, 91.3, 365.25, 1826, 3652.5};
    static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu",
                                      "Fri", "Sat", "Sun"};
    double last_right = -1e9;
    size_t nt = 0, ng = 0;
    char buf[96];
    for (size_t s = 0; s < t->n_isl; s++) {
        size_t a = t->isl_first[s],
               b = s + 1 < t->n_isl ? t->isl_first[s + 1] - 1 : t->n_key - 1;
        long first = t->key[a], end = t->key[b];
        double ppd = t->isl_ppd[s];
        int u = 0;
        while (u < 6 && unit_days[u] * ppd < 74.0)
            u++;
        /* an island shorter than the unit still gets ticks inside it */
        while (u > 0 && unit_days[u] > (double)(end - first))
            u--;
        int last_year = -100000, labelled = 0;
        long day = ppd > 0 ? tick_first(first, u) : first;
        for (; day <= end; day = ppd > 0 ? tick_next(day, u) : end + 1) {
            double x = day_x(t, (double)day);
            snprintf(d->name, sizeof(d->name), "grid%zu", ng++);
            rect(d, x - 0.3, AXIS_Y, x + 0.3, bottom, "#dcdcdc");
            int y, m, dd;
            evg_render__civil(day, &y, &m, &dd);
            int with_year = y != last_year;
            if (ppd <= 0 || (u == 0 && !labelled))
                snprintf(buf, sizeof(buf), "%s %d %s", wd[evg_render__weekday(day)],
                         dd, evg_render__month_abbr[m - 1]);
            else if (u == 0)
                snprintf(buf, sizeof(buf), "%s %d %s",
                         wd[evg_render__weekday(day)], dd,
                         evg_render__month_abbr[m - 1]);
            else if (u == 1)
                snprintf(buf, sizeof(buf), "%d %s", dd,
                         evg_render__month_abbr[m - 1]);
            else if (u <= 3)
                snprintf(buf, sizeof(buf), "%s", evg_render__month_abbr[m - 1]);
            else {
                snprintf(buf, sizeof(buf), "%d", y);
                with_year = 0;
            }
            if (with_year) {
                size_t l = strlen(buf);
                snprintf(buf + l, sizeof(buf) - l, "\\n%d", y);
            }
            double w = est_w(buf, 9);
            if (x - w / 2 < last_right + 8)
                continue; /* no room: the grid line stays, unlabelled */
            last_year = u <= 3 ? y : last_year;
            labelled = 1;
            snprintf(d->name, sizeof(d->name), "tick%zu", nt++);
            text(d, x, TICK_Y, buf, 9, NULL, "#444444", w, 24);
            last_right = x + w / 2;
        }
        if (!labelled) {
            /* an island whose dates fall between ticks still gets its date */
            double x = day_x(t, (double)first);
            int y, m, dd;
            evg_render__civil(first, &y, &m, &dd);
            snprintf(buf, sizeof(buf), "%d %s\\n%d", dd,
                     evg_render__month_abbr[m - 1], y);
            double w = est_w(buf, 9);
            if (x - w / 2 >= last_right + 8) {
                snprintf(d->name, sizeof(d->name), "tick%zu", nt++);
                text(d, x, TICK_Y, buf, 9, NULL, "#444444", w, 24);
                last_right = x + w / 2;
            }
        }
    }
    return 0;
}

static void gap_text(char *buf, size_t n, long days)
{
    if (days < 61)
        snprintf(buf, n, "\xe2\x89\x88 %ld days", days);
    else if (days < 730)
        snprintf(buf, n, "\xe2\x89\x88 %ld months", (days * 10 + 152) / 304);
    else
        snprintf(buf, n, "\xe2\x89\x88 %ld years", (days * 10 + 1826) / 3652);
}

static void draw_legend(dr *d, double x, double y)
{
    for (int q = 1; q <= (d->t->uncoded ? EVG_RENDER_UNCODED : 4); q++) {
        snprintf(d->name, sizeof(d->name), "legend_q%d", q);
        Agnode_t *n = pin(d, x + 9, y, 18, 11);
        if (n) {
            gv_xset(n, d->s.fillcolor, evg_render__quad_fill[q]);
            gv_xset(n, d->s.color, evg_render__quad_stroke[q]);
            gv_xset(n, d->s.penwidth, "1.2");
            gv_xset(n, d->s.style, "rounded,filled");
        }
        double w = est_w(evg_render__quad_name[q], 9);
        snprintf(d->name, sizeof(d->name), "legend_q%d_t", q);
        text(d, x + 22 + w / 2, y, evg_render__quad_name[q], 9, NULL, NULL, w,
             14);
        x += 22 + w + 14;
    }
    static const char *const mods[][3] = {
        {"reported", "rounded,filled,dashed", "#ffffff"},
        {"planned", "rounded,filled,dotted", "#ffffff"},
        {"hypothetical", "rounded,dotted", "#ffffff"},
        {"negated", "rounded,filled,dashed", "#eeeeee"}};
    int nm = d->t->opts->show_uncertain ? 4 : 2;
    for (int k = 0; k < nm; k++) {
        snprintf(d->name, sizeof(d->name), "legend_m%d", k);
        Agnode_t *n = pin(d, x + 9, y, 18, 11);
        if (n) {
            gv_xset(n, d->s.fillcolor, mods[k][2]);
            gv_xset(n, d->s.color, "#555555");
            gv_xset(n, d->s.penwidth, "1.2");
            gv_xset(n, d->s.style, mods[k][1]);
        }
        double w = est_w(mods[k][0], 9);
        snprintf(d->name, sizeof(d->name), "legend_m%d_t", k);
        text(d, x + 22 + w / 2, y, mods[k][0], 9, NULL, NULL, w, 14);
        x += 22 + w + 14;
    }
    /* causes: a short arrow */
    snprintf(d->name, sizeof(d->name), "legend_c0");
    Agnode_t *a = pin(d, x, y, 1, 1);
    snprintf(d->name, sizeof(d->name), "legend_c1");
    Agnode_t *b = pin(d, x + 22, y, 1, 1);
    if (a && b) {
        gv_xset(a, d->s.style, "invis");
        gv_xset(b, d->s.style, "invis");
        Agedge_t *e = agedge(d->g, a, b, NULL, 1);
        if (e) {
            gv_xset(e, d->s.e_color, "#6a3d9a");
            gv_xset(e, d->s.e_penwidth, "2");
            gv_xset(e, d->s.e_arrowhead, "vee");
        }
    }
    snprintf(d->name, sizeof(d->name), "legend_c_t");
    text(d, x + 28 + est_w("causes", 9) / 2, y, "causes", 9, NULL, NULL,
         est_w("causes", 9), 14);
    x += 28 + est_w("causes", 9) + 14;
    snprintf(d->name, sizeof(d->name), "legend_span");
    rect(d, x, y - 2, x + 22, y + 2, "#888888");
    snprintf(d->name, sizeof(d->name), "legend_span_t");
    const char *sp = "imprecise date (week, year)";
    text(d, x + 28 + est_w(sp, 9) / 2, y, sp, 9, NULL, NULL, est_w(sp, 9), 14);
    x += 28 + est_w(sp, 9) + 14;
    if (d->t->n_groups) {
        snprintf(d->name, sizeof(d->name), "legend_group");
        Agnode_t *n = pin(d, x + 9, y, 18, 11);
        if (n) {
            gv_xset(n, d->s.fillcolor, "#ffffff");
            gv_xset(n, d->s.color, "#333333");
            gv_xset(n, d->s.penwidth, "2.4");
            gv_xset(n, d->s.style, "rounded,filled");
        }
        const char *gt = d->t->opts->format == EVG_RENDER_HTML
                             ? "several events (click to list them)"
                             : "several events in one box";
        snprintf(d->name, sizeof(d->name), "legend_group_t");
        text(d, x + 22 + est_w(gt, 9) / 2, y, gt, 9, NULL, NULL, est_w(gt, 9),
             14);
    }
}

/* Escaped lane label: the actor's name wrapped, then kind and country. */
static void lane_label(tl *t, size_t l, evg_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    if (t->lanes[l].actor == EVG_NONE) {
        evg_buf_puts(b, "Other actors\\r");
        return;
    }
    const evg_gactor *a = evg_graph_actor(t->g, t->lanes[l].actor);
    char *plain = evg_text_clean(a->name ? a->name : "?",
                                 strlen(a->name ? a->name : "?"));
    if (!plain) {
        b->failed = EVG_ENOMEM;
        return;
    }
    for (char *p = plain; *p; p++)
        if (*p == '\t' || *p == '\n')
            *p = ' ';
    size_t pos = 0;
    /* 19 characters of 11 pt bold fill the label column */
    for (int line = 0; line < 2 && plain[pos]; line++) {
        wrap_line(b, plain, &pos, 19, line == 1);
        evg_buf_puts(b, "\\r");
        while (plain[pos] == ' ')
            pos++;
    }
    free(plain);
}

static const char *lane_sub(tl *t, size_t l, char *buf, size_t n)
{
    const tl_lane *ln = &t->lanes[l];
    if (ln->actor == EVG_NONE) {
        snprintf(buf, n, "%zu event%s\\r", ln->count,
                 ln->count == 1 ? "" : "s");
        return buf;
    }
    const evg_gactor *a = evg_graph_actor(t->g, ln->actor);
    /* "organization \xc2\xb7 USABUS" (the code tells two actors of one name
     * apart), then "source of 25, target of 3" */
    evg_buf b;
    evg_buf_init(&b, 0);
    if (a->kind)
        evg_buf_puts(&b, a->kind);
    const char *code = a->code && a->code[0] ? a->code : a->country;
    if (code && code[0] &&
        !(a->kind && strcmp(a->kind, "country") == 0 && a->country &&
          strcmp(code, a->country) == 0))
        evg_buf_printf(&b, "%s%s", b.len ? " \xc2\xb7 " : "", code);
    evg_buf e;
    evg_buf_init(&e, 0);
    evg_render__gv_text(&e, b.data ? b.data : "", 30);
    if (e.len)
        evg_buf_puts(&e, "\\r");
    evg_buf_printf(&e, "source of %zu, target of %zu\\r", ln->n_src,
                   ln->n_tgt);
    snprintf(buf, n, "%s", e.data ? e.data : "\\r");
    evg_buf_dispose(&e);
    evg_buf_dispose(&b);
    return buf;
}

/* y of the centre of the box of `te`. */
static double row_y(const tl *t, const tl_event *te)
{
    const tl_lane *ln = &t->lanes[te->lane];
    return ln->y + ROWS_DY + (double)te->row * ln->row_h + SPAN_ROOM +
           ln->box_h / 2;
}

/* The tooltip of a group: how many events, their dates, then one line per
 * event (the first 30). */
static const char *group_title(tl *t, size_t h, evg_buf *b)
{
    const tl_event *he = &t->ev[h];
    evg_buf_printf(b, "%zu events", he->n_in);
    if (he->c_dated) {
        evg_buf_puts(b, ", ");
        evg_render__range_text(b, he->clo, he->chi);
    }
    if (he->c_undated)
        evg_buf_puts(b, he->c_dated ? " and undated" : ", undated");
    size_t shown = 0;
    for (size_t k = 0; k < t->n_ev && shown < 30; k++) {
        const tl_event *m = &t->ev[k];
        if (k != h && m->head != h)
            continue;
        const evg_gevent *e = evg_graph_event(t->g, m->idx);
        evg_buf_puts(b, "\n");
        evg_render__date_text(b, e);
        evg_buf_puts(b, ": ");
        evg_render__names(b, t->g, e->sources, e->n_sources, 2);
        if (e->n_targets) {
            evg_buf_puts(b, " \xe2\x86\x92 ");
            evg_render__names(b, t->g, e->targets, e->n_targets, 2);
        }
        evg_buf_printf(b, " \xe2\x80\x94 %s", e->summary ? e->summary : "");
        shown++;
    }
    if (he->n_in > shown)
        evg_buf_printf(b, "\n\xe2\x80\xa6 and %zu more", he->n_in - shown);
    return b->data ? b->data : "";
}

static const char *tl_title(void *ctx, const char *name, size_t n,
                            evg_buf *scratch)
{
    tl *t = ctx;
    char nm[48];
    if (n >= sizeof(nm))
        return "";
    memcpy(nm, name, n);
    nm[n] = '\0';
    char *end;
    if (nm[0] == 'c' && nm[1] == 'l' && nm[2] >= '0' && nm[2] <= '9') {
        unsigned long long i = strtoull(nm + 2, &end, 10);
        if (*end == '\0' && i < evg_graph_event_count(t->g) &&
            t->ev_of[i] != EVG_NONE)
            return group_title(t, t->ev_of[i], scratch);
        return "";
    }
    if (nm[0] == 'e' && nm[1] == 'v' && nm[2] >= '0' && nm[2] <= '9') {
        unsigned long long i = strtoull(nm + 2, &end, 10);
        if (*end == '\0' && i < evg_graph_event_count(t->g)) {
            evg_render__tooltip(scratch, t->g, (size_t)i);
            return scratch->data ? scratch->data : "";
        }
        return "";
    }
    size_t skip = strncmp(nm, "lab", 3) == 0    ? 3
                  : strncmp(nm, "rail", 4) == 0 ? 4
                  : strncmp(nm, "lane", 4) == 0 ? 4
                                                : 0;
    if (skip && nm[skip] >= '0' && nm[skip] <= '9') {
        unsigned long long l = strtoull(nm + skip, &end, 10);
        if (*end == '\0' && l < t->n_lanes) {
            if (t->lanes[l].actor == EVG_NONE)
                return "Other actors";
            const evg_gactor *a = evg_graph_actor(t->g, t->lanes[l].actor);
            evg_buf_printf(scratch, "%s (%s%s%s)", a->name ? a->name : "?",
                           a->code ? a->code : "", a->code ? ", " : "",
                           a->id ? a->id : "");
            return scratch->data ? scratch->data : "";
        }
    }
    if (strcmp(nm, "timeline") == 0)
        return NULL;
    return "";
}

/* The escaped label of group `h`: "5 events", the first event, "and 4
 * more", the dates; each line cut to the box. */
static int group_label(tl *t, tl_event *h)
{
    evg_buf *b = &t->text;
    b->len = 0;
    evg_buf line;
    evg_buf_init(&line, 0);
    double room = h->w - BOX_PAD;
    for (int l = 0; l < 4; l++) {
        line.len = 0;
        if (line.data)
            line.data[0] = '\0';
        if (l == 0)
            evg_buf_printf(&line, "%zu events", h->n_in);
        else if (l == 1) {
            const evg_gevent *e = evg_graph_event(t->g, h->idx);
            evg_buf_puts(&line, e->summary ? e->summary : "");
        } else if (l == 2)
            evg_buf_printf(&line, "and %zu more", h->n_in - 1);
        else if (h->c_dated) {
            evg_render__range_text(&line, h->clo, h->chi);
            if (h->c_undated)
                evg_buf_puts(&line, " +");
        } else
            evg_buf_puts(&line, "undated");
        /* cut to the box, a character at a time */
        size_t at = b->len;
        size_t max = 0;
        for (;;) {
            b->len = at;
            evg_render__gv_text(b, line.data ? line.data : "", max);
            double w = evg_render__text_w(b->data + at, b->len - at, BOX_FS,
                                          l == 0);
            if (w <= room || b->failed)
                break;
            size_t chars = (size_t)count_chars(b->data + at);
            max = chars > 2 ? chars - 1 : 1;
            if (chars <= 2)
                break;
        }
        evg_buf_puts(b, "\\n");
    }
    evg_buf_dispose(&line);
    if (b->failed)
        return b->failed;
    free(h->label);
    h->label = malloc(b->len + 1);
    if (!h->label)
        return EVG_ENOMEM;
    memcpy(h->label, b->data, b->len + 1);
    return 0;
}

/* The commonest quad class among the events of group `h`. */
static int group_quad(const tl *t, size_t h)
{
    size_t n[EVG_RENDER_KINDS] = {0};
    for (size_t k = 0; k < t->n_ev; k++)
        if (k == h || t->ev[k].head == h)
            n[quad_of(evg_graph_event(t->g, t->ev[k].idx))]++;
    int best = 0;
    for (int q = 1; q < EVG_RENDER_KINDS; q++)
        if (n[q] > n[best])
            best = q;
    return best;
}

/* The subtitle: what is drawn and left out, the dates, lanes, groups. */
static void subtitle(tl *t, evg_buf *out)
{
    char buf[256];
    {
        evg_render_counts c;
        evg_render_count(t->g, t->opts, &c);
        evg_render_counts_text(&c, buf, sizeof(buf));
        size_t n = strlen(buf);
        long lo = 0, hi = 0;
        int any = 0;
        for (size_t i = 0; i < t->n_ev; i++)
            if (t->ev[i].dated) {
                const evg_gevent *e = evg_graph_event(t->g, t->ev[i].idx);
                long a, z;
                if (evg_render__parse_day(e->lo, &a) != 0)
                    continue;
                if (evg_render__parse_day(e->hi, &z) != 0 || z < a)
                    z = a;
                if (!any || a < lo)
                    lo = a;
                if (!any || z > hi)
                    hi = z;
                any = 1;
            }
        evg_buf_append(out, buf, n);
        if (any) {
            evg_buf_puts(out, " \xc2\xb7 ");
            evg_render__range_text(out, lo, hi);
        }
        evg_buf_printf(out, " \xc2\xb7 %zu lane%s", t->n_lanes,
                       t->n_lanes == 1 ? "" : "s");
        if (t->n_groups)
            evg_buf_printf(out, " \xc2\xb7 %zu events grouped in %zu boxes",
                           t->n_grouped, t->n_groups);
        if (t->n_clipped)
            evg_buf_printf(out, " \xc2\xb7 %zu open-ended date%s cut at the "
                                 "axis",
                           t->n_clipped, t->n_clipped == 1 ? "" : "s");
        if (t->n_pages > 1)
            evg_buf_printf(out, " \xc2\xb7 page %zu of %zu", t->page,
                           t->n_pages);
    }
}

/* Width of the legend drawn by draw_legend(). */
static double legend_w(const tl *t)
{
    double x = 0;
    for (int q = 1; q <= (t->uncoded ? EVG_RENDER_UNCODED : 4); q++)
        x += 22 + est_w(evg_render__quad_name[q], 9) + 14;
    static const char *const mods[] = {"reported", "planned", "hypothetical",
                                       "negated"};
    for (int k = 0; k < (t->opts->show_uncertain ? 4 : 2); k++)
        x += 22 + est_w(mods[k], 9) + 14;
    x += 28 + est_w("causes", 9) + 14;
    x += 28 + est_w("imprecise date (week, year)", 9) + 14;
    if (t->n_groups)
        x += 22 + est_w("several events (click to list them)", 9);
    return x;
}

static int draw(tl *t, dr *d, const unsigned char *shown)
{
    size_t ne = evg_graph_event_count(t->g);
    double right = t->right;
    double bottom = t->height - 14.0;
    char buf[512], cls[160];
    evg_buf b;
    evg_buf_init(&b, 0);
    (void)shown;

    /* lane bands, highlighted for the entity */
    for (size_t l = 0; l < t->n_lanes; l++) {
        const tl_lane *ln = &t->lanes[l];
        if (ln->off)
            continue;
        int focus =
            l == 0 && t->opts->entity && ln->actor != EVG_NONE &&
            actor_matches(evg_graph_actor(t->g, ln->actor), t->opts->entity);
        snprintf(d->name, sizeof(d->name), "lane%zu", l);
        Agnode_t *n =
            rect(d, 0, ln->y, right, ln->y + ln->h,
                 focus ? "#ffd9664d" : (l % 2 ? "#ffffff00" : "#c8d3e04d"));
        if (n) {
            gv_xset(n, d->s.id, d->name);
            snprintf(buf, sizeof(buf), "lane lane_%s",
                     ln->actor == EVG_NONE
                         ? "other"
                         : evg_graph_actor(t->g, ln->actor)->id);
            gv_xset(n, d->s.cls, buf);
        }
    }
    /* compressed stretches and the undated zone */
    for (size_t i = 0; i + 1 < t->n_key; i++) {
        if (!t->gap_cut[i])
            continue;
        double x0 = t->kx[i] + ISLAND_PAD, x1 = t->kx[i + 1] - ISLAND_PAD;
        snprintf(d->name, sizeof(d->name), "gap%zu", i);
        Agnode_t *n = rect(d, x0, AXIS_Y, x1, bottom, "#8c8c8c2e");
        if (n) {
            gv_xset(n, d->s.style, "filled,dashed");
            gv_xset(n, d->s.color, "#b0b0b0");
            gv_xset(n, d->s.penwidth, "0.8");
            gv_xset(n, d->s.cls, "gap");
        }
        gap_text(buf, sizeof(buf), t->key[i + 1] - t->key[i]);
        snprintf(d->name, sizeof(d->name), "gaplabel%zu", i);
        text(d, (x0 + x1) / 2, GAP_LABEL_Y, buf, 7.5, NULL, "#666666",
             x1 - x0, 11);
    }
    for (int z = 1; z <= 2; z++) {
        double zx = z == 1 ? t->early_x : t->late_x;
        if (zx == 0)
            continue;
        /* the zone, and the break between it and the axis */
        snprintf(d->name, sizeof(d->name), "zone%d", z);
        double zw = t->zone_w[z - 1];
        Agnode_t *n = rect(d, zx, AXIS_Y, zx + zw - 8, bottom, "#a0a0a01f");
        if (n) {
            gv_xset(n, d->s.style, "filled,dashed");
            gv_xset(n, d->s.color, "#b0b0b0");
            gv_xset(n, d->s.penwidth, "0.8");
            gv_xset(n, d->s.cls, "gap");
        }
        const char *zl = z == 1 ? "earlier" : "later";
        snprintf(d->name, sizeof(d->name), "zonelabel%d", z);
        text(d, zx + (zw - 8) / 2, TICK_Y, zl, 9, "Helvetica-Oblique",
             "#666666", est_w(zl, 9) + 6, 14);
        double bx0 = z == 1 ? zx + zw - 8 + 10 : t->x_end + 10;
        double bx1 = bx0 + BAND_W - 20;
        snprintf(d->name, sizeof(d->name), "break%d", z);
        n = rect(d, bx0, AXIS_Y, bx1, bottom, "#8c8c8c2e");
        if (n) {
            gv_xset(n, d->s.style, "filled,dashed");
            gv_xset(n, d->s.color, "#b0b0b0");
            gv_xset(n, d->s.penwidth, "0.8");
            gv_xset(n, d->s.cls, "gap");
        }
        if (t->n_key) {
            long days = z == 1 ? t->key[0] - t->early_hi
                               : t->late_lo - t->key[t->n_key - 1];
            gap_text(buf, sizeof(buf), days);
            snprintf(d->name, sizeof(d->name), "breaklabel%d", z);
            text(d, (bx0 + bx1) / 2, GAP_LABEL_Y, buf, 7.5, NULL, "#666666",
                 BAND_W, 11);
        }
    }
    if (t->und_x != 0) {
        snprintf(d->name, sizeof(d->name), "undated");
        Agnode_t *n =
            rect(d, t->und_x - 14, AXIS_Y, right - 8, bottom, "#a0a0a01f");
        if (n) {
            gv_xset(n, d->s.style, "filled,dashed");
            gv_xset(n, d->s.color, "#b0b0b0");
            gv_xset(n, d->s.penwidth, "0.8");
            gv_xset(n, d->s.cls, "gap");
        }
        snprintf(d->name, sizeof(d->name), "undatedlabel");
        text(d, (t->und_x - 14 + right - 8) / 2, TICK_Y, "no date", 9,
             "Helvetica-Oblique", "#666666", est_w("no date", 9) + 6, 14);
    }
    if (t->n_key) {
        draw_ticks(d, bottom);
        snprintf(d->name, sizeof(d->name), "axis");
        rect(d, X0, AXIS_Y - 0.6, t->x_end, AXIS_Y + 0.6, "#777777");
    }

    /* title, subtitle (the counts), legend; the HTML page has its own
     * title and counts */
    int page = t->opts->format != EVG_RENDER_HTML;
    evg_render__gv_text(&b, t->opts->title ? t->opts->title : "Event timeline",
                        120);
    if (page) {
        snprintf(d->name, sizeof(d->name), "title");
        double tw = label_w(b.data ? b.data : "", 15, 1) + 10;
        text(d, 12 + tw / 2, TITLE_Y, b.data ? b.data : "", 15,
             "Helvetica-Bold", "#111111", tw, 20);
    }
    {
        evg_buf sub;
        evg_buf_init(&sub, 0);
        subtitle(t, &sub);
        b.len = 0;
        evg_render__gv_text(&b, sub.data ? sub.data : "", 0);
        evg_buf_dispose(&sub);
        snprintf(d->name, sizeof(d->name), "subtitle");
        double sw = est_w(b.data ? b.data : "", 9.5);
        text(d, 12 + sw / 2, SUB_Y, b.data ? b.data : "", 9.5, NULL,
             "#555555", sw, 14);
    }
    draw_legend(d, 12, LEGEND_Y);

    /* lanes: label and rail */
    for (size_t l = 0; l < t->n_lanes; l++) {
        const tl_lane *ln = &t->lanes[l];
        if (ln->off)
            continue;
        lane_label(t, l, &b);
        if (b.failed)
            break;
        snprintf(d->name, sizeof(d->name), "lab%zu", l);
        Agnode_t *n =
            text(d, LABEL_W / 2, ln->y + RAIL_DY + 6, b.data ? b.data : "", 11,
                 "Helvetica-Bold", "#1a1a1a", LABEL_W - 16, 30);
        if (n) {
            gv_xset(n, d->s.id, d->name);
            gv_xset(n, d->s.cls, "lanelabel");
        }
        snprintf(d->name, sizeof(d->name), "sub%zu", l);
        n = text(d, LABEL_W / 2, ln->y + RAIL_DY + 31,
                 lane_sub(t, l, buf, sizeof(buf)), 8, NULL, "#666666",
                 LABEL_W - 16, 22);
        if (n)
            gv_xset(n, d->s.cls, "lanelabel");
        snprintf(d->name, sizeof(d->name), "rail%zu", l);
        rect(d, X0, ln->y + RAIL_DY - 0.7, right - 12, ln->y + RAIL_DY + 0.7,
             "#b9c0c8");
    }

    /* events: span bars, boxes; groups */
    for (size_t k = 0; k < t->n_ev && !b.failed; k++) {
        tl_event *te = &t->ev[k];
        if (te->head != EVG_NONE || t->lanes[te->lane].off)
            continue;
        const evg_gevent *e = evg_graph_event(t->g, te->idx);
        double y = row_y(t, te);
        if (te->n_in > 1) {
            int q = group_quad(t, k);
            snprintf(d->name, sizeof(d->name), "cl%zu", te->idx);
            Agnode_t *n = pin(d, te->x, y, te->w, te->h);
            if (!n)
                break;
            gv_xset(n, d->s.style, "rounded,filled");
            gv_xset(n, d->s.fillcolor, "#ffffff");
            gv_xset(n, d->s.color, evg_render__quad_stroke[q]);
            gv_xset(n, d->s.penwidth, "2.4");
            gv_xset(n, d->s.fixedsize, "true");
            gv_xset(n, d->s.fontsize, "10");
            gv_xset(n, d->s.label, te->label);
            gv_xset(n, d->s.id, d->name);
            b.len = 0;
            evg_buf_printf(&b, "group q%d inlane%zu", q, te->lane);
            for (size_t m = 0; m < t->n_ev; m++)
                if (m == k || t->ev[m].head == k)
                    evg_buf_printf(&b, " in_ev%zu", t->ev[m].idx);
            gv_xset(n, d->s.cls, b.data ? b.data : "");
            continue;
        }
        int q = quad_of(e);
        snprintf(buf, sizeof(buf), "of_ev%zu inlane%zu", te->idx, te->lane);
        if (te->dated && te->hi > te->lo) {
            snprintf(d->name, sizeof(d->name), "ev%zu_span", te->idx);
            double x0 = te->sx0, x1 = evg_render__max(te->sx1, te->sx0 + 3);
            Agnode_t *n = rect(d, x0, y - te->h / 2 - 7, x1, y - te->h / 2 - 3,
                               evg_render__quad_stroke[q]);
            if (n) {
                gv_xset(n, d->s.cls, buf);
                gv_xset(n, d->s.id, d->name);
                if (te->clip) /* cut at the axis: dashed, open ends */
                    gv_xset(n, d->s.style, "filled,dashed");
            }
            /* bracket ends: the span reads as "somewhere in here"; a cut
             * end has none */
            for (int end = 0; end < 2; end++) {
                if (te->clip & (1 << end))
                    continue;
                double xe = end ? x1 : x0;
                snprintf(d->name, sizeof(d->name), "ev%zu_end%d", te->idx,
                         end);
                Agnode_t *c =
                    rect(d, xe - (end ? 1.6 : 0), y - te->h / 2 - 11,
                         xe + (end ? 0 : 1.6), y - te->h / 2 - 1,
                         evg_render__quad_stroke[q]);
                if (c)
                    gv_xset(c, d->s.cls, buf);
            }
        }
        snprintf(d->name, sizeof(d->name), "ev%zu", te->idx);
        Agnode_t *n = pin(d, te->x, y, te->w, te->h);
        if (!n)
            break;
        const char *mod = e->modality ? e->modality : "asserted";
        const char *style = "rounded,filled", *fill = evg_render__quad_fill[q];
        if (strcmp(mod, "reported") == 0)
            style = "rounded,filled,dashed";
        else if (strcmp(mod, "planned") == 0) {
            style = "rounded,filled,dotted";
            fill = "#ffffff";
        } else if (strcmp(mod, "hypothetical") == 0) {
            style = "rounded,filled,dotted";
            fill = "#ffffff";
            gv_xset(n, d->s.fontcolor, "#666666");
        } else if (strcmp(mod, "negated") == 0) {
            style = "rounded,filled,dashed";
            fill = "#eeeeee";
            gv_xset(n, d->s.fontcolor, "#666666");
        }
        gv_xset(n, d->s.style, style);
        gv_xset(n, d->s.fillcolor, fill);
        gv_xset(n, d->s.color, evg_render__quad_stroke[q]);
        gv_xset(n, d->s.penwidth, "1.3");
        gv_xset(n, d->s.fixedsize, "true");
        gv_xset(n, d->s.fontsize, "10");
        gv_xset(n, d->s.label, te->label);
        gv_xset(n, d->s.id, d->name);
        snprintf(cls, sizeof(cls), "event q%d %s inlane%zu", q, mod, te->lane);
        gv_xset(n, d->s.cls, cls);
        b.len = 0;
        evg_buf tip;
        evg_buf_init(&tip, 0);
        evg_render__tooltip(&tip, t->g, te->idx);
        evg_render__gv_text(&b, tip.data ? tip.data : "", 0);
        evg_buf_dispose(&tip);
        gv_xset(n, d->s.tooltip, b.data ? b.data : "");
        if (evg_render__linkable(e->doc_path)) {
            b.len = 0;
            evg_render__doc_link(&b, t->opts, e->doc_path);
            gv_xset(n, d->s.url, b.data ? b.data : "");
        }
    }
    /* joins: co-sources and targets, on the rails of their lanes, each
     * event at its own x (same-day events stacked in a lane do not share
     * a line); they leave the box from its edge */
    for (size_t k = 0; k < t->n_ev; k++) {
        tl_event *te = &t->ev[k];
        if (te->head != EVG_NONE || te->n_in > 1 || t->lanes[te->lane].off)
            continue;
        const evg_gevent *e = evg_graph_event(t->g, te->idx);
        const char *stroke = evg_render__quad_stroke[quad_of(e)];
        double y = row_y(t, te);
        snprintf(buf, sizeof(buf), "of_ev%zu", te->idx);
        for (int side = 0; side < 2; side++) {
            const size_t *ids = side ? e->targets : e->sources;
            size_t nids = side ? e->n_targets : e->n_sources;
            for (size_t j = 0; j < nids; j++) {
                size_t l = lane_of(t, ids[j]);
                if (l == EVG_NONE || l == te->lane || t->lanes[l].off)
                    continue;
                double ry = t->lanes[l].y + RAIL_DY;
                snprintf(d->name, sizeof(d->name), "ev%zu_p%c%zu", te->idx,
                         side ? 't' : 's', j);
                Agnode_t *port =
                    pin(d, te->jx, ry > y ? y + te->h / 2 : y - te->h / 2,
                        0.5, 0.5);
                snprintf(d->name, sizeof(d->name), "ev%zu_%c%zu", te->idx,
                         side ? 't' : 's', j);
                Agnode_t *dot = pin(d, te->jx, ry, 7, 7);
                if (!dot || !port)
                    continue;
                gv_xset(port, d->s.style, "invis");
                gv_xset(port, d->s.shape, "point");
                gv_xset(dot, d->s.shape, "circle");
                gv_xset(dot, d->s.fillcolor, side ? "#ffffff" : stroke);
                gv_xset(dot, d->s.color, stroke);
                gv_xset(dot, d->s.penwidth, "1.5");
                snprintf(cls, sizeof(cls), "of_ev%zu inlane%zu", te->idx, l);
                gv_xset(dot, d->s.cls, cls);
                Agedge_t *ed = side ? agedge(d->g, port, dot, NULL, 1)
                                    : agedge(d->g, dot, port, NULL, 1);
                if (!ed)
                    continue;
                gv_xset(ed, d->s.e_color, stroke);
                snprintf(cls, sizeof(cls), "join of_ev%zu", te->idx);
                gv_xset(ed, d->s.e_cls, cls);
                if (side) {
                    gv_xset(ed, d->s.e_penwidth, "1.4");
                } else {
                    gv_xset(ed, d->s.e_penwidth, "1.8");
                    gv_xset(ed, d->s.e_arrowhead, "none");
                }
            }
        }
    }
    /* causes, between the boxes that hold the two events */
    size_t nl = evg_graph_link_count(t->g);
    for (size_t i = 0; i < nl; i++) {
        const evg_glink *lk = evg_graph_link(t->g, i);
        if (!lk || !lk->type || strcmp(lk->type, "causes") != 0 ||
            lk->from >= ne || lk->to >= ne || t->ev_of[lk->from] == EVG_NONE ||
            t->ev_of[lk->to] == EVG_NONE)
            continue;
        size_t fa = t->ev_of[lk->from], fb = t->ev_of[lk->to];
        if (t->ev[fa].head != EVG_NONE)
            fa = t->ev[fa].head;
        if (t->ev[fb].head != EVG_NONE)
            fb = t->ev[fb].head;
        if (fa == fb)
            continue;
        char na[32], nb[32];
        snprintf(na, sizeof(na), "%s%zu", t->ev[fa].n_in > 1 ? "cl" : "ev",
                 t->ev[fa].idx);
        snprintf(nb, sizeof(nb), "%s%zu", t->ev[fb].n_in > 1 ? "cl" : "ev",
                 t->ev[fb].idx);
        Agnode_t *a = agnode(d->g, na, 0), *c = agnode(d->g, nb, 0);
        Agedge_t *ed = a && c ? agedge(d->g, a, c, NULL, 1) : NULL;
        if (!ed)
            continue;
        gv_xset(ed, d->s.e_color, "#6a3d9a");
        gv_xset(ed, d->s.e_penwidth, "2.2");
        gv_xset(ed, d->s.e_arrowhead, "vee");
        gv_xset(ed, d->s.e_arrowsize, "0.9");
        snprintf(buf, sizeof(buf), "causes of_ev%zu of_ev%zu", lk->from,
                 lk->to);
        gv_xset(ed, d->s.e_cls, buf);
        gv_xset(ed, d->s.e_tooltip, "causes");
    }
    if (t->frame_w > 0) {
        /* a page: an invisible frame makes every page the same size */
        snprintf(d->name, sizeof(d->name), "frame");
        Agnode_t *n = pin(d, t->frame_w / 2, t->frame_h / 2, t->frame_w,
                          t->frame_h);
        if (n)
            gv_xset(n, d->s.style, "invis");
    }
    int rc = b.failed;
    evg_buf_dispose(&b);
    return rc;
}

static void tl_dispose(tl *t)
{
    for (size_t i = 0; i < t->n_ev; i++)
        free(t->ev[i].label);
    free(t->ev);
    free(t->ev_of);
    free(t->lanes);
    free(t->lane_of);
    free(t->key);
    free(t->kx);
    free(t->gap_cut);
    free(t->isl_first);
    free(t->isl_ppd);
    evg_buf_dispose(&t->text);
}

/* Computes every position of the timeline of `g`. */
static int layout(tl *t, const unsigned char *shown)
{
    size_t ne = evg_graph_event_count(t->g);
    int rc = choose_lanes(t, shown);
    if (rc)
        return rc;
    t->ev = calloc(ne ? ne : 1, sizeof(tl_event));
    t->ev_of = malloc((ne ? ne : 1) * sizeof(size_t));
    if (!t->ev || !t->ev_of)
        return EVG_ENOMEM;
    size_t other = EVG_NONE;
    int any_und = 0;
    for (size_t i = 0; i < ne; i++) {
        t->ev_of[i] = EVG_NONE;
        if (!shown[i])
            continue;
        const evg_gevent *e = evg_graph_event(t->g, i);
        tl_event *te = &t->ev[t->n_ev];
        te->idx = i;
        te->lane = EVG_NONE;
        te->head = EVG_NONE;
        te->n_in = 1;
        for (size_t k = 0; k < e->n_sources; k++) {
            size_t l = lane_of(t, e->sources[k]);
            if (l != EVG_NONE && (te->lane == EVG_NONE || l < te->lane))
                te->lane = l;
        }
        if (te->lane == EVG_NONE) {
            if (other == EVG_NONE) {
                other = t->n_lanes++;
                t->lanes[other].actor = EVG_NONE;
            }
            te->lane = other;
        }
        t->lanes[te->lane].count++;
        te->dated = evg_render__parse_day(e->lo, &te->lo) == 0;
        if (te->dated &&
            (evg_render__parse_day(e->hi, &te->hi) != 0 || te->hi < te->lo))
            te->hi = te->lo;
        any_und |= !te->dated;
        t->uncoded |= !e->cameo;
        t->ev_of[i] = t->n_ev++;
    }
    for (size_t k = 0; k < t->n_ev; k++)
        if ((rc = make_label(t, &t->ev[k])))
            return rc;
    clip_spans(t);
    if ((rc = find_outliers(t)))
        return rc;
    int any_early = 0, any_late = 0, any_axis = 0;
    for (size_t k = 0; k < t->n_ev; k++) {
        tl_event *te = &t->ev[k];
        if (te->zone == 1 && (!any_early++ || te->hi > t->early_hi))
            t->early_hi = te->hi;
        if (te->zone == 2 && (!any_late++ || te->lo < t->late_lo))
            t->late_lo = te->lo;
        any_axis |= te->dated && !te->zone;
    }
    size_t wpx = t->opts->width ? t->opts->width : 1600;
    if (wpx < MIN_WIDTH)
        wpx = MIN_WIDTH;
    t->page_w = (double)wpx * 0.75; /* CSS px -> pt */
    /* each zone as wide as its widest box (a group's, when a lane holds
     * more of its events than rows) */
    {
        size_t *per = calloc(3 * (t->n_lanes + 1), sizeof(size_t));
        if (!per)
            return EVG_ENOMEM;
        for (int z = 0; z < 3; z++)
            t->zone_w[z] = ZONE_MIN_W;
        for (size_t k = 0; k < t->n_ev; k++) {
            const tl_event *te = &t->ev[k];
            int z = te->zone ? te->zone - 1 : !te->dated ? 2 : -1;
            if (z < 0)
                continue;
            t->zone_w[z] = evg_render__max(t->zone_w[z], te->w + 24);
            size_t cap = t->lanes[te->lane].actor == EVG_NONE ? MAX_ROWS_OTHER
                                                               : MAX_ROWS;
            if (++per[(size_t)z * (t->n_lanes + 1) + te->lane] > cap)
                t->zone_w[z] = evg_render__max(t->zone_w[z], CLUSTER_W + 24);
        }
        free(per);
    }
    double ax0 = X0, ax1 = t->page_w - 16 - (any_und ? t->zone_w[2] : 0);
    if (any_early) {
        t->early_x = X0;
        ax0 = X0 + t->zone_w[0] + BAND_W;
    }
    if (any_late)
        ax1 -= t->zone_w[1] + BAND_W;
    if ((rc = build_axis(t, ax0, ax1)))
        return rc;
    if (!any_axis)
        t->x_end = ax0;
    if (any_late)
        t->late_x = t->x_end + BAND_W;
    t->und_x =
        any_und ? (any_late ? t->late_x + t->zone_w[1] : t->x_end) + 24 : 0;
    for (size_t k = 0; k < t->n_ev; k++) {
        tl_event *te = &t->ev[k];
        if (te->zone) {
            te->x = (te->zone == 1 ? t->early_x : t->late_x) + 12 + te->w / 2;
            te->left = te->x - te->w / 2;
            te->right = te->x + te->w / 2;
            te->sx0 = te->sx1 = te->x;
        } else if (te->dated) {
            te->sx0 = day_x(t, (double)te->lo);
            te->sx1 = day_x(t, (double)te->hi);
            /* a long span reaching past the dates of the axis: cut */
            double a0 = t->n_key ? t->kx[0] - ISLAND_PAD : X0,
                   a1 = t->n_key ? t->kx[t->n_key - 1] + ISLAND_PAD : X0;
            if (t->n_key && te->sx0 < a0) {
                t->n_clipped += !te->clip;
                te->clip |= 1;
            }
            if (t->n_key && te->sx1 > a1) {
                t->n_clipped += !te->clip;
                te->clip |= 2;
            }
            if (t->n_key) {
                te->sx0 = evg_render__min(a1, evg_render__max(a0, te->sx0));
                te->sx1 = evg_render__min(a1, evg_render__max(a0, te->sx1));
            }
            if (te->sx1 < te->sx0)
                te->sx1 = te->sx0;
            te->x = (te->sx0 + te->sx1) / 2;
            te->left = evg_render__min(te->x - te->w / 2, te->sx0);
            te->right = evg_render__max(te->x + te->w / 2, te->sx1);
        } else {
            te->x = t->und_x + 12 + te->w / 2;
            te->left = te->x - te->w / 2;
            te->right = te->x + te->w / 2;
        }
        if (te->left < BOX_MIN_X) { /* never over the lane labels */
            double dx = BOX_MIN_X - te->left;
            te->x += dx;
            te->left += dx;
            te->right += dx;
        }
    }
    if ((rc = pack_rows(t)))
        return rc;
    double right = t->und_x != 0    ? t->und_x + t->zone_w[2]
                   : t->late_x != 0 ? t->late_x + t->zone_w[1]
                                    : t->x_end + 24;
    for (size_t k = 0; k < t->n_ev; k++) {
        tl_event *te = &t->ev[k];
        if (te->head != EVG_NONE)
            continue;
        t->n_boxes++;
        if (te->n_in > 1 && (rc = group_label(t, te)))
            return rc;
        if (te->right + 12 > right)
            right = te->right + 12;
        tl_lane *ln = &t->lanes[te->lane];
        if (te->h > ln->box_h)
            ln->box_h = te->h;
    }
    /* joins leave each box at an x no other box's joins use where their
     * lines run side by side (same-day events stacked in a lane, or in two
     * lanes, get distinct lines) */
    typedef struct span {
        double x, y0, y1;
    } span;
    span *used = malloc((t->n_ev ? t->n_ev : 1) * sizeof(span));
    size_t n_used = 0;
    if (!used)
        return EVG_ENOMEM;
    /* lanes' y is not known yet: compare lane numbers instead */
    for (size_t k = 0; k < t->n_ev; k++) {
        tl_event *te = &t->ev[k];
        te->jx = te->x;
        if (te->head != EVG_NONE || te->n_in > 1)
            continue;
        const evg_gevent *e = evg_graph_event(t->g, te->idx);
        double lo = (double)te->lane, hi = lo;
        for (int side = 0; side < 2; side++) {
            const size_t *ids = side ? e->targets : e->sources;
            size_t nids = side ? e->n_targets : e->n_sources;
            for (size_t q = 0; q < nids; q++) {
                size_t l = lane_of(t, ids[q]);
                if (l == EVG_NONE || l == te->lane)
                    continue;
                lo = evg_render__min(lo, (double)l);
                hi = evg_render__max(hi, (double)l);
            }
        }
        if (lo == hi)
            continue; /* no joins */
        double step = evg_render__min(7.0, te->w / 10);
        int slots = (int)(te->w / step) - 2;
        for (int sl = 0; sl < slots; sl++) {
            double cand =
                te->x + step / (sl >= 12 ? 2 : 1) * (double)((sl + 1) / 2) *
                            (sl % 2 ? 1 : -1);
            if (cand < te->x - te->w / 2 + 3 || cand > te->x + te->w / 2 - 3)
                continue;
            int clash = 0;
            for (size_t u = 0; u < n_used && !clash; u++)
                clash = used[u].x > cand - 2 && used[u].x < cand + 2 &&
                        used[u].y0 <= hi && lo <= used[u].y1;
            if (!clash) {
                te->jx = cand;
                break;
            }
        }
        used[n_used++] = (span){te->jx, lo, hi};
    }
    free(used);
    t->right = evg_render__max(right, t->page_w - 8);
    /* the legend and the subtitle (with room for "page 1 of 9") fit too */
    t->right = evg_render__max(t->right, 24 + legend_w(t));
    evg_buf sub;
    evg_buf_init(&sub, 0);
    subtitle(t, &sub);
    t->right = evg_render__max(
        t->right, 24 + est_w(sub.data ? sub.data : "", 9.5) +
                      (t->opts->format == EVG_RENDER_PDF ? 90 : 0));
    evg_buf_dispose(&sub);
    double y = LANES_Y;
    for (size_t l = 0; l < t->n_lanes; l++) {
        tl_lane *ln = &t->lanes[l];
        ln->row_h = SPAN_ROOM + ln->box_h + ROW_GAP;
        ln->y = y;
        ln->h = ROWS_DY + (double)ln->rows * ln->row_h + 4.0;
        if (ln->h < 52.0)
            ln->h = 52.0;
        y += ln->h;
    }
    t->height = y + 24.0;
    return 0;
}

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
        declare(&d);
        char margin[32];
        snprintf(margin, sizeof(margin), "%.3f", PAGE_MARGIN / 72.0);
        gv_attr(gv.g, AGRAPH, "margin", margin);
        gv_attr(gv.g, AGRAPH, "pad", "0");
        char size[64];
        snprintf(size, sizeof(size), "%.3f,%.3f", pw / 72.0, ph / 72.0);
        gv_attr(gv.g, AGRAPH, "size", size);
        if ((rc = draw(t, &d, shown)))
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
    if ((rc = layout(&t, shown))) {
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
    declare(&d);
    if ((rc = draw(&t, &d, shown))) {
        rc = evg_error_set(err, rc, "render: %s", evg_strerror(rc));
        goto done;
    }
    evg_render_format f =
        opts->format == EVG_RENDER_HTML ? EVG_RENDER_SVG : opts->format;
    rc = evg_render__gv_emit(&gv, "nop2", f, tl_title, &t,
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
    tl_dispose(&t);
    free(shown);
    return rc;
}
