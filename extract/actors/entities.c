/* The actor finder: names from the gazetteer and capitalized spans, the role
 * words around them ("US President", "South Korean operator"), definite
 * descriptions and pronouns that refer back ("the company", "its"), merged
 * into one entity per actor with a CAMEO actor code. Runs after sentence
 * splitting; the event coder reads what it leaves in doc->entities. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "gazetteer.h"

#define B(c) EVG_GZ_BIT(EVG_GZ_##c)
#define M_PREFIX (B(COUNTRY) | B(ADJ) | B(CAPITAL) | B(IGO))
#define M_NAME                                                              \
    (B(COUNTRY) | B(CAPITAL) | B(IGO) | B(GOV) | B(MEDIA) | B(ORG) |         \
     B(GROUP) | B(PERSON) | B(CITY))
#define M_ALL 0xffffffffu
#define MAX_MODS 3
#define COREF_WINDOW 4 /* sentences a description or pronoun looks back */
#define NAME_WINDOW 4096 /* mentions a body looks at for its country
                          * (bounds the cost on very long documents) */

enum { REF_NONE = 0, REF_PRONOUN_THING, REF_PRONOUN_PERSON, REF_DESC };

typedef struct cand {
    size_t start, end;   /* mention span */
    size_t nstart, nend; /* the name inside it (aliases), or = span */
    size_t sent;
    char country[4];     /* "" while unknown */
    char sector[4];
    int explicit_country;
    int needs_country;   /* take the country from context if unknown */
    int is_place;        /* a country, capital or adjective mention */
    int cprefix;         /* a country named before it ("US President") */
    char kk;             /* key kind: g gazetteer name, b body of any
                          * country, r role group, n unknown name */
    int adj_only;        /* a bare adjective ("Hungarian") */
    char avoid[4];       /* "ethnic Albanians": not this country's own
                          * actors; the country comes from the context */
    int metonym;         /* a capital speaking for its government
                          * ("Washington's decision") */
    evg_entity_kind kind;
    char *key;           /* merge key (malloc'd) */
    const char *name;    /* canonical name proposal (borrowed or NULL) */
    size_t ante;         /* antecedent cand for references, or EVG_NONE */
} cand;

typedef struct cands {
    cand *v;
    size_t n, cap;
} cands;

typedef struct nslot {
    const char *s; /* name bytes (in the text or the gazetteer) */
    size_t n;
    size_t hash;
    size_t root;
} nslot;

typedef struct ctx {
    nslot *ntab;   /* names seen so far -> root cand (latest wins) */
    size_t ncap, nused, indexed;
    int nfail;     /* out of memory while indexing */
    evg_doc *doc;
    const evg_gazetteer *g;
    const char *t;
    cands c;
    size_t sent;
    int boiler;
    const evg_token *tk;
    size_t n;
} ctx;

/* Capitalized words that start sentences or name times, never actors. */
static const char *const stop_caps[] = {
    "a", "about", "according", "after", "against", "all", "also", "although",
    "among", "an", "analysis", "and", "another", "apr", "april", "are", "as",
    "at", "aug", "august", "be", "because", "been", "before", "between",
    "both", "breaking", "but", "by", "can", "chief", "christian", "could",
    "dec", "december", "despite", "did", "do", "does", "dr", "during", "each",
    "earlier", "exclusive", "feb", "february", "file", "first", "five",
    "follow", "for", "former", "four", "friday", "from", "had", "has", "have",
    "he", "her", "here", "his", "how", "however", "i", "if", "in", "instead",
    "internet", "into", "is", "islamic", "it", "its", "jan", "january",
    "jewish", "jul", "july", "jun", "june", "last", "later", "many", "mar",
    "march", "may", "meanwhile", "might", "monday", "more", "moslem", "most",
    "mr", "mrs", "ms", "muslim", "must", "my", "new", "next", "no", "nor",
    "not", "nov", "november", "now", "oct", "october", "of", "on", "one",
    "onto", "opinion", "or", "other", "our", "over", "photo", "read", "said",
    "saturday", "says", "second", "senior", "sep", "sept", "september",
    "several", "she", "should", "since", "so", "some", "still", "such",
    "sunday", "that", "the", "their", "then", "there", "these", "they",
    "third", "this", "those", "though", "three", "through", "thursday",
    "thus", "to", "today", "tomorrow", "tonight", "top", "tuesday", "two",
    "under", "until", "update", "upon", "video", "was", "we", "web",
    "wednesday", "were", "what", "when", "where", "which", "while", "who",
    "why", "will", "with", "within", "without", "would", "yesterday", "yet",
    "you", "your",
};
#define N_STOP_CAPS (sizeof(stop_caps) / sizeof(stop_caps[0]))

static int word_in(const char *t, const evg_token *k, const char *const *list)
{
    for (const char *const *w = list; *w; w++)
        if (evg_extract__tok_is(t, k, *w))
            return 1;
    return 0;
}

static int cmp_word(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

/* A capitalized word that is never an actor on its own (binary search in
 * the sorted table). */
static int stop_word(const char *t, const evg_token *k)
{
    char w[16];
    size_t n = k->end - k->start;
    if (n >= sizeof(w))
        return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)t[k->start + i]);
    w[n] = '\0';
    return bsearch(w, stop_caps, N_STOP_CAPS, sizeof(stop_caps[0]),
                   cmp_word) != NULL;
}

static int is_word(const evg_token *k)
{
    return (k->flags & EVG_TOK_WORD) != 0;
}

static int is_lower_word(const char *t, const evg_token *k)
{
    return is_word(k) && !(k->flags & EVG_TOK_CAP) &&
           islower((unsigned char)t[k->start]);
}

static int tok_is(const ctx *x, size_t i, const char *w)
{
    return i < x->n && evg_extract__tok_is(x->t, &x->tk[i], w);
}

static int is_possessive(const ctx *x, size_t i)
{
    if (i >= x->n)
        return 0;
    const evg_token *k = &x->tk[i];
    const char *s = x->t + k->start;
    size_t n = k->end - k->start;
    return (n == 2 && s[0] == '\'' && (s[1] == 's' || s[1] == 'S')) ||
           (n == 4 && memcmp(s, "\xe2\x80\x99", 3) == 0 &&
            (s[3] == 's' || s[3] == 'S'));
}

static size_t gz(const ctx *x, size_t i, unsigned mask,
                 const evg_gz_entry **e)
{
    *e = NULL;
    if (i >= x->n || (x->tk[i].flags & EVG_TOK_PUNCT))
        return 0;
    return evg_gz_match(x->g, x->t, x->tk, x->n, i, mask, e);
}

static char *keydup(const char *a, const char *b, size_t bn)
{
    size_t an = strlen(a);
    char *k = malloc(an + bn + 1);
    if (!k)
        return NULL;
    memcpy(k, a, an);
    for (size_t i = 0; i < bn; i++)
        k[an + i] = (char)tolower((unsigned char)b[i]);
    k[an + bn] = '\0';
    return k;
}

static cand *push(ctx *x, size_t start, size_t end)
{
    cands *c = &x->c;
    if (evg_reserve(&c->v, &c->cap, c->n + 1, sizeof(*c->v), 64))
        return NULL;
    cand *d = &c->v[c->n++];
    memset(d, 0, sizeof(*d));
    d->start = d->nstart = start;
    d->end = d->nend = end;
    d->sent = x->sent;
    d->ante = EVG_NONE;
    return d;
}

