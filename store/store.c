/* Opening the store and adding documents: each document is committed
 * whole in a transaction of its own (WAL journal), so a killed ingest
 * leaves whole documents only; the actor and date indexes catch up in
 * bulk (merge()).
 * Actors merge across documents by the graph's rule (the actor book,
 * graph/actors.h), events by the graph's signature and dates. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MADV_HUGEPAGE */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>

#include "actors.h"
#include "doc_events.h"
#include "evgraph/graph.h"
#include "internal.h"

enum {
    Q_DOC_BY_ID, Q_DOC_BY_HASH, Q_DOC_INS, Q_ALIAS_INS,
    Q_NAME_INS, Q_ACTOR_INS, Q_ACTOR_FILL, Q_ACTOR_NAME,
    Q_ACTOR_DICT,
    Q_EVENT_INS, Q_EVENTS_ALL, Q_EVI_INS,
    Q_ROOT_INS, Q_SPAN_SET, Q_BEGIN, Q_COMMIT,
    Q_DATA_VERSION, Q_MERGED_GET, Q_MERGE_EVI, Q_MERGE_ARGS,
    Q_MERGED_SET, Q_DOCS_UNMERGED, Q_MERGE_DOC_IDS, Q_MERGE_DOC_HASHES,
    Q_DOCS_MERGED_SET, Q_MERGE_MEM_DATES, Q_MERGE_MEM_ARGS,
    N_QUERIES
};

static const char *const sql_text[N_QUERIES] = {
    /* the documents merged (below); the others are looked up in memory */
    [Q_DOC_BY_ID] = "SELECT 1 FROM doc_ids WHERE doc_id = ?1",
    [Q_DOC_BY_HASH] = "SELECT 1 FROM doc_hashes WHERE hash = ?1",
    [Q_DOC_INS] = "INSERT INTO documents (doc_id, hash, path, title, url, "
                  "source, place, dct, dct_source, n_sentences, n_entities, "
                  "n_events, sentences, entities, relations) VALUES (?1,?2,"
                  "?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
    [Q_ALIAS_INS] = "INSERT INTO actor_aliases VALUES (?1, ?2, ?3)",
    [Q_NAME_INS] = "INSERT OR IGNORE INTO actor_names VALUES (?1, ?2)",
    [Q_ACTOR_INS] = "INSERT INTO actors (key, name, kind, code, country, "
                    "dict) VALUES (?1,?2,?3,?4,?5,?6)",
    [Q_ACTOR_FILL] = "UPDATE actors SET code = ?2, country = ?3 WHERE id = ?1",
    [Q_ACTOR_NAME] = "UPDATE actors SET name = ?2 WHERE id = ?1",
    [Q_ACTOR_DICT] = "UPDATE actors SET dict = ?2 WHERE id = ?1",
    [Q_EVENT_INS] = "INSERT INTO events (sig, lo, hi) VALUES (?1, ?2, ?3)",
    [Q_EVENTS_ALL] = "SELECT id, sig, lo, hi FROM events ORDER BY id",
    [Q_EVI_INS] = "INSERT INTO evidence (event, doc, idx, cameo, label, quad, "
                  "goldstein, trigger_start, trigger_end, trigger, value, lo, "
                  "hi, basis, modality, attributed, sentence, confidence, "
                  "summary, n_mentions, root, sources, targets, class, args, "
                  "actors) VALUES (?1,?2,?3,?4,"
                  "?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
                  "?21,?22,?23,?24,?25,?26)",
    [Q_ROOT_INS] = "INSERT OR IGNORE INTO roots VALUES (?1)",
    [Q_SPAN_SET] = "INSERT OR REPLACE INTO meta VALUES ('max_span_days', ?1)",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
    [Q_DATA_VERSION] = "PRAGMA data_version",
    [Q_MERGED_GET] = "SELECT coalesce((SELECT value FROM meta WHERE key = "
                     "'indexed_through'), 0), coalesce((SELECT max(id) FROM "
                     "evidence), 0), coalesce((SELECT value FROM meta WHERE "
                     "key = 'docs_indexed_through'), 0), coalesce((SELECT "
                     "max(id) FROM documents), 0)",
    [Q_MERGE_EVI] = "INSERT INTO report_dates SELECT root, coalesce(lo, ''), "
                    "id FROM evidence WHERE id > ?1 ORDER BY 1, 2, 3",
    /* a report's actors: sources, then targets negated */
    [Q_MERGE_ARGS] = "INSERT OR IGNORE INTO arguments SELECT abs(a.value), "
                     "v.id, a.value < 0 FROM evidence v, json_each(v.actors) "
                     "a WHERE v.id > ?1 ORDER BY 1, 2, 3",
    [Q_MERGED_SET] = "INSERT OR REPLACE INTO meta VALUES "
                     "('indexed_through', ?1)",
    [Q_DOCS_UNMERGED] = "SELECT doc_id, hash FROM documents WHERE id > "
                        "coalesce((SELECT value FROM meta WHERE key = "
                        "'docs_indexed_through'), 0)",
    [Q_MERGE_DOC_IDS] = "INSERT OR IGNORE INTO doc_ids SELECT doc_id, id "
                        "FROM documents WHERE id > ?1 ORDER BY 1",
    [Q_MERGE_DOC_HASHES] = "INSERT OR IGNORE INTO doc_hashes SELECT hash, id "
                           "FROM documents WHERE id > ?1 ORDER BY 1",
    [Q_DOCS_MERGED_SET] = "INSERT OR REPLACE INTO meta VALUES "
                          "('docs_indexed_through', ?1)",
    /* the same two merges from the rows held in memory (pending.c) */
    [Q_MERGE_MEM_DATES] = "INSERT INTO report_dates SELECT root, lo, report "
                          "FROM evg_pending_dates",
    [Q_MERGE_MEM_ARGS] = "INSERT OR IGNORE INTO arguments SELECT actor, "
                         "report, role FROM evg_pending_args",
};

/* An event's key, as the connection keeps it: its signature and a month
 * hashed (key), the event (0: a free slot), the signature's check hash,
 * its dates in days since 1970-01-01. */
typedef struct ekey {
    uint64_t key;
    sqlite3_int64 event;
    int32_t lo, hi;
    uint32_t chk;
    uint32_t dated;
} ekey;

/* A set of strings, each a tag character then the string, by open
 * addressing (linear probing) on a string hash. */
typedef struct strset {
    char **slots;
    size_t n, n_slots; /* n_slots a power of 2, above 4/3 n */
} strset;

/* What this connection knows of the database, dropped when another
 * connection changed it (PRAGMA data_version) or a group was rolled
 * back: the actor book (every actor, its names and keys; store actor id
 * of book actor i is ids[i]), the actors' keys, and every event's keys, in
 * a hash table (computed from the events table when the store opens:
 * finding an event touches no page of the database, and storing one
 * writes its row only). */
typedef struct known_state {
    int loaded;
    evg_actor_book book;
    sqlite3_int64 *ids;
    size_t cap_ids;
    ekey *keys;             /* every event's keys, by open addressing
                             * (linear probing) on the key */
    size_t n_keys, n_slots; /* n_slots a power of 2, above 4/3 n_keys */
    /* the ids ('i' + id) and content hashes ('h' + hash) of the documents
     * not yet in doc_ids and doc_hashes (after 'docs_indexed_through') */
    strset docs;
    strset actor_keys; /* 'k' + every actor's key */
} known_state;



/* Checkpoints, run by a thread of their own on a connection of its own:
 * copying the WAL's pages into the database and syncing both files (two
 * fdatasync calls a checkpoint, milliseconds each) would stop the
 * thread that stores documents. */
typedef struct checkpointer {
    int started;        /* the thread runs */
    int want, quit;     /* under mu */
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} checkpointer;

/* A checkpoint is asked for when the WAL holds this many pages (32 MB of
 * 4 KB pages), and made by the writing thread itself at eight times as
 * many (the checkpointing thread cannot keep up, or is missing). */
