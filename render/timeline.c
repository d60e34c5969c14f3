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
#define X0 (LABEL_W + 40.0)
#define TITLE_Y 18.0
#define LEGEND_Y 46.0
#define TICK_Y 74.0
#define AXIS_Y 92.0
#define GAP_LABEL_Y 101.0
#define LANES_Y 110.0
#define RAIL_DY 13.0 /* rail below the lane top */
#define ROWS_DY 28.0 /* first row below the lane top */
#define ROW_H 60.0   /* span bar + box + space */
#define BOX_FS 10.0  /* box font size */
#define CHAR_W 0.56  /* mean glyph width, em */
#define LINE_H 12.5
#define WRAP 23      /* characters per summary line */
#define MAX_PPD 90.0 /* points per day at most */
#define MIN_PPD 0.02
#define DETAIL_MAX 5000 /* events drawn with joins and tooltip attributes */

typedef struct tl_event {
    size_t idx; /* graph event */
    size_t lane;
    int dated;
    long lo, hi;
    double x, w, h;     /* box centre and size */
    double sx0, sx1;    /* span bar, when hi > lo */
    double left, right; /* what the event occupies on its row */
    size_t row;
    char *label; /* escaped for Graphviz */
} tl_event;

typedef struct tl_lane {
    size_t actor;        /* EVG_NONE: "other actors" */
    size_t count;        /* events drawn in the lane */
    size_t n_src, n_tgt; /* events the actor does / undergoes */
    size_t rows;
    double y, h; /* top and height */
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
    double ppd;
    double x_end;    /* right end of the dated part */
    double und_x;    /* start of the undated zone, 0 if none */
    size_t und_cols; /* columns used there */
    double width, height;
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
        return t->kx[0] - ((double)t->key[0] - d) * t->ppd;
    size_t lo = 0, hi = t->n_key - 1;
    if (d >= (double)t->key[hi])
        return t->kx[hi] + (d - (double)t->key[hi]) * t->ppd;
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
    te->w = (double)widest * BOX_FS * CHAR_W + 16.0;
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
    size_t want = t->opts->lanes ? t->opts->lanes : 12;
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
    size_t ne = evg_graph_event_count(t->g);
    for (size_t i = 0; i < ne; i++) {
        if (!shown[i])
            continue;
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
    for (size_t i = 0; i < na && t->n_lanes < want; i++) {
        if (!r[i].count || r[i].actor == focus)
            continue;
        t->lanes[t->n_lanes].actor = r[i].actor;
        t->lanes[t->n_lanes].n_src = r[i].n_src;
        t->lanes[t->n_lanes].n_tgt = r[i].n_tgt;
        t->lane_of[r[i].actor] = t->n_lanes++;
    }
    free(r);
    return 0;
}

/* Places dated events on a proportional axis whose long empty stretches
 * are compressed to a fixed width. */
static int build_axis(tl *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_ev; i++)
        n += t->ev[i].dated ? 2 : 0;
    t->key = malloc((n ? n : 1) * sizeof(long));
    t->kx = malloc((n ? n : 1) * sizeof(double));
    t->gap_cut = calloc(n ? n : 1, 1);
    double *gaps = malloc((n ? n : 1) * sizeof(double));
    if (!t->key || !t->kx || !t->gap_cut || !gaps) {
        free(gaps);
        return EVG_ENOMEM;
    }
    n = 0;
    for (size_t i = 0; i < t->n_ev; i++)
        if (t->ev[i].dated) {
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
            return EVG_ENOMEM;
        }
        memcpy(s, gaps, ng * sizeof(double));
        evg_sort(s, ng, sizeof(double), cmp_double);
        median = s[ng / 2];
        free(s);
    }
    /* A stretch is "long and empty" when it is several times the typical
     * gap between dates and at least two weeks. */
    double cut = evg_render__max(14.0, 4.0 * median);
    double kept = 0;
    for (size_t i = 0; i < ng; i++) {
        t->gap_cut[i] = gaps[i] > cut;
        if (!t->gap_cut[i])
            kept += gaps[i];
    }
    double target =
        evg_render__min(40000.0, evg_render__max(900.0, (double)m * 110.0));
    t->ppd = kept > 0 ? target / kept : MAX_PPD;
    t->ppd = evg_render__min(MAX_PPD, evg_render__max(MIN_PPD, t->ppd));
    double x = X0;
    for (size_t i = 0; i < m; i++) {
        t->kx[i] = x;
        if (i < ng) {
            if (t->gap_cut[i])
                x += evg_render__min(
                    110.0, 54.0 + 12.0 * evg_render__log2(gaps[i] / cut));
            else
                x += gaps[i] * t->ppd;
        }
    }
    t->x_end = m ? x : X0;
    free(gaps);
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

