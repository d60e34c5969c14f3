/* What the time tagger reads a value against: the DCT, the tense of the
 * clause and the last date mentioned (the anchor); and the quantities
 * before a unit ("two", "a couple of", "2 1/2"). */
#include <stdlib.h>
#include <string.h>

#include "timex_tagger.h"

void evg_timex__val_init(tx_val *v, int type)
{
    memset(v, 0, sizeof(*v));
    v->type = type;
    v->hh = v->mi = -1;
    v->y = v->m = v->d = TX_X;
}

/* The period of granularity `gran` holding the DCT (X when unknown). */
void evg_timex__at_dct(const tagger *c, tx_val *v, int gran)
{
    evg_timex__val_init(v, EVG_TIMEX_DATE);
    if (c->has_dct) {
        evg_timex__at(v, gran, c->dy, c->dm, c->dd);
    } else {
        v->gran = gran;
        v->y = v->m = v->d = TX_X;
    }
}

int evg_timex__unit_gran(int unit)
{
    static const int g[] = {0,           TX_G_TIME,    TX_G_TIME,
                            TX_G_TIME,   TX_G_DAY,     TX_G_WEEK,
                            TX_G_WEEKEND, TX_G_MONTH,  TX_G_QUARTER,
                            TX_G_YEAR,   TX_G_DECADE,  TX_G_CENTURY,
                            TX_G_MILLENNIUM, TX_G_HALF};
    return unit >= 1 && unit <= TX_U_HALF ? g[unit] : 0;
}

static int clause_break(const tagger *c, size_t i)
{
    return c->t[i].kind == K_PUNCT && strchr(";:\"()", c->t[i].ch);
}

/* 1 when token i signals future, -1 past, 2 a weak past (-ed verb). */
static int tense_cue(const tagger *c, size_t i)
{
    if (c->t[i].kind != K_WORD)
        return 0;
    const char *p = c->text + c->t[i].s;
    size_t n = tok_len(c, i);
    if ((is(c, i, "plan") || is(c, i, "plans")) && !is(c, i + 1, "to"))
        return 0; /* "the plan": a noun */
    if (has(c, i, TX_FUT) || is(c, i, "next") ||
        (n > 3 && (memcmp(p + n - 3, "'ll", 3) == 0 ||
                   memcmp(p, "won'", 4) == 0)) ||
        (is(c, i, "going") && is(c, i + 1, "to")))
        return 1;
    if (has(c, i, TX_PAST))
        return -1;
    /* "set to resume Monday", "is to meet Tuesday": an infinitive */
    if (is(c, i, "to") && i + 1 < c->n && c->t[i + 1].kind == K_WORD &&
        !c->t[i + 1].cap && !c->t[i + 1].w && tok_len(c, i + 1) > 2 &&
        !is(c, i + 1, "the") && !is(c, i + 1, "his") &&
        !is(c, i + 1, "her") && !is(c, i + 1, "its") &&
        !is(c, i + 1, "their") && !is(c, i + 1, "date"))
        return 1;
    if (n > 4 && memcmp(p + n - 2, "ed", 2) == 0)
        return 2;
    return 0;
}

/* Tense of the clause around tokens [a, b): 1 future, -1 past, 0 unknown.
 * The words before the expression, back to the clause start (8 tokens at
 * most), decide when they hold a cue (the nearest wins; an -ed verb or an
 * infinitive counts only close by); else the 4 tokens after it. */
int evg_timex__tense(const tagger *c, size_t a, size_t b)
{
    int comma = 0;
    for (size_t k = 1; k <= 8 && k <= a; k++) {
        size_t i = a - k;
        if (clause_break(c, i))
            break;
        if (punct(c, i, ','))
            comma = 1;
        int t = tense_cue(c, i);
        if (t == 1 && !is(c, i, "to") && !is(c, i, "will") &&
            !is(c, i, "would") && i >= 1 &&
            (is(c, i - 1, "had") || is(c, i - 1, "was") ||
             is(c, i - 1, "were") || is(c, i - 1, "been")))
            return -1; /* "had been due to expire Friday" */
        if (t == 1 && is(c, i, "to"))
            for (size_t q = 1; q <= 4 && q <= i; q++)
                if ((is(c, i - q, "had") || is(c, i - q, "hadn't")) &&
                    is(c, i - q + 1, "been"))
                    return -1; /* "had been scheduled to expire Friday" */
        if (t == 1 && (!is(c, i, "to") || (k <= 6 && !comma)))
            return 1;
        if (t == 2 && k <= 3) {
            /* a participle after "will be", "to be": still future */
            for (size_t q = 1; q <= 3 && q <= i; q++)
                if (tense_cue(c, i - q) == 1)
                    return 1;
            return -1;
        }
        if (t == -1)
            return -1;
    }
    for (size_t k = 0; k < 4 && b + k < c->n; k++) {
        size_t i = b + k;
        if (clause_break(c, i))
            break;
        int t = tense_cue(c, i);
        if (t == 1)
            return 1;
        if (t == -1 || t == 2)
            return -1;
    }
    /* "by February", "until June": a deadline ahead */
    if (a > 0 && (is(c, a - 1, "by") || is(c, a - 1, "until") ||
                  is(c, a - 1, "till")))
        return 1;
    return 0;
}

