/* TEMPORARY: placeholders for stages under construction, so the skeleton
 * links. Each stage's owner deletes its part of this file when the real
 * stage lands; the file goes away once empty. */
#include <stdlib.h>

#include "internal.h"

struct evg_gazetteer {
    int unused;
};

int evg_extract__gazetteer_new(evg_gazetteer **out, evg_error *err)
{
    (void)err;
    *out = calloc(1, sizeof(**out));
    return *out ? 0 : EVG_ENOMEM;
}
int evg_extract__gazetteer_add(evg_gazetteer *g, const char *data,
                               size_t len, const char *name, evg_error *err)
{
    (void)g, (void)data, (void)len, (void)name, (void)err;
    return 0;
}
void evg_extract__gazetteer_free(evg_gazetteer *g)
{
    free(g);
}
int evg_extract__entities(evg_doc *doc, const evg_lexicon *lex,
                          evg_error *err)
{
    (void)doc, (void)lex, (void)err;
    return 0;
}
