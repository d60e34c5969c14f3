/* The event-mention detector: its features over the token layer, the
 * labeling of a sentence, and the model file (the container of
 * extract/syntax/syn_file.h, magic "EVGMEN", sections INFO, CLAS, PMEN,
 * PCLS, LEXE, WNSS, TMLC, CALI and BIAS; docs/events.md). */
#include "mentions.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "syn_file.h"

#define MODEL_NAME "/en-timebank-events.evgm"
#define MAGIC "EVGMEN\0\0"
/* 7: the tables in their final form, read in place from the mapped file,
 * and the checksum of eight lanes (SYN_FILE_LANES_FROM, the syntax
 * model's format 7); 3, still read: the tables densified on load */
#define FORMAT_VERSION 7u
static const uint32_t versions_read[] = {FORMAT_VERSION, 3u, 0};
#define PRIOR_LIMIT 4096u
#define LISTED_LIMIT 0xffffu

const char *evg_men_default_model(void)
{
    static const char *const places[] = {
        EVG_MODEL_SOURCE_DIR MODEL_NAME,
        EVG_MODEL_INSTALL_DIR MODEL_NAME,
    };
    return syn_model_path("EVGRAPH_EVENTS_MODEL", places, 2);
}

/* ---- the lexicon ---- */

static size_t lower_copy(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; s && s[n] && n + 1 < size; n++) {
        unsigned char c = (unsigned char)s[n];
        out[n] = (char)((unsigned)c - 'A' < 26u ? c | 0x20 : c);
    }
    out[n] = 0;
    return n;
}

uint64_t evg_men_lemma_key(const char *lemma)
{
    char buf[64];
    lower_copy(lemma, buf, sizeof buf);
    uint64_t k = syn_hash_str(buf);
    return k ? k : 1; /* 0 marks an empty slot */
}

uint32_t evg_men_prior_bucket(uint32_t seen, uint32_t ev, unsigned cls)
{
    if (!seen)
        return 0;
    uint32_t s = seen < 3 ? 0 : seen < 10 ? 1 : 2;
    uint32_t r = (uint32_t)((uint64_t)ev * 10 / seen);
    return 1 + (s * 11 + r) * EVG_MEN_MAX_CLASSES +
           (cls < EVG_MEN_MAX_CLASSES ? cls : 0);
}

uint32_t evg_men_prior(const evg_men_model *m, const char *lemma)
{
    const syn_entry *e = syn_map_find(&m->lex, evg_men_lemma_key(lemma));
    return e ? e->value : 0;
}

uint64_t evg_men_sense_key(char pos, const char *lemma)
{
    char buf[80];
    buf[0] = pos;
    buf[1] = '\t';
    lower_copy(lemma, buf + 2, sizeof buf - 2);
    uint64_t k = syn_hash_str(buf);
    return k ? k : 1;
}

uint32_t evg_men_sense_value(unsigned first, uint32_t mask)
{
    return (uint32_t)(first & 63u) << 26 | (mask & ((1u << 26) - 1));
}

uint32_t evg_men_sense(const evg_men_model *m, const evg_doc_token *t)
{
    char pos;
    if (!t->upos || !t->lemma || !m->senses.cap)
        return 0;
    if (!strcmp(t->upos, "NOUN"))
        pos = 'n';
    else if (!strcmp(t->upos, "VERB") || !strcmp(t->upos, "AUX"))
        pos = 'v';
    else
        return 0;
    const syn_entry *e = syn_map_find(&m->senses,
                                      evg_men_sense_key(pos, t->lemma));
    uint32_t v = e ? e->value : 0;
    /* a noun whose first sense is derived from a verb ("construction")
     * keeps bit 25 free for it: noun lexicographer files end at 28 */
    if (pos == 'n' && syn_map_find(&m->senses, evg_men_sense_key('d', t->lemma)))
        v |= EVG_MEN_DEVERBAL;
    return v;
}

uint64_t evg_men_class_key(char pos, const char *lemma)
{
    char buf[80];
    buf[0] = 'C';
    buf[1] = pos;
    buf[2] = '\t';
    lower_copy(lemma, buf + 3, sizeof buf - 3);
    uint64_t k = syn_hash_str(buf);
    return k ? k : 1;
}

