/* The actor finder's word tests and candidate mentions: stop words,
 * gazetteer lookups at a token, the country, sector and kind of a
 * candidate, and unknown names (capitalized spans, acronyms). */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "entities_finder.h"
#include "names.h"
#include "words.h"

/* The finder's word lists (extract/data/): capitalized words that start
 * sentences or name times, never actors (sorted: searched by halves), the
 * lower-case words inside a name ("Bank of China"), and those the rest of
 * the finder reads (entities_finder.h). */
static const char *const *stop_caps;
static size_t n_stop_caps;
static const char *const *connectors;
static const char *const *particles;
const char *const *evg_actors__modifiers;
const char *const *evg_actors__name_heads;
const char *const *evg_actors__place_prefixes;
const char *const *evg_actors__place_kinds;
const char *const *evg_actors__locatives;
const char *const *evg_actors__quantifiers;
const char *const *evg_actors__quantity_nouns;
const char *const *evg_actors__government_heads;
const char *const *evg_actors__government_plurals;
const char *const *evg_actors__pronouns_thing;
const char *const *evg_actors__pronouns_person;
const char *const *evg_actors__raising;
const char *const *evg_actors__expletive_be;
const char *const *evg_actors__expletive_adj;
const char *const *evg_actors__place_heads;
const char *const *evg_actors__operation_words;
const char *const *evg_actors__vehicles;
const char *const *evg_actors__publication_heads;
const char *const *evg_actors__number_scales;
const char *const *evg_actors__past_titles;
const char *const *evg_actors__pronouns_plural;
const char *const *evg_actors__transnational;
const char *const *evg_actors__state_media;
const char *const *evg_actors__ethnic_heads;
const char *const *evg_actors__employer_titles;
const char *const *evg_actors__company_descriptors;
static const char *const *genders; /* pairs: word, "m" or "f" */
static size_t n_genders;

static const evg_words_use uses[] = {
    {"never_actors.words", EVG_WORDS_SORTED, &stop_caps, &n_stop_caps},
    {"name_connectors.words", 0, &connectors, NULL},
    {"name_particles.words", 0, &particles, NULL},
    {"role_modifiers.words", 0, &evg_actors__modifiers, NULL},
    {"name_heads.words", 0, &evg_actors__name_heads, NULL},
    {"place_prefixes.words", 0, &evg_actors__place_prefixes, NULL},
    {"place_kinds.words", 0, &evg_actors__place_kinds, NULL},
    {"locatives.words", 0, &evg_actors__locatives, NULL},
    {"quantifiers.words", 0, &evg_actors__quantifiers, NULL},
    {"quantity_nouns.words", 0, &evg_actors__quantity_nouns, NULL},
    {"government_heads.words", 0, &evg_actors__government_heads, NULL},
    {"government_plurals.words", 0, &evg_actors__government_plurals, NULL},
    {"pronouns_thing.words", 0, &evg_actors__pronouns_thing, NULL},
    {"pronouns_person.words", 0, &evg_actors__pronouns_person, NULL},
    {"raising_verbs.words", 0, &evg_actors__raising, NULL},
    {"expletive_be.words", 0, &evg_actors__expletive_be, NULL},
    {"expletive_adjectives.words", 0, &evg_actors__expletive_adj, NULL},
    {"place_heads.words", 0, &evg_actors__place_heads, NULL},
    {"operation_words.words", 0, &evg_actors__operation_words, NULL},
    {"vehicles.words", 0, &evg_actors__vehicles, NULL},
    {"publication_heads.words", 0, &evg_actors__publication_heads, NULL},
    {"number_scales.words", 0, &evg_actors__number_scales, NULL},
    {"past_titles.words", 0, &evg_actors__past_titles, NULL},
    {"pronouns_plural.words", 0, &evg_actors__pronouns_plural, NULL},
    {"transnational_words.words", 0, &evg_actors__transnational, NULL},
    {"state_media_marks.words", 0, &evg_actors__state_media, NULL},
    {"ethnic_heads.words", 0, &evg_actors__ethnic_heads, NULL},
    {"employer_titles.words", 0, &evg_actors__employer_titles, NULL},
    {"company_descriptors.words", 0, &evg_actors__company_descriptors,
     NULL},
    {"person_gender.words", EVG_WORDS_PAIRS | EVG_WORDS_SORTED, &genders,
     &n_genders}};
