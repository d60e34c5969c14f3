/* The trigger lexicon of the event coder: CAMEO codes (cameo.tsv) and word
 * patterns (triggers.tsv), both compiled in, plus user files that start
 * with "#evgraph:triggers". Patterns are found through a hash of their head
 * lemma; a small lemmatizer maps inflected words (issued, banned, denied,
 * adding, sanctions) onto those heads. */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "triggers.h"
#include "words.h"

#define MAX_PATTERNS ((size_t)1 << 20)
#define MAX_CLASSES ((size_t)1 << 16)

typedef struct head_slot {
    const char *key; /* head lemma, NULL when empty */
    uint32_t klen;
    uint32_t first;  /* index into `byhead` (below MAX_PATTERNS) */
    uint32_t count;
} head_slot;

struct evg_triggers {
    evg_arena *arena;
    evg_cameo *codes; /* sorted by code */
    size_t n_codes, cap_codes;
    /* the built-in patterns, shared (none in the built-in lexicon
     * itself), then this lexicon's own: a pattern's `order` counts both */
    const evg_trig_pat *base_pats;
    size_t n_base;
    evg_trig_pat *pats;
    size_t n_pats, cap_pats;
    evg_trig_class **classes; /* in definition order */
    size_t n_classes, cap_classes;
    const evg_trig_pat **byhead; /* grouped by head, longest first */
    evg_trig_brief *briefs;      /* of byhead[i], in its order */
    head_slot *slots;
    size_t n_slots; /* power of two */
    /* a lexicon made by evg_extract__triggers_new() starts as a view of
     * the built-in one, read once a process (load_builtin()): `codes`
     * and `base_pats` are the built-in's (no file adds codes); its
     * `classes`, `byhead`, `briefs` and `slots` are too while `shared`,
     * until a user file adds a pattern or a class (unshare()) */
    int view, shared;
};

static size_t hash_str(const char *s, size_t n)
{
    size_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211u;
    }
    return h;
}

/* Splits `line` on tabs into at most `max` fields (in place). */
static size_t split_tabs(char *line, char **f, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static int strncasecmp_ascii(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int x = tolower((unsigned char)a[i]), y = tolower((unsigned char)b[i]);
        if (x != y || !x)
            return x - y;
    }
    return 0;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' '))
        s[--n] = '\0';
}

static int cmp_code(const void *a, const void *b)
{
    return strcmp(((const evg_cameo *)a)->code, ((const evg_cameo *)b)->code);
}

