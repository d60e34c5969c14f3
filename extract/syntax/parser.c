/* Dependency parser: the arc-hybrid transition system (Kuhlmann, Gomez-
 * Rodriguez and Satta 2011) with the dynamic oracle of Goldberg and Nivre
 * (2013), scored by an averaged perceptron over the feature templates of
 * Zhang and Nivre (2011). A second perceptron labels each arc when it is
 * made; in arc-hybrid a word is attached only once all its dependents are,
 * so the labeler sees the dependent's whole subtree.
 *
 * The system builds projective trees only. Training sentences with crossing
 * arcs are kept: the dynamic oracle picks, at each step, an action that
 * loses the fewest gold arcs still reachable. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "syn_internal.h"

int syn_state_init(syn_state *s, size_t n)
{
    memset(s, 0, sizeof *s);
    size_t m = n + 2;
    s->stack = malloc(m * sizeof *s->stack);
    s->head = malloc(m * sizeof *s->head);
    s->lc1 = malloc(m * sizeof *s->lc1);
    s->lc2 = malloc(m * sizeof *s->lc2);
    s->rc1 = malloc(m * sizeof *s->rc1);
    s->rc2 = malloc(m * sizeof *s->rc2);
    s->nl = malloc(m * sizeof *s->nl);
    s->nr = malloc(m * sizeof *s->nr);
    s->rel = malloc(m * sizeof *s->rel);
    s->lset = malloc(m * sizeof *s->lset);
    s->rset = malloc(m * sizeof *s->rset);
    if (!s->stack || !s->head || !s->lc1 || !s->lc2 || !s->rc1 || !s->rc2 ||
        !s->nl || !s->nr || !s->rel || !s->lset || !s->rset) {
        syn_state_dispose(s);
        return EVG_ENOMEM;
    }
    syn_state_reset(s, n);
    return 0;
}

void syn_state_dispose(syn_state *s)
{
    free(s->stack);
    free(s->head);
    free(s->lc1);
    free(s->lc2);
    free(s->rc1);
    free(s->rc2);
    free(s->nl);
    free(s->nr);
    free(s->rel);
    free(s->lset);
    free(s->rset);
    memset(s, 0, sizeof *s);
}

/* `n` must not exceed the size given to syn_state_init. */
void syn_state_reset(syn_state *s, size_t n)
{
    s->n = n;
    for (size_t i = 0; i <= n + 1; i++) {
        s->head[i] = -1;
        s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
        s->nl[i] = s->nr[i] = 0;
        s->rel[i] = 0;
        s->lset[i] = s->rset[i] = 0;
    }
    s->stack[0] = 0;
    s->sp = 1;
    s->b = 1;
}

int syn_state_final(const syn_state *s)
{
    return s->b > s->n && s->sp == 1;
}

/* The root takes one dependent, the last one: a RIGHT onto the root is
 * allowed only when nothing else is left. */
int syn_state_valid(const syn_state *s, int act)
{
    int buffer = s->b <= s->n;
    switch (act) {
    case SYN_SHIFT:
        return buffer;
    case SYN_LEFT:
        return buffer && s->sp >= 2;
    case SYN_RIGHT:
        if (s->sp < 2)
            return 0;
        if (s->sp == 2)
            return !buffer;
        return 1;
    }
    return 0;
}

void syn_state_arc(const syn_state *s, int act, int *dep, int *head)
{
    *dep = s->stack[s->sp - 1];
    *head = act == SYN_LEFT ? (int)s->b : s->stack[s->sp - 2];
}

void syn_state_apply(syn_state *s, int act, uint16_t rel)
{
    if (act == SYN_SHIFT) {
        s->stack[s->sp++] = (int)s->b++;
        return;
    }
    int d, h;
    syn_state_arc(s, act, &d, &h);
    s->sp--;
    s->head[d] = h;
    s->rel[d] = rel;
    uint64_t bit = 1ull << (rel & 63);
    if (d < h) { /* each new left dependent lies further left */
        s->lc2[h] = s->lc1[h];
        s->lc1[h] = d;
        s->nl[h]++;
        s->lset[h] |= bit;
    } else {     /* each new right dependent lies further right */
        s->rc2[h] = s->rc1[h];
        s->rc1[h] = d;
        s->nr[h]++;
        s->rset[h] |= bit;
    }
}

