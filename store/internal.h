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

#endif
