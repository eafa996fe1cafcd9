package io.ieum.client.model;

import java.util.Map;

/** The answer of {@code GET /health}: overall status and one line per component. */
public record Health(String status, Map<String, Component> components) {

    public Health {
        components = components == null ? Map.of() : Map.copyOf(components);
    }

    public boolean isUp() {
        return "UP".equals(status);
    }

    /** One component's status; {@code detail} may be null. */
    public record Component(String status, String detail) {}
}
