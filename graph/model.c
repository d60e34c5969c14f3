/* Builds the graph model from events documents: one vertex per actor (the
 * same code and name or alias across documents is one actor), one per
 * event (the same event reported by several documents is one vertex with
 * all its reports), event-event links; then filters, the actor dyads and
 * the analytics (analyse.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "names.h"

void *evg_graph__push(evg_graph *g, void *items_ptr, size_t *n, size_t *cap,
                      size_t size)
{
    return evg_arena_push(g->arena, items_ptr, n, cap, size);
}

const char *evg_graph__strdup(evg_graph *g, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s), i = 0;
    int clean = 1;
    while (i < n && clean) {
        int32_t cp = evg_utf8_next(s, n, &i);
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
            cp == 0xfffe || cp == 0xffff)
            clean = 0;
    }
    if (clean)
        return evg_arena_strndup(g->arena, s, n);
    char *c = evg_text_clean(s, n);
    if (!c)
        return NULL;
    for (char *p = c; *p; p++) /* tabs and newlines too: one-line fields */
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    const char *r = evg_arena_strndup(g->arena, c, strlen(c));
    free(c);
    return r;
}

void evg_graph_opts_init(evg_graph_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->size = sizeof(*opts);
    opts->merge = 1;
    opts->analyse = 1;
    opts->projection = EVG_PROJ_NONE;
}

/* ---- a small hash index: 64-bit key hash -> chain of item indexes ---- */

typedef struct hnode {
    uint64_t h;
    size_t item;
    const char *key; /* for string keys, else NULL */
    size_t next;     /* index + 1 of the next node in the chain, 0 = end */
} hnode;

typedef struct hindex {
    size_t *heads; /* node index + 1 */
    size_t n_heads;
    hnode *nodes;
    size_t n, cap;
} hindex;

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    return h;
}
#define FNV0 14695981039346656037ull

static int hindex_add(hindex *x, uint64_t h, const char *key, size_t item)
{
    if (evg_reserve(&x->nodes, &x->cap, x->n + 1, sizeof(*x->nodes), 64))
        return EVG_ENOMEM;
    if (x->n >= x->n_heads) { /* rehash at load 1 */
        size_t nh = x->n_heads ? x->n_heads * 4 : 256;
        size_t *heads = calloc(nh, sizeof(*heads));
        if (!heads)
            return EVG_ENOMEM;
        for (size_t i = 0; i < x->n; i++) {
            size_t b = (size_t)(x->nodes[i].h % nh);
            x->nodes[i].next = heads[b];
            heads[b] = i + 1;
        }
        free(x->heads);
        x->heads = heads;
        x->n_heads = nh;
    }
    size_t b = (size_t)(h % x->n_heads);
    x->nodes[x->n] = (hnode){h, item, key, x->heads[b]};
    x->heads[b] = ++x->n;
    return 0;
}

/* First node of the chain that may hold `h` (index + 1, 0 if none). */
static size_t hindex_first(const hindex *x, uint64_t h)
{
    return x->n_heads ? x->heads[h % x->n_heads] : 0;
}

static void hindex_dispose(hindex *x)
{
    free(x->heads);
    free(x->nodes);
    memset(x, 0, sizeof(*x));
}

/* ---- build state ---- */

typedef struct strlist {
    const char **v;
    size_t n, cap;
} strlist;

static int strlist_push(strlist *l, const char *s)
{
    if (evg_reserve(&l->v, &l->cap, l->n + 1, sizeof(*l->v), 4))
        return EVG_ENOMEM;
    l->v[l->n++] = s;
    return 0;
}

typedef struct actor_x {
    strlist aliases;
    size_t last_doc; /* +1; to count documents */
} actor_x;

typedef struct event_x {
    const char *key; /* what merges: the CAMEO code, or "~trigger" */
    strlist docs, sentences, evidence;
    size_t last_doc; /* +1 */
    int mod_rank;
} event_x;

typedef struct builder {
    evg_graph *g;
    hindex actor_keys; /* normalized name/alias -> actor */
    hindex event_keys; /* cameo + actors -> event */
    hindex link_keys;
    actor_x *ax;
    size_t cap_ax;
    event_x *ex;
    size_t cap_ex;
    int merge;
} builder;

/* Lower-cases ASCII, drops dots and apostrophes ("U.S." = "US"), turns
 * other punctuation into single spaces, drops a leading "the ". Returns a
 * malloc'd string ("" when nothing is left) or NULL on no memory. */
static char *normalize(const char *s)
{
    size_t n = strlen(s);
    char *o = malloc(n + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.' || c == '\'')
            continue;
        if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
            (c >= 'A' && c <= 'Z')) {
            if (space && k)
                o[k++] = ' ';
            space = 0;
            o[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        } else {
            space = 1;
        }
    }
    o[k] = '\0';
    if (strncmp(o, "the ", 4) == 0)
        memmove(o, o + 4, k - 3);
    return o;
}

char *evg_graph_name_key(const char *name)
{
    return normalize(name ? name : "");
}

static int codes_agree(const char *a, const char *b)
{
    return !a || !b || !*a || !*b || strcmp(a, b) == 0;
}

static int has_alias(const actor_x *x, const evg_gactor *a, const char *s)
{
    if (strcmp(a->name, s) == 0)
        return 1;
    for (size_t i = 0; i < x->aliases.n; i++)
        if (strcmp(x->aliases.v[i], s) == 0)
            return 1;
    return 0;
}

/* Adds `k` (normalized) as a key of actor `ai`. */
static int add_norm_key(builder *b, size_t ai, const char *k)
{
    int rc = 0;
    if (*k) {
        uint64_t h = fnv(FNV0, k, strlen(k));
        int known = 0;
        for (size_t j = hindex_first(&b->actor_keys, h); j && !known;
             j = b->actor_keys.nodes[j - 1].next) {
            const hnode *nd = &b->actor_keys.nodes[j - 1];
            known = nd->item == ai && strcmp(nd->key, k) == 0;
        }
        const char *kk = known ? NULL : evg_arena_strndup(b->g->arena, k,
                                                          strlen(k));
        if (!known)
            rc = kk ? hindex_add(&b->actor_keys, h, kk, ai) : EVG_ENOMEM;
    }
    return rc;
}

/* Does actor `ai` have the key `k`? */
static int has_key(const builder *b, size_t ai, const char *k)
{
    uint64_t h = fnv(FNV0, k, strlen(k));
    for (size_t j = hindex_first(&b->actor_keys, h); j;
         j = b->actor_keys.nodes[j - 1].next) {
        const hnode *nd = &b->actor_keys.nodes[j - 1];
        if (nd->item == ai && nd->h == h && strcmp(nd->key, k) == 0)
            return 1;
    }
    return 0;
}

/* Adds `name` as a key of actor `ai`; for a person with a first and last
 * name also "~last", so that a later bare "Last" can find them. */
