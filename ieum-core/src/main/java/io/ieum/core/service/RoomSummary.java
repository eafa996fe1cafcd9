package io.ieum.core.service;

import io.ieum.core.model.Entry;
import io.ieum.core.model.Room;

/**
 * One line of a user's room list.
 *
 * @param latest the newest entry of the room, or {@code null} for a room with none yet
 * @param unread messages from others newer than the user's read position (capped at {@link RoomService#UNREAD_CAP})
 */
public record RoomSummary(Room room, int memberCount, Entry latest, int unread) {

    /** Last activity as epoch millis: the newest entry's time, else the room's creation. */
    public long lastActivityMillis() {
        return latest != null ? latest.id().epochMillis() : room.createdAt().toEpochMilli();
    }
}
