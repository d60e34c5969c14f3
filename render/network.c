/* The relationship views: actors and events as a network (who did what to
 * whom), or the projected actor-actor network with one edge per directed
 * pair weighted by its events. Graphviz lays them out: neato for small
 * graphs, sfdp for large ones (PITFALLS: dot and neato grow badly). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define SFDP_ABOVE 400 /* nodes */

typedef struct net {
    const evg_graph *g;
    const evg_render_opts *opts;
} net;

static const char *net_title(void *ctx, const char *name, size_t n,
                             evg_buf *scratch)
{
    net *t = ctx;
    char nm[48], *end;
    if (n >= sizeof(nm))
        return "";
    memcpy(nm, name, n);
    nm[n] = '\0';
    if (strncmp(nm, "ev", 2) == 0 && nm[2] >= '0' && nm[2] <= '9') {
        unsigned long long i = strtoull(nm + 2, &end, 10);
        if (*end == '\0' && i < evg_graph_event_count(t->g)) {
            evg_render__tooltip(scratch, t->g, (size_t)i);
            return scratch->data ? scratch->data : "";
        }
    }
    if (strncmp(nm, "actor", 5) == 0 && nm[5] >= '0' && nm[5] <= '9') {
        unsigned long long i = strtoull(nm + 5, &end, 10);
        const evg_gactor *a =
            *end == '\0' ? evg_graph_actor(t->g, (size_t)i) : NULL;
        if (a) {
            evg_buf_printf(scratch, "%s (%s, %s)", a->name ? a->name : "?",
                           a->kind ? a->kind : "actor",
                           a->code ? a->code : "no code");
            return scratch->data ? scratch->data : "";
        }
    }
    if (strcmp(nm, "network") == 0)
        return NULL;
    return "";
}

static void set(void *obj, const char *k, const char *v)
{
    evg_render__set(obj, k, v);
}

static Agnode_t *actor_node(Agraph_t *gr, const evg_graph *g, size_t i,
                            evg_buf *b)
{
    char name[48];
    snprintf(name, sizeof(name), "actor%zu", i);
    Agnode_t *n = agnode(gr, name, 0);
    if (n)
        return n;
    n = agnode(gr, name, 1);
    if (!n)
        return NULL;
    const evg_gactor *a = evg_graph_actor(g, i);
    b->len = 0;
    evg_buf_puts(b, "");
    evg_render__gv_text(b, a && a->name ? a->name : "?", 28);
    set(n, "label", b->data ? b->data : "");
    set(n, "id", name);
    return n;
}

