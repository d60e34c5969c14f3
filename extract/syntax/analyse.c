/* One sentence through the tagger, the lemmatizer and the parser. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "syn_file.h"
#include "syn_internal.h"

#define MODEL_NAME "/en-ud-syntax.evgm"

const char *syn_model_path(const char *env_name, const char *const *places,
                           size_t n)
{
    const char *env = getenv(env_name);
    if (env && *env)
        return env;
    for (size_t i = 0; i < n; i++)
        if (access(places[i], R_OK) == 0)
            return places[i];
    return places[0];
}

const char *evg_syn_default_model(void)
{
    static const char *const places[] = {
        EVG_MODEL_SOURCE_DIR MODEL_NAME,
        EVG_MODEL_INSTALL_DIR MODEL_NAME,
    };
    return syn_model_path("EVGRAPH_MODEL", places, 2);
}

int evg_syn_sent_init(evg_syn_sent *s, const char *const *form, size_t n)
{
    memset(s, 0, sizeof *s);
    s->n = n;
    s->form = form;
    size_t k = n ? n : 1;
    s->tag = calloc(k, sizeof *s->tag);
    s->head = calloc(k, sizeof *s->head);
    s->rel = calloc(k, sizeof *s->rel);
    s->lemma = calloc(k, sizeof *s->lemma);
    s->lemma_buf_size = k * 256;
    s->lemma_buf = malloc(s->lemma_buf_size);
    if (!s->tag || !s->head || !s->rel || !s->lemma || !s->lemma_buf) {
        evg_syn_sent_dispose(s);
        return EVG_ENOMEM;
    }
    return 0;
}

void evg_syn_sent_dispose(evg_syn_sent *s)
{
    free(s->tag);
    free(s->head);
    free(s->rel);
    free(s->lemma);
    free(s->lemma_buf);
    free(s->owned_forms);
    memset(s, 0, sizeof *s);
}

int evg_syn_parse_span(const evg_syn_model *m, const char *text,
                       size_t start, size_t end, evg_syn_tokens *t,
                       evg_syn_sent *s)
{
    memset(s, 0, sizeof *s);
    t->n = 0;
    if (evg_syn_tokenize(m, text, start, end, t) < 0)
        return EVG_ENOMEM;
    return evg_syn_parse_tokens(m, text, t, s);
}

int evg_syn_parse_tokens(const evg_syn_model *m, const char *text,
                         const evg_syn_tokens *t, evg_syn_sent *s)
{
    memset(s, 0, sizeof *s);
    size_t n = t->n;
    if (!n)
        return 0;
    /* one block: the pointers, then the forms */
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += t->v[i].end - t->v[i].start;
    const char **form = malloc(n * sizeof *form + bytes + n);
    if (!form)
        return EVG_ENOMEM;
    char *p = (char *)(form + n);
    for (size_t i = 0; i < n; i++) {
        size_t len = t->v[i].end - t->v[i].start;
        memcpy(p, text + t->v[i].start, len);
        p[len] = 0;
        form[i] = p;
        p += len + 1;
    }
    if (evg_syn_sent_init(s, form, n) < 0) {
        free(form);
        return EVG_ENOMEM;
    }
    s->owned_forms = form;
    int rc = evg_syn_analyse(m, s);
    if (rc < 0)
        evg_syn_sent_dispose(s);
    return rc;
}

/* Parses words [from, from + n) as one sentence into `s`. */
static int analyse_piece(const evg_syn_model *m, evg_syn_sent *s, size_t from,
                         size_t n, syn_word *w, syn_state *st)
{
    syn_words(&m->tagdict, &m->lexicon, s->form + from, n, w);
    if (syn_tag(m, w, n, s->tag + from) < 0)
        return EVG_ENOMEM;
    syn_state_reset(st, n);
    syn_parse(m, w, s->tag + from, st);
    for (size_t i = 0; i < n; i++) {
        int h = st->head[i + 1];
        s->head[from + i] = h > 0 ? h + (int)from : h == 0 ? 0 : 0;
        s->rel[from + i] = st->rel[i + 1];
    }
    return 0;
}

int evg_syn_analyse(const evg_syn_model *m, evg_syn_sent *s)
{
    size_t n = s->n, piece = n < EVG_SYN_MAX_WORDS ? n : EVG_SYN_MAX_WORDS;
    if (!n)
        return 0;
    syn_word *w = malloc(piece * sizeof *w);
    syn_state st;
    if (!w || syn_state_init(&st, piece) < 0) {
        free(w);
        return EVG_ENOMEM;
    }
    /* a very long "sentence" is parsed in pieces; each piece's root is
     * attached to the first piece's root */
    int first_root = 0;
    for (size_t from = 0; from < n; from += piece) {
        size_t k = n - from < piece ? n - from : piece;
        if (analyse_piece(m, s, from, k, w, &st) < 0) {
            syn_state_dispose(&st);
            free(w);
            return EVG_ENOMEM;
        }
        for (size_t i = from; i < from + k; i++) {
            if (s->head[i] != 0)
                continue;
            if (!first_root) {
                first_root = (int)i + 1;
            } else {
                s->head[i] = first_root;
                s->rel[i] = 0;
                for (size_t r = 0; r < m->nrels; r++)
                    if (!strcmp(m->rels[r], "parataxis"))
                        s->rel[i] = (uint16_t)r;
            }
        }
    }
    syn_state_dispose(&st);
    free(w);
    size_t per = s->lemma_buf_size / (n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        char *buf = s->lemma_buf + i * per;
        s->lemma[i] = syn_lemma(m, s->form[i], s->tag[i], buf, per);
    }
    return 0;
}
