/* Repairs of the parse for two constructions a greedy parser gets wrong
 * in a way that changes who does what, each checked against the treebanks'
 * own annotation (docs/syntax.md, "Repairs"):
 *
 * 1. A fronted time phrase, then a comma and a list of nominals, then a
 *    finite verb without a subject: "Last year, Australia, Japan and the
 *    United States barred the company". The parser may take the list for
 *    an apposition or conjuncts of "year", so that the verb has no
 *    subject; the list is the verb's subject.
 * 2. A past participle right after a noun, attached as an adverbial
 *    clause of an earlier verb though it has no subordinator, auxiliary
 *    or subject of its own: "return weapons seized last year" is a
 *    participle modifying "weapons" (acl); the treebanks annotate it so
 *    in 485 of 489 such cases. */
#include <stdlib.h>
#include <string.h>

#include "syn_internal.h"

/* WordNet's lexicographer file noun.time, as the lexicon stores a
 * first noun sense's file (its number plus one, less the three files
 * before the nouns': 28 - 3 + 1). */
#define SEM_NOUN_TIME 26u

int syn_model_relations(evg_syn_model *m)
{
    free(m->relcls);
    m->relcls = calloc(m->nrels ? m->nrels : 1, 1);
    if (!m->relcls)
        return EVG_ENOMEM;
    static const struct {
        const char *name;
        size_t len; /* 0: the whole name; else a prefix before ':' */
        uint8_t cls;
    } rc[] = {{"nsubj", 5, SYN_RC_SUBJ | SYN_RC_CLAUSE},
              {"csubj", 5, SYN_RC_SUBJ | SYN_RC_CLAUSE},
              {"expl", 4, SYN_RC_SUBJ},
              {"mark", 4, SYN_RC_CLAUSE},
              {"aux", 3, SYN_RC_CLAUSE | SYN_RC_AUX},
              {"cop", 3, SYN_RC_CLAUSE},
              {"obl", 3, SYN_RC_OBL},
              {"appos", 0, SYN_RC_LIST},
              {"conj", 0, SYN_RC_LIST},
              {"cc", 0, SYN_RC_CC},
              {"flat", 4, SYN_RC_FLAT},
              {"fixed", 0, SYN_RC_FLAT}};
    m->rel_nsubj = m->rel_nsubj_pass = m->rel_acl = m->rel_advcl =
        m->rel_punct = m->rel_aux_pass = 0xffff;
    for (size_t r = 0; r < m->nrels; r++) {
        const char *s = m->rels[r];
        for (size_t k = 0; k < sizeof rc / sizeof *rc; k++) {
            size_t l = rc[k].len;
            if (l ? !strncmp(s, rc[k].name, l) && (!s[l] || s[l] == ':')
                  : !strcmp(s, rc[k].name))
                m->relcls[r] |= rc[k].cls;
        }
        uint16_t *id = !strcmp(s, "nsubj")        ? &m->rel_nsubj
                       : !strcmp(s, "nsubj:pass") ? &m->rel_nsubj_pass
                       : !strcmp(s, "acl")        ? &m->rel_acl
                       : !strcmp(s, "advcl")      ? &m->rel_advcl
                       : !strcmp(s, "punct")      ? &m->rel_punct
                       : !strcmp(s, "aux:pass")   ? &m->rel_aux_pass
                                                  : NULL;
        if (id)
            *id = (uint16_t)r;
    }
    return 0;
}

static int has_dep(const int *head, const uint16_t *rel, const uint8_t *rc,
                   size_t n, int h, uint8_t cls)
{
    for (size_t d = 1; d <= n; d++)
        if (head[d] == h && (rc[rel[d]] & cls))
            return 1;
    return 0;
}

/* Whether x is a descendant of y (or y itself). */
static int under(const int *head, size_t n, int x, int y)
{
    for (size_t k = 0; x > 0 && k <= n; k++, x = head[x])
        if (x == y)
            return 1;
    return 0;
}

/* The leftmost and rightmost word of x's subtree. */
static void span(const int *head, size_t n, int x, int *lo, int *hi)
{
    *lo = *hi = x;
    for (size_t d = 1; d <= n; d++)
        if (under(head, n, (int)d, x)) {
            if ((int)d < *lo)
                *lo = (int)d;
            if ((int)d > *hi)
                *hi = (int)d;
        }
}

static int is_nominal(const evg_syn_model *m, uint16_t tag)
{
    return tag < m->ntags && (m->finite[tag] & SYN_TC_NOMINAL);
}

static int is_time(const syn_word *w)
{
    return w->has_lex && (SYN_LEX_SEM(w->lex) & 31u) == SEM_NOUN_TIME;
}

/* The dependent of t that word x is under (t's own child on the way up
 * from x), or 0 when x is not under t. */
static int child_toward(const int *head, size_t n, int x, int t)
{
    for (size_t k = 0; x > 0 && k <= n; k++, x = head[x])
        if (head[x] == t)
            return x;
    return 0;
}

