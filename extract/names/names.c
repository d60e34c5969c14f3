/* Personal names compared as the news writes them (names.h): the words of
 * a name, lower case and without dots, and the nickname pairs of
 * extract/data/nicknames.words. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "names.h"
#include "words.h"

static const char *const *nick; /* nick[2i] short form, nick[2i+1] full */
static size_t n_nick;
static const char *const *suffixes;
static const char *const *pron[3];
static int loaded;

static const evg_words_use uses[] = {
    {"nicknames.words", EVG_WORDS_PAIRS, &nick, &n_nick},
    {"name_suffixes.words", 0, &suffixes, NULL},
    {"pronouns.words", 0, &pron[0], NULL},
    {"pronouns_person.words", 0, &pron[1], NULL},
    {"pronouns_thing.words", 0, &pron[2], NULL}};
static evg_words_set lists = EVG_WORDS_SET(uses);

int evg_names_load(evg_error *err)
{
    int rc = evg_words_load(&lists, err);
    if (!rc)
        loaded = 1;
    return rc;
}

#define MAXW EVG_NAME_MAXW
#define WLEN EVG_NAME_WLEN

typedef evg_name pname;

static int is_suffix(const char *w)
{
    for (const char *const *s = suffixes; s && *s; s++)
        if (!strcmp(*s, w))
            return 1;
    return 0;
}

/* Splits at spaces, lower-cases ASCII, drops dots and commas. 0 when a
 * word is too long or there are too many (not compared). */
static int split(const char *s, size_t n, pname *p)
{
    p->n = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == ','))
            i++;
        if (i >= n)
            break;
        if (p->n == MAXW)
            return 0;
        size_t k = 0;
        while (i < n && s[i] != ' ' && s[i] != ',') {
            if (s[i] != '.') {
                if (k + 1 >= WLEN)
                    return 0;
                p->w[p->n][k++] = (char)tolower((unsigned char)s[i]);
            }
            i++;
        }
        p->w[p->n][k] = '\0';
        if (k)
            p->n++;
    }
    while (p->n > 1 && is_suffix(p->w[p->n - 1]))
        p->n--;
    return 1;
}

size_t evg_names_words(const char *s, size_t n)
{
    pname p;
    return split(s, n, &p) ? p.n : 0;
}

static int nick_of(const char *a, const char *full)
{
    for (size_t i = 0; i < n_nick; i++)
        if (!strcmp(nick[2 * i], a) && !strcmp(nick[2 * i + 1], full))
            return 1;
    return 0;
}

static int first_agree(const char *a, const char *b)
{
    if (!strcmp(a, b))
        return 1;
    if ((!a[1] && a[0] == b[0]) || (!b[1] && a[0] == b[0]))
        return 1; /* an initial */
    if (nick_of(a, b) || nick_of(b, a))
        return 1;
    for (size_t i = 0; i < n_nick; i++) /* "Bill" and "Billy" */
        if (!strcmp(nick[2 * i], a) && nick_of(b, nick[2 * i + 1]))
            return 1;
    return 0;
}

int evg_names_split(const char *s, size_t n, evg_name *out)
{
    return split(s, n, out);
}

int evg_names_agree(const char *a, size_t an, const char *b, size_t bn)
{
    pname x, y;
    if (!loaded || !split(a, an, &x) || !split(b, bn, &y))
        return 0;
    return evg_names_agree_split(&x, &y);
}

int evg_names_agree_split(const evg_name *a, const evg_name *b)
{
    if (!loaded || !a->n || !b->n)
        return 0;
    if (strcmp(a->w[a->n - 1], b->w[b->n - 1]) != 0)
        return 0;
    if (a->n == 1 || b->n == 1)
        return 1;
    if (!first_agree(a->w[0], b->w[0]))
        return 0;
    /* the middle parts: none in both, or as many that agree; a middle
     * written in one name and not in the other is no evidence by the name
     * alone ("George Bush" is not "George W. Bush" unless a dictionary
     * says so), and "George H. W. Bush" is never "George W. Bush" */
    if (a->n != b->n)
        return 0;
    for (size_t i = 1; i + 1 < a->n; i++)
        if (!first_agree(a->w[i], b->w[i]))
            return 0;
    return 1;
}

size_t evg_names_key(const char *s, size_t n, char *buf, size_t cap)
{
    pname p;
    if (!loaded || !split(s, n, &p) || p.n < 2)
        return 0;
    const char *first = p.w[0];
    for (size_t i = 0; i < n_nick; i++)
        if (!strcmp(nick[2 * i], first)) {
            first = nick[2 * i + 1];
            break;
        }
    char mid[MAXW + 1];
    size_t m = 0;
    for (size_t i = 1; i + 1 < p.n; i++)
        mid[m++] = p.w[i][0];
    mid[m] = '\0';
    int k = snprintf(buf, cap, "%s|%s|%s", p.w[p.n - 1], first, mid);
    return k > 0 && (size_t)k < cap ? (size_t)k : 0;
}

int evg_names_is_name(const char *s, size_t n)
{
    int cap = 0;
    for (size_t i = 0; i < n && !cap; i++)
        cap = isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) ||
              (unsigned char)s[i] >= 0x80;
    if (!cap || !loaded)
        return cap;
    char w[8];
    if (n >= sizeof(w))
        return 1;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)s[i]);
    w[n] = '\0';
    for (size_t k = 0; k < 3; k++)
        for (const char *const *p = pron[k]; p && *p; p++)
            if (!strcmp(*p, w))
                return 0;
    return 1;
}

int evg_names_first_name(const char *s, size_t n)
{
    char w[WLEN];
    if (!loaded || !n || n >= sizeof(w))
        return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)s[i]);
    w[n] = '\0';
    for (size_t i = 0; i < 2 * n_nick; i++)
        if (!strcmp(nick[i], w))
            return 1;
    return 0;
}

const char *evg_names_full_first(const char *w)
{
    for (size_t i = 0; loaded && i < n_nick; i++)
        if (!strcmp(nick[2 * i], w))
            return nick[2 * i + 1];
    return NULL;
}
