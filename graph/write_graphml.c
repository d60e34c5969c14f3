/* GraphML, written straight from the export table in the layout igraph's
 * GraphML writer gives a graph with the same C attributes (what this
 * export always was): node ids n0, n1 ..., a <key> per attribute in column
 * order, a number written with 15 significant digits and left out when it
 * is not set, a string escaped for XML. The test suite holds it byte for
 * byte against igraph_write_graph_graphml on the fixtures. It streams
 * through a buffer of its own instead of building igraph's attribute
 * copies and calling fprintf per value, which is what made a
 * 1,000,000-event export slow. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

enum { CHUNK = 1 << 16 };

typedef struct gw {
    FILE *out;
    char buf[CHUNK];
    size_t len;
    int failed;
} gw;

static void flush(gw *w)
{
    if (w->len && !w->failed && fwrite(w->buf, 1, w->len, w->out) != w->len)
        w->failed = 1;
    w->len = 0;
}

static void put(gw *w, const char *s, size_t n)
{
    if (n > CHUNK - w->len) {
        flush(w);
        if (n > CHUNK) {
            if (!w->failed && fwrite(s, 1, n, w->out) != n)
                w->failed = 1;
            return;
        }
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

#define PUTS(w, lit) put((w), (lit), sizeof(lit) - 1)

static void put_str(gw *w, const char *s)
{
    put(w, s, strlen(s));
}

static void put_size(gw *w, size_t v)
{
    char tmp[24];
    size_t i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(w, tmp + i, sizeof(tmp) - i);
}

/* igraph's %.15g; whole numbers (the counts) without printf. */
static void put_num(gw *w, double v)
{
    char tmp[40];
    if (isfinite(v) && fabs(v) < 1e15 && v == (double)(long long)v &&
        !(v == 0 && signbit(v))) {
        long long k = (long long)v;
        if (k < 0) {
            PUTS(w, "-");
            k = -k;
        }
        put_size(w, (size_t)k);
        return;
    }
    int n;
    if (isnan(v))
        n = snprintf(tmp, sizeof(tmp), "NaN");
    else if (isinf(v))
        n = snprintf(tmp, sizeof(tmp), v < 0 ? "-Inf" : "Inf");
    else
        n = snprintf(tmp, sizeof(tmp), "%.15g", v);
    put(w, tmp, (size_t)n);
}

/* XML escaping as igraph does it: the five entities; other control
 * characters than tab, newline and carriage return are refused (the
 * table's strings never hold them). */
static int put_xml(gw *w, const char *s)
{
    const char *run = s;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        const char *ent = NULL;
        size_t n = 0;
        switch (c) {
        case '&': ent = "&amp;"; n = 5; break;
        case '<': ent = "&lt;"; n = 4; break;
        case '>': ent = "&gt;"; n = 4; break;
        case '"': ent = "&quot;"; n = 6; break;
        case '\'': ent = "&apos;"; n = 6; break;
        default:
            if (c == 0) {
                put(w, run, (size_t)(s - run));
                return 0;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return EVG_EINVAL;
            continue;
        }
        put(w, run, (size_t)(s - run));
        put(w, ent, n);
        run = s + 1;
    }
}

static int put_keys(gw *w, const char *what, const evg_col *cols, size_t n)
{
    int rc = 0;
    for (size_t c = 0; c <= n && !rc; c++) {
        /* the table's ids go first, as the string attribute "key" */
        const char *name = c ? cols[c - 1].name : "key";
        int str = !c || cols[c - 1].kind == EVG_COL_STR;
        PUTS(w, "  <key id=\"");
        rc = put_xml(w, name);
        PUTS(w, "\" for=\"");
        put_str(w, what);
        PUTS(w, "\" attr.name=\"");
        rc = rc ? rc : put_xml(w, name);
        if (str)
            PUTS(w, "\" attr.type=\"string\"/>\n");
        else
            PUTS(w, "\" attr.type=\"double\"/>\n");
    }
    return rc;
}

/* One node's or edge's <data> lines. */
static int put_data(gw *w, const char *id, const evg_col *cols, size_t n,
                    const evg_val *vals)
{
    PUTS(w, "      <data key=\"key\">");
    int rc = put_xml(w, id ? id : "");
    PUTS(w, "</data>\n");
    for (size_t c = 0; c < n && !rc; c++) {
        const evg_val *v = &vals[c];
        if (cols[c].kind == EVG_COL_STR) {
            PUTS(w, "      <data key=\"");
            rc = put_xml(w, cols[c].name);
            PUTS(w, "\">");
            if (!rc && v->set && v->s)
                rc = put_xml(w, v->s);
            PUTS(w, "</data>\n");
        } else if (v->set && !isnan(v->d)) {
            PUTS(w, "      <data key=\"");
            rc = put_xml(w, cols[c].name);
            PUTS(w, "\">");
            put_num(w, v->d);
            PUTS(w, "</data>\n");
        }
    }
    return rc;
}

int evg_graph__write_graphml(const evg_table *t, FILE *out, evg_error *err)
{
    gw buf, *g = &buf;
    g->out = out;
    g->len = 0;
    g->failed = 0;
    PUTS(g, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
            "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns\n"
            "         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
            "<!-- Created by igraph -->\n"
            "  <key id=\"creator\" for=\"graph\" attr.name=\"creator\" "
            "attr.type=\"string\"/>\n");
    int rc = put_keys(g, "node", t->ncols, t->n_ncols);
    if (!rc)
        rc = put_keys(g, "edge", t->ecols, t->n_ecols);
    PUTS(g, "  <graph id=\"G\" edgedefault=\"directed\">\n"
            "    <data key=\"creator\">evgraph</data>\n");
    for (size_t i = 0; i < t->n_nodes && !rc && !g->failed; i++) {
        PUTS(g, "    <node id=\"n");
        put_size(g, i);
        PUTS(g, "\">\n");
        rc = put_data(g, t->node_id[i], t->ncols, t->n_ncols,
                      t->nvals + i * t->n_ncols);
        PUTS(g, "    </node>\n");
    }
    for (size_t i = 0; i < t->n_edges && !rc && !g->failed; i++) {
        PUTS(g, "    <edge source=\"n");
        put_size(g, t->edge_from[i]);
        PUTS(g, "\" target=\"n");
        put_size(g, t->edge_to[i]);
        PUTS(g, "\">\n");
        rc = put_data(g, t->edge_id[i], t->ecols, t->n_ecols,
                      t->evals + i * t->n_ecols);
        PUTS(g, "    </edge>\n");
    }
    PUTS(g, "  </graph>\n</graphml>\n");
    if (rc)
        return evg_error_set(err, EVG_EINVAL, "GraphML: a control character "
                             "in a value (XML 1.0 cannot hold it)");
    flush(g);
    if (g->failed || ferror(out))
        return evg_error_set(err, EVG_EIO, "writing the graph failed");
    return 0;
}
