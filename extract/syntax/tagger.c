/* Part-of-speech tagger: one greedy pass left to right; each word's tag
 * (a UPOS and XPOS pair) is scored from its own letters, its neighbours'
 * words and the two tags before it. */
#include <stdlib.h>
#include <string.h>

#include "syn_internal.h"

static uint64_t hash_bytes(uint64_t seed, const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* Start of the k-th last UTF-8 character of s[0..n), or 0. */
static size_t suffix_start(const char *s, size_t n, size_t k)
{
    size_t i = n;
    while (k && i > 0) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
            i--;
        k--;
    }
    return i;
}

static size_t prefix_end(const char *s, size_t n, size_t k)
{
    size_t i = 0;
    while (k && i < n) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
            i++;
        k--;
    }
    return i;
}

uint64_t syn_form_key(const char *form)
{
    uint64_t h = syn_hash_str(form);
    return h ? h : 1;
}

static int has_lower(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return 1;
    return 0;
}

void syn_words(const syn_map *dict, const syn_map *lex,
               const char *const *form, size_t n, syn_word *w)
{
    char low[128], shape[32];
    uint16_t punct = 0;
    for (size_t i = 0; i < n; i++) {
        const char *f = form[i];
        size_t len = strlen(f), ln = len < sizeof low ? len : sizeof low;
        size_t sn = 0;
        char last = 0;
        uint8_t flags = 0;
        int letters = 0, uppers = 0;
        for (size_t j = 0; j < ln; j++) {
            unsigned char c = (unsigned char)f[j];
            char k;
            if (c >= 'A' && c <= 'Z') {
                low[j] = (char)(c | 0x20);
                k = 'X';
                flags |= SYN_HAS_UPPER;
                letters++;
                uppers++;
            } else if (c >= 'a' && c <= 'z') {
                low[j] = (char)c;
                k = 'x';
                letters++;
            } else if (c >= '0' && c <= '9') {
                low[j] = (char)c;
                k = 'd';
                flags |= SYN_HAS_DIGIT;
            } else {
                low[j] = (char)c;
                k = c >= 0x80 ? 'u' : (char)c;
                if (c == '-')
                    flags |= SYN_HAS_HYPHEN;
            }
            if (k != last && sn < sizeof shape) { /* runs collapse */
                shape[sn++] = k;
                last = k;
            }
        }
        if (letters && uppers == letters)
            flags |= SYN_ALL_UPPER;
        w[i].punct_before = punct;
        w[i].punct = !letters && !(flags & SYN_HAS_DIGIT) && len &&
                     (unsigned char)f[0] < 0x80;
        punct += w[i].punct;
        if (len && f[0] >= 'A' && f[0] <= 'Z')
            flags |= SYN_INIT_UPPER;
        w[i].flags = flags;
        const syn_entry *d = syn_map_find(dict, syn_form_key(f));
        w[i].dtag = d ? (uint16_t)d->value : 0xffff;
        w[i].w = hash_bytes(1, low, ln);
        w[i].lex = 0;
        w[i].has_lex = lex->cap != 0;
        if (lex->cap) {
            const syn_entry *x = syn_map_find(lex, syn_lex_key(low, ln));
            w[i].lex = x ? x->value : 0;
        }
        w[i].raw = hash_bytes(2, f, len);
        w[i].shape = hash_bytes(3, shape, sn);
        for (size_t k = 0; k < 5; k++) {
            size_t st = suffix_start(low, ln, k + 1);
            w[i].suf[k] = hash_bytes(10 + k, low + st, ln - st);
        }
        for (size_t k = 0; k < 4; k++)
            w[i].pre[k] = hash_bytes(20 + k, low, prefix_end(low, ln, k + 1));
    }
    /* the sentence's capitalization: words with letters, how many begin
     * with a capital and how many are capitals throughout */
    size_t words = 0, init = 0, upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (!(w[i].flags & (SYN_HAS_UPPER)) && !has_lower(form[i]))
            continue;
        words++;
        init += (w[i].flags & SYN_INIT_UPPER) != 0;
        upper += (w[i].flags & SYN_ALL_UPPER) != 0 && strlen(form[i]) > 1;
    }
    uint8_t casing = SYN_CASE_PROSE;
    if (words >= 3 && upper * 4 >= words * 3)
        casing = SYN_CASE_UPPER;
    else if (words >= 3 && init * 3 >= words * 2)
        casing = SYN_CASE_TITLE;
    for (size_t i = 0; i < n; i++)
        w[i].casing = casing;
}

