/* Lemmatizer: whole forms seen in training with their tag, then rules
 * "remove k bytes, append s" chosen by the tag and the longest suffix seen
 * in training (suffixes whose rule is their parent's are left out). */
#include <stdio.h>
#include <string.h>

#include "syn_internal.h"

#define MAX_SUFFIX 7

static uint64_t key_of(char kind, unsigned tag, const char *s, size_t n)
{
    uint64_t h = syn_mix((uint64_t)kind, tag);
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h ? h : 1;
}


static size_t lower_copy(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; s[n] && n + 1 < size; n++)
        out[n] = s[n] >= 'A' && s[n] <= 'Z' ? (char)(s[n] | 0x20) : s[n];
    out[n] = 0;
    return n;
}

/* Start of the suffix of `k` characters, or SIZE_MAX when shorter. */
static size_t suffix_at(const char *s, size_t n, size_t k)
{
    size_t i = n;
    while (k) {
        if (i == 0)
            return (size_t)-1;
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
            i--;
        k--;
    }
    return i;
}

const char *syn_lemma(const syn_lemmas *l, const char *form, unsigned tag,
                      char *buf, size_t bufsize)
{
    size_t n = strlen(form);
    const syn_entry *e = syn_map_find(&l->map, key_of('E', tag, form, n));
    if (e)
        return l->strings + e->value;
    char low[256];
    size_t ln = lower_copy(form, low, sizeof low);
    const syn_lemma_rule *r = NULL;
    for (size_t k = MAX_SUFFIX + 1; k-- > 0 && !r;) {
        size_t at = suffix_at(low, ln, k);
        if (at == (size_t)-1)
            continue;
        e = syn_map_find(&l->map, key_of('S', tag, low + at, ln - at));
        if (e && e->value < l->nrules)
            r = &l->rules[e->value];
    }
    const char *base = r && r->lower ? low : form;
    size_t bn = r && r->lower ? ln : n;
    if (!r || r->strip > bn || bn - r->strip + strlen(r->add) + 1 > bufsize ||
        ((unsigned char)base[bn - r->strip] & 0xc0) == 0x80) {
        return form; /* no rule fits: the form itself */
    }
    snprintf(buf, bufsize, "%.*s%s", (int)(bn - r->strip), base, r->add);
    return buf;
}
