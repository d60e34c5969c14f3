/* Tokenizer: words, numbers and punctuation with byte offsets, shared by the
 * time tagger, the actor finder and the event coder. News text brings
 * abbreviations (U.S.), possessives ('s, ’s), hyphenated words and Unicode
 * spaces and dashes; offsets always point into the original bytes. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tokens.h"

static int is_space_cp(int32_t cp)
{
    if (cp < 0x80) /* ASCII first: \t \n \v \f \r are 9 to 13 */
        return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp < 0;
    return cp == 0xa0 ||
           (cp >= 0x2000 && cp <= 0x200b) || cp == 0x202f || cp == 0x205f ||
           cp == 0x3000 || cp == 0xfeff;
}

/* ASCII classes without the locale tables, for the loops that run once
 * per byte (no setlocale: the same answers as <ctype.h> in the C locale,
 * and no byte above 0x7f is a letter or a capital). */
static int ascii_alpha(unsigned c)
{
    return (c | 0x20) - 'a' < 26;
}

static int ascii_upper(unsigned c)
{
    return c - 'A' < 26;
}

static int ascii_digit(unsigned c)
{
    return c - '0' < 10;
}

static int ascii_alnum(unsigned c)
{
    return ascii_alpha(c) || ascii_digit(c);
}

static unsigned ascii_lower(unsigned c)
{
    return ascii_upper(c) ? c | 0x20 : c;
}

/* Letters: ASCII letters and every non-ASCII code point that is not a
 * space, symbol or punctuation block. */
static int is_letter_cp(int32_t cp)
{
    if (cp < 0x80)
        return ascii_alpha((unsigned)cp);
    if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7)
        return 0;
    if (cp >= 0x2000 && cp <= 0x2bff) /* punctuation, symbols, arrows */
        return 0;
    if (cp >= 0x3000 && cp <= 0x303f)
        return 0;
    if (cp >= 0xfe30 && cp <= 0xfe4f)
        return 0;
    if (cp >= 0xff00 && cp <= 0xff0f)
        return 0;
    if (cp >= 0x1f000)
        return 0; /* emoji and pictographs */
    return !is_space_cp(cp);
}

static int is_apos_at(const char *s, size_t n, size_t i, size_t *len)
{
    if (i < n && s[i] == '\'') {
        *len = 1;
        return 1;
    }
    if (i + 2 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0) {
        *len = 3;
        return 1;
    }
    return 0;
}

static int32_t peek(const char *s, size_t n, size_t i, size_t *next)
{
    if (i < n && (unsigned char)s[i] < 0x80) {
        /* ASCII, most of the text: no decoder call */
        if (next)
            *next = i + 1;
        return (unsigned char)s[i];
    }
    size_t j = i;
    int32_t cp = i < n ? evg_utf8_next(s, n, &j) : -1;
    if (next)
        *next = j;
    return cp;
}

static int push(evg_tokens *out, size_t start, size_t end, unsigned flags)
{
    if (evg_reserve(&out->v, &out->cap, out->n + 1, sizeof(*out->v), 64))
        return EVG_ENOMEM;
    out->v[out->n].start = start;
    out->v[out->n].end = end;
    out->v[out->n].flags = flags;
    out->n++;
    return 0;
}

static unsigned case_flags(const char *s, size_t start, size_t end)
{
    unsigned f = 0;
    int letters = 0, upper = 0;
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ascii_alpha(c)) {
            letters++;
            if (ascii_upper(c))
                upper++;
            if (letters == 1 && ascii_upper(c))
                f |= EVG_TOK_CAP;
        } else if (c >= 0x80 && letters == 0 && i == start) {
            /* non-ASCII first letter: treat Latin-1 capitals as capitals */
            size_t j = i;
            int32_t cp = evg_utf8_next(s, end, &j);
            if ((cp >= 0xc0 && cp <= 0xde && cp != 0xd7) ||
                (cp >= 0x410 && cp <= 0x42f))
                f |= EVG_TOK_CAP;
        }
    }
    if (letters >= 1 && upper == letters && (letters > 1 || f & EVG_TOK_CAP))
        f |= EVG_TOK_UPPER;
    return f;
}

