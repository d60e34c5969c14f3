/* The actors of a trigger in its sentence: the subject to its left (past
 * relative clauses, appositions and coordination), the object to its
 * right, the actor after a preposition, each gathered with the actors
 * coordinated with it. */

#include <string.h>

#include "events.h"

/* First and last token of the mention holding token i. */
void evg_events__mention_span(const sent_ctx *s, size_t i, size_t *a,
                              size_t *b)
{
    size_t m = s->mid[i];
    *a = i;
    *b = i;
    while (*a > 0 && s->mid[*a - 1] == m)
        (*a)--;
    while (*b + 1 < s->tok.n && s->mid[*b + 1] == m)
        (*b)++;
}

void evg_events__add_actor(actor_set *as, size_t e)
{
    if (e >= UINT32_MAX) /* EVG_NONE: no actor */
        return;
    for (size_t i = 0; i < as->n; i++)
        if (as->v[i] == e)
            return;
    if (as->n < ACTORS_MAX)
        as->v[as->n++] = (uint32_t)e;
}

/* The mention ending at token b (start a): follows coordination ("A, B
 * and the C") in direction `dir` (-1 left, +1 right), adding every actor.
 * Adjacent mentions joined only by capitalized title words count as one. */
void evg_events__gather(const sent_ctx *s, size_t a, size_t b, int dir,
                        actor_set *out)
{
    size_t items[ACTORS_MAX];
    size_t n = 0;
    int and_seen = 0;
    items[n++] = s->ent[a];
    if (dir < 0) {
        size_t i = a;
        while (n < ACTORS_MAX) {
            /* skip "," "and" "or" and determiners, need one connector */
            size_t j = i;
            int conn = 0;
            while (j > 0) {
                size_t k = j - 1;
                if (ev_tok_punct(s, k, ',') || evg_events__is(s, k, "and") ||
                    evg_events__is(s, k, "or")) {
                    and_seen |= !ev_tok_punct(s, k, ',');
                    conn = 1;
                    j = k;
                } else if (evg_events__is(s, k, "the") && !conn) {
                    j = k;
                } else {
                    break;
                }
            }
            if (!conn || j == 0 || s->ent[j - 1] == EVG_NONE)
                break;
            size_t na, nb;
            evg_events__mention_span(s, j - 1, &na, &nb);
            items[n++] = s->ent[na];
            i = na;
        }
    } else {
        size_t i = b;
        while (n < ACTORS_MAX) {
            size_t j = i + 1;
            int conn = 0;
            while (j < s->tok.n) {
                if (ev_tok_punct(s, j, ',') || evg_events__is(s, j, "and") ||
                    evg_events__is(s, j, "or")) {
                    if (and_seen && ev_tok_punct(s, j, ','))
                        break; /* "A and B, a weekly reports" */
                    and_seen |= !ev_tok_punct(s, j, ',');
                    conn = 1;
                    j++;
                } else if (conn && s->ent[j] == EVG_NONE &&
                           ev_word_in(s->text, &s->tok.v[j],
                                      evg_events__determiners)) {
                    j++;
                } else {
                    break;
                }
            }
            if (!conn || j >= s->tok.n || s->ent[j] == EVG_NONE)
                break;
            size_t na, nb;
            evg_events__mention_span(s, j, &na, &nb);
            items[n++] = s->ent[na];
            i = nb;
        }
    }
    /* commas alone make an apposition ("Kenzo Oshima, the UN relief
     * coordinator,") or end the clause (", a Saudi weekly reports"): only
     * the nearest actor is the argument */
    if (n > 1 && !and_seen)
        n = 1;
    for (size_t k = 0; k < n; k++)
        evg_events__add_actor(out, items[k]);
}

/* Whether tokens (j, h) hold more than auxiliaries and adverbs ("but
 * has also said": no; "but the company said": yes). */
int evg_events__verb_gap(const sent_ctx *s, size_t j, size_t h)
{
    for (size_t k = j + 1; k < h; k++) {
        const evg_token *t = &s->tok.v[k];
        size_t n = t->end - t->start;
        int adverb = n > 3 && s->text[t->end - 2] == 'l' &&
                     s->text[t->end - 1] == 'y';
        if (!ev_word_in(s->text, t, evg_events__aux) && !adverb)
            return 1;
    }
    return 0;
}

/* Subject: the nearest actor left of token h in the same clause, skipping
 * objects of prepositions. */
/* Whether tokens [a, h) are a noun phrase that names no actor and opens
 * with a determiner: words only, no trigger of a verb, no preposition
 * but "of". */
