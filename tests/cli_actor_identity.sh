#!/usr/bin/env bash
# Identity-safe merging on the team's trap articles (fixtures/actors/):
# several short articles merged into one graph, with two people called by
# the same pronouns and the same title in different articles, nickname and
# spelling variants of one name, an acronym defined in the text, and places,
# vehicles, an operation, a publication, a credit and name fragments that
# are no actors; "President Bush" in 1990 and in 2003 (two people, by the
# dictionary's dates), a father and son whose names differ only by a middle
# initial, a last name that is a title ("Tom King"), a company's shops
# ("Apple Stores"). fixtures/actors/expected.tsv says which names must be
# apart, which one actor, which no actor at all; no person actor may hold
# two different full names (tools/check_person_merges.py).
source "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1
if ! "$EVG" extract -q fixtures/actors/*.txt >"$WORK/events.jsonl" ||
  ! "$EVG" graph -q -f csv-nodes "$WORK/events.jsonl" >"$WORK/nodes.csv"; then
  bad "extract or graph failed on fixtures/actors"
  finish
fi
if $PY - "$WORK/nodes.csv" fixtures/actors/expected.tsv >"$WORK/check.txt" 2>&1 <<'PYEOF'
import csv, sys
actors = []
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    if r['type'] == 'actor':
        names = [r['name']] + [a for a in r['aliases'].split('; ') if a]
        actors.append((r['id'], [n.lower() for n in names]))
def owners(n):
    return {i for i, names in actors if n.lower() in names}
bad = 0
for line in open(sys.argv[2], encoding='utf-8'):
    if not line.strip() or line.startswith('#'):
        continue
    f = line.rstrip('\n').split('\t')
    what, names = f[0], f[1:]
    if what == 'none':
        ok = not owners(names[0])
    elif what == 'one':
        a, b = owners(names[0]), owners(names[1])
        ok = len(a) == 1 and a == b
    elif what == 'apart':
        a, b = owners(names[0]), owners(names[1])
        ok = bool(a) and bool(b) and not (a & b)
    else:
        ok = False
    if not ok:
        bad += 1
        print('FAIL: %s %s' % (what, ' / '.join(names)))
print('%d expectations failed' % bad)
sys.exit(1 if bad else 0)
PYEOF
then ok; else bad "fixtures/actors/expected.tsv: $(grep -c FAIL "$WORK/check.txt") failed"; fi
cat "$WORK/check.txt"
if $PY tools/check_person_merges.py --evgraph "$EVG" fixtures/actors/*.txt >"$WORK/people.txt"; then
  ok
else
  bad "a person actor holds two different full names"
fi
cat "$WORK/people.txt"
# the seed article: its photo credit's agency and the publication a notice
# was posted in are no actors
# the demo article: "Officials in Washington" is the US government, a
# mention of the United States, no actor of its own
"$EVG" extract -q fixtures/huawei-south-korea.txt |
  "$EVG" graph -q -f csv-nodes - >"$WORK/demo.csv"
if grep -q '^a[0-9]*,actor,Officials,' "$WORK/demo.csv"; then
  bad "the demo's bare 'Officials' is an actor of its own"
elif ! grep -q '^a[0-9]*,actor,United States,' "$WORK/demo.csv"; then
  bad "the demo has no United States actor"
else ok; fi
seed=$SHARED/seed/000_2a0cd735b0f74530.txt
if [ -f "$seed" ]; then
  "$EVG" extract -q "$seed" | "$EVG" graph -q -f csv-nodes - >"$WORK/seed.csv"
  for n in Sputnik "Federal Register" "US government"; do
    if grep -q "^a[0-9]*,actor,$n," "$WORK/seed.csv"; then
      bad "the seed's '$n' is an actor"
    else ok; fi
  done
  "$EVG" extract -q "$seed" | "$EVG" stats - | head -1
else
  echo "SKIP (seed part): $seed is absent"
fi
finish