/* Template numbers keep features of different templates apart. */
#define F1(t, a) syn_mix((uint64_t)(t), (a))
#define F2(t, a, b) syn_mix(syn_mix((uint64_t)(t), (a)), (b))
#define F3(t, a, b, c) syn_mix(F2(t, a, b), (c))

/* The features of syn_tag_features, with a bit set in *dyn for each that
 * reads the tags (of this pass before word i, or the first pass's): the
 * others depend on the words alone, the same in both passes. */
static const syn_word none = {11, 12, 13, {14, 15, 16, 31},
                              {17, 18, 19, 20, 32}, 0xfffe, 0, 0, 0,
                              1u << 30, 0, 0};
static const syn_word end = {21, 22, 23, {24, 25, 26, 33},
                             {27, 28, 29, 30, 34}, 0xfffd, 0, 0, 0,
                             1u << 31, 0, 0};

/* `own`: a bit set for each feature that reads this pass's tags (t1, t2),
 * which own_features writes too, for the beam. */
static size_t tag_features(const syn_word *w, size_t n, size_t i,
                           const uint16_t *tags, const uint16_t *first,
                           const uint8_t *finite, uint64_t *f, uint64_t *dyn,
                           uint64_t *own)
{
    const syn_word *c = &w[i];
    const syn_word *p1 = i >= 1 ? &w[i - 1] : &none;
    const syn_word *p2 = i >= 2 ? &w[i - 2] : &none;
    const syn_word *n1 = i + 1 < n ? &w[i + 1] : &end;
    const syn_word *n2 = i + 2 < n ? &w[i + 2] : &end;
    uint64_t t1 = i >= 1 ? tags[i - 1] : 0xffff;
    uint64_t t2 = i >= 2 ? tags[i - 2] : 0xffff;
    size_t k = 0;
    f[k++] = F1(1, 0);
    f[k++] = F1(2, c->w);
    f[k++] = F1(3, c->raw);
    f[k++] = F1(4, c->shape);
    for (int s = 0; s < 4; s++)
        f[k++] = F1(5 + s, c->suf[s]);
    for (int s = 0; s < 3; s++)
        f[k++] = F1(9 + s, c->pre[s]);
    f[k++] = F1(50, c->suf[4]);
    f[k++] = F1(51, c->pre[3]);
    /* what the dictionaries say of the word: the parts of speech WordNet
     * gives it, as a base or inflected form, whether the word list has it
     * in small letters or with a capital, and its WordNet classes */
    if (c->has_lex) { /* a model without a lexicon has none of these */
        uint64_t lc = SYN_LEX_CLASS(c->lex);
        f[k++] = F1(58, lc);
        f[k++] = F3(59, lc, c->flags, i == 0);
        f[k++] = F2(60, lc, c->suf[1]);
        f[k++] = F2(61, SYN_LEX_CLASS(p1->lex), lc);
        f[k++] = F2(62, lc, SYN_LEX_CLASS(n1->lex));
        f[k++] = F1(63, SYN_LEX_SEM(c->lex));
        /* the tag before against what the dictionaries allow: after a
         * noun, a form they know as a verb's past is the clause's verb
         * ("the minister told", "people blocked") more than a modifier */
        *dyn |= 1ull << k;
        *own |= 1ull << k;
        f[k++] = F2(64, t1, lc);
        *dyn |= 1ull << k;
        *own |= 1ull << k;
        f[k++] = F3(65, t1, lc, SYN_LEX_CLASS(n1->lex));
    }
    /* capitals: of the neighbours, and of the whole sentence */
    f[k++] = F2(52, c->flags, p1->flags);
    f[k++] = F2(53, c->flags, n1->flags);
    f[k++] = F3(54, c->casing, c->flags, i == 0);
    f[k++] = F2(55, c->casing, c->w);
    *dyn |= 1ull << k;
        *own |= 1ull << k;
    f[k++] = F2(56, t1, c->shape);
    f[k++] = F2(57, p1->w, c->suf[2]);
    f[k++] = F1(12, c->flags);
    f[k++] = F2(13, c->flags, i == 0);
    *dyn |= 1ull << k;
        *own |= 1ull << k;
    f[k++] = F1(14, t1);
    *dyn |= 1ull << k;
        *own |= 1ull << k;
    f[k++] = F2(15, t1, t2);
    *dyn |= 1ull << k;
        *own |= 1ull << k;
    f[k++] = F2(16, t1, c->w);
    f[k++] = F1(17, p1->w);
    f[k++] = F1(18, p2->w);
    f[k++] = F1(19, n1->w);
    f[k++] = F1(20, n2->w);
    f[k++] = F1(21, p1->suf[2]);
    f[k++] = F1(22, n1->suf[2]);
    f[k++] = F1(23, n1->suf[0]);
    f[k++] = F2(24, p1->w, c->w);
    f[k++] = F2(25, c->w, n1->w);
    f[k++] = F2(26, n1->w, n2->w);
    *dyn |= 1ull << k;
        *own |= 1ull << k;
    f[k++] = F2(27, t1, n1->w);
    f[k++] = F1(28, n1->shape);
    f[k++] = F1(29, p1->shape);
    f[k++] = F2(30, c->suf[2], n1->w);
    f[k++] = F2(31, p1->w, n1->w);
    *dyn |= 1ull << k;
        *own |= 1ull << k;
    f[k++] = F2(32, t1, c->suf[2]);
    f[k++] = F2(33, c->shape, n1->shape);
    f[k++] = F1(34, p1->raw);
    f[k++] = F1(35, n1->raw);
    /* the next words' tags, where the dictionary knows them */
    f[k++] = F1(36, n1->dtag);
    f[k++] = F2(37, n1->dtag, n2->dtag);
    f[k++] = F2(38, c->w, n1->dtag);
    f[k++] = F2(39, c->suf[2], n1->dtag);
    if (first) { /* the second pass sees the first pass's tags both ways */
        *dyn |= ~0ull << k;
        uint64_t r1 = i + 1 < n ? first[i + 1] : 0xfffd;
        uint64_t r2 = i + 2 < n ? first[i + 2] : 0xfffd;
        f[k++] = F1(40, r1);
        f[k++] = F2(41, r1, r2);
        f[k++] = F2(42, c->w, r1);
        *own |= 1ull << k;
        f[k++] = F2(43, t1, r1);
        f[k++] = F1(44, first[i]);
        f[k++] = F2(45, first[i], c->suf[2]);
        f[k++] = F2(46, c->shape, r1);
        f[k++] = F2(47, first[i], c->w);
        if (c->has_lex && finite) {
            /* the first pass's other finite verbs between the
             * punctuation marks around the word (none, one, more): a
             * clause needs one, so a form the dictionaries know as a
             * verb's with none beside it is more likely the verb ("the
             * Japanese foreign minister told reporters") */
            unsigned fin = 0;
            for (size_t j = i; j-- > 0 && i - j <= 40 &&
                               w[j].punct_before == c->punct_before;)
                fin += finite[first[j]] & SYN_TC_FINITE;
            for (size_t j = i + 1; j < n && j - i <= 40 &&
                                   w[j].punct_before == c->punct_before;
                 j++)
                fin += finite[first[j]] & SYN_TC_FINITE;
            f[k++] = F3(66, fin > 2 ? 2 : fin, SYN_LEX_CLASS(c->lex),
                        first[i]);
        }
    }
    *dyn &= k < 64 ? ~(~0ull << k) : ~0ull;
    *own &= *dyn;
    return k;
}

