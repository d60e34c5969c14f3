/* Joins single-page PDF files (as Graphviz's cairo plugin writes them) into
 * one document: every object of every file is copied with its number
 * shifted, the page objects are given one new page tree, and a new catalog
 * and cross-reference table are written. Objects are found through each
 * file's cross-reference table, so stream data is never parsed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

typedef struct pdf_obj {
    long num;
    size_t at, end; /* bytes of "N 0 obj ... endobj" */
} pdf_obj;

static int cmp_obj(const void *a, const void *b)
{
    const pdf_obj *x = a, *y = b;
    return (x->at > y->at) - (x->at < y->at);
}

/* Finds `needle` in the `n` bytes at `s`. */
static const char *find(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= n && i + k <= n; i++)
        if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
            return s + i;
    return NULL;
}

void evg_render__pdf_undate(char *pdf, size_t n)
{
    static const char key[] = "/CreationDate (";
    const char *at = find(pdf, n, key);
    if (!at)
        return;
    char *s = pdf + (at - pdf), *e = s + sizeof(key) - 1;
    while ((size_t)(e - pdf) < n && *e != ')')
        e++;
    if ((size_t)(e - pdf) >= n)
        return;
    size_t len = (size_t)(e - s) + 1; /* through ')' */
    char date[64] = "";
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long t = sde && *sde ? strtoll(sde, &end, 10) : -1;
    struct tm tm;
    time_t tt = (time_t)t;
    if (t >= 0 && end && *end == '\0' && gmtime_r(&tt, &tm))
        snprintf(date, sizeof(date), "/CreationDate (D:%04d%02d%02d%02d%02d%02dZ)",
                 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                 tm.tm_min, tm.tm_sec);
    size_t dl = strlen(date);
    if (dl == 0 || dl > len)
        dl = 0;
    memcpy(s, date, dl);
    memset(s + dl, ' ', len - dl);
}

/* Reads the objects of one file from its cross-reference table. */
static int objects(const char *pdf, size_t n, pdf_obj **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    size_t tail = n > 64 ? n - 64 : 0;
    const char *sx = find(pdf + tail, n - tail, "startxref");
    if (!sx)
        return EVG_EPARSE;
    unsigned long xref = strtoul(sx + 9, NULL, 10);
    if (xref + 4 >= n || memcmp(pdf + xref, "xref", 4) != 0)
        return EVG_EPARSE;
    char *p;
    unsigned long first = strtoul(pdf + xref + 4, &p, 10);
    unsigned long m = strtoul(p, &p, 10);
    if (first != 0 || m == 0 || m > 1000000)
        return EVG_EPARSE;
    while (*p == ' ' || *p == '\r' || *p == '\n')
        p++;
    pdf_obj *v = calloc(m, sizeof(*v));
    if (!v)
        return EVG_ENOMEM;
    size_t k = 0;
    for (unsigned long i = 0; i < m; i++, p += 20) {
        if ((size_t)(p - pdf) + 20 > n) {
            free(v);
            return EVG_EPARSE;
        }
        if (p[17] != 'n')
            continue;
        /* an entry must point at its own "N 0 obj" (cairo 1.16 lists
         * objects it never writes, at another object's offset) */
        unsigned long at = strtoul(p, NULL, 10);
        char head[32];
        int hn = snprintf(head, sizeof(head), "%lu 0 obj", i);
        if (at + (size_t)hn > n || memcmp(pdf + at, head, (size_t)hn) != 0)
            continue;
        v[k].num = (long)i;
        v[k].at = at;
        k++;
    }
    qsort(v, k, sizeof(*v), cmp_obj);
    for (size_t i = 0; i < k; i++) {
        size_t lim = i + 1 < k ? v[i + 1].at : xref;
        if (v[i].at >= lim || lim > n) {
            free(v);
            return EVG_EPARSE;
        }
        const char *e = NULL;
        /* the last "endobj" before the next object */
        for (size_t j = lim; j >= v[i].at + 6; j--)
            if (memcmp(pdf + j - 6, "endobj", 6) == 0) {
                e = pdf + j;
                break;
            }
        if (!e) {
            free(v);
            return EVG_EPARSE;
        }
        v[i].end = (size_t)(e - pdf);
    }
    *out = v;
    *count = k;
    return 0;
}

/* Copies the dictionary text `s` (`n` bytes) with every "N 0 R" shifted by
 * `base`, and "/Parent N 0 R" pointing at `parent`. */
