package io.ieum.server.realtime;

/** Metric names of the realtime package, in one place. */
final class RealtimeMetrics {

    static final String EVENTS_PUBLISHED = "ieum.realtime.events.published";
    static final String EVENTS_WITHOUT_LISTENER = "ieum.realtime.events.no.local.listener";
    static final String FRAMES_WRITTEN = "ieum.realtime.frames.written";
    static final String SLOW_CONSUMERS_DROPPED = "ieum.realtime.slow.consumers.dropped";
    static final String CONNECTIONS = "ieum.realtime.connections";
    static final String PROTOCOL_VIOLATIONS = "ieum.realtime.protocol.violations";
    static final String SYNC_NUDGES = "ieum.realtime.sync.nudges";
    static final String SYNC_NUDGES_COALESCED = "ieum.realtime.sync.nudges.coalesced";
    static final String SYNC_NUDGE_ROUNDS = "ieum.realtime.sync.nudge.rounds";
    static final String SYNC_NUDGES_WAITING = "ieum.realtime.sync.nudges.waiting";

    private RealtimeMetrics() {}
}
