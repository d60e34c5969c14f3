/* Participants the parse finds without an actor in their phrase, linked to
 * an actor the finder already made when the evidence names exactly one:
 *
 * - "we", "us", "our" in what a speaker says stand for the organization
 *   the speaker speaks for: the speaker itself when it is no person
 *   ("Ryanair said we ..."), else the one organization named inside the
 *   speaker's phrase ('"We have reduced our effort," said Boeing
 *   spokeswoman Sandy Angers'; "Tom Enders, chief executive of Airbus,
 *   said"). A person without one, or with two, links nothing.
 * - A model number in the phrase ("the 787", "One of the A380s") that
 *   ends the mention of an actor named within LINK_WINDOW sentences
 *   ("Boeing 787") stands for it.
 * - A definite description whose head ends the name of an actor named
 *   within LINK_WINDOW sentences (not a person or a place) stands for it:
 *   "the store" after "the iTunes Store" (a head match).
 * - A definite description headed by a vehicle noun ("the plane", "this
 *   aircraft", "the massive airliner") stands for the vehicle model the
 *   text named last, within LINK_WINDOW sentences: an actor one of whose
 *   mentions a vehicle noun follows ("Dreamliner aircraft"; not a
 *   company, whose code has a sector: "Airbus aircraft" names the maker),
 *   or whose name ends in a model number of three digits or more
 *   ("Boeing 787", "A380").
 *
 * - A definite description of an organization ("the company") in what a
 *   person says who speaks for one organization named in the speaker's
 *   phrase stands for that organization ("Louis Gallois, the Airbus chief
 *   executive, said the company expects to cut jobs": Airbus), whatever
 *   the actor finder resolved it to.
 *
 * Who else an actor is (its identity, its other names and pronouns) is
 * the actor finder's; this only reads what it made (docs/events.md). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "doc_layer.h"
#include "events.h"
#include "words.h"

#define LINK_WINDOW 3   /* sentences back a description may refer */
#define LINK_DEPTH 3    /* levels searched inside the speaker's phrase */

static const char *const *first_plural; /* pronouns_first_plural.words */
static const char *const *thing;        /* pronouns_thing.words */
static const char *const *third_plural; /* pronouns_plural.words */
static const char *const *definite;     /* definite_determiners.words */
static const char *const *vehicles;     /* vehicles.words */
static const char *const *product_heads; /* product_heads.words */
static const char *const *party_preps;  /* party_preps.words */

static const evg_words_use uses[] = {
    {"pronouns_first_plural.words", 0, &first_plural, NULL},
    {"pronouns_thing.words", 0, &thing, NULL},
    {"pronouns_plural.words", 0, &third_plural, NULL},
    {"definite_determiners.words", 0, &definite, NULL},
    {"vehicles.words", 0, &vehicles, NULL},
    {"product_heads.words", 0, &product_heads, NULL},
    {"party_preps.words", 0, &party_preps, NULL},
};
static evg_words_set lists = EVG_WORDS_SET(uses);

int evg_events__load_links(evg_error *err)
{
    return evg_words_load(&lists, err);
}

static int ud_in(const evg_doc_token *t, const char *const *set)
{
    return t->form && ev_bytes_in(t->form, strlen(t->form), set);
}

static int rel_is(const evg_doc_token *t, const char *rel)
{
    return t->deprel && evg_fr_base_is(t->deprel, rel);
}

/* Relations that stay inside a noun phrase: where the speaker's
 * employer is named ("Boeing spokeswoman", "chief executive of Airbus",
 * "Airbus's chief"). */
static int inside_phrase(const evg_doc_token *t)
{
    static const char *const rels[] = {"compound", "flat", "nmod", "appos",
                                       "amod", NULL};
    for (const char *const *r = rels; *r; r++)
        if (rel_is(t, *r))
            return 1;
    return 0;
}

static int organization(const evg_doc *doc, size_t e)
{
    evg_entity_kind k = doc->entities[e].kind;
    return k == EVG_KIND_ORGANIZATION || k == EVG_KIND_GOVERNMENT ||
           k == EVG_KIND_GROUP;
}

/* The first of the coder's mentions (in text order) that starts at or
 * after byte `at`; st->n_ment if none. */
