/* The compact token layer of a document being extracted (doc_layer.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "core.h"
#include "doc_layer.h"

#define MAX_CLASSES 15 /* distinct TimeML classes (7 exist) */
#define CLS_SHIFT 12   /* a word's class: the top bits of `len_cls` */
#define LEN_MASK ((1u << CLS_SHIFT) - 1)
#define BIG16 UINT16_MAX /* the value is in the overflow table */
#define BIG12 LEN_MASK
#define BIG8 UINT8_MAX

/* One word: 10 bytes. A value too big for its field (a word 64 KiB into
 * its sentence, 4 KiB long or longer, a sentence of 65,535 words and
 * more, a model with 255 tags and more, a document's 65,535th distinct
 * lemma and those after it) is kept in the overflow table instead. */
typedef struct word {
    uint16_t off;     /* start - its sentence's start */
    uint16_t len_cls; /* end - start (the low CLS_SHIFT bits), and above
                       * them the event class: 1-based index into
                       * classes, 0 none */
    uint16_t head;    /* 1-based word of the sentence, 0: root */
    uint8_t tag, rel; /* the parser's numbers */
    uint16_t lemma;   /* 1-based index into lemmas (0: the lemma is the
                       * form) */
} word;
_Static_assert(sizeof(word) == 10, "a word in 10 bytes");

enum { F_OFF, F_LEN, F_HEAD, F_TAG, F_REL, F_LEMMA };

/* A value of the overflow table: word `at`'s field `field`. */
typedef struct big {
    uint32_t at;
    uint32_t field;
    uint32_t value;
} big;

/* A transient layer (evg_doc__layer_transient) gives back the words of
 * the sentences its last reader has passed (evg_doc__release_before):
 * `w` then holds words [w0, n), `first` sentences [k0, filled), `conf_at`
 * and `margin` event words [c0, n_conf); the numbers stay the document's. */
struct evg_doc_layer {
    word *w;
    size_t n, cap, w0;
    uint32_t *first;        /* first word of each sentence (filled ones) */
    size_t n_sent, filled, k0;
    int transient;
    const char **upos, **xpos, **rel; /* names by tag and relation */
    size_t ntags, nrels;
    const char **lemmas;    /* distinct lemmas, copies in the document */
    size_t n_lemmas, cap_lemmas;
    uint32_t *slots;        /* hash set of lemmas: index + 1, 0 empty */
    size_t n_slots;
    uint32_t *conf_at;      /* the event words, in order */
    float *margin;          /* and the detector's margin for each: 4 bytes
                             * where its confidence took 8, made when read
                             * (conf_of, the detector's own function) */
    size_t n_conf, cap_margin, cap_conf_at, c0;
    double (*conf_of)(const void *ctx, float margin);
    const void *conf_ctx;
    double *conf;           /* the confidences, made once the layer is
                             * kept past the extraction (the detector may
                             * be gone by then): evg_doc__layer_keep */
    big *big;               /* the overflow table, by word and field */
    size_t n_big, cap_big;
    const char *classes[MAX_CLASSES];
    size_t n_classes;
    /* the sentence made last (evg_doc__sentence_tokens) */
    evg_doc_token *view;
    size_t view_cap, view_k, view_n, view_from;
    char *forms;
    size_t forms_cap;
};

/* Word `i`, the first word of sentence `k`, event word `j` (numbers of
 * the document, see w0, k0, c0). */
static inline word *word_of(const evg_doc_layer *l, size_t i)
{
    return &l->w[i - l->w0];
}

static inline size_t first_of(const evg_doc_layer *l, size_t k)
{
    return l->first[k - l->k0];
}

static inline uint32_t conf_word(const evg_doc_layer *l, size_t j)
{
    return l->conf_at[j - l->c0];
}

/* The confidence of event word j (a number of the document). */
static double confidence_of(const evg_doc_layer *l, size_t j)
{
    if (l->conf)
        return l->conf[j - l->c0];
    return l->conf_of ? l->conf_of(l->conf_ctx, l->margin[j - l->c0]) : 0.0;
}

