/* What the dependency parse tells the event coder, when the document has
 * one (extract/frames/): the modality of a trigger, its arguments by role
 * (the events document's `args`), the predicate a time expression
 * modifies, and the CAMEO source and target where word order cannot see
 * them (a passive, a relative clause, coordinated verbs, a light verb;
 * evg_events__frame_roles, docs/events.md, The parse). */
#include <string.h>

#include "doc_layer.h"
#include "events.h"
#include "frames.h"

/* The UD word of the sentence holding the start of text token i. */
size_t evg_events__ud_word(const sent_ctx *s, size_t i)
{
    return s->ud_of[i] == UINT32_MAX ? EVG_NONE : s->ud_of[i];
}

/* The text token holding the start of UD word w. */
size_t evg_events__text_token(const sent_ctx *s, size_t w)
{
    return s->tok_of[w] == UINT32_MAX ? EVG_NONE : s->tok_of[w];
}

static size_t entity_at(const sent_ctx *s, size_t w)
{
    size_t i = evg_events__text_token(s, w);
    return i == EVG_NONE ? EVG_NONE : s->ent[i];
}

size_t evg_events__ud_entity(const sent_ctx *s, size_t w)
{
    return w < s->n_ud ? entity_at(s, w) : EVG_NONE;
}

static int is_rel(const evg_doc_token *t, const char *rel)
{
    return t->deprel && strcmp(t->deprel, rel) == 0;
}

static int phrase_rel(const char *rel)
{
    static const char *const inside[] = {"compound", "flat", "flat:name",
                                         "nmod", "nmod:poss", "appos",
                                         "amod", NULL};
    for (const char *const *r = inside; *r; r++)
        if (strcmp(rel, *r) == 0)
            return 1;
    return 0;
}

/* Whether UD word j, inside a noun phrase, is a phrase whose actor is the
 * phrase's own participant rather than the participant of the phrase
 * around it: one with a preposition other than those of membership ("a
 * letter from Airbus", "the contract to Boeing"; "the president of Iran"
 * stands for Iran: frame_member_preps.words). */
static int own_phrase(const sent_ctx *s, size_t j)
{
    const char *rel = s->ud[j].deprel;
    if (!rel || !evg_fr_base_is(rel, "nmod") || strcmp(rel, "nmod:poss") == 0)
        return 0;
    const char *p = evg_frame_prep_of(s->ud, s->n_ud, j);
    return p && !evg_frame_member_prep(p);
}

/* The word of the noun phrase headed by w that names an actor: w itself,
 * else the nearest inside it ("the president of Iran", "the spokesman,
 * Richard Boucher"), never inside a clause that modifies it. With `own`,
 * never inside a phrase of its own either (own_phrase: "a letter from
 * Airbus" names no actor); CAMEO's view reads it all the same ("sanctions
 * on Iraq" target Iraq). */
static size_t phrase_actor(const sent_ctx *s, size_t w, int own)
{
    if (entity_at(s, w) != EVG_NONE) {
        /* a description set before the name it describes ("Irish
         * low-cost airline, Ryanair,"): the name */
        const evg_doc_token *h = &s->ud[w];
        if (h->upos && strcmp(h->upos, "NOUN") == 0)
            for (uint32_t q = s->kid_at[w]; q < s->kid_at[w + 1]; q++) {
                size_t j = s->kids[q];
                if (j > w && is_rel(&s->ud[j], "appos") && s->ud[j].upos &&
                    strcmp(s->ud[j].upos, "PROPN") == 0 &&
                    entity_at(s, j) != EVG_NONE &&
                    entity_at(s, j) != entity_at(s, w))
                    return j;
            }
        return w;
    }
    size_t level[EVG_FR_ARGS], next[EVG_FR_ARGS], nl = 1, nn;
    level[0] = w;
    uint32_t *in = s->scratch2;
    for (int depth = 0; depth < 3 && nl; depth++) {
        nn = 0;
        /* the dependents of the level's words, in word order */
        size_t m = 0;
        for (size_t k = 0; k < nl; k++)
            for (uint32_t q = s->kid_at[level[k]]; q < s->kid_at[level[k] + 1];
                 q++)
                if (s->ud[s->kids[q]].deprel &&
                    phrase_rel(s->ud[s->kids[q]].deprel))
                    in[m++] = s->kids[q];
        if (nl > 1)
            evg_events__sort_words(in, m);
        /* an apposition first, the head's own name ("Airbus parent
         * EADS", "Boeing's European rival, Airbus": EADS, Airbus, not
         * whose parent or rival it is); then the name of the head
         * itself before an owner or a phrase hung on it: "Osama bin
         * Laden's al-Qaeda network" is al-Qaeda */
        for (int pass = 0; pass < 3; pass++)
            for (size_t q = 0; q < m; q++) {
                size_t j = in[q];
                int appos = evg_fr_base_is(s->ud[j].deprel, "appos");
                int nmod = evg_fr_base_is(s->ud[j].deprel, "nmod");
                if ((pass == 0 && !appos) || (pass == 1 && (appos || nmod)) ||
                    (pass == 2 && !nmod) || (own && own_phrase(s, j)))
                    continue;
                if (entity_at(s, j) != EVG_NONE)
                    return j;
                if (nn < EVG_FR_ARGS)
                    next[nn++] = j;
            }
        memcpy(level, next, nn * sizeof(*next));
        nl = nn;
    }
    return EVG_NONE;
}


/* Adds the actor of the phrase headed by w, the actors coordinated with
 * it inside the phrase ("between an Israeli movement and the PLO"), and
 * coordinated modifiers ("Hungarian and Romanian officials"). */
static void phrase_actors(const sent_ctx *s, size_t w, actor_set *out)
{
    size_t x = phrase_actor(s, w, 0);
    if (x == EVG_NONE)
        return;
    evg_events__add_actor(out, entity_at(s, x));
    for (uint32_t q = s->kid_at[x]; q < s->kid_at[x + 1]; q++) {
        size_t j = s->kids[q];
        if (x != w && is_rel(&s->ud[j], "conj")) {
            size_t y = phrase_actor(s, j, 0);
            if (y != EVG_NONE)
                evg_events__add_actor(out, entity_at(s, y));
        }
        /* a modifier of the head coordinated with another */
        if (is_rel(&s->ud[j], "amod") || is_rel(&s->ud[j], "compound")) {
            for (uint32_t r = s->kid_at[j]; r < s->kid_at[j + 1]; r++) {
                size_t k = s->kids[r];
                if (is_rel(&s->ud[k], "conj") &&
                    entity_at(s, j) != EVG_NONE) {
                    evg_events__add_actor(out, entity_at(s, j));
                    if (entity_at(s, k) != EVG_NONE)
                        evg_events__add_actor(out, entity_at(s, k));
                }
            }
        }
    }
}