static int determined_phrase(const sent_ctx *s, size_t a, size_t h)
{
    if (a + 1 >= h || !ev_word_in(s->text, &s->tok.v[a], evg_events__determiners))
        return 0;
    for (size_t k = a; k < h; k++)
        if (s->ent[k] != EVG_NONE || !(s->tok.v[k].flags & EVG_TOK_WORD) ||
            (s->trig_at[k] && s->trig_at[k]->kind != EVG_TK_NOUN) ||
            ev_is_boundary(s, k) ||
            (ev_word_in(s->text, &s->tok.v[k], evg_events__prepositions) &&
             !evg_events__is(s, k, "of")))
            return 0;
    return 1;
}

size_t evg_events__find_subject_at(const sent_ctx *s, size_t h, actor_set *out,
                                   size_t *verb)
{
    size_t lim = h > SUBJ_WINDOW ? h - SUBJ_WINDOW : 0;
    size_t fallback = EVG_NONE; /* "groups in Zimbabwe are demanding" */
    /* a subject pronoun no actor was found for ("He said that the App
     * Store will ...") is the subject: no other actor is, though a verb
     * further left may still give it a referent ("X said they would") */
    int pron = 0;
    if (verb)
        *verb = EVG_NONE;
    for (size_t j = h; j-- > lim;) {
        if (pron) {
            if (s->ent[j] == EVG_NONE && s->trig_at[j] &&
                s->trig_at[j]->kind != EVG_TK_NOUN && !s->used[j]) {
                if (verb)
                    *verb = j;
                return EVG_NONE;
            }
            /* "X said that they would": on to the verb */
            if (j > 0 && evg_events__is(s, j, "that") && s->trig_at[j - 1] &&
                s->trig_at[j - 1]->kind != EVG_TK_NOUN)
                continue;
            if (s->ent[j] != EVG_NONE || ev_is_boundary(s, j))
                return EVG_NONE;
            continue;
        }
        if (s->ent[j] == EVG_NONE) {
            /* "..., a human rights group charged": after a comma, a noun
             * phrase with a determiner and no actor right before the verb
             * is its subject (an apposition is followed by a comma) */
            if (ev_tok_punct(s, j, ',') && determined_phrase(s, j + 1, h))
                return EVG_NONE;
            if (ev_word_in(s->text, &s->tok.v[j], evg_events__subject_pron)) {
                pron = 1;
                continue;
            }
            /* another verb before any actor: "they said they would ..." */
            if (s->trig_at[j] && s->trig_at[j]->kind != EVG_TK_NOUN &&
                !s->used[j]) {
                if (verb)
                    *verb = j;
                return EVG_NONE;
            }
            /* "US Predator attacks have killed": the agent of an event
             * noun heading the subject */
            if (s->trig_at[j] && s->trig_at[j]->kind == EVG_TK_NOUN &&
                j + 1 < h && !ev_tok_punct(s, j + 1, ',')) {
                for (size_t k = 0; k < s->n_cand; k++)
                    if (s->cand[k].head == j && s->cand[k].src.n) {
                        for (size_t q = 0; q < s->cand[k].src.n; q++)
                            evg_events__add_actor(out, s->cand[k].src.v[q]);
                        return j;
                    }
            }
            /* "an order that put X on a list": a relative pronoun right
             * before the verb; the agent is further left */
            if (j + 1 == h && (evg_events__is(s, j, "that") ||
                               evg_events__is(s, j, "which") ||
                               evg_events__is(s, j, "who")))
                continue;
            /* a parenthesis: "APEC (Asia-Pacific ...) forum" */
            if (ev_tok_punct(s, j, ')')) {
                size_t k = j;
                while (k > lim && !ev_tok_punct(s, k, '('))
                    k--;
                if (ev_tok_punct(s, k, '(')) {
                    j = k;
                    continue;
                }
            }
            /* "Jobs has not yet said why, but said he will stay": a verb
             * right after "but" (auxiliaries and adverbs aside) shares
             * the subject of the clause before */
            if (evg_events__is(s, j, "but") && j > lim &&
                !evg_events__verb_gap(s, j, h)) {
                size_t r = evg_events__find_subject_at(s, j, out, NULL);
                return r;
            }
            if (ev_is_boundary(s, j) && !evg_events__is(s, j, "who"))
                return EVG_NONE;
            /* "..., with the two sides having discussed": the subject is
             * inside the phrase, not before it */
            if (evg_events__is(s, j, "with") && j > 0 &&
                ev_tok_punct(s, j - 1, ','))
                return EVG_NONE;
            continue;
        }
        size_t a, b;
        evg_events__mention_span(s, j, &a, &b);
        if (a > 0 &&
            ev_word_in(s->text, &s->tok.v[a - 1], evg_events__prepositions) &&
            !evg_events__is(s, a - 1, "of")) {
            if (fallback == EVG_NONE && !evg_events__is(s, a - 1, "by") &&
                !s->in_tx[a - 1])
                fallback = a;
            j = a;
            continue;
        }
        /* "the Turkish and Greek sides of the divided Mediterranean
         * island of Cyprus": the actors before each "of", outermost */
        size_t pick = EVG_NONE, cur = a;
        for (int hop = 0; hop < 3; hop++) {
            size_t of = cur;
            while (of > lim && of + 4 > cur && s->ent[of - 1] == EVG_NONE &&
                   (s->tok.v[of - 1].flags & EVG_TOK_WORD) &&
                   !(s->tok.v[of - 1].flags & EVG_TOK_CAP) &&
                   !evg_events__is(s, of - 1, "of") &&
                   !ev_word_in(s->text, &s->tok.v[of - 1],
                               evg_events__prepositions) &&
                   !ev_is_boundary(s, of - 1) && !s->trig_at[of - 1])
                of--;
            if (!(of > 0 && evg_events__is(s, of - 1, "of")))
                break;
            size_t found = EVG_NONE;
            for (size_t k = of - 1; k-- > lim && k + 5 > of;) {
                if (ev_is_boundary(s, k) || ev_tok_punct(s, k, ',') ||
                    ev_word_in(s->text, &s->tok.v[k],
                               evg_events__prepositions))
                    break;
                if (s->ent[k] != EVG_NONE) {
                    size_t a2, b2;
                    evg_events__mention_span(s, k, &a2, &b2);
                    found = a2;
                    break;
                }
            }
            if (found == EVG_NONE)
                break;
            pick = cur = found;
        }
        if (pick != EVG_NONE) {
            size_t a2, b2;
            evg_events__mention_span(s, pick, &a2, &b2);
            evg_events__gather(s, a2, b2, -1, out);
            return a2;
        }
        /* "Pakistan, a key U.S. ally in the war, has refused": the actor
         * is a modifier inside an apposition; the subject is before it */
        if (b + 1 < h && s->ent[b + 1] == EVG_NONE &&
            !ev_tok_punct(s, b + 1, ',')) {
            int comma_after = 0;
            for (size_t k = b + 1; k < h; k++)
                comma_after |= ev_tok_punct(s, k, ',');
            size_t k = a;
            while (k > lim && k + 6 > a && s->ent[k - 1] == EVG_NONE &&
                   !ev_tok_punct(s, k - 1, ',') && !ev_is_boundary(s, k - 1))
                k--;
            if (comma_after && k > lim + 1 && ev_tok_punct(s, k - 1, ',') &&
                s->ent[k - 2] != EVG_NONE) {
                size_t a2, b2;
                evg_events__mention_span(s, k - 2, &a2, &b2);
                evg_events__gather(s, a2, b2, -1, out);
                return a2;
            }
        }
        /* "EADS, the parent company of Airbus, has won a contract to
         * supply": the actor ends an apposition (a comma, a determiner,
         * words without a conjunction, the actor, a comma); the subject
         * is before it */
        if (b + 1 < h && ev_tok_punct(s, b + 1, ',')) {
            size_t k = a;
            while (k > lim && k + 10 > a && !ev_tok_punct(s, k - 1, ',') &&
                   !ev_is_boundary(s, k - 1) && !evg_events__is(s, k - 1,
                                                                "and") &&
                   !evg_events__is(s, k - 1, "or"))
                k--;
            size_t q = k > 1 ? k - 2 : 0;
            /* "European Aeronautic Defence & Space (EADS), the ..." */
            if (k > lim + 1 && ev_tok_punct(s, q, ')')) {
                size_t o = q;
                while (o > lim && o + 8 > q && !ev_tok_punct(s, o, '('))
                    o--;
                if (ev_tok_punct(s, o, '(') && o > 0)
                    q = s->ent[o - 1] != EVG_NONE ? o - 1 : q - 1;
            }
            if (k > lim + 1 && k + 1 < a && ev_tok_punct(s, k - 1, ',') &&
                s->ent[q] != EVG_NONE &&
                (evg_events__is(s, k, "the") || evg_events__is(s, k, "a") ||
                 evg_events__is(s, k, "an"))) {
                size_t a2, b2;
                evg_events__mention_span(s, q, &a2, &b2);
                evg_events__gather(s, a2, b2, -1, out);
                return a2;
            }
        }
        evg_events__gather(s, a, b, -1, out);
        return a;
    }
    if (fallback != EVG_NONE && !pron) {
        size_t a, b;
        evg_events__mention_span(s, fallback, &a, &b);
        evg_events__gather(s, a, b, -1, out);
        return a;
    }
    return EVG_NONE;
}

