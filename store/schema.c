/* The store's schema and its migrations: each step takes a database from
 * version N to N + 1 (PRAGMA user_version) and runs inside the transaction
 * that opens the store, so a failed upgrade leaves the old version whole. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static const char *const steps[EVG_STORE_VERSION] = {
    /* 0 -> 1: the tables and the indexes on actor, date and CAMEO code */
    "CREATE TABLE documents ("
    "  id INTEGER PRIMARY KEY,"
    "  doc_id TEXT NOT NULL UNIQUE,"  /* the article's id */
    "  hash TEXT NOT NULL UNIQUE,"    /* of its sentences' text */
    "  path TEXT, title TEXT, url TEXT, source TEXT, place TEXT,"
    "  dct TEXT, dct_source TEXT,"
    "  n_sentences INTEGER NOT NULL, n_entities INTEGER NOT NULL,"
    "  n_events INTEGER NOT NULL);"
    "CREATE TABLE sentences ("        /* a document's sentences, as JSON: */
    "  doc INTEGER PRIMARY KEY,"      /* [[start, end, boilerplate, text]] */
    "  list TEXT NOT NULL);"
    "CREATE TABLE actors ("
    "  id INTEGER PRIMARY KEY,"
    "  key TEXT NOT NULL UNIQUE,"     /* stable: 'CODE:normalized name' */
    "  name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT, country TEXT);"
    "CREATE TABLE actor_names ("      /* normalized names and aliases */
    "  name TEXT NOT NULL, actor INTEGER NOT NULL,"
    "  PRIMARY KEY (name, actor)) WITHOUT ROWID;"
    "CREATE INDEX actors_code ON actors (code COLLATE NOCASE);"
    "CREATE TABLE doc_actors ("       /* a document's entities, as JSON: */
    "  doc INTEGER PRIMARY KEY,"      /* [[actor, name, kind, code, */
    "  list TEXT NOT NULL);"          /*   country, [aliases], mentions]] */
    "CREATE TABLE events ("           /* one row per event after merging */
    "  id INTEGER PRIMARY KEY,"
    "  sig TEXT NOT NULL,"            /* 'cameo|sources|targets|negated' */
    "  lo TEXT, hi TEXT, reports INTEGER NOT NULL);"
    "CREATE TABLE event_keys ("       /* hash of sig and month -> event */
    "  key INTEGER NOT NULL, event INTEGER NOT NULL,"
    "  PRIMARY KEY (key, event)) WITHOUT ROWID;"
    "CREATE TABLE evidence ("         /* one article's report of an event */
    "  id INTEGER PRIMARY KEY,"
    "  event INTEGER NOT NULL, doc INTEGER NOT NULL, idx INTEGER NOT NULL,"
    "  cameo TEXT NOT NULL, label TEXT, quad INTEGER NOT NULL,"
    "  goldstein REAL NOT NULL,"
    "  trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,"
    "  trigger TEXT,"
    "  value TEXT, lo TEXT, hi TEXT, basis TEXT NOT NULL,"
    "  modality TEXT NOT NULL, attributed INTEGER, sentence INTEGER,"
    "  confidence REAL NOT NULL, summary TEXT, n_mentions INTEGER NOT NULL,"
    "  sources TEXT NOT NULL, targets TEXT NOT NULL);" /* entity indexes */
    "CREATE INDEX evidence_date ON evidence (lo);"
    "CREATE INDEX evidence_cameo ON evidence (cameo);"
    "CREATE TABLE arguments ("        /* who took part, by actor */
    "  actor INTEGER NOT NULL, report INTEGER NOT NULL,"
    "  role INTEGER NOT NULL,"        /* 0 source, 1 target */
    "  PRIMARY KEY (actor, report, role)) WITHOUT ROWID;"
    "CREATE TABLE relations ("
    "  doc INTEGER NOT NULL, type TEXT NOT NULL,"
    "  src INTEGER NOT NULL, dst INTEGER NOT NULL);"
    "CREATE INDEX relations_doc ON relations (doc);",

    /* 1 -> 2: one index on the CAMEO root and the date serves --cameo
     * and --from/--to (a range scan per root listed in `roots`, from the
     * query's start less the longest event span, kept in `meta`), in place
     * of the two indexes every report paid for */
    "ALTER TABLE evidence ADD COLUMN root TEXT;"
    "UPDATE evidence SET root = substr(cameo, 1, 2);"
    "CREATE TABLE roots (root TEXT PRIMARY KEY) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO roots SELECT DISTINCT root FROM evidence;"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
    "INSERT INTO meta SELECT 'max_span_days', coalesce(CAST(max("
    "  julianday(hi) - julianday(lo)) AS INTEGER), 0) FROM evidence "
    "  WHERE julianday(hi) >= julianday(lo);"
    "CREATE INDEX evidence_root ON evidence (root, lo);"
    "DROP INDEX evidence_cameo;"
    "DROP INDEX evidence_date;",

    /* 2 -> 3 (events documents version 2): an event's TimeML class and
     * its participants by role, as JSON [[role, entity index or null,
     * start, end, text]]. An event CAMEO has no code for is stored with
     * cameo and root '' (the column is NOT NULL since version 1): no CAMEO
     * code is ever empty, and no --cameo root matches it */
    ("ALTER TABLE evidence ADD COLUMN class TEXT;"
     "ALTER TABLE evidence ADD COLUMN args TEXT;"),

    /* 3 -> 4: actors merge by the graph's rule (graph/actors.h), which
     * needs every actor's names as written: actor_aliases, filled for the
     * actors already stored from their documents' entities (which stay
     * merged as they were). An event's count of reports goes (the store
     * no longer rewrites an event's row for each report; count its
     * evidence rows) */
    ("CREATE TABLE actor_aliases (" /* an actor's other names, in order */
    "  actor INTEGER NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL,"
    "  PRIMARY KEY (actor, seq)) WITHOUT ROWID;"
    /* in the order the names first came: document, entity, alias */
    "INSERT INTO actor_aliases SELECT actor, row_number() OVER "
    "  (PARTITION BY actor ORDER BY first) - 1, name FROM ("
    "  SELECT x.actor AS actor, x.name AS name, min(x.ord) AS first FROM ("
    "    SELECT json_extract(e.value, '$[0]') AS actor,"
    "      json_extract(e.value, '$[1]') AS name,"
    "      d.doc * 1000000000 + e.key * 10000 AS ord"
    "    FROM doc_actors d, json_each(d.list) e"
    "    UNION ALL SELECT json_extract(e.value, '$[0]'), n.value,"
    "      d.doc * 1000000000 + e.key * 10000 + 1 + n.key"
    "    FROM doc_actors d, json_each(d.list) e,"
    "      json_each(e.value, '$[5]') n) x"
    "  JOIN actors a ON a.id = x.actor"
    "  WHERE x.name IS NOT NULL AND x.name <> a.name"
    "  GROUP BY x.actor, x.name);"
    "ALTER TABLE events DROP COLUMN reports;"
    /* and an event's key rows carry what a lookup checks (the signature's
     * check hash, the dates as days since 1970-01-01), so that finding an
     * event reads only its keys' index */
    "CREATE TABLE event_keys4 ("
    "  key INTEGER NOT NULL, event INTEGER NOT NULL, chk INTEGER NOT NULL,"
    "  lo INTEGER, hi INTEGER, PRIMARY KEY (key, event)) WITHOUT ROWID;"
    "INSERT INTO event_keys4 SELECT k.key, k.event, evg_sig_check(e.sig),"
    "  CAST(julianday(e.lo) - 2440587.5 AS INTEGER),"
    "  CAST(julianday(coalesce(e.hi, e.lo)) - 2440587.5 AS INTEGER)"
    "  FROM event_keys k JOIN events e ON e.id = k.event;"
    "DROP TABLE event_keys;"
    "ALTER TABLE event_keys4 RENAME TO event_keys;"),

    /* 4 -> 5: a person actor a dictionary names keeps the dictionary's
     * canonical name (entities' "dictionary"), so that a reopened store
     * joins dictionary people as the graph does; stores of version 4 never
     * recorded it (their actors stay with the names-only rule); in
     * doc_actors an entity so named ends in 1 after its mentions. And
     * event_keys loses its index: the store reads the table whole when it
     * opens and looks keys up in memory, so that a new event's keys are
     * appended instead of written into random pages of an index */
    ("ALTER TABLE actors ADD COLUMN dict TEXT;"
     "CREATE TABLE event_keys5 ("
     "  key INTEGER NOT NULL, event INTEGER NOT NULL, chk INTEGER NOT NULL,"
     "  lo INTEGER, hi INTEGER);"
     "INSERT INTO event_keys5 SELECT key, event, chk, lo, hi FROM event_keys"
     "  ORDER BY event, key;"
     "DROP TABLE event_keys;"
     "ALTER TABLE event_keys5 RENAME TO event_keys;"),

    /* 5 -> 6: one transaction per document, and the two indexes whose
     * entries land on random pages (a report's CAMEO root and date; who
     * took part, by actor) brought up to date in bulk, every thousands of
     * documents, instead of a dozen random pages written again by every
     * document's commit. The (root, date) index becomes a table,
     * report_dates (an undated report has lo ''), and a report's actors
     * go first to arguments_new (in the order they came); a merge copies
     * every report after meta's 'indexed_through' into report_dates,
     * moves arguments_new into arguments and records the last report
     * merged, in one transaction. A query reads the tables for the
     * reports merged and the rows after 'indexed_through' directly. And
     * actors_code goes: no query uses it (the actor lookup by code or
     * name scans actors) */
    ("DROP INDEX evidence_root;"
     "CREATE TABLE report_dates ("
     "  root TEXT NOT NULL, lo TEXT NOT NULL, report INTEGER NOT NULL,"
     "  PRIMARY KEY (root, lo, report)) WITHOUT ROWID;"
     "INSERT INTO report_dates SELECT root, coalesce(lo, ''), id"
     "  FROM evidence ORDER BY 1, 2, 3;"
     "CREATE TABLE arguments_new ("
     "  actor INTEGER NOT NULL, report INTEGER NOT NULL,"
     "  role INTEGER NOT NULL);"
     "DROP INDEX actors_code;"
     "INSERT OR REPLACE INTO meta SELECT 'indexed_through',"
     "  coalesce(max(id), 0) FROM evidence;"
     /* and a document's sentences, entities and relations move into its
      * row, as JSON (relations [[type, from, to]], NULL for none): one
      * row written per document where there were four tables and an
      * index */
     "ALTER TABLE documents ADD COLUMN sentences TEXT;"
     "ALTER TABLE documents ADD COLUMN entities TEXT;"
     "ALTER TABLE documents ADD COLUMN relations TEXT;"
     "UPDATE documents SET"
     "  sentences = (SELECT list FROM sentences WHERE doc = documents.id),"
     "  entities = (SELECT list FROM doc_actors WHERE doc = documents.id),"
     "  relations = (SELECT CASE WHEN count(*) THEN json_group_array(json(r))"
     "    END FROM (SELECT json_array(type, src, dst) AS r FROM relations"
     "    WHERE doc = documents.id ORDER BY rowid));"
     "DROP TABLE sentences;"
     "DROP TABLE doc_actors;"
     "DROP TABLE relations;"),

    /* 6 -> 7: a document's id and content hash leave the documents table's
     * two unique indexes (a random leaf of each written again by every
     * document's commit) for doc_ids and doc_hashes, brought up to date by
     * the merge like report_dates: the documents after meta's
     * 'docs_indexed_through' are looked up in memory (store.c). The table
     * is rebuilt without the constraints, its columns in the same order */
    ("CREATE TABLE documents7 ("
     "  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, hash TEXT NOT NULL,"
     "  path TEXT, title TEXT, url TEXT, source TEXT, place TEXT,"
     "  dct TEXT, dct_source TEXT,"
     "  n_sentences INTEGER NOT NULL, n_entities INTEGER NOT NULL,"
     "  n_events INTEGER NOT NULL, sentences TEXT, entities TEXT,"
     "  relations TEXT);"
     "INSERT INTO documents7 SELECT id, doc_id, hash, path, title, url,"
     "  source, place, dct, dct_source, n_sentences, n_entities, n_events,"
     "  sentences, entities, relations FROM documents ORDER BY id;"
     "DROP TABLE documents;"
     "ALTER TABLE documents7 RENAME TO documents;"
     "CREATE TABLE doc_ids (doc_id TEXT PRIMARY KEY, doc INTEGER NOT NULL)"
     "  WITHOUT ROWID;"
     "INSERT OR IGNORE INTO doc_ids SELECT doc_id, id FROM documents"
     "  ORDER BY 1;"
     "CREATE TABLE doc_hashes (hash TEXT PRIMARY KEY, doc INTEGER NOT NULL)"
     "  WITHOUT ROWID;"
     "INSERT OR IGNORE INTO doc_hashes SELECT hash, id FROM documents"
     "  ORDER BY 1;"
     "INSERT OR REPLACE INTO meta SELECT 'docs_indexed_through',"
     "  coalesce(max(id), 0) FROM documents;"),

    /* 7 -> 8: what every document's commit wrote that nothing needs on
     * disk, or needs not in a table of its own. event_keys goes: an event's keys are a function of its
     * row (signature, dates), computed when the store opens as they were
     * when it was added, so that a new event writes one row instead of
     * one more per month of its span, and the commit one page less. And
     * the unique index on the actors' keys goes (a random leaf of it
     * written again for each new actor): the store holds every actor's
     * key in memory and checks a new one there (store.c). The table is
     * rebuilt without the constraint, its columns in the same order */
    ("DROP TABLE event_keys;"
     /* and a report's actors go in its row, as a JSON array of the
     * sources' store actors, then the targets' negated (each side
     * ascending, distinct; NULL when there are none), where arguments_new
     * took a row for each: a merge reads them from the reports after
     * 'indexed_through' into arguments, as a query does. Filled here for
     * every report from arguments and arguments_new */
     "ALTER TABLE evidence ADD COLUMN actors TEXT;"
     "CREATE TEMP TABLE args8 ("
     "  report INTEGER PRIMARY KEY, list TEXT NOT NULL);"
     "INSERT INTO args8 SELECT report, json_group_array("
     "  CASE WHEN role THEN -actor ELSE actor END) FROM ("
     "  SELECT actor, report, role FROM arguments UNION"
     "  SELECT actor, report, role FROM arguments_new"
     "  ORDER BY report, role, actor) GROUP BY report;"
     "UPDATE evidence SET actors = (SELECT list FROM args8"
     "  WHERE report = evidence.id) WHERE id IN (SELECT report FROM args8);"
     "DROP TABLE args8;"
     "DROP TABLE arguments_new;"
     "CREATE TABLE actors8 ("
     "  id INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL,"
     "  kind TEXT NOT NULL, code TEXT, country TEXT, dict TEXT);"
     "INSERT INTO actors8 SELECT id, key, name, kind, code, country, dict"
     "  FROM actors ORDER BY id;"
     "DROP TABLE actors;"
     "ALTER TABLE actors8 RENAME TO actors;"),
};

