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

#define DISC_BUCKETS 65536u

typedef struct discard {
    const char *s; /* lower case */
    size_t n;
    int story; /* the whole story, not just the sentence */
    int word;  /* must end a word ("BOXING_"), else a stem */
} discard;

typedef struct gz_node {
    const char *key;
    evg_gz_entry *entries; /* in the order they were added */
    uint32_t hash;   /* low bits of the key's hash (tables stay < 2^32) */
    uint16_t klen;
    uint16_t prefix; /* some longer phrase starts with this key */
} gz_node;

struct evg_gazetteer {
    evg_arena *arena;
    gz_node *tab;
    size_t cap; /* power of two */
    size_t n;
    size_t n_entries;
    const evg_gazetteer *base; /* the built-in layer under a user's, or NULL */
    struct discard *disc;      /* PETRARCH discard phrases */
    size_t n_disc, cap_disc;
    uint32_t *disc_head;       /* DISC_BUCKETS chains by a phrase's first
                                * two bytes: index + 1, or 0 */
    uint32_t *disc_next;       /* the chain after each phrase (cap_disc) */
    evg_tokens scratch;        /* tokens of the phrase being added */
    /* the last phrase prepared (prepare()): its text, tokens (scratch),
     * normalized key and the key's length and hash after each token, so
     * the readers' several questions about one phrase tokenize it once */
    char ptext[KEY_MAX];
    size_t plen, pk;
    int pok; /* 0: none, 1: ready, 2: no words, negative: its error */
    char pkey[KEY_MAX];
    size_t pends[KEY_MAX / 2];
    uint64_t phs[KEY_MAX / 2];
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

/* Adds a node for `key` (borrowed: it lives in the arena) of klen bytes
 * and hash h, known to be absent. */
static gz_node *insert_key(evg_gazetteer *g, const char *key, size_t klen,
                           uint64_t h)
{
    /* at most half full: most lookups are of tokens that are no phrase,
     * and a miss probes until an empty slot */
    if ((g->n + 1) * 2 > g->cap && grow(g))
        return NULL;
    size_t mask = g->cap - 1, i = (size_t)h & mask;
    while (g->tab[i].key)
        i = (i + 1) & mask;
    gz_node *nd = &g->tab[i];
    nd->key = key;
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

char *evg_gz__strndup(evg_gazetteer *g, const char *s, size_t n)
{
    return evg_arena_strndup(g->arena, s, n);
}

/* Tokenizes `phrase` and computes its key (cached for the next call on
 * the same text). 0, EVG_ELIMIT, EVG_ENOMEM, or 1 when it has no tokens. */
static int prepare(evg_gazetteer *g, const char *phrase, size_t len)
{
    if (g->pok && len == g->plen && len < KEY_MAX &&
        memcmp(g->ptext, phrase, len) == 0)
        return g->pok == 1 ? 0 : g->pok == 2 ? 1 : g->pok;
    g->pok = 0;
    evg_tokens *toks = &g->scratch; /* reused: no allocation per phrase */
    toks->n = 0;
    int rc = evg_extract__tokenize(phrase, 0, len, toks);
    if (!rc && !toks->n)
        rc = 1;
    if (!rc && toks->n > KEY_MAX / 2)
        rc = EVG_ELIMIT;
    size_t k = 0;
    uint64_t h = FNV_INIT;
    for (size_t i = 0; !rc && i < toks->n; i++) {
        k = norm_append(g->pkey, k, phrase, &toks->v[i], 1, &h);
        if (!k)
            rc = EVG_ELIMIT;
        g->pends[i] = k;
        g->phs[i] = h;
    }
    g->pk = k;
    if (len < KEY_MAX && rc != EVG_ENOMEM) {
        memcpy(g->ptext, phrase, len);
        g->plen = len;
        /* a phrase without words stays one when asked again */
        g->pok = rc == 0 ? 1 : rc == 1 ? 2 : rc;
    }
    return rc;
}

int evg_gz__add(evg_gazetteer *g, const evg_gz_add *a)
{
    int rc = prepare(g, a->phrase, a->len);
    if (rc)
        return rc == 1 ? 0 : rc;
    const evg_tokens *toks = &g->scratch;
    /* the whole key first: a prefix's node keeps a pointer into the
     * longest key that made it, so each phrase's bytes are stored once */
    char rkey[KEY_MAX];
    size_t rk = 0, nt = toks->n, k = g->pk;
    const char *key = g->pkey;
    for (size_t i = 0; a->exact && i < nt; i++)
        if (!(rk = norm_append(rkey, rk, a->phrase, &toks->v[i], 0, NULL)))
            return EVG_ELIMIT; /* the caller names the line */
    const char *stored = NULL;
    for (size_t i = nt; i-- > 0;) {
        gz_node *f = find(g, key, g->pends[i], g->phs[i]);
        if (f) {
            if (i + 1 < nt)
                f->prefix = 1;
            if (!stored)
                stored = f->key; /* an existing key holds ours */
            continue;
        }
        if (!stored && !(stored = evg_arena_strndup(g->arena, key, k)))
            return EVG_ENOMEM;
        if (!(f = insert_key(g, stored, g->pends[i], g->phs[i])))
            return EVG_ENOMEM;
        if (i + 1 < nt)
            f->prefix = 1;
    }
    gz_node *nd = find(g, key, k, g->phs[nt - 1]); /* after any growth */
    evg_gz_entry *e = evg_arena_alloc(g->arena, sizeof(*e));
    if (!e)
        return EVG_ENOMEM;
    memset(e, 0, sizeof(*e));
    e->raw = "";
    if (a->exact && !(e->raw = evg_arena_strndup(g->arena, rkey, rk)))
        return EVG_ENOMEM;
    e->name = a->name ? a->name : "";
    memcpy(e->country, a->country, 3);
    if (a->sector && a->sector[0])
        memcpy(e->sector, a->sector, 3);
    e->cls = (unsigned char)a->cls;
    e->exact = (unsigned char)(a->exact != 0);
    e->capfirst = (unsigned char)(a->capfirst != 0);
    e->dated = (unsigned char)a->dated;
    e->from = a->from;
    e->to = a->to;
    evg_gz_entry **tail = &nd->entries; /* chains are short */
    while (*tail)
        tail = &(*tail)->next;
    *tail = e;
    g->n_entries++;
    return 0;
}

const char *evg_gz__name_of(evg_gazetteer *g, const char *phrase, size_t len,
                            unsigned cls, const char *c3)
{
    if (prepare(g, phrase, len))
        return NULL;
    const char *key = g->pkey;
    size_t k = g->pk;
    uint64_t h = g->phs[g->scratch.n - 1];
    for (const evg_gazetteer *t = g; t; t = t->base) {
        const gz_node *nd = find(t, key, k, h);
        for (const evg_gz_entry *e = nd ? nd->entries : NULL; e; e = e->next)
            if ((cls ? e->cls == cls : e->dated == EVG_GZ_ALWAYS &&
                                           e->cls >= EVG_GZ_IGO &&
                                           e->cls <= EVG_GZ_GROUP) &&
                memcmp(e->country, c3, 3) == 0 && e->name[0])
                return e->name;
    }
    return NULL;
}

/* Adds one line of our format: `raw` is the phrase, `code` the CAMEO
 * code. Case rules: a phrase with an all-capitals word matches only as
 * written; one that starts with a capital needs a capital in the text. */
static int add_phrase(evg_gazetteer *g, const char *raw, size_t rawlen,
                      unsigned cls, const char *code, size_t codelen,
                      const char *name, size_t namelen)
{
    /* the case rules read the phrase's words as the text's tokens */
    evg_tokens toks = {0};
    int rc = evg_extract__tokenize(raw, 0, rawlen, &toks);
    if (rc || !toks.n) {
        evg_extract__tokens_dispose(&toks);
        return rc;
    }
    char rkey[KEY_MAX];
    size_t rk = 0;
    for (size_t i = 0; i < toks.n; i++)
        if (!(rk = norm_append(rkey, rk, raw, &toks.v[i], 0, NULL)))
            break;
    evg_extract__tokens_dispose(&toks);
    if (!rk)
        return EVG_ELIMIT;
    char sector[4] = "";
    if (codelen > 3)
        memcpy(sector, code + 3, 3);
    evg_gz_add a = {0};
    a.phrase = raw;
    a.len = rawlen;
    a.cls = cls;
    a.country = code;
    a.sector = sector;
    if (!(a.name = evg_arena_strndup(g->arena, name, namelen)))
        return EVG_ENOMEM;
    a.exact = has_upper_word(rkey, rk);
    a.capfirst = isupper((unsigned char)rkey[0]) ||
                 (unsigned char)rkey[0] >= 0x80;
    return evg_gz__add(g, &a);
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

static void gz_free(evg_gazetteer *g)
{
    if (!g)
        return;
    free(g->tab);
    free(g->disc);
    free(g->disc_head);
    free(g->disc_next);
    evg_extract__tokens_dispose(&g->scratch);
    evg_arena_free(g->arena);
    free(g);
}

static evg_gazetteer *gz_alloc(void)
{
    evg_gazetteer *g = calloc(1, sizeof(*g));
    if (!g || !(g->arena = evg_arena_new())) {
        free(g);
        return NULL;
    }
    return g;
}

int evg_extract__gazetteer_new(evg_gazetteer **out, evg_error *err)
{
    *out = NULL;
    evg_gazetteer *g = gz_alloc();
    if (!g)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (const char *const *f = builtin_files; *f; f++) {
        const evg_embedded *e = evg_extract__embedded(*f);
        if (!e) {
            gz_free(g);
            return evg_error_set(err, EVG_EDEP,
                                 "built-in gazetteer file %s is missing", *f);
        }
        int rc = evg_extract__gazetteer_add(g, e->data, e->len, *f, err);
        if (rc) {
            gz_free(g);
            return rc;
        }
    }
    /* the field's dictionaries, under our own files (docs/input.md) */
    int rc = evg_extract__petrarch_builtin(g, err);
    if (rc) {
        gz_free(g);
        return rc;
    }
    evg_extract__tokens_dispose(&g->scratch);
    *out = g;
    return 0;
}

int evg_extract__gazetteer_layer(const evg_gazetteer *base,
                                 evg_gazetteer **out, evg_error *err)
{
    *out = NULL;
    evg_gazetteer *g = gz_alloc();
    if (!g)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    g->base = base;
    *out = g;
    return 0;
}

void evg_extract__gazetteer_free(evg_gazetteer *g)
{
    gz_free(g);
}

size_t evg_extract__gazetteer_size(const evg_gazetteer *g, size_t *entries)
{
    if (entries)
        *entries = g->n_entries;
    return g->cap * sizeof(gz_node) + evg_arena_used(g->arena);
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

/* How well entry `e` fits date `date` (YYYYMMDD): 0 not at all (a dated
 * code of another time), 4 a dated code in office, 3 a dated code of the
 * elite (ELI: former officials), 2 the default of an actor with dated
 * codes, 1 an undated entry. */
static int rank_at(const evg_gz_entry *e, long date)
{
    switch (e->dated) {
    case EVG_GZ_DATED:
        if ((e->from && date < e->from) || (e->to && date > e->to))
            return 0;
        return memcmp(e->sector, "ELI", 3) == 0 ? 3 : 4;
    case EVG_GZ_OTHERWISE:
        return 2;
    default:
        return 1;
    }
}

/* The longest match in one table; *rank_out the rank of its entry. */
static size_t match_one(const evg_gazetteer *g, const char *text,
                        const evg_token *toks, size_t n, size_t i,
                        unsigned mask, long date, const evg_gz_entry **out,
                        int *rank_out)
{
    char key[KEY_MAX], rkey[KEY_MAX];
    size_t k = 0, rk = 0, best = 0;
    uint64_t h = FNV_INIT;
    *out = NULL;
    *rank_out = 0;
    for (size_t j = i; j < n; j++) {
        k = norm_append(key, k, text, &toks[j], 1, &h);
        if (!k)
            break;
        const gz_node *nd = find(g, key, k, h);
        if (!nd)
            break;
        const evg_gz_entry *pick = NULL;
        int pr = 0;
        for (const evg_gz_entry *e = nd->entries; e; e = e->next) {
            if (e->exact && (mask & EVG_GZ_BIT(e->cls)) && rk != k) {
                /* the phrase as written (as long as `key`): only
                 * case-sensitive entries need it, so build it late */
                rk = 0;
                for (size_t q = i; q <= j; q++)
                    rk = norm_append(rkey, rk, text, &toks[q], 0, NULL);
            }
            if (!fits(e, mask, rkey, rk, &toks[i]))
                continue;
            /* the first fitting entry says what the phrase is (ours come
             * first); the dates choose among entries of that class */
            if (pick && e->cls != pick->cls)
                continue;
            int r = rank_at(e, date);
            if (r > pr) {
                pick = e;
                pr = r;
                if (r == 4)
                    break;
            }
        }
        if (pick) {
            best = j - i + 1;
            *out = pick;
            *rank_out = pr;
        }
        if (!nd->prefix)
            break;
    }
    return best;
}

size_t evg_gz_match(const evg_gazetteer *g, const char *text,
                    const evg_token *toks, size_t n, size_t i, unsigned mask,
                    long date, const evg_gz_entry **out)
{
    *out = NULL;
    if (!g)
        return 0;
    if (date <= 0)
        date = 99991231; /* unknown: what holds now, open-ended codes */
    int r;
    size_t len = match_one(g, text, toks, n, i, mask, date, out, &r);
    if (g->base) {
        /* a user's layer over the built-in: the longer phrase wins, then
         * the better dated entry, then the user's */
        const evg_gz_entry *e;
        int r2;
        size_t l2 = match_one(g->base, text, toks, n, i, mask, date, &e, &r2);
        if (l2 > len || (l2 == len && l2 && r2 > r && e->cls == (*out)->cls)) {
            *out = e;
            len = l2;
        }
    }
    return len;
}

const evg_gz_entry *evg_gz_pick(const evg_gz_entry *e, unsigned mask)
{
    for (; e; e = e->next)
        if (mask & EVG_GZ_BIT(e->cls))
            return e;
    return NULL;
}

/* The chain of discard phrases whose first bytes are c1 c2 c3 (lower
 * case): phrases of three bytes or more by their first three, shorter
 * ones by theirs with 0 for the missing (no text byte is 0). */
static size_t disc_bucket(unsigned char c1, unsigned char c2, unsigned char c3)
{
    uint32_t h = ((uint32_t)c1 << 16 | (uint32_t)c2 << 8 | c3) * 2654435761u;
    return (h >> 16) & (DISC_BUCKETS - 1);
}

static unsigned char lower_byte(char c)
{
    unsigned char u = (unsigned char)c;
    return u >= 'A' && u <= 'Z' ? (unsigned char)(u + 32) : u;
}

int evg_gz__add_discard(evg_gazetteer *g, const char *s, size_t n, int story,
                        int word);
int evg_gz__add_discard(evg_gazetteer *g, const char *s, size_t n, int story,
                        int word)
{
    if (!n || g->n_disc >= UINT32_MAX - 1)
        return EVG_ENOMEM;
    size_t cap = g->cap_disc;
    if (evg_reserve(&g->disc, &g->cap_disc, g->n_disc + 1, sizeof(*g->disc),
                    64))
        return EVG_ENOMEM;
    if (g->cap_disc != cap || !g->disc_next) {
        uint32_t *nx = realloc(g->disc_next, g->cap_disc * sizeof(*nx));
        if (!nx)
            return EVG_ENOMEM;
        g->disc_next = nx;
    }
    if (!g->disc_head &&
        !(g->disc_head = calloc(DISC_BUCKETS, sizeof(*g->disc_head))))
        return EVG_ENOMEM;
    discard *d = &g->disc[g->n_disc];
    if (!(d->s = evg_arena_strndup(g->arena, s, n)))
        return EVG_ENOMEM;
    d->n = n;
    d->story = story;
    d->word = word;
    size_t b = disc_bucket((unsigned char)d->s[0],
                           n > 1 ? (unsigned char)d->s[1] : 0,
                           n > 2 ? (unsigned char)d->s[2] : 0);
    g->disc_next[g->n_disc] = g->disc_head[b];
    g->disc_head[b] = (uint32_t)(g->n_disc + 1);
    g->n_disc++;
    return 0;
}

/* Does `d` occur at text[i] (i < end) case-insensitively, ending a word
 * when d->word? */
static int discard_at(const discard *d, const char *t, size_t i, size_t end)
{
    if (i + d->n > end)
        return 0;
    size_t k = 0;
    while (k < d->n && lower_byte(t[i + k]) == (unsigned char)d->s[k])
        k++;
    if (k < d->n)
        return 0;
    return !(d->word && i + k < end && isalnum((unsigned char)t[i + k]));
}

/* The strongest discard of layer `t` in text[start, end): 2 a story's, 1 a
 * sentence's, 0 none. A phrase matches at the start of a word (PETRARCH
 * matches " PHRASE" case-insensitively); the phrases are found through
 * their first two bytes, so the cost is a probe or two per word whatever
 * the length of the list. */
static int discard_layer(const evg_gazetteer *t, const char *text,
                         size_t start, size_t end)
{
    int what = 0;
    if (!t->n_disc)
        return 0;
    for (size_t i = start; i < end && what < 2; i++) {
        if (i > start && isalnum((unsigned char)text[i - 1])) {
            while (i + 1 < end && isalnum((unsigned char)text[i]))
                i++; /* to the end of the word */
            continue;
        }
        unsigned char c[3] = {lower_byte(text[i]), 0, 0};
        if (i + 1 < end)
            c[1] = lower_byte(text[i + 1]);
        if (i + 2 < end)
            c[2] = lower_byte(text[i + 2]);
        /* phrases of three bytes or more, of two, of one */
        for (size_t len = 3; len >= 1 && what < 2; len--) {
            if (c[len - 1] == 0)
                continue;
            size_t b = disc_bucket(c[0], len > 1 ? c[1] : 0,
                                   len > 2 ? c[2] : 0);
            for (uint32_t j = t->disc_head[b]; j && what < 2;
                 j = t->disc_next[j - 1]) {
                const discard *d = &t->disc[j - 1];
                if ((len == 3 ? d->n < 3 : d->n != len) ||
                    !discard_at(d, text, i, end))
                    continue;
                if ((d->story ? 2 : 1) > what)
                    what = d->story ? 2 : 1;
            }
        }
    }
    return what;
}

int evg_extract__has_discards(const evg_gazetteer *g)
{
    for (const evg_gazetteer *t = g; t; t = t->base)
        if (t->n_disc)
            return 1;
    return 0;
}

int evg_extract__discarded(const evg_gazetteer *g, const char *text,
                           size_t start, size_t end)
{
    int what = 0;
    for (const evg_gazetteer *t = g; t && what < 2; t = t->base) {
        int w = discard_layer(t, text, start, end);
        if (w > what)
            what = w;
    }
    return what;
}

int evg_gz__composed(evg_gazetteer *g, const char *phrase, const char *upper,
                     size_t len)
{
    if (prepare(g, phrase, len) || g->scratch.n < 2)
        return 0;
    const evg_gz_entry *e;
    const evg_token *tv = g->scratch.v;
    size_t n = g->scratch.n;
    unsigned pre = EVG_GZ_BIT(EVG_GZ_COUNTRY) | EVG_GZ_BIT(EVG_GZ_ADJ) |
                   EVG_GZ_BIT(EVG_GZ_CAPITAL);
    unsigned last = EVG_GZ_BIT(EVG_GZ_TITLE) | EVG_GZ_BIT(EVG_GZ_ROLE);
    /* the upper-case text (same offsets) fits entries such as "US" */
    return evg_gz_match(g, upper, tv, n, 0, pre, 0, &e) == n - 1 &&
           evg_gz_match(g, upper, tv, n, n - 1, last, 0, &e) == 1;
}

int evg_gz__has(evg_gazetteer *g, const char *phrase, size_t len)
{
    if (prepare(g, phrase, len))
        return 0;
    uint64_t h = g->phs[g->scratch.n - 1];
    for (const evg_gazetteer *t = g; t; t = t->base) {
        const gz_node *nd = find(t, g->pkey, g->pk, h);
        if (nd && nd->entries)
            return 1;
    }
    return 0;
}

int evg_gz__opens_with(evg_gazetteer *g, const char *phrase, size_t len,
                       unsigned mask)
{
    if (prepare(g, phrase, len))
        return 0;
    const evg_gz_entry *e;
    size_t n = g->scratch.n;
    size_t l = evg_gz_match(g, phrase, g->scratch.v, n, 0, mask, 0, &e);
    return l > 0 && l < n;
}