/* Gold dependents of `h` still in the buffer. */
static int deps_in_buffer(const syn_state *s, int h, const int *ghead)
{
    int k = 0;
    for (size_t i = s->b; i <= s->n; i++)
        k += ghead[i] == h;
    return k;
}

int syn_state_cost(const syn_state *s, int act, const int *ghead)
{
    int b0 = (int)s->b;
    if (act == SYN_SHIFT) {
        /* b0 leaves the buffer: its head can now only be s0 or a later
         * buffer word, and no stack word can become its dependent */
        int c = 0, s0 = s->stack[s->sp - 1];
        for (size_t i = 0; i < s->sp; i++) {
            int k = s->stack[i];
            if (k != s0 && ghead[b0] == k)
                c++;
            if (k > 0 && ghead[k] == b0)
                c++;
        }
        return c;
    }
    int s0 = s->stack[s->sp - 1], s1 = s->stack[s->sp - 2];
    int g = ghead[s0], c = deps_in_buffer(s, s0, ghead);
    if (act == SYN_LEFT)
        c += g != b0 && (g == s1 || g > b0);
    else
        c += g != s1 && g >= b0;
    return c;
}

/* Feature values for a word position that may be absent (-1) or the
 * root (0). */
#define NONE_W 0x6e6f6e65ull
#define ROOT_W 0x726f6f74ull
#define NONE_T 0xffffu
#define ROOT_T 0xfffeu

static uint64_t word_of(const syn_word *w, int x)
{
    return x < 0 ? NONE_W : x == 0 ? ROOT_W : w[x - 1].w;
}

static uint64_t sem_of(const syn_word *w, int x)
{
    return x < 0 ? 0xfff01u : x == 0 ? 0xfff02u : SYN_LEX_SEM(w[x - 1].lex);
}

static uint64_t tag_of(const uint16_t *tags, int x)
{
    return x < 0 ? NONE_T : x == 0 ? ROOT_T : tags[x - 1];
}

static uint64_t rel_of(const syn_state *s, int x)
{
    return x <= 0 ? 0xffffu : s->rel[x];
}

static int child(const int *a, int x)
{
    return x < 0 ? -1 : a[x];
}

#define F1(t, a) syn_mix((uint64_t)(t), (a))
#define F2(t, a, b) syn_mix(syn_mix((uint64_t)(t), (a)), (b))
#define F3(t, a, b, c) syn_mix(F2(t, a, b), (c))
#define F4(t, a, b, c, d) syn_mix(F3(t, a, b, c), (d))

/* Punctuation words strictly between words a < b (1-based), capped. */
static uint64_t punct_between(const syn_word *w, int a, int b)
{
    if (a < 1 || b < 1 || b <= a + 1)
        return 0;
    int k = w[b - 1].punct_before - w[a].punct_before;
    return (uint64_t)(k > 3 ? 3 : k);
}

