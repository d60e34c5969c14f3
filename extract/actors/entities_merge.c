/* Merging in the actor finder: the candidate mentions become one entity per
 * actor (merge keys, canonical names, aliases, the country of a body from
 * its context), written into doc->entities; then the lookups the later
 * stages make in them. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities_finder.h"

/* The merge keys of the document's entities: a key's entity number. The
 * map holds its keys (malloc'd) and grows with them: a document has far
 * fewer keys than mentions. */
typedef struct kmap {
    char **keys;
    size_t *vals;
    size_t cap, n;
} kmap;

static size_t khash(const char *s)
{
    size_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static void kmap_dispose(kmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->vals);
}

/* Room for one more key at a load of a half at most. EVG_ENOMEM. */
static int kmap_room(kmap *m)
{
    if (2 * (m->n + 1) <= m->cap)
        return 0;
    size_t cap = m->cap ? 2 * m->cap : 16;
    kmap g = {calloc(cap, sizeof(char *)), calloc(cap, sizeof(size_t)), cap,
              m->n};
    if (!g.keys || !g.vals) {
        free(g.keys);
        free(g.vals);
        return EVG_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = khash(m->keys[i]) & (cap - 1);
        while (g.keys[j])
            j = (j + 1) & (cap - 1);
        g.keys[j] = m->keys[i];
        g.vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    *m = g;
    return 0;
}

/* Finds `key`; inserts it with value `val` when absent, and then the map
 * holds `key` (else the caller still does). Returns the slot's value, or
 * EVG_NONE on out-of-memory. */
static size_t kmap_get(kmap *m, char *key, size_t val, int *inserted)
{
    *inserted = 0;
    if (kmap_room(m) < 0)
        return EVG_NONE;
    size_t i = khash(key) & (m->cap - 1);
    while (m->keys[i]) {
        if (!strcmp(m->keys[i], key))
            return m->vals[i];
        i = (i + 1) & (m->cap - 1);
    }
    m->keys[i] = key;
    m->vals[i] = val;
    m->n++;
    *inserted = 1;
    return val;
}

static int national(const cand *a)
{
    /* not a newspaper's or agency's home country: they report from
     * abroad */
    return a->country[0] && a->explicit_country && a->ante == CAND_NONE &&
           memcmp(a->sector, "MED", 4) != 0 &&
           memcmp(a->country, "IGO", 4) != 0 &&
           memcmp(a->country, "IMG", 4) != 0 &&
           memcmp(a->country, "NGO", 4) != 0;
}

/* May cand `a` lend a body near it its country? A nation named as an
 * actor may; a country's adjective that only says where a place is ("on
 * the Thai border", "Iraqi towns") says nothing of who the body is. */
static int lends_country(const cand *a)
{
    return national(a) && !(a->people && a->adj_only);
}

/* The length of the conjunction "and" (or, with `or_too`, "or") that
 * starts at byte s of the text and ends at e or before a blank; 0 when
 * there is none. */
static size_t conj_at(const char *t, size_t s, size_t e, int or_too)
{
    size_t n = e - s >= 3 && !memcmp(t + s, "and", 3)            ? 3
               : or_too && e - s >= 2 && !memcmp(t + s, "or", 2) ? 2
                                                                 : 0;
    return n && (s + n == e || isspace((unsigned char)t[s + n])) ? n : 0;
}

/* Are the bytes [s, e) of the text only what joins the items of a list:
 * blanks, commas and "and" or "or" ("Charles de Gaulle, Vladimir Putin
 * and ...")? */
static int list_joint(const char *t, size_t s, size_t e)
{
    int seen = 0;
    while (s < e) {
        size_t n;
        if (isspace((unsigned char)t[s]) || t[s] == ',') {
            seen |= t[s] == ',';
            s++;
        } else if ((n = conj_at(t, s, e, 1)) != 0) {
            seen = 1;
            s += n;
        } else {
            return 0;
        }
    }
    return seen;
}

/* Do the bytes [s, e) hold the word "and" or "or"? */
static int has_and(const char *t, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if ((i == s || isspace((unsigned char)t[i - 1])) &&
            conj_at(t, i, e, 1))
            return 1;
    return 0;
}

/* Is `d` a body of a state (its government, armed forces, legislature,
 * courts or police)? A company lends it no country: where a firm is from
 * says nothing of which state's ministry it deals with ("an EADS-led
 * consortium signed a contract with the Defense Ministry"). */
static int state_body(const cand *d)
{
    return d->kind == EVG_KIND_GOVERNMENT ||
           !memcmp(d->sector, "GOV", 4) || !memcmp(d->sector, "MIL", 4) ||
           !memcmp(d->sector, "LEG", 4) || !memcmp(d->sector, "JUD", 4) ||
           !memcmp(d->sector, "COP", 4);
}

/* May cand `a` lend its country to cand `d` near it? Not a person the
 * dictionary knows to another person named in the same list (`inlist`:
 * "Charles de Gaulle, Vladimir Putin and Helmut Kohl"): the dictionary
 * tells where that one is from, and a list of people says nothing of
 * where the others are; "Yeltsin's spokesman", "aides to Netanyahu,
 * political adviser Uzi Arad" still do. Nor does a company to what is
 * coordinated with it (`coord`: "Northrop Grumman and EADS", firms of any
 * country work together) or to another body in its list; a person set
 * beside it ("McCammon, Ford's vice president") still takes its country.
 * Nor does a company to a state's body (state_body). */
static int lends_to(const cand *a, const cand *d, int inlist, int coord)
{
    return lends_country(a) &&
           !(inlist && a->kind == EVG_KIND_PERSON && a->kk == 'g' &&
             !a->cprefix && d->kind == EVG_KIND_PERSON) &&
           !(inlist && !memcmp(a->sector, "BUS", 4) &&
             (coord || d->kind != EVG_KIND_PERSON)) &&
           !(!memcmp(a->sector, "BUS", 4) && state_body(d));
}

static const char *place_near(const ctx *x, size_t k)
{
    const cand *d = &x->c.v[k];
    const cand *best = NULL;
    size_t bestdist = (size_t)-1;
    /* the list d is an item of: cands [lo, hi] joined by commas, "and",
     * "or" */
    size_t lo = k, hi = k;
    while (lo > 0 && x->c.v[lo - 1].sent == d->sent &&
           x->c.v[lo - 1].end <= x->c.v[lo].start &&
           list_joint(x->t, x->c.v[lo - 1].end, x->c.v[lo].start))
        lo--;
    while (hi + 1 < x->c.n && x->c.v[hi + 1].sent == d->sent &&
           x->c.v[hi].end <= x->c.v[hi + 1].start &&
           list_joint(x->t, x->c.v[hi].end, x->c.v[hi + 1].start))
        hi++;
    for (size_t j = k; j-- > 0;) {
        const cand *a = &x->c.v[j];
        if (a->sent != d->sent)
            break;
        if (lends_to(a, d, j >= lo,
                     j >= lo && has_and(x->t, a->end, d->start))) {
            best = a;
            bestdist = d->start - a->end;
            break;
        }
    }
    for (size_t j = k + 1; j < x->c.n; j++) {
        const cand *a = &x->c.v[j];
        if (a->sent != d->sent)
            break;
        if (lends_to(a, d, j <= hi,
                     j <= hi && has_and(x->t, d->end, a->start))) {
            if (a->start - d->end < bestdist)
                best = a;
            break;
        }
    }
    return best ? best->country : NULL;
}

/* Are the bytes [s, e) only blanks, a possessive "'s" or "and"? */
static int employer_gap(const char *t, size_t s, size_t e)
{
    while (s < e) {
        if (isspace((unsigned char)t[s])) {
            s++;
        } else if (e - s >= 2 && t[s] == '\'' && (t[s + 1] | 32) == 's') {
            s += 2;
        } else if (e - s >= 4 && !memcmp(t + s, "\xe2\x80\x99", 3) &&
                   (t[s + 3] | 32) == 's') {
            s += 4;
        } else if (conj_at(t, s, e, 0)) {
            s += 3;
        } else {
            return 0;
        }
    }
    return 1;
}

/* A person named right after an organization, or after a description of
 * one, works for it: "EADS chief executive Louis Gallois", "Airbus's Tom
 * Enders", "the company president and CEO Louis Gallois", "BBC
 * correspondent Karyn Coleman". The organization's country, when known,
 * is the person's, before the places around or the story's country. */
static const char *employer_near(const ctx *x, size_t k)
{
    const cand *d = &x->c.v[k];
    if (d->kind != EVG_KIND_PERSON || k == 0)
        return NULL;
    const cand *a = &x->c.v[k - 1];
    if (a->sent != d->sent || a->end > d->start ||
        !employer_gap(x->t, a->end, d->start))
        return NULL;
    const cand *r = a->ante != CAND_NONE ? &x->c.v[a->ante] : a;
    if (r->kind != EVG_KIND_ORGANIZATION || r->drop || !r->country[0])
        return NULL;
    return r->country;
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

/* The `n` bytes at `s` as a string of the document: the copy entity `en`
 * already holds (its name, an alias, the text or code of one of its last
 * mentions) when there is one, else a new copy. A document of ten names
 * a sentence names each actor a hundred thousand times in 1 MB: one copy
 * of "France" serves them all. NULL: out of memory. */
#define SHARE_BACK 8 /* last mentions looked at */
static const char *entity_text(evg_doc *doc, const evg_entity *en,
                               const char *s, size_t n)
{
#define SAME(p) ((p) && strlen(p) == n && memcmp((p), s, n) == 0)
    if (SAME(en->name))
        return en->name;
    size_t lo = en->n_mentions > SHARE_BACK ? en->n_mentions - SHARE_BACK : 0;
    for (size_t i = en->n_mentions; i-- > lo;) {
        if (SAME(en->mentions[i].span.text))
            return en->mentions[i].span.text;
        if (SAME(en->mentions[i].code))
            return en->mentions[i].code;
    }
    for (size_t i = 0; i < en->n_aliases && i < SHARE_BACK; i++)
        if (SAME(en->aliases[i]))
            return en->aliases[i];
#undef SAME
    return evg_doc_strndup(doc, s, n);
}

/* The entity of root cand `d` (found by its merge key, or new): *ei. */
static int root_entity(ctx *x, kmap *m, cand *d, uint32_t *ei)
{
    evg_doc *doc = x->doc;
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
    char *key = evg_actors__keydup(pre, base, bl);
    if (!key)
        return EVG_ENOMEM;
    int ins;
    size_t e = kmap_get(m, key, doc->n_entities, &ins);
    if (!ins) /* the map keeps the first copy of a key: this one goes */
        free(key);
    if (e == EVG_NONE)
        return EVG_ENOMEM;
    *ei = (uint32_t)e;
    if (ins) {
        evg_entity *en = EVG_DOC_PUSH(doc, doc->entities,
                                      doc->n_entities,
                                      doc->cap_entities);
        if (!en)
            return EVG_ENOMEM;
        if (d->kk == 'r' || (d->kk != 'g' && d->kk != 'b'))
            en->name = evg_doc_strndup(doc, x->t + d->nstart,
                                       d->nend - d->nstart);
        else
            en->name = evg_doc_strdup(doc, d->name);
        if (d->kk == 'r')
            en->name = evg_doc_strndup(doc, x->t + d->start,
                                       d->end - d->start);
        if (!en->name)
            return EVG_ENOMEM;
        en->kind = d->kind;
        en->dictionary = d->kk == 'g' && d->kind == EVG_KIND_PERSON;
        if (d->country[0] && !(en->country = evg_doc_strdup(doc, d->country)))
            return EVG_ENOMEM;
        char code[8];
        snprintf(code, sizeof(code), "%s%s",
                 d->country[0] ? d->country : "---", d->sector);
        if (!(en->code = evg_doc_strdup(doc, code)))
            return EVG_ENOMEM;
    } else {
        /* a later mention may know the sector or country first */
        evg_entity *en = &doc->entities[*ei];
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
                return EVG_ENOMEM;
            if (!en->country && d->country[0] &&
                !(en->country = evg_doc_strdup(doc, d->country)))
                return EVG_ENOMEM;
        }
    }
    return 0;
}

int evg_actors__build(ctx *x)
{
    cands *c = &x->c;
    evg_doc *doc = x->doc;
    /* 1. a body named without a country takes it from another mention of
     *    the same body that has one (nearest first) */
    for (size_t k = 0; k < c->n; k++) {
        cand *d = &c->v[k];
        if (d->ante != CAND_NONE || d->kk != 'b' || d->country[0])
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
            evg_actors__set_country(d, c->v[best].country, 1);
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
        if (d->ante != CAND_NONE || d->country[0] || !d->needs_country)
            continue;
        const char *cc = employer_near(x, k);
        if (!cc)
            cc = place_near(x, k);
        if (!cc || (d->avoid[0] && strcmp(cc, d->avoid) == 0))
            cc = main_country;
        if (cc && !(d->avoid[0] && strcmp(cc, d->avoid) == 0))
            evg_actors__set_country(d, cc, 0);
    }
    /* 3b. a bare plural of a state's body ("Officials said", "Officials
     *     in Washington"), a country's government ("the US government")
     *     and a description of some of a country's people ("thousands of
     *     people") name no actor of their own: each is a mention of its
     *     country's entity (the first mention of the country by name),
     *     with the role's code; when the document never names the
     *     country, it stays a group of its own */
    {
        /* the first mention by name of each country (a few per document;
         * beyond MAXN countries, the later ones are not looked up) */
        enum { MAXN = 128 };
        const char *nc[MAXN];
        size_t nfirst[MAXN], nn = 0;
        for (size_t j = 0; j < c->n; j++) {
            const cand *a = &c->v[j];
            if (a->ante != CAND_NONE || a->kk != 'g' || a->drop ||
                a->kind != EVG_KIND_COUNTRY || a->adj_only || !a->country[0])
                continue;
            size_t q = 0;
            while (q < nn && strcmp(nc[q], a->country) != 0)
                q++;
            if (q == nn && nn < MAXN) {
                nc[nn] = a->country;
                nfirst[nn++] = j;
            }
        }
        for (size_t k = 0; k < c->n && nn; k++) {
            cand *d = &c->v[k];
            if (!(d->bare || d->described) || d->ante != CAND_NONE ||
                !d->country[0])
                continue;
            for (size_t q = 0; q < nn; q++)
                if (!strcmp(nc[q], d->country)) {
                    d->ante = (uint32_t)nfirst[q];
                    break;
                }
        }
    }
    /* 4. an operation's name ("Operation Desert Shield") is no actor
     *    wherever the article names it, before too ("Desert Shield
     *    began ...") */
    for (size_t k = 0; k < c->n; k++) {
        const cand *op = &c->v[k];
        if (!op->drop || op->kind == EVG_KIND_LOCATION)
            continue;
        size_t on = op->nend - op->nstart;
        for (size_t j = 0; j < c->n; j++) {
            cand *a = &c->v[j];
            if (a->ante == CAND_NONE && a->kk == 'n' &&
                a->nend - a->nstart == on &&
                memcmp(x->t + a->nstart, x->t + op->nstart, on) == 0)
                a->drop = 1;
        }
    }
    /* 5. keys and entities */
    kmap m = {0};
    /* each candidate's entity (at most UINT32_MAX - 1 candidates:
     * evg_actors__push) */
    uint32_t *ent_of = malloc((c->n + 1) * sizeof(*ent_of));
    int rc = EVG_ENOMEM;
    if (!ent_of)
        goto done;
    /* a root may come after its mention ("Officials in Washington") */
    for (size_t k = 0; k < c->n; k++)
        ent_of[k] = CAND_NONE;
    for (size_t k = 0; k < c->n; k++) {
        cand *d = &c->v[k];
        size_t ei;
        const cand *root = d->ante != CAND_NONE ? &c->v[d->ante] : d;
        if (root->drop || d->skip)
            continue; /* a body of water ("the Red Sea") gave the
                       * context its country; it is where things happen,
                       * not an actor. So with an operation's name, and
                       * with a publication named as where something
                       * appeared (that mention only) */
        size_t ri = d->ante != CAND_NONE ? d->ante : k;
        if (ent_of[ri] == CAND_NONE) {
            /* the first mention that stands for the actor makes it */
            if (root_entity(x, &m, &c->v[ri], &ent_of[ri]))
                goto done;
        }
        ei = ent_of[ri];
        ent_of[k] = ent_of[ri];
        evg_entity *en = &doc->entities[ei];
        if (d->end > doc->text_len || d->start > d->end)
            goto done;
        const char *mt = entity_text(doc, en, x->t + d->start,
                                     d->end - d->start);
        evg_mention *mn = mt ? EVG_DOC_PUSH(doc, en->mentions,
                                            en->n_mentions, en->cap_mentions)
                             : NULL;
        if (!mn)
            goto done;
        mn->span.start = d->start;
        mn->span.end = d->end;
        mn->span.text = mt;
        /* the names it merged from, never a pronoun or a description:
         * what shows why mentions are one actor, and what the graph joins
         * documents by */
        if (d->is_name) {
            const char *al = entity_text(doc, en, x->t + d->nstart,
                                         d->nend - d->nstart);
            if (!al || add_alias(doc, en, al))
                goto done;
        }
        mn->with = EVG_NONE;
        const char *mc = d->country[0] ? d->country : en->country;
        const char *ms = d->metonym ? "GOV"
                         : (d->bare || d->described) && d->ante != CAND_NONE
                             ? d->sector
                         : d->people ? "CVL"
                                     : NULL;
        if (ms && *ms && mc && strlen(mc) == 3 && en->code &&
            strlen(en->code) == 3) {
            /* a capital speaking for its government (GOV); a description
             * of a state's body resolved to its country (the role's
             * sector); a place named as such (its people, CVL) */
            char code[8];
            snprintf(code, sizeof(code), "%s%s", mc, ms);
            if (!(mn->code = entity_text(doc, en, code, strlen(code))))
                goto done;
        }
    }
    rc = 0;
done:
    kmap_dispose(&m);
    free(ent_of);
    return rc;
}

/* A headline: no final stop, at least three words, most of them
 * capitalized. */

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
