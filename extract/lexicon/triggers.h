/* The trigger lexicon (triggers.c) as the event coder reads it: word
 * patterns mapped to CAMEO event codes, found through a hash of their head
 * lemma, and the small lemmatizer that maps inflected words onto heads. */
#ifndef EVG_EXTRACT_TRIGGERS_H
#define EVG_EXTRACT_TRIGGERS_H

#include <stddef.h>

#include "lexicon.h"

#define EVG_LEMMA_MAX 40  /* longest word the lemmatizer handles */
#define EVG_LEMMAS_MAX 6  /* candidate lemmas per word */
#define EVG_PAT_WORDS 8   /* words per pattern */
#define EVG_PAT_TARGETS 4 /* target roles per pattern */

typedef enum {
    EVG_TK_VERB = 0, /* v: event verb */
    EVG_TK_NOUN,     /* n: nominalization */
    EVG_TK_COMPL,    /* c: verb whose complement event it absorbs */
    EVG_TK_REPORT,   /* r: reporting verb */
    EVG_TK_NONE      /* x: no event ("sign an executive order"); code "-" */
} evg_trig_kind;

/* One CAMEO event code (cameo.tsv). */
typedef struct evg_cameo {
    char code[6];
    const char *label;
    int quad_class;
    double goldstein;
} evg_cameo;

/* One trigger pattern (triggers.tsv). words[0] is the head; "_" is a gap. */
typedef struct evg_trig_pat {
    const char *words[EVG_PAT_WORDS];
    size_t n_words;
    const evg_cameo *cameo; /* NULL for kind x */
    const char *targets[EVG_PAT_TARGETS]; /* "obj" or a preposition */
    size_t n_targets;
    evg_trig_kind kind;
    size_t order; /* line order, for deterministic ties */
} evg_trig_pat;

/* The CAMEO entry for `code`, or NULL. Borrowed from `t`. */
const evg_cameo *evg_events__cameo(const evg_triggers *t, const char *code);

/* Patterns whose head is `lemma` (`n` bytes, lower case), longest first;
 * sets *out to a borrowed array valid while `t` lives. Returns the count. */
size_t evg_events__patterns(const evg_triggers *t, const char *lemma,
                            size_t n, const evg_trig_pat *const **out);

/* Loads the lemmatizer's list of irregular verbs (once; errors as
 * evg_words_list()): evg_extract__triggers_new() and the event coder call
 * it before evg_events__lemmas() and evg_events__inflection() may run. */
int evg_events__load_lemmas(evg_error *err);

/* Candidate base forms of the word `w` (`n` bytes): the word itself lower
 * cased, then forms with -s/-es/-ies, -ed/-ied, -ing stripped (doubled
 * consonants and a dropped -e restored) and irregular past forms.
 * Writes at most EVG_LEMMAS_MAX NUL-terminated strings; returns the count
 * (0 for words longer than EVG_LEMMA_MAX). */
size_t evg_events__lemmas(const char *w, size_t n,
                          char out[][EVG_LEMMA_MAX + 1]);

/* How the word is inflected, from its ending: 'd' past/participle,
 * 'g' -ing, 's' -s, 0 base form. Irregular pasts give 'd'. */
int evg_events__inflection(const char *w, size_t n);

#endif
