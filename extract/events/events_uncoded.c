/* Events beyond CAMEO: the words the event-mention stage marked in the
 * token layer (extract/mentions/). A word inside the trigger of a CAMEO
 * event gives that event its TimeML class; any other becomes an event
 * without a CAMEO code (cameo NULL), with its class, its word as trigger,
 * the detector's confidence, and the modality and date the coder gives
 * its own events (evg_events__modality, evg_events__pick_time). Run for
 * each sentence right after its CAMEO events are emitted, so events stay
 * in text order. */
#include <ctype.h>
#include <string.h>

#include "events.h"
#include "evgraph/extract.h"

/* Whether UD word w, a CAMEO event's predicate, is a relative clause on
 * the object of word i ("passed a law that bans ...", "signed an order
 * that added Huawei to a blacklist"), or one the parse hung on word i
 * itself when a phrase stands between the object and its clause ("signed
 * an order last week that added"). */
static int content_of(const sent_ctx *s, size_t i, size_t w)
{
    if (w >= s->n_ud || !s->ud[w].head || !s->ud[w].deprel)
        return 0;
    size_t n = s->ud[w].head - 1;
    if (n == i) {
        if (strstr(s->ud[w].deprel, ":relcl"))
            return 1;
        /* a clause with a relative pronoun for its subject or object,
         * hung on the verb ("signed an executive order last week that
         * added": read as its complement), when the verb has an object
         * for the pronoun to stand for */
        int obj = 0;
        for (size_t j = 0; j < s->n_ud && !obj; j++)
            obj = s->ud[j].head == i + 1 && s->ud[j].deprel &&
                  strcmp(s->ud[j].deprel, "obj") == 0 && j < w;
        return obj && evg_frame_relative_clause(s->ud, s->n_ud, w);
    }
    return evg_fr_base_is(s->ud[w].deprel, "acl") && s->ud[n].head == i + 1 &&
           s->ud[n].deprel && strcmp(s->ud[n].deprel, "obj") == 0;
}

/* Whether UD word i is the object or complement of the predicate of a
 * CAMEO event of the sentence ("denied the accusations", "accused X of
 * spying", "refused to meet"); not a verb coordinated with it, a
 * participle that adds to it, nor another phrase ("offered compensation
 * for the 1988 bombing": the bombing is an event of its own). */
#define HIT_ABSORBED 1 /* the head of a candidate absorbed, not coded */
#define HIT_LAST 2     /* the last word of a coded multi-word pattern */
#define HIT_CONTENT 4  /* content_of a coded candidate's predicate */
#define HIT_PRED 8     /* the predicate of a coded candidate's frame */

static int governed_by_coded(const sent_ctx *s, size_t i, int indexed)
{
    const char *rel = s->ud[i].deprel;
    size_t h = s->ud[i].head;
    if (!rel || !h)
        return 0;
    int ok = evg_fr_base_is(rel, "obj") || evg_fr_base_is(rel, "xcomp") ||
             evg_fr_base_is(rel, "ccomp");
    if (evg_fr_base_is(rel, "obl") || evg_fr_base_is(rel, "advcl"))
        for (uint32_t q = s->kid_at[i]; q < s->kid_at[i + 1]; q++) {
            size_t j = s->kids[q];
            ok |= s->ud[j].deprel &&
                  (strcmp(s->ud[j].deprel, "case") == 0 ||
                   strcmp(s->ud[j].deprel, "mark") == 0) &&
                  s->ud[j].lemma && strcmp(s->ud[j].lemma, "of") == 0;
        }
    if (!ok)
        return 0;
    if (indexed)
        return h - 1 < s->n_ud && (s->hit[h - 1] & HIT_PRED);
    for (size_t c = 0; c < s->n_cand; c++)
        if (s->cand[c].ev != EVG_NONE && s->cand[c].framed &&
            s->cand[c].pred == h - 1)
            return 1;
    return 0;
}

/* Whether UD word i, an aspectual verb, has for its complement the
 * predicate of a CAMEO event of the sentence ("keep warning the
 * ministry", "continued to shell the city"): the start, end or
 * continuation of that event is part of it. */
static int aspect_of_coded(const sent_ctx *s, size_t i)
{
    const char *cls = s->ud[i].tml_class;
    if (!cls || strcmp(cls, "ASPECTUAL") != 0)
        return 0;
    for (size_t c = 0; c < s->n_cand; c++) {
        const cand *k = &s->cand[c];
        if (k->ev == EVG_NONE || !k->framed || k->pred >= s->n_ud)
            continue;
        const evg_doc_token *p = &s->ud[k->pred];
        if (p->head == i + 1 && p->deprel && evg_fr_base_is(p->deprel, "xcomp"))
            return 1;
    }
    return 0;
}

/* Marks the UD words whose bytes overlap [a, b) (the words are in
 * order and apart: those ending after a, up to the first starting at or
 * after b) with `flag`, or counts (ev == NONE_EV and flag 0: in
 * hit_at) or lists (in hit_ev) event ev for them. */
