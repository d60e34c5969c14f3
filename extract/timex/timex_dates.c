/* The time tagger's matchers of calendar dates and periods: "May 23, 2019",
 * "2019-05-23", years, centuries, quarters, "the same period", weekdays,
 * parts of day, seasons, "last week", "three years ago", "year-end". Each
 * tries at token i and fills a match on success. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "timex_tagger.h"

void evg_timex__set_date_dct(const tagger *c, match *m, int gran, int shift)
{
    evg_timex__at_dct(c, &m->v, gran);
    if (c->has_dct)
        evg_timex__shift(&m->v, shift);
}

/* Year for a month (and day) without one. Future tense: the first such
 * date on or after the DCT; otherwise (news reports the past) the latest
 * one on or before it. Both allow 60 days of slack, for deadlines and
 * plans near the DCT; `strict` ("last May") excludes the DCT itself. A
 * bare month up to three months ahead with no tense cue is the coming one
 * ("through January" said in October). */
static int infer_year(const tagger *c, int month, int day, int t,
                      int strict)
{
    if (!c->has_dct)
        return TX_X;
    long dct = evg_timex__days(c->dy, c->dm, day > 0 ? c->dd : 1);
    int d = day > 0 ? day : 1;
    if (d > evg_timex__mdays(c->dy, month))
        d = evg_timex__mdays(c->dy, month);
    long z = evg_timex__days(c->dy, month, d);
    /* deadlines reported in the past tense ("was extended to Nov. 20")
     * and plans in the future tense stay near the DCT */
    int slack = strict ? 0 : 60;
    if (t == 0 && !strict && day == 0 && month < c->dm &&
        month + 12 - c->dm <= 3)
        return c->dy + 1;
    if (t <= 0)
        return z > dct + slack || (strict && z >= dct) ? c->dy - 1 : c->dy;
    return z < dct - slack || (strict && z <= dct) ? c->dy + 1 : c->dy;
}

static int is_year_tok(const tagger *c, size_t i)
{
    return is_num(c, i, 1000, 2199) && c->t[i].ndig == 4;
}

/* A number that reads as a year: not money, not a count of things. */
static int plausible_year(const tagger *c, size_t i, int cue)
{
    if (!is_year_tok(c, i))
        return 0;
    long y = c->t[i].num;
    if (i > 0 && c->t[i - 1].kind == K_PUNCT &&
        strchr("$#\xc2\xa3\xe2", c->t[i - 1].ch))
        return 0;
    if (i > 0 && is_any(c, i - 1, evg_timex__year_blockers_before))
        return 0;
    if (i + 1 < c->n) {
        const tok *nx = &c->t[i + 1];
        if (nx->kind == K_PUNCT && strchr("%$", nx->ch))
            return 0;
        if (nx->kind == K_NUM || nx->kind == K_NUMX)
            return 0;
        if (is_any(c, i + 1, evg_timex__year_blockers_after))
            return 0;
    }
    return cue || (y >= 1800 && y <= 2100);
}

size_t evg_timex__skip_dot(const tagger *c, size_t i, size_t word)
{
    /* the dot of "Sept." belongs to the abbreviation, not that of "May." */
    if (is_any(c, word, evg_timex__short_months))
        return i;
    return punct(c, i, '.') && tok_len(c, word) <= 4 ? i + 1 : i;
}

static int day_num(const tagger *c, size_t i)
{
    if (is_num(c, i, 1, 31) && c->t[i].ndig <= 2)
        return (int)c->t[i].num;
    if (i < c->n && c->t[i].kind == K_NUMX) {
        const char *p = c->text + c->t[i].s;
        size_t n = tok_len(c, i);
        char *end;
        long d = strtol(p, &end, 10);
        size_t sl = (size_t)(p + n - end);
        if (d >= 1 && d <= 31 && sl == 2 &&
            (strncasecmp(end, "st", 2) == 0 || strncasecmp(end, "nd", 2) == 0 ||
             strncasecmp(end, "rd", 2) == 0 || strncasecmp(end, "th", 2) == 0))
            return (int)d;
    }
    if (has(c, i, TX_ORD) && val(c, i, TX_ORD) <= 31)
        return val(c, i, TX_ORD);
    return 0;
}

/* A day or ordinal at i as one token ("23", "23rd", "third") or, written
 * out, as three: "twenty-first" is "twenty" "-" "first" on the tagger's
 * tokens. Returns the tokens it takes (0: none), its value in *n. */
static size_t day_words(const tagger *c, size_t i, int *n)
{
    if (i < c->n && c->t[i].kind == K_WORD && has(c, i, TX_NUM) &&
        punct(c, i + 1, '-') && has(c, i + 2, TX_ORD)) {
        long tens = val(c, i, TX_NUM);
        int ones = val(c, i + 2, TX_ORD);
        if (tens >= 20 && tens <= 90 && tens % 10 == 0 && ones >= 1 &&
            ones <= 9) {
            *n = (int)tens + ones;
            return 3;
        }
    }
    *n = day_num(c, i);
    return *n ? 1 : 0;
}

/* Words before a bare month name that make it a month, not the modal
 * "may" or the verb "march". */
static int month_cue(const tagger *c, size_t i)
{
    if (i == 0)
        return 0;
    if (punct(c, i - 1, '-') && i >= 2 && is(c, i - 2, "mid"))
        return 1;
    return is_any(c, i - 1, evg_timex__month_cues);
}

