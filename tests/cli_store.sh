#!/usr/bin/env bash
# The event store: ingest of events files and of articles, idempotent
# re-ingest (by id and by content), queries through the file pipeline's
# writers, schema version mismatch and `ingest --upgrade`, and an ingest
# killed mid-way (the database opens, holds whole documents only, and a
# resumed ingest completes it). SQLite is read back with python3's sqlite3.
source "$(dirname "$0")/lib.sh"

DB=$WORK/s.db
FIX=$SRC/fixtures

# dump DB: every table's rows, sorted, one line each (the store's content;
# not SQLite's planner statistics)
dump() {
  "$PY" - "$1" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for (t,) in c.execute("select name from sqlite_schema where type='table' and name not like 'sqlite_stat%' order by name"):
    for r in sorted(c.execute("select * from %s" % t).fetchall(), key=repr):
        print(t, repr(r))
EOF
}

# --- ingest an events file, then the same again, then the same articles
expect_exit 0 "extract fixtures" -- "$EVG" extract -q -o "$WORK/fix.jsonl" \
  "$FIX/huawei-south-korea.txt" "$FIX/huawei-followup.txt"
expect_exit 0 "ingest events" -- "$EVG" ingest --db "$DB" "$WORK/fix.jsonl"
expect_stderr 'ingest: 2 documents added' "first ingest adds both documents"
dump "$DB" >"$WORK/dump1"
[ -s "$WORK/dump1" ] && ok || bad "store is empty"
expect_exit 0 "re-ingest events" -- "$EVG" ingest --db "$DB" "$WORK/fix.jsonl"
expect_stderr 'ingest: 0 documents added .* 2 already stored' "re-ingest adds nothing"
expect_exit 0 "ingest the articles" -- "$EVG" ingest -q --db "$DB" \
  "$FIX/huawei-followup.txt" "$FIX/huawei-south-korea.txt"
dump "$DB" >"$WORK/dump2"
cmp -s "$WORK/dump1" "$WORK/dump2" && ok ||
  bad "re-ingest (same ids, same content) changed the store: $(diff "$WORK/dump1" "$WORK/dump2" | head -5)"
# articles into a new store: every event of the events document goes in
# (the store reads them in the compact form extraction keeps for it)
n_ev=$("$PY" -c "import json,sys; print(sum(len(json.loads(l)['events']) for l in open(sys.argv[1])))" "$WORK/fix.jsonl")
expect_exit 0 "ingest the articles, new store" -- "$EVG" ingest --db "$WORK/art.db" \
  "$FIX/huawei-south-korea.txt" "$FIX/huawei-followup.txt"
expect_stderr "ingest: 2 documents added \\($n_ev events\\)" "every event of the articles stored"
"$PY" - "$WORK/art.db" "$n_ev" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n = c.execute("select sum(n_events) from documents").fetchone()[0]
r = c.execute("select count(*) from evidence").fetchone()[0]
assert n == r == int(sys.argv[2]), (n, r, sys.argv[2])
EOF
[ $? = 0 ] && ok || bad "the store of the articles does not hold their $n_ev events"
# the same article under another id is known by its content
sed 's/"id":"huawei-followup.txt"/"id":"renamed"/' "$WORK/fix.jsonl" >"$WORK/renamed.jsonl"
expect_exit 0 "ingest renamed copy" -- "$EVG" ingest --db "$DB" "$WORK/renamed.jsonl"
expect_stderr 'ingest: 0 documents added' "same content under another id adds nothing"
# events documents from stdin
expect_exit 0 "ingest from stdin" -- sh -c "\"$EVG\" ingest --db \"$DB\" <\"$WORK/fix.jsonl\""
expect_stderr '2 already stored' "stdin events are ingested"

# actors keep their key; events of both articles merged into one store
"$PY" - "$DB" <<'EOF' && ok || bad "store content"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
keys = {k for (k,) in c.execute("select key from actors")}
assert "CHNBUS:huawei" in keys, sorted(keys)
assert c.execute("select count(*) from documents").fetchone()[0] == 2
# Huawei is one actor across both articles
n = c.execute("select count(distinct a.report) from arguments a join actors x on x.id=a.actor where x.key='CHNBUS:huawei'").fetchone()[0]
docs = c.execute("select count(distinct v.doc) from arguments a join evidence v on v.id=a.report join actors x on x.id=a.actor where x.key='CHNBUS:huawei'").fetchone()[0]
assert n >= 2 and docs == 2, (n, docs)
assert c.execute("pragma journal_mode").fetchone()[0] == "wal"
EOF

