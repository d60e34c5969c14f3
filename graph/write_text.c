/* The exports igraph cannot write, built as text with the shared escaping
 * helpers: GEXF 1.2draft or 1.3 (dynamic, for Gephi's timeline), GML, node-link JSON,
 * Cytoscape.js elements, JSON Graph Format v2, CSV tables (events in the
 * GDELT/Phoenix style, dyads, nodes) and TimelineJS; plus the format names
 * and evg_graph_write(), which dispatches. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

void evg_graph__num(char *out, double d)
{
    if (!isfinite(d)) {
        snprintf(out, 32, "null");
        return;
    }
    if (d == 0)
        d = 0; /* no "-0" */
    snprintf(out, 32, "%.6g", d);
}

static void put_num(evg_buf *b, double d)
{
    char n[32];
    evg_graph__num(n, d);
    evg_buf_puts(b, n);
}

static void put_json_str(evg_buf *b, const char *s)
{
    evg_buf_putc(b, '"');
    evg_buf_json(b, s ? s : "", s ? strlen(s) : 0);
    evg_buf_putc(b, '"');
}

static void put_xml(evg_buf *b, const char *s)
{
    evg_buf_xml(b, s ? s : "", s ? strlen(s) : 0);
}

static void put_val_json(evg_buf *b, const evg_col *c, const evg_val *v)
{
    if (c->kind == EVG_COL_STR)
        put_json_str(b, v->s);
    else if (c->kind == EVG_COL_INT)
        evg_buf_printf(b, "%lld", v->i);
    else
        put_num(b, v->d);
}

/* ---- GEXF 1.2draft (default) and 1.3 ---- */

/* Columns GEXF carries natively (label, edge weight) are not repeated as
 * attvalues. `start` and `end` are both: GEXF's own spell attributes (for
 * Gephi's timeline and networkx) and attvalues, because readers such as
 * graphology-gexf keep attvalues but drop the spell attributes. */
static int gexf_native(const evg_col *c, int edge)
{
    return strcmp(c->name, "label") == 0 ||
           (edge && strcmp(c->name, "weight") == 0);
}

static void gexf_attrs(evg_buf *b, const char *cls, const evg_col *cols,
                       size_t n, int edge)
{
    evg_buf_printf(b, "    <attributes class=\"%s\" mode=\"static\">\n", cls);
    for (size_t c = 0; c < n; c++) {
        if (gexf_native(&cols[c], edge))
            continue;
        const char *type = cols[c].kind == EVG_COL_STR   ? "string"
                           : cols[c].kind == EVG_COL_INT ? "long"
                                                         : "double";
        evg_buf_printf(b,
                       "      <attribute id=\"%zu\" title=\"%s\" "
                       "type=\"%s\"/>\n",
                       c, cols[c].name, type);
    }
    evg_buf_puts(b, "    </attributes>\n");
}

static void gexf_values(evg_buf *b, const evg_col *cols, size_t n,
                        const evg_val *row, int edge)
{
    int any = 0;
    for (size_t c = 0; c < n; c++) {
        if (gexf_native(&cols[c], edge) || !row[c].set)
            continue;
        if (!any)
            evg_buf_puts(b, "        <attvalues>\n");
        any = 1;
        evg_buf_printf(b, "          <attvalue for=\"%zu\" value=\"", c);
        if (cols[c].kind == EVG_COL_STR)
            put_xml(b, row[c].s);
        else if (cols[c].kind == EVG_COL_INT)
            evg_buf_printf(b, "%lld", row[c].i);
        else
            put_num(b, row[c].d);
        evg_buf_puts(b, "\"/>\n");
    }
    if (any)
        evg_buf_puts(b, "        </attvalues>\n");
}

static void spell(evg_buf *b, const char *start, const char *end)
{
    if (start) {
        evg_buf_puts(b, " start=\"");
        put_xml(b, start);
        evg_buf_putc(b, '"');
    }
    if (end) {
        evg_buf_puts(b, " end=\"");
        put_xml(b, end);
        evg_buf_putc(b, '"');
    }
}

typedef struct span {
    const char *lo, *hi;
} span;

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    int c = strcmp(x->lo, y->lo);
    return c ? c : strcmp(x->hi, y->hi);
}

