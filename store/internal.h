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

/* Applies the schema steps from version `from` to `to` in one
 * transaction and records `to`. EVG_EDEP. */
int evg_store__migrate(sqlite3 *db, int from, int to, evg_error *err);

#endif
