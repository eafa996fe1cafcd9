package io.ieum.core.channel;

import static java.util.Objects.requireNonNull;

import io.ieum.core.id.ChannelId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/** A customer's chat with a channel: a room owned by the channel, answered by any of its staff. */
public record Conversation(ChannelId channelId, UserId customer, RoomId roomId) {

    public Conversation {
        requireNonNull(channelId, "channelId");
        requireNonNull(customer, "customer");
        requireNonNull(roomId, "roomId");
    }
}
