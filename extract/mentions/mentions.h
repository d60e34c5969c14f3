/* Event mentions: every eventive predicate of the text, verbal or nominal,
 * as TimeML defines events, with its TimeML class (OCCURRENCE, REPORTING,
 * STATE, I_ACTION, I_STATE, ASPECTUAL, PERCEPTION). A token classifier (an
 * averaged perceptron, extract/syntax/percep.h) reads the token layer the
 * syntax stage made: words, tags, lemmas and dependencies. Its model is
 * trained from TimeBank by `evgraph-train events` (docs/events.md) and
 * shipped as models/en-timebank-events.evgm. */
#ifndef EVG_EXTRACT_MENTIONS_H
#define EVG_EXTRACT_MENTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "evgraph/document.h"
#include "evgraph/error.h"
#include "percep.h"
#include "syn_internal.h"

#define EVG_MEN_MAX_CLASSES 16 /* NONE and the TimeML classes */
#define EVG_MEN_FEATS 128      /* features of one token, at most (the
                                  run-time scorer reads up to 128) */
#define EVG_MEN_CFEATS 64      /* the class stage's own features, at most */

/* The detector: its classes (class 0 is NONE, "not an event"), the
 * perceptron and the event lexicon (lemma -> how often it was an event in
 * training, as a bucket; see evg_men_prior_bucket). */
typedef struct evg_men_model {
    size_t nclass;
    char *names[EVG_MEN_MAX_CLASSES];
    syn_ptab tab;    /* the detector: NONE against the classes */
    syn_ptab ctab;   /* the class stage: the class of a detected event
                        (its NONE row unused), over the detector's
                        features and evg_men_class_features */
    syn_map lex;
    syn_map senses;  /* WordNet: lemma -> its senses' lexicographer files
                        (evg_men_sense_value) */
    syn_map classes; /* the class list (tools/train/tml_classes.tsv):
                        evg_men_class_key -> a bit per class */
    float calib;     /* confidence = logistic(margin / calib) */
    float bias;      /* added to every word's best class but NONE before
                        it is compared with NONE (weight units), set from
                        held-out margins (evg_men_threshold) */
    char *info;
    syn_file file; /* the file's bytes, when loaded */
    void *owned; /* the lexicon's entries, when built in memory */
    void *owned_senses;
    void *owned_classes;
} evg_men_model;

/* Loads a model file: EVG_EIO (cannot open or read), EVG_EPARSE (not a
 * mention model, truncated, corrupt, another format version), EVG_ENOMEM;
 * the message names the file. Free with evg_men_model_free. */
int evg_men_model_load(const char *path, evg_men_model **out, evg_error *err);
void evg_men_model_free(evg_men_model *m);
/* Writes `m` to `path` (atomically). EVG_EIO, EVG_ENOMEM. */
int evg_men_model_save(const evg_men_model *m, const char *path,
                       evg_error *err);
/* $EVGRAPH_EVENTS_MODEL if set, else the installed or source tree's
 * en-timebank-events.evgm, the first that exists. */
const char *evg_men_default_model(void);

/* The lexicon's key of a lemma (ASCII-lowercased). */
uint64_t evg_men_lemma_key(const char *lemma);
/* The bucket of a lemma seen `seen` times, `ev` of them as an event whose
 * most frequent class was `cls`: 0 is "never seen". */
uint32_t evg_men_prior_bucket(uint32_t seen, uint32_t ev, unsigned cls);
/* The bucket the model's lexicon gives `lemma`. */
uint32_t evg_men_prior(const evg_men_model *m, const char *lemma);

/* WordNet's view of a word: the key of a lemma as a noun ('n') or verb
 * ('v'), and the value stored for it: the lexicographer file (supersense:
 * noun.act, verb.communication ...) of its first sense in the top 6 bits,
 * and a bit for every file any of its senses is in below (file - 3 for
 * nouns, file - 29 for verbs). */
uint64_t evg_men_sense_key(char pos, const char *lemma);
uint32_t evg_men_sense_value(unsigned first, uint32_t mask);
/* evg_men_sense's bit for a noun whose first sense WordNet derives from a
 * verb (key 'd'): bit 25 is noun.time's (file 28), rare among events */
#define EVG_MEN_DEVERBAL (1u << 25)
/* The value for token `t` (by its UPOS and lemma), 0 when none. */
uint32_t evg_men_sense(const evg_men_model *m, const evg_doc_token *t);

/* The class list's key of a lemma as a verb ('v'), noun ('n') or
 * adjective ('a'), and the classes it gives token `t` (a bit per class
 * number; an adjective not in the list as one is looked up as a verb, for
 * participles), 0 when none. */
uint64_t evg_men_class_key(char pos, const char *lemma);
uint32_t evg_men_listed(const evg_men_model *m, const evg_doc_token *t);
/* A token's prior (evg_men_features) holds the lexicon bucket in its low
 * EVG_MEN_LISTED_SHIFT bits and the class list's bits above them. */
#define EVG_MEN_LISTED_SHIFT 16

/* The dependents of each word of a sentence, as lists in word order:
 * first[i] is word i's first dependent, next[j] the one after j (SIZE_MAX
 * ends a list); heads out of range are left out. Arrays of n each. */
typedef struct evg_men_kids {
    const size_t *first, *next;
} evg_men_kids;
void evg_men_kids_build(const evg_doc_token *t, size_t n, size_t *first,
                        size_t *next);