uint32_t evg_men_listed(const evg_men_model *m, const evg_doc_token *t)
{
    if (!t->upos || !t->lemma || !m->classes.cap)
        return 0;
    char pos = !strcmp(t->upos, "VERB") || !strcmp(t->upos, "AUX") ? 'v'
               : !strcmp(t->upos, "NOUN")                          ? 'n'
               : !strcmp(t->upos, "ADJ")                           ? 'a'
                                                                   : 0;
    if (!pos)
        return 0;
    const syn_entry *e =
        syn_map_find(&m->classes, evg_men_class_key(pos, t->lemma));
    if (!e && pos == 'a')
        e = syn_map_find(&m->classes, evg_men_class_key('v', t->lemma));
    return e ? e->value : 0;
}

/* ---- features ---- */

/* Per-token facts about its dependents, gathered in one pass. */
enum {
    K_NSUBJ = 1, K_NSUBJPASS = 2, K_OBJ = 4, K_IOBJ = 8, K_AUX = 16,
    K_AUXPASS = 32, K_COP = 64, K_CASE = 128, K_DET = 256, K_MARK = 512,
    K_XCOMP = 1024, K_CCOMP = 2048, K_OBL = 4096, K_NMOD = 8192,
    K_AMOD = 16384, K_ADVMOD = 32768, K_NUMMOD = 65536, K_POSS = 131072
};

static uint32_t rel_bit(const char *r)
{
    static const struct { const char *name; uint32_t bit; } map[] = {
        {"nsubj", K_NSUBJ}, {"nsubj:pass", K_NSUBJPASS}, {"obj", K_OBJ},
        {"iobj", K_IOBJ}, {"aux", K_AUX}, {"aux:pass", K_AUXPASS},
        {"cop", K_COP}, {"case", K_CASE}, {"det", K_DET}, {"mark", K_MARK},
        {"xcomp", K_XCOMP}, {"ccomp", K_CCOMP}, {"obl", K_OBL},
        {"nmod", K_NMOD}, {"amod", K_AMOD}, {"advmod", K_ADVMOD},
        {"nummod", K_NUMMOD}, {"nmod:poss", K_POSS},
    };
    if (!r)
        return 0;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) /* 1st letter first */
        if (r[0] == map[i].name[0] && !strcmp(r, map[i].name))
            return map[i].bit;
    return 0;
}

static uint64_t hs(const char *s)
{
    return syn_hash_str(s ? s : "");
}

static uint64_t feat(uint64_t tmpl, uint64_t a)
{
    return syn_mix(syn_mix(0x6d656e74ull, tmpl), a);
}

static uint64_t feat2(uint64_t tmpl, uint64_t a, uint64_t b)
{
    return syn_mix(feat(tmpl, a), b);
}

/* The relation without its subtype: "nsubj:pass" -> "nsubj". */
static uint64_t base_rel(const char *r)
{
    char buf[32];
    size_t n = 0;
    for (; r && r[n] && r[n] != ':' && n + 1 < sizeof buf; n++)
        buf[n] = r[n];
    buf[n] = 0;
    return syn_hash_str(buf);
}

void evg_men_kids_build(const evg_doc_token *t, size_t n, size_t *first,
                        size_t *next)
{
    for (size_t i = 0; i < n; i++)
        first[i] = next[i] = SIZE_MAX;
    for (size_t j = n; j-- > 0;) { /* pushed in front: in word order */
        size_t h = t[j].head;
        if (h == 0 || h > n || h - 1 == j)
            continue;
        next[j] = first[h - 1];
        first[h - 1] = j;
    }
}

/* Features before the dependents' end here at most; after them come at
 * most 53 (neighbours 12, class list 4, lexicon 5, WordNet 30, counts 2). */
#define KIDS_ROOM 72