/* A dyad edge is present while its events happen: one spell per event
 * (overlapping ones joined), so Gephi's timeline shows each interaction
 * when it takes place. */
static int dyad_spells(evg_buf *b, const evg_graph *g, const evg_gdyad *d)
{
    span *v = malloc((d->events ? d->events : 1) * sizeof(*v));
    if (!v)
        return EVG_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < d->events; i++) {
        const evg_gevent *e = &g->events[d->event_list[i]];
        if (e->lo)
            v[n++] = (span){e->lo, e->hi ? e->hi : e->lo};
    }
    evg_sort(v, n, sizeof(*v), cmp_span);
    if (n)
        evg_buf_puts(b, "        <spells>\n");
    for (size_t i = 0; i < n;) {
        span cur = v[i++];
        while (i < n && strcmp(v[i].lo, cur.hi) <= 0) {
            if (strcmp(v[i].hi, cur.hi) > 0)
                cur.hi = v[i].hi;
            i++;
        }
        evg_buf_puts(b, "          <spell");
        spell(b, cur.lo, cur.hi);
        evg_buf_puts(b, "/>\n");
    }
    if (n)
        evg_buf_puts(b, "        </spells>\n");
    free(v);
    return 0;
}

int evg_graph__write_gexf(const evg_table *t, int v13, evg_buf *b)
{
    /* 1.2draft is what networkx, Gephi and graphology all read; the
     * elements evgraph writes are the same in 1.3 */
    const char *ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
    evg_buf_printf(b,
                 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<gexf xmlns=\"%s\" "
                 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                 "xsi:schemaLocation=\"%s %s/gexf.xsd\" version=\"%s\">\n",
                 ns, ns, ns, v13 ? "1.3" : "1.2");
    evg_buf_puts(b,
                 "  <meta>\n    <creator>evgraph</creator>\n"
                 "    <description>actors and events from news "
                 "articles</description>\n  </meta>\n"
                 "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" "
                 "timeformat=\"date\">\n");
    gexf_attrs(b, "node", t->ncols, t->n_ncols, 0);
    gexf_attrs(b, "edge", t->ecols, t->n_ecols, 1);
    evg_buf_puts(b, "    <nodes>\n");
    for (size_t i = 0; i < t->n_nodes; i++) {
        evg_buf_puts(b, "      <node id=\"");
        put_xml(b, t->node_id[i]);
        evg_buf_puts(b, "\" label=\"");
        put_xml(b, t->node_label[i]);
        evg_buf_putc(b, '"');
        spell(b, t->node_start[i], t->node_end[i]);
        evg_buf_puts(b, ">\n");
        gexf_values(b, t->ncols, t->n_ncols, &t->nvals[i * t->n_ncols], 0);
        evg_buf_puts(b, "      </node>\n");
    }
    evg_buf_puts(b, "    </nodes>\n    <edges>\n");
    for (size_t i = 0; i < t->n_edges; i++) {
        evg_buf_puts(b, "      <edge id=\"");
        put_xml(b, t->edge_id[i]);
        evg_buf_puts(b, "\" source=\"");
        put_xml(b, t->node_id[t->edge_from[i]]);
        evg_buf_puts(b, "\" target=\"");
        put_xml(b, t->node_id[t->edge_to[i]]);
        evg_buf_puts(b, "\" weight=\"");
        put_num(b, t->edge_weight[i]);
        evg_buf_putc(b, '"');
        if (!t->edge_dyad[i])
            spell(b, t->edge_start[i], t->edge_end[i]);
        evg_buf_puts(b, ">\n");
        if (t->edge_dyad[i] && dyad_spells(b, t->graph, t->edge_dyad[i]))
            return EVG_ENOMEM;
        gexf_values(b, t->ecols, t->n_ecols, &t->evals[i * t->n_ecols], 1);
        evg_buf_puts(b, "      </edge>\n");
    }
    evg_buf_puts(b, "    </edges>\n  </graph>\n</gexf>\n");
    return b->failed;
}

/* ---- JSON flavours ---- */

enum { STYLE_NODE_LINK, STYLE_CYTOSCAPE, STYLE_JGF };