int evg_timex__month_word_ok(const tagger *c, size_t i)
{
    if (!has(c, i, TX_MONTH) || !c->t[i].cap)
        return 0;
    size_t n = tok_len(c, i);
    int full = n >= 5 || is(c, i, "may") || is(c, i, "june") ||
               is(c, i, "july");
    if (!full && !is(c, i, "sept") && !punct(c, i + 1, '.') &&
        !is_num(c, i + 1, 1, 9999))
        return 0;
    return 1;
}

int evg_timex__m_spoken_year(const tagger *c, size_t i, match *m);

/* "May 23, 2019", "23 May 2019", "Sept. 30", "May 2019", "Thursday, May 23",
 * "March eighth", and a bare month name where the context allows. */
int evg_timex__m_month(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int wd = 0;
    if (is(c, j, "this") && is(c, j + 1, "coming"))
        j += 2;
    else if (is(c, j, "last") || is(c, j, "next"))
        j++;
    if (has(c, j, TX_WDAY) && c->t[j].cap) {
        size_t k = punct(c, j + 1, ',') ? j + 2 : j + 1;
        if (evg_timex__month_word_ok(c, k) || day_num(c, k)) {
            wd = 1;
            j = k;
        }
    }
    if (!wd)
        j = i;
    int day = 0, month = 0, year = TX_X, dn;
    size_t mtok, dw;
    if (day_num(c, j) && evg_timex__month_word_ok(c, j + 1) &&
        c->t[j].kind != K_WORD) {
        day = day_num(c, j);
        mtok = j + 1;
        month = val(c, mtok, TX_MONTH);
        j = evg_timex__skip_dot(c, j + 2, mtok);
    } else if (is(c, j, "the") && (dw = day_words(c, j + 1, &dn)) &&
               is(c, j + 1 + dw, "of") &&
               evg_timex__month_word_ok(c, j + 2 + dw)) {
        day = dn;
        mtok = j + 2 + dw;
        month = val(c, mtok, TX_MONTH);
        j = evg_timex__skip_dot(c, mtok + 1, mtok);
    } else if (evg_timex__month_word_ok(c, j)) {
        mtok = j;
        month = val(c, j, TX_MONTH);
        j = evg_timex__skip_dot(c, j + 1, mtok);
        size_t k = j;
        dw = day_words(c, k, &dn);
        if (dw && !(c->t[k].kind == K_NUM && c->t[k].ndig == 4)) {
            day = dn;
            j = k + dw;
        }
    } else {
        return 0;
    }
    if (day > evg_timex__mdays(2000, month))
        return 0;
    size_t k = punct(c, j, ',') ? j + 1 : (is(c, j, "of") && !day ? j + 1 : j);
    match sy;
    if (is_year_tok(c, k)) {
        year = (int)c->t[k].num;
        j = k + 1;
    } else if (has(c, j, TX_REL) && !is(c, j, "past") &&
               is(c, j + 1, "year") && c->has_dct) {
        year = c->dy + val(c, j, TX_REL); /* "June last year" */
        j += 2;
    } else if (evg_timex__m_spoken_year(c, k, &sy)) {
        year = sy.v.y;
        j = sy.end;
    }
    if (!day && year == TX_X && !wd) {
        /* bare month: the parse tells the modal "may" and the verb
         * "march" from the month; without it, a cue must say */
        if (ud_upos_is(c, i, "AUX") || ud_upos_is(c, i, "VERB"))
            return 0;
        if (!month_cue(c, i) &&
            (month == 5 || month == 3 || i == 0 || c->t[i].s == 0))
            return 0;
        if (!month_cue(c, i) && (is(c, j, "of") || is(c, j, "to")))
            return 0;
    }
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    int t = evg_timex__tense(c, i, j);
    /* "since December": the time something has gone on from is past,
     * whatever the tense of the clause ("has been trying to buy it
     * since December") */
    if (i > 0 && is(c, i - 1, "since"))
        t = -1;
    if (year == TX_X)
        year = day ? infer_year(c, month, day, t, 0)
                   : infer_year(c, month, 0, t, 0);
    if (day && year != TX_X && day > evg_timex__mdays(year, month))
        return 0; /* 29 February of a common year is no date */
    m->v.gran = day ? TX_G_DAY : TX_G_MONTH;
    m->v.y = year;
    m->v.m = month;
    m->v.d = day ? day : TX_X;
    m->end = j;
    return 1;
}

/* "2019-05-23", "5/23/2019", "05/23/19" */
int evg_timex__m_numeric_date(const tagger *c, size_t i, match *m)
{
    if (i >= c->n || c->t[i].kind != K_NUMX)
        return 0;
    const char *p = c->text + c->t[i].s;
    size_t n = tok_len(c, i);
    int a, b, d;
    char tail;
    char buf[16];
    if (n >= sizeof(buf))
        return 0;
    memcpy(buf, p, n);
    buf[n] = '\0';
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_DAY;
    if (sscanf(buf, "%4d-%2d-%2d%c", &a, &b, &d, &tail) == 3 && n == 10) {
        m->v.y = a, m->v.m = b, m->v.d = d;
    } else if (sscanf(buf, "%2d/%2d/%4d%c", &a, &b, &d, &tail) == 3 &&
               (n >= 8)) {
        m->v.m = a, m->v.d = b, m->v.y = d < 100 ? (d < 50 ? 2000 : 1900) + d
                                                  : d;
    } else if (sscanf(buf, "%4d-%2d%c", &a, &b, &tail) == 2 && n == 7 &&
               a >= 1800) {
        m->v.gran = TX_G_MONTH;
        m->v.y = a, m->v.m = b;
    } else {
        return 0;
    }
    if (m->v.m < 1 || m->v.m > 12 ||
        (m->v.gran == TX_G_DAY &&
         (m->v.d < 1 || m->v.d > evg_timex__mdays(m->v.y, m->v.m))) ||
        m->v.y < 1000 || m->v.y > 2199)
        return 0;
    m->end = i + 1;
    return 1;
}

