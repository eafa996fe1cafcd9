/**
 * The JSON shapes of docs/protocol.md as records. Fields the server may leave out or set to null
 * (for example {@code unreadBy} on live entries, {@code latest} of an empty room) are documented
 * on the record; everything else is non-null.
 */
package io.ieum.client.model;
