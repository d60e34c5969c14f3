/* Fuzz target: any bytes as an events document for `graph` and `render`.
 * Parsing must fail cleanly or give a document the graph builder accepts. */
#include <stdint.h>
#include <stdlib.h>

#include "evgraph/evgraph.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    evg_doc *doc;
    evg_error err;
    evg_error_clear(&err);
    if (evg_doc_from_json((const char *)data, size, &doc, &err))
        return 0;
    evg_graph_opts opts;
    evg_graph_opts_init(&opts);
    evg_graph *g;
    const evg_doc *docs[1] = {doc};
    if (evg_graph_build(docs, 1, &opts, &g, &err) == 0)
        evg_graph_free(g);
    evg_doc_free(doc);
    return 0;
}