static size_t scan_word(const char *s, size_t n, size_t i)
{
    size_t start = i;
    int dotted = 0;
    for (;;) {
        if (i < n && ascii_alnum((unsigned char)s[i])) {
            i++; /* the common case: an ASCII letter or digit */
            continue;
        }
        size_t next;
        int32_t cp = peek(s, n, i, &next);
        if (cp >= 0 && (is_letter_cp(cp) || ascii_digit((unsigned)cp))) {
            i = next;
            continue;
        }
        size_t alen;
        if (is_apos_at(s, n, i, &alen)) {
            /* possessive 's / s' ends the word; n't and o' stay inside */
            size_t after;
            int32_t c2 = peek(s, n, i + alen, &after);
            if ((c2 == 's' || c2 == 'S') &&
                !is_letter_cp(peek(s, n, after, NULL)))
                break;
            if (c2 >= 0 && is_letter_cp(c2)) {
                i += alen;
                continue;
            }
            break;
        }
        if (cp == '-') {
            int32_t c2 = peek(s, n, i + 1, NULL);
            if (c2 >= 0 && (is_letter_cp(c2) || (c2 < 0x80 && isdigit(c2)))) {
                i++;
                continue;
            }
            break;
        }
        if (cp == '.') {
            /* U.S., U.K., e.g.: single letters joined by dots */
            size_t seglen = i - start;
            size_t k = i;
            while (k > start && s[k - 1] != '.')
                k--;
            seglen = i - k;
            if (seglen == 1 && isalpha((unsigned char)s[i - 1])) {
                int32_t c2 = peek(s, n, i + 1, NULL);
                int32_t c3 = peek(s, n, i + 2, NULL);
                if (c2 >= 0 && c2 < 0x80 && isalpha(c2) &&
                    (c3 == '.' || (dotted && !isalpha(c3 < 0 ? 0 : c3)))) {
                    dotted = 1;
                    i++;
                    continue;
                }
                if (dotted) {
                    i++; /* the final dot of U.S. */
                    break;
                }
            }
            break;
        }
        break;
    }
    return i;
}

static size_t scan_number(const char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (isdigit(c)) {
            i++;
        } else if ((c == '.' || c == ',' || c == ':' || c == '/' ||
                    c == '-') &&
                   i + 1 < n && isdigit((unsigned char)s[i + 1])) {
            i++;
        } else if (isalpha(c)) {
            /* 1990s, 3rd, 15th, 5pm */
            while (i < n && isalpha((unsigned char)s[i]))
                i++;
            break;
        } else {
            break;
        }
    }
    return i;
}

/* The flags of the token text[start, end), one evg_extract__tokenize
 * made: a number, a word (a possessive 's too) or punctuation, from its
 * first character and its length. The tokenizer and the tokens stage,
 * which keeps a token's place and length only, both take them from
 * here. */
static unsigned token_flags(const char *text, size_t start, size_t end)
{
    int32_t cp = peek(text, end, start, NULL);
    size_t alen;
    if (ascii_digit((unsigned)cp))
        return EVG_TOK_NUM;
    if (is_letter_cp(cp))
        return EVG_TOK_WORD | case_flags(text, start, end);
    if (is_apos_at(text, end, start, &alen) && end - start == alen + 1)
        return EVG_TOK_WORD; /* possessive 's: one character more */
    return EVG_TOK_PUNCT;
}

int evg_extract__tokenize(const char *text, size_t start, size_t end,
                          evg_tokens *out)
{
    size_t i = start;
    while (i < end) {
        size_t next;
        int32_t cp = peek(text, end, i, &next);
        if (is_space_cp(cp)) {
            i = next;
            continue;
        }
        size_t tok_end;
        size_t alen;
        if (ascii_digit((unsigned)cp))
            tok_end = scan_number(text, end, i);
        else if (is_letter_cp(cp))
            tok_end = scan_word(text, end, i);
        else if (is_apos_at(text, end, i, &alen) &&
                 (peek(text, end, i + alen, NULL) == 's' ||
                  peek(text, end, i + alen, NULL) == 'S') &&
                 !is_letter_cp(peek(text, end, i + alen + 1, NULL)) &&
                 out->n && out->v[out->n - 1].end == i)
            tok_end = i + alen + 1; /* possessive 's */
        else
            tok_end = next;
        if (push(out, i, tok_end, token_flags(text, i, tok_end)))
            return EVG_ENOMEM;
        i = tok_end;
    }
    return 0;
}

