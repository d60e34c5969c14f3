/* The timeline drawn: each placed element becomes a pinned Graphviz node
 * (layout "nop2") or an edge between pinned nodes. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "timeline.h"


/* Sets a number attribute with `digits` decimals. */
static void setf(Agnode_t *n, Agsym_t *s, int digits, double v)
{
    char b[64];
    snprintf(b, sizeof(b), "%.*f", digits, v);
    gv_xset(n, s, b);
}


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

static int quad_of(const evg_gevent *e)
{
    return evg_render__kind(e);
}

void evg_tl__declare(dr *d)
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
            double x = evg_tl__day_x(t, (double)day);
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
            double w = evg_tl__est_w(buf, 9);
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
            double x = evg_tl__day_x(t, (double)first);
            int y, m, dd;
            evg_render__civil(first, &y, &m, &dd);
            snprintf(buf, sizeof(buf), "%d %s\\n%d", dd,
                     evg_render__month_abbr[m - 1], y);
            double w = evg_tl__est_w(buf, 9);
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
        double w = evg_tl__est_w(evg_render__quad_name[q], 9);
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
        double w = evg_tl__est_w(mods[k][0], 9);
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
    text(d, x + 28 + evg_tl__est_w("causes", 9) / 2, y, "causes", 9, NULL, NULL,
         evg_tl__est_w("causes", 9), 14);
    x += 28 + evg_tl__est_w("causes", 9) + 14;
    snprintf(d->name, sizeof(d->name), "legend_span");
    rect(d, x, y - 2, x + 22, y + 2, "#888888");
    snprintf(d->name, sizeof(d->name), "legend_span_t");
    const char *sp = "imprecise date (week, year)";
    text(d, x + 28 + evg_tl__est_w(sp, 9) / 2, y, sp, 9, NULL, NULL, evg_tl__est_w(sp, 9), 14);
    x += 28 + evg_tl__est_w(sp, 9) + 14;
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
        text(d, x + 22 + evg_tl__est_w(gt, 9) / 2, y, gt, 9, NULL, NULL, evg_tl__est_w(gt, 9),
             14);
    }
}

/* y of the centre of the box of `te`. */
static double row_y(const tl *t, const tl_event *te)
{
    const tl_lane *ln = &t->lanes[te->lane];
    return ln->y + ROWS_DY + (double)te->row * ln->row_h + SPAN_ROOM +
           ln->box_h / 2;
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

int evg_tl__draw(tl *t, dr *d, const unsigned char *shown)
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
            evg_tl__actor_matches(evg_graph_actor(t->g, ln->actor), t->opts->entity);
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
             "#666666", evg_tl__est_w(zl, 9) + 6, 14);
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
             "Helvetica-Oblique", "#666666", evg_tl__est_w("no date", 9) + 6, 14);
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
        double tw = evg_tl__label_w(b.data ? b.data : "", 15, 1) + 10;
        text(d, 12 + tw / 2, TITLE_Y, b.data ? b.data : "", 15,
             "Helvetica-Bold", "#111111", tw, 20);
    }
    {
        evg_buf sub;
        evg_buf_init(&sub, 0);
        evg_tl__subtitle(t, &sub);
        b.len = 0;
        evg_render__gv_text(&b, sub.data ? sub.data : "", 0);
        evg_buf_dispose(&sub);
        snprintf(d->name, sizeof(d->name), "subtitle");
        double sw = evg_tl__est_w(b.data ? b.data : "", 9.5);
        text(d, 12 + sw / 2, SUB_Y, b.data ? b.data : "", 9.5, NULL,
             "#555555", sw, 14);
    }
    draw_legend(d, 12, LEGEND_Y);

    /* lanes: label and rail */
    for (size_t l = 0; l < t->n_lanes; l++) {
        const tl_lane *ln = &t->lanes[l];
        if (ln->off)
            continue;
        evg_tl__lane_label(t, l, &b);
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
                 evg_tl__lane_sub(t, l, buf, sizeof(buf)), 8, NULL, "#666666",
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
                size_t l = evg_tl__lane_of(t, ids[j]);
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

