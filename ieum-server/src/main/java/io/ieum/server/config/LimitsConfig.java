package io.ieum.server.config;

import java.time.Duration;

import io.ieum.core.service.Limits;

/** Reads the {@code limits} section into the core's {@link Limits}, which checks the ranges once more. */
final class LimitsConfig {

    private LimitsConfig() {}

    static Limits from(ConfigSection s) {
        Limits d = Limits.DEFAULTS;
        Duration year = Duration.ofDays(366);
        Limits limits;
        try {
            limits = new Limits(
                    s.integer("maxTextLength", d.maxTextLength(), 1, 1_000_000),
                    s.integer("maxGroupMembers", d.maxGroupMembers(), 2, 100_000),
                    s.duration("deleteWindow", d.deleteWindow(), Duration.ZERO, year),
                    s.bytes("maxAttachmentBytes", d.maxAttachmentBytes(), 1, 16L * 1024 * 1024 * 1024),
                    s.duration("idMaxAge", d.idMaxAge(), Duration.ofSeconds(1), Duration.ofDays(1)),
                    s.duration("idMaxFutureSkew", d.idMaxFutureSkew(), Duration.ZERO, Duration.ofHours(1)),
                    s.duration("sessionTtl", d.sessionTtl(), Duration.ofMinutes(1), Duration.ofDays(3650)));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("limits." + e.getMessage(), e);
        }
        return limits;
    }
}