static evg_words_set lists = EVG_WORDS_SET(uses);

size_t evg_actors__pronoun_len[3];
static pthread_once_t pron_once = PTHREAD_ONCE_INIT;

static size_t longest(const char *const *l)
{
    size_t m = 0;
    for (; l && *l; l++)
        if (strlen(*l) > m)
            m = strlen(*l);
    return m;
}

static void pronoun_lengths(void)
{
    evg_actors__pronoun_len[0] = longest(evg_actors__pronouns_thing);
    evg_actors__pronoun_len[1] = longest(evg_actors__pronouns_person);
    evg_actors__pronoun_len[2] = longest(evg_actors__pronouns_plural);
}

int evg_actors__load_words(evg_error *err)
{
    int rc = evg_words_load(&lists, err);
    if (!rc)
        pthread_once(&pron_once, pronoun_lengths);
    return rc;
}

static int cmp_word(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

/* A capitalized word that is never an actor on its own (binary search in
 * the sorted table). */
int evg_actors__stop_word(const char *t, const evg_token *k)
{
    char w[16];
    size_t n = k->end - k->start;
    if (n >= sizeof(w))
        return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)t[k->start + i]);
    w[n] = '\0';
    return bsearch(w, stop_caps, n_stop_caps, sizeof(stop_caps[0]),
                   cmp_word) != NULL;
}


size_t evg_actors__gz(const ctx *x, size_t i, unsigned mask,
                      const evg_gz_entry **e)
{
    *e = NULL;
    if (i >= x->n || (x->tk[i].flags & EVG_TOK_PUNCT))
        return 0;
    return evg_gz_match(x->g, x->t, x->tk, x->n, i, mask, x->date, e);
}

char *evg_actors__keydup(const char *a, const char *b, size_t bn)
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

cand *evg_actors__push(ctx *x, size_t start, size_t end)
{
    cands *c = &x->c;
    /* not zeroed: each candidate is, as it comes (a zeroed capacity is
     * resident up to twice over) */
    if (c->n >= CAND_NONE - 1 ||
        evg_reserve_raw(&c->v, &c->cap, c->n + 1, sizeof(*c->v), 64) < 0)
        return NULL;
    cand *d = &c->v[c->n++];
    memset(d, 0, sizeof(*d));
    /* offsets below 4 GiB: evg_extract__entities checks the text */
    d->start = d->nstart = (uint32_t)start;
    d->end = d->nend = (uint32_t)end;
    d->sent = (uint32_t)x->sent;
    d->ante = CAND_NONE;
    d->role = (unsigned)evg_actors__role(x, start, end) & 3u;
    return d;
}

/* The parse's word heading bytes [start, end) of the sentence: the word
 * inside whose head is outside; EVG_NONE without one. */
static size_t head_word(const ctx *x, size_t start, size_t end)
{
    for (size_t i = 0; i < x->n_ud; i++) {
        const evg_doc_token *t = &x->ud[i];
        if (t->start < start || t->end > end)
            continue;
        size_t h = t->head;
        if (h == 0 || h > x->n_ud || x->ud[h - 1].start < start ||
            x->ud[h - 1].end > end)
            return i;
    }
    return EVG_NONE;
}

static int rel_base(const char *rel, const char *base)
{
    size_t n = strlen(base);
    return rel && strncmp(rel, base, n) == 0 &&
           (rel[n] == '\0' || rel[n] == ':');
}

