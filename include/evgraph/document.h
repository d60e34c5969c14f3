/* The events document: what extraction finds in one article (sentences, time
 * expressions, entities, events, relations) and its JSON form, schema
 * `evgraph-events/2` (version 1 documents still read). It is the contract
 * between extract, graph and render. */
#ifndef EVGRAPH_DOCUMENT_H
#define EVGRAPH_DOCUMENT_H

#include "evgraph/export.h"

#include <stddef.h>
#include <stdio.h>

#include "evgraph/date.h"
#include "evgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define EVG_SCHEMA "evgraph-events/2"    /* written */
#define EVG_SCHEMA_V1 "evgraph-events/1" /* still read */
#define EVG_NONE ((size_t)-1) /* "no index" for optional references */

typedef struct evg_arena evg_arena;
typedef struct evg_doc_layer evg_doc_layer;
typedef struct evg_doc_pieces evg_doc_pieces;
typedef struct evg_doc_evpack evg_doc_evpack;
typedef struct evg_doc_sents evg_doc_sents;

typedef enum {
    EVG_DCT_NONE = 0,
    EVG_DCT_DATELINE,
    EVG_DCT_OPTION,
    EVG_DCT_METADATA
} evg_dct_source;

typedef enum {
    EVG_TIMEX_DATE = 0,
    EVG_TIMEX_TIME,
    EVG_TIMEX_DURATION,
    EVG_TIMEX_SET
} evg_timex_type;

typedef enum {
    EVG_KIND_COUNTRY = 0,
    EVG_KIND_ORGANIZATION,
    EVG_KIND_PERSON,
    EVG_KIND_GOVERNMENT,
    EVG_KIND_GROUP,
    EVG_KIND_LOCATION
} evg_entity_kind;

typedef enum {
    EVG_MOD_ASSERTED = 0,
    EVG_MOD_REPORTED,
    EVG_MOD_PLANNED,
    EVG_MOD_HYPOTHETICAL,
    EVG_MOD_NEGATED
} evg_modality;

typedef enum {
    EVG_BASIS_NONE = 0,
    EVG_BASIS_TIMEX,
    EVG_BASIS_DCT,
    EVG_BASIS_RELATION
} evg_time_basis;

typedef enum {
    EVG_REL_CAUSES = 0,
    EVG_REL_BEFORE,
    EVG_REL_AFTER,
    EVG_REL_OVERLAPS
} evg_rel_type;

/* A span of the input: UTF-8 byte offsets, `end` exclusive, and its text
 * (NUL-terminated copy, owned by the document). */
typedef struct evg_span {
    size_t start;
    size_t end;
    const char *text;
} evg_span;

typedef struct evg_sentence {
    size_t start;
    size_t end;
    const char *text; /* copy of the sentence text */
    int boilerplate;  /* teaser, credit, caption, copyright line */
} evg_sentence;

typedef struct evg_timex {
    evg_span span;
    evg_timex_type type;
    const char *value;    /* TimeML value: "2019-W20", "P90D", "PAST_REF" */
    const char *mod;      /* TimeML mod ("START", "APPROX") or NULL */
    const char *lo;       /* first calendar day covered, "YYYY-MM-DD", or NULL */
    const char *hi;       /* last calendar day covered (inclusive), or NULL */
    size_t sentence;      /* index of the sentence holding it */
} evg_timex;

/* One mention of an entity. `code` is the mention's own CAMEO actor code
 * where it differs from the entity's ("Washington" in "Washington's
 * decision" speaks for the US government, USAGOV, inside the United States
 * entity, USA), else NULL. `with` is the other entity of a mention that
 * stands for two at once ("the two sides"): both entities hold the same
 * span. EVG_NONE for an ordinary mention. */
typedef struct evg_mention {
    evg_span span;
    const char *code;
    size_t with;
} evg_mention;

typedef struct evg_entity {
    const char *name;      /* canonical name */
    evg_entity_kind kind;
    const char *code;      /* CAMEO actor code: "USAGOV", "CHNBUS", "IGO" */
    const char *country;   /* ISO 3166 alpha-3, "IGO", or NULL */
    const char **aliases;  /* the other names it merged from (no pronouns
                            * or descriptions) */
    size_t n_aliases, cap_aliases;
    evg_mention *mentions; /* in text order */
    size_t n_mentions, cap_mentions;
    int dictionary;        /* a person whose name is the canonical name of
                            * a dictionary entry (the gazetteer, the Phoenix
                            * files or a --dict file): which person the
                            * dictionary says it is */
} evg_entity;

typedef struct evg_event_time {
    const char *value;    /* TimeML value or NULL */
    const char *lo;       /* "YYYY-MM-DD" or NULL */
    const char *hi;       /* "YYYY-MM-DD" (inclusive) or NULL */
    size_t timex;         /* index into timexes or EVG_NONE */
    evg_time_basis basis;
} evg_event_time;

