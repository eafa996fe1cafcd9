package io.ieum.core.service;

import java.time.Duration;

import io.ieum.core.error.ErrorCode;
import io.ieum.core.error.IeumException;

/** A refusal that the caller may retry after {@link #retryAfter()} (sent as {@code Retry-After}). */
public final class RetryLaterException extends IeumException {

    private final Duration retryAfter;

    public RetryLaterException(ErrorCode code, String detail, Duration retryAfter) {
        super(code, detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