static int add_key(builder *b, size_t ai, const char *name, int person)
{
    if (!evg_names_is_name(name, strlen(name)))
        return 0; /* "he", "the company": never a key */
    char *k = normalize(name);
    if (!k)
        return EVG_ENOMEM;
    int rc = add_norm_key(b, ai, k);
    char pk[128];
    if (!rc && person && evg_names_key(name, strlen(name), pk + 1,
                                       sizeof(pk) - 1)) {
        pk[0] = '='; /* "Bill Smith" finds "William Smith" */
        rc = add_norm_key(b, ai, pk);
    }
    const char *sp = strrchr(k, ' ');
    if (!rc && person && sp) {
        size_t n = strlen(sp + 1);
        char *sk = malloc(n + 2);
        if (!sk)
            rc = EVG_ENOMEM;
        else {
            sk[0] = '~';
            memcpy(sk + 1, sp + 1, n + 1);
            rc = add_norm_key(b, ai, sk);
            free(sk);
        }
    }
    free(k);
    return rc;
}

static int is_person(const evg_gactor *a)
{
    return strcmp(a->kind, "person") == 0;
}

static int same_person_ok(const builder *b, size_t ai, const evg_entity *e);

/* Actors whose key is `k`, that pass `ok`, into the unique candidate
 * `*cand` (EVG_NONE: none yet; `*many` set when there are several). */
static void surname_candidates(const builder *b, const evg_entity *e,
                               const char *k, const char *forbid,
                               size_t *cand, int *many)
{
    uint64_t h = fnv(FNV0, k, strlen(k));
    for (size_t j = hindex_first(&b->actor_keys, h); j;
         j = b->actor_keys.nodes[j - 1].next) {
        const hnode *nd = &b->actor_keys.nodes[j - 1];
        const evg_gactor *a = &b->g->actors[nd->item];
        if (nd->h != h || strcmp(nd->key, k) != 0 || !is_person(a) ||
            !codes_agree(a->code, e->code) ||
            (forbid && has_key(b, nd->item, forbid)) ||
            !same_person_ok(b, nd->item, e))
            continue;
        if (*cand == EVG_NONE)
            *cand = nd->item;
        else if (*cand != nd->item)
            *many = 1;
    }
}

/* A person not found by name: "Trump" is the one earlier "Donald Trump" (or
 * "Donald Trump" the one earlier bare "Trump") when exactly one person
 * actor fits. Two different full names never merge ("Jeb Bush" does not
 * join an actor that already is "George Bush"). */
static int find_person(builder *b, const evg_entity *e, size_t *found)
{
    size_t cand = EVG_NONE;
    int many = 0;
    for (size_t i = 0; i <= e->n_aliases && !many; i++) {
        const char *nm = i == 0 ? e->name : e->aliases[i - 1];
        char *k = nm ? normalize(nm) : NULL;
        if (nm && !k)
            return EVG_ENOMEM;
        if (!k || !*k) {
            free(k);
            continue;
        }
        const char *sp = strrchr(k, ' ');
        char *sk = malloc(strlen(k) + 2);
        if (!sk) {
            free(k);
            return EVG_ENOMEM;
        }
        const char *last = sp ? sp + 1 : k;
        sk[0] = '~';
        memcpy(sk + 1, last, strlen(last) + 1);
        if (!sp)
            surname_candidates(b, e, sk, NULL, &cand, &many);
        else
            surname_candidates(b, e, sk + 1, sk, &cand, &many);
        free(sk);
        free(k);
    }
    if (!many && cand != EVG_NONE)
        *found = cand;
    return 0;
}

/* Does every full personal name of `a` (a person actor's names) agree
 * with some full name of the entity `e`? Vacuously when either has none. */
static int names_cover(const char *const *an, size_t na, const evg_entity *e)
{
    int any_e = 0;
    for (size_t i = 0; i <= e->n_aliases; i++) {
        const char *f = i == 0 ? e->name : e->aliases[i - 1];
        any_e |= f && evg_names_words(f, strlen(f)) >= 2;
    }
    if (!any_e)
        return 1;
    for (size_t j = 0; j < na; j++) {
        const char *g = an[j];
        if (!g || evg_names_words(g, strlen(g)) < 2)
            continue;
        int ok = 0;
        for (size_t i = 0; i <= e->n_aliases && !ok; i++) {
            const char *f = i == 0 ? e->name : e->aliases[i - 1];
            ok = f && evg_names_words(f, strlen(f)) >= 2 &&
                 evg_names_agree(f, strlen(f), g, strlen(g));
        }
        if (!ok)
            return 0;
    }
    return 1;
}

/* May person entity `e` join person actor `ai`? Not when one of them has a
 * full name that none of the other's full names agrees with ("Paul
 * Keating" never joins "Charles Keating" through a shared "Keating"). */
static int same_person_ok(const builder *b, size_t ai, const evg_entity *e)
{
    const evg_gactor *a = &b->g->actors[ai];
    if (!is_person(a) || e->kind != EVG_KIND_PERSON)
        return 1;
    const actor_x *x = &b->ax[ai];
    const char *one[1] = {a->name};
    if (!names_cover(one, 1, e) ||
        !names_cover((const char *const *)x->aliases.v, x->aliases.n, e))
        return 0;
    /* and the other way: each full name of e agrees with one of a's */
    evg_entity ea;
    memset(&ea, 0, sizeof(ea));
    ea.name = a->name;
    ea.aliases = x->aliases.v;
    ea.n_aliases = x->aliases.n;
    const char *en[1] = {e->name};
    return names_cover(en, 1, &ea) &&
           names_cover((const char *const *)e->aliases, e->n_aliases, &ea);
}

static const char *sector_of(const char *code)
{
    return code && strlen(code) > 3 ? code + 3 : "";
}

/* Do codes that differ still allow one actor, by the name `k` (`nm` as
 * written) both have? A person's full name is the person wherever the
 * article places them, and a company, news outlet or product is known by
 * its name across borders: the country an article gives them is often
 * only the story's. Sectors must not disagree, but for a name spelled as
 * no common word is. */
/* Is `s` spelled as no common word is: a digit, a capital after a
 * lower-case letter, "&", or three or more capitals in a row ("A380",
 * "DaimlerChrysler", "AT&T", "USAF")? Such a name is one thing wherever
 * it is written. */
static int distinctive(const char *s)
{
    size_t caps = 0;
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || c == '&' ||
            (i > 0 && c >= 'A' && c <= 'Z' && s[i - 1] >= 'a' &&
             s[i - 1] <= 'z'))
            return 1;
        caps = c >= 'A' && c <= 'Z' ? caps + 1 : 0;
        if (caps >= 3)
            return 1;
    }
    return 0;
}