size_t evg_men_features(const evg_doc_token *t, size_t n, size_t i,
                        const uint32_t *prior, const uint32_t *sense,
                        const evg_men_kids *kids_of, uint64_t *f)
{
    size_t k = 0;
    const evg_doc_token *w = &t[i];
    char low[64];
    size_t len = lower_copy(w->form, low, sizeof low);
    uint64_t lem = evg_men_lemma_key(w->lemma), form = syn_hash_str(low);
    uint64_t upos = hs(w->upos), xpos = hs(w->xpos), rel = hs(w->deprel);
    f[k++] = feat(1, 0);
    f[k++] = feat(2, form);
    f[k++] = feat(3, lem);
    for (size_t s = 2; s <= 4; s++)
        if (len > s)
            f[k++] = feat(3 + s, syn_hash_str(low + len - s));
    f[k++] = feat(8, upos);
    f[k++] = feat(9, xpos);
    f[k++] = feat(10, rel);
    f[k++] = feat2(11, upos, rel);
    f[k++] = feat2(12, lem, upos);
    f[k++] = feat2(13, lem, rel);
    int cap = w->form && (unsigned)(unsigned char)w->form[0] - 'A' < 26u;
    f[k++] = feat2(14, (uint64_t)cap, upos);

    /* the head */
    const evg_doc_token *h = w->head && w->head <= n ? &t[w->head - 1] : NULL;
    uint64_t hlem = h ? evg_men_lemma_key(h->lemma) : 0x524f4f54ull;
    uint64_t hpos = h ? hs(h->upos) : 0x524f4f54ull;
    f[k++] = feat(15, hlem);
    f[k++] = feat(16, hpos);
    f[k++] = feat2(17, rel, hpos);
    f[k++] = feat2(18, rel, hlem);
    f[k++] = feat2(19, upos, h ? hs(h->deprel) : 0);
    f[k++] = feat2(20, lem, hlem);

    /* the dependents: which relations, and the words of the function ones */
    uint32_t kids = 0;
    size_t nkids = 0;
    for (size_t j = kids_of->first[i]; j < n; j = kids_of->next[j]) {
        nkids++;
        kids |= rel_bit(t[j].deprel);
        if (k + 5 > KIDS_ROOM)
            continue; /* a word with a dozen dependents: room for the rest */
        uint64_t kr = base_rel(t[j].deprel);
        f[k++] = feat2(21, kr, upos);
        f[k++] = feat2(25, kr, lem);
        if (rel_bit(t[j].deprel) & (K_XCOMP | K_CCOMP)) {
            f[k++] = feat2(26, hs(t[j].xpos), lem);
            /* the complement's marker: "agreed to", "agreed that" */
            uint64_t mk = 0x4e4f4e45ull;
            for (size_t q = kids_of->first[j]; q < n; q = kids_of->next[q])
                if (t[q].deprel && !strcmp(t[q].deprel, "mark")) {
                    mk = evg_men_lemma_key(t[q].lemma);
                    break;
                }
            f[k++] = feat2(27, mk, lem);
            f[k++] = feat2(28, mk, syn_mix(kr, upos));
        }
        if (rel_bit(t[j].deprel) &
            (K_AUX | K_AUXPASS | K_CASE | K_DET | K_MARK | K_COP))
            f[k++] = feat2(22, hs(t[j].deprel), evg_men_lemma_key(t[j].lemma));
    }
    f[k++] = feat2(23, kids, upos);
    f[k++] = feat2(24, nkids > 3 ? 3 : nkids, upos);

    /* the neighbours */
    for (int d = -2; d <= 2; d++) {
        if (!d)
            continue;
        long j = (long)i + d;
        int in = j >= 0 && (size_t)j < n;
        uint64_t tmpl = 30 + (uint64_t)(d + 2) * 4;
        f[k++] = feat(tmpl, in ? evg_men_lemma_key(t[j].lemma) : 0x45444745ull);
        f[k++] = feat(tmpl + 1, in ? hs(t[j].upos) : 0x45444745ull);
        if (d == -1 || d == 1)
            f[k++] = feat2(tmpl + 2, in ? hs(t[j].xpos) : 0x45444745ull, upos);
    }
    if (i > 0)
        f[k++] = feat2(50, hs(t[i - 1].xpos), lem);
    if (i + 1 < n)
        f[k++] = feat2(51, evg_men_lemma_key(t[i + 1].lemma), lem);

    /* the class list: its classes for the word, alone, with the part of
     * speech, with the kind of complement it has, and with the lexicon */
    uint32_t listed = prior ? prior[i] >> EVG_MEN_LISTED_SHIFT : 0;
    uint32_t p = prior ? prior[i] & ((1u << EVG_MEN_LISTED_SHIFT) - 1) : 0;
    if (listed) {
        f[k++] = feat(90, listed);
        f[k++] = feat2(91, listed, upos);
        f[k++] = feat2(92, listed, kids & (K_XCOMP | K_CCOMP | K_OBJ));
        f[k++] = feat2(93, listed, p % EVG_MEN_MAX_CLASSES);
    }
    /* the lexicon: how often this lemma was an event in training */
    f[k++] = feat(60, p / EVG_MEN_MAX_CLASSES);
    f[k++] = feat(61, p);
    f[k++] = feat2(62, p / EVG_MEN_MAX_CLASSES, upos);
    f[k++] = feat2(63, p, xpos);
    f[k++] = feat2(64, p / EVG_MEN_MAX_CLASSES, rel);

    /* WordNet: the supersense of the first sense, and of any sense */
    uint32_t ss = sense ? sense[i] : 0;
    f[k++] = feat2(70, ss >> 26, upos);
    f[k++] = feat2(71, ss >> 26, rel);
    for (uint32_t b = 0; b < 26; b++)
        if (ss & (1u << b))
            f[k++] = feat2(72, b, upos);
    f[k++] = feat2(74, (ss & EVG_MEN_DEVERBAL) != 0, upos);
    if (h && sense)
        f[k++] = feat2(73, sense[w->head - 1] >> 26, rel);
    return k;
}

