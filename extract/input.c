/* Article readers: plain text files and stdin for now. */
#include <stdlib.h>
#include <string.h>

#include "evgraph/input.h"
#include "evgraph/io.h"
#include "internal.h"

struct evg_input {
    char *path;
    size_t max;
    int done;
    char *text;
    size_t len;
};

int evg_input_open(const char *path, size_t max_bytes, evg_input **out,
                   evg_error *err)
{
    *out = NULL;
    evg_input *in = calloc(1, sizeof(*in));
    if (!in || !(in->path = strdup(path ? path : "-"))) {
        free(in);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    in->max = max_bytes;
    *out = in;
    return 0;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int evg_input_next(evg_input *in, evg_article *art, evg_error *err)
{
    memset(art, 0, sizeof(*art));
    if (in->done)
        return 0;
    in->done = 1;
    free(in->text);
    in->text = NULL;
    int rc = evg_read_file(in->path, in->max, &in->text, &in->len, err);
    if (rc)
        return rc;
    art->path = in->path;
    art->id = strcmp(in->path, "-") == 0 ? "stdin" : base_name(in->path);
    art->text = in->text;
    art->len = in->len;
    return 1;
}

void evg_input_free(evg_input *in)
{
    if (!in)
        return;
    free(in->text);
    free(in->path);
    free(in);
}
