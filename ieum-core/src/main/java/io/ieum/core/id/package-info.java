/**
 * Identifiers. Every ID is a UUID created outside the database: UUIDv7 (time-ordered) for users,
 * rooms, sessions and timeline entries; a name-based UUID for direct rooms, so that the room of a
 * pair is the same wherever and however often it is asked for.
 */
package io.ieum.core.id;