static void json_fields(evg_buf *b, const evg_col *cols, size_t n,
                        const evg_val *row, int first)
{
    for (size_t c = 0; c < n; c++) {
        if (!row[c].set)
            continue;
        if (!first)
            evg_buf_putc(b, ',');
        first = 0;
        put_json_str(b, cols[c].name);
        evg_buf_putc(b, ':');
        put_val_json(b, &cols[c], &row[c]);
    }
}

int evg_graph__write_json(const evg_table *t, int style, evg_buf *b)
{
    const char *view = t->projection ? "actors" : "actors-events";
    if (style == STYLE_NODE_LINK)
        evg_buf_printf(b,
                       "{\"directed\":true,\"multigraph\":true,\"graph\":"
                       "{\"creator\":\"evgraph\",\"view\":\"%s\"},\"nodes\":[",
                       view);
    else if (style == STYLE_CYTOSCAPE)
        evg_buf_printf(b,
                       "{\"format_version\":\"1.0\",\"generated_by\":"
                       "\"evgraph\",\"data\":{\"view\":\"%s\"},"
                       "\"elements\":{\"nodes\":[",
                       view);
    else
        evg_buf_printf(b,
                       "{\"graph\":{\"id\":\"evgraph\",\"type\":"
                       "\"evgraph-%s\",\"label\":\"evgraph relationship "
                       "graph\",\"directed\":true,\"metadata\":{\"view\":"
                       "\"%s\"},\"nodes\":{",
                       view, view);
    for (size_t i = 0; i < t->n_nodes; i++) {
        const evg_val *row = &t->nvals[i * t->n_ncols];
        if (i)
            evg_buf_puts(b, ",\n");
        if (style == STYLE_JGF) {
            put_json_str(b, t->node_id[i]);
            evg_buf_puts(b, ":{\"label\":");
            put_json_str(b, t->node_label[i]);
            evg_buf_puts(b, ",\"metadata\":{");
            json_fields(b, t->ncols, t->n_ncols, row, 1);
            evg_buf_puts(b, "}}");
            continue;
        }
        evg_buf_puts(b, style == STYLE_CYTOSCAPE ? "{\"data\":{\"id\":"
                                                 : "{\"id\":");
        put_json_str(b, t->node_id[i]);
        json_fields(b, t->ncols, t->n_ncols, row, 0);
        evg_buf_puts(b, style == STYLE_CYTOSCAPE ? "}}" : "}");
    }
    evg_buf_puts(b, style == STYLE_NODE_LINK   ? "],\n\"links\":["
                    : style == STYLE_CYTOSCAPE ? "],\n\"edges\":["
                                               : "},\n\"edges\":[");
    for (size_t i = 0; i < t->n_edges; i++) {
        const evg_val *row = &t->evals[i * t->n_ecols];
        if (i)
            evg_buf_puts(b, ",\n");
        if (style == STYLE_CYTOSCAPE)
            evg_buf_puts(b, "{\"data\":{\"id\":");
        else if (style == STYLE_JGF)
            evg_buf_puts(b, "{\"id\":");
        else
            evg_buf_puts(b, "{\"key\":");
        put_json_str(b, t->edge_id[i]);
        evg_buf_puts(b, ",\"source\":");
        put_json_str(b, t->node_id[t->edge_from[i]]);
        evg_buf_puts(b, ",\"target\":");
        put_json_str(b, t->node_id[t->edge_to[i]]);
        if (style == STYLE_JGF) {
            evg_buf_puts(b, ",\"relation\":");
            put_json_str(b, t->edge_type[i]);
            evg_buf_puts(b, ",\"directed\":true,\"metadata\":{");
            json_fields(b, t->ecols, t->n_ecols, row, 1);
            evg_buf_puts(b, "}}");
            continue;
        }
        json_fields(b, t->ecols, t->n_ecols, row, 0);
        evg_buf_puts(b, style == STYLE_CYTOSCAPE ? "}}" : "}");
    }
    evg_buf_puts(b, style == STYLE_CYTOSCAPE ? "]}}\n" : "]}" );
    if (style == STYLE_JGF)
        evg_buf_puts(b, "}\n");
    else if (style == STYLE_NODE_LINK)
        evg_buf_puts(b, "\n");
    return b->failed;
}

