/* The trainer: reads treebanks, trains the tagger (and, by jackknifing,
 * gives the parser the tags it will see at run time), the parser with its
 * dynamic oracle and error exploration, the labeler and the lemma rules.
 * The same files, options and seed give the same model bytes. */
#include "train.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conllu.h"
#include "core.h"
#include "evgraph/io.h"
#include "syn_internal.h"

typedef struct tb_sent {
    size_t n;
    const char **form, **lemma;
    uint16_t *tag, *ptag, *ptag2, *rel; /* ptag, ptag2: jackknifed tags of
                                           the first pass, and of both */
    int *head;
} tb_sent;

typedef struct treebank {
    size_t n, cap;
    tb_sent *s;
    syn_conllu *files;
    size_t nfiles;
} treebank;

/* Names in first-seen order, looked up by a linear scan (few hundred). */
typedef struct names {
    size_t n, cap;
    char **v;
} names;

static int name_index(names *t, const char *s, int add)
{
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->v[i], s))
            return (int)i;
    if (!add)
        return -1;
    if (evg_reserve(&t->v, &t->cap, t->n + 1, sizeof *t->v, 64) < 0)
        return -1;
    t->v[t->n] = strdup(s);
    return t->v[t->n] ? (int)t->n++ : -1;
}

static void names_dispose(names *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->v[i]);
    free(t->v);
    memset(t, 0, sizeof *t);
}

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dull;
}

static void shuffle(size_t *a, size_t n, uint64_t *rng)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = rng_next(rng) % i, t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

