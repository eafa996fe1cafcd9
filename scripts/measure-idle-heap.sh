#!/usr/bin/env bash
# Measures server heap per idle, authenticated WebSocket connection: starts `ieum serve`, forces a
# full GC and reads the used heap, opens CONNECTIONS idle connections with `ieum bench` (spread over
# GENERATORS processes to stay under the 20,000 open files each process may hold), forces a GC
# again and divides the difference. Usage: scripts/measure-idle-heap.sh CONNECTIONS [GENERATORS]
# IEUM_JAR (another build of ieum.jar) and IEUM_PORT (default 18484) may be set to compare builds.
set -euo pipefail
connections=${1:?connections}
generators=${2:-1}
jar=${IEUM_JAR:-"$(cd "$(dirname "$0")/.." && pwd)/ieum-cli/target/ieum.jar"}
work=$(mktemp -d)
port=${IEUM_PORT:-18484}
used_heap() { jcmd "$1" GC.run >/dev/null; sleep 2; jcmd "$1" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print v}}'; }
java -Xmx4g -jar "$jar" serve --port $port --data "$work/data" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -s "localhost:$port/health" >/dev/null; do sleep 1; done
per=$((connections / generators))
users=$(( per < 100 ? per : 100 ))
# Sign the users up once, so the generators only log in.
java -jar "$jar" bench --server "http://127.0.0.1:$port" --users "$users" --group-size 10 --rate 1 --duration 1 --grace 1 --prefix idle > /dev/null
before=$(used_heap $server)
gens=()
for g in $(seq 1 "$generators"); do
  java -Xmx3g -jar "$jar" bench --server "http://127.0.0.1:$port" --users "$users" --group-size 10 --connections "$per" \
      --rate 1 --duration 600 --grace 1 --prefix idle > "$work/gen$g.log" 2>&1 &
  gens+=($!)
done
# Every connection is up once a generator announces its sends (in English or Korean); one that exits before ends the measurement.
for g in $(seq 1 "$generators"); do
  until grep -qE 'Sending |보내는 중' "$work/gen$g.log"; do
    if ! kill -0 "${gens[$((g - 1))]}" 2>/dev/null; then
      echo "generator $g stopped before its connections were open:" >&2
      tail -n 5 "$work/gen$g.log" >&2
      exit 1
    fi
    sleep 1
  done
done
sleep 5
after=$(used_heap $server)
open=$(curl -s "localhost:$port/health" | sed -E 's/.*"([0-9]+) connections".*/\1/')
echo "connections open: $open"
echo "heap used before: ${before} KiB, with connections: ${after} KiB"
echo "heap per idle connection: $(( (after - before) * 1024 / open )) bytes"
