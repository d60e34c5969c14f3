/* Averaged perceptron tables: see percep.h. */
#include "syn_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

uint64_t syn_hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ull;
    }
    return h;
}

int syn_ptrain_init(syn_ptrain *p, size_t nclass)
{
    memset(p, 0, sizeof *p);
    p->nclass = nclass;
    p->cap = 1u << 16;
    p->keys = calloc(p->cap, sizeof *p->keys);
    p->slot_row = calloc(p->cap, sizeof *p->slot_row);
    if (!p->keys || !p->slot_row) {
        syn_ptrain_dispose(p);
        return EVG_ENOMEM;
    }
    return 0;
}

void syn_ptrain_dispose(syn_ptrain *p)
{
    free(p->keys);
    free(p->slot_row);
    free(p->w);
    free(p->tot);
    free(p->ts);
    free(p->hits);
    memset(p, 0, sizeof *p);
}

/* Key 0 marks an empty slot, so a feature hashing to 0 is stored as 1. */
static uint64_t fix_key(uint64_t k)
{
    return k ? k : 1;
}

static long find_row(const syn_ptrain *p, uint64_t k)
{
    size_t mask = p->cap - 1;
    for (size_t i = k & mask;; i = (i + 1) & mask) {
        if (p->keys[i] == k)
            return (long)p->slot_row[i];
        if (!p->keys[i])
            return -1;
    }
}

void syn_ptrain_score(const syn_ptrain *p, const uint64_t *f, size_t nf,
                      float *scores)
{
    memset(scores, 0, p->nclass * sizeof *scores);
    for (size_t j = 0; j < nf; j++) {
        long r = find_row(p, fix_key(f[j]));
        if (r < 0)
            continue;
        const float *w = p->w + (size_t)r * p->nclass;
        for (size_t c = 0; c < p->nclass; c++)
            scores[c] += w[c];
    }
}

static int grow_slots(syn_ptrain *p)
{
    size_t cap = p->cap * 2, mask = cap - 1;
    uint64_t *keys = calloc(cap, sizeof *keys);
    uint32_t *rows = calloc(cap, sizeof *rows);
    if (!keys || !rows) {
        free(keys);
        free(rows);
        return EVG_ENOMEM;
    }
    for (size_t i = 0; i < p->cap; i++) {
        if (!p->keys[i])
            continue;
        size_t j = p->keys[i] & mask;
        while (keys[j])
            j = (j + 1) & mask;
        keys[j] = p->keys[i];
        rows[j] = p->slot_row[i];
    }
    free(p->keys);
    free(p->slot_row);
    p->keys = keys;
    p->slot_row = rows;
    p->cap = cap;
    return 0;
}

static long add_row(syn_ptrain *p, uint64_t k)
{
    if ((p->used + 1) * 2 > p->cap && grow_slots(p) < 0)
        return -1;
    if (p->nrows == p->rowcap) {
        size_t cap = p->rowcap ? p->rowcap * 2 : 4096, nc = p->nclass;
        float *w = realloc(p->w, cap * nc * sizeof *w);
        if (w)
            p->w = w;
        double *tot = realloc(p->tot, cap * nc * sizeof *tot);
        if (tot)
            p->tot = tot;
        uint32_t *ts = realloc(p->ts, cap * nc * sizeof *ts);
        if (ts)
            p->ts = ts;
        uint32_t *hits = realloc(p->hits, cap * sizeof *hits);
        if (hits)
            p->hits = hits;
        if (!w || !tot || !ts || !hits)
            return -1;
        p->rowcap = cap;
    }
    size_t nc = p->nclass, r = p->nrows++;
    memset(p->w + r * nc, 0, nc * sizeof *p->w);
    memset(p->tot + r * nc, 0, nc * sizeof *p->tot);
    for (size_t c = 0; c < nc; c++)
        p->ts[r * nc + c] = p->t;
    p->hits[r] = 0;
    size_t mask = p->cap - 1, i = k & mask;
    while (p->keys[i])
        i = (i + 1) & mask;
    p->keys[i] = k;
    p->slot_row[i] = (uint32_t)r;
    p->used++;
    return (long)r;
}