#define CKPT_FRAMES 8192

struct evg_store {
    sqlite3 *db;
    char *path;
    checkpointer cp;
    int found_version;
    int readonly;
    int in_txn;          /* a group of documents is open */
    size_t pending;      /* documents in it */
    size_t pending_added, pending_events; /* new ones, their events */
    size_t batch;        /* commit after this many documents */
    double batch_secs;   /* ... or this long after the group began */
    double t_begin;
    known_state k;
    long long data_version; /* of the last transaction begun */
    char roots[128][3];     /* CAMEO roots known to be in `roots` */
    size_t n_roots;
    long max_span;          /* longest event span in days; -1: unread */
    size_t unmerged;        /* documents added since the last merge */
    size_t merge_docs;      /* merge after this many */
    int stale_index;        /* reports found unmerged when loading */
    evg_pending pend;       /* the reports added since the last merge */
    sqlite3_stmt *q[N_QUERIES];
};

sqlite3 *evg_store__db(evg_store *st) { return st->db; }

static void known_clear(evg_store *st);
static void keys_free(ekey *tab, size_t n);

static int db_error(evg_store *st, evg_error *err)
{
    int c = sqlite3_errcode(st->db);
    if (c == SQLITE_NOMEM)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    return evg_error_set(err, EVG_EDEP, "sqlite: %s", sqlite3_errmsg(st->db));
}

/* The first column of the first row of `sql` (0 when it gives no row):
 * 0, or -1 when it fails. */
static int pragma_int64(sqlite3 *db, const char *sql, long long *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
    long long v;
    int rc = pragma_int64(db, sql, &v);
    *out = v >= INT_MIN && v <= INT_MAX ? (int)v : 0;
    return rc;
}

/* SQLite counts every allocation under a global mutex unless told not
 * to; the store never asks for those counts. Set once, before SQLite
 * starts (later it is refused, harmlessly). */
static void sqlite_setup(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/* The checkpointing thread: on its own connection, a passive checkpoint
 * (it waits for no one: the writer goes on appending to the WAL) each time
 * it is woken, again while it catches up, until the WAL is all in the
 * database, and the writer's next commit starts the WAL over. */
static void *ckpt_main(void *arg)
{
    evg_store *st = arg;
    checkpointer *c = &st->cp;
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(st->path, &db, SQLITE_OPEN_READWRITE |
                        SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        sqlite3_close(db); /* the writer checkpoints at 8 x CKPT_FRAMES */
        db = NULL;
    } else if (sqlite3_exec(db, "SELECT 1 FROM sqlite_schema LIMIT 1", NULL,
                            NULL, NULL) != SQLITE_OK) {
        /* (a first read opens the WAL: a checkpoint of a connection that
         * has read nothing yet does nothing) */
        sqlite3_close(db);
        db = NULL;
    }
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->want && !c->quit)
            pthread_cond_wait(&c->cv, &c->mu);
        if (c->quit)
            break;
        c->want = 0;
        pthread_mutex_unlock(&c->mu);
        /* an error (a full disk, SQLITE_BUSY) leaves the pages in the WAL,
         * for the next checkpoint; a pass that copies nothing new ends
         * the round (a reader holds the rest) */
        int log = 0, done = 0, before = -1;
        while (db && done != before &&
               sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE,
                                         &log, &done) == SQLITE_OK &&
               done < log)
            before = done;
        pthread_mutex_lock(&c->mu);
    }
    pthread_mutex_unlock(&c->mu);
    sqlite3_close(db);
    return NULL;
}

/* Wakes the checkpointing thread, started the first time; -1 when it
 * cannot be started. */
static int ckpt_wake(evg_store *st)
{
    checkpointer *c = &st->cp;
    if (!c->started) {
        if (pthread_mutex_init(&c->mu, NULL))
            return -1;
        if (pthread_cond_init(&c->cv, NULL)) {
            pthread_mutex_destroy(&c->mu);
            return -1;
        }
        c->want = c->quit = 0;
        if (pthread_create(&c->th, NULL, ckpt_main, st)) {
            pthread_cond_destroy(&c->cv);
            pthread_mutex_destroy(&c->mu);
            return -1;
        }
        c->started = 1;
    }
    pthread_mutex_lock(&c->mu);
    c->want = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
    return 0;
}

static void ckpt_stop(evg_store *st)
{
    checkpointer *c = &st->cp;
    if (!c->started)
        return;
    pthread_mutex_lock(&c->mu);
    c->quit = 1;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->th, NULL);
    pthread_cond_destroy(&c->cv);
    pthread_mutex_destroy(&c->mu);
    c->started = 0;
}

/* After each commit, with the number of pages in the WAL (in place of
 * SQLite's automatic checkpoint, which the committing thread would make). */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
    evg_store *st = arg;
    if (frames >= CKPT_FRAMES &&
        (frames >= 8 * CKPT_FRAMES || ckpt_wake(st)))
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL,
                                  NULL);
    return SQLITE_OK;
}

int evg_store_open(const char *path, unsigned flags, evg_store **out,
                   evg_error *err)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, sqlite_setup);
    *out = NULL;
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    if (!exists && !(flags & EVG_STORE_CREATE))
        return evg_error_set(err, EVG_EIO, "%s: no such event store", path);
    if (exists && !S_ISREG(sb.st_mode))
        return evg_error_set(err, EVG_EIO, "%s: not a file", path);
    evg_store *st = calloc(1, sizeof(*st));
    if (st && !(st->path = strdup(path))) {
        free(st);
        st = NULL;
    }
    if (!st)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    st->readonly = (flags & EVG_STORE_READONLY) != 0;
    st->batch = EVG_STORE_DEFAULT_BATCH;
    st->merge_docs = EVG_STORE_MERGE_DOCS;
    st->max_span = -1;
    st->batch_secs = 0.5;
    int oflags = st->readonly ? SQLITE_OPEN_READONLY
                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = 0;
    if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        rc = evg_error_set(err, EVG_EIO, "%s: cannot open: %s", path,
                           st->db ? sqlite3_errmsg(st->db) : "out of memory");
        goto done;
    }
    sqlite3_busy_timeout(st->db, 10000);
    int app = 0, version = 0, tables = 0;
    if (pragma_int(st->db, "PRAGMA application_id", &app) ||
        pragma_int(st->db, "PRAGMA user_version", &version) ||
        pragma_int(st->db, "SELECT count(*) FROM sqlite_schema", &tables)) {
        rc = evg_error_set(err, EVG_ESCHEMA, "%s: not an evgraph event store "
                           "(%s)", path, sqlite3_errmsg(st->db));
        goto done;
    }
    if (tables && app != EVG_STORE_APP_ID) {
        rc = evg_error_set(err, EVG_ESCHEMA,
                           "%s: not an evgraph event store", path);
        goto done;
    }
    st->found_version = tables ? version : 0;
    if (st->found_version > EVG_STORE_VERSION) {
        rc = evg_error_set(err, EVG_ESCHEMA,
                           "%s: event store schema version %d is newer than "
                           "this evgraph's (%d); use a newer evgraph", path,
                           st->found_version, EVG_STORE_VERSION);
        goto done;
    }
    if (st->found_version && st->found_version < EVG_STORE_VERSION &&
        !(flags & EVG_STORE_UPGRADE)) {
        rc = evg_error_set(err, EVG_ESCHEMA,
                           "%s: event store schema version %d, this evgraph "
                           "uses %d: migrate it with 'evgraph ingest --upgrade "
                           "--db %s'", path, st->found_version,
                           EVG_STORE_VERSION, path);
        goto done;
    }
    /* synchronous NORMAL: no fsync per commit, the WAL and the database
     * are synced at each checkpoint (durability: docs/store.md), which
     * another thread makes (wal_hook() below). A page
     * cache of 16 MB: SQLite walks the whole cache's hash table at the
     * end of every transaction (pcache1TruncateUnsafe), which with one
     * transaction per document cost more than the misses a larger cache
     * saves (1,059,003 events: 25.1 CPU s with 16 MB, 27.8 s with 64 MB) */
    if (!st->readonly &&
        (rc = evg_store__exec(st->db, "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = NORMAL;"
                              "PRAGMA cache_size = -16384;"
                              "PRAGMA temp_store = MEMORY;", err)))
        goto done;
    if (!st->readonly)
        sqlite3_wal_hook(st->db, wal_hook, st);
    if (st->found_version < EVG_STORE_VERSION) {
        if (st->readonly) {
            rc = evg_error_set(err, EVG_ESCHEMA, "%s: empty event store", path);
            goto done;
        }
        if ((rc = evg_store__migrate(st->db, st->found_version,
                                     EVG_STORE_VERSION, err)))
            goto done;
    }
    if (!st->readonly && evg_pending_register(st->db, &st->pend)) {
        rc = db_error(st, err);
        goto done;
    }
    if (!st->readonly)
        for (int i = 0; i < N_QUERIES; i++)
            if (sqlite3_prepare_v3(st->db, sql_text[i], -1,
                                   SQLITE_PREPARE_PERSISTENT, &st->q[i],
                                   NULL) != SQLITE_OK) {
                rc = db_error(st, err);
                goto done;
            }
