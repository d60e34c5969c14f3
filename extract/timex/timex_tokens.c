/* The time tagger's tokens, read off the document's token layer (the
 * tokens stage, extract/text/tokens.c): the same bytes and offsets, with
 * three things the matchers need on top. A hyphenated word is seen as its
 * parts and the hyphens between them ("third-quarter" as "third" "-"
 * "quarter", "mid-1990s" as "mid" "-" "1990s"), since "third quarter" and
 * "third-quarter" are one expression; a number keeps its value; each word
 * is looked up once in the time word list; and each token carries the
 * part of speech the parse gave the word starting there, if any. Nothing
 * here decides where a token begins or ends: a part of a word is cut only
 * at a hyphen the layer's word holds. */
#include <string.h>

#include "timex_tagger.h"
#include "tokens.h"

static int is_digit(unsigned char ch)
{
    return ch >= '0' && ch <= '9';
}

static int push_tok(tagger *c, size_t s, size_t e, unsigned char kind)
{
    if (evg_reserve(&c->t, &c->cap, c->n + 1, sizeof(*c->t), 256))
        return EVG_ENOMEM;
    tok *t = &c->t[c->n++];
    const unsigned char *p = (const unsigned char *)c->text + s;
    memset(t, 0, sizeof(*t));
    t->s = s;
    t->e = e;
    t->num = -1;
    t->kind = kind;
    t->cap = p[0] >= 'A' && p[0] <= 'Z';
    if (kind == K_PUNCT) {
        t->ch = (char)p[0];
    } else if (kind == K_NUM) {
        size_t n = e - s, k = 0;
        long v = 0;
        while (k < n && k < 9 && is_digit(p[k]))
            v = v * 10 + (p[k++] - '0');
        if (k == n) {
            t->num = v;
            t->ndig = (unsigned char)k;
        } else {
            t->kind = K_NUMX;
        }
    } else {
        t->w = evg_timex__lookup((const char *)p, e - s);
    }
    return 0;
}

/* The end of the number part of a word starting at a digit at i (before
 * `end`): digits, inner separators followed by a digit ("2019-05"), then
 * letters ("1990s"), as the layer reads a number that begins a word. */
static size_t number_part(const unsigned char *s, size_t i, size_t end)
{
    while (i < end) {
        if (is_digit(s[i])) {
            i++;
        } else if ((s[i] == '.' || s[i] == ',' || s[i] == ':' ||
                    s[i] == '/' || s[i] == '-') &&
                   i + 1 < end && is_digit(s[i + 1])) {
            i++;
        } else {
            while (i < end && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
                i++;
            break;
        }
    }
    return i;
}

/* A word of the layer, bytes [s, e), as its parts and hyphens. */
static int push_word(tagger *c, size_t s, size_t e)
{
    const unsigned char *t = (const unsigned char *)c->text;
    size_t i = s;
    while (i < e) {
        size_t j;
        int rc;
        if (t[i] == '-') {
            rc = push_tok(c, i, i + 1, K_PUNCT);
            j = i + 1;
        } else if (i > s && is_digit(t[i])) {
            j = number_part(t, i, e);
            rc = push_tok(c, i, j, K_NUM);
        } else {
            j = i + 1;
            while (j < e && t[j] != '-')
                j++;
            rc = push_tok(c, i, j, K_WORD);
        }
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}

/* The tag of the word of `ud` (the sentence's words in the parse, by
 * start) that starts at each token, in one pass over both. */
static void attach_tags(tagger *c, const evg_doc_token *ud, size_t n_ud)
{
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++) {
        while (k < n_ud && ud[k].start < c->t[i].s)
            k++;
        c->t[i].upos = k < n_ud && ud[k].start == c->t[i].s ? ud[k].upos
                                                             : NULL;
    }
}

int evg_timex__tokens(tagger *c, const evg_tokens *layer,
                      const evg_doc_token *ud, size_t n_ud)
{
    c->n = 0;
    for (size_t i = 0; i < layer->n; i++) {
        const evg_token *lt = &layer->v[i];
        int rc;
        if (lt->flags & EVG_TOK_NUM)
            rc = push_tok(c, lt->start, lt->end, K_NUM);
        else if (lt->flags & EVG_TOK_WORD)
            rc = push_word(c, lt->start, lt->end);
        else
            rc = push_tok(c, lt->start, lt->end, K_PUNCT);
        if (rc)
            return rc;
    }
    attach_tags(c, ud, n_ud);
    return 0;
}
