/* References in the actor finder: pronouns ("its", "he") and definite
 * descriptions ("the company") that refer back to an earlier actor, and the
 * index of names seen so far ("Huawei" after "Huawei Technologies"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "entities_finder.h"

static int compatible(const cand *a, int want_person, const char *sector,
                      const char *country, int want_country_kind)
{
    if (want_person) /* "the president of Armenia" is not Putin */
        return a->kind == EVG_KIND_PERSON &&
               !(country && country[0] && a->country[0] &&
                 strcmp(country, a->country) != 0);
    if (a->kind == EVG_KIND_PERSON || a->kind == EVG_KIND_LOCATION)
        return 0; /* a place is where things happen, not who acts */
    if (want_country_kind)
        return a->kind == EVG_KIND_COUNTRY && !a->adj_only;
    if (country && country[0] && a->country[0] &&
        strcmp(country, a->country) != 0)
        return 0;
    if (country && country[0] && !a->country[0])
        return 0;
    if (sector && sector[0]) {
        if (!strcmp(sector, "GOV"))
            return a->kind == EVG_KIND_GOVERNMENT ||
                   a->kind == EVG_KIND_COUNTRY || !strcmp(a->sector, "GOV");
        return !strcmp(a->sector, sector);
    }
    return 1;
}

/* How salient cand `a` is to a reference in the current sentence, in
 * the manner of Lappin and Leass (1994): its sentence's recency (100 in
 * the current sentence, halved for each sentence back) and its place in
 * the parse (a subject 80, an object 50, an oblique 40, a phrase inside
 * another noun phrase nothing): "the Airbus 380 will wear the livery of
 * Singapore Airlines when it arrives" is the Airbus 380; "Qatar has an
 * order for 2 of Airbus' A380s which it will fly" is Qatar. */
static int salience(const ctx *x, const cand *a)
{
    static const int place[4] = {0, 40, 50, 80};
    size_t back = x->sent - a->sent;
    return (back < 7 ? 100 >> back : 0) + place[a->role & 3];
}

/* The length of word w (n bytes) without a plural ending: "airlines",
 * "Airlines" and "airline" compare alike. */
static size_t singular_len(const char *w, size_t n)
{
    if (n > 3 && (w[n - 1] == 's' || w[n - 1] == 'S') &&
        w[n - 2] != 's' && w[n - 2] != 'S')
        return n - 1;
    return n;
}

/* Whether a word of bytes [s, e) of the text is the word `h` (hn bytes):
 * as it is written, capitals included, when `exact`; else in any case,
 * singular or plural, so that "China Eastern Airlines" and "Irish national
 * airline Aer Lingus" hold the head of "the airline". */
static int holds_word(const char *t, size_t s, size_t e, const char *h,
                      size_t hn, int exact)
{
    if (!exact)
        hn = singular_len(h, hn);
    size_t i = s;
    while (i < e) {
        while (i < e && !isalnum((unsigned char)t[i]))
            i++;
        size_t b = i;
        while (i < e && (isalnum((unsigned char)t[i]) || t[i] == '-'))
            i++;
        size_t n = exact ? i - b : singular_len(t + b, i - b);
        if (n == hn && n &&
            (exact ? memcmp(t + b, h, n) : strncasecmp(t + b, h, n)) == 0)
            return 1;
    }
    return 0;
}

/* A description's head word in an earlier mention (within COREF_WINDOW
 * sentences) of an actor it can refer to: "the airline" after "China
 * Eastern Airlines ... Airbus A320 jets" is the airline, not the most
 * recent company. The root cand, or EVG_NONE. A reference whose own text
 * holds the head ("the airline" resolved before) counts for its root. */