static int load_treebank(const char *path, treebank *tb, names *tags,
                         names *rels, int add, size_t max, evg_error *err)
{
    char *text;
    size_t len;
    int rc = evg_read_file(path, (size_t)1 << 30, &text, &len, err);
    if (rc < 0)
        return rc;
    syn_conllu *c = realloc(tb->files, (tb->nfiles + 1) * sizeof *c);
    if (!c) {
        free(text);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    tb->files = c;
    c = &tb->files[tb->nfiles];
    if ((rc = syn_conllu_parse(text, len, c, err)) < 0)
        return evg_error_set(err, rc, "%s: %s", path, err ? err->message : "");
    tb->nfiles++;
    char tag[256];
    for (size_t i = 0; i < c->n && (!max || tb->n < max); i++) {
        syn_csent *cs = &c->sents[i];
        if (evg_reserve(&tb->s, &tb->cap, tb->n + 1, sizeof *tb->s, 1024) < 0)
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        tb_sent *s = &tb->s[tb->n++];
        size_t n = cs->nwords;
        s->n = n;
        s->form = calloc(n, sizeof *s->form);
        s->lemma = calloc(n, sizeof *s->lemma);
        s->tag = calloc(n, sizeof *s->tag);
        s->ptag = calloc(n, sizeof *s->ptag);
        s->ptag2 = calloc(n, sizeof *s->ptag2);
        s->rel = calloc(n, sizeof *s->rel);
        s->head = calloc(n, sizeof *s->head);
        if (!s->form || !s->lemma || !s->tag || !s->ptag || !s->ptag2 || !s->rel ||
            !s->head)
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        for (size_t k = 0; k < n; k++) {
            syn_cline *l = &cs->lines[cs->words[k]];
            s->form[k] = l->col[CU_FORM];
            s->lemma[k] = l->col[CU_LEMMA];
            snprintf(tag, sizeof tag, "%s\t%s", l->col[CU_UPOS],
                     l->col[CU_XPOS]);
            int t = name_index(tags, tag, add);
            int r = name_index(rels, l->col[CU_DEPREL], add);
            char *e;
            long h = strtol(l->col[CU_HEAD], &e, 10);
            if (*e || h < 0 || (size_t)h > n)
                return evg_error_set(err, EVG_EPARSE,
                                     "%s: line %ld: bad HEAD '%s'", path,
                                     cs->first_line, l->col[CU_HEAD]);
            s->tag[k] = (uint16_t)(t < 0 ? 0 : t);
            s->ptag[k] = s->tag[k];
            s->ptag2[k] = s->tag[k];
            s->rel[k] = (uint16_t)(r < 0 ? 0 : r);
            s->head[k] = (int)h;
        }
    }
    return 0;
}

static void free_treebank(treebank *tb)
{
    for (size_t i = 0; i < tb->n; i++) {
        tb_sent *s = &tb->s[i];
        free(s->form);
        free(s->lemma);
        free(s->tag);
        free(s->ptag);
        free(s->ptag2);
        free(s->rel);
        free(s->head);
    }
    free(tb->s);
    for (size_t i = 0; i < tb->nfiles; i++)
        syn_conllu_dispose(&tb->files[i]);
    free(tb->files);
    memset(tb, 0, sizeof *tb);
}

static void logf_(const syn_train_opts *o, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#include <stdarg.h>
static void logf_(const syn_train_opts *o, const char *fmt, ...)
{
    if (!o->log)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(o->log, fmt, ap);
    va_end(ap);
    fflush(o->log);
}

/* ---- tagger ---- */

/* Sentence scratch: word features sized for the longest sentence. */
typedef struct scratch {
    syn_word *w;
    uint16_t *tags, *gold;
    size_t cap;
} scratch;

static int scratch_fit(scratch *sc, size_t n)
{
    if (n <= sc->cap)
        return 0;
    free(sc->w);
    free(sc->tags);
    free(sc->gold);
    sc->w = malloc(n * sizeof *sc->w);
    sc->tags = malloc(n * sizeof *sc->tags);
    sc->gold = malloc(n * sizeof *sc->gold);
    sc->cap = sc->w && sc->tags && sc->gold ? n : 0;
    return sc->cap ? 0 : EVG_ENOMEM;
}

/* The trainer's current weights as the beam's scores (they are whole
 * numbers: every update adds or takes one). */
typedef struct ptrain_ctx {
    const syn_ptrain *p;
    float *buf;
} ptrain_ctx;

static void ptrain_score(void *ctx, const uint64_t *f, size_t nf, int32_t *sc)
{
    const ptrain_ctx *c = ctx;
    syn_ptrain_score(c->p, f, nf, c->buf);
    for (size_t t = 0; t < c->p->nclass; t++)
        sc[t] += (int32_t)c->buf[t];
}

/* Adds `delta` to class `c` of the beam's features of word i of `seq`
 * (`which`: SYN_BF_*). */
static int beam_update(syn_ptrain *p, const syn_word *w, size_t n, size_t i,
                       const uint16_t *seq, const uint16_t *first,
                       const uint8_t *finite, int which, size_t c, float delta)
{
    uint64_t f[SYN_TAG_FEATS];
    size_t nf = syn_beam_features(w, n, i, seq, first, finite, which, f);
    return nf ? syn_ptrain_update(p, f, nf, c, delta) : 0;
}

/* One sentence of the second pass trained as a whole (the beam, m->beam):
 * the weights move towards the gold sequence and away from the best
 * hypothesis over words 0 to i, where i is the word (or the sentence's
 * end) at which the best hypothesis is furthest over the gold one
 * (max-violation, Huang, Fayong and Guo 2012). The gold sequence takes
 * the tag dictionary's tags where it has them, as the greedy trainer
 * does. */
static int beam_sentence(syn_ptrain *p, const evg_syn_model *m,
                         const tb_sent *s, scratch *sc, uint16_t *gold,
                         uint16_t *pred, float *buf, size_t *right,
                         size_t *total)
{
    const syn_word *w = sc->w;
    size_t n = s->n, stop;
    for (size_t i = 0; i < n; i++)
        gold[i] = w[i].dtag != 0xffff ? w[i].dtag : s->tag[i];
    ptrain_ctx ctx = {p, buf};
    int rc = syn_tag_beam(m, ptrain_score, &ctx, w, n, s->ptag, NULL, gold,
                          pred, &stop);
    if (rc < 0)
        return rc;
    size_t upto = stop < n ? stop + 1 : n;
    int same = 1;
    for (size_t i = 0; i < upto; i++) {
        if (w[i].dtag != 0xffff)
            continue;
        p->t++;
        (*total)++;
        *right += pred[i] == s->tag[i];
        same &= pred[i] == gold[i];
    }
    if (stop == n && same)
        return 0;
    int diverged = 0;
    for (size_t i = 0; i < upto && rc == 0; i++) {
        if (!diverged && pred[i] == gold[i])
            continue;
        if (pred[i] != gold[i] &&
            ((rc = beam_update(p, w, n, i, gold, s->ptag, m->finite,
                               SYN_BF_FIXED, gold[i], 1.0f)) < 0 ||
             (rc = beam_update(p, w, n, i, pred, s->ptag, m->finite,
                               SYN_BF_FIXED, pred[i], -1.0f)) < 0))
            break;
        diverged = 1;
        if ((rc = beam_update(p, w, n, i, gold, s->ptag, m->finite,
                              SYN_BF_OWN, gold[i], 1.0f)) < 0 ||
            (rc = beam_update(p, w, n, i, pred, s->ptag, m->finite,
                              SYN_BF_OWN, pred[i], -1.0f)) < 0)
            break;
    }
    if (rc == 0 && stop == n &&
        ((rc = beam_update(p, w, n, n, gold, s->ptag, m->finite, SYN_BF_END,
                           0, 1.0f)) < 0 ||
         (rc = beam_update(p, w, n, n, pred, s->ptag, m->finite, SYN_BF_END,
                           0, -1.0f)) < 0))
        return rc;
    return rc;
}

/* `second`: train the second pass, on the first pass's jackknifed tags. */
static int tagger_epoch(const evg_syn_model *m, syn_ptrain *p,
                        const syn_map *dict, const syn_map *lex,
                        const uint8_t *finite,
                        const treebank *tb, const size_t *order, size_t n,
                        scratch *sc, int second, size_t *right,
                        size_t *total)
{
    uint64_t f[SYN_TAG_FEATS];
    float *score = malloc(p->nclass * sizeof *score);
    if (!score)
        return EVG_ENOMEM;
    for (size_t q = 0; q < n; q++) {
        const tb_sent *s = &tb->s[order[q]];
        if (scratch_fit(sc, s->n) < 0) {
            free(score);
            return EVG_ENOMEM;
        }
        syn_words(dict, lex, s->form, s->n, sc->w);
        if (second && m->beam > 1 && s->n <= EVG_SYN_MAX_WORDS) {
            if (beam_sentence(p, m, s, sc, sc->gold, sc->tags, score, right,
                              total) < 0) {
                free(score);
                return EVG_ENOMEM;
            }
            continue;
        }
        for (size_t i = 0; i < s->n; i++) {
            if (sc->w[i].dtag != 0xffff) {
                sc->tags[i] = sc->w[i].dtag;
                continue;
            }
            size_t nf = syn_tag_features(sc->w, s->n, i, sc->tags,
                                         second ? s->ptag : NULL, finite, f);
            syn_ptrain_score(p, f, nf, score);
            size_t best = 0;
            for (size_t c = 1; c < p->nclass; c++)
                if (score[c] > score[best])
                    best = c;
            p->t++;
            if (best != s->tag[i]) {
                if (syn_ptrain_update(p, f, nf, s->tag[i], 1.0f) < 0 ||
                    syn_ptrain_update(p, f, nf, best, -1.0f) < 0) {
                    free(score);
                    return EVG_ENOMEM;
                }
            } else {
                (*right)++;
            }
            (*total)++;
            sc->tags[i] = (uint16_t)best;
        }
    }
    free(score);
    return 0;
}

/* Tags every sentence of `idx` with the model `m` into ptag (or counts
 * accuracy against gold). */
static void tag_sents(const evg_syn_model *m, treebank *tb, const size_t *idx,
                      size_t n, scratch *sc, int both, size_t *right,
                      size_t *total)
{
    for (size_t q = 0; q < n; q++) {
        tb_sent *s = &tb->s[idx ? idx[q] : q];
        if (scratch_fit(sc, s->n) < 0)
            return;
        uint16_t *out = both ? s->ptag2 : s->ptag;
        syn_words(&m->tagdict, &m->lexicon, s->form, s->n, sc->w);
        syn_tag(m, sc->w, s->n, out);
        for (size_t i = 0; i < s->n; i++) {
            *right += out[i] == s->tag[i];
            (*total)++;
        }
    }
}

/* Trains a tagger on sentences `idx` for all epochs, reporting its dev
 * accuracy after each; the weights stay in `p` (initialised here). */
static int train_tagger(const syn_train_opts *o, evg_syn_model *m,
                        treebank *tb, size_t *idx, size_t n, treebank *dev,
                        uint64_t *rng, scratch *sc, const char *what,
                        int second, syn_ptrain *p)
{
    syn_ptab *slot = second ? &m->tagger2 : &m->tagger;
    if (syn_ptrain_init(p, m->ntags) < 0)
        return EVG_ENOMEM;
    for (unsigned e = 0; e < o->tag_epochs; e++) {
        shuffle(idx, n, rng);
        size_t right = 0, total = 0;
        if (tagger_epoch(m, p, &m->tagdict, &m->lexicon, m->finite, tb, idx, n,
                         sc, second, &right,
                         &total) < 0)
            return EVG_ENOMEM;
        double acc = 0;
        if (dev && dev->n) {
            syn_ptab keep = *slot;
            if (syn_ptab_from_train(slot, p, 0) < 0) {
                *slot = keep;
                return EVG_ENOMEM;
            }
            size_t r2 = 0, t2 = 0;
            tag_sents(m, dev, NULL, dev->n, sc, 1, &r2, &t2);
            syn_ptab_dispose(slot);
            *slot = keep;
            acc = t2 ? (double)r2 / (double)t2 : 0;
        }
        logf_(o, "%s epoch %u: train %.2f%%, dev %.2f%%, %zu features\n",
              what, e + 1, total ? 100.0 * (double)right / (double)total : 0,
              100 * acc, p->nrows);
    }
    return 0;
}

/* ---- parser ---- */

typedef struct parse_ctx {
    const syn_map *dict, *lex;
    const uint8_t *coarse;
    syn_ptrain par, lab;
    syn_state st;
    int *ghead;
    uint16_t root_rel;
    float *lscore;
    unsigned best_epoch;        /* the epoch whose tables the model keeps */
} parse_ctx;

static uint16_t pick_label(const float *sc, size_t nr, uint16_t root_rel)
{
    size_t best = root_rel == 0 ? 1 : 0;
    for (size_t r = 0; r < nr; r++)
        if (r != root_rel && sc[r] > sc[best])
            best = r;
    return (uint16_t)best;
}

static int parse_train_sent(parse_ctx *c, const tb_sent *s, scratch *sc,
                            int explore, uint64_t *rng, size_t *right,
                            size_t *total)
{
    syn_state *st = &c->st;
    syn_state_reset(st, s->n);
    syn_words(c->dict, c->lex, s->form, s->n, sc->w);
    c->ghead[0] = -1;
    for (size_t i = 0; i < s->n; i++)
        c->ghead[i + 1] = s->head[i];
    uint64_t f[SYN_PARSE_FEATS], lf[SYN_LABEL_FEATS];
    const uint16_t *tags = s->ptag2;
    while (!syn_state_final(st)) {
        float score[SYN_NACT];
        size_t nf = syn_parse_features(st, sc->w, tags, c->coarse, f);
        syn_ptrain_score(&c->par, f, nf, score);
        int pred = -1, gold = -1, cost[SYN_NACT], minc = 1 << 30;
        for (int a = 0; a < SYN_NACT; a++) {
            if (!syn_state_valid(st, a))
                continue;
            cost[a] = syn_state_cost(st, a, c->ghead);
            if (cost[a] < minc)
                minc = cost[a];
            if (pred < 0 || score[a] > score[pred])
                pred = a;
        }
        for (int a = 0; a < SYN_NACT; a++)
            if (syn_state_valid(st, a) && cost[a] == minc &&
                (gold < 0 || score[a] > score[gold]))
                gold = a;
        c->par.t++;
        int act = gold;
        if (cost[pred] > minc) {
            if (syn_ptrain_update(&c->par, f, nf, (size_t)gold, 1.0f) < 0 ||
                syn_ptrain_update(&c->par, f, nf, (size_t)pred, -1.0f) < 0)
                return EVG_ENOMEM;
            if (explore && rng_next(rng) % 10 < 9)
                act = pred;
        } else {
            act = pred;
        }
        uint16_t rel = 0;
        if (act != SYN_SHIFT) {
            int d, h;
            syn_state_arc(st, act, &d, &h);
            if (h == 0) {
                rel = c->root_rel;
            } else {
                size_t nlf = syn_label_features(st, sc->w, tags, d, h, lf);
                syn_ptrain_score(&c->lab, lf, nlf, c->lscore);
                rel = pick_label(c->lscore, c->lab.nclass, c->root_rel);
                if (h == c->ghead[d]) {
                    uint16_t g = s->rel[d - 1];
                    c->lab.t++;
                    if (rel != g &&
                        (syn_ptrain_update(&c->lab, lf, nlf, g, 1.0f) < 0 ||
                         syn_ptrain_update(&c->lab, lf, nlf, rel, -1.0f) < 0))
                        return EVG_ENOMEM;
                    rel = g;
                }
            }
        }
        syn_state_apply(st, act, rel);
    }
    for (size_t i = 1; i <= s->n; i++) {
        *right += st->head[i] == c->ghead[i];
        (*total)++;
    }
    return 0;
}

/* Parses dev with the model's tagger and parser; returns UAS and LAS. */
static void parse_eval(const evg_syn_model *m, treebank *dev, scratch *sc,
                       syn_state *st, double *uas, double *las)
{
    size_t n = 0, u = 0, l = 0;
    for (size_t q = 0; q < dev->n; q++) {
        tb_sent *s = &dev->s[q];
        if (scratch_fit(sc, s->n) < 0)
            return;
        syn_words(&m->tagdict, &m->lexicon, s->form, s->n, sc->w);
        syn_tag(m, sc->w, s->n, sc->tags);
        syn_state_reset(st, s->n);
        syn_parse(m, sc->w, sc->tags, st);
        for (size_t i = 0; i < s->n; i++) {
            n++;
            if (st->head[i + 1] == s->head[i]) {
                u++;
                const char *a = m->rels[st->rel[i + 1]];
                const char *b = m->rels[s->rel[i]];
                size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
                l += la == lb && !memcmp(a, b, la);
            }
        }
    }
    *uas = n ? 100.0 * (double)u / (double)n : 0;
    *las = n ? 100.0 * (double)l / (double)n : 0;
}

/* Trains the parser and the labeler for all epochs, reporting dev scores
 * after each; the weights stay in c->par and c->lab. */
static int train_parser(const syn_train_opts *o, evg_syn_model *m,
                        treebank *tb, treebank *dev, uint64_t *rng,
                        scratch *sc, size_t maxlen, parse_ctx *c)
{
    for (size_t r = 0; r < m->nrels; r++)
        if (!strcmp(m->rels[r], "root"))
            c->root_rel = (uint16_t)r;
    c->dict = &m->tagdict;
    c->lex = &m->lexicon;
    if (syn_model_coarse(m) < 0)
        return EVG_ENOMEM;
    c->coarse = m->coarse;
    c->ghead = malloc((maxlen + 2) * sizeof *c->ghead);
    c->lscore = malloc(m->nrels * sizeof *c->lscore);
    size_t *idx = malloc(tb->n * sizeof *idx);
    syn_state dst = {0};
    int rc = EVG_ENOMEM;
    if (!c->ghead || !c->lscore || !idx ||
        syn_ptrain_init(&c->par, SYN_NACT) < 0 ||
        syn_ptrain_init(&c->lab, m->nrels) < 0 ||
        syn_state_init(&c->st, maxlen) < 0 ||
        syn_state_init(&dst, maxlen) < 0)
        goto done;
    for (size_t i = 0; i < tb->n; i++)
        idx[i] = i;
    double best = 0;
    unsigned best_epoch = 0;
    for (unsigned e = 0; e < o->parse_epochs; e++) {
        shuffle(idx, tb->n, rng);
        size_t right = 0, total = 0;
        for (size_t q = 0; q < tb->n; q++) {
            if (scratch_fit(sc, tb->s[idx[q]].n) < 0 ||
                parse_train_sent(c, &tb->s[idx[q]], sc, e > 0, rng, &right,
                                 &total) < 0)
                goto done;
        }
        double uas = 0, las = 0;
        syn_ptab np, nl;
        if (syn_ptab_from_train(&np, &c->par, o->prune) < 0)
            goto done;
        if (syn_ptab_from_train(&nl, &c->lab, o->prune) < 0) {
            syn_ptab_dispose(&np);
            goto done;
        }
        syn_ptab kp = m->parser, kl = m->labeler;
        m->parser = np;
        m->labeler = nl;
        if (dev && dev->n)
            parse_eval(m, dev, sc, &dst, &uas, &las);
        int keep = !(dev && dev->n) || e == 0 || uas + las > best;
        if (keep) {
            best = uas + las;
            best_epoch = e + 1;
            syn_ptab_dispose(&kp);
            syn_ptab_dispose(&kl);
        } else {
            syn_ptab_dispose(&m->parser);
            syn_ptab_dispose(&m->labeler);
            m->parser = kp;
            m->labeler = kl;
        }
        logf_(o, "parser epoch %u: train UAS %.2f%%, dev UAS %.2f LAS %.2f, "
              "%zu + %zu features%s\n", e + 1,
              total ? 100.0 * (double)right / (double)total : 0, uas, las,
              c->par.nrows, c->lab.nrows, keep ? " (best so far)" : "");
    }
    if (!best_epoch && (syn_ptab_from_train(&m->parser, &c->par, o->prune) < 0 ||
                        syn_ptab_from_train(&m->labeler, &c->lab, o->prune) < 0))
        goto done;
    c->best_epoch = best_epoch;
    logf_(o, "parser: the tables of epoch %u\n", best_epoch);
    rc = 0;
done:
    syn_state_dispose(&dst);
    free(idx);
    return rc;
}

static void parse_ctx_dispose(parse_ctx *c)
{
    syn_ptrain_dispose(&c->par);
    syn_ptrain_dispose(&c->lab);
    syn_state_dispose(&c->st);
    free(c->ghead);
    free(c->lscore);
    memset(c, 0, sizeof *c);
}

static size_t table_bytes(const syn_ptab *t)
{
    return (size_t)t->cap * 8 + (size_t)t->npairs * 4;
}

/* ---- lemmas ---- */

typedef struct lcount {
    uint64_t key;
    uint32_t value, count;
} lcount;

typedef struct lmap {
    size_t cap, used;
    lcount *e;
} lmap;

/* Counts (key, value) pairs; the map holds at most one slot per pair. */
static int lmap_add(lmap *m, uint64_t key, uint32_t value)
{
    uint64_t k = syn_mix(key, value) | 1;
    if ((m->used + 1) * 2 > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1 << 16;
        lcount *e = calloc(cap, sizeof *e);
        if (!e)
            return EVG_ENOMEM;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->e[i].key)
                continue;
            uint64_t h = syn_mix(m->e[i].key, m->e[i].value) | 1;
            size_t j = h & (cap - 1);
            while (e[j].key)
                j = (j + 1) & (cap - 1);
            e[j] = m->e[i];
        }
        free(m->e);
        m->e = e;
        m->cap = cap;
    }
    size_t j = k & (m->cap - 1);
    while (m->e[j].key && !(m->e[j].key == key && m->e[j].value == value))
        j = (j + 1) & (m->cap - 1);
    if (!m->e[j].key) {
        m->e[j].key = key;
        m->e[j].value = value;
        m->used++;
    }
    m->e[j].count++;
    return 0;
}

