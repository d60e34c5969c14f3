/* Reads the supersenses of nouns and verbs from WordNet's data.* (each
 * synset's lexicographer file) and index.* (each lemma's synsets, most
 * frequent sense first) files; see wordnet.h. */
#include "wordnet.h"

#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "evgraph/io.h"

#define MAX_WN ((size_t)64 << 20)

typedef struct synlf {
    unsigned long off;
    unsigned lf;
    int deverbal; /* a noun synset derived from (or to) a verb */
} synlf;

static int cmp_off(const void *a, const void *b)
{
    const synlf *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

static int cmp_key(const void *a, const void *b)
{
    const syn_entry *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

static int read_all(const char *dir, const char *name, char **out,
                    evg_error *err)
{
    char path[4096];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return evg_read_file(path, MAX_WN, out, &len, err);
}

/* One part of speech: its lemmas appended to `v`. */
static int one_pos(const char *dir, const char *pos, char tag, unsigned base,
                   syn_entry **v, size_t *n, size_t *cap, evg_error *err)
{
    char name[32], *data = NULL, *index = NULL;
    synlf *s = NULL;
    size_t ns = 0, caps = 0;
    snprintf(name, sizeof name, "data.%s", pos);
    int rc = read_all(dir, name, &data, err);
    if (rc < 0)
        return rc;
    for (char *line = data; *line;) {
        char *nl = strchr(line, '\n');
        if (line[0] != ' ') {
            char *e;
            unsigned long off = strtoul(line, &e, 10);
            unsigned long lf = strtoul(e, NULL, 10);
            if (evg_reserve(&s, &caps, ns + 1, sizeof *s, 4096) < 0) {
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                goto done;
            }
            /* a derivational pointer to a verb: "+ OFFSET v ..." */
            int dv = 0;
            const char *end = nl ? nl : line + strlen(line);
            for (const char *q = line; q + 14 < end; q++) {
                if (q[0] == '|')
                    break;
                if (q[0] == ' ' && q[1] == '+' && q[2] == ' ' &&
                    q[11] == ' ' && q[12] == 'v' && q[13] == ' ') {
                    dv = 1;
                    break;
                }
            }
            s[ns++] = (synlf){off, (unsigned)lf, dv};
        }
        if (!nl)
            break;
        line = nl + 1;
    }
    qsort(s, ns, sizeof *s, cmp_off);
    snprintf(name, sizeof name, "index.%s", pos);
    if ((rc = read_all(dir, name, &index, err)) < 0)
        goto done;
    for (char *line = index; *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        char *f[512];
        size_t nf = 0;
        for (char *p = line; line[0] != ' ' && *p && nf < 512;) {
            f[nf++] = p;
            char *sp = strchr(p, ' ');
            if (!sp)
                break;
            *sp = 0;
            p = sp + 1;
            while (*p == ' ')
                p++;
        }
        /* lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt off... */
        if (nf >= 4 && !strchr(f[0], '_')) {
            unsigned long syn_cnt = strtoul(f[2], NULL, 10);
            unsigned long p_cnt = strtoul(f[3], NULL, 10);
            size_t first = 4 + p_cnt + 2;
            unsigned lf0 = 0;
            uint32_t mask = 0;
            int deverbal = 0;
            for (size_t k = 0; k < syn_cnt && first + k < nf; k++) {
                synlf key = {strtoul(f[first + k], NULL, 10), 0, 0};
                const synlf *hit = bsearch(&key, s, ns, sizeof *s, cmp_off);
                if (!hit || hit->lf < base || hit->lf - base >= 26)
                    continue;
                if (!mask) {
                    lf0 = hit->lf;
                    deverbal = hit->deverbal;
                }
                mask |= 1u << (hit->lf - base);
            }
            if (mask) {
                if (evg_reserve(v, cap, *n + 1, sizeof **v, 65536) < 0) {
                    rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                    goto done;
                }
                (*v)[(*n)++] = (syn_entry){evg_men_sense_key(tag, f[0]),
                                           evg_men_sense_value(lf0, mask), 0};
            }
            if (mask && deverbal) {
                if (evg_reserve(v, cap, *n + 1, sizeof **v, 65536) < 0) {
                    rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                    goto done;
                }
                (*v)[(*n)++] = (syn_entry){evg_men_sense_key('d', f[0]), 1, 0};
            }
        }
        if (!nl)
            break;
        line = nl + 1;
    }
    if (!ns)
        rc = evg_error_set(err, EVG_EPARSE, "%s/data.%s: no synsets", dir,
                           pos);
done:
    free(data);
    free(index);
    free(s);
    return rc;
}

int evg_wordnet_senses(const char *dir, syn_entry **out, size_t *n,
                       evg_error *err)
{
    syn_entry *v = NULL;
    size_t k = 0, cap = 0;
    int rc = one_pos(dir, "noun", 'n', 3, &v, &k, &cap, err);
    if (!rc)
        rc = one_pos(dir, "verb", 'v', 29, &v, &k, &cap, err);
    if (rc < 0) {
        free(v);
        return rc;
    }
    qsort(v, k, sizeof *v, cmp_key);
    /* a 64-bit hash collision between two lemmas: keep the first */
    size_t w = 0;
    for (size_t i = 0; i < k; i++)
        if (!w || v[w - 1].key != v[i].key)
            v[w++] = v[i];
    *out = v;
    *n = w;
    return 0;
}
