package io.ieum.core.channel;

import io.ieum.core.error.IeumException;

/** Length checks for the free-text fields of channels, orders and bookings; errors name the field. */
final class TextRules {

    private TextRules() {}

    /** {@code value} stripped, with {@code min..max} code points; null counts as empty. */
    static String text(String field, String value, int min, int max) {
        String text = value == null ? "" : value.strip();
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw IeumException.invalid(field + ": " + length + " characters (expected: " + min + ".." + max + ")");
        }
        return text;
    }

    static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw IeumException.invalid(field + ": " + value + " (expected: " + min + ".." + max + ")");
        }
        return value;
    }
}