int syn_model_coarse(evg_syn_model *m)
{
    free(m->coarse);
    free(m->lexpos);
    free(m->finite);
    m->coarse = malloc(m->ntags ? m->ntags : 1);
    m->lexpos = calloc(m->ntags ? m->ntags : 1, 1);
    m->finite = calloc(m->ntags ? m->ntags : 1, 1);
    if (!m->coarse || !m->lexpos || !m->finite)
        return EVG_ENOMEM;
    static const struct {
        const char *xpos;
        uint8_t cls;
    } tc[] = {{"VBD", SYN_TC_FINITE}, {"VBZ", SYN_TC_FINITE},
              {"VBP", SYN_TC_FINITE}, {"MD", SYN_TC_FINITE},
              {"IN", SYN_TC_OPEN}, {"CC", SYN_TC_OPEN},
              {"WRB", SYN_TC_OPEN}, {"WDT", SYN_TC_OPEN | SYN_TC_NOMINAL},
              {"WP", SYN_TC_OPEN | SYN_TC_NOMINAL}, {"NN", SYN_TC_NOMINAL},
              {"NNS", SYN_TC_NOMINAL}, {"NNP", SYN_TC_NOMINAL},
              {"NNPS", SYN_TC_NOMINAL}, {"PRP", SYN_TC_NOMINAL},
              {"EX", SYN_TC_NOMINAL}};
    for (size_t t = 0; t < m->ntags; t++)
        for (size_t k = 0; k < sizeof tc / sizeof *tc; k++)
            if (m->xpos[t] && !strcmp(m->xpos[t], tc[k].xpos))
                m->finite[t] = tc[k].cls;
    /* the UPOS whose words have WordNet base forms, by its name in UD */
    static const char *const wn[4] = {"NOUN", "VERB", "ADJ", "ADV"};
    for (size_t t = 0; t < m->ntags; t++)
        for (unsigned p = 0; p < 4; p++)
            if (!strcmp(m->upos[t], wn[p]))
                m->lexpos[t] = (uint8_t)(1u << p);
    for (size_t t = 0; t < m->ntags; t++) {
        size_t u = 0; /* the first tag with the same UPOS names it */
        while (strcmp(m->upos[u], m->upos[t]))
            u++;
        m->coarse[t] = (uint8_t)(u < 250 ? u : 250);
    }
    return syn_model_relations(m);
}

/* The features of syn_parse_features (by their place in its list) that
 * read the buffer's first words alone, b0 to b3 (templates 4 to 12, 25,
 * 26, 85, 90, 104, 105, 107): not the stack, not an arc, so they are the
 * same at every step with the same first buffer word. */
const uint8_t syn_parse_buffer_feats[SYN_PARSE_BUFFER_FEATS] = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 24, 25, 84, 89, 103, 104, 106};

