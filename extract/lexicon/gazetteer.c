/* The gazetteer: countries, adjectives, capitals, organizations, people and
 * role words, read from the TSV files in extract/data/ (compiled in) and
 * from the user's --dict files. Lookup is a hash table keyed by normalized
 * token sequences that also marks every phrase prefix, so finding the
 * longest phrase at a token costs one probe per token. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "words.h"

#define KEY_MAX 256

/* A slot of the table: 24 bytes (the table is the gazetteer's largest
 * part; its slots stay at most half full for short probes on the many
 * tokens that are no phrase). */
typedef struct gz_node {
    const char *key;       /* NULL: an empty slot */
    evg_gz_entry *entries;
    uint32_t hash;         /* the low half of the key's hash */
    uint16_t klen;         /* < KEY_MAX */
    uint8_t prefix;        /* some longer phrase starts with this key */
} gz_node;

struct evg_gazetteer {
    evg_arena *arena;
    gz_node *tab;
    size_t cap; /* power of two */
    size_t n;
    size_t n_entries;
    int user; /* loading --dict files: their entries go first */
};

static const char *const builtin_files[] = {
    "gazetteer_countries.tsv", "gazetteer_orgs.tsv", "gazetteer_places.tsv",
    "gazetteer_roles.tsv", NULL};

static const char *const class_names[EVG_GZ_NCLASS] = {
    NULL,    "country", "adj",   "capital", "igo",     "gov",   "media",
    "org",   "group",   "person", "title",  "role",    "orgword",
    "suffix", "city"};

#define FNV_PRIME 0x100000001b3ull
#define FNV_INIT 0xcbf29ce484222325ull

/* Appends the normalized form of text[t] (ASCII lower case, curly
 * apostrophe as ') to key; returns the new length or 0 when too long.
 * With `h`, folds the appended bytes (the separating space too) into the
 * key's FNV-1a hash in the same pass. */
static size_t norm_append(char *key, size_t k, const char *text,
                          const evg_token *t, int lower, uint64_t *h)
{
    if (k) {
        if (k + 1 >= KEY_MAX)
            return 0;
        key[k++] = ' ';
        if (h)
            *h = (*h ^ (unsigned char)' ') * FNV_PRIME;
    }
    for (size_t i = t->start; i < t->end; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == 0xe2 && i + 2 < t->end && (unsigned char)text[i + 1] == 0x80 &&
            ((unsigned char)text[i + 2] == 0x99 ||
             (unsigned char)text[i + 2] == 0x98)) {
            c = '\'';
            i += 2;
        }
        if (k + 1 >= KEY_MAX)
            return 0;
        if (lower && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c | 0x20); /* ASCII only, as documented */
        key[k++] = (char)c;
        if (h)
            *h = (*h ^ c) * FNV_PRIME;
    }
    return k;
}

static gz_node *find(const evg_gazetteer *g, const char *key, size_t klen,
                     uint64_t h)
{
    if (!g->cap)
        return NULL;
    size_t mask = g->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        gz_node *nd = &g->tab[i];
        if (!nd->key)
            return NULL;
        if (nd->hash == (uint32_t)h && nd->klen == klen &&
            memcmp(nd->key, key, klen) == 0)
            return nd;
    }
}

static int grow(evg_gazetteer *g)
{
    size_t ncap = g->cap ? g->cap * 2 : 4096;
    gz_node *nt = calloc(ncap, sizeof(*nt));
    if (!nt)
        return EVG_ENOMEM;
    for (size_t i = 0; i < g->cap; i++) {
        gz_node *o = &g->tab[i];
        if (!o->key)
            continue;
        size_t j = (size_t)o->hash & (ncap - 1);
        while (nt[j].key)
            j = (j + 1) & (ncap - 1);
        nt[j] = *o;
    }
    free(g->tab);
    g->tab = nt;
    g->cap = ncap;
    return 0;
}

static gz_node *insert(evg_gazetteer *g, const char *key, size_t klen,
                       uint64_t h)
{
    gz_node *nd = find(g, key, klen, h);
    if (nd)
        return nd;
    if ((g->n + 1) * 2 > g->cap && grow(g))
        return NULL;
    size_t mask = g->cap - 1, i = (size_t)h & mask;
    while (g->tab[i].key)
        i = (i + 1) & mask;
    nd = &g->tab[i];
    nd->key = evg_arena_strndup(g->arena, key, klen);
    if (!nd->key)
        return NULL;
    nd->klen = (uint16_t)klen;
    nd->hash = (uint32_t)h;
    g->n++;
    return nd;
}