/* The lexicon's class of token j (its most frequent class in training,
 * 0 when never an event there) and its listed classes. */
static uint32_t lex_class(const uint32_t *prior, size_t j)
{
    uint32_t p = prior ? prior[j] & ((1u << EVG_MEN_LISTED_SHIFT) - 1) : 0;
    return p ? (p - 1) % EVG_MEN_MAX_CLASSES : 0;
}

static uint32_t listed_of(const uint32_t *prior, size_t j)
{
    return prior ? prior[j] >> EVG_MEN_LISTED_SHIFT : 0;
}

/* The kind of a noun phrase or pronoun: its UPOS, and for a noun its
 * WordNet supersense (noun.person, noun.group, noun.act ...). */
static uint64_t np_kind(const evg_doc_token *t, const uint32_t *sense,
                        size_t j)
{
    uint64_t k = hs(t[j].upos);
    if (sense && t[j].upos && !strcmp(t[j].upos, "NOUN"))
        k = syn_mix(k, sense[j] >> 26);
    return k;
}

size_t evg_men_class_features(const evg_doc_token *t, size_t n, size_t i,
                              const uint32_t *prior, const uint32_t *sense,
                              const evg_men_kids *kids_of, uint64_t *f)
{
    size_t k = 0;
    const evg_doc_token *w = &t[i];
    uint64_t lem = evg_men_lemma_key(w->lemma), upos = hs(w->upos);
    uint64_t rel = hs(w->deprel);
    uint32_t cls = lex_class(prior, i), listed = listed_of(prior, i);
    f[k++] = feat2(100, cls, upos);
    f[k++] = feat2(101, listed, cls);

    /* the dependents: complement kinds, the complements themselves, the
     * subject, a copula and the auxiliaries */
    uint32_t comp = 0;
    uint64_t aux = 0;
    for (size_t j = kids_of->first[i]; j < n; j = kids_of->next[j]) {
        uint32_t b = rel_bit(t[j].deprel);
        comp |= b & (K_XCOMP | K_CCOMP | K_OBJ | K_IOBJ | K_NSUBJ |
                     K_NSUBJPASS | K_COP);
        if (b & (K_AUX | K_AUXPASS))
            aux = syn_mix(aux, evg_men_lemma_key(t[j].lemma));
        /* up to 4 here, and room for the 8 after the loop */
        if (k + 4 + 8 > EVG_MEN_CFEATS)
            continue;
        if (b & (K_XCOMP | K_CCOMP)) {
            /* the complement: its marker, whether it has a subject of its
             * own ("expected *him* to win", "expected to win"), its UPOS
             * and whether it is an event class in the lexicon */
            uint64_t mk = 0x4e4f4e45ull;
            int subj = 0;
            for (size_t q = kids_of->first[j]; q < n; q = kids_of->next[q]) {
                uint32_t bq = rel_bit(t[q].deprel);
                if ((bq & K_MARK) && mk == 0x4e4f4e45ull)
                    mk = evg_men_lemma_key(t[q].lemma);
                subj |= (bq & (K_NSUBJ | K_NSUBJPASS)) != 0;
            }
            uint64_t shape = syn_mix(syn_mix(b, mk), syn_mix(subj,
                                                             hs(t[j].upos)));
            f[k++] = feat2(102, shape, cls);
            f[k++] = feat2(103, shape, lem);
            f[k++] = feat2(104, lex_class(prior, j), syn_mix(b, upos));
            f[k++] = feat2(105, lex_class(prior, j), lem);
        } else if (b & (K_NSUBJ | K_NSUBJPASS)) {
            f[k++] = feat2(106, np_kind(t, sense, j), syn_mix(b, cls));
            f[k++] = feat2(107, np_kind(t, sense, j), syn_mix(b, upos));
        } else if (b & K_OBJ) {
            f[k++] = feat2(108, np_kind(t, sense, j), cls);
        } else if (t[j].deprel && (!strcmp(t[j].deprel, "acl") ||
                                   !strcmp(t[j].deprel, "nmod"))) {
            /* a noun's clause or phrase: "the decision *to sell*", "fears
             * *of* a war" */
            uint64_t mk = 0x4e4f4e45ull;
            for (size_t q = kids_of->first[j]; q < n; q = kids_of->next[q])
                if (rel_bit(t[q].deprel) & (K_MARK | K_CASE)) {
                    mk = evg_men_lemma_key(t[q].lemma);
                    break;
                }
            f[k++] = feat2(109, syn_mix(hs(t[j].deprel), mk),
                           syn_mix(cls, upos));
            f[k++] = feat2(110, syn_mix(hs(t[j].deprel), mk), lem);
        }
    }
    f[k++] = feat2(111, comp, lem);
    f[k++] = feat2(112, comp, syn_mix(cls, upos));
    f[k++] = feat2(113, comp, syn_mix(listed, upos));
    f[k++] = feat2(114, aux, syn_mix(cls, hs(w->xpos)));

    /* the head: its lexicon class and listed classes, with the relation
     * ("agreed to *sell*": the complement of an I_ACTION) */
    if (w->head && w->head <= n) {
        size_t h = w->head - 1;
        uint32_t hc = lex_class(prior, h), hl = listed_of(prior, h);
        f[k++] = feat2(115, syn_mix(rel, hc), cls);
        f[k++] = feat2(116, syn_mix(rel, hl), cls);
        f[k++] = feat2(117, syn_mix(rel, evg_men_lemma_key(t[h].lemma)),
                       upos);
        f[k++] = feat2(118, syn_mix(rel, hc), lem);
    } else {
        f[k++] = feat2(119, cls, upos);
    }
    return k;
}

