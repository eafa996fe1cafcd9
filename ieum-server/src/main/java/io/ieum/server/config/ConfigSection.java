package io.ieum.server.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * The raw values of one configuration section, read with typed getters. Every getter names the
 * key ({@code http.port}) and the expected form in its error; keys nobody asked for are errors too.
 */
final class ConfigSection {

    private final String name;
    private final Map<String, Object> values;
    private final Map<String, String> envValues;
    private final Set<String> known = new LinkedHashSet<>();

    /**
     * @param values    the section's keys from the file
     * @param envValues overrides from the environment, keyed by the lower-case key (environment
     *                  names are upper-case, so {@code IEUM_HTTP_MAXREQUESTBYTES} sets {@code maxRequestBytes})
     */
    ConfigSection(String name, Map<String, Object> values, Map<String, String> envValues) {
        this.name = requireNonNull(name, "name");
        this.values = new LinkedHashMap<>(requireNonNull(values, "values"));
        this.envValues = new LinkedHashMap<>(requireNonNull(envValues, "envValues"));
    }

    @Nullable
    String string(String key, @Nullable String fallback) {
        Object raw = raw(key);
        if (raw == null) {
            return fallback;
        }
        if (!(raw instanceof String || raw instanceof Number)) {
            throw invalid(key, raw, "a string");
        }
        return raw.toString();
    }

    /** A YAML list of strings, or one string of comma-separated values (as environment variables give). */
    java.util.List<String> stringList(String key) {
        return stringList(key, java.util.List.of());
    }

    java.util.List<String> stringList(String key, java.util.List<String> fallback) {
        Object raw = raw(key);
        if (raw == null) {
            return fallback;
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        if (raw instanceof java.util.List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    throw invalid(key, raw, "a list of strings");
                }
                out.add(text);
            }
        } else if (raw instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else {
            throw invalid(key, raw, "a list of strings or comma-separated values");
        }
        return out;
    }

    int integer(String key, int fallback, int min, int max) {
        Object raw = raw(key);
        if (raw == null) {
            return fallback;
        }
        long value;
        try {
            value = raw instanceof Number n && !(raw instanceof Double || raw instanceof Float)
                    ? n.longValue() : Long.parseLong(raw.toString().strip());
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "an integer in " + min + ".." + max);
        }
        if (value < min || value > max) {
            throw invalid(key, raw, "an integer in " + min + ".." + max);
        }
        return (int) value;
    }

    /**
     * A YAML mapping of names to integers, or one string {@code name:value,name:value} (as
     * environment variables give), e.g. {@code dc1:3,dc2:3,dc3:3}.
     */
    Map<String, Integer> integerMap(String key, Map<String, Integer> fallback, int min, int max) {
        Object raw = raw(key);
        if (raw == null) {
            return fallback;
        }
        String expected = "a mapping of names to integers in " + min + ".." + max + ", e.g. {dc1: 3, dc2: 3}"
                + " (environment: dc1:3,dc2:3)";
        Map<String, Object> entries = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> entries.put(String.valueOf(k), v));
        } else if (raw instanceof String text) {
            for (String part : text.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                if (colon < 1) {
                    throw invalid(key, raw, expected);
                }
                entries.put(part.substring(0, colon).strip(), part.substring(colon + 1).strip());
            }
        } else {
            throw invalid(key, raw, expected);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        entries.forEach((name, value) -> {
            long n;
            try {
                n = value instanceof Integer || value instanceof Long ? ((Number) value).longValue()
                        : Long.parseLong(String.valueOf(value).strip());
            } catch (NumberFormatException e) {
                throw invalid(key, raw, expected);
            }
            if (n < min || n > max) {
                throw invalid(key + "." + name, value, "an integer in " + min + ".." + max);
            }
            out.put(name, (int) n);
        });
        return out;
    }

    long bytes(String key, long fallback, long min, long max) {
        Object raw = raw(key);
        if (raw == null) {
            return fallback;
        }
        long value = HumanUnits.bytes(raw.toString());
        String expected = "a size like 1048576, 512KB or 100MB, in " + min + ".." + max + " bytes";
        if (value < min || value > max) {
            throw invalid(key, raw, expected);
        }
        return value;
    }

    Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Object raw = raw(key);
        if (raw == null) {
            return fallback;
        }
        Duration value = HumanUnits.duration(raw.toString());
        String expected = "a duration like 500ms, 10s, 5m, 2h or 30d, in "
                + HumanUnits.format(min) + ".." + HumanUnits.format(max);
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(key, raw, expected);
        }
        return value;
    }

    /** Fails on any key no getter asked for (a typo would otherwise be silently ignored). */
    void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidConfigException(name + "." + key + ": unknown key (expected one of: "
                        + String.join(", ", known) + ")");
            }
        }
        Set<String> knownLower = new LinkedHashSet<>();
        known.forEach(k -> knownLower.add(k.toLowerCase(java.util.Locale.ROOT)));
        for (String key : envValues.keySet()) {
            if (!knownLower.contains(key)) {
                throw new InvalidConfigException("IEUM_" + name.toUpperCase(java.util.Locale.ROOT) + "_"
                        + key.toUpperCase(java.util.Locale.ROOT) + ": unknown key (expected one of: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    InvalidConfigException invalid(String key, Object raw, String expected) {
        return new InvalidConfigException(name + "." + key + ": '" + raw + "' (expected: " + expected + ")");
    }

    @Nullable
    private Object raw(String key) {
        known.add(key);
        String fromEnv = envValues.get(key.toLowerCase(java.util.Locale.ROOT));
        return fromEnv != null ? fromEnv : values.get(key);
    }
}
