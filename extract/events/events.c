/* The event coder, last stage of extraction: finds trigger patterns in each
 * sentence, takes their source and target actors from the entities found
 * before (subject/object, passive by-phrases, prepositions, coordination),
 * decides modality, attribution and time, then merges mentions of the same
 * event and links events by cause and date (events_rel.c). This file
 * matches the trigger patterns, decides modality and builds the candidate
 * events of each sentence; events.h lists the other parts. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc_events.h"
#include "doc_layer.h"
#include "events.h"
#include "frames.h"

/* ---- trigger matching ---- */

#define LEMMAS_UNSET 0xff

/* The candidate lemmas of token i, copied into `out`; each token is
 * lemmatized once per sentence, however many patterns try it (kept in
 * the sentence's lemma pool; without room there it is lemmatized again
 * next time). */
static size_t token_lemmas(const sent_ctx *cs, size_t i,
                           char (*out)[EVG_LEMMA_MAX + 1])
{
    sent_ctx *s = (sent_ctx *)(uintptr_t)cs; /* the cache is not const */
    const evg_token *t = &s->tok.v[i];
    if (s->n_lem[i] != LEMMAS_UNSET) {
        const char *p = s->lem_pool + s->lem[i];
        for (size_t k = 0; k < s->n_lem[i]; k++) {
            size_t n = strlen(p);
            memcpy(out[k], p, n + 1);
            p += n + 1;
        }
        return s->n_lem[i];
    }
    size_t nl = evg_events__lemmas(s->text + t->start, t->end - t->start,
                                   out);
    size_t bytes = 0;
    for (size_t k = 0; k < nl; k++)
        bytes += strlen(out[k]) + 1;
    if (s->n_pool + bytes < UINT32_MAX &&
        evg_reserve_raw(&s->lem_pool, &s->cap_pool, s->n_pool + bytes, 1,
                        1024) == 0) {
        s->lem[i] = (uint32_t)s->n_pool;
        for (size_t k = 0; k < nl; k++) {
            size_t n = strlen(out[k]) + 1;
            memcpy(s->lem_pool + s->n_pool, out[k], n);
            s->n_pool += n;
        }
        s->n_lem[i] = (unsigned char)nl;
    }
    return nl;
}

static int tok_matches(const sent_ctx *s, size_t i, const char *w)
{
    const evg_token *t = &s->tok.v[i];
    if (!(t->flags & EVG_TOK_WORD))
        return 0;
    if (evg_extract__tok_is(s->text, t, w))
        return 1;
    char lem[EVG_LEMMAS_MAX][EVG_LEMMA_MAX + 1];
    size_t n = token_lemmas(s, i, lem);
    for (size_t k = 0; k < n; k++)
        if (strcmp(lem[k], w) == 0)
            return 1;
    return 0;
}

/* Matches pattern words [w, n_words) from token i; returns the last token
 * matched + 1 in *end. Gaps skip up to GAP_MAX tokens within the clause. */
static int match_rest(const sent_ctx *s, const evg_trig_pat *p, size_t w,
                      size_t i, size_t *end)
{
    if (w == p->n_words) {
        *end = i;
        return 1;
    }
    const char *pw = p->words[w]; /* "_" and "~" tested without strcmp */
    if (pw[0] == '_' && !pw[1]) {
        for (size_t g = 0; g <= GAP_MAX && i + g < s->tok.n; g++) {
            if (g > 0) {
                size_t k = i + g - 1;
                if (ev_tok_punct(s, k, ',') || ev_tok_punct(s, k, '.') ||
                    (ev_is_boundary(s, k) && !evg_events__is(s, k, "as")))
                    break;
            }
            if (match_rest(s, p, w + 1, i + g, end))
                return 1;
        }
        return 0;
    }
    if (pw[0] == '~' && !pw[1]) {
        /* a noun-phrase gap: up to NP_GAP_MAX words, none a preposition
         * but "of", a comma or a clause boundary ("held talks with
         * officials" is no "hold ~ officials") */
        for (size_t g = 0; g <= NP_GAP_MAX && i + g < s->tok.n; g++) {
            if (g > 0) {
                size_t k = i + g - 1;
                if (ev_tok_punct(s, k, ',') || ev_tok_punct(s, k, '.') ||
                    ev_is_boundary(s, k) ||
                    (ev_word_in(s->text, &s->tok.v[k],
                                evg_events__prepositions) &&
                     !evg_events__is(s, k, "of")))
                    break;
            }
            if (match_rest(s, p, w + 1, i + g, end))
                return 1;
        }
        return 0;
    }
    if (p->classes[w]) {
        /* a word class: any of its phrases, word by word in a row */
        const evg_trig_class *c = p->classes[w];
        for (size_t k = 0; k < c->n_phrases; k++) {
            const evg_trig_phrase *ph = &c->phrases[k];
            size_t j = 0;
            while (j < ph->n_words && i + j < s->tok.n &&
                   tok_matches(s, i + j, ph->words[j]))
                j++;
            if (j == ph->n_words && match_rest(s, p, w + 1, i + j, end))
                return 1;
        }
        return 0;
    }
    if (i >= s->tok.n || !tok_matches(s, i, p->words[w]))
        return 0;
    return match_rest(s, p, w + 1, i + 1, end);
}

/* ---- matching over the dependency frame ---- */

#define FRAME_SEQ_MAX 48 /* words of a trigger's frame a pattern is read on */

/* The words of a trigger's frame in the order a pattern reads them: the
 * subject of a passive (which stands where the object of the active
 * would), then, after the trigger, the phrases of its objects, obliques,
 * particles and infinitive complements ("added Huawei and dozens of its
 * affiliates to a trade blacklist", "delayed, after talks, the ban"),
 * without clauses that only describe a noun or add to the event. `arg`:
 * the dependent of the trigger each word belongs to. */
typedef struct frame_seq {
    size_t tok[FRAME_SEQ_MAX], arg[FRAME_SEQ_MAX];
    size_t n;
} frame_seq;

static int rel_in(const char *rel, const char *const *set)
{
    for (; *set; set++)
        if (evg_fr_base_is(rel, *set))
            return 1;
    return 0;
}

/* Whether a dependent of the trigger with relation `rel` starts words of
 * its frame sequence in `round`: 0 the subject of a passive, 1 an
 * object, oblique, infinitive complement or compound (not a particle). */
static int seq_top(const char *rel, int passive, int round)
{
    static const char *const first[] = {"obj", "iobj", "obl", "xcomp",
                                        "compound", NULL};
    int subj = passive && strcmp(rel, "nsubj:pass") == 0;
    return round == 0 ? subj
                      : !(subj || !rel_in(rel, first) ||
                          strcmp(rel, "obl:agent") == 0 ||
                          (evg_fr_base_is(rel, "compound") &&
                           strcmp(rel, "compound:prt") != 0));
}

static void frame_seq_build(const sent_ctx *s, size_t h, frame_seq *q)
{
    static const char *const inner[] = {"acl", "advcl", "ccomp", "parataxis",
                                        "appos", "punct", "dep", "csubj",
                                        "discourse", "vocative", NULL};
    q->n = 0;
    size_t u = evg_events__ud_word(s, h);
    if (u == EVG_NONE)
        return;
    int passive = 0;
    for (uint32_t k = s->kid_at[u]; k < s->kid_at[u + 1]; k++) {
        const char *rel = s->ud[s->kids[k]].deprel;
        passive |= rel && (strcmp(rel, "nsubj:pass") == 0 ||
                           strcmp(rel, "aux:pass") == 0);
    }
    /* two rounds: the passive subject, then the phrases after the head */
    for (int round = 0; round < 2; round++) {
        /* the words below u reached through a dependent of u (`top`) and
         * then only through relations that neither open a clause that
         * adds to the event nor coordinate a verb, in word order (in a
         * tree, walked down from u's dependents; else each word's path
         * up is followed) */
        uint32_t *words = s->scratch, *top_of = s->scratch2;
        size_t nw = 0;
        if (s->tree) {
            for (uint32_t k = s->kid_at[u]; k < s->kid_at[u + 1]; k++) {
                size_t top = s->kids[k];
                const char *rel = s->ud[top].deprel;
                if (!rel || !seq_top(rel, passive, round))
                    continue;
                size_t from = nw;
                words[nw++] = (uint32_t)top;
                top_of[top] = (uint32_t)top;
                for (size_t r = from; r < nw; r++)
                    for (uint32_t c = s->kid_at[words[r]];
                         c < s->kid_at[words[r] + 1]; c++) {
                        size_t x = s->kids[c];
                        const char *xr = s->ud[x].deprel;
                        if (!xr || rel_in(xr, inner) ||
                            (evg_fr_base_is(xr, "conj") && s->ud[x].upos &&
                             strcmp(s->ud[x].upos, "VERB") == 0))
                            continue;
                        words[nw++] = (uint32_t)x;
                        top_of[x] = (uint32_t)top;
                    }
            }
            evg_events__sort_words(words, nw);
        } else {
            for (size_t j = 0; j < s->n_ud; j++)
                words[nw++] = (uint32_t)j;
        }
        for (size_t wi = 0; wi < nw && q->n < FRAME_SEQ_MAX; wi++) {
            size_t j = words[wi], top = EVG_NONE;
            if (s->tree) {
                top = top_of[j];
            } else {
                size_t x = j;
                int ok = 1;
                for (size_t depth = 0; depth < s->n_ud && ok; depth++) {
                    const char *rel = s->ud[x].deprel;
                    size_t hx = s->ud[x].head;
                    if (!hx || !rel) {
                        ok = 0;
                    } else if (hx == u + 1) {
                        top = x;
                        break;
                    } else if (rel_in(rel, inner) ||
                               (evg_fr_base_is(rel, "conj") &&
                                s->ud[x].upos &&
                                strcmp(s->ud[x].upos, "VERB") == 0)) {
                        ok = 0;
                    } else {
                        x = hx - 1;
                    }
                }
                if (!ok || top == EVG_NONE ||
                    !seq_top(s->ud[top].deprel, passive, round))
                    continue;
            }
            if (round == 1 && s->ud[j].start < s->ud[u].end)
                continue;
            if (s->ud[j].upos && strcmp(s->ud[j].upos, "PUNCT") == 0)
                continue;
            size_t t = evg_events__text_token(s, j);
            if (t == EVG_NONE || t == h ||
                (q->n && q->tok[q->n - 1] == t))
                continue;
            q->tok[q->n] = t;
            q->arg[q->n] = top;
            q->n++;
        }
    }
}