static int name_outweighs_code(const evg_gactor *a, const evg_entity *e,
                               const char *k, const char *nm)
{
    if (nm && distinctive(nm) && !is_person(a) &&
        e->kind != EVG_KIND_PERSON && e->kind != EVG_KIND_COUNTRY &&
        strcmp(a->kind, "country") != 0)
        return 1; /* "USAF" as USAMIL and as USAGOV */
    const char *sa = sector_of(a->code), *se = sector_of(e->code);
    if (*sa && *se && strcmp(sa, se) != 0 && e->kind != EVG_KIND_PERSON)
        return 0;
    if (is_person(a) && e->kind == EVG_KIND_PERSON)
        return k[0] == '=' || strchr(k, ' ') != NULL; /* a full name */
    if ((is_person(a) && e->kind == EVG_KIND_ORGANIZATION) ||
        (!strcmp(a->kind, "organization") && e->kind == EVG_KIND_PERSON))
        /* "Northrop Grumman" taken for a person in one article: two or
         * more capitalized words are one name whichever kind was guessed */
        return k[0] != '=' && strchr(k, ' ') != NULL && !*sa && !*se;
    /* organizations (companies, outlets, products: a government body or
     * an armed group is of another kind) with a name of two or more words
     * or a company's or outlet's sector; a single common word ("the
     * British Embassy", "the US Embassy": both "Embassy") is no evidence
     * against two countries */
    return strcmp(a->kind, "organization") == 0 &&
           e->kind == EVG_KIND_ORGANIZATION &&
           (strchr(k, ' ') || !strcmp(sa, "BUS") || !strcmp(se, "BUS") ||
            !strcmp(sa, "MED") || !strcmp(se, "MED"));
}

/* Lowers *found to the lowest actor with key `k` that `e` may join. A
 * person's single name ("Keating") that two person actors answer to joins
 * neither. */
static void lookup_key(const builder *b, const evg_entity *e, const char *k,
                       const char *nm, size_t *found)
{
    uint64_t h = fnv(FNV0, k, strlen(k));
    size_t best = EVG_NONE;
    int people = 0;
    for (size_t j = hindex_first(&b->actor_keys, h); j;
         j = b->actor_keys.nodes[j - 1].next) {
        const hnode *nd = &b->actor_keys.nodes[j - 1];
        const evg_gactor *a = &b->g->actors[nd->item];
        if (nd->h == h && strcmp(nd->key, k) == 0 &&
            (codes_agree(a->code, e->code) ||
             name_outweighs_code(a, e, k, nm)) &&
            same_person_ok(b, nd->item, e)) {
            people += is_person(a) && nd->item != best;
            if (nd->item < best)
                best = nd->item;
        }
    }
    if (e->kind == EVG_KIND_PERSON && people > 1 && !strchr(k, ' ') &&
        k[0] != '=')
        return;
    if (best < *found)
        *found = best;
}

/* The actor an entity belongs to: the lowest-numbered actor sharing a
 * normalized name or alias with it (for people also the same full name
 * with a nickname: "Bill Smith", "William Smith") whose code does not
 * disagree and, for people, whose full names agree with the entity's.
 * Pronouns and descriptions among the aliases are never keys. */
static int find_actor(builder *b, const evg_entity *e, size_t *found)
{
    *found = EVG_NONE;
    for (size_t i = 0; i <= e->n_aliases; i++) {
        const char *nm = i == 0 ? e->name : e->aliases[i - 1];
        if (!nm || !evg_names_is_name(nm, strlen(nm)))
            continue;
        char *k = normalize(nm);
        if (!k)
            return EVG_ENOMEM;
        if (*k)
            lookup_key(b, e, k, nm, found);
        free(k);
        char pk[128];
        if (e->kind == EVG_KIND_PERSON &&
            evg_names_key(nm, strlen(nm), pk + 1, sizeof(pk) - 1)) {
            pk[0] = '=';
            lookup_key(b, e, pk, nm, found);
        }
        size_t nl = strlen(nm);
        if (*found == EVG_NONE && e->kind == EVG_KIND_ORGANIZATION &&
            nl > 4 && nl < sizeof(pk) && !strchr(nm, ' ') &&
            nm[nl - 1] == 's' && nm[nl - 2] != 's' &&
            nm[0] >= 'A' && nm[0] <= 'Z') {
            /* "Dreamliners", "A380s": the plural of a model's name */
            memcpy(pk, nm, nl - 1);
            pk[nl - 1] = '\0';
            char *k1 = normalize(pk);
            if (!k1)
                return EVG_ENOMEM;
            if (*k1)
                lookup_key(b, e, k1, pk, found);
            free(k1);
        }
    }
    if (*found == EVG_NONE && e->kind == EVG_KIND_PERSON)
        return find_person(b, e, found);
    return 0;
}

