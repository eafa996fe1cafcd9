package io.ieum.client.model;

/** A user as the server shows it; {@code avatar} is a SHA-256 or null, {@code statusMessage} may be null. */
public record UserView(String id, String username, String displayName, String statusMessage, String avatar) {}