static int cmp_lcount(const void *a, const void *b)
{
    const lcount *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return x->value < y->value ? -1 : x->value > y->value;
}

/* The winners: for each key, its most frequent value (ties: the lowest). */
static lcount *lmap_best(lmap *m, size_t *n)
{
    lcount *v = malloc((m->used ? m->used : 1) * sizeof *v);
    if (!v)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < m->cap; i++)
        if (m->e[i].key)
            v[k++] = m->e[i];
    evg_sort(v, k, sizeof *v, cmp_lcount);
    size_t w = 0;
    for (size_t i = 0; i < k; i++)
        if (!i || v[i].key != v[i - 1].key)
            v[w++] = v[i];
    *n = w;
    return v;
}

/* The winner of `key` among `n` winners sorted by key, or NULL. */
static lcount *find_best(lcount *v, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo].key == key ? &v[lo] : NULL;
}

/* The rule that turns `form` into `lemma`, as "lower|strip|add". */
static void rule_of(const char *form, const char *lemma, char *out,
                    size_t size, int prefer_lower)
{
    char low[256];
    size_t n = 0;
    for (; form[n] && n + 1 < sizeof low; n++)
        low[n] = form[n] >= 'A' && form[n] <= 'Z' ? (char)(form[n] | 0x20)
                                                  : form[n];
    low[n] = 0;
    size_t best = (size_t)-1;
    /* with a lexicon, on a tie (a form in small letters) the rule
     * lower-cases: the same lemma here, and the right one for the form
     * written with a capital at the start of a sentence or in a headline
     * ("Officials"); without one, as the format 3 models were trained */
    for (int k = 0; k < 2; k++) {
        int lower = prefer_lower ? 1 - k : k;
        const char *b = lower ? low : form;
        size_t p = 0;
        while (b[p] && b[p] == lemma[p])
            p++;
        while (p > 0 && ((unsigned char)lemma[p] & 0xc0) == 0x80)
            p--; /* never split a character */
        size_t strip = strlen(b) - p, cost = strip + strlen(lemma + p);
        if (cost < best && strip < 256) {
            best = cost;
            snprintf(out, size, "%d|%zu|%s", lower, strip, lemma + p);
        }
    }
}

