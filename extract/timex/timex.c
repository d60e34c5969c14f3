/* The time tagger: finds TimeML TIMEX3 expressions (DATE, TIME, DURATION,
 * SET) in each sentence and normalizes them against the document creation
 * time, the tense of the clause and the last date mentioned. Runs after the
 * sentence splitter; its results place events on the time axis. This file
 * tries the matchers (timex_dates.c, timex_amounts.c, and the anaphoric
 * ones below) at each token with their modifiers, keeps the longest
 * reading and writes it into the document (timex_tagger.h lists the
 * parts). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc_layer.h"
#include "timex_tagger.h"

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
    evg_timex__val_init(&m->v, EVG_TIMEX_DURATION);
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
        !c->has_anchor || !evg_timex__anchor_recent(c) ||
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
        if (day_anchor && evg_timex__anchor_recent(c))
            m->v = c->anchor;
        else if (c->has_dct)
            evg_timex__set_date_dct(c, m, TX_G_DAY, 0);
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
    evg_timex__m_time, evg_timex__m_month, evg_timex__m_numeric_date,
    evg_timex__m_quarter, evg_timex__m_ref_period, evg_timex__m_century,
    evg_timex__m_year, evg_timex__m_spoken_year, evg_timex__m_season,
    evg_timex__m_wday, evg_timex__m_dayrel, evg_timex__m_pod, evg_timex__m_rel,
    evg_timex__m_ago, evg_timex__m_year_end, evg_timex__m_duration,
    evg_timex__m_bare_units, evg_timex__m_ref, evg_timex__m_set,
    evg_timex__m_the_unit, evg_timex__m_that, evg_timex__m_bare_pod, m_while,
    m_then, m_the_day};

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
    if (!dir && a > 0 && is(c, a - 1, "for") && evg_timex__tense(c, a, b) > 0)
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
    evg_tokens layer = {0};
    int rc = evg_timex__load_words(err);
    if (rc)
        return rc;
    memset(&c, 0, sizeof(c));
    c.text = doc->text;
    c.has_dct = parse_dct(&c, doc->dct);
    for (size_t s = 0; s < doc->n_sentences && doc->text; s++) {
        const evg_sentence sent = evg_doc__sentence(doc, s), *sn = &sent;
        c.sent = s;
        if (sn->end > doc->text_len || sn->start > sn->end)
            continue;
        /* a sentence of more than EVG_DOC_WINDOW words in windows of
         * that many (doc_layer.h) */
        size_t n_win = evg_doc__windows(doc, s);
        for (size_t w = 0; w < n_win; w++) {
            evg_doc_window win = evg_doc__window(doc, s, w);
            size_t n_ud;
            const evg_doc_token *ud = evg_doc__sentence_tokens_range(
                doc, s, win.from, win.count, &n_ud, &rc);
            if (rc)
                goto done;
            if ((rc = evg_extract__tokens_in(doc, s, &win, &layer)) ||
                (rc = evg_timex__tokens(&c, &layer, ud, n_ud)) ||
                (rc = tag_sentence(doc, &c)))
                goto done;
        }
    }
done:
    free(c.t);
    evg_extract__tokens_dispose(&layer);
    if (rc)
        evg_error_set(err, rc, "time tagger: out of memory");
    return rc;
}