/* Matches pattern words [w, n_words) on the frame's words from q->tok[k]:
 * a "_" skips any of them, a "~" up to NP_GAP_MAX words of one phrase and
 * no preposition but "of"; words and word classes match in a row. *last: the
 * last text token matched (EVG_NONE before any). */
static int match_seq(const sent_ctx *s, const evg_trig_pat *p, size_t w,
                     const frame_seq *q, size_t k, size_t *last)
{
    if (w == p->n_words)
        return 1;
    const char *pw = p->words[w];
    if (strcmp(pw, "_") == 0) {
        for (size_t g = k; g <= q->n; g++)
            if (match_seq(s, p, w + 1, q, g, last))
                return 1;
        return 0;
    }
    if (strcmp(pw, "~") == 0) {
        for (size_t g = k; g <= q->n; g++) {
            if (g > k) {
                size_t x = g - 1;
                if (g - k > NP_GAP_MAX || q->arg[x] != q->arg[k] ||
                    (ev_word_in(s->text, &s->tok.v[q->tok[x]],
                                evg_events__prepositions) &&
                     !evg_events__is(s, q->tok[x], "of")))
                    break;
                if (g < q->n && q->arg[g] != q->arg[k])
                    break;
            }
            if (match_seq(s, p, w + 1, q, g, last))
                return 1;
        }
        return 0;
    }
    size_t took = 0;
    if (p->classes[w]) {
        const evg_trig_class *c = p->classes[w];
        for (size_t ph = 0; ph < c->n_phrases && !took; ph++) {
            const evg_trig_phrase *f = &c->phrases[ph];
            size_t j = 0;
            while (j < f->n_words && k + j < q->n &&
                   q->tok[k + j] == q->tok[k] + j &&
                   tok_matches(s, q->tok[k + j], f->words[j]))
                j++;
            if (j == f->n_words && match_seq(s, p, w + 1, q, k + j, last))
                took = j;
        }
    } else if (k < q->n && tok_matches(s, q->tok[k], pw) &&
               match_seq(s, p, w + 1, q, k + 1, last)) {
        took = 1;
    }
    if (!took)
        return 0;
    size_t t = q->tok[k + took - 1];
    if (*last == EVG_NONE || t > *last)
        *last = t;
    return 1;
}

/* Whether token h reads as a noun here (after a determiner or possessive,
 * or a bare form not preceded by anything verbal). */
static int noun_reading(const sent_ctx *s, size_t h, int infl)
{
    if (h == 0)
        return 0;
    const evg_token *prev = &s->tok.v[h - 1];
    if (ev_word_in(s->text, prev, evg_events__determiners))
        return 1;
    if (infl == 'd' || infl == 'g')
        return 0;
    if (s->ent[h - 1] != EVG_NONE) {
        /* "US sanctions" vs "Iran rejects": a bare -s form after an actor
         * is a verb only when nothing but the actor precedes it */
        return 0;
    }
    if (ev_word_in(s->text, prev, evg_events__pronouns) ||
        ev_word_in(s->text, prev, evg_events__aux))
        return 0;
    size_t pl = prev->end - prev->start;
    if (pl > 3 && s->text[prev->end - 2] == 'l' &&
        s->text[prev->end - 1] == 'y')
        return 0; /* adverb: "repeatedly calls" */
    if (ev_tok_punct(s, h - 1, ',') || evg_events__is(s, h - 1, "and") ||
        evg_events__is(s, h - 1, "or"))
        return infl != 's';
    return 1;
}

/* Whether the parse tags the word at text token h as an adverb, a
 * particle, a preposition, a conjunction, a determiner or a pronoun. */
static int closed_class(const sent_ctx *s, size_t h)
{
    static const char *const tags[] = {"ADV", "ADP", "PART", "SCONJ",
                                       "CCONJ", "DET", "PRON"};
    size_t w = evg_events__ud_word(s, h);
    if (w == EVG_NONE || !s->ud[w].upos ||
        evg_events__text_token(s, w) != h)
        return 0;
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (strcmp(s->ud[w].upos, tags[i]) == 0)
            return 1;
    return 0;
}

/* Finds the best pattern with its head at token h; fills *end (exclusive).
 * A pattern whose words do not follow the head in the text may still
 * match over the head's dependency frame (match_seq): *framed is then the
 * last token it matched, else EVG_NONE. */
static const evg_trig_pat *match_at(const sent_ctx *s,
                                    const evg_triggers *trig, size_t h,
                                    size_t *end, int *noun, size_t *framed)
{
    frame_seq fq;
    int seq_built = 0;
    size_t best_framed = EVG_NONE;
    const evg_token *t = &s->tok.v[h];
    /* a word of a time expression is never a trigger ("March 19", "the
     * Fall of 2008", "Independence Day") */
    if (!(t->flags & EVG_TOK_WORD) || s->ent[h] != EVG_NONE || s->in_tx[h])
        return NULL;
    /* with the parse, a word tagged as a function word or an adverb
     * heads no pattern: "send them back" is no backing */
    if (s->n_ud && closed_class(s, h))
        return NULL;
    char lem[EVG_LEMMAS_MAX][EVG_LEMMA_MAX + 1];
    size_t nl = token_lemmas(s, h, lem);
    const evg_trig_pat *best = NULL;
    size_t best_end = 0;
    /* most words head no pattern: read the inflection and the noun
     * reading only for those that do */
    int infl = 0, nr = 0, read = 0;
    for (size_t k = 0; k < nl; k++) {
        const evg_trig_pat *const *pats;
        size_t np = evg_events__patterns(trig, lem[k], strlen(lem[k]), &pats);
        if (np && !read) {
            infl = evg_events__inflection(s->text + t->start,
                                          t->end - t->start);
            nr = noun_reading(s, h, infl);
            read = 1;
        }
        /* the briefs first: most patterns of a common head are passed
         * over without reading the pattern itself */
        const evg_trig_brief *br = np ? evg_events__briefs(trig, pats) : NULL;
        for (size_t q = 0; q < np; q++) {
            int is_noun = br[q].kind == EVG_TK_NOUN;
            if (br[q].kind == EVG_TK_NONE)
                is_noun = nr; /* blocks either reading */
            if (is_noun != nr)
                continue;
            /* a noun head keeps its own spelling or a plural */
            if (is_noun && infl == 'd')
                continue;
            /* PETRARCH-2 matches its patterns on the parse (the nouns
             * are heads of the verb's own phrases), never across a
             * clause: with a parse, only over the head's frame, which a
             * pattern of one word never needs */
            int tree_only = br[q].petrarch && s->n_ud;
            if (tree_only && br[q].one_word)
                continue;
            const evg_trig_pat *p = pats[q];
            size_t e, last = EVG_NONE;
            if (tree_only || !match_rest(s, p, 1, h + 1, &e)) {
                if (p->n_words < 2 || !s->n_ud)
                    continue;
                if (!seq_built) {
                    frame_seq_build(s, h, &fq);
                    seq_built = 1;
                }
                if (!fq.n || !match_seq(s, p, 1, &fq, 0, &last))
                    continue;
                e = last != EVG_NONE && last > h ? last + 1 : h + 1;
            }
            if (!best || p->n_words > best->n_words ||
                (p->n_words == best->n_words && e > best_end)) {
                best = p;
                best_end = e;
                best_framed = last;
            }
            break; /* longest first: the first match of a head wins */
        }
    }
    if (best) {
        *end = best_end;
        *noun = nr;
        *framed = best_framed;
    }
    return best;
}