static size_t first_mention(const ev_state *st, size_t at)
{
    size_t lo = 0, hi = st->n_ment;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->ment[mid].start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The one organization named with a person's earlier mentions (before
 * byte `before`): inside one ("Dermot Mannion, chief executive of Aer
 * Lingus") or just before one ("Boeing spokeswoman Sandy Angers", whose
 * mention starts at the title); EVG_NONE when none or several. */
static size_t employer_of(const ev_state *st, size_t who, size_t before)
{
    const evg_doc *doc = st->doc;
    size_t found = EVG_NONE;
    size_t end = first_mention(st, before);
    for (size_t m = 0; m < end; m++) {
        const ment *p = &st->ment[m];
        if (p->entity != who)
            continue;
        for (size_t k = m ? m - 1 : m + 1; k < st->n_ment; k++) {
            const ment *q = &st->ment[k];
            if (k > m && q->start >= p->end)
                break;
            if (k == m)
                continue;
            int inside = q->start >= p->start && q->end <= p->end;
            int beside = q->end <= p->start && p->start - q->end <= 1;
            size_t e = q->entity;
            if ((!inside && !beside) || e >= doc->n_entities || e == who ||
                !organization(doc, e))
                continue;
            if (found != EVG_NONE && found != e)
                return EVG_NONE;
            found = e;
        }
    }
    return found;
}

/* The organization a speaker (UD word w, actor `who`) speaks for. */
static size_t speaks_for(const ev_state *st, const sent_ctx *s, size_t w,
                         size_t who)
{
    const evg_doc *doc = st->doc;
    if (doc->entities[who].kind != EVG_KIND_PERSON)
        return who;
    size_t level[EVG_FR_ARGS], next[EVG_FR_ARGS], nl = 1, nn;
    size_t found = EVG_NONE;
    level[0] = w;
    for (int depth = 0; depth < LINK_DEPTH && nl; depth++) {
        nn = 0;
        for (size_t j = 0; j < s->n_ud; j++) {
            int conj = rel_is(&s->ud[j], "conj");
            if (!inside_phrase(&s->ud[j]) && !conj)
                continue;
            for (size_t k = 0; k < nl; k++) {
                if (s->ud[j].head != level[k] + 1)
                    continue;
                /* titles coordinated in an apposition ("Scott Fancher,
                 * project manager and Boeing vice president") are the
                 * speaker's; coordinated speakers are others */
                if (conj && !rel_is(&s->ud[level[k]], "appos"))
                    continue;
                size_t e = evg_events__ud_entity(s, j);
                if (e != EVG_NONE && e != who && organization(doc, e)) {
                    if (found != EVG_NONE && found != e)
                        return EVG_NONE; /* two: no evidence for one */
                    found = e;
                }
                if (nn < EVG_FR_ARGS)
                    next[nn++] = j;
            }
        }
        memcpy(level, next, nn * sizeof(*next));
        nl = nn;
    }
    if (found != EVG_NONE)
        return found;
    /* the parse hung the speaker's title elsewhere ("Louis Gallois, the
     * Airbus chief executive" as a list): the one organization named in
     * the bytes of the speaker's phrase */
    size_t a, b;
    evg_events__phrase_span(s, w, &a, &b);
    for (size_t m = first_mention(st, a); m < st->n_ment && st->ment[m].start < b; m++) {
        size_t e = st->ment[m].entity;
        if (st->ment[m].end > b || e >= doc->n_entities || e == who ||
            !organization(doc, e))
            continue;
        if (found != EVG_NONE && found != e)
            return EVG_NONE;
        found = e;
    }
    /* '"We have reduced our effort," said Angers' after "Boeing
     * spokeswoman Sandy Angers" */
    return found != EVG_NONE ? found
                             : employer_of(st, who, s->ud[w].start);
}

/* The actor who speaks the words the frame is in (the agent of its
 * reporting verb), or EVG_NONE; its UD word in *word. */
static size_t speaker(const sent_ctx *s, const evg_frame *f, size_t *word)
{
    if (!(f->mod & EVG_FR_REPORTED) || f->report == EVG_NONE ||
        f->report >= s->n_ud)
        return EVG_NONE;
    evg_frame r;
    evg_frame_build(s->ud, s->n_ud, f->report, &r);
    size_t at = 0;
    const evg_fr_arg *a = evg_frame_next(&r, EVG_FR_AGENT, &at);
    if (!a)
        return EVG_NONE;
    *word = a->word;
    return evg_events__ud_entity(s, a->word);
}

