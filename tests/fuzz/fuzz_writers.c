/* Fuzz target: any bytes as an events document, through every graph export
 * (both projections) and every render format and view. A document that
 * reads must go through every writer without a crash, and the JSON exports
 * must parse back (escaping). PNG and PDF (cairo, and the PDF page joiner)
 * are drawn for the timeline of smaller documents, as they are slow. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "evgraph/evgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void export_all(const evg_graph *g)
{
    for (int f = EVG_GRAPH_GRAPHML; f <= EVG_GRAPH_TIMELINEJS; f++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (!out)
            abort();
        evg_error err;
        evg_error_clear(&err);
        int rc = evg_graph_write(g, (evg_graph_format)f, out, &err);
        if (fclose(out) != 0)
            abort();
        int json = f == EVG_GRAPH_JSON || f == EVG_GRAPH_CYTOSCAPE ||
                   f == EVG_GRAPH_JGF || f == EVG_GRAPH_TIMELINEJS;
        if (!rc && json) {
            cJSON *back = cJSON_ParseWithLength(buf, len);
            if (!back)
                abort(); /* an export that does not parse */
            cJSON_Delete(back);
        }
        free(buf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 16))
        return 0;
    evg_doc *doc;
    evg_error err;
    evg_error_clear(&err);
    if (evg_doc_from_json((const char *)data, size, &doc, &err))
        return 0;
    const evg_doc *docs[1] = {doc};
    for (int proj = 0; proj < 2; proj++) {
        evg_graph_opts gopts;
        evg_graph_opts_init(&gopts);
        gopts.projection = proj ? EVG_PROJ_ACTORS : EVG_PROJ_NONE;
        evg_graph *g;
        if (evg_graph_build(docs, 1, &gopts, &g, &err))
            continue;
        export_all(g);
        if (proj == 0 && evg_graph_event_count(g) <= 200) {
            static const evg_render_format fmt[] = {
                EVG_RENDER_DOT, EVG_RENDER_SVG, EVG_RENDER_HTML};
            for (int v = EVG_VIEW_TIMELINE; v <= EVG_VIEW_ACTORS; v++)
                for (size_t k = 0; k < sizeof(fmt) / sizeof(*fmt); k++) {
                    evg_render_opts ro;
                    evg_render_opts_init(&ro);
                    ro.view = (evg_render_view)v;
                    ro.format = fmt[k];
                    ro.show_uncertain = (int)k & 1;
                    char *out;
                    size_t len;
                    if (evg_render(g, &ro, &out, &len, &err) == 0)
                        free(out);
                }
        }
        if (proj == 0 && evg_graph_event_count(g) <= 40) {
            static const evg_render_format raster[] = {EVG_RENDER_PNG,
                                                       EVG_RENDER_PDF};
            for (size_t k = 0; k < sizeof(raster) / sizeof(*raster); k++) {
                evg_render_opts ro;
                evg_render_opts_init(&ro);
                ro.format = raster[k];
                ro.show_uncertain = 1;
                char *out;
                size_t len;
                if (evg_render(g, &ro, &out, &len, &err) == 0)
                    free(out);
            }
        }
        evg_graph_free(g);
    }
    evg_doc_free(doc);
    return 0;
}