const evg_cameo *evg_events__cameo(const evg_triggers *t, const char *code)
{
    if (!t || !code)
        return NULL;
    size_t lo = 0, hi = t->n_codes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(t->codes[mid].code, code);
        if (c == 0)
            return &t->codes[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static int valid_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int load_cameo(evg_triggers *t, const char *data, size_t len,
                      evg_error *err)
{
    size_t line_no = 0, i = 0;
    while (i < len) {
        size_t eol = i;
        while (eol < len && data[eol] != '\n')
            eol++;
        line_no++;
        char buf[512];
        size_t n = eol - i < sizeof(buf) - 1 ? eol - i : sizeof(buf) - 1;
        memcpy(buf, data + i, n);
        buf[n] = '\0';
        i = eol + 1;
        trim(buf);
        if (!buf[0] || buf[0] == '#')
            continue;
        char *f[4];
        if (split_tabs(buf, f, 4) != 4 || !valid_code(f[0]))
            return evg_error_set(err, EVG_EPARSE,
                                 "cameo.tsv:%zu: expected code, label, quad "
                                 "class, goldstein",
                                 line_no);
        if (evg_reserve(&t->codes, &t->cap_codes, t->n_codes + 1,
                        sizeof(*t->codes), 64))
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        evg_cameo *c = &t->codes[t->n_codes];
        memset(c, 0, sizeof(*c));
        memcpy(c->code, f[0], strlen(f[0]));
        c->label = evg_arena_strndup(t->arena, f[1], strlen(f[1]));
        char *end;
        long q = strtol(f[2], &end, 10);
        double g = strtod(f[3], &end);
        if (!c->label)
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        if (q < 1 || q > 4 || *end)
            return evg_error_set(err, EVG_EPARSE,
                                 "cameo.tsv:%zu: bad quad class or goldstein",
                                 line_no);
        c->quad_class = (int)q;
        c->goldstein = g;
        t->n_codes++;
    }
    evg_sort(t->codes, t->n_codes, sizeof(*t->codes), cmp_code);
    return 0;
}

static int parse_kind(const char *s, evg_trig_kind *k)
{
    if (strcmp(s, "v") == 0)
        *k = EVG_TK_VERB;
    else if (strcmp(s, "n") == 0)
        *k = EVG_TK_NOUN;
    else if (strcmp(s, "c") == 0)
        *k = EVG_TK_COMPL;
    else if (strcmp(s, "r") == 0)
        *k = EVG_TK_REPORT;
    else if (strcmp(s, "x") == 0)
        *k = EVG_TK_NONE;
    else
        return -1;
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Copies `n` bytes of `w` lower-cased into the arena. */
static const char *lower_dup(evg_triggers *t, const char *w, size_t n)
{
    char *d = evg_arena_strndup(t->arena, w, n);
    if (d)
        for (size_t i = 0; i < n; i++)
            d[i] = (char)tolower((unsigned char)d[i]);
    return d;
}

const evg_trig_class *evg_events__class(const evg_triggers *t,
                                        const char *name, size_t n)
{
    if (!t)
        return NULL;
    /* the last definition wins */
    for (size_t i = t->n_classes; i-- > 0;) {
        const evg_trig_class *c = t->classes[i];
        if (strlen(c->name) == n && strncasecmp_ascii(c->name, name, n) == 0)
            return c;
    }
    return NULL;
}

/* Gives a view of the built-in lexicon its own list of word classes
 * before it adds a class or a pattern; the built-in classes, patterns and
 * codes stay shared (they live as long as the process), and the index is
 * made again by rebuild(). EVG_ENOMEM. */
static int unshare(evg_triggers *t)
{
    if (!t->shared)
        return 0;
    evg_trig_class **c =
        malloc((t->n_classes ? t->n_classes : 1) * sizeof(*c));
    if (!c)
        return EVG_ENOMEM;
    if (t->n_classes)
        memcpy(c, t->classes, t->n_classes * sizeof(*c));
    t->classes = c;
    t->cap_classes = t->n_classes ? t->n_classes : 1;
    t->byhead = NULL;
    t->briefs = NULL;
    t->slots = NULL;
    t->n_slots = 0;
    t->shared = 0;
    return 0;
}

int evg_events__add_class(evg_triggers *t, const char *name,
                          const char *const *phrases, size_t n,
                          const char *file, size_t line, evg_error *err)
{
    size_t nl = strlen(name);
    if (nl < 2 || name[0] != '&' || nl > EVG_LEMMA_MAX)
        return evg_error_set(err, EVG_EPARSE,
                             "%s:%zu: a word class is named '&name'", file,
                             line);
    for (size_t i = 1; i < nl; i++)
        if (is_space(name[i]) || name[i] == '&')
            return evg_error_set(err, EVG_EPARSE,
                                 "%s:%zu: bad word class name", file, line);
    if (!n)
        return evg_error_set(err, EVG_EPARSE, "%s:%zu: empty word class %s",
                             file, line, name);
    if (t->n_classes >= MAX_CLASSES)
        return evg_error_set(err, EVG_ELIMIT, "%s:%zu: more than %zu word "
                             "classes", file, line, MAX_CLASSES);
    if (unshare(t))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    evg_trig_class *c = evg_arena_alloc(t->arena, sizeof(*c));
    evg_trig_phrase *ph =
        c ? evg_arena_alloc(t->arena, n * sizeof(*ph)) : NULL;
    if (!ph || evg_reserve(&t->classes, &t->cap_classes, t->n_classes + 1,
                           sizeof(*t->classes), 16))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    memset(ph, 0, n * sizeof(*ph));
    if (!(c->name = lower_dup(t, name, nl)))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    c->phrases = ph;
    c->n_phrases = 0;
    for (size_t i = 0; i < n; i++) {
        evg_trig_phrase *q = &ph[c->n_phrases];
        const char *w = phrases[i];
        while (*w) {
            while (is_space(*w))
                w++;
            if (!*w)
                break;
            const char *e = w;
            while (*e && !is_space(*e))
                e++;
            if (q->n_words == EVG_CLASS_WORDS || e - w > EVG_LEMMA_MAX)
                return evg_error_set(err, EVG_EPARSE,
                                     "%s:%zu: phrase too long in %s", file,
                                     line, name);
            if (*w == '&' || *w == '$' || *w == '+' || *w == '_')
                return evg_error_set(err, EVG_EPARSE,
                                     "%s:%zu: a phrase of %s holds words "
                                     "only",
                                     file, line, name);
            if (!(q->words[q->n_words++] = lower_dup(t, w, (size_t)(e - w))))
                return evg_error_set(err, EVG_ENOMEM, "out of memory");
            w = e;
        }
        c->n_phrases += q->n_words > 0;
    }
    if (!c->n_phrases)
        return evg_error_set(err, EVG_EPARSE, "%s:%zu: empty word class %s",
                             file, line, name);
    t->classes[t->n_classes++] = c;
    return 0;
}

int evg_events__add_pattern(evg_triggers *t, const char *const *words,
                            size_t n_words, const char *code,
                            const char *const *sources, size_t n_sources,
                            const char *const *targets, size_t n_targets,
                            evg_trig_kind kind, int prio, const char *name,
                            size_t line, evg_error *err)
{
    if (t->n_base + t->n_pats >= MAX_PATTERNS)
        return evg_error_set(err, EVG_ELIMIT,
                             "%s:%zu: more than %zu trigger patterns", name,
                             line, MAX_PATTERNS);
    if (!n_words || n_words > EVG_PAT_WORDS)
        return evg_error_set(err, EVG_EPARSE, "%s:%zu: pattern too long",
                             name, line);
    if (strcmp(words[0], "_") == 0 || strcmp(words[0], "~") == 0 ||
        words[0][0] == '&' || strcmp(words[n_words - 1], "_") == 0 ||
        strcmp(words[n_words - 1], "~") == 0)
        return evg_error_set(err, EVG_EPARSE,
                             "%s:%zu: a pattern must start with a word and "
                             "end with a word or class",
                             name, line);
    if (n_sources > EVG_PAT_TARGETS || n_targets > EVG_PAT_TARGETS)
        return evg_error_set(err, EVG_EPARSE, "%s:%zu: too many roles", name,
                             line);
    if (unshare(t))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    if (evg_reserve(&t->pats, &t->cap_pats, t->n_pats + 1, sizeof(*t->pats),
                    64))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    evg_trig_pat *p = &t->pats[t->n_pats];
    memset(p, 0, sizeof(*p));
    p->order = t->n_base + t->n_pats;
    p->kind = kind;
    p->prio = prio;
    /* "code:mirror": the act and the same act from the other side */
    char first[8];
    const char *colon = strchr(code, ':');
    if (colon) {
        size_t n = (size_t)(colon - code);
        if (n >= sizeof(first) || kind == EVG_TK_NONE)
            return evg_error_set(err, EVG_EPARSE,
                                 "%s:%zu: unknown CAMEO code '%s'", name,
                                 line, code);
        memcpy(first, code, n);
        first[n] = '\0';
        if (!(p->mirror = evg_events__cameo(t, colon + 1)))
            return evg_error_set(err, EVG_EPARSE,
                                 "%s:%zu: unknown CAMEO code '%s'", name,
                                 line, colon + 1);
        code = first;
    }
    if (!(p->cameo = evg_events__cameo(t, code)) &&
        !(kind == EVG_TK_NONE && strcmp(code, "-") == 0))
        return evg_error_set(err, EVG_EPARSE,
                             "%s:%zu: unknown CAMEO code '%s'", name, line,
                             code);
    if (kind == EVG_TK_NONE)
        p->cameo = NULL;
    for (size_t i = 0; i < n_words; i++) {
        size_t n = strlen(words[i]);
        if (!n || n > EVG_LEMMA_MAX)
            return evg_error_set(err, EVG_EPARSE, "%s:%zu: pattern too long",
                                 name, line);
        if (words[i][0] == '&' &&
            !(p->classes[i] = evg_events__class(t, words[i], n)))
            return evg_error_set(err, EVG_EPARSE,
                                 "%s:%zu: unknown word class '%s'", name,
                                 line, words[i]);
        if (!(p->words[i] = lower_dup(t, words[i], n)))
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    p->n_words = n_words;
    for (size_t i = 0; i < n_sources; i++)
        if (!(p->sources[p->n_sources++] =
                  lower_dup(t, sources[i], strlen(sources[i]))))
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n_targets; i++)
        if (!(p->targets[p->n_targets++] =
                  lower_dup(t, targets[i], strlen(targets[i]))))
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
    t->n_pats++;
    return 0;
}

int evg_events__role_prep(const char *const *preps, const char *w)
{
    for (const char *const *p = preps; *p; p++)
        if (strcmp(*p, w) == 0)
            return 1;
    return 0;
}

/* Adds a role ("subj", "obj" or a preposition) to a list, once. */
static int add_role(const char **v, size_t *n, const char *r)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(v[i], r) == 0)
            return 0;
    if (*n == EVG_PAT_TARGETS)
        return -1;
    v[(*n)++] = r;
    return 0;
}

/* Adds the patterns of one triggers file; the hash is rebuilt later. */
static int load_patterns(evg_triggers *t, const char *data, size_t len,
                         const char *name, int prio, evg_error *err)
{
    const char *const *preps;
    int lrc = evg_words_list("role_prepositions.words", 0, &preps, NULL, err);
    if (lrc)
        return lrc;
    size_t line_no = 0, i = 0;
    while (i < len) {
        size_t eol = i;
        while (eol < len && data[eol] != '\n')
            eol++;
        line_no++;
        char buf[4096];
        if (eol - i >= sizeof(buf))
            return evg_error_set(err, EVG_EPARSE, "%s:%zu: line too long",
                                 name, line_no);
        memcpy(buf, data + i, eol - i);
        buf[eol - i] = '\0';
        i = eol + 1;
        trim(buf);
        if (!buf[0] || buf[0] == '#')
            continue;
        if (buf[0] == '&') {
            /* &name TAB phrase, phrase, ... */
            char *tab = strchr(buf, '\t');
            if (!tab)
                return evg_error_set(err, EVG_EPARSE,
                                     "%s:%zu: expected '&name<TAB>phrase, "
                                     "phrase, ...'",
                                     name, line_no);
            *tab = '\0';
            const char *ph[512];
            size_t nph = 0;
            for (char *q = tab + 1; q && *q;) {
                char *c = strchr(q, ',');
                if (c)
                    *c = '\0';
                if (nph == sizeof(ph) / sizeof(*ph))
                    return evg_error_set(err, EVG_EPARSE,
                                         "%s:%zu: more than 512 phrases",
                                         name, line_no);
                ph[nph++] = q;
                q = c ? c + 1 : NULL;
            }
            int rc = evg_events__add_class(t, buf, ph, nph, name, line_no,
                                           err);
            if (rc)
                return rc;
            continue;
        }
        char *f[6] = {NULL};
        size_t nf = split_tabs(buf, f, 6);
        if (nf != 4 && nf != 5)
            return evg_error_set(err, EVG_EPARSE,
                                 "%s:%zu: expected pattern, code, target, "
                                 "kind (and source) separated by tabs",
                                 name, line_no);
        evg_trig_kind kind;
        if (parse_kind(f[3], &kind))
            return evg_error_set(err, EVG_EPARSE,
                                 "%s:%zu: kind must be v, n, c, r or x",
                                 name, line_no);
        /* words; "$" and "+" mark where the source and target are */
        const char *words[EVG_PAT_WORDS];
        const char *src[EVG_PAT_TARGETS], *tgt[EVG_PAT_TARGETS];
        size_t nw = 0, ns = 0, nt = 0;
        char *w = f[0];
        int overflow = 0;
        while (*w) {
            while (*w == ' ')
                w++;
            if (!*w)
                break;
            char *e = w;
            while (*e && *e != ' ')
                e++;
            if (*e)
                *e++ = '\0';
            for (char *q = w; *q; q++)
                *q = (char)tolower((unsigned char)*q);
            if (strcmp(w, "$") == 0 || strcmp(w, "+") == 0) {
                const char **v = *w == '$' ? src : tgt;
                size_t *n = *w == '$' ? &ns : &nt;
                const char *r = !nw ? EVG_ROLE_SUBJ
                                : evg_events__role_prep(preps, words[nw - 1]) ? words[nw - 1]
                                                           : EVG_ROLE_OBJ;
                overflow |= add_role(v, n, r);
            } else if (nw == EVG_PAT_WORDS) {
                overflow = 1;
            } else {
                words[nw++] = w;
            }
            w = e;
        }
        if (overflow)
            return evg_error_set(err, EVG_EPARSE, "%s:%zu: pattern too long",
                                 name, line_no);
        if (!nw)
            return evg_error_set(err, EVG_EPARSE, "%s:%zu: empty pattern",
                                 name, line_no);
        /* a role marker placed after a preposition keeps the preposition
         * in the pattern: "receive _ from $" matches "received ... from" */
        for (char *r = f[2]; *r;) {
            char *e = strchr(r, ',');
            if (e)
                *e = '\0';
            if (*r && strcmp(r, "none") != 0 && add_role(tgt, &nt, r))
                return evg_error_set(err, EVG_EPARSE,
                                     "%s:%zu: too many targets", name,
                                     line_no);
            r = e ? e + 1 : r + strlen(r);
        }
        if (nf == 5)
            for (char *r = f[4]; *r;) {
                char *e = strchr(r, ',');
                if (e)
                    *e = '\0';
                if (*r && add_role(src, &ns, r))
                    return evg_error_set(err, EVG_EPARSE,
                                         "%s:%zu: too many sources", name,
                                         line_no);
                r = e ? e + 1 : r + strlen(r);
            }
        int rc = evg_events__add_pattern(t, words, nw, f[1], src, ns, tgt, nt,
                                         kind, prio, name, line_no, err);
        if (rc)
            return rc;
    }
    return 0;
}

/* The words of a pattern that match one word only: neither a gap nor a
 * class. */
static size_t literal_words(const evg_trig_pat *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->n_words; i++)
        n += !p->classes[i] && !evg_trig_gap(p->words[i]);
    return n;
}

