/* Training the event-mention detector (evgraph-train events): the event
 * lexicon, counted so that no token sees its own document's counts, then
 * a multiclass averaged perceptron over the tokens of the training
 * documents, in an order shuffled by a seeded generator each epoch. */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "mentions.h"

void evg_men_train_defaults(evg_men_train_opts *o)
{
    memset(o, 0, sizeof *o);
    o->epochs = 10;
    o->prune = 1;
    o->seed = 20260101;
    o->dropout = 80;
    o->members = 5;
}

/* ---- lexicon counts ---- */

typedef struct lexc {
    uint64_t key;
    uint32_t seen, ev;
    uint32_t cls[EVG_MEN_MAX_CLASSES];
} lexc;

typedef struct lextab {
    size_t cap, used;
    lexc *e;
} lextab;

static lexc *lex_slot(lextab *t, uint64_t key)
{
    if ((t->used + 1) * 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 4096;
        lexc *e = calloc(cap, sizeof *e);
        if (!e)
            return NULL;
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->e[i].key)
                continue;
            size_t j = t->e[i].key & (cap - 1);
            while (e[j].key)
                j = (j + 1) & (cap - 1);
            e[j] = t->e[i];
        }
        free(t->e);
        t->e = e;
        t->cap = cap;
    }
    size_t j = key & (t->cap - 1);
    while (t->e[j].key && t->e[j].key != key)
        j = (j + 1) & (t->cap - 1);
    if (!t->e[j].key) {
        t->e[j].key = key;
        t->used++;
    }
    return &t->e[j];
}

static const lexc *lex_find(const lextab *t, uint64_t key)
{
    if (!t->cap)
        return NULL;
    size_t j = key & (t->cap - 1);
    while (t->e[j].key && t->e[j].key != key)
        j = (j + 1) & (t->cap - 1);
    return t->e[j].key ? &t->e[j] : NULL;
}

static unsigned major_class(const uint32_t *cls, size_t nclass)
{
    unsigned best = 0;
    for (unsigned c = 1; c < nclass; c++)
        if (cls[c] > (best ? cls[best] : 0))
            best = c;
    return best;
}

/* A document's tokens as (key, class), sorted, for its own counts. */
typedef struct keycls {
    uint64_t key;
    uint32_t cls, tok;
} keycls;

static int cmp_keycls(const void *a, const void *b)
{
    const keycls *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->tok < y->tok ? -1 : x->tok > y->tok;
}

/* prior[i] for every token of `d`: the bucket of the counts of all
 * training documents but `d` itself (leave-one-document-out). */
static int doc_priors(const lextab *all, const evg_men_doc *d, size_t nclass,
                      uint32_t *prior)
{
    keycls *v = malloc((d->n ? d->n : 1) * sizeof *v);
    if (!v)
        return EVG_ENOMEM;
    for (size_t i = 0; i < d->n; i++) {
        v[i].key = evg_men_lemma_key(d->tokens[i].lemma);
        v[i].cls = d->gold[i];
        v[i].tok = (uint32_t)i;
    }
    qsort(v, d->n, sizeof *v, cmp_keycls);
    for (size_t a = 0; a < d->n;) {
        size_t b = a;
        lexc own = {0};
        while (b < d->n && v[b].key == v[a].key) {
            own.seen++;
            own.ev += v[b].cls != 0;
            own.cls[v[b].cls]++;
            b++;
        }
        const lexc *g = lex_find(all, v[a].key);
        uint32_t bucket = 0;
        if (g && g->seen > own.seen) {
            uint32_t cls[EVG_MEN_MAX_CLASSES];
            for (size_t c = 0; c < nclass; c++)
                cls[c] = g->cls[c] - own.cls[c];
            bucket = evg_men_prior_bucket(g->seen - own.seen, g->ev - own.ev,
                                          major_class(cls, nclass));
        }
        for (size_t q = a; q < b; q++)
            prior[v[q].tok] = bucket;
        a = b;
    }
    free(v);
    return 0;
}

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545f4914f6cdd1dull;
}

/* The row of feature key `key` in `p`, or -1 (keys are stored as
 * syn_ptrain_update stores them: never 0). */
