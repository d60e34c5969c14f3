/* Averaged perceptron over hashed features, in two forms: the training
 * table (dense rows of float weights, with the sums that averaging needs)
 * and the compact run-time table a model file holds (per feature, the
 * non-zero classes and their weights as 16-bit integers). */
#ifndef EVG_SYN_PERCEP_H
#define EVG_SYN_PERCEP_H

#include <stddef.h>
#include <stdint.h>

/* Feature keys: 64-bit hashes of a template number and its values. */
static inline uint64_t syn_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

uint64_t syn_hash_str(const char *s);

/* Training table. */
typedef struct syn_ptrain {
    size_t nclass;
    size_t cap, used;   /* open addressing over `keys` (0: empty) */
    uint64_t *keys;
    uint32_t *slot_row;
    size_t nrows, rowcap;
    float *w;           /* nrows * nclass current weights */
    double *tot;        /* sums of past weights, for the average */
    uint32_t *ts;       /* instance count at each weight's last change */
    uint32_t *hits;     /* per row: updates that touched it */
    uint32_t t;         /* instances seen */
} syn_ptrain;

int syn_ptrain_init(syn_ptrain *p, size_t nclass);
void syn_ptrain_dispose(syn_ptrain *p);
/* scores[c] = sum of current weights of the features, for every class. */
void syn_ptrain_score(const syn_ptrain *p, const uint64_t *f, size_t nf,
                      float *scores);
/* Adds `delta` to class `c` of every feature; returns EVG_ENOMEM or 0. */
int syn_ptrain_update(syn_ptrain *p, const uint64_t *f, size_t nf, size_t c,
                      float delta);

/* Run-time table. */
typedef struct syn_ptab {
    uint32_t nclass;
    uint32_t cap;          /* slots */
    const uint32_t *slot;  /* per slot: fingerprint (0 when empty), then
                              the offset of its row in `pairs` */
    const uint32_t *pairs; /* rows: a count, then (class << 16 | weight) */
    uint32_t npairs;
    float scale;           /* weight = int16 value * scale */
    void *owned;           /* memory to free when built, not mapped */
    const int16_t *dense;  /* rows with many classes, as nclass weights;
                              a slot's offset with the top bit set points
                              here (in rows): built by syn_ptab_densify,
                              or read in place from a model file */
    uint32_t ndense;       /* dense rows */
    int16_t *dense_owned;  /* `dense`, when built here */
    /* Tables of at most SYN_INLINE_CLASSES classes (the parser's) are
     * held inline instead: 2^inl_bits slots of 64 bits, each a 16-bit tag
     * and the weights of every class, so that a feature costs one memory
     * access (percep.c). `cap` is then 0 and `slot`, `pairs` unused. */
    const uint64_t *inl;
    uint32_t inl_bits;
    uint64_t *inl_owned;   /* when built, not read from a file */
} syn_ptab;

#define SYN_INLINE_CLASSES 3
#define SYN_INLINE_MIN_BITS 18
#define SYN_INLINE_MAX_BITS 31

/* Builds the run-time table from the averaged training weights, leaving
 * out features updated fewer than `min_hits` times and weights that round
 * to zero. */
int syn_ptab_from_train(syn_ptab *t, const syn_ptrain *p, unsigned min_hits);
void syn_ptab_dispose(syn_ptab *t);
/* Rewrites the rows that hold a quarter of the classes or more as dense
 * rows, which score in a vectorised loop. `slots` is the table's own,
 * writable slot array. EVG_ENOMEM. */
int syn_ptab_densify(syn_ptab *t, uint32_t *slots);
/* Builds the inline form of a table of at most SYN_INLINE_CLASSES
 * classes from its slots and rows (nothing when it has one); lookups then
 * use it only, and give the same answers. Deterministic: the same table
 * gives the same bytes. EVG_ENOMEM, or EVG_EINVAL when the table has too
 * many classes. */
int syn_ptab_inline(syn_ptab *t);
/* Whether an inline form of 2^bits slots and `nclass` classes can be
 * read (whatever its bytes, a lookup in it stays in bounds and ends). */
int syn_ptab_inline_valid(uint32_t bits, size_t nclass);
/* scores[c] += weights of the features, as integers (scale left out). */
void syn_ptab_score(const syn_ptab *t, const uint64_t *f, size_t nf,
                    int32_t *scores);
/* The same with features [0, nsplit) into `sa` and the others into `sb`,
 * in one pass over memory (a table not inline: at most 128 features). */
void syn_ptab_score2(const syn_ptab *t, const uint64_t *f, size_t nsplit,
                     size_t nf, int32_t *sa, int32_t *sb);
/* scores[c - lo] += the weights of classes c >= lo of the features (the
 * second pass's part of a joined table). */
void syn_ptab_score_from(const syn_ptab *t, const uint64_t *f, size_t nf,
                         uint32_t lo, int32_t *scores);
/* Joins two tables of the same classes into one of twice the classes:
 * `a`'s weights as classes 0 to nclass - 1, `b`'s as nclass to 2 nclass
 * - 1, so that a feature both score costs one lookup. Its lookups answer
 * as the two tables' do (where two features of a table share a
 * fingerprint, the one a lookup finds first). The scale is `a`'s: `b`'s
 * classes are to be compared only among themselves. EVG_ENOMEM, or
 * EVG_EINVAL for an inline table or tables of different classes. */
int syn_ptab_join(syn_ptab *out, const syn_ptab *a, const syn_ptab *b);

#endif