/* "1990s", "'80s", "the 1990s" */
static int decade_tok(const tagger *c, size_t i, int *y)
{
    if (i >= c->n || c->t[i].kind != K_NUMX)
        return 0;
    const char *p = c->text + c->t[i].s;
    size_t n = tok_len(c, i);
    if (n == 5 && p[4] == 's' && isdigit((unsigned char)p[3]) &&
        p[3] == '0') {
        *y = (int)strtol(p, NULL, 10);
        return *y >= 1000 && *y <= 2190;
    }
    if (n == 3 && p[2] == 's' && p[1] == '0' && i > 0 && c->t[i - 1].e == c->t[i].s &&
        (punct(c, i - 1, '\'') || (c->t[i - 1].kind == K_PUNCT &&
                                   (unsigned char)c->t[i - 1].ch == 0xe2))) {
        int cent = c->has_dct ? c->dy / 100 * 100 : 1900;
        *y = cent + (int)strtol(p, NULL, 10);
        if (c->has_dct && *y > c->dy)
            *y -= 100; /* "the '80s" said in 2019 */
        return 1;
    }
    return 0;
}

int evg_timex__m_year(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int fiscal = 0;
    if (has(c, j, TX_FISCAL) || is(c, j, "fy")) {
        fiscal = 1;
        j++;
    }
    int dec;
    size_t d0 = is(c, j, "the") ? j + 1 : j;
    if (!fiscal && punct(c, d0, '\'') && decade_tok(c, d0 + 1, &dec))
        d0++;
    if (decade_tok(c, d0, &dec)) {
        j = d0;
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_DECADE;
        m->v.y = dec;
        m->end = j + 1;
        return 1;
    }
    for (int k = 0; evg_timex__decades[k] && is(c, j, "the"); k++) {
        if (!is_str(c, j + 1, evg_timex__decades[k]))
            continue;
        int cent = c->has_dct ? c->dy / 100 * 100 : 1900;
        int y = cent + 20 + 10 * k;
        if (c->has_dct && y > c->dy)
            y -= 100; /* "the nineties" said in 2019 */
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_DECADE;
        m->v.y = y;
        m->end = j + 2;
        return 1;
    }
    int cue = fiscal || (i > 0 && (is(c, i - 1, "in") || is(c, i - 1, "since") ||
                                   is(c, i - 1, "of") || is(c, i - 1, "year")));
    if (!plausible_year(c, j, cue))
        return 0;
    if (!cue && i > 1 && c->t[i - 1].kind == K_WORD && c->t[i - 1].cap &&
        !c->t[i - 1].w && !punct(c, i - 2, '.'))
        return 0; /* "Orion 1980": part of a name */
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_YEAR;
    m->v.y = (int)c->t[j].num;
    m->end = j + 1;
    if ((is(c, m->end, "or") || is(c, m->end, "and")) &&
        (is(c, m->end + 1, "later") || is(c, m->end + 1, "beyond") ||
         is(c, m->end + 1, "after"))) {
        m->v.mod = "ON_OR_AFTER";
        m->end += 2;
    } else if (is(c, m->end, "or") && (is(c, m->end + 1, "earlier") ||
                                       is(c, m->end + 1, "before"))) {
        m->v.mod = "ON_OR_BEFORE";
        m->end += 2;
    }
    return 1;
}

/* Spoken years: "nineteen ninety-six", "the year two thousand" */
int evg_timex__m_spoken_year(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    long a, b;
    size_t k;
    if (is(c, j, "the") && is(c, j + 1, "year"))
        j++;
    if (is(c, j, "year") && (k = evg_timex__numwords(c, j + 1, &a)) > 0 &&
        a >= 1000 &&
        a <= 2100) {
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_YEAR;
        m->v.y = (int)a;
        m->end = j + 1 + k;
        return 1;
    }
    if (!has(c, j, TX_NUM))
        return 0;
    a = val(c, j, TX_NUM);
    if (a < 11 || a > 20 || !(k = evg_timex__numwords(c, j + 1, &b)) ||
        b < 10 ||
        b > 99)
        return 0; /* "nineteen ninety-six", not "twenty six" */
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_YEAR;
    m->v.y = (int)(a * 100 + b);
    m->end = j + 1 + k;
    return 1;
}

/* "the 21st century", "the nineteenth century" */
int evg_timex__m_century(const tagger *c, size_t i, match *m)
{
    size_t j = is(c, i, "the") ? i + 1 : i;
    int n;
    size_t k = day_words(c, j, &n);
    if (!k || !is(c, j + k, "century"))
        return 0;
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_CENTURY;
    m->v.y = (n - 1) * 100;
    m->end = j + k + 1;
    return 1;
}

/* The year a quarter or half without one belongs to: the DCT's, or the
 * one before when that part of the year is still to come. */
static int period_year(const tagger *c, int gran, int k, int t)
{
    if (!c->has_dct)
        return TX_X;
    int cur = gran == TX_G_HALF ? (c->dm - 1) / 6 + 1 : (c->dm - 1) / 3 + 1;
    if (k > cur && t <= 0)
        return c->dy - 1;
    return c->dy;
}

/* "the third quarter", "third-quarter", "fiscal first quarter",
 * "the first half of 1990", "the 1988 second quarter",
 * "this year's third quarter", "the third quarter of 1990". */