/* "it", "they", "their" the actor finder left unresolved, in what an
 * organization says of itself: "Airbus have announced that they will
 * contribute", "Airbus has said they will continue". A person's "they"
 * or "it" is someone or something else. */
static size_t third_person(const ev_state *st, const sent_ctx *s,
                           const evg_frame *f)
{
    size_t w, who = speaker(s, f, &w);
    if (who == EVG_NONE || !organization(st->doc, who))
        return EVG_NONE;
    return who;
}

/* "we" in what the frame's speaker says. */
static size_t first_person(const ev_state *st, const sent_ctx *s,
                           const evg_frame *f)
{
    size_t w, who = speaker(s, f, &w);
    if (who == EVG_NONE && st->q_open && st->q_speaker != EVG_NONE &&
        st->q_speaker < st->doc->n_entities && s->n_ud) {
        /* a quotation opened in a sentence before, by its speaker
         * (events_quotes.c): '... Ron Sugar said, "Everyone told us we
         * were crazy. But we took a big swing."' */
        who = st->q_speaker;
        if (st->doc->entities[who].kind != EVG_KIND_PERSON)
            return who;
        return employer_of(st, who, s->ud[0].start);
    }
    if (who == EVG_NONE)
        return EVG_NONE;
    return speaks_for(st, s, w, who);
}

/* Whether the word after byte `at` (one word may come between:
 * "A380 superjumbo airliner") is a vehicle noun. */
static int vehicle_follows(const char *text, size_t len, size_t at)
{
    for (int words = 0; words < 2; words++) {
        while (at < len && (text[at] == ' ' || text[at] == '\t' ||
                            text[at] == '\n' || text[at] == '\r'))
            at++;
        size_t b = at;
        while (at < len && ((text[at] | 0x20) >= 'a' && (text[at] | 0x20) <= 'z'))
            at++;
        if (at == b)
            return 0;
        if (ev_bytes_in(text + b, at - b, vehicles))
            return 1;
    }
    return 0;
}

/* Whether the last word of `name` holds three digits or more ("787",
 * "A380"). */
static int model_number(const char *name)
{
    const char *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    int digits = 0;
    for (; *last; last++)
        digits += *last >= '0' && *last <= '9';
    return digits >= 3;
}

static int vehicle_model_of(const evg_doc *doc, size_t e)
{
    const evg_entity *en = &doc->entities[e];
    if (en->kind == EVG_KIND_PERSON || en->kind == EVG_KIND_COUNTRY ||
        en->kind == EVG_KIND_LOCATION)
        return 0;
    if (en->name && model_number(en->name))
        return 1;
    /* the finder gives a model no sector ("Dreamliner aircraft": USA);
     * a company before a vehicle noun is its maker ("Airbus aircraft") */
    if (en->code && strlen(en->code) > 3)
        return 0;
    for (size_t k = 0; k < en->n_mentions; k++) {
        const evg_span *m = &en->mentions[k].span;
        /* the noun inside the mention ("Dreamliner aircraft") or after */
        size_t b = m->end;
        while (b > m->start && doc->text[b - 1] != ' ')
            b--;
        if ((b > m->start &&
             ev_bytes_in(doc->text + b, m->end - b, vehicles)) ||
            vehicle_follows(doc->text, doc->text_len, m->end))
            return 1;
    }
    return 0;
}

/* vehicle_model_of, asked once per entity (an entity may have many
 * mentions); without memory for the answers, asked every time. */
static int vehicle_model(ev_state *st, size_t e)
{
    const evg_doc *doc = st->doc;
    if (!st->model_of && doc->n_entities)
        st->model_of = calloc(doc->n_entities, 1);
    if (!st->model_of)
        return vehicle_model_of(doc, e);
    if (!st->model_of[e])
        st->model_of[e] = vehicle_model_of(doc, e) ? 2 : 1;
    return st->model_of[e] == 2;
}