static int build_lemmas(evg_syn_model *m, const treebank *tb)
{
    names rules = {0}, strs = {0}; /* rules "lower|strip|add"; lemmas */
    lmap suf = {0}, exact = {0}, tagr = {0};
    char rule[600], low[256];
    int rc = EVG_ENOMEM;
    lcount *bs = NULL, *be = NULL;
    syn_entry *ents = NULL;
    uint32_t *add_off = NULL, *str_off = NULL;
    syn_lemma_rule *rv = NULL;
    evg_buf b;
    evg_buf_init(&b, 0);
    for (size_t q = 0; q < tb->n; q++) {
        const tb_sent *s = &tb->s[q];
        for (size_t i = 0; i < s->n; i++) {
            if (strlen(s->form[i]) > 200 || !strcmp(s->lemma[i], "_"))
                continue;
            rule_of(s->form[i], s->lemma[i], rule, sizeof rule,
                    m->lexicon.cap != 0);
            int r = name_index(&rules, rule, 1);
            if (r < 0 || lmap_add(&tagr, (uint64_t)s->tag[i] + 1, (uint32_t)r) < 0)
                goto done;
            size_t n = syn_lower_copy(s->form[i], low, sizeof low);
            for (size_t k = 0; k <= SYN_LEMMA_SUFFIX; k++) {
                size_t at = syn_suffix_at(low, n, k);
                if (at == (size_t)-1)
                    break;
                if (lmap_add(&suf, syn_lemma_key('S', s->tag[i], low + at, n - at),
                             (uint32_t)r) < 0)
                    goto done;
            }
            int li = name_index(&strs, s->lemma[i], 1);
            if (li < 0 ||
                lmap_add(&exact, syn_lemma_key('E', s->tag[i], s->form[i],
                                      strlen(s->form[i])), (uint32_t)li) < 0)
                goto done;
        }
    }
    /* strings: rule additions, then whole lemmas */
    size_t ns = 0, ne = 0;
    add_off = calloc(rules.n + 1, sizeof *add_off);
    str_off = calloc(strs.n + 1, sizeof *str_off);
    rv = calloc(rules.n + 1, sizeof *rv);
    bs = lmap_best(&suf, &ns);
    be = lmap_best(&exact, &ne);
    ents = calloc(ns + ne + 1 + m->ntags * SYN_LEMMA_TAG_RULES, sizeof *ents);
    if (!add_off || !str_off || !rv || !bs || !be || !ents)
        goto done;
    evg_buf_putc(&b, 0);
    for (size_t i = 0; i < rules.n; i++) {
        int lower = 0, pos = 0;
        size_t strip = 0;
        sscanf(rules.v[i], "%d|%zu|%n", &lower, &strip, &pos);
        rv[i].lower = (uint8_t)lower;
        rv[i].strip = (uint8_t)strip;
        add_off[i] = (uint32_t)b.len;
        evg_buf_append(&b, rules.v[i] + pos, strlen(rules.v[i] + pos) + 1);
    }
    for (size_t i = 0; i < strs.n; i++) {
        str_off[i] = (uint32_t)b.len;
        evg_buf_append(&b, strs.v[i], strlen(strs.v[i]) + 1);
    }
    if (b.failed)
        goto done;
    syn_lemmas *l = &m->lemmas;
    l->nrules = rules.n;
    l->rules = rv;
    l->strings = b.data;
    l->strings_len = b.len;
    for (size_t i = 0; i < rules.n; i++)
        rv[i].add = b.data + add_off[i];
    /* first the suffix rules alone, leaving out a suffix whose rule is its
     * parent's (one character shorter): the lookup, longest suffix first,
     * then finds the parent's, the same rule; then the whole forms the
     * rules get wrong */
    for (size_t q = 0; q < tb->n; q++) {
        const tb_sent *s = &tb->s[q];
        for (size_t i = 0; i < s->n; i++) {
            size_t n = syn_lower_copy(s->form[i], low, sizeof low);
            lcount *parent = NULL;
            for (size_t k = 0; k <= SYN_LEMMA_SUFFIX; k++) {
                size_t at = syn_suffix_at(low, n, k);
                if (at == (size_t)-1)
                    break;
                lcount *e = find_best(bs, ns, syn_lemma_key('S', s->tag[i], low + at,
                                                   n - at));
                if (e && parent && parent->value == e->value)
                    e->count = 0; /* the same as its parent: left out */
                parent = e;
            }
        }
    }
    size_t k = 0;
    for (size_t i = 0; i < ns; i++)
        if (bs[i].count)
            ents[k++] = (syn_entry){bs[i].key, bs[i].value, 0};
    /* each tag's most frequent rules (seen twice or more), most frequent
     * first: the fallbacks when the lexicon does not know a lemma */
    for (size_t t = 0; m->lexicon.cap && t < m->ntags; t++) {
        uint32_t used[SYN_LEMMA_TAG_RULES];
        for (unsigned j = 0; j < SYN_LEMMA_TAG_RULES; j++) {
            const lcount *best = NULL;
            for (size_t i = 0; i < tagr.cap; i++) {
                const lcount *e = &tagr.e[i];
                int taken = 0;
                for (unsigned u = 0; u < j; u++)
                    taken |= used[u] == e->value;
                if (e->key != t + 1 || taken || e->count < 2)
                    continue;
                if (!best || e->count > best->count ||
                    (e->count == best->count && e->value < best->value))
                    best = e;
            }
            if (!best)
                break;
            used[j] = best->value;
            char c = (char)j;
            ents[k++] = (syn_entry){syn_lemma_key('T', (unsigned)t, &c, 1),
                                    best->value, 0};
        }
    }
    if (syn_map_build(&l->map, ents, k) < 0)
        goto done;
    for (size_t q = 0; q < tb->n; q++) {
        const tb_sent *s = &tb->s[q];
        for (size_t i = 0; i < s->n; i++) {
            uint64_t key = syn_lemma_key('E', s->tag[i], s->form[i],
                                         strlen(s->form[i]));
            lcount *e = find_best(be, ne, key);
            if (!e || !e->count)
                continue;
            e->count = 0; /* once */
            char buf[512];
            const char *want = strs.v[e->value];
            if (strcmp(syn_lemma(m, s->form[i], s->tag[i], buf, sizeof buf),
                       want))
                ents[k++] = (syn_entry){key, str_off[e->value], 0};
        }
    }
    free(l->map.e);
    l->map.e = NULL;
    l->map.cap = 0;
    if (syn_map_build(&l->map, ents, k) < 0)
        goto done;
    m->owned[4] = rv;
    m->owned[6] = l->map.e;
    m->owned[7] = b.data;
    rv = NULL;
    b.data = NULL;
    rc = 0;
done:
    free(rv);
    evg_buf_dispose(&b);
    free(add_off);
    free(str_off);
    free(bs);
    free(be);
    free(ents);
    names_dispose(&rules);
    names_dispose(&strs);
    free(tagr.e);
    free(suf.e);
    free(exact.e);
    return rc;
}

