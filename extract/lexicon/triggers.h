/* The trigger lexicon (triggers.c) as the event coder reads it: word
 * patterns mapped to CAMEO event codes, found through a hash of their head
 * lemma, and the small lemmatizer that maps inflected words onto heads. */
#ifndef EVG_EXTRACT_TRIGGERS_H
#define EVG_EXTRACT_TRIGGERS_H

#include <stddef.h>

#include "lexicon.h"

#define EVG_LEMMA_MAX 40  /* longest word the lemmatizer handles */
#define EVG_LEMMAS_MAX 6  /* candidate lemmas per word */
#define EVG_PAT_WORDS 16  /* words per pattern (gaps included) */
#define EVG_PAT_TARGETS 6 /* places of a target (or source) per pattern */
#define EVG_CLASS_WORDS 6 /* words per phrase of a word class */

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

/* One phrase of a word class: words in base form, matched in a row. */
typedef struct evg_trig_phrase {
    const char *words[EVG_CLASS_WORDS];
    size_t n_words;
} evg_trig_phrase;

/* A word class ("&weapon": missile, rocket, cruise missile ...), usable
 * in place of a word of a pattern. */
typedef struct evg_trig_class {
    const char *name; /* with its "&" */
    evg_trig_phrase *phrases;
    size_t n_phrases;
} evg_trig_class;

/* Where an actor of a pattern is: the subject, the first actor after the
 * pattern ("obj"), or the object of a preposition ("from"). */
#define EVG_ROLE_SUBJ "subj"
#define EVG_ROLE_OBJ "obj"

/* One trigger pattern (triggers.tsv). words[0] is the head; "_" is a gap;
 * a word whose classes[] entry is set matches any phrase of that class. */
typedef struct evg_trig_pat {
    const char *words[EVG_PAT_WORDS];
    const evg_trig_class *classes[EVG_PAT_WORDS];
    size_t n_words;
    const evg_cameo *cameo; /* NULL for kind x */
    /* the code of the same act seen from the other side ("042:043": X
     * visits Y, Y hosts X; "040:040": a meeting is both sides'), coded
     * as a second event with source and target exchanged; or NULL */
    const evg_cameo *mirror;
    const char *targets[EVG_PAT_TARGETS]; /* "obj", "subj" or a preposition */
    size_t n_targets;
    /* where the source is, tried in order; none: the subject */
    const char *sources[EVG_PAT_TARGETS];
    size_t n_sources;
    evg_trig_kind kind;
    int prio;     /* ties of equal length: higher wins (user > built-in >
                   * PETRARCH verb dictionary) */
    size_t order; /* line order, for deterministic ties */
} evg_trig_pat;

/* Whether a pattern word is a gap ("_" any words, "~" inside a noun
 * phrase) or stands for other words (a class "&name"): no literal word. */
static inline int evg_trig_gap(const char *w)
{
    return ((w[0] == '_' || w[0] == '~') && !w[1]);
}
static inline int evg_trig_literal(const char *w)
{
    return !evg_trig_gap(w) && w[0] != '&';
}

/* Pattern priorities. */
#define EVG_PRIO_PETRARCH 0
#define EVG_PRIO_BUILTIN 1
#define EVG_PRIO_USER 2

/* How many patterns, word classes and patterns per CAMEO root (`roots`
 * of 21 entries, index 1..20, NULL to skip) the lexicon holds; patterns of
 * kind x count under no root. */
size_t evg_events__lexicon_stats(const evg_triggers *t, size_t *n_classes,
                                 size_t roots[21]);

/* Whether `w` is one of `preps` (the list role_prepositions.words, read
 * with evg_words_list): a preposition after which a role marker of a
 * pattern names that preposition's object. */
int evg_events__role_prep(const char *const *preps, const char *w);

/* Adds one pattern to `t` (the lookup table is rebuilt by
 * evg_events__lexicon_done). `words` as in a pattern line ("$"/"+"
 * markers removed: give sources and targets instead), `code` a CAMEO code,
 * "code:mirror" (the second code is the same act from the other side,
 * evg_trig_pat.mirror) or "-" for kind x. EVG_EPARSE naming `name`:`line`, EVG_ELIMIT,
 * EVG_ENOMEM. */
int evg_events__add_pattern(evg_triggers *t, const char *const *words,
                            size_t n_words, const char *code,
                            const char *const *sources, size_t n_sources,
                            const char *const *targets, size_t n_targets,
                            evg_trig_kind kind, int prio, const char *name,
                            size_t line, evg_error *err);
/* Defines (or redefines) the word class `name` ("&weapon") from
 * `n` phrases of space-separated words. Errors as above. */
int evg_events__add_class(evg_triggers *t, const char *name,
                          const char *const *phrases, size_t n,
                          const char *file, size_t line, evg_error *err);
/* The class named `name` (with its "&"), or NULL. */
const evg_trig_class *evg_events__class(const evg_triggers *t,
                                        const char *name, size_t n);
/* Rebuilds the lookup table after patterns were added. */
int evg_events__lexicon_done(evg_triggers *t, evg_error *err);

/* Whether `data` reads as a PETRARCH verb dictionary (CAMEO.2.0.txt):
 * a "--- NAME [code] ---" block header among its first lines. */
int evg_extract__petrarch_verbs_detect(const char *data, size_t len);
/* Adds a PETRARCH verb dictionary's synonym sets and patterns to `t`
 * (petrarch_verbs.c; docs/events.md). Sets *skipped to the number of
 * patterns it cannot express (may be NULL). EVG_EPARSE naming `name` and
 * the line, EVG_ELIMIT, EVG_ENOMEM. */
int evg_extract__petrarch_verbs_add(evg_triggers *t, const char *data,
                                    size_t len, const char *name,
                                    size_t *skipped, evg_error *err);

/* The CAMEO entry for `code`, or NULL. Borrowed from `t`. */
const evg_cameo *evg_events__cameo(const evg_triggers *t, const char *code);

/* Patterns whose head is `lemma` (`n` bytes, lower case), longest first;
 * sets *out to a borrowed array valid while `t` lives. Returns the count. */
size_t evg_events__patterns(const evg_triggers *t, const char *lemma,
                            size_t n, const evg_trig_pat *const **out);

/* What the event coder reads of a pattern before anything else, kept in
 * an array of its own so that passing over the many patterns of a common
 * head reads a few bytes each, not each pattern's own memory. */
typedef struct evg_trig_brief {
    unsigned char kind;     /* evg_trig_kind */
    unsigned char petrarch; /* prio == EVG_PRIO_PETRARCH */
    unsigned char one_word; /* n_words < 2 */
} evg_trig_brief;

/* The briefs of the patterns `pats` (an array evg_events__patterns()
 * gave), in the same order. */
const evg_trig_brief *evg_events__briefs(const evg_triggers *t,
                                         const evg_trig_pat *const *pats);

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