# --- queries go through the same writers as the file pipeline
expect_exit 0 "query csv" -- "$EVG" query --db "$DB" --entity Huawei -f csv
"$EVG" graph --entity Huawei -f csv "$WORK/fix.jsonl" >"$WORK/graph.csv"
cmp -s "$WORK/stdout" "$WORK/graph.csv" && ok ||
  bad "query --entity Huawei -f csv differs from graph --entity Huawei: $(diff "$WORK/stdout" "$WORK/graph.csv" | head -4)"
expect_exit 0 "query graphml" -- "$EVG" query --db "$DB" --from 2000-01-01 -f graphml -o "$WORK/q.graphml"
"$EVG" graph --from 2000-01-01 -f graphml "$WORK/fix.jsonl" >"$WORK/g.graphml"
cmp -s "$WORK/q.graphml" "$WORK/g.graphml" && ok ||
  bad "query -f graphml differs from graph -f graphml with the same filter"
for f in svg html gexf json timelinejs pdf; do
  expect_exit 0 "query -f $f" -- "$EVG" query --db "$DB" --entity Huawei \
    --from 2019-05-01 --to 2019-05-31 -f $f -o "$WORK/q.$f"
  [ -s "$WORK/q.$f" ] && ok || bad "query -f $f wrote nothing"
done
if command -v xmllint >/dev/null; then
  xmllint --noout "$WORK/q.svg" "$WORK/q.gexf" && ok || bad "xmllint rejects query SVG/GEXF"
fi
expect_exit 0 "query --cameo" -- "$EVG" query --db "$DB" --cameo 17,16 -f csv
"$EVG" graph --root 17,16 -f csv "$WORK/fix.jsonl" >"$WORK/root.csv"
cmp -s "$WORK/stdout" "$WORK/root.csv" && ok || bad "query --cameo differs from graph --root"
[ "$(wc -l <"$WORK/stdout")" -gt 1 ] && ok || bad "query --cameo 17,16 found nothing"
expect_exit 0 "query --quad" -- "$EVG" query --db "$DB" --quad 4 -f csv
"$EVG" graph --quad 4 -f csv "$WORK/fix.jsonl" >"$WORK/quad.csv"
cmp -s "$WORK/stdout" "$WORK/quad.csv" && ok || bad "query --quad differs from graph --quad"
expect_exit 1 "query unknown entity" -- "$EVG" query --db "$DB" --entity Nobodyland -f csv
one_line "unknown entity"
expect_stderr "no actor named 'Nobodyland'" "unknown entity message"
expect_exit 2 "query unknown format" -- "$EVG" query --db "$DB" -f nope
expect_exit 2 "query without --db" -- "$EVG" query -f csv
expect_exit 2 "query with an operand" -- "$EVG" query --db "$DB" extra
expect_exit 3 "query missing store" -- "$EVG" query --db "$WORK/none.db" -f csv
one_line "missing store"
echo "not a database at all, just text" >"$WORK/text.db"
expect_exit 1 "query a text file" -- "$EVG" query --db "$WORK/text.db" -f csv
one_line "text file as store"
"$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table x(a)'); c.commit()" "$WORK/other.db"
expect_exit 1 "query another sqlite file" -- "$EVG" query --db "$WORK/other.db" -f csv
expect_stderr 'not an evgraph event store' "foreign sqlite file"
expect_exit 1 "ingest into another sqlite file" -- "$EVG" ingest --db "$WORK/other.db" "$WORK/fix.jsonl"

# --- schema versions: an older store is refused until --upgrade. Version 1
# knew CAMEO events only, without classes and arguments: the store it
# wrote is that of the same documents without them.
"$PY" - "$WORK/fix.jsonl" >"$WORK/fix_v1.jsonl" <<'EOF'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    d["events"] = [e for e in d["events"] if e.get("cameo")]
    keep = {e["id"] for e in d["events"]}
    d["relations"] = [r for r in d["relations"]
                      if r["from"] in keep and r["to"] in keep]
    for e in d["events"]:
        e["class"] = None
        e["args"] = []
    print(json.dumps(d, ensure_ascii=False))
EOF
DBV=$WORK/v1src.db
expect_exit 0 "ingest the version 1 content" -- "$EVG" ingest --db "$DBV" "$WORK/fix_v1.jsonl"
"$EVG" query --db "$DBV" --from 2000-01-01 -f graphml -o "$WORK/qv1.graphml"
# stores before version 5 kept no dictionary person (the fixtures have
# one): what an upgraded store holds is the new store without them
cp "$DBV" "$WORK/ref.db"
"$PY" - "$WORK/ref.db" <<'EOF' && ok || bad "the fixtures' store has no dictionary person"
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("SELECT count(*) FROM actors WHERE dict IS NOT NULL").fetchone()[0] > 0
c.execute("UPDATE actors SET dict = NULL")
for doc, lst in c.execute("SELECT id, entities FROM documents").fetchall():
    c.execute("UPDATE documents SET entities = ? WHERE id = ?",
              (json.dumps([e[:7] for e in json.loads(lst)], ensure_ascii=False,
                          separators=(",", ":")), doc))
