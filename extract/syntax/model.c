/* The model file (format described in docs/syntax.md):
 *
 *   "EVGSYN\0\0", u32 format version, u32 byte-order mark 0x01020304,
 *   u64 payload bytes, u64 payload checksum, then the payload: sections of
 *   u32 name, u32 zero, u64 bytes, the bytes padded to 8.
 *
 * Sections: INFO (text), TAGS ("UPOS\tXPOS" lines), RELS (lines), PTGJ
 * (the tagger's two passes joined, syn_ptab_join) or PTAG (one pass), PLAB
 * (perceptron tables), PPAR (the parser's table, inline: see
 * put_inline_table), LRUL, LMAP, LSTR (lemma rules, map and strings), TDIC,
 * TOKN, and when the model has them LEXC (the lexicon) and TBEM (the
 * beam's width). Every count and offset is checked on load, so a damaged
 * file is an error and never a crash. Format 2: the inline parser table;
 * format 3: the joined tagger table; 5: the lexicon; 6: the beam; 7: the
 * checksum of eight lanes and the tables in their final form, used where
 * the file is mapped. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"
#include "evgraph/io.h"
#include "syn_file.h"
#include "syn_internal.h"

#define MAGIC "EVGSYN\0\0"
/* 7: what the trainer writes, whatever the model holds (a lexicon, a
 * beam: sections LEXC, TBEM): the tables in their final form, the
 * checksum of eight lanes (SYN_FILE_LANES_FROM). Read besides, as before:
 * 6, a lexicon model whose tagger's second pass is a beam search with the
 * features of its hypotheses' clauses (section TBEM: the width); 5, with
 * a lexicon (LEXC) and the features that read it (4 had three tagger
 * features fewer: its tables would be read with the wrong ones); 3, a
 * model trained without one. */
#define FORMAT_VERSION 7u
#define FORMAT_VERSION_BEAM 6u
static const uint32_t versions_read[] = {FORMAT_VERSION, 6u, 5u, 3u, 0};
/* TBEM's second word: the set of features the beam's hypotheses read: 1,
 * with the clause from where it opens and its subject; 0, two features
 * fewer, is refused, as its tables would be read with the wrong ones */
#define BEAM_FEATURES 1u
#define BOM 0x01020304u
#define HEADER SYN_FILE_HEADER
#define MAX_MODEL ((size_t)256 << 20)

#define SEC SYN_SEC

#define SEED 0x6576677261706800ull

/* Versions before 7: one chain of syn_mix over the 8-byte words. */
static uint64_t checksum_chain(const unsigned char *p, size_t n)
{
    uint64_t h = SEED ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        h = syn_mix(h, v);
    }
    for (; i < n; i++)
        h = syn_mix(h, p[i]);
    return h;
}

/* From version 7: eight chains side by side, lane l mixing words l, l +
 * 8, l + 16, ... of each 64 bytes (independent multiplies that the
 * processor overlaps, so that the pass runs near the speed of memory),
 * then the lanes and the last bytes mixed into one. A changed byte
 * changes its lane's value. */
static uint64_t checksum_lanes(const unsigned char *p, size_t n)
{
    uint64_t h0 = SEED ^ n, h1 = h0 ^ 1, h2 = h0 ^ 2, h3 = h0 ^ 3,
             h4 = h0 ^ 4, h5 = h0 ^ 5, h6 = h0 ^ 6, h7 = h0 ^ 7;
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        uint64_t v[8];
        memcpy(v, p + i, 64);
        h0 = syn_mix(h0, v[0]);
        h1 = syn_mix(h1, v[1]);
        h2 = syn_mix(h2, v[2]);
        h3 = syn_mix(h3, v[3]);
        h4 = syn_mix(h4, v[4]);
        h5 = syn_mix(h5, v[5]);
        h6 = syn_mix(h6, v[6]);
        h7 = syn_mix(h7, v[7]);
    }
    uint64_t h = syn_mix(syn_mix(syn_mix(syn_mix(SEED ^ n, h0), h1), h2), h3);
    h = syn_mix(syn_mix(syn_mix(syn_mix(h, h4), h5), h6), h7);
    for (; i < n; i++)
        h = syn_mix(h, p[i]);
    return h;
}

