/* The event-mention stage of the extraction: labels the token layer, one
 * linear pass over each sentence's words; and the public loading calls
 * (evgraph/extract.h). The events stage turns the labels into classes of
 * CAMEO events and into events without a CAMEO code. */
#include <stdlib.h>

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

int evg_extract__mentions(evg_doc *doc, const evg_mentions *m)
{
    if (!m || !doc->n_tokens)
        return 0;
    size_t n = doc->n_tokens;
    uint8_t *cls = malloc(n);
    float *margin = malloc(n * sizeof *margin);
    int rc = cls && margin ? evg_men_label_doc(m, doc, cls, margin)
                           : EVG_ENOMEM;
    for (size_t i = 0; !rc && i < n; i++) {
        evg_doc_token *t = &doc->tokens[i];
        t->tml_class = cls[i] ? evg_tml_class_lookup(m->names[cls[i]]) : NULL;
        t->event_confidence =
            t->tml_class ? evg_men_confidence(m, margin[i]) : 0.0;
    }
    free(cls);
    free(margin);
    return rc;
}