static int cmp_pat(const void *a, const void *b)
{
    const evg_trig_pat *x = *(const evg_trig_pat *const *)a;
    const evg_trig_pat *y = *(const evg_trig_pat *const *)b;
    int c = strcmp(x->words[0], y->words[0]);
    if (c)
        return c;
    if (x->n_words != y->n_words)
        return x->n_words > y->n_words ? -1 : 1;
    if (x->prio != y->prio)
        return x->prio > y->prio ? -1 : 1;
    /* the more specific of two as long: a word written out is narrower
     * than a word class ("expel ~ ambassador" before "expel ~ &envoy") */
    size_t lx = literal_words(x), ly = literal_words(y);
    if (lx != ly)
        return lx > ly ? -1 : 1;
    /* later lines (user files) win over earlier ones */
    return x->order > y->order ? -1 : (x->order < y->order);
}

static int rebuild(evg_triggers *t, evg_error *err)
{
    if (t->shared)
        return 0; /* nothing added: the built-in index holds */
    free(t->byhead);
    free(t->briefs);
    free(t->slots);
    t->byhead = NULL;
    t->briefs = NULL;
    t->slots = NULL;
    t->n_slots = 0;
    /* the patterns stop growing here (until a user file adds more): no
     * spare room is kept; `byhead` points into them from now on */
    if (t->n_pats && t->n_pats < t->cap_pats) {
        evg_trig_pat *p = realloc(t->pats, t->n_pats * sizeof(*t->pats));
        if (p) {
            t->pats = p;
            t->cap_pats = t->n_pats;
        }
    }
    size_t n = t->n_base + t->n_pats;
    t->byhead = malloc((n ? n : 1) * sizeof(*t->byhead));
    if (!t->byhead)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (size_t i = 0; i < t->n_base; i++)
        t->byhead[i] = &t->base_pats[i];
    for (size_t i = 0; i < t->n_pats; i++)
        t->byhead[t->n_base + i] = &t->pats[i];
    evg_sort(t->byhead, n, sizeof(*t->byhead), cmp_pat);
    t->briefs = malloc((n ? n : 1) * sizeof(*t->briefs));
    if (!t->briefs)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        t->briefs[i].kind = (unsigned char)t->byhead[i]->kind;
        t->briefs[i].petrarch = t->byhead[i]->prio == EVG_PRIO_PETRARCH;
        t->briefs[i].one_word = t->byhead[i]->n_words < 2;
    }
    /* a slot per head lemma, the table at most half full */
    size_t heads = 0;
    for (size_t i = 0; i < n; i++)
        heads += i == 0 || strcmp(t->byhead[i]->words[0],
                                  t->byhead[i - 1]->words[0]) != 0;
    size_t ns = 64;
    while (ns < heads * 2)
        ns *= 2;
    if (!(t->slots = calloc(ns, sizeof(*t->slots))))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    t->n_slots = ns;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        const char *key = t->byhead[i]->words[0];
        while (j < n && strcmp(t->byhead[j]->words[0], key) == 0)
            j++;
        size_t h = hash_str(key, strlen(key)) & (ns - 1);
        while (t->slots[h].key)
            h = (h + 1) & (ns - 1);
        t->slots[h].key = key;
        t->slots[h].klen = (uint32_t)strlen(key);
        t->slots[h].first = (uint32_t)i;
        t->slots[h].count = (uint32_t)(j - i);
        i = j;
    }
    return 0;
}