int evg_timex__m_quarter(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int year = TX_X, yshift = 0, have_year = 0, det = 0;
    if (is(c, j, "the")) {
        det = 1;
        j++;
    }
    if (is(c, j, "year") && punct(c, j + 1, '-') &&
        (is(c, j + 2, "ago") || is(c, j + 2, "earlier"))) {
        yshift = -1; /* "the year-ago third quarter" */
        have_year = 3;
        j += 3;
    } else if (is_year_tok(c, j)) {
        year = (int)c->t[j].num;
        have_year = 1;
        j++;
    } else if (has(c, j, TX_REL) && is(c, j + 1, "year") &&
               i < c->n && j + 2 < c->n && c->t[j + 2].kind == K_WORD &&
               c->text[c->t[j + 2].s] != '-' &&
               tok_len(c, j + 2) <= 4 && (c->text[c->t[j + 2].s] == '\'' ||
                                         (unsigned char)c->text[c->t[j + 2].s] == 0xe2)) {
        yshift = val(c, j, TX_REL);
        have_year = 2;
        j += 3;
    }
    if (has(c, j, TX_FISCAL))
        j++;
    if (has(c, j, TX_FISCAL) || punct(c, j, '-'))
        j++;
    int k;
    int two_q = det && is(c, j + 1, "two") && is(c, j + 2, "quarters") &&
                (is(c, j, "first") ||
                 (is(c, j, "last") && is(c, j + 3, "of") &&
                  is_year_tok(c, j + 4)));
    if (two_q) {
        k = is(c, j, "first") ? 1 : 2; /* "the first two quarters": H1 */
        j++;
    } else if (has(c, j, TX_ORD))
        k = val(c, j, TX_ORD);
    else if (is(c, j, "last") && is(c, j + 1, "half"))
        k = 2;
    else
        return 0;
    j++;
    if (punct(c, j, '-')) {
        if (det)
            return 0; /* "the third-quarter results": no determiner */
        j++;
    }
    int gran;
    if (two_q)
        gran = TX_G_HALF;
    else if (is(c, j, "quarter") && k <= 4)
        gran = TX_G_QUARTER;
    else if (is(c, j, "half") && k <= 2)
        gran = TX_G_HALF;
    else
        return 0;
    j++;
    size_t e = j;
    if ((is(c, e, "of") || punct(c, e, ',')) && is_year_tok(c, e + 1)) {
        year = (int)c->t[e + 1].num;
        have_year = 1;
        j = e + 2;
    } else if ((is(c, e, "of") || is(c, e, "in")) && has(c, e + 1, TX_FISCAL) &&
               is_year_tok(c, e + 2)) {
        year = (int)c->t[e + 2].num;
        have_year = 1;
        j = e + 3;
    }
    int dec;
    size_t de = decade_tok(c, e + 2, &dec) ? e + 3
                : decade_tok(c, e + 3, &dec) ? e + 4 : 0;
    if (gran == TX_G_HALF && !have_year && is(c, e, "of") &&
        is(c, e + 1, "the") && de) {
        /* "the last half of the '80s": the decade's end */
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_DECADE;
        m->v.y = dec / 10 * 10;
        m->v.mod = k == 1 ? "START" : "END";
        m->end = de;
        return 1;
    }
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = gran;
    m->v.m = k;
    if (have_year == 2)
        m->v.y = c->has_dct ? c->dy + yshift : TX_X;
    else if (have_year == 1)
        m->v.y = year;
    else
        m->v.y = period_year(c, gran, k, evg_timex__tense(c, i, j));
    if (have_year == 3 && m->v.y != TX_X)
        m->v.y -= 1;
    m->end = j;
    return 1;
}

/* "the quarter", "the latest quarter", "the current quarter",
 * "the same period", "the latest period", "the year-ago quarter",
 * "the 1988 quarter", "the full year", "the fiscal year" */
