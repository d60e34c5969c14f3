/* The time tagger's working state, private to extract/timex/: its view of
 * the document's tokens, the tagger and a match, the token tests every
 * matcher uses, and what each part offers the others. The parts, each
 * using only those before it: timex_tokens.c (tokens, from the token
 * layer), timex_values.c (values, tense, anchors,
 * quantities), timex_dates.c (calendar dates and periods), timex_amounts.c
 * (durations, clock times, references, sets), timex.c (expressions,
 * output, the stage). */
#ifndef EVG_EXTRACT_TIMEX_TAGGER_H
#define EVG_EXTRACT_TIMEX_TAGGER_H

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "timex.h"
#include "tokens.h"

enum { K_WORD, K_NUM, K_NUMX, K_PUNCT };

typedef struct tok {
    size_t s, e;
    const tx_word *w; /* word-list entry or NULL */
    long num;         /* value of an all-digit token, else -1 */
    unsigned char ndig;
    unsigned char kind;
    unsigned char cap; /* first letter upper case */
    char ch;           /* the character of a punctuation token */
    const char *upos;  /* the parse's tag of the word starting here, or
                        * NULL (not parsed, or inside a word) */
} tok;

typedef struct tagger {
    const char *text;
    tok *t;
    size_t n, cap;
    size_t sent;
    int has_dct, dy, dm, dd;
    tx_val anchor; /* last date mentioned, for "a year earlier" */
    int has_anchor;
    size_t anchor_sent;
    tx_val topic; /* first past quarter: an earnings report's period */
    int has_topic;
} tagger;

typedef struct match {
    size_t end;   /* token after the expression */
    int anchored; /* value taken from an earlier expression */
    tx_val v;
} match;


/* ---- tokens ---- */

/* The universal tag the parse gave token i ("AUX", "ADJ"), or NULL when
 * the sentence was not parsed or the parse has no word starting there. */
static inline const char *ud_upos(const tagger *c, size_t i)
{
    return i < c->n ? c->t[i].upos : NULL;
}

static inline int ud_upos_is(const tagger *c, size_t i, const char *upos)
{
    const char *u = ud_upos(c, i);
    return u && strcmp(u, upos) == 0;
}

static inline int has(const tagger *c, size_t i, int cls)
{
    return i < c->n && c->t[i].w && (c->t[i].w->cls & (1u << cls));
}

static inline int val(const tagger *c, size_t i, int cls)
{
    return c->t[i].w->val[cls];
}

/* Token i is the lower-case word `w` (`n` bytes), in any case. */
static inline int is_n(const tagger *c, size_t i, const char *w, size_t n)
{
    if (i >= c->n || c->t[i].kind != K_WORD || c->t[i].e - c->t[i].s != n)
        return 0;
    const char *s = c->text + c->t[i].s;
    for (size_t k = 0; k < n; k++)
        if (tolower((unsigned char)s[k]) != w[k])
            return 0;
    return 1;
}

static inline int is_str(const tagger *c, size_t i, const char *w)
{
    return is_n(c, i, w, strlen(w));
}

/* Is token i a word of `list` (NULL-terminated, lower case)? The token
 * is checked once and each word compared up to its first difference. */
static inline int is_any(const tagger *c, size_t i, const char *const *list)
{
    if (i >= c->n || c->t[i].kind != K_WORD)
        return 0;
    const char *s = c->text + c->t[i].s;
    size_t n = c->t[i].e - c->t[i].s;
    for (; *list; list++) {
        const char *w = *list;
        size_t k = 0;
        while (k < n && w[k] && tolower((unsigned char)s[k]) == w[k])
            k++;
        if (k == n && !w[k])
            return 1;
    }
    return 0;
}

/* `w` must be a string literal. */
#define is(c, i, w) is_n((c), (i), "" w, sizeof(w) - 1)

static inline int punct(const tagger *c, size_t i, char ch)
{
    return i < c->n && c->t[i].kind == K_PUNCT && c->t[i].ch == ch;
}

static inline int is_num(const tagger *c, size_t i, long lo, long hi)
{
    return i < c->n && c->t[i].kind == K_NUM && c->t[i].num >= lo &&
           c->t[i].num <= hi;
}

static inline size_t tok_len(const tagger *c, size_t i)
{
    return c->t[i].e - c->t[i].s;
}


/* ---- timex_tokens.c: the tagger's tokens ---- */
/* Sets c->t to the tokens of one sentence of the token layer (`layer`),
 * each with the tag of the parse's word that starts there (`ud`, `n_ud`
 * words in order; none when the sentence was not parsed). EVG_ENOMEM. */
int evg_timex__tokens(tagger *c, const evg_tokens *layer,
                      const evg_doc_token *ud, size_t n_ud);

/* ---- timex_values.c: values, tense, anchors and quantities ---- */
void evg_timex__val_init(tx_val *v, int type);
void evg_timex__at_dct(const tagger *c, tx_val *v, int gran);
int evg_timex__unit_gran(int unit);
int evg_timex__tense(const tagger *c, size_t a, size_t b);
int evg_timex__anchor_recent(const tagger *c);
size_t evg_timex__numwords(const tagger *c, size_t i, long *out);
size_t evg_timex__quantity(const tagger *c, size_t i, int *n2, int *approx);

/* ---- timex_dates.c: calendar dates and periods ---- */
void evg_timex__set_date_dct(const tagger *c, match *m, int gran, int shift);
size_t evg_timex__skip_dot(const tagger *c, size_t i, size_t word);
int evg_timex__month_word_ok(const tagger *c, size_t i);
int evg_timex__m_month(const tagger *c, size_t i, match *m);
int evg_timex__m_numeric_date(const tagger *c, size_t i, match *m);
int evg_timex__m_year(const tagger *c, size_t i, match *m);
int evg_timex__m_spoken_year(const tagger *c, size_t i, match *m);
int evg_timex__m_century(const tagger *c, size_t i, match *m);
int evg_timex__m_quarter(const tagger *c, size_t i, match *m);
int evg_timex__m_ref_period(const tagger *c, size_t i, match *m);
int evg_timex__m_that(const tagger *c, size_t i, match *m);
int evg_timex__m_the_unit(const tagger *c, size_t i, match *m);
int evg_timex__wday_ok(const tagger *c, size_t i);
int evg_timex__m_wday(const tagger *c, size_t i, match *m);
int evg_timex__m_dayrel(const tagger *c, size_t i, match *m);
int evg_timex__m_pod(const tagger *c, size_t i, match *m);
int evg_timex__m_bare_pod(const tagger *c, size_t i, match *m);
int evg_timex__m_season(const tagger *c, size_t i, match *m);
int evg_timex__m_rel(const tagger *c, size_t i, match *m);
int evg_timex__m_ago(const tagger *c, size_t i, match *m);
int evg_timex__m_year_end(const tagger *c, size_t i, match *m);

/* ---- timex_amounts.c: durations, clock times, references and sets ---- */
int evg_timex__m_duration(const tagger *c, size_t i, match *m);
int evg_timex__m_bare_units(const tagger *c, size_t i, match *m);
int evg_timex__m_time(const tagger *c, size_t i, match *m);
int evg_timex__m_ref(const tagger *c, size_t i, match *m);
int evg_timex__m_set(const tagger *c, size_t i, match *m);

#endif
