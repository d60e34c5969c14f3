/* The one loader of the word lists in extract/data/ (compiled in): each
 * list is parsed at its first use, kept for the life of the process and
 * shared by every thread and extraction. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"

#define MAX_LISTS 64
#define MAX_WORD 64

typedef struct cached {
    const char *name;
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

static int parse(const char *name, int flags, cached *c, evg_error *err)
{
    const evg_embedded *f = evg_extract__embedded(name);
    if (!f)
        return evg_error_set(err, EVG_EPARSE,
                             "extract/data/%s: no such word list", name);
    c->buf = malloc(f->len + 1);
    if (!c->buf)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    memcpy(c->buf, f->data, f->len);
    c->buf[f->len] = '\0';
    size_t cap = 1;
    for (size_t i = 0; i < f->len; i++)
        cap += f->data[i] == '\n';
    c->w = calloc(cap + 1, sizeof(*c->w));
    if (!c->w)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    long line = 0;
    for (char *p = c->buf; *p;) {
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        line++;
        size_t n = strlen(p);
        if (n && p[0] != '#') {
            int bad = n > MAX_WORD || strchr(p, '\t') || strchr(p, '\r') ||
                      p[n - 1] == ' ' || p[0] == ' ';
            for (size_t k = 0; k < n && !bad; k++)
                bad = p[k] >= 'A' && p[k] <= 'Z';
            if (bad)
                return evg_error_set(err, EVG_EPARSE,
                                     "extract/data/%s: line %ld: a word is "
                                     "lower case, without tabs or outer "
                                     "spaces, at most %d bytes",
                                     name, line, MAX_WORD);
            if ((flags & EVG_WORDS_SORTED) && c->n &&
                strcmp(c->w[c->n - 1], p) >= 0)
                return evg_error_set(err, EVG_EPARSE,
                                     "extract/data/%s: line %ld: '%s' is "
                                     "out of order or repeated",
                                     name, line, p);
            c->w[c->n++] = p;
        }
        if (!e)
            break;
        p = e + 1;
    }
    if (c->n == 0)
        return evg_error_set(err, EVG_EPARSE, "extract/data/%s: empty",
                             name);
    c->name = name;
    return EVG_OK;
}

int evg_words_list(const char *name, int flags, const char *const **out,
                   size_t *n, evg_error *err)
{
    int rc = EVG_OK;
    pthread_mutex_lock(&lock);
    size_t i = 0;
    while (i < n_lists && strcmp(lists[i].name, name) != 0)
        i++;
    if (i == n_lists) {
        cached c = {0};
        if (n_lists == MAX_LISTS)
            rc = evg_error_set(err, EVG_ELIMIT,
                               "more than %d word lists", MAX_LISTS);
        else
            rc = parse(name, flags, &c, err);
        if (rc) {
            free(c.w);
            free(c.buf);
        } else {
            if (n_lists == 0)
                atexit(free_lists); /* keeps LeakSanitizer honest */
            lists[n_lists++] = c;
        }
    }
    if (!rc) {
        *out = lists[i].w;
        if (n)
            *n = lists[i].n;
    }
    pthread_mutex_unlock(&lock);
    return rc;
}