/* Frequent forms (20 times or more) that take one tag 97% of the time are
 * tagged from this dictionary, not by the model. */
#define DICT_MIN 20
#define DICT_SHARE 0.97

static int build_tagdict(evg_syn_model *m, const treebank *tb)
{
    lmap c = {0};
    for (size_t q = 0; q < tb->n; q++)
        for (size_t i = 0; i < tb->s[q].n; i++)
            if (lmap_add(&c, syn_form_key(tb->s[q].form[i]),
                         tb->s[q].tag[i]) < 0) {
                free(c.e);
                return EVG_ENOMEM;
            }
    lcount *v = malloc((c.used ? c.used : 1) * sizeof *v);
    syn_entry *ents = malloc((c.used ? c.used : 1) * sizeof *ents);
    int rc = EVG_ENOMEM;
    if (v && ents) {
        size_t n = 0, k = 0;
        for (size_t i = 0; i < c.cap; i++)
            if (c.e[i].key)
                v[n++] = c.e[i];
        evg_sort(v, n, sizeof *v, cmp_lcount);
        for (size_t i = 0; i < n;) {
            size_t j = i, total = 0;
            for (; j < n && v[j].key == v[i].key; j++)
                total += v[j].count;
            if (total >= DICT_MIN &&
                (double)v[i].count >= DICT_SHARE * (double)total)
                ents[k++] = (syn_entry){v[i].key, v[i].value, 0};
            i = j;
        }
        rc = syn_map_build(&m->tagdict, ents, k);
        m->owned[8] = m->tagdict.e;
    }
    free(v);
    free(ents);
    free(c.e);
    return rc;
}

