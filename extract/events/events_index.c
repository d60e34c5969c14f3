/* Indexes of a sentence's parse for the event coder, made once a sentence
 * instead of a scan of the whole sentence for each trigger: which UD word
 * holds each text token and back, the dependents of each word, and the
 * bytes of the phrase each word heads. With them the coder's cost grows
 * with the words of a sentence, not with their square (a sentence of
 * 10,000 words has thousands of triggers; docs/robustness.md). Every
 * lookup gives what the scan it replaces gave. */
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "frames.h"

#define NO_WORD UINT32_MAX

/* Whether the spans are in order and do not overlap; `at(i)` of
 * evg_token and evg_doc_token alike. */
#define SPANS_IN_ORDER(v, n, ok)                                           \
    do {                                                                   \
        ok = 1;                                                            \
        for (size_t i_ = 0; i_ < (n) && ok; i_++)                          \
            ok = (v)[i_].start <= (v)[i_].end &&                           \
                 (i_ + 1 == (n) || (v)[i_].end <= (v)[i_ + 1].start);      \
    } while (0)

int evg_events__index(sent_ctx *s)
{
    size_t nt = s->tok.n, nu = s->n_ud;
    s->tree = 0;
    s->spans_set = 0;
    if (evg_reserve_raw(&s->ud_of, &s->cap_ud_of, nt + 1, sizeof(uint32_t),
                        64) < 0 ||
        evg_reserve_raw(&s->tok_of, &s->cap_tok_of, nu + 1,
                        sizeof(uint32_t), 64) < 0 ||
        evg_reserve_raw(&s->kid_at, &s->cap_kid_at, nu + 2,
                        sizeof(uint32_t), 64) < 0 ||
        evg_reserve_raw(&s->kids, &s->cap_kids, nu + 1, sizeof(uint32_t),
                        64) < 0 ||
        evg_reserve_raw(&s->scratch, &s->cap_scratch, (nu > nt ? nu : nt) + 1,
                        sizeof(uint32_t), 64) < 0 ||
        evg_reserve_raw(&s->scratch2, &s->cap_scratch2,
                        (nu > nt ? nu : nt) + 1, sizeof(uint32_t), 64) < 0)
        return EVG_ENOMEM;
    if (nu >= NO_WORD || nt >= NO_WORD)
        return EVG_ENOMEM; /* never within --max-sentence */
    int tok_ok, ud_ok;
    SPANS_IN_ORDER(s->tok.v, nt, tok_ok);
    SPANS_IN_ORDER(s->ud, nu, ud_ok);
    s->ordered = tok_ok && ud_ok;
    /* the UD word holding the start of each text token: the first whose
     * bytes hold it (in order and apart, the only one) */
    if (tok_ok && ud_ok) {
        size_t w = 0;
        for (size_t i = 0; i < nt; i++) {
            size_t at = s->tok.v[i].start;
            while (w + 1 < nu && s->ud[w + 1].start <= at)
                w++;
            s->ud_of[i] = w < nu && s->ud[w].start <= at &&
                                  at < s->ud[w].end
                              ? (uint32_t)w
                              : NO_WORD;
        }
        size_t i = 0;
        for (w = 0; w < nu; w++) {
            size_t at = s->ud[w].start;
            while (i + 1 < nt && s->tok.v[i + 1].start <= at)
                i++;
            s->tok_of[w] = i < nt && s->tok.v[i].start <= at &&
                                   at < s->tok.v[i].end
                               ? (uint32_t)i
                               : NO_WORD;
        }
    } else {
        for (size_t i = 0; i < nt; i++) {
            size_t at = s->tok.v[i].start;
            s->ud_of[i] = NO_WORD;
            for (size_t w = 0; w < nu; w++)
                if (s->ud[w].start <= at && at < s->ud[w].end) {
                    s->ud_of[i] = (uint32_t)w;
                    break;
                }
        }
        for (size_t w = 0; w < nu; w++) {
            size_t at = s->ud[w].start;
            s->tok_of[w] = NO_WORD;
            for (size_t i = 0; i < nt; i++)
                if (s->tok.v[i].start <= at && at < s->tok.v[i].end) {
                    s->tok_of[w] = (uint32_t)i;
                    break;
                }
        }
    }
    /* dependents by head, in word order (a counting sort) */
    memset(s->kid_at, 0, (nu + 2) * sizeof(uint32_t));
    int in_range = 1;
    for (size_t j = 0; j < nu; j++) {
        size_t h = s->ud[j].head;
        if (h >= 1 && h <= nu)
            s->kid_at[h + 1]++;
        else if (h > nu)
            in_range = 0;
    }
    for (size_t w = 0; w < nu; w++)
        s->kid_at[w + 2] += s->kid_at[w + 1];
    for (size_t j = 0; j < nu; j++) {
        size_t h = s->ud[j].head;
        if (h >= 1 && h <= nu)
            s->kids[s->kid_at[h]++] = (uint32_t)j;
    }
    /* kid_at[w + 1] was where w's dependents start; now where they end,
     * which is where w + 1's start */
    /* a tree: every word reaches the root (0: not seen, 1: on the way
     * up, 2: reaches the root) */
    if (in_range) {
        uint32_t *st = s->scratch;
        memset(st, 0, nu * sizeof(uint32_t));
        int cycle = 0;
        for (size_t j = 0; j < nu && !cycle; j++) {
            size_t x = j;
            while (st[x] == 0) {
                st[x] = 1;
                if (!s->ud[x].head)
                    break;
                x = s->ud[x].head - 1;
            }
            if (st[x] == 1 && s->ud[x].head)
                cycle = 1;
            for (x = j; !cycle && st[x] == 1;) {
                st[x] = 2;
                if (!s->ud[x].head)
                    break;
                x = s->ud[x].head - 1;
            }
        }
        s->tree = !cycle;
    }
    return 0;
}

