/* Inside the syntax module: the model, the per-sentence word features, and
 * the steps the trainer drives one at a time. */
#ifndef EVG_SYN_INTERNAL_H
#define EVG_SYN_INTERNAL_H

#include "percep.h"
#include "syntax.h"

/* Lemma rules: "remove `strip` bytes, append `add`", applied to the form as
 * written or lowercased; chosen by the tag and the longest known suffix. */
typedef struct syn_lemma_rule {
    uint8_t lower, strip;
    const char *add;
} syn_lemma_rule;

/* Hash maps from 64-bit keys to numbers, stored as they are in the file. */
typedef struct syn_entry {
    uint64_t key;               /* 0: empty slot */
    uint32_t value;
    uint32_t pad;
} syn_entry;

typedef struct syn_map {
    size_t cap;                 /* slots, a power of two (0: empty map) */
    syn_entry *e;
} syn_map;

const syn_entry *syn_map_find(const syn_map *m, uint64_t key);
/* Builds a map from `n` distinct (key, value) pairs; EVG_ENOMEM. */
int syn_map_build(syn_map *m, const syn_entry *v, size_t n);

typedef struct syn_lemmas {
    size_t nrules;                /* the map also holds, per tag ('T'
                                     keys), its most frequent rules: the
                                     fallbacks when a rule's lemma is not
                                     a dictionary word (syn_lemma) */
    syn_lemma_rule *rules;
    syn_map map;                /* exact (form, tag): string offset;
                                   (tag, suffix): rule number */
    const char *strings;        /* rule additions and whole lemmas */
    size_t strings_len;
} syn_lemmas;

/* A loaded model file: its payload, mapped or read. */
typedef struct syn_file {
    const unsigned char *pay;  /* the payload, after the header */
    size_t n;                  /* its bytes */
    uint32_t version;          /* the file's format version */
    void *base;                /* the whole file: unmapped or freed */
    size_t len;
    int mapped;
} syn_file;

struct evg_syn_model {
    size_t ntags, nrels;
    char **upos, **xpos, **rels; /* tag and relation names */
    syn_ptab tagger, tagger2, parser, labeler; /* tagger2: 2nd pass */
    syn_ptab tagjoint;           /* the two passes' tables joined
                                    (syn_ptab_join): what a model file
                                    holds for two passes, and syn_tag
                                    reads; then tagger, tagger2 are empty */
    syn_lemmas lemmas;
    syn_map tagdict;             /* frequent unambiguous forms -> tag */
    syn_map lexicon;             /* lower-cased form -> SYN_LEX_* bits and
                                    WordNet classes (empty: no lexicon) */
    uint8_t *lexpos;             /* per tag: the SYN_LEX_ base bit of its
                                    UPOS (NOUN, VERB, ADJ, ADV), or 0 */
    uint8_t *coarse;             /* per tag: its UPOS, as a small number */
    uint8_t *finite;             /* per tag: SYN_TC_* bits: a finite
                                    verb's (Penn VBD, VBZ, VBP, MD), a
                                    clause or phrase opener's, a
                                    nominal's */
    uint8_t *relcls;             /* per relation: SYN_RC_* bits, for the
                                    parse's repairs (repair.c) */
    uint16_t rel_nsubj, rel_nsubj_pass, rel_acl, rel_advcl, rel_punct,
        rel_aux_pass;            /* those relations' numbers, or 0xffff */
    unsigned beam;               /* the second tagger pass's beam width
                                    (format 6); 0 or 1: greedy */
    /* tokenization learned from the treebanks: clitics split off a word
     * ("n't", "'s"), and abbreviations that keep their full stop */
    size_t nclitics, nabbrevs;
    char **clitics, **abbrevs;
    int own_tokenization, own_names; /* trained in memory: free each */
    char *info;
    void *mem;                   /* training memory */
    syn_file file;               /* the model file's bytes, mapped or read */
    void *owned[12];              /* other blocks to free */
};

/* The lexicon: what dictionaries say of a lower-cased form, read at
 * training time from WordNet and a word list and kept in the model file
 * (section LEXC), so that running needs neither. Bits 0-3: a WordNet base
 * form (lemma) of a noun, verb, adjective, adverb; bits 4-7: an inflected
 * form of one (WordNet's exception lists, or a lemma rule leading to a base
 * form); bit 8: the word list holds it in small letters; bit 9: with a
 * capital; bits 10-14: the lexicographer file of the first noun sense (of
 * its lemma) plus one; bits 15-19: of the first verb sense, plus one. */
enum { SYN_LEX_N = 1, SYN_LEX_V = 2, SYN_LEX_A = 4, SYN_LEX_R = 8,
       SYN_LEX_INFL_SHIFT = 4, SYN_LEX_LOWER = 256, SYN_LEX_CAP = 512,
       SYN_LEX_NOUN_SHIFT = 10, SYN_LEX_VERB_SHIFT = 15 };
