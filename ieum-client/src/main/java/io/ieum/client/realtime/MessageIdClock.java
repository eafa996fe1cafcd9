package io.ieum.client.realtime;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/**
 * Stamps new message IDs with the server's idea of now. The server rejects IDs more than 60 s
 * behind or 10 s ahead of its clock, so a phone whose clock is off by minutes must correct it with
 * the {@code serverTime} of the {@code ready} frame.
 */
public final class MessageIdClock {

    private final Clock clock;
    private volatile long offsetMillis;

    public MessageIdClock(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    public static MessageIdClock system() {
        return new MessageIdClock(Clock.systemUTC());
    }

    /**
     * Learns the offset from one round trip: the server stamped {@code serverTime} somewhere between
     * our {@code sentAt} and {@code receivedAt}, so we assume half way.
     */
    public void correct(Instant serverTime, Instant sentAt, Instant receivedAt) {
        long midpoint = sentAt.toEpochMilli() + (receivedAt.toEpochMilli() - sentAt.toEpochMilli()) / 2;
        offsetMillis = serverTime.toEpochMilli() - midpoint;
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis);
    }

    /** Now on the server's clock, as best we know it. */
    public Instant serverNow() {
        return clock.instant().plusMillis(offsetMillis);
    }

    public Instant localNow() {
        return clock.instant();
    }

    /** A fresh UUIDv7 stamped with the corrected time. */
    public UUID nextId() {
        return UuidCreator.getTimeOrderedEpoch(serverNow());
    }
}
