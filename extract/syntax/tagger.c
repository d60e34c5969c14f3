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
        if (!letters && !(flags & SYN_HAS_DIGIT) && len && (unsigned char)f[0] < 0x80)
            punct++;
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
static size_t tag_features(const syn_word *w, size_t n, size_t i,
                           const uint16_t *tags, const uint16_t *first,
                           const uint8_t *finite, uint64_t *f, uint64_t *dyn)
{
    static const syn_word none = {11, 12, 13, {14, 15, 16, 31},
                                  {17, 18, 19, 20, 32}, 0xfffe, 0, 0, 0,
                                  1u << 30, 0};
    static const syn_word end = {21, 22, 23, {24, 25, 26, 33},
                                 {27, 28, 29, 30, 34}, 0xfffd, 0, 0, 0,
                                 1u << 31, 0};
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
        f[k++] = F2(64, t1, lc);
        *dyn |= 1ull << k;
        f[k++] = F3(65, t1, lc, SYN_LEX_CLASS(n1->lex));
    }
    /* capitals: of the neighbours, and of the whole sentence */
    f[k++] = F2(52, c->flags, p1->flags);
    f[k++] = F2(53, c->flags, n1->flags);
    f[k++] = F3(54, c->casing, c->flags, i == 0);
    f[k++] = F2(55, c->casing, c->w);
    *dyn |= 1ull << k;
    f[k++] = F2(56, t1, c->shape);
    f[k++] = F2(57, p1->w, c->suf[2]);
    f[k++] = F1(12, c->flags);
    f[k++] = F2(13, c->flags, i == 0);
    *dyn |= 1ull << k;
    f[k++] = F1(14, t1);
    *dyn |= 1ull << k;
    f[k++] = F2(15, t1, t2);
    *dyn |= 1ull << k;
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
    f[k++] = F2(27, t1, n1->w);
    f[k++] = F1(28, n1->shape);
    f[k++] = F1(29, p1->shape);
    f[k++] = F2(30, c->suf[2], n1->w);
    f[k++] = F2(31, p1->w, n1->w);
    *dyn |= 1ull << k;
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
                fin += finite[first[j]];
            for (size_t j = i + 1; j < n && j - i <= 40 &&
                                   w[j].punct_before == c->punct_before;
                 j++)
                fin += finite[first[j]];
            f[k++] = F3(66, fin > 2 ? 2 : fin, SYN_LEX_CLASS(c->lex),
                        first[i]);
        }
    }
    *dyn &= k < 64 ? ~(~0ull << k) : ~0ull;
    return k;
}

size_t syn_tag_features(const syn_word *w, size_t n, size_t i,
                        const uint16_t *tags, const uint16_t *first,
                        const uint8_t *finite, uint64_t *f)
{
    uint64_t dyn = 0;
    return tag_features(w, n, i, tags, first, finite, f, &dyn);
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
        uint16_t *out = pass || passes == 1 ? tags : first;
        for (size_t i = 0; i < n; i++) {
            if (w[i].dtag < nt) {
                out[i] = w[i].dtag;
                continue;
            }
            uint64_t dyn = 0;
            size_t k = tag_features(w, n, i, out, pass ? first : NULL,
                                    m->finite, f, &dyn);
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
    tag_pass(m, &m->tagger2, w, n, first, tags);
    return 0;
}
