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

/* The room kept in evg_syn_sent.work from one sentence to the next: the
 * per-word arrays (24 bytes a word), the forms' bytes, the made lemmas
 * packed, and the tagger's words and the parser's state for a piece of
 * up to EVG_SYN_MAX_WORDS words. */
typedef struct syn_work {
    size_t cap;       /* words the per-word arrays hold */
    uint16_t *tag, *rel;
    int *head;
    const char **lemma, **form;
    char *bytes;      /* the forms of evg_syn_parse_tokens, NUL-ended */
    size_t bytes_cap;
    char *lemmas;     /* the made lemmas, NUL-ended, one after another */
    size_t lemmas_cap;
    size_t piece;     /* words `w` and `st` hold */
    syn_word *w;
    syn_state st;
} syn_work;

static void work_free_piece(syn_work *k)
{
    free(k->w);
    if (k->piece)
        syn_state_dispose(&k->st);
    k->w = NULL;
    k->piece = 0;
}

static void work_free(syn_work *k)
{
    if (!k)
        return;
    free(k->tag);
    free(k->rel);
    free(k->head);
    free(k->lemma);
    free(k->form);
    free(k->bytes);
    free(k->lemmas);
    work_free_piece(k);
    free(k);
}

static int grow(void *p, size_t n, size_t size)
{
    void *q = realloc(*(void **)p, n * size);
    if (!q)
        return EVG_ENOMEM;
    *(void **)p = q;
    return 0;
}

/* Room for `n` words in the per-word arrays; their content is not kept. */
static int work_words(syn_work *k, size_t n)
{
    if (n <= k->cap)
        return 0;
    size_t c = n < 32 ? 32 : n;
    if (grow(&k->tag, c, sizeof *k->tag) < 0 ||
        grow(&k->rel, c, sizeof *k->rel) < 0 ||
        grow(&k->head, c, sizeof *k->head) < 0 ||
        grow(&k->lemma, c, sizeof *k->lemma) < 0 ||
        grow(&k->form, c, sizeof *k->form) < 0)
        return EVG_ENOMEM;
    k->cap = c;
    return 0;
}

/* The tagger's words and the parser's state for pieces of `piece` words. */
static int work_piece(syn_work *k, size_t piece)
{
    if (piece <= k->piece)
        return 0;
    work_free_piece(k);
    if (!(k->w = malloc(piece * sizeof *k->w)))
        return EVG_ENOMEM;
    if (syn_state_init(&k->st, piece) < 0) {
        free(k->w);
        k->w = NULL;
        return EVG_ENOMEM;
    }
    k->piece = piece;
    return 0;
}

/* `s`'s work, made if it has none. */
static syn_work *work_of(evg_syn_sent *s)
{
    if (!s->work)
        s->work = calloc(1, sizeof(syn_work));
    return s->work;
}

/* Points the arrays of `s` at its work's room for `n` words. */
static int sent_room(evg_syn_sent *s, size_t n)
{
    syn_work *k = work_of(s);
    if (!k || work_words(k, n ? n : 1) < 0)
        return EVG_ENOMEM;
    s->n = n;
    s->tag = k->tag;
    s->head = k->head;
    s->rel = k->rel;
    s->lemma = k->lemma;
    s->lemma_buf = NULL;
    s->lemma_buf_size = 0;
    memset(k->tag, 0, n * sizeof *k->tag);
    memset(k->head, 0, n * sizeof *k->head);
    memset(k->rel, 0, n * sizeof *k->rel);
    memset(k->lemma, 0, n * sizeof *k->lemma);
    return 0;
}

int evg_syn_sent_init(evg_syn_sent *s, const char *const *form, size_t n)
{
    memset(s, 0, sizeof *s);
    if (sent_room(s, n) < 0) {
        evg_syn_sent_dispose(s);
        return EVG_ENOMEM;
    }
    s->form = form;
    return 0;
}

void evg_syn_sent_dispose(evg_syn_sent *s)
{
    work_free(s->work);
    memset(s, 0, sizeof *s);
}

int evg_syn_parse_span(const evg_syn_model *m, const char *text,
                       size_t start, size_t end, evg_syn_tokens *t,
                       evg_syn_sent *s)
{
    s->n = 0;
    t->n = 0;
    if (evg_syn_tokenize(m, text, start, end, t) < 0)
        return EVG_ENOMEM;
    return evg_syn_parse_tokens(m, text, t, s);
}

