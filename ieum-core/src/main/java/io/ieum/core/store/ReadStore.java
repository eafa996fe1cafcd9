package io.ieum.core.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.RoomId;
import io.ieum.core.id.UserId;

/**
 * Read positions: for each (room, member), the newest entry the member has read. Positions only
 * move forward: advancing to an older entry than the stored one changes nothing, whatever the
 * order in which concurrent advances arrive.
 */
public interface ReadStore {

    CompletableFuture<Void> advance(RoomId roomId, UserId userId, MessageId upTo);

    Optional<MessageId> position(RoomId roomId, UserId userId);

    /** Every member's position in the room; members who never read are absent. */
    Map<UserId, MessageId> positions(RoomId roomId);
}
