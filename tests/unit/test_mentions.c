/* Event mentions: the features of a word over the token layer, training
 * on sentences written here (deterministic, and the model labels what it
 * learnt), model files that are missing or damaged, and the stage in the
 * pipeline with the shipped models (events without a CAMEO code, classes
 * of CAMEO events, CAMEO only). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "evgraph/extract.h"
#include "evgraph/io.h"
#include "mentions/mentions.h"
#include "syntax/syn_file.h"
#include "model_file_fixture.h"

/* A word of a hand-made token layer: form, UPOS, XPOS, lemma, head,
 * relation, and its gold class (0: no event). */
typedef struct word {
    const char *form, *upos, *xpos, *lemma;
    size_t head;
    const char *rel;
    unsigned gold;
} word;

enum { NONE, OCC, REP, STA, IAC, IST, ASP, PER };
static const char *const names[] = {"NONE", "OCCURRENCE", "REPORTING",
                                    "STATE", "I_ACTION", "I_STATE",
                                    "ASPECTUAL", "PERCEPTION"};

/* "The army attacked the town." */
static const word s_attack[] = {
    {"The", "DET", "DT", "the", 2, "det", NONE},
    {"army", "NOUN", "NN", "army", 3, "nsubj", NONE},
    {"attacked", "VERB", "VBD", "attack", 0, "root", OCC},
    {"the", "DET", "DT", "the", 5, "det", NONE},
    {"town", "NOUN", "NN", "town", 3, "obj", NONE},
    {".", "PUNCT", ".", ".", 3, "punct", NONE},
};
/* "Officials said the talks failed." */
static const word s_said[] = {
    {"Officials", "NOUN", "NNS", "official", 2, "nsubj", NONE},
    {"said", "VERB", "VBD", "say", 0, "root", REP},
    {"the", "DET", "DT", "the", 4, "det", NONE},
    {"talks", "NOUN", "NNS", "talk", 5, "nsubj", OCC},
    {"failed", "VERB", "VBD", "fail", 2, "ccomp", OCC},
    {".", "PUNCT", ".", ".", 2, "punct", NONE},
};
/* "Investors hope the bank will recover." */
static const word s_hope[] = {
    {"Investors", "NOUN", "NNS", "investor", 2, "nsubj", NONE},
    {"hope", "VERB", "VBP", "hope", 0, "root", IST},
    {"the", "DET", "DT", "the", 4, "det", NONE},
    {"bank", "NOUN", "NN", "bank", 6, "nsubj", NONE},
    {"will", "AUX", "MD", "will", 6, "aux", NONE},
    {"recover", "VERB", "VB", "recover", 2, "ccomp", OCC},
    {".", "PUNCT", ".", ".", 2, "punct", NONE},
};
/* "The company began selling shares." */
static const word s_began[] = {
    {"The", "DET", "DT", "the", 2, "det", NONE},
    {"company", "NOUN", "NN", "company", 3, "nsubj", NONE},
    {"began", "VERB", "VBD", "begin", 0, "root", ASP},
    {"selling", "VERB", "VBG", "sell", 3, "xcomp", OCC},
    {"shares", "NOUN", "NNS", "share", 4, "obj", NONE},
    {".", "PUNCT", ".", ".", 3, "punct", NONE},
};

/* "The firm agreed to sell the unit." */
static const word s_agree_to[] = {
    {"The", "DET", "DT", "the", 2, "det", NONE},
    {"firm", "NOUN", "NN", "firm", 3, "nsubj", NONE},
    {"agreed", "VERB", "VBD", "agree", 0, "root", IAC},
    {"to", "PART", "TO", "to", 5, "mark", NONE},
    {"sell", "VERB", "VB", "sell", 3, "xcomp", OCC},
    {"the", "DET", "DT", "the", 7, "det", NONE},
    {"unit", "NOUN", "NN", "unit", 5, "obj", NONE},
    {".", "PUNCT", ".", ".", 3, "punct", NONE},
};
/* "Analysts agreed that prices fell." */
static const word s_agree_that[] = {
    {"Analysts", "NOUN", "NNS", "analyst", 2, "nsubj", NONE},
    {"agreed", "VERB", "VBD", "agree", 0, "root", IST},
    {"that", "SCONJ", "IN", "that", 5, "mark", NONE},
    {"prices", "NOUN", "NNS", "price", 5, "nsubj", NONE},
    {"fell", "VERB", "VBD", "fall", 2, "ccomp", OCC},
    {".", "PUNCT", ".", ".", 2, "punct", NONE},
};

typedef struct layer {
    evg_doc_token t[64];
    uint8_t gold[64];
    size_t n;
} layer; /* up to 64 words */