int syn_ptrain_update(syn_ptrain *p, const uint64_t *f, size_t nf, size_t c,
                      float delta)
{
    for (size_t j = 0; j < nf; j++) {
        uint64_t k = fix_key(f[j]);
        long r = find_row(p, k);
        if (r < 0 && (r = add_row(p, k)) < 0)
            return EVG_ENOMEM;
        size_t i = (size_t)r * p->nclass + c;
        if (delta > 0) /* one update adds to one class, takes from another */
            p->hits[r]++;
        p->tot[i] += (double)p->w[i] * (double)(p->t - p->ts[i]);
        p->ts[i] = p->t;
        p->w[i] += delta;
    }
    return 0;
}

static double average(const syn_ptrain *p, size_t i)
{
    if (!p->t)
        return p->w[i];
    double tot = p->tot[i] + (double)p->w[i] * (double)(p->t - p->ts[i]);
    return tot / (double)p->t;
}

/* Run-time tables are Robin Hood hashed on the feature's 32-bit
 * fingerprint: its home slot comes from the fingerprint itself, so a probe
 * can tell how far any stored key is from its home and stop as soon as it
 * passes a key nearer to home than the one looked for: a feature that is
 * not in the table (the common case) costs a probe or two, not a run. */
static uint32_t fingerprint(uint64_t h)
{
    return (uint32_t)(h >> 32) | 1u;
}

static uint32_t home_of(uint32_t fp, uint32_t cap)
{
    return (uint32_t)(((uint64_t)fp * cap) >> 32);
}

static uint32_t distance(uint32_t fp, uint32_t i, uint32_t cap)
{
    uint32_t h = home_of(fp, cap);
    return i >= h ? i - h : i + cap - h;
}

/* Puts fingerprint `fp` with row offset `at` in `slot` (cap slots, not
 * full). Robin Hood: of two keys, the farther from its home stays. */
static void rh_insert(uint32_t *slot, uint32_t cap, uint32_t fp, uint32_t at)
{
    uint32_t i = home_of(fp, cap), d = 0;
    while (slot[2 * i]) {
        uint32_t od = distance(slot[2 * i], i, cap);
        if (od < d) {
            uint32_t f2 = slot[2 * i], a2 = slot[2 * i + 1];
            slot[2 * i] = fp;
            slot[2 * i + 1] = at;
            fp = f2;
            at = a2;
            d = od;
        }
        i = i + 1 == cap ? 0 : i + 1;
        d++;
    }
    slot[2 * i] = fp;
    slot[2 * i + 1] = at;
}

int syn_ptab_from_train(syn_ptab *t, const syn_ptrain *p, unsigned min_hits)
{
    memset(t, 0, sizeof *t);
    size_t nc = p->nclass, nw = p->nrows * nc;
    double max = 0;
    for (size_t i = 0; i < nw; i++) {
        double a = fabs(average(p, i));
        if (a > max)
            max = a;
    }
    float scale = max > 0 ? (float)(max / 32767.0) : 1.0f;

    /* count the rows and pairs that survive rounding */
    size_t rows = 0, pairs = 0;
    for (size_t r = 0; r < p->nrows; r++) {
        size_t k = 0;
        if (p->hits[r] < min_hits)
            continue;
        for (size_t c = 0; c < nc; c++)
            k += lrint(average(p, r * nc + c) / scale) != 0;
        if (k) {
            rows++;
            pairs += 1 + k;
        }
    }
    uint32_t cap = (uint32_t)(rows + rows / 4 + 16); /* load at most 0.8 */
    size_t bytes = (size_t)cap * 8 + pairs * 4;
    char *mem = calloc(1, bytes ? bytes : 1);
    if (!mem)
        return EVG_ENOMEM;
    uint32_t *slot = (uint32_t *)mem, *pr = slot + 2 * (size_t)cap;
    size_t np = 0;
    for (size_t s = 0; s < p->cap; s++) {
        if (!p->keys[s])
            continue;
        size_t r = p->slot_row[s], k = 0;
        if (p->hits[r] < min_hits)
            continue;
        size_t start = np++;
        for (size_t c = 0; c < nc; c++) {
            long v = lrint(average(p, r * nc + c) / scale);
            if (!v)
                continue;
            if (v > 32767)
                v = 32767;
            if (v < -32767)
                v = -32767;
            pr[np++] = (uint32_t)c << 16 | (uint16_t)(int16_t)v;
            k++;
        }
        if (!k) {
            np--;
            continue;
        }
        pr[start] = (uint32_t)k;
        rh_insert(slot, cap, fingerprint(p->keys[s]), (uint32_t)start);
    }
    t->nclass = (uint32_t)nc;
    t->cap = cap;
    t->slot = slot;
    t->pairs = pr;
    t->npairs = (uint32_t)np;
    t->scale = scale;
    t->owned = mem;
    return 0; /* not densified: this is the form the model file stores */
}