size_t syn_tag_features(const syn_word *w, size_t n, size_t i,
                        const uint16_t *tags, const uint16_t *first,
                        const uint8_t *finite, uint64_t *f)
{
    uint64_t dyn = 0, own = 0;
    return tag_features(w, n, i, tags, first, finite, f, &dyn, &own);
}

/* ---- the second pass as a beam ---- */

/* A hypothesis's clause so far: finite verbs it has tagged since the last
 * punctuation mark (fc), in the whole sentence (fs) and since the last
 * word that opens a clause or phrase (fo: a punctuation mark, or a word it
 * tags as a subordinator or preposition, wh-word or coordinator), the
 * clause's words (cl), and whether a nominal (a noun, personal pronoun,
 * wh-pronoun, existential "there") came since the last opener or finite
 * verb (nom): the subject a finite verb needs. */
typedef struct hist {
    unsigned fc, fs, cl, fo, nom;
} hist;

static uint64_t cap2(unsigned v) { return v > 2 ? 2 : v; }
static uint64_t len_bucket(unsigned v)
{
    return v < 3 ? v : v < 6 ? 3 : v < 12 ? 4 : 5;
}

static void hist_add(hist *h, const syn_word *c, unsigned tag,
                     const uint8_t *finite)
{
    unsigned cls = finite[tag], fin = cls & SYN_TC_FINITE;
    if (c->punct || (cls & SYN_TC_OPEN))
        h->fo = h->nom = 0;
    if (c->punct) {
        h->fc = h->cl = 0;
        return;
    }
    h->fc += fin;
    h->fs += fin;
    h->fo += fin;
    if (fin)
        h->nom = 0;
    if (cls & SYN_TC_NOMINAL)
        h->nom = 1;
    h->cl++;
}