size_t syn_parse_features(const syn_state *s, const syn_word *w,
                          const uint16_t *tags, const uint8_t *coarse,
                          uint64_t *f)
{
    int n = (int)s->n;
    int s0 = s->sp >= 1 ? s->stack[s->sp - 1] : -1;
    int s1 = s->sp >= 2 ? s->stack[s->sp - 2] : -1;
    int s2 = s->sp >= 3 ? s->stack[s->sp - 3] : -1;
    int b0 = (int)s->b <= n ? (int)s->b : -1;
    int b1 = b0 > 0 && b0 + 1 <= n ? b0 + 1 : -1;
    int b2 = b1 > 0 && b1 + 1 <= n ? b1 + 1 : -1;
    int s0l1 = child(s->lc1, s0), s0l2 = child(s->lc2, s0);
    int s0r1 = child(s->rc1, s0), s0r2 = child(s->rc2, s0);
    int s1l1 = child(s->lc1, s1), s1r1 = child(s->rc1, s1);
    int b0l1 = child(s->lc1, b0), b0l2 = child(s->lc2, b0);

    uint64_t s0w = word_of(w, s0), s0t = tag_of(tags, s0);
    uint64_t s1w = word_of(w, s1), s1t = tag_of(tags, s1);
    uint64_t s2w = word_of(w, s2), s2t = tag_of(tags, s2);
    uint64_t b0w = word_of(w, b0), b0t = tag_of(tags, b0);
    uint64_t b1w = word_of(w, b1), b1t = tag_of(tags, b1);
    uint64_t b2w = word_of(w, b2), b2t = tag_of(tags, b2);
    uint64_t s0wt = F1(s0w, s0t), b0wt = F1(b0w, b0t);
    uint64_t s1wt = F1(s1w, s1t), b1wt = F1(b1w, b1t);
    uint64_t d = s0 >= 0 && b0 > 0 ? (uint64_t)(b0 - s0 > 5 ? 6 : b0 - s0) : 0;
    uint64_t d1 = s1 >= 0 ? (uint64_t)(s0 - s1 > 5 ? 6 : s0 - s1) : 0;
    uint64_t s0vl = s0 >= 0 ? (uint64_t)s->nl[s0] : 9, s0vr = s0 >= 0 ? (uint64_t)s->nr[s0] : 9;
    uint64_t b0vl = b0 >= 0 ? (uint64_t)s->nl[b0] : 9;
    uint64_t s1vl = s1 >= 0 ? (uint64_t)s->nl[s1] : 9, s1vr = s1 >= 0 ? (uint64_t)s->nr[s1] : 9;
    uint64_t s0ls = s0 >= 0 ? s->lset[s0] : 1, s0rs = s0 >= 0 ? s->rset[s0] : 1;
    uint64_t b0ls = b0 >= 0 ? s->lset[b0] : 1;
    uint64_t s0l1t = tag_of(tags, s0l1), s0r1t = tag_of(tags, s0r1);
    uint64_t b0l1t = tag_of(tags, b0l1), s1r1t = tag_of(tags, s1r1);
    uint64_t s1l1t = tag_of(tags, s1l1);
    size_t k = 0;
    f[k++] = F1(1, s0w);
    f[k++] = F1(2, s0t);
    f[k++] = F1(3, s0wt);
    f[k++] = F1(4, b0w);
    f[k++] = F1(5, b0t);
    f[k++] = F1(6, b0wt);
    f[k++] = F1(7, b1w);
    f[k++] = F1(8, b1t);
    f[k++] = F1(9, b1wt);
    f[k++] = F1(10, b2w);
    f[k++] = F1(11, b2t);
    f[k++] = F1(12, F1(b2w, b2t));
    f[k++] = F1(13, s1w);
    f[k++] = F1(14, s1t);
    f[k++] = F1(15, s1wt);
    f[k++] = F1(16, s2t);
    f[k++] = F1(17, s2w);
    f[k++] = F2(18, s0wt, b0wt);
    f[k++] = F2(19, s0wt, b0w);
    f[k++] = F2(20, s0w, b0wt);
    f[k++] = F2(21, s0wt, b0t);
    f[k++] = F2(22, s0t, b0wt);
    f[k++] = F2(23, s0w, b0w);
    f[k++] = F2(24, s0t, b0t);
    f[k++] = F2(25, b0t, b1t);
    f[k++] = F3(26, b0t, b1t, b2t);
    f[k++] = F3(27, s0t, b0t, b1t);
    f[k++] = F3(28, s1t, s0t, b0t);
    f[k++] = F3(29, s0t, s0l1t, b0t);
    f[k++] = F3(30, s0t, s0r1t, b0t);
    f[k++] = F3(31, s0t, b0t, b0l1t);
    f[k++] = F3(32, s1t, s0t, s0l1t);
    f[k++] = F3(33, s1t, s0t, s0r1t);
    f[k++] = F3(34, s1t, s1r1t, s0t);
    f[k++] = F2(35, s1t, s0t);
    f[k++] = F2(36, s1w, s0w);
    f[k++] = F2(37, s1wt, s0wt);
    f[k++] = F3(38, s1t, s0t, b1t);
    f[k++] = F2(39, s0w, d);
    f[k++] = F2(40, s0t, d);
    f[k++] = F2(41, b0w, d);
    f[k++] = F2(42, b0t, d);
    f[k++] = F3(43, s0w, b0w, d);
    f[k++] = F3(44, s0t, b0t, d);
    f[k++] = F3(45, s1t, s0t, d1);
    f[k++] = F3(46, s1w, s0w, d1);
    f[k++] = F2(47, s0w, s0vr);
    f[k++] = F2(48, s0t, s0vr);
    f[k++] = F2(49, s0w, s0vl);
    f[k++] = F2(50, s0t, s0vl);
    f[k++] = F2(51, b0w, b0vl);
    f[k++] = F2(52, b0t, b0vl);
    f[k++] = F2(53, s1t, s1vr);
    f[k++] = F2(54, s1t, s1vl);
    f[k++] = F1(55, word_of(w, s0l1));
    f[k++] = F1(56, s0l1t);
    f[k++] = F1(57, rel_of(s, s0l1));
    f[k++] = F1(58, word_of(w, s0r1));
    f[k++] = F1(59, s0r1t);
    f[k++] = F1(60, rel_of(s, s0r1));
    f[k++] = F1(61, word_of(w, b0l1));
    f[k++] = F1(62, b0l1t);
    f[k++] = F1(63, rel_of(s, b0l1));
    f[k++] = F1(64, s1r1t);
    f[k++] = F1(65, rel_of(s, s1r1));
    f[k++] = F1(66, s1l1t);
    f[k++] = F1(67, tag_of(tags, s0l2));
    f[k++] = F1(68, rel_of(s, s0l2));
    f[k++] = F1(69, tag_of(tags, s0r2));
    f[k++] = F1(70, rel_of(s, s0r2));
    f[k++] = F1(71, tag_of(tags, b0l2));
    f[k++] = F1(72, rel_of(s, b0l2));
    f[k++] = F3(73, s0t, s0l1t, tag_of(tags, s0l2));
    f[k++] = F3(74, s0t, s0r1t, tag_of(tags, s0r2));
    f[k++] = F3(75, b0t, b0l1t, tag_of(tags, b0l2));
    f[k++] = F2(76, s0w, s0rs);
    f[k++] = F2(77, s0t, s0rs);
    f[k++] = F2(78, s0w, s0ls);
    f[k++] = F2(79, s0t, s0ls);
    f[k++] = F2(80, b0w, b0ls);
    f[k++] = F2(81, b0t, b0ls);
    f[k++] = F2(82, s0t, rel_of(s, s0l1));
    f[k++] = F3(83, s0t, b0t, rel_of(s, b0l1));
    f[k++] = F3(84, s1t, rel_of(s, s1r1), s0t);
    f[k++] = F2(85, b0w, b1w);
    f[k++] = F3(86, s0w, b0w, b1w);
    f[k++] = F4(87, s1t, s0t, b0t, b1t);
    f[k++] = F2(88, s2t, s1t);
    f[k++] = F3(89, s2t, s1t, s0t);
    f[k++] = F2(90, b1w, b1t == NONE_T);
    f[k++] = F3(91, s0t, b0t, (uint64_t)(s->sp > 4 ? 4 : s->sp));
    f[k++] = F2(92, s1l1t, s1t);
    f[k++] = F1(93, s1vl + 16 * s1vr);
    /* the letters of s0 and b0, for words seldom or never seen */
    uint64_t s0s = s0 > 0 ? w[s0 - 1].suf[2] : 0, b0s = b0 > 0 ? w[b0 - 1].suf[2] : 0;
    f[k++] = F2(94, s0s, b0t);
    f[k++] = F2(95, s0t, b0s);
    f[k++] = F3(96, s0s, b0s, d);
    /* coarse (UPOS) tags generalise the fine ones' combinations */
    uint64_t s0u = s0 > 0 ? coarse[tags[s0 - 1]] : s0t, b0u = b0 > 0 ? coarse[tags[b0 - 1]] : b0t;
    uint64_t s1u = s1 > 0 ? coarse[tags[s1 - 1]] : s1t, b1u = b1 > 0 ? coarse[tags[b1 - 1]] : b1t;
    f[k++] = F3(97, s0u, b0u, s1u);
    f[k++] = F3(98, s0u, b0u, b1u);
    f[k++] = F3(99, s0u, b0u, d);
    f[k++] = F4(100, s1u, s0u, b0u, b1u);
    /* commas and other punctuation between the candidates for an arc */
    uint64_t pb = punct_between(w, s0, b0), ps = punct_between(w, s1, s0);
    f[k++] = F3(101, s0t, b0t, pb);
    f[k++] = F3(102, s1t, s0t, ps);
    f[k++] = F4(103, s0u, b0u, pb, d);
    /* a third word of lookahead; the words as written (capitals); the
     * shapes of unseen words; what s1 has already taken */
    int b3 = b2 > 0 && b2 + 1 <= n ? b2 + 1 : -1;
    uint64_t b3t = tag_of(tags, b3);
    f[k++] = F1(104, b3t);
    f[k++] = F3(105, b1t, b2t, b3t);
    f[k++] = F1(106, s0 > 0 ? w[s0 - 1].raw : s0t);
    f[k++] = F1(107, b0 > 0 ? w[b0 - 1].raw : b0t);
    f[k++] = F2(108, s0 > 0 ? w[s0 - 1].shape : s0t,
                b0 > 0 ? w[b0 - 1].shape : b0t);
    f[k++] = F2(109, s1t, s1 >= 0 ? s->lset[s1] : 1);
    f[k++] = F2(110, s1t, s1 >= 0 ? s->rset[s1] : 1);
    f[k++] = F3(111, s1w, s0t, b0t);
    f[k++] = F3(112, s0w, s1t, b0t);
    /* WordNet's classes (noun.time, verb.motion ...) of the words an arc
     * would join, and of a preposition's object against its candidate
     * heads: b0 a preposition, b1 its object, s0 and s1 the heads; or s0
     * the object, with its case marker, s1 the head */
    if (n < 1 || !w[0].has_lex) /* a model without a lexicon */
        return k;
    uint64_t s0m = sem_of(w, s0), s1m = sem_of(w, s1), b0m = sem_of(w, b0);
    uint64_t b1m = sem_of(w, b1);
    f[k++] = F2(113, s0m, b0t);
    f[k++] = F2(114, s0t, b0m);
    f[k++] = F3(115, b0w, s0m, b1m);
    f[k++] = F3(116, b0w, s1m, b1m);
    f[k++] = F3(117, word_of(w, s0l1), s0m, s1m);
    f[k++] = F3(118, s1t, s0m, b0m);
    return k;
}