static uint64_t checksum(uint32_t version, const unsigned char *p, size_t n)
{
    return version >= SYN_FILE_LANES_FROM ? checksum_lanes(p, n)
                                          : checksum_chain(p, n);
}

/* ---- writing ---- */

static int put(evg_buf *b, const void *p, size_t n)
{
    if (!n)
        return b->failed ? EVG_ENOMEM : 0;
    return evg_buf_append(b, p, n);
}

static int put_u32(evg_buf *b, uint32_t v)
{
    return put(b, &v, 4);
}

static int put_u64(evg_buf *b, uint64_t v)
{
    return put(b, &v, 8);
}

void syn_section_put(evg_buf *b, uint32_t name, const void *p, size_t n)
{
    static const char zero[8];
    put_u32(b, name);
    put_u32(b, 0);
    put_u64(b, n);
    put(b, p, n);
    put(b, zero, (8 - n % 8) % 8);
}

#define section syn_section_put

void syn_table_put(evg_buf *b, uint32_t name, const syn_ptab *t)
{
    evg_buf s;
    evg_buf_init(&s, 0);
    put_u32(&s, t->nclass);
    put_u32(&s, t->cap);
    put_u32(&s, t->npairs);
    put(&s, &t->scale, 4);
    put(&s, t->slot, (size_t)t->cap * 8);
    put(&s, t->pairs, (size_t)t->npairs * 4);
    if (s.failed)
        b->failed = EVG_ENOMEM;
    else
        section(b, name, s.data, s.len);
    evg_buf_dispose(&s);
}

#define put_table syn_table_put

#define DENSE_BIT 0x80000000u

/* The table in the form it is used in, which the loader reads in place:
 * its rows of a quarter of the classes or more dense (syn_ptab_densify),
 * the pairs only those of the rows left sparse, in slot order. */
void syn_table_put_final(evg_buf *b, uint32_t name, const syn_ptab *t)
{
    size_t cap = t->cap;
    uint32_t *slots = malloc(cap ? cap * 8 : 1);
    uint32_t *pairs = malloc(t->npairs ? (size_t)t->npairs * 4 : 1);
    syn_ptab d = *t;
    d.owned = NULL;
    d.inl_owned = NULL;
    d.dense_owned = NULL;
    if (!slots || !pairs) {
        b->failed = EVG_ENOMEM;
        goto done;
    }
    if (cap)
        memcpy(slots, t->slot, cap * 8);
    d.slot = slots;
    if (!t->dense) { /* as trained: densified here; else as loaded */
        d.dense = NULL;
        d.ndense = 0;
        if (syn_ptab_densify(&d, slots) < 0) {
            b->failed = EVG_ENOMEM;
            goto done;
        }
    }
    uint32_t np = 0;
    for (size_t i = 0; i < cap; i++) {
        uint32_t o = slots[2 * i + 1];
        if (!slots[2 * i] || (o & DENSE_BIT))
            continue;
        uint32_t k = t->pairs[o] + 1;
        memcpy(pairs + np, t->pairs + o, (size_t)k * 4);
        slots[2 * i + 1] = np;
        np += k;
    }
    evg_buf s;
    evg_buf_init(&s, 0);
    put_u32(&s, t->nclass);
    put_u32(&s, t->cap);
    put_u32(&s, np);
    put(&s, &t->scale, 4);
    put_u32(&s, d.ndense);
    put_u32(&s, 0);
    put(&s, slots, cap * 8);
    put(&s, pairs, (size_t)np * 4);
    put(&s, d.dense, (size_t)d.ndense * t->nclass * 2);
    if (s.failed)
        b->failed = EVG_ENOMEM;
    else
        section(b, name, s.data, s.len);
    evg_buf_dispose(&s);
done:
    free(d.dense_owned);
    free(slots);
    free(pairs);
}

#define put_final syn_table_put_final

/* A table of few classes in its inline form (built here when the table
 * has none): u32 classes, u32 log2 of the slots, u32 zero, f32 scale,
 * then the slots. */