static void add(layer *l, const word *w, size_t n, size_t sentence)
{
    for (size_t i = 0; i < n; i++) {
        evg_doc_token *t = &l->t[l->n];
        memset(t, 0, sizeof *t);
        t->sentence = sentence;
        t->form = w[i].form;
        t->upos = w[i].upos;
        t->xpos = w[i].xpos;
        t->lemma = w[i].lemma;
        t->head = w[i].head;
        t->deprel = w[i].rel;
        l->gold[l->n++] = (uint8_t)w[i].gold;
    }
}

/* The features of word i of a layer's first `n` words into f (room for
 * EVG_MEN_FEATS). */
static size_t feats(const layer *l, size_t n, size_t i, const uint32_t *prior,
                    const uint32_t *sense, uint64_t *f)
{
    size_t first[64], next[64];
    evg_men_kids_build(l->t, n, first, next);
    evg_men_kids k = {first, next};
    return evg_men_features(l->t, n, i, prior, sense, &k, f);
}

/* The class stage's own features of word i (room for EVG_MEN_CFEATS). */
static size_t cfeats(const layer *l, size_t n, size_t i,
                     const uint32_t *prior, const uint32_t *sense,
                     uint64_t *f)
{
    size_t first[64], next[64];
    evg_men_kids_build(l->t, n, first, next);
    evg_men_kids k = {first, next};
    return evg_men_class_features(l->t, n, i, prior, sense, &k, f);
}

static int same_set(const uint64_t *a, size_t na, const uint64_t *b,
                    size_t nb)
{
    if (na != nb)
        return 0;
    for (size_t i = 0; i < na; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static int shares_any(const uint64_t *a, size_t na, const uint64_t *b,
                      size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i] == b[j])
                return 1;
    return 0;
}

static void features_read_the_parse(void **state)
{
    (void)state;
    layer l = {0};
    add(&l, s_attack, 6, 0);
    uint64_t f[EVG_MEN_FEATS], g[EVG_MEN_FEATS];
    size_t nf = feats(&l, l.n, 2, NULL, NULL, f);
    assert_true(nf > 20 && nf <= EVG_MEN_FEATS);
    /* deterministic */
    size_t ng = feats(&l, l.n, 2, NULL, NULL, g);
    assert_true(same_set(f, nf, g, ng));
    /* the object is one of its dependents' relations: without it (the
     * town attached elsewhere) the features change */
    l.t[4].head = 2;
    l.t[4].deprel = "nmod";
    ng = feats(&l, l.n, 2, NULL, NULL, g);
    assert_false(same_set(f, nf, g, ng));
    l.t[4].head = 3;
    l.t[4].deprel = "obj";
    /* the head's lemma: "town" under "attacked" vs under "left" */
    nf = feats(&l, l.n, 4, NULL, NULL, f);
    l.t[2].lemma = "leave";
    ng = feats(&l, l.n, 4, NULL, NULL, g);
    assert_false(same_set(f, nf, g, ng));
    l.t[2].lemma = "attack";
    /* the event lexicon and WordNet's supersense are features too */
    uint32_t prior[6] = {0}, sense[6] = {0};
    nf = feats(&l, l.n, 2, prior, sense, f);
    prior[2] = evg_men_prior_bucket(20, 19, OCC);
    ng = feats(&l, l.n, 2, prior, sense, g);
    assert_false(same_set(f, nf, g, ng));
    prior[2] = 0;
    sense[2] = evg_men_sense_value(30, 1u << 1);
    ng = feats(&l, l.n, 2, prior, sense, g);
    assert_false(same_set(f, nf, g, ng));
    /* the same lemma elsewhere shares its word features */
    layer k = {0};
    add(&k, s_said, 6, 0);
    k.t[4].lemma = "attack";
    k.t[4].form = "attacked";
    ng = feats(&k, k.n, 4, NULL, NULL, g);
    assert_true(shares_any(f, nf, g, ng));
    /* every word of a sentence at its ends: no reads outside it */
    for (size_t i = 0; i < l.n; i++)
        assert_true(feats(&l, l.n, i, NULL, NULL, f) <=
                    EVG_MEN_FEATS);
    assert_true(feats(&l, 1, 0, NULL, NULL, f) > 0);

    /* the most a word can have: forty dependents of every kind, every
     * WordNet file, a lexicon bucket, a head with a supersense */
    static const char *const rels[] = {"xcomp", "ccomp", "aux", "case",
                                       "mark", "obj", "nsubj", "det"};
    layer big = {0};
    add(&big, s_hope, 7, 0);
    for (size_t j = 0; j < 40; j++) {
        word w = {"x", "VERB", "VB", "x", 2, rels[j % 8], NONE};
        add(&big, &w, 1, 0);
    }
    for (size_t j = 0; j < 8; j++) { /* markers under the complements */
        word w = {"to", "PART", "TO", "to", 8 + j * 8, "mark", NONE};
        add(&big, &w, 1, 0);
    }
    uint32_t bp[64], bs[64];
    for (size_t j = 0; j < big.n; j++) {
        bp[j] = evg_men_prior_bucket(50, 30, OCC);
        bs[j] = evg_men_sense_value(40, (1u << 26) - 1);
    }
    for (size_t i = 0; i < big.n; i++)
        assert_true(feats(&big, big.n, i, bp, bs, f) <= EVG_MEN_FEATS);
    assert_true(feats(&big, big.n, 1, bp, bs, f) > 60);
}