void syn_ptab_dispose(syn_ptab *t)
{
    free(t->owned);
    free(t->dense_owned);
    free(t->inl_owned);
    memset(t, 0, sizeof *t);
}

#define DENSE_BIT 0x80000000u

int syn_ptab_densify(syn_ptab *t, uint32_t *slots)
{
    size_t rows = 0, nc = t->nclass;
    for (uint32_t i = 0; i < t->cap; i++)
        if (slots[2 * i] && !(slots[2 * i + 1] & DENSE_BIT) &&
            t->pairs[slots[2 * i + 1]] * 4 >= nc && nc >= 8)
            rows++;
    if (!rows)
        return 0;
    int16_t *d = calloc(rows * nc, sizeof *d);
    if (!d)
        return EVG_ENOMEM;
    size_t r = 0;
    for (uint32_t i = 0; i < t->cap; i++) {
        uint32_t o = slots[2 * i + 1];
        if (!slots[2 * i] || (o & DENSE_BIT) || t->pairs[o] * 4 < nc || nc < 8)
            continue;
        for (uint32_t q = 1; q <= t->pairs[o]; q++)
            d[r * nc + (t->pairs[o + q] >> 16)] =
                (int16_t)(uint16_t)(t->pairs[o + q] & 0xffff);
        slots[2 * i + 1] = DENSE_BIT | (uint32_t)r;
        r++;
    }
    free(t->dense_owned);
    t->dense = t->dense_owned = d;
    t->ndense = (uint32_t)rows;
    return 0;
}

/* The row of a fingerprint (its slot's offset word), or NULL. */
static const uint32_t *find_fp_row(const syn_ptab *t, uint32_t fp)
{
    uint32_t cap = t->cap;
    for (uint32_t i = home_of(fp, cap), d = 0;; d++) {
        uint32_t k = t->slot[2 * i];
        if (k == fp)
            return t->slot + 2 * i + 1;
        if (!k || distance(k, i, cap) < d)
            return NULL;
        i = i + 1 == cap ? 0 : i + 1;
    }
}

static const uint32_t *find_ptab_row(const syn_ptab *t, uint64_t h)
{
    return find_fp_row(t, fingerprint(h));
}

/* Appends the (class + base, weight) pairs of the row at slot word `at`
 * (sparse or dense) to `out`; returns how many. */
static uint32_t row_pairs(const syn_ptab *t, const uint32_t *at, uint32_t base,
                          uint32_t *out)
{
    uint32_t k = 0, o = *at;
    if (o & DENSE_BIT) {
        const int16_t *w = t->dense + (size_t)(o & ~DENSE_BIT) * t->nclass;
        for (uint32_t c = 0; c < t->nclass; c++)
            if (w[c]) {
                if (out)
                    out[k] = (c + base) << 16 | (uint16_t)w[c];
                k++;
            }
        return k;
    }
    for (uint32_t q = 1; q <= t->pairs[o]; q++, k++)
        if (out)
            out[k] = t->pairs[o + q] + (base << 16);
    return k;
}

/* The row each table gives slot `s`'s fingerprint, or 0 when another slot
 * of the same table (the one a lookup finds first) answers for it. */
static int join_rows(const syn_ptab *a, const syn_ptab *b, int in_b, uint32_t s,
                     const uint32_t **ra, const uint32_t **rb)
{
    const syn_ptab *own = in_b ? b : a;
    uint32_t fp = own->slot[2 * s];
    if (!fp || find_fp_row(own, fp) != own->slot + 2 * s + 1)
        return 0;
    *ra = find_fp_row(a, fp);
    *rb = find_fp_row(b, fp);
    return !in_b || !*ra; /* a fingerprint of both: once, from `a` */
}

