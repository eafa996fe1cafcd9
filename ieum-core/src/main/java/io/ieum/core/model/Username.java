package io.ieum.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

import io.ieum.core.error.IeumException;

/** A login name: 3–32 of a–z, 0–9, '_', '.', '-', stored lower-case so that lookups ignore case. */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_.-]{3,32}");

    public Username {
        requireNonNull(value, "value");
        if (!ALLOWED.matcher(value).matches()) {
            throw IeumException.invalid("username: '" + shorten(value)
                    + "' (expected: 3-32 characters of a-z, 0-9, '_', '.', '-')");
        }
    }

    public static Username of(String text) {
        requireNonNull(text, "username");
        return new Username(text.trim().toLowerCase(Locale.ROOT));
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return value;
    }
}