/* ---- modality ---- */


evg_modality evg_events__modality(const sent_ctx *s, size_t h, int *would)
{
    int planned = 0, hypo = 0, neg = 0;
    *would = 0;
    size_t lim = h > MOD_WINDOW ? h - MOD_WINDOW : 0;
    for (size_t j = h; j-- > lim;) {
        const evg_token *t = &s->tok.v[j];
        if (s->ent[j] != EVG_NONE || ev_tok_punct(s, j, ','))
            break;
        if (ev_is_boundary(s, j)) {
            if (evg_events__is(s, j, "if") || evg_events__is(s, j, "unless"))
                hypo = 1;
            break;
        }
        size_t n = t->end - t->start;
        if (ev_word_in(s->text, t, evg_events__negations) ||
            (n > 3 && (memcmp(s->text + t->end - 3, "n't", 3) == 0 ||
                       (n > 5 && memcmp(s->text + t->end - 5,
                                        "n\xe2\x80\x99t", 5) == 0))))
            neg = 1;
        else if (ev_word_in(s->text, t, evg_events__hypothetical))
            hypo = 1;
        else if (ev_word_in(s->text, t, evg_events__planned)) {
            planned = 1;
            *would |= evg_extract__tok_is(s->text, t, "would");
        }
        else if (s->trig_at[j] && !evg_events__is(s, j + 1, "to"))
            break;
    }
    /* "refused to", "failed to" name a rejection, coded by its trigger */
    if (h >= 2 && evg_events__is(s, h - 1, "to") &&
        (evg_events__is(s, h - 2, "failed") ||
         evg_events__is(s, h - 2, "fails")))
        neg = 1;
    /* a clause opened by "if" or "whether" anywhere before (with no
     * comma or semicolon between) */
    if (s->cond_open[h])
        hypo = 1;
    if (s->question)
        hypo = 1;
    if (neg)
        return EVG_MOD_NEGATED;
    if (hypo)
        return EVG_MOD_HYPOTHETICAL;
    if (planned)
        return EVG_MOD_PLANNED;
    return EVG_MOD_ASSERTED;
}

static int is_passive(const sent_ctx *s, size_t h)
{
    /* "were engaged in", "is committed to", "is opposed to": adjectives */
    const evg_token *t = &s->tok.v[h];
    if (evg_events__inflection(s->text + t->start, t->end - t->start) != 'd')
        return 0;
    if (ev_word_in(s->text, t, evg_events__passive_adj) &&
        !evg_events__is(s, h + 1, "by"))
        return 0;
    /* "a bill signed by the minister": a participle right after a noun,
     * with its agent */
    if (h > 0 && evg_events__is(s, h + 1, "by") &&
        (s->tok.v[h - 1].flags & EVG_TOK_WORD) &&
        !(s->tok.v[h - 1].flags & EVG_TOK_CAP) &&
        !ev_word_in(s->text, &s->tok.v[h - 1], evg_events__aux) &&
        !ev_word_in(s->text, &s->tok.v[h - 1], evg_events__be))
        return 2;
    /* "Boeing allowed to bid", "troops ordered to withdraw": a verb that
     * takes an object before its infinitive, with none, is a passive
     * without its auxiliary (a headline, a reduced relative) */
    if (h > 0 && evg_events__is(s, h + 1, "to")) {
        for (const char *const *v = evg_events__reduced_passive_verbs;
             v && *v; v++)
            if (tok_matches(s, h, *v))
                return 1;
    }
    for (size_t k = 1; k <= 3 && k <= h; k++) {
        size_t j = h - k;
        if (ev_word_in(s->text, &s->tok.v[j], evg_events__be))
            return 1;
        size_t n = s->tok.v[j].end - s->tok.v[j].start;
        int adverb = n > 3 && s->text[s->tok.v[j].end - 2] == 'l' &&
                     s->text[s->tok.v[j].end - 1] == 'y';
        if (!adverb && !evg_events__is(s, j, "not") &&
            !evg_events__is(s, j, "also"))
            return 0;
    }
    return 0;
}

/* ---- building candidates ---- */

/* "said (on Friday) (that) they would": a pronoun opening the reported
 * clause, which in news refers to the reporter */
static int self_pronoun(const sent_ctx *s, size_t from, size_t to)
{
    for (size_t j = from; j < to && j < from + 6; j++) {
        if (ev_word_in(s->text, &s->tok.v[j], evg_events__reporter_pron))
            return 1;
        if (!s->in_tx[j] && !evg_events__is(s, j, "that") &&
            !evg_events__is(s, j, "on") && !evg_events__is(s, j, "yesterday"))
            return 0;
    }
    return 0;
}

/* "... the future of notebooks," said Jobs. / "..., said Apple CEO Steve
 * Jobs during the keynote": a reporting verb right after a comma or a
 * closing quote, with no subject before it, has its speaker after it; of
 * adjacent mentions joined by title words the last is the speaker. */
static void inverted_speaker(const sent_ctx *s, cand *c)
{
    size_t h = c->head;
    if (h == 0 || !(ev_tok_punct(s, h - 1, ',') ||
                    ev_tok_punct(s, h - 1, '"') ||
                    (h > 1 && evg_events__ptb_quote(s, h - 2)) ||
                    evg_events__is(s, h - 1, "\xe2\x80\x9d")))
        return;
    size_t j = c->end, last = EVG_NONE;
    while (j < s->tok.n && j < c->end + 8) {
        if (s->ent[j] != EVG_NONE) {
            size_t a, b;
            evg_events__mention_span(s, j, &a, &b);
            last = a;
            j = b + 1;
        } else if (last == EVG_NONE && evg_events__is(s, j, "the")) {
            j++;
        } else if ((s->tok.v[j].flags & EVG_TOK_WORD) &&
                   (s->tok.v[j].flags & EVG_TOK_CAP) && !s->trig_at[j]) {
            j++; /* a title: "CEO", "Chief Executive" */
        } else {
            break;
        }
    }
    if (last != EVG_NONE)
        evg_events__add_actor(&c->src, s->ent[last]);
}

/* Whether a pattern places its source, or its target on the subject. */
static int role_mapped(const evg_trig_pat *p)
{
    if (p->n_sources)
        return 1;
    for (size_t k = 0; k < p->n_targets; k++)
        if (strcmp(p->targets[k], EVG_ROLE_SUBJ) == 0)
            return 1;
    return 0;
}

/* The actors of the first of `n` roles that names any. */
static void role_actors(const sent_ctx *s, const cand *c,
                        const char *const *roles, size_t n,
                        const actor_set *subj, const actor_set *obj,
                        actor_set *out)
{
    for (size_t k = 0; k < n && !out->n; k++) {
        if (strcmp(roles[k], EVG_ROLE_SUBJ) == 0)
            *out = *subj;
        else if (strcmp(roles[k], EVG_ROLE_OBJ) == 0)
            *out = *obj;
        else
            evg_events__find_prep(s, c->head, roles[k], out);
    }
}