/* The features of tag_features that read t1 and t2 (bits `own`), then the
 * history's: whether the clause and the sentence have their finite verb
 * yet, against the word's dictionary classes, the tag before and the
 * first pass's tag; for a punctuation mark, the clause it closes. A word
 * of the tag dictionary (own = 0) has only the latter. `part`: OWN_ALL in
 * the trainer's order; the beam scores OWN_T1 once for each t1 it holds,
 * OWN_HIST once for each history (hist_key) and OWN_PAIR for each
 * hypothesis (the same features between the three). */
enum { OWN_ALL, OWN_T1, OWN_HIST, OWN_PAIR }; /* own_features' parts: all;
                                       those that read t1 alone; the
                                       history alone; t1 with t2 or the
                                       history */

/* What the OWN_HIST features read of a history, as one number. */
static unsigned hist_key(const hist *h)
{
    return (unsigned)(cap2(h->fc) | cap2(h->fs) << 2 | len_bucket(h->cl) << 4 |
                      cap2(h->fo) << 7) |
           (h->nom ? 1u << 9 : 0);
}

static size_t own_features(const syn_word *w, size_t n, size_t i,
                           uint64_t t1, uint64_t t2, const uint16_t *first,
                           const hist *h, int own, int part, uint64_t *f)
{
    const syn_word *c = &w[i];
    const syn_word *n1 = i + 1 < n ? &w[i + 1] : &end;
    uint64_t lc = c->has_lex ? SYN_LEX_CLASS(c->lex) : 0;
    uint64_t fc = cap2(h->fc), fs = cap2(h->fs), cl = len_bucket(h->cl);
    size_t k = 0;
    if (own && (part == OWN_ALL || part == OWN_T1)) {
        if (c->has_lex) {
            f[k++] = F2(64, t1, lc);
            f[k++] = F3(65, t1, lc, SYN_LEX_CLASS(n1->lex));
        }
        f[k++] = F2(56, t1, c->shape);
        f[k++] = F1(14, t1);
        if (part == OWN_ALL) /* the trainer's order, which its tables keep */
            f[k++] = F2(15, t1, t2);
        f[k++] = F2(16, t1, c->w);
        f[k++] = F2(27, t1, n1->w);
        f[k++] = F2(32, t1, c->suf[2]);
        uint64_t r1 = i + 1 < n ? first[i + 1] : 0xfffd;
        f[k++] = F2(43, t1, r1);
    }
    if (part == OWN_T1)
        return k;
    if (part == OWN_PAIR) {
        if (own) {
            f[k++] = F2(15, t1, t2);
            f[k++] = F3(73, fc, t1, lc);
        }
        return k;
    }
    if (own) {
        f[k++] = F3(67, fc, lc, fs);
        f[k++] = F3(68, fc, first[i], cl);
        if (part == OWN_ALL)
            f[k++] = F3(73, fc, t1, lc);
        /* the clause from where it opens: "since the plant | closed",
         * and whether it has its subject yet ("Shares | fell") */
        uint64_t fo = cap2(h->fo);
        f[k++] = F3(74, fo, h->nom, lc);
        f[k++] = F3(75, fo, h->nom, first[i]);
    }
    if (c->punct) {
        f[k++] = F2(69, fc, cl);
        f[k++] = F3(70, fc, fs, c->w);
    }
    return k;
}