/* Tokenization the treebanks teach: the second word of two-word tokens
 * that are plainly their words run together ("do" + "n't"), and words that
 * end in a full stop ("Mr."), each seen at least 3 and 2 times. */
static int build_tokenization(evg_syn_model *m, const treebank *tb)
{
    names cl = {0}, ab = {0};
    lmap cc = {0}, ac = {0}, wc = {0}; /* clitics, abbreviations, words */
    char low[128];
    int rc = 0;
    for (size_t f = 0; f < tb->nfiles && rc == 0; f++) {
        const syn_conllu *c = &tb->files[f];
        for (size_t q = 0; q < c->n && rc == 0; q++) {
            const syn_csent *s = &c->sents[q];
            for (size_t i = 0; i < s->nlines && rc == 0; i++) {
                const syn_cline *l = &s->lines[i];
                if (!l->col[CU_ID])
                    continue;
                const char *dash = strchr(l->col[CU_ID], '-');
                if (l->word) {
                    const char *w = l->col[CU_FORM];
                    size_t n = strlen(w);
                    if (n < sizeof low) {
                        for (size_t j = 0; j <= n; j++)
                            low[j] = w[j] >= 'A' && w[j] <= 'Z' ? (char)(w[j] | 0x20) : w[j];
                        rc = lmap_add(&wc, 1, (uint32_t)(syn_hash_str(low) >> 33));
                    }
                    if (n >= 2 && n < sizeof low && w[n - 1] == '.' &&
                        strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.") == n) {
                        for (size_t j = 0; j <= n; j++)
                            low[j] = w[j] >= 'A' && w[j] <= 'Z' ? (char)(w[j] | 0x20) : w[j];
                        int x = name_index(&ab, low, 1);
                        rc = x < 0 ? EVG_ENOMEM : lmap_add(&ac, 1, (uint32_t)x);
                    }
                    continue;
                }
                if (!dash || i + 2 >= s->nlines)
                    continue;
                const syn_cline *a = &s->lines[i + 1], *b = &s->lines[i + 2];
                long lo = strtol(l->col[CU_ID], NULL, 10);
                long hi = strtol(dash + 1, NULL, 10);
                if (hi != lo + 1 || !a->word || !b->word)
                    continue;
                size_t na = strlen(a->col[CU_FORM]), nb = strlen(b->col[CU_FORM]);
                const char *t = l->col[CU_FORM];
                if (na + nb != strlen(t) || nb >= sizeof low || !na ||
                    strncmp(t, a->col[CU_FORM], na) || strcmp(t + na, b->col[CU_FORM]))
                    continue;
                for (size_t j = 0; j <= nb; j++) {
                    char ch = b->col[CU_FORM][j];
                    low[j] = ch >= 'A' && ch <= 'Z' ? (char)(ch | 0x20) : ch;
                }
                /* a clitic with an apostrophe splits any word; others
                 * ("cannot") only the whole token they came from */
                char key[256];
                if (strchr(low, '\'') || strstr(low, "\xe2\x80\x99")) {
                    snprintf(key, sizeof key, "%s", low);
                } else {
                    size_t j = 0;
                    for (; t[j] && j + 1 < sizeof key; j++)
                        key[j] = t[j] >= 'A' && t[j] <= 'Z' ? (char)(t[j] | 0x20) : t[j];
                    key[j] = 0;
                    snprintf(key + j, sizeof key - j, "\t%zu", na);
                }
                int x = name_index(&cl, key, 1);
                rc = x < 0 ? EVG_ENOMEM : lmap_add(&cc, 1, (uint32_t)x);
            }
        }
    }
    /* keep the frequent ones, in first-seen order */
    size_t *cnt_c = calloc(cl.n + 1, sizeof *cnt_c);
    size_t *cnt_a = calloc(ab.n + 1, sizeof *cnt_a);
    m->clitics = calloc(cl.n + 1, sizeof *m->clitics);
    m->abbrevs = calloc(ab.n + 1, sizeof *m->abbrevs);
    if (rc == 0 && cnt_c && cnt_a && m->clitics && m->abbrevs) {
        for (size_t i = 0; i < cc.cap; i++)
            if (cc.e[i].count)
                cnt_c[cc.e[i].value] = cc.e[i].count;
        for (size_t i = 0; i < ac.cap; i++)
            if (ac.e[i].count)
                cnt_a[ac.e[i].value] = ac.e[i].count;
        for (size_t i = 0; i < cl.n; i++) {
            /* a whole word splits only if it mostly does ("cannot", not
             * "its", which is mostly the possessive) */
            char *tab = strchr(cl.v[i], '\t');
            if (tab) {
                *tab = 0;
                uint32_t v = (uint32_t)(syn_hash_str(cl.v[i]) >> 33);
                *tab = '\t';
                size_t whole = 0;
                for (size_t j = 0; j < wc.cap; j++)
                    if (wc.e[j].key && wc.e[j].value == v)
                        whole = wc.e[j].count;
                if (whole >= cnt_c[i])
                    continue;
            }
            if (cnt_c[i] >= 3 && strlen(cl.v[i]) < 16) {
                m->clitics[m->nclitics++] = cl.v[i];
                cl.v[i] = NULL;
            }
        }
        for (size_t i = 0; i < ab.n; i++)
            if (cnt_a[i] >= 2) {
                m->abbrevs[m->nabbrevs++] = ab.v[i];
                ab.v[i] = NULL;
            }
    } else if (rc == 0) {
        rc = EVG_ENOMEM;
    }
    m->own_tokenization = 1;
    names_dispose(&cl);
    names_dispose(&ab);
    free(cc.e);
    free(ac.e);
    free(wc.e);
    free(cnt_c);
    free(cnt_a);
    return rc;
}

