/* Syntax: a part-of-speech tagger, a lemmatizer and a dependency parser for
 * English, trained by evgraph-train on Universal Dependencies treebanks and
 * loaded from one model file (see docs/syntax.md).
 *
 * The tagger and the parser are greedy averaged perceptrons over hashed
 * features: the tagger reads left to right, the parser is an arc-hybrid
 * transition system trained with a dynamic oracle; a separate classifier
 * labels each arc when it is made. */
#ifndef EVG_SYNTAX_H
#define EVG_SYNTAX_H

#include <stddef.h>
#include <stdint.h>

#include "evgraph/error.h"
#include "tokens.h" /* evg_token */

#define EVG_SYN_MAX_WORDS 1024 /* longer sentences are parsed in pieces */

/* A sentence: `n` words (index 0 .. n-1); heads are 1-based word numbers
 * with 0 for the root, as in CoNLL-U. The analysis fills `tag`, `head`,
 * `rel` and `lemma`, which have room for `n`: the caller's own, or those
 * evg_syn_sent_init and evg_syn_parse_tokens make. */
typedef struct evg_syn_sent {
    size_t n;
    const char *const *form; /* NUL-terminated UTF-8 words */
    uint16_t *tag;           /* index into the model's tag set */
    int *head;
    uint16_t *rel;           /* index into the model's relation set */
    const char **lemma;      /* points into the model, a form or the room
                              * below */
    char *lemma_buf;         /* the caller's room for made lemmas, cut into
                              * lemma_buf_size / n bytes a word (256 hold
                              * any); NULL: the analysis packs them in room
                              * of its own, in `work` */
    size_t lemma_buf_size;
    void *work;              /* the room evg_syn_sent_init,
                              * evg_syn_parse_tokens and the analysis make,
                              * kept from one sentence to the next;
                              * evg_syn_sent_dispose frees it */
} evg_syn_sent;

typedef struct evg_syn_model evg_syn_model;

/* Loads a model file. Failures (missing, truncated, corrupt, another format
 * version) return EVG_EIO or EVG_EPARSE with a one-line message. */
int evg_syn_model_load(const char *path, evg_syn_model **out, evg_error *err);
void evg_syn_model_free(evg_syn_model *m);

/* The default model's path: $EVGRAPH_MODEL if set, else the first of the
 * installed and the source-tree locations that exists. */
const char *evg_syn_default_model(void);

/* Tag names ("UPOS\tXPOS" pairs split for the caller) and relation names. */
const char *evg_syn_upos(const evg_syn_model *m, unsigned tag);
const char *evg_syn_xpos(const evg_syn_model *m, unsigned tag);
const char *evg_syn_rel(const evg_syn_model *m, unsigned rel);
size_t evg_syn_ntags(const evg_syn_model *m);
size_t evg_syn_nrels(const evg_syn_model *m);
const char *evg_syn_model_info(const evg_syn_model *m);

/* Tokens to UD English conventions, with byte offsets into `text`. */
typedef struct evg_syn_token {
    size_t start, end;
} evg_syn_token;

typedef struct evg_syn_tokens {
    evg_syn_token *v;
    size_t n, cap;
} evg_syn_tokens;

/* Appends the tokens of text[start, end) to `out`. EVG_ENOMEM. */
int evg_syn_tokenize(const evg_syn_model *m, const char *text, size_t start,
                     size_t end, evg_syn_tokens *out);
/* The same from the tokenizer's tokens `p[0, np)` of text[start, end)
 * (the document's token layer, extract/text/tokens.h) instead of
 * tokenizing again. EVG_ENOMEM. */
int evg_syn_tokens_from(const evg_syn_model *m, const char *text, size_t end,
                        const evg_token *p, size_t np, evg_syn_tokens *out);
void evg_syn_tokens_dispose(evg_syn_tokens *t);

/* Makes room in `s` (its earlier content is not read) for the analysis of
 * `n` words of `form`, with made lemmas packed in `s->work` (a lemma's
 * length and its NUL each); evg_syn_sent_dispose frees it. EVG_ENOMEM. */
int evg_syn_sent_init(evg_syn_sent *s, const char *const *form, size_t n);
void evg_syn_sent_dispose(evg_syn_sent *s);

/* Tokenizes text[start, end) into `t` (emptied first) and analyses those
 * tokens into `s`, which holds copies of their forms; `s->n` is 0 when the
 * span has no token. `s` is zeroed before the first sentence and reused
 * for the next ones (its room is kept); free it with
 * evg_syn_sent_dispose. EVG_ENOMEM. */
int evg_syn_parse_span(const evg_syn_model *m, const char *text,
                       size_t start, size_t end, evg_syn_tokens *t,
                       evg_syn_sent *s);
/* Analyses the tokens already in `t` (of `text`) into `s`, as
 * evg_syn_parse_span does after tokenizing. EVG_ENOMEM. */
int evg_syn_parse_tokens(const evg_syn_model *m, const char *text,
                         const evg_syn_tokens *t, evg_syn_sent *s);

/* Tags, lemmatizes and parses one sentence. With `s->lemma_buf` NULL the
 * made lemmas go to room in `s->work` (made here if need be: free it with
 * evg_syn_sent_dispose). Returns EVG_ENOMEM only. */
int evg_syn_analyse(const evg_syn_model *m, evg_syn_sent *s);

#endif