/* Adds the actors of the first argument of `role` and of the arguments
 * coordinated with it. */
static void take(const sent_ctx *s, const evg_frame *f, evg_fr_role role,
                 actor_set *out)
{
    size_t at = 0, n = 0;
    const evg_fr_arg *a;
    while ((a = evg_frame_next(f, role, &at)))
        if (!n++ || a->how == EVG_FR_COORDINATED)
            phrase_actors(s, a->word, out);
}

size_t evg_events__speaker(const sent_ctx *s, const evg_frame *f)
{
    if (f->report == EVG_NONE || f->report >= s->n_ud)
        return EVG_NONE;
    evg_frame r;
    evg_frame_build(s->ud, s->n_ud, f->report, &r);
    size_t at = 0;
    const evg_fr_arg *a = evg_frame_next(&r, EVG_FR_AGENT, &at);
    size_t x = a ? phrase_actor(s, a->word, 0) : EVG_NONE;
    return x == EVG_NONE ? EVG_NONE : entity_at(s, x);
}

int evg_events__frame_at(const sent_ctx *s, size_t head, evg_frame *f)
{
    size_t w = s->n_ud ? evg_events__ud_word(s, head) : EVG_NONE;
    if (w == EVG_NONE)
        return 0;
    evg_frame_build(s->ud, s->n_ud, w, f);
    return 1;
}

evg_modality evg_events__frame_modality(const evg_frame *f, int *would)
{
    *would = (f->mod & EVG_FR_WOULD) != 0;
    if (f->mod & EVG_FR_NEGATED)
        return EVG_MOD_NEGATED;
    if (f->mod & EVG_FR_HYPOTHETICAL)
        return EVG_MOD_HYPOTHETICAL;
    if (f->mod & EVG_FR_PLANNED)
        return EVG_MOD_PLANNED;
    return EVG_MOD_ASSERTED;
}

void evg_events__cand_frame(const sent_ctx *s, const cand *c, evg_frame *f)
{
    evg_events__frame_at(s, c->head, f);
}

int evg_events__frame(sent_ctx *s, cand *c)
{
    evg_frame fr;
    if (!(c->framed = evg_events__frame_at(s, c->head, &fr)))
        return 0;
    const evg_frame *f = &fr;
    c->pred = fr.pred;
    c->mod = evg_events__frame_modality(f, &c->would);
    /* "will return equipment seized from peacekeepers": what a reduced
     * relative tells is background to its clause */
    if (f->reduced)
        c->background = 1;
    if (f->modifier) {
        /* "in occupied Kuwait": a participle that only describes a noun
         * names no actor of its own */
        c->src.n = 0;
        take(s, f, EVG_FR_AGENT, &c->src);
        c->tgt.n = 0;
        take(s, f, EVG_FR_PATIENT, &c->tgt);
        /* and with no doer of its own it tells a state of that noun, not
         * an event of the story: "Americans in occupied Kuwait" is no
         * occupation of Kuwait on the day of the article ("the
         * Iraqi-occupied territories", "occupied by Iraq" keep theirs) */
        if (!c->src.n)
            c->absorbed = 1;
    }
    return 1;
}

/* Relations that open a clause or another phrase of their own: a
 * phrase's bytes stop there. */
static int clausal(const char *rel)
{
    return evg_events__clausal_rel(rel);
}

/* The bytes of the phrase headed by UD word w (through non-clausal
 * relations only). */
static void phrase_bytes(const sent_ctx *s, size_t w, size_t *start,
                         size_t *end)
{
    evg_events__phrase_span(s, w, start, end);
}

/* The time expression holding bytes [a, b), as its index, or EVG_NONE. */
static size_t timex_at(const ev_state *st, const sent_ctx *s, size_t a,
                       size_t b)
{
    for (size_t k = s->tx_lo; k < s->tx_hi;
         k++) {
        const evg_timex *tx = &st->doc->timexes[st->tx_order[k]];
        if (tx->span.start <= a && b <= tx->span.end)
            return st->tx_order[k];
    }
    return EVG_NONE;
}

/* Bytes [*start, *end) of an argument headed by UD word w and naming
 * actor word x of entity e: with the whole of the actor's mention where
 * the parse split it ("company CEO Steve Jobs" read as "CEO" and a
 * conjunct "Steve Jobs"), and without a time expression the parse hung
 * at its end ("a letter from Airbus on Monday"). */
static void arg_bytes(const ev_state *st, const sent_ctx *s, size_t w,
                      size_t x, size_t e, size_t *start, size_t *end)
{
    phrase_bytes(s, w, start, end);
    size_t i = x == EVG_NONE || e == EVG_NONE ? EVG_NONE
                                              : evg_events__text_token(s, x);
    if (i != EVG_NONE && s->ent[i] == e) {
        size_t ma, mb;
        evg_events__mention_span(s, i, &ma, &mb);
        size_t ms = s->tok.v[ma].start, me = s->tok.v[mb].end;
        if (ms < *end && *start < me) {
            *start = ms < *start ? ms : *start;
            *end = me > *end ? me : *end;
        }
    }
    for (size_t k = s->tx_lo; k < s->tx_hi; k++) {
        const evg_timex *tx = &st->doc->timexes[st->tx_order[k]];
        if (tx->span.end != *end || tx->span.start <= s->ud[w].end ||
            tx->span.start <= *start)
            continue;
        /* back past the time's preposition to the word before it */
        size_t cut = *start;
        for (size_t j = w; j < s->n_ud && s->ud[j].start < tx->span.start;
             j++) {
            const evg_doc_token *t = &s->ud[j];
            int prep = t->head && t->head <= s->n_ud &&
                       s->ud[t->head - 1].start >= tx->span.start &&
                       is_rel(t, "case");
            if (!prep && !(t->upos && strcmp(t->upos, "PUNCT") == 0))
                cut = t->end;
        }
        if (cut > *start)
            *end = cut;
        break;
    }
}