/* ---- CSV (RFC 4180) ---- */

/* Quotes when needed; text that a spreadsheet would run as a formula gets
 * a leading apostrophe. */
static void csv_text(evg_buf *b, const char *s)
{
    if (!s)
        s = "";
    int guard = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
    int quote = guard || strpbrk(s, ",\"\r\n") != NULL ||
                (s[0] == ' ' || (*s && s[strlen(s) - 1] == ' '));
    if (!quote) {
        evg_buf_puts(b, s);
        return;
    }
    evg_buf_putc(b, '"');
    if (guard)
        evg_buf_putc(b, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            evg_buf_putc(b, '"');
        evg_buf_putc(b, *p);
    }
    evg_buf_putc(b, '"');
}

static void csv_names(evg_buf *b, const evg_graph *g, const size_t *ids,
                      size_t n, int codes)
{
    evg_buf tmp;
    evg_buf_init(&tmp, 0);
    evg_buf_puts(&tmp, "");
    for (size_t i = 0; i < n; i++) {
        const evg_gactor *a = &g->actors[ids[i]];
        if (i)
            evg_buf_puts(&tmp, "; ");
        evg_buf_puts(&tmp, codes ? (a->code ? a->code : "") : a->name);
    }
    if (tmp.failed)
        b->failed = tmp.failed;
    else
        csv_text(b, tmp.data);
    evg_buf_dispose(&tmp);
}

int evg_graph__write_csv_events(const evg_graph *g, evg_buf *b)
{
    evg_buf_puts(b, "event_id,date,date_end,time_value,source_names,"
                    "source_codes,target_names,target_codes,cameo,"
                    "cameo_label,quad_class,goldstein,modality,confidence,"
                    "mentions,reports,document,sentence,path,trigger,"
                    "evidence,timeml_class,args\r\n");
    for (size_t i = 0; i < g->n_events; i++) {
        const evg_gevent *v = &g->events[i];
        csv_text(b, v->id);
        evg_buf_putc(b, ',');
        csv_text(b, v->lo);
        evg_buf_putc(b, ',');
        csv_text(b, v->lo ? (v->hi ? v->hi : v->lo) : "");
        evg_buf_putc(b, ',');
        csv_text(b, v->time_value);
        evg_buf_putc(b, ',');
        csv_names(b, g, v->sources, v->n_sources, 0);
        evg_buf_putc(b, ',');
        csv_names(b, g, v->sources, v->n_sources, 1);
        evg_buf_putc(b, ',');
        csv_names(b, g, v->targets, v->n_targets, 0);
        evg_buf_putc(b, ',');
        csv_names(b, g, v->targets, v->n_targets, 1);
        evg_buf_putc(b, ',');
        csv_text(b, v->cameo);
        evg_buf_putc(b, ',');
        csv_text(b, v->label);
        /* no CAMEO code: quad class 0, no Goldstein score (empty) */
        evg_buf_printf(b, ",%d,", v->quad_class);
        if (v->cameo)
            put_num(b, v->goldstein);
        evg_buf_putc(b, ',');
        csv_text(b, v->modality);
        evg_buf_putc(b, ',');
        put_num(b, v->confidence);
        evg_buf_printf(b, ",%zu,%zu,", v->mentions, v->n_reports);
        csv_text(b, v->doc);
        evg_buf_putc(b, ',');
        csv_text(b, v->sentence);
        evg_buf_putc(b, ',');
        csv_text(b, v->doc_path);
        evg_buf_putc(b, ',');
        csv_text(b, v->trigger);
        evg_buf_putc(b, ',');
        csv_text(b, v->evidence);
        evg_buf_putc(b, ',');
        csv_text(b, v->tml_class);
        evg_buf_putc(b, ',');
        if (v->n_args) {
            evg_buf a;
            evg_buf_init(&a, 0);
            evg_graph__put_args(&a, v);
            if (a.failed)
                b->failed = a.failed;
            else
                csv_text(b, a.data);
            evg_buf_dispose(&a);
        }
        evg_buf_puts(b, "\r\n");
    }
    return b->failed;
}