/* Whether a token can be an event at all: a word, with a letter or a
 * digit (or a byte of a non-ASCII character), not a punctuation mark. A
 * quotation mark the tagger takes for a verb ("said he sought to ``turn")
 * is none. */
int evg_men_is_word(const evg_doc_token *t)
{
    if (t->upos && !strcmp(t->upos, "PUNCT"))
        return 0;
    for (const unsigned char *c = (const unsigned char *)t->form; c && *c;
         c++)
        if (*c >= 0x80 || (unsigned)(*c | 0x20) - 'a' < 26u ||
            (unsigned)*c - '0' < 10u)
            return 1;
    return 0;
}

/* Scores a sentence: evc[i] the best class but NONE for token i, evm[i]
 * its score over NONE's and gap[i] over the next class but NONE's (both
 * in weight units; gap is +inf with a single event class). */
static int score_sentence(const evg_men_model *m, const evg_doc_token *t,
                          size_t n, float need, uint8_t *evc, float *evm,
                          float *gap)
{
    uint32_t *prior = malloc((n ? n : 1) * 2 * sizeof *prior);
    size_t *first = malloc((n ? n : 1) * 2 * sizeof *first);
    if (!prior || !first) {
        free(prior);
        free(first);
        return EVG_ENOMEM;
    }
    uint32_t *sense = prior + n;
    evg_men_kids kids = {first, first + n};
    evg_men_kids_build(t, n, first, first + n);
    for (size_t i = 0; i < n; i++) {
        prior[i] = evg_men_prior(m, t[i].lemma) |
                   evg_men_listed(m, &t[i]) << EVG_MEN_LISTED_SHIFT;
        sense[i] = evg_men_sense(m, &t[i]);
    }
    uint64_t f[EVG_MEN_FEATS], cf[EVG_MEN_CFEATS];
    int32_t score[EVG_MEN_MAX_CLASSES];
    for (size_t i = 0; i < n; i++) {
        size_t nf = evg_men_features(t, n, i, prior, sense, &kids, f);
        memset(score, 0, sizeof score);
        syn_ptab_score(&m->tab, f, nf, score);
        size_t best = 1, second = SIZE_MAX;
        for (size_t c = 2; c < m->nclass; c++)
            if (score[c] > score[best])
                best = c;
        for (size_t c = 1; c < m->nclass; c++)
            if (c != best && (second == SIZE_MAX || score[c] > score[second]))
                second = c;
        evc[i] = (uint8_t)best;
        evm[i] = (float)(score[best] - score[0]) * m->tab.scale;
        if (!evg_men_is_word(&t[i]))
            evm[i] = -1e6f; /* far below any bias: never an event */
        gap[i] = second == SIZE_MAX
                     ? INFINITY
                     : (float)(score[best] - score[second]) * m->tab.scale;
        if (!m->ctab.nclass || !(evm[i] + need > 0))
            continue;
        /* an event: its class is the class stage's */
        size_t nc = evg_men_class_features(t, n, i, prior, sense, &kids, cf);
        int32_t cs[EVG_MEN_MAX_CLASSES];
        memset(cs, 0, sizeof cs);
        syn_ptab_score(&m->ctab, f, nf, cs);
        syn_ptab_score(&m->ctab, cf, nc, cs);
        /* the class stage's scores added to the detector's, in weight
         * units: the stage corrects the detector's view rather than
         * replacing it (class F1 +0.001 in the cross-validation) */
        float sum[EVG_MEN_MAX_CLASSES];
        for (size_t c = 1; c < m->nclass; c++)
            sum[c] = (float)score[c] * m->tab.scale +
                     (float)cs[c] * m->ctab.scale;
        best = 1;
        second = SIZE_MAX;
        for (size_t c = 2; c < m->nclass; c++)
            if (sum[c] > sum[best])
                best = c;
        for (size_t c = 1; c < m->nclass; c++)
            if (c != best && (second == SIZE_MAX || sum[c] > sum[second]))
                second = c;
        evc[i] = (uint8_t)best;
        gap[i] = second == SIZE_MAX ? INFINITY : sum[best] - sum[second];
    }
    free(prior);
    free(first);
    return 0;
}

