package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

import io.ieum.core.id.ChannelId;
import io.ieum.core.id.UserId;

/** A user who works for a channel. */
public record Staff(ChannelId channelId, UserId userId, StaffRole role, Instant since) {

    public Staff {
        requireNonNull(channelId, "channelId");
        requireNonNull(userId, "userId");
        requireNonNull(role, "role");
        requireNonNull(since, "since");
    }
}
