/* Private parts of the store shared by its files. */
#ifndef EVG_STORE_INTERNAL_H
#define EVG_STORE_INTERNAL_H

#include <sqlite3.h>

#include "core.h"
#include "evgraph/store.h"

/* PRAGMA application_id of an evgraph store: "EVGS". */
#define EVG_STORE_APP_ID 0x45564753

/* The store's connection. */
sqlite3 *evg_store__db(evg_store *st);

/* Runs `sql` (several statements); EVG_EDEP with SQLite's message. */
int evg_store__exec(sqlite3 *db, const char *sql, evg_error *err);

/* The check hash of an event signature kept beside its keys in
 * event_keys (31 bits of another 64-bit hash than the key's): a key and
 * a check both equal mean the same signature. Also the SQL function
 * evg_sig_check(sig) on a migrating connection. */
sqlite3_int64 evg_store__sig_check(const char *sig);

/* Applies the schema steps from version `from` to `to` in one
 * transaction and records `to`. EVG_EDEP. */
int evg_store__migrate(sqlite3 *db, int from, int to, evg_error *err);

/* The reports a connection added since the last merge (pending.c): a
 * row of report_dates for each, and of arguments for each of its actors,
 * the reports' ids contiguous from `first` to `last`. */
typedef struct evg_pending_date {
    char root[3];
    char lo[21]; /* a start longer than 20 bytes gives up the list */
    sqlite3_int64 report;
} evg_pending_date;

typedef struct evg_pending_arg {
    sqlite3_int64 actor, report;
    int role; /* 0 source, 1 target */
} evg_pending_arg;

typedef struct evg_pending {
    evg_pending_date *dates;
    size_t n_dates, cap_dates;
    evg_pending_arg *args;
    size_t n_args, cap_args;
    sqlite3_int64 first, last;
    int broken; /* a report not held (no memory, a gap, rolled back):
                 * the next merge reads them all from the database */
} evg_pending;

/* Empties the list; `broken`: until the next merge, it holds nothing. */
void evg_pending_reset(evg_pending *p, int broken);
void evg_pending_dispose(evg_pending *p);

/* Adds report `report` (CAMEO code `cameo`, start `lo` or NULL, its
 * actors as evidence.actors has them or NULL). Never fails: without
 * memory, or out of order, the list is given up (broken). */
void evg_pending_report(evg_pending *p, sqlite3_int64 report,
                        const char *cameo, const char *lo,
                        const char *actors);

/* Does the list hold exactly the reports after `done` through `last`? */
int evg_pending_covers(const evg_pending *p, sqlite3_int64 done,
                       sqlite3_int64 last);

/* Sorts the rows in the order of report_dates and arguments. */
void evg_pending_sort(evg_pending *p);

/* Registers the virtual tables evg_pending_dates (root, lo, report) and
 * evg_pending_args (actor, report, role) on `db`, reading `p` in its
 * order. -1 on failure. */
int evg_pending_register(sqlite3 *db, evg_pending *p);

#endif