/* ---- the whole run ---- */

void syn_train_defaults(syn_train_opts *o)
{
    memset(o, 0, sizeof *o);
    o->tag_epochs = 8;
    o->parse_epochs = 15;
    o->folds = 4;
    o->prune = 3;
    o->prune_tagger = 2;
    o->seed = 20260101;
}

/* The sentences of jackknife fold `k` of `folds` (every folds-th, from
 * the k-th) into idx: its held-out ones, or the others to train on. How
 * many. */
static size_t fold_split(size_t n, unsigned folds, unsigned k, int held_out,
                         size_t *idx)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if ((i % folds == k) == (held_out != 0))
            idx[m++] = i;
    return m;
}

static int cmp_entry_key(const void *a, const void *b)
{
    const syn_entry *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* m->lexicon from the words' values (two words of the same 64-bit key
 * share their bits). EVG_ENOMEM. */
static int lexicon_map(evg_syn_model *m, const char *const *word,
                       const uint32_t *value, size_t n)
{
    syn_entry *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return EVG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        v[i] = (syn_entry){syn_lex_key(word[i], strlen(word[i])), value[i], 0};
    evg_sort(v, n, sizeof *v, cmp_entry_key);
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (w && v[w - 1].key == v[i].key)
            v[w - 1].value |= v[i].value;
        else
            v[w++] = v[i];
    }
    free(m->lexicon.e);
    m->lexicon = (syn_map){0};
    m->owned[11] = NULL;
    int rc = w ? syn_map_build(&m->lexicon, v, w) : 0;
    m->owned[11] = m->lexicon.e;
    free(v);
    return rc;
}

/* The lexicon, with the inflected forms the lemma rules find: a word that
 * a tag's rules take to another word the lexicon has as a base form of
 * that tag's part of speech is an inflected form of it, and takes its
 * WordNet classes when it has none. */
static int build_lexicon(const syn_train_opts *o, evg_syn_model *m)
{
    if (!o->nlex)
        return 0;
    uint32_t *value = malloc(o->nlex * sizeof *value);
    if (!value || lexicon_map(m, o->lex_words, o->lex_values, o->nlex) < 0) {
        free(value);
        return EVG_ENOMEM;
    }
    char buf[512];
    size_t found = 0;
    for (size_t i = 0; i < o->nlex; i++) {
        const char *w = o->lex_words[i];
        value[i] = o->lex_values[i];
        for (size_t t = 0; t < m->ntags; t++) {
            uint8_t pos = m->lexpos[t];
            if (!pos || (value[i] & (uint32_t)pos << SYN_LEX_INFL_SHIFT))
                continue;
            const char *l = syn_lemma(m, w, (unsigned)t, buf, sizeof buf);
            if (!strcmp(l, w))
                continue;
            uint32_t lv = syn_lex_find(&m->lexicon, l);
            if (!(lv & pos))
                continue;
            value[i] |= (uint32_t)pos << SYN_LEX_INFL_SHIFT;
            if (!(value[i] >> SYN_LEX_NOUN_SHIFT))
                value[i] |= lv & ~((1u << SYN_LEX_NOUN_SHIFT) - 1);
            found++;
        }
    }
    int rc = lexicon_map(m, o->lex_words, value, o->nlex);
    free(value);
    logf_(o, "lexicon: %zu words, %zu inflected forms found by the lemma "
          "rules, %zu slots\n", o->nlex, found, m->lexicon.cap);
    return rc;
}