/* Stacks each lane's events into rows so that no two boxes overlap. */
static int pack_rows(tl *t)
{
    row_item *it = malloc((t->n_ev ? t->n_ev : 1) * sizeof(*it));
    size_t *start = calloc(t->n_lanes + 1, sizeof(size_t));
    double *ends = NULL;
    size_t cap_ends = 0;
    int rc = 0;
    if (!it || !start) {
        rc = EVG_ENOMEM;
        goto done;
    }
    /* counting sort by lane, then by left edge inside each lane */
    for (size_t i = 0; i < t->n_ev; i++)
        start[t->ev[i].lane + 1]++;
    for (size_t l = 0; l < t->n_lanes; l++)
        start[l + 1] += start[l];
    size_t *fill = calloc(t->n_lanes + 1, sizeof(size_t));
    if (!fill) {
        rc = EVG_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < t->n_ev; i++) {
        size_t l = t->ev[i].lane;
        it[start[l] + fill[l]++] = (row_item){t->ev[i].left, i};
    }
    free(fill);
    for (size_t l = 0; l < t->n_lanes; l++) {
        size_t a = start[l], b = l + 1 < t->n_lanes ? start[l + 1] : t->n_ev;
        evg_sort(it + a, b - a, sizeof(*it), cmp_item);
        size_t rows = 0;
        for (size_t k = a; k < b; k++) {
            tl_event *te = &t->ev[it[k].ev];
            size_t r = 0;
            while (r < rows && ends[r] + 8.0 > te->left)
                r++;
            if (r == rows) {
                if (evg_reserve(&ends, &cap_ends, rows + 1, sizeof(*ends),
                                16)) {
                    rc = EVG_ENOMEM;
                    goto done;
                }
                rows++;
            }
            ends[r] = te->right;
            te->row = r;
        }
        t->lanes[l].rows = rows;
    }
done:
    free(it);
    free(start);
    free(ends);
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
    return (double)count_chars(s) * fs * CHAR_W + 4.0;
}