static int actor_for(builder *b, const evg_entity *e, size_t doc_no,
                     size_t *out)
{
    evg_graph *g = b->g;
    size_t ai;
    int rc = find_actor(b, e, &ai);
    if (rc)
        return rc;
    const char *name = e->name && *e->name ? e->name : "?";
    if (ai == EVG_NONE) {
        evg_gactor *a = EVG_GRAPH_PUSH(g, g->actors, g->n_actors, g->cap_actors);
        if (!a || evg_reserve(&b->ax, &b->cap_ax, g->n_actors,
                              sizeof(*b->ax), 64))
            return EVG_ENOMEM;
        ai = g->n_actors - 1;
        a->name = evg_graph__strdup(g, name);
        a->kind = evg_entity_kind_name(e->kind);
        a->code = evg_graph__strdup(g, e->code && *e->code ? e->code : NULL);
        a->country =
            evg_graph__strdup(g, e->country && *e->country ? e->country : NULL);
        a->community = -1;
        a->component = -1;
        if (!a->name || (e->code && *e->code && !a->code) ||
            (e->country && *e->country && !a->country))
            return EVG_ENOMEM;
    }
    evg_gactor *a = &g->actors[ai];
    actor_x *x = &b->ax[ai];
    if (!a->code && e->code && *e->code &&
        !(a->code = evg_graph__strdup(g, e->code)))
        return EVG_ENOMEM;
    if (!a->country && e->country && *e->country &&
        !(a->country = evg_graph__strdup(g, e->country)))
        return EVG_ENOMEM;
    a->mentions += e->n_mentions;
    /* a person is shown by the full name once one is known */
    if (is_person(a) && !strchr(a->name, ' ') && strchr(name, ' ')) {
        const char *full = evg_graph__strdup(g, name);
        if (!full || strlist_push(&x->aliases, a->name))
            return EVG_ENOMEM;
        a->name = full;
    }
    if (x->last_doc != doc_no + 1) {
        x->last_doc = doc_no + 1;
        a->documents++;
    }
    for (size_t i = 0; i <= e->n_aliases; i++) {
        const char *nm = i == 0 ? name : e->aliases[i - 1];
        if (!nm || !*nm || (i > 0 && !evg_names_is_name(nm, strlen(nm))))
            continue;
        const char *c = evg_graph__strdup(g, nm);
        if (!c)
            return EVG_ENOMEM;
        if (!has_alias(x, a, c) && strlist_push(&x->aliases, c))
            return EVG_ENOMEM;
        if ((rc = add_key(b, ai, c, is_person(a))))
            return rc;
    }
    *out = ai;
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Maps entity indexes to sorted, distinct actor indexes in the arena. */
static size_t *map_ids(evg_graph *g, const size_t *ids, size_t n,
                       const size_t *actor_of, size_t n_ent, size_t *n_out,
                       int *rc)
{
    *n_out = 0;
    if (!n)
        return NULL;
    size_t *v = evg_arena_alloc(g->arena, n * sizeof(size_t));
    if (!v) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (ids[i] < n_ent && actor_of[ids[i]] != EVG_NONE)
            v[(*n_out)++] = actor_of[ids[i]];
    evg_sort(v, *n_out, sizeof(size_t), cmp_size);
    size_t k = 0;
    for (size_t i = 0; i < *n_out; i++)
        if (k == 0 || v[k - 1] != v[i])
            v[k++] = v[i];
    *n_out = k;
    return v;
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (proleptic Gregorian). */
static long days_of(const char *s)
{
    if (!s || strlen(s) < 10)
        return 0;
    char day[11];
    memcpy(day, s, 10);
    day[10] = '\0';
    int y, m, d;
    if (!evg_date_parse(day, &y, &m, &d))
        return 0;
    return evg_date_days(y, m, d);
}

static const char *hi_of(const evg_gevent *v) { return v->hi ? v->hi : v->lo; }

/* Same event? Same CAMEO code (or, without one, the same trigger word)
 * and actors (the hash checked those's hash), compatible polarity, dates
 * overlapping or both unknown. */
static int same_event(const evg_gevent *v, const char *vkey,
                      const evg_event *e, const char *key,
                      const size_t *src, size_t ns, const size_t *tgt,
                      size_t nt, const char *lo, const char *hi)
{
    if (strcmp(vkey, key) != 0 || v->n_sources != ns || v->n_targets != nt)
        return 0;
    if (ns && memcmp(v->sources, src, ns * sizeof(size_t)) != 0)
        return 0;
    if (nt && memcmp(v->targets, tgt, nt * sizeof(size_t)) != 0)
        return 0;
    if ((strcmp(v->modality, "negated") == 0) !=
        (e->modality == EVG_MOD_NEGATED))
        return 0;
    if (!v->lo && !lo)
        return 1;
    if (!v->lo || !lo)
        return 0;
    return strcmp(v->lo, hi) <= 0 && strcmp(lo, hi_of(v)) <= 0;
}

static int mod_rank(evg_modality m)
{
    switch (m) {
    case EVG_MOD_ASSERTED: return 0;
    case EVG_MOD_REPORTED: return 1;
    case EVG_MOD_PLANNED: return 2;
    case EVG_MOD_HYPOTHETICAL: return 3;
    default: return 4;
    }
}

/* Events are indexed by code, actors and each calendar month they cover,
 * so that a story told thousands of times (the same two actors meeting
 * every week for years) does not make the lookup quadratic. Spans longer
 * than LONG_SPAN months go into one shared bucket; undated events into
 * another. */
#define LONG_SPAN 36
#define MONTH_UNDATED (-1L)
#define MONTH_LONG (-2L)

static uint64_t event_hash(const char *cameo, const size_t *src, size_t ns,
                           const size_t *tgt, size_t nt, long month)
{
    uint64_t h = fnv(FNV0, cameo, strlen(cameo) + 1);
    h = fnv(h, &ns, sizeof(ns));
    if (ns)
        h = fnv(h, src, ns * sizeof(size_t));
    if (nt)
        h = fnv(h, tgt, nt * sizeof(size_t));
    return fnv(h, &month, sizeof(month));
}

static long month_of(const char *ymd)
{
    return strtol(ymd, NULL, 10) * 12 + strtol(ymd + 5, NULL, 10) - 1;
}

/* "s3" for sentence index 2; "" when the event names no sentence. */
static char *sentence_id(char *buf, size_t n, size_t i, size_t n_sentences)
{
    if (i < n_sentences)
        snprintf(buf, n, "s%zu", i + 1);
    else
        buf[0] = '\0';
    return buf;
}

/* The merge key of an event: its CAMEO code, or for an event without
 * one "~" and its trigger in lower case, so that a sale and a loss on the
 * same day between the same firms stay two events. In the arena. */
static const char *event_key(evg_graph *g, const evg_event *e)
{
    if (e->cameo)
        return evg_arena_strndup(g->arena, e->cameo, strlen(e->cameo));
    const char *t = e->trigger.text ? e->trigger.text : "";
    size_t n = strlen(t);
    char *k = evg_arena_alloc(g->arena, n + 2);
    if (!k)
        return NULL;
    k[0] = '~';
    for (size_t i = 0; i < n; i++)
        k[i + 1] = (char)(t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]);
    k[n + 1] = '\0';
    return k;
}

/* Entity indexes of the arguments of `e` in roles `r1` or `r2`, into a
 * malloc'd array (NULL and *n 0 when there are none). */
static size_t *arg_entities(const evg_event *e, const char *r1,
                            const char *r2, size_t *n, int *rc)
{
    *n = 0;
    size_t *v = e->n_args ? malloc(e->n_args * sizeof(size_t)) : NULL;
    if (e->n_args && !v) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < e->n_args; i++) {
        const evg_arg *a = &e->args[i];
        if (a->entity != EVG_NONE && a->role &&
            (strcmp(a->role, r1) == 0 || (r2 && strcmp(a->role, r2) == 0)))
            v[(*n)++] = a->entity;
    }
    return v;
}

/* A label for an event without a CAMEO label: the words of its sentence
 * from its first to its last core participant, trigger included ("Acme
 * sold its plant to Zeta"), when that is short; else the trigger and
 * those participants joined. */