static long row_of(const syn_ptrain *p, uint64_t key)
{
    size_t mask = p->cap - 1;
    for (size_t i = key & mask; p->cap; i = (i + 1) & mask) {
        if (p->keys[i] == key)
            return (long)p->slot_row[i];
        if (!p->keys[i])
            break;
    }
    return -1;
}

/* Adds `share` times the averaged weights of `p` to `acc`, which is never
 * stepped (its t stays 0, so its average is its weights), and the
 * updates each feature had to its count. */
static int add_average(syn_ptrain *acc, const syn_ptrain *p, double share)
{
    size_t nc = p->nclass;
    for (size_t s = 0; s < p->cap; s++) {
        if (!p->keys[s])
            continue;
        size_t r = p->slot_row[s];
        uint64_t key = p->keys[s];
        for (size_t c = 0; c < nc; c++) {
            size_t i = r * nc + c;
            double av = p->t ? (p->tot[i] + (double)p->w[i] *
                                (double)(p->t - p->ts[i])) / (double)p->t
                             : (double)p->w[i];
            if (syn_ptrain_update(acc, &key, 1, c, (float)(av * share)) < 0)
                return EVG_ENOMEM;
        }
        long ra = row_of(acc, key);
        if (ra < 0)
            return EVG_ENOMEM;
        acc->hits[ra] += p->hits[r];
    }
    return 0;
}

/* Trains o->members averaged perceptrons (each from its own seed, the
 * first from o->seed) over instances in groups: group g holds instances
 * gat[g] .. gat[g + 1], instance k the features feats[fstart[k] ..
 * fstart[k + 1]) and the class lab[k]; the groups are shuffled each
 * epoch, and each training step leaves out o->dropout% of the instance's
 * features. `nmin` is the lowest class an answer may take (1 for the
 * class stage, whose instances are all events). The mean of the members'
 * averaged weights goes into *out, pruned. */
static int train_table(const evg_men_train_opts *o, size_t ngroups,
                       const size_t *gat, const uint32_t *fstart,
                       const uint64_t *feats, const uint8_t *lab,
                       size_t nmin, const char *what, syn_ptab *out)
{
    int rc = EVG_ENOMEM;
    syn_ptrain p, acc;
    int have_p = 0, have_acc = 0;
    size_t *order = malloc((ngroups ? ngroups : 1) * sizeof *order);
    uint64_t *fkept = NULL;
    size_t maxf = 0;
    for (size_t k = 0; k < gat[ngroups]; k++)
        if (fstart[k + 1] - fstart[k] > maxf)
            maxf = fstart[k + 1] - fstart[k];
    if (!order || !(fkept = malloc((maxf ? maxf : 1) * sizeof *fkept)))
        goto done;
    unsigned members = o->members ? o->members : 1;
    if (members > 1) {
        if (syn_ptrain_init(&acc, o->nclass) < 0)
            goto done;
        have_acc = 1;
    }
    float score[EVG_MEN_MAX_CLASSES];
    for (unsigned member = 0; member < members; member++) {
        if (syn_ptrain_init(&p, o->nclass) < 0)
            goto done;
        have_p = 1;
        uint64_t rng = (o->seed ? o->seed : 1) +
                       member * 0x9e3779b97f4a7c15ull;
        if (!rng)
            rng = 1;
        for (size_t q = 0; q < ngroups; q++)
            order[q] = q;
        for (unsigned ep = 0; ep < o->epochs; ep++) {
            for (size_t q = ngroups; q > 1; q--) {
                size_t j = rng_next(&rng) % q, t = order[q - 1];
                order[q - 1] = order[j];
                order[j] = t;
            }
            size_t right = 0, total = 0;
            for (size_t q = 0; q < ngroups; q++) {
                for (size_t k = gat[order[q]]; k < gat[order[q] + 1]; k++) {
                    const uint64_t *f = feats + fstart[k];
                    size_t n = fstart[k + 1] - fstart[k];
                    if (o->dropout) { /* each kept with 1 - dropout% */
                        size_t kept = 0;
                        for (size_t j = 0; j < n; j++)
                            if (rng_next(&rng) % 100 >= o->dropout)
                                fkept[kept++] = f[j];
                        f = fkept;
                        n = kept;
                    }
                    syn_ptrain_score(&p, f, n, score);
                    size_t best = nmin;
                    for (size_t c = nmin + 1; c < o->nclass; c++)
                        if (score[c] > score[best])
                            best = c;
                    p.t++;
                    total++;
                    if (best == lab[k]) {
                        right++;
                        continue;
                    }
                    if (syn_ptrain_update(&p, f, n, lab[k], 1.0f) < 0 ||
                        syn_ptrain_update(&p, f, n, best, -1.0f) < 0)
                        goto done;
                }
            }
            if (o->log)
                fprintf(o->log, "events: %s, member %u, epoch %u: %.2f%% "
                        "of %zu right\n", what, member + 1, ep + 1,
                        total ? 100.0 * (double)right / (double)total : 0.0,
                        total);
        }
        if (members > 1) {
            if (add_average(&acc, &p, 1.0 / members) < 0)
                goto done;
            syn_ptrain_dispose(&p);
            have_p = 0;
        }
    }
    if (syn_ptab_from_train(out, members > 1 ? &acc : &p, o->prune) < 0)
        goto done;
    rc = 0;
done:
    if (have_p)
        syn_ptrain_dispose(&p);
    if (have_acc)
        syn_ptrain_dispose(&acc);
    free(order);
    free(fkept);
    return rc;
}

