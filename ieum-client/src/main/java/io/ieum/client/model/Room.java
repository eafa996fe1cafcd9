package io.ieum.client.model;

import java.time.Instant;
import java.util.List;

/** A room with its members. {@code name} may be null for direct rooms. */
public record Room(String id, String kind, String name, String owner, Instant createdAt, List<MemberView> members) {

    public Room {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