#define LABEL_MAX 80
static const char *uncoded_summary(evg_graph *g, const evg_doc *doc,
                                   const evg_event *e)
{
    static const char *const core[] = {"agent", "patient", "theme",
                                       "recipient"};
    const char *trig = e->trigger.text ? e->trigger.text : "";
    size_t lo = e->trigger.start, hi = e->trigger.end;
    int have = *trig != '\0';
    for (size_t i = 0; i < e->n_args; i++) {
        const evg_arg *a = &e->args[i];
        int is_core = 0;
        for (size_t k = 0; k < sizeof(core) / sizeof(*core); k++)
            is_core |= a->role && strcmp(a->role, core[k]) == 0;
        if (!is_core || a->span.end <= a->span.start)
            continue;
        if (!have || a->span.start < lo)
            lo = a->span.start;
        if (!have || a->span.end > hi)
            hi = a->span.end;
        have = 1;
    }
    const evg_sentence *st =
        e->sentence < doc->n_sentences ? &doc->sentences[e->sentence] : NULL;
    if (have && st && st->text && lo >= st->start && hi > lo &&
        hi - st->start <= strlen(st->text) && hi - lo <= LABEL_MAX) {
        const char *r = evg_arena_strndup(g->arena, st->text + (lo - st->start),
                                          hi - lo);
        return r ? evg_graph__strdup(g, r) : NULL;
    }
    evg_buf b;
    evg_buf_init(&b, 0);
    evg_buf_puts(&b, "");
    for (size_t k = 0; k < 4; k++) { /* agent, trigger, patient|theme, recipient */
        if (k == 1) {
            if (b.len && *trig)
                evg_buf_putc(&b, ' ');
            evg_buf_puts(&b, trig);
            continue;
        }
        for (size_t i = 0; i < e->n_args; i++) {
            const evg_arg *a = &e->args[i];
            int want = a->role && (k == 0   ? strcmp(a->role, "agent") == 0
                                   : k == 2 ? (strcmp(a->role, "patient") == 0 ||
                                               strcmp(a->role, "theme") == 0)
                                            : strcmp(a->role, "recipient") == 0);
            if (!want || !a->span.text || !*a->span.text)
                continue;
            if (b.len)
                evg_buf_puts(&b, k == 3 ? " \xe2\x86\x92 " : " "); /* → */
            evg_buf_puts(&b, a->span.text);
        }
    }
    size_t n = b.len;
    if (n > LABEL_MAX) { /* cut on a character boundary, mark the cut */
        n = LABEL_MAX;
        while (n && ((unsigned char)b.data[n] & 0xC0) == 0x80)
            n--;
        b.len = n;
        evg_buf_puts(&b, "\xe2\x80\xa6");
    }
    const char *r = b.failed ? NULL : evg_graph__strdup(g, b.data);
    evg_buf_dispose(&b);
    return r;
}

/* An event's arguments with their entities as actors. */
static const evg_garg *copy_args(evg_graph *g, const evg_event *e,
                                 const size_t *actor_of, size_t n_ent, int *rc)
{
    if (!e->n_args)
        return NULL;
    evg_garg *v = evg_arena_alloc(g->arena, e->n_args * sizeof(*v));
    if (!v) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < e->n_args; i++) {
        const evg_arg *a = &e->args[i];
        v[i].role = evg_graph__strdup(g, a->role ? a->role : "");
        v[i].actor = a->entity < n_ent ? actor_of[a->entity] : EVG_NONE;
        v[i].text = evg_graph__strdup(g, a->span.text ? a->span.text : "");
        if (!v[i].role || !v[i].text)
            *rc = EVG_ENOMEM;
    }
    return v;
}

/* Adds one report of event `e` of `doc`; merges it into an earlier vertex
 * from another document when it is the same event. */
static int add_event(builder *b, const evg_doc *doc, size_t doc_no,
                     const evg_event *e, const size_t *actor_of, size_t *out)
{
    evg_graph *g = b->g;
    int rc = 0;
    size_t ns, nt;
    size_t *src, *tgt;
    if (!e->cameo && !e->n_source && !e->n_target) {
        /* no CAMEO view of the participants: take them by role */
        size_t na, np;
        size_t *ag = arg_entities(e, "agent", NULL, &na, &rc);
        size_t *pa = arg_entities(e, "patient", "recipient", &np, &rc);
        src = map_ids(g, ag, na, actor_of, doc->n_entities, &ns, &rc);
        tgt = map_ids(g, pa, np, actor_of, doc->n_entities, &nt, &rc);
        free(ag);
        free(pa);
    } else {
        src = map_ids(g, e->source, e->n_source, actor_of, doc->n_entities,
                      &ns, &rc);
        tgt = map_ids(g, e->target, e->n_target, actor_of, doc->n_entities,
                      &nt, &rc);
    }
    if (rc)
        return rc;
    const char *cameo = event_key(g, e);
    if (!cameo)
        return EVG_ENOMEM;
    /* dates go into GEXF and TimelineJS as they are: only well-formed
     * ones count, and a span never ends before it starts */
    const char *lo = evg_date_valid(e->time.lo) ? e->time.lo : NULL;
    const char *hi = lo && evg_date_valid(e->time.hi) && strcmp(e->time.hi, lo) >= 0
                         ? e->time.hi
                         : lo;
    long m0 = lo ? month_of(lo) : MONTH_UNDATED;
    long m1 = lo ? month_of(hi) : MONTH_UNDATED;
    int long_span = m1 - m0 >= LONG_SPAN;
    size_t vi = EVG_NONE;
    /* buckets to search: every month of the span, and the long spans */
    for (long m = m0; b->merge && m <= m1 + (lo ? 1 : 0); m++) {
        long month = m > m1 ? MONTH_LONG : m;
        uint64_t h = event_hash(cameo, src, ns, tgt, nt, month);
        for (size_t j = hindex_first(&b->event_keys, h); j;
             j = b->event_keys.nodes[j - 1].next) {
            const hnode *nd = &b->event_keys.nodes[j - 1];
            if (nd->h == h && nd->item < vi &&
                b->ex[nd->item].last_doc != doc_no + 1 &&
                same_event(&g->events[nd->item], b->ex[nd->item].key, e,
                           cameo, src, ns, tgt, nt, lo, hi))
                vi = nd->item;
        }
    }
    char sid[32];
    sentence_id(sid, sizeof(sid), e->sentence, doc->n_sentences);
    const char *evidence =
        e->sentence < doc->n_sentences && doc->sentences[e->sentence].text
            ? doc->sentences[e->sentence].text
            : "";
    const char *c_doc = evg_graph__strdup(g, doc->id ? doc->id : "");
    const char *c_sid = evg_graph__strdup(g, sid);
    const char *c_evi = evg_graph__strdup(g, evidence);
    if (!c_doc || !c_sid || !c_evi)
        return EVG_ENOMEM;
    evg_gevent *v;
    if (vi == EVG_NONE) {
        v = EVG_GRAPH_PUSH(g, g->events, g->n_events, g->cap_events);
        if (!v || evg_reserve(&b->ex, &b->cap_ex, g->n_events,
                              sizeof(*b->ex), 64))
            return EVG_ENOMEM;
        vi = g->n_events - 1;
        if (long_span)
            rc = hindex_add(&b->event_keys,
                            event_hash(cameo, src, ns, tgt, nt, MONTH_LONG),
                            NULL, vi);
        for (long m = m0; !rc && !long_span && m <= m1; m++)
            rc = hindex_add(&b->event_keys,
                            event_hash(cameo, src, ns, tgt, nt, m), NULL, vi);
        if (rc)
            return rc;
        b->ex[vi].key = cameo;
        v->cameo = e->cameo ? evg_graph__strdup(g, e->cameo) : NULL;
        v->label = e->cameo ? evg_graph__strdup(g, e->label ? e->label : "")
                            : NULL;
        if (e->summary)
            v->summary = evg_graph__strdup(g, e->summary);
        else if (!e->cameo)
            v->summary = uncoded_summary(g, doc, e);
        else
            v->summary = evg_graph__strdup(
                g, e->label ? e->label
                            : (e->trigger.text ? e->trigger.text : ""));
        /* no code, no CAMEO scores: whatever the document said */
        v->quad_class = e->cameo ? e->quad_class : 0;
        v->goldstein = e->cameo ? e->goldstein : 0;
        v->tml_class = evg_graph__strdup(g, e->tml_class);
        v->args = copy_args(g, e, actor_of, doc->n_entities, &rc);
        v->n_args = rc ? 0 : e->n_args;
        if (rc)
            return rc;
        v->time_value = evg_graph__strdup(g, e->time.value);
        v->lo = evg_graph__strdup(g, lo);
        v->hi = evg_graph__strdup(g, hi);
        v->basis = evg_basis_name(e->time.basis);
        v->modality = evg_modality_name(e->modality);
        v->confidence = e->confidence;
        v->trigger = evg_graph__strdup(g, e->trigger.text ? e->trigger.text : "");
        v->evidence = c_evi;
        v->doc = c_doc;
        v->doc_path = evg_graph__strdup(g, doc->path);
        v->doc_title = doc->title && doc->title[0]
                           ? evg_graph__strdup(g, doc->title)
                           : NULL;
        v->sentence = c_sid;
        v->sources = src;
        v->n_sources = ns;
        v->targets = tgt;
        v->n_targets = nt;
        v->component = -1;
        v->community = -1;
        b->ex[vi].mod_rank = mod_rank(e->modality);
        if ((e->cameo && (!v->cameo || !v->label)) || !v->summary ||
            (e->tml_class && !v->tml_class) || !v->trigger ||
            (e->time.value && !v->time_value) || (lo && (!v->lo || !v->hi)) ||
            (doc->path && !v->doc_path))
            return EVG_ENOMEM;
    } else {
        v = &g->events[vi];
        event_x *x = &b->ex[vi];
        /* keep the most precise date and the most certain modality */
        if (lo && days_of(hi) - days_of(lo) < days_of(hi_of(v)) - days_of(v->lo)) {
            v->lo = evg_graph__strdup(g, lo);
            v->hi = evg_graph__strdup(g, hi);
            v->time_value = evg_graph__strdup(g, e->time.value);
            v->basis = evg_basis_name(e->time.basis);
            if (!v->lo || !v->hi || (e->time.value && !v->time_value))
                return EVG_ENOMEM;
        }
        if (mod_rank(e->modality) < x->mod_rank) {
            x->mod_rank = mod_rank(e->modality);
            v->modality = evg_modality_name(e->modality);
        }
        if (e->confidence > v->confidence)
            v->confidence = e->confidence;
    }
    event_x *x = &b->ex[vi];
    x->last_doc = doc_no + 1;
    v->mentions += 1 + e->n_mentions;
    if (strlist_push(&x->docs, c_doc) || strlist_push(&x->sentences, c_sid) ||
        strlist_push(&x->evidence, c_evi))
        return EVG_ENOMEM;
    *out = vi;
    return 0;
}