int syn_ptab_join(syn_ptab *out, const syn_ptab *a, const syn_ptab *b)
{
    memset(out, 0, sizeof *out);
    if (a->inl || b->inl || a->nclass != b->nclass || !a->cap || !b->cap ||
        a->nclass > 0x7fff)
        return EVG_EINVAL;
    uint32_t nc = a->nclass;
    size_t rows = 0, pairs = 0;
    for (int in_b = 0; in_b < 2; in_b++)
        for (uint32_t s = 0; s < (in_b ? b->cap : a->cap); s++) {
            const uint32_t *ra, *rb;
            if (!join_rows(a, b, in_b, s, &ra, &rb))
                continue;
            rows++;
            pairs += 1 + (ra ? row_pairs(a, ra, 0, NULL) : 0) +
                     (rb ? row_pairs(b, rb, nc, NULL) : 0);
        }
    if (pairs >= DENSE_BIT || rows >= 0x40000000u)
        return EVG_ENOMEM;
    uint32_t cap = (uint32_t)(rows + rows / 4 + 16); /* load at most 0.8 */
    char *mem = calloc(1, (size_t)cap * 8 + pairs * 4);
    if (!mem)
        return EVG_ENOMEM;
    uint32_t *slot = (uint32_t *)mem, *pr = slot + 2 * (size_t)cap;
    uint32_t np = 0;
    for (int in_b = 0; in_b < 2; in_b++)
        for (uint32_t s = 0; s < (in_b ? b->cap : a->cap); s++) {
            const uint32_t *ra, *rb;
            if (!join_rows(a, b, in_b, s, &ra, &rb))
                continue;
            uint32_t at = np++, k = 0;
            if (ra)
                k += row_pairs(a, ra, 0, pr + np + k);
            if (rb)
                k += row_pairs(b, rb, nc, pr + np + k);
            pr[at] = k;
            np += k;
            rh_insert(slot, cap, (in_b ? b : a)->slot[2 * s], at);
        }
    out->nclass = 2 * nc;
    out->cap = cap;
    out->slot = slot;
    out->pairs = pr;
    out->npairs = np;
    out->scale = a->scale;
    out->owned = mem;
    return 0; /* not densified: the form the model file stores */
}

/* The inline form: 2^bits slots of 64 bits. A slot's low 16 bits are its
 * tag, 0 when empty, else (distance from home + 1) << low | the
 * fingerprint's `low` = 32 - bits lowest bits; the fingerprint's other
 * bits are its home slot, so the tag and the slot give the fingerprint
 * back exactly, and a lookup answers as the table it was built from does.
 * The three 16-bit fields above the tag are the weights of classes 0 to 2
 * (0 where the row has none). Robin Hood again, with a load of at most a
 * half: a feature, found or not, is nearly always one cache line. */

static uint32_t inl_low(uint32_t bits)
{
    return 32u - bits;
}

int syn_ptab_inline_valid(uint32_t bits, size_t nclass)
{
    return bits >= SYN_INLINE_MIN_BITS && bits <= SYN_INLINE_MAX_BITS &&
           nclass <= SYN_INLINE_CLASSES;
}

/* Places every row of `t` in `slot` (2^bits, zeroed) with the full
 * fingerprints in `fps`; 0 when a distance does not fit the tag. */
