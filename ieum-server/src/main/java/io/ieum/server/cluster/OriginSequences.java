package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The last sequence number heard from each origin ({@code <node name>/<boot ID>}, ADR 0006) and the
 * latest boot ID of each node name. It de-duplicates events and tells when some never arrived: a
 * skipped number (the origin dropped them for this node: its queue was full or it thought this node
 * down) or a new boot ID for a known name (what the old boot had not sent yet died with it).
 */
final class OriginSequences {

    private final ConcurrentHashMap<String, Long> lastSeq = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> bootOfName = new ConcurrentHashMap<>();

    Arrival arrive(String origin, long seq) {
        requireNonNull(origin, "origin");
        Arrival[] verdict = {Arrival.DUPLICATE};
        lastSeq.compute(origin, (k, last) -> {
            if (last == null) {
                verdict[0] = Arrival.FIRST;
                return seq;
            }
            if (seq <= last) {
                return last;
            }
            verdict[0] = seq == last + 1 ? Arrival.IN_ORDER : Arrival.SKIPPED;
            return seq;
        });
        if (verdict[0] == Arrival.FIRST) {
            int slash = origin.lastIndexOf('/');
            String name = slash < 0 ? origin : origin.substring(0, slash);
            String before = bootOfName.put(name, origin);
            if (before != null && !before.equals(origin)) {
                return Arrival.RESTARTED;
            }
        }
        return verdict[0];
    }
}