static int has_upper_word(const char *s, size_t n)
{
    /* an all-capitals word of two or more letters: US, NATO, U.N. */
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t letters = 0, upper = 0;
        while (i < n && s[i] != ' ') {
            unsigned char c = (unsigned char)s[i++];
            if (isalpha(c)) {
                letters++;
                upper += isupper(c) != 0;
            }
        }
        if (letters >= 2 && upper == letters)
            return 1;
    }
    return 0;
}

static int valid_code(const char *s, size_t n)
{
    if (n != 3 && n != 6)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(isupper((unsigned char)s[i]) || (i < 3 && s[i] == '-')))
            return 0;
    return 1;
}

/* Adds one phrase. `raw` is the phrase, `code` the CAMEO code. */
static int add_phrase(evg_gazetteer *g, const char *raw, size_t rawlen,
                      unsigned cls, const char *code, size_t codelen,
                      const char *name, size_t namelen)
{
    evg_tokens toks = {0};
    int rc = evg_extract__tokenize(raw, 0, rawlen, &toks);
    if (rc)
        goto done;
    rc = 0;
    if (!toks.n)
        goto done;
    char key[KEY_MAX], rkey[KEY_MAX];
    size_t k = 0, rk = 0;
    uint64_t h = FNV_INIT;
    gz_node *nd = NULL;
    for (size_t i = 0; i < toks.n; i++) {
        k = norm_append(key, k, raw, &toks.v[i], 1, &h);
        rk = norm_append(rkey, rk, raw, &toks.v[i], 0, NULL);
        if (!k || !rk) {
            rc = EVG_ELIMIT; /* the caller names the line */
            goto done;
        }
        if (!(nd = insert(g, key, k, h))) {
            rc = EVG_ENOMEM;
            goto done;
        }
        if (i + 1 < toks.n)
            nd->prefix = 1;
    }
    evg_gz_entry *e = evg_arena_alloc(g->arena, sizeof(*e));
    /* the canonical name is most often the phrase itself: one copy */
    if (!e || !(e->raw = evg_arena_strndup(g->arena, rkey, rk)) ||
        !(e->name = namelen == rk && memcmp(name, rkey, rk) == 0
                        ? e->raw
                        : evg_arena_strndup(g->arena, name, namelen))) {
        rc = EVG_ENOMEM;
        goto done;
    }
    memcpy(e->country, code, 3);
    if (codelen > 3)
        memcpy(e->sector, code + 3, codelen - 3);
    e->cls = (unsigned char)cls;
    e->exact = (unsigned char)has_upper_word(rkey, rk);
    e->capfirst = (unsigned char)(isupper((unsigned char)rkey[0]) ||
                                  (unsigned char)rkey[0] >= 0x80);
    if (g->user && nd->entries) {
        e->next = nd->entries; /* the user's entry wins */
        nd->entries = e;
    } else {
        /* after the others (a phrase has few entries); they are ours,
         * const only to the readers */
        evg_gz_entry *last = nd->entries;
        while (last && last->next)
            last = (evg_gz_entry *)(uintptr_t)last->next;
        if (last)
            last->next = e;
        else
            nd->entries = e;
    }
    g->n_entries++;
done:
    evg_extract__tokens_dispose(&toks);
    return rc;
}