int syn_train(const syn_train_opts *o, evg_syn_model **out, evg_error *err)
{
    *out = NULL;
    treebank tb = {0}, dev = {0};
    names tags = {0}, rels = {0};
    scratch sc = {0};
    syn_ptrain tagp = {0}, tag2p = {0};
    parse_ctx pc;
    memset(&pc, 0, sizeof pc);
    evg_syn_model *m = calloc(1, sizeof *m);
    size_t *idx = NULL;
    int rc = 0;
    if (!m)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    uint64_t rng = o->seed ? o->seed : 1;
    for (size_t i = 0; i < o->ntrain && rc == 0; i++)
        rc = load_treebank(o->train[i], &tb, &tags, &rels, 1,
                           o->max_sentences, err);
    if (rc == 0 && o->dev)
        rc = load_treebank(o->dev, &dev, &tags, &rels, 0, o->max_sentences,
                           err);
    if (rc < 0)
        goto done;
    if (!tb.n) {
        rc = evg_error_set(err, EVG_EEMPTY, "no training sentences");
        goto done;
    }
    if (tags.n >= 1024 || rels.n >= 256) {
        rc = evg_error_set(err, EVG_ELIMIT, "too many tags or relations");
        goto done;
    }
    if (name_index(&rels, "root", 0) < 0) {
        rc = evg_error_set(err, EVG_EPARSE, "no 'root' relation in training");
        goto done;
    }
    /* tag and relation names: "UPOS\tXPOS" split in place */
    m->own_names = 1; /* the name arrays move to the model */
    m->ntags = tags.n;
    m->upos = tags.v;
    m->xpos = calloc(tags.n, sizeof *m->xpos);
    m->nrels = rels.n;
    m->rels = rels.v;
    tags = (names){0};
    rels = (names){0};
    if (!m->xpos) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < m->ntags; i++) {
        char *tab = strchr(m->upos[i], '\t');
        *tab = 0;
        m->xpos[i] = tab + 1;
    }
    /* the lemma rules first (they read the gold tags), as the lexicon's
     * inflected forms come from them */
    if ((rc = syn_model_coarse(m)) < 0 ||
        (o->nlex && (rc = lexicon_map(m, o->lex_words, o->lex_values,
                                      o->nlex)) < 0) ||
        (rc = build_lemmas(m, &tb)) < 0 || (rc = build_lexicon(o, m)) < 0)
        goto done;
    /* the beam is a lexicon model's (format 6); with one pass, none */
    m->beam = o->nlex && o->folds > 1 && o->tag_beam > 1 ? o->tag_beam : 0;
    size_t maxlen = 1, ntok = 0;
    for (size_t i = 0; i < tb.n; i++) {
        if (tb.s[i].n > maxlen)
            maxlen = tb.s[i].n;
        ntok += tb.s[i].n;
    }
    for (size_t i = 0; i < dev.n; i++)
        if (dev.s[i].n > maxlen)
            maxlen = dev.s[i].n;
    logf_(o, "training on %zu sentences (%zu words), %zu tags, %zu "
          "relations; dev %zu sentences\n", tb.n, ntok, m->ntags, m->nrels,
          dev.n);
    idx = malloc(tb.n * sizeof *idx);
    if (!idx) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    if ((rc = build_tagdict(m, &tb)) < 0)
        goto done;
    size_t ndict = 0;
    for (size_t i = 0; i < m->tagdict.cap; i++)
        ndict += m->tagdict.e[i].key != 0;
    logf_(o, "tag dictionary: %zu forms\n", ndict);
    /* jackknife: each fold is tagged by a tagger trained on the others;
     * first by the first pass alone (what the second pass learns from),
     * then by both passes (what the parser learns from) */
    unsigned folds = o->folds;
    syn_ptab *fold1 = calloc(folds ? folds : 1, sizeof *fold1);
    if (!fold1) {
        rc = EVG_ENOMEM;
        goto done;
    }
    for (unsigned k = 0; folds > 1 && k < folds && rc == 0; k++) {
        size_t n = fold_split(tb.n, folds, k, 0, idx);
        char what[48];
        snprintf(what, sizeof what, "tagger fold %u/%u", k + 1, folds);
        syn_ptrain fp;
        rc = train_tagger(o, m, &tb, idx, n, NULL, &rng, &sc, what, 0, &fp);
        if (rc == 0)
            rc = syn_ptab_from_train(&fold1[k], &fp, o->prune_tagger);
        syn_ptrain_dispose(&fp);
        if (rc < 0)
            break;
        size_t nt = fold_split(tb.n, folds, k, 1, idx);
        size_t r = 0, t = 0;
        m->tagger = fold1[k];
        tag_sents(m, &tb, idx, nt, &sc, 0, &r, &t);
        memset(&m->tagger, 0, sizeof m->tagger);
        logf_(o, "tagger fold %u/%u: held-out accuracy %.2f%%\n", k + 1,
              folds, t ? 100.0 * (double)r / (double)t : 0);
    }
    for (unsigned k = 0; folds > 1 && k < folds && rc == 0; k++) {
        size_t n = fold_split(tb.n, folds, k, 0, idx);
        char what[48];
        snprintf(what, sizeof what, "tagger fold %u/%u, second pass", k + 1,
                 folds);
        syn_ptrain fp;
        rc = train_tagger(o, m, &tb, idx, n, NULL, &rng, &sc, what, 1, &fp);
        if (rc == 0)
            rc = syn_ptab_from_train(&m->tagger2, &fp, o->prune_tagger);
        syn_ptrain_dispose(&fp);
        if (rc < 0)
            break;
        size_t nt = fold_split(tb.n, folds, k, 1, idx);
        size_t r = 0, t = 0;
        m->tagger = fold1[k];
        tag_sents(m, &tb, idx, nt, &sc, 1, &r, &t);
        memset(&m->tagger, 0, sizeof m->tagger);
        syn_ptab_dispose(&m->tagger2);
        logf_(o, "tagger fold %u/%u, both passes: held-out accuracy %.2f%%\n",
              k + 1, folds, t ? 100.0 * (double)r / (double)t : 0);
    }
    for (unsigned k = 0; k < folds; k++)
        syn_ptab_dispose(&fold1[k]);
    free(fold1);
    if (rc < 0)
        goto done;
    for (size_t i = 0; i < tb.n; i++)
        idx[i] = i;
    if ((rc = train_tagger(o, m, &tb, idx, tb.n, &dev, &rng, &sc, "tagger",
                           0, &tagp)) < 0)
        goto done;
    syn_ptab_dispose(&m->tagger);
    if ((rc = syn_ptab_from_train(&m->tagger, &tagp, o->prune_tagger)) < 0)
        goto done;
    /* the second pass learns from the first pass's jackknifed tags */
    if (folds > 1 &&
        ((rc = train_tagger(o, m, &tb, idx, tb.n, &dev, &rng, &sc,
                            "tagger, second pass", 1, &tag2p)) < 0 ||
         (rc = syn_ptab_from_train(&m->tagger2, &tag2p, o->prune_tagger)) < 0))
        goto done;
    /* the parser's and the labeler's tables are those of the epoch that
     * did best on dev (the last one without dev) */
    if ((rc = train_parser(o, m, &tb, &dev, &rng, &sc, maxlen, &pc)) < 0)
        goto done;
    logf_(o, "tables: tagger %.1f + %.1f MB, parser %.1f MB, labeler %.1f MB\n",
          (double)table_bytes(&m->tagger) / 1e6,
          (double)table_bytes(&m->tagger2) / 1e6,
          (double)table_bytes(&m->parser) / 1e6,
          (double)table_bytes(&m->labeler) / 1e6);
    if ((rc = build_tokenization(m, &tb)) < 0)
        goto done;
    char info[512];
    snprintf(info, sizeof info,
             "evgraph English syntax model: %zu training sentences, %zu "
             "words; tagger %u epochs, parser %u epochs (the tables of "
             "epoch %u), %u jackknife "
             "folds, tagger features updated at least %u times, parser "
             "features %u times, seed %llu",
             tb.n, ntok, o->tag_epochs, o->parse_epochs, pc.best_epoch, o->folds,
             o->prune_tagger, o->prune,
             (unsigned long long)o->seed);
    if (m->beam > 1) {
        size_t len = strlen(info);
        snprintf(info + len, sizeof info - len,
                 "; second tagger pass a beam of %u", m->beam);
    }
    if (o->nlex) {
        size_t len = strlen(info);
        snprintf(info + len, sizeof info - len, "; lexicon of %zu words",
                 o->nlex);
    }
    m->info = strdup(info);
    m->owned[0] = m->info;
    if (!m->info)
        rc = EVG_ENOMEM;
done:
    if (rc < 0 && rc == EVG_ENOMEM && err && !err->message[0])
        evg_error_set(err, rc, "out of memory");
    free(idx);
    free(sc.w);
    free(sc.tags);
    free(sc.gold);
    syn_ptrain_dispose(&tagp);
    syn_ptrain_dispose(&tag2p);
    parse_ctx_dispose(&pc);
    free_treebank(&tb);
    free_treebank(&dev);
    names_dispose(&tags);
    names_dispose(&rels);
    if (rc < 0)
        evg_syn_model_free(m);
    else
        *out = m;
    return rc;
}

int evg_syn_model_save(const evg_syn_model *m, const char *path,
                       evg_error *err)
{
    return syn_model_save(m, path, err);
}
