package io.ieum.server.error;

/** The JSON body of every error: a stable code and a localized text naming the problem. */
public record ErrorBody(String error, String message) {}