/* One participant of an event, by role. `role` is one of the names
 * evg_arg_role_lookup() knows (the library's own static string):
 *   "agent"     who does it (the subject; the `by` phrase of a passive)
 *   "patient"   who or what undergoes it (the object; a passive's subject)
 *   "recipient" to or for whom (`gave X to Y`, `sold Y X`)
 *   "location"  where it happens
 *   "time"      the time expression it is anchored to
 *   "theme"     what is said, offered or moved (`announced a plan`)
 * `entity` is the actor filling the role (an index into doc->entities) or
 * EVG_NONE when the argument is not an actor (a place name, a date, "a
 * plan"); `span` is the argument's bytes in the text. */
typedef struct evg_arg {
    const char *role;
    size_t entity;
    evg_span span;
} evg_arg;

/* An event. A CAMEO-coded event has `cameo`, `label`, `quad_class` 1-4 and
 * `goldstein`; an event CAMEO has no code for (a sale, a loss, a price
 * that fell) has `cameo` and `label` NULL, `quad_class` 0 and `goldstein`
 * 0, which mean "no CAMEO code", not a code. `source`/`target` are
 * CAMEO's view of the participants; `args` lists them by role. */
typedef struct evg_event {
    const char *cameo;      /* CAMEO event code, "163", or NULL: uncoded */
    const char *label;      /* CAMEO label, or NULL */
    int quad_class;         /* 1 verbal coop .. 4 material conflict; 0 none */
    evg_modality modality;  /* (beside quad_class: no padding after
                             * either) */
    double goldstein;       /* 0 for uncoded events */
    const char *tml_class;  /* TimeML class (evg_tml_class_lookup) or NULL */
    evg_span trigger;
    size_t *source;         /* entity indexes */
    size_t n_source, cap_source;
    size_t *target;
    size_t n_target, cap_target;
    evg_arg *args;          /* participants by role, in text order */
    size_t n_args, cap_args;
    evg_event_time time;
    size_t duration;        /* timex index of a bounding duration or EVG_NONE */
    size_t attributed;      /* entity that reported it, or EVG_NONE */
    size_t sentence;
    double confidence;
    const char *summary;    /* a few words: "adds Huawei to blacklist" or NULL */
    evg_span *mentions;     /* further mentions of the same event */
    size_t n_mentions, cap_mentions;
} evg_event;

typedef struct evg_relation {
    evg_rel_type type;
    size_t from; /* event index */
    size_t to;
} evg_relation;

/* One word of the token layer (`evgraph extract --tokens`): its bytes in
 * the text, and its syntax (Universal Dependencies). */
typedef struct evg_doc_token {
    size_t sentence;       /* index into doc->sentences */
    size_t start, end;     /* byte offsets into the text */
    const char *form;
    const char *upos;      /* "NOUN" */
    const char *xpos;      /* Penn Treebank: "NN" */
    const char *lemma;
    size_t head;           /* 1-based word number in the sentence, 0: root */
    const char *deprel;    /* "nsubj:pass" */
    /* set by the event-mention stage (docs/events.md), not written to
     * JSON (the events carry it): the word's TimeML event class
     * (evg_tml_class_lookup) when it is an event, else NULL, and how sure
     * the detector is of that, in [0.5, 1) */
    const char *tml_class;
    double event_confidence;
} evg_doc_token;

/* One article and everything found in it. All memory, strings included,
 * lives in the document's arena and goes with evg_doc_free(). */
typedef struct evg_doc {
    evg_arena *arena;
    const char *id;
    const char *path;
    const char *title;
    const char *url;
    const char *text;      /* the input text (NULL when read back from JSON) */
    size_t text_len;
    char dct[11];          /* "YYYY-MM-DD" or "" */
    evg_dct_source dct_source;
    const char *place;
    const char *source;
    evg_sentence *sentences;
    size_t n_sentences, cap_sentences;
    evg_timex *timexes;
    size_t n_timexes, cap_timexes;
    evg_entity *entities;
    size_t n_entities, cap_entities;
    evg_event *events;
    size_t n_events, cap_events;
    evg_relation *relations;
    size_t n_relations, cap_relations;
    const char **warnings; /* one-line notes for the user (no DCT ...) */
    size_t n_warnings, cap_warnings;
    evg_doc_token *tokens; /* the token layer, in order; empty unless asked */
    size_t n_tokens, cap_tokens;
    evg_doc_layer *layer;  /* private: the token layer, compact, while the
                            * document is being extracted */
    evg_doc_pieces *pieces; /* private: the tokenizer's tokens of each
                             * sentence, while it is being extracted */
    evg_doc_evpack *evpack; /* private: the events in a compact form,
                             * while the document is being extracted, and
                             * after it for a caller that only writes it
                             * (evg_extract_opts.compact_events) */
    evg_doc_sents *sents;   /* private: the sentences in a compact form
                             * while the document is being extracted
                             * (doc->sentences NULL, n_sentences their
                             * count), and after it for a caller that only
                             * writes it (evg_extract_opts.compact_sentences) */
} evg_doc;