int evg_timex__m_ref_period(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    if (!(is(c, j, "the") || is(c, j, "that")))
        return 0;
    int that = is(c, j, "that");
    j++;
    int shift = 0, cur = 0, year = TX_X;
    if (is_any(c, j, evg_timex__period_same)) {
        j++;
    } else if (is_any(c, j, evg_timex__period_current)) {
        cur = 1;
        j++;
    } else if (is_year_tok(c, j)) {
        year = (int)c->t[j].num;
        j++;
    }
    if (is(c, j, "year") && punct(c, j + 1, '-') &&
        (is(c, j + 2, "ago") || is(c, j + 2, "earlier"))) {
        shift = -1;
        j += 3;
    }
    int fiscal = has(c, j, TX_FISCAL);
    if (fiscal)
        j++;
    int gran;
    if (is(c, j, "quarter"))
        gran = TX_G_QUARTER;
    else if (is(c, j, "period") && c->has_anchor &&
             c->anchor.gran >= TX_G_YEAR && c->anchor.gran <= TX_G_MONTH)
        gran = c->anchor.gran;
    else if (is(c, j, "period") && year != TX_X)
        gran = TX_G_YEAR;
    else if (is(c, j, "period") && is(c, i + 1, "latest"))
        gran = TX_G_QUARTER; /* reports cover the quarter just ended */
    else if (is(c, j, "year") && (cur || shift || fiscal || that))
        gran = TX_G_YEAR;
    else
        return 0;
    j++;
    if (punct(c, j, '-'))
        return 0; /* "quarter-to-quarter", "quarter-century" */
    if (gran == TX_G_YEAR && !cur && !shift &&
        (is(c, j, "ended") || is(c, j, "ending"))) {
        evg_timex__val_init(&m->v, EVG_TIMEX_DURATION); /* "the year ended June 30" */
        m->v.n2 = 2;
        m->v.unit = TX_U_YEAR;
        m->end = j;
        return 1;
    }
    int latest = is(c, i + 1, "latest");
    tx_val prev;
    evg_timex__at_dct(c, &prev, TX_G_QUARTER);
    evg_timex__shift(&prev, -1);
    if (shift)
        m->anchored = 1;
    if (gran == TX_G_QUARTER && !cur && !that && c->has_topic &&
        (shift || year == c->topic.y || year == c->topic.y - 1 ||
         is(c, i + 1, "comparable") || is(c, i + 1, "corresponding") ||
         is(c, i + 1, "same")) &&
        c->topic.y >= c->dy - 1) {
        /* "the year-earlier period", "the 1988 quarter": compared with
         * the period the report is about */
        m->v = c->topic;
        m->anchored = 1;
    } else if (c->has_anchor && c->anchor.gran == gran && !cur &&
        (!c->has_dct || c->anchor.y <= c->dy) &&
        (gran != TX_G_YEAR || that) &&
        !(latest && gran == TX_G_QUARTER && c->has_dct &&
          c->anchor.y * 4 + c->anchor.m > prev.y * 4 + prev.m)) {
        m->v = c->anchor;
        m->v.mod = NULL;
        m->anchored = 1;
    } else {
        evg_timex__set_date_dct(c, m, gran, cur ||
                                gran != TX_G_QUARTER ? 0 : -1);
    }
    if (year != TX_X)
        m->v.y = year;
    if (!shift && is(c, j, "a") && is(c, j + 1, "year") &&
        (is(c, j + 2, "ago") || is(c, j + 2, "earlier"))) {
        shift = -1; /* "the quarter a year ago" */
        j += 3;
        m->anchored = 1;
    }
    match ended;
    if (gran == TX_G_QUARTER && !shift && year == TX_X && !cur &&
        (is(c, j, "ended") || is(c, j, "ending")) &&
        evg_timex__m_month(c, j + 1, &ended) && ended.v.gran == TX_G_DAY &&
        ended.v.y != TX_X) {
        /* "the quarter ended July 31": the calendar quarter most of it
         * falls in, six weeks before its last day */
        long z = evg_timex__days(ended.v.y, ended.v.m, ended.v.d) - 45;
        int y, mo, d;
        evg_timex__civil(z, &y, &mo, &d);
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        evg_timex__at(&m->v, TX_G_QUARTER, y, mo, d);
    }
    if (shift && m->v.y != TX_X)
        m->v.y -= 1;
    m->end = j;
    return 1;
}

/* The weekend meant by "the weekend" / "this weekend": the coming one in
 * future clauses, else the last one that has begun. */
static void weekend(const tagger *c, match *m, int rel, int t)
{
    evg_timex__at_dct(c, &m->v, TX_G_WEEKEND);
    if (!c->has_dct)
        return;
    int wd = evg_timex__weekday(c->dy, c->dm, c->dd);
    int shift = rel;
    if (rel == 0 && t <= 0 && wd < 6)
        shift = -1;
    else if (rel == -1 && wd >= 6)
        shift = -1;
    evg_timex__shift(&m->v, shift);
}

/* "that day", "that night", "that week": the day or period of the last
 * date mentioned. */
int evg_timex__m_that(const tagger *c, size_t i, match *m)
{
    if (!is(c, i, "that") || !c->has_anchor || !evg_timex__anchor_recent(c) ||
        c->anchor.gran < TX_G_YEAR || c->anchor.gran > TX_G_DAY)
        return 0;
    int gran, pod = 0;
    if (is(c, i + 1, "day"))
        gran = TX_G_DAY;
    else if (has(c, i + 1, TX_POD) && c->text[c->t[i + 1].e - 1] != 's')
        gran = TX_G_DAY, pod = val(c, i + 1, TX_POD);
    else if (is(c, i + 1, "week"))
        gran = TX_G_WEEK;
    else if (is(c, i + 1, "month"))
        gran = TX_G_MONTH;
    else
        return 0;
    if (c->anchor.gran != TX_G_DAY && c->anchor.gran != gran)
        return 0;
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    evg_timex__at(&m->v, gran, c->anchor.y, c->anchor.m, c->anchor.d);
    if (pod) {
        m->v.pod = pod;
        m->v.type = EVG_TIMEX_TIME;
    }
    m->anchored = 1;
    m->end = i + 2;
    return 1;
}

/* "the year", "the week", "the month" alone: the DCT's */
int evg_timex__m_the_unit(const tagger *c, size_t i, match *m)
{
    if (!is(c, i, "the") || !has(c, i + 1, TX_UNIT))
        return 0;
    int u = val(c, i + 1, TX_UNIT);
    if (tok_len(c, i + 1) > 7 || (u != TX_U_YEAR && u != TX_U_WEEK &&
                                  u != TX_U_MONTH && u != TX_U_WEEKEND))
        return 0;
    if (c->text[c->t[i + 1].e - 1] == 's' || is(c, i + 2, "of") ||
        punct(c, i + 2, '-') || has(c, i + 2, TX_AGO))
        return 0;
    if (u == TX_U_YEAR && (is(c, i + 2, "ended") || is(c, i + 2, "ending"))) {
        evg_timex__val_init(&m->v, EVG_TIMEX_DURATION); /* "the year ended June 30" */
        m->v.n2 = 2;
        m->v.unit = TX_U_YEAR;
    } else if (u == TX_U_WEEKEND) {
        weekend(c, m, 0, evg_timex__tense(c, i, i + 2));
    } else {
        evg_timex__set_date_dct(c, m, evg_timex__unit_gran(u), 0);
    }
    m->end = i + 2;
    return 1;
}

/* Most recent (dir < 0) or next (dir > 0) weekday `wd` from the DCT;
 * `same` allows the DCT itself. */