static int add_link(builder *b, const char *type, size_t from, size_t to)
{
    evg_graph *g = b->g;
    uint64_t h = fnv(fnv(fnv(FNV0, type, strlen(type)), &from, sizeof(from)),
                     &to, sizeof(to));
    for (size_t j = hindex_first(&b->link_keys, h); j;
         j = b->link_keys.nodes[j - 1].next) {
        const hnode *nd = &b->link_keys.nodes[j - 1];
        const evg_glink *l = &g->links[nd->item];
        if (nd->h == h && l->from == from && l->to == to &&
            strcmp(l->type, type) == 0)
            return 0;
    }
    evg_glink *l = EVG_GRAPH_PUSH(g, g->links, g->n_links, g->cap_links);
    if (!l)
        return EVG_ENOMEM;
    l->type = type;
    l->from = from;
    l->to = to;
    return hindex_add(&b->link_keys, h, NULL, g->n_links - 1);
}

static int add_doc(builder *b, const evg_doc *doc, size_t doc_no)
{
    int rc = 0;
    size_t *actor_of = NULL, *event_of = NULL;
    if (doc->n_entities &&
        !(actor_of = malloc(doc->n_entities * sizeof(size_t))))
        return EVG_ENOMEM;
    if (doc->n_events && !(event_of = malloc(doc->n_events * sizeof(size_t)))) {
        free(actor_of);
        return EVG_ENOMEM;
    }
    for (size_t i = 0; !rc && i < doc->n_entities; i++) {
        /* a place is where events happen, not who takes part */
        actor_of[i] = EVG_NONE;
        if (doc->entities[i].kind != EVG_KIND_LOCATION)
            rc = actor_for(b, &doc->entities[i], doc_no, &actor_of[i]);
    }
    for (size_t i = 0; !rc && i < doc->n_events; i++)
        rc = add_event(b, doc, doc_no, &doc->events[i], actor_of, &event_of[i]);
    for (size_t i = 0; !rc && i < doc->n_relations; i++) {
        const evg_relation *r = &doc->relations[i];
        if (r->from >= doc->n_events || r->to >= doc->n_events ||
            event_of[r->from] == event_of[r->to])
            continue;
        rc = add_link(b, evg_rel_type_name(r->type), event_of[r->from],
                      event_of[r->to]);
    }
    b->g->summary.reports += doc->n_events;
    free(actor_of);
    free(event_of);
    return rc;
}

/* Joins a list with "; " into the arena. */
static const char *join_list(evg_graph *g, const char **v, size_t n)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    evg_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (b.len)
            evg_buf_puts(&b, "; ");
        evg_buf_puts(&b, v[i]);
    }
    const char *r = b.failed ? NULL : evg_arena_strndup(g->arena, b.data, b.len);
    evg_buf_dispose(&b);
    return r;
}

static const char **copy_list(evg_graph *g, const strlist *l)
{
    const char **v = evg_arena_alloc(g->arena, (l->n ? l->n : 1) * sizeof(*v));
    if (v && l->n)
        memcpy(v, l->v, l->n * sizeof(*v));
    return v;
}

/* Moves the build-time lists into the public structs. */
static int finish_lists(builder *b)
{
    evg_graph *g = b->g;
    for (size_t i = 0; i < g->n_actors; i++) {
        const char *s = join_list(g, b->ax[i].aliases.v, b->ax[i].aliases.n);
        if (!s)
            return EVG_ENOMEM;
        g->actors[i].aliases = s;
    }
    for (size_t i = 0; i < g->n_events; i++) {
        evg_gevent *v = &g->events[i];
        event_x *x = &b->ex[i];
        v->n_reports = x->docs.n;
        v->report_docs = copy_list(g, &x->docs);
        v->report_sentences = copy_list(g, &x->sentences);
        v->report_evidence = copy_list(g, &x->evidence);
        if (!v->report_docs || !v->report_sentences || !v->report_evidence)
            return EVG_ENOMEM;
    }
    return 0;
}