static void set_country(cand *d, const char *c3, int explicit_)
{
    if (!c3 || !c3[0] || memcmp(c3, "---", 3) == 0)
        return;
    memcpy(d->country, c3, 3);
    d->country[3] = '\0';
    d->explicit_country = explicit_;
}

static void set_sector(cand *d, const char *s)
{
    if (s && s[0] && !d->sector[0]) {
        memcpy(d->sector, s, 3);
        d->sector[3] = '\0';
    }
}

static evg_entity_kind kind_of_sector(const char *s, evg_entity_kind dflt)
{
    if (!s || !s[0])
        return dflt;
    if (!strcmp(s, "GOV") || !strcmp(s, "LEG") || !strcmp(s, "JUD"))
        return EVG_KIND_GOVERNMENT;
    if (!strcmp(s, "BUS") || !strcmp(s, "MED") || !strcmp(s, "EDU") ||
        !strcmp(s, "NGO"))
        return EVG_KIND_ORGANIZATION;
    return EVG_KIND_GROUP;
}

static evg_entity_kind kind_of_class(unsigned cls, const char *sector)
{
    switch (cls) {
    case EVG_GZ_COUNTRY:
    case EVG_GZ_CAPITAL:
    case EVG_GZ_ADJ:
        return EVG_KIND_COUNTRY;
    case EVG_GZ_PERSON:
        return EVG_KIND_PERSON;
    case EVG_GZ_CITY:
        return EVG_KIND_LOCATION;
    case EVG_GZ_GOV:
        return EVG_KIND_GOVERNMENT;
    case EVG_GZ_GROUP:
        return EVG_KIND_GROUP;
    case EVG_GZ_IGO:
    case EVG_GZ_MEDIA:
    case EVG_GZ_ORG:
    default:
        return kind_of_sector(sector, EVG_KIND_ORGANIZATION);
    }
}

/* ---- unknown names ---- */

static int name_connector(const ctx *x, size_t i)
{
    static const char *const conn[] = {"of", "for", "de", "al", "bin",
                                       "van", "von", "du", "da", "la",
                                       "el", "le", "del", "der", NULL};
    return i < x->n && is_lower_word(x->t, &x->tk[i]) &&
           word_in(x->t, &x->tk[i], conn);
}

/* Length of a run of capitalized words at i that is not a gazetteer name
 * (connectors allowed inside: "Union of Teachers"). */
static size_t cap_span(const ctx *x, size_t i)
{
    size_t j = i, last = i;
    while (j < x->n) {
        const evg_token *k = &x->tk[j];
        if (is_word(k) && (k->flags & EVG_TOK_CAP)) {
            const evg_gz_entry *e;
            if (j > i && gz(x, j, M_NAME | B(ADJ) | B(TITLE), &e))
                break;
            if (stop_word(x->t, k) &&
                !(j > i && j + 1 < x->n && (x->tk[j + 1].flags & EVG_TOK_CAP)))
                break;
            j++;
            last = j;
            continue;
        }
        if (j > i && name_connector(x, j)) {
            size_t m = j + 1;
            if (tok_is(x, m, "the"))
                m++;
            if (m < x->n && (x->tk[m].flags & EVG_TOK_CAP)) {
                j = m;
                continue;
            }
        }
        break;
    }
    return last - i;
}

/* Sector of an unknown name from the organization words and company
 * suffixes in it; sets *org when it has any. */
static const char *name_sector(const ctx *x, size_t i, size_t len, int *org)
{
    const char *sec = NULL;
    *org = 0;
    for (size_t j = i; j < i + len; j++) {
        const evg_gz_entry *e;
        if (gz(x, j, B(ORGWORD) | B(SUFFIX), &e) != 0) {
            *org = 1;
            if (!sec && e->sector[0])
                sec = e->sector;
        }
    }
    return sec;
}

static int all_caps_acronym(const ctx *x, size_t i, size_t len)
{
    return len == 1 && (x->tk[i].flags & EVG_TOK_UPPER) &&
           x->tk[i].end - x->tk[i].start >= 2;
}

/* ---- references ---- */