static void wday_from_dct(const tagger *c, tx_val *v, int wd, int dir,
                          int same)
{
    evg_timex__val_init(v, EVG_TIMEX_DATE);
    v->gran = TX_G_DAY;
    if (!c->has_dct) {
        v->wday = wd;
        v->gran = TX_G_DAY;
        return;
    }
    int cur = evg_timex__weekday(c->dy, c->dm, c->dd);
    long z = evg_timex__days(c->dy, c->dm, c->dd);
    int diff;
    if (dir < 0) {
        diff = (cur - wd + 7) % 7;
        if (diff == 0 && !same)
            diff = 7;
        z -= diff;
    } else {
        diff = (wd - cur + 7) % 7;
        if (diff == 0 && !same)
            diff = 7;
        z += diff;
    }
    evg_timex__civil(z, &v->y, &v->m, &v->d);
}

int evg_timex__wday_ok(const tagger *c, size_t i)
{
    if (!has(c, i, TX_WDAY) || !c->t[i].cap)
        return 0;
    if (tok_len(c, i) <= 4 && !punct(c, i + 1, '.'))
        return 0;
    /* "Sunday Times", "Monday Night Football": part of a name */
    if (i + 1 < c->n && c->t[i + 1].kind == K_WORD && c->t[i + 1].cap &&
        !c->t[i + 1].w && !(i + 2 < c->n && is(c, i + 2, "'s")))
        return 0;
    return 1;
}

static void add_pod(const tagger *c, size_t *j, tx_val *v)
{
    if (has(c, *j, TX_POD) && !is(c, *j, "overnight")) {
        v->pod = val(c, *j, TX_POD);
        v->type = EVG_TIMEX_TIME;
        (*j)++;
    }
}

/* "Thursday", "Saturday night", "last Friday", "next Monday" */
int evg_timex__m_wday(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int rel = 2;
    if (has(c, j, TX_REL) && !is(c, j, "past") && !is(c, j, "current") &&
        evg_timex__wday_ok(c, j + 1)) {
        rel = val(c, j, TX_REL);
        j++;
        if (is(c, j - 1, "this") && is(c, j, "coming"))
            rel = 1, j++;
    } else if (is(c, j, "this") && is(c, j + 1, "coming") &&
               evg_timex__wday_ok(c, j + 2)) {
        rel = 1;
        j += 2;
    } else if (is(c, j, "this") && is(c, j + 1, "past") &&
               evg_timex__wday_ok(c, j + 2)) {
        rel = -1;
        j += 2;
    }
    if (!evg_timex__wday_ok(c, j))
        return 0;
    int wd = val(c, j, TX_WDAY);
    j = evg_timex__skip_dot(c, j + 1, j);
    int t = rel == 2 ? evg_timex__tense(c, i, j) : 0;
    size_t r = is(c, i, "the") ? i + 1 : i;
    if (rel == -1 && (is(c, r, "previous") || is(c, r, "preceding")) &&
        c->has_anchor && c->anchor.gran == TX_G_DAY && !c->anchor.wday &&
        c->anchor.y != TX_X && evg_timex__anchor_recent(c)) {
        /* "down from the previous Friday": the one before the date just
         * mentioned */
        long z = evg_timex__days(c->anchor.y, c->anchor.m, c->anchor.d);
        int cur = evg_timex__weekday(c->anchor.y, c->anchor.m, c->anchor.d);
        int diff = (cur - wd + 7) % 7;
        z -= diff ? diff : 7;
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_DAY;
        evg_timex__civil(z, &m->v.y, &m->v.m, &m->v.d);
        m->anchored = 1;
    } else if (rel == -1 || (rel == 2 && t <= 0))
        wday_from_dct(c, &m->v, wd, -1, rel == 2);
    else if (rel == 1 || rel == 2)
        wday_from_dct(c, &m->v, wd, 1, rel == 2);
    else { /* this Friday: in the DCT's week */
        wday_from_dct(c, &m->v, wd, -1, 1);
        if (c->has_dct) {
            int cur = evg_timex__weekday(c->dy, c->dm, c->dd);
            if (wd > cur)
                wday_from_dct(c, &m->v, wd, 1, 1);
        }
    }
    size_t before_pod = j;
    add_pod(c, &j, &m->v);
    if (rel == 2 && j > before_pod && c->text[c->t[j - 1].e - 1] == 's') {
        /* "Tuesday nights": every one, XXXX-WXX-2TNI */
        int pod = m->v.pod;
        evg_timex__val_init(&m->v, EVG_TIMEX_SET);
        m->v.gran = TX_G_DAY;
        m->v.wday = wd;
        m->v.pod = pod;
    }
    m->end = j;
    return 1;
}

/* "today", "yesterday morning", "tonight", "tomorrow" */
int evg_timex__m_dayrel(const tagger *c, size_t i, match *m)
{
    if (!has(c, i, TX_DAYREL))
        return 0;
    if (c->t[i].cap && i >= 2 && c->t[i - 1].kind == K_WORD &&
        c->t[i - 1].cap && !c->t[i - 1].w)
        return 0; /* "This is VOA Today": a programme's name */
    size_t j = i + 1;
    evg_timex__set_date_dct(c, m, TX_G_DAY, val(c, i, TX_DAYREL));
    if (is(c, i, "tonight")) {
        m->v.pod = 4;
        m->v.type = EVG_TIMEX_TIME;
    }
    add_pod(c, &j, &m->v);
    m->end = j;
    return 1;
}