static void put_inline_table(evg_buf *b, uint32_t name, const syn_ptab *t)
{
    syn_ptab tmp = *t;
    if (!t->inl) {
        tmp.inl_owned = NULL;
        tmp.dense = NULL;
        if (syn_ptab_inline(&tmp) < 0) {
            b->failed = EVG_ENOMEM;
            return;
        }
    }
    evg_buf s;
    evg_buf_init(&s, 0);
    put_u32(&s, tmp.nclass);
    put_u32(&s, tmp.inl_bits);
    put_u32(&s, 0);
    put(&s, &tmp.scale, 4);
    put(&s, tmp.inl, ((size_t)8) << tmp.inl_bits);
    if (s.failed)
        b->failed = EVG_ENOMEM;
    else
        section(b, name, s.data, s.len);
    evg_buf_dispose(&s);
    if (tmp.inl_owned != t->inl_owned)
        free(tmp.inl_owned);
}

void syn_map_put(evg_buf *s, const syn_map *m)
{
    put_u64(s, m->cap);
    for (size_t i = 0; i < m->cap; i++) {
        put_u64(s, m->e[i].key);
        put_u32(s, m->e[i].value);
        put_u32(s, 0);
    }
}

#define put_map syn_map_put

static void put_lines(evg_buf *s, char *const *a, char *const *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        evg_buf_puts(s, a[i]);
        if (b) {
            evg_buf_putc(s, '\t');
            evg_buf_puts(s, b[i]);
        }
        evg_buf_putc(s, '\n');
    }
}

int syn_model_save(const evg_syn_model *m, const char *path, evg_error *err)
{
    evg_buf p, s;
    evg_buf_init(&p, 0);
    evg_buf_init(&s, 0);
    section(&p, SEC('I', 'N', 'F', 'O'), m->info, strlen(m->info));
    put_lines(&s, m->upos, m->xpos, m->ntags);
    section(&p, SEC('T', 'A', 'G', 'S'), s.data, s.len);
    s.len = 0;
    put_lines(&s, m->rels, NULL, m->nrels);
    section(&p, SEC('R', 'E', 'L', 'S'), s.data, s.len);
    s.len = 0;
    if (m->tagger2.cap) { /* the two passes, joined */
        syn_ptab j;
        if (syn_ptab_join(&j, &m->tagger, &m->tagger2) < 0)
            p.failed = EVG_ENOMEM;
        else
            put_final(&p, SEC('P', 'T', 'G', 'J'), &j);
        syn_ptab_dispose(&j);
    } else if (m->tagjoint.cap) { /* a loaded model's */
        put_final(&p, SEC('P', 'T', 'G', 'J'), &m->tagjoint);
    } else {
        put_final(&p, SEC('P', 'T', 'A', 'G'), &m->tagger);
    }
    put_inline_table(&p, SEC('P', 'P', 'A', 'R'), &m->parser);
    put_final(&p, SEC('P', 'L', 'A', 'B'), &m->labeler);
    const syn_lemmas *l = &m->lemmas;
    put_u32(&s, (uint32_t)l->nrules);
    for (size_t i = 0; i < l->nrules; i++) {
        put(&s, &l->rules[i].lower, 1);
        put(&s, &l->rules[i].strip, 1);
        put(&s, "\0\0", 2);
        put_u32(&s, (uint32_t)(l->rules[i].add - l->strings));
    }
    section(&p, SEC('L', 'R', 'U', 'L'), s.data, s.len);
    s.len = 0;
    put_map(&s, &l->map);
    section(&p, SEC('L', 'M', 'A', 'P'), s.data, s.len);
    section(&p, SEC('L', 'S', 'T', 'R'), l->strings, l->strings_len);
    s.len = 0;
    put_map(&s, &m->tagdict);
    section(&p, SEC('T', 'D', 'I', 'C'), s.data, s.len);
    s.len = 0;
    for (size_t i = 0; i < m->nclitics; i++)
        evg_buf_printf(&s, "%c\t%s\n", strchr(m->clitics[i], '\t') ? 'w' : 'c',
                       m->clitics[i]);
    for (size_t i = 0; i < m->nabbrevs; i++)
        evg_buf_printf(&s, "a\t%s\n", m->abbrevs[i]);
    section(&p, SEC('T', 'O', 'K', 'N'), s.data, s.len);
    if (m->lexicon.cap) {
        s.len = 0;
        put_map(&s, &m->lexicon);
        section(&p, SEC('L', 'E', 'X', 'C'), s.data, s.len);
    }
    if (m->beam > 1) {
        s.len = 0;
        put_u32(&s, m->beam);
        put_u32(&s, BEAM_FEATURES);
        section(&p, SEC('T', 'B', 'E', 'M'), s.data, s.len);
    }
    evg_buf_dispose(&s);

    int rc = syn_file_save(path, MAGIC, FORMAT_VERSION, &p, err);
    evg_buf_dispose(&p);
    return rc;
}