static void dependents_in_word_order(void **state)
{
    (void)state;
    layer l = {0};
    add(&l, s_attack, 6, 0);
    l.t[0].head = 99; /* out of range: left out */
    size_t first[6], next[6];
    evg_men_kids_build(l.t, l.n, first, next);
    assert_int_equal(first[2], 1); /* attacked: army, town, . */
    assert_int_equal(next[1], 4);
    assert_int_equal(next[4], 5);
    assert_int_equal(next[5], SIZE_MAX);
    assert_int_equal(first[1], SIZE_MAX); /* "The" was cut off */
    assert_int_equal(first[4], 3);
    assert_int_equal(first[0], SIZE_MAX);
}

static void buckets(void **state)
{
    (void)state;
    assert_int_equal(evg_men_prior_bucket(0, 0, 0), 0);
    /* seen often and always an event, seen once: different buckets */
    assert_int_not_equal(evg_men_prior_bucket(20, 20, OCC),
                         evg_men_prior_bucket(1, 1, OCC));
    assert_int_not_equal(evg_men_prior_bucket(20, 20, OCC),
                         evg_men_prior_bucket(20, 0, 0));
    assert_int_not_equal(evg_men_prior_bucket(20, 20, OCC),
                         evg_men_prior_bucket(20, 20, REP));
    assert_int_equal(evg_men_sense_value(30, 5) >> 26, 30);
    assert_int_equal(evg_men_sense_value(30, 5) & 0xff, 5);
}

/* Four documents of two sentences each, from the sentences above. */
typedef struct corpus {
    layer l[4];
    evg_men_doc d[4];
} corpus;

static void make_corpus(corpus *c)
{
    memset(c, 0, sizeof *c);
    const word *s[4][2] = {{s_attack, s_said},
                           {s_hope, s_began},
                           {s_said, s_hope},
                           {s_began, s_attack}};
    const size_t n[4][2] = {{6, 6}, {7, 6}, {6, 7}, {6, 6}};
    static const char *const dn[4] = {"a", "b", "c", "d"};
    for (size_t d = 0; d < 4; d++) {
        add(&c->l[d], s[d][0], n[d][0], 0);
        add(&c->l[d], s[d][1], n[d][1], 1);
        c->d[d] = (evg_men_doc){dn[d], c->l[d].t, c->l[d].n, c->l[d].gold};
    }
}

static evg_men_model *train(const corpus *c, const unsigned char *use)
{
    evg_men_train_opts o;
    evg_men_train_defaults(&o);
    o.names = names;
    o.nclass = 8;
    o.epochs = 10;
    evg_men_model *m = NULL;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_men_train(&o, c->d, 4, use, &m, &err), 0);
    assert_non_null(m);
    return m;
}

static void labels(const evg_men_model *m, const layer *l, uint8_t *cls)
{
    float margin[64];
    for (size_t i = 0; i < l->n;) {
        size_t j = i;
        while (j < l->n && l->t[j].sentence == l->t[i].sentence)
            j++;
        assert_int_equal(evg_men_label(m, l->t + i, j - i, cls + i,
                                       margin + i), 0);
        for (size_t k = i; k < j; k++) {
            double c = evg_men_confidence(m, margin[k]);
            assert_true(c >= 0.5 && c < 1.0);
        }
        i = j;
    }
}

static char *slurp(const char *p, size_t *n)
{
    char *data;
    evg_error err;
    assert_int_equal(evg_read_file(p, 1 << 26, &data, n, &err), 0);
    return data;
}

