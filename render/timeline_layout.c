/* The timeline's layout: which actors get lanes, the time axis (runs of
 * dates, compressed gaps, outlier zones), and the rows of boxes in each
 * lane. Positions only; timeline_draw.c draws them. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "timeline.h"

/* The lane of actor `a`, or EVG_NONE (also for an index out of range). */
size_t evg_tl__lane_of(const tl *t, size_t a)
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
double evg_tl__day_x(const tl *t, double d)
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

int evg_tl__actor_matches(const evg_gactor *a, const char *want)
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
        if (evg_tl__actor_matches(evg_graph_actor(t->g, i), t->opts->entity))
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

void evg_tl__dispose(tl *t)
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
int evg_tl__layout(tl *t, const unsigned char *shown)
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
            size_t l = evg_tl__lane_of(t, e->sources[k]);
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
        if ((rc = evg_tl__make_label(t, &t->ev[k])))
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
            te->sx0 = evg_tl__day_x(t, (double)te->lo);
            te->sx1 = evg_tl__day_x(t, (double)te->hi);
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
        if (te->n_in > 1 && (rc = evg_tl__group_label(t, te)))
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
                size_t l = evg_tl__lane_of(t, ids[q]);
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
    t->right = evg_render__max(t->right, 24 + evg_tl__legend_w(t));
    evg_buf sub;
    evg_buf_init(&sub, 0);
    evg_tl__subtitle(t, &sub);
    t->right = evg_render__max(
        t->right, 24 + evg_tl__est_w(sub.data ? sub.data : "", 9.5) +
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