int syn_file_save(const char *path, const char magic[8], uint32_t version,
                  const evg_buf *p, evg_error *err)
{
    evg_buf f;
    evg_buf_init(&f, 0);
    put(&f, magic, 8);
    put_u32(&f, version);
    put_u32(&f, BOM);
    put_u64(&f, p->len);
    put_u64(&f, checksum(version, (const unsigned char *)p->data, p->len));
    put(&f, p->data, p->len);
    int rc;
    if (p->failed || f.failed)
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    else
        rc = evg_write_file_atomic(path, f.data, f.len, err);
    evg_buf_dispose(&f);
    return rc;
}

/* ---- reading ---- */

typedef syn_reader reader;

int syn_section_find(const unsigned char *pay, size_t n, uint32_t name,
                     syn_reader *out)
{
    size_t i = 0;
    while (i + 16 <= n) {
        uint32_t nm;
        uint64_t len;
        memcpy(&nm, pay + i, 4);
        memcpy(&len, pay + i + 8, 8);
        if (len > n - i - 16)
            return 0;
        if (nm == name) {
            out->p = pay + i + 16;
            out->n = (size_t)len;
            return 1;
        }
        i += 16 + (size_t)len + (8 - (size_t)len % 8) % 8;
    }
    return 0;
}

char *syn_section_text(const unsigned char *pay, size_t n, uint32_t name)
{
    syn_reader r;
    char *text;
    if (!syn_section_find(pay, n, name, &r) || !(text = malloc(r.n + 1)))
        return NULL;
    memcpy(text, r.p, r.n);
    text[r.n] = 0;
    return text;
}

int syn_table_get(syn_reader r, syn_ptab *t, size_t nclass)
{
    if (r.n < 16)
        return 0;
    memcpy(&t->nclass, r.p, 4);
    memcpy(&t->cap, r.p + 4, 4);
    memcpy(&t->npairs, r.p + 8, 4);
    memcpy(&t->scale, r.p + 12, 4);
    uint32_t cap = t->cap;
    if (t->nclass != nclass || cap == 0 ||
        r.n != 16 + (size_t)cap * 8 + (size_t)t->npairs * 4)
        return 0;
    if ((uintptr_t)r.p % 4)
        return 0;
    t->slot = (const uint32_t *)(const void *)(r.p + 16);
    t->pairs = t->slot + 2 * (size_t)cap;
    /* every row lies inside `pairs` and names real classes */
    size_t used = 0;
    for (uint32_t i = 0; i < cap; i++) {
        if (!t->slot[2 * i])
            continue;
        used++;
        uint32_t o = t->slot[2 * i + 1];
        if (o >= t->npairs || t->pairs[o] > t->npairs - o - 1)
            return 0;
        for (uint32_t q = 1; q <= t->pairs[o]; q++)
            if (t->pairs[o + q] >> 16 >= nclass)
                return 0;
    }
    /* an empty slot ends every probe; the file's bytes are ours to
     * rewrite (read, not mapped) */
    return used < cap &&
           syn_ptab_densify(t, (uint32_t *)(uintptr_t)t->slot) == 0;
}

