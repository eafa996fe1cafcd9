#!/usr/bin/env bash
# Latency and CPU at given send rates, with nothing else beside the benchmark (no perf, no profiler:
# tracing inflates p99). Starts `ieum serve` on a fresh data directory, warms it 30 s at 3,000 sends/s,
# then per rate runs `ieum bench` (200 users in groups of 10, two generator processes, a 30 s warm-up of
# which the first 15 s ramp up to the rate, 30 s measured, 1 ms send ticks) and prints its percentiles,
# the server's CPU per delivery over the whole bench command, and a per-second line of "late %/slowest
# ms" (late: over 25 ms), and how busy the machine was in about the measured 30 s (from /proc/stat once a
# second: the share of the cores' time that was idle, and stolen by the VM's host), also per second of the
# bench's timeline (so late seconds can be set beside the host's steal).
# Usage: scripts/bench-rates.sh PORT RATE [RATE ...]   e.g. scripts/bench-rates.sh 19300 10000 15000
# IEUM_JAR: the build to run (default ieum-cli/target/ieum.jar); the generator uses the same jar.
# BENCH_PROCESSES: generator processes (default 2). The server reads IEUM_* overrides from the environment.
# SERVER_OPTS, GEN_OPTS: more JVM flags for the server and the generator, separated by commas
# (e.g. SERVER_OPTS=-XX:+UseParallelGC); GEN_JAR: another build for the generator.
# Fixed, pre-touched heaps on both sides (docs/benchmarks.md, "Fixed heaps").
set -euo pipefail
port=${1:?port}; shift
jar=${IEUM_JAR:-"$(cd "$(dirname "$0")/.." && pwd)/ieum-cli/target/ieum.jar"}
work=$(mktemp -d)
IEUM_PASSWORDHASHING_MEMORY=64KiB IEUM_PASSWORDHASHING_ITERATIONS=1 \
  java -Xms2g -Xmx2g -XX:+AlwaysPreTouch ${SERVER_OPTS:+${SERVER_OPTS//,/ }} -jar "$jar" serve --port "$port" --data "$work/data" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.5; done
bench() {
  java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Dio.netty.leakDetection.level=disabled ${GEN_OPTS:+${GEN_OPTS//,/ }} \
    -jar "${GEN_JAR:-$jar}" bench \
    --server "http://127.0.0.1:$port" --prefix rates --tokens "$work/tokens.txt" --users 200 --group-size 10 \
    --processes "${BENCH_PROCESSES:-2}" "$@"
}
bench --rate 3000 --duration 30 --warmup 5 --grace 5 > "$work/warm.txt" 2>&1
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
for rate in "$@"; do
  before=$(cpu)
  (while sleep 1 && kill -0 $$ 2>/dev/null; do echo "$(date +%s.%N) $(head -1 /proc/stat)"; done) > "$work/stat.txt" &
  sampler=$!
  # Each output line stamped, so the line announcing the sends dates the timeline's second 0 (it starts 0.5 s later).
  bench --rate "$rate" --duration 30 --warmup 30 --ramp-up --grace 5 --send-tick 1000 --json "$work/run.json" 2>&1 \
    | while IFS= read -r line; do echo "$(date +%s.%N) $line"; done > "$work/run.txt"
  after=$(cpu)
  kill $sampler; wait $sampler 2>/dev/null || true
  python3 - "$work/run.json" "$before" "$after" "$rate" "$(getconf CLK_TCK)" "$work/stat.txt" "$work/run.txt" <<'PY'
import bisect, json, re, sys
run = json.load(open(sys.argv[1]))
# /proc/stat's cpu line, once a second; the measured 30 s end with the 5 s grace before the bench exits.
samples = {}
for line in open(sys.argv[6]):
    parts = line.split()
    samples[float(parts[0])] = [int(x) for x in parts[2:10]]  # user nice system idle iowait irq softirq steal
times = sorted(samples)


def at_or_before(at):
    return samples[times[bisect.bisect_right(times, at) - 1]]


def counters(at):
    """The cpu counters at a moment, interpolated between the samples around it (None outside them)."""
    i = bisect.bisect_left(times, at)
    if i == 0 or i == len(times):
        return None
    a, b = times[i - 1], times[i]
    w = (at - a) / (b - a)
    return [x + w * (y - x) for x, y in zip(samples[a], samples[b])]


def shares(first, last):
    """Idle and stolen per cent of the cores' time between two readings of the counters."""
    delta = [y - x for x, y in zip(first, last)]
    total = sum(delta) or 1
    return 100 * (delta[3] + delta[4]) / total, 100 * delta[7] / total


end = times[-1] - 5
host = ''
if times[0] <= end - 30:
    idle, steal = shares(at_or_before(end - 30), at_or_before(end))
    host = f" machine: idle {idle:.0f}% steal {steal:.1f}%"

ticks = int(sys.argv[3]) - int(sys.argv[2])
deliveries = run.get('deliveries') or 1
server_us = ticks / int(sys.argv[5]) * 1e6 / deliveries
print(f"rate={sys.argv[4]} acked/s={run['ackedPerSecond']:.1f} deliveries/s={run['deliveriesPerSecond']:.1f}"
      f" p50={run['latencyP50Micros'] / 1000:.2f} p99={run['latencyP99Micros'] / 1000:.2f}"
      f" p99.9={run['latencyP999Micros'] / 1000:.2f} ms lost={run.get('lost')}"
      f" duplicates={run.get('appDuplicates')}/{run.get('rawDuplicates')}"
      f" server-cpu/delivery={server_us:.1f}us"
      f" generator-cpu/delivery={run.get('generatorMeasuredCpuMicrosPerDelivery', -1):.2f}us{host}")
late = ' '.join(f"{100 * s['slowDeliveries'] / max(1, s['deliveries']):.0f}/{s['slowestMicros'] // 1000}"
                for s in run['timeline'])
print('  per second (late % / slowest ms):', late)

sending = next((float(l.split()[0]) for l in open(sys.argv[7]) if re.search(r'Sending |보내는 중', l)), None)
if sending is not None:
    start = sending + 0.5
    steal = []
    for second in range(len(run['timeline'])):
        a, b = counters(start + second), counters(start + second + 1)
        if a is None or b is None:
            steal.append('-')
            continue
        steal.append(f"{shares(a, b)[1]:.0f}")
    print('  per second (steal %):', ' '.join(steal))
PY
done
