package io.ieum.core.model;

/**
 * What a timeline entry records. Only {@link #MESSAGE} entries count as unread; the others are
 * events shown inline ("Mina invited Joon") and carried by sync like any message, so a device
 * that was offline learns of deletions and membership changes from the same cursor.
 */
public enum EntryKind {
    MESSAGE,
    DELETION,
    MEMBER_JOINED,
    MEMBER_LEFT,
    MEMBER_REMOVED,
    ROOM_CREATED,
    /** An order of a channel conversation changed; target {@code <orderId>:<STATUS>}, text the reason. */
    ORDER_UPDATE,
    /** A booking changed; target {@code <bookingId>:<STATUS>:<start>}, text the reason. */
    BOOKING_UPDATE,
    /** A channel's announcement; text is the announcement. */
    ANNOUNCEMENT
}