int evg_events__frame_args(ev_state *st, const sent_ctx *s,
                           const evg_frame *f, evg_event *ev,
                           actor_set *inner)
{
    /* the arguments first, then room for exactly that many in the
     * document (most events have one or two) */
    struct {
        evg_fr_role role;
        size_t entity, start, end, word;
        int inner; /* a phrase inside another argument */
    } got[2 * EVG_FR_ARGS];
    size_t n = 0;
    for (size_t i = 0; i < f->n_arg && i < EVG_FR_ARGS; i++) {
        const evg_fr_arg *a = &f->arg[i];
        size_t start, end;
        size_t x = phrase_actor(s, a->word, 1);
        size_t e = x == EVG_NONE ? EVG_NONE : entity_at(s, x);
        /* "buys Airbus jets": the jets are the patient, not Airbus */
        int modifier = x != a->word && evg_events__modifier_actor(st, s, x, e);
        if (modifier)
            e = EVG_NONE;
        evg_fr_role role = a->role;
        /* "a dispute between Airbus and Boeing": each party an agent */
        if (role == EVG_FR_OBLIQUE && evg_events__party_prep(a->prep))
            role = EVG_FR_AGENT;
        /* "we" in a speaker's words, "the plane" (events_links.c) */
        if (modifier)
            ;
        else if (e == EVG_NONE && (role == EVG_FR_AGENT ||
                              role == EVG_FR_PATIENT ||
                              role == EVG_FR_RECIPIENT))
            e = evg_events__link_arg(st, s, f, a->word);
        else if (x == a->word)
            e = evg_events__speaker_description(st, s, f, a->word, e);
        /* "medical leave", "a sharp decrease": an adjective of an event
         * noun is its agent only when it names an actor ("Iraqi
         * shelling") */
        if (role == EVG_FR_AGENT && e == EVG_NONE && f->nominal &&
            is_rel(&s->ud[a->word], "amod"))
            continue;
        arg_bytes(st, s, a->word, modifier ? EVG_NONE : x, e, &start, &end);
        size_t tx = timex_at(st, s, s->ud[a->word].start, s->ud[a->word].end);
        if (tx != EVG_NONE) {
            /* the time expression alone, not what the parse hung on it */
            role = EVG_FR_TIME;
            start = st->doc->timexes[tx].span.start;
            end = st->doc->timexes[tx].span.end;
        } else if (role == EVG_FR_TIME) {
            continue; /* a bare noun phrase that is no time expression */
        }
        if (role == EVG_FR_OBLIQUE && e == EVG_NONE)
            continue;
        got[n].role = role;
        got[n].entity = role == EVG_FR_TIME ? EVG_NONE : e;
        got[n].start = start;
        got[n].end = end;
        got[n].word = a->word;
        got[n].inner = 0;
        n++;
        if (role == EVG_FR_TIME || role == EVG_FR_LOCATION)
            continue;
        /* the actor of a phrase of its own inside the argument ("sent a
         * letter from Airbus"): a participant of the event by its
         * preposition, not the argument */
        for (uint32_t q = s->kid_at[a->word]; q < s->kid_at[a->word + 1] &&
                                              n < 2 * EVG_FR_ARGS;
             q++) {
            size_t j = s->kids[q];
            if (!own_phrase(s, j))
                continue;
            size_t y = phrase_actor(s, j, 1);
            size_t ye = y == EVG_NONE ? EVG_NONE : entity_at(s, y);
            if (ye == EVG_NONE || ye == e ||
                evg_events__modifier_actor(st, s, y, ye) ||
                timex_at(st, s, s->ud[j].start, s->ud[j].end) != EVG_NONE)
                continue;
            got[n].role =
                evg_frame_prep_role(evg_frame_prep_of(s->ud, s->n_ud, j));
            got[n].entity = ye;
            arg_bytes(st, s, j, y, ye, &got[n].start, &got[n].end);
            got[n].word = j;
            got[n].inner = 1;
            n++;
            if (inner && (role == EVG_FR_PATIENT || role == EVG_FR_RECIPIENT))
                evg_events__add_actor(inner, ye);
        }
    }
    /* one actor, one argument: a word of an actor's mention the parse
     * hung elsewhere ("by Apple CEO Steve Jobs", "Steve Jobs" an oblique
     * of its own) adds no second argument */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        int dup = 0;
        for (size_t k = 0; k < n && !dup; k++)
            dup = k != i && got[i].entity != EVG_NONE &&
                  got[k].entity == got[i].entity &&
                  got[k].start <= s->ud[got[i].word].start &&
                  s->ud[got[i].word].end <= got[k].end &&
                  !(got[i].start <= s->ud[got[k].word].start &&
                    s->ud[got[k].word].end <= got[i].end && i < k);
        if (!dup)
            got[m++] = got[i];
    }
    n = m;
    /* an argument hung inside another by the parse ("At the show, company
     * chairman X unveiled", X read as a part of the show's phrase): the
     * outer one ends before it */
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < n; k++) {
            if (k == i || got[k].inner ||
                got[k].start <= s->ud[got[i].word].end ||
                got[k].start >= got[i].end || got[k].end > got[i].end)
                continue;
            size_t cut = got[i].start;
            for (size_t j = got[i].word;
                 j < s->n_ud && s->ud[j].end <= got[k].start; j++)
                if (!(s->ud[j].upos && strcmp(s->ud[j].upos, "PUNCT") == 0))
                    cut = s->ud[j].end;
            if (cut > got[i].start)
                got[i].end = cut;
        }
    if (!ev->n_args && evg_doc__arg_room(st->doc, ev, n))
        return EVG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        int rc = evg_event_add_arg(st->doc, ev, evg_fr_role_name(got[i].role),
                                   got[i].entity, got[i].start, got[i].end);
        if (rc)
            return rc;
    }
    return 0;
}

static int is_verb(const evg_doc_token *t)
{
    return t->upos && strcmp(t->upos, "VERB") == 0;
}