typedef struct span {
    size_t doc, first, n; /* a sentence: tokens first .. first+n of doc */
} span;

int evg_men_train(const evg_men_train_opts *o, const evg_men_doc *docs,
                  size_t ndocs, const unsigned char *use, evg_men_model **out,
                  evg_error *err)
{
    *out = NULL;
    if (o->nclass < 2 || o->nclass > EVG_MEN_MAX_CLASSES || !o->names ||
        strcmp(o->names[0], "NONE"))
        return evg_error_set(err, EVG_EINVAL,
                             "event classes: 2 to %d, the first NONE",
                             EVG_MEN_MAX_CLASSES);
    int rc = EVG_ENOMEM;
    lextab all = {0};
    uint32_t **prior = calloc(ndocs ? ndocs : 1, sizeof *prior);
    uint32_t **sense = calloc(ndocs ? ndocs : 1, sizeof *sense);
    evg_men_model *m = calloc(1, sizeof *m);
    span *sp = NULL;
    size_t nsp = 0, capsp = 0, ntok = 0;
    uint64_t *feats = NULL;
    uint32_t *fstart = NULL; /* per training token, in span order */
    syn_entry *lexv = NULL;
    size_t *tok_at = NULL, *kbuf = NULL, *cat = NULL;
    uint8_t *lab = NULL, *clab = NULL;
    uint64_t *cfeats = NULL;
    uint32_t *cfstart = NULL;
    if (!prior || !sense || !m)
        goto done;
    /* WordNet's map first: the features read it */
    if (o->nsenses) {
        if (syn_map_build(&m->senses, o->senses, o->nsenses) < 0)
            goto done;
        m->owned_senses = m->senses.e;
    }
    if (o->nclasses) {
        if (syn_map_build(&m->classes, o->classes, o->nclasses) < 0)
            goto done;
        m->owned_classes = m->classes.e;
    }

    /* lexicon counts over the training documents */
    for (size_t d = 0; d < ndocs; d++) {
        if (use && !use[d])
            continue;
        for (size_t i = 0; i < docs[d].n; i++) {
            unsigned g = docs[d].gold[i];
            if (g >= o->nclass) {
                rc = evg_error_set(err, EVG_EINVAL, "%s: class %u out of "
                                   "range", docs[d].name, g);
                goto done;
            }
            lexc *e = lex_slot(&all, evg_men_lemma_key(docs[d].tokens[i].lemma));
            if (!e)
                goto done;
            e->seen++;
            e->ev += g != 0;
            e->cls[g]++;
        }
    }
    /* sentences, and each token's leave-one-out prior */
    for (size_t d = 0; d < ndocs; d++) {
        if (use && !use[d])
            continue;
        const evg_men_doc *doc = &docs[d];
        if (!(prior[d] = malloc((doc->n ? doc->n : 1) * sizeof **prior)) ||
            !(sense[d] = malloc((doc->n ? doc->n : 1) * sizeof **sense)) ||
            doc_priors(&all, doc, o->nclass, prior[d]) < 0)
            goto done;
        for (size_t i = 0; i < doc->n; i++) {
            sense[d][i] = evg_men_sense(m, &doc->tokens[i]);
            prior[d][i] |= evg_men_listed(m, &doc->tokens[i])
                           << EVG_MEN_LISTED_SHIFT;
        }
        for (size_t i = 0; i < doc->n;) {
            size_t j = i;
            while (j < doc->n && doc->tokens[j].sentence == doc->tokens[i].sentence)
                j++;
            if (evg_reserve(&sp, &capsp, nsp + 1, sizeof *sp, 256) < 0)
                goto done;
            sp[nsp++] = (span){d, i, j - i};
            ntok += j - i;
            i = j;
        }
    }
    /* every token's features, computed once */
    size_t fcap = 0;
    fstart = malloc((ntok + 1) * sizeof *fstart);
    tok_at = malloc((nsp + 1) * sizeof *tok_at);
    if (!fstart || !tok_at)
        goto done;
    size_t at = 0, nf = 0, kcap = 0;
    for (size_t q = 0; q < nsp; q++) {
        const evg_men_doc *doc = &docs[sp[q].doc];
        const evg_doc_token *t = doc->tokens + sp[q].first;
        if (sp[q].n * 2 > kcap) {
            free(kbuf);
            kcap = sp[q].n * 2;
            if (!(kbuf = malloc(kcap * sizeof *kbuf)))
                goto done;
        }
        evg_men_kids kids = {kbuf, kbuf + sp[q].n};
        evg_men_kids_build(t, sp[q].n, kbuf, kbuf + sp[q].n);
        tok_at[q] = at;
        for (size_t i = 0; i < sp[q].n; i++) {
            if (nf > UINT32_MAX - EVG_MEN_FEATS) {
                rc = evg_error_set(err, EVG_ELIMIT, "too many training "
                                   "tokens");
                goto done;
            }
            if (evg_reserve(&feats, &fcap, nf + EVG_MEN_FEATS, sizeof *feats,
                            (size_t)1 << 16) < 0)
                goto done;
            fstart[at++] = (uint32_t)nf;
            nf += evg_men_features(t, sp[q].n, i,
                                   prior[sp[q].doc] + sp[q].first,
                                   sense[sp[q].doc] + sp[q].first, &kids,
                                   feats + nf);
        }
    }

    fstart[at] = (uint32_t)nf;
    tok_at[nsp] = at;

    /* the detector: every token, sentences shuffled */
    if (!(lab = malloc((ntok ? ntok : 1))))
        goto done;
    for (size_t q = 0; q < nsp; q++)
        memcpy(lab + tok_at[q], docs[sp[q].doc].gold + sp[q].first, sp[q].n);
    if (train_table(o, nsp, tok_at, fstart, feats, lab, 0, "detector",
                    &m->tab) < 0)
        goto done;
    /* the class stage: the gold events alone, each with the detector's
     * features and its own */
    size_t nev = 0;
    for (size_t k = 0; k < ntok; k++)
        nev += lab[k] != 0;
    if (!(cfstart = malloc((nev + 1) * sizeof *cfstart)) ||
        !(clab = malloc(nev ? nev : 1)) ||
        !(cat = malloc((nev + 1) * sizeof *cat)))
        goto done;
    size_t ce = 0, cnf = 0, ccap = 0;
    for (size_t q = 0; q < nsp; q++) {
        const evg_men_doc *doc = &docs[sp[q].doc];
        const evg_doc_token *t = doc->tokens + sp[q].first;
        evg_men_kids kids = {kbuf, kbuf + sp[q].n};
        int built = 0;
        for (size_t i = 0; i < sp[q].n; i++) {
            size_t k = tok_at[q] + i;
            if (!lab[k])
                continue;
            if (!built) {
                evg_men_kids_build(t, sp[q].n, kbuf, kbuf + sp[q].n);
                built = 1;
            }
            size_t nf0 = fstart[k + 1] - fstart[k];
            if (evg_reserve(&cfeats, &ccap, cnf + nf0 + EVG_MEN_CFEATS,
                            sizeof *cfeats, (size_t)1 << 16) < 0)
                goto done;
            cat[ce] = ce;
            cfstart[ce] = (uint32_t)cnf;
            clab[ce++] = lab[k];
            memcpy(cfeats + cnf, feats + fstart[k], nf0 * sizeof *feats);
            cnf += nf0;
            cnf += evg_men_class_features(t, sp[q].n, i,
                                          prior[sp[q].doc] + sp[q].first,
                                          sense[sp[q].doc] + sp[q].first,
                                          &kids, cfeats + cnf);
        }
    }
    cat[ce] = ce;
    cfstart[ce] = (uint32_t)cnf;
    if (train_table(o, ce, cat, cfstart, cfeats, clab, 1, "class stage",
                    &m->ctab) < 0)
        goto done;

    m->nclass = o->nclass;
    m->calib = 1.0f;
    for (size_t c = 0; c < o->nclass; c++)
        if (!(m->names[c] = strdup(o->names[c])))
            goto done;
    /* the run-time lexicon: every training document counted */
    size_t nlex = 0;
    if (!(lexv = malloc((all.used ? all.used : 1) * sizeof *lexv)))
        goto done;
    for (size_t i = 0; i < all.cap; i++) {
        const lexc *e = &all.e[i];
        if (!e->key || !e->ev)
            continue; /* never an event: as good as unseen, and smaller */
        lexv[nlex++] = (syn_entry){e->key, evg_men_prior_bucket(
            e->seen, e->ev, major_class(e->cls, o->nclass)), 0};
    }
    if (syn_map_build(&m->lex, lexv, nlex) < 0)
        goto done;
    m->owned = m->lex.e;
    evg_buf info;
    evg_buf_init(&info, 0);
    size_t ndoc = 0;
    for (size_t d = 0; d < ndocs; d++)
        ndoc += !use || use[d];
    evg_buf_printf(&info, "evgraph event-mention model: %zu documents, %zu "
                   "tokens (%zu events for the class stage), %u epochs, "
                   "seed %llu, prune %u, dropout %u%%, members %u, %zu "
                   "lexicon lemmas, %zu WordNet lemmas, %zu listed words",
                   ndoc, ntok, ce, o->epochs, o->seed, o->prune, o->dropout,
                   o->members ? o->members : 1, nlex, o->nsenses,
                   o->nclasses);
    if (!(m->info = evg_buf_steal(&info, NULL)))
        goto done;
    *out = m;
    m = NULL;
    rc = 0;
done:
    if (rc == EVG_ENOMEM)
        evg_error_set(err, rc, "out of memory");
    evg_men_model_free(m);
    for (size_t d = 0; prior && d < ndocs; d++)
        free(prior[d]);
    for (size_t d = 0; sense && d < ndocs; d++)
        free(sense[d]);

    free(prior);
    free(sense);
    free(all.e);
    free(sp);
    free(feats);
    free(fstart);
    free(tok_at);
    free(lexv);
    free(kbuf);
    free(lab);
    free(clab);
    free(cat);
    free(cfeats);
    free(cfstart);
    return rc;
}