int evg_actors__role(const ctx *x, size_t start, size_t end)
{
    size_t w = head_word(x, start, end);
    /* a coordinated or apposed phrase has the place of the first */
    for (int up = 0; up < 4 && w != EVG_NONE; up++) {
        const evg_doc_token *t = &x->ud[w];
        if (!(rel_base(t->deprel, "conj") || rel_base(t->deprel, "appos")) ||
            t->head == 0 || t->head > x->n_ud)
            break;
        w = t->head - 1;
    }
    if (w == EVG_NONE)
        return CAND_EMBEDDED;
    const char *rel = x->ud[w].deprel;
    if (rel_base(rel, "nsubj") || rel_base(rel, "csubj"))
        return CAND_SUBJECT;
    if (rel_base(rel, "obj") || rel_base(rel, "iobj") ||
        rel_base(rel, "root"))
        return CAND_OBJECT;
    if (rel_base(rel, "obl"))
        return CAND_OBLIQUE;
    return CAND_EMBEDDED;
}

void evg_actors__set_country(cand *d, const char *c3, int explicit_)
{
    if (!c3 || !c3[0] || memcmp(c3, "---", 3) == 0)
        return;
    memcpy(d->country, c3, 3);
    d->country[3] = '\0';
    d->explicit_country = explicit_ != 0;
}

void evg_actors__set_sector(cand *d, const char *s)
{
    if (s && s[0] && !d->sector[0]) {
        memcpy(d->sector, s, 3);
        d->sector[3] = '\0';
    }
}

evg_entity_kind evg_actors__kind_of_sector(const char *s, evg_entity_kind dflt)
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

evg_entity_kind evg_actors__kind_of_class(unsigned cls, const char *sector)
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
        return evg_actors__kind_of_sector(sector, EVG_KIND_ORGANIZATION);
    }
}

/* ---- unknown names ---- */

static int name_connector(const ctx *x, size_t i)
{
    return i < x->n && is_lower_word(x->t, &x->tk[i]) &&
           word_in(x->t, &x->tk[i], connectors);
}

/* Is token j a particle of a person's name (name_particles.words): "de"
 * ("Charles de Gaulle"), or one before a hyphen and a capital
 * ("al-Assad", "el-Sisi")? */
int evg_actors__particle(const ctx *x, size_t j)
{
    if (j >= x->n || !is_lower_word(x->t, &x->tk[j]))
        return 0;
    evg_token k = x->tk[j];
    const char *h = memchr(x->t + k.start, '-', k.end - k.start);
    if (h) {
        if (h + 1 >= x->t + k.end || !isupper((unsigned char)h[1]))
            return 0;
        k.end = (size_t)(h - x->t);
    }
    return word_in(x->t, &k, particles);
}

/* Is token i a first name (person_gender.words, nicknames.words), not a
 * title ("Pope", "Queen") or a pronoun? */
int evg_actors__first_name(const ctx *x, size_t i)
{
    const evg_token *k = &x->tk[i];
    const evg_gz_entry *e;
    if (!is_word(k) || !(k->flags & EVG_TOK_CAP) || (k->flags & EVG_TOK_UPPER) ||
        evg_actors__gz(x, i, B(TITLE) | B(ROLE), &e))
        return 0;
    const char *w = x->t + k->start;
    size_t n = k->end - k->start;
    return evg_names_is_name(w, n) &&
           (evg_actors__gender(w, n) || evg_names_first_name(w, n));
}

/* Are tokens [i, j) a person's full name: a first name, then one or two
 * capitalized words, none of them a word of an organization's or a
 * thing's name ("Louis Gallois", not "Georgia Institute")? */
static int person_name(const ctx *x, size_t i, size_t j)
{
    if (j < i + 2 || j > i + 3 || !evg_actors__first_name(x, i))
        return 0;
    for (size_t q = i + 1; q < j; q++) {
        const evg_gz_entry *e;
        if (!is_word(&x->tk[q]) || !(x->tk[q].flags & EVG_TOK_CAP) ||
            evg_actors__gz(x, q, B(ORGWORD) | B(SUFFIX) | B(ROLE), &e) ||
            word_in(x->t, &x->tk[q], evg_actors__name_heads))
            return 0;
    }
    return 1;
}

/* Does a middle initial ("R", "R.") come right before token j, after a
 * capitalized word of the span that starts at i? */
