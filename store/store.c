/* Opening the store and adding documents: each document is one
 * transaction (WAL journal), so a killed ingest leaves whole documents
 * only. Actors and events merge across documents by the graph's rules. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "evgraph/graph.h"
#include "internal.h"

enum {
    Q_DOC_BY_ID, Q_DOC_BY_HASH, Q_DOC_INS, Q_SENT_INS, Q_NAME_FIND,
    Q_NAME_INS, Q_ACTOR_INS, Q_ACTOR_KEY, Q_ACTOR_FILL, Q_DACT_INS,
    Q_EKEY_FIND, Q_EVENT_INS, Q_EKEY_INS, Q_EVENT_SPAN, Q_EVI_INS,
    Q_ARG_INS, Q_REL_INS, Q_ROOT_INS, Q_SPAN_SET, Q_BEGIN, Q_COMMIT,
    N_QUERIES
};

static const char *const sql_text[N_QUERIES] = {
    [Q_DOC_BY_ID] = "SELECT 1 FROM documents WHERE doc_id = ?1",
    [Q_DOC_BY_HASH] = "SELECT 1 FROM documents WHERE hash = ?1",
    [Q_DOC_INS] = "INSERT INTO documents (doc_id, hash, path, title, url, "
                  "source, place, dct, dct_source, n_sentences, n_entities, "
                  "n_events) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    [Q_SENT_INS] = "INSERT INTO sentences VALUES (?1, ?2)",
    [Q_NAME_FIND] = "SELECT n.actor, a.code, a.country FROM actor_names n "
                    "JOIN actors a "
                    "ON a.id = n.actor WHERE n.name = ?1 ORDER BY n.actor",
    [Q_NAME_INS] = "INSERT OR IGNORE INTO actor_names VALUES (?1, ?2)",
    [Q_ACTOR_INS] = "INSERT INTO actors (key, name, kind, code, country) "
                    "VALUES (?1,?2,?3,?4,?5)",
    [Q_ACTOR_KEY] = "SELECT 1 FROM actors WHERE key = ?1",
    [Q_ACTOR_FILL] = "UPDATE actors SET code = coalesce(code, ?2), "
                     "country = coalesce(country, ?3) WHERE id = ?1 AND "
                     "((code IS NULL AND ?2 IS NOT NULL) OR "
                     "(country IS NULL AND ?3 IS NOT NULL))",
    [Q_DACT_INS] = "INSERT INTO doc_actors VALUES (?1, ?2)",
    [Q_EKEY_FIND] = "SELECT e.id, e.lo, e.hi FROM event_keys k JOIN events e "
                    "ON e.id = k.event WHERE k.key = ?1 AND e.sig = ?2 "
                    "ORDER BY e.id",
    [Q_EVENT_INS] = "INSERT INTO events (sig, lo, hi, reports) "
                    "VALUES (?1, ?2, ?3, 1)",
    [Q_EKEY_INS] = "INSERT OR IGNORE INTO event_keys VALUES (?1, ?2)",
    [Q_EVENT_SPAN] = "UPDATE events SET reports = reports + 1 WHERE id = ?1",
    [Q_EVI_INS] = "INSERT INTO evidence (event, doc, idx, cameo, label, quad, "
                  "goldstein, trigger_start, trigger_end, trigger, value, lo, "
                  "hi, basis, modality, attributed, sentence, confidence, "
                  "summary, n_mentions, root, sources, targets, class, args) "
                  "VALUES (?1,?2,?3,?4,"
                  "?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
                  "?21,?22,?23,?24,?25)",
    [Q_ARG_INS] = "INSERT OR IGNORE INTO arguments VALUES (?1,?2,?3)",
    [Q_REL_INS] = "INSERT INTO relations VALUES (?1,?2,?3,?4)",
    [Q_ROOT_INS] = "INSERT OR IGNORE INTO roots VALUES (?1)",
    [Q_SPAN_SET] = "INSERT OR REPLACE INTO meta VALUES ('max_span_days', ?1)",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
};

/* The actor cache: what this connection knows of actor_names and of each
 * actor's code, so that most entities are resolved without a query. It
 * is dropped when another connection changed the database (PRAGMA
 * data_version) or a document was rolled back. */
typedef struct name_ent {
    char *key;              /* normalized name; NULL: empty slot */
    sqlite3_int64 *ids;     /* actors with that name, ascending */
    size_t n, cap;
} name_ent;

