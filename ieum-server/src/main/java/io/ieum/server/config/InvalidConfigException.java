package io.ieum.server.config;

/** A configuration value is missing, unknown or out of range; the message names key, value and expectation. */
public final class InvalidConfigException extends RuntimeException {

    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