int evg_doc__layer_begin(evg_doc *doc, size_t ntags, size_t nrels)
{
    evg_doc__layer_free(doc);
    if (doc->text_len >= UINT32_MAX)
        return EVG_ELIMIT;
    evg_doc_layer *l = calloc(1, sizeof *l);
    if (!l)
        return EVG_ENOMEM;
    doc->layer = l;
    l->n_sent = doc->n_sentences;
    l->ntags = ntags;
    l->nrels = nrels;
    l->view_k = EVG_NONE;
    l->first = malloc((l->n_sent + 1) * sizeof *l->first);
    l->upos = calloc(ntags ? ntags : 1, sizeof *l->upos);
    l->xpos = calloc(ntags ? ntags : 1, sizeof *l->xpos);
    l->rel = calloc(nrels ? nrels : 1, sizeof *l->rel);
    if (!l->first || !l->upos || !l->xpos || !l->rel)
        return EVG_ENOMEM;
    return 0;
}

int evg_doc__layer_tag(evg_doc *doc, unsigned tag, const char *upos,
                       const char *xpos)
{
    evg_doc_layer *l = doc->layer;
    if (tag >= l->ntags)
        return EVG_EINVAL;
    if (!l->upos[tag] && !(l->upos[tag] = evg_doc_strdup(doc, upos)))
        return EVG_ENOMEM;
    if (!l->xpos[tag] && !(l->xpos[tag] = evg_doc_strdup(doc, xpos)))
        return EVG_ENOMEM;
    return 0;
}

int evg_doc__layer_rel(evg_doc *doc, unsigned rel, const char *name)
{
    evg_doc_layer *l = doc->layer;
    if (rel >= l->nrels)
        return EVG_EINVAL;
    if (!l->rel[rel] && !(l->rel[rel] = evg_doc_strdup(doc, name)))
        return EVG_ENOMEM;
    return 0;
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static int rehash(evg_doc_layer *l, size_t n_slots)
{
    uint32_t *s = calloc(n_slots, sizeof *s);
    if (!s)
        return EVG_ENOMEM;
    for (size_t i = 0; i < l->n_lemmas; i++) {
        size_t at = (size_t)hash(l->lemmas[i]) & (n_slots - 1);
        while (s[at])
            at = (at + 1) & (n_slots - 1);
        s[at] = (uint32_t)i + 1;
    }
    free(l->slots);
    l->slots = s;
    l->n_slots = n_slots;
    return 0;
}

/* The index of `lemma` among the distinct lemmas, added if new. */
static int intern(evg_doc *doc, const char *lemma, uint32_t *out)
{
    evg_doc_layer *l = doc->layer;
    if ((l->n_lemmas + 1) * 2 > l->n_slots &&
        rehash(l, l->n_slots ? l->n_slots * 2 : 1024))
        return EVG_ENOMEM;
    size_t at = (size_t)hash(lemma) & (l->n_slots - 1);
    for (; l->slots[at]; at = (at + 1) & (l->n_slots - 1))
        if (strcmp(l->lemmas[l->slots[at] - 1], lemma) == 0) {
            *out = l->slots[at] - 1;
            return 0;
        }
    if (l->n_lemmas >= UINT32_MAX - 1 ||
        evg_reserve_raw(&l->lemmas, &l->cap_lemmas, l->n_lemmas + 1,
                        sizeof *l->lemmas, 256) < 0 ||
        !(l->lemmas[l->n_lemmas] = evg_doc_strdup(doc, lemma)))
        return EVG_ENOMEM;
    l->slots[at] = (uint32_t)l->n_lemmas + 1;
    *out = (uint32_t)l->n_lemmas++;
    return 0;
}

/* Stores `v` in field `f` of word `at` (`*slot`, `limit` wide), or in the
 * overflow table when it does not fit. */
static int store(evg_doc_layer *l, uint32_t at, int f, uint32_t v,
                 uint32_t limit, uint32_t *slot)
{
    if (v < limit) {
        *slot = v;
        return 0;
    }
    if (evg_reserve_raw(&l->big, &l->cap_big, l->n_big + 1, sizeof *l->big,
                        16) < 0)
        return EVG_ENOMEM;
    l->big[l->n_big++] = (big){at, (uint32_t)f, v};
    *slot = limit;
    return 0;
}

/* Field `f` of word `at`, `v` as stored in the word. */
static uint32_t field(const evg_doc_layer *l, size_t at, int f, uint32_t v,
                      uint32_t limit)
{
    if (v != limit)
        return v;
    size_t lo = 0, hi = l->n_big;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->big[mid].at < at ||
            (l->big[mid].at == at && l->big[mid].field < (uint32_t)f))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->n_big && l->big[lo].at == at &&
                   l->big[lo].field == (uint32_t)f
               ? l->big[lo].value
               : v;
}