#define SYN_LEX_CLASS(v) ((uint64_t)((v) & 0x3ffu))
#define SYN_LEX_SEM(v) ((uint64_t)((v) >> SYN_LEX_NOUN_SHIFT))
/* The lexicon's key of a lower-cased form of n bytes. */
uint64_t syn_lex_key(const char *low, size_t n);
/* The lexicon's bits of a form as written, 0 when unknown. */
uint32_t syn_lex_find(const syn_map *lex, const char *form);

/* Per-word hashed strings used by the feature templates. */
typedef struct syn_word {
    uint64_t w, raw, shape, pre[4], suf[5];
    uint16_t dtag;               /* the tag dictionary's tag, or 0xffff */
    uint16_t punct_before;       /* punctuation words before this one */
    uint8_t flags;               /* SYN_HAS_* */
    uint8_t casing;              /* the sentence's: SYN_CASE_* */
    uint32_t lex;                /* the lexicon's bits (SYN_LEX_*) */
    uint8_t has_lex;             /* the model has a lexicon: the features
                                    that read it are on */
    uint8_t punct;               /* a punctuation word (it closes a clause
                                    for the beam's history features) */
} syn_word;

/* How a sentence is capitalized: as prose, most words capitalized (a
 * headline or a title), or written in capitals throughout. */
enum { SYN_CASE_PROSE, SYN_CASE_TITLE, SYN_CASE_UPPER };

enum { SYN_HAS_UPPER = 1, SYN_HAS_DIGIT = 2, SYN_HAS_HYPHEN = 4,
       SYN_ALL_UPPER = 8, SYN_INIT_UPPER = 16 };

/* Fills w[0..n) from the forms, the tag dictionary and the lexicon. */
void syn_words(const syn_map *dict, const syn_map *lex,
               const char *const *form, size_t n, syn_word *w);

/* Tagger. The form's hash for the tag dictionary. */
uint64_t syn_form_key(const char *form);
#define SYN_TAG_FEATS 64
/* The tag classes the tagger's clause features read (m->finite): a finite
 * verb (VBD, VBZ, VBP, MD); a word that opens a clause or phrase (IN, a
 * subordinator or preposition; CC; WDT, WP, WRB); a nominal that can be
 * a subject (NN, NNS, NNP, NNPS, PRP, EX, WDT, WP). */
enum { SYN_TC_FINITE = 1, SYN_TC_OPEN = 2, SYN_TC_NOMINAL = 4 };
/* Features of word i given the tags before it and, for the second pass,
 * the first pass's tags of the whole sentence (`first`, or NULL). */
size_t syn_tag_features(const syn_word *w, size_t n, size_t i,
                        const uint16_t *tags, const uint16_t *first,
                        const uint8_t *finite, uint64_t *f);
/* The second pass as a beam search (models with m->beam > 1): each
 * hypothesis also reads its own clause so far (how many finite verbs it
 * has tagged since the last punctuation mark, since the last word that
 * opens a clause or phrase and in the sentence, and whether the clause
 * has a nominal for its subject), and a
 * punctuation mark or the sentence's end scores the clause it closes.
 * `score` adds the scores of features f[0..nf) into sc[0..ntags). `base`:
 * per word, the scores of its features that read no tags (ntags each), or
 * NULL to score them here. `gold` (training): the correct sequence,
 * scored alongside; *stop = i when the best hypothesis at word i is not
 * its prefix and is further over it than at any other word or at the end
 * (max-violation), and `out` holds that hypothesis up to i; else *stop = n
 * and `out` the best whole sequence. EVG_ENOMEM. */
typedef void (*syn_score_fn)(void *ctx, const uint64_t *f, size_t nf,
                             int32_t *sc);
int syn_tag_beam(const evg_syn_model *m, syn_score_fn score, void *ctx,
                 const syn_word *w, size_t n, const uint16_t *first,
                 const int32_t *base, const uint16_t *gold, uint16_t *out,
                 size_t *stop);
/* The features the beam scores for word i of the sequence `seq` (its
 * tags before i are read): SYN_BF_FIXED, those that read no tag of the
 * pass's own; SYN_BF_OWN, those that do, with the clause's history, and
 * for a punctuation mark the clause it closes (a word of the tag
 * dictionary: these last only); SYN_BF_END (i = n), the sentence's end,
 * scored as class 0. For the trainer's updates. */
enum { SYN_BF_FIXED, SYN_BF_OWN, SYN_BF_END };
size_t syn_beam_features(const syn_word *w, size_t n, size_t i,
                         const uint16_t *seq, const uint16_t *first,
                         const uint8_t *finite, int which, uint64_t *f);
#define SYN_BEAM_MAX 16