/* ---- the event threshold ---- */

typedef struct scored {
    float evm;
    unsigned char gold;
    size_t at;
} scored;

static int cmp_scored(const void *a, const void *b)
{
    const scored *x = a, *y = b;
    if (x->evm != y->evm)
        return x->evm > y->evm ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

float evg_men_threshold(const float *evm, const unsigned char *gold,
                        size_t n)
{
    scored *v = malloc((n ? n : 1) * sizeof *v);
    if (!v || !n) {
        free(v);
        return 0.0f;
    }
    size_t ngold = 0;
    for (size_t i = 0; i < n; i++) {
        v[i] = (scored){evm[i], gold[i] != 0, i};
        ngold += gold[i] != 0;
    }
    qsort(v, n, sizeof *v, cmp_scored);
    /* the first k tokens as events, for every k at a change of score */
    size_t tp = 0, best_k = 0;
    double best_f = -1;
    for (size_t k = 0; k <= n; k++) {
        if (k > 0)
            tp += v[k - 1].gold;
        if (k > 0 && k < n && v[k].evm == v[k - 1].evm)
            continue;
        double f = (k + ngold) ? 2.0 * (double)tp / (double)(k + ngold) : 0;
        if (f > best_f) {
            best_f = f;
            best_k = k;
        }
    }
    float bias;
    if (best_k == 0)
        bias = -v[0].evm - 1.0f;
    else if (best_k == n)
        bias = -v[n - 1].evm + 1.0f;
    else
        bias = -(v[best_k - 1].evm + v[best_k].evm) / 2;
    free(v);
    return bias;
}