/* Creates an empty document in `*out`. EVG_ENOMEM. The caller frees it with
 * evg_doc_free(). */
EVG_API int evg_doc_new(evg_doc **out);

/* Frees `doc` and everything it owns. Accepts NULL. */
EVG_API void evg_doc_free(evg_doc *doc);

/* Copies `n` bytes of `s` into the document's arena, NUL-terminated.
 * Returns NULL on out-of-memory. The copy lives as long as `doc`. */
EVG_API const char *evg_doc_strndup(evg_doc *doc, const char *s, size_t n);
EVG_API const char *evg_doc_strdup(evg_doc *doc, const char *s);

/* Appends a zeroed element to one of the document's arrays (or an entity's or
 * event's) and returns it, or NULL on out-of-memory. `*items`, `*n` and `*cap`
 * are the array's fields; `size` the element size. Pointers to elements stay
 * valid only until the next append to the same array. */
EVG_API void *evg_doc_push(evg_doc *doc, void *items_ptr, size_t *n, size_t *cap,
                   size_t size);

#define EVG_DOC_PUSH(doc, arr, n, cap) \
    evg_doc_push((doc), &(arr), &(n), &(cap), sizeof(*(arr)))

/* Fills `span` with [start, end) of the document text and a copy of it.
 * EVG_ENOMEM. */
EVG_API int evg_doc_span(evg_doc *doc, evg_span *span, size_t start, size_t end);

/* Names of enum values as written in JSON ("asserted", "country" ...), and
 * the reverse; the parse functions return -1 for unknown names. */
EVG_API const char *evg_timex_type_name(evg_timex_type t);
EVG_API const char *evg_entity_kind_name(evg_entity_kind k);
EVG_API const char *evg_modality_name(evg_modality m);
EVG_API const char *evg_basis_name(evg_time_basis b);
EVG_API const char *evg_rel_type_name(evg_rel_type r);
EVG_API const char *evg_dct_source_name(evg_dct_source s);
EVG_API int evg_timex_type_parse(const char *s);
EVG_API int evg_entity_kind_parse(const char *s);
EVG_API int evg_modality_parse(const char *s);
EVG_API int evg_basis_parse(const char *s);
EVG_API int evg_rel_type_parse(const char *s);
EVG_API int evg_dct_source_parse(const char *s);

/* The library's own static copy of TimeML event class `s` ("OCCURRENCE",
 * "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"),
 * or NULL when `s` is NULL or not one of them. Store the returned pointer
 * in evg_event.tml_class. */
EVG_API const char *evg_tml_class_lookup(const char *s);

/* The library's own static copy of argument role `s` ("agent", "patient",
 * "recipient", "location", "time", "theme"), or NULL when `s` is not one
 * of them. Store the returned pointer in evg_arg.role. */
EVG_API const char *evg_arg_role_lookup(const char *s);

/* Appends an argument to `ev` (a document's event): role `role` (a name
 * evg_arg_role_lookup() knows), actor `entity` (or EVG_NONE), bytes
 * [start, end) of the text with a copy of them. EVG_EINVAL for an unknown
 * role or a span outside the text, EVG_ENOMEM. */
EVG_API int evg_event_add_arg(evg_doc *doc, evg_event *ev, const char *role,
                              size_t entity, size_t start, size_t end);

/* Removes the events without a CAMEO code from `doc` (`--cameo-only`),
 * keeping the order of the others; relations are renumbered, and those
 * that touch a removed event go too. `*dropped` (may be NULL): how many
 * events went. EVG_ENOMEM (then `doc` is unchanged). */
EVG_API int evg_doc_drop_uncoded(evg_doc *doc, size_t *dropped);

/* Serializes `doc` as one line of JSON (schema evgraph-events/2, stable key
 * order, no trailing newline) into a malloc'd string in `*out`. With
 * `pretty`, indents it. EVG_ENOMEM, EVG_EDEP. The caller frees `*out`. */
EVG_API int evg_doc_to_json(const evg_doc *doc, int pretty, char **out,
                    evg_error *err);

/* Writes the same JSON as evg_doc_to_json() to `out`, streamed: memory
 * holds one array element at a time, not the whole text. EVG_EIO when a
 * write fails, EVG_ENOMEM. */
EVG_API int evg_doc_write_json(const evg_doc *doc, int pretty, FILE *out,
                       evg_error *err);

/* Parses one events document from `json` (`len` bytes) into `*out`:
 * schema evgraph-events/2, or evgraph-events/1 (every event CAMEO-coded,
 * no class, no args). EVG_EPARSE with a message naming the bad key, EVG_ENOMEM. The caller frees
 * `*out` with evg_doc_free(). */
EVG_API int evg_doc_from_json(const char *json, size_t len, evg_doc **out,
                      evg_error *err);

#ifdef __cplusplus
}
#endif
#endif