static int build(net *t, Agraph_t *gr, const unsigned char *shown,
                 size_t *n_nodes)
{
    const evg_graph *g = t->g;
    size_t ne = evg_graph_event_count(g), na = evg_graph_actor_count(g);
    evg_buf b;
    evg_buf_init(&b, 0);
    char name[64], cls[64], buf[64];
    *n_nodes = 0;
    if (t->opts->view != EVG_VIEW_ACTORS) {
        for (size_t i = 0; i < ne; i++) {
            if (!shown[i])
                continue;
            const evg_gevent *e = evg_graph_event(g, i);
            int q = evg_render__kind(e);
            snprintf(name, sizeof(name), "ev%zu", i);
            Agnode_t *ev = agnode(gr, name, 1);
            if (!ev)
                continue;
            (*n_nodes)++;
            b.len = 0;
            evg_buf_puts(&b, "");
            evg_render__gv_text(&b, e->summary, 24);
            evg_buf_puts(&b, "\\n");
            evg_render__date_text(&b, e);
            set(ev, "label", b.data ? b.data : "");
            {
                /* the box holds its lines in the browser's font */
                double w = 0;
                const char *p = b.data ? b.data : "", *nl = strstr(p, "\\n");
                w = evg_render__text_w(p, nl ? (size_t)(nl - p) : strlen(p), 9,
                                       0);
                if (nl) {
                    double w2 = evg_render__text_w(nl + 2, strlen(nl + 2), 9, 0);
                    w = evg_render__max(w, w2);
                }
                char wb[32];
                snprintf(wb, sizeof(wb), "%.3f", (w + 14) / 72.0);
                set(ev, "width", wb);
            }
            set(ev, "shape", "box");
            const char *mod = e->modality ? e->modality : "asserted";
            set(ev, "style",
                strcmp(mod, "reported") == 0   ? "rounded,filled,dashed"
                : strcmp(mod, "asserted") == 0 ? "rounded,filled"
                                               : "rounded,filled,dotted");
            set(ev, "fillcolor", evg_render__quad_fill[q]);
            set(ev, "color", evg_render__quad_stroke[q]);
            set(ev, "fontsize", "9");
            set(ev, "id", name);
            snprintf(cls, sizeof(cls), "event q%d", q);
            set(ev, "class", cls);
            b.len = 0;
            evg_buf tip;
            evg_buf_init(&tip, 0);
            evg_render__tooltip(&tip, g, i);
            evg_buf_puts(&b, "");
            evg_render__gv_text(&b, tip.data ? tip.data : "", 0);
            evg_buf_dispose(&tip);
            set(ev, "tooltip", b.data ? b.data : "");
            if (evg_render__linkable(e->doc_path)) {
                b.len = 0;
                evg_render__doc_link(&b, t->opts, e->doc_path);
                set(ev, "URL", b.data ? b.data : "");
            }
            snprintf(cls, sizeof(cls), "of_ev%zu", i);
            for (int side = 0; side < 2; side++) {
                const size_t *ids = side ? e->targets : e->sources;
                size_t nids = side ? e->n_targets : e->n_sources;
                for (size_t k = 0; k < nids; k++) {
                    if (ids[k] >= na)
                        continue;
                    Agnode_t *a = actor_node(gr, g, ids[k], &b);
                    Agedge_t *ed = !a     ? NULL
                                   : side ? agedge(gr, ev, a, NULL, 1)
                                          : agedge(gr, a, ev, NULL, 1);
                    if (!ed)
                        continue;
                    set(ed, "color", evg_render__quad_stroke[q]);
                    set(ed, "class", cls);
                    if (!side)
                        set(ed, "arrowhead", "none");
                }
            }
        }
        size_t nl = evg_graph_link_count(g);
        for (size_t i = 0; i < nl; i++) {
            const evg_glink *lk = evg_graph_link(g, i);
            if (!lk || !lk->type || strcmp(lk->type, "causes") != 0 ||
                lk->from >= ne || lk->to >= ne || !shown[lk->from] ||
                !shown[lk->to])
                continue;
            char na_[32], nb_[32];
            snprintf(na_, sizeof(na_), "ev%zu", lk->from);
            snprintf(nb_, sizeof(nb_), "ev%zu", lk->to);
            Agnode_t *x = agnode(gr, na_, 0), *y = agnode(gr, nb_, 0);
            Agedge_t *ed = x && y ? agedge(gr, x, y, NULL, 1) : NULL;
            if (!ed)
                continue;
            set(ed, "color", "#6a3d9a");
            set(ed, "penwidth", "2.2");
            set(ed, "arrowhead", "vee");
            snprintf(cls, sizeof(cls), "causes of_ev%zu of_ev%zu", lk->from,
                     lk->to);
            set(ed, "class", cls);
        }
    } else {
        /* projected: one edge per (source, target) pair */
        typedef struct pair {
            size_t a, b, count;
            double q[EVG_RENDER_KINDS];
        } pair;
        pair *p = NULL;
        size_t np = 0, cap = 0;
        for (size_t i = 0; i < ne; i++) {
            if (!shown[i])
                continue;
            const evg_gevent *e = evg_graph_event(g, i);
            int q = evg_render__kind(e);
            for (size_t s = 0; s < e->n_sources; s++)
                for (size_t k = 0; k < e->n_targets; k++) {
                    size_t x = e->sources[s], y = e->targets[k];
                    if (x >= na || y >= na || x == y)
                        continue;
                    size_t j = 0;
                    while (j < np && !(p[j].a == x && p[j].b == y))
                        j++;
                    if (j == np) {
                        if (evg_reserve(&p, &cap, np + 1, sizeof(*p), 32)) {
                            free(p);
                            evg_buf_dispose(&b);
                            return EVG_ENOMEM;
                        }
                        p[np].a = x;
                        p[np++].b = y;
                    }
                    p[j].count++;
                    p[j].q[q] += 1;
                }
        }
        for (size_t j = 0; j < np; j++) {
            Agnode_t *x = actor_node(gr, g, p[j].a, &b);
            Agnode_t *y = actor_node(gr, g, p[j].b, &b);
            Agedge_t *ed = x && y ? agedge(gr, x, y, NULL, 1) : NULL;
            if (!ed)
                continue;
            int best = 0;
            for (int q = 1; q < EVG_RENDER_KINDS; q++)
                if (p[j].q[q] > p[j].q[best])
                    best = q;
            set(ed, "color", evg_render__quad_stroke[best]);
            snprintf(buf, sizeof(buf), "%.2f",
                     1.0 + 1.5 * evg_render__log2((double)p[j].count));
            set(ed, "penwidth", buf);
            snprintf(buf, sizeof(buf), "%zu event%s", p[j].count,
                     p[j].count == 1 ? "" : "s");
            set(ed, "tooltip", buf);
            if (p[j].count > 1) {
                snprintf(buf, sizeof(buf), "%zu", p[j].count);
                set(ed, "label", buf);
            }
        }
        free(p);
    }
    /* actor sizes by how connected they are */
    for (Agnode_t *n = agfstnode(gr); n; n = agnxtnode(gr, n)) {
        const char *nm = agnameof(n);
        if (strncmp(nm, "actor", 5) != 0)
            continue;
        (*n_nodes)++;
        int deg = agdegree(gr, n, 1, 1);
        set(n, "shape", "ellipse");
        set(n, "style", "filled");
        set(n, "fillcolor", "#ffffff");
        set(n, "color", "#34495e");
        snprintf(buf, sizeof(buf), "%.1f",
                 10.0 +
                     evg_render__min(8.0, 2.0 * evg_render__log2(1.0 + deg)));
        set(n, "fontsize", buf);
        /* wide enough for the name in the browser's font (DejaVu Sans is
         * wider than the Helvetica metrics Graphviz lays out with): an
         * ellipse holds a line of width w when it is w * 1.42 wide */
        double fs = 10.0 + evg_render__min(8.0,
                                           2.0 * evg_render__log2(1.0 + deg));
        const char *lab = agget(n, (char *)(uintptr_t)"label");
        double w = lab ? evg_render__text_w(lab, strlen(lab), fs, 0) : 0;
        snprintf(buf, sizeof(buf), "%.3f", (w * 1.42 + 12) / 72.0);
        set(n, "width", buf);
        snprintf(buf, sizeof(buf), "%.3f", (fs * 1.2 * 1.42 + 6) / 72.0);
        set(n, "height", buf);
        snprintf(buf, sizeof(buf), "%.2f",
                 1.0 + evg_render__min(3.0, evg_render__log2(1.0 + deg) / 2));
        set(n, "penwidth", buf);
        set(n, "class", "actor");
    }
    int rc = b.failed;
    evg_buf_dispose(&b);
    return rc;
}