/* The length of n bytes at w without a plural "s" ("Stores", "store"). */
static size_t singular(const char *w, size_t n)
{
    return n > 3 && (w[n - 1] | 0x20) == 's' && (w[n - 2] | 0x20) != 's'
               ? n - 1
               : n;
}

/* Whether the last word of the mention at bytes [a, b) is the noun
 * `h` (hn bytes), singular or plural, in any case: "iTunes Music Store"
 * ends in "the store"'s head. */
static int ends_in(const char *text, size_t a, size_t b, const char *h,
                   size_t hn)
{
    size_t e = b;
    while (e > a && !isalnum((unsigned char)text[e - 1]))
        e--;
    size_t k = e;
    while (k > a && isalnum((unsigned char)text[k - 1]))
        k--;
    size_t n = singular(text + k, e - k);
    hn = singular(h, hn);
    if (n != hn || !n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((text[k + i] | 0x20) != (h[i] | 0x20))
            return 0;
    return 1;
}

/* The actor of the most recent mention within LINK_WINDOW sentences
 * before byte `before`: with `vehicle`, one that names a vehicle model;
 * else one, not a person or a place, whose mention ends in `f`. */
static size_t recent_actor(ev_state *st, const sent_ctx *s, size_t before,
                           const char *f, int vehicle)
{
    const evg_doc *doc = st->doc;
    /* a vehicle noun refers to the model the story is about, however
     * far back it was named, unless another model was named since */
    size_t first = vehicle ? 0
                   : s->index > LINK_WINDOW ? s->index - LINK_WINDOW : 0;
    size_t from = evg_doc__sentence(doc, first).start;
    for (size_t m = first_mention(st, before); m-- > 0;) {
        const ment *mt = &st->ment[m];
        if (mt->start < from)
            break;
        if (mt->entity >= doc->n_entities)
            continue;
        if (vehicle) {
            if (vehicle_model(st, mt->entity))
                return mt->entity;
            continue;
        }
        evg_entity_kind k = doc->entities[mt->entity].kind;
        if (k != EVG_KIND_PERSON && k != EVG_KIND_LOCATION &&
            k != EVG_KIND_COUNTRY &&
            ends_in(doc->text, mt->start, mt->end, f, strlen(f)))
            return mt->entity;
    }
    return EVG_NONE;
}

/* Whether UD word w has a definite determiner ("the", "this"). */
static int definite_det(const sent_ctx *s, size_t w)
{
    for (size_t j = 0; j < s->n_ud; j++)
        if (s->ud[j].head == w + 1 && rel_is(&s->ud[j], "det") &&
            ud_in(&s->ud[j], definite))
            return 1;
    return 0;
}

/* "the plane": the vehicle model named last before UD word w; "the
 * store": the actor named last, not a person or a place, whose name
 * ends in the description's head ("the iTunes Store"), a head match. */
static size_t description(ev_state *st, const sent_ctx *s, size_t w)
{
    const evg_doc_token *t = &s->ud[w];
    if (!t->upos || strcmp(t->upos, "NOUN") != 0 || !t->form)
        return EVG_NONE;
    int vehicle = ud_in(t, vehicles);
    if (!definite_det(s, w))
        return EVG_NONE;
    return recent_actor(st, s, t->start, t->form, vehicle);
}

/* Whether a word is a model number: three digits or more, with letters
 * or a plural "s" perhaps ("787", "A380", "A380s"). */
static int model_word(const char *w)
{
    int digits = 0;
    size_t n = strlen(w);
    if (n > 8)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (isdigit((unsigned char)w[i]))
            digits++;
        else if (!isalpha((unsigned char)w[i]))
            return 0;
    }
    return digits >= 3;
}

/* "the 787", "One of the A380s": a model number in the phrase of UD word
 * w (its head, or a word hung on it) that ends the mention of an actor
 * named within LINK_WINDOW sentences ("Boeing 787", "A380"), not a
 * person or a place: that actor, the most recent. */
