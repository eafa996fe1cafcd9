package io.ieum.server.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import com.linecorp.armeria.common.annotation.Nullable;

import io.ieum.core.error.IeumException;

/** Parses enum and time values of request bodies and query strings, naming the field and the allowed values. */
final class WireValues {

    private WireValues() {}

    @Nullable
    static <E extends Enum<E>> E enumOrNull(Class<E> type, @Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw IeumException.invalid(field + ": '" + abbreviate(text) + "' (expected one of: "
                    + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    static <E extends Enum<E>> E required(Class<E> type, @Nullable String text, String field) {
        E value = enumOrNull(type, text, field);
        if (value == null) {
            throw IeumException.invalid(field + ": missing (expected one of: " + Arrays.toString(type.getEnumConstants()) + ")");
        }
        return value;
    }

    @Nullable
    static Instant instantOrNull(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw IeumException.invalid(field + ": '" + abbreviate(text) + "' (expected: an ISO-8601 UTC time such as 2026-12-01T09:00:00Z)");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