typedef struct actor_ent {
    char *code;             /* NULL: none yet */
    int loaded, has_country;
} actor_ent;

typedef struct actor_cache {
    name_ent *slots;
    size_t n_slots, used;
    actor_ent *actors;      /* by actor id */
    size_t cap_actors;
} actor_cache;

static void cache_clear(actor_cache *c);

struct evg_store {
    sqlite3 *db;
    int found_version;
    int readonly;
    int in_txn;          /* a group of documents is open */
    size_t pending;      /* documents in it */
    size_t pending_added, pending_events; /* new ones, their events */
    size_t batch;        /* commit after this many documents */
    double batch_secs;   /* ... or this long after the group began */
    double t_begin;
    actor_cache cache;
    long long data_version; /* of the last transaction begun */
    char roots[128][3];     /* CAMEO roots known to be in `roots` */
    size_t n_roots;
    long max_span;          /* longest event span in days; -1: unread */
    sqlite3_stmt *q[N_QUERIES];
};

sqlite3 *evg_store__db(evg_store *st) { return st->db; }

static int db_error(evg_store *st, evg_error *err)
{
    int c = sqlite3_errcode(st->db);
    if (c == SQLITE_NOMEM)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    return evg_error_set(err, EVG_EDEP, "sqlite: %s", sqlite3_errmsg(st->db));
}

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* SQLite counts every allocation under a global mutex unless told not
 * to; the store never asks for those counts. Set once, before SQLite
 * starts (later it is refused, harmlessly). */
