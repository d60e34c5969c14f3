/* The time tagger: finds TimeML TIMEX3 expressions (DATE, TIME, DURATION,
 * SET) in each sentence and normalizes them against the document creation
 * time, the tense of the clause and the last date mentioned. Runs after the
 * sentence splitter; its results place events on the time axis. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "timex.h"

enum { K_WORD, K_NUM, K_NUMX, K_PUNCT };

typedef struct tok {
    size_t s, e;
    const tx_word *w; /* word-list entry or NULL */
    long num;         /* value of an all-digit token, else -1 */
    unsigned char ndig;
    unsigned char kind;
    unsigned char cap; /* first letter upper case */
    char ch;           /* the character of a punctuation token */
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

static int has(const tagger *c, size_t i, int cls)
{
    return i < c->n && c->t[i].w && (c->t[i].w->cls & (1u << cls));
}

static int val(const tagger *c, size_t i, int cls)
{
    return c->t[i].w->val[cls];
}

/* Token i is the lower-case word `w` (`n` bytes), in any case. */
static int is_n(const tagger *c, size_t i, const char *w, size_t n)
{
    if (i >= c->n || c->t[i].kind != K_WORD || c->t[i].e - c->t[i].s != n)
        return 0;
    const char *s = c->text + c->t[i].s;
    for (size_t k = 0; k < n; k++)
        if (tolower((unsigned char)s[k]) != w[k])
            return 0;
    return 1;
}

static int is_str(const tagger *c, size_t i, const char *w)
{
    return is_n(c, i, w, strlen(w));
}

/* `w` must be a string literal. */
#define is(c, i, w) is_n((c), (i), "" w, sizeof(w) - 1)

static int punct(const tagger *c, size_t i, char ch)
{
    return i < c->n && c->t[i].kind == K_PUNCT && c->t[i].ch == ch;
}

static int is_num(const tagger *c, size_t i, long lo, long hi)
{
    return i < c->n && c->t[i].kind == K_NUM && c->t[i].num >= lo &&
           c->t[i].num <= hi;
}

static size_t tok_len(const tagger *c, size_t i)
{
    return c->t[i].e - c->t[i].s;
}

static int push_tok(tagger *c, size_t s, size_t e, unsigned char kind)
{
    if (evg_reserve(&c->t, &c->cap, c->n + 1, sizeof(*c->t), 256))
        return EVG_ENOMEM;
    tok *t = &c->t[c->n++];
    const char *p = c->text + s;
    memset(t, 0, sizeof(*t));
    t->s = s;
    t->e = e;
    t->num = -1;
    t->kind = kind;
    t->cap = isupper((unsigned char)p[0]) != 0;
    if (kind == K_PUNCT) {
        t->ch = p[0];
    } else if (kind == K_NUM) {
        size_t n = e - s, k = 0;
        long v = 0;
        while (k < n && k < 9 && isdigit((unsigned char)p[k]))
            v = v * 10 + (p[k++] - '0');
        if (k == n) {
            t->num = v;
            t->ndig = (unsigned char)k;
        } else {
            t->kind = K_NUMX;
        }
    } else {
        t->w = evg_timex__lookup(p, e - s);
    }
    return 0;
}

/* ---- scanning: the tagger's own tokenizer, tuned for speed ---- */