int syn_table_get_final(syn_reader r, syn_ptab *t, size_t nclass)
{
    uint32_t ndense, zero;
    memset(t, 0, sizeof *t);
    if (r.n < 24 || (uintptr_t)r.p % 8)
        return 0;
    memcpy(&t->nclass, r.p, 4);
    memcpy(&t->cap, r.p + 4, 4);
    memcpy(&t->npairs, r.p + 8, 4);
    memcpy(&t->scale, r.p + 12, 4);
    memcpy(&ndense, r.p + 16, 4);
    memcpy(&zero, r.p + 20, 4);
    uint32_t cap = t->cap, np = t->npairs;
    if (t->nclass != nclass || nclass > 0xffff || cap == 0 || zero ||
        ndense >= DENSE_BIT ||
        r.n != 24 + (uint64_t)cap * 8 + (uint64_t)np * 4 +
                   (uint64_t)ndense * nclass * 2)
        return 0;
    const uint32_t *slot = (const uint32_t *)(const void *)(r.p + 24);
    const uint32_t *pairs = slot + 2 * (size_t)cap;
    /* every row lies inside `pairs` or the dense rows and names real
     * classes; an empty slot ends every probe */
    size_t used = 0;
    for (uint32_t i = 0; i < cap; i++) {
        if (!slot[2 * i])
            continue;
        used++;
        uint32_t o = slot[2 * i + 1];
        if (o & DENSE_BIT) {
            if ((o & ~DENSE_BIT) >= ndense)
                return 0;
            continue;
        }
        if (o >= np || pairs[o] > np - o - 1)
            return 0;
        uint32_t bad = 0;
        for (uint32_t q = 1; q <= pairs[o]; q++)
            bad |= (uint32_t)(pairs[o + q] >> 16 >= nclass);
        if (bad)
            return 0;
    }
    if (used == cap)
        return 0;
    t->slot = slot;
    t->pairs = pairs;
    t->ndense = ndense;
    t->dense = ndense ? (const int16_t *)(const void *)(pairs + np) : NULL;
    return 1;
}

int syn_table_read(const syn_file *f, syn_reader r, syn_ptab *t,
                   size_t nclass)
{
    return f->version >= SYN_FILE_LANES_FROM
               ? syn_table_get_final(r, t, nclass)
               : syn_table_get(r, t, nclass);
}

/* A table in its inline form (see put_inline_table), borrowed from the
 * file's bytes. */
static int get_inline_table(reader r, syn_ptab *t, size_t nclass)
{
    uint32_t nc, bits, zero;
    memset(t, 0, sizeof *t);
    if (r.n < 16)
        return 0;
    memcpy(&nc, r.p, 4);
    memcpy(&bits, r.p + 4, 4);
    memcpy(&zero, r.p + 8, 4);
    memcpy(&t->scale, r.p + 12, 4);
    if (nc != nclass || zero || !syn_ptab_inline_valid(bits, nclass) ||
        r.n != 16 + ((size_t)8 << bits) || (uintptr_t)(r.p + 16) % 8)
        return 0;
    t->nclass = nc;
    t->inl_bits = bits;
    t->inl = (const uint64_t *)(const void *)(r.p + 16);
    return 1;
}

#define find_section syn_section_find

static char **split_lines(const reader *r, size_t *n, char **second,
                          void **mem)
{
    size_t lines = 0;
    for (size_t i = 0; i < r->n; i++)
        lines += r->p[i] == '\n';
    if (!lines || r->p[r->n - 1] != '\n' || memchr(r->p, 0, r->n))
        return NULL;
    char *text = malloc(r->n + 1);
    char **v = calloc(2 * lines, sizeof *v);
    if (!text || !v) {
        free(text);
        free(v);
        return NULL;
    }
    memcpy(text, r->p, r->n);
    text[r->n] = 0;
    char *s = text;
    for (size_t i = 0; i < lines; i++) {
        char *e = strchr(s, '\n');
        *e = 0;
        v[i] = s;
        if (second) {
            char *tab = strchr(s, '\t');
            if (!tab) {
                free(text);
                free(v);
                return NULL;
            }
            *tab = 0;
            v[lines + i] = tab + 1;
        }
        s = e + 1;
    }
    *n = lines;
    mem[0] = text;
    mem[1] = v;
    if (second)
        *(char ***)second = v + lines;
    return v;
}

/* A map section; every value must be below `limit`. */
int syn_map_get(syn_reader r, syn_map *m, uint32_t limit)
{
    uint64_t cap;
    if (r.n < 8)
        return 0;
    memcpy(&cap, r.p, 8);
    if ((cap & (cap - 1)) || r.n != 8 + cap * 16 || (uintptr_t)(r.p + 8) % 8)
        return 0;
    m->cap = (size_t)cap;
    m->e = (syn_entry *)(uintptr_t)(r.p + 8);
    size_t used = 0;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->e[i].key)
            continue;
        used++;
        if (m->e[i].value >= limit)
            return 0;
    }
    return !cap || used < m->cap;
}

#define get_map syn_map_get