static int scores_doc(const evg_men_model *m, const evg_doc *doc, float need,
                      uint8_t *evc, float *evm, float *gap)
{
    size_t n = doc->n_tokens;
    int rc = 0;
    for (size_t i = 0; !rc && i < n;) {
        size_t j = i;
        while (j < n && doc->tokens[j].sentence == doc->tokens[i].sentence)
            j++;
        rc = score_sentence(m, doc->tokens + i, j - i, need, evc + i,
                            evm + i, gap + i);
        i = j;
    }
    return rc;
}

int evg_men_scores_doc(const evg_men_model *m, const evg_doc *doc,
                       uint8_t *evc, float *evm, float *gap)
{
    return scores_doc(m, doc, INFINITY, evc, evm, gap);
}

void evg_men_decide(float bias, const uint8_t *evc, const float *evm,
                    const float *gap, size_t n, uint8_t *cls, float *margin)
{
    for (size_t i = 0; i < n; i++) {
        float over = evm[i] + bias;
        if (over > 0) {
            cls[i] = evc[i];
            margin[i] = over < gap[i] ? over : gap[i];
        } else {
            cls[i] = 0;
            margin[i] = -over;
        }
    }
}

/* The scores of a sentence or document, and the decision with the model's
 * bias, in place: cls and margin hold evc and evm meanwhile. */