static size_t end_features(const hist *h, uint64_t *f)
{
    f[0] = F2(71, cap2(h->fc), len_bucket(h->cl));
    f[1] = F1(72, cap2(h->fs));
    return 2;
}

size_t syn_beam_features(const syn_word *w, size_t n, size_t i,
                         const uint16_t *seq, const uint16_t *first,
                         const uint8_t *finite, int which, uint64_t *f)
{
    hist h = {0, 0, 0, 0, 0};
    for (size_t j = 0; j < i && j < n; j++)
        hist_add(&h, &w[j], seq[j], finite);
    if (which == SYN_BF_END)
        return end_features(&h, f);
    int dict = w[i].dtag != 0xffff;
    if (which == SYN_BF_OWN)
        return own_features(w, n, i, i >= 1 ? seq[i - 1] : 0xffff,
                            i >= 2 ? seq[i - 2] : 0xffff, first, &h, !dict,
                            OWN_ALL, f);
    if (dict)
        return 0;
    uint64_t g[SYN_TAG_FEATS], dyn = 0, own = 0;
    size_t k = tag_features(w, n, i, seq, first, finite, g, &dyn, &own), m = 0;
    for (size_t j = 0; j < k; j++)
        if (!(own >> j & 1))
            f[m++] = g[j];
    return m;
}

typedef struct bitem {
    int64_t score;
    uint16_t t1, t2;
    hist h;
    uint16_t back, tag;
    uint8_t gold;
} bitem;

/* Inserts a candidate into the best `b` (sorted, best first; a later
 * candidate of equal score goes after). */
static void beam_insert(bitem *top, size_t *nt, size_t b, const bitem *c)
{
    size_t k = *nt;
    if (k == b && c->score <= top[b - 1].score)
        return;
    if (k < b)
        (*nt)++;
    else
        k = b - 1;
    while (k > 0 && top[k - 1].score < c->score) {
        top[k] = top[k - 1];
        k--;
    }
    top[k] = *c;
}

