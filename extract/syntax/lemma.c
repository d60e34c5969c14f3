/* Lemmatizer: whole forms seen in training with their tag, then rules
 * "remove k bytes, append s" chosen by the tag and the longest suffix seen
 * in training (suffixes whose rule is their parent's are left out). */
#include <stdio.h>
#include <string.h>

#include "syn_internal.h"


uint64_t syn_lemma_key(char kind, unsigned tag, const char *s, size_t n)
{
    uint64_t h = syn_mix((uint64_t)kind, tag);
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h ? h : 1;
}


size_t syn_lower_copy(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; s[n] && n + 1 < size; n++)
        out[n] = s[n] >= 'A' && s[n] <= 'Z' ? (char)(s[n] | 0x20) : s[n];
    out[n] = 0;
    return n;
}

size_t syn_suffix_at(const char *s, size_t n, size_t k)
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
    const syn_entry *e = syn_map_find(&l->map, syn_lemma_key('E', tag, form, n));
    if (e)
        return l->strings + e->value;
    char low[256];
    size_t ln = syn_lower_copy(form, low, sizeof low);
    const syn_lemma_rule *r = NULL;
    for (size_t k = SYN_LEMMA_SUFFIX + 1; k-- > 0 && !r;) {
        size_t at = syn_suffix_at(low, ln, k);
        if (at == (size_t)-1)
            continue;
        e = syn_map_find(&l->map, syn_lemma_key('S', tag, low + at, ln - at));
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