int evg_graph__write_csv_dyads(const evg_graph *g, evg_buf *b)
{
    evg_buf_puts(b, "source_id,source_name,source_code,target_id,"
                    "target_name,target_code,events,verbal_cooperation,"
                    "material_cooperation,verbal_conflict,"
                    "material_conflict,goldstein,first,last\r\n");
    for (size_t i = 0; i < g->n_dyads; i++) {
        const evg_gdyad *d = &g->dyads[i];
        const evg_gactor *s = &g->actors[d->from], *t = &g->actors[d->to];
        const evg_gactor *ends[2] = {s, t};
        for (int k = 0; k < 2; k++) {
            csv_text(b, ends[k]->id);
            evg_buf_putc(b, ',');
            csv_text(b, ends[k]->name);
            evg_buf_putc(b, ',');
            csv_text(b, ends[k]->code);
            evg_buf_putc(b, ',');
        }
        evg_buf_printf(b, "%zu,%zu,%zu,%zu,%zu,", d->events, d->quad[1],
                       d->quad[2], d->quad[3], d->quad[4]);
        put_num(b, d->goldstein);
        evg_buf_putc(b, ',');
        csv_text(b, d->first);
        evg_buf_putc(b, ',');
        csv_text(b, d->last);
        evg_buf_puts(b, "\r\n");
    }
    return b->failed;
}

int evg_graph__write_csv_nodes(const evg_table *t, evg_buf *b)
{
    evg_buf_puts(b, "id");
    for (size_t c = 0; c < t->n_ncols; c++) {
        evg_buf_putc(b, ',');
        evg_buf_puts(b, t->ncols[c].name);
    }
    evg_buf_puts(b, "\r\n");
    for (size_t i = 0; i < t->n_nodes; i++) {
        csv_text(b, t->node_id[i]);
        for (size_t c = 0; c < t->n_ncols; c++) {
            const evg_val *v = &t->nvals[i * t->n_ncols + c];
            evg_buf_putc(b, ',');
            if (!v->set)
                continue;
            if (t->ncols[c].kind == EVG_COL_STR)
                csv_text(b, v->s);
            else if (t->ncols[c].kind == EVG_COL_INT)
                evg_buf_printf(b, "%lld", v->i);
            else
                put_num(b, v->d);
        }
        evg_buf_puts(b, "\r\n");
    }
    return b->failed;
}

/* ---- TimelineJS ---- */

static const char *quad_name(const evg_gevent *v)
{
    static const char *names[] = {"unclassified", "verbal cooperation",
                                  "material cooperation", "verbal conflict",
                                  "material conflict"};
    int q = v->quad_class;
    if (!v->cameo)
        return "other event (no CAMEO code)";
    return q >= 1 && q <= 4 ? names[q] : names[0];
}

static int month_days(long y, long m)
{
    int n = evg_date_days_in_month((int)y, (int)m);
    return n ? n : 31;
}

static void ymd(const char *s, long *y, long *m, long *d)
{
    *y = strtol(s, NULL, 10);
    *m = strlen(s) >= 7 ? strtol(s + 5, NULL, 10) : 1;
    *d = strlen(s) >= 10 ? strtol(s + 8, NULL, 10) : 1;
}

/* Writes start_date (and end_date) at the precision the span shows: a whole
 * year, a whole month, or days. */
static void tl_dates(evg_buf *b, const char *lo, const char *hi)
{
    long y1, m1, d1, y2, m2, d2;
    ymd(lo, &y1, &m1, &d1);
    ymd(hi, &y2, &m2, &d2);
    if (y1 == y2 && m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31) {
        evg_buf_printf(b, "\"start_date\":{\"year\":%ld}", y1);
        return;
    }
    if (y1 == y2 && m1 == m2 && d1 == 1 && d2 == month_days(y2, m2)) {
        evg_buf_printf(b, "\"start_date\":{\"year\":%ld,\"month\":%ld}", y1,
                       m1);
        return;
    }
    evg_buf_printf(b, "\"start_date\":{\"year\":%ld,\"month\":%ld,\"day\":%ld}",
                   y1, m1, d1);
    if (strcmp(lo, hi) != 0)
        evg_buf_printf(b,
                       ",\"end_date\":{\"year\":%ld,\"month\":%ld,\"day\":%ld}",
                       y2, m2, d2);
}