static size_t model_reference(ev_state *st, const sent_ctx *s, size_t w)
{
    size_t word = EVG_NONE;
    if (s->ud[w].form && model_word(s->ud[w].form))
        word = w;
    for (size_t j = 0; j < s->n_ud && word == EVG_NONE; j++)
        if (s->ud[j].head == w + 1 && s->ud[j].form &&
            (rel_is(&s->ud[j], "nmod") || rel_is(&s->ud[j], "compound")) &&
            model_word(s->ud[j].form))
            word = j;
    if (word == EVG_NONE)
        return EVG_NONE;
    return recent_actor(st, s, s->ud[w].start, s->ud[word].form, 0);
}

size_t evg_events__speaker_description(ev_state *st, const sent_ctx *s,
                                       const evg_frame *f, size_t w,
                                       size_t e)
{
    if (w >= s->n_ud || e == EVG_NONE || !s->ud[w].upos ||
        strcmp(s->ud[w].upos, "NOUN") != 0 ||
        !organization(st->doc, e))
        return e;
    if (!definite_det(s, w))
        return e;
    size_t sw, who = speaker(s, f, &sw);
    if (who == EVG_NONE || st->doc->entities[who].kind != EVG_KIND_PERSON)
        return e;
    size_t o = speaks_for(st, s, sw, who);
    return o != EVG_NONE ? o : e;
}

int evg_events__party_prep(const char *prep)
{
    return prep && ev_bytes_in(prep, strlen(prep), party_preps);
}

/* Whether the entity's name holds a digit (a model: "Airbus A380"). */
static int model_entity(const evg_doc *doc, size_t e)
{
    for (const char *c = doc->entities[e].name; c && *c; c++)
        if (isdigit((unsigned char)*c))
            return 1;
    return 0;
}

/* Whether the entity's code names no sector (no "BUS", "GOV", ...): an
 * organization the dictionaries know nothing of, a product's name. */
static int no_sector(const evg_doc *doc, size_t e)
{
    const evg_entity *en = &doc->entities[e];
    return en->kind == EVG_KIND_ORGANIZATION &&
           (!en->code || strlen(en->code) <= 3);
}

int evg_events__modifier_actor(const ev_state *st, const sent_ctx *s,
                               size_t x, size_t e)
{
    if (x >= s->n_ud || e == EVG_NONE)
        return 0;
    /* up to the word of the name the rest of the phrase hangs on */
    size_t m = x;
    for (int k = 0; k < LINK_DEPTH * 4; k++) {
        size_t h = s->ud[m].head;
        if (!h || h > s->n_ud || evg_events__ud_entity(s, h - 1) != e ||
            !(rel_is(&s->ud[m], "flat") || rel_is(&s->ud[m], "compound")))
            break;
        m = h - 1;
    }
    if (!s->ud[m].head || s->ud[m].head > s->n_ud)
        return 0;
    /* an owner ("his company", "Boeing's rival") is no more the phrase's
     * participant than a modifier is */
    int poss = s->ud[m].deprel && strcmp(s->ud[m].deprel, "nmod:poss") == 0;
    if (!poss && !rel_is(&s->ud[m], "compound") && !rel_is(&s->ud[m], "amod"))
        return 0;
    const evg_doc_token *h = &s->ud[s->ud[m].head - 1];
    /* the noun it modifies: a common noun written in lower case, no part
     * of the same actor's mention */
    if (!h->upos || strcmp(h->upos, "NOUN") != 0 || !h->form ||
        !islower((unsigned char)h->form[0]) ||
        evg_events__ud_entity(s, s->ud[m].head - 1) == e)
        return 0;
    /* "the A380 superjumbo" is the A380, "an iPod portable music player"
     * the iPod: a model's name, or a name that is no actor's (no sector:
     * no company's, no government's), before the noun of its kind names
     * the thing itself; a maker stays the maker ("Boeing jets") */
    return !((ud_in(h, vehicles) || ud_in(h, product_heads)) &&
             (model_entity(st->doc, e) || no_sector(st->doc, e)));
}

size_t evg_events__link_arg(ev_state *st, const sent_ctx *s,
                            const evg_frame *f, size_t w)
{
    if (w >= s->n_ud)
        return EVG_NONE;
    if (ud_in(&s->ud[w], first_plural))
        return first_person(st, s, f);
    if (ud_in(&s->ud[w], thing) || ud_in(&s->ud[w], third_plural))
        return third_person(st, s, f);
    size_t e = model_reference(st, s, w);
    return e != EVG_NONE ? e : description(st, s, w);
}