static void training_is_deterministic_and_learns(void **state)
{
    (void)state;
    corpus c;
    make_corpus(&c);
    evg_men_model *a = train(&c, NULL), *b = train(&c, NULL);
    /* it labels the sentences it learnt from: every event word with its
     * class; the averaged weights may still take a word or two for an
     * event that the last weights did not */
    size_t false_alarms = 0;
    for (size_t d = 0; d < 4; d++) {
        uint8_t cls[64];
        labels(a, &c.l[d], cls);
        for (size_t i = 0; i < c.l[d].n; i++) {
            if (c.l[d].gold[i])
                assert_int_equal(cls[i], c.l[d].gold[i]);
            else
                false_alarms += cls[i] != 0;
        }
    }
    assert_true(false_alarms <= 2);
    /* the lexicon: "say" was always an event, "town" never */
    assert_int_not_equal(evg_men_prior(a, "say"), 0);
    assert_int_not_equal(evg_men_prior(a, "SAY"), 0);
    assert_int_equal(evg_men_prior(a, "town"), 0);
    /* same data and seed: the same bytes */
    char pa[] = "/tmp/evg-men-a-XXXXXX", pb[] = "/tmp/evg-men-b-XXXXXX";
    close(mkstemp(pa));
    close(mkstemp(pb));
    evg_error err;
    assert_int_equal(evg_men_model_save(a, pa, &err), 0);
    assert_int_equal(evg_men_model_save(b, pb, &err), 0);
    size_t na, nb;
    char *da = slurp(pa, &na), *db = slurp(pb, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(da, db, na);
    /* and read back, the same labels */
    evg_men_model *r = NULL;
    assert_int_equal(evg_men_model_load(pa, &r, &err), 0);
    assert_int_equal(r->nclass, 8);
    assert_string_equal(r->names[6], "ASPECTUAL");
    for (size_t d = 0; d < 4; d++) {
        uint8_t x[64], y[64];
        labels(a, &c.l[d], x);
        labels(r, &c.l[d], y);
        assert_memory_equal(x, y, c.l[d].n);
    }
    /* the documents left out are not learnt from: trained on "b" alone
     * (hope, began), the lexicon knows nothing of "say" */
    unsigned char use[4] = {0, 1, 0, 0};
    evg_men_model *only_b = train(&c, use);
    assert_int_equal(evg_men_prior(only_b, "say"), 0);
    assert_int_not_equal(evg_men_prior(only_b, "hope"), 0);
    evg_men_model_free(only_b);
    /* bad classes are refused */
    evg_men_train_opts o;
    evg_men_train_defaults(&o);
    o.names = names + 1;
    o.nclass = 7;
    evg_men_model *bad = NULL;
    assert_int_equal(evg_men_train(&o, c.d, 4, NULL, &bad, &err), EVG_EINVAL);
    assert_null(bad);
    o.names = names;
    o.nclass = 3; /* a gold class 6 is out of range */
    assert_int_equal(evg_men_train(&o, c.d, 4, NULL, &bad, &err), EVG_EINVAL);
    assert_null(bad);
    free(da);
    free(db);
    evg_men_model_free(a);
    evg_men_model_free(b);
    evg_men_model_free(r);
    unlink(pa);
    unlink(pb);
}

/* The class list: stored in the model, looked up by part of speech (an
 * adjective as a verb too, for participles), a feature of the word. */
static void class_list(void **state)
{
    (void)state;
    corpus c;
    make_corpus(&c);
    syn_entry list[] = {
        {evg_men_class_key('v', "hope"), 1u << IST, 0},
        {evg_men_class_key('n', "hope"), 1u << IST, 0},
        {evg_men_class_key('v', "prepare"), 1u << IAC | 1u << IST, 0},
    };
    evg_men_train_opts o;
    evg_men_train_defaults(&o);
    o.names = names;
    o.nclass = 8;
    o.classes = list;
    o.nclasses = 3;
    evg_men_model *m = NULL;
    evg_error err;
    assert_int_equal(evg_men_train(&o, c.d, 4, NULL, &m, &err), 0);
    evg_doc_token t = {0};
    t.upos = "VERB";
    t.lemma = "Hope";
    assert_int_equal(evg_men_listed(m, &t), 1u << IST);
    t.upos = "ADJ"; /* "prepared", a participle */
    t.lemma = "prepare";
    assert_int_equal(evg_men_listed(m, &t), 1u << IAC | 1u << IST);
    t.upos = "NOUN";
    assert_int_equal(evg_men_listed(m, &t), 0);
    t.upos = "PROPN";
    t.lemma = "hope";
    assert_int_equal(evg_men_listed(m, &t), 0);
    /* saved and read back */
    char p[] = "/tmp/evg-men-c-XXXXXX";
    close(mkstemp(p));
    assert_int_equal(evg_men_model_save(m, p, &err), 0);
    evg_men_model *r = NULL;
    assert_int_equal(evg_men_model_load(p, &r, &err), 0);
    t.upos = "NOUN";
    assert_int_equal(evg_men_listed(r, &t), 1u << IST);
    unlink(p);
    /* a feature of the word */
    layer l = {0};
    add(&l, s_hope, 7, 0);
    uint32_t prior[7] = {0};
    uint64_t f[EVG_MEN_FEATS], g[EVG_MEN_FEATS];
    size_t nf = feats(&l, l.n, 1, prior, NULL, f);
    prior[1] = (1u << IST) << EVG_MEN_LISTED_SHIFT;
    size_t ng = feats(&l, l.n, 1, prior, NULL, g);
    assert_true(ng > nf);
    evg_men_model_free(m);
    evg_men_model_free(r);
}

/* The class stage's features: what tells the classes of an event apart
 * (the complement and its marker, the subject's kind, the governing
 * word's class), bounded whatever the word's dependents. */
static void class_features_read_the_complement(void **state)
{
    (void)state;
    layer to = {0}, that = {0};
    add(&to, s_agree_to, 8, 0);
    add(&that, s_agree_that, 6, 0);
    uint64_t f[EVG_MEN_CFEATS], g[EVG_MEN_CFEATS];
    size_t nf = cfeats(&to, to.n, 2, NULL, NULL, f);
    assert_true(nf > 5 && nf <= EVG_MEN_CFEATS);
    size_t ng = cfeats(&to, to.n, 2, NULL, NULL, g);
    assert_true(same_set(f, nf, g, ng)); /* deterministic */
    /* "agreed to sell" and "agreed that prices fell" share no feature of
     * the complement: an xcomp with "to", a ccomp with "that" and a
     * subject of its own */
    size_t nt = cfeats(&that, that.n, 1, NULL, NULL, g);
    assert_false(same_set(f, nf, g, nt));
    /* the marker alone changes them: "agreed that" as an xcomp */
    to.t[3].lemma = "that";
    ng = cfeats(&to, to.n, 2, NULL, NULL, g);
    assert_false(same_set(f, nf, g, ng));
    to.t[3].lemma = "to";
    /* the subject's kind: a pronoun instead of a noun */
    to.t[1].upos = "PRON";
    ng = cfeats(&to, to.n, 2, NULL, NULL, g);
    assert_false(same_set(f, nf, g, ng));
    to.t[1].upos = "NOUN";
    /* the complement's class in the lexicon ("sell" an event or not) */
    uint32_t prior[8] = {0};
    nf = cfeats(&to, to.n, 2, prior, NULL, f);
    prior[4] = evg_men_prior_bucket(20, 18, OCC);
    ng = cfeats(&to, to.n, 2, prior, NULL, g);
    assert_false(same_set(f, nf, g, ng));
    /* the governing word's class, seen from the complement: "sell"
     * under an I_ACTION and under a word never an event */
    prior[2] = evg_men_prior_bucket(20, 20, IAC);
    nf = cfeats(&to, to.n, 4, prior, NULL, f);
    prior[2] = 0;
    ng = cfeats(&to, to.n, 4, prior, NULL, g);
    assert_false(same_set(f, nf, g, ng));
    /* a word with forty dependents of every kind stays in bounds */
    static const char *const rels[] = {"xcomp", "ccomp", "nsubj", "obj",
                                       "acl", "nmod", "aux", "cop"};
    layer big = {0};
    add(&big, s_hope, 7, 0);
    for (size_t j = 0; j < 40; j++) {
        word w = {"x", "NOUN", "NN", "x", 2, rels[j % 8], NONE};
        add(&big, &w, 1, 0);
    }
    for (size_t j = 0; j < 8; j++) {
        word w = {"to", "PART", "TO", "to", 8 + j * 8, "mark", NONE};
        add(&big, &w, 1, 0);
    }
    uint32_t bp[64], bs[64];
    for (size_t j = 0; j < big.n; j++) {
        bp[j] = evg_men_prior_bucket(50, 30, IAC) |
                (1u << IST) << EVG_MEN_LISTED_SHIFT;
        bs[j] = evg_men_sense_value(40, (1u << 26) - 1);
    }
    for (size_t i = 0; i < big.n; i++)
        assert_true(cfeats(&big, big.n, i, bp, bs, f) <= EVG_MEN_CFEATS);
    assert_true(cfeats(&big, big.n, 1, bp, bs, f) > 20);
    /* the worst order: single-feature dependents (objects) up to the
     * last room, then a clausal complement (four features), on a word
     * that has a head (four more after the dependents); f is exactly
     * EVG_MEN_CFEATS long, so a write past it is an ASan error */
    layer worst = {0};
    word said = {"said", "VERB", "VBD", "say", 0, "root", NONE};
    word hopes = {"hopes", "VERB", "VBZ", "hope", 1, "ccomp", NONE};
    add(&worst, &said, 1, 0);
    add(&worst, &hopes, 1, 0);
    for (size_t j = 0; j < 54; j++) {
        word w = {"x", "NOUN", "NN", "x", 2, "obj", NONE};
        add(&worst, &w, 1, 0);
    }
    word comp = {"win", "VERB", "VB", "win", 2, "xcomp", NONE};
    add(&worst, &comp, 1, 0);
    for (size_t j = 0; j < worst.n; j++)
        bp[j] = evg_men_prior_bucket(50, 30, IAC);
    uint64_t exact[EVG_MEN_CFEATS];
    assert_true(cfeats(&worst, worst.n, 1, bp, bs, exact) <= EVG_MEN_CFEATS);
}

/* The class stage, trained beside the detector: one verb, two classes,
 * told apart by the complement ("agreed to sell" is an I_ACTION, "agreed
 * that prices fell" an I_STATE); and words that are no words are never
 * events. */
static void class_stage_labels_by_complement(void **state)
{
    (void)state;
    corpus c;
    memset(&c, 0, sizeof c);
    const word *s[4][2] = {{s_agree_to, s_agree_that},
                           {s_agree_that, s_attack},
                           {s_agree_to, s_said},
                           {s_hope, s_agree_to}};
    const size_t n[4][2] = {{8, 6}, {6, 6}, {8, 6}, {7, 8}};
    static const char *const dn[4] = {"a", "b", "c", "d"};
    for (size_t d = 0; d < 4; d++) {
        add(&c.l[d], s[d][0], n[d][0], 0);
        add(&c.l[d], s[d][1], n[d][1], 1);
        c.d[d] = (evg_men_doc){dn[d], c.l[d].t, c.l[d].n, c.l[d].gold};
    }
    evg_men_model *m = train(&c, NULL);
    assert_int_equal(m->ctab.nclass, 8);
    assert_non_null(strstr(m->info, "events for the class stage"));
    layer to = {0}, that = {0};
    add(&to, s_agree_to, 8, 0);
    add(&that, s_agree_that, 6, 0);
    uint8_t cls[64];
    labels(m, &to, cls);
    assert_int_equal(cls[2], IAC);
    assert_int_equal(cls[4], OCC);
    labels(m, &that, cls);
    assert_int_equal(cls[1], IST);
    assert_int_equal(cls[4], OCC);
    /* saved and read back: the class stage too */
    char p[] = "/tmp/evg-men-s-XXXXXX";
    close(mkstemp(p));
    evg_error err;
    assert_int_equal(evg_men_model_save(m, p, &err), 0);
    evg_men_model *r = NULL;
    assert_int_equal(evg_men_model_load(p, &r, &err), 0);
    unlink(p);
    assert_int_equal(r->ctab.nclass, 8);
    labels(r, &that, cls);
    assert_int_equal(cls[1], IST);
    /* a quotation mark the tagger took for the verb is no event */
    layer q = {0};
    add(&q, s_agree_to, 8, 0);
    q.t[2].form = "``";
    labels(r, &q, cls);
    assert_int_equal(cls[2], NONE);
    evg_doc_token t = {0};
    t.upos = "VERB";
    t.form = "``";
    assert_false(evg_men_is_word(&t));
    t.form = "--";
    assert_false(evg_men_is_word(&t));
    t.form = "1990";
    assert_true(evg_men_is_word(&t));
    t.form = "d\xc3\xa9j\xc3\xa0"; /* "déjà" */
    assert_true(evg_men_is_word(&t));
    t.form = "said";
    t.upos = "PUNCT";
    assert_false(evg_men_is_word(&t));
    t.form = NULL;
    t.upos = NULL;
    assert_false(evg_men_is_word(&t));
    evg_men_model_free(m);
    evg_men_model_free(r);
}

/* The event threshold: the bias that makes the most of F1 over held-out
 * scores, and the labels it gives. */
static void event_threshold(void **state)
{
    (void)state;
    const float evm[] = {3, 2, 1, -1, -2};
    const unsigned char gold[] = {1, 1, 0, 1, 0};
    /* events: the first 4 (F1 6/7) beat the first 2 (4/5) and all 5 */
    float b = evg_men_threshold(evm, gold, 5);
    assert_true(b > 1.0f && b < 2.0f);
    const uint8_t evc[] = {OCC, REP, OCC, IST, OCC};
    const float gap[] = {0.5f, INFINITY, 4, 4, 4};
    uint8_t cls[5];
    float margin[5];
    evg_men_decide(b, evc, evm, gap, 5, cls, margin);
    assert_int_equal(cls[0], OCC);
    assert_true(margin[0] == 0.5f); /* the class gap is smaller */
    assert_int_equal(cls[1], REP);
    assert_int_equal(cls[3], IST);
    assert_true(margin[3] > 0 && margin[3] < 1);
    assert_int_equal(cls[4], NONE);
    assert_true(margin[4] > 0);
    /* with bias 0, events are the positive scores */
    evg_men_decide(0, evc, evm, gap, 5, cls, margin);
    assert_int_equal(cls[2], OCC);
    assert_int_equal(cls[3], NONE);
    /* every gold token an event: all of them; none: none */
    const unsigned char all[] = {1, 1, 1, 1, 1}, none[] = {0, 0, 0, 0, 0};
    assert_true(evg_men_threshold(evm, all, 5) + evm[4] > 0);
    assert_true(evg_men_threshold(evm, none, 5) + evm[0] <= 0);
    assert_true(evg_men_threshold(evm, gold, 0) == 0.0f);
}

static int load_bytes(const char *data, size_t len, evg_error *err)
{
    char p[] = "/tmp/evg-men-bad-XXXXXX";
    int fd = mkstemp(p);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    evg_men_model *m = NULL;
    evg_error_clear(err);
    int rc = evg_men_model_load(p, &m, err);
    assert_null(m);
    unlink(p);
    return rc;
}

static void damaged_models_are_errors(void **state)
{
    (void)state;
    corpus c;
    make_corpus(&c);
    evg_men_model *m = train(&c, NULL);
    char p[] = "/tmp/evg-men-m-XXXXXX";
    close(mkstemp(p));
    evg_error err;
    assert_int_equal(evg_men_model_save(m, p, &err), 0);
    evg_men_model_free(m);
    size_t n;
    char *good = slurp(p, &n);
    m = NULL;
    assert_int_equal(evg_men_model_load("/nonexistent/events.evgm", &m, &err),
                     EVG_EIO);
    assert_null(m);
    assert_non_null(strstr(err.message, "event-mention model"));
    /* a folder */
    assert_int_equal(evg_men_model_load("/tmp", &m, &err), EVG_EPARSE);
    size_t cuts[] = {0, 7, 31, 32, n / 2, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        assert_int_equal(load_bytes(good, cuts[i], &err), EVG_EPARSE);
        assert_non_null(strstr(err.message,
                               cuts[i] < 8 ? "not an evgraph event-mention"
                                           : "truncated"));
    }
    char *bad = malloc(n);
    for (size_t at = 32; at < n; at += n / 61 + 1) {
        memcpy(bad, good, n);
        bad[at] ^= 0x5a;
        assert_int_equal(load_bytes(bad, n, &err), EVG_EPARSE);
        assert_non_null(strstr(err.message, "corrupt"));
    }
    memcpy(bad, good, n);
    bad[8] = 99;
    assert_int_equal(load_bytes(bad, n, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "version"));
    /* a syntax model's header is not a mention model's */
    memcpy(bad, good, n);
    memcpy(bad, "EVGSYN\0\0", 8);
    assert_int_equal(load_bytes(bad, n, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "not an evgraph event-mention"));
    /* a sound file with a section missing */
    evg_buf pay;
    evg_buf_init(&pay, 0);
    syn_section_put(&pay, SYN_SEC('I', 'N', 'F', 'O'), "x", 1);
    assert_int_equal(syn_file_save(p, "EVGMEN\0\0", 3, &pay, &err), 0);
    evg_buf_dispose(&pay);
    assert_int_equal(evg_men_model_load(p, &m, &err), EVG_EPARSE);
    assert_non_null(strstr(err.message, "damaged"));
    free(bad);
    free(good);
    unlink(p);
}

/* A model is written in format 7, mapped when loaded; a format 3 file
 * (its tables in the old layout, the checksum of one chain) is still read,
 * into memory, and labels every word alike. */
static void older_format_still_loads(void **state)
{
    (void)state;
    corpus c;
    make_corpus(&c);
    evg_men_model *m = train(&c, NULL), *l = NULL, *old = NULL;
    char p[] = "/tmp/evg-men-o-XXXXXX";
    close(mkstemp(p));
    evg_error err;
    assert_int_equal(evg_men_model_save(m, p, &err), 0);
    size_t n;
    char *bytes = slurp(p, &n);
    uint32_t version;
    memcpy(&version, bytes + 8, 4);
    assert_int_equal(version, 7);
    assert_int_equal(evg_men_model_load(p, &l, &err), 0);
    assert_true(l->file.mapped);
    static const uint32_t tables[] = {SYN_SEC('P', 'M', 'E', 'N'),
                                      SYN_SEC('P', 'C', 'L', 'S'), 0};
    evg_buf b;
    evg_buf_init(&b, 0);
    payload_to_old((const unsigned char *)bytes + SYN_FILE_HEADER,
                   n - SYN_FILE_HEADER, &b, tables);
    assert_false(b.failed);
    assert_int_equal(syn_file_save(p, "EVGMEN\0\0", 3, &b, &err), 0);
    assert_int_equal(evg_men_model_load(p, &old, &err), 0);
    assert_false(old->file.mapped);
    assert_int_equal(old->file.version, 3);
    for (size_t d = 0; d < 4; d++) {
        uint8_t x[64], y[64], z[64];
        labels(m, &c.l[d], x);
        labels(l, &c.l[d], y);
        labels(old, &c.l[d], z);
        assert_memory_equal(x, y, c.l[d].n);
        assert_memory_equal(x, z, c.l[d].n);
    }
    evg_buf_dispose(&b);
    free(bytes);
    unlink(p);
    evg_men_model_free(m);
    evg_men_model_free(l);
    evg_men_model_free(old);
}

/* The stage with the shipped models: skipped (visibly) without them. */
static void stage_in_the_pipeline(void **state)
{
    (void)state;
    const char *sp = EVG_SOURCE_DIR "/models/en-ud-syntax.evgm";
    const char *mp = EVG_SOURCE_DIR "/models/en-timebank-events.evgm";
    if (access(sp, R_OK) || access(mp, R_OK)) {
        print_message("skipped: the shipped models are absent\n");
        skip();
    }
    evg_syntax *syn = NULL;
    evg_mentions *men = NULL;
    evg_error err;
    evg_error_clear(&err);
    assert_int_equal(evg_syntax_load(sp, &syn, &err), 0);
    assert_int_equal(evg_mentions_load(mp, &men, &err), 0);
    const char *text =
        "Shares of the carmaker fell sharply on Monday after it reported a "
        "loss. The United States condemned the attack on the embassy.";
    evg_extract_opts o;
    evg_extract_opts_init(&o);
    o.dct = "2019-05-23";
    o.syntax = syn;
    o.mentions = men;
    evg_doc *doc = NULL;
    assert_int_equal(evg_extract_text(text, strlen(text), &o, &doc, &err), 0);
    int fell = 0, loss = 0, coded_class = 0;
    for (size_t i = 0; i < doc->n_events; i++) {
        const evg_event *e = &doc->events[i];
        if (!e->cameo) {
            assert_non_null(e->tml_class);
            assert_null(e->label);
            assert_int_equal(e->quad_class, 0);
            assert_true(e->confidence >= 0.5 && e->confidence < 1.0);
        }
        if (!e->cameo && !strcmp(e->trigger.text, "fell")) {
            fell = 1;
            assert_string_equal(e->tml_class, "OCCURRENCE");
            /* dated by "on Monday", as the coder dates its own events */
            assert_int_equal(e->time.basis, EVG_BASIS_TIMEX);
            assert_string_equal(e->time.lo, "2019-05-20");
        }
        loss |= !e->cameo && !strcmp(e->trigger.text, "loss");
        if (e->cameo && !strncmp(e->cameo, "11", 2))
            coded_class = e->tml_class != NULL;
    }
    assert_true(fell);
    assert_true(loss);
    assert_true(coded_class);
    /* the token layer carries the labels */
    int labelled = 0;
    for (size_t i = 0; i < doc->n_tokens; i++)
        labelled += doc->tokens[i].tml_class != NULL;
    assert_true(labelled >= 4);
    evg_doc_free(doc);
    /* CAMEO only: no event without a code, classes still given */
    o.cameo_only = 1;
    assert_int_equal(evg_extract_text(text, strlen(text), &o, &doc, &err), 0);
    assert_true(doc->n_events > 0);
    for (size_t i = 0; i < doc->n_events; i++)
        assert_non_null(doc->events[i].cameo);
    evg_doc_free(doc);
    /* without the syntax model the detector has nothing to read */
    o.cameo_only = 0;
    o.syntax = NULL;
    assert_int_equal(evg_extract_text(text, strlen(text), &o, &doc, &err), 0);
    for (size_t i = 0; i < doc->n_events; i++)
        assert_non_null(doc->events[i].cameo);
    evg_doc_free(doc);
    evg_mentions_free(men);
    evg_syntax_free(syn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(features_read_the_parse),
        cmocka_unit_test(dependents_in_word_order),
        cmocka_unit_test(buckets),
        cmocka_unit_test(training_is_deterministic_and_learns),
        cmocka_unit_test(class_list),
        cmocka_unit_test(class_features_read_the_complement),
        cmocka_unit_test(class_stage_labels_by_complement),
        cmocka_unit_test(event_threshold),
        cmocka_unit_test(damaged_models_are_errors),
        cmocka_unit_test(older_format_still_loads),
        cmocka_unit_test(stage_in_the_pipeline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