static size_t head_antecedent(const ctx *x, const evg_token *head,
                              const char *sector, const char *country,
                              int want_country, int allow_groups)
{
    const char *h = x->t + head->start;
    size_t hn = head->end - head->start;
    for (size_t k = x->c.n; k-- > 0;) {
        const cand *a = &x->c.v[k];
        if (a->sent + COREF_WINDOW < x->sent)
            break;
        size_t r = a->ante != CAND_NONE ? a->ante : k;
        const cand *root = &x->c.v[r];
        if (root->adj_only || a->adj_only ||
            (root->kk == 'r' && !allow_groups) || a->start >= head->start)
            continue;
        if (holds_word(x->t, a->start, a->end, h, hn, 0) &&
            compatible(root, 0, sector, country, want_country))
            return r;
    }
    return EVG_NONE;
}

/* A description written as a name, its head capitalized ("the Air Force",
 * "the Company"), names the institution an earlier name holds that word
 * of ("United States Air Force", "Ford Motor Company"), however far back:
 * the root cand of the latest such name it can refer to, or EVG_NONE. */
static size_t name_antecedent(const ctx *x, const evg_token *head,
                              const char *sector, const char *country,
                              int want_country)
{
    const char *h = x->t + head->start;
    size_t hn = head->end - head->start;
    size_t lo = x->c.n > NAME_WINDOW ? x->c.n - NAME_WINDOW : 0;
    for (size_t k = x->c.n; k-- > lo;) {
        const cand *a = &x->c.v[k];
        if (a->ante != CAND_NONE || a->adj_only || a->end > head->start ||
            a->kind == EVG_KIND_PERSON ||
            !holds_word(x->t, a->start, a->end, h, hn, 1))
            continue; /* a person's title ("Secretary of the Air Force
                       * James Roche") names no body */
        if (compatible(a, 0, sector, country, want_country))
            return k;
    }
    return EVG_NONE;
}

/* The most recent earlier mention (within COREF_WINDOW sentences) that a
 * pronoun or description can refer to; returns its root cand or EVG_NONE.
 * A description whose head word an earlier mention holds refers to that
 * mention's actor first (head_antecedent). A title ("the prime minister",
 * "the Pope") refers only to a person a recent mention named with that
 * title: a title is never evidence that two people are one. */
size_t evg_actors__antecedent(const ctx *x, int want_person,
                              const char *title, const char *sector,
                              const char *country, int want_country,
                              int allow_groups, const evg_token *head)
{
    if (head && !want_person) {
        size_t r = head_antecedent(x, head, sector, country, want_country,
                                   allow_groups);
        if (r == EVG_NONE && (head->flags & EVG_TOK_CAP))
            r = name_antecedent(x, head, sector, country, want_country);
        if (r != EVG_NONE)
            return r;
    }
    /* a description of a body refers to the most salient compatible
     * actor; a title or a country word to the most recent */
    int by_salience = !want_person && !want_country;
    size_t best = EVG_NONE;
    int best_score = -1;
    for (size_t k = x->c.n; k-- > 0;) {
        const cand *a = &x->c.v[k];
        if (a->sent + COREF_WINDOW < x->sent)
            break;
        size_t r = a->ante != CAND_NONE ? a->ante : k;
        const cand *root = &x->c.v[r];
        if (want_country && a->cprefix && a->country[0]) {
            /* "US President Donald Trump ... in the country": the US */
            for (size_t j = k; j-- > 0;) {
                const cand *b = &x->c.v[j];
                size_t br = b->ante != CAND_NONE ? b->ante : j;
                if (x->c.v[br].kind == EVG_KIND_COUNTRY &&
                    !x->c.v[br].adj_only &&
                    !strcmp(x->c.v[br].country, a->country))
                    return br;
            }
        }
        if (root->adj_only || a->adj_only ||
            (root->kk == 'r' && !allow_groups))
            continue;
        if (want_person && title &&
            !(a->title && strcmp(a->title, title) == 0))
            continue;
        if (compatible(root, want_person, sector, country, want_country)) {
            if (!by_salience)
                return r;
            int score = salience(x, a);
            if (score > best_score) {
                best = r;
                best_score = score;
            }
        }
    }
    return best;
}

