/* The actor book (actors.h): the one rule by which the graph and the
 * event store decide who an entity is. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "names.h"

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

static int codes_agree(const char *a, const char *b)
{
    return !a || !b || !*a || !*b || strcmp(a, b) == 0;
}

static int has_alias(const evg_book_actor *a, const char *s)
{
    if (strcmp(a->name, s) == 0)
        return 1;
    for (size_t i = 0; i < a->n_aliases; i++)
        if (strcmp(a->aliases[i], s) == 0)
            return 1;
    return 0;
}

/* Adds `k` (normalized) as a key of actor `ai`. */
static int add_norm_key(evg_actor_book *bk, size_t ai, const char *k)
{
    int rc = 0;
    if (*k) {
        uint64_t h = evg_fnv(EVG_FNV0, k, strlen(k));
        int known = 0;
        for (size_t j = evg_hindex_first(&bk->keys, h); j && !known;
             j = bk->keys.nodes[j - 1].next) {
            const evg_hnode *nd = &bk->keys.nodes[j - 1];
            known = nd->item == ai && strcmp(nd->key, k) == 0;
        }
        const char *kk = known ? NULL : evg_arena_strndup(bk->arena, k,
                                                          strlen(k));
        if (!known)
            rc = kk ? evg_hindex_add(&bk->keys, h, kk, ai) : EVG_ENOMEM;
    }
    return rc;
}

/* Does actor `ai` have the key `k`? */
static int has_key(const evg_actor_book *bk, size_t ai, const char *k)
{
    uint64_t h = evg_fnv(EVG_FNV0, k, strlen(k));
    for (size_t j = evg_hindex_first(&bk->keys, h); j;
         j = bk->keys.nodes[j - 1].next) {
        const evg_hnode *nd = &bk->keys.nodes[j - 1];
        if (nd->item == ai && nd->h == h && strcmp(nd->key, k) == 0)
            return 1;
    }
    return 0;
}

/* Adds `name` as a key of actor `ai`; for a person with a first and last
 * name also "~last", so that a later bare "Last" can find them. */
static int add_key(evg_actor_book *bk, size_t ai, const char *name, int person)
{
    if (!evg_names_is_name(name, strlen(name)))
        return 0; /* "he", "the company": never a key */
    char *k = normalize(name);
    if (!k)
        return EVG_ENOMEM;
    int rc = add_norm_key(bk, ai, k);
    char pk[128];
    if (!rc && person && evg_names_key(name, strlen(name), pk + 1,
                                       sizeof(pk) - 1)) {
        pk[0] = '='; /* "Bill Smith" finds "William Smith" */
        rc = add_norm_key(bk, ai, pk);
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
            rc = add_norm_key(bk, ai, sk);
            free(sk);
        }
    }
    free(k);
    return rc;
}

static int is_person(const evg_book_actor *a)
{
    return a->kind == EVG_KIND_PERSON;
}

static int same_person_ok(const evg_actor_book *bk, size_t ai,
                          const evg_entity *e);

/* Actors whose key is `k`, that pass `ok`, into the unique candidate
 * `*cand` (EVG_NONE: none yet; `*many` set when there are several). */