static void shift_refs(evg_buf *b, const char *s, size_t n, long base,
                       long parent)
{
    size_t i = 0;
    while (i < n) {
        if (n - i > 8 && memcmp(s + i, "/Parent ", 8) == 0) {
            size_t j = i + 8;
            while (j < n && s[j] != 'R')
                j++;
            evg_buf_printf(b, "/Parent %ld 0 R", parent);
            i = j + 1;
            continue;
        }
        if (s[i] >= '0' && s[i] <= '9' && (i == 0 || s[i - 1] == ' ' ||
                                           s[i - 1] == '[' || s[i - 1] == '\n')) {
            size_t j = i;
            long v = 0;
            while (j < n && s[j] >= '0' && s[j] <= '9' && v < 100000000)
                v = v * 10 + (s[j++] - '0');
            if (j + 4 <= n && memcmp(s + j, " 0 R", 4) == 0) {
                evg_buf_printf(b, "%ld 0 R", v + base);
                i = j + 4;
                continue;
            }
            evg_buf_append(b, s + i, j - i);
            i = j;
            continue;
        }
        evg_buf_putc(b, s[i]);
        i++;
    }
}

int evg_render__pdf_join(char *const *pages, const size_t *lens, size_t n,
                         char **out, size_t *len)
{
    evg_buf b;
    evg_buf_init(&b, 0);
    size_t cap = 64, n_off = 0;
    size_t *off = calloc(cap, sizeof(size_t)); /* new object -> offset */
    long *kids = malloc((n ? n : 1) * sizeof(long));
    size_t n_kids = 0;
    int rc = 0;
    if (!off || !kids) {
        rc = EVG_ENOMEM;
        goto done;
    }
    evg_buf_puts(&b, "%PDF-1.5\n%\xb5\xed\xae\xfb\n");
    /* object 1: the page tree, 2: the catalog; the files' objects follow */
    long next = 3;
    off[0] = 0;
    n_off = 3;
    for (size_t f = 0; f < n && !rc; f++) {
        pdf_obj *v;
        size_t k;
        if ((rc = objects(pages[f], lens[f], &v, &k)))
            break;
        long base = next, top = 0;
        for (size_t i = 0; i < k; i++)
            if (v[i].num > top)
                top = v[i].num;
        for (size_t i = 0; i < k && !rc; i++) {
            const char *s = pages[f] + v[i].at;
            size_t sn = v[i].end - v[i].at;
            const char *st = find(s, sn, "stream\n");
            size_t dict = st ? (size_t)(st - s) : sn;
            const char *type = find(s, dict, "/Type /");
            if (type && (strncmp(type, "/Type /Catalog", 14) == 0 ||
                         strncmp(type, "/Type /Pages", 12) == 0))
                continue; /* replaced by ours */
            if (type && strncmp(type, "/Type /Page", 11) == 0)
                kids[n_kids++] = v[i].num + base;
            if (evg_reserve(&off, &cap, (size_t)(v[i].num + base) + 1,
                            sizeof(size_t), 64)) {
                rc = EVG_ENOMEM;
                break;
            }
            if ((size_t)(v[i].num + base) + 1 > n_off)
                n_off = (size_t)(v[i].num + base) + 1;
            off[v[i].num + base] = b.len;
            size_t hn = 0; /* "N 0 obj", renumbered */
            while (hn < dict && s[hn] != 'j')
                hn++;
            evg_buf_printf(&b, "%ld 0 obj", v[i].num + base);
            shift_refs(&b, s + hn + 1, dict - hn - 1, base, 1);
            evg_buf_append(&b, s + dict, sn - dict);
            evg_buf_putc(&b, '\n');
        }
        free(v);
        next = base + top + 1;
    }
    if (rc || n_kids == 0) {
        rc = rc ? rc : EVG_EPARSE;
        goto done;
    }
    off[1] = b.len;
    evg_buf_printf(&b, "1 0 obj\n<< /Type /Pages\n   /Kids [");
    for (size_t i = 0; i < n_kids; i++)
        evg_buf_printf(&b, " %ld 0 R", kids[i]);
    evg_buf_printf(&b, " ]\n   /Count %zu\n>>\nendobj\n", n_kids);
    off[2] = b.len;
    evg_buf_puts(&b, "2 0 obj\n<< /Type /Catalog\n   /Pages 1 0 R\n>>\nendobj\n");
    size_t xref = b.len;
    evg_buf_printf(&b, "xref\n0 %zu\n0000000000 65535 f \n", n_off);
    for (size_t i = 1; i < n_off; i++) {
        if (off[i])
            evg_buf_printf(&b, "%010zu 00000 n \n", off[i]);
        else
            evg_buf_puts(&b, "0000000000 65535 f \n");
    }
    evg_buf_printf(&b,
                   "trailer\n<< /Size %zu\n   /Root 2 0 R\n>>\nstartxref\n"
                   "%zu\n%%%%EOF\n",
                   n_off, xref);
    rc = b.failed;
done:
    free(off);
    free(kids);
    if (rc) {
        evg_buf_dispose(&b);
        return rc;
    }
    *out = evg_buf_steal(&b, len);
    return 0;
}