int evg_actors__push_ref(ctx *x, size_t s, size_t e, size_t root)
{
    cand *d = evg_actors__push(x, s, e);
    if (!d)
        return EVG_ENOMEM;
    d->ante = (uint32_t)root;
    d->kind = x->c.v[root].kind;
    return 0;
}

/* The gender a person cand's mention gives: a gendered title ("Mrs.",
 * "Queen") before the name or the first of two or more names ("Hillary
 * Clinton"; for a dictionary's person its canonical name): 'm', 'f' or 0. */
static int cand_gender(const ctx *x, const cand *a)
{
    const char *p = x->t + a->start, *end = x->t + a->nend;
    while (p < end) {
        while (p < end && !isalnum((unsigned char)*p))
            p++;
        const char *w = p;
        while (p < end && (isalnum((unsigned char)*p) || *p == '-'))
            p++;
        if (p == w)
            break;
        size_t wl = (size_t)(p - w);
        int in_name = w >= x->t + a->nstart;
        if (in_name && a->kk == 'g' && a->name) {
            const char *sp = strchr(a->name, ' ');
            return sp ? evg_actors__gender(a->name, (size_t)(sp - a->name))
                      : 0;
        }
        if (in_name) {
            int more = 0; /* a first name only before a last name */
            for (const char *q = p; q < end && !more; q++)
                more = isalpha((unsigned char)*q);
            return more ? evg_actors__gender(w, wl) : 0;
        }
        int g = evg_actors__gender(w, wl);
        if (g)
            return g; /* "Mrs. Thatcher", "Queen Elizabeth" */
    }
    return 0;
}

/* Is cand `a` (a root) plural, what "they" refers to: a group named by a
 * plural role or a people ("the rebels", "Iraqi officials", "the
 * Palestinians", "police"), or a group whose name is plural ("Kurds")?
 * Never a person, a country or an organization. */
static int cand_plural(const ctx *x, const cand *a)
{
    if (a->kind == EVG_KIND_PERSON || a->kind == EVG_KIND_COUNTRY ||
        a->kind == EVG_KIND_LOCATION || a->kind == EVG_KIND_ORGANIZATION ||
        a->adj_only)
        return 0;
    if (a->kk == 'r' && a->name && !strcmp(a->name, "police"))
        return 1;
    const char *e = x->t + a->end;
    return a->end - a->start > 3 && e[-1] == 's' && e[-2] != 's';
}