/* A date a reader takes in at a glance: "Thu 23 May 2019", "week of 13 May
 * 2019", "May 2019", "2019", "13\xe2\x80\x9319 May 2019" or "30 Apr \xe2\x80\x93 2 Jun 2019". */
static void readable_date(evg_buf *b, const char *lo, const char *hi)
{
    static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr",
                                        "May", "Jun", "Jul", "Aug",
                                        "Sep", "Oct", "Nov", "Dec"};
    static const char *const wd[7] = {"Mon", "Tue", "Wed", "Thu",
                                      "Fri", "Sat", "Sun"};
    int y1, m1, d1, y2, m2, d2;
    if (!evg_date_parse(lo, &y1, &m1, &d1))
        return;
    if (!hi || !evg_date_parse(hi, &y2, &m2, &d2)) {
        y2 = y1;
        m2 = m1;
        d2 = d1;
    }
    long a = evg_date_days(y1, m1, d1), z = evg_date_days(y2, m2, d2);
    long w = ((a + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
    if (z <= a)
        evg_buf_printf(b, "%s %d %s %d", wd[w], d1, mon[m1 - 1], y1);
    else if (z - a == 6 && w == 0)
        evg_buf_printf(b, "week of %d %s %d", d1, mon[m1 - 1], y1);
    else if (m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31)
        evg_buf_printf(b, y1 == y2 ? "%d" : "%d\xe2\x80\x93%d", y1, y2);
    else if (y1 == y2 && m1 == m2 && d1 == 1 &&
             d2 == evg_date_days_in_month(y2, m2))
        evg_buf_printf(b, "%s %d", mon[m1 - 1], y1);
    else if (y1 == y2 && m1 == m2)
        evg_buf_printf(b, "%d\xe2\x80\x93%d %s %d", d1, d2, mon[m1 - 1], y1);
    else if (y1 == y2)
        evg_buf_printf(b, "%d %s \xe2\x80\x93 %d %s %d", d1, mon[m1 - 1], d2,
                       mon[m2 - 1], y2);
    else
        evg_buf_printf(b, "%d %s %d \xe2\x80\x93 %d %s %d", d1, mon[m1 - 1], y1,
                       d2, mon[m2 - 1], y2);
}

/* The name a reader knows a document by: its title, else its file name
 * without the folders. */
static const char *doc_name(const evg_graph *g, const evg_gevent *v,
                            const char *doc)
{
    (void)g;
    if (v->doc_title && doc && v->doc && strcmp(doc, v->doc) == 0)
        return v->doc_title;
    const char *slash = doc ? strrchr(doc, '/') : NULL;
    return slash ? slash + 1 : doc ? doc : "";
}

/* Whether `hay` contains `needle`, ignoring ASCII case. */
static int contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; n && *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return 1;
    return 0;
}

/* JSON string whose content is HTML: text is HTML-escaped first. */
static void put_html_json(evg_buf *b, const char *html)
{
    put_json_str(b, html);
}

static void html_names(evg_buf *h, const evg_graph *g, const size_t *ids,
                       size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            evg_buf_puts(h, ", ");
        put_xml(h, g->actors[ids[i]].name);
    }
    if (!n)
        evg_buf_puts(h, "?");
}

typedef struct tl_item {
    const char *lo;
    size_t i;
} tl_item;

static int cmp_tl(const void *a, const void *b)
{
    const tl_item *x = a, *y = b;
    int c = strcmp(x->lo, y->lo);
    return c ? c : (x->i < y->i ? -1 : x->i > y->i);
}

