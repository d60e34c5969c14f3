/* The event coder's short strings, one copy a document: a CAMEO code and
 * its label, a trigger's words and a short summary are the same bytes in
 * many events ("said", "040", "consult"); each distinct string is copied
 * into the document's arena once and shared by every event that holds
 * it. The table (a pointer a slot) lives while the coder runs; the
 * strings live with the document. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "events.h"

/* Longer strings are mostly unique (a summary of a whole clause): copied
 * as they are, without a slot in the table. */
#define SHARE_MAX 32

/* Whether the held string is exactly the n bytes at s (no NUL among
 * them): strncmp stops at the end of a shorter held string, where memcmp
 * would read past it. */
static int same(const char *held, const char *s, size_t n)
{
    return strncmp(held, s, n) == 0 && held[n] == '\0';
}

static int grow(ev_state *st)
{
    size_t cap = st->str_cap ? st->str_cap * 2 : 256;
    const char **t = calloc(cap, sizeof(*t));
    if (!t)
        return EVG_ENOMEM;
    for (size_t i = 0; i < st->str_cap; i++) {
        const char *s = st->str_tab[i];
        if (!s)
            continue;
        size_t k = evg_fnv32(s, strlen(s)) & (cap - 1);
        while (t[k])
            k = (k + 1) & (cap - 1);
        t[k] = s;
    }
    free(st->str_tab);
    st->str_tab = t;
    st->str_cap = cap;
    return 0;
}

const char *evg_events__str(ev_state *st, const char *s, size_t n)
{
    /* a NUL inside would end the copy early: never the same string */
    if (n > SHARE_MAX || memchr(s, '\0', n))
        return evg_doc_strndup(st->doc, s, n);
    if (st->str_n * 2 >= st->str_cap && grow(st))
        return NULL;
    size_t k = evg_fnv32(s, n) & (st->str_cap - 1);
    for (; st->str_tab[k]; k = (k + 1) & (st->str_cap - 1))
        if (same(st->str_tab[k], s, n))
            return st->str_tab[k];
    const char *copy = evg_doc_strndup(st->doc, s, n);
    if (copy) {
        st->str_tab[k] = copy;
        st->str_n++;
    }
    return copy;
}

const char *evg_events__strz(ev_state *st, const char *s)
{
    return s ? evg_events__str(st, s, strlen(s)) : NULL;
}

int evg_events__span(ev_state *st, evg_span *span, size_t start, size_t end)
{
    const evg_doc *doc = st->doc;
    span->start = start;
    span->end = end;
    span->text = NULL;
    if (!doc->text || end > doc->text_len || start > end)
        return EVG_EINVAL;
    span->text = evg_events__str(st, doc->text + start, end - start);
    return span->text ? 0 : EVG_ENOMEM;
}