static void fill_args(sent_ctx *s, size_t ci)
{
    cand *c = &s->cand[ci];
    const evg_trig_pat *p = c->pat;
    size_t h = c->head;
    if (c->noun) {
        /* "Washington's ban", "US sanctions", "an attack by X on Y" */
        size_t j = h;
        int steps = 0;
        while (j > 0 && steps < 3) {
            j--;
            steps++;
            if (s->ent[j] != EVG_NONE) {
                size_t a, b;
                evg_events__mention_span(s, j, &a, &b);
                evg_events__gather(s, a, b, -1, &c->src);
                break;
            }
            if (!(evg_events__is(s, j, "'s") || evg_events__is(s, j, "’s") ||
                  (s->tok.v[j].flags & EVG_TOK_WORD)) ||
                ev_is_boundary(s, j) || evg_events__is(s, j, "the"))
                break;
        }
        /* "an attack by X", "sanctions on Israel by Iran": a by-phrase
         * close to the noun */
        for (size_t k = h + 1; !c->src.n && k <= h + 4 && k < s->tok.n; k++)
            if (evg_events__is(s, k, "by"))
                evg_events__find_object(s, k, 6, &c->src);
    } else if (c->passive) {
        evg_events__find_subject(s, h, &c->tgt);
        evg_events__find_prep(s, h, "by", &c->src);
    } else {
        int participle =
            h > 0 && (evg_events__is(s, h - 1, "thereby") ||
                      evg_events__is(s, h - 1, "thus") ||
                      (ev_tok_punct(s, h - 1, ',') &&
                       evg_events__inflection(
                           s->text + s->tok.v[h].start,
                           s->tok.v[h].end - s->tok.v[h].start) == 'g'));
        const cand *conj = NULL;
        for (size_t k = ci; k-- > 0;) {
            const cand *p2 = &s->cand[k];
            if (p2->noun || p2->absorbed)
                continue;
            /* "criticized X on Thursday and urged Y": the subject of the
             * first verb */
            for (size_t j = h; j-- > p2->end;) {
                if (s->ent[j] != EVG_NONE)
                    break;
                /* "but" is also a clause boundary: test it first */
                if (evg_events__is(s, j, "and") ||
                    evg_events__is(s, j, "or") ||
                    evg_events__is(s, j, "but")) {
                    conj = evg_events__is(s, j,
                                          "but") && evg_events__verb_gap(s, j,
                                                                         h)
                               ? NULL
                               : p2;
                    break;
                }
                if (ev_is_boundary(s, j))
                    break;
            }
            break;
        }
        if (participle && ci > 0) {
            cand *prev = &s->cand[ci - 1];
            c->src = prev->src;
            c->inherits = 1;
        } else if (participle) {
            /* "Forces launched rocket fire against camps near the border,
             * killing 50": the sentence's subject, not the nearest actor */
            for (size_t j = 0; j < h; j++) {
                if (ev_is_boundary(s, j))
                    break;
                if (s->ent[j] != EVG_NONE) {
                    size_t a, b;
                    evg_events__mention_span(s, j, &a, &b);
                    if (a == 0 || !ev_word_in(s->text, &s->tok.v[a - 1],
                                           evg_events__prepositions))
                        evg_events__gather(s, a, b, +1, &c->src);
                    break;
                }
            }
            c->inherits = 1;
        } else if (conj) {
            c->src = conj->src;
            c->inherits = 1;
        } else {
            size_t verb;
            evg_events__find_subject_at(s, h, &c->src, &verb);
            if (!c->src.n && p->kind == EVG_TK_REPORT)
                inverted_speaker(s, c);
            /* "X said they would ...": the reporter speaks of itself */
            for (size_t k = 0; !c->src.n && verb != EVG_NONE && k < ci; k++)
                if (s->cand[k].head == verb &&
                    s->cand[k].pat->kind == EVG_TK_REPORT &&
                    self_pronoun(s, s->cand[k].end, h)) {
                    c->src = s->cand[k].src;
                    c->inherits = 1;
                }
        }
    }
    if (!c->noun && role_mapped(p)) {
        /* the pattern says where its actors are ("receive _ from $": the
         * source is the object of "from", the target the subject); "subj"
         * is the doer (the by-agent of a passive), "obj" the one done to
         * (the subject of a passive) */
        actor_set subj = c->src, obj = {0}, src = {0}, tgt = {0};
        if (c->passive)
            obj = c->tgt;
        else
            evg_events__find_object(s, h, OBJ_WINDOW + (c->end - h), &obj);
        role_actors(s, c, p->sources, p->n_sources, &subj, &obj, &src);
        if (!p->n_sources)
            src = subj;
        role_actors(s, c, p->targets, p->n_targets, &subj, &obj, &tgt);
        c->src = src;
        c->tgt = tgt;
        goto clean;
    }
    if (c->passive)
        goto clean;
    for (size_t k = 0; k < p->n_targets && !c->tgt.n; k++) {
        if (strcmp(p->targets[k], "obj") == 0)
            evg_events__find_object(s, h, OBJ_WINDOW + (c->end - h), &c->tgt);
        else
            evg_events__find_prep(s, h, p->targets[k], &c->tgt);
    }
clean:
    /* an actor is not its own target */
    for (size_t i = 0; i < c->tgt.n;) {
        int dup = 0;
        for (size_t k = 0; k < c->src.n; k++)
            dup |= c->src.v[k] == c->tgt.v[i];
        if (dup) {
            memmove(&c->tgt.v[i], &c->tgt.v[i + 1],
                    (c->tgt.n - i - 1) * sizeof(size_t));
            c->tgt.n--;
        } else {
            i++;
        }
    }
}

/* CAMEO codes a statement about an act (appeal, intent, demand,
 * disapproval, rejection, threat, investigation, praise) as that statement. */
static int verbal_act(const evg_trig_pat *p)
{
    if (!p->cameo)
        return 0;
    int root = (p->cameo->code[0] - '0') * 10 + (p->cameo->code[1] - '0');
    return root == 2 || root == 3 || root == 5 || (root >= 9 && root <= 13);
}

static int comma_in(const sent_ctx *s, size_t a, size_t b)
{
    for (size_t j = a; j < b && j < s->tok.n; j++)
        if (ev_tok_punct(s, j, ',') || ev_tok_punct(s, j, ';'))
            return 1;
    return 0;
}

/* An actor is not the target of its own act: drops targets that are also
 * sources. */
static void drop_self_targets(cand *c)
{
    for (size_t q = 0; q < c->tgt.n;) {
        int same = 0;
        for (size_t r = 0; r < c->src.n; r++)
            same |= c->src.v[r] == c->tgt.v[q];
        if (same)
            c->tgt.v[q] = c->tgt.v[--c->tgt.n];
        else
            q++;
    }
}

/* Whether, in the parse, the word at token d is a conjunct of the word
 * at token c ("condemned ... and expelled"). */
static int coordinated_with(const sent_ctx *s, size_t d, size_t c)
{
    if (!s->n_ud)
        return 0;
    size_t ud = evg_events__ud_word(s, d), uc = evg_events__ud_word(s, c);
    return ud != EVG_NONE && uc != EVG_NONE && s->ud[ud].head == uc + 1 &&
           evg_fr_base_is(s->ud[ud].deprel, "conj");
}

/* Marks the event a complement-taking or reporting verb governs. */
/* Verb trigger c absorbs the act d it is about ("urged X to stop",
 * "demanded that X refuse"), and takes its target from it. */
static void take_complement(cand *c, cand *d)
{
    d->absorbed = 1;
    if (!c->tgt.n) {
        /* "insisted that X be restricted": X; "agreed to aid X";
         * "demanded that X refuse ...": X */
        int root = c->pat->cameo ? (c->pat->cameo->code[0] - '0') * 10 +
                                       (c->pat->cameo->code[1] - '0')
                                 : 0;
        int subj_first = (root == 10 || root == 2) && d->src.n &&
                         !(c->src.n && d->src.v[0] == c->src.v[0]);
        c->tgt = d->passive ? d->tgt
                            : (subj_first ? d->src
                                          : (d->tgt.n ? d->tgt
                                                      : d->src));
        for (size_t q = 0; q < c->tgt.n;) {
            int same = 0;
            for (size_t r = 0; r < c->src.n; r++)
                same |= c->src.v[r] == c->tgt.v[q];
            if (same) {
                c->tgt.v[q] = c->tgt.v[--c->tgt.n];
            } else {
                q++;
            }
        }
    }
    if (!c->src.n && !c->passive)
        c->src = d->src;
}

