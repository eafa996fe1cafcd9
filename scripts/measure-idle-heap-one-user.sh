#!/usr/bin/env bash
# Heap per idle authenticated WebSocket, without the load generator: one user signs up and logs in
# once (one Argon2 hash, so it also works on a busy machine where the generator's concurrent
# sign-ups time out), then PROCS processes of scripts/IdleSockets.java open CONNECTIONS sockets
# with that token. Class histograms before/after stay in the printed work directory.
# Usage: scripts/measure-idle-heap-one-user.sh JAR PORT CONNECTIONS PROCS
set -euo pipefail
jar=$1; port=$2; connections=$3; procs=$4
work=$(mktemp -d)
java -Xmx4g -jar "$jar" serve --port $port --data "$work/data" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server $(jobs -p) 2>/dev/null || true' EXIT
until curl -s "localhost:$port/health" >/dev/null; do sleep 1; done
curl -s -XPOST localhost:$port/api/accounts -H 'content-type: application/json' -d '{"username":"idle1","password":"correct horse","displayName":"Idle"}' > /dev/null
token=$(curl -s -XPOST localhost:$port/api/sessions -H 'content-type: application/json' -d '{"username":"idle1","password":"correct horse","deviceName":"phone"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
used_heap() { jcmd "$1" GC.run >/dev/null; sleep 2; jcmd "$1" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print v}}'; }
before=$(used_heap $server)
jcmd $server GC.class_histogram > "$work/histo-before.txt"
per=$((connections / procs))
for g in $(seq 1 $procs); do
  java -Xmx2g -Xss256k "$(dirname "$0")/IdleSockets.java" "ws://127.0.0.1:$port/ws" "$token" $per > "$work/gen$g.log" 2>&1 &
done
for g in $(seq 1 $procs); do
  until grep -q "ready" "$work/gen$g.log"; do sleep 2; done
  cat "$work/gen$g.log"
done
sleep 5
after=$(used_heap $server)
jcmd $server GC.class_histogram > "$work/histo-after.txt"
open=$(curl -s "localhost:$port/health" | sed -E 's/.*"([0-9]+) connections".*/\1/')
echo "work dir: $work"
echo "connections open: $open"
echo "heap used before: ${before} KiB, with connections: ${after} KiB"
echo "heap per idle connection: $(( (after - before) * 1024 / open )) bytes"
