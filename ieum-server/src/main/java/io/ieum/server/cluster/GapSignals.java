package io.ieum.server.cluster;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where the cluster reports that this node may have missed a peer's events: counts each signal by
 * reason and runs the action the server wired in (telling local devices to sync). Never throws to
 * the caller, which is a link thread or the event receiver.
 */
final class GapSignals {

    static final String GAPS = "ieum.cluster.gaps";

    private static final Logger log = LoggerFactory.getLogger(GapSignals.class);

    private final Map<GapReason, Counter> counters = new EnumMap<>(GapReason.class);
    private volatile Runnable action = () -> {};

    GapSignals(MeterRegistry meters) {
        requireNonNull(meters, "meters");
        for (GapReason reason : GapReason.values()) {
            counters.put(reason, Counter.builder(GAPS).tag("reason", reason.tag())
                    .description("times this node may have missed a peer's events and told its devices to sync")
                    .register(meters));
        }
    }

    void onGap(Runnable newAction) {
        this.action = requireNonNull(newAction, "newAction");
    }

    void signal(GapReason reason, String peer) {
        log.debug("May have missed events of {} ({}): devices here will sync", peer, reason.tag());
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Telling devices to sync after a gap ({}) failed", reason.tag(), e);
        } finally {
            counters.get(reason).increment(); // after the action: a signal counted has been acted on
        }
    }
}
