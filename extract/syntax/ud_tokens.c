/* Tokens to Universal Dependencies English conventions, on top of the
 * shared tokenizer (extract/text): clitics split off their word ("do" +
 * "n't", "they" + "'re", "can" + "not") and abbreviations keep their full
 * stop ("Mr.", "Inc."), both as the model learned them from the treebanks;
 * hyphenated compounds and dotted abbreviations (U.S.) stay whole. Offsets
 * point into the original text. */
#include <stdlib.h>
#include <string.h>

#include "syn_internal.h"
#include "tokens.h"

/* Lower-cases ASCII and turns the curly apostrophe into '. */
static size_t fold(const char *s, size_t n, char *out, size_t size)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < size; i++) {
        if (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
            (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
            out[k++] = '\'';
            i += 2;
            continue;
        }
        char c = s[i];
        out[k++] = c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
    }
    out[k] = 0;
    return k;
}

/* Byte offset in the original of folded position `pos`. */
static size_t unfold_at(const char *s, size_t n, size_t pos)
{
    size_t i = 0, k = 0;
    while (i < n && k < pos) {
        if (i + 2 < n && (unsigned char)s[i] == 0xe2 &&
            (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99)
            i += 3;
        else
            i++;
        k++;
    }
    return i;
}

static int push(evg_syn_tokens *t, size_t start, size_t end)
{
    if (evg_reserve(&t->v, &t->cap, t->n + 1, sizeof *t->v, 64) < 0)
        return EVG_ENOMEM;
    t->v[t->n].start = start;
    t->v[t->n].end = end;
    t->n++;
    return 0;
}

/* Where the word text[s, e) splits, or e when it does not. */
static size_t split_point(const evg_syn_model *m, const char *text, size_t s,
                          size_t e)
{
    char low[128];
    if (e - s >= sizeof low)
        return e;
    size_t n = fold(text + s, e - s, low, sizeof low);
    for (size_t i = 0; i < m->nclitics; i++) {
        const char *c = m->clitics[i], *tab = strchr(c, '\t');
        if (tab) { /* a whole word: "cannot\t3" */
            size_t wl = (size_t)(tab - c);
            if (wl == n && !memcmp(c, low, n)) {
                size_t at = (size_t)strtoul(tab + 1, NULL, 10);
                if (at > 0 && at < n)
                    return s + unfold_at(text + s, e - s, at);
            }
            continue;
        }
        size_t cl = strlen(c);
        if (cl < n && !memcmp(low + n - cl, c, cl))
            return s + unfold_at(text + s, e - s, n - cl);
    }
    return e;
}

static int is_abbrev(const evg_syn_model *m, const char *text, size_t s,
                     size_t e)
{
    char low[64];
    if (e - s + 2 >= sizeof low)
        return 0;
    size_t n = fold(text + s, e - s, low, sizeof low - 2);
    low[n] = '.';
    low[n + 1] = 0;
    for (size_t i = 0; i < m->nabbrevs; i++)
        if (!strcmp(m->abbrevs[i], low))
            return 1;
    /* an initial: one capital letter */
    return e - s == 1 && text[s] >= 'A' && text[s] <= 'Z';
}

/* A web address or e-mail address written without spaces from byte s:
 * its end, or s when there is none. It ends before trailing punctuation. */
static size_t address_end(const char *text, size_t s, size_t end)
{
    size_t e = s;
    while (e < end && (unsigned char)text[e] > ' ' && text[e] != '"' &&
           text[e] != '<' && text[e] != '>' && text[e] != '(' && text[e] != ')')
        e++;
    while (e > s && strchr(".,;:!?'", text[e - 1]))
        e--;
    size_t n = e - s;
    int url = (n > 7 && !strncmp(text + s, "http://", 7)) ||
              (n > 8 && !strncmp(text + s, "https://", 8)) ||
              (n > 4 && !strncmp(text + s, "www.", 4));
    const char *at = memchr(text + s, '@', n);
    int mail = at && at > text + s && memchr(at, '.', (size_t)(text + e - at)) &&
               text[e - 1] != '.';
    return url || mail ? e : s;
}

int evg_syn_tokenize(const evg_syn_model *m, const char *text, size_t start,
                     size_t end, evg_syn_tokens *out)
{
    evg_tokens t = {0};
    if (evg_extract__tokenize(text, start, end, &t) < 0)
        return EVG_ENOMEM;
    int rc = evg_syn_tokens_from(m, text, end, t.v, t.n, out);
    evg_extract__tokens_dispose(&t);
    return rc;
}

int evg_syn_tokens_from(const evg_syn_model *m, const char *text, size_t end,
                        const evg_token *p, size_t np, evg_syn_tokens *out)
{
    int rc = 0;
    for (size_t i = 0; i < np && rc == 0; i++) {
        size_t s = p[i].start, e = p[i].end;
        /* an address is one token: the shared tokenizer cuts it at . / @ */
        size_t ae = (i == 0 || p[i - 1].end < s) ? address_end(text, s, end)
                                                   : s;
        if (ae > s) {
            rc = push(out, s, ae);
            while (i + 1 < np && p[i + 1].start < ae)
                i++;
            continue;
        }
        /* a run of one punctuation mark ("...", "--", "**") is one token */
        if ((p[i].flags & EVG_TOK_PUNCT) && e == s + 1) {
            size_t j = i;
            while (j + 1 < np && (p[j + 1].flags & EVG_TOK_PUNCT) &&
                   p[j + 1].start == p[j].end &&
                   p[j + 1].end == p[j + 1].start + 1 &&
                   text[p[j + 1].start] == text[s])
                j++;
            if (j > i) {
                rc = push(out, s, p[j].end);
                i = j;
                continue;
            }
        }
        if (p[i].flags & EVG_TOK_WORD) {
            /* "Mr" + "." -> "Mr." unless the stop ends the sentence */
            if (i + 2 < np && p[i + 1].start == e && text[e] == '.' &&
                p[i + 1].end == e + 1 && is_abbrev(m, text, s, e)) {
                rc = push(out, s, e + 1);
                i++;
                continue;
            }
            size_t at = split_point(m, text, s, e);
            if (at < e) {
                rc = push(out, s, at);
                if (rc == 0)
                    rc = push(out, at, e);
                continue;
            }
        }
        rc = push(out, s, e);
    }
    return rc;
}

void evg_syn_tokens_dispose(evg_syn_tokens *t)
{
    free(t->v);
    memset(t, 0, sizeof *t);
}