const evg_trig_brief *evg_events__briefs(const evg_triggers *t,
                                         const evg_trig_pat *const *pats)
{
    return t->briefs + (pats - t->byhead);
}

size_t evg_events__patterns(const evg_triggers *t, const char *lemma,
                            size_t n, const evg_trig_pat *const **out)
{
    *out = NULL;
    if (!t || !t->n_slots)
        return 0;
    size_t h = hash_str(lemma, n) & (t->n_slots - 1);
    while (t->slots[h].key) {
        const char *k = t->slots[h].key;
        if (t->slots[h].klen == n && memcmp(k, lemma, n) == 0) {
            *out = t->byhead + t->slots[h].first;
            return t->slots[h].count;
        }
        h = (h + 1) & (t->n_slots - 1);
    }
    return 0;
}

void evg_extract__triggers_free(evg_triggers *t)
{
    if (!t)
        return;
    evg_arena_free(t->arena);
    if (!t->view)
        free(t->codes);
    free(t->pats);
    if (!t->shared) {
        free(t->classes);
        free(t->byhead);
        free(t->briefs);
        free(t->slots);
    }
    free(t);
}

/* The built-in lexicon (cameo.tsv, triggers.tsv, cameo_patterns.tsv with
 * its index), read once a process: reading the 522 KB of patterns took
 * nearly all the time of a lexicon load. */
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;
static evg_triggers *builtin;
static evg_error builtin_err;

