/* The syntax model's lexicon (syn_internal.h, SYN_LEX_*): every word of
 * WordNet's index and exception files and of a word list, with what they
 * say of it; see lexicon.h. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "evgraph/io.h"
#include "wordnet.h"

#define MAX_FILE ((size_t)64 << 20)

typedef struct lexb {
    char **word;
    uint32_t *value;
    size_t n, cap;
    size_t *slot; /* open addressing: index + 1, 0 empty */
    size_t nslot;
} lexb;

static void lower(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s | 0x20);
}

static int grow_slots(lexb *b)
{
    size_t ns = b->nslot ? b->nslot * 2 : 1 << 18;
    size_t *v = calloc(ns, sizeof *v);
    if (!v)
        return EVG_ENOMEM;
    for (size_t i = 0; i < b->n; i++) {
        size_t j = syn_hash_str(b->word[i]) & (ns - 1);
        while (v[j])
            j = (j + 1) & (ns - 1);
        v[j] = i + 1;
    }
    free(b->slot);
    b->slot = v;
    b->nslot = ns;
    return 0;
}

/* The entry of lower-cased `w`, added when new; NULL: out of memory. */
static uint32_t *entry(lexb *b, const char *w)
{
    if ((b->n + 1) * 2 > b->nslot && grow_slots(b) < 0)
        return NULL;
    size_t j = syn_hash_str(w) & (b->nslot - 1);
    while (b->slot[j]) {
        if (!strcmp(b->word[b->slot[j] - 1], w))
            return &b->value[b->slot[j] - 1];
        j = (j + 1) & (b->nslot - 1);
    }
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        char **nw = realloc(b->word, cap * sizeof *nw);
        if (!nw)
            return NULL;
        b->word = nw;
        uint32_t *nv = realloc(b->value, cap * sizeof *nv);
        if (!nv)
            return NULL;
        b->value = nv;
        b->cap = cap;
    }
    if (!(b->word[b->n] = strdup(w)))
        return NULL;
    b->value[b->n] = 0;
    b->slot[j] = ++b->n;
    return &b->value[b->n - 1];
}

/* The lexicographer-file bits of a noun or verb lemma. */
static uint32_t sem_bits(const syn_entry *senses, size_t ns, const char *w)
{
    uint32_t v = 0;
    for (int p = 0; p < 2; p++) {
        syn_entry key = {evg_men_sense_key(p ? 'v' : 'n', w), 0, 0};
        size_t lo = 0, hi = ns;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (senses[mid].key < key.key)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == ns || senses[lo].key != key.key)
            continue;
        unsigned lf = senses[lo].value >> 26;
        if (!p && lf >= 3 && lf <= 28)
            v |= (uint32_t)(lf - 3 + 1) << SYN_LEX_NOUN_SHIFT;
        if (p && lf >= 29 && lf <= 44)
            v |= (uint32_t)(lf - 29 + 1) << SYN_LEX_VERB_SHIFT;
    }
    return v;
}

/* Calls fn(line) for each line of a file, the line NUL-terminated. */
static int each_line(const char *path, int (*fn)(void *, char *), void *ctx,
                     evg_error *err)
{
    char *data = NULL;
    size_t len = 0;
    int rc = evg_read_file(path, MAX_FILE, &data, &len, err);
    if (rc < 0)
        return rc;
    for (char *line = data; rc == 0 && line < data + len;) {
        char *nl = memchr(line, '\n', (size_t)(data + len - line));
        if (nl)
            *nl = 0;
        rc = fn(ctx, line);
        if (!nl)
            break;
        line = nl + 1;
    }
    free(data);
    return rc;
}

typedef struct ctx {
    lexb *b;
    const syn_entry *senses;
    size_t ns;
    uint32_t bit;
    int exc;
} ctx;

/* index.POS: the lemma, the first field; POS.exc: an inflected form and
 * its lemmas. Phrases (with '_') are left out. */
static int wordnet_line(void *p, char *line)
{
    ctx *c = p;
    if (!line[0] || line[0] == ' ')
        return 0;
    char *sp = strchr(line, ' ');
    if (sp)
        *sp = 0;
    if (strchr(line, '_'))
        return 0;
    lower(line);
    uint32_t *v = entry(c->b, line);
    if (!v)
        return EVG_ENOMEM;
    if (!c->exc) {
        *v |= c->bit | sem_bits(c->senses, c->ns, line);
        return 0;
    }
    *v |= c->bit << SYN_LEX_INFL_SHIFT;
    char *base = sp ? sp + 1 : NULL;
    if (base && !(*v >> SYN_LEX_NOUN_SHIFT)) {
        char *end = strchr(base, ' ');
        if (end)
            *end = 0;
        lower(base);
        *v |= sem_bits(c->senses, c->ns, base);
    }
    return 0;
}

static int word_line(void *p, char *line)
{
    ctx *c = p;
    size_t n = strlen(line);
    if (n && line[n - 1] == '\r')
        line[--n] = 0;
    if (!n || strchr(line, '\'') || strchr(line, ' '))
        return 0;
    int cap = 0;
    for (const char *s = line; *s; s++)
        cap |= *s >= 'A' && *s <= 'Z';
    lower(line);
    uint32_t *v = entry(c->b, line);
    if (!v)
        return EVG_ENOMEM;
    *v |= cap ? SYN_LEX_CAP : SYN_LEX_LOWER;
    return 0;
}

int evg_syn_lexicon_read(const char *wordnet, const char *words,
                         char ***word, uint32_t **value, size_t *n,
                         evg_error *err)
{
    lexb b = {0};
    syn_entry *senses = NULL;
    size_t ns = 0;
    int rc = 0;
    if (wordnet)
        rc = evg_wordnet_senses(wordnet, &senses, &ns, err);
    static const char *const pos[4] = {"noun", "verb", "adj", "adv"};
    char path[4096];
    for (int exc = 0; wordnet && exc < 2 && rc == 0; exc++) {
        for (unsigned p = 0; p < 4 && rc == 0; p++) {
            ctx c = {&b, senses, ns, 1u << p, exc};
            snprintf(path, sizeof path, exc ? "%s/%s.exc" : "%s/index.%s",
                     wordnet, pos[p]);
            rc = each_line(path, wordnet_line, &c, err);
        }
    }
    if (rc == 0 && words) {
        ctx c = {&b, senses, ns, 0, 0};
        rc = each_line(words, word_line, &c, err);
    }
    free(senses);
    free(b.slot);
    if (rc < 0) {
        for (size_t i = 0; i < b.n; i++)
            free(b.word[i]);
        free(b.word);
        free(b.value);
        if (rc == EVG_ENOMEM && !err->message[0])
            evg_error_set(err, rc, "out of memory");
        return rc;
    }
    *word = b.word;
    *value = b.value;
    *n = b.n;
    return 0;
}