/* "this morning", "last night", "this afternoon" */
int evg_timex__m_pod(const tagger *c, size_t i, match *m)
{
    if (!(is(c, i, "this") || is(c, i, "last")) || !has(c, i + 1, TX_POD) ||
        is(c, i + 1, "overnight") ||
        c->text[c->t[i + 1].e - 1] == 's')
        return 0;
    int back = is(c, i, "last") && val(c, i + 1, TX_POD) == 4;
    evg_timex__set_date_dct(c, m, TX_G_DAY, back ? -1 : 0);
    if (is(c, i, "last") && !back)
        return 0;
    m->v.type = EVG_TIMEX_TIME;
    m->v.pod = val(c, i + 1, TX_POD);
    m->end = i + 2;
    return 1;
}

/* "(mid-)afternoon yesterday", "(early) morning": a part of day after a
 * position word, on the day named next or the DCT. */
int evg_timex__m_bare_pod(const tagger *c, size_t i, match *m)
{
    size_t b = i > 0 && punct(c, i - 1, '-') ? i - 2 : i - 1;
    if (i == 0 || b >= i || !has(c, b, TX_POS) || !has(c, i, TX_POD) ||
        is(c, i, "overnight") || c->text[c->t[i].e - 1] == 's')
        return 0;
    size_t j = i + 1;
    match day;
    if ((evg_timex__m_dayrel(c, j, &day) || evg_timex__m_wday(c, j, &day)) &&
        day.v.gran == TX_G_DAY && !day.v.pod) {
        m->v = day.v;
        j = day.end;
    } else {
        evg_timex__set_date_dct(c, m, TX_G_DAY, 0);
    }
    m->v.type = EVG_TIMEX_TIME;
    m->v.pod = val(c, i, TX_POD);
    m->end = j;
    return 1;
}

static int season_at(const tagger *c, size_t i)
{
    return has(c, i, TX_SEASON) && c->text[c->t[i].e - 1] != 's';
}

/* "this summer", "last fall", "the winter of 1994", "spring 2019" */
int evg_timex__m_season(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int rel = 2;
    int the = 0;
    if (is(c, j, "this") && is(c, j + 1, "past")) {
        rel = -1;
        j += 2;
    } else if (has(c, j, TX_REL) && !is(c, j, "current")) {
        rel = val(c, j, TX_REL);
        j++;
    } else if (is(c, j, "the")) {
        the = 1;
        j++;
    }
    int early = 0;
    if (the && (is(c, j, "early") || is(c, j, "late")))
        early = is(c, j, "early") ? 1 : 3, j++;
    if (!season_at(c, j))
        return 0;
    int s = val(c, j, TX_SEASON);
    j++;
    int year = TX_X;
    size_t k = is(c, j, "of") ? j + 1 : j;
    if (is_year_tok(c, k)) {
        year = (int)c->t[k].num;
        j = k + 1;
    } else if (is(c, j, "of") && has(c, k, TX_NUM)) {
        match sy;
        if (evg_timex__m_spoken_year(c, k, &sy)) {
            year = sy.v.y;
            j = sy.end;
        }
    }
    if (year == TX_X && rel == 2) {
        /* "fall" is also a verb and a noun: needs "the" and no "of" */
        if (!the || is(c, j, "of"))
            return 0;
    }
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_SEASON;
    m->v.m = s;
    if (year != TX_X) {
        m->v.y = year;
    } else if (c->has_dct) {
        tx_val cur;
        evg_timex__at(&cur, TX_G_SEASON, c->dy, c->dm, c->dd);
        m->v.y = cur.y;
        int t = rel == 2 ? evg_timex__tense(c, i, j) : rel;
        if (t < 0 && s >= cur.m)
            m->v.y--;
        else if (t > 0 && s < cur.m)
            m->v.y++;
    }
    if (early)
        m->v.mod = early == 1 ? "START" : "END";
    m->end = j;
    return 1;
}

/* "last week", "this year", "next month", "the past decade",
 * "the current fiscal year", "last May", "the following year" */
int evg_timex__m_rel(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int the = 0;
    if (is(c, j, "the")) {
        the = 1;
        j++;
    }
    if (!has(c, j, TX_REL))
        return 0;
    int rel = val(c, j, TX_REL);
    int from_anchor = is(c, j, "following") || is(c, j, "previous") ||
                      is(c, j, "preceding");
    if (is(c, j, "this") && the)
        return 0;
    j++;
    if (has(c, j, TX_FISCAL))
        j++;
    if (has(c, j, TX_MONTH) && c->t[j].cap && !the && tok_len(c, j) >= 3) {
        int mo = val(c, j, TX_MONTH);
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_MONTH;
        m->v.m = mo;
        if (!c->has_dct)
            m->v.y = TX_X;
        else if (rel < 0) /* "last February" said in March: a year ago */
            m->v.y = mo < c->dm - 1 ? c->dy : c->dy - 1;
        else if (rel > 0)
            m->v.y = mo > c->dm + 1 ? c->dy : c->dy + 1;
        else
            m->v.y = c->dy;
        m->end = evg_timex__skip_dot(c, j + 1, j);
        return 1;
    }
    if (!has(c, j, TX_UNIT) || c->text[c->t[j].e - 1] == 's')
        return 0;
    int u = val(c, j, TX_UNIT);
    int gran = evg_timex__unit_gran(u);
    if (gran == TX_G_TIME || gran == TX_G_HALF || !gran)
        return 0;
    j++;
    if (c->t[i].cap && c->t[j - 1].cap && i > 0 && !punct(c, i - 1, '.'))
        return 0; /* "This Week" (a programme), mid-sentence */
    if (from_anchor && c->has_anchor && c->anchor.gran == gran) {
        m->v = c->anchor;
        m->v.mod = NULL;
        evg_timex__shift(&m->v, rel);
        m->anchored = 1;
    } else if (from_anchor && c->has_anchor && gran <= TX_G_MONTH &&
               gran != TX_G_SEASON &&
               (c->anchor.gran == TX_G_MONTH || c->anchor.gran == TX_G_DAY)) {
        /* "in March 1995 ... the following year": 1996 */
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        evg_timex__at(&m->v, gran, c->anchor.y, c->anchor.m,
                      c->anchor.gran == TX_G_DAY ? c->anchor.d : 1);
        evg_timex__shift(&m->v, rel);
        m->anchored = 1;
    } else if (gran == TX_G_WEEKEND) {
        weekend(c, m, rel, evg_timex__tense(c, i, j));
    } else {
        evg_timex__set_date_dct(c, m, gran, rel);
    }
    m->end = j;
    return 1;
}