static int quad_of(const evg_gevent *e)
{
    return e->quad_class >= 1 && e->quad_class <= 4 ? e->quad_class : 0;
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

static const char *const unit_label[] = {"day",  "week",    "month", "quarter",
                                         "year", "5 years", "decade"};

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

static int draw_ticks(dr *d, double bottom)
{
    tl *t = d->t;
    static const double unit_days[] = {1, 7, 30.44, 91.3, 365.25, 1826, 3652.5};
    int u = 0;
    while (u < 6 && unit_days[u] * t->ppd < 64.0)
        u++;
    double last_x = -1e9;
    int last_year = -100000;
    size_t nt = 0;
    char buf[96];
    for (size_t i = 0; i < t->n_key;) {
        size_t j = i;
        while (j + 1 < t->n_key && !t->gap_cut[j])
            j++;
        long s = t->key[i], e = t->key[j];
        int any = 0;
        for (long day = tick_first(s, u); day <= e || (!any && day == s);
             day = tick_next(day, u)) {
            any = 1;
            double x = day_x(t, (double)day);
            snprintf(d->name, sizeof(d->name), "grid%zu", nt);
            rect(d, x - 0.3, AXIS_Y, x + 0.3, bottom, "#dcdcdc");
            if (x - last_x < 50.0) {
                nt++;
                continue;
            }
            int y, m, dd;
            evg_render__civil(day, &y, &m, &dd);
            static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu",
                                              "Fri", "Sat", "Sun"};
            if (u == 0)
                snprintf(buf, sizeof(buf), "%s %d %s",
                         wd[evg_render__weekday(day)], dd,
                         evg_render__month_abbr[m - 1]);
            else if (u == 1)
                snprintf(buf, sizeof(buf), "%d %s", dd,
                         evg_render__month_abbr[m - 1]);
            else if (u <= 3)
                snprintf(buf, sizeof(buf), "%s", evg_render__month_abbr[m - 1]);
            else
                snprintf(buf, sizeof(buf), "%d", y);
            if (u <= 3 && y != last_year) {
                size_t l = strlen(buf);
                snprintf(buf + l, sizeof(buf) - l, "\\n%d", y);
            }
            last_year = y;
            snprintf(d->name, sizeof(d->name), "tick%zu", nt++);
            text(d, x, TICK_Y, buf, 9, NULL, "#444444", 64, 24);
            last_x = x;
        }
        /* islands whose dates fall between ticks still get their date */
        if (!any) {
            double x = day_x(t, (double)s);
            int y, m, dd;
            evg_render__civil(s, &y, &m, &dd);
            snprintf(buf, sizeof(buf), "%d %s\\n%d", dd,
                     evg_render__month_abbr[m - 1], y);
            snprintf(d->name, sizeof(d->name), "tick%zu", nt++);
            if (x - last_x >= 50.0) {
                text(d, x, TICK_Y, buf, 9, NULL, "#444444", 64, 24);
                last_x = x;
            }
        }
        i = j + 1;
    }
    (void)unit_label;
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
    for (int q = 1; q <= 4; q++) {
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
    for (int line = 0; line < 2 && plain[pos]; line++) {
        wrap_line(b, plain, &pos, 24, line == 1);
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
    evg_buf b;
    evg_buf_init(&b, 0);
    if (a->kind)
        evg_buf_puts(&b, a->kind);
    if (a->country && a->country[0] &&
        !(a->code && strcmp(a->code, a->country) == 0 && a->kind &&
          strcmp(a->kind, "country") == 0))
        evg_buf_printf(&b, "%s%s", b.len ? " \xc2\xb7 " : "", a->country);
    evg_buf_printf(&b, "%ssource %zu, target %zu", b.len ? " \xc2\xb7 " : "",
                   ln->n_src, ln->n_tgt);
    size_t k = 0;
    if (b.data) {
        evg_buf e;
        evg_buf_init(&e, 0);
        evg_render__gv_text(&e, b.data, 40);
        snprintf(buf, n, "%s\\r", e.data ? e.data : "");
        evg_buf_dispose(&e);
        k = 1;
    }
    evg_buf_dispose(&b);
    if (!k)
        snprintf(buf, n, "\\r");
    return buf;
}

static double row_y(const tl *t, const tl_event *te)
{
    return t->lanes[te->lane].y + ROWS_DY + (double)te->row * ROW_H + 8.0 +
           (ROW_H - 8.0) / 2.0 - 4.0;
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

static int draw(tl *t, dr *d, const unsigned char *shown)
{
    int big = t->n_ev > DETAIL_MAX;
    size_t ne = evg_graph_event_count(t->g);
    size_t hidden = 0;
    for (size_t i = 0; i < ne; i++)
        hidden += !shown[i];
    double right = t->und_x ? t->und_x + (double)t->und_cols * 150.0 + 40
                            : t->x_end + 90.0;
    double bottom = t->height - 14.0;
    char buf[256];
    evg_buf b;
    evg_buf_init(&b, 0);

    /* lane bands, highlighted for the entity */
    for (size_t l = 0; l < t->n_lanes; l++) {
        const tl_lane *ln = &t->lanes[l];
        int focus =
            l == 0 && t->opts->entity && ln->actor != EVG_NONE &&
            actor_matches(evg_graph_actor(t->g, ln->actor), t->opts->entity);
        snprintf(d->name, sizeof(d->name), "lane%zu", l);
        Agnode_t *n =
            rect(d, 0, ln->y, right, ln->y + ln->h,
                 focus ? "#ffd9664d" : (l % 2 ? "#ffffff00" : "#c8d3e04d"));
        if (n) {
            gv_xset(n, d->s.id, d->name);
            gv_xset(n, d->s.cls, "lane");
        }
    }
    /* compressed stretches and the undated zone */
    for (size_t i = 0; i + 1 < t->n_key; i++) {
        if (!t->gap_cut[i])
            continue;
        double x0 = t->kx[i] + 10, x1 = t->kx[i + 1] - 10;
        if (x1 - x0 < 6) {
            x0 = (t->kx[i] + t->kx[i + 1]) / 2 - 3;
            x1 = x0 + 6;
        }
        snprintf(d->name, sizeof(d->name), "gap%zu", i);
        Agnode_t *n = rect(d, x0, AXIS_Y, x1, bottom, "#8c8c8c2e");
        if (n) {
            gv_xset(n, d->s.style, "filled,dashed");
            gv_xset(n, d->s.color, "#b0b0b0");
            gv_xset(n, d->s.penwidth, "0.8");
        }
        gap_text(buf, sizeof(buf), t->key[i + 1] - t->key[i]);
        snprintf(d->name, sizeof(d->name), "gaplabel%zu", i);
        text(d, (t->kx[i] + t->kx[i + 1]) / 2, GAP_LABEL_Y, buf, 7.5, NULL,
             "#666666", evg_render__max(40, x1 - x0), 11);
    }
    if (t->und_x) {
        snprintf(d->name, sizeof(d->name), "undated");
        Agnode_t *n =
            rect(d, t->und_x - 30, AXIS_Y, right - 10, bottom, "#a0a0a01f");
        if (n) {
            gv_xset(n, d->s.style, "filled,dashed");
            gv_xset(n, d->s.color, "#b0b0b0");
            gv_xset(n, d->s.penwidth, "0.8");
        }
        snprintf(d->name, sizeof(d->name), "undatedlabel");
        text(d, (t->und_x - 30 + right - 10) / 2, TICK_Y, "no date", 9,
             "Helvetica-Oblique", "#666666", 80, 14);
    }
    if (t->n_key) {
        draw_ticks(d, bottom);
        snprintf(d->name, sizeof(d->name), "axis");
        rect(d, X0 - 24, AXIS_Y - 0.6, t->x_end + 24, AXIS_Y + 0.6, "#777777");
    }

    /* title, subtitle, legend (the HTML page has its own title) */
    int titled = t->opts->format != EVG_RENDER_HTML;
    evg_buf_puts(&b, "");
    evg_render__gv_text(&b, t->opts->title ? t->opts->title : "Event timeline",
                        120);
    snprintf(d->name, sizeof(d->name), "title");
    double tw = titled ? est_w(b.data ? b.data : "", 15) + 10 : -24;
    if (titled)
        text(d, 12 + tw / 2, TITLE_Y, b.data ? b.data : "", 15,
             "Helvetica-Bold", "#111111", tw, 20);
    {
        long lo = 0, hi = 0;
        int any = 0;
        for (size_t i = 0; i < t->n_ev; i++)
            if (t->ev[i].dated) {
                if (!any || t->ev[i].lo < lo)
                    lo = t->ev[i].lo;
                if (!any || t->ev[i].hi > hi)
                    hi = t->ev[i].hi;
                any = 1;
            }
        int n = snprintf(buf, sizeof(buf), "%zu event%s, %zu lane%s", t->n_ev,
                         t->n_ev == 1 ? "" : "s", t->n_lanes,
                         t->n_lanes == 1 ? "" : "s");
        if (any && n > 0 && (size_t)n < sizeof(buf)) {
            int y1, m1, d1, y2, m2, d2;
            evg_render__civil(lo, &y1, &m1, &d1);
            evg_render__civil(hi, &y2, &m2, &d2);
            n += snprintf(buf + n, sizeof(buf) - (size_t)n,
                          ", %d %s %d \xe2\x80\x93 %d %s %d", d1,
                          evg_render__month_abbr[m1 - 1], y1, d2,
                          evg_render__month_abbr[m2 - 1], y2);
        }
        if (hidden && n > 0 && (size_t)n < sizeof(buf))
            n += snprintf(buf + n, sizeof(buf) - (size_t)n,
                          "; %zu uncertain not shown", hidden);
        if (t->n_ev > DETAIL_MAX && n > 0 && (size_t)n < sizeof(buf))
            snprintf(buf + n, sizeof(buf) - (size_t)n,
                     "; joins to targets not drawn above %d events",
                     DETAIL_MAX);
        snprintf(d->name, sizeof(d->name), "subtitle");
        double sw = est_w(buf, 9.5);
        text(d, 12 + tw + 12 + sw / 2, TITLE_Y + 2, buf, 9.5, NULL, "#555555",
             sw, 14);
    }
    draw_legend(d, 12, LEGEND_Y);

    /* lanes: label and rail */
    for (size_t l = 0; l < t->n_lanes; l++) {
        const tl_lane *ln = &t->lanes[l];
        lane_label(t, l, &b);
        if (b.failed)
            break;
        snprintf(d->name, sizeof(d->name), "lab%zu", l);
        Agnode_t *n =
            text(d, LABEL_W / 2, ln->y + RAIL_DY + 6, b.data ? b.data : "", 11,
                 "Helvetica-Bold", "#1a1a1a", LABEL_W - 16, 30);
        if (n)
            gv_xset(n, d->s.id, d->name);
        snprintf(d->name, sizeof(d->name), "sub%zu", l);
        text(d, LABEL_W / 2, ln->y + RAIL_DY + 26,
             lane_sub(t, l, buf, sizeof(buf)), 8, NULL, "#666666", LABEL_W - 16,
             12);
        snprintf(d->name, sizeof(d->name), "rail%zu", l);
        rect(d, X0 - 24, ln->y + RAIL_DY - 0.7, right - 12,
             ln->y + RAIL_DY + 0.7, "#b9c0c8");
    }

    /* events: span bars, boxes */
    for (size_t k = 0; k < t->n_ev && !b.failed; k++) {
        tl_event *te = &t->ev[k];
        const evg_gevent *e = evg_graph_event(t->g, te->idx);
        int q = quad_of(e);
        double y = row_y(t, te);
        snprintf(buf, sizeof(buf), "of_ev%zu", te->idx);
        if (te->dated && te->hi > te->lo) {
            snprintf(d->name, sizeof(d->name), "ev%zu_span", te->idx);
            double x0 = te->sx0, x1 = evg_render__max(te->sx1, te->sx0 + 3);
            Agnode_t *n = rect(d, x0, y - te->h / 2 - 7, x1, y - te->h / 2 - 3,
                               evg_render__quad_stroke[q]);
            if (n) {
                gv_xset(n, d->s.cls, buf);
                gv_xset(n, d->s.id, d->name);
            }
            /* bracket ends: the span reads as "somewhere in here" */
            for (int end = 0; end < 2 && !big; end++) {
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
        gv_xset(n, d->s.fixedsize, "false");
        gv_xset(n, d->s.fontsize, "10");
        gv_xset(n, d->s.label, te->label);
        gv_xset(n, d->s.id, d->name);
        char cls[96];
        snprintf(cls, sizeof(cls), "event q%d %s", q, mod);
        gv_xset(n, d->s.cls, cls);
        /* big timelines keep the evidence in the SVG <title> only */
        if (!big) {
            b.len = 0;
            evg_buf_puts(&b, "");
            evg_buf tip;
            evg_buf_init(&tip, 0);
            evg_render__tooltip(&tip, t->g, te->idx);
            evg_render__gv_text(&b, tip.data ? tip.data : "", 0);
            evg_buf_dispose(&tip);
            gv_xset(n, d->s.tooltip, b.data ? b.data : "");
        }
        if (evg_render__linkable(e->doc_path)) {
            b.len = 0;
            evg_render__url(&b, e->doc_path);
            gv_xset(n, d->s.url, b.data ? b.data : "");
        }
    }
    /* joins: co-sources and targets, on the rails of their lanes (left out
     * of big timelines: thousands of crossing lines say nothing and cost
     * half the drawing; the HTML table and the tooltips still name them) */
    for (size_t k = 0; k < t->n_ev && !big; k++) {
        tl_event *te = &t->ev[k];
        const evg_gevent *e = evg_graph_event(t->g, te->idx);
        const char *stroke = evg_render__quad_stroke[quad_of(e)];
        snprintf(d->name, sizeof(d->name), "ev%zu", te->idx);
        Agnode_t *box = agnode(d->g, d->name, 0);
        if (!box)
            continue;
        snprintf(buf, sizeof(buf), "of_ev%zu", te->idx);
        for (int side = 0; side < 2; side++) {
            const size_t *ids = side ? e->targets : e->sources;
            size_t nids = side ? e->n_targets : e->n_sources;
            for (size_t j = 0; j < nids; j++) {
                size_t l = lane_of(t, ids[j]);
                if (l == EVG_NONE || l == te->lane)
                    continue;
                snprintf(d->name, sizeof(d->name), "ev%zu_%c%zu", te->idx,
                         side ? 't' : 's', j);
                Agnode_t *dot = pin(d, te->x, t->lanes[l].y + RAIL_DY, 7, 7);
                if (!dot)
                    continue;
                gv_xset(dot, d->s.shape, "circle");
                gv_xset(dot, d->s.fillcolor, side ? "#ffffff" : stroke);
                gv_xset(dot, d->s.color, stroke);
                gv_xset(dot, d->s.penwidth, "1.5");
                gv_xset(dot, d->s.cls, buf);
                Agedge_t *ed = side ? agedge(d->g, box, dot, NULL, 1)
                                    : agedge(d->g, dot, box, NULL, 1);
                if (!ed)
                    continue;
                gv_xset(ed, d->s.e_color, stroke);
                gv_xset(ed, d->s.e_cls, buf);
                if (side) {
                    gv_xset(ed, d->s.e_penwidth, "1.4");
                } else {
                    gv_xset(ed, d->s.e_penwidth, "1.8");
                    gv_xset(ed, d->s.e_arrowhead, "none");
                }
            }
        }
    }
    /* causes */
    size_t nl = evg_graph_link_count(t->g);
    for (size_t i = 0; i < nl; i++) {
        const evg_glink *lk = evg_graph_link(t->g, i);
        if (!lk || !lk->type || strcmp(lk->type, "causes") != 0 ||
            lk->from >= ne || lk->to >= ne || t->ev_of[lk->from] == EVG_NONE ||
            t->ev_of[lk->to] == EVG_NONE)
            continue;
        char na[32], nb[32];
        snprintf(na, sizeof(na), "ev%zu", lk->from);
        snprintf(nb, sizeof(nb), "ev%zu", lk->to);
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
    for (size_t i = 0; i < ne; i++) {
        t->ev_of[i] = EVG_NONE;
        if (!shown[i])
            continue;
        const evg_gevent *e = evg_graph_event(t->g, i);
        tl_event *te = &t->ev[t->n_ev];
        te->idx = i;
        te->lane = EVG_NONE;
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
        t->ev_of[i] = t->n_ev++;
    }
    for (size_t k = 0; k < t->n_ev; k++)
        if ((rc = make_label(t, &t->ev[k])))
            return rc;
    if ((rc = build_axis(t)))
        return rc;
    size_t *und = calloc(t->n_lanes + 1, sizeof(size_t));
    if (!und)
        return EVG_ENOMEM;
    int any_und = 0;
    for (size_t k = 0; k < t->n_ev; k++)
        any_und |= !t->ev[k].dated;
    t->und_x = any_und ? t->x_end + 110.0 : 0;
    for (size_t k = 0; k < t->n_ev; k++) {
        tl_event *te = &t->ev[k];
        if (te->dated) {
            te->sx0 = day_x(t, (double)te->lo);
            te->sx1 = day_x(t, (double)te->hi);
            te->x = (te->sx0 + te->sx1) / 2;
            te->left = evg_render__min(te->x - te->w / 2, te->sx0);
            te->right = evg_render__max(te->x + te->w / 2, te->sx1);
        } else {
            /* undated events fill a few columns of their own */
            size_t j = und[te->lane]++;
            if (j % 4 + 1 > t->und_cols)
                t->und_cols = j % 4 + 1;
            te->x = t->und_x + 75.0 + (double)(j % 4) * 150.0;
            te->left = te->x - te->w / 2;
            te->right = te->x + te->w / 2;
        }
    }
    free(und);
    if ((rc = pack_rows(t)))
        return rc;
    double y = LANES_Y;
    for (size_t l = 0; l < t->n_lanes; l++) {
        t->lanes[l].y = y;
        t->lanes[l].h = ROWS_DY + (double)t->lanes[l].rows * ROW_H + 6.0;
        if (t->lanes[l].h < 48.0)
            t->lanes[l].h = 48.0;
        y += t->lanes[l].h;
    }
    t->height = y + 24.0;
    return 0;
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
    if ((rc = layout(&t, shown))) {
        rc = evg_error_set(err, rc, "render: %s", evg_strerror(rc));
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