/* Tags words from the tag dictionary, or else by the model. EVG_ENOMEM. */
int syn_tag(const evg_syn_model *m, const syn_word *w, size_t n,
             uint16_t *tags);

/* Parser: arc-hybrid state. Word numbers are 1..n, 0 is the root. */
typedef struct syn_state {
    size_t n;
    int *stack;
    size_t sp;                   /* stack size */
    size_t b;                    /* first buffer word; n + 1 when empty */
    int *head, *lc1, *lc2, *rc1, *rc2, *nl, *nr;
    uint16_t *rel;               /* per word, 1..n */
    uint64_t *lset, *rset;       /* bit sets of the children's relations */
} syn_state;

enum { SYN_SHIFT, SYN_LEFT, SYN_RIGHT, SYN_NACT };

int syn_state_init(syn_state *s, size_t n);
void syn_state_dispose(syn_state *s);
void syn_state_reset(syn_state *s, size_t n);
int syn_state_valid(const syn_state *s, int act);
int syn_state_final(const syn_state *s);
/* Applies an action; for arcs, `rel` labels the new dependent. */
void syn_state_apply(syn_state *s, int act, uint16_t rel);
/* The dependent and the head an arc action would join. */
void syn_state_arc(const syn_state *s, int act, int *dep, int *head);
/* Gold arcs an action loses (Goldberg and Nivre's dynamic oracle);
 * `ghead` is the gold head of each word 1..n. */
int syn_state_cost(const syn_state *s, int act, const int *ghead);

#define SYN_PARSE_FEATS 128
/* Which of the features read the buffer's first words alone (parser.c). */
#define SYN_PARSE_BUFFER_FEATS 16
extern const uint8_t syn_parse_buffer_feats[SYN_PARSE_BUFFER_FEATS];
size_t syn_parse_features(const syn_state *s, const syn_word *w,
                          const uint16_t *tags, const uint8_t *coarse,
                          uint64_t *f);
/* Fills m->coarse, m->lexpos and m->finite from the tag names, and the
 * relations' classes (syn_model_relations) from the relation names.
 * EVG_ENOMEM. */
int syn_model_coarse(evg_syn_model *m);
/* The relation classes the repairs read: a subject (nsubj, csubj, with
 * subtypes; expl), a word that makes a clause (a subject, mark, aux, cop),
 * obl and its subtypes, a list member (appos, conj), cc, flat and fixed,
 * an auxiliary (aux and its subtypes). */
enum { SYN_RC_SUBJ = 1, SYN_RC_CLAUSE = 2, SYN_RC_OBL = 4, SYN_RC_LIST = 8,
       SYN_RC_CC = 16, SYN_RC_FLAT = 32, SYN_RC_AUX = 64 };
int syn_model_relations(evg_syn_model *m);
/* Repairs a parse (heads and relations of words 1..n, as syn_state
 * holds them) where it reads two constructions wrong (repair.c): the
 * list after a fronted time phrase, the subject of a verb that has none;
 * a bare past participle right after a noun, its modifier (acl) rather
 * than an adverbial clause of an earlier verb. */
void syn_repair(const evg_syn_model *m, const syn_word *w,
                const uint16_t *tags, size_t n, int *head, uint16_t *rel);
#define SYN_LABEL_FEATS 40
size_t syn_label_features(const syn_state *s, const syn_word *w,
                          const uint16_t *tags, int dep, int head,
                          uint64_t *f);
/* Parses with the model; heads and relations land in `st`. */
void syn_parse(const evg_syn_model *m, const syn_word *w,
               const uint16_t *tags, syn_state *st);

/* Lemmatizer, and the pieces the trainer shares with it: the map keys of
 * whole forms ('E') and of suffixes ('S') with their tag, ASCII
 * lower-casing (NUL-terminated, cut to `size`), and the start of the
 * suffix of `k` characters (SIZE_MAX when the word is shorter). */
#define SYN_LEMMA_SUFFIX 7
#define SYN_LEMMA_TAG_RULES 6
uint64_t syn_lemma_key(char kind, unsigned tag, const char *s, size_t n);
size_t syn_lower_copy(const char *s, char *out, size_t size);
size_t syn_suffix_at(const char *s, size_t n, size_t k);
/* The lemma of `form` with `tag`: a whole form seen in training, else the
 * rule of its longest known suffix; when the tag's UPOS has WordNet base
 * forms and the lexicon does not know that rule's lemma as one, the next
 * rule (of a shorter suffix, then the tag's most frequent) whose lemma it
 * knows. `buf` holds a made lemma. */
const char *syn_lemma(const evg_syn_model *m, const char *form, unsigned tag,
                      char *buf, size_t bufsize);

/* Model file. */
int syn_model_save(const evg_syn_model *m, const char *path, evg_error *err);

#endif
