package io.ieum.core.model;

/**
 * A direct room holds exactly two people and is unique per pair; a group room has a name and an owner;
 * a channel room is one customer's conversation with a business channel (unique per pair), whose
 * members are the customer and the channel's staff, and whose owner is the channel's owner.
 */
public enum RoomKind {
    DIRECT,
    GROUP,
    CHANNEL
}