size_t evg_events__find_subject(const sent_ctx *s, size_t h, actor_set *out)
{
    return evg_events__find_subject_at(s, h, out, NULL);
}

/* Object: the first actor right of token `from` (exclusive) before a clause
 * boundary, within `window` tokens. */
/* Whether tokens [a, b) all belong to time expressions ("demanded Friday
 * that"). */
static int only_time(const sent_ctx *s, size_t a, size_t b)
{
    for (size_t j = a; j < b; j++)
        if (!s->in_tx[j])
            return 0;
    return 1;
}

size_t evg_events__find_object_x(const sent_ctx *s, size_t from, size_t window,
                                 int through_triggers, actor_set *out)
{
    size_t lim = from + window < s->tok.n ? from + window : s->tok.n;
    for (size_t j = from + 1; j < lim; j++) {
        if (s->ent[j] != EVG_NONE) {
            size_t a, b;
            evg_events__mention_span(s, j, &a, &b);
            evg_events__gather(s, a, b, +1, out);
            return a;
        }
        if ((ev_is_boundary(s, j) &&
             !(through_triggers && evg_events__is(s, j, "that") &&
               only_time(s, from + 1, j))) ||
            ev_tok_punct(s, j, '.') || ev_tok_punct(s, j, ',') ||
            (s->trig_at[j] != NULL && !through_triggers))
            return EVG_NONE;
    }
    return EVG_NONE;
}

