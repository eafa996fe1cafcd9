package io.ieum.core.model;

/** A direct room holds exactly two people and is unique per pair; a group room has a name and an owner. */
public enum RoomKind {
    DIRECT,
    GROUP
}