/* 1. The list after a fronted time phrase, the subject of its verb. */
static void fronted_time_list(const evg_syn_model *m, const syn_word *w,
                              const uint16_t *tags, size_t n, int *head,
                              uint16_t *rel)
{
    const uint8_t *rc = m->relcls;
    if (m->rel_nsubj == 0xffff || m->rel_punct == 0xffff)
        return;
    for (int v = 1; v <= (int)n; v++) {
        if (has_dep(head, rel, rc, n, v, SYN_RC_SUBJ))
            continue;
        /* a finite clause: the verb finite, or an auxiliary of it */
        int finite = (m->finite[tags[v - 1]] & SYN_TC_FINITE) != 0;
        for (int d = 1; d <= (int)n && !finite; d++)
            finite = head[d] == v && (rc[rel[d]] & SYN_RC_AUX) &&
                     (m->finite[tags[d - 1]] & SYN_TC_FINITE);
        if (!finite)
            continue;
        for (int t = 1; t < v; t++) {
            if (head[t] != v || !(rc[rel[t]] & SYN_RC_OBL) ||
                !is_nominal(m, tags[t - 1]) || !is_time(&w[t - 1]))
                continue;
            /* the first of the time word's list dependents after it */
            int a = 0;
            for (int d = t + 1; d < v && !a; d++)
                if (head[d] == t && (rc[rel[d]] & SYN_RC_LIST))
                    a = d;
            if (!a || !is_nominal(m, tags[a - 1]) || is_time(&w[a - 1]))
                continue;
            /* the list's first word, a comma before it */
            int lo, hi;
            span(head, n, a, &lo, &hi);
            while (lo < a && w[lo - 1].punct)
                lo++;
            int comma = lo - 1;
            if (comma <= t || !w[comma - 1].punct)
                continue;
            /* from the list's start to the verb (or its auxiliaries),
             * nothing but the list: the time word's list dependents from
             * a on, and the punctuation and conjunction between them */
            int ok = 1, x = lo, y;
            for (; x < v && ok && (y = child_toward(head, n, x, t)); x++)
                ok = y >= a && (y == a ||
                                (rc[rel[y]] & (SYN_RC_LIST | SYN_RC_CC)) ||
                                (y == x && rel[x] == m->rel_punct));
            for (; x < v && ok; x++)
                ok = !child_toward(head, n, x, t);
            if (!ok)
                continue;
            int pass = 0;
            for (size_t d = 1; d <= n; d++)
                pass |= head[d] == v && m->rel_aux_pass != 0xffff &&
                        rel[d] == m->rel_aux_pass;
            for (int d = a + 1; d < v; d++)
                if (head[d] == t)
                    head[d] = a; /* the other members, their commas and
                                    conjunction */
            head[a] = v;
            rel[a] = pass && m->rel_nsubj_pass != 0xffff ? m->rel_nsubj_pass
                                                         : m->rel_nsubj;
            head[comma] = t;
            rel[comma] = m->rel_punct;
            break;
        }
    }
}

/* 2. A bare past participle after a noun, the noun's modifier. */
static void participle_after_noun(const evg_syn_model *m, const syn_word *w,
                                  const uint16_t *tags, size_t n, int *head,
                                  uint16_t *rel)
{
    const uint8_t *rc = m->relcls;
    if (m->rel_acl == 0xffff || m->rel_advcl == 0xffff)
        return;
    for (int p = 2; p <= (int)n; p++) {
        uint16_t tg = tags[p - 1], tn = tags[p - 2];
        if (rel[p] != m->rel_advcl || head[p] <= 0 || head[p] >= p ||
            tg >= m->ntags || strcmp(m->xpos[tg], "VBN") ||
            w[p - 2].punct || tn >= m->ntags ||
            (strcmp(m->upos[tn], "NOUN") && strcmp(m->upos[tn], "PROPN")) ||
            has_dep(head, rel, rc, n, p, SYN_RC_CLAUSE))
            continue;
        int noun = p - 1; /* a name's head, "Hong Kong" */
        if ((rc[rel[noun]] & SYN_RC_FLAT) && head[noun] > 0 &&
            head[noun] < noun)
            noun = head[noun];
        if (under(head, n, noun, p))
            continue;
        head[p] = noun;
        rel[p] = m->rel_acl;
    }
}

void syn_repair(const evg_syn_model *m, const syn_word *w,
                const uint16_t *tags, size_t n, int *head, uint16_t *rel)
{
    /* a lexicon model's only: with the model without one, the participle
     * repair cost the event-mention model's cross-validated F1 on
     * TimeBank (docs/syntax.md, "Repairs") */
    if (!m->relcls || !m->lexicon.cap)
        return;
    fronted_time_list(m, w, tags, n, head, rel);
    participle_after_noun(m, w, tags, n, head, rel);
}