int evg_doc__layer_push(evg_doc *doc, size_t k, size_t start, size_t end,
                        const char *lemma, unsigned tag, unsigned rel,
                        size_t head)
{
    evg_doc_layer *l = doc->layer;
    if (k >= l->n_sent || k + 1 < l->filled || end < start ||
        start < evg_doc__sentence(doc, k).start || end > doc->text_len ||
        tag >= l->ntags || rel >= l->nrels || head > UINT32_MAX)
        return EVG_EINVAL;
    if (l->n >= UINT32_MAX ||
        evg_reserve_raw(&l->w, &l->cap, l->n + 1 - l->w0, sizeof *l->w,
                        1024) < 0)
        return EVG_ENOMEM;
    for (; l->filled <= k; l->filled++)
        l->first[l->filled - l->k0] = (uint32_t)l->n;
    uint32_t at = (uint32_t)l->n, v[F_LEMMA + 1], lem = 0;
    int rc = 0;
    if (lemma && (strlen(lemma) != end - start ||
                  memcmp(lemma, doc->text + start, end - start) != 0)) {
        if ((rc = intern(doc, lemma, &lem)))
            return rc;
        lem++;
    }
    /* the fields in order (the overflow table stays sorted) */
    if ((rc = store(l, at, F_OFF,
                    (uint32_t)(start - evg_doc__sentence(doc, k).start),
                    BIG16, &v[F_OFF])) ||
        (rc = store(l, at, F_LEN, (uint32_t)(end - start), BIG12,
                    &v[F_LEN])) ||
        (rc = store(l, at, F_HEAD, (uint32_t)head, BIG16, &v[F_HEAD])) ||
        (rc = store(l, at, F_TAG, tag, BIG8, &v[F_TAG])) ||
        (rc = store(l, at, F_REL, rel, BIG8, &v[F_REL])) ||
        (rc = store(l, at, F_LEMMA, lem, BIG16, &v[F_LEMMA])))
        return rc;
    word *w = word_of(l, l->n++);
    w->off = (uint16_t)v[F_OFF];
    w->len_cls = (uint16_t)v[F_LEN];
    w->head = (uint16_t)v[F_HEAD];
    w->tag = (uint8_t)v[F_TAG];
    w->rel = (uint8_t)v[F_REL];
    w->lemma = (uint16_t)v[F_LEMMA];
    return 0;
}

/* Word i of sentence k, whole. */
typedef struct wfull {
    size_t start, end, head;
    unsigned tag, rel, cls;
    uint32_t lemma; /* 1-based, 0: the form */
} wfull;

static void unpack(const evg_doc *doc, const evg_doc_layer *l, size_t k,
                   size_t i, wfull *f)
{
    const word *w = word_of(l, i);
    f->start = evg_doc__sentence(doc, k).start +
               field(l, i, F_OFF, w->off, BIG16);
    f->end = f->start + field(l, i, F_LEN, w->len_cls & LEN_MASK, BIG12);
    f->head = field(l, i, F_HEAD, w->head, BIG16);
    f->tag = field(l, i, F_TAG, w->tag, BIG8);
    f->rel = field(l, i, F_REL, w->rel, BIG8);
    f->lemma = field(l, i, F_LEMMA, w->lemma, BIG16);
    f->cls = (unsigned)w->len_cls >> CLS_SHIFT;
}