static int label_with(const evg_men_model *m, const evg_doc *doc,
                      const evg_doc_token *t, size_t n, uint8_t *cls,
                      float *margin)
{
    float *gap = malloc((n ? n : 1) * sizeof *gap);
    if (!gap)
        return EVG_ENOMEM;
    /* the class stage runs on the words the bias makes events only */
    int rc = doc ? scores_doc(m, doc, m->bias, cls, margin, gap)
                 : score_sentence(m, t, n, m->bias, cls, margin, gap);
    if (!rc)
        evg_men_decide(m->bias, cls, margin, gap, n, cls, margin);
    free(gap);
    return rc;
}

int evg_men_label_doc(const evg_men_model *m, const evg_doc *doc,
                      uint8_t *cls, float *margin)
{
    return label_with(m, doc, NULL, doc->n_tokens, cls, margin);
}

int evg_men_label(const evg_men_model *m, const evg_doc_token *t, size_t n,
                  uint8_t *cls, float *margin)
{
    return label_with(m, NULL, t, n, cls, margin);
}

double evg_men_confidence(const evg_men_model *m, float margin)
{
    double c = m->calib > 0 ? (double)m->calib : 1.0;
    double p = 1.0 / (1.0 + exp(-(double)margin / c));
    return p > 0.999 ? 0.999 : p; /* never certain */
}

float evg_men_calibrate(const float *margin, const unsigned char *right,
                        size_t n)
{
    if (!n)
        return 1.0f;
    double best = 1.0, best_loss = INFINITY;
    for (double c = 0.05; c <= 200.0; c *= 1.05) {
        double loss = 0;
        for (size_t i = 0; i < n; i++) {
            double p = 1.0 / (1.0 + exp(-(double)margin[i] / c));
            if (p > 1 - 1e-9)
                p = 1 - 1e-9;
            loss -= right[i] ? log(p) : log(1 - p);
        }
        if (loss < best_loss) {
            best_loss = loss;
            best = c;
        }
    }
    return (float)best;
}

/* ---- the model file ---- */

int evg_men_model_save(const evg_men_model *m, const char *path,
                       evg_error *err)
{
    evg_buf p, s;
    evg_buf_init(&p, 0);
    evg_buf_init(&s, 0);
    syn_section_put(&p, SYN_SEC('I', 'N', 'F', 'O'), m->info,
                    m->info ? strlen(m->info) : 0);
    for (size_t c = 0; c < m->nclass; c++) {
        evg_buf_puts(&s, m->names[c]);
        evg_buf_putc(&s, '\n');
    }
    if (s.failed)
        p.failed = s.failed;
    syn_section_put(&p, SYN_SEC('C', 'L', 'A', 'S'), s.data, s.len);
    syn_table_put_final(&p, SYN_SEC('P', 'M', 'E', 'N'), &m->tab);
    syn_table_put_final(&p, SYN_SEC('P', 'C', 'L', 'S'), &m->ctab);
    s.len = 0;
    syn_map_put(&s, &m->lex);
    if (s.failed)
        p.failed = s.failed;
    syn_section_put(&p, SYN_SEC('L', 'E', 'X', 'E'), s.data, s.len);
    s.len = 0;
    syn_map_put(&s, &m->senses);
    if (s.failed)
        p.failed = s.failed;
    syn_section_put(&p, SYN_SEC('W', 'N', 'S', 'S'), s.data, s.len);
    s.len = 0;
    syn_map_put(&s, &m->classes);
    if (s.failed)
        p.failed = s.failed;
    syn_section_put(&p, SYN_SEC('T', 'M', 'L', 'C'), s.data, s.len);
    syn_section_put(&p, SYN_SEC('C', 'A', 'L', 'I'), &m->calib, 4);
    syn_section_put(&p, SYN_SEC('B', 'I', 'A', 'S'), &m->bias, 4);
    evg_buf_dispose(&s);
    int rc = syn_file_save(path, MAGIC, FORMAT_VERSION, &p, err);
    evg_buf_dispose(&p);
    return rc;
}