size_t evg_events__find_object(const sent_ctx *s, size_t from, size_t window,
                               actor_set *out)
{
    return evg_events__find_object_x(s, from, window, 0, out);
}

/* Target through a preposition `p` after token `from`. */
size_t evg_events__find_prep(const sent_ctx *s, size_t from, const char *p,
                             actor_set *out)
{
    size_t lim = from + PREP_WINDOW < s->tok.n ? from + PREP_WINDOW
                                               : s->tok.n;
    for (size_t j = from + 1; j < lim; j++) {
        if (evg_events__is(s, j, p))
            return evg_events__find_object(s, j, 6, out);
        if (ev_is_boundary(s, j) || ev_tok_punct(s, j, '.'))
            return EVG_NONE;
    }
    return EVG_NONE;
}

/* Whether the mention over tokens a..b owns what follows: a possessive
 * ("its", "his", in the parse `nmod:poss`) or a name before "'s". */
static int possessive(const sent_ctx *s, size_t a, size_t b)
{
    for (size_t i = a; i <= b && s->n_ud; i++) {
        size_t w = evg_events__ud_word(s, i);
        if (w != EVG_NONE && s->ud[w].deprel &&
            strcmp(s->ud[w].deprel, "nmod:poss") == 0)
            return 1;
    }
    /* "Iran's", also written "Iran 's" (tokens ' and s) */
    return b + 1 < s->tok.n &&
           (evg_events__is(s, b + 1, "'s") ||
            evg_events__is(s, b + 1, "\xe2\x80\x99s") ||
            ((evg_events__is(s, b + 1, "'") ||
              evg_events__is(s, b + 1, "\xe2\x80\x99")) &&
             evg_events__is(s, b + 2, "s")));
}

size_t evg_events__find_other_object(const sent_ctx *s, size_t from,
                                     size_t window, const actor_set *self,
                                     actor_set *out)
{
    size_t lim = from + window;
    for (int tries = 0; tries < 3 && from < lim; tries++) {
        actor_set found = {0};
        size_t a = evg_events__find_object_x(s, from, lim - from, 1, &found);
        if (a == EVG_NONE)
            return EVG_NONE;
        int other = 0;
        for (size_t q = 0; q < found.n && !other; q++) {
            int same = 0;
            for (size_t r = 0; r < self->n; r++)
                same |= self->v[r] == found.v[q];
            other = !same;
        }
        if (other) {
            for (size_t q = 0; q < found.n; q++)
                evg_events__add_actor(out, found.v[q]);
            return a;
        }
        /* the doer's own mention ("reneged on his commitment to"): on,
         * past the phrase it owns ("violated the agreement with its iTunes
         * Music Store" names no target), up to its next preposition */
        size_t ma, mb;
        evg_events__mention_span(s, a, &ma, &mb);
        from = mb;
        if (possessive(s, ma, mb))
            while (from + 1 < lim && s->ent[from + 1] == EVG_NONE &&
                   !ev_word_in(s->text, &s->tok.v[from + 1],
                               evg_events__prepositions) &&
                   !ev_tok_punct(s, from + 1, ',') &&
                   !ev_tok_punct(s, from + 1, '.') &&
                   !ev_is_boundary(s, from + 1))
                from++;
        /* its own ("its iTunes Music Store"), or what its own act is of
         * ("defended the Air Force's consideration of Boeing") */
        if (possessive(s, ma, mb) && from + 1 < lim &&
            (s->ent[from + 1] != EVG_NONE || evg_events__is(s, from + 1, "of")))
            return EVG_NONE;
    }
    return EVG_NONE;
}