size_t syn_label_features(const syn_state *s, const syn_word *w,
                          const uint16_t *tags, int dep, int head,
                          uint64_t *f)
{
    int n = (int)s->n;
    uint64_t hw = word_of(w, head), ht = tag_of(tags, head);
    uint64_t dw = word_of(w, dep), dt = tag_of(tags, dep);
    int dist = head - dep;
    uint64_t dir = (uint64_t)(dist > 0 ? (dist > 6 ? 6 : dist) : head == 0 ? 20 : (dist < -6 ? 26 : 20 - dist));
    int dl1 = s->lc1[dep], dr1 = s->rc1[dep];
    uint64_t dl1w = word_of(w, dl1), dl1t = tag_of(tags, dl1);
    uint64_t dr1w = word_of(w, dr1);
    uint64_t prevt = tag_of(tags, dep > 1 ? dep - 1 : -1);
    uint64_t nextt = tag_of(tags, dep < n ? dep + 1 : -1);
    size_t k = 0;
    f[k++] = F1(101, 0);
    f[k++] = F1(102, hw);
    f[k++] = F1(103, ht);
    f[k++] = F1(104, dw);
    f[k++] = F1(105, dt);
    f[k++] = F2(106, ht, dt);
    f[k++] = F2(107, hw, dt);
    f[k++] = F2(108, ht, dw);
    f[k++] = F2(109, hw, dw);
    f[k++] = F1(110, dir);
    f[k++] = F3(111, ht, dt, dir);
    f[k++] = F1(112, rel_of(s, dl1));
    f[k++] = F1(113, rel_of(s, dr1));
    f[k++] = F1(114, s->lset[dep]);
    f[k++] = F1(115, s->rset[dep]);
    f[k++] = F2(116, dt, s->lset[dep]);
    f[k++] = F2(117, dt, s->rset[dep]);
    f[k++] = F1(118, dl1w);
    f[k++] = F2(119, dt, dl1w);
    f[k++] = F3(120, ht, dt, dl1w);
    f[k++] = F1(121, dep > 0 ? w[dep - 1].suf[2] : 0);
    f[k++] = F2(122, ht, s->lset[head]);
    f[k++] = F2(123, ht, s->rset[head]);
    f[k++] = F3(124, dt, prevt, nextt);
    f[k++] = F2(125, dl1t, dt);
    f[k++] = F2(126, dw, dir);
    f[k++] = F3(127, hw, dt, dir);
    f[k++] = F2(128, dr1w, dt);
    f[k++] = F3(129, dt, (uint64_t)s->nl[dep], (uint64_t)s->nr[dep]);
    f[k++] = F2(130, dep > 0 ? w[dep - 1].flags : 0, dt);
    f[k++] = F3(131, ht, dt, s->lset[dep]);
    f[k++] = F3(132, ht, dt, s->rset[dep]);
    f[k++] = F3(133, hw, dl1w, dt);
    if (n < 1 || !w[0].has_lex) /* a model without a lexicon */
        return k;
    f[k++] = F3(134, dt, ht, dep > 0 ? SYN_LEX_SEM(w[dep - 1].lex) : 0);
    f[k++] = F3(135, dt, head > 0 ? SYN_LEX_SEM(w[head - 1].lex) : 0,
                dep > 0 ? SYN_LEX_SEM(w[dep - 1].lex) : 0);
    return k;
}

