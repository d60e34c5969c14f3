/* Training a syntax model from CoNLL-U treebanks (used by evgraph-train). */
#ifndef EVG_SYN_TRAIN_H
#define EVG_SYN_TRAIN_H

#include <stdint.h>
#include <stdio.h>

#include "syntax.h"

typedef struct syn_train_opts {
    const char *const *train;   /* treebank files */
    size_t ntrain;
    const char *dev;            /* for choosing the epoch; may be NULL */
    unsigned tag_epochs, parse_epochs;
    unsigned folds;             /* jackknife folds for the parser's tags */
    unsigned prune;             /* parser and labeler features updated
                                   fewer times than this are left out */
    unsigned prune_tagger;      /* the same for the tagger's */
    unsigned tag_beam;          /* with a lexicon: the second tagger pass
                                   as a beam of this width (format 6),
                                   trained with early update; 0: greedy */
    unsigned long long seed;
    size_t max_sentences;       /* 0: all (a small sample for tests) */
    FILE *log;                  /* progress, or NULL */
    /* the lexicon (SYN_LEX_*, syn_internal.h): lower-cased words and
     * their bits, read from dictionaries (tools/train/lexicon.h); the
     * trainer adds the inflected forms its lemma rules find. nlex = 0:
     * none, and the features that read it are constant */
    const char *const *lex_words;
    const uint32_t *lex_values;
    size_t nlex;
} syn_train_opts;

void syn_train_defaults(syn_train_opts *o);
int syn_train(const syn_train_opts *o, evg_syn_model **out, evg_error *err);
int evg_syn_model_save(const evg_syn_model *m, const char *path,
                       evg_error *err);

#endif