void evg_extract__tokens_dispose(evg_tokens *t)
{
    if (!t)
        return;
    free(t->v);
    memset(t, 0, sizeof(*t));
}

int evg_extract__tok_is(const char *text, const evg_token *t, const char *w)
{
    /* callers try many words on one token: stop at the first difference
     * instead of measuring `w` first */
    size_t n = t->end - t->start;
    for (size_t i = 0; i < n; i++)
        if (!w[i] || ascii_lower((unsigned char)text[t->start + i]) !=
                         ascii_lower((unsigned char)w[i]))
            return 0;
    return w[n] == '\0';
}

int evg_extract__tokens(evg_doc *doc)
{
    evg_doc__pieces_free(doc);
    if (doc->text_len >= UINT32_MAX)
        return 0; /* no room in 32-bit offsets: tokenized on demand */
    evg_doc_pieces *p = calloc(1, sizeof *p);
    if (!p)
        return EVG_ENOMEM;
    doc->pieces = p;
    p->n_sent = doc->n_sentences;
    if (!(p->first = malloc((p->n_sent + 1) * sizeof *p->first)))
        return EVG_ENOMEM;
    /* one array for the document, each sentence tokenized on its own (a
     * sentence's first token never sees the last one's) and appended */
    evg_tokens one = {0};
    int rc = 0, fits = 1;
    for (size_t k = 0; k < p->n_sent && !rc && fits; k++) {
        p->first[k] = (uint32_t)p->n;
        one.n = 0;
        evg_sentence s = evg_doc__sentence(doc, k);
        rc = evg_extract__tokenize(doc->text, s.start, s.end, &one);
        if (!rc && one.n &&
            evg_reserve_raw(&p->v, &p->cap, p->n + one.n, sizeof *p->v,
                            1024) != 0)
            rc = EVG_ENOMEM;
        for (size_t i = 0; !rc && fits && i < one.n; i++, p->n++) {
            size_t off = one.v[i].start - s.start,
                   len = one.v[i].end - one.v[i].start;
            fits = off <= UINT16_MAX && len <= UINT16_MAX;
            p->v[p->n].off = (uint16_t)off;
            p->v[p->n].len = (uint16_t)len;
        }
    }
    p->first[p->n_sent] = (uint32_t)p->n;
    evg_extract__tokens_dispose(&one);
    if (!rc && !fits) /* a sentence over 64 KiB: tokenized on demand */
        evg_doc__pieces_free(doc);
    return rc;
}

/* The tokens of sentence `k` that start in bytes [lo, hi). */
static int tokens_between(const evg_doc *doc, size_t k, size_t lo, size_t hi,
                          evg_tokens *out)
{
    out->n = 0;
    evg_sentence s = evg_doc__sentence(doc, k);
    if (!doc->pieces || k < doc->pieces->k0) {
        int rc = evg_extract__tokenize(doc->text, s.start, s.end, out);
        size_t w = 0;
        for (size_t i = 0; !rc && i < out->n; i++)
            if (out->v[i].start >= lo && out->v[i].start < hi)
                out->v[w++] = out->v[i];
        if (!rc)
            out->n = w;
        return rc;
    }
    size_t n;
    const evg_doc_piece *v = evg_doc__sentence_pieces(doc, k, &n);
    size_t a = 0;
    while (a < n && s.start + v[a].off < lo)
        a++;
    size_t b = a;
    while (b < n && s.start + v[b].off < hi)
        b++;
    if (b > a &&
        evg_reserve_raw(&out->v, &out->cap, b - a, sizeof *out->v, 64) != 0)
        return EVG_ENOMEM;
    for (size_t i = a; i < b; i++) {
        evg_token *t = &out->v[i - a];
        t->start = s.start + v[i].off;
        t->end = t->start + v[i].len;
        t->flags = token_flags(doc->text, t->start, t->end);
    }
    out->n = b - a;
    return 0;
}

int evg_extract__tokens_of(const evg_doc *doc, size_t k, evg_tokens *out)
{
    return tokens_between(doc, k, 0, SIZE_MAX, out);
}

int evg_extract__tokens_in(const evg_doc *doc, size_t k,
                           const evg_doc_window *win, evg_tokens *out)
{
    return win->whole ? evg_extract__tokens_of(doc, k, out)
                      : tokens_between(doc, k, win->lo, win->hi, out);
}