/* Moves the last date mentioned, or else the DCT, by n units. */
static void shift_from(const tagger *c, match *m, int gran, int unit, int n,
                       int anchored)
{
    int recent = anchored && evg_timex__anchor_recent(c);
    if (recent && unit == TX_U_YEAR && c->anchor.gran > TX_G_YEAR &&
        c->anchor.gran <= TX_G_MONTH && c->anchor.gran != TX_G_SEASON) {
        /* "a year earlier" after "the third quarter": that quarter */
        m->v = c->anchor;
        m->v.y += n;
        m->anchored = 1;
    } else if (recent && unit == TX_U_YEAR && n == -1 &&
               c->anchor.gran == TX_G_DAY && !c->anchor.wday &&
               c->anchor_sent == c->sent && c->anchor.y != TX_X &&
               !(c->anchor.m == 2 && c->anchor.d == 29) &&
               (!c->has_dct ||
                labs(evg_timex__days(c->anchor.y, c->anchor.m,
                                     c->anchor.d) -
                     evg_timex__days(c->dy, c->dm, c->dd)) > 7)) {
        /* "for the quarter ended Sept. 30, ... a year earlier": that day
         * (a day of the DCT's week is news of the day, not a period) */
        m->v = c->anchor;
        m->v.y += n;
        m->anchored = 1;
    } else if (recent && c->anchor.gran == gran && unit != TX_U_YEAR) {
        m->v = c->anchor;
        evg_timex__shift(&m->v, n);
        m->anchored = 1;
    } else {
        evg_timex__set_date_dct(c, m, gran, n);
        m->anchored = anchored;
    }
    m->v.mod = NULL;
}

/* "N units ago", "a year earlier", "two weeks from now", "year-earlier",
 * "months ago". Small steps from another event ("three days later") are
 * durations in TimeML; only their quantity is tagged. */
int evg_timex__m_ago(const tagger *c, size_t i, match *m)
{
    int n2 = 2, approx = 0;
    size_t j = i;
    size_t q = evg_timex__quantity(c, j, &n2, &approx);
    j += q;
    if (!has(c, j, TX_UNIT))
        return 0;
    int u = val(c, j, TX_UNIT);
    int plural = c->text[c->t[j].e - 1] == 's';
    j++;
    if (!q && punct(c, j, '-') &&
        (is(c, j + 1, "ago") || is(c, j + 1, "earlier"))) {
        j++; /* "year-earlier results" */
    } else if (!q && !(plural && is(c, j, "ago"))) {
        return 0;
    } else if (!q) {
        n2 = TX_X;
    }
    if (is(c, j, "or") && is(c, j + 1, "so")) {
        approx = 1;
        j += 2;
    }
    int dir, anchored = 1;
    if (has(c, j, TX_AGO)) {
        dir = val(c, j, TX_AGO);
        anchored = !is(c, j, "ago") && !is(c, j, "hence");
        j++;
    } else if (is(c, j, "from") && is(c, j + 1, "now")) {
        dir = 1;
        anchored = 0;
        j += 2;
    } else {
        return 0;
    }
    int gran = evg_timex__unit_gran(u);
    if (!gran || gran == TX_G_HALF)
        return 0;
    if (anchored && (dir > 0 || u < TX_U_MONTH) && !punct(c, j - 2, '-'))
        return 0; /* "three days later": m_duration tags "three days" */
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    if (n2 == TX_X) {
        m->v.gran = TX_G_REF;
        m->v.ref = dir < 0 ? 2 : 3;
    } else {
        int n = n2 / 2;
        if (gran == TX_G_DECADE || gran == TX_G_CENTURY) {
            n *= gran == TX_G_DECADE ? 10 : 100;
            gran = TX_G_YEAR;
        }
        if (gran == TX_G_TIME)
            gran = TX_G_DAY, n = 0;
        shift_from(c, m, gran, u, dir * n,
                   anchored || (u == TX_U_YEAR && n == 1));
    }
    if (approx)
        m->v.mod = "APPROX";
    m->end = j;
    return 1;
}

/* "year-end", "year end" */
int evg_timex__m_year_end(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    if (!is(c, j, "year"))
        return 0;
    j++;
    if (punct(c, j, '-') || is(c, j, "'s"))
        j++;
    if (!is(c, j, "end"))
        return 0;
    evg_timex__set_date_dct(c, m, TX_G_YEAR, 0);
    if (punct(c, i + 1, '-') && c->has_dct) {
        /* "year-end", the closing date of the books: Dec. 31; "since
         * year-end" the last one */
        int past = i > 0 && is(c, i - 1, "since");
        m->v.gran = TX_G_DAY;
        m->v.y = c->dy - past;
        m->v.m = 12;
        m->v.d = 31;
    } else {
        m->v.mod = "END";
    }
    m->end = j + 1;
    return 1;
}
