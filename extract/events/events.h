/* Private to the event coder: its working state, and the stage it offers
 * the pipeline. The parts: events_words.c (word classes), events_args.c
 * (the actors of a trigger), events.c (triggers, modality, candidates, the
 * stage), events_emit.c (events of a sentence), events_rel.c (across the
 * document). */
#ifndef EVG_EXTRACT_EVENTS_H
#define EVG_EXTRACT_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "frames.h"
#include "lexicon.h"
#include "tokens.h"
#include "triggers.h"

/* The stage: codes events (CAMEO), their arguments, modality and time, and
 * the relations between them. */
int evg_extract__events(evg_doc *doc, const evg_lexicon *lex,
                        const evg_extract_opts *opts, evg_error *err);

/* ---- the coder's working state (events.c, events_emit.c, events_rel.c) */

#define ACTORS_MAX 16     /* actors per event side */
#define SUBJ_WINDOW 20    /* tokens searched left for a subject */
#define OBJ_WINDOW 10     /* tokens searched right for an object */
#define PREP_WINDOW 12    /* tokens searched right for a preposition */
#define GAP_MAX 6         /* tokens a "_" in a pattern may skip */
#define NP_GAP_MAX 4      /* tokens a "~" (inside a noun phrase) may skip */
#define MOD_WINDOW 6      /* tokens searched left for modal words */
#define COMPL_WINDOW 10   /* tokens from a verb to the event it governs */
#define NOUN_OBJ_WINDOW 6 /* a noun trigger this close after a verb is its
                             object */
#define FALLBACK_WINDOW 15 /* tokens searched for a target anywhere */
#define PURPOSE_WINDOW 20 /* "staged rallies ... to demand": purpose */
#define MERGE_BACK 64     /* earlier events a mention is compared with */

/* entity numbers in 4 bytes: a sentence of 10,000 words has thousands of
 * candidates, each with two of these (evg_events__add_actor keeps no
 * number of 4G or more, which no document's entities reach) */
typedef struct actor_set {
    uint32_t v[ACTORS_MAX];
    uint32_t n;
} actor_set;

/* A trigger found in a sentence, before it becomes an event (232 bytes:
 * a sentence of 10,000 words has about 4,000; they were 376). */
typedef struct cand {
    const evg_trig_pat *pat;
    size_t head, end;  /* token of the head; token after the match */
    size_t took;       /* matched over the frame: its last word, else
                          EVG_NONE */
    size_t attributed;
    size_t ev;         /* index in doc->events once emitted, or EVG_NONE */
    size_t pred;       /* its predicate (UD word); the frame itself (600
                          bytes) is made again where it is needed
                          (evg_events__cand_frame) */
    int noun;          /* read as a nominalization */
    int passive;
    int absorbed;      /* governed by another trigger: not coded */
    int inherits;      /* "thereby restricting": subject of the previous */
    int demand;        /* "X said Y must ...": coded as a demand */
    int would;         /* planned through "would" */
    int background;    /* reduced relative ("a bill signed by X") */
    int framed;        /* the parse gave a frame (evg_events__frame) */
    evg_modality mod;
    actor_set src, tgt;
} cand;

typedef struct ment {
    size_t start, end, entity;
} ment;