int evg_events__index_tokens(sent_ctx *s)
{
    size_t n = s->tok.n;
    if (evg_reserve_raw(&s->cond_open, &s->cap_cond_open, n + 1, 1, 64) < 0 ||
        evg_reserve_raw(&s->bound_before, &s->cap_bound_before, n + 1,
                        sizeof(uint32_t), 64) < 0)
        return EVG_ENOMEM;
    s->cond_open[0] = 0;
    s->bound_before[0] = NO_WORD;
    for (size_t j = 0; j < n; j++) {
        if (evg_events__is(s, j, "if") || evg_events__is(s, j, "unless") ||
            evg_events__is(s, j, "whether"))
            s->cond_open[j + 1] = 1;
        else if (ev_tok_punct(s, j, ',') || ev_tok_punct(s, j, ';'))
            s->cond_open[j + 1] = 0;
        else
            s->cond_open[j + 1] = s->cond_open[j];
        s->bound_before[j + 1] =
            s->bar[j + 1] != s->bar[j] ? (uint32_t)j : s->bound_before[j];
    }
    return 0;
}

void evg_events__index_dispose(sent_ctx *s)
{
    free(s->cond_open);
    free(s->bound_before);
    free(s->hit);
    free(s->hit_at);
    free(s->hit_ev);
    free(s->and_after);
    free(s->ud_of);
    free(s->tok_of);
    free(s->kid_at);
    free(s->kids);
    free(s->span_lo);
    free(s->span_hi);
    free(s->scratch);
    free(s->scratch2);
}

static int cmp_word(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

void evg_events__sort_words(uint32_t *v, size_t n)
{
    if (n < 16) {
        for (size_t i = 1; i < n; i++) {
            uint32_t x = v[i];
            size_t j = i;
            for (; j > 0 && v[j - 1] > x; j--)
                v[j] = v[j - 1];
            v[j] = x;
        }
        return;
    }
    qsort(v, n, sizeof(*v), cmp_word);
}

int evg_events__clausal_rel(const char *rel)
{
    static const char *const open[] = {"acl", "advcl", "ccomp", "xcomp",
                                       "parataxis", "conj", "cc", "punct",
                                       "dep", NULL};
    for (const char *const *r = open; *r; r++)
        if (evg_fr_base_is(rel, *r))
            return 1;
    return 0;
}

/* Whether word j lies in the phrase headed by w (through non-clausal
 * relations only): the scan for a parse that is no tree. */
static int in_phrase(const sent_ctx *s, size_t j, size_t w)
{
    for (size_t depth = 0; depth < s->n_ud; depth++) {
        if (j == w)
            return 1;
        if (!s->ud[j].head || !s->ud[j].deprel ||
            evg_events__clausal_rel(s->ud[j].deprel))
            return 0;
        j = s->ud[j].head - 1;
    }
    return 0;
}

/* The phrase spans of every word of a tree, bottom up: a word's span is
 * its own bytes and the spans of its dependents through relations that
 * are not clausal. */
static int set_spans(sent_ctx *s)
{
    size_t nu = s->n_ud;
    for (size_t j = 0; j < nu; j++)
        if (s->ud[j].end >= UINT32_MAX)
            return EVG_ELIMIT; /* the spans are then found word by word */
    if (evg_reserve_raw(&s->span_lo, &s->cap_span_lo, nu + 1,
                        sizeof(uint32_t), 64) < 0 ||
        evg_reserve_raw(&s->span_hi, &s->cap_span_hi, nu + 1,
                        sizeof(uint32_t), 64) < 0)
        return EVG_ENOMEM;
    /* the words top down (roots first, then each word's dependents) */
    uint32_t *order = s->scratch;
    size_t n = 0;
    for (size_t j = 0; j < nu; j++)
        if (!s->ud[j].head)
            order[n++] = (uint32_t)j;
    for (size_t q = 0; q < n; q++)
        for (uint32_t k = s->kid_at[order[q]]; k < s->kid_at[order[q] + 1];
             k++)
            order[n++] = s->kids[k];
    for (size_t q = n; q-- > 0;) {
        size_t w = order[q];
        size_t lo = s->ud[w].start, hi = s->ud[w].end;
        for (uint32_t k = s->kid_at[w]; k < s->kid_at[w + 1]; k++) {
            size_t j = s->kids[k];
            if (!s->ud[j].deprel || evg_events__clausal_rel(s->ud[j].deprel))
                continue;
            lo = s->span_lo[j] < lo ? s->span_lo[j] : lo;
            hi = s->span_hi[j] > hi ? s->span_hi[j] : hi;
        }
        s->span_lo[w] = (uint32_t)lo;
        s->span_hi[w] = (uint32_t)hi;
    }
    return 0;
}

void evg_events__phrase_span(const sent_ctx *cs, size_t w, size_t *start,
                             size_t *end)
{
    sent_ctx *s = (sent_ctx *)(uintptr_t)cs; /* a cache: not const */
    if (s->tree && !s->spans_set && set_spans(s) == 0)
        s->spans_set = 1;
    if (s->spans_set) {
        *start = s->span_lo[w];
        *end = s->span_hi[w];
        return;
    }
    *start = s->ud[w].start;
    *end = s->ud[w].end;
    for (size_t j = 0; j < s->n_ud; j++)
        if (j != w && in_phrase(s, j, w)) {
            if (s->ud[j].start < *start)
                *start = s->ud[j].start;
            if (s->ud[j].end > *end)
                *end = s->ud[j].end;
        }
}