static int after_initial(const ctx *x, size_t i, size_t j)
{
    size_t k = j - 1;
    if (k > i && x->tk[k].end - x->tk[k].start == 1 &&
        x->t[x->tk[k].start] == '.')
        k--;
    const evg_token *t = &x->tk[k];
    size_t n = t->end - t->start;
    return k > i && (n == 1 || (n == 2 && x->t[t->end - 1] == '.')) &&
           isupper((unsigned char)x->t[t->start]);
}

/* A number that ends a name ("Boeing 777", "FTSE 100", "Nikkei 225"): two
 * to four digits, not a year, not an amount ("paid Airbus 500 million"),
 * right after a capitalized word. */
int evg_actors__brand_word(const ctx *x, size_t j)
{
    const evg_token *k = &x->tk[j];
    const char *w = x->t + k->start;
    return is_word(k) && k->end - k->start >= 3 &&
           islower((unsigned char)w[0]) && isupper((unsigned char)w[1]) &&
           islower((unsigned char)w[2]);
}

int evg_actors__name_number(const ctx *x, size_t j)
{
    const evg_token *k = &x->tk[j];
    size_t n = k->end - k->start, digits = 0;
    const evg_token *p = &x->tk[j - 1];
    int brand = evg_actors__brand_word(x, j - 1);
    if (!(k->flags & EVG_TOK_NUM) || n > 5 || x->t[k->start] == '0' ||
        !((p->flags & EVG_TOK_CAP) || brand) || !is_word(p))
        return 0;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)x->t[k->start + i];
        if (isdigit(c) && digits == i) {
            digits++;
            v = v * 10 + (c - '0');
        } else if (!(isupper(c) && digits)) {
            return 0; /* "3G", "4S": a model's letters after its number */
        }
    }
    if (digits > 4 || (n < 2 && !brand))
        return 0; /* one digit only after a brand: "iPhone 4" */
    if (n == 4 && v >= 1800 && v <= 2100)
        return 0;
    if (j + 1 < x->n && (word_in(x->t, &x->tk[j + 1], evg_actors__number_scales) ||
                         x->t[x->tk[j + 1].start] == '%' ||
                         (x->t[x->tk[j + 1].start] == '.' &&
                          x->tk[j + 1].end == x->tk[j + 1].start + 1 &&
                          j + 2 < x->n && (x->tk[j + 2].flags & EVG_TOK_NUM))))
        return 0;
    return 1;
}

int evg_actors__model_code(const ctx *x, size_t j)
{
    const evg_token *k = &x->tk[j];
    const char *w = x->t + k->start;
    size_t n = k->end - k->start, i = 0, d = 0;
    if (!is_word(k))
        return 0;
    while (i < n && i < 2 && isupper((unsigned char)w[i]))
        i++;
    if (i == 0)
        return 0;
    while (i + d < n && isdigit((unsigned char)w[i + d]))
        d++;
    if (d < 2 || d > 4 || w[i] == '0')
        return 0;
    if (n > i + d && w[n - 1] == 's')
        n--; /* "A380s": the model's plural */
    for (i += d; i < n; i++)
        if (!isupper((unsigned char)w[i]))
            return 0;
    return 1;
}

/* Is the one-word title at j (gl tokens, entry e) the last name of a
 * first name at i = j - 1: "Tom King has", "Larry King said" (no name
 * follows it, as one follows a title: "Tom met King Hussein")? */
static int last_name_title(const ctx *x, size_t i, size_t j, size_t gl,
                           const evg_gz_entry *e)
{
    return e->cls == EVG_GZ_TITLE && gl == 1 && j == i + 1 &&
           !(j + 1 < x->n && is_word(&x->tk[j + 1]) &&
             (x->tk[j + 1].flags & EVG_TOK_CAP)) &&
           evg_names_first_name(x->t + x->tk[i].start,
                                x->tk[i].end - x->tk[i].start);
}

/* Length of a run of capitalized words at i that is not a gazetteer name
 * (connectors allowed inside: "Union of Teachers"). */