int evg_actors__pronoun(ctx *x, size_t i)
{
    const evg_token *k = &x->tk[i];
    int want_person, plural = 0;
    size_t kl = k->end - k->start;
    const size_t *ml = evg_actors__pronoun_len;
    if (kl < 2 || (kl > ml[0] && kl > ml[1] && kl > ml[2]) || !is_word(k))
        return 0;
    if (kl <= ml[0] && word_in(x->t, k, evg_actors__pronouns_thing)) {
        if (evg_extract__tok_is(x->t, k, "it") && i + 1 < x->n &&
            (word_in(x->t, &x->tk[i + 1], evg_actors__raising) ||
             (word_in(x->t, &x->tk[i + 1], evg_actors__expletive_be) &&
              i + 2 < x->n &&
              word_in(x->t, &x->tk[i + 2], evg_actors__expletive_adj))))
            return 0;
        want_person = 0;
    } else if (kl <= ml[1] && word_in(x->t, k, evg_actors__pronouns_person)) {
        want_person = 1;
    } else if (kl <= ml[2] && word_in(x->t, k, evg_actors__pronouns_plural)) {
        want_person = 0;
        plural = 1;
    } else {
        return 0;
    }
    /* the most recent antecedent within COREF_WINDOW sentences that agrees
     * in gender ("she" is never Mr. Smith) and number ("they" is a plural
     * group, "it" never one), or none */
    int gender = want_person ? evg_actors__gender(x->t + k->start, kl) : 0;
    size_t r = EVG_NONE;
    int best_score = -1; /* "it", "they": the most salient (salience) */
    for (size_t j = x->c.n; j-- > 0 && (r == EVG_NONE || !want_person);) {
        const cand *a = &x->c.v[j];
        if (a->sent + COREF_WINDOW < x->sent)
            break;
        size_t rj = a->ante != CAND_NONE ? a->ante : j;
        const cand *root = &x->c.v[rj];
        if (root->adj_only || a->adj_only)
            continue;
        if (plural) {
            int score = salience(x, a);
            if (cand_plural(x, root) && score > best_score) {
                r = rj;
                best_score = score;
            }
            continue;
        }
        if (root->kk == 'r' || !compatible(root, want_person, NULL, NULL, 0))
            continue;
        if (gender) {
            int g = cand_gender(x, root);
            if (!g && a != root && a->is_name)
                g = cand_gender(x, a); /* "Mrs. Thatcher" after "Thatcher" */
            if (g && g != gender)
                continue;
        }
        if (!want_person) {
            int score = salience(x, a);
            if (score > best_score) {
                r = rj;
                best_score = score;
            }
            continue;
        }
        r = rj;
    }
    if (r == EVG_NONE)
        return 0;
    return evg_actors__push_ref(x, k->start, k->end, r) ? EVG_ENOMEM : 1;
}

static size_t bytes_hash(const char *p, size_t n)
{
    size_t h = 5381;
    for (size_t i = 0; i < n; i++)
        h = h * 33 + (unsigned char)p[i];
    return h;
}

static int nput_if(ctx *x, const char *p, size_t n, size_t root,
                   int replace);

static int nput(ctx *x, const char *p, size_t n, size_t root)
{
    return nput_if(x, p, n, root, 1);
}

/* Maps name p (n bytes) to root; a name already mapped keeps its root
 * unless `replace`. */
static int nput_if(ctx *x, const char *p, size_t n, size_t root,
                   int replace)
{
    if (!n)
        return 0;
    if ((x->nused + 1) * 2 > x->ncap) {
        size_t ncap = x->ncap ? x->ncap * 2 : 256;
        nslot *nt = calloc(ncap, sizeof(*nt));
        if (!nt)
            return EVG_ENOMEM;
        for (size_t i = 0; i < x->ncap; i++) {
            if (!x->ntab[i].s)
                continue;
            size_t j = x->ntab[i].hash & (ncap - 1);
            while (nt[j].s)
                j = (j + 1) & (ncap - 1);
            nt[j] = x->ntab[i];
        }
        free(x->ntab);
        x->ntab = nt;
        x->ncap = ncap;
    }
    size_t h = bytes_hash(p, n), j = h & (x->ncap - 1);
    while (x->ntab[j].s) {
        nslot *sl = &x->ntab[j];
        if (sl->hash == h && sl->n == n && memcmp(sl->s, p, n) == 0) {
            if (replace)
                sl->root = root; /* the latest mention wins */
            return 0;
        }
        j = (j + 1) & (x->ncap - 1);
    }
    x->ntab[j].s = p;
    x->ntab[j].n = n;
    x->ntab[j].hash = h;
    x->ntab[j].root = root;
    x->nused++;
    return 0;
}

/* Indexes the names of cands [x->indexed, upto): their text, their
 * canonical name and, for people, their last name. */