int evg_syn_parse_tokens(const evg_syn_model *m, const char *text,
                         const evg_syn_tokens *t, evg_syn_sent *s)
{
    size_t n = t->n;
    s->n = 0;
    if (!n)
        return 0;
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += t->v[i].end - t->v[i].start + 1;
    syn_work *k;
    if (sent_room(s, n) < 0 || !(k = s->work) ||
        (bytes > k->bytes_cap && grow(&k->bytes, bytes, 1) < 0)) {
        evg_syn_sent_dispose(s);
        return EVG_ENOMEM;
    }
    if (bytes > k->bytes_cap)
        k->bytes_cap = bytes;
    char *p = k->bytes;
    for (size_t i = 0; i < n; i++) {
        size_t len = t->v[i].end - t->v[i].start;
        memcpy(p, text + t->v[i].start, len);
        p[len] = 0;
        k->form[i] = p;
        p += len + 1;
    }
    s->form = k->form;
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
    syn_repair(m, w, s->tag + from, n, st->head, st->rel);
    for (size_t i = 0; i < n; i++) {
        int h = st->head[i + 1];
        s->head[from + i] = h > 0 ? h + (int)from : h == 0 ? 0 : 0;
        s->rel[from + i] = st->rel[i + 1];
    }
    return 0;
}

/* The lemmas of `s`, the made ones packed in its work's room: each is
 * made in a word's 256 bytes (as in a caller's room of that size), then
 * copied, and pointed at once the room no longer moves. */
static int pack_lemmas(const evg_syn_model *m, evg_syn_sent *s, syn_work *k)
{
    char buf[256];
    size_t used = 0;
    for (size_t i = 0; i < s->n; i++) {
        const char *l = syn_lemma(m, s->form[i], s->tag[i], buf, sizeof buf);
        if (l != buf) {
            s->lemma[i] = l;
            continue;
        }
        size_t len = strlen(buf) + 1;
        if (used + len > k->lemmas_cap) {
            size_t c = k->lemmas_cap ? 2 * k->lemmas_cap : 256;
            while (c < used + len)
                c *= 2;
            if (grow(&k->lemmas, c, 1) < 0)
                return EVG_ENOMEM;
            k->lemmas_cap = c;
        }
        memcpy(k->lemmas + used, buf, len);
        used += len;
        s->lemma[i] = NULL;
    }
    const char *p = k->lemmas;
    for (size_t i = 0; i < s->n; i++)
        if (!s->lemma[i]) {
            s->lemma[i] = p;
            p += strlen(p) + 1;
        }
    return 0;
}

int evg_syn_analyse(const evg_syn_model *m, evg_syn_sent *s)
{
    size_t n = s->n, piece = n < EVG_SYN_MAX_WORDS ? n : EVG_SYN_MAX_WORDS;
    if (!n)
        return 0;
    /* the room of `s`'s work, or for a caller's arrays and lemma room
     * without one, a piece's room for this sentence alone */
    syn_work own = {0}, *k = s->work;
    if (!k && !s->lemma_buf && !(k = work_of(s)))
        return EVG_ENOMEM;
    syn_work *use = k ? k : &own;
    if (work_piece(use, piece) < 0) {
        work_free_piece(&own);
        return EVG_ENOMEM;
    }
    syn_word *w = use->w;
    syn_state *st = &use->st;
    /* a very long "sentence" is parsed in pieces; each piece's root is
     * attached to the first piece's root */
    int first_root = 0;
    for (size_t from = 0; from < n; from += piece) {
        size_t c = n - from < piece ? n - from : piece;
        if (analyse_piece(m, s, from, c, w, st) < 0) {
            work_free_piece(&own);
            return EVG_ENOMEM;
        }
        for (size_t i = from; i < from + c; i++) {
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
    work_free_piece(&own);
    if (!s->lemma_buf)
        return pack_lemmas(m, s, k);
    size_t per = s->lemma_buf_size / n;
    for (size_t i = 0; i < n; i++) {
        char *buf = s->lemma_buf + i * per;
        s->lemma[i] = syn_lemma(m, s->form[i], s->tag[i], buf, per);
    }
    return 0;
}