/* The sentence of word i: the last with its first word at or before it. */
static size_t sentence_of(const evg_doc_layer *l, size_t i)
{
    size_t lo = l->k0, hi = l->filled;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (first_of(l, mid) <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > l->k0 ? lo - 1 : l->k0;
}

size_t evg_doc__token_count(const evg_doc *doc)
{
    return doc->layer ? doc->layer->n : doc->n_tokens;
}

/* Words [*b, *e) of sentence k of the layer (none for a sentence given
 * back). */
static void bounds(const evg_doc_layer *l, size_t k, size_t *b, size_t *e)
{
    if (k < l->k0) {
        *b = *e = l->w0;
        return;
    }
    *b = k < l->filled ? first_of(l, k) : l->n;
    *e = k + 1 < l->filled ? first_of(l, k + 1) : l->n;
}

/* Words [*b, *e) of sentence k of doc->tokens (in sentence order). */
static void token_bounds(const evg_doc *doc, size_t k, size_t *b, size_t *e)
{
    size_t lo = 0, hi = doc->n_tokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->tokens[mid].sentence < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    *b = lo;
    while (lo < doc->n_tokens && doc->tokens[lo].sentence == k)
        lo++;
    *e = lo;
}

/* The first event word at or after word i. */
static size_t conf_from(const evg_doc_layer *l, size_t i)
{
    size_t lo = l->c0, hi = l->n_conf;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (conf_word(l, mid) < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Word i (of sentence k) of the layer as a token; its form at `form`
 * (NUL-terminated); *c: the first event word at or after it (conf_from),
 * moved past it. */
static void make_token(const evg_doc *doc, const evg_doc_layer *l, size_t i,
                       size_t k, const char *form, size_t *c,
                       evg_doc_token *t)
{
    wfull f;
    unpack(doc, l, k, i, &f);
    t->sentence = k;
    t->start = f.start;
    t->end = f.end;
    t->form = form;
    t->lemma = f.lemma ? l->lemmas[f.lemma - 1] : form;
    t->upos = l->upos[f.tag];
    t->xpos = l->xpos[f.tag];
    t->deprel = l->rel[f.rel];
    t->head = f.head;
    t->tml_class = f.cls ? l->classes[f.cls - 1] : NULL;
    t->event_confidence = 0.0;
    if (*c < l->n_conf && conf_word(l, *c) == i) {
        /* a word whose class was taken back keeps its place: no class,
         * no confidence */
        if (f.cls)
            t->event_confidence = confidence_of(l, *c);
        ++*c;
    }
}

const evg_doc_token *evg_doc__sentence_tokens(const evg_doc *doc, size_t k,
                                              size_t *n, int *err)
{
    return evg_doc__sentence_tokens_range(doc, k, 0, SIZE_MAX, n, err);
}

const evg_doc_token *evg_doc__sentence_tokens_range(const evg_doc *doc,
                                                    size_t k, size_t from,
                                                    size_t count, size_t *n,
                                                    int *err)
{
    size_t b, e;
    *n = 0;
    if (err)
        *err = 0;
    evg_doc_layer *l = doc->layer;
    if (!l) {
        token_bounds(doc, k, &b, &e);
        if (from >= e - b)
            return NULL;
        *n = e - b - from < count ? e - b - from : count;
        return doc->tokens + b + from;
    }
    bounds(l, k, &b, &e);
    if (from >= e - b)
        return NULL;
    /* words [b, e) of the document's numbers; heads renumbered when only
     * part of the sentence is made */
    int part = from > 0 || e - b - from > count;
    b += from;
    if (e - b > count)
        e = b + count;
    if (l->view_k == k && l->view_from == from && l->view_n == e - b) {
        *n = l->view_n;
        return l->view;
    }
    size_t bytes = 0;
    wfull f;
    for (size_t i = b; i < e; i++) {
        unpack(doc, l, k, i, &f);
        bytes += f.end - f.start + 1;
    }
    l->view_k = EVG_NONE;
    if (evg_reserve_raw(&l->view, &l->view_cap, e - b, sizeof *l->view,
                        64) < 0 ||
        evg_reserve_raw(&l->forms, &l->forms_cap, bytes, 1, 1024) < 0) {
        if (err)
            *err = EVG_ENOMEM;
        return NULL;
    }
    char *p = l->forms;
    size_t c = conf_from(l, b);
    for (size_t i = b; i < e; i++) {
        unpack(doc, l, k, i, &f);
        memcpy(p, doc->text + f.start, f.end - f.start);
        p[f.end - f.start] = '\0';
        evg_doc_token *t = &l->view[i - b];
        make_token(doc, l, i, k, p, &c, t);
        if (part)
            t->head = t->head > from && t->head - from <= e - b
                          ? t->head - from
                          : 0;
        p += f.end - f.start + 1;
    }
    l->view_k = k;
    l->view_from = from;
    l->view_n = *n = e - b;
    return l->view;
}

/* The windows of sentence k are counted in UD words, or in the tokens
 * (`*pieces`) of a sentence without any. */
static size_t window_units(const evg_doc *doc, size_t k,
                           const evg_doc_piece **pieces)
{
    size_t units = evg_doc__sentence_word_count(doc, k);
    *pieces = NULL;
    if (!units && (*pieces = evg_doc__sentence_pieces(doc, k, &units)) == NULL)
        units = 0;
    return units;
}

size_t evg_doc__windows(const evg_doc *doc, size_t k)
{
    const evg_doc_piece *pieces;
    size_t units = window_units(doc, k, &pieces);
    return units > EVG_DOC_WINDOW
               ? (units + EVG_DOC_WINDOW - 1) / EVG_DOC_WINDOW
               : 1;
}

evg_doc_window evg_doc__window(const evg_doc *doc, size_t k, size_t w)
{
    evg_sentence sen = evg_doc__sentence(doc, k);
    evg_doc_window win = {1, sen.start, sen.end, 0, SIZE_MAX};
    const evg_doc_piece *pieces;
    size_t units = window_units(doc, k, &pieces);
    if (units <= EVG_DOC_WINDOW)
        return win;
    win.whole = 0;
    win.from = w * EVG_DOC_WINDOW;
    win.count = EVG_DOC_WINDOW;
    if (w > 0)
        win.lo = pieces ? sen.start + pieces[win.from].off
                        : evg_doc__sentence_word_start(doc, k, win.from);
    if (win.from + EVG_DOC_WINDOW < units)
        win.hi = pieces
                     ? sen.start + pieces[win.from + EVG_DOC_WINDOW].off
                     : evg_doc__sentence_word_start(doc, k,
                                                    win.from + EVG_DOC_WINDOW);
    return win;
}

size_t evg_doc__sentence_word_count(const evg_doc *doc, size_t k)
{
    size_t b, e;
    if (doc->layer)
        bounds(doc->layer, k, &b, &e);
    else
        token_bounds(doc, k, &b, &e);
    return e - b;
}

size_t evg_doc__sentence_word_start(const evg_doc *doc, size_t k, size_t i)
{
    size_t b, e;
    const evg_doc_layer *l = doc->layer;
    if (!l) {
        token_bounds(doc, k, &b, &e);
        return doc->tokens[b + i].start;
    }
    bounds(l, k, &b, &e);
    wfull f;
    unpack(doc, l, k, b + i, &f);
    return f.start;
}

void evg_doc__layer_drop_view(evg_doc *doc)
{
    evg_doc_layer *l = doc ? doc->layer : NULL;
    if (!l)
        return;
    free(l->view);
    free(l->forms);
    l->view = NULL;
    l->forms = NULL;
    l->view_cap = l->forms_cap = 0;
    l->view_k = EVG_NONE;
    l->view_n = 0;
}

void evg_doc__token_set_event(evg_doc *doc, size_t k, size_t i,
                              const char *tml_class, float margin,
                              double (*conf_of)(const void *ctx,
                                                float margin),
                              const void *ctx)
{
    size_t b, e;
    evg_doc_layer *l = doc->layer;
    if (!l) {
        token_bounds(doc, k, &b, &e);
        if (b + i < e) {
            doc->tokens[b + i].tml_class = tml_class;
            doc->tokens[b + i].event_confidence =
                tml_class ? conf_of(ctx, margin) : 0.0;
        }
        return;
    }
    l->conf_of = conf_of;
    l->conf_ctx = ctx;
    bounds(l, k, &b, &e);
    if (b + i >= e)
        return;
    word *w = word_of(l, b + i);
    unsigned c = 0;
    for (size_t q = 0; tml_class && !c && q < l->n_classes; q++)
        if (l->classes[q] == tml_class)
            c = (unsigned)q + 1;
    if (tml_class && !c && l->n_classes < MAX_CLASSES) {
        l->classes[l->n_classes++] = tml_class;
        c = (unsigned)l->n_classes;
    }
    w->len_cls = (uint16_t)((w->len_cls & LEN_MASK) | c << CLS_SHIFT);
    /* the confidence: kept for event words only, by word number */
    size_t at = conf_from(l, b + i), held = l->n_conf - l->c0,
           r = at - l->c0; /* its place in the arrays */
    int there = at < l->n_conf && conf_word(l, at) == b + i;
    if (c && !there) {
        if (evg_reserve_raw(&l->conf_at, &l->cap_conf_at, held + 1,
                            sizeof *l->conf_at, 256) < 0 ||
            evg_reserve_raw(&l->margin, &l->cap_margin, held + 1,
                            sizeof *l->margin, 256) < 0) {
            c = 0; /* no room: no confidence, so no class either */
            w->len_cls &= LEN_MASK;
        } else {
            memmove(l->conf_at + r + 1, l->conf_at + r,
                    (held - r) * sizeof *l->conf_at);
            memmove(l->margin + r + 1, l->margin + r,
                    (held - r) * sizeof *l->margin);
            l->conf_at[r] = (uint32_t)(b + i);
            l->n_conf++;
            there = 1;
        }
    }
    if (there)
        l->margin[r] = margin;
    if (l->view_k == k && i >= l->view_from && i - l->view_from < l->view_n) {
        l->view[i - l->view_from].tml_class = c ? tml_class : NULL;
        l->view[i - l->view_from].event_confidence =
            there && c ? conf_of(ctx, margin) : 0.0;
    }
}

/* The word starting at byte `off`: its UPOS (returned) and XPOS (`*xpos`,
 * may be NULL), or NULL when no word starts there. */
/* The word of the layer that starts at byte `off`, looked for in the
 * sentence that holds `off` only (log of the sentences, then of its
 * words, instead of the whole layer with a sentence search at each step):
 * its number, else EVG_NONE (not in that sentence). */
static size_t word_at(const evg_doc *doc, const evg_doc_layer *l, size_t off)
{
    size_t lo = 0, hi = l->filled < doc->n_sentences ? l->filled
                                                     : doc->n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (evg_doc__sentence(doc, mid).start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo <= l->k0)
        return EVG_NONE;
    size_t k = lo - 1, b, e;
    bounds(l, k, &b, &e);
    wfull f;
    while (b < e) {
        size_t mid = b + (e - b) / 2;
        unpack(doc, l, k, mid, &f);
        if (f.start < off)
            b = mid + 1;
        else
            e = mid;
    }
    size_t end = k + 1 < l->filled ? first_of(l, k + 1) : l->n;
    if (b >= end)
        return EVG_NONE;
    unpack(doc, l, k, b, &f);
    return f.start == off ? b : EVG_NONE;
}

static const char *tags_at(const evg_doc *doc, size_t off, const char **xpos)
{
    const evg_doc_layer *l = doc->layer;
    size_t n = l ? l->n : doc->n_tokens, lo = l ? l->w0 : 0, hi = n;
    wfull f;
    if (l) {
        size_t w = word_at(doc, l, off);
        if (w != EVG_NONE) {
            unsigned tag = field(l, w, F_TAG, word_of(l, w)->tag, BIG8);
            if (xpos)
                *xpos = l->xpos[tag];
            return l->upos[tag];
        }
        /* not in the sentence that holds it: the whole layer, below */
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, start;
        if (l) {
            unpack(doc, l, sentence_of(l, mid), mid, &f);
            start = f.start;
        } else {
            start = doc->tokens[mid].start;
        }
        if (start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo >= n)
        return NULL;
    if (l) {
        unpack(doc, l, sentence_of(l, lo), lo, &f);
        if (f.start != off)
            return NULL;
        if (xpos)
            *xpos = l->xpos[f.tag];
        return l->upos[f.tag];
    }
    if (doc->tokens[lo].start != off)
        return NULL;
    if (xpos)
        *xpos = doc->tokens[lo].xpos;
    return doc->tokens[lo].upos;
}

const char *evg_doc__upos_at(const evg_doc *doc, size_t off)
{
    return tags_at(doc, off, NULL);
}

const char *evg_doc__xpos_at(const evg_doc *doc, size_t off)
{
    const char *xpos = NULL;
    return tags_at(doc, off, &xpos) ? xpos : NULL;
}

int evg_doc__layer_end(evg_doc *doc, int keep)
{
    evg_doc_layer *l = doc->layer;
    int rc = 0;
    size_t c = 0;
    for (size_t k = 0; keep && l && !rc && k < l->n_sent; k++) {
        size_t b, e;
        bounds(l, k, &b, &e);
        for (size_t i = b; !rc && i < e; i++) {
            evg_doc_token *t = EVG_DOC_PUSH(doc, doc->tokens, doc->n_tokens,
                                            doc->cap_tokens);
            wfull f;
            unpack(doc, l, k, i, &f);
            const char *form = t ? evg_doc_strndup(doc, doc->text + f.start,
                                                   f.end - f.start)
                                 : NULL;
            if (!form)
                rc = EVG_ENOMEM;
            else
                make_token(doc, l, i, k, form, &c, t);
        }
    }
    evg_doc__layer_free(doc);
    return rc;
}

int evg_doc__layer_keep(evg_doc *doc)
{
    evg_doc_layer *l = doc->layer;
    if (!l)
        return 0;
    free(l->slots); /* the lemmas' hash set: no lemma comes any more */
    l->slots = NULL;
    l->n_slots = 0;
    /* the confidences made while the detector is there */
    size_t held = l->n_conf - l->c0;
    if (held && !l->conf) {
        double *conf = malloc(held * sizeof *conf);
        if (!conf)
            return EVG_ENOMEM;
        for (size_t j = 0; j < held; j++)
            conf[j] = confidence_of(l, l->c0 + j);
        l->conf = conf;
        free(l->margin);
        l->margin = NULL;
        l->cap_margin = 0;
    }
    return 0;
}

void evg_doc__layer_free(evg_doc *doc)
{
    evg_doc_layer *l = doc->layer;
    if (!l)
        return;
    free(l->w);
    free(l->first);
    free(l->upos);
    free(l->xpos);
    free(l->rel);
    free(l->lemmas);
    free(l->slots);
    free(l->conf_at);
    free(l->margin);
    free(l->conf);
    free(l->big);
    free(l->view);
    free(l->forms);
    free(l);
    doc->layer = NULL;
}

const evg_doc_piece *evg_doc__sentence_pieces(const evg_doc *doc, size_t k,
                                              size_t *n)
{
    const evg_doc_pieces *p = doc->pieces;
    *n = 0;
    if (!p || k < p->k0 || k >= p->n_sent)
        return NULL;
    size_t b = p->first[k - p->k0], e = p->first[k + 1 - p->k0];
    if (e == b)
        return NULL;
    *n = e - b;
    return p->v + (b - p->v0);
}

/* Drops the first `drop` of the `held` elements of `size` bytes of
 * `*arr` (room for `*cap`), giving their memory back: the rest is moved
 * to the front and the array shrunk to `room` elements (at least the
 * rest). An array that cannot shrink stays as it is, the rest moved. */
static void drop_front(void *arr_ptr, size_t *cap, size_t held, size_t drop,
                       size_t room, size_t size)
{
    char **arr = arr_ptr;
    if (!*arr || !drop)
        return;
    memmove(*arr, *arr + drop * size, (held - drop) * size);
    if (room < held - drop)
        room = held - drop;
    if (!room)
        room = 1;
    void *p = realloc(*arr, room * size);
    if (p) {
        *arr = p;
        if (cap)
            *cap = room;
    }
}

/* Whether `drop` of `held` elements are worth giving back now: enough of
 * them, and at least as many as are kept, so each element moves at most
 * once on average. */
#define RELEASE_MIN 4096
static int worth(size_t drop, size_t held)
{
    return drop >= RELEASE_MIN && drop * 8 >= held;
}

void evg_doc__layer_transient(evg_doc *doc)
{
    if (doc->layer)
        doc->layer->transient = 1;
}

/* Hands the pages of freed memory back to the system. glibc keeps them
 * (a free chunk below the top of its heap stays resident) until an
 * allocation reuses them, and the packed events, which grow in one piece,
 * seldom can: the peak of 100 KB of 'Go. ' held the whole document's
 * tokens and words beside its events. */
void evg_doc__give_back(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

static void release_layer(evg_doc *doc, size_t k, int *gave);

void evg_doc__release_before(evg_doc *doc, size_t k)
{
    int gave = 0;
    evg_doc_pieces *p = doc->pieces;
    if (p && k > p->k0) {
        size_t kk = k < p->n_sent ? k : p->n_sent;
        size_t drop = p->first[kk - p->k0] - p->v0, held = p->n - p->v0;
        if (worth(drop, held)) {
            drop_front(&p->v, &p->cap, held, drop, 0, sizeof *p->v);
            p->v0 += drop;
            drop_front(&p->first, NULL, p->n_sent + 1 - p->k0, kk - p->k0,
                       0, sizeof *p->first);
            p->k0 = kk;
            gave = 1;
        }
    }
    release_layer(doc, k, &gave);
    /* a step given back is at least an eighth of what was held (worth),
     * so this runs a few dozen times for the biggest document */
    if (gave)
        evg_doc__give_back();
}

/* evg_doc__release_before for the layer's words. */
static void release_layer(evg_doc *doc, size_t k, int *gave)
{
    evg_doc_layer *l = doc->layer;
    if (!l || !l->transient || k <= l->k0)
        return;
    size_t kk = k < l->filled ? k : l->filled;
    if (kk <= l->k0)
        return;
    size_t w0 = kk < l->filled ? first_of(l, kk) : l->n,
           drop = w0 - l->w0, held = l->n - l->w0;
    if (!worth(drop, held))
        return;
    if (l->view_k != EVG_NONE && l->view_k < kk)
        l->view_k = EVG_NONE; /* not made again once given back */
    drop_front(&l->w, &l->cap, held, drop, 0, sizeof *l->w);
    l->w0 = w0;
    /* the first words: room for every sentence still to come */
    drop_front(&l->first, NULL, l->filled - l->k0, kk - l->k0,
               l->n_sent + 1 - kk, sizeof *l->first);
    l->k0 = kk;
    size_t c0 = conf_from(l, w0);
    drop_front(&l->conf_at, &l->cap_conf_at, l->n_conf - l->c0, c0 - l->c0, 0,
               sizeof *l->conf_at);
    drop_front(&l->margin, &l->cap_margin, l->n_conf - l->c0, c0 - l->c0, 0,
               sizeof *l->margin);
    l->c0 = c0;
    *gave = 1;
}

void evg_doc__pieces_free(evg_doc *doc)
{
    evg_doc_pieces *p = doc->pieces;
    if (!p)
        return;
    free(p->v);
    free(p->first);
    free(p);
    doc->pieces = NULL;
}

int evg_doc__sentence_add(evg_doc *doc, size_t start, size_t end,
                          int boilerplate)
{
    evg_doc_sents *s = doc->sents;
    if (!s && !doc->n_sentences && doc->text_len < UINT32_MAX) {
        if (!(s = calloc(1, sizeof *s)))
            return EVG_ENOMEM;
        doc->sents = s;
    }
    if (!s) {
        evg_sentence *sn = EVG_DOC_PUSH(doc, doc->sentences, doc->n_sentences,
                                        doc->cap_sentences);
        if (!sn)
            return EVG_ENOMEM;
        sn->start = start;
        sn->end = end;
        sn->boilerplate = boilerplate;
        return 0;
    }
    size_t k = doc->n_sentences, cap = s->cap;
    if (evg_reserve_raw(&s->v, &s->cap, k + 1, sizeof *s->v, 256) < 0)
        return EVG_ENOMEM;
    if (s->cap != cap || !s->boiler) {
        unsigned char *b = realloc(s->boiler, (s->cap + 7) / 8);
        if (!b)
            return EVG_ENOMEM;
        s->boiler = b;
    }
    s->v[k].start = (uint32_t)start;
    s->v[k].end = (uint32_t)end;
    if (k % 8 == 0)
        s->boiler[k / 8] = 0;
    s->boiler[k / 8] |= (unsigned char)((boilerplate != 0) << (k % 8));
    doc->n_sentences++;
    return 0;
}

void evg_doc__sentence_set_boilerplate(evg_doc *doc, size_t k)
{
    if (doc->sents)
        doc->sents->boiler[k / 8] |= (unsigned char)(1u << (k % 8));
    else
        doc->sentences[k].boilerplate = 1;
}

int evg_doc__sentences_unpack(evg_doc *doc)
{
    evg_doc_sents *s = doc->sents;
    if (s) {
        evg_sentence *v = NULL;
        size_t cap = 0;
        /* in the arena, as doc->sentences always is */
        if (doc->n_sentences &&
            !(v = evg_arena_alloc(doc->arena, doc->n_sentences * sizeof *v)))
            return EVG_ENOMEM;
        for (size_t k = 0; k < doc->n_sentences; k++)
            v[k] = evg_doc__sentence(doc, k);
        cap = doc->n_sentences;
        evg_doc__sentences_free(doc);
        doc->sentences = v;
        doc->cap_sentences = cap;
    }
    for (size_t k = 0; k < doc->n_sentences; k++) {
        evg_sentence *sn = &doc->sentences[k];
        if (!sn->text &&
            !(sn->text = evg_doc_strndup(doc, doc->text + sn->start,
                                         sn->end - sn->start)))
            return EVG_ENOMEM;
    }
    return 0;
}

void evg_doc__sentences_free(evg_doc *doc)
{
    evg_doc_sents *s = doc->sents;
    if (!s)
        return;
    free(s->v);
    free(s->boiler);
    free(s);
    doc->sents = NULL;
}