static void link_complements(sent_ctx *s)
{
    for (size_t i = 0; i < s->n_cand; i++) {
        cand *c = &s->cand[i];
        if (c->pat->kind != EVG_TK_COMPL &&
            !(c->pat->kind == EVG_TK_VERB && verbal_act(c->pat)))
            continue;
        int compl = c->pat->kind == EVG_TK_COMPL, took = 0;
        for (size_t k = i + 1; k < s->n_cand; k++) {
            cand *d = &s->cand[k];
            if (d->head > c->end + COMPL_WINDOW)
                break;
            /* a verbal act ("accused X of spying", "rejected a call for
             * troops to be deployed") governs the act it is about, within
             * its clause */
            if (!compl && (evg_events__barriers(s, c->head, d->head) ||
                           comma_in(s, c->end, d->head)))
                break;
            if (d->pat->kind == EVG_TK_REPORT || d->absorbed)
                continue;
            if (d->noun && d->head > c->end + 3)
                continue;
            /* "condemned China and expelled its ambassador": a verb
             * coordinated with the verbal act is an act of its own, not
             * what the first is about */
            if (!compl && coordinated_with(s, d->head, c->head))
                continue;
            /* with the parse, a complement is governed by its verb, not
             * coordinated with it: "ordered out of Nigeria as illegal
             * aliens, but was still refusing admittance to Ghanaians" */
            if (compl && c->framed && d->framed &&
                (!evg_events__governs(s, c->pred, d->pred) ||
                 coordinated_with(s, d->head, c->head)))
                break;
            take_complement(c, d);
            took = 1;
            break;
        }
        /* with the parse, the infinitive the verb governs however far
         * its object runs ("pressuring workers of the United Bus Company
         * of Tehran (Sharekat-e Vahed) to cancel the strike") */
        for (size_t k = i + 1; compl && !took && c->framed && k < s->n_cand;
             k++) {
            cand *d = &s->cand[k];
            if (!d->framed || d->absorbed || d->pred >= s->n_ud ||
                d->pat->kind == EVG_TK_REPORT ||
                s->ud[d->pred].head != c->pred + 1 ||
                !s->ud[d->pred].deprel ||
                !(strcmp(s->ud[d->pred].deprel, "xcomp") == 0 ||
                  /* an infinitive after the object the parser took for
                   * one of purpose */
                  (strcmp(s->ud[d->pred].deprel, "advcl") == 0 &&
                   d->head > 0 && evg_events__is(s, d->head - 1, "to"))))
                continue;
            take_complement(c, d);
            took = 1;
        }
        if (!c->tgt.n && compl) {
            /* "agreed to provide aid for Romania", "demanded that the US
             * cancel": the first actor of the complement */
            evg_events__find_other_object(s, c->end - 1, COMPL_WINDOW + 5,
                                          &c->src, &c->tgt);
            drop_self_targets(c);
            /* past the window's clause boundary or its own "its", in the
             * parse: "agreed to re-open its borders to UN peacekeepers" */
            if (!c->tgt.n) {
                evg_events__frame_purpose(s, c, &c->tgt);
                drop_self_targets(c);
            }
        }
    }
    /* nouns right after a verb trigger are its object ("denied the
     * accusations", "delay the implementation of the ban") */
    for (size_t i = 0; i < s->n_cand; i++) {
        cand *c = &s->cand[i];
        if (c->noun || c->absorbed)
            continue;
        for (size_t k = i + 1; k < s->n_cand; k++) {
            cand *d = &s->cand[k];
            if (!d->noun)
                break;
            if (d->head > c->end + NOUN_OBJ_WINDOW ||
                evg_events__barriers(s, c->head, d->head) != 0)
                continue;
            if (c->pat->kind == EVG_TK_REPORT) {
                /* "Italy announced a suspension of air links with Serbia":
                 * the announced act is the event, by the announcer */
                if (!d->src.n)
                    d->src = c->src;
                continue;
            }
            d->absorbed = 1;
        }
    }
}

static int has_must(const sent_ctx *s, size_t from, size_t to)
{
    for (size_t j = from; j < to && j < s->tok.n; j++)
        if (ev_word_in(s->text, &s->tok.v[j], evg_events__obligation) ||
            (evg_events__is(s, j, "has") && evg_events__is(s, j + 1, "to")) ||
            (evg_events__is(s, j, "have") && evg_events__is(s, j + 1, "to")))
            return 1;
    return 0;
}

/* Attribution: reporting verbs, "according to", "citing". */
static void attribute(sent_ctx *s)
{
    size_t speaker = EVG_NONE;
    size_t first_report = EVG_NONE;
    int reported = 0, hearsay = 0; /* "according to", "reportedly" */
    for (size_t i = 0; i < s->n_cand; i++) {
        cand *c = &s->cand[i];
        if (c->pat->kind != EVG_TK_REPORT)
            continue;
        /* the innermost report with a speaker ("In response to critics
         * saying that ..., Jobs said that ...": Jobs's) */
        if (first_report == EVG_NONE ||
            (!s->cand[first_report].src.n && c->src.n))
            first_report = i;
        /* the outermost reporter (the last one) is the attributed source */
        if (c->src.n)
            speaker = c->src.v[0];
        reported = 1;
    }
    for (size_t j = 0; j + 1 < s->tok.n; j++) {
        if ((evg_events__is(s, j, "according") &&
             evg_events__is(s, j + 1, "to"))) {
            actor_set a = {0};
            evg_events__find_object(s, j + 1, 6, &a);
            if (a.n)
                speaker = a.v[0];
            reported = hearsay = 1;
        } else if (evg_events__is(s, j, "reportedly") ||
                   evg_events__is(s, j, "allegedly")) {
            reported = hearsay = 1;
        }
    }
    /* "X said (that) Y must do Z" is X's demand on Y */
    for (size_t i = 0; i < s->n_cand; i++) {
        cand *r = &s->cand[i];
        if (r->pat->kind != EVG_TK_REPORT || r->absorbed)
            continue;
        /* the parse names Y: the subject of the complement that carries
         * "must", not the first event after the report ("Russia said
         * Sudan must return a helicopter that was captured by ...") */
        actor_set ob;
        size_t ow = evg_events__obliged(s, r, &ob);
        if (ow != EVG_NONE && ob.n) {
            int self = 0;
            for (size_t q = 0; q < ob.n; q++)
                for (size_t t = 0; t < r->src.n; t++)
                    self |= ob.v[q] == r->src.v[t];
            if (self)
                continue;
            r->demand = 1;
            r->tgt = ob;
            /* the acts of the demanded clause are its content ("must
             * ensure security to allow supplies to reach"); a clause that
             * describes a noun in it tells of another event ("a
             * helicopter that was captured") */
            for (size_t k = i + 1; k < s->n_cand; k++) {
                size_t w = evg_events__ud_word(s, s->cand[k].head);
                for (size_t d = 0; w != EVG_NONE && d < s->n_ud; d++) {
                    if (w == ow) {
                        s->cand[k].absorbed = 1;
                        break;
                    }
                    if (!s->ud[w].head ||
                        evg_fr_base_is(s->ud[w].deprel, "acl"))
                        break;
                    w = s->ud[w].head - 1;
                }
            }
            continue;
        }
        for (size_t k = i + 1; k < s->n_cand; k++) {
            cand *c = &s->cand[k];
            if (c->absorbed || c->noun || c->pat->kind == EVG_TK_REPORT)
                continue;
            if (c->head > r->end + COMPL_WINDOW + 5 ||
                !has_must(s, r->end, c->head))
                break;
            /* "Israel said they must attack Iran": its own necessity, no
             * demand on anyone */
            const actor_set *on = c->passive ? &c->tgt
                                  : c->src.n ? &c->src
                                             : &c->tgt;
            int self = 0;
            for (size_t q = 0; q < on->n; q++)
                for (size_t t = 0; t < r->src.n; t++)
                    self |= on->v[q] == r->src.v[t];
            if (self)
                break;
            r->demand = 1;
            r->tgt = c->passive ? c->tgt : (c->src.n ? c->src : c->tgt);
            c->absorbed = 1;
            break;
        }
    }
    /* "issued a reminder to Iraq that it must cooperate", "concluded that
     * the US must allocate": the main clause's subject demands */
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        if (c->absorbed || c->noun || c->demand ||
            c->pat->kind == EVG_TK_REPORT)
            continue;
        size_t lim = c->head > 6 ? c->head - 6 : 0, m = EVG_NONE;
        for (size_t j = c->head; j-- > lim;)
            if (has_must(s, j, j + 1)) {
                m = j;
                break;
            }
        if (m == EVG_NONE)
            continue;
        size_t that = EVG_NONE;
        for (size_t j = m; j-- > (m > 10 ? m - 10 : 0);)
            if (evg_events__is(s, j, "that")) {
                that = j;
                break;
            }
        if (that == EVG_NONE)
            continue;
        actor_set who = {0};
        evg_events__find_subject(s, that, &who);
        if (!who.n)
            continue;
        actor_set on = c->passive ? c->tgt : (c->src.n ? c->src : c->tgt);
        c->demand = 1;
        c->src = who;
        c->tgt = on;
        c->mod = EVG_MOD_ASSERTED;
    }
    if (!reported)
        return;
    /* "... and (also) said": for each candidate, the last "and" right
     * before a report after it (UINT32_MAX: none), from the last
     * candidate back, instead of every report for every candidate; the
     * heads grow along the list, so "after it" is "later in the list" */
    int in_order = evg_reserve_raw(&s->and_after, &s->cap_and_after,
                                   s->n_cand + 1, sizeof(uint32_t), 64) == 0;
    for (size_t i = 1; i < s->n_cand && in_order; i++)
        in_order = s->cand[i].head > s->cand[i - 1].head;
    uint32_t *and_after = s->and_after;
    if (in_order) {
        uint32_t last = UINT32_MAX;
        for (size_t r = s->n_cand; r-- > 0;) {
            and_after[r] = last;
            const cand *rep = &s->cand[r];
            if (rep->pat->kind != EVG_TK_REPORT)
                continue;
            for (size_t j = rep->head > 2 ? rep->head - 2 : 0; j < rep->head;
                 j++)
                if (evg_events__is(s, j, "and") &&
                    (last == UINT32_MAX || j > last))
                    last = (uint32_t)j;
        }
    }
    size_t n_other = 0;
    for (size_t i = 0; i < s->n_cand; i++) {
        cand *c = &s->cand[i];
        if ((c->pat->kind == EVG_TK_REPORT && !c->demand) || c->absorbed)
            continue;
        if (c->noun && !c->src.n)
            continue;
        /* an event with no actor is not coded: it leaves the statement */
        if (!c->demand && !c->src.n && !c->tgt.n)
            continue;
        if (c->demand) {
            n_other++;
            if (c->src.n && c->src.v[0] != speaker && speaker != EVG_NONE)
                c->attributed = speaker;
            continue;
        }
        /* "China condemned X and said it would ...": the first verb is the
         * narrator's, coordinated with the report, not reported by it */
        int coord = in_order && and_after[i] != UINT32_MAX &&
                    and_after[i] >= c->end;
        for (size_t r = 0; r < s->n_cand && !coord && !in_order; r++) {
            const cand *rep = &s->cand[r];
            if (rep->pat->kind != EVG_TK_REPORT || rep->head <= c->head)
                continue;
            /* "... and (also) said": and right before the report */
            for (size_t j = rep->head > 2 ? rep->head - 2 : 0;
                 j < rep->head && !coord; j++)
                coord = j >= c->end && evg_events__is(s, j, "and");
        }
        /* ... and it reports nothing: the statement is an act of its own
         * ("Jobs welcomed everyone and announced that ...") */
        if (coord)
            continue;
        /* with the parse, a report covers what it governs, no more:
         * "Iran attacked Iraq, after Japan said that Israel had threatened
         * Syria" reports the threat alone; "Israel did not say that Syria
         * attacked" reports nothing (the frame: hypothetical) */
        size_t who = speaker;
        if (c->framed && !hearsay) {
            evg_frame fr;
            evg_events__cand_frame(s, c, &fr);
            if (!(fr.mod & EVG_FR_REPORTED))
                continue;
            size_t sp = evg_events__speaker(s, &fr);
            if (sp != EVG_NONE)
                who = sp;
        }
        n_other++;
        c->attributed = who;
        /* "said Y would do Z": the backshifted "would" of reported speech
         * reports the act; "will", "plans to" keep it planned */
        int own = 0; /* "X said they would ...": X's own intent */
        for (size_t q = 0; q < c->src.n; q++)
            own |= c->src.v[q] == who;
        if (c->mod == EVG_MOD_ASSERTED ||
            (c->mod == EVG_MOD_PLANNED && c->would && !own))
            c->mod = EVG_MOD_REPORTED;
    }
    for (size_t i = 0; i < s->n_cand; i++) {
        cand *c = &s->cand[i];
        if (c->pat->kind != EVG_TK_REPORT || c->demand)
            continue;
        /* the statement is an event only when it reports nothing codable,
         * and only the innermost one */
        if (n_other || i != first_report) {
            c->absorbed = 1;
            continue;
        }
        if (c->src.v[0] != speaker && speaker != EVG_NONE && c->src.n)
            c->attributed = speaker;
        if (c->attributed != EVG_NONE && c->mod == EVG_MOD_ASSERTED)
            c->mod = EVG_MOD_REPORTED;
        /* "X said Y must ..." is a demand on Y */
        size_t stop = s->tok.n;
        /* "Boeing says they must increase production" is about itself */
        if (has_must(s, c->end, stop) && !self_pronoun(s, c->end, stop)) {
            c->demand = 1;
            size_t j = c->end;
            while (j < s->tok.n && (evg_events__is(s, j, "that") ||
                                    !(s->ent[j] != EVG_NONE)))
                j++;
            if (j < s->tok.n && !c->tgt.n) {
                size_t a, b;
                evg_events__mention_span(s, j, &a, &b);
                evg_events__gather(s, a, b, +1, &c->tgt);
            }
        }
    }
}