int evg_graph__write_timelinejs(const evg_graph *g, evg_buf *b)
{
    tl_item *items = malloc((g->n_events ? g->n_events : 1) * sizeof(*items));
    if (!items)
        return EVG_ENOMEM;
    size_t n = 0;
    for (size_t i = 0; i < g->n_events; i++)
        if (g->events[i].lo)
            items[n++] = (tl_item){g->events[i].lo, i};
    evg_sort(items, n, sizeof(*items), cmp_tl);
    evg_buf h;
    evg_buf_init(&h, 0);
    evg_buf_printf(&h, "<p>%zu dated event%s from %zu document%s", n,
                   n == 1 ? "" : "s", g->summary.documents,
                   g->summary.documents == 1 ? "" : "s");
    if (g->summary.undated)
        evg_buf_printf(&h, " (%zu undated event%s not shown)",
                       g->summary.undated, g->summary.undated == 1 ? "" : "s");
    evg_buf_puts(&h, ".</p>");
    evg_buf_puts(b, "{\"title\":{\"text\":{\"headline\":\"Events\",\"text\":");
    put_html_json(b, h.data);
    evg_buf_puts(b, "}},\n\"events\":[");
    for (size_t k = 0; k < n; k++) {
        const evg_gevent *v = &g->events[items[k].i];
        if (k)
            evg_buf_puts(b, ",\n");
        evg_buf_puts(b, "{\"unique_id\":");
        put_json_str(b, v->id);
        evg_buf_putc(b, ',');
        tl_dates(b, v->lo, v->hi ? v->hi : v->lo);
        /* the date as a reader says it, not TimeML's "2019-W20" */
        h.len = 0;
        evg_buf_puts(&h, "");
        readable_date(&h, v->lo, v->hi);
        if (h.len) {
            evg_buf_puts(b, ",\"display_date\":");
            put_json_str(b, h.data);
        }
        /* "United States calls on South Korea", "Huawei denies
         * accusations": who, what, and whom when the summary does not
         * already name them; nobody unknown is shown as "?" */
        h.len = 0;
        evg_buf_puts(&h, "");
        /* a summary in the article's words ("Acme sold its plant to
         * Zeta") already names its sources */
        int src_named = v->n_sources > 0;
        for (size_t j = 0; j < v->n_sources && src_named; j++)
            src_named = contains_ci(v->summary, g->actors[v->sources[j]].name);
        if (v->n_sources && !src_named) {
            html_names(&h, g, v->sources, v->n_sources);
            evg_buf_putc(&h, ' ');
        }
        put_xml(&h, v->summary);
        int named = 0;
        for (size_t t = 0; t < v->n_targets; t++)
            named |= contains_ci(v->summary, g->actors[v->targets[t]].name);
        if (v->n_targets && !named) {
            evg_buf_puts(&h, " (\xe2\x86\x92 ");
            html_names(&h, g, v->targets, v->n_targets);
            evg_buf_puts(&h, ")");
        }
        evg_buf_puts(b, ",\"text\":{\"headline\":");
        put_html_json(b, h.data);
        h.len = 0;
        evg_buf_puts(&h, "");
        for (size_t r = 0; r < v->n_reports; r++) {
            evg_buf_puts(&h, "<blockquote>");
            put_xml(&h, v->report_evidence[r]);
            evg_buf_puts(&h, "</blockquote><p class=\"evg-source\">");
            put_xml(&h, doc_name(g, v, v->report_docs[r]));
            evg_buf_puts(&h, "</p>");
        }
        if (v->cameo) {
            evg_buf_puts(&h, "<p class=\"evg-code\">CAMEO ");
            put_xml(&h, v->cameo);
            evg_buf_puts(&h, " (");
            put_xml(&h, v->label);
            evg_buf_puts(&h, "), Goldstein ");
            char num[32];
            evg_graph__num(num, v->goldstein);
            evg_buf_puts(&h, num);
        } else {
            /* no code, no score: what it is, by its TimeML class */
            evg_buf_puts(&h, "<p class=\"evg-code\">no CAMEO code");
            if (v->tml_class) {
                evg_buf_puts(&h, " (");
                put_xml(&h, v->tml_class);
                evg_buf_putc(&h, ')');
            }
        }
        evg_buf_puts(&h, ", ");
        put_xml(&h, v->modality);
        evg_buf_printf(&h, ", %zu mention%s</p>", v->mentions,
                       v->mentions == 1 ? "" : "s");
        if (v->n_args) { /* who and what by role */
            evg_buf_puts(&h, "<p class=\"evg-args\">");
            for (size_t r = 0; r < v->n_args; r++) {
                if (r)
                    evg_buf_puts(&h, "; ");
                put_xml(&h, v->args[r].role);
                evg_buf_puts(&h, ": ");
                put_xml(&h, v->args[r].text);
            }
            evg_buf_puts(&h, "</p>");
        }
        evg_buf_puts(b, ",\"text\":");
        put_html_json(b, h.data);
        evg_buf_puts(b, "},\"group\":");
        put_json_str(b, quad_name(v));
        evg_buf_putc(b, '}');
    }
    evg_buf_puts(b, "]}\n");
    int rc = h.failed ? h.failed : b->failed;
    evg_buf_dispose(&h);
    free(items);
    return rc;
}