static int is_alpha(unsigned char ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

static int is_digit(unsigned char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Bytes of the UTF-8 character starting with `ch`. */
static size_t char_len(unsigned char ch)
{
    return ch < 0xc0 ? 1 : ch < 0xe0 ? 2 : ch < 0xf0 ? 3 : 4;
}

/* Non-ASCII characters that are spaces or punctuation, not letters:
 * U+00A0..U+00BF (no-break space, symbols) and U+2000..U+206F (spaces,
 * dashes, quotes). */
static int is_punct_utf8(const unsigned char *s, size_t i, size_t end)
{
    if (s[i] == 0xc2 && i + 1 < end && s[i + 1] >= 0xa0)
        return 1;
    if (s[i] == 0xe2 && i + 1 < end && (s[i + 1] == 0x80 || s[i + 1] == 0x81))
        return 1;
    return s[i] == 0xc3 && i + 1 < end && (s[i + 1] == 0x97 || s[i + 1] == 0xb7);
}

static int word_byte(const unsigned char *s, size_t i, size_t end)
{
    return is_alpha(s[i]) || is_digit(s[i]) ||
           (s[i] >= 0x80 && !is_punct_utf8(s, i, end));
}

/* An apostrophe (' or U+2019) at i: its length, else 0. */
static size_t apostrophe(const unsigned char *s, size_t i, size_t end)
{
    if (s[i] == '\'')
        return 1;
    if (s[i] == 0xe2 && i + 2 < end && s[i + 1] == 0x80 && s[i + 2] == 0x99)
        return 3;
    return 0;
}

/* "90", "2019-05-23", "5/23/2019", "1,500", "15:00", "1990s", "3rd". */
static size_t scan_number(const unsigned char *s, size_t i, size_t end)
{
    while (i < end) {
        if (is_digit(s[i])) {
            i++;
        } else if ((s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '/' ||
                    s[i] == '-') &&
                   i + 1 < end && is_digit(s[i + 1])) {
            i++;
        } else {
            while (i < end && is_alpha(s[i]))
                i++;
            break;
        }
    }
    return i;
}

/* A word up to a hyphen, space or punctuation: letters, inner apostrophes
 * ("o'clock", "won't", but not a possessive 's) and the dots of "p.m." and
 * "U.S.". */
static size_t scan_word(const unsigned char *s, size_t i, size_t end)
{
    size_t seg = i;
    int dotted = 0;
    while (i < end) {
        size_t al;
        if (word_byte(s, i, end)) {
            i += s[i] < 0x80 ? 1 : char_len(s[i]);
        } else if ((al = apostrophe(s, i, end)) && i + al < end &&
                   word_byte(s, i + al, end) &&
                   !((s[i + al] | 0x20) == 's' &&
                     (i + al + 1 >= end || !word_byte(s, i + al + 1, end)))) {
            i += al;
        } else if (s[i] == '.' && i - seg == 1 && is_alpha(s[i - 1])) {
            /* single letters joined by dots */
            if (i + 1 < end && is_alpha(s[i + 1]) &&
                (dotted || (i + 2 < end && s[i + 2] == '.'))) {
                dotted = 1;
                seg = ++i;
            } else {
                i += dotted;
                break;
            }
        } else {
            break;
        }
    }
    return i > end ? end : i;
}

/* Tokens of text[start, end): words split at hyphens ("third", "-",
 * "quarter"), numbers, possessive 's, one token per punctuation
 * character. */
static int scan(tagger *c, size_t start, size_t end)
{
    const unsigned char *s = (const unsigned char *)c->text;
    size_t i = start;
    while (i < end) {
        unsigned char ch = s[i];
        size_t j, al;
        int rc;
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' ||
            ch == '\f' || ch == '\v') {
            i++;
            continue;
        }
        if (is_digit(ch)) {
            j = scan_number(s, i, end);
            rc = push_tok(c, i, j, K_NUM);
        } else if (word_byte(s, i, end)) {
            j = scan_word(s, i, end);
            rc = push_tok(c, i, j, K_WORD);
        } else if ((al = apostrophe(s, i, end)) && i + al < end &&
                   (s[i + al] | 0x20) == 's' &&
                   (i + al + 1 >= end || !word_byte(s, i + al + 1, end)) &&
                   c->n && c->t[c->n - 1].e == i) {
            j = i + al + 1; /* possessive 's */
            rc = push_tok(c, i, j, K_WORD);
        } else {
            j = i + char_len(ch);
            if (j > end)
                j = end;
            if (ch == 0xc2 && j == i + 2 && s[i + 1] == 0xa0) {
                i = j; /* no-break space */
                continue;
            }
            rc = push_tok(c, i, j, K_PUNCT);
        }
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

/* ---- values ---- */

static void val_init(tx_val *v, int type)
{
    memset(v, 0, sizeof(*v));
    v->type = type;
    v->hh = v->mi = -1;
    v->y = v->m = v->d = TX_X;
}

/* The period of granularity `gran` holding the DCT (X when unknown). */
static void at_dct(const tagger *c, tx_val *v, int gran)
{
    val_init(v, EVG_TIMEX_DATE);
    if (c->has_dct) {
        evg_timex__at(v, gran, c->dy, c->dm, c->dd);
    } else {
        v->gran = gran;
        v->y = v->m = v->d = TX_X;
    }
}

static int unit_gran(int unit)
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
static int tense(const tagger *c, size_t a, size_t b)
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
static int anchor_recent(const tagger *c)
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
static size_t numwords(const tagger *c, size_t i, long *out)
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
static size_t quantity(const tagger *c, size_t i, int *n2, int *approx)
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
    if ((k = numwords(c, i, &v)) > 0 && v < 1000000) {
        *n2 = (int)v * 2;
        return k;
    }
    return 0;
}

/* ---- matchers: each tries at token i and fills m on success ---- */

static void set_date_dct(const tagger *c, match *m, int gran, int shift)
{
    at_dct(c, &m->v, gran);
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
    if (i > 0 && (is(c, i - 1, "no") || is(c, i - 1, "number") ||
                  is(c, i - 1, "flight") || is(c, i - 1, "route") ||
                  is(c, i - 1, "room") || is(c, i - 1, "page")))
        return 0;
    if (i + 1 < c->n) {
        const tok *nx = &c->t[i + 1];
        if (nx->kind == K_PUNCT && strchr("%$", nx->ch))
            return 0;
        if (nx->kind == K_NUM || nx->kind == K_NUMX)
            return 0;
        if (is(c, i + 1, "percent") || is(c, i + 1, "million") ||
            is(c, i + 1, "billion") || is(c, i + 1, "people") ||
            is(c, i + 1, "shares") || is(c, i + 1, "dollars") ||
            is(c, i + 1, "votes") || is(c, i + 1, "tons") ||
            is(c, i + 1, "feet") || is(c, i + 1, "meters") ||
            is(c, i + 1, "miles"))
            return 0;
    }
    return cue || (y >= 1800 && y <= 2100);
}

static size_t skip_dot(const tagger *c, size_t i, size_t word)
{
    /* the dot of "Sept." belongs to the abbreviation, not that of "May." */
    static const char *const full[] = {"may", "june", "july", NULL};
    for (int k = 0; full[k]; k++)
        if (is_str(c, word, full[k]))
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
    if (has(c, i, TX_ORD) && val(c, i, TX_ORD) <= 31) {
        int d = val(c, i, TX_ORD);
        /* "twenty-first" */
        return d;
    }
    return 0;
}

/* Words before a bare month name that make it a month, not the modal
 * "may" or the verb "march". */
static int month_cue(const tagger *c, size_t i)
{
    static const char *const cues[] = {
        "in",    "since",  "until",   "till",   "by",     "from",   "to",
        "through", "last", "this",    "next",   "early",  "late",   "mid",
        "of",    "during", "before",  "after",  "between", "and",   "or",
        "end",   "beginning", "middle", "for",  "between", "around", NULL};
    if (i == 0)
        return 0;
    if (punct(c, i - 1, '-') && i >= 2 && is(c, i - 2, "mid"))
        return 1;
    for (int k = 0; cues[k]; k++)
        if (is_str(c, i - 1, cues[k]))
            return 1;
    return 0;
}

static int month_word_ok(const tagger *c, size_t i)
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

static int m_spoken_year(const tagger *c, size_t i, match *m);

/* "May 23, 2019", "23 May 2019", "Sept. 30", "May 2019", "Thursday, May 23",
 * "March eighth", and a bare month name where the context allows. */
static int m_month(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int wd = 0;
    if (is(c, j, "this") && is(c, j + 1, "coming"))
        j += 2;
    else if (is(c, j, "last") || is(c, j, "next"))
        j++;
    if (has(c, j, TX_WDAY) && c->t[j].cap) {
        size_t k = punct(c, j + 1, ',') ? j + 2 : j + 1;
        if (month_word_ok(c, k) || day_num(c, k)) {
            wd = 1;
            j = k;
        }
    }
    if (!wd)
        j = i;
    int day = 0, month = 0, year = TX_X;
    size_t mtok;
    if (day_num(c, j) && month_word_ok(c, j + 1) &&
        c->t[j].kind != K_WORD) {
        day = day_num(c, j);
        mtok = j + 1;
        month = val(c, mtok, TX_MONTH);
        j = skip_dot(c, j + 2, mtok);
    } else if (is(c, j, "the") && day_num(c, j + 1) && is(c, j + 2, "of") &&
               month_word_ok(c, j + 3)) {
        day = day_num(c, j + 1);
        mtok = j + 3;
        month = val(c, mtok, TX_MONTH);
        j = skip_dot(c, j + 4, mtok);
    } else if (month_word_ok(c, j)) {
        mtok = j;
        month = val(c, j, TX_MONTH);
        j = skip_dot(c, j + 1, mtok);
        size_t k = j;
        int dn = day_num(c, k);
        if (dn && !(c->t[k].kind == K_NUM && c->t[k].ndig == 4)) {
            day = dn;
            j = k + 1;
            if (has(c, k, TX_NUM) && punct(c, k + 1, '-') &&
                day_num(c, k + 2))
                day += day_num(c, k + 2), j = k + 3; /* twenty-first */
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
    } else if (m_spoken_year(c, k, &sy)) {
        year = sy.v.y;
        j = sy.end;
    }
    if (!day && year == TX_X && !wd) {
        /* bare month: needs a cue, and "May"/"March" need one before */
        if (!month_cue(c, i) &&
            (month == 5 || month == 3 || i == 0 || c->t[i].s == 0))
            return 0;
        if (!month_cue(c, i) && (is(c, j, "of") || is(c, j, "to")))
            return 0;
    }
    val_init(&m->v, EVG_TIMEX_DATE);
    int t = tense(c, i, j);
    if (year == TX_X)
        year = day ? infer_year(c, month, day, t, 0)
                   : infer_year(c, month, 0, t, 0);
    m->v.gran = day ? TX_G_DAY : TX_G_MONTH;
    m->v.y = year;
    m->v.m = month;
    m->v.d = day ? day : TX_X;
    m->end = j;
    return 1;
}

/* "2019-05-23", "5/23/2019", "05/23/19" */
static int m_numeric_date(const tagger *c, size_t i, match *m)
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
    val_init(&m->v, EVG_TIMEX_DATE);
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

static int m_year(const tagger *c, size_t i, match *m)
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
        val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_DECADE;
        m->v.y = dec;
        m->end = j + 1;
        return 1;
    }
    static const char *const decades[] = {"twenties", "thirties", "forties",
                                          "fifties",  "sixties",  "seventies",
                                          "eighties", "nineties", NULL};
    for (int k = 0; decades[k] && is(c, j, "the"); k++) {
        if (!is_str(c, j + 1, decades[k]))
            continue;
        int cent = c->has_dct ? c->dy / 100 * 100 : 1900;
        int y = cent + 20 + 10 * k;
        if (c->has_dct && y > c->dy)
            y -= 100; /* "the nineties" said in 2019 */
        val_init(&m->v, EVG_TIMEX_DATE);
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
    val_init(&m->v, EVG_TIMEX_DATE);
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
static int m_spoken_year(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    long a, b;
    size_t k;
    if (is(c, j, "the") && is(c, j + 1, "year"))
        j++;
    if (is(c, j, "year") && (k = numwords(c, j + 1, &a)) > 0 && a >= 1000 &&
        a <= 2100) {
        val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_YEAR;
        m->v.y = (int)a;
        m->end = j + 1 + k;
        return 1;
    }
    if (!has(c, j, TX_NUM))
        return 0;
    a = val(c, j, TX_NUM);
    if (a < 11 || a > 20 || !(k = numwords(c, j + 1, &b)) || b < 10 ||
        b > 99)
        return 0; /* "nineteen ninety-six", not "twenty six" */
    val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_YEAR;
    m->v.y = (int)(a * 100 + b);
    m->end = j + 1 + k;
    return 1;
}

/* "the 21st century", "the nineteenth century" */
static int m_century(const tagger *c, size_t i, match *m)
{
    size_t j = is(c, i, "the") ? i + 1 : i;
    int n = day_num(c, j);
    if (!n || !is(c, j + 1, "century"))
        return 0;
    val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_CENTURY;
    m->v.y = (n - 1) * 100;
    m->end = j + 2;
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
static int m_quarter(const tagger *c, size_t i, match *m)
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
        val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_DECADE;
        m->v.y = dec / 10 * 10;
        m->v.mod = k == 1 ? "START" : "END";
        m->end = de;
        return 1;
    }
    val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = gran;
    m->v.m = k;
    if (have_year == 2)
        m->v.y = c->has_dct ? c->dy + yshift : TX_X;
    else if (have_year == 1)
        m->v.y = year;
    else
        m->v.y = period_year(c, gran, k, tense(c, i, j));
    if (have_year == 3 && m->v.y != TX_X)
        m->v.y -= 1;
    m->end = j;
    return 1;
}

/* "the quarter", "the latest quarter", "the current quarter",
 * "the same period", "the latest period", "the year-ago quarter",
 * "the 1988 quarter", "the full year", "the fiscal year" */
static int m_ref_period(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    if (!(is(c, j, "the") || is(c, j, "that")))
        return 0;
    int that = is(c, j, "that");
    j++;
    int shift = 0, cur = 0, year = TX_X;
    if (is(c, j, "latest") || is(c, j, "same") || is(c, j, "recent") ||
        is(c, j, "comparable") || is(c, j, "corresponding")) {
        j++;
    } else if (is(c, j, "current") || is(c, j, "present") ||
               is(c, j, "full") || is(c, j, "entire") || is(c, j, "whole")) {
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
        val_init(&m->v, EVG_TIMEX_DURATION); /* "the year ended June 30" */
        m->v.n2 = 2;
        m->v.unit = TX_U_YEAR;
        m->end = j;
        return 1;
    }
    int latest = is(c, i + 1, "latest");
    tx_val prev;
    at_dct(c, &prev, TX_G_QUARTER);
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
        set_date_dct(c, m, gran, cur || gran != TX_G_QUARTER ? 0 : -1);
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
        m_month(c, j + 1, &ended) && ended.v.gran == TX_G_DAY &&
        ended.v.y != TX_X) {
        /* "the quarter ended July 31": the calendar quarter most of it
         * falls in, six weeks before its last day */
        long z = evg_timex__days(ended.v.y, ended.v.m, ended.v.d) - 45;
        int y, mo, d;
        evg_timex__civil(z, &y, &mo, &d);
        val_init(&m->v, EVG_TIMEX_DATE);
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
    at_dct(c, &m->v, TX_G_WEEKEND);
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
static int m_that(const tagger *c, size_t i, match *m)
{
    if (!is(c, i, "that") || !c->has_anchor || !anchor_recent(c) ||
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
    val_init(&m->v, EVG_TIMEX_DATE);
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
static int m_the_unit(const tagger *c, size_t i, match *m)
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
        val_init(&m->v, EVG_TIMEX_DURATION); /* "the year ended June 30" */
        m->v.n2 = 2;
        m->v.unit = TX_U_YEAR;
    } else if (u == TX_U_WEEKEND) {
        weekend(c, m, 0, tense(c, i, i + 2));
    } else {
        set_date_dct(c, m, unit_gran(u), 0);
    }
    m->end = i + 2;
    return 1;
}

/* Most recent (dir < 0) or next (dir > 0) weekday `wd` from the DCT;
 * `same` allows the DCT itself. */
static void wday_from_dct(const tagger *c, tx_val *v, int wd, int dir,
                          int same)
{
    val_init(v, EVG_TIMEX_DATE);
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

static int wday_ok(const tagger *c, size_t i)
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
static int m_wday(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int rel = 2;
    if (has(c, j, TX_REL) && !is(c, j, "past") && !is(c, j, "current") &&
        wday_ok(c, j + 1)) {
        rel = val(c, j, TX_REL);
        j++;
        if (is(c, j - 1, "this") && is(c, j, "coming"))
            rel = 1, j++;
    } else if (is(c, j, "this") && is(c, j + 1, "coming") &&
               wday_ok(c, j + 2)) {
        rel = 1;
        j += 2;
    } else if (is(c, j, "this") && is(c, j + 1, "past") &&
               wday_ok(c, j + 2)) {
        rel = -1;
        j += 2;
    }
    if (!wday_ok(c, j))
        return 0;
    int wd = val(c, j, TX_WDAY);
    j = skip_dot(c, j + 1, j);
    int t = rel == 2 ? tense(c, i, j) : 0;
    size_t r = is(c, i, "the") ? i + 1 : i;
    if (rel == -1 && (is(c, r, "previous") || is(c, r, "preceding")) &&
        c->has_anchor && c->anchor.gran == TX_G_DAY && !c->anchor.wday &&
        c->anchor.y != TX_X && anchor_recent(c)) {
        /* "down from the previous Friday": the one before the date just
         * mentioned */
        long z = evg_timex__days(c->anchor.y, c->anchor.m, c->anchor.d);
        int cur = evg_timex__weekday(c->anchor.y, c->anchor.m, c->anchor.d);
        int diff = (cur - wd + 7) % 7;
        z -= diff ? diff : 7;
        val_init(&m->v, EVG_TIMEX_DATE);
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
        val_init(&m->v, EVG_TIMEX_SET);
        m->v.gran = TX_G_DAY;
        m->v.wday = wd;
        m->v.pod = pod;
    }
    m->end = j;
    return 1;
}

/* "today", "yesterday morning", "tonight", "tomorrow" */
static int m_dayrel(const tagger *c, size_t i, match *m)
{
    if (!has(c, i, TX_DAYREL))
        return 0;
    if (c->t[i].cap && i >= 2 && c->t[i - 1].kind == K_WORD &&
        c->t[i - 1].cap && !c->t[i - 1].w)
        return 0; /* "This is VOA Today": a programme's name */
    size_t j = i + 1;
    set_date_dct(c, m, TX_G_DAY, val(c, i, TX_DAYREL));
    if (is(c, i, "tonight")) {
        m->v.pod = 4;
        m->v.type = EVG_TIMEX_TIME;
    }
    add_pod(c, &j, &m->v);
    m->end = j;
    return 1;
}

/* "this morning", "last night", "this afternoon" */
static int m_pod(const tagger *c, size_t i, match *m)
{
    if (!(is(c, i, "this") || is(c, i, "last")) || !has(c, i + 1, TX_POD) ||
        is(c, i + 1, "overnight") ||
        c->text[c->t[i + 1].e - 1] == 's')
        return 0;
    int back = is(c, i, "last") && val(c, i + 1, TX_POD) == 4;
    set_date_dct(c, m, TX_G_DAY, back ? -1 : 0);
    if (is(c, i, "last") && !back)
        return 0;
    m->v.type = EVG_TIMEX_TIME;
    m->v.pod = val(c, i + 1, TX_POD);
    m->end = i + 2;
    return 1;
}

/* "(mid-)afternoon yesterday", "(early) morning": a part of day after a
 * position word, on the day named next or the DCT. */
static int m_bare_pod(const tagger *c, size_t i, match *m)
{
    size_t b = i > 0 && punct(c, i - 1, '-') ? i - 2 : i - 1;
    if (i == 0 || b >= i || !has(c, b, TX_POS) || !has(c, i, TX_POD) ||
        is(c, i, "overnight") || c->text[c->t[i].e - 1] == 's')
        return 0;
    size_t j = i + 1;
    match day;
    if ((m_dayrel(c, j, &day) || m_wday(c, j, &day)) &&
        day.v.gran == TX_G_DAY && !day.v.pod) {
        m->v = day.v;
        j = day.end;
    } else {
        set_date_dct(c, m, TX_G_DAY, 0);
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
static int m_season(const tagger *c, size_t i, match *m)
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
        if (m_spoken_year(c, k, &sy)) {
            year = sy.v.y;
            j = sy.end;
        }
    }
    if (year == TX_X && rel == 2) {
        /* "fall" is also a verb and a noun: needs "the" and no "of" */
        if (!the || is(c, j, "of"))
            return 0;
    }
    val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_SEASON;
    m->v.m = s;
    if (year != TX_X) {
        m->v.y = year;
    } else if (c->has_dct) {
        tx_val cur;
        evg_timex__at(&cur, TX_G_SEASON, c->dy, c->dm, c->dd);
        m->v.y = cur.y;
        int t = rel == 2 ? tense(c, i, j) : rel;
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
static int m_rel(const tagger *c, size_t i, match *m)
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
        val_init(&m->v, EVG_TIMEX_DATE);
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
        m->end = skip_dot(c, j + 1, j);
        return 1;
    }
    if (!has(c, j, TX_UNIT) || c->text[c->t[j].e - 1] == 's')
        return 0;
    int u = val(c, j, TX_UNIT);
    int gran = unit_gran(u);
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
        val_init(&m->v, EVG_TIMEX_DATE);
        evg_timex__at(&m->v, gran, c->anchor.y, c->anchor.m,
                      c->anchor.gran == TX_G_DAY ? c->anchor.d : 1);
        evg_timex__shift(&m->v, rel);
        m->anchored = 1;
    } else if (gran == TX_G_WEEKEND) {
        weekend(c, m, rel, tense(c, i, j));
    } else {
        set_date_dct(c, m, gran, rel);
    }
    m->end = j;
    return 1;
}

/* Moves the last date mentioned, or else the DCT, by n units. */
static void shift_from(const tagger *c, match *m, int gran, int unit, int n,
                       int anchored)
{
    int recent = anchored && anchor_recent(c);
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
        set_date_dct(c, m, gran, n);
        m->anchored = anchored;
    }
    m->v.mod = NULL;
}

/* "N units ago", "a year earlier", "two weeks from now", "year-earlier",
 * "months ago". Small steps from another event ("three days later") are
 * durations in TimeML; only their quantity is tagged. */
static int m_ago(const tagger *c, size_t i, match *m)
{
    int n2 = 2, approx = 0;
    size_t j = i;
    size_t q = quantity(c, j, &n2, &approx);
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
    int gran = unit_gran(u);
    if (!gran || gran == TX_G_HALF)
        return 0;
    if (anchored && (dir > 0 || u < TX_U_MONTH) && !punct(c, j - 2, '-'))
        return 0; /* "three days later": m_duration tags "three days" */
    val_init(&m->v, EVG_TIMEX_DATE);
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
static int m_year_end(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    if (!is(c, j, "year"))
        return 0;
    j++;
    if (punct(c, j, '-') || is(c, j, "'s"))
        j++;
    if (!is(c, j, "end"))
        return 0;
    set_date_dct(c, m, TX_G_YEAR, 0);
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

/* A word that can follow an adverb but not an adjective: "rise 8.5%
 * annually through 1992" vs "quarterly dividend". */
static int function_word(const tagger *c, size_t i)
{
    static const char *const w[] = {"in",   "on",    "at",      "by",
                                    "for",  "since", "through", "until",
                                    "and",  "or",    "to",      "from",
                                    "with", "over",  "as",      "but",
                                    "after", "before", "during", NULL};
    if (i >= c->n || c->t[i].kind == K_PUNCT)
        return 1;
    for (int k = 0; w[k]; k++)
        if (is_str(c, i, w[k]))
            return 1;
    return 0;
}

/* "seats a week", "$1.76 a year": a rate, not a duration. */
static int rate_before(const tagger *c, size_t i)
{
    if (i == 0)
        return 0;
    const tok *p = &c->t[i - 1];
    if (p->kind == K_NUM || p->kind == K_NUMX ||
        (p->kind == K_PUNCT && p->ch == '%'))
        return 1;
    if (is(c, i - 1, "million") || is(c, i - 1, "billion") ||
        is(c, i - 1, "thousand") || is(c, i - 1, "percent"))
        return 1;
    if (p->kind != K_WORD || p->w || p->e - p->s < 4)
        return 0;
    const char *w = c->text + p->s;
    size_t n = p->e - p->s;
    return w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
           w[n - 2] != 'i';
}

/* Durations: "90 days", "two years", "half an hour", "several months",
 * "the past two months", "the first nine months", "five-year",
 * "another 90 days", "a minute and a half". */
static int m_duration(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int n2 = 2, approx = 0, det = 0;
    if (is(c, i, "one") && is(c, i + 1, "day") && i > 0 &&
        (is(c, i - 1, "will") || is(c, i - 1, "would") ||
         is(c, i - 1, "could") || is(c, i - 1, "might") ||
         is(c, i - 1, "may") || is(c, i - 1, "can"))) {
        val_init(&m->v, EVG_TIMEX_DATE); /* "will one day be": some day */
        m->v.gran = TX_G_REF;
        m->v.ref = 3;
        m->end = i + 2;
        return 1;
    }
    if (is(c, j, "the")) {
        det = 1;
        j++;
        if (has(c, j, TX_REL) || is(c, j, "first") || is(c, j, "latest") ||
            is(c, j, "final") || is(c, j, "last"))
            j++;
    } else if (is(c, j, "another") || is(c, j, "additional")) {
        j++;
    } else if (is(c, j, "an") && is(c, j + 1, "additional")) {
        j += 2;
        goto unit;
    }
    size_t q = quantity(c, j, &n2, &approx);
    if (!q)
        return 0;
    if (q == 1 && (is(c, j, "a") || is(c, j, "an")) && rate_before(c, j))
        return 0;
    if (q == 1 && c->t[j].kind == K_NUM && c->t[j].ndig == 4 &&
        c->t[j].num >= 1000)
        return 0; /* "the 1988 quarter" */
    j += q;
    if (is(c, j, "more") || is(c, j, "additional") || is(c, j, "full") ||
        is(c, j, "straight") || is(c, j, "consecutive"))
        j++;
unit:
    if (punct(c, j, '-')) {
        if (det)
            return 0; /* "the five-year plan": the adjective alone */
        j++;
    }
    if (is(c, j, "trading") || is(c, j, "business") || is(c, j, "working") ||
        is(c, j, "calendar"))
        j++;
    if (!has(c, j, TX_UNIT) || is(c, j, "weekend") || is(c, j, "weekends") ||
        is(c, j, "half") || is(c, j, "halves"))
        return 0;
    int u = val(c, j, TX_UNIT);
    j++;
    if (u == TX_U_SEC && n2 == 2 && !function_word(c, j) &&
        !has(c, j, TX_AGO))
        return 0; /* "a second group" */
    int hyph_old = punct(c, j, '-') && is(c, j + 1, "old") &&
                   punct(c, j - 2, '-') && u != TX_U_YEAR &&
                   u != TX_U_DECADE;
    if (hyph_old) {
        j += 2; /* "an 8-month-old truce": its age (not a person's years) */
    } else if ((punct(c, j, '-') && has(c, j + 1, TX_AGO)) ||
               is(c, j, "old") ||
               (punct(c, j, '-') && is(c, j + 1, "old")) ||
               (u == TX_U_QUARTER && is(c, j, "of"))) {
        return 0; /* "year-earlier", "37 years old", "three-quarters of" */
    }
    if (is(c, j, "and") && is(c, j + 1, "a") && is(c, j + 2, "half") &&
        n2 != TX_X) {
        n2 += 1;
        j += 3;
    }
    if (is(c, j, "or") && is(c, j + 1, "so")) {
        approx = 1;
        j += 2;
    }
    int gran = unit_gran(u);
    if (i > 0 && is(c, i - 1, "in") && !det && n2 != TX_X && n2 % 2 == 0 &&
        !is(c, i, "a") && !is(c, i, "an") &&
        gran >= TX_G_YEAR && gran <= TX_G_DAY && gran != TX_G_WEEKEND &&
        c->has_dct && tense(c, i, j) > 0) {
        /* "will be redeemed in five years": the date it points to */
        set_date_dct(c, m, gran, n2 / 2);
        m->anchored = 1;
    } else {
        val_init(&m->v, EVG_TIMEX_DURATION);
        m->v.n2 = n2;
        m->v.unit = u;
    }
    if (approx)
        m->v.mod = "APPROX";
    m->end = j;
    return 1;
}

/* "weeks", "years" alone after "for", "in", "within", "over": a vague
 * duration; "recent years" and "coming months" point to the past or
 * future. */
static int m_bare_units(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int ref = 0;
    if (is(c, j, "recent") || is(c, j, "past")) {
        ref = 2;
        j++;
    } else if (is(c, j, "coming") || is(c, j, "future")) {
        ref = 3;
        j++;
    } else if (i == 0 || !(is(c, i - 1, "for") || is(c, i - 1, "within") ||
                           is(c, i - 1, "over") || is(c, i - 1, "in"))) {
        return 0;
    }
    int ahead = 0;
    if (!ref && is(c, j, "the") && is(c, j + 2, "ahead")) {
        ahead = 1; /* "in the weeks ahead": a vague duration */
        j++;
    } else if (!ref && is(c, j, "the") && is(c, i - 1, "over") &&
               !is(c, j + 2, "of") && !is(c, j + 2, "since")) {
        j++; /* "over the years" */
    }
    if (!has(c, j, TX_UNIT) || c->text[c->t[j].e - 1] != 's' ||
        is(c, j + 1, "of") || is(c, j + 1, "ago") || is(c, j, "weekends") ||
        is(c, j, "seconds") || is(c, j, "halves"))
        return 0;
    int u = val(c, j, TX_UNIT);
    if (ref == 2 && u != TX_U_YEAR && u != TX_U_DAY && u != TX_U_DECADE)
        ref = 0; /* "recent months": a vague duration; "recent years" */
    if (ref) {
        val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_REF;
        m->v.ref = ref;
    } else {
        val_init(&m->v, EVG_TIMEX_DURATION);
        m->v.n2 = TX_X;
        m->v.unit = u;
    }
    m->end = j + 1 + ahead;
    return 1;
}

/* Clock times: "3 p.m.", "15:00 GMT", "noon", "10 p.m. Wednesday" */
static int clock_time(const tagger *c, size_t i, int *hh, int *mi,
                      size_t *end)
{
    size_t j = i;
    *mi = 0;
    if (has(c, j, TX_CLOCK)) {
        *hh = val(c, j, TX_CLOCK);
        *end = j + 1;
        return 1;
    }
    if (i < c->n && c->t[i].kind == K_NUMX) {
        const char *p = c->text + c->t[i].s;
        char *e;
        long h = strtol(p, &e, 10);
        if (*e == ':' && isdigit((unsigned char)e[1])) {
            long mm = strtol(e + 1, &e, 10);
            if (h > 23 || mm > 59 || e != c->text + c->t[i].e)
                return 0;
            *hh = (int)h;
            *mi = (int)mm;
            j++;
            if (has(c, j, TX_AMPM)) {
                if (*hh < 12)
                    *hh += val(c, j, TX_AMPM);
                j++;
            } else if (!has(c, j, TX_TZ) &&
                       !(i > 0 && (is(c, i - 1, "at") || is(c, i - 1, "by") ||
                                   is(c, i - 1, "until")))) {
                return 0;
            }
            *end = j;
            return 1;
        }
        /* "5pm" */
        if ((strncasecmp(e, "pm", 2) == 0 || strncasecmp(e, "am", 2) == 0) &&
            e + 2 == c->text + c->t[i].e && h >= 1 && h <= 12) {
            *hh = (int)(h % 12) + (tolower((unsigned char)e[0]) == 'p' ? 12 : 0);
            *end = j + 1;
            return 1;
        }
        return 0;
    }
    if (is_num(c, j, 1, 12) && has(c, j + 1, TX_AMPM)) {
        *hh = (int)(c->t[j].num % 12) + val(c, j + 1, TX_AMPM);
        *end = j + 2;
        return 1;
    }
    if (is_num(c, j, 1, 12) && is(c, j + 1, "o'clock")) {
        *hh = (int)c->t[j].num;
        *end = j + 2;
        return 1;
    }
    return 0;
}

static int m_time(const tagger *c, size_t i, match *m)
{
    int hh, mi;
    size_t j;
    if (!clock_time(c, i, &hh, &mi, &j))
        return 0;
    /* "noon" alone */
    if (has(c, j, TX_TZ))
        j++;
    match day;
    /* "5 p.m. EST, Nov. 6", "10 a.m. on Friday" */
    size_t k = is(c, j, "on") || (punct(c, j, ',') && month_word_ok(c, j + 1))
                   ? j + 1
                   : j;
    if (m_wday(c, k, &day) || m_dayrel(c, k, &day) || m_month(c, k, &day)) {
        if (day.v.gran != TX_G_DAY)
            day.end = 0;
    } else {
        day.end = 0;
    }
    if (day.end && k == j + 1 && !is(c, j, "on") && !punct(c, j, ','))
        day.end = 0;
    if (day.end) {
        m->v = day.v;
        j = day.end;
    } else {
        set_date_dct(c, m, TX_G_DAY, 0);
    }
    m->v.type = EVG_TIMEX_TIME;
    m->v.gran = TX_G_TIME;
    m->v.pod = 0;
    m->v.hh = hh;
    m->v.mi = mi;
    m->end = j;
    return 1;
}

/* PRESENT_REF, PAST_REF, FUTURE_REF: "now", "recently", "the past",
 * "the future", "these days", "current" */
static int m_ref(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int ref = 0;
    if (has(c, j, TX_REF)) {
        ref = val(c, j, TX_REF);
        if (punct(c, j + 1, '-'))
            return 0; /* "now-defunct" */
        if (ref == 3 && ((i > 0 && is(c, i - 1, "as")) || is(c, j + 1, "after") ||
                         is(c, j + 1, "before")))
            return 0; /* "as soon as", "soon after": not a time */
        j++;
    } else if (is(c, j, "right") && is(c, j + 1, "now")) {
        ref = 1;
        j += 2;
    } else if (is(c, j, "these") && is(c, j + 1, "days")) {
        ref = 1;
        j += 2;
    } else if (is(c, j, "the") && is(c, j + 1, "past") &&
               !has(c, j + 2, TX_UNIT) && !has(c, j + 2, TX_NUM) &&
               !is(c, j + 2, "few") && !is(c, j + 2, "several") &&
               !(j + 2 < c->n && c->t[j + 2].kind == K_NUM)) {
        ref = 2;
        j += 2;
    } else if ((is(c, j, "the") &&
                (is(c, j + 1, "future") ||
                 ((is(c, j + 1, "near") || is(c, j + 1, "foreseeable")) &&
                  is(c, j + 2, "future")))) ||
               (i > 0 && is(c, i - 1, "in") && is(c, j, "future"))) {
        ref = 3;
        j += is(c, j, "future") ? 1 : (is(c, j + 1, "future") ? 2 : 3);
    } else if ((is(c, j, "current") || is(c, j, "recent")) &&
               j + 1 < c->n && c->t[j + 1].kind == K_WORD &&
               !has(c, j + 1, TX_UNIT) && !is(c, j + 1, "account") &&
               !is(c, j + 1, "accounts") && !has(c, j + 1, TX_FISCAL) &&
               i > 0 && !is(c, i - 1, "most") && !is(c, i - 1, "more")) {
        ref = is(c, j, "current") ? 1 : 2;
        j++;
    } else if (is(c, j, "at") && is(c, j + 1, "present")) {
        ref = 1;
        j += 2;
    } else if (is(c, j, "as") && is(c, j + 1, "soon") && is(c, j + 2, "as") &&
               is(c, j + 3, "possible")) {
        ref = 3;
        j += 4;
    } else if (is(c, j, "a") && is(c, j + 1, "later") &&
               is(c, j + 2, "date")) {
        ref = 3;
        j += 3;
    } else if (i > 0 && is(c, i - 1, "at") && is(c, j, "the") &&
               is(c, j + 1, "time") && !is(c, j + 2, "of")) {
        ref = 2; /* "saying at the time" */
        j += 2;
    } else if (is(c, j, "the") &&
               (is(c, j + 1, "near") || is(c, j + 1, "short")) &&
               is(c, j + 2, "term")) {
        ref = 3;
        j += 3;
    } else {
        return 0;
    }
    val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_REF;
    m->v.ref = ref;
    m->end = j;
    return 1;
}

/* SET: "every week", "each year", "daily", "annually", "per month" */
static int m_set(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    val_init(&m->v, EVG_TIMEX_SET);
    if (has(c, j, TX_SET) && function_word(c, j + 1)) {
        /* "daily" is every calendar day, XXXX-XX-XX, as TimeBank writes
         * it; "hourly" a period, PT1H */
        int u = val(c, j, TX_SET);
        m->v.n2 = 2;
        m->v.gran = unit_gran(u);
        if (m->v.gran == TX_G_TIME || !m->v.gran)
            m->v.unit = u;
        m->end = j + 1;
        return 1;
    }
    if (!(is(c, j, "every") || is(c, j, "each") || is(c, j, "per")))
        return 0;
    j++;
    if (is(c, j, "other")) {
        m->v.n2 = 4;
        j++;
    } else {
        m->v.n2 = 2;
    }
    if (has(c, j, TX_UNIT) && c->text[c->t[j].e - 1] != 's') {
        m->v.unit = val(c, j, TX_UNIT);
        m->end = j + 1;
        return 1;
    }
    if (wday_ok(c, j)) {
        m->v.unit = 0;
        m->v.gran = TX_G_DAY;
        m->v.wday = val(c, j, TX_WDAY);
        m->end = j + 1;
        return 1;
    }
    if (month_word_ok(c, j)) { /* "each July": XXXX-07 */
        m->v.unit = 0;
        m->v.gran = TX_G_MONTH;
        m->v.y = TX_X;
        m->v.m = val(c, j, TX_MONTH);
        m->end = skip_dot(c, j + 1, j);
        return 1;
    }
    return 0;
}

/* "for a while", "for some time", "in a while": a duration of no stated
 * unit, PXX. */
static int m_while(const tagger *c, size_t i, match *m)
{
    if (i == 0 || !(is(c, i - 1, "for") || is(c, i - 1, "in") ||
                    is(c, i - 1, "after") || is(c, i - 1, "within")))
        return 0;
    size_t j = i;
    if (is(c, j, "a") && is(c, j + 1, "while"))
        j += 2;
    else if (is(c, j, "some") && is(c, j + 1, "time") && is(c, i - 1, "for"))
        j += 2;
    else
        return 0;
    val_init(&m->v, EVG_TIMEX_DURATION);
    m->v.n2 = TX_X;
    m->v.unit = 0;
    m->end = j;
    return 1;
}

/* "until then", "by then", "since then": the date just mentioned. */
static int m_then(const tagger *c, size_t i, match *m)
{
    if (!is(c, i, "then") || i == 0 ||
        !(is(c, i - 1, "until") || is(c, i - 1, "till") ||
          is(c, i - 1, "by") || is(c, i - 1, "since")) ||
        !c->has_anchor || !anchor_recent(c) ||
        c->anchor.gran < TX_G_YEAR || c->anchor.gran > TX_G_DAY)
        return 0;
    m->v = c->anchor;
    m->v.mod = NULL;
    m->anchored = 1;
    m->end = i + 1;
    return 1;
}

/* "Oct. 12, the day before ...": the date itself; "later in the day":
 * the day just mentioned, or the DCT's. */
static int m_the_day(const tagger *c, size_t i, match *m)
{
    if (!is(c, i, "the") || !is(c, i + 1, "day") || i < 2)
        return 0;
    int day_anchor = c->has_anchor && c->anchor.gran == TX_G_DAY &&
                     !c->anchor.wday && c->anchor.y != TX_X;
    if (punct(c, i - 1, ',') && day_anchor && c->anchor_sent == c->sent &&
        (is(c, i + 2, "before") || is(c, i + 2, "after") ||
         is(c, i + 2, "when") || is(c, i + 2, "that"))) {
        m->v = c->anchor;
    } else if (is(c, i - 1, "in") &&
               (is(c, i - 2, "later") || is(c, i - 2, "earlier"))) {
        if (day_anchor && anchor_recent(c))
            m->v = c->anchor;
        else if (c->has_dct)
            set_date_dct(c, m, TX_G_DAY, 0);
        else
            return 0;
    } else {
        return 0;
    }
    m->v.mod = NULL;
    m->anchored = 1;
    m->end = i + 2;
    return 1;
}

typedef int (*matcher)(const tagger *, size_t, match *);

static const matcher core_matchers[] = {
    m_time,     m_month,    m_numeric_date, m_quarter, m_ref_period,
    m_century,  m_year,     m_spoken_year,  m_season,  m_wday,
    m_dayrel,   m_pod,      m_rel,          m_ago,     m_year_end,
    m_duration, m_bare_units, m_ref,        m_set,     m_the_unit,
    m_that,     m_bare_pod, m_while,        m_then,    m_the_day};

static int core(const tagger *c, size_t i, match *best)
{
    match m;
    best->end = 0;
    for (size_t k = 0; k < sizeof(core_matchers) / sizeof(*core_matchers);
         k++) {
        m.anchored = 0;
        if (core_matchers[k](c, i, &m) && m.end > best->end)
            *best = m;
    }
    return best->end > i;
}

/* Position words before a date: "early 2019", "late September",
 * "mid-November", "the end of 1990", "earlier this week". */
static size_t position_prefix(const tagger *c, size_t i, const char **mod)
{
    static const char *const names[] = {NULL, "START", "MID", "END"};
    size_t j = i;
    int the = is(c, j, "the");
    if (the || is(c, j, "its"))
        j++;
    if (!has(c, j, TX_POS))
        return 0;
    int p = val(c, j, TX_POS);
    *mod = names[p >= 1 && p <= 3 ? p : 1];
    int noun = is(c, j, "end") || is(c, j, "beginning") ||
               is(c, j, "start") || is(c, j, "middle");
    j++;
    if (noun)
        return is(c, j, "of") ? j + 1 - i : 0;
    if (is(c, j - 1, "earlier") || is(c, j - 1, "later")) {
        if (the)
            return 0;
        if (is(c, j, "in") && is(c, j + 1, "the"))
            return j + 1 - i; /* "earlier in the year" */
        return is(c, j, "this") || is(c, j, "that") ||
                       has(c, j, TX_WDAY) || has(c, j, TX_DAYREL)
                   ? j - i
                   : 0;
    }
    if (punct(c, j, '-'))
        j++;
    if (is(c, j, "in"))
        j++;
    return j - i;
}

/* Quantity modifiers: "about", "nearly", "more than", "at least",
 * "up to", "within". `dur_only` for those that fit only durations. */
static size_t quant_prefix(const tagger *c, size_t i, const char **mod,
                           int *dur_only)
{
    *dur_only = 0;
    if (has(c, i, TX_APPROX) || (is(c, i, "some") && i + 1 < c->n &&
                                 c->t[i + 1].kind == K_NUM)) {
        *mod = "APPROX";
        return 1;
    }
    if (has(c, i, TX_LESS)) {
        *mod = "LESS_THAN";
        return 1;
    }
    if (is(c, i, "more") && is(c, i + 1, "than")) {
        *mod = "MORE_THAN";
        return 2;
    }
    if ((is(c, i, "less") || is(c, i, "fewer")) && is(c, i + 1, "than")) {
        *mod = "LESS_THAN";
        return 2;
    }
    if (is(c, i, "at") && is(c, i + 1, "least")) {
        *mod = "EQUAL_OR_MORE";
        return 2;
    }
    if ((is(c, i, "at") && is(c, i + 1, "most")) ||
        (is(c, i, "up") && is(c, i + 1, "to"))) {
        *mod = "EQUAL_OR_LESS";
        *dur_only = 1;
        return 2;
    }
    if ((is(c, i, "no") || is(c, i, "not")) && is(c, i + 1, "more") &&
        is(c, i + 1 + 1, "than")) {
        *mod = "EQUAL_OR_LESS";
        return 3;
    }
    if (has(c, i, TX_MORE) || has(c, i, TX_EQLESS) || is(c, i, "under")) {
        *mod = has(c, i, TX_MORE)   ? "MORE_THAN"
               : is(c, i, "under") ? "LESS_THAN"
                                   : "EQUAL_OR_LESS";
        *dur_only = 1;
        return 1;
    }
    return 0;
}

/* An expression at token i with its modifiers; longest reading wins. */
static int expression(const tagger *c, size_t i, match *out)
{
    const char *mod = NULL;
    int dur_only;
    size_t p = position_prefix(c, i, &mod);
    if (p && core(c, i + p, out) &&
        (out->v.type == EVG_TIMEX_DATE || out->v.type == EVG_TIMEX_TIME) &&
        out->v.gran != TX_G_REF) {
        out->v.mod = mod;
        return 1;
    }
    p = quant_prefix(c, i, &mod, &dur_only);
    if (p && core(c, i + p, out) &&
        (out->v.type == EVG_TIMEX_DURATION ||
         (!dur_only && out->v.type != EVG_TIMEX_SET &&
          out->v.gran != TX_G_REF))) {
        if (out->v.type != EVG_TIMEX_DURATION)
            mod = "APPROX";
        if (!out->v.mod || strcmp(out->v.mod, "APPROX") != 0 ||
            strcmp(mod, "APPROX") == 0)
            out->v.mod = mod;
        return 1;
    }
    return core(c, i, out);
}

/* ---- output ---- */

/* Calendar days a duration spans, from `from` (days) forward or back. */
static long add_units(long from, int unit, long n, int dir)
{
    int y, m, d;
    evg_timex__civil(from, &y, &m, &d);
    long months = 0;
    switch (unit) {
    case TX_U_DAY:
        return from + dir * n;
    case TX_U_WEEK:
        return from + dir * 7 * n;
    case TX_U_MONTH:
        months = n;
        break;
    case TX_U_QUARTER:
        months = 3 * n;
        break;
    case TX_U_YEAR:
        months = 12 * n;
        break;
    case TX_U_DECADE:
        months = 120 * n;
        break;
    default:
        return from;
    }
    long k = (long)y * 12 + (m - 1) + dir * months;
    int ny = (int)(k / 12), nm = (int)(k % 12) + 1;
    int nd = d > evg_timex__mdays(ny, nm) ? evg_timex__mdays(ny, nm) : d;
    return evg_timex__days(ny, nm, nd);
}

/* Bounds a duration gets from the DCT when the clause ties it there:
 * "(for) another 90 days", "the next two weeks" run from the DCT on,
 * "the past two months" up to it. Returns 0 when not tied. */
static int duration_bounds(const tagger *c, size_t a, size_t b,
                           const tx_val *v, char lo[11], char hi[11])
{
    if (!c->has_dct || v->type != EVG_TIMEX_DURATION || v->n2 == TX_X ||
        v->n2 % 2 || v->unit < TX_U_DAY || v->unit == TX_U_WEEKEND)
        return 0;
    int dir = 0;
    for (size_t k = a; k < b && k < a + 3; k++) {
        if (is(c, k, "next") || is(c, k, "coming") || is(c, k, "another") ||
            is(c, k, "additional"))
            dir = 1;
        else if (is(c, k, "past") || is(c, k, "last"))
            dir = -1;
    }
    if (!dir && a > 0 && is(c, a - 1, "for") && tense(c, a, b) > 0)
        dir = 1;
    if (!dir)
        return 0;
    long dct = evg_timex__days(c->dy, c->dm, c->dd);
    long other = add_units(dct, v->unit, v->n2 / 2, dir);
    long first = dir > 0 ? dct : other + 1, last = dir > 0 ? other - 1 : dct;
    if (last < first)
        return 0;
    int y, m, d;
    evg_timex__civil(first, &y, &m, &d);
    snprintf(lo, 11, "%04d-%02d-%02d", y, m, d);
    evg_timex__civil(last, &y, &m, &d);
    snprintf(hi, 11, "%04d-%02d-%02d", y, m, d);
    return y >= 0 && y <= 9999;
}

static void update_anchor(tagger *c, const tx_val *v)
{
    if (v->type != EVG_TIMEX_DATE || v->y == TX_X || v->gran < TX_G_YEAR ||
        v->gran > TX_G_DAY || v->wday)
        return;
    c->anchor = *v;
    c->has_anchor = 1;
    c->anchor_sent = c->sent;
    if (v->gran == TX_G_QUARTER && !c->has_topic && c->has_dct &&
        v->y * 4 + v->m <= c->dy * 4 + (c->dm - 1) / 3 + 1) {
        c->topic = *v;
        c->topic.mod = NULL;
        c->has_topic = 1;
    }
}

static int emit(evg_doc *doc, tagger *c, size_t a, size_t b,
                const match *mt)
{
    const tx_val *v = &mt->v;
    evg_timex *t =
        EVG_DOC_PUSH(doc, doc->timexes, doc->n_timexes, doc->cap_timexes);
    if (!t)
        return EVG_ENOMEM;
    char buf[64], lo[11], hi[11];
    int rc = evg_doc_span(doc, &t->span, c->t[a].s, c->t[b - 1].e);
    if (rc)
        return rc;
    t->type = (evg_timex_type)v->type;
    evg_timex__format(v, buf, sizeof(buf));
    if (!(t->value = evg_doc_strdup(doc, buf)))
        return EVG_ENOMEM;
    t->mod = v->mod ? evg_doc_strdup(doc, v->mod) : NULL;
    t->sentence = c->sent;
    if (evg_timex__bounds(v, lo, hi) || duration_bounds(c, a, b, v, lo, hi)) {
        t->lo = evg_doc_strdup(doc, lo);
        t->hi = evg_doc_strdup(doc, hi);
        if (!t->lo || !t->hi)
            return EVG_ENOMEM;
    }
    if (!mt->anchored)
        update_anchor(c, v);
    return 0;
}

/* Trailing tokens that never end an expression ("the", a lone hyphen). */
static size_t trim_end(const tagger *c, size_t a, size_t b)
{
    while (b > a + 1 && (c->t[b - 1].kind == K_PUNCT &&
                         c->t[b - 1].ch != '.'))
        b--;
    return b;
}

/* Classes of words that can begin an expression (not the tense cues). */
#define START_CLASSES                                                     \
    (~((1u << TX_FUT) | (1u << TX_PAST) | (1u << TX_AGO) | (1u << TX_TZ) | \
       (1u << TX_AMPM)))

static int tag_sentence(evg_doc *doc, tagger *c)
{
    size_t i = 0;
    while (i < c->n) {
        const tok *t = &c->t[i];
        match m;
        if ((t->kind == K_WORD && !(t->w && (t->w->cls & START_CLASSES))) ||
            t->kind == K_PUNCT || !expression(c, i, &m)) {
            i++;
            continue;
        }
        size_t end = trim_end(c, i, m.end);
        int rc = emit(doc, c, i, end, &m);
        if (rc)
            return rc;
        i = end;
    }
    return 0;
}

static int parse_dct(tagger *c, const char *dct)
{
    int y, m, d;
    char tail;
    if (!dct || sscanf(dct, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
        m < 1 || m > 12 || d < 1 || d > evg_timex__mdays(y, m))
        return 0;
    c->dy = y;
    c->dm = m;
    c->dd = d;
    return 1;
}

int evg_extract__timexes(evg_doc *doc, evg_error *err)
{
    tagger c;
    int rc = 0;
    memset(&c, 0, sizeof(c));
    c.text = doc->text;
    c.has_dct = parse_dct(&c, doc->dct);
    for (size_t s = 0; s < doc->n_sentences && doc->text; s++) {
        const evg_sentence *sn = &doc->sentences[s];
        c.n = 0;
        c.sent = s;
        if (sn->end > doc->text_len || sn->start > sn->end)
            continue;
        if ((rc = scan(&c, sn->start, sn->end)) ||
            (rc = tag_sentence(doc, &c)))
            goto done;
    }
done:
    free(c.t);
    if (rc)
        evg_error_set(err, rc, "time tagger: out of memory");
    return rc;
}