/* The relation with the best score that fits: "root" exactly for the
 * dependent of the root. */
static uint16_t best_label(const evg_syn_model *m, const syn_state *st,
                           const syn_word *w, const uint16_t *tags, int dep,
                           int head, uint16_t root_rel)
{
    if (head == 0)
        return root_rel;
    uint64_t f[SYN_LABEL_FEATS];
    int32_t sc[256] = {0};
    size_t nr = m->nrels < 256 ? m->nrels : 256;
    size_t nf = syn_label_features(st, w, tags, dep, head, f);
    syn_ptab_score(&m->labeler, f, nf, sc);
    size_t best = root_rel == 0 ? 1 : 0;
    for (size_t r = 0; r < nr; r++)
        if (r != root_rel && sc[r] > sc[best])
            best = r;
    return (uint16_t)best;
}

void syn_parse(const evg_syn_model *m, const syn_word *w,
               const uint16_t *tags, syn_state *st)
{
    uint16_t root_rel = 0;
    for (size_t r = 0; r < m->nrels; r++)
        if (!strcmp(m->rels[r], "root"))
            root_rel = (uint16_t)r;
    uint64_t f[SYN_PARSE_FEATS], g[SYN_PARSE_FEATS];
    uint8_t in_buffer[SYN_PARSE_FEATS] = {0};
    for (size_t j = 0; j < SYN_PARSE_BUFFER_FEATS; j++)
        in_buffer[syn_parse_buffer_feats[j]] = 1;
    /* the scores of the buffer's features, kept while b0 stays: a word is
     * b0 for its shift and for every arc made while it is */
    size_t memo_b = SIZE_MAX;
    int32_t memo[SYN_NACT] = {0};
    while (!syn_state_final(st)) {
        int32_t sc[SYN_NACT] = {0};
        int valid[SYN_NACT], nvalid = 0;
        for (int a = 0; a < SYN_NACT; a++)
            nvalid += valid[a] = syn_state_valid(st, a);
        if (nvalid > 1) { /* else the one valid action needs no scores */
            size_t nf = syn_parse_features(st, w, tags, m->coarse, f);
            size_t k = 0, nb = 0;
            if (st->b != memo_b) {
                for (size_t j = 0; j < SYN_PARSE_BUFFER_FEATS; j++)
                    g[k++] = f[syn_parse_buffer_feats[j]];
                nb = k;
                memset(memo, 0, sizeof memo);
                memo_b = st->b;
            }
            for (size_t j = 0; j < nf; j++)
                if (!in_buffer[j])
                    g[k++] = f[j];
            syn_ptab_score2(&m->parser, g, nb, k, memo, sc);
            for (int a = 0; a < SYN_NACT; a++)
                sc[a] += memo[a];
        }
        int best = -1;
        for (int a = 0; a < SYN_NACT; a++)
            if (valid[a] && (best < 0 || sc[a] > sc[best]))
                best = a;
        uint16_t rel = 0;
        if (best != SYN_SHIFT) {
            int d, h;
            syn_state_arc(st, best, &d, &h);
            rel = best_label(m, st, w, tags, d, h, root_rel);
        }
        syn_state_apply(st, best, rel);
    }
}