/* Codes the candidates of one sentence. */
/* Whether token h is a participle used as an adjective, read off the
 * words: an -ed form right after a preposition or a determiner and right
 * before a word that is neither a preposition nor "to" ("in occupied
 * Kuwait", "the disputed islands"; not "the talks postponed by").
 * Without the parse it names no actor of its own. */
static int adjective_participle(const sent_ctx *s, size_t h)
{
    const evg_token *t = &s->tok.v[h];
    if (h == 0 || h + 1 >= s->tok.n ||
        evg_events__inflection(s->text + t->start, t->end - t->start) != 'd')
        return 0;
    const evg_token *prev = &s->tok.v[h - 1], *next = &s->tok.v[h + 1];
    if (!ev_word_in(s->text, prev, evg_events__prepositions) &&
        !ev_word_in(s->text, prev, evg_events__determiners))
        return 0;
    return (next->flags & EVG_TOK_WORD) &&
           !ev_word_in(s->text, next, evg_events__prepositions) &&
           !evg_events__is(s, h + 1, "to") &&
           !evg_events__is(s, h + 1, "by") && !s->in_tx[h + 1];
}

static int scan_sentence(sent_ctx *s, const evg_triggers *trig)
{
    s->n_cand = 0;
    size_t i = 0;
    while (i < s->tok.n) {
        size_t end, framed = EVG_NONE;
        int noun = 0;
        const evg_trig_pat *p =
            s->used[i] ? NULL : match_at(s, trig, i, &end, &noun, &framed);
        if (!p) {
            i++;
            continue;
        }
        if (p->kind == EVG_TK_NONE) {
            i = end > i ? end : i + 1;
            continue;
        }
        if (evg_reserve_raw(&s->cand, &s->cap_cand, s->n_cand + 1,
                            sizeof(*s->cand), 16) < 0)
            return EVG_ENOMEM;
        if (!noun && i > 0 &&
            evg_events__inflection(s->text + s->tok.v[i].start,
                                   s->tok.v[i].end - s->tok.v[i].start) ==
                'g' &&
            (ev_word_in(s->text, &s->tok.v[i - 1], evg_events__prepositions) ||
             evg_events__is(s, i - 1, "of"))) {
            /* "permission for trading with", "by avoiding": a gerund after
             * a preposition names an activity, not an event */
            i++;
            continue;
        }
        cand *c = &s->cand[s->n_cand];
        memset(c, 0, sizeof(*c));
        c->pat = p;
        c->head = i;
        c->end = end;
        c->noun = noun;
        c->attributed = EVG_NONE;
        c->took = framed;
        s->trig_at[i] = p;
        c->passive = noun ? 0 : is_passive(s, i);
        c->background = c->passive == 2;
        s->n_cand++;
        if (framed != EVG_NONE) {
            /* matched over the frame: its last word is no head of its
             * own ("the ban was delayed": "delay _ ban" takes the ban) */
            if (framed > i)
                s->used[framed] = 1;
            for (size_t k = 0; k + 1 < s->n_cand; k++)
                if (s->cand[k].head == framed)
                    s->cand[k].absorbed = 1;
            i++;
            continue;
        }
        /* tokens inside a multi-word pattern are not heads of their own
         * (but a gap may hold another trigger: "add X to the list") */
        if (p->n_words > 1 && evg_trig_literal(p->words[1])) {
            i = end;
        } else {
            if (end > i + 1)
                s->used[end - 1] = 1; /* "attempted to assassinate" */
            i++;
        }
    }
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        c->mod = evg_events__modality(s, c->head, &c->would);
        fill_args(s, k);
        if (evg_events__frame(s, c)) {
            evg_events__frame_roles(s, c);
            drop_self_targets(c);
        } else if (!c->noun && adjective_participle(s, c->head)) {
            /* without the parse: "in occupied Kuwait", "the disputed
             * islands" describe a noun (the frame's `modifier`) */
            c->absorbed = 1;
        }
    }
    link_complements(s);
    /* "blocked streets in defiance of Chinese authorities": whom an act
     * defies or protests against, where the pattern's places name no
     * target (before the first actor after the trigger, often a place:
     * "blocked roads in Hong Kong in defiance of Beijing") */
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        if (c->absorbed || c->noun || c->tgt.n || !c->pat->cameo ||
            c->pat->kind == EVG_TK_REPORT)
            continue;
        evg_events__frame_defied(s, c, &c->tgt);
        /* a protest is aimed at whom its purpose names: "marched to
         * demand the resignation of President X" (CAMEO 14) */
        if (!c->tgt.n && c->pat->cameo->code[0] == '1' &&
            c->pat->cameo->code[1] == '4')
            evg_events__frame_purpose(s, c, &c->tgt);
        drop_self_targets(c);
    }
    /* no target where the pattern said: the first actor after the trigger
     * in its clause ("promised to continue military aid to Mozambique",
     * "conceded to demands from UNITA") */
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        if (c->absorbed || c->noun || c->tgt.n || !c->pat->n_targets ||
            c->passive || c->pat->kind == EVG_TK_REPORT ||
            role_mapped(c->pat))
            continue;
        /* not past a verb coordinated with it: "rejected the proposal
         * and attacked Gaza" names no target of the rejection */
        size_t window = FALLBACK_WINDOW;
        for (size_t q = k + 1; q < s->n_cand; q++)
            if (s->cand[q].head >= c->end &&
                coordinated_with(s, s->cand[q].head, c->head)) {
                size_t w = s->cand[q].head - (c->end - 1);
                if (w < window)
                    window = w;
                break;
            }
        evg_events__find_other_object(s, c->end - 1, window, &c->src,
                                      &c->tgt);
        drop_self_targets(c);
    }
    /* "killed three soldiers and wounded two others" */
    evg_events__frame_elliptic(s);
    /* "established ties with and opened an embassy in Tehran" */
    evg_events__shared_object(s);
    /* "threatened to launch an offensive unless Baghdad accepted": a threat
     * is aimed at whoever the condition names */
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        if (c->absorbed || !c->pat->cameo || c->pat->cameo->code[0] != '1' ||
            c->pat->cameo->code[1] != '3')
            continue;
        for (size_t j = c->end; j < s->tok.n && j < c->end + 25; j++) {
            if (ev_tok_punct(s, j, ';') || ev_tok_punct(s, j, '.'))
                break;
            if (!evg_events__is(s, j, "unless") && !evg_events__is(s, j, "if"))
                continue;
            actor_set cond = {0};
            evg_events__find_object(s, j, 6, &cond);
            int self = 0;
            for (size_t q = 0; q < cond.n; q++)
                for (size_t r = 0; r < c->src.n; r++)
                    self |= cond.v[q] == c->src.v[r];
            if (cond.n && !self)
                c->tgt = cond;
            break;
        }
    }
    /* "staged rallies to demand reforms": an infinitive of purpose after
     * an event in the same clause is part of it */
    for (size_t k = 1; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        if (c->absorbed || c->noun || c->pat->kind == EVG_TK_REPORT ||
            !evg_events__is(s, c->head - 1, "to"))
            continue;
        for (size_t q = k; q-- > 0;) {
            const cand *p2 = &s->cand[q];
            if (p2->absorbed || p2->noun)
                continue;
            if (p2->head + PURPOSE_WINDOW >= c->head &&
                !evg_events__barriers(s, p2->head, c->head) &&
                p2->pat->kind != EVG_TK_REPORT)
                c->absorbed = 1;
            break;
        }
    }
    evg_events__frame_purpose_absorb(s);
    /* "nationals suspected by the West", "equipment seized from": a past
     * participle after the clause's verb, with no conjunction or comma
     * between, modifies a noun */
    for (size_t k = 1; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        const evg_token *t = &s->tok.v[c->head];
        int infl =
            evg_events__inflection(s->text + t->start, t->end - t->start);
        if (c->absorbed || c->noun || c->pat->kind == EVG_TK_REPORT ||
            (infl != 'd' && infl != 'g') ||
            (c->head > 0 &&
             ev_word_in(s->text, &s->tok.v[c->head - 1], evg_events__be)))
            continue;
        for (size_t q = k; q-- > 0;) {
            const cand *p2 = &s->cand[q];
            if (p2->noun || p2->pat->kind == EVG_TK_REPORT)
                continue;
            int sep = evg_events__barriers(s, p2->head, c->head) > 0;
            for (size_t j = p2->end; j < c->head && !sep; j++)
                sep = ev_tok_punct(s, j, ',') || evg_events__is(s, j, "and") ||
                      evg_events__is(s, j, "or") ||
                      evg_events__is(s, j, "but") ||
                      (ev_word_in(s->text, &s->tok.v[j], evg_events__be) &&
                       !evg_events__is(s, j, "'s") &&
                       !evg_events__is(s, j, "\xe2\x80\x99s")) ||
                      ev_word_in(s->text, &s->tok.v[j], evg_events__finite);
            if (!sep)
                c->absorbed = 1;
            break;
        }
    }
    /* ", killing 20": a participle that names no target of its own is a
     * detail of the main event */
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        if (c->inherits && !c->tgt.n && c->head > 0 &&
            ev_tok_punct(s, c->head - 1, ','))
            c->absorbed = 1;
    }
    /* an -ing form with no subject of its own ("companies trading with
     * X") modifies a noun: it is not an event */
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        const evg_token *t = &s->tok.v[c->head];
        if (!c->noun && !c->src.n && !c->passive &&
            evg_events__inflection(s->text + t->start, t->end - t->start) ==
                'g')
            c->absorbed = 1;
    }
    attribute(s);
    return 0;
}