typedef struct sent_ctx {
    const char *text;
    size_t index;
    evg_tokens tok;
    size_t *ent, cap_ent;    /* entity of each token or EVG_NONE */
    size_t *mid, cap_mid;    /* mention of each token (unique if none) */
    size_t *bar, cap_bar;    /* prefix counts of clause boundaries */
    unsigned char *in_tx;    /* token lies inside a time expression */
    size_t cap_tx;
    unsigned char *used;     /* last word of a matched pattern */
    size_t cap_used;
    /* candidate lemmas of each token, computed on first use (a cache:
     * filled through const pointers too): where its lemmas start in
     * lem_pool (NUL-separated, packed: a fixed slot of 246 bytes a token
     * was 17 times a sentence's text) */
    uint32_t *lem;
    unsigned char *n_lem;    /* lemmas of each token, LEMMAS_UNSET before */
    size_t cap_lem, cap_n_lem;
    char *lem_pool;
    size_t n_pool, cap_pool;
    const evg_trig_pat **trig_at;
    size_t cap_trig;
    int question;
    const evg_doc_token *ud; /* the sentence's words in the token layer */
    size_t n_ud;             /* 0 when the document was not parsed */
    /* the words of a window of a sentence read from doc->tokens, with
     * heads counted from the window's first word */
    evg_doc_token *own_ud;
    size_t cap_own_ud;
    /* the time expressions of the sentence (or window): positions
     * [tx_lo, tx_hi) of ev_state.tx_order */
    size_t tx_lo, tx_hi;
    cand *cand;
    size_t n_cand, cap_cand;
    /* indexes of the parse, made once a sentence (events_index.c), so
     * that no rule scans the whole sentence for each trigger (a sentence
     * of 10,000 words has thousands): the UD word of each text token and
     * the text token of each UD word (UINT32_MAX: none), and the
     * dependents of UD word w, kids[kid_at[w]] to kids[kid_at[w + 1] - 1]
     * in word order */
    uint32_t *ud_of, *tok_of, *kid_at, *kids;
    size_t cap_ud_of, cap_tok_of, cap_kid_at, cap_kids;
    int tree;      /* every head is a word of the sentence or the root,
                      without cycles */
    int spans_set; /* span_lo/span_hi hold (evg_events__phrase_span):
                      byte offsets in 4 bytes, set only when the
                      sentence ends before 4 GiB */
    uint32_t *span_lo, *span_hi;
    size_t cap_span_lo, cap_span_hi;
    uint32_t *scratch, *scratch2; /* a word or token each, for the
                                     lookups below */
    size_t cap_scratch, cap_scratch2;
    int ordered;   /* text tokens and UD words each in order, apart */
    /* per text token i: whether an "if", "unless" or "whether" comes
     * before it with no comma or semicolon between (cond_open[i]), and
     * the last clause boundary before it (bound_before[i], UINT32_MAX:
     * none) */
    unsigned char *cond_open;
    uint32_t *bound_before;
    size_t cap_cond_open, cap_bound_before;
    /* what the CAMEO candidates say of each UD word (events_uncoded.c):
     * flags, and the events whose trigger overlaps it, hit_ev[hit_at[w]]
     * to hit_ev[hit_at[w + 1] - 1] */
    unsigned char *hit;
    uint32_t *hit_at, *hit_ev;
    size_t cap_hit, cap_hit_at, cap_hit_ev;
    uint32_t *and_after; /* attribute(): per candidate */
    size_t cap_and_after;
} sent_ctx;

/* 8 bytes an event: a document of 10,000-word sentences has a hundred
 * thousand events in 1 MB (evg_extract__events refuses UINT32_MAX
 * sentences) */
typedef struct ev_meta {
    uint32_t sentence;
    unsigned char noun;         /* nominal mention */
    unsigned char statement;    /* a reporting verb coded as a statement */
    unsigned char mention_only; /* nominal without an actor: merged or
                                   dropped */
    unsigned char dead;         /* merged into another event */
} ev_meta;

typedef struct ev_rel {
    evg_rel_type type;
    size_t from, to;
} ev_rel;

typedef struct ev_state {
    evg_doc *doc;
    const evg_triggers *trig;
    ment *ment;
    size_t n_ment, mpos;
    size_t *tx_order;  /* timex indexes sorted by start */
    uint32_t *tx_first; /* per sentence: first position in tx_order (4
                           bytes: a document of one-word sentences) */
    ev_meta *meta;
    size_t n_meta, cap_meta;
    ev_rel *rels;
    size_t n_rels, cap_rels;
    size_t prev_first; /* first event of the last sentence with events
                          (its original number: see shift) */
    const char *dct;   /* doc-owned copy of the DCT or NULL */
    /* the narrative's reference time: the last past day a time
       expression gave a past-tense event, and its sentence
       (evg_events__narrative_time) */
    const char *ref_value, *ref_lo, *ref_hi;
    size_t ref_sentence;
    /* a quotation running over sentences (events_quotes.c): open at the
       start of the next sentence, its speaker when named before it,
       the first event inside it still waiting for its speaker, and the
       sentences it has run */
    int q_open;
    size_t q_speaker, q_from, q_sentences;
    /* per entity, once asked (events_links.c): 0 not yet known, 1 no
       vehicle model, 2 a vehicle model */
    unsigned char *model_of;
    /* the merge as the sentences go (events_rel.c): events before
       `kept` are final and compacted; `shift` events were merged away
       before them, so an event's number as made (its original number,
       which the relations and `alias` use) is its index + shift; the
       events before `merged` have been compared with the 64 before them;
       alias[o]: the original number of the event o was merged into, o
       itself, or UINT32_MAX when it was dropped */
    uint32_t *alias;
    size_t n_alias, cap_alias;
    size_t merged, kept, shift;
    /* events final so far (before `kept`) that the document keeps: all,
       or with `coded_only` (--cameo-only) the CAMEO-coded ones; no later
       step drops them, so the document is refused (--max-events) as soon
       as they are over the limit, not once every sentence is coded */
    size_t n_final;
    int coded_only;
    /* the mention arrays of merged events (events_rel.c) that a merge
       outgrew or whose event was merged away, by capacity (1 << k, up
       to SPARE_MENT_MAX elements), for later merges: each holds the next
       in its first bytes. Growing one event's mentions one at a time
       left each outgrown copy in the arena (twice the room they need) */
    void *spare_ment[10];
    /* the short strings events share (events_strings.c): open
       addressing, str_cap a power of two */
    const char **str_tab;
    size_t str_n, str_cap;
} ev_state;