static int get_lemmas(const unsigned char *pay, size_t n, evg_syn_model *m)
{
    reader ru, rm, rs;
    if (!find_section(pay, n, SEC('L', 'R', 'U', 'L'), &ru) ||
        !find_section(pay, n, SEC('L', 'M', 'A', 'P'), &rm) ||
        !find_section(pay, n, SEC('L', 'S', 'T', 'R'), &rs))
        return 0;
    syn_lemmas *l = &m->lemmas;
    if (!rs.n || rs.p[rs.n - 1] != 0)
        return 0;
    l->strings = (const char *)rs.p;
    l->strings_len = rs.n;
    uint32_t nr;
    if (ru.n < 4)
        return 0;
    memcpy(&nr, ru.p, 4);
    if (ru.n != 4 + (size_t)nr * 8)
        return 0;
    l->rules = calloc(nr ? nr : 1, sizeof *l->rules);
    if (!l->rules)
        return 0;
    m->owned[4] = l->rules;
    l->nrules = nr;
    for (uint32_t i = 0; i < nr; i++) {
        uint32_t off;
        memcpy(&off, ru.p + 4 + i * 8 + 4, 4);
        if (off >= rs.n)
            return 0;
        l->rules[i].lower = ru.p[4 + i * 8];
        l->rules[i].strip = ru.p[4 + i * 8 + 1];
        l->rules[i].add = l->strings + off;
    }
    uint32_t limit = (uint32_t)(rs.n > nr ? rs.n : nr);
    return get_map(rm, &l->map, limit);
}

static int get_tokenization(reader r, evg_syn_model *m)
{
    if (!r.n)
        return 1;
    size_t n;
    void *mem[2];
    char **second = NULL;
    char **kind = split_lines(&r, &n, (char **)&second, mem);
    if (!kind)
        return 0;
    m->owned[9] = mem[0];
    m->owned[10] = mem[1];
    m->clitics = calloc(n, sizeof *m->clitics);
    m->abbrevs = calloc(n, sizeof *m->abbrevs);
    if (!m->clitics || !m->abbrevs)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!strcmp(kind[i], "w") && strchr(second[i], '\t'))
            m->clitics[m->nclitics++] = second[i];
        else if (!strcmp(kind[i], "c"))
            m->clitics[m->nclitics++] = second[i];
        else if (!strcmp(kind[i], "a"))
            m->abbrevs[m->nabbrevs++] = second[i];
        else
            return 0;
    }
    return 1;
}

/* Reads n bytes at `off` of `fd` into `buf`: 0, or an errno. */
static int read_at(int fd, void *buf, size_t n, off_t off)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = pread(fd, (char *)buf + got, n - got, off + (off_t)got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return k < 0 ? errno : EIO;
        got += (size_t)k;
    }
    return 0;
}

void syn_file_release(syn_file *f)
{
    if (f->mapped)
        munmap(f->base, f->len);
    else
        free(f->base);
    memset(f, 0, sizeof *f);
}

/* The file's bytes: mapped read-only and its pages mapped at once (one
 * call rather than a fault a page), or read into memory of its size. */
static int map_or_read(int fd, size_t len, int map, syn_file *f)
{
    if (map) {
        int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
        flags |= MAP_POPULATE;
#endif
        void *p = mmap(NULL, len, PROT_READ, flags, fd, 0);
        if (p != MAP_FAILED) {
            f->base = p;
            f->len = len;
            f->mapped = 1;
            return 0;
        }
    }
    char *buf = malloc(len);
    if (!buf)
        return ENOMEM;
    int e = read_at(fd, buf, len, 0);
    if (e) {
        free(buf);
        return e;
    }
    f->base = buf;
    f->len = len;
    return 0;
}