static void free_builtin(void)
{
    evg_extract__triggers_free(builtin);
    builtin = NULL;
}

static void load_builtin(void)
{
    evg_error *err = &builtin_err;
    evg_triggers *t = calloc(1, sizeof(*t));
    if (!t || !(t->arena = evg_arena_new())) {
        free(t);
        evg_error_set(err, EVG_ENOMEM, "out of memory");
        return;
    }
    const evg_embedded *codes = evg_extract__embedded("cameo.tsv");
    const evg_embedded *pats = evg_extract__embedded("triggers.tsv");
    const evg_embedded *more = evg_extract__embedded("cameo_patterns.tsv");
    int rc;
    if (!codes || !pats || !more)
        rc = evg_error_set(err, EVG_EDEP,
                           "built-in cameo.tsv, triggers.tsv or "
                           "cameo_patterns.tsv is missing");
    else
        rc = load_cameo(t, codes->data, codes->len, err);
    if (!rc)
        rc = load_patterns(t, pats->data, pats->len, "triggers.tsv",
                           EVG_PRIO_BUILTIN, err);
    if (!rc)
        rc = load_patterns(t, more->data, more->len, "cameo_patterns.tsv",
                           EVG_PRIO_BUILTIN, err);
    if (!rc)
        rc = rebuild(t, err);
    if (rc) {
        evg_extract__triggers_free(t);
        return;
    }
    builtin = t;
    atexit(free_builtin); /* keeps LeakSanitizer honest */
}

