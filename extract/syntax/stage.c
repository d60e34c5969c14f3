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

/* The document's copies of the model's tag and relation names, one per
 * name (the document outlives the model): made on first use. */
typedef struct names {
    const char **upos, **xpos, **rel;
} names;

static const char *name_of(evg_doc *doc, const char **slot, const char *s)
{
    if (!*slot)
        *slot = evg_doc_strdup(doc, s);
    return *slot;
}

/* One sentence: its tokens and their analysis appended to doc->tokens. */
static int parse_sentence(evg_doc *doc, const evg_syn_model *m, size_t k,
                          evg_syn_tokens *t, names *nm)
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
        /* most lemmas are the form itself: one copy */
        d->lemma = d->form && strcmp(s.lemma[i], s.form[i]) == 0
                       ? d->form
                       : evg_doc_strdup(doc, s.lemma[i]);
        d->upos = name_of(doc, &nm->upos[s.tag[i]], evg_syn_upos(m, s.tag[i]));
        d->xpos = name_of(doc, &nm->xpos[s.tag[i]], evg_syn_xpos(m, s.tag[i]));
        d->deprel = name_of(doc, &nm->rel[s.rel[i]], evg_syn_rel(m, s.rel[i]));
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
    size_t nt = evg_syn_ntags(m), nr = evg_syn_nrels(m);
    names nm = {calloc(nt ? nt : 1, sizeof(char *)),
                calloc(nt ? nt : 1, sizeof(char *)),
                calloc(nr ? nr : 1, sizeof(char *))};
    evg_syn_tokens t = {0};
    int rc = nm.upos && nm.xpos && nm.rel ? 0 : EVG_ENOMEM;
    for (size_t k = 0; rc == 0 && k < doc->n_sentences; k++)
        rc = parse_sentence(doc, m, k, &t, &nm);
    evg_syn_tokens_dispose(&t);
    free(nm.upos);
    free(nm.xpos);
    free(nm.rel);
    return rc;
}