int syn_tag_beam(const evg_syn_model *m, syn_score_fn score, void *ctx,
                 const syn_word *w, size_t n, const uint16_t *first,
                 const int32_t *base, const uint16_t *gold, uint16_t *out,
                 size_t *stop)
{
    size_t nt = m->ntags < 1024 ? m->ntags : 1024;
    size_t b = m->beam < 1 ? 1 : m->beam > SYN_BEAM_MAX ? SYN_BEAM_MAX : m->beam;
    uint16_t *bt = malloc((n ? n : 1) * b * 2 * sizeof *bt); /* tag, back */
    if (!bt)
        return EVG_ENOMEM;
    bitem cur[SYN_BEAM_MAX], nxt[SYN_BEAM_MAX];
    size_t ncur = 1, stop_at = n;
    cur[0] = (bitem){0, 0xffff, 0xffff, {0, 0, 0, 0, 0}, 0, 0, 1};
    /* training: the gold sequence followed alongside the beam, and the word
     * where the best hypothesis is furthest over it (max-violation) */
    bitem gi = cur[0];
    int64_t vmax = 0;
    uint64_t f[SYN_TAG_FEATS], g[SYN_TAG_FEATS];
    int32_t fixed[1024], sc[1024];
    int32_t *by_t1 = malloc(2 * b * nt * sizeof *by_t1), *by_h = by_t1 + b * nt;
    if (!by_t1) {
        free(bt);
        return EVG_ENOMEM;
    }
    memset(out, 0, n * sizeof *out);
    for (size_t i = 0; i < n; i++) {
        const syn_word *c = &w[i];
        size_t nn = 0;
        if (c->dtag < nt) {
            for (size_t k = 0; k < ncur; k++) {
                bitem it = cur[k];
                if (c->punct) {
                    size_t nf = own_features(w, n, i, it.t1, it.t2, first,
                                             &it.h, 0, OWN_ALL, f);
                    memset(sc, 0, nt * sizeof *sc);
                    score(ctx, f, nf, sc);
                    it.score += sc[c->dtag];
                }
                it.t2 = it.t1;
                it.t1 = c->dtag;
                it.tag = c->dtag;
                it.back = (uint16_t)k;
                hist_add(&it.h, c, c->dtag, m->finite);
                beam_insert(nxt, &nn, b, &it);
            }
        } else {
            uint64_t dyn = 0, own = 0;
            size_t k = tag_features(w, n, i, out, first, m->finite, f, &dyn,
                                    &own), ng = 0;
            uint64_t skip = base ? ~dyn | own : own;
            for (size_t j = 0; j < k; j++)
                if (!(skip >> j & 1))
                    g[ng++] = f[j];
            memset(fixed, 0, nt * sizeof *fixed);
            score(ctx, g, ng, fixed);
            if (base)
                for (size_t t = 0; t < nt; t++)
                    fixed[t] += base[i * nt + t];
            /* the features that read t1 alone, scored once for each t1
             * of the beam */
            uint16_t t1s[SYN_BEAM_MAX];
            size_t nt1 = 0;
            for (size_t q = 0; q < ncur; q++) {
                size_t u = 0;
                while (u < nt1 && t1s[u] != cur[q].t1)
                    u++;
                if (u < nt1)
                    continue;
                t1s[nt1] = cur[q].t1;
                int32_t *row = by_t1 + nt1++ * nt;
                size_t nf = own_features(w, n, i, cur[q].t1, 0, first,
                                         &cur[q].h, 1, OWN_T1, f);
                memcpy(row, fixed, nt * sizeof *row);
                score(ctx, f, nf, row);
            }
            /* the features that read the history alone, scored once for
             * each history of the beam */
            unsigned hks[SYN_BEAM_MAX];
            size_t nh = 0;
            for (size_t q = 0; q < ncur; q++) {
                unsigned key = hist_key(&cur[q].h);
                size_t u = 0;
                while (u < nh && hks[u] != key)
                    u++;
                if (u < nh)
                    continue;
                hks[nh] = key;
                int32_t *row = by_h + nh++ * nt;
                size_t nf = own_features(w, n, i, cur[q].t1, 0, first,
                                         &cur[q].h, 1, OWN_HIST, f);
                memset(row, 0, nt * sizeof *row);
                score(ctx, f, nf, row);
            }
            for (size_t q = 0; q < ncur; q++) {
                const bitem *it = &cur[q];
                size_t u = 0, v = 0;
                while (t1s[u] != it->t1)
                    u++;
                unsigned key = hist_key(&it->h);
                while (hks[v] != key)
                    v++;
                const int32_t *row = by_t1 + u * nt, *hrow = by_h + v * nt;
                size_t nf = own_features(w, n, i, it->t1, it->t2, first,
                                         &it->h, 1, OWN_PAIR, f);
                memset(sc, 0, nt * sizeof *sc);
                score(ctx, f, nf, sc);
                for (size_t t = 0; t < nt; t++) {
                    bitem cand;
                    cand.score = it->score + row[t] + hrow[t] + sc[t];
                    if (nn == b && cand.score <= nxt[b - 1].score)
                        continue;
                    cand.t2 = it->t1;
                    cand.t1 = (uint16_t)t;
                    cand.tag = (uint16_t)t;
                    cand.back = (uint16_t)q;
                    cand.h = it->h;
                    hist_add(&cand.h, c, (unsigned)t, m->finite);
                    cand.gold = it->gold && gold && gold[i] == t;
                    beam_insert(nxt, &nn, b, &cand);
                }
            }
        }
        for (size_t k = 0; k < nn; k++) {
            if (c->dtag < nt)
                nxt[k].gold = cur[nxt[k].back].gold;
            bt[(i * b + k) * 2] = nxt[k].tag;
            bt[(i * b + k) * 2 + 1] = nxt[k].back;
            cur[k] = nxt[k];
        }
        ncur = nn;
        if (gold) { /* the gold prefix's score, and how far the best is over it */
            size_t nf = own_features(w, n, i, gi.t1, gi.t2, first, &gi.h,
                                     c->dtag >= nt, OWN_ALL, f);
            memset(sc, 0, nt * sizeof *sc);
            if (nf)
                score(ctx, f, nf, sc);
            gi.score += sc[gold[i]] + (c->dtag >= nt ? fixed[gold[i]] : 0);
            gi.t2 = gi.t1;
            gi.t1 = gold[i];
            hist_add(&gi.h, c, gold[i], m->finite);
            if (!cur[0].gold && cur[0].score - gi.score > vmax) {
                vmax = cur[0].score - gi.score;
                stop_at = i;
            }
        }
    }
    size_t best = 0;
    int64_t bs = 0;
    for (size_t k = 0; k < ncur; k++) {
        uint64_t ef[2];
        size_t nf = end_features(&cur[k].h, ef);
        memset(sc, 0, nt * sizeof *sc);
        score(ctx, ef, nf, sc);
        int64_t s = cur[k].score + sc[0];
        if (k == 0 || s > bs) {
            bs = s;
            best = k;
        }
    }
    if (gold) { /* the whole sentence: the violation at its end */
        uint64_t ef[2];
        size_t nf = end_features(&gi.h, ef);
        memset(sc, 0, nt * sizeof *sc);
        score(ctx, ef, nf, sc);
        if (!cur[best].gold && bs - (gi.score + sc[0]) > vmax)
            stop_at = n;
        if (stop_at < n)
            best = 0;
    }
    /* back from the best of the last word written */
    size_t upto = stop_at < n ? stop_at + 1 : n;
    for (size_t i = upto; i-- > 0;) {
        out[i] = bt[(i * b + best) * 2];
        best = bt[(i * b + best) * 2 + 1];
    }
    for (size_t i = upto; i < n; i++)
        out[i] = 0;
    *stop = stop_at;
    free(bt);
    free(by_t1);
    return 0;
}

