/* Predicate-argument frames read off a dependency parse (Universal
 * Dependencies v2): for a predicate word, who did it (agent), to whom or
 * what (patient, recipient), where, when, and whether the sentence asserts
 * it. The frame follows the constructions that word order gets wrong: the
 * passive and its "by" agent, control and raising ("urged X to", "agreed
 * to"), coordinated verbs and arguments, relative and reduced relative
 * clauses, participles, nominal predicates ("Iran's attack on ..."). */
#ifndef EVG_FRAMES_H
#define EVG_FRAMES_H

#include <stddef.h>
#include <stdint.h>

#include "evgraph/document.h"

typedef enum {
    EVG_FR_AGENT = 0,
    EVG_FR_PATIENT,
    EVG_FR_RECIPIENT,
    EVG_FR_LOCATION,
    EVG_FR_TIME,
    EVG_FR_OBLIQUE /* another prepositional phrase: see `prep` */
} evg_fr_role;

/* How an argument was found: on the predicate itself, or carried over from
 * another word of the tree. */
typedef enum {
    EVG_FR_DIRECT = 0,
    EVG_FR_BY_AGENT,   /* the "by" phrase of a passive */
    EVG_FR_CONTROL,    /* the object or subject of the verb above an xcomp */
    EVG_FR_CONJOINED,  /* the subject of the first of coordinated verbs */
    EVG_FR_RELATIVE,   /* the noun a relative or reduced relative modifies */
    EVG_FR_LIGHT,      /* the subject of "launched" in "launched an attack" */
    EVG_FR_COORDINATED /* a conjunct of another argument ("X and Y") */
} evg_fr_how;

typedef struct evg_fr_arg {
    evg_fr_role role;
    evg_fr_how how;
    size_t word;      /* the argument's head word, 0-based */
    const char *prep; /* lemma of its preposition ("by", "on") or NULL */
} evg_fr_arg;

enum {
    EVG_FR_NEGATED = 1,      /* "did not attack", "failed to reach" */
    EVG_FR_HYPOTHETICAL = 2, /* modal, condition, question, hope, fear */
    EVG_FR_PLANNED = 4,      /* "will", "agreed to", "plans to" */
    EVG_FR_WOULD = 8,        /* planned through "would" */
    EVG_FR_REPORTED = 16,    /* the complement of a reporting verb */
    EVG_FR_FUTURE = 32       /* its own "will"/"shall": after the time of
                                writing */
};

/* The tense of a predicate, from its auxiliaries and its tag. */
typedef enum {
    EVG_FR_TENSE_NONE = 0, /* no finite verb: an infinitive, a noun */
    EVG_FR_TENSE_PRESENT,  /* "says", "is cutting" */
    EVG_FR_TENSE_PAST,     /* "met", "was cutting" */
    EVG_FR_TENSE_PERFECT,  /* "has agreed", "had met" */
    EVG_FR_TENSE_FUTURE,   /* "will evacuate" */
    EVG_FR_TENSE_WOULD,    /* "would delay": the future of a past time */
    EVG_FR_TENSE_MODAL     /* "could", "may", "should" */
} evg_fr_tense;

#define EVG_FR_ARGS 24

typedef struct evg_frame {
    size_t pred;       /* the predicate word, 0-based */
    int passive;
    int nominal;       /* a noun: "the attack", "sanctions" */
    int modifier;      /* an adjective or participle modifying a noun
                          ("occupied Kuwait"): not a clause of its own */
    int reduced;       /* a past participle describing a noun, a reduced
                          relative ("equipment seized from peacekeepers",
                          "a bill signed by the minister") */
    unsigned mod;      /* EVG_FR_* flags */
    size_t report;     /* the reporting verb above it, or EVG_NONE */
    evg_fr_arg arg[EVG_FR_ARGS];
    size_t n_arg;
} evg_frame;

/* Loads the word lists the frames read (extract/data/frame_*.words). Once
 * per document before evg_frame_build; errors as evg_words_load(). */
int evg_frames_load(evg_error *err);

/* The frame of word `pred` of the sentence w[0 .. n-1] (heads 1-based, 0
 * the root, as in the token layer). Needs evg_frames_load() first. */
void evg_frame_build(const evg_doc_token *w, size_t n, size_t pred,
                     evg_frame *f);

