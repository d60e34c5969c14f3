/* The time tagger's own tokens: words split at hyphens, numbers with their
 * value, possessives and one token per punctuation character, each word
 * looked up once in the time word list. Tuned for speed: ASCII bytes are
 * classified inline. */
#include <ctype.h>
#include <string.h>

#include "timex_tagger.h"

static int push_tok(tagger *c, size_t s, size_t e, unsigned char kind)
{
    if (evg_reserve(&c->t, &c->cap, c->n + 1, sizeof(*c->t), 256))
        return EVG_ENOMEM;
    tok *t = &c->t[c->n++];
    const char *p = c->text + s;
    memset(t, 0, sizeof(*t));
    t->s = s;
    t->e = e;
    t->num = -1;
    t->kind = kind;
    t->cap = isupper((unsigned char)p[0]) != 0;
    if (kind == K_PUNCT) {
        t->ch = p[0];
    } else if (kind == K_NUM) {
        size_t n = e - s, k = 0;
        long v = 0;
        while (k < n && k < 9 && isdigit((unsigned char)p[k]))
            v = v * 10 + (p[k++] - '0');
        if (k == n) {
            t->num = v;
            t->ndig = (unsigned char)k;
        } else {
            t->kind = K_NUMX;
        }
    } else {
        t->w = evg_timex__lookup(p, e - s);
    }
    return 0;
}

/* ---- scanning: the tagger's own tokenizer, tuned for speed ---- */

static int is_alpha(unsigned char ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

static int is_digit(unsigned char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Bytes of the UTF-8 character starting with `ch`. */
static size_t char_len(unsigned char ch)
{
    return ch < 0xc0 ? 1 : ch < 0xe0 ? 2 : ch < 0xf0 ? 3 : 4;
}

/* Non-ASCII characters that are spaces or punctuation, not letters:
 * U+00A0..U+00BF (no-break space, symbols) and U+2000..U+206F (spaces,
 * dashes, quotes). */
static int is_punct_utf8(const unsigned char *s, size_t i, size_t end)
{
    if (s[i] == 0xc2 && i + 1 < end && s[i + 1] >= 0xa0)
        return 1;
    if (s[i] == 0xe2 && i + 1 < end && (s[i + 1] == 0x80 || s[i + 1] == 0x81))
        return 1;
    return s[i] == 0xc3 && i + 1 < end && (s[i + 1] == 0x97 || s[i + 1] == 0xb7);
}

static int word_byte(const unsigned char *s, size_t i, size_t end)
{
    return is_alpha(s[i]) || is_digit(s[i]) ||
           (s[i] >= 0x80 && !is_punct_utf8(s, i, end));
}

/* An apostrophe (' or U+2019) at i: its length, else 0. */
static size_t apostrophe(const unsigned char *s, size_t i, size_t end)
{
    if (s[i] == '\'')
        return 1;
    if (s[i] == 0xe2 && i + 2 < end && s[i + 1] == 0x80 && s[i + 2] == 0x99)
        return 3;
    return 0;
}

/* "90", "2019-05-23", "5/23/2019", "1,500", "15:00", "1990s", "3rd". */
static size_t scan_number(const unsigned char *s, size_t i, size_t end)
{
    while (i < end) {
        if (is_digit(s[i])) {
            i++;
        } else if ((s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '/' ||
                    s[i] == '-') &&
                   i + 1 < end && is_digit(s[i + 1])) {
            i++;
        } else {
            while (i < end && is_alpha(s[i]))
                i++;
            break;
        }
    }
    return i;
}

/* A word up to a hyphen, space or punctuation: letters, inner apostrophes
 * ("o'clock", "won't", but not a possessive 's) and the dots of "p.m." and
 * "U.S.". */
static size_t scan_word(const unsigned char *s, size_t i, size_t end)
{
    size_t seg = i;
    int dotted = 0;
    while (i < end) {
        size_t al;
        if (word_byte(s, i, end)) {
            i += s[i] < 0x80 ? 1 : char_len(s[i]);
        } else if ((al = apostrophe(s, i, end)) && i + al < end &&
                   word_byte(s, i + al, end) &&
                   !((s[i + al] | 0x20) == 's' &&
                     (i + al + 1 >= end || !word_byte(s, i + al + 1, end)))) {
            i += al;
        } else if (s[i] == '.' && i - seg == 1 && is_alpha(s[i - 1])) {
            /* single letters joined by dots */
            if (i + 1 < end && is_alpha(s[i + 1]) &&
                (dotted || (i + 2 < end && s[i + 2] == '.'))) {
                dotted = 1;
                seg = ++i;
            } else {
                i += dotted;
                break;
            }
        } else {
            break;
        }
    }
    return i > end ? end : i;
}

/* Tokens of text[start, end): words split at hyphens ("third", "-",
 * "quarter"), numbers, possessive 's, one token per punctuation
 * character. */
int evg_timex__scan(tagger *c, size_t start, size_t end)
{
    const unsigned char *s = (const unsigned char *)c->text;
    size_t i = start;
    while (i < end) {
        unsigned char ch = s[i];
        size_t j, al;
        int rc;
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' ||
            ch == '\f' || ch == '\v') {
            i++;
            continue;
        }
        if (is_digit(ch)) {
            j = scan_number(s, i, end);
            rc = push_tok(c, i, j, K_NUM);
        } else if (word_byte(s, i, end)) {
            j = scan_word(s, i, end);
            rc = push_tok(c, i, j, K_WORD);
        } else if ((al = apostrophe(s, i, end)) && i + al < end &&
                   (s[i + al] | 0x20) == 's' &&
                   (i + al + 1 >= end || !word_byte(s, i + al + 1, end)) &&
                   c->n && c->t[c->n - 1].e == i) {
            j = i + al + 1; /* possessive 's */
            rc = push_tok(c, i, j, K_WORD);
        } else {
            j = i + char_len(ch);
            if (j > end)
                j = end;
            if (ch == 0xc2 && j == i + 2 && s[i + 1] == 0xa0) {
                i = j; /* no-break space */
                continue;
            }
            rc = push_tok(c, i, j, K_PUNCT);
        }
        if (rc)
            return rc;
        i = j;
    }
    return 0;
}