/* A reference point still in view: a quarter or month stays the topic of a
 * report for a few sentences, a day or year for the next one. */
int evg_timex__anchor_recent(const tagger *c)
{
    if (!c->has_anchor)
        return 0;
    if (c->has_dct && c->anchor.y > c->dy)
        return 0; /* a plan for next year is no point of comparison */
    size_t reach = c->anchor.gran > TX_G_YEAR && c->anchor.gran <= TX_G_MONTH
                       ? 4
                       : 1;
    return c->sent - c->anchor_sent <= reach;
}

/* ---- quantities ---- */

/* Number words: "twenty four", "twenty-four", "two hundred", "a hundred". */
size_t evg_timex__numwords(const tagger *c, size_t i, long *out)
{
    long total = 0, cur = 0;
    size_t j = i;
    int any = 0;
    while (j < c->n) {
        if (has(c, j, TX_NUM) && !is(c, j, "couple") && !is(c, j, "dozen")) {
            long v = val(c, j, TX_NUM);
            if (v == 100)
                cur = (cur ? cur : 1) * 100;
            else if (v == 1000) {
                total += (cur ? cur : 1) * 1000;
                cur = 0;
            } else if (cur % 100 >= 20 && cur % 10 == 0 && v < 10)
                cur += v;
            else if (any && cur % 100 != 0 && v != 0)
                break; /* "nineteen ninety" is a year, not a sum */
            else
                cur += v;
            any = 1;
            j++;
            if (punct(c, j, '-') && has(c, j + 1, TX_NUM))
                j++;
            else if (is(c, j, "and") && has(c, j + 1, TX_NUM) &&
                     cur >= 100)
                j++;
            continue;
        }
        break;
    }
    if (!any)
        return 0;
    *out = total + cur;
    return j - i;
}

/* A quantity before a unit: "90", "two", "a", "2 1/2", "several", "a few",
 * "a couple of", "half a". Sets *n2 in half units or TX_X; *approx for
 * "a couple of" and "or so". Returns tokens used. */
size_t evg_timex__quantity(const tagger *c, size_t i, int *n2, int *approx)
{
    long v;
    size_t k;
    *approx = 0;
    if (is(c, i, "half") && (is(c, i + 1, "a") || is(c, i + 1, "an"))) {
        *n2 = 1;
        return 2;
    }
    if ((is(c, i, "a") || is(c, i, "an")) && i + 1 < c->n) {
        if (is(c, i + 1, "few") || is(c, i + 1, "number")) {
            *n2 = TX_X;
            return 2 + is(c, i + 2, "of");
        }
        if (is(c, i + 1, "couple")) {
            *n2 = 4;
            *approx = 1;
            return 2 + is(c, i + 2, "of");
        }
        if (is(c, i + 1, "dozen")) {
            *n2 = 24;
            return 2;
        }
        if (is(c, i + 1, "hundred") || is(c, i + 1, "thousand")) {
            *n2 = is(c, i + 1, "hundred") ? 200 : 2000;
            return 2;
        }
        *n2 = 2;
        return 1;
    }
    if (has(c, i, TX_FUZZY)) {
        *n2 = TX_X;
        return 1;
    }
    if (is(c, i, "couple") && is(c, i + 1, "of")) {
        *n2 = 4;
        *approx = 1;
        return 2;
    }
    if (is_num(c, i, 0, 999999)) {
        *n2 = (int)c->t[i].num * 2;
        k = 1;
        if (i + 1 < c->n && c->t[i + 1].kind == K_NUMX &&
            tok_len(c, i + 1) == 3 &&
            memcmp(c->text + c->t[i + 1].s, "1/2", 3) == 0) {
            *n2 += 1;
            k = 2;
        }
        return k;
    }
    if (i < c->n && c->t[i].kind == K_NUMX) {
        /* 1.5 */
        const char *p = c->text + c->t[i].s;
        char *end;
        double d = strtod(p, &end);
        if (end == c->text + c->t[i].e && d > 0 && d < 1e6) {
            double h = d * 2;
            if (h == (double)(int)h) {
                *n2 = (int)h;
                return 1;
            }
        }
        return 0;
    }
    if ((k = evg_timex__numwords(c, i, &v)) > 0 && v < 1000000) {
        *n2 = (int)v * 2;
        return k;
    }
    return 0;
}