static int inl_fill(const syn_ptab *t, uint32_t bits, uint64_t *slot,
                    uint32_t *fps)
{
    uint32_t low = inl_low(bits), mask = (1u << bits) - 1;
    uint32_t maxd = (1u << (16 - low)) - 2;
    for (uint32_t s = 0; s < t->cap; s++) {
        uint32_t fp = t->slot[2 * s], o = t->slot[2 * s + 1];
        if (!fp)
            continue;
        int16_t w[SYN_INLINE_CLASSES] = {0};
        if (o & DENSE_BIT) {
            for (uint32_t c = 0; c < t->nclass; c++)
                w[c] = t->dense[(size_t)(o & ~DENSE_BIT) * t->nclass + c];
        } else {
            for (uint32_t q = 1; q <= t->pairs[o]; q++)
                w[t->pairs[o + q] >> 16] =
                    (int16_t)(uint16_t)(t->pairs[o + q] & 0xffff);
        }
        uint64_t v = 0;
        for (uint32_t c = 0; c < SYN_INLINE_CLASSES; c++)
            v |= (uint64_t)(uint16_t)w[c] << (16 * (c + 1));
        uint32_t i = fp >> low, d = 0;
        while (fps[i]) { /* Robin Hood: the farther from home stays */
            uint32_t od = (i - (fps[i] >> low)) & mask;
            if (od < d) {
                uint32_t f2 = fps[i];
                uint64_t v2 = slot[i];
                fps[i] = fp;
                slot[i] = v;
                fp = f2;
                v = v2;
                d = od;
            }
            i = (i + 1) & mask;
            if (++d > maxd)
                return 0;
        }
        fps[i] = fp;
        slot[i] = v;
    }
    for (uint32_t i = 0; i <= mask; i++) {
        if (!fps[i])
            continue;
        uint32_t d = (i - (fps[i] >> low)) & mask;
        slot[i] |= (uint64_t)((d + 1) << low | (fps[i] & ((1u << low) - 1)));
    }
    return 1;
}

int syn_ptab_inline(syn_ptab *t)
{
    if (t->inl)
        return 0;
    if (t->nclass > SYN_INLINE_CLASSES)
        return EVG_EINVAL;
    size_t used = 0;
    for (uint32_t s = 0; s < t->cap; s++)
        used += t->slot[2 * s] != 0;
    uint32_t bits = SYN_INLINE_MIN_BITS;
    while (((size_t)1 << bits) < 2 * used)
        bits++;
    for (; bits <= SYN_INLINE_MAX_BITS; bits++) {
        size_t cap = (size_t)1 << bits;
        uint64_t *slot = calloc(cap, sizeof *slot);
        uint32_t *fps = calloc(cap, sizeof *fps);
        if (!slot || !fps) {
            free(slot);
            free(fps);
            return EVG_ENOMEM;
        }
        int ok = inl_fill(t, bits, slot, fps);
        free(fps);
        if (ok) {
            free(t->inl_owned);
            t->inl_owned = slot;
            t->inl = slot;
            t->inl_bits = bits;
            return 0;
        }
        free(slot);
    }
    return EVG_ENOMEM;
}

static uint64_t inl_find(const syn_ptab *t, uint32_t fp)
{
    uint32_t low = inl_low(t->inl_bits), mask = (1u << t->inl_bits) - 1;
    uint32_t lowmask = (1u << low) - 1, want = fp & lowmask;
    for (uint32_t i = fp >> low, d = 0;; d++) {
        uint64_t v = t->inl[i];
        uint32_t tag = (uint32_t)(v & 0xffff);
        uint32_t sd1 = tag >> low; /* its distance + 1; 0 when empty */
        if (sd1 <= d) /* ends every probe: sd1 < 2^(16 - low) */
            return 0;
        if (sd1 == d + 1 && (tag & lowmask) == want)
            return v;
        i = (i + 1) & mask;
    }
}

static void inl_score(const syn_ptab *t, const uint64_t *f, size_t nsplit,
                      size_t nf, int32_t *sa, int32_t *sb)
{
    uint32_t low = inl_low(t->inl_bits), nc = t->nclass;
    for (size_t j = 0; j < nf; j++)
        __builtin_prefetch(t->inl + (fingerprint(fix_key(f[j])) >> low));
    int32_t s[2][SYN_INLINE_CLASSES] = {{0}};
    for (size_t j = 0; j < nf; j++) {
        uint64_t v = inl_find(t, fingerprint(fix_key(f[j])));
        for (uint32_t c = 0; c < SYN_INLINE_CLASSES; c++)
            s[j >= nsplit][c] += (int16_t)(uint16_t)(v >> (16 * (c + 1)));
    }
    for (uint32_t c = 0; c < nc; c++) {
        sa[c] += s[0][c];
        sb[c] += s[1][c];
    }
}

void syn_ptab_score(const syn_ptab *t, const uint64_t *f, size_t nf,
                    int32_t *scores)
{
    syn_ptab_score2(t, f, nf, nf, scores, scores);
}