/* Whether verb c is coordinated with the verb above it and shares its
 * subject (no subject of its own): "In April, Gizmodo obtained a
 * prototype and published details" - the fronted time expression dates
 * both. A conjunct with its own subject is a clause of its own ("He
 * started Apple in 1976, and the Mac was released"). */
static int shares_verb_phrase(const sent_ctx *s, size_t c)
{
    if (!evg_fr_base_is(s->ud[c].deprel, "conj") || !is_verb(&s->ud[c]) ||
        !is_verb(&s->ud[s->ud[c].head - 1]))
        return 0;
    for (size_t j = 0; j < s->n_ud; j++)
        if (s->ud[j].head == c + 1 && s->ud[j].deprel &&
            (evg_fr_base_is(s->ud[j].deprel, "nsubj") ||
             evg_fr_base_is(s->ud[j].deprel, "csubj") ||
             evg_fr_base_is(s->ud[j].deprel, "expl")))
            return 0;
    return 1;
}

/* Whether word w is reached from word c going up through its phrase and
 * clause, through relative clauses to the noun they describe, and, when
 * `conj`, from a verb coordinated under one subject to the first verb:
 * an expression that dates w's clause dates c too ("signed an order last
 * week that added Huawei"). */
static int reaches(const sent_ctx *s, size_t c, size_t w, int conj)
{
    for (size_t depth = 0; depth < s->n_ud; depth++) {
        if (c == w)
            return 1;
        const char *rel = s->ud[c].deprel;
        if (!s->ud[c].head || !rel ||
            evg_frame_hung_report(s->ud, s->n_ud, c) != EVG_NONE ||
            (clausal(rel) && !evg_fr_base_is(rel, "acl") &&
             !evg_frame_relative_clause(s->ud, s->n_ud, c) &&
             !(conj && shares_verb_phrase(s, c))))
            return 0;
        c = s->ud[c].head - 1;
    }
    return 0;
}

int evg_events__timex_fits(const sent_ctx *s, size_t head, size_t start,
                           size_t end)
{
    size_t c = s->n_ud ? evg_events__ud_word(s, head) : EVG_NONE;
    if (c == EVG_NONE)
        return 1;
    /* the top word of the expression: its head lies outside it */
    size_t top = EVG_NONE;
    for (size_t j = 0; j < s->n_ud && top == EVG_NONE; j++) {
        if (s->ud[j].start < start || s->ud[j].end > end)
            continue;
        size_t h = s->ud[j].head;
        if (!h || s->ud[h - 1].start < start || s->ud[h - 1].end > end)
            top = j;
    }
    if (top == EVG_NONE || !s->ud[top].head)
        return 1;
    /* "the current chief executive": an adjective describes its noun and
     * dates no predicate, unless that noun is the event */
    if (evg_fr_base_is(s->ud[top].deprel, "amod"))
        return s->ud[top].head - 1 == c ? 2 : 0;
    /* up to the first trigger or clause head above it */
    size_t w = s->ud[top].head - 1;
    /* "postponed the rally to May 5": the new time of the rally, not
     * the time of the postponing */
    if (w == c && evg_frame_scheduled_time(s->ud, s->n_ud, c, top))
        return 0;
    for (size_t depth = 0; depth < s->n_ud; depth++) {
        if (w == c)
            return 2;
        size_t i = evg_events__text_token(s, w);
        /* an event word on the way is the predicate the expression
         * modifies: "offered compensation for the 1988 bombing" */
        if ((i != EVG_NONE && s->trig_at[i]) ||
            (s->ud[w].tml_class && !evg_frame_occasion(s->ud, s->n_ud, w)) ||
            !s->ud[w].head || clausal(s->ud[w].deprel))
            break;
        w = s->ud[w].head - 1;
    }
    /* an expression before the first of coordinated verbs dates them
     * all ("In April, Gizmodo obtained a prototype and published
     * details"); one after it, that verb alone ("hired workers in March
     * and opened a plant") */
    if (reaches(s, c, w, start < s->ud[w].start))
        return 1;
    /* the time of an adverbial clause of the same time dates the clause
     * it modifies ("called a strike when the talks collapsed on Monday"),
     * and that of an aspectual verb's complement the aspectual ("began
     * selling the phone in July") */
    if (evg_frame_same_time_clause(s->ud, s->n_ud, w) &&
        reaches(s, s->ud[w].head - 1, c, 0))
        return 1;
    if (s->ud[c].tml_class && strcmp(s->ud[c].tml_class, "ASPECTUAL") == 0 &&
        s->ud[w].head - 1 == c &&
        (evg_fr_base_is(s->ud[w].deprel, "xcomp") ||
         evg_fr_base_is(s->ud[w].deprel, "ccomp")))
        return 1;
    /* a reported event without a time of its own happened when the report
     * says, when its tense puts it there: at the report ("said it is
     * cutting", "said it was cutting"), or announced by it for later ("said
     * it would delay"); not before it ("said it had met", "said it met")
     * nor after the time of writing ("said it will") */
    evg_frame f;
    evg_frame_build(s->ud, s->n_ud, c, &f);
    if (f.report == EVG_NONE || !reaches(s, f.report, w, 0))
        return 0;
    return evg_events__tense_at_report(s, c, f.report) ? 3 : 0;
}