done:
    if (rc) {
        evg_store_close(st);
        return rc;
    }
    *out = st;
    return 0;
}

void evg_store_close(evg_store *st)
{
    if (!st)
        return;
    evg_store_commit(st, NULL);
    ckpt_stop(st);
    known_clear(st);
    for (int i = 0; i < N_QUERIES; i++)
        sqlite3_finalize(st->q[i]);
    if (st->db && !st->readonly)
        sqlite3_exec(st->db, "PRAGMA optimize", NULL, NULL, NULL);
    sqlite3_close(st->db);
    evg_pending_dispose(&st->pend);
    free(st->path);
    free(st);
}

int evg_store_found_version(const evg_store *st)
{
    return st->found_version;
}

/* ---- binding helpers: every statement is reset before use ---- */

static sqlite3_stmt *use(evg_store *st, int q)
{
    sqlite3_stmt *s = st->q[q];
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *t)
{
    if (t)
        sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

static void bind_index(sqlite3_stmt *s, int i, size_t v)
{
    if (v == EVG_NONE)
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_int64(s, i, (sqlite3_int64)v);
}

/* Binds ?1 of `s` to `v`; returns `s`. */
static sqlite3_stmt *bind_done(sqlite3_stmt *s, sqlite3_int64 v)
{
    sqlite3_bind_int64(s, 1, v);
    return s;
}

/* Steps a statement that returns no rows. */
static int run(evg_store *st, sqlite3_stmt *s, evg_error *err)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : db_error(st, err);
}

