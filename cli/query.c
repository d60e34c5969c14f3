/* `evgraph query`: reads the slice of the event store that matches the
 * filters (only those rows) and renders or exports it through the same
 * graph and picture writers as `evgraph graph` and `evgraph render`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

int cmd_query(int argc, char **argv, settings *st)
{
    if (!st->db) {
        msg("query: no store given (--db FILE.db; see 'evgraph help query')");
        return EXIT_USAGE;
    }
    if (argc > 0) {
        msg("query: unexpected argument '%s' (the input is the store given "
            "by --db)", argv[0]);
        return EXIT_USAGE;
    }
    const char *fmt = st->format ? st->format : "svg";
    int rfmt = evg_render_format_parse(fmt);
    int gfmt = rfmt < 0 ? evg_graph_format_parse(fmt) : -1;
    if (rfmt < 0 && gfmt < 0) {
        msg("query: unknown format '%s' (svg, dot, png, pdf, html, %s)", fmt,
            EVG_GRAPH_FORMAT_NAMES);
        return EXIT_USAGE;
    }
    if (st->gexf13 && gfmt != EVG_GRAPH_GEXF) {
        msg("query: --gexf-version applies to -f gexf only");
        return EXIT_USAGE;
    }
    if (st->gexf13)
        gfmt = EVG_GRAPH_GEXF_1_3;
    evg_error err;
    evg_error_clear(&err);
    evg_store *store;
    int rc = evg_store_open(st->db, EVG_STORE_READONLY, &store, &err);
    if (rc)
        return fail(&err, rc);
    evg_store_query q = {st->gr.entity, st->gr.from, st->gr.to, st->gr.roots,
                         st->gr.quad_class};
    evg_doc **docs = NULL;
    size_t n = 0;
    evg_graph *g = NULL;
    int status = EXIT_OK;
    rc = evg_store_select(store, &q, &docs, &n, &err);
    evg_store_close(store);
    if (rc) {
        status = fail(&err, rc);
        goto done;
    }
    if (n == 0 && !quiet)
        msg("query: no events match");
    evg_error_clear(&err);
    rc = evg_graph_build((const evg_doc *const *)docs, n, &st->gr, &g, &err);
    evg_store_docs_free(docs, n);
    if (rc) {
        status = fail(&err, rc);
        goto done;
    }
    const char *out = st->output ? st->output : "-";
    if (rfmt >= 0) {
        st->rd.format = (evg_render_format)rfmt;
        status = cli_write_render(g, &st->rd, out);
    } else {
        status = cli_write_graph(g, (evg_graph_format)gfmt, out);
    }
done:
    evg_graph_free(g);
    return status;
}