int evg_events__tense_at_report(const sent_ctx *s, size_t c, size_t report)
{
    evg_fr_tense t = evg_frame_tense(s->ud, s->n_ud, c);
    evg_fr_tense r = evg_frame_tense(s->ud, s->n_ud, report);
    switch (t) {
    case EVG_FR_TENSE_PRESENT:
        return r == EVG_FR_TENSE_PRESENT || r == EVG_FR_TENSE_PAST;
    case EVG_FR_TENSE_PAST:
        /* a progressive ("was cutting") or a state ("were difficult")
         * holds at the past report; a simple past ("met") may be any
         * time before it */
        return r == EVG_FR_TENSE_PAST &&
               ((s->ud[c].xpos && strcmp(s->ud[c].xpos, "VBG") == 0) ||
                !(s->ud[c].upos && strcmp(s->ud[c].upos, "VERB") == 0));
    case EVG_FR_TENSE_WOULD:
        return r == EVG_FR_TENSE_PAST || r == EVG_FR_TENSE_PERFECT;
    default:
        return 0;
    }
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
static long days_of(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void date_of(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* `v` ("YYYY...", any TimeML value that starts with a year, or a
 * "YYYY-MM-DD" bound) moved on by `years` years, or by `days` days when
 * it is a day; NULL when it has no such form or out of memory. */
static const char *moved(evg_doc *doc, const char *v, int years, int days)
{
    long y, m, d;
    int used = 0;
    if (!v || strlen(v) < 4)
        return NULL;
    for (int k = 0; k < 4; k++)
        if (v[k] < '0' || v[k] > '9')
            return NULL;
    char out[64];
    if (days && sscanf(v, "%4ld-%2ld-%2ld%n", &y, &m, &d, &used) == 3 &&
        used == 10 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        date_of(days_of(y, m, d) + days, &y, &m, &d);
        snprintf(out, sizeof(out), "%04ld-%02ld-%02ld%s", y, m, d, v + 10);
    } else if (days) {
        return NULL;
    } else {
        y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 +
            (v[3] - '0') + years;
        if (y < 0 || y > 9999 || strlen(v) > 40)
            return NULL;
        snprintf(out, sizeof(out), "%04ld%s", y, v + 4);
        /* 29 February of a year that has none */
        if (strncmp(out + 4, "-02-29", 6) == 0 && !leap(y))
            out[9] = '8';
    }
    return evg_doc_strdup(doc, out);
}

/* Whether the time expression's words give no year ("in mid-August",
 * "on Thursday"): its value was chosen around the document date. */
static int yearless(const evg_doc *doc, const evg_timex *tx)
{
    for (size_t i = tx->span.start; i < tx->span.end; i++) {
        unsigned char ch = (unsigned char)doc->text[i];
        if (ch >= '0' && ch <= '9') {
            size_t run = 0;
            while (i + run < tx->span.end && doc->text[i + run] >= '0' &&
                   doc->text[i + run] <= '9')
                run++;
            if (run == 4 || (run == 2 && i > 0 && doc->text[i - 1] == '\''))
                return 0;
            i += run;
        }
    }
    return 1;
}

/* Whether the time expression's words hold a digit: "March 1" names a
 * day of the year, "Thursday" a day of the week. */
static int has_digit(const evg_doc *doc, const evg_timex *tx)
{
    for (size_t i = tx->span.start; i < tx->span.end; i++)
        if (doc->text[i] >= '0' && doc->text[i] <= '9')
            return 1;
    return 0;
}

/* How many sentences a narrative's reference time holds for without a
 * new one: about a news paragraph or two. */
#define NARRATIVE_SENTENCES 10

void evg_events__narrative_time(ev_state *st, const sent_ctx *s, size_t head,
                                evg_event *ev)
{
    size_t c = s->n_ud ? evg_events__ud_word(s, head) : EVG_NONE;
    if (c == EVG_NONE || !st->dct)
        return;
    evg_fr_tense t = evg_frame_tense(s->ud, s->n_ud, c);
    if (t != EVG_FR_TENSE_PAST)
        return;
    if (ev->time.basis == EVG_BASIS_TIMEX) {
        /* a past day sets the reference; a longer past time ("last
         * week", "in 2018") moves the narrative away from it */
        int day = ev->time.lo && ev->time.hi &&
                  strcmp(ev->time.lo, ev->time.hi) == 0;
        if (ev->time.hi && strcmp(ev->time.hi, st->dct) < 0) {
            st->ref_value = day ? ev->time.value : NULL;
            st->ref_lo = day ? ev->time.lo : NULL;
            st->ref_hi = day ? ev->time.hi : NULL;
            st->ref_sentence = s->index;
        }
        return;
    }
    if (ev->time.basis != EVG_BASIS_DCT || !st->ref_lo ||
        s->index > st->ref_sentence + NARRATIVE_SENTENCES)
        return;
    /* only the narrative's own clauses: a main clause, or one coordinated
     * with it; a subordinate or reported clause ("when Saddam sent his
     * forces into Kuwait", "Iraq said Kuwait had ...") is background */
    for (size_t w = c, depth = 0; depth < s->n_ud; depth++) {
        if (!s->ud[w].head)
            break;
        if (!s->ud[w].deprel || !(evg_fr_base_is(s->ud[w].deprel, "conj") ||
                                  evg_fr_base_is(s->ud[w].deprel, "parataxis")))
            return;
        w = s->ud[w].head - 1;
    }
    ev->time.value = st->ref_value;
    ev->time.lo = st->ref_lo;
    ev->time.hi = st->ref_hi;
    ev->time.timex = EVG_NONE;
    ev->time.basis = EVG_BASIS_RELATION;
}

void evg_events__tense_time(ev_state *st, const sent_ctx *s, size_t head,
                             evg_event *ev)
{
    (void)st;
    evg_frame f;
    if (ev->time.basis != EVG_BASIS_DCT ||
        !evg_events__frame_at(s, head, &f))
        return;
    const char *ref = NULL;
    if (evg_frame_past_perfect(s->ud, s->n_ud, f.pred))
        ref = "PAST_REF"; /* "had hired": before the time it is told of */
    else if (f.mod & EVG_FR_FUTURE)
        ref = "FUTURE_REF"; /* "will use": after the time of writing */
    if (!ref)
        return;
    ev->time.value = ref;
    ev->time.lo = NULL;
    ev->time.hi = NULL;
    ev->time.timex = EVG_NONE;
    ev->time.basis = EVG_BASIS_NONE;
}

int evg_events__future_time(ev_state *st, const sent_ctx *s, size_t head,
                            evg_event *ev)
{
    evg_frame f;
    if (!st->dct || !ev->time.hi || strcmp(ev->time.hi, st->dct) >= 0 ||
        !evg_events__frame_at(s, head, &f) || !(f.mod & EVG_FR_FUTURE))
        return 0;
    evg_doc *doc = st->doc;
    const char *value = ev->time.value, *lo = ev->time.lo, *hi = ev->time.hi;
    if (ev->time.basis == EVG_BASIS_TIMEX && ev->time.timex != EVG_NONE &&
        yearless(doc, &doc->timexes[ev->time.timex])) {
        /* the next one after the document date: a day named by its
         * weekday a week on, any other date a year on */
        int week = lo && hi && strcmp(lo, hi) == 0 &&
                   !has_digit(doc, &doc->timexes[ev->time.timex]);
        for (int k = 0; k < 2 && hi && strcmp(hi, st->dct) < 0; k++) {
            value = moved(doc, value, week ? 0 : 1, week ? 7 : 0);
            lo = moved(doc, lo, week ? 0 : 1, week ? 7 : 0);
            hi = moved(doc, hi, week ? 0 : 1, week ? 7 : 0);
            if (!value || !lo || !hi)
                return EVG_ENOMEM;
        }
        if (strcmp(hi, st->dct) >= 0) {
            ev->time.value = value;
            ev->time.lo = lo;
            ev->time.hi = hi;
            return 0;
        }
    }
    /* a date the words fix in the past cannot be the future event's: it
     * happens after the document date, when is not known */
    ev->time.value = "FUTURE_REF";
    ev->time.lo = NULL;
    ev->time.hi = NULL;
    ev->time.timex = EVG_NONE;
    ev->time.basis = EVG_BASIS_NONE;
    return 0;
}

/* The longest label an event without a CAMEO code takes from its
 * sentence, in bytes. */
#define LABEL_MAX 80

int evg_events__frame_summary(ev_state *st, const sent_ctx *s,
                              const evg_frame *f, evg_event *ev)
{
    size_t lo = ev->trigger.start, hi = ev->trigger.end, a, b;
    for (size_t i = 0; i < f->n_arg; i++) {
        evg_fr_role r = f->arg[i].role;
        /* an argument carried over from another verb ("criticized X
         * and urged Y", "urged X to stop") lies beyond that verb */
        if ((r != EVG_FR_AGENT && r != EVG_FR_PATIENT &&
             r != EVG_FR_RECIPIENT) ||
            f->arg[i].how == EVG_FR_CONJOINED ||
            f->arg[i].how == EVG_FR_CONTROL)
            continue;
        phrase_bytes(s, f->arg[i].word, &a, &b);
        if (b <= a || (b > ev->trigger.end + LABEL_MAX) ||
            a + LABEL_MAX < ev->trigger.start)
            continue;
        lo = a < lo ? a : lo;
        hi = b > hi ? b : hi;
    }
    /* what a verb that governs another says is done ("keep warning the
     * ministry", "tried to reach an agreement"): the governed verb and
     * its object */
    for (uint32_t q = f->pred < s->n_ud ? s->kid_at[f->pred] : 0;
         f->pred < s->n_ud && q < s->kid_at[f->pred + 1]; q++) {
        size_t j = s->kids[q];
        if (!s->ud[j].deprel || !evg_fr_base_is(s->ud[j].deprel, "xcomp") ||
            s->ud[j].end <= hi)
            continue;
        size_t end = s->ud[j].end;
        for (uint32_t r = s->kid_at[j]; r < s->kid_at[j + 1]; r++) {
            size_t k = s->kids[r];
            if (s->ud[k].deprel && strcmp(s->ud[k].deprel, "obj") == 0) {
                phrase_bytes(s, k, &a, &b);
                end = b > end ? b : end;
            }
        }
        hi = end;
        break;
    }
    if (lo < s->tok.v[0].start || hi <= lo || hi - lo > LABEL_MAX)
        return 0;
    const char *sum = evg_events__str(st, st->doc->text + lo, hi - lo);
    if (!sum)
        return EVG_ENOMEM;
    ev->summary = sum;
    return 0;
}

/* The actors the frame gives one of a pattern's roles: "subj" the agent,
 * "obj" the patient (else the recipient), a preposition the phrase it
 * introduces. */
static void frame_role(const sent_ctx *s, const evg_frame *f,
                       const char *role, actor_set *out)
{
    if (strcmp(role, EVG_ROLE_SUBJ) == 0) {
        take(s, f, EVG_FR_AGENT, out);
        return;
    }
    if (strcmp(role, EVG_ROLE_OBJ) == 0) {
        take(s, f, EVG_FR_PATIENT, out);
        if (!out->n)
            take(s, f, EVG_FR_RECIPIENT, out);
        return;
    }
    for (size_t i = 0; i < f->n_arg; i++) {
        const evg_fr_arg *a = &f->arg[i];
        if (a->role != EVG_FR_AGENT && a->prep && strcmp(a->prep, role) == 0)
            phrase_actors(s, a->word, out);
    }
}

/* Whether UD word j lies below word a (not a itself), other than in the
 * name of an apposition on a ("Japan's foreign minister, Taro Aso": the
 * same actor, named). */
static int below(const sent_ctx *s, size_t j, size_t a)
{
    int name = 1; /* j is in the name of the word reached so far */
    for (size_t d = 0; d < s->n_ud && s->ud[j].head; d++) {
        const char *rel = s->ud[j].deprel;
        size_t h = s->ud[j].head - 1;
        if (h == a)
            return !(name && rel && strcmp(rel, "appos") == 0);
        name &= rel && (evg_fr_base_is(rel, "flat") ||
                        evg_fr_base_is(rel, "compound"));
        j = h;
    }
    return 0;
}

/* Whether every actor of `found` is named only below word a, the head of
 * a phrase that names the actors of `frame` before them, none of them in
 * `found` (the phrase's own name comes first: "EADS, the parent company
 * of Airbus"). */
static int embedded_actors(const sent_ctx *s, const actor_set *found,
                           const actor_set *frame, size_t a)
{
    size_t first = s->n_ud;
    for (size_t j = 0; j < s->n_ud && first == s->n_ud; j++)
        for (size_t k = 0; k < found->n; k++)
            if (entity_at(s, j) == found->v[k])
                first = j;
    for (size_t q = 0; q < frame->n; q++) {
        int before = 0;
        for (size_t j = 0; j < first && !before; j++)
            before = entity_at(s, j) == frame->v[q];
        if (!before)
            return 0;
    }
    for (size_t k = 0; k < found->n; k++) {
        for (size_t q = 0; q < frame->n; q++)
            if (frame->v[q] == found->v[k])
                return 0;
        int seen = 0;
        for (size_t j = 0; j < s->n_ud; j++) {
            if (entity_at(s, j) != found->v[k])
                continue;
            if (j == a || !below(s, j, a))
                return 0;
            seen = 1;
        }
        if (!seen)
            return 0;
    }
    return 1;
}

/* Whether every actor of `found` is named only before the phrase headed
 * by word a, outside it. */
static int outside_actors(const sent_ctx *s, const actor_set *found,
                          size_t a)
{
    size_t lo = a;
    for (size_t j = 0; j < a; j++)
        if (below(s, j, a) || j == a) {
            lo = j;
            break;
        }
    for (size_t k = 0; k < found->n; k++)
        for (size_t j = lo; j < s->n_ud; j++)
            if (entity_at(s, j) == found->v[k])
                return 0;
    return found->n > 0;
}

static void frame_roles(const sent_ctx *s, const evg_frame *f,
                        const char *const *roles, size_t n, actor_set *out)
{
    for (size_t k = 0; k < n && !out->n; k++)
        frame_role(s, f, roles[k], out);
}

void evg_events__frame_roles(const sent_ctx *s, cand *c)
{
    if (!c->framed)
        return;
    evg_frame fr;
    evg_events__cand_frame(s, c, &fr);
    const evg_frame *f = &fr;
    const evg_trig_pat *p = c->pat;
    actor_set src = {0}, tgt = {0};
    if (p->n_sources)
        frame_roles(s, f, p->sources, p->n_sources, &src);
    else
        frame_role(s, f, EVG_ROLE_SUBJ, &src);
    frame_roles(s, f, p->targets, p->n_targets, &tgt);
    size_t at = 0;
    const evg_fr_arg *agent = evg_frame_next(f, EVG_FR_AGENT, &at);
    /* constructions where the doer is not the nearest actor to the left:
     * "a bill signed by X", "X, which condemned ...", "X criticized Y on
     * Thursday and urged Z", "X launched an attack" */
    int carried = agent && (agent->how == EVG_FR_BY_AGENT ||
                            agent->how == EVG_FR_RELATIVE ||
                            agent->how == EVG_FR_CONJOINED ||
                            agent->how == EVG_FR_LIGHT);
    if (src.n && carried)
        c->src = src;
    /* "EADS, the parent company of Airbus, has signed": the actor word
     * order found left of the verb lies inside the subject's phrase (an
     * apposition, an "of" phrase, a relative clause on it), and the
     * subject names another: the subject is the doer */
    if (src.n && c->src.n && agent && agent->how == EVG_FR_DIRECT &&
        !f->passive && embedded_actors(s, &c->src, &src, agent->word))
        c->src = src;
    /* "U.S. agents abused Mexican immigrants, a human rights group
     * charged": the subject is a noun phrase that names no actor, so the
     * doer is unknown, not an actor word order finds before it */
    if (!src.n && c->src.n && agent && agent->how == EVG_FR_DIRECT &&
        !f->passive && !f->nominal && agent->word < f->pred &&
        (evg_fr_base_is(s->ud[agent->word].upos, "NOUN")) &&
        outside_actors(s, &c->src, agent->word))
        c->src.n = 0;
    /* "Huawei was accused by X": the passive's subject is done to (when
     * word order sees a passive too: "is opposed to" is an adjective) */
    if (f->passive && c->passive) {
        if (src.n)
            c->src = src;
        if (tgt.n)
            c->tgt = tgt;
    }
}

size_t evg_events__obliged(const sent_ctx *s, const cand *r, actor_set *on)
{
    on->n = 0;
    if (!r->framed)
        return EVG_NONE;
    size_t p = r->pred;
    if (p >= s->n_ud)
        return EVG_NONE;
    for (uint32_t q = s->kid_at[p]; q < s->kid_at[p + 1]; q++) {
        size_t j = s->kids[q];
        if (!evg_fr_base_is(s->ud[j].deprel, "ccomp"))
            continue;
        int must = 0;
        for (uint32_t r2 = s->kid_at[j]; r2 < s->kid_at[j + 1] && !must; r2++) {
            size_t k = s->kids[r2];
            if (!evg_fr_base_is(s->ud[k].deprel, "aux") || !s->ud[k].lemma)
                continue;
            for (const char *const *m = evg_events__obligation; *m && !must; m++)
                must = strcmp(s->ud[k].lemma, *m) == 0;
        }
        if (!must)
            continue;
        for (uint32_t r2 = s->kid_at[j]; r2 < s->kid_at[j + 1]; r2++) {
            size_t k = s->kids[r2];
            if (evg_fr_base_is(s->ud[k].deprel, "nsubj")) {
                phrase_actors(s, k, on);
                /* "US and British forces must": the subjects coordinated
                 * with it */
                for (uint32_t r3 = s->kid_at[k]; r3 < s->kid_at[k + 1]; r3++)
                    if (is_rel(&s->ud[s->kids[r3]], "conj"))
                        phrase_actors(s, s->kids[r3], on);
                break;
            }
        }
        return j;
    }
    return EVG_NONE;
}

void evg_events__frame_defied(const sent_ctx *s, const cand *c, actor_set *out)
{
    if (!c->framed)
        return;
    evg_frame fr;
    evg_events__cand_frame(s, c, &fr);
    for (size_t i = 0; i < fr.n_arg; i++) {
        size_t j = fr.arg[i].word;
        if (fr.arg[i].how != EVG_FR_DIRECT || !fr.arg[i].prep ||
            strcmp(fr.arg[i].prep, "in") != 0 ||
            !evg_frame_opposition(s->ud, s->n_ud, j))
            continue;
        /* the actor of the phrase hung on the noun: "of Chinese
         * authorities", "against the government" */
        for (uint32_t q = s->kid_at[j]; q < s->kid_at[j + 1]; q++) {
            size_t k = s->kids[q];
            if (evg_fr_base_is(s->ud[k].deprel, "nmod"))
                phrase_actors(s, k, out);
        }
    }
}

/* Whether UD word j, an object, only counts more of what another verb
 * named: "others", "more" (elliptic_objects.words), or a bare number. */
static int elliptic_object(const sent_ctx *s, size_t j)
{
    const evg_doc_token *w = &s->ud[j];
    if (w->lemma && ev_bytes_in(w->lemma, strlen(w->lemma),
                                evg_events__elliptic_objects))
        return 1;
    if (!w->upos || !evg_fr_base_is(w->upos, "NUM"))
        return 0;
    /* "12 more": the word after the number, whatever the parse made of it */
    size_t i = evg_events__text_token(s, j);
    if (i != EVG_NONE && i + 1 < s->tok.n &&
        ev_word_in(s->text, &s->tok.v[i + 1], evg_events__elliptic_objects))
        return 1;
    /* a number with nothing of its own: "and wounded 12" */
    return s->kid_at[j] == s->kid_at[j + 1];
}

void evg_events__frame_elliptic(sent_ctx *s)
{
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        size_t p = c->pred;
        if (!c->framed || c->absorbed || c->noun || c->tgt.n ||
            !c->pat->cameo || p >= s->n_ud || !s->ud[p].deprel ||
            !evg_fr_base_is(s->ud[p].deprel, "conj") || s->ud[p].head == 0)
            continue;
        size_t h = s->ud[p].head - 1, obj = EVG_NONE;
        for (uint32_t q = s->kid_at[p]; q < s->kid_at[p + 1]; q++)
            if (s->ud[s->kids[q]].deprel &&
                strcmp(s->ud[s->kids[q]].deprel, "obj") == 0)
                obj = s->kids[q];
        if (obj == EVG_NONE || !elliptic_object(s, obj))
            continue;
        for (size_t q = 0; q < s->n_cand; q++) {
            const cand *o = &s->cand[q];
            if (q != k && o->framed && o->pred == h && o->tgt.n &&
                !o->noun) {
                c->tgt = o->tgt;
                break;
            }
        }
    }
}

static int has_kid(const sent_ctx *s, size_t v, const char *rel,
                   const char *lemma)
{
    for (uint32_t q = s->kid_at[v]; q < s->kid_at[v + 1]; q++) {
        const evg_doc_token *k = &s->ud[s->kids[q]];
        if (k->deprel && evg_fr_base_is(k->deprel, rel) &&
            (!lemma || (k->lemma && strcmp(k->lemma, lemma) == 0)))
            return 1;
    }
    return 0;
}

/* The infinitive of purpose under predicate p ("marched to demand", "blocked
 * roads ... to press their demands", "as they continued their effort to
 * overthrow"): a verb marked by "to" with no subject of its own, reached
 * through adverbial clauses, complements, objects and the clauses on them,
 * at most three levels down; EVG_NONE when there is none. */
static size_t purpose_verb(const sent_ctx *s, size_t p)
{
    static const char *const through[] = {"advcl", "xcomp", "acl", "obj",
                                          "obl", NULL};
    size_t level[EVG_FR_ARGS], next[EVG_FR_ARGS], nl = 1;
    level[0] = p;
    for (int depth = 0; depth < 3 && nl; depth++) {
        size_t nn = 0;
        for (size_t i = 0; i < nl; i++)
            for (uint32_t q = s->kid_at[level[i]]; q < s->kid_at[level[i] + 1];
                 q++) {
                size_t j = s->kids[q];
                const char *rel = s->ud[j].deprel;
                int ok = 0;
                for (const char *const *r = through; rel && *r && !ok; r++)
                    ok = evg_fr_base_is(rel, *r);
                if (!ok)
                    continue;
                if (s->ud[j].upos && evg_fr_base_is(s->ud[j].upos, "VERB") &&
                    has_kid(s, j, "mark", "to") && !has_kid(s, j, "nsubj", NULL))
                    return j;
                if (nn < EVG_FR_ARGS)
                    next[nn++] = j;
            }
        memcpy(level, next, nn * sizeof(*level));
        nl = nn;
    }
    return EVG_NONE;
}

void evg_events__frame_purpose(const sent_ctx *s, const cand *c,
                               actor_set *out)
{
    if (!c->framed || c->pred >= s->n_ud)
        return;
    size_t v = purpose_verb(s, c->pred);
    if (v == EVG_NONE)
        return;
    /* the first actor named in the purpose clause that is not the doer */
    for (size_t w = v + 1; w < s->n_ud; w++) {
        size_t e = entity_at(s, w);
        if (e == EVG_NONE || !below(s, w, v))
            continue;
        int self = 0;
        for (size_t r = 0; r < c->src.n; r++)
            self |= c->src.v[r] == e;
        if (self)
            continue;
        phrase_actors(s, w, out);
        return;
    }
}

void evg_events__frame_purpose_absorb(sent_ctx *s)
{
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        size_t p = c->pred;
        if (!c->framed || c->absorbed || c->noun ||
            c->pat->kind == EVG_TK_REPORT || p >= s->n_ud ||
            !s->ud[p].deprel || !evg_fr_base_is(s->ud[p].deprel, "advcl") ||
            !has_kid(s, p, "mark", "to") || has_kid(s, p, "nsubj", NULL) ||
            s->ud[p].head == 0)
            continue;
        size_t h = s->ud[p].head - 1;
        for (size_t q = 0; q < s->n_cand; q++) {
            const cand *o = &s->cand[q];
            if (q != k && o->framed && !o->absorbed && !o->noun &&
                o->pred == h && o->pat->kind != EVG_TK_REPORT) {
                c->absorbed = 1;
                break;
            }
        }
    }
}

int evg_events__governs(const sent_ctx *s, size_t a, size_t w)
{
    if (a >= s->n_ud || w >= s->n_ud)
        return 0;
    for (size_t d = 0; d < s->n_ud && s->ud[w].head; d++) {
        w = s->ud[w].head - 1;
        if (w == a)
            return 1;
    }
    return 0;
}

void evg_events__shared_object(sent_ctx *s)
{
    for (size_t k = 0; k < s->n_cand; k++) {
        cand *c = &s->cand[k];
        size_t e = c->end;
        if (c->absorbed || c->noun || c->tgt.n || !c->pat->cameo ||
            e + 1 >= s->tok.n ||
            !ev_word_in(s->text, &s->tok.v[e], evg_events__prepositions) ||
            !(evg_events__is(s, e + 1, "and") ||
              evg_events__is(s, e + 1, "or")))
            continue;
        /* the preposition's object is the next verb's: the first
         * candidate after the conjunction that has a target */
        for (size_t q = k + 1; q < s->n_cand; q++) {
            const cand *o = &s->cand[q];
            if (o->head <= e + 1 || o->noun)
                continue;
            if (o->tgt.n && o->pat->kind != EVG_TK_REPORT)
                c->tgt = o->tgt;
            break;
        }
    }
}