static void sqlite_setup(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
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
    if (!st)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    st->readonly = (flags & EVG_STORE_READONLY) != 0;
    st->batch = EVG_STORE_DEFAULT_BATCH;
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
    if (!st->readonly &&
        (rc = evg_store__exec(st->db, "PRAGMA journal_mode = WAL;"
                              "PRAGMA synchronous = NORMAL;"
                              "PRAGMA cache_size = -65536;"
                              "PRAGMA wal_autocheckpoint = 8192;"
                              "PRAGMA temp_store = MEMORY;", err)))
        goto done;
    if (st->found_version < EVG_STORE_VERSION) {
        if (st->readonly) {
            rc = evg_error_set(err, EVG_ESCHEMA, "%s: empty event store", path);
            goto done;
        }
        if ((rc = evg_store__migrate(st->db, st->found_version,
                                     EVG_STORE_VERSION, err)))
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
    cache_clear(&st->cache);
    for (int i = 0; i < N_QUERIES; i++)
        sqlite3_finalize(st->q[i]);
    if (st->db && !st->readonly)
        sqlite3_exec(st->db, "PRAGMA optimize", NULL, NULL, NULL);
    sqlite3_close(st->db);
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

static int codes_agree(const char *a, const char *b)
{
    return !a || !b || !*a || !*b || strcmp(a, b) == 0;
}

static void cache_clear(actor_cache *c)
{
    /* the roots and longest span known go with it (see evg_store) */
    for (size_t i = 0; i < c->n_slots; i++) {
        free(c->slots[i].key);
        free(c->slots[i].ids);
    }
    for (size_t i = 0; i < c->cap_actors; i++)
        free(c->actors[i].code);
    free(c->slots);
    free(c->actors);
    memset(c, 0, sizeof(*c));
}

static uint64_t str_hash(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The slot of `key`: its entry, or the empty slot where it would go. */
static name_ent *cache_slot(actor_cache *c, const char *key)
{
    size_t mask = c->n_slots - 1;
    for (size_t i = (size_t)str_hash(key) & mask;; i = (i + 1) & mask)
        if (!c->slots[i].key || strcmp(c->slots[i].key, key) == 0)
            return &c->slots[i];
}

static int cache_grow(actor_cache *c)
{
    if (c->used * 2 < c->n_slots)
        return 0;
    actor_cache bigger = *c;
    bigger.n_slots = c->n_slots ? c->n_slots * 2 : 1024;
    bigger.slots = calloc(bigger.n_slots, sizeof(*bigger.slots));
    if (!bigger.slots)
        return EVG_ENOMEM;
    for (size_t i = 0; i < c->n_slots; i++)
        if (c->slots[i].key)
            *cache_slot(&bigger, c->slots[i].key) = c->slots[i];
    free(c->slots);
    *c = bigger;
    return 0;
}

static int ids_add(name_ent *n, sqlite3_int64 id)
{
    for (size_t i = 0; i < n->n; i++)
        if (n->ids[i] == id)
            return 0;
    if (evg_reserve(&n->ids, &n->cap, n->n + 1, sizeof(*n->ids), 2))
        return EVG_ENOMEM;
    size_t k = n->n++;
    while (k && n->ids[k - 1] > id) {
        n->ids[k] = n->ids[k - 1];
        k--;
    }
    n->ids[k] = id;
    return 0;
}

static actor_ent *cache_actor(actor_cache *c, sqlite3_int64 id)
{
    if (id < 0 || evg_reserve(&c->actors, &c->cap_actors, (size_t)id + 1,
                              sizeof(*c->actors), 256))
        return NULL;
    return &c->actors[id];
}

static int set_code(actor_ent *a, const char *code)
{
    free(a->code);
    a->code = NULL;
    if (code && !(a->code = strdup(code)))
        return EVG_ENOMEM;
    return 0;
}

/* The cached entry of `key`, read from the database the first time. */
static int name_lookup(evg_store *st, const char *key, name_ent **out,
                       evg_error *err)
{
    actor_cache *c = &st->cache;
    if (cache_grow(c))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    name_ent *n = cache_slot(c, key);
    if (n->key) {
        *out = n;
        return 0;
    }
    if (!(n->key = strdup(key)))
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    c->used++;
    sqlite3_stmt *s = use(st, Q_NAME_FIND);
    bind_text(s, 1, key);
    int r, rc = 0;
    while (!rc && (r = sqlite3_step(s)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(s, 0);
        actor_ent *a = cache_actor(c, id);
        if (!a || ids_add(n, id))
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        else if (!a->loaded) {
            a->loaded = 1;
            a->has_country = sqlite3_column_type(s, 2) != SQLITE_NULL;
            if (set_code(a, (const char *)sqlite3_column_text(s, 1)))
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        }
    }
    if (!rc && r != SQLITE_DONE)
        rc = db_error(st, err);
    sqlite3_reset(s);
    *out = n;
    return rc;
}

/* The store actor of entity `e`: the lowest-numbered actor sharing a
 * normalized name or alias whose code does not disagree, else a new one.
 * Its names and aliases become keys of the actor. */
static int actor_for(evg_store *st, const evg_entity *e, sqlite3_int64 *out,
                     evg_error *err)
{
    actor_cache *c = &st->cache;
    const char *name = e->name && *e->name ? e->name : "?";
    const char *code = e->code && *e->code ? e->code : NULL;
    const char *country = e->country && *e->country ? e->country : NULL;
    sqlite3_int64 found = -1;
    int rc = 0;
    char **keys = calloc(e->n_aliases + 1, sizeof(*keys));
    if (!keys)
        return evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (size_t i = 0; i <= e->n_aliases && !rc; i++) {
        const char *nm = i == 0 ? name : e->aliases[i - 1];
        if (!nm)
            continue;
        if (!(keys[i] = evg_graph_name_key(nm))) {
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            break;
        }
        if (!*keys[i])
            continue;
        name_ent *n;
        if ((rc = name_lookup(st, keys[i], &n, err)))
            break;
        for (size_t k = 0; k < n->n; k++) {
            sqlite3_int64 id = n->ids[k];
            if (codes_agree(c->actors[id].code, code) &&
                (found < 0 || id < found)) {
                found = id;
                break; /* ids ascend */
            }
        }
    }
    if (!rc && found < 0) {
        /* a new actor; its key stays with it for good */
        const char *k0 = keys[0] && *keys[0] ? keys[0] : "?";
        size_t n = strlen(k0) + (code ? strlen(code) : 1) + 32;
        char *key = malloc(n);
        if (!key)
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
        for (int tries = 1; !rc; tries++) {
            if (tries == 1)
                snprintf(key, n, "%s:%s", code ? code : "-", k0);
            else
                snprintf(key, n, "%s:%s#%d", code ? code : "-", k0, tries);
            sqlite3_stmt *s = use(st, Q_ACTOR_KEY);
            bind_text(s, 1, key);
            int r = any_row(s);
            if (r < 0)
                rc = db_error(st, err);
            else if (r == 0)
                break;
        }
        if (!rc) {
            sqlite3_stmt *s = use(st, Q_ACTOR_INS);
            bind_text(s, 1, key);
            bind_text(s, 2, name);
            bind_text(s, 3, evg_entity_kind_name(e->kind));
            bind_text(s, 4, code);
            bind_text(s, 5, country);
            rc = run(st, s, err);
            found = sqlite3_last_insert_rowid(st->db);
            actor_ent *a = rc ? NULL : cache_actor(c, found);
            if (!rc && (!a || set_code(a, code)))
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            if (!rc) {
                a->loaded = 1;
                a->has_country = country != NULL;
            }
        }
        free(key);
    } else if (!rc) {
        actor_ent *a = &c->actors[found];
        if ((!a->code && code) || (!a->has_country && country)) {
            sqlite3_stmt *s = use(st, Q_ACTOR_FILL);
            sqlite3_bind_int64(s, 1, found);
            bind_text(s, 2, code);
            bind_text(s, 3, country);
            rc = run(st, s, err);
            if (!rc && !a->code && code && set_code(a, code))
                rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
            if (country)
                a->has_country = 1;
        }
    }
    for (size_t i = 0; i <= e->n_aliases && !rc; i++) {
        if (!keys[i] || !*keys[i])
            continue;
        name_ent *n;
        if ((rc = name_lookup(st, keys[i], &n, err)))
            break;
        int known = 0;
        for (size_t k = 0; k < n->n && !known; k++)
            known = n->ids[k] == found;
        if (known)
            continue;
        sqlite3_stmt *s = use(st, Q_NAME_INS);
        bind_text(s, 1, keys[i]);
        sqlite3_bind_int64(s, 2, found);
        if (!(rc = run(st, s, err)) && ids_add(n, found))
            rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i <= e->n_aliases; i++)
        free(keys[i]);
    free(keys);
    *out = found;
    return rc;
}

/* ---- events ---- */

static int cmp_i64(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
    return x < y ? -1 : x > y;
}

/* Sorted, distinct store actors of entity indexes `ids`, written to `b`. */
static void put_actors(evg_buf *b, const size_t *ids, size_t n,
                       const sqlite3_int64 *actor_of, size_t n_ent)
{
    sqlite3_int64 small[16], *v = n <= 16 ? small : malloc(n * sizeof(*v));
    if (!v) {
        b->failed = 1;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (ids[i] < n_ent)
            v[k++] = actor_of[ids[i]];
    evg_sort(v, k, sizeof(*v), cmp_i64);
    for (size_t i = 0; i < k; i++) {
        if (i && v[i] == v[i - 1])
            continue;
        if (i)
            evg_buf_putc(b, ',');
        put_int(b, (long long)v[i]);
    }
    if (v != small)
        free(v);
}

static long month_of(const char *ymd)
{
    return strtol(ymd, NULL, 10) * 12 + strtol(ymd + 5, NULL, 10) - 1;
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
    int long_span = m1 - m0 >= LONG_SPAN;
    sqlite3_int64 found = -1;
    (void)e;
    /* buckets to search: every month of the span, and the long spans */
    for (long m = m0; m <= m1 + (lo ? 1 : 0); m++) {
        long month = m > m1 ? MONTH_LONG : m;
        sqlite3_stmt *s = use(st, Q_EKEY_FIND);
        sqlite3_bind_int64(s, 1, month_key(sig, month));
        bind_text(s, 2, sig);
        int r;
        while ((r = sqlite3_step(s)) == SQLITE_ROW) {
            sqlite3_int64 id = sqlite3_column_int64(s, 0);
            const char *vlo = (const char *)sqlite3_column_text(s, 1);
            const char *vhi = (const char *)sqlite3_column_text(s, 2);
            if (found >= 0 && id >= found)
                continue;
            int mine = 0;
            for (size_t i = 0; i < n_used && !mine; i++)
                mine = used[i] == id;
            if (mine)
                continue;
            int same = (!vlo && !lo) ||
                       (vlo && lo && strcmp(vlo, hi) <= 0 &&
                        strcmp(lo, vhi ? vhi : vlo) <= 0);
            if (same)
                found = id;
        }
        sqlite3_reset(s);
        if (r != SQLITE_DONE)
            return db_error(st, err);
    }
    int rc = 0;
    if (found >= 0) {
        /* one more report of it */
        sqlite3_stmt *q = use(st, Q_EVENT_SPAN);
        sqlite3_bind_int64(q, 1, found);
        rc = run(st, q, err);
        *out = found;
        return rc;
    }
    sqlite3_stmt *s = use(st, Q_EVENT_INS);
    bind_text(s, 1, sig);
    bind_text(s, 2, lo);
    bind_text(s, 3, hi);
    if ((rc = run(st, s, err)))
        return rc;
    found = sqlite3_last_insert_rowid(st->db);
    for (long m = long_span ? MONTH_LONG : m0; !rc;) {
        sqlite3_stmt *k = use(st, Q_EKEY_INS);
        sqlite3_bind_int64(k, 1, month_key(sig, m));
        sqlite3_bind_int64(k, 2, found);
        rc = run(st, k, err);
        if (long_span || m >= m1)
            break;
        m++;
    }
    *out = found;
    return rc;
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
    sqlite3_bind_int64(s, 12, (sqlite3_int64)doc->n_events);
    int rc = run(st, s, err);
    if (rc)
        return rc;
    sqlite3_int64 d = sqlite3_last_insert_rowid(st->db);
    evg_buf list;
    evg_buf_init(&list, 0);
    evg_buf_putc(&list, '[');
    for (size_t i = 0; i < doc->n_sentences; i++) {
        const evg_sentence *se = &doc->sentences[i];
        const char *t = se->text ? se->text : "";
        evg_buf_puts(&list, i ? ",[" : "[");
        put_int(&list, (long long)se->start);
        evg_buf_putc(&list, ',');
        put_int(&list, (long long)se->end);
        evg_buf_puts(&list, se->boilerplate ? ",1,\"" : ",0,\"");
        evg_buf_json(&list, t, strlen(t));
        evg_buf_puts(&list, "\"]");
    }
    evg_buf_putc(&list, ']');
    if (list.failed)
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    if (!rc) {
        s = use(st, Q_SENT_INS);
        sqlite3_bind_int64(s, 1, d);
        sqlite3_bind_text(s, 2, list.data, (int)list.len, SQLITE_STATIC);
        rc = run(st, s, err);
    }
    sqlite3_int64 *actor_of = calloc(doc->n_entities + 1, sizeof(*actor_of));
    sqlite3_int64 *event_of = calloc(doc->n_events + 1, sizeof(*event_of));
    evg_buf sig;
    evg_buf_init(&sig, 0);
    if (!actor_of || !event_of)
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    list.len = 0;
    evg_buf_putc(&list, '[');
    for (size_t i = 0; i < doc->n_entities && !rc; i++) {
        const evg_entity *e = &doc->entities[i];
        if ((rc = actor_for(st, e, &actor_of[i], err)))
            break;
        const char *f[3] = {e->name ? e->name : "?", e->code, e->country};
        evg_buf_puts(&list, i ? ",[" : "[");
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
        evg_buf_putc(&list, ']');
    }
    evg_buf_putc(&list, ']');
    if (!rc && list.failed)
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    if (!rc) {
        s = use(st, Q_DACT_INS);
        sqlite3_bind_int64(s, 1, d);
        sqlite3_bind_text(s, 2, list.data, (int)list.len, SQLITE_STATIC);
        rc = run(st, s, err);
    }
    evg_buf_dispose(&list);
    /* scratch for the participants of events without a code, taken by
     * role: two lists of at most n_args entities each */
    size_t max_args = 0;
    for (size_t i = 0; i < doc->n_events; i++)
        if (doc->events[i].n_args > max_args)
            max_args = doc->events[i].n_args;
    size_t *by_role = malloc((2 * max_args + 1) * sizeof(size_t));
    if (!by_role && !rc)
        rc = evg_error_set(err, EVG_ENOMEM, "out of memory");
    for (size_t i = 0; i < doc->n_events && !rc; i++) {
        const evg_event *e = &doc->events[i];
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
        put_actors(&sig, side_ids[0], side_n[0], actor_of, doc->n_entities);
        evg_buf_putc(&sig, '|');
        put_actors(&sig, side_ids[1], side_n[1], actor_of, doc->n_entities);
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
                evg_buf_printf(&sig, "%s[\"%s\",", k ? "," : "",
                               a->role ? a->role : "");
                if (a->entity < doc->n_entities)
                    evg_buf_printf(&sig, "%zu,", a->entity);
                else
                    evg_buf_puts(&sig, "null,");
                evg_buf_printf(&sig, "%zu,%zu,\"", a->span.start, a->span.end);
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
        if ((rc = run(st, s, err)))
            break;
        sqlite3_int64 r = sqlite3_last_insert_rowid(st->db);
        if ((rc = note_root_span(st, cameo, lo, hi, err)))
            break;
        for (int role = 0; role < 2 && !rc; role++) {
            const size_t *ids = side_ids[role];
            size_t n = side_n[role];
            for (size_t k = 0; k < n && !rc; k++) {
                if (ids[k] >= doc->n_entities)
                    continue;
                s = use(st, Q_ARG_INS);
                sqlite3_bind_int64(s, 1, actor_of[ids[k]]);
                sqlite3_bind_int64(s, 2, r);
                sqlite3_bind_int(s, 3, role);
                rc = run(st, s, err);
            }
        }
    }
    free(by_role);
    for (size_t i = 0; i < doc->n_relations && !rc; i++) {
        const evg_relation *r = &doc->relations[i];
        if (r->from >= doc->n_events || r->to >= doc->n_events)
            continue;
        s = use(st, Q_REL_INS);
        sqlite3_bind_int64(s, 1, d);
        bind_text(s, 2, evg_rel_type_name(r->type));
        sqlite3_bind_int64(s, 3, (sqlite3_int64)r->from);
        sqlite3_bind_int64(s, 4, (sqlite3_int64)r->to);
        rc = run(st, s, err);
    }
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
    cache_clear(&st->cache);
    st->n_roots = 0;
    st->max_span = -1;
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

int evg_store_commit(evg_store *st, evg_error *err)
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
    if (!st->in_txn) {
        if ((rc = run(st, use(st, Q_BEGIN), err)))
            return rc;
        st->in_txn = 1;
        st->t_begin = now();
        /* another process wrote since: what we cached may be stale */
        int dv = 0;
        if (pragma_int(st->db, "PRAGMA data_version", &dv) == 0 &&
            dv != st->data_version) {
            cache_clear(&st->cache);
            st->n_roots = 0;
            st->max_span = -1;
            st->data_version = dv;
        }
    }
    /* the document goes in whole or not at all: a failure rolls the
     * open group back to the last commit (no savepoint per document:
     * keeping each page's old copy for one cost more than a fifth of the
     * store's time, and the failures that can happen here, a full disk,
     * an I/O error, no memory, may roll the transaction back in SQLite
     * anyway) */
    sqlite3_stmt *s = use(st, Q_DOC_BY_ID);
    bind_text(s, 1, id);
    int have = any_row(s);
    if (have == 0) {
        s = use(st, Q_DOC_BY_HASH);
        bind_text(s, 1, hash);
        have = any_row(s);
    }
    if (have < 0)
        rc = db_error(st, err);
    else if (have == 0 && !(rc = add_body(st, doc, id, hash, err)))
        *added = 1;
    if (rc) {
        *added = 0;
        return roll_back(st, rc, err);
    }
    st->pending++;
    if (*added) {
        st->pending_added++;
        st->pending_events += doc->n_events;
    }
    if (st->pending >= st->batch || now() - st->t_begin >= st->batch_secs)
        rc = evg_store_commit(st, err);
    if (rc)
        *added = 0;
    return rc;
}

void evg_store_pending(const evg_store *st, size_t *docs, size_t *events)
{
    *docs = st->pending_added;
    *events = st->pending_events;
}

static int count(sqlite3 *db, const char *sql, long long *out)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? 0 : -1;
}

int evg_store_counts_get(evg_store *st, evg_store_counts *out, evg_error *err)
{
    long long v[6];
    static const char *const q[6] = {
        "SELECT count(*) FROM documents", "SELECT count(*) FROM evidence",
        "SELECT count(*) FROM events", "SELECT count(*) FROM actors",
        "PRAGMA page_count", "PRAGMA page_size"};
    for (int i = 0; i < 6; i++)
        if (count(st->db, q[i], &v[i]))
            return db_error(st, err);
    out->documents = (size_t)v[0];
    out->reports = (size_t)v[1];
    out->events = (size_t)v[2];
    out->actors = (size_t)v[3];
    out->bytes = v[4] * v[5];
    return 0;
}