/* The rows of the first 128 features (NULL where a feature has none), a
 * dense row from its class lo on, each marked dense or not: the slots of
 * all features are fetched first, then their rows, so that the cache
 * misses overlap. Returns how many features it looked up. */
static inline size_t fetch_rows(const syn_ptab *t, const uint64_t *f,
                                size_t nf, uint32_t lo, const void **rows,
                                unsigned char *dense)
{
    size_t n = nf < 128 ? nf : 128;
    for (size_t j = 0; j < n; j++)
        __builtin_prefetch(t->slot +
                           2 * (size_t)home_of(fingerprint(fix_key(f[j])),
                                               t->cap));
    for (size_t j = 0; j < n; j++) {
        const uint32_t *at = find_ptab_row(t, fix_key(f[j]));
        rows[j] = NULL;
        if (!at)
            continue;
        if (*at & DENSE_BIT)
            rows[j] = t->dense + (size_t)(*at & ~DENSE_BIT) * t->nclass + lo;
        else
            rows[j] = t->pairs + *at;
        dense[j] = (*at & DENSE_BIT) != 0;
        __builtin_prefetch(rows[j]);
    }
    return n;
}

/* Memory bound: the rows are fetched first (fetch_rows), then added up. */
void syn_ptab_score2(const syn_ptab *t, const uint64_t *f, size_t nsplit,
                     size_t nf, int32_t *sa, int32_t *sb)
{
    if (t->inl) {
        inl_score(t, f, nsplit, nf, sa, sb);
        return;
    }

    const void *rows[128];
    unsigned char dense[128];
    size_t n = fetch_rows(t, f, nf, 0, rows, dense);
    uint32_t nc = t->nclass;
    for (size_t j = 0; j < n; j++) {
        if (!rows[j])
            continue;
        int32_t *scores = j < nsplit ? sa : sb;
        if (dense[j]) { /* vectorised: every class */
            const int16_t *w = rows[j];
            for (uint32_t c = 0; c < nc; c++)
                scores[c] += w[c];
            continue;
        }
        const uint32_t *row = rows[j];
        uint32_t k = row[0];
        for (uint32_t q = 1; q <= k; q++)
            scores[row[q] >> 16] += (int16_t)(uint16_t)(row[q] & 0xffff);
    }
}

void syn_ptab_score_from(const syn_ptab *t, const uint64_t *f, size_t nf,
                         uint32_t lo, int32_t *scores)
{
    if (t->inl) { /* not the tagger's: every class, then the ones asked */
        int32_t all[SYN_INLINE_CLASSES] = {0};
        inl_score(t, f, nf, nf, all, all);
        for (uint32_t c = lo; c < t->nclass; c++)
            scores[c - lo] += all[c];
        return;
    }
    const void *rows[128];
    unsigned char dense[128];
    size_t n = fetch_rows(t, f, nf, lo, rows, dense);
    uint32_t nc = t->nclass;
    for (size_t j = 0; j < n; j++) {
        if (!rows[j])
            continue;
        if (dense[j]) {
            const int16_t *w = rows[j];
            for (uint32_t c = 0; c < nc - lo; c++)
                scores[c] += w[c];
            continue;
        }
        const uint32_t *row = rows[j];
        uint32_t k = row[0];
        for (uint32_t q = 1; q <= k; q++)
            if (row[q] >> 16 >= lo)
                scores[(row[q] >> 16) - lo] +=
                    (int16_t)(uint16_t)(row[q] & 0xffff);
    }
}

const syn_entry *syn_map_find(const syn_map *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (m->e[i].key == key)
            return &m->e[i];
        if (!m->e[i].key)
            return NULL;
    }
}

int syn_map_build(syn_map *m, const syn_entry *v, size_t n)
{
    size_t cap = 16;
    while (cap < n + n / 4) /* at most 80% full */
        cap *= 2;
    m->e = calloc(cap, sizeof *m->e);
    if (!m->e)
        return EVG_ENOMEM;
    m->cap = cap;
    for (size_t i = 0; i < n; i++) {
        size_t j = v[i].key & (cap - 1);
        while (m->e[j].key)
            j = (j + 1) & (cap - 1);
        m->e[j] = v[i];
    }
    return 0;
}