int evg_render_network(const evg_graph *g, const evg_render_opts *opts,
                       char **out, size_t *len, evg_error *err)
{
    evg_render_opts defaults;
    int rc = evg_render__begin(g, &opts, &defaults, EVG_VIEW_GRAPH,
                               out, len, err);
    if (rc)
        return rc;
    unsigned char *shown = evg_render__shown(g, opts);
    if (!shown)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    net t = {g, opts};
    evg_render__gv gv;
    char *svg = NULL;
    size_t svg_len = 0, n_nodes = 0;
    rc = evg_render__gv_open(&gv, "network", opts->format, err);
    if (rc)
        goto done;
    gv_attr(gv.g, AGRAPH, "fontname", "Helvetica");
    gv_attr(gv.g, AGNODE, "fontname", "Helvetica");
    gv_attr(gv.g, AGEDGE, "fontname", "Helvetica");
    gv_attr(gv.g, AGEDGE, "fontsize", "9");
    gv_attr(gv.g, AGEDGE, "arrowsize", "0.7");
    gv_attr(gv.g, AGNODE, "margin", "0.06,0.03");
    if ((rc = build(&t, gv.g, shown, &n_nodes))) {
        rc = evg_error_set(err, rc, "render: %s", evg_strerror(rc));
        goto done;
    }
    const char *engine = n_nodes > SFDP_ABOVE ? "sfdp" : "neato";
    gv_attr(gv.g, AGRAPH, "layout", engine);
    gv_attr(gv.g, AGRAPH, "overlap", n_nodes > SFDP_ABOVE ? "prism" : "false");
    gv_attr(gv.g, AGRAPH, "sep", "+6");
    gv_attr(gv.g, AGRAPH, "splines", n_nodes > 150 ? "false" : "true");
    gv_attr(gv.g, AGRAPH, "outputorder", "edgesfirst");
    gv_attr(gv.g, AGRAPH, "bgcolor", "white");
    gv_attr(gv.g, AGRAPH, "pad", "0.2");
    gv_attr(gv.g, AGRAPH, "labelloc", "t");
    gv_attr(gv.g, AGRAPH, "fontsize", "16");
    {
        evg_buf b;
        evg_buf_init(&b, 0);
        evg_render__gv_text(&b,
                            opts->title ? opts->title
                            : opts->view == EVG_VIEW_ACTORS
                                ? "Who acts on whom"
                                : "Actors and events",
                            120);
        /* the same counts as every view */
        evg_render_counts c;
        evg_render_count(g, opts, &c);
        char counts[256];
        evg_render_counts_text(&c, counts, sizeof(counts));
        evg_buf_puts(&b, "\n");
        evg_render__gv_text(&b, counts, 0);
        gv_attr(gv.g, AGRAPH, "label", b.data ? b.data : "");
        evg_buf_dispose(&b);
    }
    int html = opts->format == EVG_RENDER_HTML;
    rc = evg_render__gv_emit(&gv, engine, html ? EVG_RENDER_SVG : opts->format,
                             net_title, &t, html ? &svg : out,
                             html ? &svg_len : len, err);
    if (!rc && html)
        rc = evg_render__html(g, opts, svg, svg_len, shown, out, len, err);
done:
    free(svg);
    evg_render__gv_close(&gv);
    free(shown);
    return rc;
}