/* One greedy pass with `table`; `first` as for syn_tag_features. */
static void tag_pass(const evg_syn_model *m, const syn_ptab *table,
                     const syn_word *w, size_t n, const uint16_t *first,
                     uint16_t *tags)
{
    uint64_t f[SYN_TAG_FEATS];
    int32_t sc[1024];
    size_t nt = m->ntags < 1024 ? m->ntags : 1024;
    for (size_t i = 0; i < n; i++) {
        if (w[i].dtag < nt) {
            tags[i] = w[i].dtag;
            continue;
        }
        size_t nf = syn_tag_features(w, n, i, tags, first, m->finite, f);
        memset(sc, 0, nt * sizeof *sc);
        syn_ptab_score(table, f, nf, sc);
        size_t best = 0;
        for (size_t t = 1; t < nt; t++)
            if (sc[t] > sc[best])
                best = t;
        tags[i] = (uint16_t)best;
    }
}

/* The second pass's part of the joined table's scores. */
typedef struct joint_ctx {
    const syn_ptab *t;
    size_t nt;
} joint_ctx;

static void joint_score(void *ctx, const uint64_t *f, size_t nf, int32_t *sc)
{
    const joint_ctx *j = ctx;
    syn_ptab_score_from(j->t, f, nf, (uint32_t)j->nt, sc);
}