size_t evg_actors__cap_span(const ctx *x, size_t i)
{
    size_t j = i, last = i;
    while (j < x->n) {
        const evg_token *k = &x->tk[j];
        if (is_word(k) && ((k->flags & EVG_TOK_CAP) ||
                           evg_actors__brand_word(x, j))) {
            const evg_gz_entry *e;
            size_t gl;
            if (j > i &&
                (gl = evg_actors__gz(x, j, M_NAME | B(ADJ) | B(TITLE), &e)) &&
                !after_initial(x, i, j) && !last_name_title(x, i, j, gl, e))
                break; /* but "Michael R. Bloomberg": a middle initial
                        * never ends a name */
            if (evg_actors__stop_word(x->t, k) &&
                !(j > i && j + 1 < x->n && (x->tk[j + 1].flags & EVG_TOK_CAP)) &&
                !(j + 2 < x->n && x->tk[j + 1].start == k->end &&
                  x->t[k->end] == '&' && x->tk[j + 1].end == k->end + 1 &&
                  (x->tk[j + 2].flags & EVG_TOK_CAP)))
                break; /* but "AT&T" */
            j++;
            last = j;
            continue;
        }
        if (j > i && x->tk[j].end - x->tk[j].start == 1 &&
            x->t[x->tk[j].start] == '&' && j + 1 < x->n &&
            is_word(&x->tk[j + 1]) && (x->tk[j + 1].flags & EVG_TOK_CAP)) {
            j++; /* "AT&T", "Defence & Space" */
            continue;
        }
        if (j > i && x->tk[j].end - x->tk[j].start == 1 &&
            x->t[x->tk[j].start] == '.' && j + 1 < x->n &&
            x->tk[j - 1].end - x->tk[j - 1].start == 1 &&
            isupper((unsigned char)x->t[x->tk[j - 1].start]) &&
            is_word(&x->tk[j + 1]) && (x->tk[j + 1].flags & EVG_TOK_CAP)) {
            j++; /* the stop of a middle initial: "Michael R. Bloomberg" */
            continue;
        }
        if (j > i && evg_actors__name_number(x, j)) {
            j++; /* "Boeing 777", "FTSE 100" */
            last = j;
            break;
        }
        if (j > i && evg_actors__particle(x, j) &&
            memchr(x->t + x->tk[j].start, '-', x->tk[j].end - x->tk[j].start)) {
            j++; /* "Bashar al-Assad" */
            last = j;
            continue;
        }
        if (j > i && name_connector(x, j)) {
            /* "Louis Gallois of Aerospatiale": "of" after a person's
             * full name ends it (a particle does not: "Charles de
             * Gaulle") */
            if (!evg_actors__particle(x, j) && person_name(x, i, j))
                break;
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
const char *evg_actors__name_sector(const ctx *x, size_t i, size_t len,
                                    int *org)
{
    const char *sec = NULL;
    *org = 0;
    for (size_t j = i; j < i + len; j++) {
        const evg_gz_entry *e;
        if (evg_actors__gz(x, j, B(ORGWORD) | B(SUFFIX), &e) != 0) {
            *org = 1;
            if (!sec && e->sector[0])
                sec = e->sector;
        }
    }
    return sec;
}

int evg_actors__all_caps_acronym(const ctx *x, size_t i, size_t len)
{
    return len == 1 && (x->tk[i].flags & EVG_TOK_UPPER) &&
           x->tk[i].end - x->tk[i].start >= 2;
}

int evg_actors__gender(const char *w, size_t n)
{
    char buf[32];
    if (!genders || !n || n >= sizeof(buf))
        return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tolower((unsigned char)w[i]);
    buf[n] = '\0';
    if (n > 1 && buf[n - 1] == '.')
        buf[n - 1] = '\0';
    /* pairs: genders[2i] the word, genders[2i + 1] its gender */
    size_t lo = 0, hi = n_genders;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(buf, genders[2 * mid]);
        if (!c)
            return genders[2 * mid + 1][0];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    /* a nickname: the gender of the full name it stands for */
    const char *full = evg_names_full_first(buf);
    return full && strcmp(full, buf) != 0 ? evg_actors__gender(full, strlen(full))
                                          : 0;
}
