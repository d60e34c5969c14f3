/* GML, written by hand rather than through igraph's writer so that the
 * default readers of networkx and igraph open it as it is:
 *  - 7-bit ASCII: every other character is a numeric character reference
 *    (`&#233;`), `"` and `&` are `&quot;` and `&amp;` (GML's own rule;
 *    networkx refuses non-ASCII input);
 *  - `label` is the node's id ("a1", "v1"): unique, as networkx's
 *    read_gml() requires, and the same key every other export uses; the
 *    display text is `name`;
 *  - keys are written as named (`quad_class`, which igraph's writer would
 *    turn into `quadclass`);
 *  - a text of the other kind of node is left out (numbers are set on
 *    every node, and never NaN), reals always carry a decimal point, and
 *    `multigraph 1` lets two relations join the same two events. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static void gml_str(evg_buf *b, const char *s)
{
    evg_buf_putc(b, '"');
    size_t n = s ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == '"')
                evg_buf_puts(b, "&quot;");
            else if (c == '&')
                evg_buf_puts(b, "&amp;");
            else
                evg_buf_putc(b, (char)c);
            i++;
            continue;
        }
        int32_t cp = evg_utf8_next(s, n, &i);
        evg_buf_printf(b, "&#%ld;", (long)(cp < 0 ? 0xFFFD : cp));
    }
    evg_buf_putc(b, '"');
}

/* A real as both readers parse it: digits, a point, maybe an exponent. */
static void gml_real(evg_buf *b, double d)
{
    char n[40];
    if (d == 0)
        d = 0; /* no "-0" */
    snprintf(n, sizeof(n), "%.6g", d);
    char *e = strchr(n, 'e');
    if (!strchr(n, '.')) {
        char tail[40];
        snprintf(tail, sizeof(tail), "%s", e ? e : "");
        if (e)
            *e = '\0';
        evg_buf_printf(b, "%s.0%s", n, tail);
    } else
        evg_buf_puts(b, n);
}

static void gml_values(evg_buf *b, const evg_col *cols, size_t n,
                       const evg_val *row, int node)
{
    for (size_t c = 0; c < n; c++) {
        if (!row[c].set || (node && strcmp(cols[c].name, "label") == 0))
            continue;
        if (cols[c].kind == EVG_COL_NUM && !isfinite(row[c].d))
            continue;
        evg_buf_printf(b, "    %s ", cols[c].name);
        if (cols[c].kind == EVG_COL_STR)
            gml_str(b, row[c].s);
        else if (cols[c].kind == EVG_COL_INT)
            evg_buf_printf(b, "%lld", row[c].i);
        else
            gml_real(b, row[c].d);
        evg_buf_putc(b, '\n');
    }
}

int evg_graph__write_gml(const evg_table *t, evg_buf *b)
{
    evg_buf_puts(b, "Creator \"evgraph\"\ngraph [\n  directed 1\n"
                    "  multigraph 1\n");
    for (size_t i = 0; i < t->n_nodes; i++) {
        evg_buf_printf(b, "  node [\n    id %zu\n    label ", i);
        gml_str(b, t->node_id[i]);
        evg_buf_putc(b, '\n');
        gml_values(b, t->ncols, t->n_ncols, &t->nvals[i * t->n_ncols], 1);
        evg_buf_puts(b, "  ]\n");
    }
    for (size_t i = 0; i < t->n_edges; i++) {
        evg_buf_printf(b, "  edge [\n    source %zu\n    target %zu\n"
                          "    key ",
                       t->edge_from[i], t->edge_to[i]);
        gml_str(b, t->edge_id[i]);
        evg_buf_putc(b, '\n');
        gml_values(b, t->ecols, t->n_ecols, &t->evals[i * t->n_ecols], 0);
        evg_buf_puts(b, "  ]\n");
    }
    evg_buf_puts(b, "]\n");
    return b->failed;
}