int syn_file_load(const char *path, const char magic[8],
                  const uint32_t *versions, const char *what, syn_file *f,
                  evg_error *err)
{
    memset(f, 0, sizeof *f);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return evg_error_set(err, EVG_EIO, "%s: cannot open the %s: %s",
                             path, what, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0) {
        int e = errno;
        close(fd);
        return evg_error_set(err, EVG_EIO, "%s: %s", path, strerror(e));
    }
    if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > MAX_MODEL) {
        close(fd);
        return evg_error_set(err, EVG_EPARSE, "%s: not an evgraph %s (%s)",
                             path, what,
                             S_ISDIR(st.st_mode) ? "a directory"
                             : S_ISREG(st.st_mode) ? "too large"
                                                   : "not a regular file");
    }
    size_t len = (size_t)st.st_size;
    unsigned char u[HEADER];
    int e = read_at(fd, u, len < HEADER ? len : HEADER, 0);
    if (e) {
        close(fd);
        return evg_error_set(err, EVG_EIO, "%s: read failed: %s", path,
                             strerror(e));
    }
    uint32_t ver = 0, bom = 0;
    uint64_t plen = 0, sum = 0;
    if (len >= HEADER) {
        memcpy(&ver, u + 8, 4);
        memcpy(&bom, u + 12, 4);
        memcpy(&plen, u + 16, 8);
        memcpy(&sum, u + 24, 8);
    }
    int known = 0;
    for (size_t i = 0; versions[i]; i++)
        known |= versions[i] == ver;
    const char *why = NULL;
    if (len < 8 || memcmp(u, magic, 8))
        why = "not an evgraph";
    else if (len < HEADER)
        why = "model file is truncated";
    else if (bom != BOM)
        why = "model written on a machine of another byte order";
    else if (!known)
        why = "version";
    else if (plen != len - HEADER)
        why = "model file is truncated or has trailing bytes";
    if (!why) {
        e = map_or_read(fd, len, ver >= SYN_FILE_LANES_FROM, f);
        if (e) {
            close(fd);
            return evg_error_set(err, e == ENOMEM ? EVG_ENOMEM : EVG_EIO,
                                 "%s: %s", path,
                                 e == ENOMEM ? "out of memory"
                                             : strerror(e));
        }
        f->pay = (const unsigned char *)f->base + HEADER;
        f->n = len - HEADER;
        f->version = ver;
        if (checksum(ver, f->pay, f->n) != sum) {
            why = "model file is corrupt (checksum mismatch)";
            syn_file_release(f);
        }
    }
    close(fd);
    if (why) {
        if (!strcmp(why, "not an evgraph"))
            return evg_error_set(err, EVG_EPARSE, "%s: not an evgraph %s",
                                 path, what);
        if (!strcmp(why, "version")) /* an older or newer model */
            return evg_error_set(err, EVG_EPARSE,
                                 "%s: %s format version %u not supported by "
                                 "this evgraph, which reads version %u",
                                 path, what, ver, versions[0]);
        return evg_error_set(err, EVG_EPARSE, "%s: %s", path, why);
    }
    return 0;
}