#define NONE_EV UINT32_MAX
static void mark(sent_ctx *s, size_t a, size_t b, unsigned char flag,
                 uint32_t ev, int fill)
{
    size_t lo = 0, hi = s->n_ud;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->ud[mid].end <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < s->n_ud && s->ud[i].start < b; i++) {
        if (flag)
            s->hit[i] |= flag;
        else if (fill)
            s->hit_ev[s->hit_at[i]++] = ev;
        else
            s->hit_at[i + 1]++;
    }
}

/* What the candidates say of each UD word, once a sentence
 * (hit/hit_at/hit_ev): the same tests as `coded_scan`, each made for the
 * words a candidate's tokens overlap instead of for every pair of word
 * and candidate. EVG_ENOMEM. */
static int index_hits(sent_ctx *s, const evg_doc *doc)
{
    size_t nu = s->n_ud;
    if (evg_reserve_raw(&s->hit, &s->cap_hit, nu + 1, 1, 64) < 0 ||
        evg_reserve_raw(&s->hit_at, &s->cap_hit_at, nu + 2,
                        sizeof(uint32_t), 64) < 0)
        return EVG_ENOMEM;
    memset(s->hit, 0, nu + 1);
    memset(s->hit_at, 0, (nu + 2) * sizeof(uint32_t));
    for (int fill = 0; fill < 2; fill++) {
        for (size_t c = 0; c < s->n_cand; c++) {
            const cand *k = &s->cand[c];
            size_t e = k->ev;
            if (e == EVG_NONE) {
                if (!fill && k->absorbed)
                    mark(s, s->tok.v[k->head].start, s->tok.v[k->head].end,
                         HIT_ABSORBED, NONE_EV, 0);
                continue;
            }
            const evg_event *ev = &doc->events[e];
            mark(s, ev->trigger.start, ev->trigger.end, 0, (uint32_t)e, fill);
            if (fill)
                continue;
            const evg_token *lt = &s->tok.v[k->took != EVG_NONE ? k->took
                                                                : k->end - 1];
            if (k->pat->n_words > 1)
                mark(s, lt->start, lt->end, HIT_LAST, NONE_EV, 0);
            if (!k->framed)
                continue;
            size_t w = k->pred;
            if (w < nu)
                s->hit[w] |= HIT_PRED;
            /* content_of(s, i, w) for the i it can hold */
            if (w >= nu || !s->ud[w].head || s->ud[w].head > nu ||
                !s->ud[w].deprel)
                continue;
            size_t n = s->ud[w].head - 1;
            int obj = 0; /* an object of n before w */
            for (uint32_t q = s->kid_at[n]; q < s->kid_at[n + 1] && !obj; q++)
                obj = s->ud[s->kids[q]].deprel &&
                      strcmp(s->ud[s->kids[q]].deprel, "obj") == 0 &&
                      s->kids[q] < w;
            if (strstr(s->ud[w].deprel, ":relcl") ||
                (obj && evg_frame_relative_clause(s->ud, s->n_ud, w)))
                s->hit[n] |= HIT_CONTENT;
            if (evg_fr_base_is(s->ud[w].deprel, "acl") && s->ud[n].head &&
                s->ud[n].head <= nu && s->ud[n].head - 1 != n && s->ud[n].deprel &&
                strcmp(s->ud[n].deprel, "obj") == 0)
                s->hit[s->ud[n].head - 1] |= HIT_CONTENT;
        }
        if (!fill) {
            for (size_t i = 0; i < nu; i++)
                s->hit_at[i + 1] += s->hit_at[i];
            if (evg_reserve_raw(&s->hit_ev, &s->cap_hit_ev,
                                s->hit_at[nu] + 1, sizeof(uint32_t), 64) < 0)
                return EVG_ENOMEM;
        }
    }
    /* hit_at[i] now ends word i's events: shift back to where they start */
    for (size_t i = nu; i > 0; i--)
        s->hit_at[i] = s->hit_at[i - 1];
    s->hit_at[0] = 0;
    return 0;
}