int evg_extract__triggers_new(evg_triggers **out, evg_error *err)
{
    *out = NULL;
    int rc = evg_events__load_lemmas(err);
    if (rc)
        return rc;
    pthread_once(&builtin_once, load_builtin);
    if (!builtin) {
        if (err)
            *err = builtin_err;
        return builtin_err.code ? builtin_err.code : EVG_ENOMEM;
    }
    evg_triggers *t = calloc(1, sizeof(*t));
    if (!t || !(t->arena = evg_arena_new())) {
        free(t);
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    /* a view of the built-in lexicon: its patterns are shared for good;
     * its classes and index until a user file adds a pattern or a class
     * (unshare) */
    const evg_triggers *b = builtin;
    t->codes = b->codes;
    t->n_codes = t->cap_codes = b->n_codes;
    t->base_pats = b->pats;
    t->n_base = b->n_pats;
    t->classes = b->classes;
    t->n_classes = t->cap_classes = b->n_classes;
    t->byhead = b->byhead;
    t->briefs = b->briefs;
    t->slots = b->slots;
    t->n_slots = b->n_slots;
    t->view = t->shared = 1;
    *out = t;
    return 0;
}

int evg_extract__triggers_add(evg_triggers *t, const char *data, size_t len,
                              const char *name, evg_error *err)
{
    if (!t || (!data && len))
        return evg_error_set(err, EVG_EINVAL, "no trigger lexicon");
    int rc = load_patterns(t, data, len, name ? name : "<triggers>",
                           EVG_PRIO_USER, err);
    if (rc)
        return rc;
    return rebuild(t, err);
}

int evg_events__lexicon_done(evg_triggers *t, evg_error *err)
{
    return rebuild(t, err);
}

size_t evg_events__lexicon_stats(const evg_triggers *t, size_t *n_classes,
                                 size_t roots[21])
{
    if (n_classes)
        *n_classes = t ? t->n_classes : 0;
    if (roots)
        memset(roots, 0, 21 * sizeof(*roots));
    if (!t)
        return 0;
    size_t n = t->n_base + t->n_pats;
    for (size_t i = 0; roots && i < n; i++) {
        const evg_cameo *c = i < t->n_base ? t->base_pats[i].cameo
                                           : t->pats[i - t->n_base].cameo;
        if (!c)
            continue;
        int r = (c->code[0] - '0') * 10 + (c->code[1] - '0');
        if (r >= 1 && r <= 20)
            roots[r]++;
    }
    return n;
}

/* ---- lemmatizer ---- */

/* Irregular past forms and their base forms (extract/data/
 * irregular_verbs.words), pairs sorted by the past form for binary
 * search: irregular[2 * i] is the past of irregular[2 * i + 1]. */
static const char *const *irregular;
static size_t n_irregular;

static const evg_words_use uses[] = {
    {"irregular_verbs.words", EVG_WORDS_SORTED | EVG_WORDS_PAIRS,
     &irregular, &n_irregular}};
static evg_words_set lists = EVG_WORDS_SET(uses);

int evg_events__load_lemmas(evg_error *err)
{
    return evg_words_load(&lists, err);
}

static const char *irregular_base(const char *w)
{
    size_t lo = 0, hi = n_irregular;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        /* strcmp inline: every word of a sentence comes here, and most
         * differ from the probe in their first letter */
        const char *f = irregular[2 * mid];
        size_t i = 0;
        while (f[i] && f[i] == w[i])
            i++;
        int c = (unsigned char)f[i] - (unsigned char)w[i];
        if (c == 0)
            return irregular[2 * mid + 1];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The word in ASCII lower case (tolower of the C locale, inline: every
 * word of a sentence comes here), NUL-terminated. */
static void lower_copy(char *w, const char *word, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)word[i];
        w[i] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    w[n] = '\0';
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static size_t add_lemma(char out[][EVG_LEMMA_MAX + 1], size_t k,
                        const char *s, size_t n, const char *suffix)
{
    if (k >= EVG_LEMMAS_MAX || n == 0)
        return k;
    size_t sl = strlen(suffix);
    if (n + sl > EVG_LEMMA_MAX)
        return k;
    /* built in place: out[k] is free, and a duplicate is not counted */
    char *tmp = out[k];
    memcpy(tmp, s, n);
    memcpy(tmp + n, suffix, sl);
    tmp[n + sl] = '\0';
    for (size_t i = 0; i < k; i++)
        if (strcmp(out[i], tmp) == 0)
            return k;
    return k + 1;
}

static int ends(const char *w, size_t n, const char *suf)
{
    size_t s = strlen(suf);
    return n > s && memcmp(w + n - s, suf, s) == 0;
}

size_t evg_events__lemmas(const char *word, size_t n,
                          char out[][EVG_LEMMA_MAX + 1])
{
    if (n == 0 || n > EVG_LEMMA_MAX)
        return 0;
    char w[EVG_LEMMA_MAX + 1];
    lower_copy(w, word, n);
    size_t k = add_lemma(out, 0, w, n, "");
    const char *base = irregular_base(w);
    if (base)
        k = add_lemma(out, k, base, strlen(base), "");
    if (n < 4)
        return k;
    if (ends(w, n, "ies")) {
        k = add_lemma(out, k, w, n - 3, "y");
    } else if (ends(w, n, "ied")) {
        k = add_lemma(out, k, w, n - 3, "y");
    } else if (ends(w, n, "ed")) {
        k = add_lemma(out, k, w, n - 1, ""); /* issued -> issue */
        k = add_lemma(out, k, w, n - 2, ""); /* added -> add */
        if (n >= 5 && w[n - 3] == w[n - 4] && !is_vowel(w[n - 3]))
            k = add_lemma(out, k, w, n - 3, ""); /* banned -> ban */
    } else if (ends(w, n, "ing")) {
        k = add_lemma(out, k, w, n - 3, "");  /* adding -> add */
        k = add_lemma(out, k, w, n - 3, "e"); /* issuing -> issue */
        if (n >= 6 && w[n - 4] == w[n - 5] && !is_vowel(w[n - 4]))
            k = add_lemma(out, k, w, n - 4, ""); /* banning -> ban */
    } else if (ends(w, n, "es") && !ends(w, n, "ss")) {
        k = add_lemma(out, k, w, n - 1, ""); /* issues -> issue */
        k = add_lemma(out, k, w, n - 2, ""); /* pushes -> push */
    } else if (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' &&
               w[n - 2] != 'i') {
        k = add_lemma(out, k, w, n - 1, "");
    }
    return k;
}

int evg_events__inflection(const char *word, size_t n)
{
    if (n == 0 || n > EVG_LEMMA_MAX)
        return 0;
    char w[EVG_LEMMA_MAX + 1];
    lower_copy(w, word, n);
    if (strcmp(w, "says") == 0 || strcmp(w, "has") == 0)
        return 's';
    if (irregular_base(w))
        return 'd';
    if (n >= 4 && ends(w, n, "ed"))
        return 'd';
    if (n >= 5 && ends(w, n, "ing"))
        return 'g';
    if (n >= 3 && w[n - 1] == 's' && w[n - 2] != 's')
        return 's';
    return 0;
}