static int compatible(const cand *a, int want_person, const char *sector,
                      const char *country, int want_country_kind)
{
    if (want_person) /* "the president of Armenia" is not Putin */
        return a->kind == EVG_KIND_PERSON &&
               !(country && country[0] && a->country[0] &&
                 strcmp(country, a->country) != 0);
    if (a->kind == EVG_KIND_PERSON)
        return 0;
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

/* The most recent earlier mention (within COREF_WINDOW sentences) that a
 * pronoun or description can refer to; returns its root cand or EVG_NONE. */
static size_t antecedent(const ctx *x, int want_person, const char *sector,
                         const char *country, int want_country,
                         int allow_groups)
{
    for (size_t k = x->c.n; k-- > 0;) {
        const cand *a = &x->c.v[k];
        if (a->sent + COREF_WINDOW < x->sent)
            break;
        size_t r = a->ante != EVG_NONE ? a->ante : k;
        const cand *root = &x->c.v[r];
        if (want_country && a->cprefix && a->country[0]) {
            /* "US President Donald Trump ... in the country": the US */
            for (size_t j = k; j-- > 0;) {
                const cand *b = &x->c.v[j];
                size_t br = b->ante != EVG_NONE ? b->ante : j;
                if (x->c.v[br].kind == EVG_KIND_COUNTRY &&
                    !x->c.v[br].adj_only &&
                    !strcmp(x->c.v[br].country, a->country))
                    return br;
            }
        }
        if (root->adj_only || a->adj_only ||
            (root->kk == 'r' && !allow_groups))
            continue;
        if (compatible(root, want_person, sector, country, want_country))
            return r;
    }
    return EVG_NONE;
}

static int push_ref(ctx *x, size_t s, size_t e, size_t root)
{
    cand *d = push(x, s, e);
    if (!d)
        return EVG_ENOMEM;
    d->ante = root;
    d->kind = x->c.v[root].kind;
    return 0;
}

static int pronoun(ctx *x, size_t i)
{
    static const char *const thing[] = {"its", "it", NULL};
    static const char *const person[] = {"he", "his", "him", "she", "her",
                                         NULL};
    static const char *const raising[] = {"seems", "seemed", "appears",
                                          "appeared", "takes", "took", NULL};
    static const char *const be[] = {"is", "was", "'s", "\xe2\x80\x99s",
                                     "would", "will", "remains", NULL};
    static const char *const expl_adj[] = {"likely", "unlikely", "possible",
        "impossible", "clear", "unclear", "important", "necessary", "time",
        "expected", "reported", "said", "believed", "thought", "feared",
        "hoped", "understood", "known", "estimated", "true", "hard",
        "difficult", "easy", "not", "be", "too", "a", "an", "the", "still",
        "also", "now", "only", NULL};
    const evg_token *k = &x->tk[i];
    int want_person;
    size_t kl = k->end - k->start;
    if (kl < 2 || kl > 3 || !is_word(k))
        return 0; /* every pronoun here has two or three letters */
    if (word_in(x->t, k, thing)) {
        if (evg_extract__tok_is(x->t, k, "it") && i + 1 < x->n &&
            (word_in(x->t, &x->tk[i + 1], raising) ||
             (word_in(x->t, &x->tk[i + 1], be) && i + 2 < x->n &&
              word_in(x->t, &x->tk[i + 2], expl_adj))))
            return 0;
        want_person = 0;
    } else if (word_in(x->t, k, person)) {
        want_person = 1;
    } else {
        return 0;
    }
    size_t r = antecedent(x, want_person, NULL, NULL, 0, 0);
    if (r == EVG_NONE)
        return 0;
    return push_ref(x, k->start, k->end, r) ? EVG_ENOMEM : 1;
}

static size_t bytes_hash(const char *p, size_t n)
{
    size_t h = 5381;
    for (size_t i = 0; i < n; i++)
        h = h * 33 + (unsigned char)p[i];
    return h;
}

static int nput(ctx *x, const char *p, size_t n, size_t root)
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
        size_t r = a->ante != EVG_NONE ? a->ante : x->indexed;
        const cand *root = &x->c.v[r];
        const char *p = x->t + a->nstart;
        size_t n = a->nend - a->nstart;
        if (nput(x, p, n, r) || (a->name && nput(x, a->name, strlen(a->name), r)))
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
static size_t same_name(ctx *x, size_t upto, size_t s, size_t e)
{
    if (upto > x->indexed)
        index_names(x, upto);
    if (!x->ncap)
        return EVG_NONE;
    size_t n = e - s, h = bytes_hash(x->t + s, n), j = h & (x->ncap - 1);
    while (x->ntab[j].s) {
        const nslot *sl = &x->ntab[j];
        if (sl->hash == h && sl->n == n && memcmp(sl->s, x->t + s, n) == 0)
            return sl->root < upto ? sl->root : EVG_NONE;
        j = (j + 1) & (x->ncap - 1);
    }
    return EVG_NONE;
}

static int strong_sector(const char *s)
{
    static const char *const strong[] = {"GOV", "MIL", "COP", "REB", "LEG",
                                         "OPP", "REF", "JUD", "SPY", NULL};
    for (const char *const *p = strong; *p; p++)
        if (s && !strcmp(s, *p))
            return 1;
    return 0;
}

/* "rebels in Darfur", "president of Armenia": the country after a role. */
static const evg_gz_entry *country_after(const ctx *x, size_t j)
{
    if (!(tok_is(x, j, "in") || tok_is(x, j, "of") || tok_is(x, j, "from")))
        return NULL;
    j++;
    if (tok_is(x, j, "the"))
        j++;
    const evg_gz_entry *e;
    if (gz(x, j, B(COUNTRY) | B(CAPITAL), &e))
        return e;
    return NULL;
}

typedef struct chain {
    size_t i0, start, end;
    int det, definite;
    const evg_gz_entry *c, *title, *role, *name;
    size_t c_start, c_end;
    size_t name_s, name_e;
    int unknown, possessive;
    int hyphen; /* "Huawei-made": a mention, never an antecedent */
} chain;

static int mod_ok(const ctx *x, size_t j)
{
    static const char *const adjectives[] = {"new", "former", "senior",
        "top", "chief", "interim", "acting", "deputy", "ousted", "exiled",
        "first", "second", "third", "other", "several", "many", NULL};
    if (j >= x->n || !is_lower_word(x->t, &x->tk[j]))
        return 0;
    const evg_token *k = &x->tk[j];
    size_t n = k->end - k->start;
    if (n > 2 && memcmp(x->t + k->end - 2, "ly", 2) == 0)
        return 0;
    return !stop_word(x->t, k) || word_in(x->t, k, adjectives);
}

/* The gazetteer name before the hyphen of a token such as "Chinese-made"
 * (lower-case after the hyphen), or NULL. */
static const evg_gz_entry *hyphen_prefix(const ctx *x, size_t j)
{
    if (j >= x->n || !is_word(&x->tk[j]) || !(x->tk[j].flags & EVG_TOK_CAP))
        return NULL;
    const evg_token *k = &x->tk[j];
    const char *h = memchr(x->t + k->start, '-', k->end - k->start);
    if (!h || h + 1 >= x->t + k->end || !islower((unsigned char)h[1]))
        return NULL;
    evg_token sub = *k;
    sub.end = (size_t)(h - x->t);
    const evg_gz_entry *e;
    if (evg_gz_match(x->g, x->t, &sub, 1, 0, M_PREFIX | M_NAME, &e))
        return e;
    return NULL;
}

/* Is token i the last word of an organization's name (an organization
 * word such as "Airlines", "Bank", "Forces", or a company suffix)? */
static int org_word(const ctx *x, size_t i)
{
    const evg_gz_entry *e;
    return i < x->n && (x->tk[i].flags & EVG_TOK_CAP) &&
           gz(x, i, B(ORGWORD) | B(SUFFIX), &e) != 0;
}

/* Length of a run of capitalized words at i, not gazetteer names, that
 * ends with an organization word ("Eastern Airlines" after "China"), or
 * 0. */
static size_t org_after(const ctx *x, size_t i)
{
    const evg_gz_entry *e;
    if (i >= x->n || !is_word(&x->tk[i]) || !(x->tk[i].flags & EVG_TOK_CAP) ||
        gz(x, i, M_NAME | B(ADJ) | B(TITLE) | B(ROLE), &e))
        return 0;
    size_t l = cap_span(x, i);
    return l && org_word(x, i + l - 1) ? l : 0;
}

/* After a capitalized name ending with an organization word at i - 1:
 * "of" and a country's name ("Bank | of England"). Returns the tokens of
 * "of" + country and the country's entry, or 0. */
static size_t of_country(const ctx *x, size_t i, const evg_gz_entry **c)
{
    if (i == 0 || !org_word(x, i - 1) || !tok_is(x, i, "of"))
        return 0;
    size_t l = gz(x, i + 1, B(COUNTRY), c);
    if (!l || is_possessive(x, i + 1 + l))
        return 0;
    return 1 + l;
}

/* Does the unknown name of `nl` words at i look like a thing or a place
 * rather than a person? Its last word is a common head of such names
 * ("App Store", "Mission Control", "Trade Center"), its first a place
 * prefix ("San Francisco", "Port Harcourt"), or a word is spelled as no
 * name is ("iPhone", "PowerPC": lower case first, or two capitals inside). */
static int thing_name(const ctx *x, size_t i, size_t nl)
{
    static const char *const heads[] = {
        "store", "control", "management", "center", "centre", "street",
        "square", "park", "road", "avenue", "bridge", "airport", "station",
        "hotel", "tower", "towers", "hall", "museum", "stadium", "island",
        "islands", "river", "lake", "mountain", "mountains", "valley",
        "beach", "coast", "plaza", "festival", "cup", "games", "award",
        "awards", "prize", "act", "bill", "treaty", "accord", "agreement",
        "plan", "program", "programme", "project", "network", "service",
        "services", "edition", "series", "phone", "book", "air", "pro",
        "mini", "max", "plus", "player", "music", "online", "live",
        "conference", "summit", "expo", "show", "day", "week", "war",
        "province", "state", "county", "district", "region", "city", "bay",
        "gulf", "sea", "ocean", "desert", "strait", "canal", "port",
        "building", "palace", "house", "church",
        "mosque", "temple", "cathedral", "hospital", "prison", "camp",
        "base", "field", "zone", "line", "system", "platform", "engine",
        NULL};
    static const char *const prefixes[] = {
        "san", "santa", "saint", "st", "los", "las", "el", "fort", "port",
        "mount", "lake", "cape", "new", "north", "south", "east", "west",
        "upper", "lower", "greater", "central", NULL};
    const evg_token *last = &x->tk[i + nl - 1];
    if (word_in(x->t, last, heads) || word_in(x->t, &x->tk[i], prefixes))
        return 1;
    for (size_t j = i; j < i + nl; j++) {
        const char *w = x->t + x->tk[j].start;
        size_t n = x->tk[j].end - x->tk[j].start, caps = 0;
        if (islower((unsigned char)w[0]))
            return 1;
        for (size_t k = 1; k < n; k++)
            caps += isupper((unsigned char)w[k]) && islower((unsigned char)w[k - 1]);
        if (caps >= 2 || (caps == 1 && n > 2 &&
                          isupper((unsigned char)w[n - 1]))) /* "PowerPC" */
            return 1;
    }
    return 0;
}

/* Is the name at i introduced as a place: "the city of Kharkiv", "the
 * town of Gorazde", "Sindh province of"? */
static int place_of(const ctx *x, size_t i)
{
    static const char *const kinds[] = {
        "city", "town", "village", "province", "region", "district",
        "port", "capital", "state", "county", "island", "municipality",
        "enclave", "suburb", NULL};
    return i >= 2 && tok_is(x, i - 1, "of") &&
           word_in(x->t, &x->tk[i - 2], kinds);
}

/* Tokens of a portfolio before a minister's title at i ("Trade and
 * Industry | Minister", "Planning and Investment | Minister"): unknown
 * capitalized words, "and", "&" or a comma between them, then a title
 * naming a minister, secretary or commissioner. 0 when there is none. */
static size_t portfolio(const ctx *x, size_t i)
{
    size_t j = i, words = 0;
    while (j < x->n && j < i + 8) {
        const evg_token *k = &x->tk[j];
        const evg_gz_entry *e;
        size_t len = gz(x, j, M_ALL, &e);
        if (len && e->cls == EVG_GZ_TITLE) {
            if (!words || !e->name ||
                !(strstr(e->name, "minister") || strstr(e->name, "secretary") ||
                  strstr(e->name, "commissioner")))
                return 0;
            return j - i;
        }
        if (len)
            return 0;
        if (is_word(k) && (k->flags & EVG_TOK_CAP) && !stop_word(x->t, k))
            words++;
        else if (!(words && (tok_is(x, j, "and") || tok_is(x, j, "&"))))
            return 0;
        j++;
    }
    return 0;
}

static void parse_chain(const ctx *x, size_t i, chain *ch)
{
    memset(ch, 0, sizeof(*ch));
    ch->i0 = i;
    if (tok_is(x, i, "the")) {
        ch->det = ch->definite = 1;
        i++;
    } else if (tok_is(x, i, "a") || tok_is(x, i, "an")) {
        ch->det = 1;
        i++;
    }
    ch->start = i;
    size_t j = i, commit = i, mods = 0;
    int any = 0;
    for (;;) {
        const evg_gz_entry *e;
        size_t len = gz(x, j, M_ALL, &e);
        if (!len && !any && (e = hyphen_prefix(x, j)) != NULL) {
            /* "Vietnamese-led forces", "Huawei-made equipment" */
            if (e->cls == EVG_GZ_ADJ || e->cls == EVG_GZ_COUNTRY ||
                e->cls == EVG_GZ_CAPITAL || e->cls == EVG_GZ_IGO) {
                ch->start = ch->c_start = j;
                ch->c = e;
                ch->c_end = commit = ++j;
                any = 1;
                continue;
            }
            ch->start = ch->name_s = j;
            ch->name = e;
            ch->name_e = commit = j + 1;
            ch->hyphen = 1;
            break;
        }
        if (len && !any && e->cls == EVG_GZ_COUNTRY && !is_possessive(x, j + len)) {
            /* "China Eastern Airlines", "Korea Telecom": a country name
             * opening an organization's own name */
            size_t l2 = org_after(x, j + len);
            if (l2) {
                ch->start = ch->c_start = ch->name_s = j;
                ch->c = e;
                ch->c_end = j + len;
                ch->unknown = 1;
                ch->name_e = commit = j + len + l2;
                break;
            }
        }
        if (len && (e->cls == EVG_GZ_ADJ ||
                    (!any && (e->cls == EVG_GZ_COUNTRY ||
                              e->cls == EVG_GZ_CAPITAL ||
                              e->cls == EVG_GZ_IGO)))) {
            if (ch->c || ch->title || ch->role || mods)
                break;
            if (!any)
                ch->start = j;
            ch->c = e;
            ch->c_start = j;
            j += len;
            ch->c_end = j;
            if (is_possessive(x, j)) {
                ch->possessive = 1;
                j++;
            }
            commit = j;
            mods = 0;
            any = 1;
            continue;
        }
        if (len && e->cls == EVG_GZ_TITLE) {
            if (!any)
                ch->start = j;
            if (!ch->title || (!ch->title->sector[0] && e->sector[0]))
                ch->title = e;
            j += len;
            commit = j;
            mods = 0;
            any = 1;
            continue;
        }
        if (!any && !mods && j < x->n && (x->tk[j].flags & EVG_TOK_CAP) &&
            !(len && (M_NAME & EVG_GZ_BIT(e->cls)))) {
            size_t l = cap_span(x, j);
            if (len && e->cls == EVG_GZ_ROLE && l > len &&
                org_word(x, j + l - 1)) {
                /* "the Government Accountability Office": a role word
                 * opening an organization's name */
                ch->start = ch->name_s = j;
                ch->unknown = 1;
                ch->name_e = commit = j + l;
                break;
            }
            /* "the Bank of England", "Central Bank of Nigeria": an
             * organization of a country, named after it */
            const evg_gz_entry *of_c = NULL;
            size_t of_l = l ? of_country(x, j + l, &of_c) : 0;
            if (of_l) {
                ch->start = ch->name_s = j;
                ch->c = of_c;
                ch->c_start = j + l + 1;
                ch->c_end = j + l + of_l;
                ch->unknown = 1;
                ch->name_e = commit = j + l + of_l;
                break;
            }
        }
        if (len && e->cls == EVG_GZ_ROLE && !(any && !mods &&
                                               (x->tk[j].flags & EVG_TOK_CAP) &&
                                               cap_span(x, j) > len)) {
            if (!any && !ch->det)
                ch->start = j;
            /* the head noun decides ("paper workers": LAB), except that
             * "rebel leaders" stay rebels */
            if (!ch->role || strcmp(e->sector, "GOV") != 0)
                ch->role = e;
            j += len;
            commit = j;
            mods = 0;
            any = 1;
            continue;
        }
        if (len && e->cls == EVG_GZ_ROLE && any && !mods &&
            (x->tk[j].flags & EVG_TOK_CAP) && cap_span(x, j) > len) {
            /* "Nigerian Union of Teachers": the role word starts a name */
            len = 0;
        }
        if ((len && (M_NAME & EVG_GZ_BIT(e->cls))) ||
            (!len && j < x->n && is_word(&x->tk[j]) &&
             (x->tk[j].flags & EVG_TOK_CAP))) {
            if (mods)
                break; /* "United States warned Iran": two actors */
        }
        if (len && !ch->c && !ch->title &&
            (e->cls == EVG_GZ_GOV || e->cls == EVG_GZ_IGO ||
             e->cls == EVG_GZ_MEDIA || e->cls == EVG_GZ_ORG ||
             e->cls == EVG_GZ_GROUP)) {
            /* "Pentagon spokesman Kenneth Bacon": the body gives the
             * person's country */
            const evg_gz_entry *t2;
            size_t tl = gz(x, j + len, B(TITLE), &t2);
            if (tl && j + len + tl < x->n && is_word(&x->tk[j + len + tl]) &&
                (x->tk[j + len + tl].flags & EVG_TOK_CAP)) {
                if (!any)
                    ch->start = j;
                ch->c = e;
                ch->c_start = j;
                ch->c_end = j + len;
                j += len;
                commit = j;
                mods = 0;
                any = 1;
                continue;
            }
        }
        if (len && (M_NAME & EVG_GZ_BIT(e->cls))) {
            if (!any)
                ch->start = j;
            ch->name = e;
            ch->name_s = j;
            ch->name_e = j + len;
            commit = j + len;
            break;
        }
        if (!len && !ch->title && !ch->role && !ch->name) {
            size_t pl = portfolio(x, j);
            if (pl) {
                /* "Planning and Investment Minister Tran Xuan Gia": the
                 * capitalized words name the ministry, not an actor */
                if (!any)
                    ch->start = j;
                j += pl;
                any = 1;
                mods = 0;
                continue;
            }
        }
        if (!len && !x->boiler && j < x->n && is_word(&x->tk[j]) &&
            (x->tk[j].flags & EVG_TOK_CAP)) {
            size_t l = cap_span(x, j);
            if (l) {
                if (!any)
                    ch->start = j;
                ch->unknown = 1;
                ch->name_s = j;
                ch->name_e = j + l;
                commit = j + l;
            }
            break;
        }
        if ((ch->c || ch->det || ch->role) && mods < MAX_MODS && mod_ok(x, j)) {
            mods++;
            j++;
            continue;
        }
        if ((ch->title || ch->role) && !ch->c && !ch->name && j == commit &&
            tok_is(x, j, "of")) {
            /* "the president of Armenia", "the government of Sudan":
             * the role belongs to the country named after it */
            size_t k = j + 1;
            if (tok_is(x, k, "the"))
                k++;
            const evg_gz_entry *c;
            size_t l = gz(x, k, B(COUNTRY), &c);
            if (l && !is_possessive(x, k + l) &&
                !(k + l < x->n && (x->tk[k + l].flags & EVG_TOK_CAP) &&
                  is_word(&x->tk[k + l]))) {
                ch->c = c;
                ch->c_start = k;
                ch->c_end = commit = k + l;
            }
        }
        break;
    }
    ch->end = commit;
}

static void copy3(char dst[4], const char *src)
{
    memcpy(dst, src, 3);
    dst[3] = '\0';
}

/* Is token i - 1 "ethnic" ("ethnic Albanians", "ethnic Turks")? */
static int ethnic_before(const ctx *x, size_t i)
{
    return i > 0 && tok_is(x, i - 1, "ethnic");
}

/* Is the word before token `i` one that makes a capital a place ("in
 * Washington", "visited Seoul") rather than its government? */
static int locative(const ctx *x, size_t i)
{
    static const char *const words[] = {
        "in", "at", "near", "from", "to", "into", "outside", "around",
        "across", "via", "through", "toward", "towards", "within", "inside",
        "visit", "visits", "visited", "visiting", "of", "left", "leaving",
        "reached", "arrived", "based", "downtown", "central", NULL};
    return i > 0 && word_in(x->t, &x->tk[i - 1], words);
}

/* The first token of a quantifier right before token `i` ("several",
 * "many other", "a number of", "five"), or EVG_NONE. "the two" and "both"
 * are not quantifiers here: they name a known pair (duals.c). */
static size_t quantified(const ctx *x, size_t i)
{
    static const char *const q[] = {
        "several", "many", "some", "other", "numerous", "various",
        "multiple", "few", "most", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "dozen", "western", "neighbouring",
        "neighboring", "foreign", "allied", NULL};
    static const char *const of[] = {"number", "dozens", "dozen", "handful",
                                     "majority", "group", "host", NULL};
    if (i == 0)
        return EVG_NONE;
    size_t k = i - 1;
    if (tok_is(x, k, "of") && k > 0 && word_in(x->t, &x->tk[k - 1], of)) {
        k--;
        if (k > 0 && (tok_is(x, k - 1, "a") || tok_is(x, k - 1, "the")))
            k--;
        return k;
    }
    if (!word_in(x->t, &x->tk[k], q))
        return EVG_NONE;
    /* "many other countries" */
    if (k > 0 && word_in(x->t, &x->tk[k - 1], q))
        k--;
    if (k > 0 && (tok_is(x, k - 1, "the") || tok_is(x, k - 1, "these") ||
                  tok_is(x, k - 1, "those") || tok_is(x, k - 1, "both")))
        return EVG_NONE;
    return k;
}

/* "several countries", "many governments": states the text does not name,
 * one group actor of no country (code --- plus the role's sector), never
 * given a country from the context. */
static long group_of_states(ctx *x, const chain *ch, size_t q,
                            const char *sector)
{
    cand *d = push(x, x->tk[q].start, x->tk[ch->end - 1].end);
    if (!d)
        return EVG_ENOMEM;
    set_sector(d, sector);
    d->kind = EVG_KIND_GROUP;
    d->kk = 'r'; /* a plural: never what "it" or "its" refers to */
    d->needs_country = 0;
    return (long)(ch->end - ch->i0);
}

/* Turns a parsed chain into a mention. Returns tokens consumed (>= 1
 * when a mention was made, 0 when none) or a negative error. */
static long emit(ctx *x, const chain *ch)
{
    const evg_token *tk = x->tk;
    int has_name = ch->name || ch->unknown;
    size_t endtok = ch->end;
    if (has_name) {
        /* "the Chosun Ilbo newspaper", "Foreign Ministry official" */
        const evg_gz_entry *r;
        size_t rl = gz(x, endtok, B(ROLE) | B(TITLE), &r);
        const evg_gz_entry *role = ch->role;
        if (rl && !(r->cls == EVG_GZ_TITLE && endtok + rl < x->n &&
                    (tk[endtok + rl].flags & EVG_TOK_CAP))) {
            if (!role)
                role = r;
            endtok += rl;
        }
        size_t s = ch->start, e = endtok;
        /* a lone capitalized word opening a sentence is no evidence */
        if (ch->unknown && s == ch->name_s && ch->name_e == s + 1 &&
            (s == 0 || !is_word(&tk[s - 1])) &&
            !(tk[s].flags & EVG_TOK_UPPER) &&
            (s == 0 || x->t[tk[s - 1].start] == '"' ||
             (unsigned char)x->t[tk[s - 1].start] == 0xe2) &&
            same_name(x, x->c.n, tk[s].start, tk[s].end) == EVG_NONE)
            return 0;
        cand *d = push(x, tk[s].start, tk[e - 1].end);
        if (!d)
            return EVG_ENOMEM;
        d->nstart = tk[ch->name_s].start;
        d->nend = tk[ch->name_e - 1].end;
        if (ch->c) {
            set_country(d, ch->c->country, 1);
            d->cprefix = ch->c->cls != EVG_GZ_IGO;
        }
        const evg_gz_entry *after = country_after(x, endtok);
        if (ch->name) {
            const evg_gz_entry *n = ch->name;
            if (memcmp(n->country, "---", 3) != 0)
                set_country(d, n->country, 1);
            d->kk = memcmp(n->country, "---", 3) != 0 || n->cls == EVG_GZ_CITY
                        ? 'g'
                        : 'b';
            set_sector(d, n->sector);
            if (ch->title)
                set_sector(d, ch->title->sector);
            if (role)
                set_sector(d, role->sector);
            d->kind = kind_of_class(n->cls, d->sector);
            if (n->cls == EVG_GZ_COUNTRY || n->cls == EVG_GZ_CAPITAL ||
                n->cls == EVG_GZ_CITY)
                d->is_place = 1;
            d->metonym = n->cls == EVG_GZ_CAPITAL && !ch->hyphen &&
                         !role && !ch->title &&
                         (is_possessive(x, ch->name_e) ||
                          !locative(x, ch->start));
            d->name = n->name;
            d->adj_only = ch->hyphen;
        } else {
            int org;
            const char *sec = name_sector(x, ch->name_s,
                                          ch->name_e - ch->name_s, &org);
            size_t nl = ch->name_e - ch->name_s;
            if (org) {
                set_sector(d, sec);
                d->kind = kind_of_sector(sec, EVG_KIND_ORGANIZATION);
            } else if (ch->title) {
                set_sector(d, ch->title->sector);
                d->kind = EVG_KIND_PERSON;
            } else if (role) {
                set_sector(d, role->sector);
                d->kind = kind_of_sector(role->sector, EVG_KIND_ORGANIZATION);
            } else if (all_caps_acronym(x, ch->name_s, nl)) {
                d->kind = EVG_KIND_ORGANIZATION;
            } else if (ch->name_s > 0 &&
                       (tok_is(x, ch->name_s - 1, "in") ||
                        tok_is(x, ch->name_s - 1, "at") ||
                        tok_is(x, ch->name_s - 1, "near") ||
                        tok_is(x, ch->name_s - 1, "from") ||
                        place_of(x, ch->name_s))) {
                /* "in San Francisco", "the city of Kharkiv" */
                d->kind = EVG_KIND_LOCATION;
            } else if (nl >= 2 && nl <= 4 && !ch->det &&
                       !thing_name(x, ch->name_s, nl)) {
                d->kind = EVG_KIND_PERSON;
            } else {
                d->kind = EVG_KIND_ORGANIZATION;
            }
            d->kk = 'n';
            size_t r0 = same_name(x, x->c.n - 1, d->nstart, d->nend);
            if (r0 != EVG_NONE && !ch->c && !ch->title && !role) {
                d->ante = r0;
                d->kind = x->c.v[r0].kind;
            }
        }
        if (!d->country[0] && after)
            set_country(d, after->country, 1);
        /* a region across countries ("the Gulf") keeps none */
        d->needs_country = !(ch->name && ch->name->cls == EVG_GZ_CITY);
        /* "Asia-Pacific Economic Cooperation (APEC)" */
        size_t k = endtok;
        if (k + 2 < x->n && x->t[tk[k].start] == '(' &&
            (tk[k + 1].flags & EVG_TOK_UPPER) &&
            x->t[tk[k + 2].start] == ')') {
            size_t root = x->c.n - 1;
            if (push_ref(x, tk[k + 1].start, tk[k + 1].end, root))
                return EVG_ENOMEM;
            endtok = k + 3;
        }
        return (long)(endtok - ch->i0);
    }
    if (ch->role || ch->title) {
        const evg_gz_entry *r = ch->role ? ch->role : ch->title;
        int want_person = !ch->role;
        int want_country = !r->sector[0] && (!strcmp(r->name, "country") ||
                                             !strcmp(r->name, "nation") ||
                                             !strcmp(r->name, "countries") ||
                                             !strcmp(r->name, "nations"));
        const char *sec = r->sector;
        const char *c3 = NULL;
        size_t rl = strlen(r->name);
        int plural = rl > 1 && r->name[rl - 1] == 's';
        static const char *const govwords[] = {"government", "administration",
                                               "authorities", "regime",
                                               "leadership", NULL};
        int gov = word_in(x->t, &tk[ch->end - 1], govwords);
        if (gov && !ch->c)
            want_country = 1;
        char cbuf[4] = "";
        int ethnic = ch->c && ethnic_before(x, ch->c_start);
        if (ch->c && memcmp(ch->c->country, "---", 3) != 0 && !ethnic) {
            copy3(cbuf, ch->c->country);
            c3 = cbuf;
        }
        size_t s = ch->definite && !ch->c ? ch->i0 : ch->start;
        size_t e = ch->end;
        /* "the alliance", "the bloc": an international organization
         * named just before, or nobody */
        int igo_only = !c3 && memcmp(r->country, "IGO", 3) == 0 &&
                       !r->sector[0];
        if (ch->definite && !(gov && ch->c)) {
            size_t root = antecedent(x, want_person, sec,
                                     igo_only ? "IGO" : c3, want_country,
                                     plural);
            if (root != EVG_NONE) {
                if (push_ref(x, tk[s].start, tk[e - 1].end, root))
                    return EVG_ENOMEM;
                return (long)(e - ch->i0);
            }
        }
        if (igo_only)
            return 0;
        const evg_token *head = &tk[ch->end - 1];
        int plural_word = head->end - head->start > 3 &&
                          x->t[head->end - 1] == 's';
        static const char *const govs[] = {"governments", "regimes", NULL};
        if ((want_country || word_in(x->t, head, govs)) &&
            (plural || plural_word) && !ch->c && !ch->det && !x->boiler) {
            size_t q = quantified(x, ch->start);
            if (q != EVG_NONE)
                return group_of_states(x, ch, q, sec);
        }
        if (want_country || (want_person && !c3) || (x->boiler && !c3))
            return 0; /* boilerplate: no actors guessed from role words */
        if (!c3 && strcmp(r->country, "---") == 0 &&
            (!strong_sector(sec) ||
             (!ch->det && !plural && strcmp(r->name, "police") != 0)))
            return 0;
        const evg_gz_entry *after = country_after(x, e);
        cand *d = push(x, tk[ch->start].start, tk[e - 1].end);
        if (!d)
            return EVG_ENOMEM;
        if (c3)
            set_country(d, c3, 1);
        else if (memcmp(r->country, "---", 3) != 0)
            set_country(d, r->country, 1);
        else if (after)
            set_country(d, after->country, 1);
        set_sector(d, sec);
        d->kind = want_person ? EVG_KIND_PERSON
                              : kind_of_sector(sec, EVG_KIND_GROUP);
        d->needs_country = 1;
        if (ethnic)
            copy3(d->avoid, ch->c->country);
        d->name = r->name; /* role canonical: key part */
        d->kk = 'r';
        return (long)(e - ch->i0);
    }
    if (ch->c) {
        const evg_gz_entry *c = ch->c;
        if (memcmp(c->country, "---", 3) == 0)
            return 0;
        /* "Hungarian and Romanian officials": the role applies to both */
        const evg_gz_entry *r = NULL, *a2;
        size_t k = ch->c_end;
        if (c->cls == EVG_GZ_ADJ && !ch->possessive &&
            (tok_is(x, k, "and") || tok_is(x, k, "or") ||
             (k < x->n && x->t[tk[k].start] == ','))) {
            size_t l2 = gz(x, k + 1, B(ADJ), &a2);
            if (l2)
                gz(x, k + 1 + l2, B(ROLE), &r);
        }
        if (c->cls == EVG_GZ_ADJ && !r && !ch->possessive &&
            ethnic_before(x, ch->c_start)) {
            /* "ethnic Albanians": a minority, of the country it lives in */
            cand *d = push(x, tk[ch->c_start - 1].start, tk[ch->c_end - 1].end);
            if (!d)
                return EVG_ENOMEM;
            copy3(d->avoid, c->country);
            d->kind = EVG_KIND_GROUP;
            d->needs_country = 1;
            d->name = c->name;
            d->kk = 'r';
            return (long)(ch->c_end - ch->i0);
        }
        cand *d = push(x, tk[ch->c_start].start, tk[ch->c_end - 1].end);
        if (!d)
            return EVG_ENOMEM;
        set_country(d, c->country, 1);
        set_sector(d, c->sector);
        if (r) {
            set_sector(d, r->sector);
            d->kind = kind_of_sector(r->sector, EVG_KIND_GROUP);
            d->name = r->name;
            d->kk = 'r';
            return (long)(ch->c_end - ch->i0);
        }
        d->kind = kind_of_class(c->cls, d->sector);
        d->is_place = c->cls != EVG_GZ_IGO;
        d->metonym = c->cls == EVG_GZ_CAPITAL &&
                     (is_possessive(x, ch->c_end) || !locative(x, ch->c_start));
        d->adj_only = c->cls == EVG_GZ_ADJ;
        d->name = c->name;
        d->kk = 'g';
        return (long)(ch->c_end - ch->i0);
    }
    return 0;
}

/* ---- merging ---- */

typedef struct kmap {
    char **keys;
    size_t *vals;
    size_t cap;
} kmap;

static size_t khash(const char *s)
{
    size_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

/* Finds `key`; inserts it with value `val` when absent. Returns the slot's
 * value, or EVG_NONE - 1 on out-of-memory. */
static size_t kmap_get(kmap *m, char *key, size_t val, int *inserted)
{
    size_t i = khash(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (!strcmp(m->keys[i], key)) {
            *inserted = 0;
            return m->vals[i];
        }
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = key;
    m->vals[i] = val;
    *inserted = 1;
    return val;
}

static int national(const cand *a)
{
    /* not a newspaper's or agency's home country: they report from
     * abroad */
    return a->country[0] && a->explicit_country && a->ante == EVG_NONE &&
           memcmp(a->sector, "MED", 4) != 0 &&
           memcmp(a->country, "IGO", 4) != 0 &&
           memcmp(a->country, "IMG", 4) != 0 &&
           memcmp(a->country, "NGO", 4) != 0;
}

static const char *place_near(const ctx *x, size_t k)
{
    const cand *d = &x->c.v[k];
    const cand *best = NULL;
    size_t bestdist = (size_t)-1;
    for (size_t j = k; j-- > 0;) {
        const cand *a = &x->c.v[j];
        if (a->sent != d->sent)
            break;
        if (national(a)) {
            best = a;
            bestdist = d->start - a->end;
            break;
        }
    }
    for (size_t j = k + 1; j < x->c.n; j++) {
        const cand *a = &x->c.v[j];
        if (a->sent != d->sent)
            break;
        if (national(a)) {
            if (a->start - d->end < bestdist)
                best = a;
            break;
        }
    }
    return best ? best->country : NULL;
}

static int add_alias(evg_doc *doc, evg_entity *en, const char *s)
{
    if (!strcmp(s, en->name))
        return 0;
    for (size_t i = 0; i < en->n_aliases; i++)
        if (!strcmp(en->aliases[i], s))
            return 0;
    const char **slot =
        EVG_DOC_PUSH(doc, en->aliases, en->n_aliases, en->cap_aliases);
    if (!slot)
        return EVG_ENOMEM;
    *slot = s;
    return 0;
}

static int build(ctx *x)
{
    cands *c = &x->c;
    evg_doc *doc = x->doc;
    /* 1. a body named without a country takes it from another mention of
     *    the same body that has one (nearest first) */
    for (size_t k = 0; k < c->n; k++) {
        cand *d = &c->v[k];
        if (d->ante != EVG_NONE || d->kk != 'b' || d->country[0])
            continue;
        size_t best = EVG_NONE, bd = (size_t)-1;
        size_t lo = k > NAME_WINDOW ? k - NAME_WINDOW : 0;
        size_t hi = c->n - k > NAME_WINDOW ? k + NAME_WINDOW : c->n;
        for (size_t j = lo; j < hi; j++) {
            const cand *a = &c->v[j];
            if (a->kk != 'b' || !a->explicit_country || !a->name ||
                strcmp(a->name, d->name) != 0)
                continue;
            size_t dist = j < k ? k - j : j - k;
            if (dist < bd) {
                bd = dist;
                best = j;
            }
        }
        if (best != EVG_NONE)
            set_country(d, c->v[best].country, 1);
    }
    /* 2. the document's main country: the most mentioned nation (ties:
     *    the first mentioned) */
    const char *main_country = NULL;
    {
        enum { MAXC = 64 };
        const char *code[MAXC];
        size_t cnt[MAXC], nc = 0, bestn = 0;
        for (size_t k = 0; k < c->n; k++) {
            const cand *d = &c->v[k];
            /* places and states only: a foreign company named once
             * ("would sue Samsung") says nothing of where the story is */
            if (!national(d) ||
                !(d->is_place || d->kind == EVG_KIND_COUNTRY ||
                  d->kind == EVG_KIND_GOVERNMENT))
                continue;
            size_t j = 0;
            while (j < nc && memcmp(code[j], d->country, 4) != 0)
                j++;
            if (j == nc) {
                if (nc == MAXC)
                    continue;
                code[nc] = d->country;
                cnt[nc++] = 0;
            }
            if (++cnt[j] > bestn) {
                bestn = cnt[j];
                main_country = code[j];
            }
        }
    }
    /* 3. context countries */
    for (size_t k = 0; k < c->n; k++) {
        cand *d = &c->v[k];
        if (d->ante != EVG_NONE || d->country[0] || !d->needs_country)
            continue;
        const char *cc = place_near(x, k);
        if (!cc || (d->avoid[0] && strcmp(cc, d->avoid) == 0))
            cc = main_country;
        if (cc && !(d->avoid[0] && strcmp(cc, d->avoid) == 0))
            set_country(d, cc, 0);
    }
    /* 4. keys and entities */
    kmap m = {0};
    m.cap = 16;
    while (m.cap < c->n * 2 + 2)
        m.cap *= 2;
    m.keys = calloc(m.cap, sizeof(*m.keys));
    m.vals = calloc(m.cap, sizeof(*m.vals));
    size_t *ent_of = malloc((c->n + 1) * sizeof(*ent_of));
    int rc = EVG_ENOMEM;
    if (!m.keys || !m.vals || !ent_of)
        goto done;
    for (size_t k = 0; k < c->n; k++) {
        cand *d = &c->v[k];
        size_t ei;
        if (d->ante != EVG_NONE) {
            ei = ent_of[d->ante];
        } else {
            const char *cc = d->country[0] ? d->country : "---";
            char pre[16];
            const char *base = d->name;
            size_t bl = base ? strlen(base) : 0;
            switch (d->kk) {
            case 'b':
                snprintf(pre, sizeof(pre), "b:%s|", cc);
                break;
            case 'r':
                snprintf(pre, sizeof(pre), "r:%s|%s|", cc, d->sector);
                break;
            case 'g':
                snprintf(pre, sizeof(pre), "g:");
                break;
            default:
                snprintf(pre, sizeof(pre), "n:");
                base = x->t + d->nstart;
                bl = d->nend - d->nstart;
                break;
            }
            if (!base) {
                base = x->t + d->nstart;
                bl = d->nend - d->nstart;
            }
            d->key = keydup(pre, base, bl);
            if (!d->key)
                goto done;
            int ins;
            ei = kmap_get(&m, d->key, doc->n_entities, &ins);
            if (ins) {
                evg_entity *en = EVG_DOC_PUSH(doc, doc->entities,
                                              doc->n_entities,
                                              doc->cap_entities);
                if (!en)
                    goto done;
                if (d->kk == 'r' || (d->kk != 'g' && d->kk != 'b'))
                    en->name = evg_doc_strndup(doc, x->t + d->nstart,
                                               d->nend - d->nstart);
                else
                    en->name = evg_doc_strdup(doc, d->name);
                if (d->kk == 'r')
                    en->name = evg_doc_strndup(doc, x->t + d->start,
                                               d->end - d->start);
                if (!en->name)
                    goto done;
                en->kind = d->kind;
                if (d->country[0] && !(en->country = evg_doc_strdup(doc, d->country)))
                    goto done;
                char code[8];
                snprintf(code, sizeof(code), "%s%s",
                         d->country[0] ? d->country : "---", d->sector);
                if (!(en->code = evg_doc_strdup(doc, code)))
                    goto done;
            } else {
                /* a later mention may know the sector or country first */
                evg_entity *en = &doc->entities[ei];
                if ((d->sector[0] && strlen(en->code) == 3 &&
                     en->kind != EVG_KIND_COUNTRY) ||
                    (!en->country && d->country[0])) {
                    char code[8];
                    const char *cc2 = en->country ? en->country
                                                  : (d->country[0] ? d->country
                                                                   : "---");
                    snprintf(code, sizeof(code), "%s%s", cc2,
                             strlen(en->code) > 3 ? en->code + 3 : d->sector);
                    if (!(en->code = evg_doc_strdup(doc, code)))
                        goto done;
                    if (!en->country && d->country[0] &&
                        !(en->country = evg_doc_strdup(doc, d->country)))
                        goto done;
                }
            }
        }
        ent_of[k] = ei;
        evg_entity *en = &doc->entities[ei];
        evg_mention *mn = EVG_DOC_PUSH(doc, en->mentions, en->n_mentions,
                                       en->cap_mentions);
        if (!mn || evg_doc_span(doc, &mn->span, d->start, d->end) ||
            add_alias(doc, en, mn->span.text))
            goto done;
        mn->with = EVG_NONE;
        if (d->metonym && d->country[0] && en->code && strlen(en->code) == 3) {
            char code[8];
            snprintf(code, sizeof(code), "%sGOV", d->country);
            if (!(mn->code = evg_doc_strdup(doc, code)))
                goto done;
        }
    }
    rc = 0;
done:
    free(m.keys);
    free(m.vals);
    free(ent_of);
    return rc;
}

/* A headline: no final stop, at least three words, most of them
 * capitalized. */
static int title_case(const ctx *x)
{
    size_t words = 0, caps = 0;
    if (!x->n || (x->tk[x->n - 1].flags & EVG_TOK_PUNCT))
        return 0;
    for (size_t i = 0; i < x->n; i++) {
        const evg_token *k = &x->tk[i];
        if (!is_word(k) || k->end - k->start <= 3)
            continue; /* short function words: of, to, the */
        words++;
        caps += (k->flags & EVG_TOK_CAP) != 0;
    }
    return words >= 3 && caps * 10 >= words * 8;
}

int evg_extract__entities(evg_doc *doc, const evg_lexicon *lex,
                          evg_error *err)
{
    ctx x;
    memset(&x, 0, sizeof(x));
    x.doc = doc;
    x.g = lex ? lex->gaz : NULL;
    x.t = doc->text;
    if (!x.g || !doc->text)
        return 0;
    evg_tokens toks = {0};
    int rc = 0;
    for (size_t s = 0; s < doc->n_sentences && !rc; s++) {
        const evg_sentence *sn = &doc->sentences[s];
        toks.n = 0;
        if ((rc = evg_extract__tokenize(doc->text, sn->start, sn->end, &toks)))
            break;
        x.sent = s;
        x.tk = toks.v;
        x.n = toks.n;
        /* boilerplate and title-case lines (headlines) name no new actors
         * from capitalized words alone */
        x.boiler = sn->boilerplate || title_case(&x);
        size_t i = 0;
        while (i < x.n) {
            int p = pronoun(&x, i);
            if (p < 0) {
                rc = p;
                break;
            }
            if (p) {
                i++;
                continue;
            }
            chain ch;
            parse_chain(&x, i, &ch);
            long used = emit(&x, &ch);
            if (used < 0) {
                rc = (int)used;
                break;
            }
            i += used > 0 ? (size_t)used : 1;
        }
    }
    evg_extract__tokens_dispose(&toks);
    if (!rc)
        rc = build(&x);
    if (!rc && x.nfail)
        rc = EVG_ENOMEM;
    for (size_t k = 0; k < x.c.n; k++)
        free(x.c.v[k].key);
    free(x.c.v);
    free(x.ntab);
    if (rc)
        return evg_error_set(err, rc, "actor finder: out of memory");
    return 0;
}

/* ---- lookups for later stages ---- */

static size_t mention_at(const evg_entity *e, size_t off)
{
    size_t lo = 0, hi = e->n_mentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (e->mentions[mid].span.end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t evg_extract__entity_at(const evg_doc *doc, size_t offset,
                              size_t *mention)
{
    return evg_extract__entity_in(doc, offset, offset + 1, mention);
}

size_t evg_extract__entity_in(const evg_doc *doc, size_t start, size_t end,
                              size_t *mention)
{
    size_t best = EVG_NONE, bm = 0, bstart = (size_t)-1;
    for (size_t i = 0; i < doc->n_entities; i++) {
        const evg_entity *e = &doc->entities[i];
        size_t m = mention_at(e, start);
        if (m < e->n_mentions && e->mentions[m].span.start < end &&
            e->mentions[m].span.start < bstart) {
            best = i;
            bm = m;
            bstart = e->mentions[m].span.start;
        }
    }
    if (mention)
        *mention = bm;
    return best;
}

const char *evg_extract__entity_sector(const evg_entity *e)
{
    return e && e->code && strlen(e->code) > 3 ? e->code + 3 : "";
}
