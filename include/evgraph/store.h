/* The event store: events documents kept in a SQLite database (documents,
 * sentences, actors, events, their arguments, relations and evidence),
 * indexed on actor, date and CAMEO code, so that a corpus grows day by day
 * and a slice of it can be read back without loading the rest. SQLite stays
 * behind this API. */
#ifndef EVGRAPH_STORE_H
#define EVGRAPH_STORE_H

#include <stddef.h>

#include "evgraph/document.h"
#include "evgraph/error.h"
#include "evgraph/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The schema version this evgraph writes (PRAGMA user_version). */
#define EVG_STORE_VERSION 8

typedef struct evg_store evg_store;

enum {
    EVG_STORE_CREATE = 1u << 0,  /* create the file when it does not exist */
    EVG_STORE_UPGRADE = 1u << 1, /* migrate an older schema to this one */
    EVG_STORE_READONLY = 1u << 2 /* open for queries only */
};

/* Opens (or with EVG_STORE_CREATE creates) the store at `path` in WAL mode.
 * A store of another schema version is EVG_ESCHEMA with a message saying
 * which version and what to do, unless it is older and EVG_STORE_UPGRADE is
 * given, which migrates it in one transaction. A file that is not an
 * evgraph store is EVG_ESCHEMA too. EVG_EIO (cannot open), EVG_EDEP
 * (SQLite's message), EVG_ENOMEM. The caller closes `*out` with
 * evg_store_close(). */
EVG_API int evg_store_open(const char *path, unsigned flags, evg_store **out,
                   evg_error *err);

/* Commits what is pending (errors are lost: call evg_store_commit() first
 * to see them) and closes the store. Accepts NULL. */
EVG_API void evg_store_close(evg_store *st);

/* The schema version the store had when it was opened (before any
 * upgrade), 0 for a new store. */
EVG_API int evg_store_found_version(const evg_store *st);

/* Adds one document, all of it or nothing, in a transaction of its own
 * (or in groups of evg_store_set_batch() documents, which also end half a
 * second after they began, and by evg_store_commit() and
 * evg_store_close()); a process killed in between leaves the store as of
 * the last commit, whole documents only (WAL journal), and adding the
 * same input again completes it. Every EVG_STORE_MERGE_DOCS documents,
 * before the next one, the reports since the last merge enter the actor
 * and date indexes in a transaction of their own. A document
 * whose id or content (the hash of its sentences) is already stored
 * changes nothing and sets `*added` to 0; else 1. Entities join the
 * store's actors by the rule evg_graph_build() merges actors by (a shared
 * normalized name or alias, codes that do not disagree, full personal
 * names that agree, people a dictionary names by its canonical name;
 * places are no actors), across runs as within one; each
 * actor keeps the key it got when first stored. Events join earlier reports of the same event (same CAMEO code
 * and actors, dates overlapping, same polarity). EVG_EDEP (SQLite's
 * message, e.g. disk full), EVG_ENOMEM: the document, and the group not
 * yet committed with it (see evg_store_pending()), are rolled back, and the
 * message says how many documents that was (a failed merge rolls back
 * only itself). */
EVG_API int evg_store_add(evg_store *st, const evg_doc *doc, int *added,
                  evg_error *err);

#define EVG_STORE_DEFAULT_BATCH 1

/* Reports enter the actor and date indexes in bulk, in a transaction of
 * their own, after this many documents (evg_store_set_merge()) and when
 * the store commits or closes; a query reads the reports not yet merged
 * directly. */
#define EVG_STORE_MERGE_DOCS 10000

/* Sets how many documents go between two merges (0 counts as 1). */
EVG_API void evg_store_set_merge(evg_store *st, size_t docs);

/* Sets how many documents one transaction holds at most (0 counts as 1;
 * the default, 1, makes each document its own transaction). */
EVG_API void evg_store_set_batch(evg_store *st, size_t docs);

/* The new documents added since the last commit and their events: what
 * a failure would roll back. */
EVG_API void evg_store_pending(const evg_store *st, size_t *docs,
                               size_t *events);

/* Commits the documents added since the last commit and merges the
 * reports not yet in the actor and date indexes. EVG_EDEP. */
EVG_API int evg_store_commit(evg_store *st, evg_error *err);

/* Which events to read back; NULL / 0 fields do not filter. The filters
 * mean what the graph's do (evg_graph_opts). */
typedef struct evg_store_query {
    const char *entity;  /* actor name, alias or CAMEO code */
    const char *from;    /* events ending on or after, "YYYY-MM-DD" */
    const char *to;      /* events starting on or before */
    const char *roots;   /* CAMEO code prefixes, "16,17" */
    int quad_class;      /* 1..4 */
} evg_store_query;

/* Reads the reports of the events that match `q`, grouped into one
 * document per source article (in the order they were stored), each
 * holding only those events, their actors, sentences and relations; ready
 * for evg_graph_build(). Only the matching rows are read. EVG_EINVAL with
 * a message when no actor matches q->entity, EVG_EDEP, EVG_ENOMEM. The
 * caller frees the array with evg_store_docs_free(). */
EVG_API int evg_store_select(evg_store *st, const evg_store_query *q,
                     evg_doc ***docs, size_t *n_docs, evg_error *err);

/* Frees what evg_store_select() returned. Accepts NULL. */
EVG_API void evg_store_docs_free(evg_doc **docs, size_t n_docs);

/* Counts of the store's contents. */
typedef struct evg_store_counts {
    size_t documents;
    size_t reports;     /* event reports (evidence rows) */
    size_t events;      /* events after merging */
    size_t actors;
    long long bytes;    /* database file size (pages in use) */
} evg_store_counts;

EVG_API int evg_store_counts_get(evg_store *st, evg_store_counts *out,
                         evg_error *err);

#ifdef __cplusplus
}
#endif
#endif