/* ---- filters ---- */

static int ci_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

/* Is `cameo` under one of the comma-listed roots? Never for an event
 * without a code. */
static int root_listed(const char *roots, const char *cameo)
{
    if (!cameo)
        return 0;
    size_t cl = strlen(cameo);
    const char *p = roots;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        while (n && *p == ' ')
            p++, n--;
        while (n && p[n - 1] == ' ')
            n--;
        if (n && n <= cl && strncmp(cameo, p, n) == 0)
            return 1;
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

static int event_passes(const evg_gevent *v, const evg_graph_opts *o)
{
    if ((o->from || o->to) && !v->lo)
        return 0;
    if (o->from && strcmp(hi_of(v), o->from) < 0)
        return 0;
    if (o->to && strcmp(v->lo, o->to) > 0)
        return 0;
    if (o->roots && *o->roots && !root_listed(o->roots, v->cameo))
        return 0;
    if (o->cameo_only && !v->cameo)
        return 0;
    if (o->quad_class && v->quad_class != o->quad_class)
        return 0;
    if (v->confidence < o->min_confidence)
        return 0;
    if (o->modalities) {
        int m = evg_modality_parse(v->modality);
        if (m < 0 || !(o->modalities & (1u << m)))
            return 0;
    }
    return 1;
}

static int actor_matches(const evg_gactor *a, const char *q, const char *nq)
{
    if (ci_equal(a->name, q) || (a->code && ci_equal(a->code, q)))
        return 1;
    char *n = normalize(a->name);
    int hit = n && *nq && strcmp(n, nq) == 0;
    free(n);
    const char *p = a->aliases;
    while (!hit && p && *p) {
        const char *e = strstr(p, "; ");
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *one = malloc(len + 1);
        if (!one)
            return -1;
        memcpy(one, p, len);
        one[len] = '\0';
        char *n1 = normalize(one);
        hit = n1 && *nq && strcmp(n1, nq) == 0;
        free(one);
        free(n1);
        p = e ? e + 2 : NULL;
    }
    return hit;
}

static int involves(const evg_gevent *v, const unsigned char *mark)
{
    for (size_t i = 0; i < v->n_sources; i++)
        if (mark[v->sources[i]])
            return 1;
    for (size_t i = 0; i < v->n_targets; i++)
        if (mark[v->targets[i]])
            return 1;
    return 0;
}

static int renumber(size_t *ids, size_t n, const size_t *map)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (map[ids[i]] != EVG_NONE)
            ids[k++] = map[ids[i]];
    return (int)(n - k);
}

/* Applies the filters of `o`, keeping the order of what stays. */
static int apply_filters(evg_graph *g, const evg_graph_opts *o, evg_error *err)
{
    int active = o->from || o->to || (o->roots && *o->roots) ||
                 o->quad_class || o->modalities || o->min_confidence > 0 ||
                 (o->entity && *o->entity) || o->cameo_only;
    if (!active)
        return 0;
    int rc = 0;
    unsigned char *keep_e = calloc(g->n_events + 1, 1);
    unsigned char *keep_a = calloc(g->n_actors + 1, 1);
    unsigned char *seed = calloc(g->n_actors + 1, 1);
    size_t *amap = malloc((g->n_actors + 1) * sizeof(size_t));
    size_t *emap = malloc((g->n_events + 1) * sizeof(size_t));
    char *nq = NULL;
    if (!keep_e || !keep_a || !seed || !amap || !emap) {
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < g->n_events; i++)
        keep_e[i] = (unsigned char)event_passes(&g->events[i], o);
    if (o->entity && *o->entity) {
        if (!(nq = normalize(o->entity))) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            goto done;
        }
        size_t hits = 0;
        for (size_t i = 0; i < g->n_actors; i++) {
            int m = actor_matches(&g->actors[i], o->entity, nq);
            if (m < 0) {
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                goto done;
            }
            seed[i] = (unsigned char)m;
            hits += (size_t)m;
        }
        if (!hits) {
            rc = evg_error_set(err, EVG_EINVAL,
                               "--entity: no actor named '%.60s' in the graph",
                               o->entity);
            goto done;
        }
        for (size_t i = 0; i < g->n_events; i++)
            if (keep_e[i] && !involves(&g->events[i], seed))
                keep_e[i] = 0;
        for (size_t i = 0; i < g->n_actors; i++)
            keep_a[i] = seed[i];
    }
    for (size_t i = 0; i < g->n_events; i++)
        if (!keep_e[i]) {
            /* why it goes: below --min-confidence, or another option */
            if (g->events[i].confidence < o->min_confidence)
                g->summary.below_confidence++;
            else
                g->summary.filtered++;
        }
    for (size_t i = 0; i < g->n_events; i++) {
        if (!keep_e[i])
            continue;
        const evg_gevent *v = &g->events[i];
        for (size_t k = 0; k < v->n_sources; k++)
            keep_a[v->sources[k]] = 1;
        for (size_t k = 0; k < v->n_targets; k++)
            keep_a[v->targets[k]] = 1;
    }
    size_t na = 0, ne = 0, nl = 0;
    for (size_t i = 0; i < g->n_actors; i++) {
        amap[i] = keep_a[i] ? na : EVG_NONE;
        if (keep_a[i])
            g->actors[na++] = g->actors[i];
    }
    for (size_t i = 0; i < g->n_events; i++) {
        emap[i] = keep_e[i] ? ne : EVG_NONE;
        if (keep_e[i])
            g->events[ne++] = g->events[i];
    }
    for (size_t i = 0; i < ne; i++) {
        evg_gevent *v = &g->events[i];
        v->n_sources -= (size_t)renumber(v->sources, v->n_sources, amap);
        v->n_targets -= (size_t)renumber(v->targets, v->n_targets, amap);
        /* an argument whose actor went stays, without its actor */
        evg_garg *ga = (evg_garg *)(uintptr_t)v->args;
        for (size_t k = 0; k < v->n_args; k++)
            if (ga[k].actor != EVG_NONE)
                ga[k].actor = amap[ga[k].actor];
    }
    for (size_t i = 0; i < g->n_links; i++) {
        evg_glink l = g->links[i];
        if (emap[l.from] == EVG_NONE || emap[l.to] == EVG_NONE)
            continue;
        l.from = emap[l.from];
        l.to = emap[l.to];
        g->links[nl++] = l;
    }
    g->n_actors = na;
    g->n_events = ne;
    g->n_links = nl;
done:
    free(keep_e);
    free(keep_a);
    free(seed);
    free(amap);
    free(emap);
    free(nq);
    return rc;
}

