/* The syntax stage of the extraction: every sentence of the document, in
 * UD tokens, tagged, lemmatized and parsed into the document's token layer
 * (extract/doc/doc_layer.h); and the public loading calls
 * (evgraph/extract.h). */
#include <stdlib.h>
#include <string.h>

#include "doc_layer.h"
#include "evgraph/extract.h"
#include "syn_internal.h"
#include "syn_stage.h"

int evg_syntax_load(const char *path, evg_syntax **out, evg_error *err)
{
    return evg_syn_model_load(path ? path : evg_syn_default_model(), out, err);
}

void evg_syntax_free(evg_syntax *syntax)
{
    evg_syn_model_free(syntax);
}

/* One sentence: its words, made from the document's tokens (the tokens
 * stage's), and their analysis appended to the document's token layer.
 * `p`, `t` and `s` are the room of every sentence of the document. */
static int parse_sentence(evg_doc *doc, const evg_syn_model *m, size_t k,
                          evg_tokens *p, evg_syn_tokens *t, evg_syn_sent *s)
{
    const evg_sentence sent = evg_doc__sentence(doc, k), *se = &sent;
    t->n = 0;
    s->n = 0;
    int rc = evg_extract__tokens_of(doc, k, p);
    if (!rc)
        rc = evg_syn_tokens_from(m, doc->text, se->end, p->v, p->n, t);
    if (!rc)
        rc = evg_syn_parse_tokens(m, doc->text, t, s);
    for (size_t i = 0; rc == 0 && i < s->n; i++)
        if (!(rc = evg_doc__layer_tag(doc, s->tag[i],
                                      evg_syn_upos(m, s->tag[i]),
                                      evg_syn_xpos(m, s->tag[i]))) &&
            !(rc = evg_doc__layer_rel(doc, s->rel[i],
                                      evg_syn_rel(m, s->rel[i]))))
            rc = evg_doc__layer_push(doc, k, t->v[i].start, t->v[i].end,
                                     s->lemma[i], s->tag[i], s->rel[i],
                                     (size_t)s->head[i]);
    return rc;
}

int evg_extract__syntax(evg_doc *doc, const evg_syn_model *m)
{
    if (!m)
        return 0;
    int rc = evg_doc__layer_begin(doc, evg_syn_ntags(m), evg_syn_nrels(m));
    evg_tokens p = {0};
    evg_syn_tokens t = {0};
    evg_syn_sent s = {0};
    size_t most = 0; /* words of the longest sentence */
    for (size_t k = 0; rc == 0 && k < doc->n_sentences; k++) {
        rc = parse_sentence(doc, m, k, &p, &t, &s);
        if (s.n > most)
            most = s.n;
    }
    evg_extract__tokens_dispose(&p);
    evg_syn_tokens_dispose(&t);
    evg_syn_sent_dispose(&s);
    /* the room of a sentence longer than a window (its tokens, words,
     * lemmas and forms: about 100 bytes a word) stays resident once freed
     * unless given back */
    if (most > EVG_DOC_WINDOW)
        evg_doc__give_back();
    return rc;
}