/* ---- formats and dispatch ---- */

static const struct {
    const char *name;
    evg_graph_format format;
} formats[] = {
    {"graphml", EVG_GRAPH_GRAPHML}, {"gml", EVG_GRAPH_GML},
    {"json", EVG_GRAPH_JSON},       {"gexf", EVG_GRAPH_GEXF},
    {"cytoscape", EVG_GRAPH_CYTOSCAPE}, {"jgf", EVG_GRAPH_JGF},
    {"csv", EVG_GRAPH_CSV},         {"csv-nodes", EVG_GRAPH_CSV_NODES},
    {"timelinejs", EVG_GRAPH_TIMELINEJS},
};

int evg_graph_format_parse(const char *name)
{
    for (size_t i = 0; name && i < sizeof(formats) / sizeof(formats[0]); i++)
        if (strcmp(name, formats[i].name) == 0)
            return (int)formats[i].format;
    return -1;
}

int evg_graph_write(const evg_graph *g, evg_graph_format format, FILE *out,
                    evg_error *err)
{
    if (!g || !out)
        return evg_error_set(err, EVG_EINVAL, "no graph or no output");
    int rc = 0;
    evg_table *t = NULL;
    evg_buf b;
    evg_buf_init(&b, 0);
    int needs_table = format != EVG_GRAPH_CSV &&
                      format != EVG_GRAPH_TIMELINEJS;
    if (needs_table && (rc = evg_graph__table(g, &t))) {
        rc = evg_error_set(err, rc, "out of memory");
        goto done;
    }
    switch (format) {
    case EVG_GRAPH_GRAPHML:
        rc = evg_graph__write_graphml(t, out, err);
        goto done;
    case EVG_GRAPH_GML: rc = evg_graph__write_gml(t, &b); break;
    case EVG_GRAPH_GEXF:
    case EVG_GRAPH_GEXF_1_3:
        rc = evg_graph__write_gexf(t, format == EVG_GRAPH_GEXF_1_3, &b);
        break;
    case EVG_GRAPH_JSON: rc = evg_graph__write_json(t, STYLE_NODE_LINK, &b); break;
    case EVG_GRAPH_CYTOSCAPE:
        rc = evg_graph__write_json(t, STYLE_CYTOSCAPE, &b);
        break;
    case EVG_GRAPH_JGF: rc = evg_graph__write_json(t, STYLE_JGF, &b); break;
    case EVG_GRAPH_CSV:
        rc = g->projection == EVG_PROJ_ACTORS
                 ? evg_graph__write_csv_dyads(g, &b)
                 : evg_graph__write_csv_events(g, &b);
        break;
    case EVG_GRAPH_CSV_NODES: rc = evg_graph__write_csv_nodes(t, &b); break;
    case EVG_GRAPH_TIMELINEJS: rc = evg_graph__write_timelinejs(g, &b); break;
    default:
        rc = evg_error_set(err, EVG_EINVAL, "unknown graph format %d",
                           (int)format);
        goto done;
    }
    if (rc) {
        rc = evg_error_set(err, rc, "writing the graph: %s", evg_strerror(rc));
        goto done;
    }
    if (b.len && fwrite(b.data, 1, b.len, out) != b.len)
        rc = evg_error_set(err, EVG_EIO, "writing the graph failed");
done:
    evg_buf_dispose(&b);
    evg_graph__table_free(t);
    return rc;
}
