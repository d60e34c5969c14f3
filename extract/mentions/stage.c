/* The event-mention stage of the extraction: labels the token layer, one
 * linear pass over each sentence's words; and the public loading calls
 * (evgraph/extract.h). The events stage turns the labels into classes of
 * CAMEO events and into events without a CAMEO code. */
#include <stdlib.h>

#include "core.h"
#include "doc_layer.h"
#include "men_stage.h"
#include "mentions.h"

int evg_mentions_load(const char *path, evg_mentions **out, evg_error *err)
{
    return evg_men_model_load(path ? path : evg_men_default_model(), out,
                              err);
}

void evg_mentions_free(evg_mentions *mentions)
{
    evg_men_model_free(mentions);
}

/* A margin's confidence, for the token layer (it keeps the margins). */
static double confidence(const void *m, float margin)
{
    return evg_men_confidence(m, margin);
}

int evg_extract__mentions(evg_doc *doc, const evg_mentions *m)
{
    if (!m || !evg_doc__token_count(doc))
        return 0;
    /* one sentence at a time: the labels of the longest sentence in
     * memory, not of the whole document */
    uint8_t *cls = NULL;
    float *margin = NULL;
    size_t cap = 0, cap_m = 0;
    int rc = 0;
    for (size_t k = 0; !rc && k < doc->n_sentences; k++) {
        /* a sentence of more than EVG_DOC_WINDOW words in windows of
         * that many (doc_layer.h) */
        size_t n_win = evg_doc__windows(doc, k);
        for (size_t w = 0; !rc && w < n_win; w++) {
            evg_doc_window win = evg_doc__window(doc, k, w);
            size_t n;
            const evg_doc_token *t = evg_doc__sentence_tokens_range(
                doc, k, win.from, win.count, &n, &rc);
            if (rc || !n)
                continue;
            if (evg_reserve(&cls, &cap, n, 1, 256) ||
                evg_reserve(&margin, &cap_m, n, sizeof *margin, 256) ||
                (rc = evg_men_label(m, t, n, cls, margin))) {
                rc = rc ? rc : EVG_ENOMEM;
                break;
            }
            for (size_t i = 0; i < n; i++) {
                const char *c =
                    cls[i] ? evg_tml_class_lookup(m->names[cls[i]]) : NULL;
                evg_doc__token_set_event(doc, k, win.from + i, c,
                                         margin[i], confidence, m);
            }
        }
    }
    free(cls);
    free(margin);
    return rc;
}
