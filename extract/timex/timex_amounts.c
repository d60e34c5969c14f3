/* The time tagger's matchers of amounts of time and of what is not a
 * calendar date: durations ("90 days", "the past two months"), bare units
 * ("for years"), clock times, PRESENT/PAST/FUTURE_REF and sets ("every
 * week"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "timex_tagger.h"

/* A word that can follow an adverb but not an adjective: "rise 8.5%
 * annually through 1992" vs "quarterly dividend". */
static int function_word(const tagger *c, size_t i)
{
    if (i >= c->n || c->t[i].kind == K_PUNCT)
        return 1;
    return is_any(c, i, evg_timex__function_words);
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
int evg_timex__m_duration(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    int n2 = 2, approx = 0, det = 0;
    if (is(c, i, "one") && is(c, i + 1, "day") && i > 0 &&
        is_any(c, i - 1, evg_timex__modals)) {
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE); /* "will one day be": some day */
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
    size_t q = evg_timex__quantity(c, j, &n2, &approx);
    if (!q)
        return 0;
    if (q == 1 && (is(c, j, "a") || is(c, j, "an")) && rate_before(c, j))
        return 0;
    if (q == 1 && c->t[j].kind == K_NUM && c->t[j].ndig == 4 &&
        c->t[j].num >= 1000)
        return 0; /* "the 1988 quarter" */
    j += q;
    if (is_any(c, j, evg_timex__duration_fillers))
        j++;
unit:
    if (punct(c, j, '-')) {
        if (det)
            return 0; /* "the five-year plan": the adjective alone */
        j++;
    }
    if (is_any(c, j, evg_timex__day_kinds))
        j++;
    if (!has(c, j, TX_UNIT) || is(c, j, "weekend") || is(c, j, "weekends") ||
        is(c, j, "half") || is(c, j, "halves"))
        return 0;
    int u = val(c, j, TX_UNIT);
    j++;
    if (u == TX_U_SEC && n2 == 2 &&
        (ud_upos(c, j - 1) ? ud_upos_is(c, j - 1, "ADJ")
                           : !function_word(c, j) && !has(c, j, TX_AGO)))
        return 0; /* "a second group": an ordinal, by the parse or the
                     word after it */
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
    int gran = evg_timex__unit_gran(u);
    if (i > 0 && is(c, i - 1, "in") && !det && n2 != TX_X && n2 % 2 == 0 &&
        !is(c, i, "a") && !is(c, i, "an") &&
        gran >= TX_G_YEAR && gran <= TX_G_DAY && gran != TX_G_WEEKEND &&
        c->has_dct && evg_timex__tense(c, i, j) > 0) {
        /* "will be redeemed in five years": the date it points to */
        evg_timex__set_date_dct(c, m, gran, n2 / 2);
        m->anchored = 1;
    } else {
        evg_timex__val_init(&m->v, EVG_TIMEX_DURATION);
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
int evg_timex__m_bare_units(const tagger *c, size_t i, match *m)
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
        evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
        m->v.gran = TX_G_REF;
        m->v.ref = ref;
    } else {
        evg_timex__val_init(&m->v, EVG_TIMEX_DURATION);
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

int evg_timex__m_time(const tagger *c, size_t i, match *m)
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
    size_t k = is(c, j, "on") || (punct(c, j, ',') &&
                                  evg_timex__month_word_ok(c, j + 1))
                   ? j + 1
                   : j;
    if (evg_timex__m_wday(c, k, &day) || evg_timex__m_dayrel(c, k, &day) ||
        evg_timex__m_month(c, k, &day)) {
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
        evg_timex__set_date_dct(c, m, TX_G_DAY, 0);
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
int evg_timex__m_ref(const tagger *c, size_t i, match *m)
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
    evg_timex__val_init(&m->v, EVG_TIMEX_DATE);
    m->v.gran = TX_G_REF;
    m->v.ref = ref;
    m->end = j;
    return 1;
}

/* SET: "every week", "each year", "daily", "annually", "per month" */
int evg_timex__m_set(const tagger *c, size_t i, match *m)
{
    size_t j = i;
    evg_timex__val_init(&m->v, EVG_TIMEX_SET);
    if (has(c, j, TX_SET) && function_word(c, j + 1)) {
        /* "daily" is every calendar day, XXXX-XX-XX, as TimeBank writes
         * it; "hourly" a period, PT1H */
        int u = val(c, j, TX_SET);
        m->v.n2 = 2;
        m->v.gran = evg_timex__unit_gran(u);
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
    if (evg_timex__wday_ok(c, j)) {
        m->v.unit = 0;
        m->v.gran = TX_G_DAY;
        m->v.wday = val(c, j, TX_WDAY);
        m->end = j + 1;
        return 1;
    }
    if (evg_timex__month_word_ok(c, j)) { /* "each July": XXXX-07 */
        m->v.unit = 0;
        m->v.gran = TX_G_MONTH;
        m->v.y = TX_X;
        m->v.m = val(c, j, TX_MONTH);
        m->end = evg_timex__skip_dot(c, j + 1, j);
        return 1;
    }
    return 0;
}