int evg_extract__gazetteer_add(evg_gazetteer *g, const char *data, size_t len,
                               const char *name, evg_error *err)
{
    size_t pos = 0;
    long line = 0;
    while (pos < len) {
        size_t eol = pos;
        while (eol < len && data[eol] != '\n')
            eol++;
        line++;
        size_t end = eol;
        if (end > pos && data[end - 1] == '\r')
            end--;
        const char *l = data + pos;
        size_t n = end - pos;
        pos = eol + 1;
        if (n == 0 || l[0] == '#')
            continue;
        const char *f[4] = {0};
        size_t fl[4] = {0};
        size_t nf = 0, s = 0;
        for (size_t i = 0; i <= n && nf < 4; i++) {
            if (i == n || l[i] == '\t') {
                f[nf] = l + s;
                fl[nf] = i - s;
                nf++;
                s = i + 1;
            }
        }
        unsigned cls = 0;
        for (unsigned c = 1; nf >= 2 && c < EVG_GZ_NCLASS; c++)
            if (strlen(class_names[c]) == fl[1] &&
                memcmp(class_names[c], f[1], fl[1]) == 0)
                cls = c;
        if (nf < 3 || !fl[0] || !cls || !valid_code(f[2], fl[2])) {
            if (err)
                err->line = line;
            return evg_error_set(
                err, EVG_EPARSE,
                "%s:%ld: expected 'phrase<TAB>class<TAB>CODE[<TAB>name]' with "
                "a known class and a 3- or 6-letter CAMEO code",
                name ? name : "<gazetteer>", line);
        }
        const char *nm = nf >= 4 && fl[3] ? f[3] : f[0];
        size_t nml = nf >= 4 && fl[3] ? fl[3] : fl[0];
        if (cls >= EVG_GZ_TITLE && cls <= EVG_GZ_SUFFIX &&
            !(nf >= 4 && fl[3]))
            nml = 0;
        int rc = add_phrase(g, f[0], fl[0], cls, f[2], fl[2], nm, nml);
        if (rc == EVG_ELIMIT) {
            if (err)
                err->line = line;
            return evg_error_set(err, rc,
                                 "%s:%ld: phrase longer than %d bytes",
                                 name ? name : "<gazetteer>", line,
                                 KEY_MAX - 1);
        }
        if (rc)
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    return 0;
}

int evg_extract__gazetteer_new(evg_gazetteer **out, evg_error *err)
{
    *out = NULL;
    evg_gazetteer *g = calloc(1, sizeof(*g));
    if (!g || !(g->arena = evg_arena_new())) {
        free(g);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    for (const char *const *f = builtin_files; *f; f++) {
        const evg_embedded *e = evg_extract__embedded(*f);
        if (!e) {
            evg_extract__gazetteer_free(g);
            return evg_error_set(err, EVG_EDEP,
                                 "built-in gazetteer file %s is missing", *f);
        }
        int rc = evg_extract__gazetteer_add(g, e->data, e->len, *f, err);
        if (rc) {
            evg_extract__gazetteer_free(g);
            return rc;
        }
    }
    g->user = 1;
    *out = g;
    return 0;
}

void evg_extract__gazetteer_free(evg_gazetteer *g)
{
    if (!g)
        return;
    free(g->tab);
    evg_arena_free(g->arena);
    free(g);
}

static int fits(const evg_gz_entry *e, unsigned mask, const char *rkey,
                size_t rk, const evg_token *first)
{
    if (!(mask & EVG_GZ_BIT(e->cls)))
        return 0;
    if (e->exact)
        return strlen(e->raw) == rk && memcmp(e->raw, rkey, rk) == 0;
    if (e->capfirst && !(first->flags & EVG_TOK_CAP))
        return 0;
    return 1;
}

size_t evg_gz_match(const evg_gazetteer *g, const char *text,
                    const evg_token *toks, size_t n, size_t i, unsigned mask,
                    const evg_gz_entry **out)
{
    char key[KEY_MAX], rkey[KEY_MAX];
    size_t k = 0, rk = 0, best = 0;
    uint64_t h = FNV_INIT;
    *out = NULL;
    for (size_t j = i; j < n; j++) {
        k = norm_append(key, k, text, &toks[j], 1, &h);
        if (!k)
            break;
        const gz_node *nd = find(g, key, k, h);
        if (!nd)
            break;
        for (const evg_gz_entry *e = nd->entries; e; e = e->next) {
            if (e->exact && (mask & EVG_GZ_BIT(e->cls)) && rk != k) {
                /* the phrase as written (as long as `key`): only
                 * case-sensitive entries need it, so build it late */
                rk = 0;
                for (size_t q = i; q <= j; q++)
                    rk = norm_append(rkey, rk, text, &toks[q], 0, NULL);
            }
            if (fits(e, mask, rkey, rk, &toks[i])) {
                best = j - i + 1;
                *out = e;
                break;
            }
        }
        if (!nd->prefix)
            break;
    }
    return best;
}

const evg_gz_entry *evg_gz_pick(const evg_gz_entry *e, unsigned mask)
{
    for (; e; e = e->next)
        if (mask & EVG_GZ_BIT(e->cls))
            return e;
    return NULL;
}
