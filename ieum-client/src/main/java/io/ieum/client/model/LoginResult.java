package io.ieum.client.model;

/** The answer to a log-in: the bearer token for every later call. */
public record LoginResult(String token, SessionView session, UserView user) {}
