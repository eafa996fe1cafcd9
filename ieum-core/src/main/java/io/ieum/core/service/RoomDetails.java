package io.ieum.core.service;

import java.util.List;
import java.util.Map;

import io.ieum.core.id.MessageId;
import io.ieum.core.id.UserId;
import io.ieum.core.model.Member;
import io.ieum.core.model.Room;

/** A room with its members and where each of them has read up to (absent: never read). */
public record RoomDetails(Room room, List<Member> members, Map<UserId, MessageId> readPositions) {}