/* The class names: one a line, NONE first, each a capital word. */
static int get_classes(syn_reader r, evg_men_model *m)
{
    if (!r.n || r.p[r.n - 1] != '\n')
        return 0;
    size_t i = 0;
    while (i < r.n) {
        const unsigned char *e = memchr(r.p + i, '\n', r.n - i);
        size_t len = (size_t)(e - (r.p + i));
        if (!len || len > 32 || m->nclass == EVG_MEN_MAX_CLASSES)
            return 0;
        for (size_t j = 0; j < len; j++)
            if (!((r.p[i + j] >= 'A' && r.p[i + j] <= 'Z') || r.p[i + j] == '_'))
                return 0;
        char *name = malloc(len + 1);
        if (!name)
            return 0;
        memcpy(name, r.p + i, len);
        name[len] = 0;
        m->names[m->nclass++] = name;
        i += len + 1;
    }
    return m->nclass >= 2 && !strcmp(m->names[0], "NONE");
}

int evg_men_model_load(const char *path, evg_men_model **out, evg_error *err)
{
    *out = NULL;
    evg_men_model *m = calloc(1, sizeof *m);
    if (!m)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc = syn_file_load(path, MAGIC, versions_read, "event-mention model",
                           &m->file, err);
    if (rc < 0) {
        free(m);
        return rc;
    }
    const unsigned char *pay = m->file.pay;
    size_t n = m->file.n;
    syn_reader r;
    m->info = syn_section_text(pay, n, SYN_SEC('I', 'N', 'F', 'O'));
    int ok = m->info != NULL;
    ok = ok && syn_section_find(pay, n, SYN_SEC('C', 'L', 'A', 'S'), &r) &&
         get_classes(r, m);
    ok = ok && syn_section_find(pay, n, SYN_SEC('P', 'M', 'E', 'N'), &r) &&
         syn_table_read(&m->file, r, &m->tab, m->nclass);
    ok = ok && syn_section_find(pay, n, SYN_SEC('P', 'C', 'L', 'S'), &r) &&
         syn_table_read(&m->file, r, &m->ctab, m->nclass);
    ok = ok && syn_section_find(pay, n, SYN_SEC('L', 'E', 'X', 'E'), &r) &&
         syn_map_get(r, &m->lex, PRIOR_LIMIT);
    ok = ok && syn_section_find(pay, n, SYN_SEC('W', 'N', 'S', 'S'), &r) &&
         syn_map_get(r, &m->senses, UINT32_MAX);
    ok = ok && syn_section_find(pay, n, SYN_SEC('T', 'M', 'L', 'C'), &r) &&
         syn_map_get(r, &m->classes, LISTED_LIMIT);
    ok = ok && syn_section_find(pay, n, SYN_SEC('C', 'A', 'L', 'I'), &r) &&
         r.n == 4;
    if (ok) {
        memcpy(&m->calib, r.p, 4);
        ok = m->calib > 0 && m->calib < 1e6f;
    }
    ok = ok && syn_section_find(pay, n, SYN_SEC('B', 'I', 'A', 'S'), &r) &&
         r.n == 4;
    if (ok) {
        memcpy(&m->bias, r.p, 4);
        ok = m->bias > -1e6f && m->bias < 1e6f; /* NaN fails too */
    }
    if (!ok) {
        evg_men_model_free(m);
        return evg_error_set(err, EVG_EPARSE,
                             "%s: model file is damaged (a section is "
                             "missing or inconsistent)", path);
    }
    *out = m;
    return 0;
}

void evg_men_model_free(evg_men_model *m)
{
    if (!m)
        return;
    syn_ptab_dispose(&m->tab); /* its own memory only, not the file's */
    syn_ptab_dispose(&m->ctab);
    for (size_t c = 0; c < m->nclass; c++)
        free(m->names[c]);
    free(m->info);
    free(m->owned);
    free(m->owned_senses);
    free(m->owned_classes);
    syn_file_release(&m->file);
    free(m);
}
