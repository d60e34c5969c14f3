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

uint64_t syn_lex_key(const char *low, size_t n)
{
    return syn_lemma_key('W', 0, low, n);
}

uint32_t syn_lex_find(const syn_map *lex, const char *form)
{
    if (!lex->cap)
        return 0;
    char low[256];
    size_t n = syn_lower_copy(form, low, sizeof low);
    const syn_entry *e = syn_map_find(lex, syn_lex_key(low, n));
    return e ? e->value : 0;
}

/* Rule r applied to the form (or its lower-cased copy) into buf, or NULL
 * when it does not fit. */
static const char *apply_rule(const syn_lemma_rule *r, const char *form,
                              size_t n, const char *low, size_t ln,
                              char *buf, size_t bufsize)
{
    const char *base = r->lower ? low : form;
    size_t bn = r->lower ? ln : n;
    if (r->strip > bn || bn - r->strip + strlen(r->add) + 1 > bufsize ||
        ((unsigned char)base[bn - r->strip] & 0xc0) == 0x80)
        return NULL;
    snprintf(buf, bufsize, "%.*s%s", (int)(bn - r->strip), base, r->add);
    return buf;
}

const char *syn_lemma(const evg_syn_model *m, const char *form, unsigned tag,
                      char *buf, size_t bufsize)
{
    const syn_lemmas *l = &m->lemmas;
    size_t n = strlen(form);
    const syn_entry *e = syn_map_find(&l->map, syn_lemma_key('E', tag, form, n));
    if (e)
        return l->strings + e->value;
    char low[256];
    size_t ln = syn_lower_copy(form, low, sizeof low);
    /* the candidate rules, in turn: of each known suffix, longest first,
     * then the tag's most frequent; without a dictionary to ask, the
     * first alone */
    uint8_t pos = m->lexpos && tag < m->ntags && m->lexicon.cap ? m->lexpos[tag] : 0;
    uint32_t tried[SYN_LEMMA_SUFFIX + 1 + SYN_LEMMA_TAG_RULES];
    size_t nt = 0;
    int have = 0; /* buf holds the first candidate's lemma */
    char alt[256];
    size_t k = SYN_LEMMA_SUFFIX + 1;
    unsigned ti = 0;
    for (;;) {
        if (k > 0) {
            k--;
            size_t at = syn_suffix_at(low, ln, k);
            if (at == (size_t)-1)
                continue;
            e = syn_map_find(&l->map, syn_lemma_key('S', tag, low + at, ln - at));
        } else if (pos && ti < SYN_LEMMA_TAG_RULES) {
            char c = (char)ti++;
            e = syn_map_find(&l->map, syn_lemma_key('T', tag, &c, 1));
        } else {
            break;
        }
        if (!e || e->value >= l->nrules)
            continue;
        uint32_t rule = e->value;
        int seen = 0;
        for (size_t d = 0; d < nt; d++)
            seen |= tried[d] == rule;
        if (seen)
            continue;
        tried[nt++] = rule;
        const char *out = apply_rule(&l->rules[rule], form, n, low, ln,
                                     have ? alt : buf,
                                     have ? sizeof alt : bufsize);
        if (!out) {
            if (!pos)
                return form; /* the one rule does not fit: the form */
            continue;
        }
        int known = !pos || (syn_lex_find(&m->lexicon, out) & pos);
        if (!have) {
            have = 1;
            if (known)
                return buf;
            continue;
        }
        if (known && strlen(alt) < bufsize) {
            memcpy(buf, alt, strlen(alt) + 1);
            return buf;
        }
    }
    return have ? buf : form; /* no rule fits: the form itself */
}
