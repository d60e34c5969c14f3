/* The actor book: who the entities of many documents are. It holds the
 * actors found so far (name, kind, code, country, the names they are
 * known by) and decides which actor a new entity joins, by the one rule
 * the graph (graph/model.c) and the event store (store/store.c) share:
 *
 *   an entity joins the lowest-numbered actor sharing a normalized name
 *   or alias with it (for people also the same full name with a
 *   nickname, "Bill Smith" and "William Smith") whose CAMEO code does not
 *   disagree (or whose name outweighs the code: a person's full name, a
 *   name spelled as no common word is, a company's name of two words)
 *   and, for people, whose full names agree with the entity's ("Paul
 *   Keating" never joins "Charles Keating"; "George Bush" never joins an
 *   actor that already is "George W. Bush" with another middle name); a
 *   person's bare surname joins the one person actor it fits, none when
 *   several fit. Pronouns and descriptions are never keys. */
#ifndef EVG_GRAPH_ACTORS_H
#define EVG_GRAPH_ACTORS_H

#include <stddef.h>

#include "core.h"
#include "evgraph/document.h"
#include "hindex.h"

typedef struct evg_book_actor {
    const char *name;       /* shown: a person's full name once known */
    evg_entity_kind kind;   /* of the entity that made it */
    const char *code, *country; /* NULL until some entity gives one */
    const char **aliases;   /* other names, in the order they came */
    size_t n_aliases, cap_aliases;
    const char *dict_person; /* a person a dictionary names: its canonical
                              * name (entities' "dictionary"), or NULL */
} evg_book_actor;

/* Copies a string into the book's storage; NULL on no memory. */
typedef const char *(*evg_book_dup)(void *ctx, const char *s);

typedef struct evg_actor_book {
    evg_book_actor *actors;
    size_t n_actors, cap_actors;
    evg_hindex keys;        /* normalized name or alias -> actor */
    evg_arena *arena;       /* the keys' text (the names too without dup) */
    evg_book_dup dup;       /* copies names in (the graph cleans them) */
    void *dup_ctx;
} evg_actor_book;

/* What evg_actor_book_join() changed, as bits. */
enum {
    EVG_BOOK_NEW = 1,   /* a new actor */
    EVG_BOOK_NAME = 2,  /* its shown name (the old one became an alias) */
    EVG_BOOK_CODE = 4,  /* its code or country, unknown until now */
    EVG_BOOK_ALIAS = 8  /* names added to its aliases (after the old count) */
};

/* Starts an empty book. `dup` (NULL: a plain copy in the book's arena)
 * copies every name kept. Loads the name data (evg_names_load()).
 * EVG_ENOMEM, or the names' load error in err. */
int evg_actor_book_init(evg_actor_book *bk, evg_book_dup dup, void *dup_ctx,
                        evg_error *err);
void evg_actor_book_dispose(evg_actor_book *bk);

/* The actor entity `e` belongs to, or EVG_NONE for a new one. */
int evg_actor_book_find(const evg_actor_book *bk, const evg_entity *e,
                        size_t *found);

/* Records entity `e` as actor `ai` (EVG_NONE: a new actor) into `*out`,
 * and in `*changed` what changed (EVG_BOOK_* bits). EVG_ENOMEM. */
int evg_actor_book_join(evg_actor_book *bk, size_t ai, const evg_entity *e,
                        size_t *out, unsigned *changed);

/* Adds an actor as it was recorded (a store reopened): its shown name,
 * kind, code, country, the canonical name of the dictionary person it is
 * (dict_person, or NULL) and aliases, with every key they give.
 * EVG_ENOMEM. */
int evg_actor_book_restore(evg_actor_book *bk, const char *name,
                           evg_entity_kind kind, const char *code,
                           const char *country, const char *dict_person,
                           const char *const *aliases, size_t n_aliases);

/* The normalized key of a name (see evg_graph_name_key()); malloc'd. */
char *evg_actor_book_norm(const char *s);

#endif
