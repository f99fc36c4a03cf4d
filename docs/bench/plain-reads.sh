#!/bin/bash
# Plain reads at steady state (docs/benchmarks.md, P12). Usage, from a checkout:
#   docs/bench/plain-reads.sh <label>        (needs hey, curl, python3, bc; ports 8080 and 15432)
# Starts the run command, seeds a second competition (3 organizers, 3 phases of 3 columns), a token
# and a submission, warms up for 4 minutes, then 3 rounds of the 3 requests with hey -n 10000 -c 16,
# recording req/s, p50, p99 and the CPU per request of the server and of PostgreSQL.
set -u
LABEL=$1; SRC=$(pwd); OUT=/tmp/plain-reads-$LABEL; HOME_DIR=/tmp/plain-reads-home
rm -rf "$OUT" "$HOME_DIR"; mkdir -p "$OUT"
B=http://127.0.0.1:8080/podium/api
(PODIUM_HOME=$HOME_DIR setsid ./mvnw -B -o -Prun > "$OUT/server.log" 2>&1 &)
for i in $(seq 1 150); do grep -q "Podium is running\|BUILD FAILURE" "$OUT/server.log" && break; sleep 3; done
grep -q "Podium is running" "$OUT/server.log" || { echo "Podium did not start: $OUT/server.log"; exit 1; }
json() { python3 -c "import json,sys;print(json.load(sys.stdin)$1)"; }
ADMIN=$(grep "Administrator:" "$OUT/server.log" | sed 's/.*Administrator: //; s/ \/ /:/')
DEMO=$(grep "Demo participant:" "$OUT/server.log" | sed 's/.*participant: //; s/  (comp.*//; s/ \/ /:/')
TOKEN=$(curl -s -u "$ADMIN" -H 'Content-Type: application/json' -d '{"name":"bench"}' $B/tokens | json '["token"]')
DTOKEN=$(curl -s -u "$DEMO" -H 'Content-Type: application/json' -d '{"name":"bench"}' $B/tokens | json '["token"]')
H="Authorization: Bearer $TOKEN"
curl -s -H "$H" -H 'Content-Type: application/json' -d '{"username":"org2","email":"o2@example.org","password":"pw-pw-pw-pw-12"}' $B/accounts -o /dev/null
for u in demo org2; do curl -s -H "$H" -X PUT -H 'Content-Type: application/json' -d '{"roles":["ORGANIZER","PARTICIPANT"]}' $B/accounts/$u/roles -o /dev/null; done
CID=$(curl -s -H "$H" -H 'Content-Type: application/json' -d '{"title":"graph","published":true}' $B/competitions | json '["id"]')
for n in p1 p2 p3; do curl -s -H "$H" -H 'Content-Type: application/json' -d '{"name":"'$n'","scoring":{"metric":"mae"},"columns":[{"key":"a","primary":true},{"key":"b"},{"key":"c"}]}' $B/competitions/$CID/phases -o /dev/null; done
curl -s -X PUT -H "$H" -H 'Content-Type: application/json' -d '{"title":"graph","organizers":["admin","demo","org2"],"published":true}' $B/competitions/$CID -o /dev/null
python3 -c 'import zipfile,io,sys; b=io.BytesIO(); z=zipfile.ZipFile(b,"w"); z.writestr("predictions.csv","1,3\n"); z.close(); sys.stdout.buffer.write(b.getvalue())' > "$OUT/p.zip"
SID=$(curl -s -H "Authorization: Bearer $DTOKEN" -H 'Content-Type: application/zip' --data-binary @"$OUT/p.zip" "$B/competitions/1/submissions?teamName=bench" | json '["id"]')
sleep 3
JPID=$(pgrep -f 'jboss-modules|glassfish' | head -1)
cpu() { # N, hey args...: one line of figures
  local n=$1; shift
  local j0 p0 j1 p1 r
  j0=$(awk '{print $14+$15}' /proc/$JPID/stat)
  p0=$(for p in $(pgrep -x postgres); do awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done | awk '{s+=$1} END {print s}')
  r=$(hey -n "$n" -c 16 "$@")
  j1=$(awk '{print $14+$15}' /proc/$JPID/stat)
  p1=$(for p in $(pgrep -x postgres); do awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done | awk '{s+=$1} END {print s}')
  echo "rps=$(echo "$r" | awk '/Requests\/sec/ {print $2}') p50=$(echo "$r" | awk '/ 50% in/ {print $3*1000}')ms p99=$(echo "$r" | awk '/ 99% in/ {print $3*1000}')ms server=$(echo "($j1-$j0)*10/$n" | bc -l | cut -c1-5)ms/req postgres=$(echo "($p1-$p0)*10/$n" | bc -l | cut -c1-5)ms/req statuses=$(echo "$r" | grep -o '\[[0-9]*\] *[0-9]* responses' | tr -s ' ' | tr '\n' ' ')"
}
for k in 1 2 3 4; do
  hey -z 25s -c 16 -H "$H" $B/submissions/$SID > /dev/null
  hey -z 15s -c 16 -H "$H" $B/competitions/1 > /dev/null
  hey -z 20s -c 16 $B/competitions/1 > /dev/null
done
for round in 1 2 3; do
  echo "$LABEL competition-anon round$round $(cpu 10000 $B/competitions/1)" | tee -a "$OUT/results"
  echo "$LABEL competition-token round$round $(cpu 10000 -H "$H" $B/competitions/1)" | tee -a "$OUT/results"
  echo "$LABEL submission-token round$round $(cpu 10000 -H "$H" $B/submissions/$SID)" | tee -a "$OUT/results"
done
pkill -TERM -f Prun; sleep 10
echo "results in $OUT/results"
