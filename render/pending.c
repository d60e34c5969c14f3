/* TEMPORARY: renderer placeholder until the Graphviz timeline lands. */
#include <string.h>

#include "core.h"
#include "evgraph/render.h"

void evg_render_opts_init(evg_render_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->format = EVG_RENDER_SVG;
}

int evg_render_format_parse(const char *name)
{
    if (strcmp(name, "dot") == 0)
        return EVG_RENDER_DOT;
    if (strcmp(name, "svg") == 0)
        return EVG_RENDER_SVG;
    return -1;
}

int evg_render_timeline(const evg_graph *g, const evg_render_opts *opts,
                        char **out, size_t *len, evg_error *err)
{
    (void)g, (void)opts;
    *out = NULL;
    *len = 0;
    return evg_error_set(err, EVG_EDEP, "renderer not built yet");
}