/* The features of token `i` of a sentence of `n` tokens `t` (heads are
 * 1-based word numbers within the sentence, 0 for the root), given each
 * token's lexicon bucket in `prior` and WordNet value in `sense` (either
 * may be NULL: none) and the sentence's dependents, into
 * f[0 .. EVG_MEN_FEATS). Returns their number. Linear in the word's
 * dependents, so a sentence costs time linear in its length. */
size_t evg_men_features(const evg_doc_token *t, size_t n, size_t i,
                        const uint32_t *prior, const uint32_t *sense,
                        const evg_men_kids *kids, uint64_t *f);

/* The class stage's own features of token `i` (read beside
 * evg_men_features'): what decides a detected event's class rather than
 * whether it is one. The complement structure (whether the word heads an
 * xcomp or ccomp, its marker, whether the complement has a subject of its
 * own, the complement's lexicon class), the word's relation to its head
 * with the head's lexicon class and listed classes ("agreed *to sell*":
 * the governing verb's class), its subject's kind (pronoun, person,
 * organisation ...), a copula or the auxiliaries, and the lemma with its
 * complement kinds. Into f[0 .. EVG_MEN_CFEATS); returns their number. */
size_t evg_men_class_features(const evg_doc_token *t, size_t n, size_t i,
                              const uint32_t *prior, const uint32_t *sense,
                              const evg_men_kids *kids, uint64_t *f);

/* Whether token `t` can be an event at all: a word (a letter, a digit or
 * a non-ASCII character), not punctuation. Other tokens are never events
 * (a quotation mark the tagger reads as a verb). */
int evg_men_is_word(const evg_doc_token *t);

/* Labels a sentence: cls[i] is the class of token i (0: no event) and
 * margin[i] the score of that class over the next best, in weight units
 * (both caller-allocated, n each). EVG_ENOMEM. */
int evg_men_label(const evg_men_model *m, const evg_doc_token *t, size_t n,
                  uint8_t *cls, float *margin);

/* Labels every sentence of a document's token layer the same way, into
 * cls and margin (caller-allocated, doc->n_tokens each). EVG_ENOMEM. */
int evg_men_label_doc(const evg_men_model *m, const evg_doc *doc,
                      uint8_t *cls, float *margin);

/* The scores behind the labels, for every token of a document: evc[i]
 * the best class but NONE, evm[i] its score over NONE's and gap[i] over
 * the next class but NONE's, in weight units (gap: +inf when there is no
 * other). All caller-allocated, doc->n_tokens each. EVG_ENOMEM. */
int evg_men_scores_doc(const evg_men_model *m, const evg_doc *doc,
                       uint8_t *evc, float *evm, float *gap);
/* The labels of `n` scored tokens with `bias` (the model's, or one being
 * chosen): an event when evm + bias > 0, of class evc, with margin the
 * smaller of evm + bias and gap; else NONE with margin -(evm + bias).
 * cls and margin may be evc and evm themselves. */
void evg_men_decide(float bias, const uint8_t *evc, const float *evm,
                    const float *gap, size_t n, uint8_t *cls, float *margin);
/* The bias that makes the most of the F1 of the tokens' event decisions
 * (evm + bias > 0 against gold[i] != 0) over `n` held-out tokens: midway
 * between two neighbouring scores, 0 when n is 0. */
float evg_men_threshold(const float *evm, const unsigned char *gold,
                        size_t n);

/* A margin as a confidence in [0.5, 1): logistic(margin / m->calib), the
 * scale fitted on held-out margins when the model was trained
 * (evg_men_calibrate). */
double evg_men_confidence(const evg_men_model *m, float margin);
/* The scale that makes logistic(margin / scale) best predict `right` (1:
 * the mention was a gold event) over `n` held-out mentions, by log loss
 * on a grid; 1 when n is 0. */
float evg_men_calibrate(const float *margin, const unsigned char *right,
                        size_t n);

/* ---- training (men_train.c) ---- */

/* A training document: its token layer (sentences in order, each token's
 * `sentence` numbering them) and the gold class of each token (0: no
 * event), class numbers as in `names` of the options. */
typedef struct evg_men_doc {
    const char *name;
    const evg_doc_token *tokens;
    size_t n;
    const uint8_t *gold;
} evg_men_doc;

typedef struct evg_men_train_opts {
    const char *const *names; /* class names, names[0] = "NONE" */
    size_t nclass;
    unsigned epochs;          /* default 10 */
    unsigned prune;           /* features updated fewer times: left out */
    unsigned long long seed;
    unsigned dropout;         /* percent of a token's features left out of
                                 each training step, drawn from the seeded
                                 generator (default 80; 0: none) */
    unsigned members;         /* perceptrons trained, each from its own
                                 seed (the first from `seed`), whose
                                 averaged weights are averaged (default 5;
                                 0 or 1: one) */
    const syn_entry *senses;  /* the WordNet map's entries, or NULL */
    size_t nsenses;
    const syn_entry *classes; /* the class list's entries
                                 (evg_men_class_key, a bit per class), or
                                 NULL */
    size_t nclasses;
    FILE *log;                /* progress, or NULL */
} evg_men_train_opts;

void evg_men_train_defaults(evg_men_train_opts *o);
/* Trains a model on docs[i] for every i with use[i] set (use NULL: all).
 * The lexicon feature of a training token counts the other training
 * documents only, as it will count documents never seen at run time.
 * Deterministic for the same documents, options and seed. EVG_ENOMEM,
 * EVG_EINVAL. */
int evg_men_train(const evg_men_train_opts *o, const evg_men_doc *docs,
                  size_t ndocs, const unsigned char *use, evg_men_model **out,
                  evg_error *err);

#endif