c.commit()
EOF
dump "$WORK/ref.db" >"$WORK/dump_v1src"
# upgrades_like_new V: the version-V store at $WORK/vV.db is refused, then
# upgraded (its documents known: nothing added again) into the same rows
# as a new store's
upgrades_like_new() {
  v=$1
  expect_exit 1 "ingest into a version-$v store" -- "$EVG" ingest --db "$WORK/v$v.db" "$WORK/fix.jsonl"
  expect_stderr "schema version $v, this evgraph uses 8" "version $v refused"
  expect_exit 0 "ingest --upgrade of a version-$v store" -- "$EVG" ingest --upgrade --db "$WORK/v$v.db" "$WORK/fix_v1.jsonl"
  expect_stderr "migrated from schema version $v to 8" "upgrade from $v"
  expect_stderr 'ingest: 0 documents added' "the store upgraded from $v knows its documents"
  dump "$WORK/v$v.db" >"$WORK/dump_up$v"
  cmp -s "$WORK/dump_v1src" "$WORK/dump_up$v" && ok || bad "store upgraded from version $v differs from a new one: $(diff "$WORK/dump_v1src" "$WORK/dump_up$v" | head -4)"
}
# the store as version 7 wrote it: event_keys (an event's keys by month,
# which version 8 computes from the events), a unique index on the
# actors' keys, a report's actors in arguments_new until merged (no
# evidence.actors)
"$PY" - "$WORK/ref.db" "$WORK/v7.db" <<'EOF'
import shutil, sqlite3, sys
shutil.copy(sys.argv[1], sys.argv[2])
c = sqlite3.connect(sys.argv[2])
c.executescript("""
CREATE TABLE event_keys (key INTEGER NOT NULL, event INTEGER NOT NULL,
  chk INTEGER NOT NULL, lo INTEGER, hi INTEGER);
INSERT INTO event_keys SELECT id, id, 0,
  CAST(julianday(lo) - 2440587.5 AS INTEGER),
  CAST(julianday(coalesce(hi, lo)) - 2440587.5 AS INTEGER) FROM events;
CREATE TABLE a7 (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL, kind TEXT NOT NULL, code TEXT, country TEXT, dict TEXT);
INSERT INTO a7 SELECT * FROM actors;
DROP TABLE actors;
ALTER TABLE a7 RENAME TO actors;
CREATE TABLE arguments_new (actor INTEGER NOT NULL, report INTEGER NOT NULL,
  role INTEGER NOT NULL);
ALTER TABLE evidence DROP COLUMN actors;
PRAGMA user_version = 7;
""")
c.commit()
EOF
cp "$WORK/v7.db" "$WORK/v7.db.orig"
# and its last reports not yet merged, their actors in arguments_new (in
# the order they came, not the merged order)
"$PY" - "$WORK/v7.db" <<'EOF' && ok || bad "the version-7 store has no reports to leave unmerged"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
last = c.execute("SELECT max(id) FROM evidence").fetchone()[0] - 5
c.executescript("""
DELETE FROM report_dates WHERE report > %d;
INSERT INTO arguments_new SELECT actor, report, role FROM arguments
  WHERE report > %d ORDER BY report, role DESC, actor DESC;
DELETE FROM arguments WHERE report > %d;
UPDATE meta SET value = %d WHERE key = 'indexed_through';
""" % (last, last, last, last))
c.commit()
assert c.execute("SELECT count(*) FROM arguments_new").fetchone()[0] > 3
EOF
upgrades_like_new 7
# the store as version 6 wrote it: the documents' ids and content hashes
# in unique indexes of the documents table, no doc_ids and doc_hashes
"$PY" - "$WORK/v7.db.orig" "$WORK/v6.db" <<'EOF'
import shutil, sqlite3, sys
shutil.copy(sys.argv[1], sys.argv[2])
c = sqlite3.connect(sys.argv[2])
c.executescript("""
CREATE TABLE d6 (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE, path TEXT, title TEXT, url TEXT, source TEXT,
  place TEXT, dct TEXT, dct_source TEXT, n_sentences INTEGER NOT NULL,
  n_entities INTEGER NOT NULL, n_events INTEGER NOT NULL, sentences TEXT,
  entities TEXT, relations TEXT);
INSERT INTO d6 SELECT * FROM documents;
DROP TABLE documents;
ALTER TABLE d6 RENAME TO documents;
DROP TABLE doc_ids;
DROP TABLE doc_hashes;
DELETE FROM meta WHERE key = 'docs_indexed_through';
PRAGMA user_version = 6;
""")
c.commit()
EOF
cp "$WORK/v6.db" "$WORK/v6.db.orig"
upgrades_like_new 6
# the store as version 5 wrote it: a document's sentences, entities and
# relations in tables of their own, every report in the indexes as it
# came (an index on (root, date), no report_dates, no arguments_new), an
# index on actors' codes
"$PY" - "$WORK/v6.db.orig" "$WORK/v5.db" <<'EOF'
import shutil, sqlite3, sys
shutil.copy(sys.argv[1], sys.argv[2])
c = sqlite3.connect(sys.argv[2])
c.executescript("""
CREATE TABLE sentences (doc INTEGER PRIMARY KEY, list TEXT NOT NULL);
INSERT INTO sentences SELECT id, sentences FROM documents;
CREATE TABLE doc_actors (doc INTEGER PRIMARY KEY, list TEXT NOT NULL);
INSERT INTO doc_actors SELECT id, entities FROM documents;
CREATE TABLE relations (doc INTEGER NOT NULL, type TEXT NOT NULL,
  src INTEGER NOT NULL, dst INTEGER NOT NULL);
INSERT INTO relations SELECT d.id, json_extract(r.value, '$[0]'),
  json_extract(r.value, '$[1]'), json_extract(r.value, '$[2]')
  FROM documents d, json_each(d.relations) r ORDER BY d.id, r.key;
CREATE INDEX relations_doc ON relations (doc);
ALTER TABLE documents DROP COLUMN sentences;
ALTER TABLE documents DROP COLUMN entities;
ALTER TABLE documents DROP COLUMN relations;
DROP TABLE report_dates;
CREATE INDEX evidence_root ON evidence (root, lo);
DROP TABLE arguments_new;
CREATE INDEX actors_code ON actors (code COLLATE NOCASE);
DELETE FROM meta WHERE key = 'indexed_through';
PRAGMA user_version = 5;
""")
c.commit()
EOF
cp "$WORK/v5.db" "$WORK/v5.db.orig"
upgrades_like_new 5
# old_layout DB VERSION: the tables every version before 5 shares (no
# actors.dict; event_keys indexed on its key, with the rows' checks and
# dates since version 4)
old_layout() {
  "$PY" - "$1" "$2" "$WORK/v5.db.orig" <<'EOF'
import shutil, sqlite3, sys
shutil.copy(sys.argv[3], sys.argv[1])
c = sqlite3.connect(sys.argv[1])
cols = "key, event, chk, lo, hi" if sys.argv[2] == "4" else "key, event"
c.executescript("""
ALTER TABLE actors DROP COLUMN dict;
CREATE TABLE ek (%s, PRIMARY KEY (key, event)) WITHOUT ROWID;
INSERT INTO ek SELECT %s FROM event_keys;
DROP TABLE event_keys;
ALTER TABLE ek RENAME TO event_keys;
PRAGMA user_version = %s;
""" % (cols, cols, sys.argv[2]))
c.commit()
EOF
}
old_layout "$WORK/v4.db" 4
upgrades_like_new 4
old_layout "$WORK/v1.db" 1
"$PY" - "$WORK/v1.db" <<'EOF'
import sqlite3, sys
# the store as version 1 wrote it: no root column, roots and meta tables,
# plain date and cameo indexes
c = sqlite3.connect(sys.argv[1])
c.executescript("""
DROP INDEX evidence_root;
DROP TABLE roots;
DROP TABLE meta;
CREATE INDEX evidence_cameo ON evidence (cameo);
CREATE INDEX evidence_date ON evidence (lo);
ALTER TABLE evidence DROP COLUMN root;
ALTER TABLE evidence DROP COLUMN class;
ALTER TABLE evidence DROP COLUMN args;
DROP TABLE actor_aliases;
ALTER TABLE events ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;
PRAGMA user_version = 1;
""")
c.commit()
EOF
expect_exit 1 "query a version-1 store" -- "$EVG" query --db "$WORK/v1.db" -f csv
one_line "version mismatch"
expect_stderr 'schema version 1, this evgraph uses 8: .*ingest --upgrade' "version mismatch message"
expect_exit 1 "ingest into a version-1 store" -- "$EVG" ingest --db "$WORK/v1.db" "$WORK/fix.jsonl"
expect_stderr 'schema version 1' "ingest refuses too"
expect_exit 0 "ingest --upgrade" -- sh -c "\"$EVG\" ingest --upgrade --db \"$WORK/v1.db\" </dev/null"
expect_stderr 'migrated from schema version 1 to 8' "upgrade says what it did"
dump "$WORK/v1.db" >"$WORK/dump_up"
cmp -s "$WORK/dump_v1src" "$WORK/dump_up" && ok || bad "upgraded store differs from a new one: $(diff "$WORK/dump_v1src" "$WORK/dump_up" | head -4)"
expect_exit 0 "query the upgraded store" -- "$EVG" query --db "$WORK/v1.db" --from 2000-01-01 -f graphml -o "$WORK/up.graphml"
cmp -s "$WORK/up.graphml" "$WORK/qv1.graphml" && ok || bad "upgraded store answers differently"
# version 3 kept no actor names as written and counted an event's reports
# in its row; the upgrade rebuilds the names from the documents' entities
old_layout "$WORK/v3.db" 3
"$PY" - "$WORK/v3.db" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
DROP TABLE actor_aliases;
ALTER TABLE events ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;
UPDATE events SET reports = (SELECT count(*) FROM evidence WHERE event = events.id);
PRAGMA user_version = 3;
""")
c.commit()
EOF
upgrades_like_new 3

cp "$DB" "$WORK/v9.db"
"$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('pragma user_version=9'); c.commit()" "$WORK/v9.db"
expect_exit 1 "ingest --upgrade into a newer store" -- "$EVG" ingest --upgrade --db "$WORK/v9.db" "$WORK/fix.jsonl"
expect_stderr 'schema version 9 is newer' "newer store message"

# --- kill mid-ingest: many distinct documents made from the fixture's
K=$WORK/kill
mkdir -p "$K"
"$PY" - "$WORK/fix.jsonl" "$K/many.jsonl" <<'EOF'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as out:
    for i in range(1500):
        d = json.loads(json.dumps(docs[i % len(docs)]))
        d["document"]["id"] = "copy-%d" % i
        for s in d["sentences"]:
            s["text"] += " (%d)" % i   # new content: a new document
        out.write(json.dumps(d, separators=(",", ":")) + "\n")
EOF
"$EVG" ingest -q --merge-every 7 --db "$K/k.db" "$K/many.jsonl" &
pid=$!
for _ in $(seq 1 400); do
  n=$("$PY" -c "import sqlite3,sys
try: print(sqlite3.connect(sys.argv[1]).execute('select count(*) from documents').fetchone()[0])
except Exception: print(0)" "$K/k.db" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 20 ] && break
  sleep 0.05
done
{ kill -9 $pid && wait $pid; } 2>/dev/null
"$PY" - "$K/k.db" 1500 <<'EOF' && ok || bad "store after kill -9"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
n = c.execute("select count(*) from documents").fetchone()[0]
assert 0 < n < int(sys.argv[2]), "killed too late or too early: %d documents" % n
# whole documents only: every document has all its events, sentences,
# actors; and, one transaction per document, the input's first n of them
for d, ne, sents, ents in c.execute("select id, n_events, sentences, entities from documents"):
    got = c.execute("select count(*) from evidence where doc=?", (d,)).fetchone()[0]
    assert got == ne, (d, got, ne)
    assert sents and ents, d
assert c.execute("select count(*) from evidence where doc not in (select id from documents)").fetchone()[0] == 0
ids = {r[0] for r in c.execute("select doc_id from documents")}
assert ids == {"copy-%d" % i for i in range(n)}, "not the first %d documents" % n
print("kill: %d whole documents committed" % n)
EOF
expect_exit 0 "resumed ingest" -- "$EVG" ingest --db "$K/k.db" "$K/many.jsonl"
expect_stderr '1500 documents, ' "resumed ingest completes the store"
expect_exit 0 "clean ingest" -- "$EVG" ingest -q --db "$K/clean.db" "$K/many.jsonl"
dump "$K/k.db" >"$K/d1"
dump "$K/clean.db" >"$K/d2"
cmp -s "$K/d1" "$K/d2" && ok || bad "killed and resumed store differs from a clean one"
# the indexes brought up to date every 3 documents (the default is every
# 10,000, and at the end) give the same store
expect_exit 0 "ingest merging every 3 documents" -- "$EVG" ingest -q --merge-every 3 --db "$K/steps.db" "$K/many.jsonl"
dump "$K/steps.db" >"$K/d5"
cmp -s "$K/d5" "$K/d2" && ok || bad "merging every 3 documents gives another store: $(diff "$K/d5" "$K/d2" | head -4)"

# --- one transaction per document: an ingest killed (SIGKILL) while
# SQLite writes the commit of the 38th document, copy-37, holds exactly
# the 37 before it, whole (in groups it would hold fewer). Those are not
# yet merged into the actor and date indexes (that happens every 10,000
# documents): a query reads them all the same, and gives what a store of
# the same 37 documents, complete, gives
SHIM=$(dirname "$EVG")/tests/libevg_enospc.so
if [ -f "$SHIM" ]; then
  rm -f "$K/m.db"*
  { env LD_PRELOAD="$SHIM" EVG_FAULT_KILL_ON=copy-37 \
      ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
      "$EVG" ingest -q --db "$K/m.db" "$K/many.jsonl"; rc=$?; } 2>/dev/null
  [ $rc -eq 137 ] && ok || bad "ingest killed at copy-37: exit $rc, not 137 (SIGKILL)"
  "$PY" - "$K/m.db" <<'EOF' && ok || bad "store killed at copy-37"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
ids = [r[0] for r in c.execute("select doc_id from documents order by id")]
assert ids == ["copy-%d" % i for i in range(37)], ids[-3:]
for d, ne in c.execute("select id, n_events from documents"):
    assert c.execute("select count(*) from evidence where doc=?", (d,)).fetchone()[0] == ne, d
merged = c.execute("select value from meta where key='indexed_through'").fetchone()[0]
total = c.execute("select max(id) from evidence").fetchone()[0]
assert merged < total and c.execute("select count(*) from evidence where id > ? and actors is not null", (merged,)).fetchone()[0] > 0, (merged, total)
EOF
  head -n 37 "$K/many.jsonl" >"$K/first37.jsonl"
  expect_exit 0 "store of the first 37" -- "$EVG" ingest -q --db "$K/first37.db" "$K/first37.jsonl"
  for q in "" "--entity Huawei" "--from 2019-05-20 --to 2019-12-31" "--cameo 04,17" "--quad 1"; do
    "$EVG" query --db "$K/m.db" $q -f json -o "$K/qm.json" 2>/dev/null
    "$EVG" query --db "$K/first37.db" $q -f json -o "$K/q37.json" 2>/dev/null
    [ -s "$K/q37.json" ] && cmp -s "$K/qm.json" "$K/q37.json" && ok ||
      bad "query $q of the killed store (reports not merged) differs from a complete store"
  done
  expect_exit 0 "resume the killed ingest" -- "$EVG" ingest -q --db "$K/m.db" "$K/many.jsonl"
  dump "$K/m.db" >"$K/d4"
  cmp -s "$K/d4" "$K/d2" && ok || bad "killed at copy-37 and resumed differs from a clean store"
else
  echo "skip: $SHIM not built (the kill at a known document)"
fi

# --- a disk that fills up mid-ingest: the group not yet committed goes
# back whole (the message says how many documents), the store opens with
# whole documents only, and the same ingest again completes it
if [ -f "$SHIM" ]; then
  rm -f "$K/full.db"*
  env LD_PRELOAD="$SHIM" EVG_FAULT_WRITE_BUDGET=1600000 \
    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
    "$EVG" ingest --batch 40 --db "$K/full.db" "$K/many.jsonl" >/dev/null 2>"$K/full.err"
  rc=$?
  [ $rc -eq 4 ] && ok || bad "ingest on a full disk: exit $rc, not 4"
  grep -q "full" "$K/full.err" && grep -q "since the last commit were rolled back" "$K/full.err" &&
    ok || bad "full disk message: $(head -c 300 "$K/full.err")"
  "$PY" - "$K/full.db" 1500 <<'EOF' && ok || bad "store after a full disk"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
n = c.execute("select count(*) from documents").fetchone()[0]
assert 0 < n < int(sys.argv[2]), "disk full too late or too early: %d documents" % n
# groups close at 40 documents or after half a second (a loaded machine
# closes some early): what is stored is the input's first n documents,
# none skipped, so the group rolled back went whole
ids = {r[0] for r in c.execute("select doc_id from documents")}
assert ids == {"copy-%d" % i for i in range(n)}, "not the first %d documents" % n
for d, ne in c.execute("select id, n_events from documents"):
    got = c.execute("select count(*) from evidence where doc=?", (d,)).fetchone()[0]
    assert got == ne, (d, got, ne)
print("disk full: %d whole documents committed" % n)
EOF
  expect_exit 0 "ingest again with room" -- "$EVG" ingest -q --db "$K/full.db" "$K/many.jsonl"
  dump "$K/full.db" >"$K/d3"
  cmp -s "$K/d3" "$K/d2" && ok || bad "store filled and completed differs from a clean one"
else
  echo "skip: $SHIM not built (the full-disk ingest test)"
fi

# --- events CAMEO has no code for (fixtures/velmora.events.jsonl): they go
# in and come back with their class and participants, merged as `graph`
# merges them; --cameo ROOTS never matches them, --cameo-only leaves them
# out, --entity finds them through their participants
U="$WORK/uncoded"
mkdir -p "$U"
V="$SRC/fixtures/velmora.events.jsonl"
expect_exit 0 "ingest uncoded events" -- "$EVG" ingest -q --db "$U/u.db" "$V"
"$EVG" graph -f json "$V" >"$U/graph.json"
"$EVG" graph -f json --cameo-only "$V" >"$U/coded.json"
"$EVG" graph -f csv --entity "Zorblax Dynamics" "$V" >"$U/zorblax.csv"
expect_exit 0 "query uncoded events" -- "$EVG" query --db "$U/u.db" -f json -o "$U/q.json"
cmp -s "$U/q.json" "$U/graph.json" && ok ||
  bad "the store gives another graph of uncoded events: $(diff "$U/q.json" "$U/graph.json" | head -c 600)"
grep -q '"timeml_class":"I_STATE"' "$U/q.json" && grep -q '"args":"agent:Velmora Motors; theme:its battery plant' "$U/q.json" && ok ||
  bad "class or participants lost in the store"
expect_exit 0 "query --cameo-only" -- "$EVG" query --db "$U/u.db" --cameo-only -f json -o "$U/qc.json"
cmp -s "$U/qc.json" "$U/coded.json" && ok || bad "query --cameo-only differs from graph --cameo-only"
expect_exit 0 "query --cameo 02,04,16" -- "$EVG" query --db "$U/u.db" --cameo 02,04,16 -f csv -o "$U/roots.csv"
n=$(tail -n +2 "$U/roots.csv" | wc -l)
[ "$n" -eq 3 ] && ok || bad "--cameo 02,04,16 should give the 3 coded events, got $n rows"
grep -q '^[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,,' "$U/roots.csv" &&
  bad "--cameo kept an event without a code" || ok
expect_exit 0 "query --entity uncoded" -- "$EVG" query --db "$U/u.db" --entity "Zorblax Dynamics" -f csv -o "$U/qz.csv"
cmp -s "$U/qz.csv" "$U/zorblax.csv" && ok || bad "--entity over uncoded events differs: $(diff "$U/qz.csv" "$U/zorblax.csv" | head -c 400)"

# --- actors merge in the store by the graph's rule (graph/actors.h): the
# team's trap articles (fixtures/actors/: two people sharing a surname,
# different full names, nicknames, places that are no actors), stored in
# two runs, give the store the actors the graph gives of the same
# documents, in the same order, with the same names, codes and aliases
A="$WORK/actors"
mkdir -p "$A"
expect_exit 0 "extract the actor traps" -- "$EVG" extract -q -o "$A/ev.jsonl" "$SRC"/fixtures/actors/*.txt
head -n 2 "$A/ev.jsonl" >"$A/p1.jsonl"
tail -n +3 "$A/ev.jsonl" >"$A/p2.jsonl"
expect_exit 0 "ingest the traps, part 1" -- "$EVG" ingest -q --db "$A/a.db" "$A/p1.jsonl"
expect_exit 0 "ingest the traps, part 2" -- "$EVG" ingest -q --db "$A/a.db" "$A/p2.jsonl"
"$EVG" graph -q -f csv-nodes "$A/ev.jsonl" >"$A/nodes.csv"
"$PY" - "$A/nodes.csv" "$A/a.db" <<'EOF' >"$A/cmp.txt" 2>&1 && ok || bad "store and graph disagree on actors: $(head -c 600 "$A/cmp.txt")"
import csv, sqlite3, sys
def cell(s):  # the CSV writer guards cells that open with - = + @
    return s[1:] if s[:1] == "'" and s[1:2] in "-=+@" else s
g = [(cell(r["name"]), r["kind"], cell(r["code"]), cell(r["aliases"]))
     for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
     if r["type"] == "actor"]
db = sqlite3.connect(sys.argv[2])
s = []
for aid, name, kind, code in db.execute(
        "SELECT id, name, kind, coalesce(code, '') FROM actors ORDER BY id"):
    al = [n for (n,) in db.execute("SELECT name FROM actor_aliases "
                                   "WHERE actor = ? ORDER BY seq", (aid,))]
    s.append((name, kind, code, "; ".join(al)))
assert len(g) > 10, "too few actors in the graph: %d" % len(g)
bad = [(i, a, b) for i, (a, b) in enumerate(zip(g, s)) if a != b]
assert len(g) == len(s) and not bad, (len(g), len(s), bad[:3])
# the traps themselves: these stay apart in both
names = {a[0] for a in s}
for one, other in (("Martin Hale", "Peter Lowe"),
                   ("Fidel Castro", "Pope John Paul II")):
    assert one in names and other in names, (one, other)
assert not any(a[0] in ("Geneva", "Belfast") for a in s), "a place became an actor"
EOF

# --- dictionary people: two people a dictionary names "George Bush", one
# also called "George H. W. Bush", the other "George W. Bush", are one
# actor (the dictionary says so; by their names alone they are two). The
# store keeps the flag, so two runs give what the graph of both gives
D="$WORK/dict"
mkdir -p "$D"
"$PY" - "$D" <<'EOF'
import json, os, sys
def doc(i, alias):
    text = "George Bush met Japan's leaders in Tokyo (%d)." % i
    day = "2001-0%d-10" % i
    return {"schema": "evgraph-events/2",
            "document": {"id": "dict-%d" % i, "dct": day, "dct_source": "metadata"},
            "sentences": [{"id": "s1", "start": 0, "end": len(text),
                           "boilerplate": False, "text": text}],
            "entities": [
                {"id": "e1", "name": "George Bush", "kind": "person", "code": "USAGOV",
                 "country": "USA", "dictionary": True, "aliases": [alias], "mentions": []},
                {"id": "e2", "name": "Japan", "kind": "country", "code": "JPN",
                 "country": "JPN", "aliases": [], "mentions": []}],
            "events": [{"id": "v1", "cameo": "040", "label": "consult", "quad_class": 1,
                        "goldstein": 1.0, "trigger": {"text": "met", "start": 12, "end": 15},
                        "source": ["e1"], "target": ["e2"],
                        "time": {"value": day, "start": day, "end": day, "basis": "dct"},
                        "modality": "asserted", "sentence": "s1", "confidence": 0.9}],
            "relations": []}
for i, alias in ((1, "George H. W. Bush"), (2, "George W. Bush")):
    with open(os.path.join(sys.argv[1], "p%d.jsonl" % i), "w") as f:
        print(json.dumps(doc(i, alias)), file=f)
EOF
cat "$D/p1.jsonl" "$D/p2.jsonl" >"$D/both.jsonl"
n_graph=$("$EVG" graph -q -f csv-nodes "$D/both.jsonl" | grep -c ',actor,George Bush,')
sed 's/"dictionary": true, //' "$D/both.jsonl" >"$D/nodict.jsonl"
n_names=$("$EVG" graph -q -f csv-nodes "$D/nodict.jsonl" | grep -c ',actor,George Bush,')
[ "$n_graph" = 1 ] && [ "$n_names" = 2 ] && ok ||
  bad "the dictionary case: graph gives $n_graph actor(s) named George Bush (want 1), $n_names by names alone (want 2)"
expect_exit 0 "ingest a dictionary person, run 1" -- "$EVG" ingest -q --db "$D/d.db" "$D/p1.jsonl"
expect_exit 0 "ingest a dictionary person, run 2" -- "$EVG" ingest -q --db "$D/d.db" "$D/p2.jsonl"
# the same with the flag taken out of the store between the runs (as a
# version-4 store had it): the names alone keep them apart
expect_exit 0 "ingest, run 1 (flag lost)" -- "$EVG" ingest -q --db "$D/n.db" "$D/p1.jsonl"
"$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE actors SET dict = NULL'); c.commit()" "$D/n.db"
expect_exit 0 "ingest, run 2 (flag lost)" -- "$EVG" ingest -q --db "$D/n.db" "$D/p2.jsonl"
"$PY" - "$D/d.db" "$D/n.db" <<'EOF' && ok || bad "the store's dictionary people disagree with the graph's"
import sqlite3, sys
def people(db):
    return sqlite3.connect(db).execute(
        "SELECT name, dict FROM actors WHERE kind = 'person' ORDER BY id").fetchall()
assert people(sys.argv[1]) == [("George Bush", "George Bush")], people(sys.argv[1])
assert len(people(sys.argv[2])) == 2, people(sys.argv[2])
EOF
# and a query of the store gives the graph's actors
expect_exit 0 "query the dictionary store" -- "$EVG" query --db "$D/d.db" -f csv-nodes -o "$D/q.csv"
[ "$(grep -c ',actor,George Bush,' "$D/q.csv")" = 1 ] && ok || bad "query splits the dictionary person: $(cat "$D/q.csv" | head -c 300)"

finish