static int exec(sqlite3 *db, const char *sql, evg_error *err)
{
    char *m = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &m) != SQLITE_OK) {
        int rc = evg_error_set(err, EVG_EDEP, "sqlite: %s",
                               m ? m : sqlite3_errmsg(db));
        sqlite3_free(m);
        return rc;
    }
    return 0;
}

int evg_store__exec(sqlite3 *db, const char *sql, evg_error *err)
{
    return exec(db, sql, err);
}

sqlite3_int64 evg_store__sig_check(const char *sig)
{
    uint64_t h = 0x6c62272e07bb0142ull;
    for (const unsigned char *p = (const unsigned char *)sig; *p; p++)
        h = (h ^ *p) * 0x100000001b3ull;
    h ^= h >> 31;
    h *= 0x7fb5d329728ea185ull;
    h ^= h >> 27;
    return (sqlite3_int64)(h >> 33); /* 31 bits: 4 bytes a row */
}

static void sig_check_fn(sqlite3_context *cx, int n, sqlite3_value **v)
{
    (void)n;
    const unsigned char *t = sqlite3_value_text(v[0]);
    if (t)
        sqlite3_result_int64(cx, evg_store__sig_check((const char *)t));
    else
        sqlite3_result_null(cx);
}

int evg_store__migrate(sqlite3 *db, int from, int to, evg_error *err)
{
    if (sqlite3_create_function(db, "evg_sig_check", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                sig_check_fn, NULL, NULL) != SQLITE_OK)
        return evg_error_set(err, EVG_EDEP, "sqlite: %s", sqlite3_errmsg(db));
    int rc = exec(db, "BEGIN IMMEDIATE", err);
    for (int v = from; !rc && v < to; v++)
        rc = exec(db, steps[v], err);
    if (!rc) {
        char sql[96];
        snprintf(sql, sizeof(sql),
                 "PRAGMA application_id = %d; PRAGMA user_version = %d",
                 EVG_STORE_APP_ID, to);
        rc = exec(db, sql, err);
    }
    if (!rc)
        rc = exec(db, "COMMIT", err);
    if (rc)
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