/* An actor's quad class: the one most of its events have, ties to the
 * higher (more conflictual) class; 0 without events of a known class. */
static int main_quad(const size_t q[5])
{
    int best = 0;
    for (int c = 1; c <= 4; c++)
        if (q[c] && (!best || q[c] >= q[best]))
            best = c;
    return best;
}

/* Ids, event counts, date spans and event aggregates (quad class,
 * Goldstein, confidence, reports) of actors; the summary's date range. */
static int finish_fields(evg_graph *g)
{
    char id[32];
    size_t (*quads)[5] = calloc(g->n_actors ? g->n_actors : 1, sizeof(*quads));
    if (!quads)
        return EVG_ENOMEM;
    for (size_t i = 0; i < g->n_actors; i++) {
        evg_gactor *a = &g->actors[i];
        snprintf(id, sizeof(id), "a%zu", i + 1);
        if (!(a->id = evg_graph__strdup(g, id))) {
            free(quads);
            return EVG_ENOMEM;
        }
        a->events = 0;
        a->first = a->last = NULL;
        a->goldstein = a->confidence = 0;
        a->reports = 0;
    }
    evg_graph_summary *s = &g->summary;
    s->undated = 0;
    s->first = s->last = NULL;
    for (size_t i = 0; i < g->n_events; i++) {
        evg_gevent *v = &g->events[i];
        snprintf(id, sizeof(id), "v%zu", i + 1);
        if (!(v->id = evg_graph__strdup(g, id))) {
            free(quads);
            return EVG_ENOMEM;
        }
        if (!v->lo)
            s->undated++;
        else {
            if (!s->first || strcmp(v->lo, s->first) < 0)
                s->first = v->lo;
            if (!s->last || strcmp(hi_of(v), s->last) > 0)
                s->last = hi_of(v);
        }
        for (int side = 0; side < 2; side++) {
            const size_t *ids = side ? v->targets : v->sources;
            size_t n = side ? v->n_targets : v->n_sources;
            for (size_t k = 0; k < n; k++) {
                evg_gactor *a = &g->actors[ids[k]];
                /* an actor on both sides of one event counts once */
                int dup = 0;
                if (side)
                    for (size_t j = 0; j < v->n_sources && !dup; j++)
                        dup = v->sources[j] == ids[k];
                if (!dup) {
                    a->events++;
                    a->confidence += v->confidence;
                    a->reports += v->n_reports;
                    /* CAMEO's scores come from coded events only: those
                     * without a code have none (quads[][0]: coded events
                     * of no quad class) */
                    if (v->cameo) {
                        a->goldstein += v->goldstein;
                        quads[ids[k]][v->quad_class >= 1 &&
                                              v->quad_class <= 4
                                          ? v->quad_class
                                          : 0]++;
                    }
                }
                if (v->lo) {
                    if (!a->first || strcmp(v->lo, a->first) < 0)
                        a->first = v->lo;
                    if (!a->last || strcmp(hi_of(v), a->last) > 0)
                        a->last = hi_of(v);
                }
            }
        }
    }
    for (size_t i = 0; i < g->n_actors; i++) {
        evg_gactor *a = &g->actors[i];
        size_t coded = 0;
        for (int c = 0; c <= 4; c++)
            coded += quads[i][c];
        if (coded)
            a->goldstein /= (double)coded;
        if (a->events)
            a->confidence /= (double)a->events;
        a->quad_class = main_quad(quads[i]);
    }
    free(quads);
    return 0;
}

int evg_graph_build(const evg_doc *const *docs, size_t n,
                    const evg_graph_opts *opts, evg_graph **out,
                    evg_error *err)
{
    evg_graph_opts defaults;
    *out = NULL;
    int lrc = evg_names_load(err);
    if (lrc)
        return lrc;
    evg_graph_opts_init(&defaults);
    if (opts && evg_opts_adopt(&defaults, sizeof(defaults), opts,
                               "evg_graph_opts", err))
        return EVG_EINVAL;
    opts = &defaults;
    evg_arena *a = evg_arena_new();
    evg_graph *g = a ? evg_arena_alloc(a, sizeof(*g)) : NULL;
    if (!g) {
        evg_arena_free(a);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    g->arena = a;
    g->projection = opts->projection;
    g->summary.documents = n;
    g->summary.components = -1;
    g->summary.communities = -1;
    builder b;
    memset(&b, 0, sizeof(b));
    b.g = g;
    b.merge = opts->merge;
    int rc = 0;
    for (size_t i = 0; !rc && i < n; i++)
        rc = add_doc(&b, docs[i], i);
    if (!rc)
        rc = finish_lists(&b);
    if (rc)
        evg_error_set(err, rc, "building the graph: %s", evg_strerror(rc));
    for (size_t i = 0; i < g->n_actors && b.ax; i++)
        free(b.ax[i].aliases.v);
    for (size_t i = 0; i < g->n_events && b.ex; i++) {
        free(b.ex[i].docs.v);
        free(b.ex[i].sentences.v);
        free(b.ex[i].evidence.v);
    }
    free(b.ax);
    free(b.ex);
    hindex_dispose(&b.actor_keys);
    hindex_dispose(&b.event_keys);
    hindex_dispose(&b.link_keys);
    if (!rc)
        rc = apply_filters(g, opts, err);
    if (!rc && (rc = finish_fields(g)))
        evg_error_set(err, rc, "building the graph: %s", evg_strerror(rc));
    if (!rc && (rc = evg_graph__dyads(g)))
        evg_error_set(err, rc, "building the graph: %s", evg_strerror(rc));
    if (!rc && opts->analyse)
        rc = evg_graph__analyse(g, err);
    if (rc) {
        evg_graph_free(g);
        return rc;
    }
    *out = g;
    return 0;
}

void evg_graph_free(evg_graph *g)
{
    if (g)
        evg_arena_free(g->arena);
}

size_t evg_graph_actor_count(const evg_graph *g) { return g->n_actors; }
const evg_gactor *evg_graph_actor(const evg_graph *g, size_t i)
{
    return i < g->n_actors ? &g->actors[i] : NULL;
}
size_t evg_graph_event_count(const evg_graph *g) { return g->n_events; }
const evg_gevent *evg_graph_event(const evg_graph *g, size_t i)
{
    return i < g->n_events ? &g->events[i] : NULL;
}
size_t evg_graph_link_count(const evg_graph *g) { return g->n_links; }
const evg_glink *evg_graph_link(const evg_graph *g, size_t i)
{
    return i < g->n_links ? &g->links[i] : NULL;
}
size_t evg_graph_dyad_count(const evg_graph *g) { return g->n_dyads; }
const evg_gdyad *evg_graph_dyad(const evg_graph *g, size_t i)
{
    return i < g->n_dyads ? &g->dyads[i] : NULL;
}
const evg_graph_summary *evg_graph_summary_get(const evg_graph *g)
{
    return &g->summary;
}
