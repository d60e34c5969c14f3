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
                          evg_syn_tokens *t, char **forms, size_t *cap)
{
    const evg_sentence *se = &doc->sentences[k];
    t->n = 0;
    if (evg_syn_tokenize(m, doc->text, se->start, se->end, t) < 0)
        return EVG_ENOMEM;
    size_t n = t->n, need = se->end - se->start + n + n * 272;
    if (!n)
        return 0;
    if (need > *cap) {
        char *p = realloc(*forms, need);
        if (!p)
            return EVG_ENOMEM;
        *forms = p;
        *cap = need;
    }
    /* forms, then the arrays of the analysis, in one scratch block */
    char *p = *forms;
    const char **form = malloc(n * sizeof *form);
    uint16_t *tag = malloc(n * sizeof *tag), *rel = malloc(n * sizeof *rel);
    int *head = malloc(n * sizeof *head);
    const char **lemma = malloc(n * sizeof *lemma);
    int rc = EVG_ENOMEM;
    if (form && tag && rel && head && lemma) {
        for (size_t i = 0; i < n; i++) {
            size_t len = t->v[i].end - t->v[i].start;
            memcpy(p, doc->text + t->v[i].start, len);
            p[len] = 0;
            form[i] = p;
            p += len + 1;
        }
        evg_syn_sent s = {n, form, tag, head, rel, lemma, p, n * 256};
        rc = evg_syn_analyse(m, &s);
        for (size_t i = 0; rc == 0 && i < n; i++) {
            evg_doc_token *d = EVG_DOC_PUSH(doc, doc->tokens, doc->n_tokens,
                                            doc->cap_tokens);
            if (!d) {
                rc = EVG_ENOMEM;
                break;
            }
            d->sentence = k;
            d->start = t->v[i].start;
            d->end = t->v[i].end;
            d->form = evg_doc_strdup(doc, form[i]);
            d->lemma = evg_doc_strdup(doc, lemma[i]);
            /* tag and relation names live in the model: copied, as the
             * document outlives it */
            d->upos = evg_doc_strdup(doc, evg_syn_upos(m, tag[i]));
            d->xpos = evg_doc_strdup(doc, evg_syn_xpos(m, tag[i]));
            d->deprel = evg_doc_strdup(doc, evg_syn_rel(m, rel[i]));
            d->head = (size_t)head[i];
            if (!d->form || !d->lemma || !d->upos || !d->xpos || !d->deprel)
                rc = EVG_ENOMEM;
        }
    }
    free(form);
    free(tag);
    free(rel);
    free(head);
    free(lemma);
    return rc;
}

int evg_extract__syntax(evg_doc *doc, const evg_syn_model *m)
{
    if (!m)
        return 0;
    evg_syn_tokens t = {0};
    char *forms = NULL;
    size_t cap = 0;
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < doc->n_sentences; k++)
        rc = parse_sentence(doc, m, k, &t, &forms, &cap);
    free(forms);
    evg_syn_tokens_dispose(&t);
    return rc;
}