int evg_events__uncoded(ev_state *st, sent_ctx *s,
                        const evg_extract_opts *opts)
{
    evg_doc *doc = st->doc;
    size_t si = s->index;
    int cameo_only = opts && opts->cameo_only;
    /* in order and apart, the UD words can be found from the
     * candidates' tokens; else every pair is tried */
    int indexed = s->ordered;
    if (indexed) {
        int rc = index_hits(s, doc);
        if (rc)
            return rc;
    }
    for (size_t i = 0; i < s->n_ud; i++) {
        const evg_doc_token *t = &s->ud[i];
        if (!t->tml_class)
            continue;
        int coded = 0;
        if (indexed) {
            coded = (s->hit[i] & (HIT_LAST | HIT_CONTENT)) ||
                    ((s->hit[i] & HIT_ABSORBED) &&
                     governed_by_coded(s, i, 1));
            for (uint32_t q = s->hit_at[i]; q < s->hit_at[i + 1]; q++) {
                evg_event *ev = &doc->events[s->hit_ev[q]];
                if (!ev->tml_class)
                    ev->tml_class = t->tml_class;
                coded = 1;
            }
        }
        for (size_t c = 0; c < s->n_cand && !indexed; c++) {
            size_t e = s->cand[c].ev;
            const cand *k = &s->cand[c];
            const evg_token *ht = &s->tok.v[k->head],
                            *lt = &s->tok.v[k->end - 1];
            /* a trigger a CAMEO event absorbed as what it is about
             * ("denied the accusations", "accused X of spying") is part of
             * that event, not another */
            if (e == EVG_NONE && k->absorbed && t->start < ht->end &&
                t->end > ht->start && governed_by_coded(s, i, 0))
                coded = 1;
            /* the last word of a pattern ("deny _ accusation"; "the talks
             * were postponed": "postpone ~ &talks" over the frame) */
            if (e != EVG_NONE && k->took != EVG_NONE)
                lt = &s->tok.v[k->took];
            if (e != EVG_NONE && k->pat->n_words > 1 && t->start < lt->end &&
                t->end > lt->start)
                coded = 1;
            if (e == EVG_NONE)
                continue;
            /* "signed an order that added X to the list": the act the
             * document's relative clause names is the signing's own */
            if (s->cand[c].framed && content_of(s, i, s->cand[c].pred))
                coded = 1;
            evg_event *ev = &doc->events[e];
            if (t->start < ev->trigger.end && t->end > ev->trigger.start) {
                if (!ev->tml_class)
                    ev->tml_class = t->tml_class;
                coded = 1;
            }
        }
        if (coded || cameo_only || !s->tok.n || aspect_of_coded(s, i))
            continue;
        /* a capitalized word inside an actor's mention is a name, not an
         * event, whatever the mention model made of it ("Boeing 's
         * European rival": "Boeing" read as a gerund) */
        size_t tw = evg_events__token_at(s, t->start);
        if (tw < s->tok.n && s->ent[tw] != EVG_NONE &&
            isupper((unsigned char)s->text[t->start]))
            continue;
        evg_event *ev =
            EVG_DOC_PUSH(doc, doc->events, doc->n_events, doc->cap_events);
        if (!ev)
            return EVG_ENOMEM;
        ev->tml_class = t->tml_class;
        if (evg_events__span(st, &ev->trigger, t->start, t->end))
            return EVG_ENOMEM;
        size_t h = evg_events__token_at(s, t->start);
        if (h >= s->tok.n)
            h = s->tok.n - 1;
        int would, rc = 0;
        evg_frame f;
        actor_set inner = {0};
        ev->attributed = EVG_NONE;
        if (evg_events__frame_at(s, h, &f)) {
            ev->modality = evg_events__frame_modality(&f, &would);
            /* said by someone: quoted or reported speech is its
             * speaker's */
            if (f.mod & EVG_FR_REPORTED) {
                ev->attributed = evg_events__speaker(s, &f);
                if (ev->modality == EVG_MOD_ASSERTED)
                    ev->modality = EVG_MOD_REPORTED;
            }
            /* participants by role from the parse; CAMEO's view of them,
             * the source and target, is the agent and the patient or
             * recipient */
            if ((rc = evg_events__frame_args(st, s, &f, ev, &inner)) ||
                (rc = evg_events__frame_summary(st, s, &f, ev)))
                return rc;
        } else {
            ev->modality = evg_events__modality(s, h, &would);
        }
        actor_set src = {0}, tgt = {0};
        for (size_t k = 0; k < ev->n_args; k++) {
            const evg_arg *g = &ev->args[k];
            if (g->entity == EVG_NONE)
                continue;
            if (!strcmp(g->role, "agent"))
                evg_events__add_actor(&src, g->entity);
            else if (!strcmp(g->role, "patient") ||
                     !strcmp(g->role, "recipient"))
                evg_events__add_actor(&tgt, g->entity);
        }
        for (size_t k = 0; k < inner.n; k++)
            evg_events__add_actor(&tgt, inner.v[k]);
        for (size_t k = 0; k < src.n; k++) {
            size_t *slot = evg_doc_push(doc, &ev->source, &ev->n_source,
                                        &ev->cap_source, sizeof(size_t));
            if (!slot)
                return EVG_ENOMEM;
            *slot = src.v[k];
        }
        for (size_t k = 0; k < tgt.n; k++) {
            int self = 0;
            for (size_t q = 0; q < src.n; q++)
                self |= src.v[q] == tgt.v[k];
            size_t *slot = self ? NULL
                                : evg_doc_push(doc, &ev->target, &ev->n_target,
                                               &ev->cap_target, sizeof(size_t));
            if (!self && !slot)
                return EVG_ENOMEM;
            if (slot)
                *slot = tgt.v[k];
        }
        if (evg_events__pick_time(st, s, h, 0, EVG_NONE, ev))
            return EVG_ENOMEM;
        ev->sentence = si;
        ev->confidence = t->event_confidence;
        ev_meta m = {0};
        m.sentence = (uint32_t)si;
        m.noun = t->upos && (!strcmp(t->upos, "NOUN") ||
                             !strcmp(t->upos, "PROPN"));
        rc = evg_events__push_meta(st, &m);
        if (rc)
            return rc;
    }
    return 0;
}