/* Does the statement return a row? -1 on error. */
static int any_row(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Appends a decimal integer: the rows are built without printf. */
static void put_int(evg_buf *b, long long v)
{
    char tmp[24];
    size_t i = sizeof(tmp);
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v
                                 : (unsigned long long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        tmp[--i] = '-';
    evg_buf_append(b, tmp + i, sizeof(tmp) - i);
}

/* ---- the content hash: two 64-bit FNV-1a variants over the sentences ---- */

static void content_hash(const evg_doc *doc, char out[40])
{
    uint64_t a = 14695981039346656037ull, b = 0x84222325cbf29ce4ull;
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const char *t = doc->sentences[i].text ? doc->sentences[i].text : "";
        for (const unsigned char *p = (const unsigned char *)t;; p++) {
            unsigned c = *p ? *p : '\n'; /* sentence boundary */
            a = (a ^ c) * 1099511628211ull;
            b = (b ^ c) * 0x100000001b3ull;
            b ^= b >> 29;
            if (!*p)
                break;
        }
    }
    if (!doc->n_sentences && doc->id) /* nothing to hash: the id stands in */
        for (const unsigned char *p = (const unsigned char *)doc->id; *p; p++)
            a = (a ^ *p) * 1099511628211ull;
    snprintf(out, 40, "%016llx%016llx", (unsigned long long)a,
             (unsigned long long)b);
}

/* ---- actors ---- */

/* ---- what the connection knows: the actor book and the event keys ---- */

/* Empties the set. */
static void set_clear(strset *set)
{
    for (size_t i = 0; i < set->n_slots; i++)
        free(set->slots[i]);
    free(set->slots);
    set->slots = NULL;
    set->n = set->n_slots = 0;
}

static uint64_t str_hash(char tag, const char *t)
{
    uint64_t h = (14695981039346656037ull ^ (unsigned char)tag) *
                 1099511628211ull;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h ^ (h >> 29);
}

/* Is `tag` + `t` in the set? */
static int set_has(const strset *set, char tag, const char *t)
{
    if (!set->n_slots)
        return 0;
    for (size_t h = str_hash(tag, t) & (set->n_slots - 1); set->slots[h];
         h = (h + 1) & (set->n_slots - 1))
        if (set->slots[h][0] == tag && strcmp(set->slots[h] + 1, t) == 0)
            return 1;
    return 0;
}

static void set_slot_put(char **tab, size_t n_slots, char *v)
{
    size_t h = str_hash(v[0], v + 1) & (n_slots - 1);
    while (tab[h])
        h = (h + 1) & (n_slots - 1);
    tab[h] = v;
}

/* Adds `tag` + `t` to the set; EVG_ENOMEM. */
static int set_add(strset *set, char tag, const char *t)
{
    if (set_has(set, tag, t))
        return 0;
    if (4 * (set->n + 1) > 3 * set->n_slots) {
        size_t n = set->n_slots ? 2 * set->n_slots : 1024;
        char **tab = calloc(n, sizeof(*tab));
        if (!tab)
            return EVG_ENOMEM;
        for (size_t i = 0; i < set->n_slots; i++)
            if (set->slots[i])
                set_slot_put(tab, n, set->slots[i]);
        free(set->slots);
        set->slots = tab;
        set->n_slots = n;
    }
    size_t len = strlen(t);
    char *v = malloc(len + 2);
    if (!v)
        return EVG_ENOMEM;
    v[0] = tag;
    memcpy(v + 1, t, len + 1);
    set_slot_put(set->slots, set->n_slots, v);
    set->n++;
    return 0;
}

static void known_clear(evg_store *st)
{
    known_state *k = &st->k;
    if (k->loaded)
        evg_actor_book_dispose(&k->book);
    free(k->ids);
    keys_free(k->keys, k->n_slots);
    set_clear(&k->docs);
    set_clear(&k->actor_keys);
    memset(k, 0, sizeof(*k));
    /* the roots and longest span known go with it (see evg_store), and
     * the reports held for the merge (some may be gone, or another
     * connection's added) */
    st->n_roots = 0;
    st->max_span = -1;
    if (st->pend.n_dates)
        evg_pending_reset(&st->pend, 1);
}

/* The event key table's memory, zeroed. A table of millions of keys is
 * probed at random places, a few for each report: in pages of 4 KB
 * nearly every probe also misses the processor's page table cache
 * (TLB), so a large table asks the kernel for huge pages (transparent
 * huge pages, where the kernel offers them on request). NULL when out of
 * memory. */
#define HUGE_TABLE (4u << 20)

static ekey *keys_alloc(size_t n)
{
    size_t bytes = n * sizeof(ekey);
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    if (bytes >= HUGE_TABLE) {
        void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        madvise(p, bytes, MADV_HUGEPAGE); /* a hint: refused is fine */
        return p;
    }
#endif
    return calloc(n, sizeof(ekey));
}

static void keys_free(ekey *tab, size_t n)
{
#if defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
    if (tab && n * sizeof(ekey) >= HUGE_TABLE) {
        munmap(tab, n * sizeof(ekey));
        return;
    }
#endif
    (void)n;
    free(tab);
}

static size_t key_home(uint64_t key, size_t n_slots)
{
    return (size_t)((key * 0x9e3779b97f4a7c15ull) >> 20) & (n_slots - 1);
}

/* Puts a row in the first free slot from its key's home: the rows of a
 * key stay in the order they came (nothing is ever removed). */
static void slot_put(ekey *tab, size_t n_slots, const ekey *e)
{
    size_t h = key_home(e->key, n_slots);
    while (tab[h].event)
        h = (h + 1) & (n_slots - 1);
    tab[h] = *e;
}

/* Adds a key row to the table; EVG_ENOMEM. */
static int keys_add(known_state *k, const ekey *e)
{
    if (4 * (k->n_keys + 1) > 3 * k->n_slots) {
        size_t n = k->n_slots ? 2 * k->n_slots : 4096;
        ekey *tab = keys_alloc(n);
        if (!tab)
            return EVG_ENOMEM;
        /* moved from a free slot on, each run of rows is met from its
         * start: a key's rows keep their order */
        size_t f = 0;
        while (f < k->n_slots && k->keys[f].event)
            f++;
        for (size_t i = 0; i < k->n_slots; i++) {
            const ekey *v = &k->keys[(f + i) & (k->n_slots - 1)];
            if (v->event)
                slot_put(tab, n, v);
        }
        keys_free(k->keys, k->n_slots);
        k->keys = tab;
        k->n_slots = n;
    }
    slot_put(k->keys, k->n_slots, e);
    k->n_keys++;
    return 0;
}

static int event_keys_add(known_state *k, const char *sig, const char *lo,
                          const char *hi, sqlite3_int64 event);

/* Computes every stored event's keys into the table, in the events'
 * order (a key's rows in the order their events came). */
static int keys_load(evg_store *st, evg_error *err)
{
    known_state *k = &st->k;
    sqlite3_stmt *s = use(st, Q_EVENTS_ALL);
    int r;
    while ((r = sqlite3_step(s)) == SQLITE_ROW) {
        const char *sig = (const char *)sqlite3_column_text(s, 1);
        const char *lo = (const char *)sqlite3_column_text(s, 2);
        const char *hi = (const char *)sqlite3_column_text(s, 3);
        if (sig && event_keys_add(k, sig, lo, hi ? hi : lo,
                                  sqlite3_column_int64(s, 0))) {
            sqlite3_reset(s);
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        }
    }
    sqlite3_reset(s);
    return r == SQLITE_DONE ? 0 : db_error(st, err);
}

/* Reads every actor and its aliases into the book. */
static int known_load(evg_store *st, evg_error *err)
{
    known_state *k = &st->k;
    int rc = evg_actor_book_init(&k->book, NULL, NULL, err);
    if (rc)
        return rc;
    k->loaded = 1;
    sqlite3_stmt *a = NULL, *al = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT id, name, kind, code, country, "
                                   "dict, key FROM actors ORDER BY id", -1, &a,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db, "SELECT name FROM actor_aliases "
                                   "WHERE actor = ?1 ORDER BY seq", -1, &al,
                           NULL) != SQLITE_OK) {
        rc = db_error(st, err);
        goto done;
    }
    const char **names = NULL;
    size_t cap = 0;
    int r;
    while (!rc && (r = sqlite3_step(a)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(a, 0);
        size_t n = 0;
        sqlite3_bind_int64(al, 1, id);
        int r2;
        while (!rc && (r2 = sqlite3_step(al)) == SQLITE_ROW) {
            const char *t = (const char *)sqlite3_column_text(al, 0);
            char *c = t ? evg_arena_strndup(k->book.arena, t, strlen(t)) : NULL;
            if (!t)
                continue;
            if (!c || evg_reserve(&names, &cap, n + 1, sizeof(*names), 16))
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            else
                names[n++] = c;
        }
        if (!rc && r2 != SQLITE_DONE)
            rc = db_error(st, err);
        sqlite3_reset(al);
        const char *kind = (const char *)sqlite3_column_text(a, 2);
        int kd = kind ? evg_entity_kind_parse(kind) : -1;
        if (!rc && (evg_actor_book_restore(
                        &k->book, (const char *)sqlite3_column_text(a, 1),
                        kd < 0 ? EVG_KIND_ORGANIZATION : (evg_entity_kind)kd,
                        (const char *)sqlite3_column_text(a, 3),
                        (const char *)sqlite3_column_text(a, 4),
                        (const char *)sqlite3_column_text(a, 5), names, n) ||
                    evg_reserve(&k->ids, &k->cap_ids, k->book.n_actors,
                                sizeof(*k->ids), 256)))
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        if (!rc)
            k->ids[k->book.n_actors - 1] = id;
        const char *key = (const char *)sqlite3_column_text(a, 6);
        if (!rc && key && set_add(&k->actor_keys, 'k', key))
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    if (!rc && r != SQLITE_DONE)
        rc = db_error(st, err);
    free(names);
    if (!rc)
        rc = keys_load(st, err);
    if (!rc) {
        /* the documents not yet in doc_ids and doc_hashes */
        sqlite3_stmt *q = use(st, Q_DOCS_UNMERGED);
        while (!rc && (r = sqlite3_step(q)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(q, 0);
            const char *h = (const char *)sqlite3_column_text(q, 1);
            if ((id && set_add(&k->docs, 'i', id)) ||
                (h && set_add(&k->docs, 'h', h)))
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        }
        if (!rc && r != SQLITE_DONE)
            rc = db_error(st, err);
        sqlite3_reset(q);
    }
    if (!rc) {
        /* reports and documents an earlier ingest left unmerged (killed,
         * or another writer's): merged with ours, or when the store
         * closes */
        sqlite3_stmt *m = use(st, Q_MERGED_GET);
        if (sqlite3_step(m) == SQLITE_ROW &&
            (sqlite3_column_int64(m, 1) > sqlite3_column_int64(m, 0) ||
             sqlite3_column_int64(m, 3) > sqlite3_column_int64(m, 2)))
            st->stale_index = 1;
        sqlite3_reset(m);
    }
done:
    sqlite3_finalize(a);
    sqlite3_finalize(al);
    return rc;
}

/* Adds the normalized key of `name` to actor_names (what --entity finds). */
static int name_key_ins(evg_store *st, const char *name, sqlite3_int64 id,
                        evg_error *err)
{
    char *key = evg_graph_name_key(name);
    if (!key)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    int rc = 0;
    if (*key) {
        sqlite3_stmt *s = use(st, Q_NAME_INS);
        bind_text(s, 1, key);
        sqlite3_bind_int64(s, 2, id);
        rc = run(st, s, err);
    }
    free(key);
    return rc;
}

/* The store actor of entity `e`, by the graph's rule (the actor book);
 * what the book learnt is written to actors, actor_aliases and
 * actor_names. A new actor's key ('CODE:normalized name') stays with it
 * for good. */
static int actor_for(evg_store *st, const evg_entity *e, sqlite3_int64 *out,
                     evg_error *err)
{
    known_state *k = &st->k;
    size_t ai, n_old = 0;
    unsigned changed;
    const char *dict_old = NULL;
    int rc = evg_actor_book_find(&k->book, e, &ai);
    if (!rc && ai != EVG_NONE) {
        n_old = k->book.actors[ai].n_aliases;
        dict_old = k->book.actors[ai].dict_person;
    }
    if (!rc)
        rc = evg_actor_book_join(&k->book, ai, e, &ai, &changed);
    if (rc)
        return evg_error_set(err, rc, "%s", evg_strerror(rc));
    const evg_book_actor *a = &k->book.actors[ai];
    if (changed & EVG_BOOK_NEW) {
        if (evg_reserve(&k->ids, &k->cap_ids, k->book.n_actors,
                        sizeof(*k->ids), 256))
            return evg_error_set(err, EVG_ENOMEM, "out of memory");
        char *k0 = evg_graph_name_key(a->name);
        const char *code = a->code;
        size_t n = (k0 ? strlen(k0) : 0) + (code ? strlen(code) : 1) + 32;
        char *key = k0 ? malloc(n) : NULL;
        if (!key)
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        /* a name many actors share ("officials": descriptions never
         * merge) takes the actor's number after '#', which no normalized
         * name holds: one lookup, not one per earlier namesake */
        for (size_t tries = 1; !rc; tries++) {
            const char *nm = *k0 ? k0 : "?";
            if (tries == 1)
                snprintf(key, n, "%s:%s", code ? code : "-", nm);
            else
                snprintf(key, n, "%s:%s#%zu", code ? code : "-", nm,
                         k->book.n_actors + tries - 2);
            if (!set_has(&k->actor_keys, 'k', key))
                break;
        }
        if (!rc) {
            sqlite3_stmt *s = use(st, Q_ACTOR_INS);
            bind_text(s, 1, key);
            bind_text(s, 2, a->name);
            bind_text(s, 3, evg_entity_kind_name(a->kind));
            bind_text(s, 4, a->code);
            bind_text(s, 5, a->country);
            bind_text(s, 6, a->dict_person);
            rc = run(st, s, err);
            k->ids[ai] = sqlite3_last_insert_rowid(st->db);
            if (!rc && set_add(&k->actor_keys, 'k', key))
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        }
        if (!rc)
            rc = name_key_ins(st, a->name, k->ids[ai], err);
        free(key);
        free(k0);
    } else {
        if (!rc && (changed & EVG_BOOK_CODE)) {
            sqlite3_stmt *s = use(st, Q_ACTOR_FILL);
            sqlite3_bind_int64(s, 1, k->ids[ai]);
            bind_text(s, 2, a->code);
            bind_text(s, 3, a->country);
            rc = run(st, s, err);
        }
        if (!rc && a->dict_person && !dict_old) {
            sqlite3_stmt *s = use(st, Q_ACTOR_DICT);
            sqlite3_bind_int64(s, 1, k->ids[ai]);
            bind_text(s, 2, a->dict_person);
            rc = run(st, s, err);
        }
        if (!rc && (changed & EVG_BOOK_NAME)) {
            sqlite3_stmt *s = use(st, Q_ACTOR_NAME);
            sqlite3_bind_int64(s, 1, k->ids[ai]);
            bind_text(s, 2, a->name);
            rc = run(st, s, err);
            if (!rc)
                rc = name_key_ins(st, a->name, k->ids[ai], err);
        }
    }
    for (size_t i = n_old; !rc && i < a->n_aliases; i++) {
        sqlite3_stmt *s = use(st, Q_ALIAS_INS);
        sqlite3_bind_int64(s, 1, k->ids[ai]);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        bind_text(s, 3, a->aliases[i]);
        rc = run(st, s, err);
        if (!rc)
            rc = name_key_ins(st, a->aliases[i], k->ids[ai], err);
    }
    *out = k->ids[ai];
    return rc;
}

/* ---- events ---- */

static int cmp_i64(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
    return x < y ? -1 : x > y;
}

/* Sorted, distinct store actors of entity indexes `ids`, written to `b`
 * separated by commas, each after `sign`. */
static void put_actors(evg_buf *b, const size_t *ids, size_t n,
                       const sqlite3_int64 *actor_of, size_t n_ent,
                       const char *sign)
{
    sqlite3_int64 small[16], *v = n <= 16 ? small : malloc(n * sizeof(*v));
    if (!v) {
        b->failed = 1;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ids[i] < n_ent && actor_of[ids[i]] >= 0)
            v[k++] = actor_of[ids[i]];
    evg_sort(v, k, sizeof(*v), cmp_i64);
    for (size_t i = 0; i < k; i++) {
        if (i && v[i] == v[i - 1])
            continue;
        if (i)
            evg_buf_putc(b, ',');
        evg_buf_puts(b, sign);
        put_int(b, (long long)v[i]);
    }
    if (v != small)
        free(v);
}

static long month_of(const char *ymd)
{
    return strtol(ymd, NULL, 10) * 12 + strtol(ymd + 5, NULL, 10) - 1;
}

/* The span `lo` to `hi` (valid dates, or lo NULL: undated, 0 to 0) in
 * days since 1970-01-01. */
static void span_days(const char *lo, const char *hi, long *dlo, long *dhi)
{
    int y, mo, d;
    *dlo = *dhi = 0;
    if (lo && evg_date_parse(lo, &y, &mo, &d))
        *dlo = evg_date_days(y, mo, d);
    if (lo && evg_date_parse(hi, &y, &mo, &d))
        *dhi = evg_date_days(y, mo, d);
}

#define LONG_SPAN 36
#define MONTH_UNDATED (-1L)
#define MONTH_LONG (-2L)

static sqlite3_int64 month_key(const char *sig, long month)
{
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)sig; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    for (int i = 0; i < 8; i++)
        h = (h ^ (unsigned char)((unsigned long)month >> (8 * i))) *
            1099511628211ull;
    return (sqlite3_int64)(h >> 1);
}

/* The store event of report `e`: an earlier event of another document with
 * the same signature whose dates overlap (or both undated), else a new
 * one. `used` lists the events this document already reported. */
static int event_for(evg_store *st, const evg_event *e, const char *sig,
                     const char *lo, const char *hi,
                     const sqlite3_int64 *used, size_t n_used,
                     sqlite3_int64 *out, evg_error *err)
{
    long m0 = lo ? month_of(lo) : MONTH_UNDATED;
    long m1 = lo ? month_of(hi) : MONTH_UNDATED;
    sqlite3_int64 found = -1, chk = evg_store__sig_check(sig);
    (void)e;
    long dlo, dhi;
    span_days(lo, hi, &dlo, &dhi);
    /* buckets to search: every month of the span, and the long spans */
    for (long m = m0; m <= m1 + (lo ? 1 : 0); m++) {
        long month = m > m1 ? MONTH_LONG : m;
        sqlite3_int64 key = month_key(sig, month);
        const known_state *k = &st->k;
        if (!k->n_slots)
            break;
        /* the key's rows lie between its home slot and the next free one */
        for (size_t h = key_home((uint64_t)key, k->n_slots); k->keys[h].event;
             h = (h + 1) & (k->n_slots - 1)) {
            const ekey *v = &k->keys[h];
            if (v->key != (uint64_t)key || v->chk != (uint32_t)chk ||
                (found >= 0 && v->event >= found))
                continue;
            int mine = 0;
            for (size_t i = 0; i < n_used && !mine; i++)
                mine = used[i] == v->event;
            if (!mine && ((!v->dated && !lo) ||
                          (v->dated && lo && v->lo <= dhi && dlo <= v->hi))) {
                /* a key's rows come in the order they were added, the
                 * events' order: the earliest such event */
                found = v->event;
                break;
            }
        }
    }
    int rc = 0;
    if (found >= 0) {
        *out = found; /* one more report of it */
        return 0;
    }
    sqlite3_stmt *s = use(st, Q_EVENT_INS);
    bind_text(s, 1, sig);
    bind_text(s, 2, lo);
    bind_text(s, 3, hi);
    if ((rc = run(st, s, err)))
        return rc;
    found = sqlite3_last_insert_rowid(st->db);
    if (event_keys_add(&st->k, sig, lo, hi, found))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    *out = found;
    return 0;
}

/* Adds the keys of event `event` (signature `sig`, dates `lo` to `hi`,
 * valid, or both NULL) to the table: one for each month its span
 * touches, or for a span of LONG_SPAN months or more, one for the long
 * spans. EVG_ENOMEM. */
static int event_keys_add(known_state *k, const char *sig, const char *lo,
                          const char *hi, sqlite3_int64 event)
{
    long m0 = lo ? month_of(lo) : MONTH_UNDATED;
    long m1 = lo ? month_of(hi) : MONTH_UNDATED;
    int long_span = m1 - m0 >= LONG_SPAN;
    uint32_t chk = (uint32_t)evg_store__sig_check(sig);
    long dlo, dhi;
    span_days(lo, hi, &dlo, &dhi);
    for (long m = long_span ? MONTH_LONG : m0;; m++) {
        ekey row = {(uint64_t)month_key(sig, m), event, (int32_t)dlo,
                    (int32_t)dhi, chk, lo != NULL};
        if (keys_add(k, &row))
            return EVG_ENOMEM;
        if (long_span || m >= m1)
            return 0;
    }
}

/* ---- adding a document ---- */

/* Keeps `roots` and the longest event span in `meta` up to date, which
 * the date queries rely on. */
static int note_root_span(evg_store *st, const char *cameo, const char *lo,
                          const char *hi, evg_error *err)
{
    char root[3] = {0};
    memcpy(root, cameo, strlen(cameo) < 2 ? strlen(cameo) : 2);
    int known = 0, rc = 0;
    for (size_t i = 0; i < st->n_roots && !known; i++)
        known = strcmp(st->roots[i], root) == 0;
    if (!known) {
        sqlite3_stmt *s = use(st, Q_ROOT_INS);
        bind_text(s, 1, root);
        if ((rc = run(st, s, err)))
            return rc;
        if (st->n_roots < sizeof(st->roots) / sizeof(st->roots[0]))
            memcpy(st->roots[st->n_roots++], root, 3);
    }
    if (st->max_span < 0) {
        int v = 0;
        if (pragma_int(st->db, "SELECT coalesce((SELECT value FROM meta "
                               "WHERE key = 'max_span_days'), 0)", &v))
            return db_error(st, err);
        st->max_span = v;
    }
    int y, m, d, y2, m2, d2;
    if (lo && hi && evg_date_parse(lo, &y, &m, &d) &&
        evg_date_parse(hi, &y2, &m2, &d2)) {
        long span = evg_date_days(y2, m2, d2) - evg_date_days(y, m, d);
        if (span > st->max_span) {
            sqlite3_stmt *s = use(st, Q_SPAN_SET);
            sqlite3_bind_int64(s, 1, span);
            if ((rc = run(st, s, err)))
                return rc;
            st->max_span = span;
        }
    }
    return 0;
}

static int add_body(evg_store *st, const evg_doc *doc, const char *id,
                    const char *hash, evg_error *err)
{
    /* the document's row holds its sentences, entities and relations as
     * JSON: one row for what a query reads of an article as a whole */
    int rc = 0;
    /* the events as extraction left them: packed (`ingest` asks for the
     * compact form, evg_extract_opts.compact_events) or in doc->events */
    size_t n_events = evg_doc__event_count(doc);
    evg_buf sents, list, rels;
    evg_buf_init(&sents, 0);
    evg_buf_init(&list, 0);
    evg_buf_init(&rels, 0);
    evg_buf_putc(&sents, '[');
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const evg_sentence *se = &doc->sentences[i];
        const char *t = se->text ? se->text : "";
        evg_buf_puts(&sents, i ? ",[" : "[");
        put_int(&sents, (long long)se->start);
        evg_buf_putc(&sents, ',');
        put_int(&sents, (long long)se->end);
        evg_buf_puts(&sents, se->boilerplate ? ",1,\"" : ",0,\"");
        evg_buf_json(&sents, t, strlen(t));
        evg_buf_puts(&sents, "\"]");
    }
    evg_buf_putc(&sents, ']');
    /* [[type, from, to]] between events stored, or none */
    for (size_t i = 0; i < doc->n_relations; i++) {
        const evg_relation *r = &doc->relations[i];
        if (r->from >= n_events || r->to >= n_events)
            continue;
        evg_buf_puts(&rels, rels.len ? ",[\"" : "[[\"");
        evg_buf_puts(&rels, evg_rel_type_name(r->type));
        evg_buf_puts(&rels, "\",");
        put_int(&rels, (long long)r->from);
        evg_buf_putc(&rels, ',');
        put_int(&rels, (long long)r->to);
        evg_buf_putc(&rels, ']');
    }
    if (rels.len)
        evg_buf_putc(&rels, ']');
    sqlite3_int64 *actor_of = calloc(doc->n_entities + 1, sizeof(*actor_of));
    sqlite3_int64 *event_of = calloc(n_events + 1, sizeof(*event_of));
    evg_buf sig, acts;
    evg_buf_init(&sig, 0);
    evg_buf_init(&acts, 0);
    if (!actor_of || !event_of)
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    evg_buf_putc(&list, '[');
    for (size_t i = 0; i < doc->n_entities && !rc; i++) {
        const evg_entity *e = &doc->entities[i];
        /* a place is where events happen, not who takes part (as in the
         * graph): no actor */
        actor_of[i] = -1;
        if (e->kind != EVG_KIND_LOCATION &&
            (rc = actor_for(st, e, &actor_of[i], err)))
            break;
        const char *f[3] = {e->name ? e->name : "?", e->code, e->country};
        evg_buf_puts(&list, i ? ",[" : "[");
        if (actor_of[i] < 0)
            evg_buf_puts(&list, "null");
        else
            put_int(&list, (long long)actor_of[i]);
        evg_buf_puts(&list, ",\"");
        evg_buf_json(&list, f[0], strlen(f[0]));
        evg_buf_puts(&list, "\",\"");
        evg_buf_puts(&list, evg_entity_kind_name(e->kind));
        evg_buf_putc(&list, '"');
        for (int k = 1; k < 3; k++) {
            if (!f[k]) {
                evg_buf_puts(&list, ",null");
                continue;
            }
            evg_buf_puts(&list, ",\"");
            evg_buf_json(&list, f[k], strlen(f[k]));
            evg_buf_putc(&list, '"');
        }
        evg_buf_puts(&list, ",[");
        for (size_t k = 0; k < e->n_aliases; k++) {
            const char *al = e->aliases[k] ? e->aliases[k] : "";
            evg_buf_puts(&list, k ? ",\"" : "\"");
            evg_buf_json(&list, al, strlen(al));
            evg_buf_putc(&list, '"');
        }
        evg_buf_puts(&list, "],");
        put_int(&list, (long long)e->n_mentions);
        if (e->dictionary)
            evg_buf_puts(&list, ",1"); /* named by a dictionary */
        evg_buf_putc(&list, ']');
    }
    evg_buf_putc(&list, ']');
    if (!rc && (list.failed || sents.failed || rels.failed))
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    sqlite3_int64 d = 0;
    if (!rc) {
        sqlite3_stmt *s = use(st, Q_DOC_INS);
        bind_text(s, 1, id);
        bind_text(s, 2, hash);
        bind_text(s, 3, doc->path);
        bind_text(s, 4, doc->title);
        bind_text(s, 5, doc->url);
        bind_text(s, 6, doc->source);
        bind_text(s, 7, doc->place);
        bind_text(s, 8, doc->dct[0] ? doc->dct : NULL);
        bind_text(s, 9, evg_dct_source_name(doc->dct_source));
        sqlite3_bind_int64(s, 10, (sqlite3_int64)doc->n_sentences);
        sqlite3_bind_int64(s, 11, (sqlite3_int64)doc->n_entities);
        sqlite3_bind_int64(s, 12, (sqlite3_int64)n_events);
        sqlite3_bind_text(s, 13, sents.data, (int)sents.len, SQLITE_STATIC);
        sqlite3_bind_text(s, 14, list.data, (int)list.len, SQLITE_STATIC);
        if (rels.len)
            sqlite3_bind_text(s, 15, rels.data, (int)rels.len,
                              SQLITE_STATIC);
        else
            sqlite3_bind_null(s, 15);
        rc = run(st, s, err);
        d = sqlite3_last_insert_rowid(st->db);
    }
    evg_buf_dispose(&sents);
    evg_buf_dispose(&list);
    evg_buf_dispose(&rels);
    sqlite3_stmt *s;
    /* scratch for the participants of events without a code, taken by
     * role: two lists of at most n_args entities each */
    size_t max_args = 0;
    evg_event ev;
    for (size_t i = 0; i < n_events && !rc; i++) {
        if (evg_doc__event_get(doc, i, &ev))
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        else if (ev.n_args > max_args)
            max_args = ev.n_args;
    }
    size_t *by_role = malloc((2 * max_args + 1) * sizeof(size_t));
    if (!by_role && !rc)
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n_events && !rc; i++) {
        /* a packed event's arguments hold until the next one is read */
        if (evg_doc__event_get(doc, i, &ev)) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        const evg_event *e = &ev;
        /* '' stands for "no CAMEO code" in the NOT NULL column */
        const char *cameo = e->cameo ? e->cameo : "";
        /* the participants: CAMEO's source and target, or for an event
         * without a code and without them, its agents and its patients
         * and recipients (as the graph takes them) */
        const size_t *side_ids[2] = {e->source, e->target};
        size_t side_n[2] = {e->n_source, e->n_target};
        if (!e->cameo && !e->n_source && !e->n_target)
            for (int r = 0; r < 2; r++) {
                size_t *v = by_role + (size_t)r * max_args;
                side_n[r] = 0;
                for (size_t k = 0; k < e->n_args; k++) {
                    const evg_arg *a = &e->args[k];
                    int want = a->role &&
                               (r == 0 ? strcmp(a->role, "agent") == 0
                                       : (strcmp(a->role, "patient") == 0 ||
                                          strcmp(a->role, "recipient") == 0));
                    if (want && a->entity < doc->n_entities)
                        v[side_n[r]++] = a->entity;
                }
                side_ids[r] = v;
            }
        const char *lo = evg_date_valid(e->time.lo) ? e->time.lo : NULL;
        const char *hi = lo && evg_date_valid(e->time.hi) &&
                                 strcmp(e->time.hi, lo) >= 0
                             ? e->time.hi
                             : lo;
        sig.len = 0;
        sig.failed = 0;
        if (e->cameo) {
            evg_buf_puts(&sig, cameo);
            evg_buf_putc(&sig, '|');
        } else {
            /* without a code, events of the same trigger word merge (as in
             * the graph): "~sold" */
            evg_buf_putc(&sig, '~');
            for (const char *t = e->trigger.text ? e->trigger.text : ""; *t;
                 t++)
                evg_buf_putc(&sig, (char)(*t >= 'A' && *t <= 'Z' ? *t + 32
                                                                 : *t));
            evg_buf_putc(&sig, '|');
        }
        put_actors(&sig, side_ids[0], side_n[0], actor_of, doc->n_entities,
                   "");
        evg_buf_putc(&sig, '|');
        put_actors(&sig, side_ids[1], side_n[1], actor_of, doc->n_entities,
                   "");
        evg_buf_puts(&sig, e->modality == EVG_MOD_NEGATED ? "|n" : "|");
        if (sig.failed) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        if ((rc = event_for(st, e, sig.data, lo, hi, event_of, i,
                            &event_of[i], err)))
            break;
        s = use(st, Q_EVI_INS);
        sqlite3_bind_int64(s, 1, event_of[i]);
        sqlite3_bind_int64(s, 2, d);
        sqlite3_bind_int64(s, 3, (sqlite3_int64)i);
        bind_text(s, 4, cameo);
        bind_text(s, 5, e->label);
        sqlite3_bind_int(s, 6, e->quad_class);
        sqlite3_bind_double(s, 7, e->goldstein);
        sqlite3_bind_int64(s, 8, (sqlite3_int64)e->trigger.start);
        sqlite3_bind_int64(s, 9, (sqlite3_int64)e->trigger.end);
        bind_text(s, 10, e->trigger.text);
        bind_text(s, 11, e->time.value);
        bind_text(s, 12, e->time.lo);
        bind_text(s, 13, e->time.hi);
        bind_text(s, 14, evg_basis_name(e->time.basis));
        bind_text(s, 15, evg_modality_name(e->modality));
        bind_index(s, 16, e->attributed);
        bind_index(s, 17, e->sentence);
        sqlite3_bind_double(s, 18, e->confidence);
        bind_text(s, 19, e->summary);
        sqlite3_bind_int64(s, 20, (sqlite3_int64)e->n_mentions);
        sqlite3_bind_text(s, 21, cameo, (int)(strlen(cameo) < 2 ? strlen(cameo) : 2),
                          SQLITE_STATIC);
        char *lists[2];
        for (int role = 0; role < 2; role++) {
            const size_t *ids = role ? e->target : e->source;
            size_t n = role ? e->n_target : e->n_source;
            sig.len = 0;
            evg_buf_puts(&sig, "");
            for (size_t k = 0; k < n; k++)
                if (ids[k] < doc->n_entities) {
                    if (sig.len)
                        evg_buf_putc(&sig, ',');
                    put_int(&sig, (long long)ids[k]);
                }
            lists[role] = sig.failed ? NULL : strdup(sig.data);
        }
        if (!lists[0] || !lists[1]) {
            free(lists[0]);
            free(lists[1]);
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        sqlite3_bind_text(s, 22, lists[0], -1, free);
        sqlite3_bind_text(s, 23, lists[1], -1, free);
        bind_text(s, 24, e->tml_class);
        if (e->n_args) {
            /* [[role, entity or null, start, end, text]] */
            sig.len = 0;
            evg_buf_putc(&sig, '[');
            for (size_t k = 0; k < e->n_args; k++) {
                const evg_arg *a = &e->args[k];
                const char *t = a->span.text ? a->span.text : "";
                const char *role = a->role ? a->role : "";
                evg_buf_puts(&sig, k ? ",[\"" : "[\"");
                evg_buf_json(&sig, role, strlen(role));
                evg_buf_puts(&sig, "\",");
                if (a->entity < doc->n_entities) {
                    put_int(&sig, (long long)a->entity);
                    evg_buf_putc(&sig, ',');
                } else {
                    evg_buf_puts(&sig, "null,");
                }
                put_int(&sig, (long long)a->span.start);
                evg_buf_putc(&sig, ',');
                put_int(&sig, (long long)a->span.end);
                evg_buf_puts(&sig, ",\"");
                evg_buf_json(&sig, t, strlen(t));
                evg_buf_puts(&sig, "\"]");
            }
            evg_buf_putc(&sig, ']');
            if (sig.failed) {
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
                break;
            }
            sqlite3_bind_text(s, 25, sig.data, (int)sig.len, SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_null(s, 25);
        }
        /* who took part, by store actor: [sources, -targets], moved into
         * arguments by a merge (merge()) */
        acts.len = 0;
        evg_buf_putc(&acts, '[');
        put_actors(&acts, side_ids[0], side_n[0], actor_of, doc->n_entities,
                   "");
        size_t mark = acts.len; /* after the sources */
        if (mark > 1)
            evg_buf_putc(&acts, ',');
        size_t before = acts.len;
        put_actors(&acts, side_ids[1], side_n[1], actor_of, doc->n_entities,
                   "-");
        if (acts.len == before) /* no target: no comma */
            acts.len = mark;
        evg_buf_putc(&acts, ']');
        if (acts.failed) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        if (acts.len == 2) /* []: none */
            sqlite3_bind_null(s, 26);
        else
            sqlite3_bind_text(s, 26, acts.data, (int)acts.len,
                              SQLITE_STATIC);
        if ((rc = run(st, s, err)))
            break;
        evg_pending_report(&st->pend, sqlite3_last_insert_rowid(st->db),
                           cameo, e->time.lo,
                           acts.len == 2 ? NULL : acts.data);
        if ((rc = note_root_span(st, cameo, lo, hi, err)))
            break;
    }
    evg_buf_dispose(&acts);
    free(by_role);
    evg_buf_dispose(&sig);
    free(actor_of);
    free(event_of);
    return rc;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void evg_store_set_batch(evg_store *st, size_t docs)
{
    st->batch = docs ? docs : 1;
}

void evg_store_set_merge(evg_store *st, size_t docs)
{
    st->merge_docs = docs ? docs : 1;
}

/* Rolls the open group back after error `rc` and says in `err` how many
 * new documents went with it. Returns rc. */
static int roll_back(evg_store *st, int rc, evg_error *err)
{
    size_t lost = st->pending_added;
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    st->in_txn = 0;
    st->pending = 0;
    st->pending_added = 0;
    st->pending_events = 0;
    known_clear(st);
    if (lost && err) {
        char why[EVG_ERROR_MSG_MAX];
        snprintf(why, sizeof(why), "%s", err->message);
        evg_error_set(err, rc, "%s (the %zu new document%s since the last "
                      "commit %s rolled back: add the same input again)",
                      why, lost, lost == 1 ? "" : "s",
                      lost == 1 ? "was" : "were");
    }
    return rc;
}

/* Commits the open transaction (the group of documents). */
static int commit_group(evg_store *st, evg_error *err)
{
    if (!st->in_txn)
        return 0;
    int rc = run(st, use(st, Q_COMMIT), err);
    if (rc)
        return roll_back(st, rc, err);
    st->in_txn = 0;
    st->pending = 0;
    st->pending_added = 0;
    st->pending_events = 0;
    return 0;
}

/* Brings report_dates and arguments up to date in a transaction of its
 * own: every report after meta's 'indexed_through' enters report_dates,
 * their actors (evidence.actors) into arguments, and 'indexed_through'
 * becomes the last report (read in the transaction, so that another
 * writer's reports are merged too). The documents are committed already;
 * a merge that fails or is killed leaves them unmerged, which queries
 * read all the same, for the next merge. */
static int merge(evg_store *st, evg_error *err)
{
    int rc = commit_group(st, err);
    if (rc)
        return rc;
    if ((rc = run(st, use(st, Q_BEGIN), err)))
        return rc;
    st->in_txn = 1;
    sqlite3_stmt *s = use(st, Q_MERGED_GET);
    sqlite3_int64 done = 0, last = 0, docs_done = 0, docs_last = 0;
    int r = sqlite3_step(s);
    if (r == SQLITE_ROW) {
        done = sqlite3_column_int64(s, 0);
        last = sqlite3_column_int64(s, 1);
        docs_done = sqlite3_column_int64(s, 2);
        docs_last = sqlite3_column_int64(s, 3);
    }
    sqlite3_reset(s);
    if (r != SQLITE_ROW)
        rc = db_error(st, err);
    if (!rc && last > done && evg_pending_covers(&st->pend, done, last)) {
        /* from memory: the reports this connection added, every one */
        evg_pending_sort(&st->pend);
        if (!(rc = run(st, use(st, Q_MERGE_MEM_DATES), err)) &&
            !(rc = run(st, use(st, Q_MERGE_MEM_ARGS), err))) {
            s = use(st, Q_MERGED_SET);
            sqlite3_bind_int64(s, 1, last);
            rc = run(st, s, err);
        }
    } else if (!rc && last > done) {
        s = use(st, Q_MERGE_EVI);
        sqlite3_bind_int64(s, 1, done);
        if (!(rc = run(st, s, err)) &&
            !(rc = run(st, bind_done(use(st, Q_MERGE_ARGS), done), err))) {
            s = use(st, Q_MERGED_SET);
            sqlite3_bind_int64(s, 1, last);
            rc = run(st, s, err);
        }
    }
    if (!rc && docs_last > docs_done) {
        s = use(st, Q_MERGE_DOC_IDS);
        sqlite3_bind_int64(s, 1, docs_done);
        if (!(rc = run(st, s, err))) {
            s = use(st, Q_MERGE_DOC_HASHES);
            sqlite3_bind_int64(s, 1, docs_done);
            rc = run(st, s, err);
        }
        if (!rc) {
            s = use(st, Q_DOCS_MERGED_SET);
            sqlite3_bind_int64(s, 1, docs_last);
            rc = run(st, s, err);
        }
    }
    if (rc)
        return roll_back(st, rc, err);
    if ((rc = commit_group(st, err)))
        return rc;
    /* every document is in doc_ids and doc_hashes now, every report in
     * report_dates and arguments */
    set_clear(&st->k.docs);
    evg_pending_reset(&st->pend, 0);
    st->unmerged = 0;
    st->stale_index = 0;
    return 0;
}

int evg_store_commit(evg_store *st, evg_error *err)
{
    int rc = commit_group(st, err);
    if (!rc && !st->readonly && (st->unmerged || st->stale_index))
        rc = merge(st, err);
    return rc;
}

int evg_store_add(evg_store *st, const evg_doc *doc, int *added,
                  evg_error *err)
{
    *added = 0;
    if (st->readonly)
        return evg_error_set(err, EVG_EINVAL, "the event store is read-only");
    char hash[40];
    content_hash(doc, hash);
    const char *id = doc->id && *doc->id ? doc->id : hash;
    int rc = 0;
    /* the reports waiting for the indexes go in first, between two
     * transactions of documents (a failure here takes back no document) */
    if (!st->in_txn && st->unmerged >= st->merge_docs &&
        (rc = merge(st, err)))
        return rc;
    if (!st->in_txn) {
        if ((rc = run(st, use(st, Q_BEGIN), err)))
            return rc;
        st->in_txn = 1;
        st->t_begin = now();
        /* another process wrote since: what we cached may be stale */
        sqlite3_stmt *q = st->q[Q_DATA_VERSION];
        if (sqlite3_step(q) == SQLITE_ROW) {
            long long dv = sqlite3_column_int64(q, 0);
            if (dv != st->data_version) {
                known_clear(st);
                st->data_version = dv;
            }
        }
        sqlite3_reset(q);
    }
    if (!st->k.loaded && (rc = known_load(st, err)))
        return roll_back(st, rc, err);
    /* the document goes in whole or not at all: a failure rolls the
     * open group back to the last commit (no savepoint per document:
     * keeping each page's old copy for one cost more than a fifth of the
     * store's time, and the failures that can happen here, a full disk,
     * an I/O error, no memory, may roll the transaction back in SQLite
     * anyway) */
    int have = set_has(&st->k.docs, 'i', id) ||
               set_has(&st->k.docs, 'h', hash);
    if (!have) {
        sqlite3_stmt *s = use(st, Q_DOC_BY_ID);
        bind_text(s, 1, id);
        have = any_row(s);
    }
    if (have == 0) {
        sqlite3_stmt *s = use(st, Q_DOC_BY_HASH);
        bind_text(s, 1, hash);
        have = any_row(s);
    }
    if (have < 0)
        rc = db_error(st, err);
    else if (have == 0 && !(rc = add_body(st, doc, id, hash, err))) {
        *added = 1;
        if (set_add(&st->k.docs, 'i', id) || set_add(&st->k.docs, 'h', hash))
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    if (rc) {
        *added = 0;
        return roll_back(st, rc, err);
    }
    st->pending++;
    if (*added) {
        st->pending_added++;
        st->pending_events += evg_doc__event_count(doc);
    }
    if (*added)
        st->unmerged++;
    if (st->pending >= st->batch || now() - st->t_begin >= st->batch_secs)
        rc = commit_group(st, err);
    if (rc)
        *added = 0;
    return rc;
}

void evg_store_pending(const evg_store *st, size_t *docs, size_t *events)
{
    *docs = st->pending_added;
    *events = st->pending_events;
}

int evg_store_counts_get(evg_store *st, evg_store_counts *out, evg_error *err)
{
    long long v[6];
    static const char *const q[6] = {
        "SELECT count(*) FROM documents", "SELECT count(*) FROM evidence",
        "SELECT count(*) FROM events", "SELECT count(*) FROM actors",
        "PRAGMA page_count", "PRAGMA page_size"};
    for (int i = 0; i < 6; i++)
        if (pragma_int64(st->db, q[i], &v[i]))
            return db_error(st, err);
    out->documents = (size_t)v[0];
    out->reports = (size_t)v[1];
    out->events = (size_t)v[2];
    out->actors = (size_t)v[3];
    out->bytes = v[4] * v[5];
    return 0;
}
