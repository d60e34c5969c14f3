/* What the dependency parse tells the event coder, when the document has
 * one (extract/frames/): the modality of a trigger, its arguments by role
 * (the events document's `args`), and the predicate a time expression
 * modifies. The CAMEO source and target stay those of the word-order
 * rules (events_args.c), which score better with today's parser on the
 * PLOVER records (docs/events.md), except for a participle that only
 * describes a noun ("in occupied Kuwait"), which has no source. */
#include <string.h>

#include "events.h"
#include "frames.h"

/* The UD word of the sentence holding the start of text token i. */
static size_t ud_word(const sent_ctx *s, size_t i)
{
    size_t at = s->tok.v[i].start;
    for (size_t w = 0; w < s->n_ud; w++)
        if (s->ud[w].start <= at && at < s->ud[w].end)
            return w;
    return EVG_NONE;
}

/* The text token holding the start of UD word w. */
static size_t text_token(const sent_ctx *s, size_t w)
{
    size_t at = s->ud[w].start;
    for (size_t i = 0; i < s->tok.n; i++)
        if (s->tok.v[i].start <= at && at < s->tok.v[i].end)
            return i;
    return EVG_NONE;
}

static size_t entity_at(const sent_ctx *s, size_t w)
{
    size_t i = text_token(s, w);
    return i == EVG_NONE ? EVG_NONE : s->ent[i];
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

/* The word of the noun phrase headed by w that names an actor: w itself,
 * else the nearest inside it ("the president of Iran", "the spokesman,
 * Richard Boucher"), never inside a clause that modifies it. */
static size_t phrase_actor(const sent_ctx *s, size_t w)
{
    if (entity_at(s, w) != EVG_NONE)
        return w;
    size_t level[EVG_FR_ARGS], next[EVG_FR_ARGS], nl = 1, nn;
    level[0] = w;
    for (int depth = 0; depth < 3 && nl; depth++) {
        nn = 0;
        for (size_t j = 0; j < s->n_ud; j++) {
            if (!s->ud[j].deprel || !phrase_rel(s->ud[j].deprel))
                continue;
            for (size_t k = 0; k < nl; k++)
                if (s->ud[j].head == level[k] + 1) {
                    if (entity_at(s, j) != EVG_NONE)
                        return j;
                    if (nn < EVG_FR_ARGS)
                        next[nn++] = j;
                }
        }
        memcpy(level, next, nn * sizeof(*next));
        nl = nn;
    }
    return EVG_NONE;
}

static int is_rel(const evg_doc_token *t, const char *rel)
{
    return t->deprel && strcmp(t->deprel, rel) == 0;
}

/* Adds the actor of the phrase headed by w, the actors coordinated with
 * it inside the phrase ("between an Israeli movement and the PLO"), and
 * coordinated modifiers ("Hungarian and Romanian officials"). */
static void phrase_actors(const sent_ctx *s, size_t w, actor_set *out)
{
    size_t x = phrase_actor(s, w);
    if (x == EVG_NONE)
        return;
    evg_events__add_actor(out, entity_at(s, x));
    for (size_t j = 0; j < s->n_ud; j++) {
        size_t h = s->ud[j].head;
        if (!h)
            continue;
        if (x != w && h == x + 1 && is_rel(&s->ud[j], "conj")) {
            size_t y = phrase_actor(s, j);
            if (y != EVG_NONE)
                evg_events__add_actor(out, entity_at(s, y));
        }
        /* a modifier of the head coordinated with another */
        if (h == x + 1 && (is_rel(&s->ud[j], "amod") ||
                           is_rel(&s->ud[j], "compound"))) {
            for (size_t k = 0; k < s->n_ud; k++)
                if (s->ud[k].head == j + 1 && is_rel(&s->ud[k], "conj") &&
                    entity_at(s, j) != EVG_NONE) {
                    evg_events__add_actor(out, entity_at(s, j));
                    if (entity_at(s, k) != EVG_NONE)
                        evg_events__add_actor(out, entity_at(s, k));
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

int evg_events__frame_at(const sent_ctx *s, size_t head, evg_frame *f)
{
    size_t w = s->n_ud ? ud_word(s, head) : EVG_NONE;
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

int evg_events__frame(sent_ctx *s, cand *c)
{
    if (!(c->framed = evg_events__frame_at(s, c->head, &c->frame)))
        return 0;
    const evg_frame *f = &c->frame;
    c->mod = evg_events__frame_modality(f, &c->would);
    if (f->modifier) {
        /* "in occupied Kuwait": a participle that only describes a noun
         * names no actor of its own */
        c->src.n = 0;
        take(s, f, EVG_FR_AGENT, &c->src);
        c->tgt.n = 0;
        take(s, f, EVG_FR_PATIENT, &c->tgt);
    }
    return 1;
}

/* Relations that open a clause or another phrase of their own: a
 * phrase's bytes stop there. */
static int clausal(const char *rel)
{
    static const char *const open[] = {"acl", "advcl", "ccomp", "xcomp",
                                       "parataxis", "conj", "cc", "punct",
                                       "dep", NULL};
    for (const char *const *r = open; *r; r++)
        if (evg_fr_base_is(rel, *r))
            return 1;
    return 0;
}

/* Whether word j lies in the phrase headed by w (through non-clausal
 * relations only). */
static int in_phrase(const sent_ctx *s, size_t j, size_t w)
{
    for (size_t depth = 0; depth < s->n_ud; depth++) {
        if (j == w)
            return 1;
        if (!s->ud[j].head || !s->ud[j].deprel || clausal(s->ud[j].deprel))
            return 0;
        j = s->ud[j].head - 1;
    }
    return 0;
}

/* The bytes of the phrase headed by UD word w. */
static void phrase_bytes(const sent_ctx *s, size_t w, size_t *start,
                         size_t *end)
{
    *start = s->ud[w].start;
    *end = s->ud[w].end;
    for (size_t j = 0; j < s->n_ud; j++)
        if (j != w && in_phrase(s, j, w)) {
            if (s->ud[j].start < *start)
                *start = s->ud[j].start;
            if (s->ud[j].end > *end)
                *end = s->ud[j].end;
        }
}

/* The time expression holding bytes [a, b), as its index, or EVG_NONE. */
static size_t timex_at(const ev_state *st, const sent_ctx *s, size_t a,
                       size_t b)
{
    for (size_t k = st->tx_first[s->index]; k < st->tx_first[s->index + 1];
         k++) {
        const evg_timex *tx = &st->doc->timexes[st->tx_order[k]];
        if (tx->span.start <= a && b <= tx->span.end)
            return st->tx_order[k];
    }
    return EVG_NONE;
}

int evg_events__frame_args(ev_state *st, const sent_ctx *s,
                           const evg_frame *f, evg_event *ev)
{
    for (size_t i = 0; i < f->n_arg; i++) {
        const evg_fr_arg *a = &f->arg[i];
        size_t start, end;
        phrase_bytes(s, a->word, &start, &end);
        size_t x = phrase_actor(s, a->word);
        size_t e = x == EVG_NONE ? EVG_NONE : entity_at(s, x);
        evg_fr_role role = a->role;
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
        int rc = evg_event_add_arg(st->doc, ev, evg_fr_role_name(role),
                                   role == EVG_FR_TIME ? EVG_NONE : e, start,
                                   end);
        if (rc)
            return rc;
    }
    return 0;
}

/* Whether word w is reached from word c going up through its phrase and
 * clause, and through relative clauses to the noun they describe: an
 * expression that dates w's clause dates c too ("signed an order last
 * week that added Huawei"). */
static int reaches(const sent_ctx *s, size_t c, size_t w)
{
    for (size_t depth = 0; depth < s->n_ud; depth++) {
        if (c == w)
            return 1;
        const char *rel = s->ud[c].deprel;
        if (!s->ud[c].head || !rel ||
            (clausal(rel) && !evg_fr_base_is(rel, "acl") &&
             !strstr(rel, ":relcl")))
            return 0;
        c = s->ud[c].head - 1;
    }
    return 0;
}

int evg_events__timex_fits(const sent_ctx *s, size_t head, size_t start,
                           size_t end)
{
    size_t c = s->n_ud ? ud_word(s, head) : EVG_NONE;
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
    /* up to the first trigger or clause head above it */
    size_t w = s->ud[top].head - 1;
    for (size_t depth = 0; depth < s->n_ud; depth++) {
        if (w == c)
            return 2;
        size_t i = text_token(s, w);
        if ((i != EVG_NONE && s->trig_at[i]) || !s->ud[w].head ||
            clausal(s->ud[w].deprel))
            break;
        w = s->ud[w].head - 1;
    }
    if (reaches(s, c, w))
        return 1;
    /* a reported event without a time of its own happened when the report
     * says ("earlier this week, the department said it would delay ...") */
    evg_frame f;
    evg_frame_build(s->ud, s->n_ud, c, &f);
    return f.report != EVG_NONE && reaches(s, f.report, w);
}