static void index_names(ctx *x, size_t upto)
{
    for (; x->indexed < upto; x->indexed++) {
        const cand *a = &x->c.v[x->indexed];
        size_t r = a->ante != CAND_NONE ? a->ante : x->indexed;
        const cand *root = &x->c.v[r];
        const char *p = x->t + a->nstart;
        size_t n = a->nend - a->nstart;
        /* "USAF officials": the name is the body's before it is the
         * group's, so an actor already of that name keeps it ("The USAF"
         * later is the USAF, not its officials) */
        int replace = a->nend >= a->end;
        if (nput_if(x, p, n, r, replace) ||
            (a->name && nput_if(x, a->name, strlen(a->name), r, replace)))
            x->nfail = 1;
        if (root->kind == EVG_KIND_PERSON && a == root) {
            const char *sp = NULL;
            for (size_t i = 0; i < n; i++)
                if (p[i] == ' ')
                    sp = p + i;
            if (sp && nput(x, sp + 1, (size_t)(p + n - sp - 1), r))
                x->nfail = 1;
        }
    }
}

/* An earlier mention (before cand `upto`) with the same text or canonical
 * name, or an earlier person whose last name this is: the root cand to
 * merge with, or EVG_NONE. */
size_t evg_actors__same_name(ctx *x, size_t upto, size_t s, size_t e)
{
    return evg_actors__same_bytes(x, upto, x->t + s, e - s);
}

size_t evg_actors__same_bytes(ctx *x, size_t upto, const char *p, size_t n)
{
    if (upto > x->indexed)
        index_names(x, upto);
    if (!x->ncap)
        return EVG_NONE;
    size_t h = bytes_hash(p, n), j = h & (x->ncap - 1);
    while (x->ntab[j].s) {
        const nslot *sl = &x->ntab[j];
        if (sl->hash == h && sl->n == n && memcmp(sl->s, p, n) == 0)
            return sl->root < upto ? sl->root : EVG_NONE;
        j = (j + 1) & (x->ncap - 1);
    }
    return EVG_NONE;
}

/* The last word of the n bytes at p: its start in *lw; its model core
 * (the digits on, past one or two capitals, without a plural's s: "380"
 * of "A380" and of "A380s") in *core and *cn, or 0 when it has none. */
static int model_core(const char *p, size_t n, size_t *lw, const char **core,
                      size_t *cn)
{
    size_t w = n;
    while (w > 0 && p[w - 1] != ' ')
        w--;
    size_t c = w;
    while (c < n && c < w + 2 && isupper((unsigned char)p[c]))
        c++;
    if (n > c + 2 && p[n - 1] == 's' && isdigit((unsigned char)p[n - 2]))
        n--; /* "A380s", "the 787s": the model's plural */
    *lw = w;
    *core = p + c;
    *cn = n - c;
    return *cn >= 2 && isdigit((unsigned char)p[c]);
}

size_t evg_actors__same_model(const ctx *x, size_t upto, size_t s, size_t e)
{
    const char *p = x->t + s, *core;
    size_t n = e - s, lw, cn;
    if (!n || !model_core(p, n, &lw, &core, &cn))
        return EVG_NONE;
    size_t lo = upto > NAME_WINDOW ? upto - NAME_WINDOW : 0;
    for (size_t k = upto; k-- > lo;) {
        const cand *a = &x->c.v[k];
        if (!a->is_name || a->ante != CAND_NONE || a->kk == 'g' ||
            a->kind == EVG_KIND_PERSON)
            continue;
        const char *q = x->t + a->nstart, *qcore;
        size_t qn = a->nend - a->nstart, qlw, qcn;
        if (!model_core(q, qn, &qlw, &qcore, &qcn) || qcn != cn ||
            memcmp(qcore, core, cn) != 0)
            continue;
        /* "the A380" after "the Airbus A380"; "the Airbus 380" after it */
        if ((lw == 0 && qlw > 0) ||
            (lw > 0 && lw == qlw && memcmp(p, q, lw) == 0))
            return k;
    }
    return EVG_NONE;
}