/* ---- per-sentence context ---- */

static int cmp_mention(const void *a, const void *b)
{
    const ment *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->end > y->end ? -1 : (x->end < y->end);
}

/* The words of the window from doc->tokens (no layer), copied with their
 * heads counted from its first word: a head outside it is the root. */
static int own_words(sent_ctx *s, const evg_doc_window *win)
{
    if (!s->n_ud)
        return 0;
    if (evg_reserve_raw(&s->own_ud, &s->cap_own_ud, s->n_ud,
                        sizeof(*s->own_ud), 64) < 0)
        return EVG_ENOMEM;
    memcpy(s->own_ud, s->ud, s->n_ud * sizeof(*s->own_ud));
    for (size_t i = 0; i < s->n_ud; i++) {
        size_t h = s->own_ud[i].head;
        s->own_ud[i].head =
            h > win->from && h - win->from <= s->n_ud ? h - win->from : 0;
    }
    s->ud = s->own_ud;
    return 0;
}

static int prepare_sentence(ev_state *st, sent_ctx *s, size_t si,
                            const evg_doc_window *win)
{
    if (evg_extract__tokens_in(st->doc, si, win, &s->tok))
        return EVG_ENOMEM;
    /* the time expressions of the window: those that start in it, and
     * one running into it */
    s->tx_lo = st->tx_first[si];
    s->tx_hi = st->tx_first[si + 1];
    if (!win->whole) {
        const evg_timex *tx = st->doc->timexes;
        size_t a = s->tx_lo;
        while (a < s->tx_hi && tx[st->tx_order[a]].span.start < win->lo)
            a++;
        if (a > s->tx_lo && tx[st->tx_order[a - 1]].span.end > win->lo)
            a--;
        size_t b = a;
        while (b < s->tx_hi && tx[st->tx_order[b]].span.start < win->hi)
            b++;
        s->tx_lo = a;
        s->tx_hi = b;
    }
    size_t n = s->tok.n;
    /* not zeroed (evg_reserve_raw): the room a doubling adds beyond
     * the sentence stays untouched, so it takes no memory; every element
     * a sentence reads is set below */
    if (evg_reserve_raw(&s->ent, &s->cap_ent, n + 1, sizeof(size_t), 64) < 0 ||
        evg_reserve_raw(&s->mid, &s->cap_mid, n + 1, sizeof(size_t), 64) < 0 ||
        evg_reserve_raw(&s->bar, &s->cap_bar, n + 2, sizeof(size_t), 64) < 0 ||
        evg_reserve_raw(&s->trig_at, &s->cap_trig, n + 1,
                        sizeof(*s->trig_at), 64) < 0 ||
        evg_reserve_raw(&s->in_tx, &s->cap_tx, n + 1, 1, 64) < 0 ||
        evg_reserve_raw(&s->used, &s->cap_used, n + 1, 1, 64) < 0 ||
        evg_reserve_raw(&s->lem, &s->cap_lem, n + 1, sizeof(*s->lem), 64) < 0 ||
        evg_reserve_raw(&s->n_lem, &s->cap_n_lem, n + 1, 1, 64) < 0)
        return EVG_ENOMEM;
    s->ent[n] = s->mid[n] = s->bar[n + 1] = 0;
    s->trig_at[n] = NULL;
    memset(s->n_lem, LEMMAS_UNSET, n + 1);
    s->n_pool = 0;
    memset(s->in_tx, 0, n + 1);
    memset(s->used, 0, n + 1);
    for (size_t k = s->tx_lo; k < s->tx_hi; k++) {
        const evg_timex *tx = &st->doc->timexes[st->tx_order[k]];
        for (size_t i = 0; i < n; i++)
            if (s->tok.v[i].start >= tx->span.start &&
                s->tok.v[i].end <= tx->span.end)
                s->in_tx[i] = 1;
    }
    s->text = st->doc->text;
    s->index = si;
    int rc = 0;
    s->ud = evg_doc__sentence_tokens_range(st->doc, si, win->from, win->count,
                                           &s->n_ud, &rc);
    if (!rc && !win->whole && !st->doc->layer)
        rc = own_words(s, win);
    if (rc || (rc = evg_events__index(s)))
        return rc;
    evg_frames_use_kids(s->ud, s->n_ud, s->kid_at, s->kids);
    /* map tokens onto mentions (sorted, non-overlapping) */
    while (st->mpos < st->n_ment && st->ment[st->mpos].end <= win->lo)
        st->mpos++;
    size_t m = st->mpos;
    for (size_t i = 0; i < n; i++) {
        const evg_token *t = &s->tok.v[i];
        while (m < st->n_ment && st->ment[m].end <= t->start)
            m++;
        if (m < st->n_ment && st->ment[m].start < t->end &&
            t->start < st->ment[m].end) {
            s->ent[i] = st->ment[m].entity;
            s->mid[i] = m;
        } else {
            s->ent[i] = EVG_NONE;
            s->mid[i] = EVG_NONE - 1 - i; /* unique per token */
        }
        s->trig_at[i] = NULL;
    }
    s->bar[0] = 0;
    for (size_t i = 0; i < n; i++) {
        int bound = ev_word_in(s->text, &s->tok.v[i], evg_events__boundary);
        /* "once again", "until now": an adverb, no clause */
        for (size_t k = 0; bound && i + 1 < n &&
                           k < evg_events__n_boundary_adverbs;
             k++)
            if (evg_extract__tok_is(s->text, &s->tok.v[i],
                                    evg_events__boundary_adverbs[2 * k]) &&
                evg_extract__tok_is(s->text, &s->tok.v[i + 1],
                                    evg_events__boundary_adverbs[2 * k + 1]))
                bound = 0;
        s->bar[i + 1] =
            s->bar[i] + (size_t)(bound || evg_events__ptb_quote(s, i));
    }
    if ((rc = evg_events__index_tokens(s)))
        return rc;
    s->question = n > 0 && ev_tok_punct(s, n - 1, '?');
    if (n > 1 && !s->question) {
        /* a closing quote after the question mark */
        const evg_token *t = &s->tok.v[n - 1];
        s->question = t->flags & EVG_TOK_PUNCT && ev_tok_punct(s, n - 2, '?');
    }
    return 0;
}