/* The dependents of each word of the sentence w[0 .. n-1], for the calls
 * below on this thread: those of word p are kids[kid_at[p]] to
 * kids[kid_at[p + 1] - 1], in word order. With them a call reads a word's
 * dependents instead of scanning the whole sentence for them (a sentence
 * of 10,000 words has thousands of predicates). The arrays are the
 * caller's; set them again whenever the words at `w` change, and clear
 * them (all NULL) before they are freed. Calls for another array, or
 * without this, scan the sentence; the answers are the same. */
void evg_frames_use_kids(const evg_doc_token *w, size_t n,
                         const uint32_t *kid_at, const uint32_t *kids);

/* Whether word j is a phrase naming the occasion of its head ("at a news
 * conference", "during the talks"): an event noun there shares its time
 * with the head. */
int evg_frame_occasion(const evg_doc_token *w, size_t n, size_t j);
/* Whether word j is a noun of opposition whose phrase names whom an act
 * defies ("in defiance of", "in protest against", "in opposition to":
 * frame_opposition_nouns.words). */
int evg_frame_opposition(const evg_doc_token *w, size_t n, size_t j);
/* Whether word p heads an adverbial clause that shares the time of the
 * clause it modifies: its subordinator is in
 * frame_simultaneous_marks.words ("when the talks collapsed on Monday",
 * "since the plant closed in January"). */
int evg_frame_same_time_clause(const evg_doc_token *w, size_t n, size_t p);
/* Whether word j, hung on verb p, is the time p sets for an event, not
 * the time of p ("postponed the rally to May 5", "delayed the vote until
 * Friday", "planned for Monday"): p in frame_scheduling_verbs.words (by
 * lemma, or by its form less a regular ending), j's preposition in
 * frame_scheduling_preps.words. */
int evg_frame_scheduled_time(const evg_doc_token *w, size_t n, size_t p,
                             size_t j);

/* The reporting verb whose complement clause p is, when the parser hung
 * it on a noun of the report's oblique as a relative clause ("said on
 * Monday that Iran is attacking": "that" right after the noun, and a
 * subject of the clause's own); else EVG_NONE. */
size_t evg_frame_hung_report(const evg_doc_token *w, size_t n, size_t p);

/* Whether word p heads a relative clause: so labeled ("acl:relcl"), or,
 * whatever its label, with a relative pronoun for its subject or object
 * ("an order last week that added Huawei", the clause attached to the
 * verb). */
int evg_frame_relative_clause(const evg_doc_token *w, size_t n, size_t p);

/* The tense of word `pred` (a verb; its copula or auxiliaries for a
 * predicate noun or adjective). */
evg_fr_tense evg_frame_tense(const evg_doc_token *w, size_t n, size_t pred);
/* Whether the perfect of `pred` is a past perfect ("had met", "had been
 * told"): its first finite auxiliary is a perfect auxiliary in the past
 * tense (tag VBD). */
int evg_frame_past_perfect(const evg_doc_token *w, size_t n, size_t pred);

/* The first argument of `role` in `f` at or after position *at (start at
 * 0), advancing *at past it; NULL when there is none. */
const evg_fr_arg *evg_frame_next(const evg_frame *f, evg_fr_role role,
                                 size_t *at);

/* Whether relation `rel` is `base` with or without a subtype ("obl:tmod"
 * is "obl"); 0 for NULL. */
int evg_fr_base_is(const char *rel, const char *base);

/* The role a phrase with preposition `prep` takes: a recipient ("to",
 * "for": frame_recipient_preps.words), a location ("in", "at":
 * frame_locative_preps.words), else an oblique. */
evg_fr_role evg_frame_prep_role(const char *prep);

/* The lemma of the preposition of word j of w[0 .. n-1] (its first
 * "case" dependent), or NULL. */
const char *evg_frame_prep_of(const evg_doc_token *w, size_t n, size_t j);

/* Whether a phrase with preposition `prep` inside a noun phrase names a
 * member or the whole the phrase's noun stands for ("the president of
 * Iran": Iran; frame_member_preps.words), so that its actor is the
 * phrase's; an actor behind another preposition ("a letter from
 * Airbus") is not. */
int evg_frame_member_prep(const char *prep);

/* The name of a role as the events document writes it ("agent"). */
const char *evg_fr_role_name(evg_fr_role role);

#endif
