/* The one loader of the word lists in extract/data/ (compiled in): each
 * list is parsed at its first use, kept for the life of the process and
 * shared by every thread and extraction. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

#define MAX_LISTS 128
#define MAX_WORD 64

typedef struct cached {
    const char *name;
    int flags;
    const char **w; /* NULL-terminated, into `buf` */
    size_t n;
    char *buf;
} cached;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static cached lists[MAX_LISTS];
static size_t n_lists;

static void free_lists(void)
{
    for (size_t i = 0; i < n_lists; i++) {
        free(lists[i].w);
        free(lists[i].buf);
    }
    n_lists = 0;
}

/* A word: not empty, lower case, no tab, CR or outer space, short. */
static int bad_word(const char *p)
{
    size_t n = strlen(p);
    if (n == 0 || n > MAX_WORD || strchr(p, '\t') || strchr(p, '\r') ||
        p[n - 1] == ' ' || p[0] == ' ')
        return 1;
    for (size_t k = 0; k < n; k++)
        if (p[k] >= 'A' && p[k] <= 'Z')
            return 1;
    return 0;
}

size_t evg_words_columns(int flags)
{
    return flags & EVG_WORDS_TRIPLES ? 3 : flags & EVG_WORDS_PAIRS ? 2 : 1;
}

int evg_words_parse(const char *name, const char *data, size_t len,
                    int flags, char **buf, const char ***words, size_t *n,
                    evg_error *err)
{
    size_t cols = evg_words_columns(flags);
    *buf = NULL;
    *words = NULL;
    *n = 0;
    char *b = malloc(len + 1);
    if (!b)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    memcpy(b, data, len);
    b[len] = '\0';
    *buf = b;
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += data[i] == '\n';
    const char **w = calloc(cap * cols + 1, sizeof(*w));
    if (!w)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    *words = w;
    size_t k = 0, lines = 0;
    long line = 0;
    for (char *p = b; *p;) {
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        line++;
        if (*p && *p != '#') {
            /* split at the first cols - 1 tabs; a further tab is bad */
            char *f[3] = {p, NULL, NULL};
            int bad = 0;
            for (size_t c = 1; c < cols && !bad; c++) {
                f[c] = strchr(f[c - 1], '\t');
                if (f[c])
                    *f[c]++ = '\0';
                else
                    bad = 1;
            }
            for (size_t c = 0; c < cols && !bad; c++)
                bad = bad_word(f[c]);
            if (bad && cols > 1)
                return evg_error_set(err, EVG_EPARSE,
                                     "extract/data/%s: line %ld: a line is "
                                     "%zu words separated by single tabs, "
                                     "each lower case, without outer "
                                     "spaces, at most %d bytes",
                                     name, line, cols, MAX_WORD);
            if (bad)
                return evg_error_set(err, EVG_EPARSE,
                                     "extract/data/%s: line %ld: a word is "
                                     "lower case, without tabs or outer "
                                     "spaces, at most %d bytes",
                                     name, line, MAX_WORD);
            if ((flags & EVG_WORDS_SORTED) && lines &&
                strcmp(w[k - cols], p) >= 0)
                return evg_error_set(err, EVG_EPARSE,
                                     "extract/data/%s: line %ld: '%s' is "
                                     "out of order or repeated",
                                     name, line, p);
            for (size_t c = 0; c < cols; c++)
                w[k++] = f[c];
            lines++;
        }
        if (!e)
            break;
        p = e + 1;
    }
    if (lines == 0)
        return evg_error_set(err, EVG_EPARSE, "extract/data/%s: empty",
                             name);
    if ((flags >> 8) && lines != (size_t)(flags >> 8))
        return evg_error_set(err, EVG_EPARSE,
                             "extract/data/%s: %zu entries where %d are "
                             "expected",
                             name, lines, flags >> 8);
    *n = lines;
    return EVG_OK;
}

/* The list NAME read with FLAGS, parsed on first use; the caller holds
 * the lock. */
static int get(const char *name, int flags, const char *const **out,
               size_t *n, evg_error *err)
{
    size_t i = 0;
    while (i < n_lists &&
           (lists[i].flags != flags || strcmp(lists[i].name, name) != 0))
        i++;
    if (i == n_lists) {
        cached c = {0};
        const evg_embedded *f = evg_extract__embedded(name);
        int rc;
        if (n_lists == MAX_LISTS)
            rc = evg_error_set(err, EVG_ELIMIT, "more than %d word lists",
                               MAX_LISTS);
        else if (!f)
            rc = evg_error_set(err, EVG_EPARSE,
                               "extract/data/%s: no such word list", name);
        else
            rc = evg_words_parse(name, f->data, f->len, flags, &c.buf, &c.w,
                                 &c.n, err);
        if (rc) {
            free(c.w);
            free(c.buf);
            return rc;
        }
        if (n_lists == 0)
            atexit(free_lists); /* keeps LeakSanitizer honest */
        c.name = f->name;
        c.flags = flags;
        lists[n_lists++] = c;
    }
    *out = lists[i].w;
    if (n)
        *n = lists[i].n;
    return EVG_OK;
}

int evg_words_list(const char *name, int flags, const char *const **out,
                   size_t *n, evg_error *err)
{
    pthread_mutex_lock(&lock);
    int rc = get(name, flags, out, n, err);
    pthread_mutex_unlock(&lock);
    return rc;
}

int evg_words_load(evg_words_set *set, evg_error *err)
{
    int rc = EVG_OK;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < set->n && !set->loaded && !rc; i++)
        rc = get(set->use[i].file, set->use[i].flags, set->use[i].list,
                 set->use[i].n, err);
    if (!rc)
        set->loaded = 1;
    pthread_mutex_unlock(&lock);
    return rc;
}
