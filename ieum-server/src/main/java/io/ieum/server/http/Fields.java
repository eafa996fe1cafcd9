package io.ieum.server.http;

import com.linecorp.armeria.common.annotation.Nullable;

import io.ieum.core.error.IeumException;

/** Checks for request fields that are required. */
public final class Fields {

    private Fields() {}

    public static <T> T required(@Nullable T value, String field, String expected) {
        if (value == null) {
            throw IeumException.invalid(field + ": missing (expected: " + expected + ")");
        }
        return value;
    }
}