static void sent_dispose(sent_ctx *s)
{
    evg_extract__tokens_dispose(&s->tok);
    free(s->ent);
    free(s->mid);
    free(s->bar);
    free(s->trig_at);
    free(s->in_tx);
    free(s->used);
    free(s->lem);
    free(s->lem_pool);
    free(s->n_lem);
    free(s->cand);
    free(s->own_ud);
    evg_frames_use_kids(NULL, 0, NULL, NULL);
    evg_events__index_dispose(s);
}

static int collect_mentions(ev_state *st)
{
    const evg_doc *doc = st->doc;
    size_t total = 0;
    for (size_t e = 0; e < doc->n_entities; e++)
        total += doc->entities[e].n_mentions;
    st->ment = malloc((total ? total : 1) * sizeof(*st->ment));
    if (!st->ment)
        return EVG_ENOMEM;
    for (size_t e = 0; e < doc->n_entities; e++)
        for (size_t k = 0; k < doc->entities[e].n_mentions; k++) {
            const evg_span *sp = &doc->entities[e].mentions[k].span;
            if (sp->end <= sp->start || sp->end > doc->text_len)
                continue;
            ment *m = &st->ment[st->n_ment++];
            m->start = sp->start;
            m->end = sp->end;
            m->entity = e;
        }
    evg_sort(st->ment, st->n_ment, sizeof(*st->ment), cmp_mention);
    /* drop overlaps so the token map stays simple */
    size_t w = 0;
    for (size_t r = 0; r < st->n_ment; r++) {
        if (w && st->ment[r].start < st->ment[w - 1].end)
            continue;
        st->ment[w++] = st->ment[r];
    }
    st->n_ment = w;
    return 0;
}

/* PETRARCH's discard list (sports, entertainment, animal diseases): into
 * *out (malloc'd, NULL when the lexicon has no list), 1 for each sentence
 * no CAMEO event is coded in, every sentence of a story with a story-level
 * phrase. Their events stay, with their participants, uncoded. */
static int discarded_sentences(const evg_doc *doc, const evg_lexicon *lex,
                               unsigned char **out)
{
    *out = NULL;
    if (!lex->gaz || !evg_extract__has_discards(lex->gaz) ||
        !doc->n_sentences)
        return 0;
    unsigned char *d = malloc(doc->n_sentences);
    if (!d)
        return EVG_ENOMEM;
    for (size_t si = 0; si < doc->n_sentences; si++) {
        const evg_sentence sn = evg_doc__sentence(doc, si);
        int w = sn.end <= doc->text_len
                    ? evg_extract__discarded(lex->gaz, doc->text, sn.start,
                                             sn.end)
                    : 0;
        if (w == 2) {
            memset(d, 1, doc->n_sentences);
            break;
        }
        d[si] = (unsigned char)(w != 0);
    }
    *out = d;
    return 0;
}

int evg_extract__events(evg_doc *doc, const evg_lexicon *lex,
                        const evg_extract_opts *opts, evg_error *err)
{
    if (!doc || !doc->text)
        return 0;
    if (!lex || !lex->trig)
        return evg_error_set(err, EVG_EINVAL, "no trigger lexicon");
    int rc = evg_events__load_words(err);
    if (!rc && evg_doc__token_count(doc))
        rc = evg_frames_load(err);
    if (rc)
        return rc;
    if (doc->n_sentences >= UINT32_MAX) /* ev_meta.sentence */
        return evg_error_set(err, EVG_ELIMIT, "too many sentences");
    ev_state st;
    memset(&st, 0, sizeof(st));
    st.doc = doc;
    st.trig = lex->trig;
    st.coded_only = opts && opts->cameo_only;
    size_t max_events = opts && opts->max_events ? opts->max_events
                                                 : EVG_DEFAULT_MAX_EVENTS;
    sent_ctx s;
    memset(&s, 0, sizeof(s));
    unsigned char *discarded = NULL;
    /* the events are packed as they become final (doc_events.h) */
    if ((rc = discarded_sentences(doc, lex, &discarded)) ||
        (rc = evg_doc__events_begin(doc)) || (rc = collect_mentions(&st)))
        goto done;
    if ((rc = evg_events__timex_index(&st)))
        goto done;
    for (size_t si = 0; si < doc->n_sentences; si++) {
        const evg_sentence sent = evg_doc__sentence(doc, si), *sen = &sent;
        evg_doc__release_before(doc, si); /* read in order, once */
        if (sen->boilerplate && !(opts && opts->keep_boilerplate))
            continue;
        if (sen->end <= sen->start || sen->end > doc->text_len)
            continue;
        /* a sentence of more than EVG_DOC_WINDOW words is read in
         * windows of that many, each coded as a sentence is */
        size_t n_win = evg_doc__windows(doc, si);
        for (size_t wi = 0; wi < n_win; wi++) {
            evg_doc_window win = evg_doc__window(doc, si, wi);
            size_t first = doc->n_events;
            s.n_cand = 0; /* a discarded sentence: no CAMEO trigger */
            if ((rc = prepare_sentence(&st, &s, si, &win)) ||
                (!(discarded && discarded[si]) &&
                 (rc = scan_sentence(&s, st.trig))) ||
                (rc = evg_events__emit(&st, &s)) ||
                (rc = evg_events__uncoded(&st, &s, opts)))
                goto done;
            evg_events__quotes(&st, si, win.lo, win.hi, first);
            if ((rc = evg_events__merge_progress(&st)))
                goto done;
            if (st.n_final > max_events) {
                if (err)
                    err->offset = (long long)win.hi;
                rc = evg_error_set(
                    err, EVG_ELIMIT,
                    "%s: over the limit of %zu events "
                    "(--max-events): %zu by sentence %zu of %zu",
                    opts && opts->path ? opts->path : "<input>", max_events,
                    st.n_final, si + 1, doc->n_sentences);
                goto done;
            }
        }
    }
    /* the per-sentence working memory (a sentence of 10,000 words takes
     * several MB) and the token map are done with: free them before the
     * merge, when the document holds every event */
    sent_dispose(&s);
    memset(&s, 0, sizeof(s));
    free(st.ment);
    st.ment = NULL;
    st.n_ment = st.mpos = 0;
    evg_doc__layer_drop_view(doc);
    rc = evg_events__finish(&st);
    /* the events were packed as they became final (doc_events.h): kept so
     * for a caller that only writes the document, else written out into
     * doc->events */
    if (!rc && !(opts && opts->compact_events))
        rc = evg_doc__events_unpack(doc);
done:
    free(discarded);
    sent_dispose(&s);
    evg_events__state_dispose(&st);
    if (rc == EVG_ENOMEM)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    return rc;
}