size_t evg_actors__same_first_name(const ctx *x, size_t upto, size_t s,
                                   size_t e)
{
    size_t found = EVG_NONE, n = e - s;
    size_t lo = upto > NAME_WINDOW ? upto - NAME_WINDOW : 0;
    for (size_t k = lo; k < upto; k++) {
        const cand *a = &x->c.v[k];
        if (a->ante != CAND_NONE || a->kind != EVG_KIND_PERSON ||
            !a->is_name)
            continue;
        const char *p = a->kk == 'g' && a->name ? a->name : x->t + a->nstart;
        size_t pn = a->kk == 'g' && a->name ? strlen(a->name)
                                            : a->nend - a->nstart;
        /* the first of two or more words of the name */
        if (pn <= n + 1 || p[n] != ' ' || memcmp(p, x->t + s, n) != 0)
            continue;
        if (found != EVG_NONE && found != k)
            return EVG_NONE; /* "Steve Jobs and Steve Wozniak": neither */
        found = k;
    }
    return found;
}

/* A full personal name written another way than an earlier person's
 * ("Bill Smith" after "William Smith", "George Bush" after "George W.
 * Bush"): the root cand of the one earlier person whose full name agrees
 * (names.h), or EVG_NONE when none or several do. */
size_t evg_actors__same_person(const ctx *x, size_t upto, size_t s, size_t e)
{
    evg_name q, c; /* the name, split once; each earlier one */
    if (!evg_names_split(x->t + s, e - s, &q) || q.n < 2)
        return EVG_NONE;
    size_t found = EVG_NONE;
    size_t lo = upto > NAME_WINDOW ? upto - NAME_WINDOW : 0;
    for (size_t k = lo; k < upto; k++) {
        const cand *a = &x->c.v[k];
        if (a->ante != CAND_NONE || a->kind != EVG_KIND_PERSON || !a->is_name)
            continue;
        const char *p = a->kk == 'g' && a->name ? a->name : x->t + a->nstart;
        size_t n = a->kk == 'g' && a->name ? strlen(a->name)
                                           : a->nend - a->nstart;
        if (!evg_names_split(p, n, &c) || c.n < 2 ||
            !evg_names_agree_split(&c, &q))
            continue;
        if (found != EVG_NONE && found != k)
            return EVG_NONE; /* two people it could be: neither */
        found = k;
    }
    return found;
}

/* Letters and digits of `n` bytes at `p`, lower case, into buf (cap
 * bytes, NUL-terminated); 0 when they do not fit. */
static size_t letters(const char *p, size_t n, char *buf, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (!isalnum(ch) && ch < 0x80)
            continue;
        if (k + 1 >= cap)
            return 0;
        buf[k++] = (char)tolower(ch);
    }
    buf[k] = '\0';
    return k;
}

/* Whether the letters and digits of `n` bytes at `p`, lower case, are
 * the string `a` (letters' output, compared as it is made: most names
 * differ at their first letter). */
static int same_letters_as(const char *p, size_t n, const char *a)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (!isalnum(ch) && ch < 0x80)
            continue;
        if (a[k] != (char)tolower(ch))
            return 0;
        k++;
    }
    return a[k] == '\0';
}

/* An earlier name written with other spaces or punctuation ("Daimler
 * Chrysler" after "DaimlerChrysler", "Wal-Mart" after "Walmart"): the
 * root cand of the one earlier name with the same letters, or EVG_NONE. */
size_t evg_actors__same_letters(const ctx *x, size_t upto, size_t s, size_t e)
{
    char a[64];
    if (letters(x->t + s, e - s, a, sizeof(a)) < 4)
        return EVG_NONE;
    size_t found = EVG_NONE;
    size_t lo = upto > NAME_WINDOW ? upto - NAME_WINDOW : 0;
    for (size_t k = lo; k < upto; k++) {
        const cand *c = &x->c.v[k];
        if (c->ante != CAND_NONE || !c->is_name || c->kk == 'r')
            continue;
        if (!same_letters_as(x->t + c->nstart, c->nend - c->nstart, a))
            continue;
        if (found != EVG_NONE && found != k)
            return EVG_NONE;
        found = k;
    }
    return found;
}
