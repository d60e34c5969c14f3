/* A small program built against the installed evgraph, as a user would:
 * extracts the events of a short article, builds the graph and prints a
 * line the install test checks. */
#include <stdio.h>
#include <string.h>

#include <evgraph/evgraph.h>

int main(void)
{
    static const char text[] =
        "WASHINGTON, May 23, 2019 (Reuters) - China criticized the United "
        "States on Thursday and urged Washington to stop what it called "
        "unfair treatment of Chinese companies.\n";
    if (strcmp(evg_version(), EVG_VERSION) != 0) {
        fprintf(stderr, "header %s, library %s\n", EVG_VERSION, evg_version());
        return 1;
    }
    evg_extract_opts xo;
    evg_extract_opts_init(&xo);
    evg_graph_opts go;
    evg_graph_opts_init(&go);
    if (xo.size != sizeof(xo) || go.size != sizeof(go)) {
        fprintf(stderr, "options size not set by _init\n");
        return 1;
    }
    evg_error err;
    evg_error_clear(&err);
    evg_doc *doc;
    if (evg_extract_text(text, sizeof(text) - 1, &xo, &doc, &err)) {
        fprintf(stderr, "extract: %s\n", err.message);
        return 1;
    }
    evg_graph *g;
    const evg_doc *docs[] = {doc};
    if (evg_graph_build(docs, 1, &go, &g, &err)) {
        fprintf(stderr, "graph: %s\n", err.message);
        evg_doc_free(doc);
        return 1;
    }
    /* an options struct never initialised is refused, not misread */
    evg_graph_opts zero;
    memset(&zero, 0, sizeof(zero));
    evg_graph *g2 = NULL;
    int refused = evg_graph_build(docs, 1, &zero, &g2, &err) == EVG_EINVAL;
    printf("evgraph %s (%d): %zu events, %zu actors, uninitialised options "
           "%s\n",
           evg_version(), evg_version_number(), evg_graph_event_count(g),
           evg_graph_actor_count(g), refused ? "refused" : "ACCEPTED");
    evg_graph_free(g2);
    evg_graph_free(g);
    evg_doc_free(doc);
    return refused ? 0 : 1;
}