static void surname_candidates(const evg_actor_book *bk, const evg_entity *e,
                               const char *k, const char *forbid,
                               size_t *cand, int *many)
{
    uint64_t h = evg_fnv(EVG_FNV0, k, strlen(k));
    for (size_t j = evg_hindex_first(&bk->keys, h); j;
         j = bk->keys.nodes[j - 1].next) {
        const evg_hnode *nd = &bk->keys.nodes[j - 1];
        const evg_book_actor *a = &bk->actors[nd->item];
        if (nd->h != h || strcmp(nd->key, k) != 0 || !is_person(a) ||
            !codes_agree(a->code, e->code) ||
            (forbid && has_key(bk, nd->item, forbid)) ||
            !same_person_ok(bk, nd->item, e))
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
static int find_person(const evg_actor_book *bk, const evg_entity *e,
                       size_t *found)
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
            surname_candidates(bk, e, sk, NULL, &cand, &many);
        else
            surname_candidates(bk, e, sk + 1, sk, &cand, &many);
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

/* May person entity `e` join person actor `ai`? When both are named by a
 * dictionary, only when it is the same dictionary person. Otherwise not
 * when one of them has a full name that none of the other's full names
 * agrees with ("Paul Keating" never joins "Charles Keating" through a
 * shared "Keating", nor "George Bush" "George W. Bush"). */
static int same_person_ok(const evg_actor_book *bk, size_t ai,
                          const evg_entity *e)
{
    const evg_book_actor *a = &bk->actors[ai];
    if (!is_person(a) || e->kind != EVG_KIND_PERSON)
        return 1;
    if (a->dict_person && e->dictionary && e->name)
        /* both named by a dictionary: it says whether they are one
         * ("George Bush" of 1990 is not "George W. Bush", whatever titles
         * or aliases they share) */
        return strcmp(a->dict_person, e->name) == 0;
    const char *one[1] = {a->name};
    if (!names_cover(one, 1, e) ||
        !names_cover((const char *const *)a->aliases, a->n_aliases, e))
        return 0;
    /* and the other way: each full name of e agrees with one of a's */
    evg_entity ea;
    memset(&ea, 0, sizeof(ea));
    ea.name = a->name;
    ea.aliases = a->aliases;
    ea.n_aliases = a->n_aliases;
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

/* Is `code` one of no known country ("---", "---BUS")? An organization
 * no article placed ("the 787 Dreamliner", a product) is known by its
 * name alone. */
static int no_country(const char *code)
{
    return code && strncmp(code, "---", 3) == 0;
}

static int name_outweighs_code(const evg_book_actor *a, const evg_entity *e,
                               const char *k, const char *nm)
{
    if (nm && distinctive(nm) && !is_person(a) &&
        e->kind != EVG_KIND_PERSON && e->kind != EVG_KIND_COUNTRY &&
        a->kind != EVG_KIND_COUNTRY)
        return 1; /* "USAF" as USAMIL and as USAGOV */
    const char *sa = sector_of(a->code), *se = sector_of(e->code);
    if (*sa && *se && strcmp(sa, se) != 0 && e->kind != EVG_KIND_PERSON)
        return 0;
    if (is_person(a) && e->kind == EVG_KIND_PERSON)
        return k[0] == '=' || strchr(k, ' ') != NULL; /* a full name */
    if ((is_person(a) && e->kind == EVG_KIND_ORGANIZATION) ||
        (a->kind == EVG_KIND_ORGANIZATION && e->kind == EVG_KIND_PERSON))
        /* "Northrop Grumman" taken for a person in one article: two or
         * more capitalized words are one name whichever kind was guessed */
        return k[0] != '=' && strchr(k, ' ') != NULL && !*sa && !*se;
    /* organizations (companies, outlets, products: a government body or
     * an armed group is of another kind) with a name of two or more words
     * or a company's or outlet's sector; a single common word ("the
     * British Embassy", "the US Embassy": both "Embassy") is no evidence
     * against two countries */
    return a->kind == EVG_KIND_ORGANIZATION &&
           e->kind == EVG_KIND_ORGANIZATION &&
           (strchr(k, ' ') || !strcmp(sa, "BUS") || !strcmp(se, "BUS") ||
            !strcmp(sa, "MED") || !strcmp(se, "MED") ||
            no_country(a->code) || no_country(e->code));
}

/* Lowers *found to the lowest actor with key `k` that `e` may join. A
 * person's single name ("Keating") that two person actors answer to joins
 * neither. */
static void lookup_key(const evg_actor_book *bk, const evg_entity *e,
                       const char *k, const char *nm, size_t *found)
{
    uint64_t h = evg_fnv(EVG_FNV0, k, strlen(k));
    size_t best = EVG_NONE;
    int people = 0;
    for (size_t j = evg_hindex_first(&bk->keys, h); j;
         j = bk->keys.nodes[j - 1].next) {
        const evg_hnode *nd = &bk->keys.nodes[j - 1];
        const evg_book_actor *a = &bk->actors[nd->item];
        if (nd->h == h && strcmp(nd->key, k) == 0 &&
            (codes_agree(a->code, e->code) ||
             name_outweighs_code(a, e, k, nm)) &&
            same_person_ok(bk, nd->item, e)) {
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

/* The key a state's body is also known by: its code and the last two
 * words of its name, "#USAMIL|air force" for "United States Air Force",
 * "U.S. Air Force" and an "Air Force" an article gave the code USAMIL; a
 * group or government body with a country and a sector only. Into buf
 * (cap bytes); 0 when there is none. */
static size_t body_key(evg_entity_kind kind, const char *code,
                       const char *name, char *buf, size_t cap)
{
    if ((kind != EVG_KIND_GROUP && kind != EVG_KIND_GOVERNMENT) || !code ||
        strlen(code) != 6 || !memcmp(code, "---", 3) ||
        !evg_names_is_name(name, strlen(name)))
        return 0;
    char *k = normalize(name);
    if (!k)
        return 0;
    const char *two = NULL;
    int spaces = 0;
    for (const char *p = k + strlen(k); p > k && spaces < 2; p--)
        if (p[-1] == ' ' && ++spaces == 2)
            two = p;
    if (!two && spaces == 1)
        two = k;
    int n = two ? snprintf(buf, cap, "#%s|%s", code, two) : 0;
    free(k);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* The actor an entity belongs to: the lowest-numbered actor sharing a
 * normalized name or alias with it (for people also the same full name
 * with a nickname: "Bill Smith", "William Smith") whose code does not
 * disagree and, for people, whose full names agree with the entity's.
 * Pronouns and descriptions among the aliases are never keys. */
static int find_actor(const evg_actor_book *bk, const evg_entity *e,
                      size_t *found)
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
            lookup_key(bk, e, k, nm, found);
        free(k);
        char pk[128];
        if (e->kind == EVG_KIND_PERSON &&
            evg_names_key(nm, strlen(nm), pk + 1, sizeof(pk) - 1)) {
            pk[0] = '=';
            lookup_key(bk, e, pk, nm, found);
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
                lookup_key(bk, e, k1, pk, found);
            free(k1);
        }
    }
    for (size_t i = 0; i <= e->n_aliases && *found == EVG_NONE; i++) {
        /* "Air Force" of USAMIL is the "United States Air Force" */
        const char *nm = i == 0 ? e->name : e->aliases[i - 1];
        char bk2[160];
        if (nm && body_key(e->kind, e->code, nm, bk2, sizeof(bk2)))
            lookup_key(bk, e, bk2, nm, found);
    }
    if (*found == EVG_NONE && e->kind == EVG_KIND_PERSON)
        return find_person(bk, e, found);
    return 0;
}

int evg_actor_book_find(const evg_actor_book *bk, const evg_entity *e,
                        size_t *found)
{
    return find_actor(bk, e, found);
}

char *evg_actor_book_norm(const char *s)
{
    return normalize(s ? s : "");
}

static const char *book_dup(evg_actor_book *bk, const char *s)
{
    if (!s)
        return NULL;
    return bk->dup ? bk->dup(bk->dup_ctx, s)
                   : evg_arena_strndup(bk->arena, s, strlen(s));
}

static int push_alias(evg_book_actor *a, const char *s)
{
    if (evg_reserve(&a->aliases, &a->cap_aliases, a->n_aliases + 1,
                    sizeof(*a->aliases), 4))
        return EVG_ENOMEM;
    a->aliases[a->n_aliases++] = s;
    return 0;
}

static evg_book_actor *new_actor(evg_actor_book *bk, const char *name,
                                 evg_entity_kind kind, const char *code,
                                 const char *country)
{
    if (evg_reserve(&bk->actors, &bk->cap_actors, bk->n_actors + 1,
                    sizeof(*bk->actors), 64))
        return NULL;
    evg_book_actor *a = &bk->actors[bk->n_actors];
    memset(a, 0, sizeof(*a));
    a->kind = kind;
    a->name = book_dup(bk, name);
    a->code = code && *code ? book_dup(bk, code) : NULL;
    a->country = country && *country ? book_dup(bk, country) : NULL;
    if (!a->name || (code && *code && !a->code) ||
        (country && *country && !a->country))
        return NULL;
    bk->n_actors++;
    return a;
}

int evg_actor_book_join(evg_actor_book *bk, size_t ai, const evg_entity *e,
                        size_t *out, unsigned *changed)
{
    *changed = 0;
    const char *name = e->name && *e->name ? e->name : "?";
    if (ai == EVG_NONE) {
        if (!new_actor(bk, name, e->kind, e->code, e->country))
            return EVG_ENOMEM;
        ai = bk->n_actors - 1;
        *changed |= EVG_BOOK_NEW;
    }
    evg_book_actor *a = &bk->actors[ai];
    if (!a->code && e->code && *e->code) {
        if (!(a->code = book_dup(bk, e->code)))
            return EVG_ENOMEM;
        *changed |= EVG_BOOK_CODE;
    }
    if (!a->country && e->country && *e->country) {
        if (!(a->country = book_dup(bk, e->country)))
            return EVG_ENOMEM;
        *changed |= EVG_BOOK_CODE;
    }
    if (!a->dict_person && e->dictionary && is_person(a) &&
        !(a->dict_person = book_dup(bk, name)))
        return EVG_ENOMEM;
    /* a person is shown by the full name once one is known */
    if (is_person(a) && !strchr(a->name, ' ') && strchr(name, ' ')) {
        const char *full = book_dup(bk, name);
        if (!full || push_alias(a, a->name))
            return EVG_ENOMEM;
        a->name = full;
        *changed |= EVG_BOOK_NAME | EVG_BOOK_ALIAS;
    }
    for (size_t i = 0; i <= e->n_aliases; i++) {
        const char *nm = i == 0 ? name : e->aliases[i - 1];
        if (!nm || !*nm || (i > 0 && !evg_names_is_name(nm, strlen(nm))))
            continue;
        const char *c = book_dup(bk, nm);
        if (!c)
            return EVG_ENOMEM;
        if (!has_alias(a, c)) {
            if (push_alias(a, c))
                return EVG_ENOMEM;
            *changed |= EVG_BOOK_ALIAS;
        }
        int rc = add_key(bk, ai, c, is_person(a));
        char bk2[160];
        if (!rc && body_key(a->kind, a->code, c, bk2, sizeof(bk2)))
            rc = add_norm_key(bk, ai, bk2);
        if (rc)
            return rc;
    }
    *out = ai;
    return 0;
}

int evg_actor_book_restore(evg_actor_book *bk, const char *name,
                           evg_entity_kind kind, const char *code,
                           const char *country, const char *dict_person,
                           const char *const *aliases, size_t n_aliases)
{
    evg_book_actor *a = new_actor(bk, name && *name ? name : "?", kind, code,
                                  country);
    if (!a)
        return EVG_ENOMEM;
    if (dict_person && *dict_person && is_person(a) &&
        !(a->dict_person = book_dup(bk, dict_person)))
        return EVG_ENOMEM;
    size_t ai = bk->n_actors - 1;
    int rc = add_key(bk, ai, a->name, is_person(a));
    for (size_t i = 0; !rc && i < n_aliases; i++) {
        const char *c = aliases[i] ? book_dup(bk, aliases[i]) : NULL;
        if (!aliases[i])
            continue;
        if (!c || push_alias(a, c))
            return EVG_ENOMEM;
        rc = add_key(bk, ai, c, is_person(a));
    }
    char bk2[160];
    for (size_t i = 0; !rc && i <= n_aliases; i++) {
        const char *nm = i == 0 ? a->name : aliases[i - 1];
        if (nm && body_key(a->kind, a->code, nm, bk2, sizeof(bk2)))
            rc = add_norm_key(bk, ai, bk2);
    }
    return rc;
}

int evg_actor_book_init(evg_actor_book *bk, evg_book_dup dup, void *dup_ctx,
                        evg_error *err)
{
    memset(bk, 0, sizeof(*bk));
    int rc = evg_names_load(err);
    if (rc)
        return rc;
    bk->dup = dup;
    bk->dup_ctx = dup_ctx;
    if (!(bk->arena = evg_arena_new()))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    return 0;
}

void evg_actor_book_dispose(evg_actor_book *bk)
{
    for (size_t i = 0; i < bk->n_actors; i++)
        free(bk->actors[i].aliases);
    free(bk->actors);
    evg_hindex_dispose(&bk->keys);
    evg_arena_free(bk->arena);
    memset(bk, 0, sizeof(*bk));
}