static void table_score(void *ctx, const uint64_t *f, size_t nf, int32_t *sc)
{
    syn_ptab_score(ctx, f, nf, sc);
}

/* Both passes with the joined table (m->tagjoint, syn_ptab_join): the
 * features of a word that read no tags are the same in both passes, so
 * the first pass looks each up once, for both, and keeps the second
 * pass's part of the sums; the second pass looks up only the features
 * that read tags. The sums, so the tags, are those of the two tables
 * scored apart. A sentence too long for two passes gets the first, as
 * with the tables apart. Returns 0 or EVG_ENOMEM. */
static int tag_joint(const evg_syn_model *m, const syn_word *w, size_t n,
                     uint16_t *tags)
{
    size_t nt = m->ntags, passes = n > EVG_SYN_MAX_WORDS ? 1 : 2;
    int32_t *later = NULL;
    if (passes == 2 && !(later = malloc((n ? n : 1) * nt * sizeof *later)))
        return EVG_ENOMEM;
    uint16_t first[EVG_SYN_MAX_WORDS];
    uint64_t f[SYN_TAG_FEATS], g[SYN_TAG_FEATS];
    int32_t a[2048], b[2048];
    for (size_t pass = 0; pass < passes; pass++) {
        if (pass && m->beam > 1) {
            size_t stop;
            joint_ctx jc = {&m->tagjoint, nt};
            int rc = syn_tag_beam(m, joint_score, &jc, w, n, first, later,
                                  NULL, tags, &stop);
            free(later);
            return rc;
        }
        uint16_t *out = pass || passes == 1 ? tags : first;
        for (size_t i = 0; i < n; i++) {
            if (w[i].dtag < nt) {
                out[i] = w[i].dtag;
                continue;
            }
            uint64_t dyn = 0, reads_own = 0;
            size_t k = tag_features(w, n, i, out, pass ? first : NULL,
                                    m->finite, f, &dyn, &reads_own);
            size_t ns = 0, nd = 0; /* g: the words' features, then the tags' */
            if (!pass)
                for (size_t j = 0; j < k; j++)
                    if (!(dyn >> j & 1))
                        g[ns++] = f[j];
            for (size_t j = 0; j < k; j++)
                if (dyn >> j & 1)
                    g[ns + nd++] = f[j];
            memset(a, 0, 2 * nt * sizeof *a);
            memset(b, 0, 2 * nt * sizeof *b);
            syn_ptab_score2(&m->tagjoint, g, ns, ns + nd, a, b);
            int32_t *own = pass ? later + i * nt : a, *sc = pass ? b + nt : b;
            if (later && !pass)
                memcpy(later + i * nt, a + nt, nt * sizeof *a);
            size_t best = 0;
            for (size_t t = 1; t < nt; t++)
                if (own[t] + sc[t] > own[best] + sc[best])
                    best = t;
            out[i] = (uint16_t)best;
        }
    }
    free(later);
    return 0;
}

int syn_tag(const evg_syn_model *m, const syn_word *w, size_t n,
            uint16_t *tags)
{
    if (m->tagjoint.cap)
        return tag_joint(m, w, n, tags);
    if (!m->tagger2.cap || n > EVG_SYN_MAX_WORDS) {
        tag_pass(m, &m->tagger, w, n, NULL, tags);
        return 0;
    }
    uint16_t first[EVG_SYN_MAX_WORDS];
    tag_pass(m, &m->tagger, w, n, NULL, first);
    if (m->beam > 1) {
        size_t stop;
        return syn_tag_beam(m, table_score, (void *)(uintptr_t)&m->tagger2,
                            w, n, first, NULL, NULL, tags, &stop);
    }
    tag_pass(m, &m->tagger2, w, n, first, tags);
    return 0;
}
