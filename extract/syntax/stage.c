/* The syntax stage of the extraction: every sentence of the document, in
 * UD tokens, tagged, lemmatized and parsed into doc->tokens; and the public
 * loading calls (evgraph/extract.h). */
#include <stdlib.h>
#include <string.h>

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

/* One sentence: its tokens and their analysis appended to doc->tokens. */
static int parse_sentence(evg_doc *doc, const evg_syn_model *m, size_t k,
                          evg_syn_tokens *t)
{
    const evg_sentence *se = &doc->sentences[k];
    evg_syn_sent s;
    int rc = evg_syn_parse_span(m, doc->text, se->start, se->end, t, &s);
    for (size_t i = 0; rc == 0 && i < s.n; i++) {
        evg_doc_token *d = EVG_DOC_PUSH(doc, doc->tokens, doc->n_tokens,
                                        doc->cap_tokens);
        if (!d) {
            rc = EVG_ENOMEM;
            break;
        }
        d->sentence = k;
        d->start = t->v[i].start;
        d->end = t->v[i].end;
        d->form = evg_doc_strdup(doc, s.form[i]);
        d->lemma = evg_doc_strdup(doc, s.lemma[i]);
        /* tag and relation names live in the model: copied, as the
         * document outlives it */
        d->upos = evg_doc_strdup(doc, evg_syn_upos(m, s.tag[i]));
        d->xpos = evg_doc_strdup(doc, evg_syn_xpos(m, s.tag[i]));
        d->deprel = evg_doc_strdup(doc, evg_syn_rel(m, s.rel[i]));
        d->head = (size_t)s.head[i];
        if (!d->form || !d->lemma || !d->upos || !d->xpos || !d->deprel)
            rc = EVG_ENOMEM;
    }
    evg_syn_sent_dispose(&s);
    return rc;
}

int evg_extract__syntax(evg_doc *doc, const evg_syn_model *m)
{
    if (!m)
        return 0;
    evg_syn_tokens t = {0};
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < doc->n_sentences; k++)
        rc = parse_sentence(doc, m, k, &t);
    evg_syn_tokens_dispose(&t);
    return rc;
}