int evg_events__is(const sent_ctx *s, size_t i, const char *w);
/* events_strings.c. The document's copy of the `n` bytes at `s`, one
 * copy for every event that holds the same short string (a CAMEO code,
 * a trigger's words, a summary); NULL when out of memory. */
const char *evg_events__str(ev_state *st, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL for NULL. */
const char *evg_events__strz(ev_state *st, const char *s);
/* evg_doc_span() with the bytes shared as evg_events__str() shares them:
 * EVG_EINVAL, EVG_ENOMEM. */
int evg_events__span(ev_state *st, evg_span *span, size_t start,
                     size_t end);
/* events_index.c. Makes the sentence's indexes of its parse (after
 * s->tok and s->ud are set); EVG_ENOMEM. */
int evg_events__index(sent_ctx *s);
/* The per-token indexes (cond_open, bound_before), once s->bar is set;
 * EVG_ENOMEM. */
int evg_events__index_tokens(sent_ctx *s);
void evg_events__index_dispose(sent_ctx *s);
/* Sorts the `n` word numbers at `v` in ascending order. */
void evg_events__sort_words(uint32_t *v, size_t n);
/* Whether UD word w's relation opens a clause or another phrase of its
 * own (acl, advcl, ccomp, xcomp, parataxis, conj, cc, punct, dep): a
 * phrase's bytes stop there. */
int evg_events__clausal_rel(const char *rel);
/* The bytes of the phrase headed by UD word w: its own and those of
 * every word below it through relations that are not clausal. */
void evg_events__phrase_span(const sent_ctx *s, size_t w, size_t *start,
                             size_t *end);
/* events_frames.c. The UD word holding the start of text token i, and the
 * text token holding the start of UD word w; EVG_NONE when there is none. */
size_t evg_events__ud_word(const sent_ctx *s, size_t i);
size_t evg_events__text_token(const sent_ctx *s, size_t w);
/* events_frames.c. The frame of the trigger at text token `head` into
 * *f; 0 when the sentence has no parse. */
int evg_events__frame_at(const sent_ctx *s, size_t head, evg_frame *f);
/* The actor who reports the frame's predicate: the agent of its reporting
 * verb ("the newspaper said Iran attacked", '"...", Jobs said'), or
 * EVG_NONE. */
size_t evg_events__speaker(const sent_ctx *s, const evg_frame *f);
/* The modality a frame gives, and whether it is planned through "would". */
evg_modality evg_events__frame_modality(const evg_frame *f, int *would);
/* The frame of a candidate that has one (c->framed). */
void evg_events__cand_frame(const sent_ctx *s, const cand *c, evg_frame *f);
/* Keeps the candidate's frame (c->framed, c->pred) and sets its
 * modality, and the actors of a participle that only describes a noun,
 * from it; 0 (and nothing changed) when the sentence has no parse. */
int evg_events__frame(sent_ctx *s, cand *c);
/* The CAMEO source and target of the candidate from its frame (found by
 * evg_events__frame), after the word-order rules (fill_args) set them:
 * the parse decides where word order cannot see the roles (a passive, its
 * `by` agent, a relative clause, coordinated verbs, a light verb)
 * (docs/events.md, The parse). */
void evg_events__frame_roles(const sent_ctx *s, cand *c);
/* The actors an act of c's frame defies or opposes, named by the phrase
 * under "in defiance of", "in protest against", "in opposition to"
 * (frame_opposition_nouns.words), added to `out`. */
void evg_events__frame_defied(const sent_ctx *s, const cand *c, actor_set *out);
/* "killed three soldiers and wounded two others": a verb without a target
 * whose object only counts more of the same (elliptic_objects.words, or a
 * bare number) takes the target of the verb it is coordinated with. */
void evg_events__frame_elliptic(sent_ctx *s);
/* The actors named in the infinitive of purpose of c's predicate ("blocked
 * roads to press their demands on the government", "marched to demand the
 * resignation of President X"), the doer left out, added to `out`: whom a
 * protest addresses when it names nobody itself. */
void evg_events__frame_purpose(const sent_ctx *s, const cand *c,
                               actor_set *out);
/* "will give Tanzania a grant of 580 million shillings over three years to
 * finance projects": an infinitive of purpose (`advcl` marked "to", no
 * subject of its own) under another candidate's predicate is part of that
 * event, however far it stands from it (the word-order rule looks a few
 * words ahead). */
void evg_events__frame_purpose_absorb(sent_ctx *s);
/* "established diplomatic ties with and opened an embassy in Tehran": a
 * trigger without a target whose pattern ends before a preposition left
 * without its object ("with and") shares the object of the verb
 * coordinated after it. Word order; no parse needed. */
void evg_events__shared_object(sent_ctx *s);
/* Whether UD word w lies below word a in the parse (a governs it). */
int evg_events__governs(const sent_ctx *s, size_t a, size_t w);
/* "X said (that) Y must do Z": the UD word of the reporting candidate's
 * complement that carries an obligation modal (obligation_modals.words),
 * with the actors of its subject, Y, in *on; EVG_NONE when the parse shows
 * none. */
size_t evg_events__obliged(const sent_ctx *s, const cand *r, actor_set *on);
/* Adds the event's arguments by role from its trigger's frame.
 * EVG_ENOMEM. */
/* The actor the finder gave the text token at UD word w, or EVG_NONE. */
size_t evg_events__ud_entity(const sent_ctx *s, size_t w);
/* events_links.c. The actor an argument (UD word w of the frame's
 * sentence) whose phrase names none stands for, when the evidence names
 * exactly one: "we" in a speaker's words, "the plane" after a vehicle
 * model; else EVG_NONE. */
size_t evg_events__link_arg(ev_state *st, const sent_ctx *s,
                            const evg_frame *f, size_t w);
/* The actor a definite description at UD word w that the finder gave
 * actor e ("the company") stands for in what a person says who speaks
 * for one organization: that organization; else e. */
size_t evg_events__speaker_description(ev_state *st, const sent_ctx *s,
                                       const evg_frame *f, size_t w,
                                       size_t e);
/* Whether actor e, named at UD word x inside a participant's phrase,
 * only modifies a common noun of it ("buys twelve new Airbus jets", "an
 * Airbus superjumbo tour": the phrase is about the jets, the tour, not
 * Airbus); a model before a vehicle noun is the vehicle ("the A380
 * superjumbo"). */
int evg_events__modifier_actor(const ev_state *st, const sent_ctx *s,
                               size_t x, size_t e);
/* Whether a preposition's phrase names the parties of an event, each an
 * agent of it ("a dispute between Airbus and Boeing"; party_preps.words). */
int evg_events__party_prep(const char *prep);
/* Reads the word lists of events_links.c (once); EVG_EPARSE, EVG_ENOMEM. */
int evg_events__load_links(evg_error *err);
/* The frame's arguments as the event's `args`. With `inner`, also adds
 * to it the actors of phrases of their own inside a patient or recipient
 * ("stop buying equipment from Huawei": Huawei), which are arguments of
 * their own, not the patient, though CAMEO's view counts them as the
 * target. */
int evg_events__frame_args(ev_state *st, const sent_ctx *s,
                           const evg_frame *f, evg_event *ev,
                           actor_set *inner);
/* Whether the time expression at bytes start..end dates the trigger at
 * text token `head`, by the parse: 2 it modifies that trigger, 0 it
 * modifies another trigger or another clause, 1 it may (no parse, or it
 * modifies the trigger's clause), 3 it dates the report of the trigger's
 * clause and the trigger's tense puts it at the time of the report. */
int evg_events__timex_fits(const sent_ctx *s, size_t head, size_t start,
                           size_t end);
/* A label for an event without a CAMEO code: the words of its sentence
 * from its agent to its patient or recipient, and the verb it governs with
 * that verb's object ("Officials in Washington keep warning the Foreign
 * Ministry"); none (summary left NULL) when that is over 80 bytes.
 * EVG_ENOMEM. */
int evg_events__frame_summary(ev_state *st, const sent_ctx *s,
                              const evg_frame *f, evg_event *ev);
/* Whether the tense of UD word c, reported by UD word `report`, puts it
 * at the time of the report (docs/events.md, Time). */
int evg_events__tense_at_report(const sent_ctx *s, size_t c, size_t report);
/* The narrative's reference time: a past-tense event without a time of
 * its own, within a few sentences after one that a time expression dates
 * to a past day, happened on that day ("Yesterday, Jobs unveiled the
 * phone. ... The phone was praised by Jobs"); basis "relation". */
void evg_events__narrative_time(ev_state *st, const sent_ctx *s, size_t head,
                                evg_event *ev);
/* An event the document date would date (no time expression of its
 * own) whose tense puts it elsewhere gets no date: a past perfect ("had
 * hired") happened at some time before the time it is told of (PAST_REF),
 * an event with its own "will" happens after the time of writing
 * (FUTURE_REF); basis "none". */
void evg_events__tense_time(ev_state *st, const sent_ctx *s, size_t head,
                            evg_event *ev);
/* A future event ("will evacuate ... in mid-August") never falls before
 * the document date: a date whose words give no year moves on to the next
 * one after it, any other becomes FUTURE_REF from the document date.
 * EVG_ENOMEM. */
int evg_events__future_time(ev_state *st, const sent_ctx *s, size_t head,
                            evg_event *ev);
/* Clause boundaries strictly between tokens a and b. */
size_t evg_events__barriers(const sent_ctx *s, size_t a, size_t b);
/* Sorts the timexes and indexes them by sentence. */
int evg_events__timex_index(ev_state *st);
/* Turns the sentence's candidates into events and relations. */
int evg_events__emit(ev_state *st, sent_ctx *s);
/* The modality of the event whose head is token h (negation, modals,
 * conditions, questions); *would: planned through "would". */
evg_modality evg_events__modality(const sent_ctx *s, size_t h, int *would);
/* The token holding byte `off` of the text (or the nearest after it). */
size_t evg_events__token_at(const sent_ctx *s, size_t off);
/* Dates `ev`, headed by token `head`, by the time expressions of its
 * sentence (or the DCT); `report`: a reporting event, which candidate
 * `ci` (or EVG_NONE) is. A future event never falls before the DCT
 * (evg_events__future_time). EVG_ENOMEM. */
int evg_events__pick_time(ev_state *st, const sent_ctx *s, size_t head,
                          int report, size_t ci, evg_event *ev);
/* Appends the coder's notes on the event just added to doc->events. */
int evg_events__push_meta(ev_state *st, const ev_meta *m);
/* events_uncoded.c: the event words of the token layer in sentence s:
 * the TimeML class of the CAMEO events they trigger, and an event without
 * a CAMEO code for each of the others (unless opts say CAMEO only). */
int evg_events__uncoded(ev_state *st, sent_ctx *s,
                        const evg_extract_opts *opts);
/* events_quotes.c: quoted speech over several sentences is its
 * speaker's ('"Iran attacked. The attack was a mistake," he said'): the
 * events of sentence s from event `first` on that lie inside a quotation
 * are attributed to the speaker named where it closes (or before it
 * opened) and are `reported` when asserted. Call once per sentence, in
 * order, after its events are emitted. */
void evg_events__quotes(ev_state *st, size_t s, size_t lo, size_t hi,
                        size_t first);
/* After a sentence's events and quotations: merges the events that no
 * quotation may still change with the 64 before them, and frees the room
 * of those merged away that no later event can reach (docs/events.md,
 * Relations, Merging). EVG_ENOMEM, EVG_ELIMIT. */
int evg_events__merge_progress(ev_state *st);
/* Merges mentions, resolves relations and times across the document. */
int evg_events__finish(ev_state *st);
/* A relation between the events at indexes `from` and `to` of
 * doc->events (0 when one is EVG_NONE); the _orig form takes their
 * original numbers (see ev_state.shift). */
int evg_events__add_rel(ev_state *st, evg_rel_type type, size_t from,
                        size_t to);
int evg_events__add_rel_orig(ev_state *st, evg_rel_type type, size_t from,
                             size_t to);
void evg_events__state_dispose(ev_state *st);

/* ---- events_words.c: the coder's word classes ---- */
/* The word lists, NULL-terminated, set by evg_events__load_words():
 * extract/data/NAME.words, NAME as in the comment or the variable. */
extern const char *const *evg_events__determiners;
extern const char *const *evg_events__pronouns;
extern const char *const *evg_events__aux;
extern const char *const *evg_events__finite;
extern const char *const *evg_events__be;
extern const char *const *evg_events__boundary;
/* pairs: a boundary word and the word after it that make an adverb */
extern const char *const *evg_events__boundary_adverbs;
extern size_t evg_events__n_boundary_adverbs;
extern const char *const *evg_events__prepositions;
extern const char *const *evg_events__planned; /* modal_planned */
extern const char *const *evg_events__hypothetical; /* modal_hypothetical */
extern const char *const *evg_events__negations;
extern const char *const *evg_events__passive_adj; /* passive_adjectives */
/* frame_reduced_passive_verbs: "urged X to", so "Iran urged to" is a passive */
extern const char *const *evg_events__reduced_passive_verbs;
extern const char *const *evg_events__reporter_pron; /* reporter_pronouns */
extern const char *const *evg_events__obligation; /* obligation_modals */
extern const char *const *evg_events__subject_pron; /* subject_pronouns */
extern const char *const *evg_events__report_fillers; /* report_time_fillers */
extern const char *const *evg_events__phrase_openers;
extern const char *const *evg_events__clause_markers;
extern const char *const *evg_events__dangling; /* summary_dangling */
extern const char *const *evg_events__generic_gov; /* generic_government */
extern const char *const *evg_events__subordinators;
extern const char *const *evg_events__ultimatum_marks; /* ultimatum_marks */
extern const char *const *evg_events__elliptic_objects; /* elliptic_objects */
/* Reads the coder's word lists (once); EVG_EPARSE, EVG_ENOMEM. */
int evg_events__load_words(evg_error *err);

/* tolower of the C locale (the program never calls setlocale), inline:
 * the word-class tests below run for nearly every token */
static inline unsigned char ev_lower(char c)
{
    unsigned char u = (unsigned char)c;
    return (unsigned)u - 'A' < 26u ? (unsigned char)(u | 0x20) : u;
}

/* Whether the `n` bytes at `w` (any case) are one of the lower-case words
 * of `set`. */
static inline int ev_bytes_in(const char *w, size_t n, const char *const *set)
{
    if (n == 0)
        return 0;
    unsigned char first = ev_lower(w[0]);
    for (; *set; set++) {
        /* most words differ in their first letter: check it inline */
        if ((unsigned char)(*set)[0] != first)
            continue;
        size_t k = 1;
        while (k < n && (*set)[k] && ev_lower(w[k]) == (unsigned char)(*set)[k])
            k++;
        if (k == n && (*set)[k] == '\0')
            return 1;
    }
    return 0;
}

static inline int ev_word_in(const char *text, const evg_token *t,
                             const char *const *set)
{
    return ev_bytes_in(text + t->start, t->end - t->start, set);
}

static inline int ev_tok_punct(const sent_ctx *s, size_t i, char c)
{
    const evg_token *t = &s->tok.v[i];
    return (t->flags & EVG_TOK_PUNCT) && t->end - t->start == 1 &&
           s->text[t->start] == c;
}

static inline int ev_is_boundary(const sent_ctx *s, size_t i)
{
    return s->bar[i + 1] != s->bar[i];
}

int evg_events__ptb_quote(const sent_ctx *s, size_t i);

/* ---- events_args.c: the actors of a trigger ---- */
void evg_events__mention_span(const sent_ctx *s, size_t i, size_t *a,
                              size_t *b);
void evg_events__add_actor(actor_set *as, size_t e);
void evg_events__gather(const sent_ctx *s, size_t a, size_t b, int dir,
                        actor_set *out);
int evg_events__verb_gap(const sent_ctx *s, size_t j, size_t h);
size_t evg_events__find_subject_at(const sent_ctx *s, size_t h, actor_set *out,
                                   size_t *verb);
size_t evg_events__find_subject(const sent_ctx *s, size_t h, actor_set *out);
size_t evg_events__find_object_x(const sent_ctx *s, size_t from, size_t window,
                                 int through_triggers, actor_set *out);
size_t evg_events__find_object(const sent_ctx *s, size_t from, size_t window,
                               actor_set *out);
/* As evg_events__find_object_x through triggers, past mentions of the
 * doer's own actors (`self`): "reneged on his commitment to the Zambian
 * people" finds the people, not "his". */
size_t evg_events__find_other_object(const sent_ctx *s, size_t from,
                                     size_t window, const actor_set *self,
                                     actor_set *out);
size_t evg_events__find_prep(const sent_ctx *s, size_t from, const char *p,
                             actor_set *out);

#endif