int evg_syn_model_load(const char *path, evg_syn_model **out, evg_error *err)
{
    *out = NULL;
    evg_syn_model *m = calloc(1, sizeof *m);
    if (!m)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc = syn_file_load(path, MAGIC, versions_read, "syntax model",
                           &m->file, err);
    if (rc < 0) {
        free(m);
        return rc;
    }
    const unsigned char *pay = m->file.pay;
    size_t n = m->file.n;
    uint32_t version = m->file.version;
    reader r;
    int ok = 1;
    void *mem[2];
    char **second = NULL;
    m->info = syn_section_text(pay, n, SEC('I', 'N', 'F', 'O'));
    if (m->info)
        m->owned[0] = m->info;
    else
        ok = 0;
    if (ok && find_section(pay, n, SEC('T', 'A', 'G', 'S'), &r) &&
        (m->upos = split_lines(&r, &m->ntags, (char **)&second, mem))) {
        m->xpos = second;
        m->owned[1] = mem[0];
        m->owned[2] = mem[1];
    } else {
        ok = 0;
    }
    if (ok && find_section(pay, n, SEC('R', 'E', 'L', 'S'), &r) &&
        (m->rels = split_lines(&r, &m->nrels, NULL, mem))) {
        m->owned[3] = mem[0];
        m->owned[5] = mem[1];
    } else {
        ok = 0;
    }
    ok = ok && m->ntags < 1024 && m->nrels < 256;
    if (ok && find_section(pay, n, SEC('P', 'T', 'G', 'J'), &r))
        ok = syn_table_read(&m->file, r, &m->tagjoint, 2 * m->ntags);
    else
        ok = ok && find_section(pay, n, SEC('P', 'T', 'A', 'G'), &r) &&
             syn_table_read(&m->file, r, &m->tagger, m->ntags);
    ok = ok && find_section(pay, n, SEC('P', 'P', 'A', 'R'), &r) &&
         get_inline_table(r, &m->parser, SYN_NACT);
    ok = ok && find_section(pay, n, SEC('P', 'L', 'A', 'B'), &r) &&
         syn_table_read(&m->file, r, &m->labeler, m->nrels);
    ok = ok && get_lemmas(pay, n, m);
    ok = ok && find_section(pay, n, SEC('T', 'D', 'I', 'C'), &r) &&
         get_map(r, &m->tagdict, (uint32_t)m->ntags);
    ok = ok && find_section(pay, n, SEC('T', 'O', 'K', 'N'), &r) &&
         get_tokenization(r, m);
    /* the lexicon is optional: a model trained without dictionaries */
    if (ok && find_section(pay, n, SEC('L', 'E', 'X', 'C'), &r))
        ok = get_map(r, &m->lexicon, 1u << 20);
    /* the beam: in a format 6 model always, from 7 when trained with one */
    int beam = find_section(pay, n, SEC('T', 'B', 'E', 'M'), &r);
    uint32_t feats = BEAM_FEATURES;
    if (ok && (beam || version == FORMAT_VERSION_BEAM)) {
        uint32_t bw = 0;
        ok = beam && r.n == 8 &&
             (memcpy(&bw, r.p, 4), bw > 1 && bw <= SYN_BEAM_MAX) &&
             m->tagjoint.cap && m->lexicon.cap;
        if (ok)
            memcpy(&feats, r.p + 4, 4);
        m->beam = bw;
    }
    if (ok && feats != BEAM_FEATURES) {
        evg_syn_model_free(m);
        return evg_error_set(err, EVG_EPARSE,
                             "%s: syntax model's tagger beam reads feature "
                             "set %u, not supported by this evgraph, which "
                             "reads set %u: rebuild it with `make model`",
                             path, feats, BEAM_FEATURES);
    }
    ok = ok && syn_model_coarse(m) == 0;
    if (!ok) {
        evg_syn_model_free(m);
        return evg_error_set(err, EVG_EPARSE,
                             "%s: model file is damaged (a section is "
                             "missing or inconsistent)", path);
    }
    *out = m;
    return 0;
}

void evg_syn_model_free(evg_syn_model *m)
{
    if (!m)
        return;
    syn_ptab_dispose(&m->tagger);
    syn_ptab_dispose(&m->tagger2);
    syn_ptab_dispose(&m->parser);
    syn_ptab_dispose(&m->labeler);
    syn_ptab_dispose(&m->tagjoint);
    for (size_t i = 0; i < sizeof m->owned / sizeof *m->owned; i++)
        free(m->owned[i]);
    if (m->own_names) {
        for (size_t i = 0; i < m->ntags && m->upos; i++)
            free(m->upos[i]); /* the XPOS names live in the same strings */
        for (size_t i = 0; i < m->nrels && m->rels; i++)
            free(m->rels[i]);
        free(m->upos);
        free(m->xpos);
        free(m->rels);
    }
    if (m->own_tokenization) {
        for (size_t i = 0; i < m->nclitics; i++)
            free(m->clitics[i]);
        for (size_t i = 0; i < m->nabbrevs; i++)
            free(m->abbrevs[i]);
    }
    free(m->clitics);
    free(m->abbrevs);
    free(m->coarse);
    free(m->lexpos);
    free(m->finite);
    free(m->relcls);
    free(m->mem);
    syn_file_release(&m->file);
    free(m);
}

const char *evg_syn_upos(const evg_syn_model *m, unsigned tag)
{
    return tag < m->ntags ? m->upos[tag] : "X";
}

const char *evg_syn_xpos(const evg_syn_model *m, unsigned tag)
{
    return tag < m->ntags ? m->xpos[tag] : "_";
}

const char *evg_syn_rel(const evg_syn_model *m, unsigned rel)
{
    return rel < m->nrels ? m->rels[rel] : "dep";
}

size_t evg_syn_ntags(const evg_syn_model *m)
{
    return m->ntags;
}

size_t evg_syn_nrels(const evg_syn_model *m)
{
    return m->nrels;
}

const char *evg_syn_model_info(const evg_syn_model *m)
{
    return m->info;
}
